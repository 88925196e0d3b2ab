//! Report section `relative_risk`: its content, wording and chart references.

use super::*;

pub(crate) fn q_relative_risk(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new(
        "relative-risk",
        &view.text().msg("section-relative-risk", &[]),
    )
    .cohort(cohort_mature(m));
    let churn = at(m, &["churn"]);
    if churn.is_null() {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    }
    sec.push(Block::Para(vec![t(
        "How many times the first-year churn rate of substandard handoffs is that of excellent ones (1 = no difference). The segment-adjusted (Mantel–Haenszel) estimate compares the bands within each segment, so a different segment mix in the two bands cannot pass for a handoff effect.",
    )]));
    let mut table =
        Table::new(&["Estimate", "Relative risk", "95% CI", "Reading"]).cohort(short_mature(m));
    for (name, key) in [
        ("Crude", "relative_risk"),
        (
            "Segment-adjusted (Mantel–Haenszel)",
            "relative_risk_adjusted",
        ),
    ] {
        let v = at(churn, &[key]);
        let (val, lo, hi) = (
            fnum(v, &["value"]),
            fnum(v, &["ci_low"]),
            fnum(v, &["ci_high"]),
        );
        let reading = match (lo, hi) {
            (Some(lo), _) if lo > 1.0 => "higher churn with substandard handoffs (CI above 1)",
            (_, Some(hi)) if hi < 1.0 => "lower churn with substandard handoffs (CI below 1)",
            (Some(_), Some(_)) => "inconclusive: the CI includes 1",
            _ => "not computable (a churn count or a band is zero)",
        };
        table.rows.push(vec![
            Cell::text(name),
            Cell::num(num2(val)).strong(),
            Cell::num(ci_num2(lo, hi)),
            Cell::text(reading),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}
