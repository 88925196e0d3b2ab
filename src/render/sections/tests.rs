//! Report section `tests`: the significance tests of METRICS.md §4.9, each with its reading.

use super::outcome_parts::*;
use super::*;
use crate::metrics::churn::{FirstYearChurn, TestStat};

pub(crate) fn q_tests(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("tests", &view.text().msg("section-tests", &[]));
    let Some(churn) = FirstYearChurn::read(m) else {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    };
    sec.push(Block::Para(msg_spans("tests-intro", &[])));
    let reading = |p: Option<f64>| Cell::text(q(&format!("tests-reading-{}", p_reading(p)), &[]));
    let chi2 = |t: Option<TestStat>| {
        Cell::num(q(
            "tests-chi2",
            &[("value", &num2(t.and_then(|t| t.statistic)))],
        ))
    };
    let dof = |t: Option<TestStat>| Cell::num(int(t.map(|t| u64::from(t.dof))));
    let mature = q("tests-cohort-mature", &[]);
    let survival = q("tests-cohort-survival", &[]);
    let mut table = table_of(&[
        "tests-col-test",
        "tests-col-cohort",
        "tests-col-statistic",
        "tests-col-dof",
        "tests-col-p",
        "tests-col-reading",
    ]);
    let chi = churn.chi_square;
    let cp = chi.and_then(|c| c.p_value);
    table.rows.push(vec![
        Cell::text(q("tests-chi-square", &[])),
        Cell::text(&mature),
        chi2(chi),
        dof(chi),
        Cell::num(sig3(cp)).strong(),
        reading(cp),
    ]);
    let pb = churn.point_biserial;
    let pp = pb.and_then(|p| p.p_value);
    table.rows.push(vec![
        Cell::text(q("tests-point-biserial", &[])),
        Cell::text(&mature),
        Cell::num(q("tests-r", &[("value", &num2(pb.and_then(|p| p.r)))])),
        Cell::num(int(Some(churn.n.saturating_sub(2)))),
        Cell::num(sig3(pp)).strong(),
        reading(pp),
    ]);
    let lr = churn.logrank;
    let lp = lr.and_then(|l| l.p_value);
    table.rows.push(vec![
        Cell::text(q("tests-logrank", &[])),
        Cell::text(&survival),
        chi2(lr),
        dof(lr),
        Cell::num(sig3(lp)).strong(),
        reading(lp),
    ]);
    table.notes.push(format!("{}.", short_mature(m)));
    table.notes.push(format!("{}.", short_survival(m)));
    table.notes.push(q("tests-note-r", &[]));
    sec.push(Block::Table(table));
    sec
}
