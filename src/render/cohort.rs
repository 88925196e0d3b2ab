//! Cohort statements: the sentence each section states about the deals its numbers use,
//! and the one-line labels under tables. They read the typed period, as-of date and cohort
//! sizes of the metrics document; their wording is `cohort-*` in the catalog.

use super::*;
use crate::metrics::typed::{AsOf, CohortSizes, MetricSection, PeriodInfo};
use crate::text::text;

/// What the cohort statements need, `?` where the document lacks it.
pub(crate) struct CohortFacts {
    pub(crate) start: String,
    pub(crate) end: String,
    pub(crate) as_of: String,
    pub(crate) sizes: Option<CohortSizes>,
}

impl CohortFacts {
    pub(crate) fn of(m: &Value) -> CohortFacts {
        let period = PeriodInfo::read(m);
        let known = |s: Option<&String>| {
            s.filter(|s| !s.is_empty())
                .map_or_else(|| "?".to_string(), String::clone)
        };
        CohortFacts {
            start: known(period.as_ref().map(|p| &p.start)),
            end: known(period.as_ref().map(|p| &p.end)),
            as_of: known(AsOf::read(m).map(|a| a.0).as_ref()),
            sizes: CohortSizes::read(m),
        }
    }

    fn n(&self, pick: fn(&CohortSizes) -> u64) -> String {
        int(self.sizes.as_ref().map(pick))
    }
}

/// A `YYYY-MM-DD` date.
pub(crate) fn iso_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A date, or `?` when the document lacks it.
fn date_or_unknown(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "?".to_string(), date_of)
}

/// The as-of date of a metrics document.
pub(crate) fn as_of_date(m: &Value) -> Option<NaiveDate> {
    iso_date(&AsOf::read(m)?.0)
}

pub(crate) fn cohort_period(m: &Value) -> String {
    let f = CohortFacts::of(m);
    text(
        "cohort-period",
        &[
            ("start", &date(&f.start)),
            ("end", &date(&f.end)),
            ("n", &f.n(|s| s.period_deals)),
        ],
    )
}

pub(crate) fn cohort_trailing(m: &Value) -> String {
    let f = CohortFacts::of(m);
    let end = iso_date(&f.end);
    let start = end.and_then(|e| e.checked_sub_days(Days::new(364)));
    text(
        "cohort-trailing",
        &[
            ("start", &date_or_unknown(start)),
            ("end", &date_or_unknown(end)),
            ("n", &f.n(|s| s.trailing_deals)),
        ],
    )
}

pub(crate) fn cohort_mature(m: &Value) -> String {
    let f = CohortFacts::of(m);
    let hi = iso_date(&f.as_of).and_then(|d| d.checked_sub_days(Days::new(365)));
    text(
        "cohort-mature",
        &[
            ("last", &date_or_unknown(hi)),
            ("n", &f.n(|s| s.mature_deals)),
        ],
    )
}

pub(crate) fn cohort_survival(m: &Value) -> String {
    let f = CohortFacts::of(m);
    text(
        "cohort-survival",
        &[
            ("n", &f.n(|s| s.survival_deals)),
            ("as_of", &date(&f.as_of)),
        ],
    )
}

/// The one-line cohort labels under tables (the section states the full definition).
pub(crate) fn short_period(m: &Value) -> String {
    let f = CohortFacts::of(m);
    text(
        "cohort-period-short",
        &[
            ("start", &date(&f.start)),
            ("end", &date(&f.end)),
            ("n", &f.n(|s| s.period_deals)),
        ],
    )
}

pub(crate) fn short_trailing(m: &Value) -> String {
    let f = CohortFacts::of(m);
    text(
        "cohort-trailing-short",
        &[("end", &date(&f.end)), ("n", &f.n(|s| s.trailing_deals))],
    )
}

pub(crate) fn short_mature(m: &Value) -> String {
    let f = CohortFacts::of(m);
    text(
        "cohort-mature-short",
        &[("as_of", &date(&f.as_of)), ("n", &f.n(|s| s.mature_deals))],
    )
}

pub(crate) fn short_survival(m: &Value) -> String {
    let f = CohortFacts::of(m);
    text(
        "cohort-survival-short",
        &[
            ("as_of", &date(&f.as_of)),
            ("n", &f.n(|s| s.survival_deals)),
        ],
    )
}
