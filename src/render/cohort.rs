//! Cohort statements: the sentence each section states about the deals its numbers use,
//! and the one-line labels under tables.

use super::*;

pub(crate) fn date(m: &Value, path: &[&str]) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text(m, path)?, "%Y-%m-%d").ok()
}

pub(crate) fn cohort_period(m: &Value) -> String {
    format!(
        "Period cohort: deals closed {} to {} (n = {}).",
        text(m, &["period", "start"]).unwrap_or("?"),
        text(m, &["period", "end"]).unwrap_or("?"),
        int(unum(m, &["cohort", "period_deals"]))
    )
}

pub(crate) fn cohort_trailing(m: &Value) -> String {
    let end = date(m, &["period", "end"]);
    let start = end.and_then(|e| e.checked_sub_days(Days::new(364)));
    format!(
        "Trailing cohort: deals closed {} to {}, the 365 days ending with the period (n = {}).",
        start.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
        end.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
        int(unum(m, &["cohort", "trailing_deals"]))
    )
}

pub(crate) fn cohort_mature(m: &Value) -> String {
    let hi = date(m, &["as_of"]).and_then(|d| d.checked_sub_days(Days::new(365)));
    format!(
        "Mature cohort: deals closed on or before {} — a full first year observed by the as-of date — within the churn look-back window (n = {}).",
        hi.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
        int(unum(m, &["cohort", "mature_deals"]))
    )
}

pub(crate) fn cohort_survival(m: &Value) -> String {
    format!(
        "Survival cohort: every deal closed before the as-of instant (n = {}), followed to {} end of day UTC; customers who have not churned are censored.",
        int(unum(m, &["cohort", "survival_deals"])),
        text(m, &["as_of"]).unwrap_or("?")
    )
}

/// The one-line cohort labels under tables (the section states the full definition).
pub(crate) fn short_period(m: &Value) -> String {
    format!(
        "Period cohort ({} to {}), n = {}",
        text(m, &["period", "start"]).unwrap_or("?"),
        text(m, &["period", "end"]).unwrap_or("?"),
        int(unum(m, &["cohort", "period_deals"]))
    )
}

pub(crate) fn short_trailing(m: &Value) -> String {
    format!(
        "Trailing cohort (365 days to {}), n = {}",
        text(m, &["period", "end"]).unwrap_or("?"),
        int(unum(m, &["cohort", "trailing_deals"]))
    )
}

pub(crate) fn short_mature(m: &Value) -> String {
    format!(
        "Mature cohort (first year complete by {}), n = {}",
        text(m, &["as_of"]).unwrap_or("?"),
        int(unum(m, &["cohort", "mature_deals"]))
    )
}

pub(crate) fn short_survival(m: &Value) -> String {
    format!(
        "Survival cohort (every deal, followed to {}), n = {}",
        text(m, &["as_of"]).unwrap_or("?"),
        int(unum(m, &["cohort", "survival_deals"]))
    )
}
