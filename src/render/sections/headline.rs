//! Report section `headline`: its content, wording and chart references.

use super::*;

pub(crate) fn headline(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("headline", &view.text().msg("section-headline", &[]))
        .cohort(cohort_period(m));
    let previous = PreviousPeriod::read(m);
    let prev = previous.as_ref();
    let prev_label = prev.map_or("previous period", |p| p.label.as_str());
    let vs =
        |d: Option<f64>, unit: &str| d.map(|d| format!("{}{unit} vs {prev_label}", signed1(d)));
    let mut kpis = Vec::new();

    let deals = CohortSizes::read(m).map(|c| c.period_deals);
    let prev_deals = prev.map(|p| p.deals);
    kpis.push(Kpi {
        label: "Deals closed".into(),
        value: int(deals),
        change: match (deals, prev_deals) {
            (Some(a), Some(b)) => {
                let d = a as i64 - b as i64;
                Some(format!(
                    "{}{d} vs {prev_label} ({b})",
                    if d > 0 { "+" } else { "" }
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
        label: "Mean quality score".into(),
        value: num1(q),
        target: Some("≥ 80 good · ≥ 70 acceptable".into()),
        change: vs(dq, " pts"),
        change_good: dq.filter(|d| d.abs() >= 0.05).map(|d| d > 0.0),
        rag: rag_score(q),
        detail: Some(format!(
            "median {}",
            num1(quality.as_ref().and_then(|q| q.median))
        )),
        ..Kpi::default()
    });

    let completion = Completion::read(m);
    let cp = completion.as_ref();
    let target = cp.map_or(view.settings.completion_target, |c| c.target);
    let c = cp.and_then(|c| c.rate);
    let dc = change_pts(c, prev.and_then(|p| p.completion_rate));
    kpis.push(Kpi {
        label: "Completion rate".into(),
        value: pct(c),
        target: Some(format!("target ≥ {}", pct(Some(target)))),
        change: vs(dc, " pts"),
        change_good: dc.filter(|d| d.abs() >= 0.05).map(|d| d > 0.0),
        rag: rag_rate(c, target),
        detail: Some(format!(
            "{} complete · {} incomplete · {} pending",
            int(cp.map(|c| c.complete)),
            int(cp.map(|c| c.incomplete)),
            int(cp.map(|c| c.pending))
        )),
        ..Kpi::default()
    });

    let kt = SlaAttainment::read(m)
        .and_then(|s| s.knowledge_transfer)
        .and_then(|c| c.rate);
    let dk = change_pts(kt, prev.and_then(|p| p.knowledge_transfer_rate));
    kpis.push(Kpi {
        label: "Knowledge-transfer SLA".into(),
        value: pct(kt),
        target: Some(format!("floor {}", pct(Some(view.settings.sla_floor)))),
        change: vs(dk, " pts"),
        change_good: dk.filter(|d| d.abs() >= 0.05).map(|d| d > 0.0),
        rag: rag_rate(kt, view.settings.sla_floor),
        detail: Some(format!(
            "meeting within {} of close",
            view.settings
                .sla_hours
                .iter()
                .find(|(a, _)| a == "knowledge_transfer")
                .map_or_else(String::new, |(_, h)| duration_words(
                    *h,
                    view.settings.business_days
                ))
        )),
        ..Kpi::default()
    });

    let esc = unum(m, &["escalations", "count"]);
    let esc_alert = alerts(m).iter().any(|(k, _)| k == "escalations");
    kpis.push(Kpi {
        label: "Escalations now".into(),
        value: int(esc),
        detail: Some("deals closed ≤ 90 days ago with an SLA missed and still open".into()),
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
            if esc_alert {
                "over the alert limit".to_string()
            } else if n > 0 {
                "act on these".to_string()
            } else {
                "none open".to_string()
            }
        }),
        ..Kpi::default()
    });

    if view.provided(s::HANDOFFS) {
        let acc = Acceptance::read(m);
        let a = acc.as_ref();
        kpis.push(Kpi {
            label: "CS acceptance".into(),
            value: pct(a.and_then(|a| a.rate)),
            detail: Some(format!(
                "{} accepted · {} needs revision · {} rejected",
                int(a.map(|a| a.accepted)),
                int(a.map(|a| a.needs_revision)),
                int(a.map(|a| a.rejected))
            )),
            ..Kpi::default()
        });
    }
    let coaching = at(m, &["scorecards", "coaching"])
        .as_array()
        .map(|a| a.len() as u64);
    kpis.push(Kpi {
        label: "Reps flagged for coaching".into(),
        value: int(coaching),
        detail: Some("mean score < 70 over ≥ 3 handoffs".into()),
        rag: coaching.map(|n| if n > 0 { Rag::Amber } else { Rag::Green }),
        rag_label: coaching.map(|n| if n > 0 { "coach" } else { "none" }.to_string()),
        ..Kpi::default()
    });
    sec.push(Block::Kpis(kpis));
    sec.push(Block::Para(vec![t(
        "Status colours: green on target; amber within 10 points of the target (scores 70–80); red below. Changes compare with the previous period of the same length.",
    )]));
    push_alerts(&mut sec, m);
    sec
}

pub(crate) fn alerts(m: &Value) -> Vec<(String, String)> {
    at(m, &["alerts"])
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| {
                    (
                        text(x, &["kind"]).unwrap_or("").to_string(),
                        text(x, &["message"]).unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

pub(crate) fn push_alerts(sec: &mut Section, m: &Value) {
    let list = alerts(m);
    if list.is_empty() {
        sec.push(Block::Callout(
            Rag::Green,
            vec![vec![t("No alerts fired for this period.")]],
        ));
    } else {
        let title = vec![b(format!(
            "{} alert{} fired:",
            list.len(),
            if list.len() == 1 { "" } else { "s" }
        ))];
        let items = list.into_iter().map(|(_, msg)| vec![t(msg)]).collect();
        sec.push(Block::Notice(Rag::Red, title, items));
    }
}
