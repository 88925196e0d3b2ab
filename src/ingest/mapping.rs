//! The mapping config of METRICS.md §3.1, between a file's header and the row parser: which header
//! feeds each canonical column (candidate lists), which rows the `[filters]` keep, the
//! `[values]` maps applied to raw text, and the `[defaults]`, account fills and
//! `segment_from_acv` that fill blank values before the required-value check. The config
//! loader validates every key here ([`Mapping::from_file`]); `read.rs` asks a [`Plan`] per
//! file what to do with each row.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::layout::{HealthScale, Layout};
use super::read::Fatal;
use crate::error::usage;
use crate::schema::{self, ColumnSpec, Kind, TableSpec};

/// `[tables] deals = "Opportunity.csv"` or `deals = { path = "…" }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum TableEntry {
    Path(String),
    Detailed(TableDetail),
}

/// The inline-table form of a `[tables]` entry with the METRICS.md §3.2 `sheet`, `skip`, `header_rows`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableDetail {
    pub path: String,
    pub sheet: Option<String>,
    pub skip: Option<u64>,
    pub header_rows: Option<u64>,
}

/// `canonical = "Header"` or `canonical = ["Header A", "Header B"]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Headers {
    One(String),
    Many(Vec<String>),
}

/// `COLUMN = ["value", …]`, `COLUMN = "value"` or `COLUMN = true|false`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum FilterEntry {
    Bool(bool),
    One(String),
    Many(Vec<String>),
}

/// A default value as TOML writes it (`"unassigned"`, `0`, `1.5`, `true`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Scalar {
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl Scalar {
    fn text(&self) -> String {
        match self {
            Scalar::Text(s) => s.clone(),
            Scalar::Int(i) => i.to_string(),
            Scalar::Float(f) => f.to_string(),
            Scalar::Bool(b) => b.to_string(),
        }
    }
}

/// What a filter keeps.
#[derive(Debug, Clone, PartialEq)]
pub enum Keep {
    /// Trimmed, lowercased values.
    Values(Vec<String>),
    /// A boolean by the §3 spellings (blank = false).
    Bool(bool),
}

/// The validated §3.1 settings.
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// Table → path relative to the data folder.
    pub tables: BTreeMap<String, String>,
    /// Table → canonical column → candidate headers, first present wins.
    pub columns: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    /// Table → (column as written, what it keeps), in key order.
    pub filters: BTreeMap<String, Vec<(String, Keep)>>,
    /// Table → canonical column → trimmed lowercased source value → canonical value.
    pub values: BTreeMap<String, BTreeMap<String, HashMap<String, String>>>,
    /// Table → canonical column → default text.
    pub defaults: BTreeMap<String, BTreeMap<String, String>>,
    pub segment_from_acv: Option<[f64; 3]>,
    /// Table → sheet, `skip` and `header_rows` (METRICS.md §3.2); absent = the defaults.
    pub layouts: BTreeMap<String, Layout>,
    /// `health_scale` and `health_higher_is_better` (METRICS.md §3.2).
    pub health: HealthScale,
}

/// The table names a §3.1 section may name.
fn known_tables() -> String {
    schema::TABLES
        .iter()
        .chain([&schema::ACCOUNTS_TABLE])
        .map(|t| t.name)
        .collect::<Vec<_>>()
        .join(", ")
}

fn spec_of(section: &str, table: &str) -> anyhow::Result<&'static TableSpec> {
    schema::table(table).ok_or_else(|| {
        usage(format!(
            "config: unknown table [{section}.{table}] (known: {})",
            known_tables()
        ))
    })
}

fn column_of(
    section: &str,
    spec: &'static TableSpec,
    column: &str,
) -> anyhow::Result<&'static ColumnSpec> {
    spec.column(column).ok_or_else(|| {
        let known: Vec<&str> = spec.columns.iter().map(|c| c.name).collect();
        usage(format!(
            "config: [{section}.{}] {column}: {} has no column {column:?} (known: {})",
            spec.name,
            spec.name,
            known.join(", ")
        ))
    })
}

/// Whether `value` is a value the column accepts (checked for value-map targets and
/// defaults, so a typo is a config error, not thousands of rejected rows).
fn check_value(
    spec: &ColumnSpec,
    value: &str,
    decimal_comma: bool,
    formats: &[String],
) -> Result<(), String> {
    use super::parse;
    let v = value.trim();
    if spec.name == schema::SEGMENT && !parse::normalise_segment(v).1 {
        return Err(format!(
            "not a segment (one of {})",
            schema::SEGMENTS.join(", ")
        ));
    }
    if let Some(allowed) = spec.allowed {
        let lower = v.to_lowercase().replace([' ', '-'], "_");
        if !allowed.contains(&lower.as_str()) {
            return Err(format!("not one of {}", allowed.join(", ")));
        }
    }
    match spec.kind {
        Kind::Text => parse::parse_text(v).map(|_| ()),
        Kind::Bool => parse::parse_bool(v).map(|_| ()),
        Kind::Fraction => parse::parse_fraction(v, decimal_comma).map(|_| ()),
        Kind::Number => parse::parse_number(v, decimal_comma).map(|_| ()),
        Kind::Integer => parse::parse_integer(v, decimal_comma).map(|_| ()),
        Kind::Date => parse::parse_date_in(v, formats).map(|_| ()),
        Kind::DateTime => parse::parse_datetime_in(v, formats).map(|_| ()),
    }
}

/// The §3.1 keys of the config file, as the user wrote them.
pub struct FileKeys<'a> {
    pub tables: &'a BTreeMap<String, TableEntry>,
    pub columns: &'a BTreeMap<String, BTreeMap<String, Headers>>,
    pub filters: &'a BTreeMap<String, BTreeMap<String, FilterEntry>>,
    pub values: &'a BTreeMap<String, BTreeMap<String, BTreeMap<String, String>>>,
    pub defaults: &'a BTreeMap<String, BTreeMap<String, Scalar>>,
    pub segment_from_acv: Option<&'a Vec<f64>>,
    pub health_scale: Option<&'a Vec<f64>>,
    pub health_higher_is_better: Option<bool>,
}

impl Mapping {
    /// Validate the §3.1 keys; every error names the key (exit 2).
    pub fn from_file(
        f: FileKeys,
        decimal_comma: bool,
        formats: &[String],
    ) -> anyhow::Result<Mapping> {
        let mut m = Mapping::default();
        for (table, entry) in f.tables {
            spec_of("tables", table)?;
            let path = match entry {
                TableEntry::Path(p) => p.clone(),
                TableEntry::Detailed(d) => {
                    let layout = Layout::from_keys(
                        table,
                        &d.path,
                        d.sheet.as_deref(),
                        d.skip,
                        d.header_rows,
                    )?;
                    if layout != Layout::default() {
                        m.layouts.insert(table.clone(), layout);
                    }
                    d.path.clone()
                }
            };
            if path.trim().is_empty() {
                return Err(usage(format!(
                    "config: [tables] {table}: the path is empty"
                )));
            }
            m.tables.insert(table.clone(), path);
        }
        for (table, map) in f.columns {
            let spec = spec_of("columns", table)?;
            let mut out = BTreeMap::new();
            for (canonical, headers) in map {
                column_of("columns", spec, canonical)?;
                let list = match headers {
                    Headers::One(h) => vec![h.clone()],
                    Headers::Many(v) => v.clone(),
                };
                if list.is_empty() || list.iter().any(|h| h.trim().is_empty()) {
                    return Err(usage(format!(
                        "config: [columns.{table}] {canonical}: a header name must not be empty"
                    )));
                }
                out.insert(canonical.clone(), list);
            }
            m.columns.insert(table.clone(), out);
        }
        for (table, map) in f.filters {
            spec_of("filters", table)?;
            let mut out = Vec::new();
            for (column, entry) in map {
                let keep = match entry {
                    FilterEntry::Bool(b) => Keep::Bool(*b),
                    FilterEntry::One(v) => Keep::Values(vec![norm(v)]),
                    FilterEntry::Many(v) if v.is_empty() => {
                        return Err(usage(format!(
                            "config: [filters.{table}] {column}: the list is empty, so every row would be filtered out"
                        )))
                    }
                    FilterEntry::Many(v) => Keep::Values(v.iter().map(|x| norm(x)).collect()),
                };
                out.push((column.clone(), keep));
            }
            m.filters.insert(table.clone(), out);
        }
        for (table, cols) in f.values {
            let spec = spec_of("values", table)?;
            let mut out = BTreeMap::new();
            for (column, map) in cols {
                let cspec = column_of(&format!("values.{table}"), spec, column).map_err(|_| {
                    usage(format!(
                        "config: [values.{table}.{column}]: {table} has no column {column:?}"
                    ))
                })?;
                let mut lookup = HashMap::new();
                for (source, target) in map {
                    check_value(cspec, target, decimal_comma, formats).map_err(|why| {
                        usage(format!(
                            "config: [values.{table}.{column}] {source:?} = {target:?}: {target:?} is {why}"
                        ))
                    })?;
                    lookup.insert(norm(source), target.trim().to_string());
                }
                out.insert(column.clone(), lookup);
            }
            m.values.insert(table.clone(), out);
        }
        for (table, cols) in f.defaults {
            let spec = spec_of("defaults", table)?;
            let mut out = BTreeMap::new();
            for (column, value) in cols {
                let cspec = column_of("defaults", spec, column)?;
                let text = value.text();
                check_value(cspec, &text, decimal_comma, formats).map_err(|why| {
                    usage(format!(
                        "config: [defaults.{table}] {column} = {text:?}: the value is {why}"
                    ))
                })?;
                if text.trim().is_empty() {
                    return Err(usage(format!(
                        "config: [defaults.{table}] {column}: the default is blank"
                    )));
                }
                out.insert(column.clone(), text);
            }
            m.defaults.insert(table.clone(), out);
        }
        if let Some(v) = f.segment_from_acv {
            match v.as_slice() {
                [a, b, c] if a.is_finite() && c.is_finite() && a < b && b < c && *a >= 0.0 => {
                    m.segment_from_acv = Some([*a, *b, *c])
                }
                _ => {
                    return Err(usage(format!(
                        "config: segment_from_acv = {v:?}: must be three increasing finite numbers >= 0"
                    )))
                }
            }
        }
        m.health = HealthScale::from_keys(f.health_scale, f.health_higher_is_better)?;
        Ok(m)
    }

    /// The sheet, `skip` and `header_rows` of a table's file.
    pub fn layout(&self, table: &str) -> Layout {
        self.layouts.get(table).cloned().unwrap_or_default()
    }

    /// True when nothing of §3.1 changes how `table`'s rows are read (the columnar
    /// Parquet path may then take typed columns whole).
    pub fn is_plain(&self, table: &str) -> bool {
        let derives = table == schema::DEALS && self.segment_from_acv.is_some();
        let keyed = self.filters.contains_key(table)
            || self.values.contains_key(table)
            || self.defaults.contains_key(table);
        let scaled = table == schema::HEALTH && !self.health.is_identity();
        let extra_rows = self.layouts.get(table).is_some_and(|l| l.header_rows > 1);
        !(keyed || derives || scaled || extra_rows)
    }
}

/// Trimmed and lowercased, for the case-insensitive matches of §3.1.
pub fn norm(s: &str) -> String {
    s.trim()
        .trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase()
}

/// The derived segment for an ACV (`< E1` smb, `< E2` mid_market, `< E3` enterprise).
pub fn segment_for_acv(acv: f64, edges: [f64; 3]) -> &'static str {
    if acv < edges[0] {
        "smb"
    } else if acv < edges[1] {
        "mid_market"
    } else if acv < edges[2] {
        "enterprise"
    } else {
        "strategic"
    }
}

/// One `[filters]` entry resolved against a file's header.
pub type Filter<'m> = (
    &'m str,
    usize,
    &'m Keep,
    Option<&'m HashMap<String, String>>,
);

/// How one file's header is read: canonical column → header index, and the filters.
pub struct Plan<'m> {
    pub index: Vec<Option<usize>>,
    /// (column as written in the config, header index, what it keeps, the value map of the
    /// canonical column read from that header, if any)
    pub filters: Vec<Filter<'m>>,
    /// Per canonical column: the value map, if any.
    pub values: Vec<Option<&'m HashMap<String, String>>>,
    /// Per canonical column: the default text, if any.
    pub defaults: Vec<Option<&'m str>>,
}

impl<'m> Plan<'m> {
    /// The first filter a row fails: `(column, raw value)`, or `None` when it is kept.
    pub fn filtered_by(&self, get: impl Fn(usize) -> String) -> Option<(String, String)> {
        for (column, i, keep, map) in &self.filters {
            let raw = get(*i);
            let raw = raw.as_str();
            // The raw value, or its mapped value when the column has a `[values]` map.
            let mapped = map.and_then(|m| m.get(&norm(raw))).map(|v| norm(v));
            let kept = match keep {
                Keep::Values(v) => v.contains(&norm(raw)) || mapped.is_some_and(|m| v.contains(&m)),
                Keep::Bool(want) => match raw.trim() {
                    "" => !*want,
                    t => super::parse::parse_bool(t).is_ok_and(|b| b == *want),
                },
            };
            if !kept {
                return Some((column.to_string(), raw.to_string()));
            }
        }
        None
    }

    /// The mapped value of a raw text in canonical column `i`, if the config maps it.
    pub fn mapped(&self, i: usize, raw: &str) -> Option<&'m str> {
        let map: &'m HashMap<String, String> = self.values[i]?;
        map.get(&norm(raw)).map(String::as_str)
    }
}

fn position(header: &[String], name: &str) -> Option<usize> {
    let bare = |h: &str| h.trim().trim_start_matches('\u{feff}').trim().to_string();
    header
        .iter()
        .position(|h| bare(h) == name)
        .or_else(|| header.iter().position(|h| norm(h) == norm(name)))
}

/// Map canonical columns and filter columns to the file's header, or a fatal error that
/// names what is missing. `fillable` says which absent columns are filled later (defaults,
/// the accounts table, `segment_from_acv`), so their absence is not an error.
pub fn plan<'m>(
    table: &'static TableSpec,
    mapping: &'m Mapping,
    header: &[String],
    file: &str,
    fillable: impl Fn(&str) -> bool,
) -> Result<Plan<'m>, Fatal> {
    let columns = mapping.columns.get(table.name);
    let mut missing = Vec::new();
    let mut index = Vec::with_capacity(table.columns.len());
    for spec in table.columns {
        let default = [spec.name.to_string()];
        let candidates = columns
            .and_then(|m| m.get(spec.name))
            .map(Vec::as_slice)
            .unwrap_or(&default);
        let pos = candidates.iter().find_map(|c| position(header, c));
        if pos.is_none() && spec.required && !fillable(spec.name) {
            let shown = candidates
                .iter()
                .map(|c| format!("{c:?}"))
                .collect::<Vec<_>>()
                .join(" or ");
            missing.push(if candidates == default {
                spec.name.to_string()
            } else {
                format!("{} (mapped from {shown})", spec.name)
            });
        }
        index.push(pos);
    }
    let mut filters = Vec::new();
    for (column, keep) in mapping.filters.get(table.name).into_iter().flatten() {
        // A source header, else a canonical name (through its mapping).
        let pos = position(header, column).or_else(|| {
            let c = table.columns.iter().position(|c| c.name == column)?;
            index[c]
        });
        let map = pos.and_then(|i| {
            let c = index.iter().position(|p| *p == Some(i))?;
            mapping.values.get(table.name)?.get(table.columns[c].name)
        });
        match pos {
            Some(i) => filters.push((column.as_str(), i, keep, map)),
            None => {
                return Err(Fatal(format!(
                    "{file}: config [filters.{}] {column}: the file has no column {column:?}; columns found: {}",
                    table.name,
                    found(header)
                )))
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_columns(table, header, file, &missing));
    }
    let values = table
        .columns
        .iter()
        .map(|c| mapping.values.get(table.name).and_then(|m| m.get(c.name)))
        .collect();
    let defaults = table
        .columns
        .iter()
        .map(|c| {
            mapping
                .defaults
                .get(table.name)
                .and_then(|m| m.get(c.name))
                .map(String::as_str)
        })
        .collect();
    Ok(Plan {
        index,
        filters,
        values,
        defaults,
    })
}

/// A bounded list of a header's names for a message (a binary file makes a huge "header").
fn found(header: &[String]) -> String {
    let mut found = header
        .iter()
        .take(40)
        .map(|h| format!("{:?}", super::read::clip(h.trim().to_string())))
        .collect::<Vec<_>>()
        .join(", ");
    if header.len() > 40 {
        found.push_str(&format!(" and {} more", header.len() - 40));
    }
    found
}

fn missing_columns(table: &TableSpec, header: &[String], file: &str, missing: &[String]) -> Fatal {
    let mut msg = format!(
        "{file}: table {} is missing required column{} {}; columns found: {}",
        table.name,
        if missing.len() == 1 { "" } else { "s" },
        missing.join(", "),
        found(header)
    );
    if header.len() == 1 {
        for (d, name) in [(';', "\";\""), ('\t', "\"tab\""), ('|', "\"|\"")] {
            if header[0].contains(d) {
                msg.push_str(&format!(
                    " (the header looks {name}-delimited: set delimiter = {name} or a locale in the config)"
                ));
            }
        }
    }
    Fatal(msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_from_acv_edges() {
        let e = [25_000.0, 100_000.0, 500_000.0];
        assert_eq!(segment_for_acv(24_999.0, e), "smb");
        assert_eq!(segment_for_acv(25_000.0, e), "mid_market");
        assert_eq!(segment_for_acv(100_000.0, e), "enterprise");
        assert_eq!(segment_for_acv(500_000.0, e), "strategic");
    }

    #[test]
    fn candidates_filters_and_one_header_for_two_columns() {
        let mut m = Mapping::default();
        m.columns.insert(
            "deals".into(),
            BTreeMap::from([
                (
                    "account_id".to_string(),
                    vec![
                        "Associated Company IDs (Primary)".into(),
                        "Associated Company IDs".into(),
                    ],
                ),
                (
                    "account_name".to_string(),
                    vec!["Associated Company IDs".into()],
                ),
            ]),
        );
        m.filters.insert(
            "deals".into(),
            vec![("Stage".into(), Keep::Values(vec!["closed won".into()]))],
        );
        let header: Vec<String> = [
            "\u{feff} deal_id",
            "ASSOCIATED COMPANY IDS ",
            "Stage",
            "acv",
        ]
        .map(String::from)
        .to_vec();
        let spec = schema::table("deals").unwrap();
        let p = plan(spec, &m, &header, "f.csv", |_| true).unwrap();
        assert_eq!(&p.index[..3], &[Some(0), Some(1), Some(1)]);
        let row = ["d1", "a1", " Closed WON ", "5"];
        assert_eq!(p.filtered_by(|i| row[i].to_string()), None);
        let row = ["d1", "a1", "Closed Lost", "5"];
        assert_eq!(
            p.filtered_by(|i| row[i].to_string()),
            Some(("Stage".to_string(), "Closed Lost".to_string()))
        );
        m.filters
            .insert("deals".into(), vec![("IsWon".into(), Keep::Bool(true))]);
        let err = plan(spec, &m, &header, "f.csv", |_| true).err().unwrap();
        assert!(err.0.contains("[filters.deals] IsWon"), "{}", err.0);
    }
}
