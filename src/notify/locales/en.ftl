# Notification texts (Slack and Microsoft Teams), English.
# Project Fluent syntax, one single-line message per id; variables are { $name }.
# Another language is another file beside this one with the same ids.

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
