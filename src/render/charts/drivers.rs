//! Chart descriptions for the quarterly report's METRICS.md §4.12 and §4.15 sections: ARR at
//! stake by handoff practice (horizontal bars, ranking order) and first-year churn by close
//! quarter and band (grouped bars). Drawn by the shared code of [`super`]; quarterly only.

use super::{
    band_color, label, nice_axis, ticks, BarSeries, Bars, Fmt, HBars, Legend, Plot, Spec, HEIGHT,
    OI_VERMILLION,
};
use crate::render::drivers::{driver_words, ranking};
use crate::render::{at, fnum, humanize, money, ReportView};
use crate::schema as s;

/// ARR at stake by driver, largest first (drivers whose ARR at stake is null left out).
pub fn spec_drivers(view: &ReportView) -> Option<Spec> {
    if !view.is_quarterly() {
        return None;
    }
    let drivers = at(view.metrics, &["drivers"]);
    let rows: Vec<(String, f64)> = ranking(drivers)
        .into_iter()
        .filter_map(|k| {
            let v = fnum(drivers, &[k.as_str(), "arr_at_stake"])?;
            Some((k, v))
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let max = rows.iter().map(|r| r.1).fold(0.0f64, f64::max) / 1000.0;
    let n = rows.len();
    Some(Spec {
        name: "churn_drivers",
        title: "ARR at stake by handoff practice".into(),
        note: Some(
            "Mature cohort; ACV of deals without the practice × their extra first-year churn rate; associations, not causes"
                .into(),
        ),
        legend: Vec::new(),
        height: 120 + 26 * n as u32,
        plot: Plot::HBars(HBars {
            cats: rows.iter().map(|r| label(&driver_words(&r.0))).collect(),
            colors: vec![OI_VERMILLION; n],
            labels: rows.iter().map(|r| money(Some(r.1))).collect(),
            values: rows.iter().map(|r| Some(r.1 / 1000.0)).collect(),
            x_desc: "ARR at stake (thousands, ACV currency)".into(),
            x_max: nice_axis(max.max(1.0), 5, false).0,
            x_fmt: Fmt::Num,
            reference: None,
        }),
    })
}

/// First-year churn rate by close quarter, one bar per band.
pub fn spec_cohorts(view: &ReportView) -> Option<Spec> {
    if !view.is_quarterly() {
        return None;
    }
    let cells = at(view.metrics, &["churn_cohorts"]).as_array()?;
    let mut quarters: Vec<String> = cells
        .iter()
        .filter_map(|c| c["quarter"].as_str().map(str::to_string))
        .collect();
    quarters.dedup();
    if quarters.is_empty() {
        return None;
    }
    let rate = |q: &str, band: &str| {
        cells
            .iter()
            .find(|c| c["quarter"].as_str() == Some(q) && c["band"].as_str() == Some(band))
            .and_then(|c| fnum(c, &["rate"]))
    };
    let bands: Vec<&str> = s::BANDS
        .into_iter()
        .filter(|b| quarters.iter().any(|q| rate(q, b).is_some()))
        .collect();
    let series: Vec<BarSeries> = bands
        .iter()
        .map(|b| BarSeries {
            color: band_color(b),
            bar_colors: Vec::new(),
            values: quarters.iter().map(|q| rate(q, b)).collect(),
            ci: vec![None; quarters.len()],
            labels: vec![String::new(); quarters.len()],
        })
        .collect();
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .fold(0.0f64, |a, b| a.max(*b));
    let (y_max, y_ticks) = if max * 1.1 < 1.0 {
        nice_axis((max * 1.1).max(0.05), 5, false)
    } else {
        (1.0, ticks(0.0, 1.0, 5))
    };
    Some(Spec {
        name: "churn_by_close_quarter",
        title: "First-year churn by close quarter and band".into(),
        note: Some(
            "Mature cohort; most cells hold fewer than 30 deals, so single bars are imprecise"
                .into(),
        ),
        legend: bands
            .iter()
            .map(|b| Legend::Swatch(humanize(b), band_color(b)))
            .collect(),
        height: HEIGHT,
        plot: Plot::Bars(Bars {
            subtitle: None,
            cats: quarters,
            series,
            x_desc: "Quarter of the close date".into(),
            y_desc: "First-year churn rate".into(),
            y_range: (0.0, y_max),
            y_ticks,
            y_fmt: Fmt::Pct,
            refs: Vec::new(),
        }),
    })
}
