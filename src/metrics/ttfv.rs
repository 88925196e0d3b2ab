//! SPEC §4.6 time to first value over the trailing cohort, by segment, ACV band and quality
//! band: descriptive statistics over the deals that reached value and a Kaplan–Meier
//! estimate over all of them (not reached = censored at `A − C`). Also the KM curves by band
//! for the chart.

use polars::prelude::*;
use serde_json::{json, Map, Value};

use super::{f64s, frame, group_rows, num, strs, Ctx};
use crate::model::acv_band_labels;
use crate::schema as s;
use crate::stats::{self, KaplanMeier};

pub struct Ttfv {
    pub json: Value,
    pub tables: Vec<(String, DataFrame)>,
}

/// One group's statistics as JSON and as a table row.
fn group_stats(
    ttfv: &[Option<f64>],
    followup: &[Option<f64>],
    rows: &[usize],
) -> (Value, Vec<Option<f64>>, KaplanMeier) {
    let reached: Vec<f64> = rows.iter().filter_map(|&i| ttfv[i]).collect();
    let times: Vec<f64> = rows
        .iter()
        .map(|&i| ttfv[i].or(followup[i]).unwrap_or(0.0))
        .collect();
    let events: Vec<bool> = rows.iter().map(|&i| ttfv[i].is_some()).collect();
    let km = KaplanMeier::fit(&times, &events);
    let q = |p| stats::quantile_linear(&reached, p);
    let by = |d: f64| 1.0 - km.survival_at(d);
    let vals = vec![
        Some(rows.len() as f64),
        Some(reached.len() as f64),
        stats::mean(&reached),
        q(0.5),
        q(0.25),
        q(0.75),
        q(0.9),
        km.median(),
        Some(by(30.0)),
        Some(by(60.0)),
        Some(by(90.0)),
    ];
    let j = json!({
        "n": rows.len(),
        "reached": reached.len(),
        "mean": num(vals[2]),
        "median": num(vals[3]),
        "p25": num(vals[4]),
        "p75": num(vals[5]),
        "p90": num(vals[6]),
        "km_median": num(vals[7]),
        "km_reached_by_30": num(vals[8]),
        "km_reached_by_60": num(vals[9]),
        "km_reached_by_90": num(vals[10]),
    });
    (j, vals, km)
}

const STAT_COLUMNS: [&str; 11] = [
    "n",
    "reached",
    "mean",
    "median",
    "p25",
    "p75",
    "p90",
    "km_median",
    "km_reached_by_30",
    "km_reached_by_60",
    "km_reached_by_90",
];

pub fn ttfv(ctx: &Ctx, cohort: &DataFrame) -> anyhow::Result<Ttfv> {
    if !ctx.has(s::MILESTONES) {
        return Ok(Ttfv {
            json: Value::Null,
            tables: Vec::new(),
        });
    }
    let ttfv = f64s(cohort, s::TTFV_DAYS)?;
    let followup = f64s(cohort, s::FOLLOWUP_DAYS)?;
    let acv_labels = acv_band_labels(ctx.params.settings.acv_band_edges);
    let acv_order: Vec<&str> = acv_labels.iter().map(String::as_str).collect();
    let mut out = Map::new();
    let mut tables = Vec::new();
    let mut curves: Vec<(String, f64, f64)> = Vec::new();
    for (key, column, order) in [
        ("by_segment", s::SEGMENT, &s::SEGMENTS[..]),
        ("by_acv_band", s::ACV_BAND, &acv_order[..]),
        ("by_quality_band", s::QUALITY_BAND, &s::BANDS[..]),
    ] {
        let keys = strs(cohort, column)?;
        let mut groups = Map::new();
        let mut names = Vec::new();
        let mut cols: Vec<Vec<Option<f64>>> = vec![Vec::new(); STAT_COLUMNS.len()];
        for (g, rows) in group_rows(&keys, order) {
            let (j, vals, km) = group_stats(&ttfv, &followup, &rows);
            groups.insert(g.clone(), j);
            for (c, v) in cols.iter_mut().zip(vals) {
                c.push(v);
            }
            if column == s::QUALITY_BAND {
                curves.push((g.clone(), 0.0, 1.0));
                for (t, sv) in km.steps() {
                    curves.push((g.clone(), *t, *sv));
                }
            }
            names.push(g);
        }
        out.insert(key.to_string(), Value::Object(groups));
        let mut columns = vec![Column::new("group".into(), names)];
        for (name, c) in STAT_COLUMNS.iter().zip(cols) {
            columns.push(Column::new((*name).into(), c));
        }
        tables.push((format!("ttfv_{key}"), frame(columns)?));
    }
    tables.push((
        "ttfv_km_curves".into(),
        frame(vec![
            Column::new(
                "band".into(),
                curves.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
            ),
            Column::new("day".into(), curves.iter().map(|c| c.1).collect::<Vec<_>>()),
            Column::new(
                "share_not_reached".into(),
                curves.iter().map(|c| c.2).collect::<Vec<_>>(),
            ),
        ])?,
    ));
    Ok(Ttfv {
        json: Value::Object(out),
        tables,
    })
}
