//! Report section `tests`: its content, wording and chart references.

use super::*;

pub(crate) fn q_tests(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("tests", &view.text().msg("section-tests", &[]));
    let churn = at(m, &["churn"]);
    if churn.is_null() {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    }
    sec.push(Block::Para(vec![t(
        "A p-value is the chance of differences at least this large if handoff quality and churn were unrelated; below 0.05 is conventionally called significant. Significance is not effect size, and neither is causation.",
    )]));
    let reading = |p: Option<f64>| match p {
        Some(p) if p < 0.05 => "significant at 5%",
        Some(_) => "not significant (p ≥ 0.05)",
        None => "not computable",
    };
    let mut table = Table::new(&["Test", "Cohort", "Statistic", "dof", "p-value", "Reading"]);
    let chi = at(churn, &["chi_square"]);
    let cp = fnum(chi, &["p_value"]);
    table.rows.push(vec![
        Cell::text("Chi-square, bands × churned/retained (Pearson, no continuity correction)"),
        Cell::text("mature"),
        Cell::num(format!("χ² = {}", num2(fnum(chi, &["statistic"])))),
        Cell::num(int(unum(chi, &["dof"]))),
        Cell::num(sig3(cp)).strong(),
        Cell::text(reading(cp)),
    ]);
    let pb = at(churn, &["point_biserial"]);
    let pp = fnum(pb, &["p_value"]);
    table.rows.push(vec![
        Cell::text("Point-biserial correlation, quality score × churned"),
        Cell::text("mature"),
        Cell::num(format!("r = {}", num2(fnum(pb, &["r"])))),
        Cell::num(int(unum(m, &["churn", "n"]).map(|n| n.saturating_sub(2)))),
        Cell::num(sig3(pp)).strong(),
        Cell::text(reading(pp)),
    ]);
    let lr = at(churn, &["logrank"]);
    let lp = fnum(lr, &["p_value"]);
    table.rows.push(vec![
        Cell::text("Log-rank, retention curves by band"),
        Cell::text("survival"),
        Cell::num(format!("χ² = {}", num2(fnum(lr, &["statistic"])))),
        Cell::num(int(unum(lr, &["dof"]))),
        Cell::num(sig3(lp)).strong(),
        Cell::text(reading(lp)),
    ]);
    table.notes.push(format!("{}.", short_mature(m)));
    table.notes.push(format!("{}.", short_survival(m)));
    table
        .notes
        .push("A negative r means higher scores go with less churn.".into());
    sec.push(Block::Table(table));
    sec
}
