# Deutsch: the same message ids and variables as locales/en/ (a test checks it); terms as
# in docs/GLOSSARY.md. See locales/en/report.ftl for what each file holds.

## Report: section titles

section-adoption = Frühe Nutzung und Kundengesundheit nach 30/60/90 Tagen
section-arr = Gefährdeter ARR
section-bands = Verteilung der Qualitätsstufen
section-churn = Kündigungsrate im ersten Jahr nach Qualitätsstufe der Übergabe
section-completion = Abschluss der Übergaben
section-data-quality = Datenqualität
section-escalations = Eskalationen
section-expansion-nps = Expansion und NPS nach Qualitätsstufe
section-headline = Auf einen Blick
section-methodology = Methodik
section-missing = Am häufigsten fehlende Übergabeinformationen
section-relative-risk = Relatives Risiko: unzureichend vs. exzellent
section-retention = Retentionskurven nach Qualitätsstufe
section-satisfaction = Kundenzufriedenheit
section-scorecards = Scorecards für Vertrieb, Teams und CSMs
section-sla = SLA-Erfüllung
section-summary = Zusammenfassung
section-tests = Signifikanztests
section-transitions = Account-Übergänge
section-ttfv-monthly = Time-to-First-Value nach Segment
section-ttfv-quarterly = Time-to-First-Value nach Segment und Qualitätsstufe
section-trend-monthly = Qualitätstrend über sechs Monate
section-trend-quarterly = Quartalstrend

## Report: title and meta

subtitle-monthly = Monatsreview für RevOps: Qualitätsscores, SLA-Erfüllung, Abschlussquote, fehlende Informationen, Coaching und Eskalationen.
subtitle-quarterly = Quartalsbericht für die Geschäftsleitung: Kündigungsrate im ersten Jahr, Expansion und NPS nach Qualitätsstufe der Übergabe, mit Konfidenzintervallen und Signifikanztests.
meta-period = Zeitraum
meta-period-value = { $label } ({ $start } bis { $end })
meta-as-of = Stand
meta-as-of-value = { $date } (Tagesende, UTC)
meta-period-deals = Deals im Zeitraum
meta-trailing-deals = Deals der letzten 365 Tage
meta-mature-deals = Deals mit vollständigem erstem Jahr

## Report: labels of values and of other keys

activity-knowledge-transfer = Wissenstransfer
activity-intro = Vorstellung
activity-cs-prep = CS-Vorbereitung
activity-kickoff-scheduled = Kickoff terminiert
activity-kickoff-held = Kickoff durchgeführt
activity-first-value = Erster Mehrwert
segment-strategic = Strategisch
segment-enterprise = Enterprise
segment-mid-market = Mittelstand
segment-smb = KMU
segment-other = Sonstige

## Alert lines (report, stdout, notifications)

alert-completion = Abschlussquote { $rate } liegt unter dem Ziel von { $target }
alert-sla = SLA-Erfüllung { $activity }: { $rate }, unter der Untergrenze von { $floor }
alert-escalations = { $count } Deals müssen eskaliert werden (mehr als { $limit })
alert-coaching = Vertriebsmitarbeitende mit Coaching-Bedarf (Durchschnittsscore < 70 bei ≥ 3 Übergaben): { $reps }

## Empty-state notes every section uses

note-not-provided = Nicht verfügbar (Tabelle { $table } nicht geliefert).
note-no-data = Keine Daten: { $what }.
note-low-sample = † Weniger als 30 Deals in dieser Gruppe: eine kleine Stichprobe, der Wert ist daher ungenau.

## Table headings shared by sections

table-band = Stufe
table-day-30 = Tag 30
table-day-60 = Tag 60
table-day-90 = Tag 90
table-deals = Deals
table-mean-score = Ø Score
table-activity = Aktivität
table-deal = Deal
table-account = Account
table-sales-rep = Vertriebsmitarbeitende
table-csm = CSM
table-status = Status

## Status words (colour is never the only signal)

rag-green = im Ziel
rag-amber = beobachten
rag-red = unter Ziel

## Words

word-yes = ja
word-no = nein

## Data quality (both reports close with it)

data-quality-cohort = Alle Eingabezeilen, vor jedem Kohortenfilter.
data-quality-intro = Jede Eingabezeile ist nachgewiesen: verwendet, abgewiesen (unlesbar oder ungültig) oder ausgeschlossen (ein Duplikat, ein Waisen-Datensatz, ein späterer Deal desselben Accounts oder nach dem Stichtag datiert).
data-quality-segments-derived = Für { $n } Deal-Zeile(n) ohne eigenes Segment und ohne Segment aus den Accounts wurde das Segment aus dem ACV abgeleitet (segment_from_acv).
data-quality-table = Tabelle
data-quality-read = Gelesen
data-quality-used = Verwendet
data-quality-rejected = Abgewiesen
data-quality-excluded = Ausgeschlossen
data-quality-by-reason = Ausgeschlossen nach Grund
data-quality-not-provided = nicht geliefert
data-quality-excluded-after-as-of = nach dem Stichtag
data-quality-excluded-later-deal = spätere Deals des Accounts
data-quality-excluded-unknown-account = unbekannter Accounts
data-quality-excluded-deal-rejected = abgewiesener Deals
data-quality-inputs = Eingaben
data-quality-inputs-cohort = Alle Zeilen jeder Eingabetabelle, vor jedem Kohortenfilter
data-quality-warnings = Hinweise
data-quality-rows = Abgewiesene und ausgeschlossene Zeilen
data-quality-none = Keine: Jede Zeile jeder Eingabe wurde verwendet.
data-quality-file = Datei
data-quality-line = Zeile
data-quality-column = Spalte
data-quality-value = Wert
data-quality-action = Aktion
data-quality-reason = Grund
data-quality-rows-cohort = Alle abgewiesenen oder ausgeschlossenen Eingabezeilen
data-quality-cut = { $shown } von { $rows } Zeilen angezeigt; data-quality.csv führt jede mit Datei, Zeile, Spalte, Wert und Grund auf.

## The alerts block (headline of the monthly review, trend of the quarterly report)

alerts-none = In diesem Zeitraum wurde keine Warnung ausgelöst.
alerts-fired = { $count } { $n ->
        [one] Warnung
       *[other] Warnungen
    } ausgelöst:

## Custom analyses (both reports, before the data-quality appendix)

section-custom = Eigene Analysen
custom-intro = Eigene SQL-Abfragen der Analyst:innen, beim Erstellen des Berichts über dieselben registrierten Tabellen ausgeführt wie der Befehl query (siehe docs/QUERIES.md). Jede Abfrage nennt, welche Frage sie beantwortet und welche Kohorte sie verwendet; die Zahlen stammen aus der Abfrage selbst.
custom-heading = { $name } ({ $file })
custom-failed = **Diese Abfrage ist fehlgeschlagen** — der übrige Bericht ist davon nicht betroffen.
custom-cut = Die ersten { $shown } von { $rows } Zeilen; alle Zeilen in tables/{ $table }.csv.
custom-also = Auch in tables/{ $table }.csv.
custom-no-rows = Die Abfrage hat keine Zeilen geliefert.

## Page furniture of index.html and report.md

html-eyebrow = Übergabe-Analytics · { $kind }
html-contents = Inhalt
# Text between backticks is shown as code.
html-footer = Erstellt von handoff { $version } aus den Eingaben mit Stand { $date }. Zahlen in voller Genauigkeit stehen in `metrics.json`; jede Tabelle liegt in `tables/` als CSV und Parquet; die Diagramme in `charts/`; jede abgewiesene oder ausgeschlossene Zeile in `data-quality.csv`.
markdown-footer = Erstellt von handoff { $version }. Zahlen in voller Genauigkeit stehen in `metrics.json`; jede Tabelle liegt in `tables/` (CSV und Parquet); jede abgewiesene oder ausgeschlossene Zeile in `data-quality.csv`.
footer-correlation = Zusammenhänge zwischen Übergabequalität und Ergebnissen sind Korrelationen, kein Beleg für eine Ursache.
html-low-title = weniger als 30 Deals: kleine Stichprobe
html-low-label = kleine Stichprobe
markdown-status-marks = Statuszeichen: ✓ im Ziel, ! beobachten (höchstens 10 Punkte unter dem Ziel), ✗ unter Ziel. † kennzeichnet eine Gruppe mit weniger als 30 Deals.
kpi-measure = Kennzahl
kpi-value = Wert
kpi-target = Ziel
kpi-change = Veränderung
kpi-detail = Details

## Cohort statements (render/cohort.rs): the sentence under a section title, the label under a table

cohort-period = Zeitraum-Kohorte: Deals mit Abschluss vom { $start } bis { $end } (n = { $n }).
cohort-trailing = Kohorte der letzten 365 Tage: Deals mit Abschluss vom { $start } bis { $end }, die 365 Tage bis zum Ende des Zeitraums (n = { $n }).
cohort-mature = Reife Kohorte: Deals mit Abschluss am oder vor dem { $last } — ein volles erstes Jahr bis zum Stichtag beobachtet — innerhalb des Rückblickfensters für Kündigungen (n = { $n }).
cohort-survival = Überlebenskohorte: jeder Deal mit Abschluss vor dem Stichtag (n = { $n }), beobachtet bis { $as_of } Tagesende UTC; Kunden ohne Kündigung gehen zensiert ein.
cohort-period-short = Zeitraum-Kohorte ({ $start } bis { $end }), n = { $n }
cohort-trailing-short = Kohorte der letzten 365 Tage (bis { $end }), n = { $n }
cohort-mature-short = Reife Kohorte (erstes Jahr bis { $as_of } vollständig), n = { $n }
cohort-survival-short = Überlebenskohorte (jeder Deal, beobachtet bis { $as_of }), n = { $n }

## Methodology (the quarterly report's appendix): each term (`…-term`) and its definition

methodology-as-of-term = Stichtag
methodology-as-of = Das Ende des { $date } in UTC (Mitternacht zu Beginn des Folgetags). Ereignisse zu oder nach diesem Zeitpunkt gibt es noch nicht; Dauern in Tagen mit Nachkommastellen (Sekunden ÷ 86.400); „Datum von x“ ist das UTC-Kalenderdatum.
methodology-period-term = Zeitraum-Kohorte
methodology-trailing-term = Kohorte der letzten 365 Tage
methodology-mature-term = Reife Kohorte
methodology-mature = { $cohort } Ergebnisse des ersten Jahres brauchen ein volles Jahr nach Abschluss, daher fehlen jüngere Deals.
methodology-survival-term = Überlebenskohorte
methodology-slas-term = SLAs
methodology-slas = { $deadlines } Eingehalten = bis zur Frist erledigt (ein Ereignis vor Abschluss zählt als eingehalten); verfehlt = zu spät erledigt oder nicht erledigt und die Frist ist abgelaufen; ausstehend = nicht erledigt, Frist läuft noch. Erfüllung = eingehalten ÷ (eingehalten + verfehlt).
methodology-completion-term = Abschluss
methodology-completion = Abgeschlossen, wenn Wissenstransfer, Kickoff-Terminierung und erster Mehrwert alle fristgerecht sind; unvollständig, wenn eines verfehlt ist; Quote = abgeschlossen ÷ (abgeschlossen + unvollständig); das Ziel ist { $target }.
methodology-score-term = Qualitätsscore (0–100)
methodology-score = 15 · Deal-Zusammenfassung + 10 · Stakeholder-Map + 15 · Zusagen + 10 · Risikofaktoren + 10 · alle anwesend + 10 · Agenda abgedeckt + 10 · Fragen beantwortet + 15 · Wissenstransfer-SLA eingehalten + 5 · Vorstellungs-SLA eingehalten (Checklistenpunkte zählen 1/0; fehlende zählen 0).
methodology-bands-term = Qualitätsstufen
methodology-bands = Exzellent ≥ 90, gut ≥ 80, akzeptabel ≥ 70, unzureichend < 70.
methodology-ttfv-term = Time-to-First-Value
methodology-ttfv = Tage vom Abschluss bis zum ersten Meilenstein „erster Mehrwert“. Quantile mit linearer Interpolation; die Kaplan–Meier-Schätzung behandelt Deals ohne ersten Mehrwert als am Stichtag zensiert.
methodology-churn-term = Kündigung und Expansion im ersten Jahr
methodology-churn = Ein Kündigungs- (Expansions-)Ereignis innerhalb von 365 Tagen nach dem Abschlussdatum. 95-%-Intervalle sind Wilson-Score-Intervalle.
methodology-relative-risk-term = Relatives Risiko
methodology-relative-risk = Kündigungsrate unzureichend ÷ exzellent, 95-%-KI nach der Log-Methode; die adjustierte Schätzung ist Mantel–Haenszel über die Segmente mit der Greenland–Robins-Varianz. Nicht berechenbar, wenn eine Anzahl null ist.
methodology-tests-term = Tests
methodology-tests = Pearson-Chi-Quadrat von Stufen × gekündigt/gehalten (ohne Stetigkeitskorrektur); punktbiseriale Korrelation von Score und Kündigung mit t-Test; Log-Rank-Test mehrerer Gruppen für die Retentionskurven.
methodology-arr-term = Gefährdeter ARR
methodology-arr = ACV der unzureichenden Deals der reifen Kohorte × (Kündigungsrate unzureichend − Kündigungsrate exzellent), mindestens 0.
methodology-low-samples-term = Kleine Stichproben
methodology-low-samples = Gruppen mit weniger als 30 Deals sind neben ihren Zahlen mit † gekennzeichnet.
methodology-rounding-term = Rundung
methodology-rounding = Nur in diesem Bericht: Quoten als Prozent mit einer Nachkommastelle, Scores und Tage mit einer Nachkommastelle, p-Werte auf drei signifikante Stellen. metrics.json und die Tabellen behalten die volle Genauigkeit.
methodology-interpretation-term = Interpretation
methodology-interpretation = Alles hier ist beobachtend: Zusammenhänge zwischen Übergabequalität und Ergebnissen, kein Beleg für eine Ursache.

## Methodology: the deadlines sentence (from the configured SLA hours, first-value days and calendar)

methodology-activity-knowledge-transfer = Wissenstransfer-Meeting
methodology-activity-intro = Vorstellungs-E-Mail
methodology-activity-cs-prep = CS-Vorbereitung
methodology-activity-kickoff-scheduled = Kickoff terminiert
methodology-activity-kickoff-held = Kickoff durchgeführt
methodology-activity-first-value = erster Mehrwert
methodology-and = {" "}und{" "}
methodology-deadline = { $activities } { $duration }
methodology-segment-strategic = strategisch
methodology-segment-enterprise = Enterprise
methodology-segment-mid-market = Mittelstand
methodology-segment-smb = KMU
methodology-segment-other = sonstige
methodology-segment-days = { $segment } { $days }
methodology-first-value-calendar = erster Mehrwert je Segment ({ $segments } Tage)
methodology-first-value-business = erster Mehrwert je Segment ({ $segments } Werktage)
methodology-deadlines-default = Standardfristen ab Abschluss: { $parts }; eine Konfigurationsdatei kann sie überschreiben.
methodology-deadlines-config-calendar = Fristen ab Abschluss, wie in der Konfigurationsdatei festgelegt: { $parts }.
methodology-deadlines-config-business = Fristen ab Abschluss, wie in der Konfigurationsdatei festgelegt: { $parts }. Die Fristen zählen nur Werktage (Montag bis Freitag).

## Labels of other values (`render::humanize`: vocab.rs values first, else `key-KEY`)

sla-status-met = Eingehalten
sla-status-missed = Verfehlt
sla-status-pending = Ausstehend
completion-status-complete = Abgeschlossen
completion-status-incomplete = Unvollständig
acceptance-accepted = Angenommen
acceptance-rejected = Abgelehnt
acceptance-needs-revision = Überarbeitung nötig
key-info-customer-context = Kundenkontext
key-info-stakeholders = Stakeholder
key-info-objectives = Ziele
key-info-scope = Leistungsumfang
key-info-technical = Technik
key-info-implementation = Implementierung
key-info-risks = Risiken
key-sales-to-cs = Vertrieb an CS
key-sales-to-am = Vertrieb an AM

## The `report` command's stdout lines

stdout-wrote = { $path } geschrieben ({ $count ->
    [one] { $count } Datei
   *[other] { $count } Dateien
})
stdout-kind-monthly = Monat
stdout-kind-quarterly = Quartal
stdout-summary = { $kind } { $label }: { $deals } Deals, Qualitätsscore im Mittel { $mean }, Abschlussquote { $rate }, Eskalationen { $escalations }
stdout-alert = Warnung: { $message }

## Page furniture and shared phrases (added with the typed render)

html-chart-unavailable = Diagramm { $name } nicht verfügbar.
list-and = { $items } und { $last }
