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
