//! Report section `retention`: its content, wording and chart references.

use super::*;

pub(crate) fn q_retention(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("retention", &view.text().msg("section-retention", &[]))
        .cohort(cohort_survival(m));
    let churn = at(m, &["churn"]);
    if churn.is_null() {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    }
    sec.push(Block::Para(vec![t(
        "Kaplan–Meier share of customers not yet churned by days since close. Unlike the first-year rates, every deal counts, each followed as long as the data allows.",
    )]));
    let lr = at(churn, &["logrank"]);
    sec.push(Block::Para(match fnum(lr, &["p_value"]) {
        Some(p) => vec![
            t("Log-rank test of equal curves: χ² = "),
            b(num2(fnum(lr, &["statistic"]))),
            t(format!(" on {} dof, p = ", int(unum(lr, &["dof"])))),
            b(sig3(Some(p))),
            t(if p < 0.05 {
                " — the curves differ beyond chance."
            } else {
                " — the data cannot show that the curves differ."
            }),
        ],
        None => vec![t(
            "The log-rank test cannot be computed (fewer than two bands with deals, or no churn).",
        )],
    }));
    if view.rows("retention_curves").is_some() {
        sec.push(Block::Chart("retention_curves".into()));
    }
    let ret = at(churn, &["retention_by_band"]);
    let keys = band_keys(ret);
    if !keys.is_empty() {
        let mut table = Table::new(&["Band", "Deals", "Churn events", "Retained at day 365 (KM)"])
            .cohort(short_survival(m));
        for k in keys {
            let g = at(ret, &[&k]);
            let (n, low) = group_n(g);
            table.rows.push(vec![
                Cell::text(humanize(&k)),
                Cell::num(int(n)).low(low),
                Cell::num(int(unum(g, &["events"]))),
                Cell::num(pct(fnum(g, &["retained_365"]))).low(low),
            ]);
        }
        sec.push(Block::Table(table));
    }
    sec
}
