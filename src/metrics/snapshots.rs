//! SPEC §4.7 early adoption (utilisation) and health at day 30/60/90 over the trailing
//! cohort, by quality band and by segment: mean and n of the deals that have a snapshot in
//! the window (a deal without one is missing, never zero).

use polars::prelude::*;
use serde_json::{json, Map, Value};

use super::{frame, num, Ctx};
use crate::schema as s;

pub struct Snapshots {
    pub adoption: Value,
    pub health: Value,
    pub table: DataFrame,
}

/// n and mean of `value` per group, in `order`, groups with n > 0 only.
pub fn group_mean(
    cohort: &DataFrame,
    key: &str,
    value: &str,
    order: &[&str],
) -> PolarsResult<Vec<(String, u32, Option<f64>)>> {
    let agg = cohort
        .clone()
        .lazy()
        .filter(col(value).is_not_null())
        .group_by([col(key)])
        .agg([
            col(value).count().alias("n"),
            col(value).mean().alias("mean"),
        ])
        .collect()?;
    let keys = super::strs(&agg, key)?;
    let ns = agg.column("n")?.cast(&DataType::UInt32)?;
    let ns = ns.u32()?;
    let means = super::f64s(&agg, "mean")?;
    let mut rows: Vec<(String, u32, Option<f64>)> = keys
        .into_iter()
        .zip(ns.iter())
        .zip(means)
        .filter_map(|((k, n), m)| Some((k?, n.unwrap_or(0), m)))
        .collect();
    rows.sort_by_key(|r| {
        (
            order.iter().position(|o| *o == r.0).unwrap_or(usize::MAX),
            r.0.clone(),
        )
    });
    Ok(rows)
}

fn section(
    cohort: &DataFrame,
    prefix: &str,
    table: &mut Vec<(String, String, String, u32, Option<f64>)>,
    metric: &str,
) -> PolarsResult<Value> {
    let mut m = Map::new();
    for n in [30, 60, 90] {
        let column = format!("{prefix}_{n}");
        let mut day = Map::new();
        for (key, by, order) in [
            ("by_band", s::QUALITY_BAND, &s::BANDS[..]),
            ("by_segment", s::SEGMENT, &s::SEGMENTS[..]),
        ] {
            let mut groups = Map::new();
            for (g, count, mean) in group_mean(cohort, by, &column, order)? {
                groups.insert(g.clone(), json!({"n": count, "mean": num(mean)}));
                if key == "by_band" {
                    table.push((metric.to_string(), format!("day_{n}"), g, count, mean));
                }
            }
            day.insert(key.to_string(), Value::Object(groups));
        }
        m.insert(format!("day_{n}"), Value::Object(day));
    }
    Ok(Value::Object(m))
}

pub fn snapshots(ctx: &Ctx, cohort: &DataFrame) -> anyhow::Result<Snapshots> {
    let mut rows = Vec::new();
    let adoption = if ctx.has(s::ADOPTION) {
        section(cohort, "utilisation", &mut rows, "utilisation")?
    } else {
        Value::Null
    };
    let health = if ctx.has(s::HEALTH) {
        section(cohort, "health", &mut rows, "health")?
    } else {
        Value::Null
    };
    let table = frame(vec![
        Column::new(
            "metric".into(),
            rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "day".into(),
            rows.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "band".into(),
            rows.iter().map(|r| r.2.as_str()).collect::<Vec<_>>(),
        ),
        Column::new("n".into(), rows.iter().map(|r| r.3).collect::<Vec<_>>()),
        Column::new("mean".into(), rows.iter().map(|r| r.4).collect::<Vec<_>>()),
    ])?;
    Ok(Snapshots {
        adoption,
        health,
        table,
    })
}
