//! METRICS.md §4.9 first-year churn and expansion by quality band over the mature cohort, with
//! Wilson intervals, crude and Mantel–Haenszel (segment-adjusted) relative risk, the
//! chi-square test, the point-biserial correlation and ARR at stake; and retention by band
//! over the survival cohort (Kaplan–Meier curves, log-rank test). All correlational.

use std::collections::BTreeMap;

use polars::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::typed::MetricSection;
use super::{bools, f64s, frame, group_rows, rate, strs, Ctx};
use crate::schema as s;
use crate::stats::{self, KaplanMeier, Z95};
use crate::vocab::Band;

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

/// A finite number, else `None` (null in `metrics.json`).
pub fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// One band's first-year churn over the mature cohort, with its Wilson 95% interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BandChurn {
    pub n: u64,
    pub churned: u64,
    pub rate: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub low_sample: bool,
}

/// One band's first-year expansion over the mature cohort, with its Wilson 95% interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BandExpansion {
    pub n: u64,
    pub expanded: u64,
    pub rate: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub low_sample: bool,
}

/// A ratio (relative risk) with its 95% interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RatioEstimate {
    pub value: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
}

impl RatioEstimate {
    fn of(e: stats::Estimate) -> Self {
        RatioEstimate {
            value: finite(e.value),
            ci_low: finite(e.ci_low),
            ci_high: finite(e.ci_high),
        }
    }
}

/// A test's statistic, degrees of freedom and p-value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TestStat {
    pub statistic: Option<f64>,
    pub dof: u32,
    pub p_value: Option<f64>,
}

impl TestStat {
    fn of(t: stats::TestResult) -> Self {
        TestStat {
            statistic: finite(t.statistic),
            dof: t.dof,
            p_value: finite(t.p_value),
        }
    }
}

/// The point-biserial correlation of quality score and churn, with its p-value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Correlation {
    pub r: Option<f64>,
    pub p_value: Option<f64>,
}

/// METRICS.md §4.14: the smallest detectable relative risk at `alpha` and `power`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Power {
    pub alpha: f64,
    pub power: f64,
    pub mde_relative_risk: Option<f64>,
}

/// One band's Kaplan–Meier retention over the survival cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BandRetention {
    pub n: u64,
    pub events: u64,
    pub retained_365: Option<f64>,
}

/// METRICS.md §4.9: first-year churn by band with relative risks, tests, ARR at stake and
/// retention (`metrics.json` → `churn`). Bands without deals are absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FirstYearChurn {
    pub by_band: BTreeMap<Band, BandChurn>,
    pub relative_risk: Option<RatioEstimate>,
    pub relative_risk_adjusted: Option<RatioEstimate>,
    pub chi_square: Option<TestStat>,
    pub point_biserial: Option<Correlation>,
    pub arr_at_stake: Option<f64>,
    pub logrank: Option<TestStat>,
    pub power: Option<Power>,
    pub retention_by_band: BTreeMap<Band, BandRetention>,
    pub n: u64,
}

impl MetricSection for FirstYearChurn {
    const KEY: &'static str = "churn";
}

/// METRICS.md §4.9: first-year expansion by band (`metrics.json` → `expansion`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Expansion {
    pub by_band: BTreeMap<Band, BandExpansion>,
}

impl MetricSection for Expansion {
    const KEY: &'static str = "expansion";
}

/// METRICS.md §4.14 significance level and target power of the detectable-effect calculation.
pub const POWER_ALPHA: f64 = 0.05;
pub const POWER_TARGET: f64 = 0.8;

/// METRICS.md §4.14: the smallest substandard-vs-excellent relative risk the cohort could detect
/// (`n1` substandard deals, `n2` excellent deals of which `c` churned); null when undefined.
fn power(n1: u64, n2: u64, c: u64) -> Option<Power> {
    let p2 = if n2 > 0 {
        c as f64 / n2 as f64
    } else {
        f64::NAN
    };
    let rr = stats::mde_relative_risk(p2, n1, n2, Z95, POWER_TARGET)?;
    Some(Power {
        alpha: POWER_ALPHA,
        power: POWER_TARGET,
        mde_relative_risk: finite(rr),
    })
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
    let mut by_band = BTreeMap::new();
    let mut exp_band = BTreeMap::new();
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
        if let Ok(b) = band.parse::<Band>() {
            by_band.insert(
                b,
                BandChurn {
                    n,
                    churned: k,
                    rate: rate(k, n).and_then(finite),
                    ci_low: ci.and_then(|c| finite(c.0)),
                    ci_high: ci.and_then(|c| finite(c.1)),
                    low_sample: low,
                },
            );
            exp_band.insert(
                b,
                BandExpansion {
                    n,
                    expanded: e,
                    rate: rate(e, n).and_then(finite),
                    ci_low: eci.and_then(|c| finite(c.0)),
                    ci_high: eci.and_then(|c| finite(c.1)),
                    low_sample: low,
                },
            );
        }
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
                .filter(|&i| bands[i] == Some(band))
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
    let power = match (sub, exc) {
        (Some(a), Some(c)) => power(a.len() as u64, c.len() as u64, count_of(c, &churned)),
        _ => None,
    };
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
    let mut retention = BTreeMap::new();
    for (band, idx) in group_rows(&sb, &s::BANDS) {
        let t: Vec<f64> = idx.iter().map(|&i| times[i]).collect();
        let e: Vec<bool> = idx.iter().map(|&i| events[i]).collect();
        let km = KaplanMeier::fit(&t, &e);
        curves.push((band.clone(), 0.0, 1.0, idx.len()));
        for (day, sv) in km.steps() {
            curves.push((band.clone(), *day, *sv, idx.len()));
        }
        if let Ok(b) = band.parse::<Band>() {
            retention.insert(
                b,
                BandRetention {
                    n: idx.len() as u64,
                    events: e.iter().filter(|x| **x).count() as u64,
                    retained_365: finite(km.survival_at(365.0)),
                },
            );
        }
        lr_groups.push((t, e));
    }
    let logrank = stats::logrank(&lr_groups);

    let churn = FirstYearChurn {
        by_band,
        relative_risk: rr.map(RatioEstimate::of),
        relative_risk_adjusted: rr_mh.map(RatioEstimate::of),
        chi_square: chi.map(TestStat::of),
        point_biserial: pb.map(|(r, p)| Correlation {
            r: finite(r),
            p_value: finite(p),
        }),
        arr_at_stake: arr.and_then(finite),
        logrank: logrank.map(TestStat::of),
        power,
        retention_by_band: retention,
        n: mature.height() as u64,
    };
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
        churn: churn.json(),
        expansion: Expansion { by_band: exp_band }.json(),
        tables: vec![
            ("churn_by_band".into(), table),
            ("retention_curves".into(), curves_table),
        ],
    })
}

#[cfg(test)]
mod tests;
