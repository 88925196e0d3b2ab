//! Report section `completion`: its content, wording and chart references.

use super::*;

pub(crate) fn completion(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("completion", &view.text().msg("section-completion", &[]))
        .cohort(cohort_period(m));
    let completion = Completion::read(m);
    let cp = completion.as_ref();
    let target = cp.map_or(view.settings.completion_target, |c| c.target);
    let rate = cp.and_then(|c| c.rate);
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
        Cell::num(int(cp.map(|c| c.complete))),
        Cell::num(int(cp.map(|c| c.incomplete))),
        Cell::num(int(cp.map(|c| c.pending))),
        Cell::num(pct(rate)).rag(rag_rate(rate, target)).strong(),
        Cell::num(format!("≥ {}", pct(Some(target)))),
    ]);
    sec.push(Block::Table(table));
    if view.provided(s::HANDOFFS) {
        let acc = Acceptance::read(m);
        let a = acc.as_ref();
        let mut acc = Table::new(&["Accepted", "Needs revision", "Rejected", "Acceptance rate"])
            .title("CS acceptance of the handoff record")
            .cohort(short_period(m));
        acc.rows.push(vec![
            Cell::num(int(a.map(|a| a.accepted))),
            Cell::num(int(a.map(|a| a.needs_revision))),
            Cell::num(int(a.map(|a| a.rejected))),
            Cell::num(pct(a.and_then(|a| a.rate))),
        ]);
        sec.push(Block::Table(acc));
    } else {
        sec.push(Block::Heading("CS acceptance".into()));
        sec.push(not_provided(s::HANDOFFS));
    }
    sec
}
