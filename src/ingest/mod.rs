//! Ingest: read every input table of METRICS.md §3, parse and validate it, apply the exclusion
//! rules (duplicates, later deals of an account, events after the as-of instant, orphan
//! handoffs, rows of unknown accounts), and account for every row:
//! `rows_read = rows_used + rows_rejected + rows_excluded`. The result is one typed polars
//! frame of used rows per table, the data-quality list, warnings, and the table-level
//! problems that make validation fail (exit 3).

pub mod accounts;
mod cells;
pub mod columnar;
mod csv_columnar;
mod csv_file;
mod csv_quotes;
mod deal_rules;
mod decode;
mod exclusions;
pub mod keys;
pub mod layout;
pub mod locale;
pub mod locate;
pub mod mapping;
mod parquet_check;
mod parquet_file;
pub mod parse;
pub mod read;
mod rows;
pub(crate) mod views;
mod workers;
pub mod xlsx;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::Path;

use polars::prelude::*;
use serde::Serialize;

use crate::config::Settings;
use crate::schema::{self, TableSpec};
use read::{Fatal, ParsedTable};

pub use exclusions::event_column;
pub(crate) use exclusions::{not_first, null_str, REASON};

/// What happened to a row or a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The row is left out of the metrics (a required value is missing or bad).
    Rejected,
    /// The row is valid but left out by a METRICS.md §3 rule (duplicate, after as-of, …).
    Excluded,
    /// An optional value could not be parsed and is treated as missing; the row stays.
    SetMissing,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Rejected => "rejected",
            Action::Excluded => "excluded",
            Action::SetMissing => "set_missing",
        }
    }
}

/// One data-quality finding: file, line, column, raw value, reason.
#[derive(Debug, Clone, Serialize)]
pub struct Issue {
    pub table: &'static str,
    pub file: String,
    pub line: u64,
    pub column: String,
    pub value: String,
    pub reason: String,
    pub action: Action,
}

/// Row accounting for one table (`metrics.json` → `inputs`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct TableCount {
    pub rows_read: u64,
    pub rows_used: u64,
    pub rows_rejected: u64,
    pub rows_excluded: u64,
    pub excluded_by_reason: BTreeMap<String, u64>,
}

/// Everything ingest produces.
pub struct Ingested {
    /// Used rows per present table, canonical typed columns plus `_line` (but for the
    /// snapshot tables, whose rows are in file order) and the dense deal key `_deal` of the
    /// account tables and handoffs.
    pub tables: BTreeMap<&'static str, DataFrame>,
    pub counts: BTreeMap<&'static str, TableCount>,
    pub issues: Vec<Issue>,
    pub warnings: Vec<String>,
    /// Problems that fail validation (exit 3).
    pub fatal: Vec<String>,
    /// Deals whose segment was derived from ACV (`segment_from_acv`); the report says so.
    pub derived_segments: u64,
}

impl Ingested {
    pub fn has(&self, table: &str) -> bool {
        self.tables.contains_key(table)
    }

    /// Free the rows of every table but `keep`; each keeps its columns, so [`Ingested::has`]
    /// still answers and a lazy frame of it is empty. `handoff report` calls this once the
    /// fact table's parts are made and nothing else needs the raw rows (peak memory, issue
    /// #17).
    pub fn release_except(&mut self, keep: &[&str]) {
        for (name, df) in self.tables.iter_mut() {
            if !keep.contains(name) {
                *df = df.clear();
            }
        }
    }

    /// A present table as a lazy frame.
    pub fn lazy(&self, table: &str) -> Option<LazyFrame> {
        self.tables.get(table).map(|df| df.clone().lazy())
    }
}

/// The as-of instant A (end of the as-of day) in microseconds since the epoch.
pub fn as_of_instant(as_of: chrono::NaiveDate) -> i64 {
    (parse::epoch_days(as_of) as i64 + 1) * parse::MICROS_PER_DAY
}

/// Which columns the used tables keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Keep {
    /// Every canonical column: what `handoff query`, custom queries and `validate` see.
    #[default]
    All,
    /// What the fact table and the metrics read: the snapshot tables (adoption, health:
    /// most of the rows) leave without `account_id`, which their dense deal key `_deal`
    /// replaces (about 300 MB at a million deals, issue #17). For a report without custom
    /// queries.
    Model,
}

/// Read, validate and reconcile every table in `dir`, keeping every column.
pub fn ingest(
    dir: &Path,
    settings: &Settings,
    as_of: chrono::NaiveDate,
    strict: bool,
) -> anyhow::Result<Ingested> {
    ingest_keeping(dir, settings, as_of, strict, Keep::All)
}

/// Read, validate and reconcile every table in `dir`, keeping the columns `keep` says.
pub fn ingest_keeping(
    dir: &Path,
    settings: &Settings,
    as_of: chrono::NaiveDate,
    strict: bool,
    keep: Keep,
) -> anyhow::Result<Ingested> {
    let mut parsed: BTreeMap<&'static str, ParsedTable> = BTreeMap::new();
    let mut fatal = Vec::new();
    let mut warnings = Vec::new();
    if !dir.is_dir() {
        fatal.push(format!("{}: data folder not found", dir.display()));
    }
    // `accounts` first: its rows fill the deals' blank columns as they are read.
    let account_rows = read_table(dir, &schema::ACCOUNTS_TABLE, settings, None)?;
    let lookup = match &account_rows.parsed {
        Some(t) => {
            let kept = accounts::account_duplicates(t.df.clone().lazy())
                .filter(col(REASON).is_null())
                .collect()?;
            Some(accounts::AccountLookup::from_frame(&kept)?)
        }
        None => None,
    };
    // Every other table on two workers, each split by the exclusion rules as soon as it is
    // read (`workers.rs`); the reads come back in table order.
    let a_us = as_of_instant(as_of);
    let stage = workers::read_and_split(dir, settings, lookup.as_ref(), a_us, keep)?;
    let reads = std::iter::once(account_rows).chain(stage.reads);
    for read in reads {
        fatal.extend(read.fatal);
        warnings.extend(read.warnings);
        if let Some(t) = read.parsed {
            parsed.insert(read.table, t);
        }
    }
    let mut out = Ingested {
        tables: BTreeMap::new(),
        counts: BTreeMap::new(),
        issues: Vec::new(),
        warnings,
        fatal,
        derived_segments: parsed.values().map(|t| t.derived_segments).sum(),
    };
    for t in parsed.values_mut() {
        out.warnings.append(&mut t.warnings);
        let first = |action: Action| t.issues.iter().find(|i| i.action == action);
        let first_rejected = first(Action::Rejected).map(|i| describe_in(i, &t.file));
        let set_missing = t
            .issues
            .iter()
            .filter(|i| i.action == Action::SetMissing)
            .count();
        if let Some(i) = first(Action::SetMissing) {
            out.warnings.push(format!(
                "{}: {set_missing} value(s) could not be parsed and were set to missing (first at {}); all are listed in data-quality.csv",
                t.file,
                describe_in(i, &t.file)
            ));
        }
        out.issues.append(&mut t.issues);
        // Filtered rows were never candidates: the share is of the rows the filters kept.
        let considered = t.rows_read - t.rows_filtered;
        let share = if considered == 0 {
            0.0
        } else {
            t.rows_rejected as f64 / considered as f64
        };
        let first_rejected = first_rejected.unwrap_or_default();
        if t.rows_rejected > 0 && (strict || share > settings.max_rejected_share) {
            out.fatal.push(format!(
                "{}: {} of {} rows rejected ({:.2}%){}; first at {first_rejected}",
                t.file,
                t.rows_rejected,
                t.rows_read,
                share * 100.0,
                if strict {
                    " and --strict was given".to_string()
                } else {
                    format!(
                        ", more than max_rejected_share = {}",
                        settings.max_rejected_share
                    )
                }
            ));
        } else if t.rows_rejected > 0 {
            out.warnings.push(format!(
                "{}: {} of {} rows rejected (first at {first_rejected}); all are listed in data-quality.csv",
                t.file, t.rows_rejected, t.rows_read
            ));
        }
    }
    if !out.fatal.is_empty() && !(parsed.contains_key(schema::DEALS)) {
        return Ok(out);
    }
    exclusions::add_splits(&mut out, &parsed, stage.splits)?;
    Ok(out)
}

/// What reading one table gave: its table-level problems and warnings, in order, and the
/// parsed rows when it was read.
struct TableRead {
    table: &'static str,
    fatal: Vec<String>,
    warnings: Vec<String>,
    parsed: Option<ParsedTable>,
}

/// Find and read one table of `dir`.
fn read_table(
    dir: &Path,
    spec: &'static TableSpec,
    settings: &Settings,
    fills: Option<&accounts::AccountLookup>,
) -> anyhow::Result<TableRead> {
    let mut out = TableRead {
        table: spec.name,
        fatal: Vec::new(),
        warnings: Vec::new(),
        parsed: None,
    };
    let (files, folder) = match locate::sources(dir, spec.name, settings) {
        Err(Fatal(msg)) => {
            out.fatal.push(msg);
            return Ok(out);
        }
        Ok(locate::Sources::Absent) => {
            if spec.required && dir.is_dir() {
                out.fatal.push(format!(
                    "{}: required table {} not found (expected {0}/{1}.csv, .csv.gz or .parquet, or a [tables] entry in the config)",
                    dir.display(),
                    spec.name
                ));
            } else if dir.is_dir() && spec.name != schema::ACCOUNTS {
                out.warnings.push(format!(
                    "table {} not found: its metrics are reported as unavailable",
                    spec.name
                ));
            }
            return Ok(out);
        }
        Ok(locate::Sources::Files {
            files,
            folder,
            warning,
        }) => {
            out.warnings.extend(warning);
            (files, folder)
        }
    };
    let started = std::time::Instant::now();
    let result = match &folder {
        Some(f) => locate::read_parts(f, &files, spec, settings, fills)?,
        None => locate::read_file(&files[0], spec, settings, fills)?,
    };
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::debug!(
        table = spec.name,
        elapsed_ms = ms,
        "read {}: {ms:.0} ms",
        folder.as_ref().unwrap_or(&files[0]).display()
    );
    match result {
        Ok(parsed) => out.parsed = Some(parsed),
        Err(Fatal(msg)) => out.fatal.push(msg),
    }
    Ok(out)
}

/// [`describe`], naming the part file when a folder table's issue is in one of its parts.
fn describe_in(i: &Issue, table_file: &str) -> String {
    if i.file == table_file {
        describe(i)
    } else {
        format!("{} {}", i.file, describe(i))
    }
}

/// One issue for a message: `line 5: acv "-5": out of range: must be >= 0`.
fn describe(i: &Issue) -> String {
    let column = if i.column.is_empty() {
        "row"
    } else {
        &i.column
    };
    format!("line {}: {column} {:?}: {}", i.line, i.value, i.reason)
}
