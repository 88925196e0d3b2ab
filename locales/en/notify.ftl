# Every user-facing text of the report and the notifications, English, in Project Fluent
# syntax (https://projectfluent.org); variables are { $name }, passed preformatted by the caller.
# One folder per language (locales/LANG/), the same files and message ids in each:
#   notify.ftl     Slack / Teams notifications
#   report.ftl     report title, meta, section titles and words every section shares
#   monthly.ftl    the monthly review's sections
#   quarterly.ftl  the quarterly report's sections

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
