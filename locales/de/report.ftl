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
sla-status-met = Eingehalten
sla-status-missed = Verfehlt
sla-status-pending = Ausstehend
completion-status-complete = Vollständig
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

## Alert lines (report, stdout, notifications)

alert-completion = Abschlussquote { $rate } liegt unter dem Ziel von { $target }
alert-sla = SLA-Erfüllung { $activity }: { $rate }, unter der Untergrenze von { $floor }
alert-escalations = { $count } Deals müssen eskaliert werden (mehr als { $max })
alert-coaching = Vertriebsmitarbeitende mit Coaching-Bedarf (Durchschnittsscore < 70 bei ≥ 3 Übergaben): { $reps }

## The `report` command's stdout lines

stdout-wrote = { $path } geschrieben ({ $count ->
    [one] { $count } Datei
   *[other] { $count } Dateien
})
stdout-kind-monthly = Monat
stdout-kind-quarterly = Quartal
stdout-summary = { $kind } { $label }: { $deals } Deals, Qualitätsscore im Mittel { $mean }, Abschlussquote { $rate }, Eskalationen { $escalations }
stdout-alert = Warnung: { $message }
