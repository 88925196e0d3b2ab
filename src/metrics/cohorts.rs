//! METRICS.md §4.15 first-year churn by close-quarter cohort: the mature cohort grouped by the
//! calendar quarter of date(C) and quality band, so a reader can see whether churn moved
//! between cohorts of deals rather than only in the pooled rate.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::churn::finite;
use super::typed::MetricSection;
use super::{bools, frame, rate};
use crate::schema as s;
use crate::vocab::Band;

/// One (quarter, band) cell with deals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuarterBand {
    /// `YYYY-Qn` of the close date.
    pub quarter: String,
    pub band: Band,
    pub n: u64,
    pub churned: u64,
    /// churned ÷ n.
    pub rate: Option<f64>,
}

/// METRICS.md §4.15 (`metrics.json` → `churn_cohorts`): cells by quarter, then band order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ChurnCohorts(pub Vec<QuarterBand>);

impl MetricSection for ChurnCohorts {
    const KEY: &'static str = "churn_cohorts";
}

/// `YYYY-Qn` of a date.
pub fn quarter_label(d: NaiveDate) -> String {
    format!("{}-Q{}", d.year(), d.month0() / 3 + 1)
}

pub struct Cohorts {
    pub json: Value,
    pub cells: Vec<QuarterBand>,
    pub table: DataFrame,
}

/// METRICS.md §4.15 over the mature cohort (the caller returns null without renewals).
pub fn churn_cohorts(mature: &DataFrame) -> anyhow::Result<Cohorts> {
    let dates = mature.column(s::CLOSE_DATE)?.cast(&DataType::Int32)?;
    let bands = super::strs(mature, s::QUALITY_BAND)?;
    let churned = bools(mature, s::CHURNED_1Y)?;
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    // (quarter, band) → (deals, churned); the key order (band in report order) is the output
    // order.
    let mut groups: BTreeMap<(String, Band), (u64, u64)> = BTreeMap::new();
    for (i, d) in dates.i32()?.iter().enumerate() {
        let (Some(d), Some(band)) = (d, bands[i]) else {
            continue;
        };
        let Ok(band) = band.parse::<Band>() else {
            continue;
        };
        let Some(date) = epoch.checked_add_signed(chrono::Duration::days(d as i64)) else {
            continue;
        };
        let cell = groups.entry((quarter_label(date), band)).or_default();
        cell.0 += 1;
        cell.1 += churned[i] as u64;
    }
    let cells: Vec<QuarterBand> = groups
        .into_iter()
        .map(|((quarter, band), (n, churned))| QuarterBand {
            quarter,
            band,
            n,
            churned,
            rate: rate(churned, n).and_then(finite),
        })
        .collect();
    let json = ChurnCohorts(cells.clone()).json();
    let table = frame(vec![
        Column::new(
            "quarter".into(),
            cells.iter().map(|c| c.quarter.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "band".into(),
            cells.iter().map(|c| c.band.as_str()).collect::<Vec<_>>(),
        ),
        Column::new("n".into(), cells.iter().map(|c| c.n).collect::<Vec<_>>()),
        Column::new(
            "churned".into(),
            cells.iter().map(|c| c.churned).collect::<Vec<_>>(),
        ),
        Column::new(
            "churn_rate".into(),
            cells.iter().map(|c| c.rate).collect::<Vec<_>>(),
        ),
    ])?;
    Ok(Cohorts { json, cells, table })
}
