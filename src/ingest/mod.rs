//! Ingest: read every input table of METRICS.md §3, parse and validate it, apply the exclusion
//! rules (duplicates, later deals of an account, events after the as-of instant, orphan
//! handoffs, rows of unknown accounts), and account for every row:
//! `rows_read = rows_used + rows_rejected + rows_excluded`. The result is one typed polars
//! frame of used rows per table, the data-quality list, warnings, and the table-level
//! problems that make validation fail (exit 3).

pub mod accounts;
pub mod columnar;
mod csv_file;
mod decode;
pub mod layout;
pub mod locale;
pub mod locate;
pub mod mapping;
mod parquet_file;
pub mod parse;
pub mod read;
mod rows;
pub mod xlsx;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use polars::prelude::*;
use serde::Serialize;

use crate::config::Settings;
use crate::schema::{self, TableSpec, TABLES};
use read::{Fatal, ParsedTable};

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
    /// Used rows per present table, canonical typed columns plus `_line`.
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

    /// A present table as a lazy frame.
    pub fn lazy(&self, table: &str) -> Option<LazyFrame> {
        self.tables.get(table).map(|df| df.clone().lazy())
    }
}

/// The as-of instant A (end of the as-of day) in microseconds since the epoch.
pub fn as_of_instant(as_of: chrono::NaiveDate) -> i64 {
    (parse::epoch_days(as_of) as i64 + 1) * parse::MICROS_PER_DAY
}

/// Read, validate and reconcile every table in `dir`.
pub fn ingest(
    dir: &Path,
    settings: &Settings,
    as_of: chrono::NaiveDate,
    strict: bool,
) -> anyhow::Result<Ingested> {
    let mut parsed: BTreeMap<&'static str, ParsedTable> = BTreeMap::new();
    let mut fatal = Vec::new();
    let mut warnings = Vec::new();
    if !dir.is_dir() {
        fatal.push(format!("{}: data folder not found", dir.display()));
    }
    // `accounts` first: its rows fill the deals' blank columns as they are read.
    let mut lookup = None;
    for spec in std::iter::once(&schema::ACCOUNTS_TABLE).chain(TABLES.iter()) {
        let spec: &'static TableSpec = spec;
        let (files, folder) = match locate::sources(dir, spec.name, settings) {
            Err(Fatal(msg)) => {
                fatal.push(msg);
                continue;
            }
            Ok(locate::Sources::Absent) => {
                if spec.required && dir.is_dir() {
                    fatal.push(format!(
                        "{}: required table {} not found (expected {0}/{1}.csv, .csv.gz or .parquet, or a [tables] entry in the config)",
                        dir.display(),
                        spec.name
                    ));
                } else if dir.is_dir() && spec.name != schema::ACCOUNTS {
                    warnings.push(format!(
                        "table {} not found: its metrics are reported as unavailable",
                        spec.name
                    ));
                }
                continue;
            }
            Ok(locate::Sources::Files {
                files,
                folder,
                warning,
            }) => {
                warnings.extend(warning);
                (files, folder)
            }
        };
        let started = std::time::Instant::now();
        let fills = lookup.as_ref().filter(|_| spec.name == schema::DEALS);
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
            Ok(t) => {
                if spec.name == schema::ACCOUNTS {
                    let first = accounts::account_duplicates(t.df.clone().lazy())
                        .filter(col(REASON).is_null())
                        .collect()?;
                    lookup = Some(accounts::AccountLookup::from_frame(&first)?);
                }
                parsed.insert(spec.name, t);
            }
            Err(Fatal(msg)) => fatal.push(msg),
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
    let started = std::time::Instant::now();
    apply_exclusions(&mut out, parsed, as_of)?;
    tracing::debug!(
        "exclusions: {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
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

pub(crate) fn null_str() -> Expr {
    lit(NULL).cast(DataType::String)
}

/// True for every row but the first (in file order) of each value of `key`.
pub(crate) fn not_first(key: &str) -> Expr {
    // `over` only fails when given no partition; it always has one here.
    let first = col(schema::LINE)
        .min()
        .over([col(key)])
        .expect("a window with a partition column");
    col(schema::LINE).neq(first)
}

pub(crate) const REASON: &str = "_reason";
const KNOWN: &str = "_known";

/// Split a frame with a `_reason` column into used rows and exclusion issues.
fn split(
    out: &mut Ingested,
    table: &'static str,
    t: &ParsedTable,
    lf: LazyFrame,
    key: &str,
) -> anyhow::Result<()> {
    let df = lf.collect()?;
    // Only the excluded rows become issues: iterate those, not the whole table.
    let excluded = df
        .clone()
        .lazy()
        .filter(col(REASON).is_not_null())
        .select([
            col(REASON),
            col(schema::LINE),
            col(key).cast(DataType::String),
        ])
        .collect()?;
    let reasons = excluded.column(REASON)?.str()?.clone();
    let lines = excluded.column(schema::LINE)?.i64()?.clone();
    let keys = excluded.column(key)?.str()?.clone();
    let mut count = TableCount {
        rows_read: t.rows_read,
        rows_rejected: t.rows_rejected,
        rows_excluded: t.rows_filtered,
        ..Default::default()
    };
    if t.rows_filtered > 0 {
        count
            .excluded_by_reason
            .insert("filtered".to_string(), t.rows_filtered);
    }
    for i in 0..excluded.height() {
        if let Some(reason) = reasons.get(i) {
            count.rows_excluded += 1;
            *count
                .excluded_by_reason
                .entry(reason.to_string())
                .or_default() += 1;
            let (file, line) = locate::file_and_line(t, lines.get(i).unwrap_or(0));
            out.issues.push(Issue {
                table,
                file,
                line,
                column: key.to_string(),
                value: keys.get(i).unwrap_or("").to_string(),
                reason: reason.to_string(),
                action: Action::Excluded,
            });
        }
    }
    let spec = schema::table(table).expect("known table");
    let mut keep: Vec<&str> = spec.columns.iter().map(|c| c.name).collect();
    keep.push(schema::LINE);
    // Nothing excluded (the common case for the big snapshot tables): take the columns as
    // they are instead of copying every row through a filter.
    let used = if excluded.height() == 0 {
        df.select(keep)?
    } else {
        df.lazy()
            .filter(col(REASON).is_null())
            .select(keep.into_iter().map(col).collect::<Vec<_>>())
            .collect()?
    };
    count.rows_used = used.height() as u64;
    out.counts.insert(table, count);
    out.tables.insert(table, used);
    Ok(())
}

/// The deal exclusion rules of METRICS.md §3, as a lazy plan adding `_reason`.
pub fn deal_exclusions(deals: LazyFrame, a_us: i64) -> LazyFrame {
    let dup = not_first(schema::DEAL_ID);
    let after = col(schema::CLOSED_AT)
        .cast(DataType::Int64)
        .gt_eq(lit(a_us));
    let flagged = deals.with_columns([dup.alias("_dup"), after.alias("_after")]);
    // Sort once, then take each account's first row (group rows keep the frame's order):
    // a million per-group sorts cost seconds at a million deals.
    let winners = flagged
        .clone()
        .filter(col("_dup").not().and(col("_after").not()))
        .sort(
            [schema::CLOSED_AT, schema::LINE],
            SortMultipleOptions::default().with_multithreaded(true),
        )
        .group_by([col(schema::ACCOUNT_ID)])
        .agg([col(schema::LINE).first().alias("_winner")]);
    flagged
        .left_join(winners, col(schema::ACCOUNT_ID), col(schema::ACCOUNT_ID))
        .with_column(
            when(col("_dup"))
                .then(lit("duplicate"))
                .when(col("_after"))
                .then(lit("after_as_of"))
                .when(col(schema::LINE).neq(col("_winner")))
                .then(lit("later_deal"))
                .otherwise(null_str())
                .alias(REASON),
        )
}

/// A frame of distinct deal ids with a `true` flag column, to join on.
fn id_flags(ids: &[String], flag: &str) -> LazyFrame {
    df!(schema::DEAL_ID => ids.to_vec(), flag => vec![true; ids.len()])
        .map(|d| d.lazy().unique(None, UniqueKeepStrategy::First))
        .unwrap_or_else(|_| DataFrame::empty().lazy())
}

/// The handoff exclusion rules of METRICS.md §3: orphan, the deal's own exclusion, duplicate. A
/// record of a deal no `[filters]` entry kept is excluded `filtered` (METRICS.md §3.1).
pub fn handoff_exclusions(
    handoffs: LazyFrame,
    deals_flagged: LazyFrame,
    rejected_deal_ids: &[String],
    filtered_deal_ids: &[String],
) -> LazyFrame {
    let status = deals_flagged.filter(col("_dup").not()).select([
        col(schema::DEAL_ID),
        col(REASON).alias("_deal_reason"),
        lit(true).alias(KNOWN),
    ]);
    let rejected = id_flags(rejected_deal_ids, "_deal_rejected");
    let filtered = id_flags(filtered_deal_ids, "_deal_filtered");
    let dup = not_first(schema::DEAL_ID).or(not_first(schema::HANDOFF_ID));
    handoffs
        .left_join(status, col(schema::DEAL_ID), col(schema::DEAL_ID))
        .left_join(rejected, col(schema::DEAL_ID), col(schema::DEAL_ID))
        .left_join(filtered, col(schema::DEAL_ID), col(schema::DEAL_ID))
        .with_column(
            when(
                col(KNOWN)
                    .is_null()
                    .and(col("_deal_filtered").is_not_null()),
            )
            .then(lit("filtered"))
            .when(
                col(KNOWN)
                    .is_null()
                    .and(col("_deal_rejected").is_not_null()),
            )
            .then(lit("deal_rejected"))
            .when(col(KNOWN).is_null())
            .then(lit("orphan"))
            .when(col("_deal_reason").is_not_null())
            .then(col("_deal_reason"))
            .when(dup)
            .then(lit("duplicate"))
            .otherwise(null_str())
            .alias(REASON),
        )
}

/// The event-time column of each account table and whether it is a date (vs datetime).
pub fn event_column(table: &str) -> Option<(&'static str, bool)> {
    Some(match table {
        schema::MILESTONES => (schema::ACHIEVED_AT, false),
        schema::HEALTH | schema::ADOPTION => (schema::SNAPSHOT_DATE, true),
        schema::RENEWALS => (schema::EVENT_DATE, true),
        schema::SURVEYS => (schema::RESPONDED_AT, false),
        schema::TRANSITIONS => (schema::TRANSITIONED_AT, false),
        _ => return None,
    })
}

/// Account-table rules: rows of accounts without a new-customer deal, events after as-of.
pub fn account_exclusions(rows: LazyFrame, accounts: &Series, table: &str, a_us: i64) -> LazyFrame {
    let (ev, is_date) = event_column(table).expect("account table");
    let after = if is_date {
        col(ev)
            .cast(DataType::Int32)
            .gt_eq(lit((a_us / parse::MICROS_PER_DAY) as i32))
    } else {
        col(ev).cast(DataType::Int64).gt_eq(lit(a_us))
    };
    // A membership test, not a join: no columns of the (large) account table are gathered.
    let known = col(schema::ACCOUNT_ID).is_in(lit(accounts.clone()).implode(false), false);
    rows.with_column(
        when(known.not())
            .then(lit("unknown_account"))
            .when(after)
            .then(lit("after_as_of"))
            .otherwise(null_str())
            .alias(REASON),
    )
}

fn apply_exclusions(
    out: &mut Ingested,
    parsed: BTreeMap<&'static str, ParsedTable>,
    as_of: chrono::NaiveDate,
) -> anyhow::Result<()> {
    let a_us = as_of_instant(as_of);
    let Some(deals) = parsed.get(schema::DEALS) else {
        return Ok(());
    };
    let flagged = deal_exclusions(deals.df.clone().lazy(), a_us).cache();
    split(out, schema::DEALS, deals, flagged.clone(), schema::DEAL_ID)?;
    if let Some(h) = parsed.get(schema::HANDOFFS) {
        let lf = handoff_exclusions(
            h.df.clone().lazy(),
            flagged,
            &deals.rejected_ids,
            &deals.filtered_ids,
        );
        split(out, schema::HANDOFFS, h, lf, schema::DEAL_ID)?;
    }
    let accounts = out.tables[schema::DEALS]
        .column(schema::ACCOUNT_ID)?
        .as_materialized_series()
        .clone();
    let present: BTreeSet<&'static str> = parsed.keys().copied().collect();
    for table in present {
        if table == schema::DEALS || table == schema::HANDOFFS {
            continue;
        }
        let t = &parsed[table];
        if table == schema::ACCOUNTS {
            let lf = accounts::account_duplicates(t.df.clone().lazy());
            split(out, table, t, lf, schema::ACCOUNT_ID)?;
            continue;
        }
        let lf = account_exclusions(t.df.clone().lazy(), &accounts, table, a_us);
        split(out, table, t, lf, schema::ACCOUNT_ID)?;
    }
    Ok(())
}
