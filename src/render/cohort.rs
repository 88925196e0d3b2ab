//! Cohort statements: the sentence each section states about the deals its numbers use,
//! and the one-line labels under tables. They read the typed period, as-of date and cohort
//! sizes of the metrics document.

use super::*;
use crate::metrics::typed::{AsOf, CohortSizes, MetricSection, PeriodInfo};

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

/// The as-of date of a metrics document.
pub(crate) fn as_of_date(m: &Value) -> Option<NaiveDate> {
    iso_date(&AsOf::read(m)?.0)
}

pub(crate) fn cohort_period(m: &Value) -> String {
    let f = CohortFacts::of(m);
    format!(
        "Period cohort: deals closed {} to {} (n = {}).",
        f.start,
        f.end,
        f.n(|s| s.period_deals)
    )
}

pub(crate) fn cohort_trailing(m: &Value) -> String {
    let f = CohortFacts::of(m);
    let end = iso_date(&f.end);
    let start = end.and_then(|e| e.checked_sub_days(Days::new(364)));
    format!(
        "Trailing cohort: deals closed {} to {}, the 365 days ending with the period (n = {}).",
        start.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
        end.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
        f.n(|s| s.trailing_deals)
    )
}

pub(crate) fn cohort_mature(m: &Value) -> String {
    let f = CohortFacts::of(m);
    let hi = iso_date(&f.as_of).and_then(|d| d.checked_sub_days(Days::new(365)));
    format!(
        "Mature cohort: deals closed on or before {} — a full first year observed by the as-of date — within the churn look-back window (n = {}).",
        hi.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
        f.n(|s| s.mature_deals)
    )
}

pub(crate) fn cohort_survival(m: &Value) -> String {
    let f = CohortFacts::of(m);
    format!(
        "Survival cohort: every deal closed before the as-of instant (n = {}), followed to {} end of day UTC; customers who have not churned are censored.",
        f.n(|s| s.survival_deals),
        f.as_of
    )
}

/// The one-line cohort labels under tables (the section states the full definition).
pub(crate) fn short_period(m: &Value) -> String {
    let f = CohortFacts::of(m);
    format!(
        "Period cohort ({} to {}), n = {}",
        f.start,
        f.end,
        f.n(|s| s.period_deals)
    )
}

pub(crate) fn short_trailing(m: &Value) -> String {
    let f = CohortFacts::of(m);
    format!(
        "Trailing cohort (365 days to {}), n = {}",
        f.end,
        f.n(|s| s.trailing_deals)
    )
}

pub(crate) fn short_mature(m: &Value) -> String {
    let f = CohortFacts::of(m);
    format!(
        "Mature cohort (first year complete by {}), n = {}",
        f.as_of,
        f.n(|s| s.mature_deals)
    )
}

pub(crate) fn short_survival(m: &Value) -> String {
    let f = CohortFacts::of(m);
    format!(
        "Survival cohort (every deal, followed to {}), n = {}",
        f.as_of,
        f.n(|s| s.survival_deals)
    )
}
