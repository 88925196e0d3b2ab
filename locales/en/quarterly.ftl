# Every user-facing text of the report and the notifications, English, in Project Fluent
# syntax (https://projectfluent.org); variables are { $name }, passed preformatted by the caller.
# One folder per language (locales/LANG/), the same files and message ids in each:
#   notify.ftl     Slack / Teams notifications
#   report.ftl     report title, meta, section titles and words every section shares
#   monthly.ftl    the monthly review's sections
#   quarterly.ftl  the quarterly report's sections

## The quarterly report's sections (ids start with the section's name)
# Inline markup: **…** is strong text, † the low-sample mark.

## Churn by band

churn-intro = Churned = a churn event within 365 days after the close date. Bars show the rate, whiskers the Wilson 95% confidence interval: overlapping intervals mean the bands are not clearly different.
churn-no-mature-deals = no deals in the mature cohort
churn-col-band = Band
churn-col-deals = Deals
churn-col-churned = Churned
churn-col-rate = Churn rate
churn-col-ci = 95% CI
churn-ci = 95% CI { $ci }
churn-rr-not-computable = not computable: a churn count or a band is zero

## Relative risk

relative-risk-intro = How many times the first-year churn rate of substandard handoffs is that of excellent ones (1 = no difference). The segment-adjusted (Mantel–Haenszel) estimate compares the bands within each segment, so a different segment mix in the two bands cannot pass for a handoff effect.
relative-risk-col-estimate = Estimate
relative-risk-col-value = Relative risk
relative-risk-col-ci = 95% CI
relative-risk-col-reading = Reading
relative-risk-crude = Crude
relative-risk-adjusted = Segment-adjusted (Mantel–Haenszel)
relative-risk-reading-above = higher churn with substandard handoffs (CI above 1)
relative-risk-reading-below = lower churn with substandard handoffs (CI below 1)
relative-risk-reading-includes = inconclusive: the CI includes 1
relative-risk-reading-none = not computable (a churn count or a band is zero)

## ARR at stake

arr-explained = **{ $arr }** of annual contract value: the ACV of the mature cohort's { $n } substandard deals × the gap between their first-year churn rate ({ $sub_rate }) and that of excellent handoffs ({ $exc_rate }), floored at 0. It is what the substandard deals would have kept had they churned like excellent ones — an illustration of scale under the (unproven) assumption that the gap is caused by the handoff, not a forecast.
arr-not-computable = Not computable: the mature cohort lacks substandard or excellent deals.

## Retention curves

retention-intro = Kaplan–Meier share of customers not yet churned by days since close. Unlike the first-year rates, every deal counts, each followed as long as the data allows.
retention-logrank = Log-rank test of equal curves: χ² = **{ $statistic }** on { $dof } dof, p = **{ $p }**{ $differ ->
        [yes] {" "}— the curves differ beyond chance.
       *[no] {" "}— the data cannot show that the curves differ.
    }
retention-logrank-none = The log-rank test cannot be computed (fewer than two bands with deals, or no churn).
retention-col-band = Band
retention-col-deals = Deals
retention-col-events = Churn events
retention-col-retained = Retained at day 365 (KM)

## Significance tests

tests-intro = A p-value is the chance of differences at least this large if handoff quality and churn were unrelated; below 0.05 is conventionally called significant. Significance is not effect size, and neither is causation.
tests-col-test = Test
tests-col-cohort = Cohort
tests-col-statistic = Statistic
tests-col-dof = dof
tests-col-p = p-value
tests-col-reading = Reading
tests-cohort-mature = mature
tests-cohort-survival = survival
tests-chi2 = χ² = { $value }
tests-r = r = { $value }
tests-chi-square = Chi-square, bands × churned/retained (Pearson, no continuity correction)
tests-point-biserial = Point-biserial correlation, quality score × churned
tests-logrank = Log-rank, retention curves by band
tests-reading-significant = significant at 5%
tests-reading-not-significant = not significant (p ≥ 0.05)
tests-reading-none = not computable
tests-note-r = A negative r means higher scores go with less churn.

## Summary (plain-language statistics: association, not causation; low samples named)

summary-no-renewals = First-year churn, expansion and retention are not available (table renewals not provided), so this report cannot relate handoff quality to customer outcomes. The sections below show what the other inputs support.
summary-tile-churn-substandard = First-year churn, substandard
summary-tile-churn-excellent = First-year churn, excellent
summary-tile-ci-n = 95% CI { $ci } · n = { $n }
summary-tile-rr = Relative risk (crude)
summary-tile-rr-adjusted = Relative risk, segment-adjusted
summary-tile-arr = ARR at stake
summary-tile-arr-detail = ACV of substandard deals × churn-rate gap
summary-tile-score = Mean quality score this quarter
summary-tile-deals-closed = { $count ->
        [one] { $n } deal closed
       *[other] { $n } deals closed
    }
summary-rates = Customers whose handoff was substandard churned in their first year at **{ $sub_rate }**{ $sub_low } (95% CI { $sub_ci }; { $sub_k } of { $sub_n }) against **{ $exc_rate }**{ $exc_low } (95% CI { $exc_ci }; { $exc_k } of { $exc_n }) for excellent handoffs
summary-no-substandard = The mature cohort has no substandard handoffs, so substandard and excellent handoffs cannot be compared
summary-no-excellent = The mature cohort has no excellent handoffs, so substandard and excellent handoffs cannot be compared
summary-rr = ; relative risk **{ $value }** (95% CI { $ci })
summary-rr-none = ; the relative risk cannot be computed (a churn count or a band is zero)
summary-rr-adjusted = ; segment-adjusted (Mantel–Haenszel) relative risk **{ $value }** (95% CI { $ci })
summary-rr-adjusted-none = ; the segment-adjusted relative risk cannot be computed
summary-chi-square = ; chi-square test across the bands p = **{ $p }**.
summary-chi-square-none = ; the chi-square test cannot be computed.
summary-verdict-not-computable = **The data cannot support a conclusion about handoff quality and first-year churn: the tests cannot be computed on this cohort.**
summary-verdict-chance = **The data cannot support a conclusion: **with p = { $p } (≥ 0.05) the differences between bands are within what chance alone would often produce.
summary-verdict-mixed-bands-differ = **Evidence is mixed: **churn differs across the bands (p < 0.05), but the confidence interval of the substandard-vs-excellent relative risk includes 1, so that comparison on its own is not conclusive.
summary-verdict-mixed = **Evidence is mixed: **the confidence interval of the substandard-vs-excellent relative risk includes 1, so the comparison is not conclusive.
summary-verdict-differs-higher = **Churn differs by handoff quality beyond what chance would readily explain: **substandard handoffs go with markedly higher first-year churn than excellent ones.
summary-verdict-differs-lower = **Churn differs by handoff quality beyond what chance would readily explain: **substandard handoffs go with lower first-year churn than excellent ones, against expectation — check the data.
summary-adjustment-moves = Adjusting for segment moves the relative risk from { $crude } to { $adjusted }: part of the crude difference reflects the segment mix, not the handoff.
summary-adjustment-barely = Adjusting for segment barely changes the relative risk ({ $crude } → { $adjusted }), so the segment mix does not explain the difference.
summary-band-excellent = excellent
summary-band-good = good
summary-band-acceptable = acceptable
summary-band-substandard = substandard
summary-low-sample = Low sample: the { $bands } { $count ->
        [one] band has
       *[other] bands have
    } fewer than 30 mature deals (marked †), so the rates are imprecise.
summary-causation = **Correlation, not causation. **These figures show how churn goes with handoff quality; they do not prove that better handoffs cause lower churn. Deals with poor handoffs may differ in other ways (deal size, customer readiness, product fit) that also drive churn; the segment adjustment removes one such difference, not all.

## Expansion and NPS by band

expansion-heading = First-year expansion
expansion-no-mature-deals = no deals in the mature cohort
expansion-intro = Expanded = an expansion event within 365 days after the close date.
expansion-col-band = Band
expansion-col-deals = Deals
expansion-col-expanded = Expanded
expansion-col-rate = Expansion rate
expansion-col-ci = 95% CI
nps-heading = Net Promoter Score
nps-no-responses = no NPS responses in the trailing cohort
nps-col-band = Band
nps-col-responses = Responses
nps-col-nps = NPS
nps-col-csat-30 = CSAT day 30
nps-col-csat-90 = CSAT day 90
nps-note = NPS = % promoters (9–10) − % detractors (0–6), from −100 to +100; n counts responses, not deals.

## Customer satisfaction (monthly review too)

satisfaction-intro = CSAT (1–5) of the day-30 wave (responses 1–60 days after close) and the day-90 wave (61–120 days), latest response per deal and wave. NPS = % promoters (9–10) − % detractors (0–6) over both waves' responses. Cells show value (n).
satisfaction-no-responses = no survey responses in the waves
satisfaction-value-n = { $value } ({ $n })
satisfaction-col-band = Band
satisfaction-col-csat-30 = CSAT day 30
satisfaction-col-csat-90 = CSAT day 90
satisfaction-col-nps = NPS
satisfaction-review-heading = Deals for a retroactive handoff review (CSAT ≤ 2)
satisfaction-review-none = None: no response scored 2 or lower.
satisfaction-col-deal = Deal
satisfaction-col-account = Account
satisfaction-col-rep = Sales rep
satisfaction-col-wave = Wave
satisfaction-col-csat = CSAT
satisfaction-wave-day_30 = Day 30
satisfaction-wave-day_90 = Day 90

## Quarterly trend

quarter-trend-table-title = The quarter against the previous one
quarter-trend-col-measure = Measure
quarter-trend-col-this = This quarter
quarter-trend-col-previous = previous
quarter-trend-col-change = Change
quarter-trend-deals = Deals closed
quarter-trend-score = Mean quality score
quarter-trend-completion = Completion rate
quarter-trend-knowledge-transfer = Knowledge-transfer SLA attainment
quarter-trend-points = { $change } pts
quarter-trend-alerts = Alerts for the quarter

## What to fix first: the churn drivers (METRICS.md §4.12)

drivers-title = What to fix first: the handoff practices linked to churn
drivers-intro = Each practice splits the mature cohort into deals where it was done and deals where it was not. The table compares their first-year churn and puts a price on the gap: ARR at stake is the contract value of the deals without the practice × how much more often they churned. Practices come in order of ARR at stake, the first candidates for coaching. These are associations in past deals, not proof that fixing a practice will cut churn: deals that skip one step often skip others, and the practices overlap.
drivers-top = Largest ARR at stake: **{ $practice }** — churn **{ $without }** without it vs **{ $with }** with it, **{ $arr }** at stake{ $holm ->
        [holds] ; the difference holds up after allowing for { $tested } practices tested at once (Holm p = { $p }).
        [chance] ; after allowing for { $tested } practices tested at once the difference could still be chance (Holm p = { $p }).
       *[none] .
    }
drivers-no-deals = no deals
drivers-rate-of = { $rate } of { $n }
drivers-col-practice = Practice
drivers-col-with = Churn with it
drivers-col-without = Churn without it
drivers-col-rr = Relative risk (without ÷ with)
drivers-col-ci = 95% CI
drivers-col-holm = Holm-adjusted p
drivers-col-arr = ARR at stake
drivers-note-rr = Relative risk above 1: deals without the practice churned more often. A dash: not computable (a side has no deals or no churn).
drivers-note-holm = p-values from Fisher's exact test, adjusted with Holm's method for testing { $tested } practices at once; below 0.05 the gap is unlikely to be chance alone.
drivers-note-left-out = SLA practices leave out deals whose deadline has not passed; acceptance leaves out handoffs without a CS verdict.
# The practices in plain words (what "with" means); .in-sentence: the form inside a sentence.
drivers-practice-doc-deal-summary = Deal summary documented
    .in-sentence = deal summary documented
drivers-practice-doc-stakeholder-map = Stakeholder map documented
    .in-sentence = stakeholder map documented
drivers-practice-doc-commitments = Commitments documented
    .in-sentence = commitments documented
drivers-practice-doc-risk-factors = Risk factors documented
    .in-sentence = risk factors documented
drivers-practice-mtg-all-attended = Everyone at the handoff meeting
    .in-sentence = everyone at the handoff meeting
drivers-practice-mtg-agenda-covered = Meeting agenda covered
    .in-sentence = meeting agenda covered
drivers-practice-mtg-questions-answered = CS questions answered
    .in-sentence = CS questions answered
drivers-practice-sla-knowledge-transfer = Knowledge transfer on time
    .in-sentence = knowledge transfer on time
drivers-practice-sla-intro = Customer intro sent on time
    .in-sentence = customer intro sent on time
drivers-practice-sla-cs-prep = CS preparation done on time
    .in-sentence = CS preparation done on time
drivers-practice-sla-kickoff-scheduled = Kickoff booked on time
    .in-sentence = kickoff booked on time
drivers-practice-sla-kickoff-held = Kickoff held on time
    .in-sentence = kickoff held on time
drivers-practice-sla-first-value = First value reached on time
    .in-sentence = first value reached on time
drivers-practice-cs-accepted = CS accepted the handoff
    .in-sentence = CS accepted the handoff
drivers-practice-info-complete = All information filled in
    .in-sentence = all information filled in
# Methodology entries: .term is the term, the value its definition.
drivers-method-drivers = Each handoff practice splits the mature cohort into deals with and without it (checklist item fully done; SLA met vs missed, pending left out; CS accepted vs rejected or sent back; all information filled in). Relative risk = churn rate without ÷ with, 95% CI by the log method; p-values from Fisher's exact test, adjusted for the number of practices tested with Holm's method; ARR at stake = ACV of the deals without the practice × the churn-rate gap, floored at 0.
    .term = What to fix first
drivers-method-hazard-ratios = Cox proportional-hazards regression over the survival cohort with a separate baseline per segment and Efron's handling of tied churn dates; covariates the band indicators (excellent the reference) or the score per 10 points, each with log(1 + ACV). 95% intervals from the inverse information matrix, Wald p-values.
    .term = Adjusted hazard ratios
drivers-method-power = The smallest substandard ÷ excellent churn ratio a two-sided 5% test of two proportions would detect with 80% power, given the two band sizes and excellent's churn rate.
    .term = Smallest detectable relative risk
drivers-method-close-quarter = First-year churn of the mature cohort grouped by the calendar quarter of the close date and band.
    .term = Close-quarter cohorts

## Adjusted comparisons (METRICS.md §4.13–§4.14)

adjusted-title = Is it the handoff or the deal? Adjusted comparisons
adjusted-intro = Three ways to compare substandard with excellent handoffs, from simplest to most adjusted. The relative risks compare first-year churn rates (the second within each segment). The hazard ratios come from a Cox regression over every deal and all the time it has been followed, comparing deals of the same segment and the same deal size (log ACV): a hazard ratio of 1.5 means churning at 1.5 times the pace at any given time. If the adjusted numbers stay near the crude one, segment mix and deal size do not explain the gap; all remain associations.
adjusted-col-comparison = Comparison
adjusted-col-cohort = Cohort
adjusted-col-ratio = Ratio
adjusted-col-ci = 95% CI
adjusted-col-p = p-value
adjusted-col-reading = Reading
adjusted-cohort-mature = mature
adjusted-cohort-survival = survival
adjusted-rr-crude = Relative risk, substandard vs excellent (crude)
adjusted-rr-segments = Relative risk, within segments (Mantel–Haenszel)
adjusted-hr-substandard = Hazard ratio, substandard vs excellent (Cox, same segment and deal size)
adjusted-hr-acceptable = Hazard ratio, acceptable vs excellent (Cox, same segment and deal size)
adjusted-hr-good = Hazard ratio, good vs excellent (Cox, same segment and deal size)
adjusted-hr-score = Hazard ratio per 10 more quality points (Cox, same segment and deal size)
adjusted-reading-above = higher churn (CI above 1)
adjusted-reading-below = lower churn (CI below 1)
adjusted-reading-includes = inconclusive: the CI includes 1
adjusted-reading-none = not computable
adjusted-note-score = Below 1 per 10 quality points: better handoffs go with slower churn.
adjusted-note-no-model = The band model cannot be estimated: no churn yet, excellent handoffs have no deal or no churn, or a band has no churn.
adjusted-power = { $crude ->
        [computed] The crude relative risk is not significant, but that does not show there is no effect.
       *[none] The crude relative risk cannot be computed (a band has no deal or no churn), which is no evidence of no effect either.
    } With { $sub } substandard and { $exc } excellent deals, and { $exc_rate } of excellent deals churning, the data could reliably (80% of the time, at the 5% level) detect only a relative risk of **{ $mde }** or more; a smaller real difference could go unseen.
adjusted-power-unknown = { $crude ->
        [computed] The crude relative risk is not significant, but that does not show there is no effect.
       *[none] The crude relative risk cannot be computed (a band has no deal or no churn), which is no evidence of no effect either.
    } The cohort is too small (or excellent deals churn never or always) to say how large an effect it could have detected: read this as "not enough data", not "no effect".

## Churn by close quarter (METRICS.md §4.15)

close-quarter-title = First-year churn by close quarter
close-quarter-no-deals = No data: no deals in the mature cohort.
close-quarter-intro = Deals grouped by the quarter they closed in, so a change in churn over time shows up instead of hiding in the pooled rate. Each cell: first-year churn rate, churned of deals. Quarters hold few deals per band, so single cells move a lot by chance.
close-quarter-col-quarter = Close quarter
close-quarter-cell = { $rate } ({ $churned } of { $n })

## Charts of the quarterly report

churn-chart-title = First-year churn by handoff-quality band
churn-chart-note = Mature cohort; whiskers: Wilson 95% confidence interval; † fewer than 30 deals
churn-chart-whisker = 95% confidence interval
churn-chart-x = Quality band (mature cohort)
churn-chart-y = First-year churn rate
churn-chart-band-n = { $band } (n={ $n }){ $mark }
retention-chart-title = Customer retention by handoff-quality band
retention-chart-note = Kaplan–Meier over the survival cohort
retention-chart-note-axis = Kaplan–Meier over the survival cohort; the vertical axis starts at { $start }
retention-chart-x = Days since close
retention-chart-y = Share of customers retained
retention-chart-one-year = 1 year
expansion-chart-title = Expansion and NPS by handoff-quality band
expansion-chart-note = † fewer than 30 deals (expansion) or responses (NPS)
expansion-chart-subtitle = First-year expansion rate (mature cohort, 95% CI)
expansion-chart-y = Expansion rate
nps-chart-subtitle = NPS (trailing cohort; n = responses)
nps-chart-x = Quality band
nps-chart-y = NPS (−100 to +100)
drivers-chart-title = ARR at stake by handoff practice
drivers-chart-note = Mature cohort; ACV of deals without the practice × their extra first-year churn rate; associations, not causes
drivers-chart-x = ARR at stake (thousands, ACV currency)
close-quarter-chart-title = First-year churn by close quarter and band
close-quarter-chart-note = Mature cohort; most cells hold fewer than 30 deals, so single bars are imprecise
close-quarter-chart-x = Quarter of the close date
close-quarter-chart-y = First-year churn rate
