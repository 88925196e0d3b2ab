//! SPEC §4.2 SLA attainment per activity and §4.3 completion, over the period cohort.

use polars::prelude::*;
use serde_json::{json, Map, Value};

use super::{frame, num, rate, strs};
use crate::schema::{self as s, sla_status};

pub struct Attainment {
    pub json: Value,
    pub table: DataFrame,
    pub rates: Vec<(String, Option<f64>)>,
}

fn status_counts(cohort: &DataFrame, column: &str, keys: [&str; 3]) -> PolarsResult<[u64; 3]> {
    let v = strs(cohort, column)?;
    Ok(keys.map(|k| v.iter().filter(|x| x.as_deref() == Some(k)).count() as u64))
}

pub fn attainment(cohort: &DataFrame) -> anyhow::Result<Attainment> {
    let mut m = Map::new();
    let mut rows: Vec<(String, u64, u64, u64, Option<f64>)> = Vec::new();
    for a in s::ACTIVITIES {
        let [met, missed, pending] =
            status_counts(cohort, &sla_status(a), ["met", "missed", "pending"])?;
        let r = rate(met, met + missed);
        m.insert(
            a.to_string(),
            json!({"met": met, "missed": missed, "pending": pending, "rate": num(r)}),
        );
        rows.push((a.to_string(), met, missed, pending, r));
    }
    let table = frame(vec![
        Column::new(
            "activity".into(),
            rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        ),
        Column::new("met".into(), rows.iter().map(|r| r.1).collect::<Vec<_>>()),
        Column::new(
            "missed".into(),
            rows.iter().map(|r| r.2).collect::<Vec<_>>(),
        ),
        Column::new(
            "pending".into(),
            rows.iter().map(|r| r.3).collect::<Vec<_>>(),
        ),
        Column::new(
            "attainment".into(),
            rows.iter().map(|r| r.4).collect::<Vec<_>>(),
        ),
    ])?;
    Ok(Attainment {
        json: Value::Object(m),
        table,
        rates: rows.into_iter().map(|r| (r.0, r.4)).collect(),
    })
}

pub struct Completion {
    pub json: Value,
    pub rate: Option<f64>,
    pub alert: bool,
}

pub fn completion(cohort: &DataFrame, target: f64) -> anyhow::Result<Completion> {
    let [complete, incomplete, pending] =
        status_counts(cohort, s::COMPLETION, ["complete", "incomplete", "pending"])?;
    let r = rate(complete, complete + incomplete);
    let alert = r.is_some_and(|r| r < target);
    Ok(Completion {
        json: json!({
            "complete": complete,
            "incomplete": incomplete,
            "pending": pending,
            "rate": num(r),
            "alert": alert,
            "target": target,
        }),
        rate: r,
        alert,
    })
}
