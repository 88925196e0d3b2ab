//! Report section `relative_risk`: crude and segment-adjusted relative risk, substandard vs
//! excellent (METRICS.md §4.9).

use super::outcome_parts::*;
use super::*;
use crate::metrics::churn::FirstYearChurn;

pub(crate) fn q_relative_risk(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new(
        "relative-risk",
        &view.text().msg("section-relative-risk", &[]),
    )
    .cohort(cohort_mature(m));
    let Some(churn) = FirstYearChurn::read(m) else {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    };
    sec.push(Block::Para(msg_spans("relative-risk-intro", &[])));
    let mut table = table_of(&[
        "relative-risk-col-estimate",
        "relative-risk-col-value",
        "relative-risk-col-ci",
        "relative-risk-col-reading",
    ])
    .cohort(short_mature(m));
    for (name, e) in [
        ("relative-risk-crude", churn.relative_risk),
        ("relative-risk-adjusted", churn.relative_risk_adjusted),
    ] {
        let (val, lo, hi) = (
            e.and_then(|e| e.value),
            e.and_then(|e| e.ci_low),
            e.and_then(|e| e.ci_high),
        );
        table.rows.push(vec![
            Cell::text(q(name, &[])),
            Cell::num(num2(val)).strong(),
            Cell::num(ci_num2(lo, hi)),
            Cell::text(q(
                &format!("relative-risk-reading-{}", ci_reading(lo, hi)),
                &[],
            )),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}
