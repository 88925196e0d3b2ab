//! Report section `quarter_trend`: its content, wording and chart references.

use super::*;

pub(crate) fn q_trend(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = trend(
        view,
        "trend",
        &view.text().msg("section-trend-quarterly", &[]),
    );
    let previous = PreviousPeriod::read(m);
    let pp = previous.as_ref();
    let prev = pp.map_or("previous", |p| p.label.as_str());
    let mut table =
        Table::new(&["Measure", "This quarter", prev, "Change"]).cohort(short_period(m));
    let q = QualityScores::read(m).and_then(|q| q.mean);
    let pq = pp.and_then(|p| p.quality_mean);
    let deals = CohortSizes::read(m).map(|c| c.period_deals);
    let pdeals = pp.map(|p| p.deals);
    table.rows.push(vec![
        Cell::text("Deals closed"),
        Cell::num(int(deals)),
        Cell::num(int(pdeals)),
        Cell::num(match (deals, pdeals) {
            (Some(a), Some(b)) => signed1(a as f64 - b as f64).replace(".0", ""),
            _ => DASH.into(),
        }),
    ]);
    table.rows.push(vec![
        Cell::text("Mean quality score"),
        Cell::num(num1(q)).rag(rag_score(q)),
        Cell::num(num1(pq)),
        Cell::num(
            q.zip(pq)
                .map(|(a, b)| signed1(a - b))
                .unwrap_or_else(|| DASH.into()),
        ),
    ]);
    let completion = Completion::read(m);
    let target = completion
        .as_ref()
        .map_or(view.settings.completion_target, |c| c.target);
    for (name, now, before, floor) in [
        (
            "Completion rate",
            completion.as_ref().and_then(|c| c.rate),
            pp.and_then(|p| p.completion_rate),
            target,
        ),
        (
            "Knowledge-transfer SLA attainment",
            SlaAttainment::read(m)
                .and_then(|s| s.knowledge_transfer)
                .and_then(|c| c.rate),
            pp.and_then(|p| p.knowledge_transfer_rate),
            view.settings.sla_floor,
        ),
    ] {
        table.rows.push(vec![
            Cell::text(name),
            Cell::num(pct(now)).rag(rag_rate(now, floor)),
            Cell::num(pct(before)),
            Cell::num(
                change_pts(now, before)
                    .map(|d| format!("{} pts", signed1(d)))
                    .unwrap_or_else(|| DASH.into()),
            ),
        ]);
    }
    sec.blocks.insert(
        0,
        Block::Table(table.title("The quarter against the previous one")),
    );
    sec.push(Block::Heading("Alerts for the quarter".into()));
    push_alerts(&mut sec, m);
    sec
}
