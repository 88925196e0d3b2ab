//! SPEC §4.4 quality score and bands over the period cohort, and CS acceptance.

use polars::prelude::*;
use serde_json::{json, Value};

use super::{f64s, frame, num, rate, strs, Ctx};
use crate::schema as s;
use crate::stats;

pub struct Quality {
    pub json: Value,
    pub bands_table: DataFrame,
}

pub fn quality(cohort: &DataFrame) -> anyhow::Result<Quality> {
    let scores: Vec<f64> = f64s(cohort, s::QUALITY_SCORE)?
        .into_iter()
        .flatten()
        .collect();
    let bands = strs(cohort, s::QUALITY_BAND)?;
    let counts: Vec<u64> = s::BANDS
        .iter()
        .map(|b| bands.iter().filter(|x| x.as_deref() == Some(*b)).count() as u64)
        .collect();
    let total: u64 = counts.iter().sum();
    let mut band_json = serde_json::Map::new();
    for (b, n) in s::BANDS.iter().zip(&counts) {
        band_json.insert(b.to_string(), json!(n));
    }
    let table = frame(vec![
        Column::new("band".into(), s::BANDS.to_vec()),
        Column::new("deals".into(), counts.clone()),
        Column::new(
            "share".into(),
            counts.iter().map(|n| rate(*n, total)).collect::<Vec<_>>(),
        ),
    ])?;
    Ok(Quality {
        json: json!({
            "mean": num(stats::mean(&scores)),
            "median": num(stats::quantile_linear(&scores, 0.5)),
            "bands": band_json,
        }),
        bands_table: table,
    })
}

/// Acceptance: accepted / rows with a value, over the period cohort's handoff records.
pub fn acceptance(ctx: &Ctx, cohort: &DataFrame) -> anyhow::Result<Value> {
    if !ctx.has(s::HANDOFFS) {
        return Ok(Value::Null);
    }
    let values = strs(cohort, s::CS_ACCEPTANCE)?;
    let count = |k: &str| values.iter().filter(|v| v.as_deref() == Some(k)).count() as u64;
    let (a, r, n) = (
        count("accepted"),
        count("rejected"),
        count("needs_revision"),
    );
    Ok(json!({
        "accepted": a,
        "rejected": r,
        "needs_revision": n,
        "rate": num(rate(a, a + r + n)),
    }))
}
