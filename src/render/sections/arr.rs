//! Report section `arr`: its content, wording and chart references.

use super::*;

pub(crate) fn q_arr(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec =
        Section::new("arr", &view.text().msg("section-arr", &[])).cohort(cohort_mature(m));
    let churn = at(m, &["churn"]);
    if churn.is_null() {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    }
    let sub = band_rate(at(churn, &["by_band", "substandard"]), "churned");
    let exc = band_rate(at(churn, &["by_band", "excellent"]), "churned");
    match fnum(churn, &["arr_at_stake"]) {
        Some(v) => sec.push(Block::Para(vec![
            b(money(Some(v))),
            t(format!(
                " of annual contract value: the ACV of the mature cohort's {} substandard deals × the gap between their first-year churn rate ({}) and that of excellent handoffs ({}), floored at 0. It is what the substandard deals would have kept had they churned like excellent ones — an illustration of scale under the (unproven) assumption that the gap is caused by the handoff, not a forecast.",
                int(sub.n),
                pct(sub.rate),
                pct(exc.rate)
            )),
        ])),
        None => sec.push(Block::Unavailable(
            "Not computable: the mature cohort lacks substandard or excellent deals.".into(),
        )),
    }
    sec
}
