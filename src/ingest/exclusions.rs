//! The exclusion rules of METRICS.md §3 and the row accounting: duplicate, later and
//! after-as-of deals, orphan and duplicate handoffs (both decided in [`deal_rules`]),
//! account rows of unknown accounts or after the as-of instant. Each table is split into
//! its used rows and one `excluded` data-quality issue per left-out row: each as soon as it
//! is read and the deals' rules ([`DealRules`]) are known (`workers.rs`), the `accounts`
//! table after every read ([`add_splits`]); without readable deals no table is split.
//! Account tables and handoffs leave with the dense deal key of [`keys`].

use std::collections::BTreeMap;

use polars::prelude::*;

use super::deal_rules;
use super::keys::{self, DEAL_KEY};
use super::read::ParsedTable;
use super::{accounts, locate, parse, Action, Ingested, Issue, Keep, TableCount};
use crate::schema;

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

/// The snapshot tables: most of the input rows (30 M of 35 M at a million deals), read by
/// the fact table's windows, which need no `_line` (and, under [`Keep::Model`], no
/// `account_id`: the transitions metric finds health rows by deal key too).
const SNAPSHOTS: [&str; 2] = [schema::ADOPTION, schema::HEALTH];

/// One table after the rules: its used rows, its row accounting and one issue per excluded
/// row. Tables are split by two workers as they are read (`workers.rs`; `accounts` in
/// [`add_splits`]) and added to [`Ingested`] in a fixed order ([`add_splits`]).
pub(super) struct Split {
    table: &'static str,
    used: DataFrame,
    count: TableCount,
    issues: Vec<Issue>,
}

impl Split {
    fn add_to(self, out: &mut Ingested) {
        out.issues.extend(self.issues);
        out.counts.insert(self.table, self.count);
        out.tables.insert(self.table, self.used);
    }
}

/// Split a frame with a `_reason` column into used rows and exclusion issues.
fn split(table: &'static str, t: &ParsedTable, lf: LazyFrame, key: &str) -> anyhow::Result<Split> {
    split_frame(table, t, lf.collect()?, key)
}

/// [`split`] of a collected frame. The used rows are copied one column at a time, each
/// column freed once copied when `df` is its only owner: a table whose parsed frame was
/// handed over is never held twice (the handoffs, 224 MB at a million deals, issue #17).
fn split_frame(
    table: &'static str,
    t: &ParsedTable,
    df: DataFrame,
    key: &str,
) -> anyhow::Result<Split> {
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
    // Nothing excluded (the common case for the big tables): take the rows as they are
    // instead of copying every row through a filter.
    let used = if excluded.height() == 0 {
        df
    } else {
        let keep = df.column(REASON)?.is_null();
        let height = df.height() - excluded.height();
        let columns = df
            .into_columns()
            .into_iter()
            .map(|c| c.filter(&keep))
            .collect::<PolarsResult<Vec<_>>>()?;
        DataFrame::new(height, columns)?
    };
    record(table, t, used, &excluded, key)
}

/// Count and list the excluded rows (`_reason`, `_line`, key as text) and keep the used
/// rows' table columns, `_line` and the deal key when present.
fn record(
    table: &'static str,
    t: &ParsedTable,
    used: DataFrame,
    excluded: &DataFrame,
    key: &str,
) -> anyhow::Result<Split> {
    let mut issues = Vec::with_capacity(excluded.height());
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
            issues.push(Issue {
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
    if used.column(DEAL_KEY).is_ok() {
        keep.push(DEAL_KEY);
    }
    let used = used.select(keep)?;
    count.rows_used = used.height() as u64;
    Ok(Split {
        table,
        used,
        count,
        issues,
    })
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

/// Account-table rules: rows of accounts without a new-customer deal (`unknown_account`),
/// events at or after the as-of instant (`after_as_of`). Each row's deal is resolved here
/// once ([`keys::Resolver`] against the used deals' `account_id`) and kept as [`DEAL_KEY`].
fn account_table(
    table: &'static str,
    t: &ParsedTable,
    deal_accounts: &keys::Resolver,
    a_us: i64,
) -> anyhow::Result<Split> {
    let (ev, is_date) = event_column(table).expect("account table");
    let deal = deal_accounts.resolve(t.df.column(schema::ACCOUNT_ID)?.str()?);
    let events = t.df.column(ev)?.as_materialized_series();
    let after = if is_date {
        let days = events.cast(&DataType::Int32)?;
        days.i32()?.gt_eq((a_us / parse::MICROS_PER_DAY) as i32)
    } else {
        let us = events.cast(&DataType::Int64)?;
        us.i64()?.gt_eq(a_us)
    };
    let unknown = deal.is_null();
    let dropped = &unknown | &after.fill_null_with_values(false)?;
    let mut df = t.df.clone();
    df.with_column(deal.into_column())?;
    if !dropped.any() {
        let none = DataFrame::new_infer_height(vec![
            Column::new_empty(REASON.into(), &DataType::String),
            Column::new_empty(schema::LINE.into(), &DataType::Int64),
            Column::new_empty(schema::ACCOUNT_ID.into(), &DataType::String),
        ])?;
        return record(table, t, df, &none, schema::ACCOUNT_ID);
    }
    let excluded = df
        .filter(&dropped)?
        .lazy()
        .select([
            when(col(DEAL_KEY).is_null())
                .then(lit("unknown_account"))
                .otherwise(lit("after_as_of"))
                .alias(REASON),
            col(schema::LINE),
            col(schema::ACCOUNT_ID),
        ])
        .collect()?;
    let used = df.filter(&!dropped)?;
    record(table, t, used, &excluded, schema::ACCOUNT_ID)
}

/// `f`, its time logged at debug level as `exclusions: TABLE`.
pub(super) fn timed<T>(table: &str, f: impl FnOnce() -> T) -> T {
    crate::logging::timed(&format!("exclusions: {table}"), f)
}

/// The deals' rules, worked out as soon as the deals are read: all that the handoffs' rules
/// and every account table's deal keys need, so each table can be split as soon as it is
/// read (`workers.rs`).
pub(super) struct DealRules {
    /// Each parsed deal row's reason, or `None` for a used deal.
    reasons: Vec<Option<&'static str>>,
    /// The parsed deals, every row: the handoffs' rules look up excluded deals too.
    deals: DataFrame,
    rejected_ids: Vec<String>,
    filtered_ids: Vec<String>,
    /// The used deals' account ids, in used-deal order: what [`keys::Resolver`] maps an
    /// account table's rows to (the position is the dense deal key).
    pub accounts: StringChunked,
}

impl DealRules {
    /// The deals' rules, from the parsed deals.
    pub(super) fn new(deals: &ParsedTable, a_us: i64) -> anyhow::Result<DealRules> {
        let reasons = deal_rules::deal_reasons(&deals.df, a_us)?;
        let used = reasons.iter().map(Option::is_none);
        let used = BooleanChunked::from_iter_values(PlSmallStr::EMPTY, used);
        let accounts = deals.df.column(schema::ACCOUNT_ID)?.str()?.filter(&used)?;
        Ok(DealRules {
            reasons,
            deals: deals.df.clone(),
            rejected_ids: deals.rejected_ids.clone(),
            filtered_ids: deals.filtered_ids.clone(),
            accounts,
        })
    }

    /// The deals' split by their rules (the used deals are the rows without a reason, in
    /// order, as [`DealRules::accounts`]).
    pub(super) fn deals_split(&self, deals: &ParsedTable) -> anyhow::Result<Split> {
        let mut df = deals.df.clone();
        df.with_column(Column::new(REASON.into(), self.reasons.clone()))?;
        split(schema::DEALS, deals, df.lazy(), schema::DEAL_ID)
    }
}

/// The handoffs' rules (orphans, duplicates, records of excluded deals). The parsed rows
/// are handed over (`h.df` is left empty; the rest of `h` stays for the row accounting),
/// so each column is freed as the used rows are copied. Every used handoff has its used
/// deal's key.
pub(super) fn handoffs_split(h: &mut ParsedTable, rules: &DealRules) -> anyhow::Result<Split> {
    timed(schema::HANDOFFS, || {
        let rows = deal_rules::handoff_reasons(
            &h.df,
            &rules.deals,
            &rules.reasons,
            &rules.rejected_ids,
            &rules.filtered_ids,
        )?;
        let mut df = std::mem::take(&mut h.df);
        df.with_column(Column::new(REASON.into(), rows.reasons))?;
        let keys = IdxCa::from_iter_options(DEAL_KEY.into(), rows.deal_keys.into_iter());
        df.with_column(keys.into_column())?;
        split_frame(schema::HANDOFFS, h, df, schema::DEAL_ID)
    })
}

/// Split what was not split as it was read (the `accounts` table, by its duplicates) and
/// add every table's split to `out` in a fixed order whichever thread made it and when:
/// the deals, the handoffs, then the account tables by name. Nothing is added when the
/// deals were not split (absent, or unreadable): without them no rule can be applied.
pub(super) fn add_splits(
    out: &mut Ingested,
    parsed: &BTreeMap<&'static str, ParsedTable>,
    mut splits: Vec<Split>,
) -> anyhow::Result<()> {
    if !splits.iter().any(|s| s.table == schema::DEALS) {
        return Ok(());
    }
    if let Some(t) = parsed.get(schema::ACCOUNTS) {
        let lf = accounts::account_duplicates(t.df.clone().lazy());
        splits.push(split(schema::ACCOUNTS, t, lf, schema::ACCOUNT_ID)?);
    }
    let rank = |table: &str| match table {
        schema::DEALS => 0,
        schema::HANDOFFS => 1,
        _ => 2,
    };
    splits.sort_by(|a, b| (rank(a.table), a.table).cmp(&(rank(b.table), b.table)));
    for s in splits {
        s.add_to(out);
    }
    Ok(())
}

/// An account table (any but `accounts`) split as soon as it is read by its rules
/// ([`account_table`]), its parsed rows released (`t.df` left empty; the rest of `t` stays
/// for the row accounting), so they are freed before the next table is decoded: the
/// decoded snapshot tables were most of the peak memory (issue #17).
pub(super) fn account_split(
    table: &'static str,
    t: &mut ParsedTable,
    accounts: &keys::Resolver,
    a_us: i64,
    keep: Keep,
) -> anyhow::Result<Split> {
    let mut split = timed(table, || account_table(table, t, accounts, a_us))?;
    if SNAPSHOTS.contains(&table) {
        // Once the excluded rows are listed nothing reads the snapshot tables' line
        // numbers (the fact table's windows take ties by row order, which is file order;
        // `model/windows.rs`): 236 MB at a million deals. Under `Keep::Model` their account
        // ids go too (about 300 MB).
        let mut gone = vec![schema::LINE];
        if keep == Keep::Model {
            gone.push(schema::ACCOUNT_ID);
        }
        split.used = split.used.drop_many(gone);
    }
    t.df = DataFrame::empty();
    Ok(split)
}
