//! Chart descriptions for the quarterly report's METRICS.md §4.12 and §4.15 sections: ARR at
//! stake by handoff practice (horizontal bars, ranking order) and first-year churn by close
//! quarter and band (grouped bars). Drawn by the shared code of [`super`]; quarterly only.

use super::{
    band_color, label, nice_axis, ticks, BarSeries, Bars, Fmt, HBars, Legend, Plot, Spec, HEIGHT,
    OI_VERMILLION,
};
use crate::metrics::cohorts::ChurnCohorts;
use crate::metrics::drivers::ChurnDrivers;
use crate::metrics::typed::MetricSection;
use crate::render::sections::{practice_words, quarterly_text as q};
use crate::render::{money, ReportView};
use crate::vocab::Band;

/// ARR at stake by driver, largest first (drivers whose ARR at stake is null left out).
pub fn spec_drivers(view: &ReportView) -> Option<Spec> {
    if !view.is_quarterly() {
        return None;
    }
    let drivers = ChurnDrivers::read(view.metrics)?;
    let rows: Vec<(String, f64)> = drivers
        .ranking
        .iter()
        .filter_map(|p| {
            let v = drivers.practices.get(p)?.arr_at_stake?;
            Some((practice_words(*p), v))
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let max = rows.iter().map(|r| r.1).fold(0.0f64, f64::max) / 1000.0;
    let n = rows.len();
    Some(Spec {
        name: "churn_drivers",
        title: q("drivers-chart-title", &[]),
        note: Some(q("drivers-chart-note", &[])),
        legend: Vec::new(),
        height: 120 + 26 * n as u32,
        plot: Plot::HBars(HBars {
            cats: rows.iter().map(|r| label(&r.0)).collect(),
            colors: vec![OI_VERMILLION; n],
            labels: rows.iter().map(|r| money(Some(r.1))).collect(),
            values: rows.iter().map(|r| Some(r.1 / 1000.0)).collect(),
            x_desc: q("drivers-chart-x", &[]),
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
    let ChurnCohorts(cells) = ChurnCohorts::read(view.metrics)?;
    let mut quarters: Vec<String> = cells.iter().map(|c| c.quarter.clone()).collect();
    quarters.dedup();
    if quarters.is_empty() {
        return None;
    }
    let rate = |q: &str, band: Band| {
        cells
            .iter()
            .find(|c| c.quarter == q && c.band == band)
            .and_then(|c| c.rate)
    };
    let bands: Vec<Band> = Band::ALL
        .into_iter()
        .filter(|b| quarters.iter().any(|q| rate(q, *b).is_some()))
        .collect();
    let series: Vec<BarSeries> = bands
        .iter()
        .map(|b| BarSeries {
            color: band_color(b.as_str()),
            bar_colors: Vec::new(),
            values: quarters.iter().map(|q| rate(q, *b)).collect(),
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
        title: q("close-quarter-chart-title", &[]),
        note: Some(q("close-quarter-chart-note", &[])),
        legend: bands
            .iter()
            .map(|b| Legend::Swatch(q(&b.label_id(), &[]), band_color(b.as_str())))
            .collect(),
        height: HEIGHT,
        plot: Plot::Bars(Bars {
            subtitle: None,
            cats: quarters,
            series,
            x_desc: q("close-quarter-chart-x", &[]),
            y_desc: q("close-quarter-chart-y", &[]),
            y_range: (0.0, y_max),
            y_ticks,
            y_fmt: Fmt::Pct,
            refs: Vec::new(),
        }),
    })
}
