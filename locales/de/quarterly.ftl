# Deutsch: the same message ids and variables as locales/en/ (a test checks it); terms as
# in docs/GLOSSARY.md. See locales/en/quarterly.ftl for what each file holds.

## The quarterly report's sections (ids start with the section's name)
# Inline markup: <b>…</b> is strong text, † the low-sample mark.

## Churn by band

churn-intro = Gekündigt = ein Kündigungsereignis innerhalb von 365 Tagen nach dem Abschlussdatum. Die Balken zeigen die Quote, die Fehlerbalken das Wilson-95-%-Konfidenzintervall: Überlappende Intervalle bedeuten, dass sich die Stufen nicht klar unterscheiden.
churn-no-mature-deals = keine Deals in der reifen Kohorte
churn-col-band = Stufe
churn-col-deals = Deals
churn-col-churned = Gekündigt
churn-col-rate = Kündigungsrate
churn-col-ci = 95-%-KI
churn-ci = 95-%-KI { $ci }
churn-rr-not-computable = nicht berechenbar: eine Kündigungszahl oder eine Stufe ist null

## Relative risk

relative-risk-intro = Wie viele Male die Kündigungsrate im ersten Jahr bei unzureichenden Übergaben so hoch ist wie bei exzellenten (1 = kein Unterschied). Die segmentadjustierte Schätzung (Mantel–Haenszel) vergleicht die Stufen innerhalb jedes Segments, sodass eine unterschiedliche Segmentmischung der beiden Stufen nicht als Effekt der Übergabe erscheinen kann.
relative-risk-col-estimate = Schätzung
relative-risk-col-value = Relatives Risiko
relative-risk-col-ci = 95-%-KI
relative-risk-col-reading = Lesart
relative-risk-crude = Roh
relative-risk-adjusted = Segmentadjustiert (Mantel–Haenszel)
relative-risk-reading-above = höhere Kündigungsrate bei unzureichenden Übergaben (KI über 1)
relative-risk-reading-below = niedrigere Kündigungsrate bei unzureichenden Übergaben (KI unter 1)
relative-risk-reading-includes = nicht eindeutig: das KI schließt 1 ein
relative-risk-reading-none = nicht berechenbar (eine Kündigungszahl oder eine Stufe ist null)

## ARR at stake

arr-explained = <b>{ $arr }</b> Jahresvertragswert: der ACV der { $n } unzureichenden Deals der reifen Kohorte × die Differenz zwischen ihrer Kündigungsrate im ersten Jahr ({ $sub_rate }) und der exzellenter Übergaben ({ $exc_rate }), mindestens 0. Das ist, was die unzureichenden Deals gehalten hätten, wären sie wie exzellente gekündigt worden — eine Veranschaulichung der Größenordnung unter der (unbewiesenen) Annahme, dass die Übergabe die Differenz verursacht, keine Prognose.
arr-not-computable = Nicht berechenbar: der reifen Kohorte fehlen unzureichende oder exzellente Deals.

## Retention curves

retention-intro = Kaplan–Meier-Anteil der noch nicht gekündigten Kunden nach Tagen seit Abschluss. Anders als bei den Quoten des ersten Jahres zählt jeder Deal, jeweils so lange beobachtet, wie die Daten es erlauben.
retention-logrank = Log-Rank-Test auf gleiche Kurven: χ² = <b>{ $statistic }</b> bei { $dof } Freiheitsgraden, p = <b>{ $p }</b>{ $differ ->
        [yes] {" "}— die Kurven unterscheiden sich über den Zufall hinaus.
       *[no] {" "}— die Daten können nicht zeigen, dass sich die Kurven unterscheiden.
    }
retention-logrank-none = Der Log-Rank-Test ist nicht berechenbar (weniger als zwei Stufen mit Deals oder keine Kündigung).
retention-col-band = Stufe
retention-col-deals = Deals
retention-col-events = Kündigungen
retention-col-retained = Gehalten an Tag 365 (KM)

## Significance tests

tests-intro = Ein p-Wert ist die Wahrscheinlichkeit für mindestens so große Unterschiede, wenn Übergabequalität und Kündigung nichts miteinander zu tun hätten; unter 0,05 gilt üblicherweise als signifikant. Signifikanz ist keine Effektgröße und erst recht keine Kausalität.
tests-col-test = Test
tests-col-cohort = Kohorte
tests-col-statistic = Statistik
tests-col-dof = FG
tests-col-p = p-Wert
tests-col-reading = Lesart
tests-cohort-mature = reif
tests-cohort-survival = Überleben
tests-chi2 = χ² = { $value }
tests-r = r = { $value }
tests-chi-square = Chi-Quadrat, Stufen × gekündigt/gehalten (Pearson, ohne Stetigkeitskorrektur)
tests-point-biserial = Punktbiseriale Korrelation, Qualitätsscore × gekündigt
tests-logrank = Log-Rank, Retentionskurven nach Stufe
tests-reading-significant = signifikant auf dem 5-%-Niveau
tests-reading-not-significant = nicht signifikant (p ≥ 0,05)
tests-reading-none = nicht berechenbar
tests-note-r = Ein negatives r bedeutet: höhere Scores gehen mit weniger Kündigungen einher.

## Summary (plain-language statistics: association, not causation; low samples named)

summary-no-renewals = Kündigung, Expansion und Retention im ersten Jahr sind nicht verfügbar (Tabelle renewals nicht geliefert); dieser Bericht kann die Übergabequalität daher nicht mit Kundenergebnissen in Beziehung setzen. Die folgenden Abschnitte zeigen, was die übrigen Eingaben hergeben.
summary-tile-churn-substandard = Kündigungsrate im ersten Jahr, unzureichend
summary-tile-churn-excellent = Kündigungsrate im ersten Jahr, exzellent
summary-tile-ci-n = 95-%-KI { $ci } · n = { $n }
summary-tile-rr = Relatives Risiko (roh)
summary-tile-rr-adjusted = Relatives Risiko, segmentadjustiert
summary-tile-arr = Gefährdeter ARR
summary-tile-arr-detail = ACV unzureichender Deals × Differenz der Kündigungsraten
summary-tile-score = Ø Qualitätsscore in diesem Quartal
summary-tile-deals-closed = { $count ->
        [one] { $n } Deal abgeschlossen
       *[other] { $n } Deals abgeschlossen
    }
summary-rates = Kunden mit unzureichender Übergabe kündigten im ersten Jahr zu <b>{ $sub_rate }</b>{ $sub_low } (95-%-KI { $sub_ci }; { $sub_k } von { $sub_n }), gegenüber <b>{ $exc_rate }</b>{ $exc_low } (95-%-KI { $exc_ci }; { $exc_k } von { $exc_n }) bei exzellenten Übergaben
summary-no-substandard = Die reife Kohorte enthält keine unzureichenden Übergaben, daher lassen sich unzureichende und exzellente Übergaben nicht vergleichen
summary-no-excellent = Die reife Kohorte enthält keine exzellenten Übergaben, daher lassen sich unzureichende und exzellente Übergaben nicht vergleichen
summary-rr = ; relatives Risiko <b>{ $value }</b> (95-%-KI { $ci })
summary-rr-none = ; das relative Risiko ist nicht berechenbar (eine Kündigungszahl oder eine Stufe ist null)
summary-rr-adjusted = ; segmentadjustiertes relatives Risiko (Mantel–Haenszel) <b>{ $value }</b> (95-%-KI { $ci })
summary-rr-adjusted-none = ; das segmentadjustierte relative Risiko ist nicht berechenbar
summary-chi-square = ; Chi-Quadrat-Test über die Stufen p = <b>{ $p }</b>.
summary-chi-square-none = ; der Chi-Quadrat-Test ist nicht berechenbar.
summary-verdict-not-computable = <b>Die Daten erlauben keine Aussage über Übergabequalität und Kündigung im ersten Jahr: die Tests sind für diese Kohorte nicht berechenbar.</b>
summary-verdict-chance = <b>Die Daten erlauben keine Aussage: </b>mit p = { $p } (≥ 0,05) liegen die Unterschiede zwischen den Stufen in einem Bereich, den der Zufall allein oft hervorbringt.
summary-verdict-mixed-bands-differ = <b>Die Evidenz ist gemischt: </b>die Kündigungsrate unterscheidet sich zwischen den Stufen (p < 0,05), aber das Konfidenzintervall des relativen Risikos unzureichend vs. exzellent schließt 1 ein; dieser Vergleich allein ist daher nicht eindeutig.
summary-verdict-mixed = <b>Die Evidenz ist gemischt: </b>das Konfidenzintervall des relativen Risikos unzureichend vs. exzellent schließt 1 ein; der Vergleich ist daher nicht eindeutig.
summary-verdict-differs-higher = <b>Die Kündigungsrate unterscheidet sich nach Übergabequalität stärker, als der Zufall ohne Weiteres erklären würde: </b>unzureichende Übergaben gehen mit einer deutlich höheren Kündigungsrate im ersten Jahr einher als exzellente.
summary-verdict-differs-lower = <b>Die Kündigungsrate unterscheidet sich nach Übergabequalität stärker, als der Zufall ohne Weiteres erklären würde: </b>unzureichende Übergaben gehen entgegen der Erwartung mit einer niedrigeren Kündigungsrate im ersten Jahr einher als exzellente — bitte die Daten prüfen.
summary-adjustment-moves = Die Adjustierung nach Segment verschiebt das relative Risiko von { $crude } auf { $adjusted }: Ein Teil des rohen Unterschieds spiegelt die Segmentmischung wider, nicht die Übergabe.
summary-adjustment-barely = Die Adjustierung nach Segment ändert das relative Risiko kaum ({ $crude } → { $adjusted }); die Segmentmischung erklärt den Unterschied also nicht.
summary-band-excellent = exzellent
summary-band-good = gut
summary-band-acceptable = akzeptabel
summary-band-substandard = unzureichend
summary-low-sample = Kleine Stichprobe: { $count ->
        [one] Die Stufe { $bands } hat
       *[other] Die Stufen { $bands } haben
    } weniger als 30 reife Deals (mit † gekennzeichnet), die Quoten sind daher ungenau.
summary-causation = <b>Korrelation, keine Kausalität. </b>Diese Zahlen zeigen, wie Kündigungen mit der Übergabequalität zusammenhängen; sie beweisen nicht, dass bessere Übergaben weniger Kündigungen bewirken. Deals mit schwachen Übergaben können sich auch anders unterscheiden (Dealgröße, Bereitschaft des Kunden, Produkt-Fit), was ebenfalls zu Kündigungen führt; die Segmentadjustierung beseitigt einen solchen Unterschied, nicht alle.

## Expansion and NPS by band

expansion-heading = Expansion im ersten Jahr
expansion-no-mature-deals = keine Deals in der reifen Kohorte
expansion-intro = Expandiert = ein Expansionsereignis innerhalb von 365 Tagen nach dem Abschlussdatum.
expansion-col-band = Stufe
expansion-col-deals = Deals
expansion-col-expanded = Expandiert
expansion-col-rate = Expansionsrate
expansion-col-ci = 95-%-KI
nps-heading = Net Promoter Score
nps-no-responses = keine NPS-Antworten in der Kohorte der letzten 365 Tage
nps-col-band = Stufe
nps-col-responses = Antworten
nps-col-nps = NPS
nps-col-csat-30 = CSAT Tag 30
nps-col-csat-90 = CSAT Tag 90
nps-note = NPS = % Promotoren (9–10) − % Detraktoren (0–6), von −100 bis +100; n zählt Antworten, nicht Deals.

## Customer satisfaction (monthly review too)

satisfaction-intro = CSAT (1–5) der Welle an Tag 30 (Antworten 1–60 Tage nach Abschluss) und der Welle an Tag 90 (61–120 Tage), jeweils die letzte Antwort je Deal und Welle. NPS = % Promotoren (9–10) − % Detraktoren (0–6) über die Antworten beider Wellen. Die Zellen zeigen Wert (n).
satisfaction-no-responses = keine Umfrageantworten in den Wellen
satisfaction-value-n = { $value } ({ $n })
satisfaction-col-band = Stufe
satisfaction-col-csat-30 = CSAT Tag 30
satisfaction-col-csat-90 = CSAT Tag 90
satisfaction-col-nps = NPS
satisfaction-review-heading = Deals für eine nachträgliche Prüfung der Übergabe (CSAT ≤ 2)
satisfaction-review-none = Keine: keine Antwort mit 2 oder weniger.
satisfaction-col-deal = Deal
satisfaction-col-account = Account
satisfaction-col-rep = Vertriebsmitarbeitende
satisfaction-col-wave = Welle
satisfaction-col-csat = CSAT
satisfaction-wave-day_30 = Tag 30
satisfaction-wave-day_90 = Tag 90

## Quarterly trend

quarter-trend-table-title = Das Quartal im Vergleich zum vorigen
quarter-trend-col-measure = Kennzahl
quarter-trend-col-this = Dieses Quartal
quarter-trend-col-previous = Vorquartal
quarter-trend-col-change = Veränderung
quarter-trend-deals = Abgeschlossene Deals
quarter-trend-score = Ø Qualitätsscore
quarter-trend-completion = Abschlussquote
quarter-trend-knowledge-transfer = Wissenstransfer-SLA-Erfüllung
quarter-trend-points = { $change } Pkt.
quarter-trend-alerts = Warnungen des Quartals
