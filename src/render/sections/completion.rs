//! Report section `completion`: its content, wording and chart references.

use super::*;

pub(crate) fn completion(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec =
        Section::new("completion", &view.msg("section-completion")).cohort(cohort_period(m));
    let completion = Completion::read(m);
    let cp = completion.as_ref();
    let target = cp.map_or(view.settings.completion_target, |c| c.target);
    let rate = cp.and_then(|c| c.rate);
    sec.push(Block::Para(vec![t(view.msg("completion-intro"))]));
    let mut table = view
        .headed(&[
            "completion-complete",
            "completion-incomplete",
            "completion-pending",
            "completion-rate",
            "completion-target",
        ])
        .cohort(short_period(m));
    table.rows.push(vec![
        Cell::num(int(cp.map(|c| c.complete))),
        Cell::num(int(cp.map(|c| c.incomplete))),
        Cell::num(int(cp.map(|c| c.pending))),
        Cell::num(pct(rate)).rag(rag_rate(rate, target)).strong(),
        Cell::num(view.msg_with("completion-at-least", &[("target", &pct(Some(target)))])),
    ]);
    sec.push(Block::Table(table));
    if view.provided(s::HANDOFFS) {
        let acc = Acceptance::read(m);
        let a = acc.as_ref();
        let mut acc = view
            .headed(&[
                "completion-accepted",
                "completion-needs-revision",
                "completion-rejected",
                "completion-acceptance-rate",
            ])
            .title(view.msg("completion-acceptance-title"))
            .cohort(short_period(m));
        acc.rows.push(vec![
            Cell::num(int(a.map(|a| a.accepted))),
            Cell::num(int(a.map(|a| a.needs_revision))),
            Cell::num(int(a.map(|a| a.rejected))),
            Cell::num(pct(a.and_then(|a| a.rate))),
        ]);
        sec.push(Block::Table(acc));
    } else {
        sec.push(Block::Heading(view.msg("completion-acceptance")));
        sec.push(not_provided(s::HANDOFFS));
    }
    sec
}
