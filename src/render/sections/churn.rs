//! Report section `churn`: its content, wording and chart references.

use super::*;

pub(crate) fn q_churn(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec =
        Section::new("churn", &view.text().msg("section-churn", &[])).cohort(cohort_mature(m));
    let churn = at(m, &["churn"]);
    if churn.is_null() {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    }
    sec.push(Block::Para(vec![t(
        "Churned = a churn event within 365 days after the close date. Bars show the rate, whiskers the Wilson 95% confidence interval: overlapping intervals mean the bands are not clearly different.",
    )]));
    let by = at(churn, &["by_band"]);
    let keys = band_keys(by);
    if keys.is_empty() {
        sec.push(no_rows("no deals in the mature cohort"));
        return sec;
    }
    sec.push(Block::Chart("churn_by_band".into()));
    let mut table =
        Table::new(&["Band", "Deals", "Churned", "Churn rate", "95% CI"]).cohort(short_mature(m));
    for k in keys {
        table.rows.push(band_rate(at(by, &[&k]), "churned").row(&k));
    }
    sec.push(Block::Table(table));
    sec
}
