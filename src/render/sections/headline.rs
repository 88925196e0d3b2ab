//! Report section `headline`: its content, wording and chart references.

use super::*;

pub(crate) fn headline(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("headline", &view.msg("section-headline")).cohort(cohort_period(m));
    let previous = PreviousPeriod::read(m);
    let prev = previous.as_ref();
    let prev_label = prev.map_or_else(|| view.msg("headline-previous-period"), |p| p.label.clone());
    let vs = |d: Option<f64>| {
        d.map(|d| {
            view.msg_with(
                "headline-change-pts",
                &[("change", &signed1(d)), ("previous", &prev_label)],
            )
        })
    };
    let mut kpis = Vec::new();

    let deals = CohortSizes::read(m).map(|c| c.period_deals);
    let prev_deals = prev.map(|p| p.deals);
    kpis.push(Kpi {
        label: view.msg("headline-deals"),
        value: int(deals),
        change: match (deals, prev_deals) {
            (Some(a), Some(b)) => {
                let d = a as i64 - b as i64;
                Some(view.msg_with(
                    "headline-change-deals",
                    &[
                        ("change", &format!("{}{d}", if d > 0 { "+" } else { "" })),
                        ("previous", &prev_label),
                        ("before", &b.to_string()),
                    ],
                ))
            }
            _ => None,
        },
        ..Kpi::default()
    });

    let quality = QualityScores::read(m);
    let q = quality.as_ref().and_then(|q| q.mean);
    let dq = q.and_then(|a| Some(a - prev?.quality_mean?));
    kpis.push(Kpi {
        label: view.msg("headline-mean-score"),
        value: num1(q),
        target: Some(view.msg("headline-score-target")),
        change: vs(dq),
        change_good: dq.filter(|d| d.abs() >= 0.05).map(|d| d > 0.0),
        rag: rag_score(q),
        detail: Some(view.msg_with(
            "headline-median",
            &[("median", &num1(quality.as_ref().and_then(|q| q.median)))],
        )),
        ..Kpi::default()
    });

    let completion = Completion::read(m);
    let cp = completion.as_ref();
    let target = cp.map_or(view.settings.completion_target, |c| c.target);
    let c = cp.and_then(|c| c.rate);
    let dc = change_pts(c, prev.and_then(|p| p.completion_rate));
    kpis.push(Kpi {
        label: view.msg("headline-completion"),
        value: pct(c),
        target: Some(view.msg_with("headline-target", &[("target", &pct(Some(target)))])),
        change: vs(dc),
        change_good: dc.filter(|d| d.abs() >= 0.05).map(|d| d > 0.0),
        rag: rag_rate(c, target),
        detail: Some(view.msg_with(
            "headline-completion-detail",
            &[
                ("complete", &int(cp.map(|c| c.complete))),
                ("incomplete", &int(cp.map(|c| c.incomplete))),
                ("pending", &int(cp.map(|c| c.pending))),
            ],
        )),
        ..Kpi::default()
    });

    let kt = SlaAttainment::read(m)
        .and_then(|s| s.knowledge_transfer)
        .and_then(|c| c.rate);
    let dk = change_pts(kt, prev.and_then(|p| p.knowledge_transfer_rate));
    let kt_hours = view
        .settings
        .sla_hours
        .iter()
        .find(|(a, _)| a == Activity::KnowledgeTransfer.as_str())
        .map_or_else(String::new, |(_, h)| {
            duration_words(view, *h, view.settings.business_days)
        });
    kpis.push(Kpi {
        label: view.msg("headline-kt"),
        value: pct(kt),
        target: Some(view.msg_with(
            "headline-floor",
            &[("floor", &pct(Some(view.settings.sla_floor)))],
        )),
        change: vs(dk),
        change_good: dk.filter(|d| d.abs() >= 0.05).map(|d| d > 0.0),
        rag: rag_rate(kt, view.settings.sla_floor),
        detail: Some(view.msg_with("headline-kt-detail", &[("deadline", &kt_hours)])),
        ..Kpi::default()
    });

    let esc = view.section::<Escalations>().map(|e| e.count);
    let esc_alert = typed_alerts(view)
        .iter()
        .any(|a| matches!(a, AlertFact::Escalations { .. }));
    kpis.push(Kpi {
        label: view.msg("headline-escalations"),
        value: int(esc),
        detail: Some(view.msg("headline-escalations-detail")),
        rag: esc.map(|n| {
            if esc_alert {
                Rag::Red
            } else if n > 0 {
                Rag::Amber
            } else {
                Rag::Green
            }
        }),
        rag_label: esc.map(|n| {
            view.msg(if esc_alert {
                "headline-escalations-over"
            } else if n > 0 {
                "headline-escalations-act"
            } else {
                "headline-escalations-none"
            })
        }),
        ..Kpi::default()
    });

    if view.provided(s::HANDOFFS) {
        let acc = Acceptance::read(m);
        let a = acc.as_ref();
        kpis.push(Kpi {
            label: view.msg("headline-acceptance"),
            value: pct(a.and_then(|a| a.rate)),
            detail: Some(view.msg_with(
                "headline-acceptance-detail",
                &[
                    ("accepted", &int(a.map(|a| a.accepted))),
                    ("revision", &int(a.map(|a| a.needs_revision))),
                    ("rejected", &int(a.map(|a| a.rejected))),
                ],
            )),
            ..Kpi::default()
        });
    }
    let coaching = view
        .section::<Scorecards>()
        .map(|s| s.coaching.len() as u64);
    kpis.push(Kpi {
        label: view.msg("headline-coaching"),
        value: int(coaching),
        detail: Some(view.msg("headline-coaching-detail")),
        rag: coaching.map(|n| if n > 0 { Rag::Amber } else { Rag::Green }),
        rag_label: coaching.map(|n| {
            view.msg(if n > 0 {
                "headline-coaching-flagged"
            } else {
                "headline-coaching-none"
            })
        }),
        ..Kpi::default()
    });
    sec.push(Block::Kpis(kpis));
    sec.push(Block::Para(vec![t(view.msg("headline-status-note"))]));
    push_alerts(&mut sec, view);
    sec
}

/// The alerts that fired, typed: decided from the typed sections and the settings by the
/// same function the metrics stage uses (`metrics::alerts::fired`).
pub(crate) fn typed_alerts(view: &ReportView) -> Vec<AlertFact> {
    crate::metrics::alerts::fired(
        view.section::<Completion>().as_ref(),
        view.section::<SlaAttainment>().as_ref(),
        view.section::<Scorecards>().as_ref(),
        view.section::<Escalations>().as_ref(),
        view.settings,
    )
}

/// The alert sentences of the report in its language. They are built from the typed facts
/// when those match `metrics.json` → `alerts` kind for kind (always, for a document the
/// metrics stage wrote); otherwise the recorded messages are shown as they are.
pub(crate) fn alert_sentences(view: &ReportView) -> Vec<String> {
    crate::metrics::alerts::sentences(view.metrics, view.settings, view.text())
}

fn alert_block(view: &ReportView, list: Vec<String>) -> Block {
    if list.is_empty() {
        Block::Callout(Rag::Green, vec![vec![t(view.msg("alerts-none"))]])
    } else {
        let title = vec![b(view.text().msg_n(
            "alerts-fired",
            &[("count", &list.len().to_string())],
            &[("n", list.len() as f64)],
        ))];
        let items = list.into_iter().map(|msg| vec![t(msg)]).collect();
        Block::Notice(Rag::Red, title, items)
    }
}

/// The alerts block of the report, its sentences from the typed alerts.
pub(crate) fn push_alerts(sec: &mut Section, view: &ReportView) {
    sec.push(alert_block(view, alert_sentences(view)));
}
