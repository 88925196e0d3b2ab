//! The chart specs of the quarterly report: churn, retention, expansion and NPS by band, read
//! from the typed metric sections; every title, axis, legend and note from the catalog.

use std::collections::BTreeMap;

use super::*;
use crate::metrics::churn::{Expansion, FirstYearChurn};
use crate::metrics::satisfaction::SatisfactionMetrics;
use crate::metrics::typed::MetricSection;
use crate::render::sections::{quarterly_text as q, BandRate};
use crate::vocab::Band;

/// A band's category label: `Excellent (n=283)` with the low-sample mark when n < 30.
fn band_cat(band: Band, n: Option<u64>, mark: &str) -> String {
    q(
        "churn-chart-band-n",
        &[
            ("band", &label(&q(&band.label_id(), &[]))),
            ("n", &int(n)),
            ("mark", mark),
        ],
    )
}

/// Bars of a rate by band with Wilson whiskers.
pub(crate) fn rate_bars<'a, T: 'a>(
    by: &'a BTreeMap<Band, T>,
    subtitle: Option<String>,
    y_desc: String,
) -> Option<Bars>
where
    BandRate: From<&'a T>,
{
    if by.is_empty() {
        return None;
    }
    let mut values = Vec::new();
    let mut ci = Vec::new();
    let mut labels = Vec::new();
    let mut cats = Vec::new();
    for (band, g) in by {
        let g = BandRate::from(g);
        let mark = if g.low { "†" } else { "" };
        values.push(g.rate);
        ci.push(g.lo.zip(g.hi));
        labels.push(
            g.rate
                .map(|r| format!("{}{mark}", pct(Some(r))))
                .unwrap_or_default(),
        );
        cats.push(band_cat(*band, g.n, mark));
    }
    let max = values
        .iter()
        .zip(&ci)
        .map(|(v, c)| c.map(|c| c.1).or(*v).unwrap_or(0.0))
        .fold(0.0f64, f64::max);
    let (y_max, y_ticks) = if max * 1.12 < 1.0 {
        nice_axis(max * 1.12, 5, false)
    } else {
        (1.0, ticks(0.0, 1.0, 5))
    };
    Some(Bars {
        subtitle,
        series: vec![BarSeries {
            color: OI_BLUE,
            bar_colors: by.keys().map(|b| band_color(b.as_str())).collect(),
            values,
            ci,
            labels,
        }],
        cats,
        x_desc: q("churn-chart-x", &[]),
        y_desc,
        y_range: (0.0, y_max),
        y_ticks,
        y_fmt: Fmt::Pct,
        refs: Vec::new(),
    })
}

pub(crate) fn spec_churn(view: &ReportView) -> Option<Spec> {
    view.rows("churn_by_band")?;
    let churn = FirstYearChurn::read(view.metrics)?;
    let bars = rate_bars(&churn.by_band, None, q("churn-chart-y", &[]))?;
    Some(Spec {
        name: "churn_by_band",
        title: q("churn-chart-title", &[]),
        note: Some(q("churn-chart-note", &[])),
        legend: vec![Legend::Whisker(q("churn-chart-whisker", &[]))],
        height: HEIGHT,
        plot: Plot::Bars(bars),
    })
}

pub(crate) fn spec_retention(view: &ReportView) -> Option<Spec> {
    let KmPlot {
        curves: cs,
        x_max,
        x_ticks,
    } = km_plot(view, "retention_curves", "retained", 365.0)?;
    let min_y = cs
        .iter()
        .flat_map(|(_, p)| p.iter().map(|x| x.1))
        .fold(1.0f64, f64::min);
    let y_lo = (((min_y - 0.05) * 10.0).floor() / 10.0).clamp(0.0, 0.9);
    let retention = FirstYearChurn::read(view.metrics)
        .map(|c| c.retention_by_band)
        .unwrap_or_default();
    let n_of = |b: &str| {
        let band = b.parse::<Band>().ok()?;
        retention.get(&band).map(|r| r.n)
    };
    let (series, legend) = km_lines(&cs, x_max, &n_of);
    Some(Spec {
        name: "retention_curves",
        title: q("retention-chart-title", &[]),
        note: Some(if y_lo > 0.0 {
            q(
                "retention-chart-note-axis",
                &[("start", &fmt_tick(Fmt::Pct, y_lo))],
            )
        } else {
            q("retention-chart-note", &[])
        }),
        legend,
        height: HEIGHT,
        plot: Plot::Lines(Lines {
            series,
            x_desc: q("retention-chart-x", &[]),
            y_desc: q("retention-chart-y", &[]),
            x_range: (0.0, x_max),
            y_range: (y_lo, 1.0),
            x_ticks,
            y_ticks: ticks(y_lo, 1.0, 5),
            y_fmt: Fmt::Pct,
            hrefs: Vec::new(),
            vrefs: if x_max >= 365.0 {
                vec![(365.0, q("retention-chart-one-year", &[]))]
            } else {
                Vec::new()
            },
        }),
    })
}

pub(crate) fn spec_expansion_nps(view: &ReportView) -> Option<Spec> {
    let m = view.metrics;
    let mut panels = Vec::new();
    if let Some(exp) = Expansion::read(m) {
        panels.extend(rate_bars(
            &exp.by_band,
            Some(q("expansion-chart-subtitle", &[])),
            q("expansion-chart-y", &[]),
        ));
    }
    let nps = SatisfactionMetrics::read(m)
        .map(|s| s.nps.by_band)
        .unwrap_or_default();
    if !nps.is_empty() {
        let mut values = Vec::new();
        let mut labels = Vec::new();
        let mut cats = Vec::new();
        for (band, g) in &nps {
            let n = Some(g.n);
            values.push(g.nps.map(|x| x.clamp(-100.0, 100.0)));
            labels.push(
                g.nps
                    .map(|x| format!("{}{}", signed_num1(x), low_mark(n)))
                    .unwrap_or_default(),
            );
            cats.push(band_cat(*band, n, low_mark(n)));
        }
        panels.push(Bars {
            subtitle: Some(q("nps-chart-subtitle", &[])),
            series: vec![BarSeries {
                color: OI_BLUE,
                bar_colors: nps.keys().map(|b| band_color(b.as_str())).collect(),
                values,
                ci: Vec::new(),
                labels,
            }],
            cats,
            x_desc: q("nps-chart-x", &[]),
            y_desc: q("nps-chart-y", &[]),
            y_range: (-100.0, 100.0),
            y_ticks: vec![-100.0, -50.0, 0.0, 50.0, 100.0],
            y_fmt: Fmt::Signed,
            refs: Vec::new(),
        });
    }
    if panels.is_empty() {
        return None;
    }
    Some(Spec {
        name: "expansion_nps",
        title: q("expansion-chart-title", &[]),
        note: Some(q("expansion-chart-note", &[])),
        legend: Vec::new(),
        height: if panels.len() > 1 { 760 } else { HEIGHT },
        plot: Plot::Column(panels),
    })
}
