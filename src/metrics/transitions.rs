//! METRICS.md §4.11 account ownership transitions in the period: counts by kind, planned and
//! joint-meeting shares, satisfaction and knowledge-transfer completeness, health change at
//! +30/60/90 days, and churn within 180 days after the transition (planned vs unplanned).

use std::collections::HashMap;

use indexmap::IndexMap;
use polars::prelude::*;
use serde::{Deserialize, Serialize};

use super::cohort::epoch_days;
use super::snapshots::GroupMean;
use super::typed::MetricSection;
use super::{bools, f64s, group_rows, rate, strs, Ctx};
use crate::ingest::keys::DEAL_KEY;
use crate::schema as s;
use crate::stats::{self, Z95};

/// The transition kinds in report order.
pub const KINDS: [&str; 4] = ["sales_to_cs", "sales_to_am", "rep_to_rep", "team_to_team"];

/// Mean health change from the transition to +30/60/90 days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HealthChange {
    pub day_30: GroupMean,
    pub day_60: GroupMean,
    pub day_90: GroupMean,
}

/// Churn within 180 days of a group of transitions, with its 95% Wilson interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Churn180 {
    pub n: u64,
    pub churned: u64,
    pub rate: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
}

/// Churn within 180 days, planned vs unplanned transitions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChurnAfter {
    pub planned: Churn180,
    pub unplanned: Churn180,
}

/// METRICS.md §4.11 over the period's transitions (null without a transitions table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transitions {
    pub count: u64,
    /// Transitions per kind, [`KINDS`] order first.
    pub by_kind: IndexMap<String, u64>,
    pub planned_share: Option<f64>,
    pub joint_meeting_share: Option<f64>,
    pub satisfaction_mean: Option<f64>,
    pub satisfaction_target: f64,
    pub kt_completeness_mean: Option<f64>,
    pub kt_complete_share: Option<f64>,
    /// Null without a health table.
    pub health_change: Option<HealthChange>,
    /// Null without a renewals table.
    pub churn_180d: Option<ChurnAfter>,
}

impl MetricSection for Transitions {
    const KEY: &'static str = "transitions";
}

/// The section and the `transitions` table.
pub struct TransitionsOut {
    pub section: Option<Transitions>,
    pub tables: Vec<(String, DataFrame)>,
}

/// The rows of `health` that [`transitions`] can read: those of the deals (by the dense
/// deal key ingest gives every account-table row) of accounts with a transition in
/// `transitions` (any period), in their order (ties between equal dates go to the later
/// row, so the order is kept); none without a transitions table.
pub fn health_rows_read(
    health: &DataFrame,
    transitions: Option<&DataFrame>,
) -> PolarsResult<DataFrame> {
    let Some(t) = transitions else {
        return Ok(health.clear());
    };
    let wanted = DealSet::new(t.column(DEAL_KEY)?.idx()?.iter().flatten());
    let keep: BooleanChunked = health
        .column(DEAL_KEY)?
        .idx()?
        .iter()
        .map(|k| k.is_some_and(|k| wanted.contains(k)))
        .collect();
    health.filter(&keep)
}

/// A set of dense deal keys (row numbers of the used deals): a flag per key, no hashing.
struct DealSet(Vec<bool>);

impl DealSet {
    fn new(keys: impl Iterator<Item = IdxSize>) -> DealSet {
        let mut flags = Vec::new();
        for key in keys {
            let key = key as usize;
            if key >= flags.len() {
                flags.resize(key + 1, false);
            }
            flags[key] = true;
        }
        DealSet(flags)
    }

    fn contains(&self, key: IdxSize) -> bool {
        self.0.get(key as usize).copied().unwrap_or(false)
    }
}

pub fn transitions(ctx: &Ctx) -> anyhow::Result<TransitionsOut> {
    let Some(t) = ctx.ing.lazy(s::TRANSITIONS) else {
        return Ok(TransitionsOut {
            section: None,
            tables: Vec::new(),
        });
    };
    let day = col(s::TRANSITIONED_AT).dt().date().cast(DataType::Int32);
    let (lo, hi) = (epoch_days(ctx.period.start), epoch_days(ctx.period.end));
    let df = t
        .with_column(day.alias("_day"))
        .filter(col("_day").gt_eq(lit(lo)).and(col("_day").lt_eq(lit(hi))))
        .sort(
            [s::TRANSITIONED_AT, s::LINE],
            SortMultipleOptions::default(),
        )
        .collect()?;
    let n = df.height() as u64;
    let planned = bools(&df, s::PLANNED)?;
    let joint = bools(&df, s::JOINT_MEETING)?;
    let sat: Vec<f64> = f64s(&df, s::SATISFACTION)?.into_iter().flatten().collect();
    let kt: Vec<f64> = f64s(&df, s::KT_COMPLETENESS)?
        .into_iter()
        .flatten()
        .collect();
    let kinds = strs(&df, s::KIND)?;
    let mut by_kind = IndexMap::new();
    for (k, rows) in group_rows(&kinds, &KINDS) {
        by_kind.insert(k, rows.len() as u64);
    }
    let share = |v: &[bool]| rate(v.iter().filter(|x| **x).count() as u64, n);
    let kt_full = kt.iter().filter(|x| **x >= 95.0).count() as u64;

    // Health change and churn after each transition.
    // Health and renewal rows are found by the dense deal key (account and deal are one to
    // one among used rows): a report without custom queries drops the snapshot tables'
    // account ids.
    let deals: Vec<Option<IdxSize>> = df.column(DEAL_KEY)?.idx()?.iter().collect();
    let days: Vec<i32> = df
        .column("_day")?
        .i32()?
        .iter()
        .map(|d| d.unwrap_or(0))
        .collect();
    let as_of = epoch_days(ctx.params.as_of);
    let wanted = DealSet::new(deals.iter().flatten().copied());
    // Per deal of the period's transitions: (day, row, value) of its health snapshots.
    let mut health: HashMap<IdxSize, Vec<(i32, usize, f64)>> = HashMap::new();
    let has_health = ctx.has(s::HEALTH);
    if let Some(h) = ctx.ing.tables.get(s::HEALTH) {
        // The health table is millions of rows: walk its columns in place and copy only
        // the deals that transitioned.
        let k = h.column(DEAL_KEY)?.idx()?;
        let d = h.column(s::SNAPSHOT_DATE)?.cast(&DataType::Int32)?;
        let v = h.column(s::HEALTH_SCORE)?.cast(&DataType::Float64)?;
        let rows = k.iter().zip(d.i32()?.iter()).zip(v.f64()?.iter());
        for (i, ((key, day), val)) in rows.enumerate() {
            if let (Some(key), Some(day), Some(val)) = (key, day, val) {
                if wanted.contains(key) {
                    health.entry(key).or_default().push((day, i, val));
                }
            }
        }
    }
    let latest = |deal: IdxSize, day: i32| -> Option<f64> {
        health
            .get(&deal)?
            .iter()
            .filter(|(d, _, _)| *d <= day && *d > day - 14)
            .max_by_key(|(d, i, _)| (*d, *i))
            .map(|x| x.2)
    };
    let mut health_change = Vec::new();
    if has_health {
        for off in [30, 60, 90] {
            let diffs: Vec<f64> = (0..df.height())
                .filter(|&i| days[i] + off <= as_of)
                .filter_map(|i| {
                    let deal = deals[i]?;
                    Some(latest(deal, days[i] + off)? - latest(deal, days[i])?)
                })
                .collect();
            health_change.push(GroupMean {
                n: diffs.len() as u64,
                mean: stats::mean(&diffs),
            });
        }
    }
    let health_change = match health_change[..] {
        [day_30, day_60, day_90] => Some(HealthChange {
            day_30,
            day_60,
            day_90,
        }),
        _ => None,
    };
    let churn_after = match ctx.ing.tables.get(s::RENEWALS) {
        Some(r) => {
            let rk = r.column(DEAL_KEY)?.idx()?;
            let rd = r.column(s::EVENT_DATE)?.cast(&DataType::Int32)?;
            let re = r.column(s::EVENT)?.cast(&DataType::String)?;
            let mut churns: HashMap<IdxSize, Vec<i32>> = HashMap::new();
            let rows = rk.iter().zip(rd.i32()?.iter()).zip(re.str()?.iter());
            for ((key, day), event) in rows {
                if let (Some(key), Some(day), Some("churn")) = (key, day, event) {
                    if wanted.contains(key) {
                        churns.entry(key).or_default().push(day);
                    }
                }
            }
            let mut groups = Vec::new();
            for want in [true, false] {
                let idx: Vec<usize> = (0..df.height())
                    .filter(|&i| planned[i] == want && days[i] + 180 <= as_of)
                    .collect();
                let churned = idx
                    .iter()
                    .filter(|&&i| {
                        deals[i]
                            .and_then(|k| churns.get(&k))
                            .is_some_and(|v| v.iter().any(|d| *d > days[i] && *d <= days[i] + 180))
                    })
                    .count() as u64;
                let k = idx.len() as u64;
                let ci = stats::wilson(churned, k, Z95);
                groups.push(Churn180 {
                    n: k,
                    churned,
                    rate: rate(churned, k),
                    ci_low: ci.map(|c| c.0),
                    ci_high: ci.map(|c| c.1),
                });
            }
            let unplanned = groups.pop();
            groups
                .pop()
                .zip(unplanned)
                .map(|(planned, unplanned)| ChurnAfter { planned, unplanned })
        }
        None => None,
    };
    let section = Transitions {
        count: n,
        by_kind,
        planned_share: share(&planned),
        joint_meeting_share: share(&joint),
        satisfaction_mean: stats::mean(&sat),
        satisfaction_target: 4.5,
        kt_completeness_mean: stats::mean(&kt),
        kt_complete_share: rate(kt_full, kt.len() as u64),
        health_change,
        churn_180d: churn_after,
    };
    let table = df
        .lazy()
        .select([
            col(s::ACCOUNT_ID),
            col(s::TRANSITIONED_AT).dt().date().alias("date"),
            col(s::FROM_OWNER),
            col(s::TO_OWNER),
            col(s::KIND),
            col(s::PLANNED),
            col(s::JOINT_MEETING),
            col(s::KT_COMPLETENESS),
            col(s::SATISFACTION),
        ])
        .collect()?;
    Ok(TransitionsOut {
        section: Some(section),
        tables: vec![("transitions".into(), table)],
    })
}

#[cfg(test)]
mod tests;
