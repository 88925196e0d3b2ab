//! SPEC §4.8 satisfaction over the trailing cohort: CSAT mean by band for the day-30 and
//! day-90 waves, NPS by band over both waves' responses, and the deals with CSAT ≤ 2 that
//! need a retroactive handoff review.

use polars::prelude::*;
use serde_json::{json, Map, Value};

use super::snapshots::group_mean;
use super::{f64s, frame, group_rows, num, strs, Ctx};
use crate::schema as s;

pub struct Satisfaction {
    pub json: Value,
    pub table: DataFrame,
    pub review: DataFrame,
}

pub fn satisfaction(ctx: &Ctx, cohort: &DataFrame) -> anyhow::Result<Satisfaction> {
    let empty_review = || {
        frame(vec![
            Column::new("deal_id".into(), Vec::<String>::new()),
            Column::new("account_name".into(), Vec::<String>::new()),
            Column::new("sales_rep".into(), Vec::<String>::new()),
            Column::new("quality_band".into(), Vec::<String>::new()),
            Column::new("wave".into(), Vec::<String>::new()),
            Column::new("csat".into(), Vec::<f64>::new()),
        ])
    };
    if !ctx.has(s::SURVEYS) {
        return Ok(Satisfaction {
            json: Value::Null,
            table: frame(vec![Column::new("band".into(), Vec::<String>::new())])?,
            review: empty_review()?,
        });
    }
    let mut m = Map::new();
    let mut table: Vec<(String, String, u32, Option<f64>)> = Vec::new();
    for wave in ["30", "90"] {
        let column = format!("csat_day_{wave}");
        let mut groups = Map::new();
        for (g, n, mean) in group_mean(cohort, s::QUALITY_BAND, &column, &s::BANDS)? {
            groups.insert(g.clone(), json!({"n": n, "mean": num(mean)}));
            table.push((format!("csat_day_{wave}"), g, n, mean));
        }
        m.insert(column, json!({ "by_band": groups }));
    }
    let bands = strs(cohort, s::QUALITY_BAND)?;
    let n30 = f64s(cohort, "nps_day_30")?;
    let n90 = f64s(cohort, "nps_day_90")?;
    let mut groups = Map::new();
    for (g, rows) in group_rows(&bands, &s::BANDS) {
        let responses: Vec<f64> = rows
            .iter()
            .flat_map(|&i| [n30[i], n90[i]])
            .flatten()
            .collect();
        if responses.is_empty() {
            continue;
        }
        let n = responses.len() as f64;
        let promoters = responses.iter().filter(|x| **x >= 9.0).count() as f64;
        let detractors = responses.iter().filter(|x| **x <= 6.0).count() as f64;
        let nps = 100.0 * (promoters / n - detractors / n);
        groups.insert(g.clone(), json!({"n": responses.len(), "nps": nps}));
        table.push(("nps".into(), g, responses.len() as u32, Some(nps)));
    }
    m.insert("nps".into(), json!({ "by_band": groups }));
    let waves: Vec<LazyFrame> = ["30", "90"]
        .iter()
        .map(|w| {
            let c = format!("csat_day_{w}");
            cohort
                .clone()
                .lazy()
                .filter(col(c.as_str()).lt_eq(lit(2.0)))
                .select([
                    col(s::DEAL_ID),
                    col(s::ACCOUNT_NAME),
                    col(s::SALES_REP),
                    col(s::QUALITY_BAND),
                    lit(format!("day_{w}")).alias("wave"),
                    col(c.as_str()).alias("csat"),
                ])
        })
        .collect();
    let review = concat(waves, UnionArgs::default())?
        .sort(["csat", s::DEAL_ID], SortMultipleOptions::default())
        .collect()?;
    Ok(Satisfaction {
        json: Value::Object(m),
        table: frame(vec![
            Column::new(
                "measure".into(),
                table.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
            ),
            Column::new(
                "band".into(),
                table.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(),
            ),
            Column::new("n".into(), table.iter().map(|r| r.2).collect::<Vec<_>>()),
            Column::new(
                "value".into(),
                table.iter().map(|r| r.3).collect::<Vec<_>>(),
            ),
        ])?,
        review,
    })
}
