# Deutsch: the same message ids and variables as locales/en/ (a test checks it); terms as
# in docs/GLOSSARY.md. See locales/en/monthly.ftl for what each file holds.

## The monthly review's sections (ids start with the section's name)

## adoption

adoption-intro = Nutzung = aktive Nutzer ÷ lizenzierte Plätze aus dem letzten Adoptions-Snapshot in den 7 Tagen bis Tag N nach Abschluss; Health = der letzte Health Score in den 14 Tagen bis Tag N. Deals ohne Snapshot im Fenster fehlen und zählen nie als null; nur Deals, deren Tag N vorbei ist, zählen. Die Zellen zeigen Mittelwert (n).
adoption-utilisation-by-band = Nutzung nach Qualitätsstufe
adoption-health-by-band = Health Score nach Qualitätsstufe
adoption-no-rows = kein Deal hat Tag 30 mit einem Snapshot erreicht

## escalations

escalations-cohort = Eskalationsfenster: Deals mit Abschluss vom { $from } bis { $to } (die { $days } Tage bis zum Stichtag), unabhängig vom Berichtszeitraum.
escalations-lead = **{ $count } { $n ->
        [one] Deal hat
       *[other] Deals haben
    }** eine SLA-Aktivität, deren Frist verfehlt ist und die noch offen ist: jetzt eskalieren. Eine Zeile je Aktivität, die am längsten überfälligen zuerst.
escalations-none = Keine: Jeder aktuelle Deal liegt im Plan.
escalations-days-overdue = Tage überfällig
escalations-cut = Die { $shown } am längsten überfälligen von { $rows } Zeilen; tables/escalations.csv enthält alle.

## trend

trend-cohort = Monatskohorten: Deals mit Abschluss in jedem der sechs Kalendermonate bis { $end }.
trend-no-rows = keine Trendmonate
trend-slope = Ø Score je Monat. Die Steigung nach der Methode der kleinsten Quadrate beträgt **{ $slope } Punkte pro Monat** — **{ $direction }** (steigend ≥ +1, fallend ≤ −1, sonst stabil; Monate ohne Deals bleiben außen vor).
trend-no-slope = Ø Score je Monat. Zu wenige Monate mit Deals für eine Trendlinie.
trend-month = Monat
trend-table-cohort = Monatskohorten (Deals mit Abschluss im Monat).
trend-improving = steigend
trend-declining = fallend
trend-flat = stabil

## missing

missing-no-rows = keine Übergabe-Datensätze im Zeitraum
missing-lead = Mittlere Vollständigkeit je Übergabe: **{ $mean } %** über { $records } Übergabe-Datensätze. Die Felder sind nach Häufigkeit des Fehlens geordnet.
missing-rank = Rang
missing-field = Feld
missing-missing = Fehlt
missing-filled = Ausgefüllt
field-info-customer-context = Kundenkontext
field-info-stakeholders = Stakeholder
field-info-objectives = Ziele
field-info-scope = Leistungsumfang
field-info-technical = Technik
field-info-implementation = Implementierung
field-info-risks = Risiken

## transitions

transitions-cohort = Übergänge vom { $start } bis { $end } (der Zeitraum).
transitions-kind-count = { $kind }: { $count }
transitions-count = Übergänge
transitions-planned = Geplant
transitions-joint-meeting = Mit gemeinsamem Meeting
transitions-satisfaction = Zufriedenheit (1–5)
transitions-target = Ziel ≥ { $target }
transitions-kt = Vollständigkeit des Wissenstransfers
transitions-kt-value = Mittelwert { $mean }; { $share } der Übergänge bei ≥ 95
transitions-health-change = Health-Veränderung nach dem Übergang
transitions-not-provided = nicht verfügbar (Tabelle { $table } nicht geliefert)
transitions-health-part = +{ $days } Tage: { $change } Punkte (n = { $n })
transitions-health-none = noch kein Übergang ist 30 Tage alt, oder es gibt keine Health-Snapshots um sie herum
transitions-churn = Kündigung innerhalb von 180 Tagen
transitions-planned-group = geplant
transitions-unplanned-group = ungeplant
transitions-churn-part = { $group }: { $rate } (95-%-KI { $ci }; n = { $n })
transitions-churn-none = noch nicht beobachtbar: kein Übergang im Zeitraum ist 180 Tage alt
transitions-churn-value = { $parts } — es zählen nur Übergänge mindestens 180 Tage vor dem Stichtag.
transitions-date = Datum
transitions-from = Von
transitions-to = An
transitions-kind = Art
transitions-planned-head = Geplant
transitions-joint-head = Gemeinsames Meeting
transitions-kt-head = WT-Vollständigkeit
transitions-satisfaction-head = Zufriedenheit
transitions-cut = { $shown } von { $rows } Übergängen angezeigt; tables/transitions.csv enthält alle.
transitions-kind-sales-to-cs = Vertrieb an CS
transitions-kind-sales-to-am = Vertrieb an AM
transitions-kind-rep-to-rep = Vertrieb an Vertrieb
transitions-kind-team-to-team = Team an Team

## headline

headline-previous-period = Vorzeitraum
headline-change-pts = { $change } Pkt. ggü. { $previous }
headline-change-deals = { $change } ggü. { $previous } ({ $before })
headline-deals = Abgeschlossene Deals
headline-mean-score = Durchschnittlicher Qualitätsscore
headline-score-target = ≥ 80 gut · ≥ 70 akzeptabel
headline-median = Median { $median }
headline-completion = Abschlussquote
headline-target = Ziel ≥ { $target }
headline-completion-detail = { $complete } abgeschlossen · { $incomplete } unvollständig · { $pending } ausstehend
headline-kt = Wissenstransfer-SLA
headline-floor = Untergrenze { $floor }
headline-kt-detail = Meeting innerhalb von { $deadline } nach Abschluss
headline-escalations = Eskalationen aktuell
headline-escalations-detail = Deals mit Abschluss vor ≤ 90 Tagen, SLA verfehlt und noch offen
headline-escalations-over = über der Warngrenze
headline-escalations-act = jetzt handeln
headline-escalations-none = keine offen
headline-acceptance = CS-Annahme
headline-acceptance-detail = { $accepted } angenommen · { $revision } Überarbeitung nötig · { $rejected } abgelehnt
headline-coaching = Vertriebsmitarbeitende mit Coaching-Bedarf
headline-coaching-detail = Ø Score < 70 bei ≥ 3 Übergaben
headline-coaching-flagged = coachen
headline-coaching-none = keine
headline-status-note = Statusfarben: grün im Ziel; gelb höchstens 10 Punkte unter dem Ziel (Scores 70–80); rot darunter. Veränderungen beziehen sich auf den gleich langen Vorzeitraum.

## sla (deadline words are shared with the headline and the methodology)

sla-days-calendar = { $days } Tage
sla-days-business = { $days } Werktage
sla-hours-calendar = { $hours } Std.
sla-hours-business = { $hours } Arbeitsstunden
sla-first-value-deadline-calendar = Abschluss + Segmentziel ({ $range } Tage)
sla-first-value-deadline-business = Abschluss + Segmentziel ({ $range } Werktage)
sla-deadline = Abschluss + { $duration }
sla-no-rows = keine SLA-Aktivitäten
sla-intro = Erfüllung = eingehalten ÷ (eingehalten + verfehlt); ausstehende Aktivitäten (Frist läuft noch) bleiben außen vor. Die Untergrenze liegt bei **{ $floor }**.
sla-default-deadline = Standardfrist
sla-deadline-head = Frist
sla-met = Eingehalten
sla-missed = Verfehlt
sla-pending = Ausstehend
sla-attainment = Erfüllung
sla-note-defaults = Die gezeigten Fristen sind die Standardwerte der Spezifikation; eine Konfigurationsdatei kann sie überschreiben. Erster Mehrwert braucht die Tabelle milestones.
sla-note-config = Die gezeigten Fristen sind die der Konfigurationsdatei. Erster Mehrwert braucht die Tabelle milestones.

## completion

completion-intro = Eine Übergabe ist abgeschlossen, wenn Wissenstransfer, Kickoff-Terminierung und erster Mehrwert alle ihr SLA eingehalten haben; unvollständig, wenn eines verfehlt wurde; sonst ausstehend. Quote = abgeschlossen ÷ (abgeschlossen + unvollständig).
completion-complete = Abgeschlossen
completion-incomplete = Unvollständig
completion-pending = Ausstehend
completion-rate = Abschlussquote
completion-target = Ziel
completion-at-least = ≥ { $target }
completion-accepted = Angenommen
completion-needs-revision = Überarbeitung nötig
completion-rejected = Abgelehnt
completion-acceptance-rate = Annahmequote
completion-acceptance-title = CS-Annahme des Übergabe-Datensatzes
completion-acceptance = CS-Annahme

## bands

bands-no-rows = keine Deals mit Abschluss im Zeitraum
bands-intro = Ø Score **{ $mean }**, Median **{ $median }** (0–100). Stufen: exzellent ≥ 90, gut ≥ 80, akzeptabel ≥ 70, unzureichend < 70.
bands-share = Anteil

## scorecards

scorecards-handoffs = Übergaben
scorecards-completion = Abschluss
scorecards-kt = WT-Erfüllung
scorecards-acceptance = Annahme
scorecards-rejections = Ablehnungen
scorecards-flag = Hinweis
scorecards-none-flagged = Für kein:e Vertriebsmitarbeitende:n besteht Coaching-Bedarf (Ø Score unter 70 bei mindestens 3 Übergaben).
# The callout: the opening, the reps (in bold) joined by the separator, the closing.
scorecards-flagged = Coaching-Bedarf (Ø Score unter 70 bei mindestens 3 Übergaben):{" "}
scorecards-separator = ,{" "}
scorecards-flagged-end = .
scorecards-intro = Sortiert nach Ø Score, die besten zuerst. Die meisten Zeilen beruhen auf wenigen Übergaben: einzelne Monate mit Vorsicht lesen und auf den Trend achten.
scorecards-by-rep = Nach Vertriebsmitarbeitenden
scorecards-by-team = Nach Team
scorecards-by-csm = Nach CSM
scorecards-team = Team
scorecards-coaching = Coaching
scorecards-below-70 = Unter 70
scorecards-no-rows = keine Übergaben im Zeitraum

## ttfv (both reports)

ttfv-segment = Segment
ttfv-acv-band = ACV-Klasse
ttfv-quality-band = Qualitätsstufe
ttfv-reached = Erreicht
ttfv-median-days = Median Tage
ttfv-iqr = p25–p75
ttfv-p90 = p90
ttfv-km-median = KM-Median
ttfv-by-day-30 = Bis Tag 30
ttfv-by-day-60 = Bis Tag 60
ttfv-by-day-90 = Bis Tag 90
ttfv-note = Median, p25–p75 und p90 beziehen sich auf die Deals, die den ersten Mehrwert erreicht haben; der Kaplan–Meier-Median (KM) und die bis Tag 30/60/90 erreichten Anteile zählen jeden Deal, die noch wartenden als zensiert — langsame Gruppen werden so nicht durch Weglassen geschönt.
ttfv-intro = Tage vom Abschluss bis zum ersten Meilenstein „erster Mehrwert“ vor dem Stichtag.
ttfv-by-segment = TTFV nach Segment
ttfv-by-acv-band = TTFV nach ACV-Klasse
ttfv-by-quality-band = TTFV nach Qualitätsstufe der Übergabe
ttfv-no-rows = keine Deals in der Kohorte der letzten 365 Tage

## Charts of the monthly review (titles, notes, legends, axes)

chart-bands-title = Deals nach Qualitätsstufe der Übergabe, { $period }
chart-bands-note = Stufen: exzellent ≥ 90, gut ≥ 80, akzeptabel ≥ 70, unzureichend < 70
chart-quality-band = Qualitätsstufe
chart-deals-closed = Abgeschlossene Deals
chart-trend-title = Durchschnittlicher Qualitätsscore der Übergaben je Monat
chart-trend-note = Sechs Kalendermonate bis zum Berichtszeitraum; n = Deals mit Abschluss im Monat
chart-trend-thresholds = Stufengrenzen (gut 80, akzeptabel 70)
chart-trend-x = Abschlussmonat
chart-trend-y = Ø Qualitätsscore (0–100)
chart-ref-good = gut
chart-ref-acceptable = akzeptabel
chart-sla-bar = { $rate } ({ $met } von { $decided })
chart-sla-all-pending = keine Daten (alle ausstehend)
chart-sla-title = SLA-Erfüllung nach Aktivität, { $period }
chart-sla-above = auf oder über der Untergrenze
chart-sla-below = unter der Untergrenze
chart-sla-floor-legend = Untergrenze { $floor }
chart-sla-x = Erfüllung = eingehalten ÷ (eingehalten + verfehlt), Zeitraum-Kohorte
chart-sla-floor = Untergrenze
chart-missing-title = Am häufigsten fehlende Übergabeinformationen, { $period }
chart-missing-note = Anteil der Übergabe-Datensätze des Zeitraums ohne das Feld, am häufigsten fehlende zuerst
chart-missing-x = Anteil der Übergabe-Datensätze ohne das Feld
chart-ttfv-title = Time-to-First-Value nach Segment (letzte 12 Monate)
chart-ttfv-note = Über Deals, die den ersten Mehrwert erreicht haben; † weniger als 30 Deals im Segment
chart-ttfv-iqr = p25–p75
chart-ttfv-median = Median
chart-ttfv-p90 = p90
chart-group-n = { $group } (n={ $n }){ $low }
chart-ttfv-x = Segment (Deals der letzten 365 Tage)
chart-ttfv-y = Tage vom Abschluss bis zum ersten Mehrwert
chart-ttfv-km-title = Deals, die noch auf den ersten Mehrwert warten, nach Qualitätsstufe
chart-ttfv-km-note = Kaplan–Meier-Schätzung über die Kohorte der letzten 365 Tage; Deals ohne ersten Mehrwert gehen zensiert ein
chart-ttfv-km-x = Tage seit Abschluss
chart-ttfv-km-y = Anteil ohne ersten Mehrwert
chart-adoption-utilisation = Nutzung (aktive Nutzer ÷ lizenzierte Plätze)
chart-adoption-utilisation-y = Ø Nutzung
chart-adoption-health = Health Score
chart-adoption-health-y = Ø Health Score (0–100)
chart-adoption-title = Frühe Nutzung und Health nach Qualitätsstufe
chart-adoption-note = Kohorte der letzten 365 Tage; Mittelwert 30, 60 und 90 Tage nach Abschluss über Deals mit Snapshot
chart-day-30 = Tag 30
chart-day-60 = Tag 60
chart-day-90 = Tag 90
chart-days-value = { $days } T.
chart-none-reached = keiner erreicht
