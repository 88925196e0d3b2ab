# Every user-facing text of the report and the notifications, English, in Project Fluent
# syntax (https://projectfluent.org); variables are { $name }, passed preformatted by the caller.
# One folder per language (locales/LANG/), the same files and message ids in each:
#   notify.ftl     Slack / Teams notifications
#   report.ftl     report title, meta, section titles and words every section shares
#   monthly.ftl    the monthly review's sections
#   quarterly.ftl  the quarterly report's sections

## Report: section titles

section-adoption = Early adoption and health at 30/60/90 days
section-arr = ARR at stake
section-bands = Quality band distribution
section-churn = First-year churn by handoff-quality band
section-completion = Handoff completion
section-data-quality = Data quality
section-escalations = Escalations
section-expansion-nps = Expansion and NPS by band
section-headline = Headline
section-methodology = Methodology
section-missing = Most-missing handoff information
section-relative-risk = Relative risk: substandard vs excellent
section-retention = Retention curves by band
section-satisfaction = Customer satisfaction
section-scorecards = Rep, team and CSM scorecards
section-sla = SLA attainment
section-summary = Summary
section-tests = Significance tests
section-transitions = Account transitions
section-ttfv-monthly = Time to first value by segment
section-ttfv-quarterly = Time to first value by segment and band
section-trend-monthly = Six-month quality trend
section-trend-quarterly = Quarterly trend

## Report: title and meta

subtitle-monthly = Monthly review for RevOps: quality scores, SLA attainment, completion, missing information, coaching and escalations.
subtitle-quarterly = Quarterly report for leadership: first-year churn, expansion and NPS by handoff-quality band, with confidence intervals and significance tests.
meta-period = Period
meta-period-value = { $label } ({ $start } to { $end })
meta-as-of = As of
meta-as-of-value = { $date } (end of day, UTC)
meta-period-deals = Period deals
meta-trailing-deals = Trailing deals
meta-mature-deals = Mature deals

## Alerts (metrics.json → alerts[].message, the report's headline, stdout, notifications)

alert-completion = completion rate { $rate } is below the target { $target }
alert-sla = { $activity } SLA attainment { $rate } is below the floor { $floor }
alert-coaching = reps flagged for coaching (mean score < 70 over >= 3 handoffs): { $reps }
alert-escalations = { $count } deals need escalation (more than { $limit })

## Labels of the vocabularies (vocab.rs → label_id); band labels are in notify.ftl

activity-knowledge-transfer = Knowledge transfer
activity-intro = Intro
activity-cs-prep = CS prep
activity-kickoff-scheduled = Kickoff scheduled
activity-kickoff-held = Kickoff held
activity-first-value = First value
segment-strategic = Strategic
segment-enterprise = Enterprise
segment-mid-market = Mid-market
segment-smb = SMB
segment-other = Other

## Empty-state notes every section uses

note-not-provided = Not available (table { $table } not provided).
note-no-data = No data: { $what }.

## Table headings shared by sections

table-band = Band
table-day-30 = Day 30
table-day-60 = Day 60
table-day-90 = Day 90
table-deals = Deals
table-mean-score = Mean score
table-activity = Activity
table-deal = Deal
table-account = Account
table-sales-rep = Sales rep
table-csm = CSM
table-status = Status

## Status words (colour is never the only signal)

rag-green = on target
rag-amber = watch
rag-red = below target

## Words

word-yes = yes
word-no = no

## Data quality (both reports close with it)

data-quality-cohort = All input rows, before any cohort filter.
data-quality-intro = Every input row is accounted for: used, rejected (unreadable or invalid) or excluded (a duplicate, an orphan, a later deal of the same account, or dated after the as-of instant).
data-quality-segments-derived = Segments were derived from ACV (segment_from_acv) for { $n } deal row(s) that had no segment of their own or from accounts.
data-quality-table = Table
data-quality-read = Read
data-quality-used = Used
data-quality-rejected = Rejected
data-quality-excluded = Excluded
data-quality-by-reason = Excluded by reason
data-quality-not-provided = not provided
data-quality-excluded-after-as-of = after as-of
data-quality-excluded-later-deal = later deals of the account
data-quality-excluded-unknown-account = of unknown accounts
data-quality-excluded-deal-rejected = of rejected deals
data-quality-inputs = Inputs
data-quality-inputs-cohort = All rows of every input table, before any cohort filter
data-quality-warnings = Warnings
data-quality-rows = Rejected and excluded rows
data-quality-none = None: every row of every input was used.
data-quality-file = File
data-quality-line = Line
data-quality-column = Column
data-quality-value = Value
data-quality-action = Action
data-quality-reason = Reason
data-quality-rows-cohort = All input rows that were rejected or excluded
data-quality-cut = Showing { $shown } of { $rows } rows; data-quality.csv lists every one with file, line, column, value and reason.

## The alerts block (headline of the monthly review, trend of the quarterly report)

alerts-none = No alerts fired for this period.
alerts-fired = { $count } { $n ->
        [one] alert
       *[other] alerts
    } fired:

## Custom analyses (both reports, before the data-quality appendix)

section-custom = Custom analyses
custom-intro = Analysts' own SQL queries, run at report time over the same registered tables as the query command (see docs/QUERIES.md). Each query states what it answers and which cohort it uses; the numbers are the query's own.
custom-heading = { $name } ({ $file })
custom-failed = **This query failed** — the rest of the report is unaffected.
custom-cut = First { $shown } of { $rows } rows; all rows in tables/{ $table }.csv.
custom-also = Also in tables/{ $table }.csv.
custom-no-rows = The query returned no rows.

## Page furniture of index.html and report.md

html-eyebrow = Handoff analytics · { $kind }
html-contents = Contents
# Text between backticks is shown as code.
html-footer = Generated by handoff { $version } from the inputs as of { $date }. Full-precision numbers are in `metrics.json`; every table is in `tables/` as CSV and Parquet; charts are in `charts/`; every rejected or excluded row is in `data-quality.csv`.
markdown-footer = Generated by handoff { $version }. Full-precision numbers are in `metrics.json`; every table is in `tables/` (CSV and Parquet); every rejected or excluded row is in `data-quality.csv`.
footer-correlation = Associations between handoff quality and outcomes are correlations, not proof of cause.
html-low-title = fewer than 30 deals: low sample
html-low-label = low sample
markdown-status-marks = Status marks: ✓ on target, ! watch (within 10 points of the target), ✗ below target. † marks a group of fewer than 30 deals.
kpi-measure = Measure
kpi-value = Value
kpi-target = Target
kpi-change = Change
kpi-detail = Detail

## Cohort statements (render/cohort.rs): the sentence under a section title, the label under a table

cohort-period = Period cohort: deals closed { $start } to { $end } (n = { $n }).
cohort-trailing = Trailing cohort: deals closed { $start } to { $end }, the 365 days ending with the period (n = { $n }).
cohort-mature = Mature cohort: deals closed on or before { $last } — a full first year observed by the as-of date — within the churn look-back window (n = { $n }).
cohort-survival = Survival cohort: every deal closed before the as-of instant (n = { $n }), followed to { $as_of } end of day UTC; customers who have not churned are censored.
cohort-period-short = Period cohort ({ $start } to { $end }), n = { $n }
cohort-trailing-short = Trailing cohort (365 days to { $end }), n = { $n }
cohort-mature-short = Mature cohort (first year complete by { $as_of }), n = { $n }
cohort-survival-short = Survival cohort (every deal, followed to { $as_of }), n = { $n }

## Methodology (the quarterly report's appendix): each term (`…-term`) and its definition

methodology-as-of-term = As-of instant
methodology-as-of = The end of { $date } in UTC (midnight starting the next day). Events at or after it do not exist yet; durations are in fractional days (seconds ÷ 86,400); "date of x" is the UTC calendar date.
methodology-period-term = Period cohort
methodology-trailing-term = Trailing cohort
methodology-mature-term = Mature cohort
methodology-mature = { $cohort } First-year outcomes need a full year after close, so recent deals are not in it.
methodology-survival-term = Survival cohort
methodology-slas-term = SLAs
methodology-slas = { $deadlines } Met = done by the deadline (a pre-close event counts as met); missed = done late, or not done and the deadline has passed; pending = not done, deadline still ahead. Attainment = met ÷ (met + missed).
methodology-completion-term = Completion
methodology-completion = Complete when knowledge transfer, kickoff scheduling and first value are all met; incomplete when any is missed; rate = complete ÷ (complete + incomplete); the target is { $target }.
methodology-score-term = Quality score (0–100)
methodology-score = 15 · deal summary + 10 · stakeholder map + 15 · commitments + 10 · risk factors + 10 · all attended + 10 · agenda covered + 10 · questions answered + 15 · knowledge-transfer SLA met + 5 · intro SLA met (checklist items count 1/0; missing counts 0).
methodology-bands-term = Bands
methodology-bands = Excellent ≥ 90, good ≥ 80, acceptable ≥ 70, substandard < 70.
methodology-ttfv-term = Time to first value
methodology-ttfv = Days from close to the first first-value milestone. Quantiles use linear interpolation; the Kaplan–Meier estimate treats deals not yet at first value as censored at the as-of instant.
methodology-churn-term = First-year churn and expansion
methodology-churn = A churn (expansion) event dated within 365 days after the close date. 95% intervals are Wilson score intervals.
methodology-relative-risk-term = Relative risk
methodology-relative-risk = Substandard ÷ excellent churn rate, 95% CI by the log method; the adjusted estimate is Mantel–Haenszel across segments with the Greenland–Robins variance. Not computable when a count is zero.
methodology-tests-term = Tests
methodology-tests = Pearson chi-square of bands × churned/retained (no continuity correction); point-biserial correlation of score and churn with a t-test; multi-group log-rank test of the retention curves.
methodology-arr-term = ARR at stake
methodology-arr = ACV of the mature cohort's substandard deals × (substandard churn rate − excellent churn rate), floored at 0.
methodology-low-samples-term = Low samples
methodology-low-samples = Groups with fewer than 30 deals are marked † next to their numbers.
methodology-rounding-term = Rounding
methodology-rounding = Only in this report: rates as percentages with one decimal, scores and days with one decimal, p-values to three significant digits. metrics.json and the tables keep full precision.
methodology-interpretation-term = Interpretation
methodology-interpretation = Everything here is observational: associations between handoff quality and outcomes, not proof of cause.

## Methodology: the deadlines sentence (from the configured SLA hours, first-value days and calendar)

methodology-activity-knowledge-transfer = knowledge-transfer meeting
methodology-activity-intro = intro email
methodology-activity-cs-prep = CS preparation
methodology-activity-kickoff-scheduled = kickoff scheduled
methodology-activity-kickoff-held = kickoff held
methodology-activity-first-value = first value
methodology-and = {" "}and{" "}
methodology-deadline = { $activities } { $duration }
methodology-segment-strategic = strategic
methodology-segment-enterprise = enterprise
methodology-segment-mid-market = mid-market
methodology-segment-smb = SMB
methodology-segment-other = other
methodology-segment-days = { $segment } { $days }
methodology-first-value-calendar = first value by segment ({ $segments } days)
methodology-first-value-business = first value by segment ({ $segments } business days)
methodology-deadlines-default = Default deadlines from close: { $parts }; a config file may override them.
methodology-deadlines-config-calendar = Deadlines from close, as set by the config file: { $parts }.
methodology-deadlines-config-business = Deadlines from close, as set by the config file: { $parts }. Deadlines count business days (Monday to Friday) only.
note-low-sample = † Fewer than 30 deals in this group: a low sample, so the number is imprecise.
html-chart-unavailable = Chart { $name } unavailable.

## Shared phrases

list-and = { $items } and { $last }

## Labels of other values (`render::humanize`: vocab.rs values first, else `key-KEY`)

sla-status-met = Met
sla-status-missed = Missed
sla-status-pending = Pending
completion-status-complete = Complete
completion-status-incomplete = Incomplete
acceptance-accepted = Accepted
acceptance-rejected = Rejected
acceptance-needs-revision = Needs revision
key-info-customer-context = Customer context
key-info-stakeholders = Stakeholders
key-info-objectives = Objectives
key-info-scope = Scope
key-info-technical = Technical
key-info-implementation = Implementation
key-info-risks = Risks
key-sales-to-cs = Sales to CS
key-sales-to-am = Sales to AM

## The `report` command's stdout lines

stdout-wrote = wrote { $path } ({ $count ->
    [one] { $count } file
   *[other] { $count } files
})
stdout-kind-monthly = monthly
stdout-kind-quarterly = quarterly
stdout-summary = { $kind } { $label }: { $deals } deals, mean quality { $mean }, completion rate { $rate }, escalations { $escalations }
stdout-alert = alert: { $message }
