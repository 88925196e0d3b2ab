//! SPEC §4.5 information completeness: mean per-handoff completeness and the fill rate of
//! each required field over the period cohort's handoff records, most-missing first.

use polars::prelude::*;
use serde_json::{json, Map, Value};

use super::{bools, f64s, frame, num, Ctx};
use crate::schema as s;
use crate::stats;

pub struct Completeness {
    pub json: Value,
    pub table: DataFrame,
}

pub fn completeness(ctx: &Ctx, cohort: &DataFrame) -> anyhow::Result<Completeness> {
    if !ctx.has(s::HANDOFFS) {
        return Ok(Completeness {
            json: Value::Null,
            table: frame(vec![
                Column::new("field".into(), Vec::<String>::new()),
                Column::new("fill_rate".into(), Vec::<f64>::new()),
            ])?,
        });
    }
    let has = bools(cohort, s::HAS_HANDOFF)?;
    let records = has.iter().filter(|h| **h).count();
    let values: Vec<f64> = f64s(cohort, s::COMPLETENESS)?
        .into_iter()
        .flatten()
        .collect();
    let mut fields = Map::new();
    let mut rows: Vec<(String, Option<f64>)> = Vec::new();
    for f in &ctx.params.settings.required_fields {
        let filled = bools(cohort, &format!("{f}_filled"))?;
        let k = filled.iter().zip(&has).filter(|(x, h)| **x && **h).count() as u64;
        let r = super::rate(k, records as u64);
        fields.insert(f.clone(), num(r));
        rows.push((f.clone(), r));
    }
    // Most often missing first; ties in the order of SPEC §3.
    let mut ranked = rows.clone();
    ranked.sort_by(|a, b| {
        a.1.unwrap_or(1.0)
            .partial_cmp(&b.1.unwrap_or(1.0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let table = frame(vec![
        Column::new(
            "field".into(),
            ranked.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "fill_rate".into(),
            ranked.iter().map(|r| r.1).collect::<Vec<_>>(),
        ),
        Column::new(
            "missing_rate".into(),
            ranked
                .iter()
                .map(|r| r.1.map(|x| 1.0 - x))
                .collect::<Vec<_>>(),
        ),
    ])?;
    Ok(Completeness {
        json: json!({
            "mean": num(stats::mean(&values)),
            "handoff_records": records,
            "fields": fields,
        }),
        table,
    })
}
