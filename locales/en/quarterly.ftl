# Every user-facing text of the report and the notifications, English, in Project Fluent
# syntax (https://projectfluent.org); variables are { $name }, passed preformatted by the caller.
# One folder per language (locales/LANG/), the same files and message ids in each:
#   notify.ftl     Slack / Teams notifications
#   report.ftl     report title, meta, section titles and words every section shares
#   monthly.ftl    the monthly review's sections
#   quarterly.ftl  the quarterly report's sections

## The quarterly report's sections (ids start with the section's name)
# Inline markup: <b>…</b> is strong text, † the low-sample mark.

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

arr-explained = <b>{ $arr }</b> of annual contract value: the ACV of the mature cohort's { $n } substandard deals × the gap between their first-year churn rate ({ $sub_rate }) and that of excellent handoffs ({ $exc_rate }), floored at 0. It is what the substandard deals would have kept had they churned like excellent ones — an illustration of scale under the (unproven) assumption that the gap is caused by the handoff, not a forecast.
arr-not-computable = Not computable: the mature cohort lacks substandard or excellent deals.

## Retention curves

retention-intro = Kaplan–Meier share of customers not yet churned by days since close. Unlike the first-year rates, every deal counts, each followed as long as the data allows.
retention-logrank = Log-rank test of equal curves: χ² = <b>{ $statistic }</b> on { $dof } dof, p = <b>{ $p }</b>{ $differ ->
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
summary-rates = Customers whose handoff was substandard churned in their first year at <b>{ $sub_rate }</b>{ $sub_low } (95% CI { $sub_ci }; { $sub_k } of { $sub_n }) against <b>{ $exc_rate }</b>{ $exc_low } (95% CI { $exc_ci }; { $exc_k } of { $exc_n }) for excellent handoffs
summary-no-substandard = The mature cohort has no substandard handoffs, so substandard and excellent handoffs cannot be compared
summary-no-excellent = The mature cohort has no excellent handoffs, so substandard and excellent handoffs cannot be compared
summary-rr = ; relative risk <b>{ $value }</b> (95% CI { $ci })
summary-rr-none = ; the relative risk cannot be computed (a churn count or a band is zero)
summary-rr-adjusted = ; segment-adjusted (Mantel–Haenszel) relative risk <b>{ $value }</b> (95% CI { $ci })
summary-rr-adjusted-none = ; the segment-adjusted relative risk cannot be computed
summary-chi-square = ; chi-square test across the bands p = <b>{ $p }</b>.
summary-chi-square-none = ; the chi-square test cannot be computed.
summary-verdict-not-computable = <b>The data cannot support a conclusion about handoff quality and first-year churn: the tests cannot be computed on this cohort.</b>
summary-verdict-chance = <b>The data cannot support a conclusion: </b>with p = { $p } (≥ 0.05) the differences between bands are within what chance alone would often produce.
summary-verdict-mixed-bands-differ = <b>Evidence is mixed: </b>churn differs across the bands (p < 0.05), but the confidence interval of the substandard-vs-excellent relative risk includes 1, so that comparison on its own is not conclusive.
summary-verdict-mixed = <b>Evidence is mixed: </b>the confidence interval of the substandard-vs-excellent relative risk includes 1, so the comparison is not conclusive.
summary-verdict-differs-higher = <b>Churn differs by handoff quality beyond what chance would readily explain: </b>substandard handoffs go with markedly higher first-year churn than excellent ones.
summary-verdict-differs-lower = <b>Churn differs by handoff quality beyond what chance would readily explain: </b>substandard handoffs go with lower first-year churn than excellent ones, against expectation — check the data.
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
summary-causation = <b>Correlation, not causation. </b>These figures show how churn goes with handoff quality; they do not prove that better handoffs cause lower churn. Deals with poor handoffs may differ in other ways (deal size, customer readiness, product fit) that also drive churn; the segment adjustment removes one such difference, not all.

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
