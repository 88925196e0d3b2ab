//! Range checks of every config value, run by [`super::Settings::from_file`] before the
//! settings are built (METRICS.md §2): a share outside [0, 1], a NaN or infinity, a look-back or
//! deadline that would carry a date out of the calendar, an as-of date outside
//! 1900-01-01..2199-12-31, or a date format chrono cannot use is a usage error (exit 2) that
//! names the key. The limits are listed in `docs/CONFIG.md` ("Valid ranges").
//!
//! Kept apart from the settings builder so a new key adds one line here.

use std::fmt::Write as _;

use chrono::format::{Item, StrftimeItems};
use chrono::{NaiveDate, NaiveDateTime};

use super::ConfigFile;
use crate::error::usage;

/// The first and last as-of dates accepted (flag or config).
pub const FIRST_AS_OF: (i32, u32, u32) = (1900, 1, 1);
pub const LAST_AS_OF: (i32, u32, u32) = (2199, 12, 31);
/// Longest mature-cohort look-back: 100 years of days.
pub const MAX_LOOKBACK_DAYS: i64 = 36_600;
/// Longest SLA deadline: 100 years of hours.
pub const MAX_SLA_HOURS: f64 = 876_600.0;
/// Longest first-value target: 100 years of days.
pub const MAX_FIRST_VALUE_DAYS: f64 = 36_600.0;

/// Check every value of a parsed config file; the first problem is the error.
pub fn check(f: &ConfigFile) -> anyhow::Result<()> {
    if let Some(s) = &f.as_of {
        super::parse_date_arg(s).map_err(|e| usage(format!("config: as_of: {e}")))?;
    }
    if let Some(v) = f.max_rejected_share {
        share("max_rejected_share", v)?;
    }
    if let Some(v) = f.completion_target {
        share("completion_target", v)?;
    }
    if let Some(v) = f.alerts.sla_floor {
        share("alerts.sla_floor", v)?;
    }
    if let Some(v) = f.churn_lookback_days {
        if !(1..=MAX_LOOKBACK_DAYS).contains(&v) {
            return Err(usage(format!(
                "config: churn_lookback_days = {v} is out of range: a whole number of days in 1..={MAX_LOOKBACK_DAYS}"
            )));
        }
    }
    for (k, v) in &f.sla_hours {
        positive(&format!("sla_hours.{k}"), *v, MAX_SLA_HOURS, "hours")?;
    }
    for (k, v) in &f.first_value_days {
        positive(
            &format!("first_value_days.{k}"),
            *v,
            MAX_FIRST_VALUE_DAYS,
            "days",
        )?;
    }
    if let Some(edges) = &f.acv_band_edges {
        if let Some(bad) = edges.iter().find(|e| !e.is_finite() || **e < 0.0) {
            return Err(usage(format!(
                "config: acv_band_edges: {bad} is not a finite amount >= 0"
            )));
        }
    }
    if let Some(fmt) = &f.date_format {
        check_date_format("date_format", fmt)?;
    }
    for fmt in f.date_formats.iter().flatten() {
        check_date_format("date_formats", fmt)?;
    }
    if let Some(c) = &f.currency {
        if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(usage(format!(
                "config: currency = {c:?} is not a currency code: three uppercase letters (ISO 4217, e.g. \"USD\", \"EUR\", \"IDR\")"
            )));
        }
    }
    Ok(())
}

/// A share: finite and within [0, 1].
pub fn share(key: &str, v: f64) -> anyhow::Result<()> {
    if v.is_finite() && (0.0..=1.0).contains(&v) {
        Ok(())
    } else {
        Err(usage(format!(
            "config: {key} = {v} is out of range: a share within [0, 1] (e.g. 0.9 for 90%)"
        )))
    }
}

/// A duration: finite, above zero and at most `max`.
fn positive(key: &str, v: f64, max: f64, unit: &str) -> anyhow::Result<()> {
    if v.is_finite() && v > 0.0 && v <= max {
        Ok(())
    } else {
        Err(usage(format!(
            "config: {key} = {v} is out of range: a number of {unit} above 0 and at most {max}"
        )))
    }
}

/// A chrono format the ingest can use: it has no unknown specifier, it formats a fixed
/// instant without error, and parsing that text back gives the same date (so a format
/// without a year, month and day, such as `%H:%M`, is refused).
pub fn check_date_format(key: &str, fmt: &str) -> anyhow::Result<()> {
    let bad = |why: &str| {
        usage(format!(
            "config: {key} = {fmt:?} is not a date format chrono can use: {why}"
        ))
    };
    if fmt.trim().is_empty() {
        return Err(bad("it is empty"));
    }
    if StrftimeItems::new(fmt).any(|i| matches!(i, Item::Error)) {
        return Err(bad(
            "it holds an unknown %-specifier (see chrono's strftime syntax)",
        ));
    }
    let probe = NaiveDate::from_ymd_opt(2001, 2, 3)
        .and_then(|d| d.and_hms_opt(4, 5, 6))
        .expect("a valid instant");
    let mut text = String::new();
    if write!(text, "{}", probe.format(fmt)).is_err() {
        return Err(bad("chrono cannot format a date with it"));
    }
    let back = NaiveDateTime::parse_from_str(&text, fmt)
        .map(|dt| dt.date())
        .or_else(|_| NaiveDate::parse_from_str(&text, fmt));
    match back {
        Ok(d) if d == probe.date() => Ok(()),
        Ok(_) => Err(bad(&format!(
            "2001-02-03 written with it as {text:?} reads back as another date"
        ))),
        Err(_) => Err(bad(&format!(
            "2001-02-03 written with it as {text:?} does not read back as a date (a format needs a year, a month and a day, or an ordinal day)"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(toml: &str) -> String {
        let f: ConfigFile = toml::from_str(toml).unwrap();
        match check(&f) {
            Ok(()) => panic!("{toml:?} was accepted"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn out_of_range_values_name_their_key() {
        for (toml, key) in [
            ("churn_lookback_days = 100000000", "churn_lookback_days"),
            ("churn_lookback_days = -5", "churn_lookback_days"),
            ("churn_lookback_days = 0", "churn_lookback_days"),
            ("[alerts]\nsla_floor = nan", "alerts.sla_floor"),
            ("[alerts]\nsla_floor = -0.1", "alerts.sla_floor"),
            ("completion_target = 7", "completion_target"),
            ("completion_target = inf", "completion_target"),
            ("max_rejected_share = nan", "max_rejected_share"),
            ("[sla_hours]\nintro = 0", "sla_hours.intro"),
            ("[sla_hours]\nintro = inf", "sla_hours.intro"),
            ("[first_value_days]\nsmb = -1", "first_value_days.smb"),
            ("[first_value_days]\nsmb = 1e300", "first_value_days.smb"),
            ("acv_band_edges = [1, 2, inf]", "acv_band_edges"),
            ("as_of = \"0001-01-01\"", "as_of"),
            ("as_of = \"2200-01-01\"", "as_of"),
            ("date_format = \"%Q%Q\"", "date_format"),
            ("date_format = \"%H:%M\"", "date_format"),
            ("date_format = \"%Y\"", "date_format"),
            ("date_format = \"\"", "date_format"),
            ("currency = \"usd\"", "currency"),
            ("currency = \"EURO\"", "currency"),
            ("currency = \"\"", "currency"),
        ] {
            let e = err(toml);
            assert!(e.contains(key), "{toml:?}: {e}");
        }
    }

    #[test]
    fn edges_of_the_ranges_are_accepted() {
        for toml in [
            "churn_lookback_days = 1",
            "churn_lookback_days = 36600",
            "completion_target = 0\n[alerts]\nsla_floor = 1",
            "max_rejected_share = 1",
            "as_of = \"1900-01-01\"",
            "as_of = \"2199-12-31\"",
            "date_format = \"%m/%d/%Y\"",
            "date_format = \"%d.%m.%y %H:%M\"",
            "date_format = \"%Y-%j\"",
            "[sla_hours]\nintro = 0.5",
            "currency = \"IDR\"",
        ] {
            let f: ConfigFile = toml::from_str(toml).unwrap();
            check(&f).unwrap_or_else(|e| panic!("{toml:?}: {e}"));
        }
    }
}
