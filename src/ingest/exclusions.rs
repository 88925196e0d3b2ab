//! The exclusion rules of METRICS.md §3 and the row accounting: duplicate, later and
//! after-as-of deals, orphan and duplicate handoffs (both decided in [`deal_rules`]),
//! account rows of unknown accounts or after the as-of instant. Each table is split into its used rows and one `excluded`
//! data-quality issue per left-out row; account tables and handoffs leave with the dense
//! deal key of [`keys`].

use std::collections::BTreeMap;

use polars::prelude::*;

use super::deal_rules;
use super::keys::{self, DEAL_KEY};
use super::read::ParsedTable;
use super::{accounts, as_of_instant, locate, parse, Action, Ingested, Issue, Keep, TableCount};
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
/// row. Tables are split on two threads and added to [`Ingested`] in a fixed order.
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
fn timed<T>(table: &str, f: impl FnOnce() -> T) -> T {
    crate::logging::timed(&format!("exclusions: {table}"), f)
}

/// Split every parsed table into used and excluded rows (METRICS.md §3), the excluded ones
/// recorded as issues. `deal_reasons` are the deals' rules when already worked out
/// ([`deal_rules::deal_reasons`] of the parsed deals), else they are worked out here.
/// `early` are the tables already split as they were read ([`snapshot_split`]); their
/// parsed tables, rows released, stay in `parsed` for the row accounting.
pub(super) fn apply_exclusions(
    out: &mut Ingested,
    mut parsed: BTreeMap<&'static str, ParsedTable>,
    as_of: chrono::NaiveDate,
    deal_reasons: Option<Vec<Option<&'static str>>>,
    early: Vec<Split>,
    keep: Keep,
) -> anyhow::Result<()> {
    let a_us = as_of_instant(as_of);
    // Each parsed table is dropped once it is split (peak memory, issue #17).
    let Some(deals) = parsed.remove(schema::DEALS) else {
        return Ok(());
    };
    let deals = &deals;
    let with_reasons = |t: &ParsedTable, reasons: Vec<Option<&'static str>>| {
        let mut df = t.df.clone();
        df.with_column(Column::new(REASON.into(), reasons))?;
        PolarsResult::Ok(df)
    };
    let reasons = timed(schema::DEALS, || -> anyhow::Result<_> {
        let reasons = match deal_reasons {
            Some(reasons) => reasons,
            None => deal_rules::deal_reasons(&deals.df, a_us)?,
        };
        let df = with_reasons(deals, reasons.clone())?;
        split(schema::DEALS, deals, df.lazy(), schema::DEAL_ID)?.add_to(out);
        Ok(reasons)
    })?;
    let used_deals = &out.tables[schema::DEALS];
    let accounts = used_deals.column(schema::ACCOUNT_ID)?.str()?.clone();
    // The handoffs on one thread, the account tables on this one: both need only the used
    // deals. They are added in the same order either way (the handoffs, then the account
    // tables by name).
    let handoffs = parsed.remove(schema::HANDOFFS);
    let split_handoffs = |mut h: ParsedTable| {
        timed(schema::HANDOFFS, || -> anyhow::Result<Split> {
            let rows = deal_rules::handoff_reasons(
                &h.df,
                &deals.df,
                &reasons,
                &deals.rejected_ids,
                &deals.filtered_ids,
            )?;
            // The parsed frame is handed over, so its columns are freed as the used rows
            // are copied. Every used handoff has its used deal's key; split keeps the column.
            let mut df = std::mem::take(&mut h.df);
            df.with_column(Column::new(REASON.into(), rows.reasons))?;
            let keys = IdxCa::from_iter_options(DEAL_KEY.into(), rows.deal_keys.into_iter());
            df.with_column(keys.into_column())?;
            split_frame(schema::HANDOFFS, &h, df, schema::DEAL_ID)
        })
    };
    for e in &early {
        parsed.remove(e.table);
    }
    let accounts = &accounts;
    let (handoffs, others) = crate::parallel::join(
        move || handoffs.map(split_handoffs).transpose(),
        // One map from account to deal serves every account table.
        || account_tables(parsed, &keys::Resolver::new(accounts), a_us, keep),
    );
    if let Some(h) = handoffs? {
        h.add_to(out);
    }
    let mut others = others?;
    others.extend(early);
    // In table-name order, whichever were split early.
    others.sort_by_key(|s| s.table);
    for s in others {
        s.add_to(out);
    }
    Ok(())
}

/// The used deals' account ids, in used-deal order: what [`keys::Resolver`] maps account
/// tables' rows to (the used deals are the parsed rows without a reason, in order).
pub(super) fn used_accounts(
    deals: &DataFrame,
    reasons: &[Option<&'static str>],
) -> PolarsResult<StringChunked> {
    let used =
        BooleanChunked::from_iter_values(PlSmallStr::EMPTY, reasons.iter().map(|r| r.is_none()));
    deals.column(schema::ACCOUNT_ID)?.str()?.filter(&used)
}

/// A snapshot table (adoption, health) split as soon as it is read, before the next table
/// is read, its parsed rows released (`t.df` left empty; the rest of `t` stays for the row
/// accounting). Its line numbers, and under [`Keep::Model`] its account ids, are freed at
/// once: the decoded snapshot tables were most of the peak memory (issue #17).
pub(super) fn snapshot_split(
    table: &'static str,
    t: &mut ParsedTable,
    accounts: &keys::Resolver,
    a_us: i64,
    keep: Keep,
) -> anyhow::Result<Split> {
    debug_assert!(SNAPSHOTS.contains(&table));
    let split = account_split(table, t, accounts, a_us, keep)?;
    t.df = DataFrame::empty();
    Ok(split)
}

/// The account tables' rules, in table-name order.
fn account_tables(
    parsed: BTreeMap<&'static str, ParsedTable>,
    accounts: &keys::Resolver,
    a_us: i64,
    keep: Keep,
) -> anyhow::Result<Vec<Split>> {
    parsed
        .into_iter()
        .map(|(table, t)| account_split(table, &t, accounts, a_us, keep))
        .collect()
}

/// One account table's rules: duplicate accounts for `accounts`, else [`account_table`].
fn account_split(
    table: &'static str,
    t: &ParsedTable,
    accounts: &keys::Resolver,
    a_us: i64,
    keep: Keep,
) -> anyhow::Result<Split> {
    if table == schema::ACCOUNTS {
        let lf = accounts::account_duplicates(t.df.clone().lazy());
        return split(table, t, lf, schema::ACCOUNT_ID);
    }
    let mut split = timed(table, || account_table(table, t, accounts, a_us))?;
    if SNAPSHOTS.contains(&table) {
        // Once the excluded rows are listed nothing reads the snapshot tables' line
        // numbers (the fact table's windows take ties by row order, which is file order;
        // `model/windows.rs`): 236 MB at a million deals. Under `Keep::Model` their account
        // ids go too (about 300 MB). Both are freed with the parsed table.
        let mut gone = vec![schema::LINE];
        if keep == Keep::Model {
            gone.push(schema::ACCOUNT_ID);
        }
        split.used = split.used.drop_many(gone);
    }
    Ok(split)
}
