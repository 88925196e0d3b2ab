# Every user-facing text of the report and the notifications, English.
# Project Fluent syntax (https://projectfluent.org); variables are { $name }, passed
# preformatted by the caller.
# Another language is another file beside this one with the same ids.

## Notifications (Slack and Microsoft Teams)

title-monthly = Handoff quality review — { $label }
title-quarterly = Handoff quality and first-year outcomes — { $label }
kind-monthly = Monthly review
kind-quarterly = Quarterly report
period = { $kind } · { $start } to { $end }
fact-deals = Deals
fact-mean-score = Mean quality score
fact-completion = Completion rate
completion-vs-target = { $rate } (target { $target })
fact-escalations = Escalations
churn-heading = First-year churn by handoff-quality band
churn-band = { $band }: { $rate } (n = { $n })
band-excellent = Excellent
band-good = Good
band-acceptable = Acceptable
band-substandard = Substandard
fact-relative-risk = Relative risk, substandard vs excellent
relative-risk-value = { $value } (95% CI { $low }–{ $high })
alerts-heading = Alerts ({ $count })
alerts-more = … and { $count } more in the report
no-alerts = No alert fired.
open-report = Open the report
report-at = Report: { $path }
not-available = n/a
fallback = { $title }: { $alerts }
fallback-alerts = alerts: { $count }
fallback-no-alerts = no alert fired

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
