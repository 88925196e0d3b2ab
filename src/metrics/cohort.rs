//! METRICS.md §4.1 cohorts. Each is a filter on the date of `closed_at` over the fact table,
//! collected once and shared by the sections that use it.

use chrono::NaiveDate;
use polars::prelude::*;
use serde_json::Value;

use super::typed::MetricSection;
use super::Ctx;
pub use crate::ingest::parse::epoch_days;
use crate::model::ModelParams;
use crate::period::{shift_days, Period};
use crate::schema as s;

/// The first and last close date of a cohort.
pub type CloseRange = (NaiveDate, NaiveDate);

/// `lo <= date(C) <= hi`, false where the date is missing.
pub fn closed_between(lo: NaiveDate, hi: NaiveDate) -> Expr {
    let d = col(s::CLOSE_DATE).cast(DataType::Int32);
    d.clone()
        .gt_eq(lit(epoch_days(lo)))
        .and(d.lt_eq(lit(epoch_days(hi))))
        .fill_null(lit(false))
}

/// `lo <= date(C) <= hi` as a lazy filter.
pub fn close_between(lf: LazyFrame, lo: NaiveDate, hi: NaiveDate) -> LazyFrame {
    lf.filter(closed_between(lo, hi))
}

/// The rows of `facts` with `lo <= date(C) <= hi`. The fact table is sorted by `closed_at`,
/// so they are one run of rows: a slice, sharing the fact table's memory, where a filter
/// copied every column (the trailing and mature cohorts were about 280 MB at a million
/// deals, held through the metrics while the facts file is encoded; issue #17). Rows that
/// are not one run are filtered as before.
fn rows_between(facts: &DataFrame, lo: NaiveDate, hi: NaiveDate) -> PolarsResult<DataFrame> {
    let mask = facts
        .clone()
        .lazy()
        .select([closed_between(lo, hi).alias("in")])
        .collect()?;
    let mask = mask.column("in")?.bool()?;
    let count = mask.sum().unwrap_or(0) as usize;
    let first = mask.iter().position(|m| m == Some(true)).unwrap_or(0);
    if mask.slice(first as i64, count).all() {
        return Ok(facts.slice(first as i64, count));
    }
    facts.filter(mask)
}

/// The period cohort of any period.
pub fn period_cohort(ctx: &Ctx, p: Period) -> PolarsResult<DataFrame> {
    rows_between(ctx.facts, p.start, p.end)
}

pub struct Cohorts {
    pub period: DataFrame,
    pub trailing: DataFrame,
    pub mature: DataFrame,
    pub survival: DataFrame,
    /// The `date(C)` range of `period`, `trailing` and `mature`, in that order: each cohort
    /// is the survival rows with `lo <= date(C) <= hi` (`handoff_facts` flags them so).
    pub ranges: [CloseRange; 3],
}

/// The `date(C)` ranges of the period, trailing and mature cohorts, in that order.
pub fn ranges(params: &ModelParams, p: Period) -> [CloseRange; 3] {
    let as_of = params.as_of;
    let lookback = params.settings.churn_lookback_days.max(0);
    let trailing_start = shift_days(p.end, -364);
    let mature_hi = shift_days(as_of, -365);
    // date(C) > as_of − 365 − lookback  ⇔  date(C) ≥ as_of − 365 − lookback + 1
    let mature_lo = shift_days(shift_days(as_of, -lookback.saturating_add(365)), 1);
    [
        (p.start, p.end),
        (trailing_start, p.end),
        (mature_lo, mature_hi),
    ]
}

impl Cohorts {
    pub fn new(ctx: &Ctx) -> PolarsResult<Cohorts> {
        let ranges = ranges(ctx.params, ctx.period);
        let cohort = |(lo, hi)| rows_between(ctx.facts, lo, hi);
        Ok(Cohorts {
            period: cohort(ranges[0])?,
            trailing: cohort(ranges[1])?,
            mature: cohort(ranges[2])?,
            survival: ctx.facts.clone(),
            ranges,
        })
    }

    pub fn json(&self) -> Value {
        super::typed::CohortSizes {
            period_deals: self.period.height() as u64,
            trailing_deals: self.trailing.height() as u64,
            mature_deals: self.mature.height() as u64,
            survival_deals: self.survival.height() as u64,
        }
        .json()
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::Data;

    /// As of 2026-10-31: trailing = date(C) in [2025-11-01, 2026-10-31]; mature = date(C) in
    /// (2023-11-01, 2025-10-31] (as_of − 365 = 2025-10-31, minus 730 more = 2023-11-01).
    fn deals() -> Data {
        Data::new("2026-10-31").deals(&[
            "P1,A1,smb,1,2026-10-01T00:00:00Z,rep",
            "P2,A2,smb,1,2026-10-31T23:59:59Z,rep",
            // 01:00 at +02:00 is 2026-09-30T23:00Z: the UTC date is in September.
            "P3,A3,smb,1,2026-10-01T01:00:00+02:00,rep",
            // closed at A: excluded (after_as_of), in no cohort.
            "X1,A4,smb,1,2026-11-01T00:00:00Z,rep",
            "T1,A5,smb,1,2025-11-01T00:00:00Z,rep",
            "T0,A6,smb,1,2025-10-31T23:59:59Z,rep",
            "M2,A7,smb,1,2025-10-22T00:00:00Z,rep",
            "M3,A8,smb,1,2025-10-21T00:00:00Z,rep",
            "M1,A9,smb,1,2023-11-02T00:00:00Z,rep",
            "M0,A10,smb,1,2023-11-01T12:00:00Z,rep",
        ])
    }

    #[test]
    fn period_trailing_mature_and_survival_edges() {
        let run = deals().run("2026-10");
        // period: P1 (first day), P2 (last day, before A).
        assert_eq!(run.get("cohort/period_deals"), 2);
        // trailing: P1, P2, P3, T1 (2025-11-01 = period end − 364, inclusive).
        assert_eq!(run.get("cohort/trailing_deals"), 4);
        // mature: T0 (2025-10-31 = as_of − 365), M2, M3, M1 (2023-11-02); not M0 (lower
        // bound 2023-11-01 is exclusive).
        assert_eq!(run.get("cohort/mature_deals"), 4);
        // survival: every deal with C < A: 9 of the 10 rows (X1 excluded).
        assert_eq!(run.get("cohort/survival_deals"), 9);
    }

    /// A run of rows is sliced, anything else filtered: the same rows either way, nulls
    /// in no cohort.
    #[test]
    fn rows_between_slices_a_run_and_filters_the_rest() {
        use super::rows_between;
        use polars::prelude::*;
        let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        let frame = |days: &[Option<&str>]| {
            let epoch: Vec<Option<i32>> = days
                .iter()
                .map(|d| d.map(|d| super::epoch_days(day(d))))
                .collect();
            let id: Vec<i64> = (0..days.len() as i64).collect();
            let date = Int32Chunked::new("d".into(), epoch).into_date();
            df!("id" => id)
                .unwrap()
                .hstack(&[date
                    .into_series()
                    .with_name(crate::schema::CLOSE_DATE.into())
                    .into()])
                .unwrap()
        };
        let ids = |df: &DataFrame| -> Vec<i64> {
            df.column("id")
                .unwrap()
                .i64()
                .unwrap()
                .into_no_null_iter()
                .collect()
        };
        let (lo, hi) = (day("2026-01-02"), day("2026-01-03"));
        // Sorted, nulls first: a slice sharing the frame's memory.
        let sorted = frame(&[
            None,
            Some("2026-01-01"),
            Some("2026-01-02"),
            Some("2026-01-03"),
            Some("2026-01-04"),
        ]);
        let got = rows_between(&sorted, lo, hi).unwrap();
        assert_eq!(ids(&got), [2, 3]);
        // Out of order: filtered.
        let shuffled = frame(&[
            Some("2026-01-03"),
            Some("2026-01-05"),
            None,
            Some("2026-01-02"),
        ]);
        assert_eq!(ids(&rows_between(&shuffled, lo, hi).unwrap()), [0, 3]);
        // No row in range.
        assert_eq!(
            rows_between(&shuffled, day("2027-01-01"), day("2027-02-01"))
                .unwrap()
                .height(),
            0
        );
    }

    #[test]
    fn churn_lookback_moves_the_mature_lower_bound() {
        // lookback 10: date(C) in (2025-10-21, 2025-10-31] → T0, M2 (M3 on the open bound).
        let run = deals().config("churn_lookback_days = 10\n").run("2026-10");
        assert_eq!(run.get("cohort/mature_deals"), 2);
    }

    #[test]
    fn quarterly_period_and_its_trailing_year() {
        let run = deals().run("2026-Q3");
        // 2026-07-01..2026-09-30: P3 only.
        assert_eq!(run.get("cohort/period_deals"), 1);
        // [2025-10-01, 2026-09-30]: P3, T1, T0, M2, M3.
        assert_eq!(run.get("cohort/trailing_deals"), 5);
        // The mature cohort depends on the as-of date only.
        assert_eq!(run.get("cohort/mature_deals"), 4);
    }
}
