//! SPEC §4.1 cohorts. Each is a filter on the date of `closed_at` over the fact table,
//! collected once and shared by the sections that use it.

use chrono::{Days, NaiveDate};
use polars::prelude::*;
use serde_json::{json, Value};

use super::Ctx;
pub use crate::ingest::parse::epoch_days;
use crate::period::Period;
use crate::schema as s;

/// `lo <= date(C) <= hi` as a lazy filter.
pub fn close_between(lf: LazyFrame, lo: NaiveDate, hi: NaiveDate) -> LazyFrame {
    let d = col(s::CLOSE_DATE).cast(DataType::Int32);
    lf.filter(
        d.clone()
            .gt_eq(lit(epoch_days(lo)))
            .and(d.lt_eq(lit(epoch_days(hi)))),
    )
}

/// The period cohort of any period.
pub fn period_cohort(ctx: &Ctx, p: Period) -> PolarsResult<DataFrame> {
    close_between(ctx.lf(), p.start, p.end).collect()
}

pub struct Cohorts {
    pub period: DataFrame,
    pub trailing: DataFrame,
    pub mature: DataFrame,
    pub survival: DataFrame,
}

impl Cohorts {
    pub fn new(ctx: &Ctx) -> PolarsResult<Cohorts> {
        let p = ctx.period;
        let as_of = ctx.params.as_of;
        let lookback = ctx.params.settings.churn_lookback_days.max(0) as u64;
        let trailing_start = p.end - Days::new(364);
        let mature_hi = as_of - Days::new(365);
        // date(C) > as_of − 365 − lookback  ⇔  date(C) ≥ as_of − 365 − lookback + 1
        let mature_lo = as_of - Days::new(365 + lookback) + Days::new(1);
        Ok(Cohorts {
            period: period_cohort(ctx, p)?,
            trailing: close_between(ctx.lf(), trailing_start, p.end).collect()?,
            mature: close_between(ctx.lf(), mature_lo, mature_hi).collect()?,
            survival: ctx.facts.clone(),
        })
    }

    pub fn json(&self) -> Value {
        json!({
            "period_deals": self.period.height(),
            "trailing_deals": self.trailing.height(),
            "mature_deals": self.mature.height(),
            "survival_deals": self.survival.height(),
        })
    }
}
