//! SPEC §4.11 account ownership transitions in the period: counts by kind, planned and
//! joint-meeting shares, satisfaction and knowledge-transfer completeness, health change at
//! +30/60/90 days, and churn within 180 days after the transition (planned vs unplanned).

use std::collections::HashMap;

use polars::prelude::*;
use serde_json::{json, Map, Value};

use super::cohort::epoch_days;
use super::{bools, f64s, group_rows, num, rate, strs, Ctx};
use crate::schema as s;
use crate::stats::{self, Z95};

pub struct Transitions {
    pub json: Value,
    pub tables: Vec<(String, DataFrame)>,
}

pub fn transitions(ctx: &Ctx) -> anyhow::Result<Transitions> {
    let Some(t) = ctx.ing.lazy(s::TRANSITIONS) else {
        return Ok(Transitions {
            json: Value::Null,
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
    let mut by_kind = Map::new();
    for (k, rows) in group_rows(
        &kinds,
        &["sales_to_cs", "sales_to_am", "rep_to_rep", "team_to_team"],
    ) {
        by_kind.insert(k, json!(rows.len()));
    }
    let share = |v: &[bool]| rate(v.iter().filter(|x| **x).count() as u64, n);
    let kt_full = kt.iter().filter(|x| **x >= 95.0).count() as u64;

    // Health change and churn after each transition.
    let accounts = strs(&df, s::ACCOUNT_ID)?;
    let days: Vec<i32> = df
        .column("_day")?
        .i32()?
        .iter()
        .map(|d| d.unwrap_or(0))
        .collect();
    let as_of = epoch_days(ctx.params.as_of);
    let wanted: std::collections::HashSet<&str> =
        accounts.iter().flatten().map(String::as_str).collect();
    // Per account in the period's transitions: (day, value) of health snapshots and churn days.
    let mut health: HashMap<String, Vec<(i32, usize, f64)>> = HashMap::new();
    let has_health = ctx.has(s::HEALTH);
    if let Some(h) = ctx.ing.tables.get(s::HEALTH) {
        let a = strs(h, s::ACCOUNT_ID)?;
        let d = h.column(s::SNAPSHOT_DATE)?.cast(&DataType::Int32)?;
        let v = f64s(h, s::HEALTH_SCORE)?;
        for (i, (acct, day)) in a.iter().zip(d.i32()?.iter()).enumerate() {
            if let (Some(acct), Some(day), Some(val)) = (acct, day, v[i]) {
                if wanted.contains(acct.as_str()) {
                    health.entry(acct.clone()).or_default().push((day, i, val));
                }
            }
        }
    }
    let latest = |acct: &str, day: i32| -> Option<f64> {
        health
            .get(acct)?
            .iter()
            .filter(|(d, _, _)| *d <= day && *d > day - 14)
            .max_by_key(|(d, i, _)| (*d, *i))
            .map(|x| x.2)
    };
    let mut health_change = Map::new();
    if has_health {
        for off in [30, 60, 90] {
            let diffs: Vec<f64> = (0..df.height())
                .filter(|&i| days[i] + off <= as_of)
                .filter_map(|i| {
                    let acct = accounts[i].as_deref()?;
                    Some(latest(acct, days[i] + off)? - latest(acct, days[i])?)
                })
                .collect();
            health_change.insert(
                format!("day_{off}"),
                json!({"n": diffs.len(), "mean": num(stats::mean(&diffs))}),
            );
        }
    }
    let churn_after = match ctx.ing.tables.get(s::RENEWALS) {
        Some(r) => {
            let ra = strs(r, s::ACCOUNT_ID)?;
            let rd = r.column(s::EVENT_DATE)?.cast(&DataType::Int32)?;
            let re = strs(r, s::EVENT)?;
            let mut churns: HashMap<String, Vec<i32>> = HashMap::new();
            for (j, day) in rd.i32()?.iter().enumerate() {
                if let (Some(acct), Some(day)) = (&ra[j], day) {
                    if re[j].as_deref() == Some("churn") && wanted.contains(acct.as_str()) {
                        churns.entry(acct.clone()).or_default().push(day);
                    }
                }
            }
            let mut m = Map::new();
            for (label, want) in [("planned", true), ("unplanned", false)] {
                let idx: Vec<usize> = (0..df.height())
                    .filter(|&i| planned[i] == want && days[i] + 180 <= as_of)
                    .collect();
                let churned = idx
                    .iter()
                    .filter(|&&i| {
                        accounts[i]
                            .as_ref()
                            .and_then(|a| churns.get(a))
                            .is_some_and(|v| v.iter().any(|d| *d > days[i] && *d <= days[i] + 180))
                    })
                    .count() as u64;
                let k = idx.len() as u64;
                let ci = stats::wilson(churned, k, Z95);
                m.insert(label.to_string(), json!({"n": k, "churned": churned, "rate": num(rate(churned, k)), "ci_low": num(ci.map(|c| c.0)), "ci_high": num(ci.map(|c| c.1))}));
            }
            Value::Object(m)
        }
        None => Value::Null,
    };
    let json = json!({
        "count": n,
        "by_kind": by_kind,
        "planned_share": num(share(&planned)),
        "joint_meeting_share": num(share(&joint)),
        "satisfaction_mean": num(stats::mean(&sat)),
        "satisfaction_target": 4.5,
        "kt_completeness_mean": num(stats::mean(&kt)),
        "kt_complete_share": num(rate(kt_full, kt.len() as u64)),
        "health_change": if has_health { Value::Object(health_change) } else { Value::Null },
        "churn_180d": churn_after,
    });
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
    Ok(Transitions {
        json,
        tables: vec![("transitions".into(), table)],
    })
}
