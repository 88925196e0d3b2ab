//! Utilisation and health at day 30/60/90 (METRICS.md §4.7) in one pass over the snapshot
//! rows: per deal and window `[N − width, N]` days after the close (width 6 for adoption,
//! 13 for health) the value of the latest snapshot, ties to the later file line; null when
//! the window holds none or has not ended by the as-of date (`date(C) + N > as_of`).
//!
//! The snapshot tables are most of the input rows (30 M of 35 M at a million deals). Each
//! row already carries its deal's dense key from ingest, so the pass needs no join, sort or
//! group-by: a row outside every window is skipped at once, and the latest row per deal
//! and window is kept by comparing `(date, line)`.

use polars::prelude::*;

use super::ModelParams;
use crate::ingest::{keys::DEAL_KEY, parse::MICROS_PER_DAY, Ingested};
use crate::schema as s;

/// The day-N windows of §4.7.
pub const WINDOWS: [i32; 3] = [30, 60, 90];

/// Each snapshot table, the prefix of its fact columns and its window width in days.
const TABLES: [(&str, &str, i32); 2] = [(s::ADOPTION, "utilisation", 6), (s::HEALTH, "health", 13)];

/// `_deal` and the window columns of every present snapshot table (`utilisation_30` …
/// `health_90`), one row per deal; `None` when neither table is present.
pub(super) fn snapshot_windows(ing: &Ingested, p: &ModelParams) -> PolarsResult<Option<DataFrame>> {
    let Some(deals) = ing.tables.get(s::DEALS) else {
        return Ok(None);
    };
    let close = close_days(deals)?;
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
    let columns = |w: Option<Windows>| w.map(|w| w.columns(&close, as_of_days));
    let (adoption, health) = crate::parallel::join(|| columns(adoption), || columns(health));
    let mut columns = Vec::new();
    for part in [adoption, health].into_iter().flatten() {
        columns.extend(part?);
    }
    if columns.is_empty() {
        return Ok(None);
    }
    let keys = IdxCa::from_vec(DEAL_KEY.into(), (0..close.len() as IdxSize).collect());
    columns.insert(0, keys.into_column());
    DataFrame::new_infer_height(columns).map(Some)
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
        // (94 at a million deals), and polars' gather searches them for every row (issue
        // #17: 0.28 s for adoption's three windows, now a few ms).
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
                    let row = best[deal * WINDOWS.len() + k].2;
                    if row != NONE && ended(deal) {
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

/// A numeric column read row by row as `f64` (what a cast to Float64 gives), fast when the
/// rows mostly rise: it stays in the chunk of the last row read and searches the chunk
/// starts only when a row falls outside it. Integer and float chunks are read as they are
/// (no copy of the column); another type is cast once.
struct Cursor {
    chunks: Chunks,
    /// Each chunk's first row, then the column's length.
    starts: Vec<usize>,
    last: std::cell::Cell<usize>,
}

enum Chunks {
    Float(Vec<<Float64Type as PolarsDataType>::Array>),
    Integer(Vec<<Int64Type as PolarsDataType>::Array>),
}

impl Cursor {
    fn new(column: &Column) -> PolarsResult<Self> {
        let column = column.as_materialized_series();
        let chunks = match column.dtype() {
            DataType::Int64 => Chunks::Integer(column.i64()?.downcast_iter().cloned().collect()),
            DataType::Float64 => Chunks::Float(column.f64()?.downcast_iter().cloned().collect()),
            _ => {
                let cast = column.cast(&DataType::Float64)?;
                Chunks::Float(cast.f64()?.downcast_iter().cloned().collect())
            }
        };
        let lens: Vec<usize> = match &chunks {
            Chunks::Float(c) => c.iter().map(|a| a.len()).collect(),
            Chunks::Integer(c) => c.iter().map(|a| a.len()).collect(),
        };
        let mut starts = vec![0];
        for len in lens {
            starts.push(starts[starts.len() - 1] + len);
        }
        Ok(Self {
            chunks,
            starts,
            last: std::cell::Cell::new(0),
        })
    }

    fn get(&self, row: usize) -> Option<f64> {
        let mut k = self.last.get();
        if !(self.starts.get(k)? <= &row && row < *self.starts.get(k + 1)?) {
            k = self.starts.partition_point(|s| *s <= row).checked_sub(1)?;
            self.last.set(k);
        }
        let at = row - self.starts[k];
        match &self.chunks {
            Chunks::Float(c) => c.get(k)?.get(at),
            Chunks::Integer(c) => c.get(k)?.get(at).map(|v| v as f64),
        }
    }
}

/// No snapshot row in the window.
const NONE: IdxSize = IdxSize::MAX;

/// Each deal's close date in days since the epoch (`date(C)`).
fn close_days(deals: &DataFrame) -> PolarsResult<Vec<Option<i32>>> {
    let closed = deals.column(s::CLOSED_AT)?.cast(&DataType::Int64)?;
    Ok(closed
        .i64()?
        .iter()
        .map(|us| us.and_then(|us| i32::try_from(us.div_euclid(MICROS_PER_DAY)).ok()))
        .collect())
}

/// Per deal and window (`deal * 3 + k`), the `(date, line, row)` of the latest snapshot
/// row in the window, `row == NONE` when there is none.
fn latest_in_windows(
    df: &DataFrame,
    close: &[Option<i32>],
    width: i32,
) -> PolarsResult<Vec<(i32, i64, IdxSize)>> {
    let deal = df.column(DEAL_KEY)?.idx()?;
    let date = df.column(s::SNAPSHOT_DATE)?.cast(&DataType::Int32)?;
    let date = date.i32()?;
    let line = df.column(s::LINE)?.i64()?;
    let mut best = vec![(i32::MIN, i64::MIN, NONE); close.len() * WINDOWS.len()];
    let mut visit = |row: usize, d: IdxSize, day: i32, l: i64| {
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
                if (day, l) > (slot.0, slot.1) {
                    *slot = (day, l, row as IdxSize);
                }
            }
        }
    };
    // Ingest drops snapshot rows without a deal or date, so the columns hold no null: their
    // values are read straight from the chunks (the Option-per-row walk is the fallback).
    if deal.null_count() == 0 && date.null_count() == 0 && line.null_count() == 0 {
        let rows = deal.into_no_null_iter().zip(date.into_no_null_iter());
        for (row, ((d, day), l)) in rows.zip(line.into_no_null_iter()).enumerate() {
            visit(row, d, day, l);
        }
    } else {
        let rows = deal.iter().zip(date.iter()).zip(line.iter()).enumerate();
        for (row, ((d, day), l)) in rows {
            if let (Some(d), Some(day), Some(l)) = (d, day, l) {
                visit(row, d, day, l);
            }
        }
    }
    Ok(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A column of three chunks (`[1, null]`, `[3]`, `[4, 5, 6]`), as Parquet row groups give.
    fn chunked<T: PolarsNumericType>(values: [[Option<T::Native>; 3]; 2]) -> Column
    where
        ChunkedArray<T>: IntoSeries,
    {
        let [a, b] = values;
        let mut ca = ChunkedArray::<T>::from_slice_options("x".into(), &a[..2]);
        ca.append(&ChunkedArray::from_slice_options("x".into(), &a[2..]))
            .unwrap();
        ca.append(&ChunkedArray::from_slice_options("x".into(), &b))
            .unwrap();
        assert_eq!(ca.chunks().len(), 3);
        ca.into_series().into_column()
    }

    #[test]
    fn cursor_reads_any_row_of_any_chunk_in_any_order() {
        let ints = chunked::<Int64Type>([[Some(1), None, Some(3)], [Some(4), Some(5), Some(6)]]);
        let cursor = Cursor::new(&ints).unwrap();
        // Rising, then back into an earlier chunk, then past the end.
        let rows = [0, 1, 2, 3, 5, 4, 0, 2, 6, 99];
        let got: Vec<Option<f64>> = rows.iter().map(|r| cursor.get(*r)).collect();
        let want = [
            Some(1.0),
            None,
            Some(3.0),
            Some(4.0),
            Some(6.0),
            Some(5.0),
            Some(1.0),
            Some(3.0),
            None,
            None,
        ];
        assert_eq!(got, want);

        let floats =
            chunked::<Float64Type>([[Some(0.5), Some(1.5), None], [None, Some(-2.0), Some(9.0)]]);
        let cursor = Cursor::new(&floats).unwrap();
        let got: Vec<Option<f64>> = [5, 0, 4, 1, 2].iter().map(|r| cursor.get(*r)).collect();
        assert_eq!(got, [Some(9.0), Some(0.5), Some(-2.0), Some(1.5), None]);
    }

    #[test]
    fn cursor_reads_other_numeric_types_through_a_cast() {
        let small = chunked::<Int32Type>([[Some(7), Some(8), None], [Some(10), None, Some(12)]]);
        let cursor = Cursor::new(&small).unwrap();
        let got: Vec<Option<f64>> = (0..6).map(|r| cursor.get(r)).collect();
        assert_eq!(
            got,
            [Some(7.0), Some(8.0), None, Some(10.0), None, Some(12.0)]
        );
    }
}
