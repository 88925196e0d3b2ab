# Deutsch: the same message ids and variables as locales/en/ (a test checks it); terms as
# in docs/GLOSSARY.md. See locales/en/quarterly.ftl for what each file holds.

## The quarterly report's sections (ids start with the section's name)
# Inline markup: **…** is strong text, † the low-sample mark.

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

arr-explained = **{ $arr }** Jahresvertragswert: der ACV der { $n } unzureichenden Deals der reifen Kohorte × die Differenz zwischen ihrer Kündigungsrate im ersten Jahr ({ $sub_rate }) und der exzellenter Übergaben ({ $exc_rate }), mindestens 0. Das ist, was die unzureichenden Deals gehalten hätten, wären sie wie exzellente gekündigt worden — eine Veranschaulichung der Größenordnung unter der (unbewiesenen) Annahme, dass die Übergabe die Differenz verursacht, keine Prognose.
arr-not-computable = Nicht berechenbar: der reifen Kohorte fehlen unzureichende oder exzellente Deals.

## Retention curves

retention-intro = Kaplan–Meier-Anteil der noch nicht gekündigten Kunden nach Tagen seit Abschluss. Anders als bei den Quoten des ersten Jahres zählt jeder Deal, jeweils so lange beobachtet, wie die Daten es erlauben.
retention-logrank = Log-Rank-Test auf gleiche Kurven: χ² = **{ $statistic }** bei { $dof } Freiheitsgraden, p = **{ $p }**{ $differ ->
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
summary-rates = Kunden mit unzureichender Übergabe kündigten im ersten Jahr zu **{ $sub_rate }**{ $sub_low } (95-%-KI { $sub_ci }; { $sub_k } von { $sub_n }), gegenüber **{ $exc_rate }**{ $exc_low } (95-%-KI { $exc_ci }; { $exc_k } von { $exc_n }) bei exzellenten Übergaben
summary-no-substandard = Die reife Kohorte enthält keine unzureichenden Übergaben, daher lassen sich unzureichende und exzellente Übergaben nicht vergleichen
summary-no-excellent = Die reife Kohorte enthält keine exzellenten Übergaben, daher lassen sich unzureichende und exzellente Übergaben nicht vergleichen
summary-rr = ; relatives Risiko **{ $value }** (95-%-KI { $ci })
summary-rr-none = ; das relative Risiko ist nicht berechenbar (eine Kündigungszahl oder eine Stufe ist null)
summary-rr-adjusted = ; segmentadjustiertes relatives Risiko (Mantel–Haenszel) **{ $value }** (95-%-KI { $ci })
summary-rr-adjusted-none = ; das segmentadjustierte relative Risiko ist nicht berechenbar
summary-chi-square = ; Chi-Quadrat-Test über die Stufen p = **{ $p }**.
summary-chi-square-none = ; der Chi-Quadrat-Test ist nicht berechenbar.
summary-verdict-not-computable = **Die Daten erlauben keine Aussage über Übergabequalität und Kündigung im ersten Jahr: die Tests sind für diese Kohorte nicht berechenbar.**
summary-verdict-chance = **Die Daten erlauben keine Aussage: **mit p = { $p } (≥ 0,05) liegen die Unterschiede zwischen den Stufen in einem Bereich, den der Zufall allein oft hervorbringt.
summary-verdict-mixed-bands-differ = **Die Evidenz ist gemischt: **die Kündigungsrate unterscheidet sich zwischen den Stufen (p < 0,05), aber das Konfidenzintervall des relativen Risikos unzureichend vs. exzellent schließt 1 ein; dieser Vergleich allein ist daher nicht eindeutig.
summary-verdict-mixed = **Die Evidenz ist gemischt: **das Konfidenzintervall des relativen Risikos unzureichend vs. exzellent schließt 1 ein; der Vergleich ist daher nicht eindeutig.
summary-verdict-differs-higher = **Die Kündigungsrate unterscheidet sich nach Übergabequalität stärker, als der Zufall ohne Weiteres erklären würde: **unzureichende Übergaben gehen mit einer deutlich höheren Kündigungsrate im ersten Jahr einher als exzellente.
summary-verdict-differs-lower = **Die Kündigungsrate unterscheidet sich nach Übergabequalität stärker, als der Zufall ohne Weiteres erklären würde: **unzureichende Übergaben gehen entgegen der Erwartung mit einer niedrigeren Kündigungsrate im ersten Jahr einher als exzellente — bitte die Daten prüfen.
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
summary-causation = **Korrelation, keine Kausalität. **Diese Zahlen zeigen, wie Kündigungen mit der Übergabequalität zusammenhängen; sie beweisen nicht, dass bessere Übergaben weniger Kündigungen bewirken. Deals mit schwachen Übergaben können sich auch anders unterscheiden (Dealgröße, Bereitschaft des Kunden, Produkt-Fit), was ebenfalls zu Kündigungen führt; die Segmentadjustierung beseitigt einen solchen Unterschied, nicht alle.

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

## What to fix first: the churn drivers (METRICS.md §4.12)

drivers-title = Was zuerst verbessern: die Übergabepraktiken, die mit Kündigungen zusammenhängen
drivers-intro = Jede Praktik teilt die reife Kohorte in Deals, bei denen sie umgesetzt wurde, und Deals, bei denen nicht. Die Tabelle vergleicht deren Kündigungsrate im ersten Jahr und beziffert die Lücke: Der gefährdete ARR ist der Vertragswert der Deals ohne die Praktik × wie viel häufiger sie gekündigt haben. Die Praktiken stehen in der Reihenfolge des gefährdeten ARR — die ersten Kandidaten fürs Coaching. Es sind Zusammenhänge in vergangenen Deals, kein Beleg, dass die Verbesserung einer Praktik Kündigungen senkt: Deals, die einen Schritt auslassen, lassen oft auch andere aus, und die Praktiken überschneiden sich.
drivers-top = Größter gefährdeter ARR: **{ $practice }** — Kündigungsrate **{ $without }** ohne vs. **{ $with }** mit, **{ $arr }** gefährdet{ $holm ->
        [holds] ; der Unterschied hält auch stand, wenn man berücksichtigt, dass { $tested } Praktiken gleichzeitig getestet wurden (Holm-p = { $p }).
        [chance] ; berücksichtigt man, dass { $tested } Praktiken gleichzeitig getestet wurden, kann der Unterschied noch Zufall sein (Holm-p = { $p }).
       *[none] .
    }
drivers-no-deals = keine Deals
drivers-rate-of = { $rate } von { $n }
drivers-col-practice = Praktik
drivers-col-with = Kündigungsrate mit
drivers-col-without = Kündigungsrate ohne
drivers-col-rr = Relatives Risiko (ohne ÷ mit)
drivers-col-ci = 95-%-KI
drivers-col-holm = p nach Holm
drivers-col-arr = Gefährdeter ARR
drivers-note-rr = Relatives Risiko über 1: Deals ohne die Praktik kündigten häufiger. Ein Strich: nicht berechenbar (eine Seite hat keine Deals oder keine Kündigung).
drivers-note-holm = p-Werte aus dem exakten Test nach Fisher, nach Holm korrigiert für { $tested } gleichzeitig getestete Praktiken; unter 0,05 ist die Lücke kaum allein durch Zufall zu erklären.
drivers-note-left-out = SLA-Praktiken lassen Deals aus, deren Frist noch nicht abgelaufen ist; die Annahme lässt Übergaben ohne CS-Urteil aus.
# The practices in plain words (what "with" means); .in-sentence: the form inside a sentence.
drivers-practice-doc-deal-summary = Deal-Zusammenfassung dokumentiert
    .in-sentence = Deal-Zusammenfassung dokumentiert
drivers-practice-doc-stakeholder-map = Stakeholder-Map dokumentiert
    .in-sentence = Stakeholder-Map dokumentiert
drivers-practice-doc-commitments = Zusagen dokumentiert
    .in-sentence = Zusagen dokumentiert
drivers-practice-doc-risk-factors = Risikofaktoren dokumentiert
    .in-sentence = Risikofaktoren dokumentiert
drivers-practice-mtg-all-attended = Alle beim Übergabe-Meeting dabei
    .in-sentence = alle beim Übergabe-Meeting dabei
drivers-practice-mtg-agenda-covered = Meeting-Agenda abgedeckt
    .in-sentence = Meeting-Agenda abgedeckt
drivers-practice-mtg-questions-answered = Fragen von CS beantwortet
    .in-sentence = Fragen von CS beantwortet
drivers-practice-sla-knowledge-transfer = Wissenstransfer fristgerecht
    .in-sentence = Wissenstransfer fristgerecht
drivers-practice-sla-intro = Vorstellung beim Kunden fristgerecht
    .in-sentence = Vorstellung beim Kunden fristgerecht
drivers-practice-sla-cs-prep = CS-Vorbereitung fristgerecht
    .in-sentence = CS-Vorbereitung fristgerecht
drivers-practice-sla-kickoff-scheduled = Kickoff fristgerecht terminiert
    .in-sentence = Kickoff fristgerecht terminiert
drivers-practice-sla-kickoff-held = Kickoff fristgerecht durchgeführt
    .in-sentence = Kickoff fristgerecht durchgeführt
drivers-practice-sla-first-value = Erster Mehrwert fristgerecht erreicht
    .in-sentence = erster Mehrwert fristgerecht erreicht
drivers-practice-cs-accepted = CS hat die Übergabe angenommen
    .in-sentence = CS hat die Übergabe angenommen
drivers-practice-info-complete = Alle Informationen ausgefüllt
    .in-sentence = alle Informationen ausgefüllt
# Methodology entries: .term is the term, the value its definition.
drivers-method-drivers = Jede Übergabepraktik teilt die reife Kohorte in Deals mit und ohne sie (Checklistenpunkt vollständig erledigt; SLA eingehalten vs. verfehlt, ausstehende bleiben außen vor; CS angenommen vs. abgelehnt oder zurückgegeben; alle Informationen ausgefüllt). Relatives Risiko = Kündigungsrate ohne ÷ mit, 95-%-KI nach der Log-Methode; p-Werte aus dem exakten Test nach Fisher, nach Holm für die Zahl der getesteten Praktiken korrigiert; gefährdeter ARR = ACV der Deals ohne die Praktik × Differenz der Kündigungsraten, mindestens 0.
    .term = Was zuerst verbessern
drivers-method-hazard-ratios = Cox-Regression (proportionale Hazards) über die Überlebenskohorte mit eigener Baseline je Segment und Efron-Behandlung gleichzeitiger Kündigungsdaten; Kovariaten sind die Stufenindikatoren (exzellent als Referenz) oder der Score je 10 Punkte, jeweils mit log(1 + ACV). 95-%-Intervalle aus der inversen Informationsmatrix, Wald-p-Werte.
    .term = Adjustierte Hazard Ratios
drivers-method-power = Das kleinste Kündigungsverhältnis unzureichend ÷ exzellent, das ein zweiseitiger 5-%-Test zweier Anteile mit 80 % Power erkennen würde, bei den gegebenen Stufengrößen und der Kündigungsrate der exzellenten Stufe.
    .term = Kleinstes erkennbares relatives Risiko
drivers-method-close-quarter = Kündigungsrate im ersten Jahr der reifen Kohorte, gruppiert nach dem Kalenderquartal des Abschlussdatums und nach Stufe.
    .term = Kohorten nach Abschlussquartal

## Adjusted comparisons (METRICS.md §4.13–§4.14)

adjusted-title = Liegt es an der Übergabe oder am Deal? Adjustierte Vergleiche
adjusted-intro = Drei Wege, unzureichende mit exzellenten Übergaben zu vergleichen, vom einfachsten zum am stärksten adjustierten. Die relativen Risiken vergleichen Kündigungsraten im ersten Jahr (das zweite innerhalb jedes Segments). Die Hazard Ratios stammen aus einer Cox-Regression über jeden Deal und die gesamte Beobachtungszeit und vergleichen Deals desselben Segments und derselben Dealgröße (log ACV): Eine Hazard Ratio von 1,5 bedeutet, zu jedem Zeitpunkt 1,5-mal so schnell zu kündigen. Bleiben die adjustierten Werte nahe am rohen, erklären Segmentmischung und Dealgröße die Lücke nicht; alles bleiben Zusammenhänge.
adjusted-col-comparison = Vergleich
adjusted-col-cohort = Kohorte
adjusted-col-ratio = Verhältnis
adjusted-col-ci = 95-%-KI
adjusted-col-p = p-Wert
adjusted-col-reading = Lesart
adjusted-cohort-mature = reif
adjusted-cohort-survival = Überleben
adjusted-rr-crude = Relatives Risiko, unzureichend vs. exzellent (roh)
adjusted-rr-segments = Relatives Risiko, innerhalb der Segmente (Mantel–Haenszel)
adjusted-hr-substandard = Hazard Ratio, unzureichend vs. exzellent (Cox, gleiches Segment und gleiche Dealgröße)
adjusted-hr-acceptable = Hazard Ratio, akzeptabel vs. exzellent (Cox, gleiches Segment und gleiche Dealgröße)
adjusted-hr-good = Hazard Ratio, gut vs. exzellent (Cox, gleiches Segment und gleiche Dealgröße)
adjusted-hr-score = Hazard Ratio je 10 Qualitätspunkte mehr (Cox, gleiches Segment und gleiche Dealgröße)
adjusted-reading-above = höhere Kündigungsrate (KI über 1)
adjusted-reading-below = niedrigere Kündigungsrate (KI unter 1)
adjusted-reading-includes = nicht eindeutig: das KI schließt 1 ein
adjusted-reading-none = nicht berechenbar
adjusted-note-score = Unter 1 je 10 Qualitätspunkte: bessere Übergaben gehen mit langsameren Kündigungen einher.
adjusted-note-no-model = Das Stufenmodell ist nicht schätzbar: noch keine Kündigung, exzellente Übergaben ohne Deal oder ohne Kündigung, oder eine Stufe ohne Kündigung.
adjusted-power = { $crude ->
        [computed] Das rohe relative Risiko ist nicht signifikant, das zeigt aber nicht, dass es keinen Effekt gibt.
       *[none] Das rohe relative Risiko ist nicht berechenbar (eine Stufe hat keinen Deal oder keine Kündigung), was ebenso wenig gegen einen Effekt spricht.
    } Mit { $sub } unzureichenden und { $exc } exzellenten Deals und einer Kündigungsrate von { $exc_rate } bei den exzellenten könnten die Daten verlässlich (in 80 % der Fälle, auf dem 5-%-Niveau) erst ein relatives Risiko von **{ $mde }** oder mehr erkennen; ein kleinerer echter Unterschied könnte unentdeckt bleiben.
adjusted-power-unknown = { $crude ->
        [computed] Das rohe relative Risiko ist nicht signifikant, das zeigt aber nicht, dass es keinen Effekt gibt.
       *[none] Das rohe relative Risiko ist nicht berechenbar (eine Stufe hat keinen Deal oder keine Kündigung), was ebenso wenig gegen einen Effekt spricht.
    } Die Kohorte ist zu klein (oder exzellente Deals kündigen nie oder immer), um zu sagen, wie groß ein erkennbarer Effekt wäre: als „zu wenige Daten“ lesen, nicht als „kein Effekt“.

## Churn by close quarter (METRICS.md §4.15)

close-quarter-title = Kündigungsrate im ersten Jahr nach Abschlussquartal
close-quarter-no-deals = Keine Daten: keine Deals in der reifen Kohorte.
close-quarter-intro = Deals nach dem Quartal ihres Abschlusses gruppiert, sodass eine Veränderung der Kündigungsrate über die Zeit sichtbar wird, statt in der Gesamtquote zu verschwinden. Jede Zelle: Kündigungsrate im ersten Jahr, gekündigte von allen Deals. Die Quartale enthalten je Stufe wenige Deals, einzelne Zellen schwanken daher stark durch Zufall.
close-quarter-col-quarter = Abschlussquartal
close-quarter-cell = { $rate } ({ $churned } von { $n })

## Charts of the quarterly report

churn-chart-title = Kündigungsrate im ersten Jahr nach Qualitätsstufe der Übergabe
churn-chart-note = Reife Kohorte; Fehlerbalken: Wilson-95-%-Konfidenzintervall; † weniger als 30 Deals
churn-chart-whisker = 95-%-Konfidenzintervall
churn-chart-x = Qualitätsstufe (reife Kohorte)
churn-chart-y = Kündigungsrate im ersten Jahr
churn-chart-band-n = { $band } (n={ $n }){ $mark }
retention-chart-title = Kundenbindung nach Qualitätsstufe der Übergabe
retention-chart-note = Kaplan–Meier über die Überlebenskohorte
retention-chart-note-axis = Kaplan–Meier über die Überlebenskohorte; die senkrechte Achse beginnt bei { $start }
retention-chart-x = Tage seit Abschluss
retention-chart-y = Anteil gehaltener Kunden
retention-chart-one-year = 1 Jahr
expansion-chart-title = Expansion und NPS nach Qualitätsstufe der Übergabe
expansion-chart-note = † weniger als 30 Deals (Expansion) bzw. Antworten (NPS)
expansion-chart-subtitle = Expansionsrate im ersten Jahr (reife Kohorte, 95-%-KI)
expansion-chart-y = Expansionsrate
nps-chart-subtitle = NPS (letzte 365 Tage; n = Antworten)
nps-chart-x = Qualitätsstufe
nps-chart-y = NPS (−100 bis +100)
drivers-chart-title = Gefährdeter ARR nach Übergabepraktik
drivers-chart-note = Reife Kohorte; ACV der Deals ohne die Praktik × ihre zusätzliche Kündigungsrate im ersten Jahr; Zusammenhänge, keine Ursachen
drivers-chart-x = Gefährdeter ARR (Tausend, Währung des ACV)
close-quarter-chart-title = Kündigungsrate im ersten Jahr nach Abschlussquartal und Stufe
close-quarter-chart-note = Reife Kohorte; die meisten Zellen enthalten weniger als 30 Deals, einzelne Balken sind daher ungenau
close-quarter-chart-x = Quartal des Abschlussdatums
close-quarter-chart-y = Kündigungsrate im ersten Jahr
