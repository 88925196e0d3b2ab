//! Report section `completion`: its content, wording and chart references.

use super::*;

pub(crate) fn completion(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("completion", &view.text().msg("section-completion", &[]))
        .cohort(cohort_period(m));
    let target = fnum(m, &["completion", "target"]).unwrap_or(0.9);
    let rate = fnum(m, &["completion", "rate"]);
    sec.push(Block::Para(vec![t(
        "A handoff is complete when knowledge transfer, kickoff scheduling and first value all met their SLA; incomplete when any was missed; otherwise pending. Rate = complete ÷ (complete + incomplete).",
    )]));
    let mut table = Table::new(&[
        "Complete",
        "Incomplete",
        "Pending",
        "Completion rate",
        "Target",
    ])
    .cohort(short_period(m));
    table.rows.push(vec![
        Cell::num(int(unum(m, &["completion", "complete"]))),
        Cell::num(int(unum(m, &["completion", "incomplete"]))),
        Cell::num(int(unum(m, &["completion", "pending"]))),
        Cell::num(pct(rate)).rag(rag_rate(rate, target)).strong(),
        Cell::num(format!("≥ {}", pct(Some(target)))),
    ]);
    sec.push(Block::Table(table));
    if view.provided(s::HANDOFFS) {
        let mut acc = Table::new(&["Accepted", "Needs revision", "Rejected", "Acceptance rate"])
            .title("CS acceptance of the handoff record")
            .cohort(short_period(m));
        acc.rows.push(vec![
            Cell::num(int(unum(m, &["acceptance", "accepted"]))),
            Cell::num(int(unum(m, &["acceptance", "needs_revision"]))),
            Cell::num(int(unum(m, &["acceptance", "rejected"]))),
            Cell::num(pct(fnum(m, &["acceptance", "rate"]))),
        ]);
        sec.push(Block::Table(acc));
    } else {
        sec.push(Block::Heading("CS acceptance".into()));
        sec.push(not_provided(s::HANDOFFS));
    }
    sec
}
