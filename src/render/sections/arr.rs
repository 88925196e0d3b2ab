//! Report section `arr`: the ARR at stake (METRICS.md §4.9), worded as an illustration of
//! scale, not a forecast.

use super::outcome_parts::*;
use super::*;
use crate::metrics::churn::FirstYearChurn;
use crate::vocab::Band;

pub(crate) fn q_arr(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec =
        Section::new("arr", &view.text().msg("section-arr", &[])).cohort(cohort_mature(m));
    let Some(churn) = FirstYearChurn::read(m) else {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    };
    let sub = rate_of(churn.by_band.get(&Band::Substandard));
    let exc = rate_of(churn.by_band.get(&Band::Excellent));
    match churn.arr_at_stake {
        Some(v) => sec.push(Block::Para(msg_spans(
            "arr-explained",
            &[
                ("arr", &money(Some(v))),
                ("n", &int(sub.n)),
                ("sub_rate", &pct(sub.rate)),
                ("exc_rate", &pct(exc.rate)),
            ],
        ))),
        None => sec.push(Block::Unavailable(q("arr-not-computable", &[]))),
    }
    sec
}
