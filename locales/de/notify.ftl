# Deutsch: the same message ids and variables as locales/en/ (a test checks it); terms as
# in docs/GLOSSARY.md. See locales/en/notify.ftl for what each file holds.

## Notifications (Slack and Microsoft Teams)

title-monthly = Review der Übergabequalität — { $label }
title-quarterly = Übergabequalität und Ergebnisse im ersten Jahr — { $label }
kind-monthly = Monatsreview
kind-quarterly = Quartalsbericht
period = { $kind } · { $start } bis { $end }
fact-deals = Deals
fact-mean-score = Durchschnittlicher Qualitätsscore
fact-completion = Abschlussquote
completion-vs-target = { $rate } (Ziel { $target })
fact-escalations = Eskalationen
churn-heading = Kündigungsrate im ersten Jahr nach Qualitätsstufe der Übergabe
churn-band = { $band }: { $rate } (n = { $n })
band-excellent = Exzellent
band-good = Gut
band-acceptable = Akzeptabel
band-substandard = Unzureichend
fact-relative-risk = Relatives Risiko, unzureichend vs. exzellent
relative-risk-value = { $value } (95-%-KI { $low }–{ $high })
alerts-heading = Warnungen ({ $count })
alerts-more = … und { $count } weitere im Bericht
no-alerts = Keine Warnung ausgelöst.
open-report = Bericht öffnen
report-at = Bericht: { $path }
not-available = k. A.
fallback = { $title }: { $alerts }
fallback-alerts = Warnungen: { $count }
fallback-no-alerts = keine Warnung ausgelöst
