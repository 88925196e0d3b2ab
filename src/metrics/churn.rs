//! SPEC §4.9 first-year churn and expansion by quality band over the mature cohort, with
//! Wilson intervals, crude and Mantel–Haenszel (segment-adjusted) relative risk, the
//! chi-square test, the point-biserial correlation and ARR at stake; and retention by band
//! over the survival cohort (Kaplan–Meier curves, log-rank test). All correlational.

use polars::prelude::*;
use serde_json::{json, Map, Value};

use super::{bools, f64s, frame, group_rows, num, rate, strs, Ctx};
use crate::schema as s;
use crate::stats::{self, KaplanMeier, Z95};

pub struct Churn {
    pub churn: Value,
    pub expansion: Value,
    pub tables: Vec<(String, DataFrame)>,
}

/// band, n, churned, rate, ci_low, ci_high, expanded, expansion rate, low_sample.
type BandRow = (
    String,
    u64,
    u64,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    u64,
    Option<f64>,
    bool,
);

/// Samples below this size are flagged `low_sample`.
pub const LOW_SAMPLE: usize = 30;

fn test_json(t: Option<stats::TestResult>) -> Value {
    match t {
        Some(t) => json!({"statistic": t.statistic, "dof": t.dof, "p_value": t.p_value}),
        None => Value::Null,
    }
}

fn estimate_json(e: Option<stats::Estimate>) -> Value {
    match e {
        Some(e) => json!({"value": e.value, "ci_low": e.ci_low, "ci_high": e.ci_high}),
        None => Value::Null,
    }
}

pub fn churn(ctx: &Ctx, mature: &DataFrame, survival: &DataFrame) -> anyhow::Result<Churn> {
    if !ctx.has(s::RENEWALS) {
        return Ok(Churn {
            churn: Value::Null,
            expansion: Value::Null,
            tables: Vec::new(),
        });
    }
    let bands = strs(mature, s::QUALITY_BAND)?;
    let churned = bools(mature, s::CHURNED_1Y)?;
    let expanded = bools(mature, s::EXPANDED_1Y)?;
    let segments = strs(mature, s::SEGMENT)?;
    let scores: Vec<f64> = f64s(mature, s::QUALITY_SCORE)?
        .into_iter()
        .map(|x| x.unwrap_or(0.0))
        .collect();
    let acv: Vec<f64> = f64s(mature, s::ACV)?
        .into_iter()
        .map(|x| x.unwrap_or(0.0))
        .collect();

    let groups = group_rows(&bands, &s::BANDS);
    let mut by_band = Map::new();
    let mut exp_band = Map::new();
    let mut chi_table = Vec::new();
    let mut rows: Vec<BandRow> = Vec::new();
    let count_of =
        |rows: &[usize], flags: &[bool]| rows.iter().filter(|&&i| flags[i]).count() as u64;
    for (band, idx) in &groups {
        let n = idx.len() as u64;
        let k = count_of(idx, &churned);
        let e = count_of(idx, &expanded);
        let ci = stats::wilson(k, n, Z95);
        let eci = stats::wilson(e, n, Z95);
        let low = idx.len() < LOW_SAMPLE;
        by_band.insert(
            band.clone(),
            json!({
                "n": n, "churned": k, "rate": num(rate(k, n)),
                "ci_low": num(ci.map(|c| c.0)), "ci_high": num(ci.map(|c| c.1)),
                "low_sample": low,
            }),
        );
        exp_band.insert(
            band.clone(),
            json!({
                "n": n, "expanded": e, "rate": num(rate(e, n)),
                "ci_low": num(eci.map(|c| c.0)), "ci_high": num(eci.map(|c| c.1)),
                "low_sample": low,
            }),
        );
        chi_table.push(vec![k as f64, (n - k) as f64]);
        rows.push((
            band.clone(),
            n,
            k,
            rate(k, n),
            ci.map(|c| c.0),
            ci.map(|c| c.1),
            e,
            rate(e, n),
            low,
        ));
    }
    let find = |b: &str| groups.iter().find(|g| g.0 == b).map(|g| &g.1);
    let (sub, exc) = (find("substandard"), find("excellent"));
    let rr = match (sub, exc) {
        (Some(a), Some(c)) => stats::relative_risk(
            count_of(a, &churned),
            a.len() as u64,
            count_of(c, &churned),
            c.len() as u64,
            Z95,
        ),
        _ => None,
    };
    // Mantel–Haenszel, stratified by segment.
    let mut strata = Vec::new();
    for (_, seg_rows) in group_rows(&segments, &s::SEGMENTS) {
        let pick = |band: &str| -> Vec<usize> {
            seg_rows
                .iter()
                .copied()
                .filter(|&i| bands[i].as_deref() == Some(band))
                .collect()
        };
        let (a, c) = (pick("substandard"), pick("excellent"));
        strata.push((
            count_of(&a, &churned),
            a.len() as u64,
            count_of(&c, &churned),
            c.len() as u64,
        ));
    }
    let rr_mh = stats::mantel_haenszel_rr(&strata, Z95);
    let chi = stats::chi_square_independence(&chi_table);
    let indicator: Vec<f64> = churned.iter().map(|c| if *c { 1.0 } else { 0.0 }).collect();
    let pb = stats::correlation_test(&scores, &indicator);
    let arr = match (sub, exc) {
        (Some(a), Some(c)) if !a.is_empty() && !c.is_empty() => {
            let ra = count_of(a, &churned) as f64 / a.len() as f64;
            let rc = count_of(c, &churned) as f64 / c.len() as f64;
            let acv_sum: f64 = a.iter().map(|&i| acv[i]).sum();
            Some((acv_sum * (ra - rc)).max(0.0))
        }
        _ => None,
    };

    // Survival by band.
    let sb = strs(survival, s::QUALITY_BAND)?;
    let times: Vec<f64> = f64s(survival, s::CHURN_DAYS)?
        .into_iter()
        .map(|x| x.unwrap_or(0.0))
        .collect();
    let events = bools(survival, s::CHURN_EVENT)?;
    let mut lr_groups = Vec::new();
    let mut curves: Vec<(String, f64, f64, usize)> = Vec::new();
    let mut retention = Map::new();
    for (band, idx) in group_rows(&sb, &s::BANDS) {
        let t: Vec<f64> = idx.iter().map(|&i| times[i]).collect();
        let e: Vec<bool> = idx.iter().map(|&i| events[i]).collect();
        let km = KaplanMeier::fit(&t, &e);
        curves.push((band.clone(), 0.0, 1.0, idx.len()));
        for (day, sv) in km.steps() {
            curves.push((band.clone(), *day, *sv, idx.len()));
        }
        retention.insert(
            band.clone(),
            json!({
                "n": idx.len(),
                "events": e.iter().filter(|x| **x).count(),
                "retained_365": km.survival_at(365.0),
            }),
        );
        lr_groups.push((t, e));
    }
    let logrank = stats::logrank(&lr_groups);

    let churn_json = json!({
        "by_band": by_band,
        "relative_risk": estimate_json(rr),
        "relative_risk_adjusted": estimate_json(rr_mh),
        "chi_square": test_json(chi),
        "point_biserial": match pb { Some((r, p)) => json!({"r": r, "p_value": p}), None => Value::Null },
        "arr_at_stake": num(arr),
        "logrank": test_json(logrank),
        "retention_by_band": retention,
        "n": mature.height(),
    });
    let table = frame(vec![
        Column::new(
            "band".into(),
            rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        ),
        Column::new("n".into(), rows.iter().map(|r| r.1).collect::<Vec<_>>()),
        Column::new(
            "churned".into(),
            rows.iter().map(|r| r.2).collect::<Vec<_>>(),
        ),
        Column::new(
            "churn_rate".into(),
            rows.iter().map(|r| r.3).collect::<Vec<_>>(),
        ),
        Column::new(
            "ci_low".into(),
            rows.iter().map(|r| r.4).collect::<Vec<_>>(),
        ),
        Column::new(
            "ci_high".into(),
            rows.iter().map(|r| r.5).collect::<Vec<_>>(),
        ),
        Column::new(
            "expanded".into(),
            rows.iter().map(|r| r.6).collect::<Vec<_>>(),
        ),
        Column::new(
            "expansion_rate".into(),
            rows.iter().map(|r| r.7).collect::<Vec<_>>(),
        ),
        Column::new(
            "low_sample".into(),
            rows.iter().map(|r| r.8).collect::<Vec<_>>(),
        ),
    ])?;
    let curves_table = frame(vec![
        Column::new(
            "band".into(),
            curves.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
        ),
        Column::new("day".into(), curves.iter().map(|c| c.1).collect::<Vec<_>>()),
        Column::new(
            "retained".into(),
            curves.iter().map(|c| c.2).collect::<Vec<_>>(),
        ),
    ])?;
    Ok(Churn {
        churn: churn_json,
        expansion: json!({ "by_band": exp_band }),
        tables: vec![
            ("churn_by_band".into(), table),
            ("retention_curves".into(), curves_table),
        ],
    })
}
