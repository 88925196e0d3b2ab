//! Report section `quarter_trend`: the quarterly trend, the quarter against the previous one
//! and the quarter's alerts.

use super::outcome_parts::*;
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
    let prev = pp.map_or_else(|| q("quarter-trend-col-previous", &[]), |p| p.label.clone());
    let mut table = table_of(&[
        "quarter-trend-col-measure",
        "quarter-trend-col-this",
        "quarter-trend-col-previous",
        "quarter-trend-col-change",
    ])
    .cohort(short_period(m));
    table.head[2] = prev;
    let mean = QualityScores::read(m).and_then(|qs| qs.mean);
    let pq = pp.and_then(|p| p.quality_mean);
    let deals = CohortSizes::read(m).map(|c| c.period_deals);
    let pdeals = pp.map(|p| p.deals);
    table.rows.push(vec![
        Cell::text(q("quarter-trend-deals", &[])),
        Cell::num(int(deals)),
        Cell::num(int(pdeals)),
        Cell::num(match (deals, pdeals) {
            (Some(a), Some(b)) => signed1(a as f64 - b as f64).replace(".0", ""),
            _ => DASH.into(),
        }),
    ]);
    table.rows.push(vec![
        Cell::text(q("quarter-trend-score", &[])),
        Cell::num(num1(mean)).rag(rag_score(mean)),
        Cell::num(num1(pq)),
        Cell::num(
            mean.zip(pq)
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
            "quarter-trend-completion",
            completion.as_ref().and_then(|c| c.rate),
            pp.and_then(|p| p.completion_rate),
            target,
        ),
        (
            "quarter-trend-knowledge-transfer",
            SlaAttainment::read(m)
                .and_then(|s| s.knowledge_transfer)
                .and_then(|c| c.rate),
            pp.and_then(|p| p.knowledge_transfer_rate),
            view.settings.sla_floor,
        ),
    ] {
        table.rows.push(vec![
            Cell::text(q(name, &[])),
            Cell::num(pct(now)).rag(rag_rate(now, floor)),
            Cell::num(pct(before)),
            Cell::num(
                change_pts(now, before)
                    .map(|d| q("quarter-trend-points", &[("change", &signed1(d))]))
                    .unwrap_or_else(|| DASH.into()),
            ),
        ]);
    }
    sec.blocks.insert(
        0,
        Block::Table(table.title(q("quarter-trend-table-title", &[]))),
    );
    sec.push(Block::Heading(q("quarter-trend-alerts", &[])));
    push_alerts(&mut sec, m);
    sec
}
