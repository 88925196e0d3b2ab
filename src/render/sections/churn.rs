//! Report section `churn`: first-year churn by band with Wilson intervals (METRICS.md §4.9).

use super::outcome_parts::*;
use super::*;
use crate::metrics::churn::FirstYearChurn;

pub(crate) fn q_churn(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec =
        Section::new("churn", &view.text().msg("section-churn", &[])).cohort(cohort_mature(m));
    let Some(churn) = FirstYearChurn::read(m) else {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    };
    sec.push(Block::Para(msg_spans("churn-intro", &[])));
    if churn.by_band.is_empty() {
        sec.push(no_rows(&q("churn-no-mature-deals", &[])));
        return sec;
    }
    sec.push(Block::Chart("churn_by_band".into()));
    let mut table = table_of(&[
        "churn-col-band",
        "churn-col-deals",
        "churn-col-churned",
        "churn-col-rate",
        "churn-col-ci",
    ])
    .cohort(short_mature(m));
    for (band, g) in &churn.by_band {
        table.rows.push(band_rate_row(*band, &g.into()));
    }
    sec.push(Block::Table(table));
    sec
}
