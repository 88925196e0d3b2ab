//! Utilisation and health at day 30/60/90 (METRICS.md §4.7) in one pass over the snapshot
//! rows: per deal and window `[N − width, N]` days after the close (width 6 for adoption,
//! 13 for health) the value of the latest snapshot, ties to the later file line; null when
//! the window holds none or has not ended by the as-of date (`date(C) + N > as_of`).
//!
//! The snapshot tables are most of the input rows (30 M of 35 M at a million deals). Each
//! row already carries its deal's dense key from ingest, so the pass needs no join, sort or
//! group-by: a row outside every window is skipped at once, and the latest row per deal
//! and window is kept by comparing dates (rows come in file order, so of equal dates the
//! later row is the later line).

use polars::prelude::*;

use super::dense::{Cursor, NO_ROW};
use super::ModelParams;
use crate::ingest::{keys::DEAL_KEY, Ingested};
use crate::schema as s;

/// The day-N windows of §4.7.
pub const WINDOWS: [i32; 3] = [30, 60, 90];

/// Each snapshot table, the prefix of its fact columns and its window width in days.
const TABLES: [(&str, &str, i32); 2] = [(s::ADOPTION, "utilisation", 6), (s::HEALTH, "health", 13)];

/// `_deal` and the window columns of every present snapshot table (`utilisation_30` …
/// `health_90`), one row per deal key (`close` holds each deal's close date by its key);
/// `None` when neither table is present.
pub(super) fn snapshot_windows(
    ing: &Ingested,
    p: &ModelParams,
    close: &[Option<i32>],
) -> PolarsResult<Option<DataFrame>> {
    let as_of_days = p.as_of_days();
    // The two tables are independent passes: one runs on a second thread.
    let [adoption, health] = TABLES.map(|(table, prefix, width)| {
        ing.tables.get(table).map(|df| Windows {
            df,
            table,
            prefix,
            width,
        })
    });
    let columns = |w: Option<Windows>| w.map(|w| w.columns(close, as_of_days));
    let (adoption, health) = crate::parallel::join(|| columns(adoption), || columns(health));
    let mut columns = Vec::new();
    for part in [adoption, health].into_iter().flatten() {
        columns.extend(part?);
    }
    if columns.is_empty() {
        return Ok(None);
    }
    super::dense::part(columns, close.len()).map(Some)
}

/// One snapshot table and how its windows are read.
struct Windows<'a> {
    df: &'a DataFrame,
    table: &'static str,
    prefix: &'static str,
    width: i32,
}

impl Windows<'_> {
    /// The table's three window columns (`PREFIX_30`, `PREFIX_60`, `PREFIX_90`).
    fn columns(&self, close: &[Option<i32>], as_of_days: i32) -> PolarsResult<Vec<Column>> {
        let df = self.df;
        let best = latest_in_windows(df, close, self.width)?;
        // The value of the chosen rows only (a million, not the 19 M snapshot rows), read
        // through chunk cursors: the snapshot columns hold one chunk per Parquet row group
        // (94 at a million deals), and polars' gather searched them for every row (issue
        // #17: 0.28 s for adoption's three windows; the windows 515–680 → 266–428 ms).
        let value: Box<dyn Fn(usize) -> Option<f64> + '_> = if self.table == s::ADOPTION {
            let users = Cursor::new(df.column(s::ACTIVE_USERS)?)?;
            let seats = Cursor::new(df.column(s::LICENSED_SEATS)?)?;
            Box::new(move |row| Some(users.get(row)? / seats.get(row)?))
        } else {
            let score = Cursor::new(df.column(s::HEALTH_SCORE)?)?;
            Box::new(move |row| score.get(row))
        };
        let mut columns = Vec::new();
        for (k, n) in WINDOWS.iter().enumerate() {
            let ended = |deal: usize| {
                close[deal].is_some_and(|c| c as i64 + *n as i64 <= as_of_days as i64)
            };
            let values: Float64Chunked = (0..close.len())
                .map(|deal| {
                    let row = best[deal * WINDOWS.len() + k].1;
                    if row != NO_ROW && ended(deal) {
                        value(row as usize)
                    } else {
                        None
                    }
                })
                .collect();
            columns.push(
                values
                    .with_name(format!("{}_{n}", self.prefix).into())
                    .into_column(),
            );
        }
        Ok(columns)
    }
}

/// Per deal and window (`deal * 3 + k`), the `(date, row)` of the latest snapshot row in
/// the window, `row == NO_ROW` when there is none. Ties between equal dates go to the later
/// file line, which is the later row: every reader keeps rows in file order (a folder's
/// parts in order) and the exclusions keep that order, so the snapshot tables leave ingest
/// without their `_line` column (150 MB for adoption at a million deals, issue #17).
fn latest_in_windows(
    df: &DataFrame,
    close: &[Option<i32>],
    width: i32,
) -> PolarsResult<Vec<(i32, IdxSize)>> {
    let deal = df.column(DEAL_KEY)?.idx()?;
    let date = df.column(s::SNAPSHOT_DATE)?.cast(&DataType::Int32)?;
    let date = date.i32()?;
    let mut best = vec![(i32::MIN, NO_ROW); close.len() * WINDOWS.len()];
    let mut visit = |row: usize, d: IdxSize, day: i32| {
        let Some(Some(c)) = close.get(d as usize) else {
            return;
        };
        let offset = day as i64 - *c as i64;
        if offset < (WINDOWS[0] - width) as i64 || offset > WINDOWS[WINDOWS.len() - 1] as i64 {
            return;
        }
        for (k, n) in WINDOWS.iter().enumerate() {
            if offset >= (n - width) as i64 && offset <= *n as i64 {
                let slot = &mut best[d as usize * WINDOWS.len() + k];
                // Rows come in order: an equal date is a later line (an empty slot's date
                // is i32::MIN).
                if day >= slot.0 {
                    *slot = (day, row as IdxSize);
                }
            }
        }
    };
    // Ingest drops snapshot rows without a deal or date, so the columns hold no null: their
    // values are read straight from the chunks (the Option-per-row walk is the fallback).
    if deal.null_count() == 0 && date.null_count() == 0 {
        let rows = deal.into_no_null_iter().zip(date.into_no_null_iter());
        for (row, (d, day)) in rows.enumerate() {
            visit(row, d, day);
        }
    } else {
        for (row, (d, day)) in deal.iter().zip(date.iter()).enumerate() {
            if let (Some(d), Some(day)) = (d, day) {
                visit(row, d, day);
            }
        }
    }
    Ok(best)
}
