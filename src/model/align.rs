//! Attaching per-deal parts to the fact table without a join (issue #17). The fact table is
//! the used deals sorted once, at the start, by `(closed_at, deal_id)`; every part (the
//! handoff record, the milestone, renewal and survey aggregates, the snapshot windows) has
//! at most one row per dense deal key `_deal`. A left join on `_deal` would hash the key and
//! gather every column of the growing fact table again, once per part; here only the part's
//! own columns are gathered, into the fact table's row order, and appended.

use polars::prelude::*;
use polars_arrow::bitmap::Bitmap;
use polars_arrow::datatypes::IdxArr;

use crate::ingest::keys::DEAL_KEY;

/// `column` gathered at `rows` (each in bounds), missing where `mask` (if any) is unset.
///
/// By Arrow's gather kernels on one chunk: values and validity each gathered whole, text as
/// its 16-byte views. polars' own gather of a column of several chunks looked every row's
/// chunk up by a binary search and copied each text value into a new buffer, and of one
/// chunk with missing values collected one `Option` at a time: together half the attach
/// step at a million deals (issue #17).
fn gather(column: &Column, rows: &IdxArr, mask: Option<&Bitmap>) -> PolarsResult<Column> {
    let series = column.as_materialized_series().rechunk();
    let chunk = series.chunks().first().ok_or_else(
        || polars_err!(ComputeError: "fact table: the part column {} has no chunk", column.name()),
    )?;
    // SAFETY: every index is a row of the part (`align` reads row 0 where it has none, and
    // only a part with rows is gathered).
    let taken = unsafe { polars_compute::gather::take_unchecked(chunk.as_ref(), rows) };
    let taken = match mask {
        None => taken,
        // The mask joined to the column's own validity (the values are kept as they are).
        Some(mask) => {
            let validity = match taken.validity() {
                Some(own) => own & mask,
                None => mask.clone(),
            };
            taken.with_validity(Some(validity))
        }
    };
    // SAFETY: the gathered chunk has the physical type of the column's own chunk.
    let series = unsafe {
        Series::from_chunks_and_dtype_unchecked(series.name().clone(), vec![taken], series.dtype())
    };
    Ok(series.into_column())
}

/// Where each deal key sits in the fact table.
pub(super) struct Order {
    /// `row[key]` is the fact-table row of deal key `key`.
    row: Vec<IdxSize>,
}

impl Order {
    /// The order of `facts`, whose `_deal` column holds each deal key `0..n` once.
    pub fn new(facts: &DataFrame) -> PolarsResult<Order> {
        let keys = facts.column(DEAL_KEY)?.idx()?;
        let mut row = vec![IdxSize::MAX; keys.len()];
        for (i, key) in keys.iter().enumerate() {
            match key.and_then(|k| row.get_mut(k as usize)) {
                Some(slot) if *slot == IdxSize::MAX => *slot = i as IdxSize,
                _ => polars_bail!(ComputeError: "fact table: deal keys are not 0..{}", keys.len()),
            }
        }
        Ok(Order { row })
    }

    /// The columns of `part` but `_deal`, row `i` holding the part's row for the deal of
    /// fact-table row `i` (missing when the part has none): what a left join adds.
    ///
    /// Gathered by indices without nulls (a deal without a row reads the part's first row)
    /// and then masked by validity: polars gathers by nullable indices one `Option` at a
    /// time, which made this most of the fact table's attach step at a million deals
    /// (issue #17).
    pub fn align(&self, part: &DataFrame) -> PolarsResult<Vec<Column>> {
        const NONE: IdxSize = IdxSize::MAX;
        let keys = part.column(DEAL_KEY)?.idx()?;
        // Each fact row's part row, `NONE` where the part has none (4 bytes a row, not an
        // `Option`'s 8: the loop below writes to it at random).
        let mut rows: Vec<IdxSize> = vec![NONE; self.row.len()];
        let mut place = |r: usize, key: Option<IdxSize>| -> PolarsResult<()> {
            // As in a join, a missing key or a key of no deal matches nothing.
            let Some(&at) = key.and_then(|k| self.row.get(k as usize)) else {
                return Ok(());
            };
            let slot = &mut rows[at as usize];
            if *slot != NONE {
                polars_bail!(ComputeError: "fact table: a part has two rows for one deal");
            }
            *slot = r as IdxSize;
            Ok(())
        };
        match keys.cont_slice() {
            Ok(slice) => {
                for (r, &key) in slice.iter().enumerate() {
                    place(r, Some(key))?;
                }
            }
            Err(_) => {
                for (r, key) in keys.iter().enumerate() {
                    place(r, key)?;
                }
            }
        }
        let columns = part.drop(DEAL_KEY)?;
        // The deals with a row: their count, and the validity mask of the gathered columns.
        let present = Bitmap::from_trusted_len_iter(rows.iter().map(|&r| r != NONE));
        let found = rows.len() - present.unset_bits();
        if found == 0 {
            let n = rows.len();
            return Ok(columns
                .columns()
                .iter()
                .map(|c| Column::full_null(c.name().clone(), n, c.dtype()))
                .collect());
        }
        // Gathered by indices without nulls: a deal without a row reads the part's row 0.
        for r in rows.iter_mut().filter(|r| **r == NONE) {
            *r = 0;
        }
        let rows = IdxArr::from_vec(rows);
        let mask = (found < present.len()).then_some(&present);
        let columns = columns.columns();
        crate::parallel::map(columns, |c| gather(c, &rows, mask))
            .into_iter()
            .collect()
    }

    /// `facts` with the aligned columns of `part` appended (`facts` unchanged for `None`).
    pub fn attach(&self, facts: LazyFrame, part: Option<&DataFrame>) -> PolarsResult<LazyFrame> {
        let Some(part) = part else {
            return Ok(facts);
        };
        let mut df = facts.collect()?;
        df.hstack_mut(&self.align(part)?)?;
        Ok(df.lazy())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_lines_up_with_the_fact_rows_like_a_left_join() {
        // Fact rows hold deal keys 2, 0, 1; the part has keys 1 and 2 (and one of no deal,
        // and a missing one: neither matches).
        let facts = df!(DEAL_KEY => [2 as IdxSize, 0, 1], "deal" => ["c", "a", "b"]).expect("df");
        let part = df!(
            DEAL_KEY => [Some(1 as IdxSize), Some(7), None, Some(2)],
            "x" => [10.0, 70.0, 0.5, 20.0]
        )
        .expect("df");
        let order = Order::new(&facts).expect("order");
        let got = order
            .attach(facts.clone().lazy(), Some(&part))
            .and_then(|lf| lf.collect())
            .expect("attached");
        let want = facts
            .lazy()
            .left_join(part.lazy(), col(DEAL_KEY), col(DEAL_KEY))
            .collect()
            .expect("joined");
        assert!(got.equals_missing(&want), "{got}\n{want}");
        let x: Vec<Option<f64>> = got.column("x").expect("x").f64().expect("f64").to_vec();
        assert_eq!(x, [Some(20.0), None, Some(10.0)]);
    }

    /// Every kind of column a part holds, nulls of its own included, lines up as a left
    /// join would: with some deals missing, none missing, and no deal found at all.
    #[test]
    fn every_dtype_and_every_coverage_matches_a_left_join() {
        let facts = df!(DEAL_KEY => [3 as IdxSize, 0, 2, 1]).expect("df");
        let order = Order::new(&facts).expect("order");
        let mut part = df!(
            DEAL_KEY => [1 as IdxSize, 3, 0, 2],
            "text" => [Some("b"), None, Some("a"), Some("a rather longer text than a view")],
            "flag" => [Some(true), Some(false), None, Some(true)],
            "n" => [Some(1i64), None, Some(3), Some(4)],
            "x" => [0.5, 1.5, f64::NAN, 2.0],
        )
        .expect("df");
        part.with_column(
            part.column("n")
                .expect("n")
                .cast(&DataType::Datetime(TimeUnit::Microseconds, None))
                .expect("cast")
                .with_name("at".into()),
        )
        .expect("at");
        let some = part
            .filter(
                &part
                    .column(DEAL_KEY)
                    .expect("key")
                    .idx()
                    .expect("idx")
                    .gt(1),
            )
            .expect("filter");
        // The same rows in two chunks per column (as parts read from several row groups).
        let chunked = part.slice(0, 2).vstack(&part.slice(2, 2)).expect("vstack");
        assert_eq!(chunked.column("text").expect("text").n_chunks(), 2);
        let orphans = df!(DEAL_KEY => [9 as IdxSize], "x" => [1.0]).expect("df");
        for part in [&part, &some, &chunked, &orphans, &orphans.clear()] {
            let got = order
                .attach(facts.clone().lazy(), Some(part))
                .and_then(|lf| lf.collect())
                .expect("attached");
            let want = facts
                .clone()
                .lazy()
                .left_join(part.clone().lazy(), col(DEAL_KEY), col(DEAL_KEY))
                .collect()
                .expect("joined");
            assert_eq!(got.schema(), want.schema());
            assert!(got.equals_missing(&want), "{got}\n{want}");
        }
    }

    #[test]
    fn two_rows_for_one_deal_is_an_error_not_a_silent_pick() {
        let facts = df!(DEAL_KEY => [0 as IdxSize, 1]).expect("df");
        let part = df!(DEAL_KEY => [1 as IdxSize, 1], "x" => [1, 2]).expect("df");
        let order = Order::new(&facts).expect("order");
        assert!(order.align(&part).is_err());
    }
}
