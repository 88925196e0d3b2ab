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

## Report: labels of values (`crate::vocab`: band-* are in notify.ftl) and of other keys
## (`key-*`), as tables, charts and legends show them

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

## Alert lines (report, stdout, notifications). metrics.json keeps the English message the
## metrics wrote; these are its wording for every language. $activity is the activity's
## label, $rate/$target/$floor percentages, $count/$max counts, $reps a list of names.

alert-completion = completion rate { $rate } is below the target { $target }
alert-sla = { $activity } SLA attainment { $rate } is below the floor { $floor }
alert-escalations = { $count } deals need escalation (more than { $max })
alert-coaching = reps flagged for coaching (mean score < 70 over >= 3 handoffs): { $reps }

## The `report` command's stdout lines

stdout-wrote = wrote { $path } ({ $count ->
    [one] { $count } file
   *[other] { $count } files
})
stdout-kind-monthly = monthly
stdout-kind-quarterly = quarterly
stdout-summary = { $kind } { $label }: { $deals } deals, mean quality { $mean }, completion rate { $rate }, escalations { $escalations }
stdout-alert = alert: { $message }
