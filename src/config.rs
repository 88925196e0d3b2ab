//! The configuration file (`handoff.toml`) and the validated settings the pipeline sees.
//! The file is strict: an unknown key is an error that names it. Every field has the
//! default of docs/METRICS.md, so an empty file (or none) is valid.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::usage;
use crate::ingest::{locale, mapping};

mod validate;
pub use validate::{check_date_format, share as check_share};

/// The file as written by the user (`handoff.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Pins the as-of date so a run is reproducible (`"2026-10-31"`).
    pub as_of: Option<String>,
    /// Share of a table's rows that may be rejected before the run fails (default 0.01).
    pub max_rejected_share: Option<f64>,
    /// CSV delimiter: `","` (default), `";"`, `"tab"` or `"\t"`.
    pub delimiter: Option<String>,
    /// Accept `1.234,56` style numbers (use with `delimiter = ";"`).
    pub decimal_comma: Option<bool>,
    /// One more accepted date/datetime format, chrono syntax (`"%m/%d/%Y"`).
    pub date_format: Option<String>,
    /// `"calendar"` (default) or `"business"` (deadlines count Monday–Friday only).
    pub sla_calendar: Option<String>,
    /// The report's language, `en`, `id` or `de` (METRICS.md §5.1); `--lang` wins.
    pub language: Option<crate::text::Language>,
    /// The currency money is labelled with, three uppercase letters (default `"USD"`;
    /// METRICS.md §5.1).
    pub currency: Option<String>,
    /// Mature-cohort lookback in days (default 730).
    pub churn_lookback_days: Option<i64>,
    /// Completion-rate target (default 0.90).
    pub completion_target: Option<f64>,
    /// Information fields that count for completeness (default: the seven of METRICS.md §3).
    pub required_fields: Option<Vec<String>>,
    /// ACV band edges (default 25000, 100000, 500000).
    pub acv_band_edges: Option<Vec<f64>>,
    /// Folder of analysts' own `.sql` files run at report time (default `queries/custom`).
    pub custom_queries: Option<String>,
    /// SLA deadlines in hours after close, per activity.
    #[serde(default)]
    pub sla_hours: BTreeMap<String, f64>,
    /// First-value targets in days, per segment.
    #[serde(default)]
    pub first_value_days: BTreeMap<String, f64>,
    /// Source milestone names mapped to `first_value` / `go_live`.
    #[serde(default)]
    pub milestones: BTreeMap<String, String>,
    /// Alert thresholds.
    #[serde(default)]
    pub alerts: AlertsFile,
    /// Per table: canonical column = source header, or a list of candidate headers.
    #[serde(default)]
    pub columns: BTreeMap<String, BTreeMap<String, mapping::Headers>>,
    /// METRICS.md §3.1: `en-US`, `en-GB`, `de-DE` or `id-ID` (delimiter, decimal, date formats).
    pub locale: Option<String>,
    /// METRICS.md §3.1: more date/datetime formats, tried in order after ISO 8601 and the locale's.
    pub date_formats: Option<Vec<String>>,
    /// METRICS.md §3.1: ACV edges deriving a deal's segment when it has none.
    pub segment_from_acv: Option<Vec<f64>>,
    /// METRICS.md §3.1: the file or folder of parts holding a table.
    #[serde(default)]
    pub tables: BTreeMap<String, mapping::TableEntry>,
    /// METRICS.md §3.1: per table, the rows to keep (others are excluded `filtered`).
    #[serde(default)]
    pub filters: BTreeMap<String, BTreeMap<String, mapping::FilterEntry>>,
    /// METRICS.md §3.1: per table and column, source value = canonical value.
    #[serde(default)]
    pub values: BTreeMap<String, BTreeMap<String, BTreeMap<String, String>>>,
    /// METRICS.md §3.1: per table, the value of an absent or blank column.
    #[serde(default)]
    pub defaults: BTreeMap<String, BTreeMap<String, mapping::Scalar>>,
    /// METRICS.md §3.2: the source health-score scale `[MIN, MAX]` (default `[0, 100]`).
    pub health_scale: Option<Vec<f64>>,
    /// METRICS.md §3.2: `false` when the platform scores churn risk (higher is worse).
    pub health_higher_is_better: Option<bool>,
    /// Slack / Teams notifications after `report` (METRICS.md §5.2).
    #[serde(default)]
    pub notify: crate::notify::NotifyFile,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertsFile {
    /// Alert when any SLA attainment is below this (default 0.80).
    pub sla_floor: Option<f64>,
    /// Alert when more deals than this need escalation (default 10).
    pub max_escalations: Option<u64>,
}

impl ConfigFile {
    /// Read and parse a config file; errors name the file and the offending key.
    pub fn load(path: &Path) -> anyhow::Result<ConfigFile> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading config {}", path.display()))?;
        toml::from_str(&text).map_err(|e| usage(toml_error(path, &text, &e)))
    }
}

/// A TOML error as one line that names the file, the line and the text there (so a wrong
/// type, `churn_lookback_days = "abc"`, names its key).
fn toml_error(path: &Path, text: &str, e: &toml::de::Error) -> String {
    let Some(span) = e.span() else {
        return format!("config {}: {}", path.display(), e.message());
    };
    let start = span.start.min(text.len());
    let line_no = text[..start].matches('\n').count() + 1;
    let line = text.lines().nth(line_no - 1).unwrap_or("").trim();
    format!(
        "config {} line {line_no} ({line:?}): {}",
        path.display(),
        e.message()
    )
}

/// The SLA deadlines and targets used by the metrics.
#[derive(Debug, Clone)]
pub struct Settings {
    pub max_rejected_share: f64,
    pub delimiter: u8,
    pub decimal_comma: bool,
    pub date_format: Option<String>,
    /// The locale's formats, then `date_format`, then `date_formats` (METRICS.md §3.1 order).
    pub date_formats: Vec<String>,
    pub locale: Option<&'static locale::Locale>,
    pub business_days: bool,
    /// The report's language from the config (`--lang` wins).
    pub language: Option<crate::text::Language>,
    /// The ISO 4217 code the report labels money with (ACV, ARR at stake; default `USD`).
    pub currency: String,
    pub churn_lookback_days: i64,
    pub completion_target: f64,
    pub required_fields: Vec<String>,
    pub acv_band_edges: [f64; 3],
    pub custom_queries: Option<String>,
    /// Deadline in hours per handoff activity (all but first_value), METRICS.md §4.2 order.
    pub sla_hours: Vec<(String, f64)>,
    /// First-value target in days per segment.
    pub first_value_days: Vec<(String, f64)>,
    /// Source milestone name → canonical (`first_value`, `go_live`).
    pub milestone_names: BTreeMap<String, String>,
    pub sla_floor: f64,
    pub max_escalations: u64,
    /// `[tables]`, `[columns]`, `[filters]`, `[values]`, `[defaults]`, `segment_from_acv`.
    pub mapping: mapping::Mapping,
    /// Notification targets (environment variable names) and the report link.
    pub notify: crate::notify::NotifySettings,
}

pub const DEFAULT_SLA_HOURS: [(&str, f64); 5] = [
    ("knowledge_transfer", 48.0),
    ("intro", 48.0),
    ("cs_prep", 72.0),
    ("kickoff_scheduled", 120.0),
    ("kickoff_held", 240.0),
];
pub const DEFAULT_FIRST_VALUE_DAYS: [(&str, f64); 5] = [
    ("strategic", 60.0),
    ("enterprise", 45.0),
    ("mid_market", 30.0),
    ("smb", 21.0),
    ("other", 30.0),
];

impl Default for Settings {
    fn default() -> Self {
        Settings::from_file(&ConfigFile::default()).expect("defaults are valid")
    }
}

impl Settings {
    /// Validate a config file into settings.
    pub fn from_file(f: &ConfigFile) -> anyhow::Result<Settings> {
        validate::check(f)?;
        let locale = match f.locale.as_deref() {
            None => None,
            Some(name) => Some(locale::locale(name).ok_or_else(|| {
                usage(format!(
                    "config: locale {name:?} is not one of {}",
                    locale::LOCALES
                        .iter()
                        .map(|l| l.name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?),
        };
        let mut date_formats: Vec<String> = locale
            .map(|l| l.formats.iter().map(|s| s.to_string()).collect())
            .unwrap_or_default();
        let own = f.date_format.iter();
        let listed = f.date_formats.iter().flatten();
        // Each format was checked by `validate::check` (a chrono format that reads back a date).
        date_formats.extend(own.chain(listed).cloned());
        let decimal_comma = f
            .decimal_comma
            .unwrap_or(locale.is_some_and(|l| l.decimal_comma));
        let delimiter = match f.delimiter.as_deref() {
            None => locale.map_or(b',', |l| l.delimiter),
            Some(",") => b',',
            Some(";") => b';',
            Some("tab") | Some("\t") => b'\t',
            Some("|") => b'|',
            Some(other) => {
                return Err(usage(format!(
                    "config: delimiter {other:?} is not one of \",\", \";\", \"tab\", \"|\""
                )))
            }
        };
        let business_days = match f.sla_calendar.as_deref() {
            None | Some("calendar") => false,
            Some("business") => true,
            Some(other) => {
                return Err(usage(format!(
                    "config: sla_calendar {other:?} is not \"calendar\" or \"business\""
                )))
            }
        };
        let mut sla_hours: Vec<(String, f64)> = DEFAULT_SLA_HOURS
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        for (k, v) in &f.sla_hours {
            match sla_hours.iter_mut().find(|(name, _)| name == k) {
                Some(slot) if *v >= 0.0 => slot.1 = *v,
                Some(_) => return Err(usage(format!("config: sla_hours.{k} must be >= 0"))),
                None => {
                    return Err(usage(format!(
                        "config: unknown key sla_hours.{k} (known: knowledge_transfer, intro, cs_prep, kickoff_scheduled, kickoff_held)"
                    )))
                }
            }
        }
        let mut first_value_days: Vec<(String, f64)> = DEFAULT_FIRST_VALUE_DAYS
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        for (k, v) in &f.first_value_days {
            match first_value_days.iter_mut().find(|(name, _)| name == k) {
                Some(slot) if *v >= 0.0 => slot.1 = *v,
                Some(_) => {
                    return Err(usage(format!(
                        "config: first_value_days.{k} must be >= 0"
                    )))
                }
                None => {
                    return Err(usage(format!(
                        "config: unknown key first_value_days.{k} (known: strategic, enterprise, mid_market, smb, other)"
                    )))
                }
            }
        }
        let mut milestone_names = BTreeMap::new();
        for (source, target) in &f.milestones {
            if target != "first_value" && target != "go_live" {
                return Err(usage(format!(
                    "config: milestones.{source:?} = {target:?}: the target must be \"first_value\" or \"go_live\""
                )));
            }
            milestone_names.insert(source.trim().to_lowercase(), target.clone());
        }
        let required_fields = match &f.required_fields {
            None => crate::schema::INFO_FIELDS
                .iter()
                .map(|s| s.to_string())
                .collect(),
            Some(v) => {
                for name in v {
                    if !crate::schema::INFO_FIELDS.contains(&name.as_str()) {
                        return Err(usage(format!(
                            "config: required_fields: {name:?} is not one of {}",
                            crate::schema::INFO_FIELDS.join(", ")
                        )));
                    }
                }
                if v.is_empty() {
                    return Err(usage("config: required_fields must not be empty"));
                }
                v.clone()
            }
        };
        let acv_band_edges = match &f.acv_band_edges {
            None => [25_000.0, 100_000.0, 500_000.0],
            Some(v) if v.len() == 3 && v[0] < v[1] && v[1] < v[2] => [v[0], v[1], v[2]],
            Some(_) => {
                return Err(usage(
                    "config: acv_band_edges must be three increasing numbers",
                ))
            }
        };
        let share = f.max_rejected_share.unwrap_or(0.01);
        let mapping = mapping::Mapping::from_file(
            mapping::FileKeys {
                tables: &f.tables,
                columns: &f.columns,
                filters: &f.filters,
                values: &f.values,
                defaults: &f.defaults,
                segment_from_acv: f.segment_from_acv.as_ref(),
                health_scale: f.health_scale.as_ref(),
                health_higher_is_better: f.health_higher_is_better,
            },
            decimal_comma,
            &date_formats,
        )?;
        Ok(Settings {
            max_rejected_share: share,
            delimiter,
            decimal_comma,
            date_format: f.date_format.clone(),
            date_formats,
            locale,
            business_days,
            language: f.language,
            currency: f.currency.clone().unwrap_or_else(|| "USD".into()),
            churn_lookback_days: f.churn_lookback_days.unwrap_or(730),
            completion_target: f.completion_target.unwrap_or(0.90),
            required_fields,
            acv_band_edges,
            custom_queries: f.custom_queries.clone(),
            sla_hours,
            first_value_days,
            milestone_names,
            sla_floor: f.alerts.sla_floor.unwrap_or(0.80),
            max_escalations: f.alerts.max_escalations.unwrap_or(10),
            mapping,
            notify: crate::notify::NotifySettings::from_file(&f.notify)?,
        })
    }
}

/// Parse a `YYYY-MM-DD` date (CLI flag or config value) within the calendar range of
/// METRICS.md §2, 1900-01-01..2199-12-31.
pub fn parse_date_arg(s: &str) -> Result<NaiveDate, String> {
    let d = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date in YYYY-MM-DD form"))?;
    let (first, last) = (validate::FIRST_AS_OF, validate::LAST_AS_OF);
    let first = NaiveDate::from_ymd_opt(first.0, first.1, first.2).expect("a valid date");
    let last = NaiveDate::from_ymd_opt(last.0, last.1, last.2).expect("a valid date");
    if d < first || d > last {
        return Err(format!(
            "{s:?} is outside the supported range {first}..{last}"
        ));
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_is_named() {
        let err =
            toml::from_str::<ConfigFile>("as_of = \"2026-10-31\"\nmax_rejected = 1\n").unwrap_err();
        assert!(err.message().contains("max_rejected"), "{}", err.message());
    }

    #[test]
    fn overrides_apply() {
        let f: ConfigFile = toml::from_str(
            "delimiter = \";\"\n[sla_hours]\nintro = 24\n[columns.deals]\nclosed_at = \"Close Date\"\n",
        )
        .unwrap();
        let s = Settings::from_file(&f).unwrap();
        assert_eq!(s.delimiter, b';');
        assert_eq!(s.sla_hours[1], ("intro".to_string(), 24.0));
        assert_eq!(s.mapping.columns["deals"]["closed_at"], ["Close Date"]);
    }

    #[test]
    fn a_locale_sets_what_the_config_leaves_unset() {
        let f: ConfigFile =
            toml::from_str("locale = \"de_DE\"\ndate_formats = [\"%Y%m%d\"]\n").unwrap();
        let s = Settings::from_file(&f).unwrap();
        assert_eq!((s.delimiter, s.decimal_comma), (b';', true));
        assert_eq!(s.date_formats.first().map(String::as_str), Some("%d.%m.%Y"));
        assert_eq!(s.date_formats.last().map(String::as_str), Some("%Y%m%d"));
        let f: ConfigFile =
            toml::from_str("locale = \"id-ID\"\ndelimiter = \",\"\ndecimal_comma = false\n")
                .unwrap();
        let s = Settings::from_file(&f).unwrap();
        assert_eq!((s.delimiter, s.decimal_comma), (b',', false));
        let f: ConfigFile = toml::from_str("date_format = \"%Q\"\n").unwrap();
        let err = Settings::from_file(&f).unwrap_err().to_string();
        assert!(err.contains("date_format") && err.contains("%Q"), "{err}");
    }

    #[test]
    fn unknown_column_mapping_is_an_error() {
        let f: ConfigFile = toml::from_str("[columns.deals]\nclose = \"Close Date\"\n").unwrap();
        let err = Settings::from_file(&f).unwrap_err().to_string();
        assert!(err.contains("close"), "{err}");
    }
}
