//! The chart specs of the monthly review: what each chart shows, from the report data.

use super::*;

/// A signed number with one decimal and a true minus sign.
pub(crate) fn signed_num1(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r > 0.0 {
        format!("+{:.1}", r)
    } else if r < 0.0 {
        format!("−{:.1}", -r)
    } else {
        "0.0".into()
    }
}

pub(crate) fn period_label(view: &ReportView) -> String {
    label(&view.period().map(|p| p.label).unwrap_or_default())
}

pub(crate) fn low_mark(n: Option<u64>) -> &'static str {
    if n.is_some_and(|n| n < LOW_SAMPLE) {
        "†"
    } else {
        ""
    }
}

pub(crate) fn spec_quality_bands(view: &ReportView) -> Option<Spec> {
    let df = view.rows("quality_bands")?;
    let bands = col_str(df, "band");
    let deals = col_f64(df, "deals");
    let share = col_f64(df, "share");
    let total: f64 = deals.iter().flatten().sum();
    if total <= 0.0 {
        return None;
    }
    let max = deals.iter().flatten().fold(0.0f64, |a, b| a.max(*b));
    let (y_max, y_ticks) = nice_axis(max * 1.15, 5, true);
    let keys: Vec<String> = (0..df.height())
        .map(|i| get(&bands, i).unwrap_or_default())
        .collect();
    Some(Spec {
        name: "quality_bands",
        title: view.msg_with("chart-bands-title", &[("period", &period_label(view))]),
        note: Some(view.msg("chart-bands-note")),
        legend: Vec::new(),
        height: HEIGHT,
        plot: Plot::Bars(Bars {
            subtitle: None,
            cats: keys.iter().map(|k| label(&band_label(view, k))).collect(),
            series: vec![BarSeries {
                color: OI_BLUE,
                bar_colors: keys.iter().map(|k| band_color(k)).collect(),
                values: deals.clone(),
                ci: Vec::new(),
                labels: (0..df.height())
                    .map(|i| {
                        format!(
                            "{} ({})",
                            int(get(&deals, i).map(|x| x as u64)),
                            pct(get(&share, i))
                        )
                    })
                    .collect(),
            }],
            x_desc: view.msg("chart-quality-band"),
            y_desc: view.msg("chart-deals-closed"),
            y_range: (0.0, y_max),
            y_ticks,
            y_fmt: Fmt::Int,
            refs: Vec::new(),
        }),
    })
}

pub(crate) fn spec_trend(view: &ReportView) -> Option<Spec> {
    let df = view.rows("quality_trend")?;
    let months = col_str(df, "month");
    let mean = col_f64(df, "mean_score");
    let deals = col_f64(df, "deals");
    if mean.iter().all(Option::is_none) {
        return None;
    }
    let n = df.height();
    let mut segments = vec![Vec::new()];
    let mut markers = Vec::new();
    let mut labels = Vec::new();
    for i in 0..n {
        match get(&mean, i) {
            Some(v) => {
                let p = (i as f64, v.clamp(0.0, 100.0));
                if let Some(last) = segments.last_mut() {
                    last.push(p);
                }
                markers.push(p);
                labels.push((p, num1(Some(v))));
            }
            None => segments.push(Vec::new()),
        }
    }
    let x_ticks: Vec<(f64, String)> = (0..n)
        .map(|i| {
            (
                i as f64,
                format!(
                    "{} (n={})",
                    label(&get(&months, i).unwrap_or_default()),
                    int(get(&deals, i).map(|x| x as u64))
                ),
            )
        })
        .collect();
    Some(Spec {
        name: "quality_trend",
        title: view.msg("chart-trend-title"),
        note: Some(view.msg("chart-trend-note")),
        legend: vec![Legend::Reference(view.msg("chart-trend-thresholds"))],
        height: HEIGHT,
        plot: Plot::Lines(Lines {
            series: vec![Line {
                look: Look {
                    color: OI_BLUE,
                    dash: None,
                    marker: Marker::Circle,
                },
                segments,
                markers,
                labels,
            }],
            x_desc: view.msg("chart-trend-x"),
            y_desc: view.msg("chart-trend-y"),
            x_range: (-0.5, n as f64 - 0.5),
            y_range: (0.0, 100.0),
            x_ticks,
            y_ticks: vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0],
            y_fmt: Fmt::Int,
            hrefs: vec![
                (80.0, view.msg("chart-ref-good")),
                (70.0, view.msg("chart-ref-acceptable")),
            ],
            vrefs: Vec::new(),
        }),
    })
}

pub(crate) fn spec_sla(view: &ReportView) -> Option<Spec> {
    let floor = view.settings.sla_floor;
    let df = view.rows("sla_attainment")?;
    let act = col_str(df, "activity");
    let met = col_f64(df, "met");
    let missed = col_f64(df, "missed");
    let rate = col_f64(df, "attainment");
    if rate.iter().all(Option::is_none) {
        return None;
    }
    let n = df.height();
    let labels = (0..n)
        .map(|i| match get(&rate, i) {
            Some(r) => view.msg_with(
                "chart-sla-bar",
                &[
                    ("rate", &pct(Some(r))),
                    ("met", &int(get(&met, i).map(|x| x as u64))),
                    (
                        "decided",
                        &int(get(&met, i)
                            .zip(get(&missed, i))
                            .map(|(a, b)| (a + b) as u64)),
                    ),
                ],
            ),
            None => view.msg("chart-sla-all-pending"),
        })
        .collect();
    Some(Spec {
        name: "sla_attainment",
        title: view.msg_with("chart-sla-title", &[("period", &period_label(view))]),
        note: None,
        legend: vec![
            Legend::Swatch(view.msg("chart-sla-above"), OI_BLUE),
            Legend::Swatch(view.msg("chart-sla-below"), OI_ORANGE),
            Legend::Reference(view.msg_with(
                "chart-sla-floor-legend",
                &[("floor", &fmt_tick(Fmt::Pct, floor))],
            )),
        ],
        height: 380,
        plot: Plot::HBars(HBars {
            cats: (0..n)
                .map(|i| label(&activity_label(view, &get(&act, i).unwrap_or_default())))
                .collect(),
            colors: (0..n)
                .map(|i| {
                    if get(&rate, i).is_some_and(|r| r >= floor) {
                        OI_BLUE
                    } else {
                        OI_ORANGE
                    }
                })
                .collect(),
            values: rate,
            labels,
            x_desc: view.msg("chart-sla-x"),
            x_max: 1.0,
            x_fmt: Fmt::Pct,
            reference: Some((floor, view.msg("chart-sla-floor"))),
        }),
    })
}

pub(crate) fn spec_missing(view: &ReportView) -> Option<Spec> {
    let df = view.rows("missing_information")?;
    let field = col_str(df, "field");
    let miss = col_f64(df, "missing_rate");
    if miss.iter().all(Option::is_none) {
        return None;
    }
    let n = df.height();
    let max = miss.iter().flatten().fold(0.0f64, |a, b| a.max(*b));
    Some(Spec {
        name: "missing_information",
        title: view.msg_with("chart-missing-title", &[("period", &period_label(view))]),
        note: Some(view.msg("chart-missing-note")),
        legend: Vec::new(),
        height: 400,
        plot: Plot::HBars(HBars {
            cats: (0..n)
                .map(|i| label(&field_label(view, &get(&field, i).unwrap_or_default())))
                .collect(),
            colors: vec![OI_VERMILLION; n],
            labels: miss.iter().map(|m| pct(*m)).collect(),
            values: miss,
            x_desc: view.msg("chart-missing-x"),
            x_max: nice_axis(max.max(0.05), 5, false).0.min(1.0),
            x_fmt: Fmt::Pct,
            reference: None,
        }),
    })
}

pub(crate) fn spec_ttfv_segment(view: &ReportView) -> Option<Spec> {
    let df = view.rows("ttfv_by_segment")?;
    let group = col_str(df, "group");
    let n = col_f64(df, "n");
    let [p25, med, p75, p90] = ["p25", "median", "p75", "p90"].map(|c| col_f64(df, c));
    let rows: Vec<Option<[f64; 4]>> = (0..df.height())
        .map(|i| Some([get(&p25, i)?, get(&med, i)?, get(&p75, i)?, get(&p90, i)?]))
        .collect();
    if rows.iter().all(Option::is_none) {
        return None;
    }
    let max = rows.iter().flatten().map(|r| r[3]).fold(0.0f64, f64::max);
    let median_labels = rows
        .iter()
        .map(|r| {
            r.map_or_else(String::new, |r| {
                view.msg_with("chart-days-value", &[("days", &num1(Some(r[1])))])
            })
        })
        .collect();
    Some(Spec {
        name: "ttfv_by_segment",
        title: view.msg("chart-ttfv-title"),
        note: Some(view.msg("chart-ttfv-note")),
        legend: vec![
            Legend::Box(view.msg("chart-ttfv-iqr")),
            Legend::Median(view.msg("chart-ttfv-median")),
            Legend::Whisker(view.msg("chart-ttfv-p90")),
        ],
        height: HEIGHT,
        plot: Plot::Quantiles(Quantiles {
            cats: (0..df.height())
                .map(|i| {
                    let nn = get(&n, i).map(|x| x as u64);
                    view.msg_with(
                        "chart-group-n",
                        &[
                            (
                                "group",
                                &label(&segment_label(view, &get(&group, i).unwrap_or_default())),
                            ),
                            ("n", &int(nn)),
                            ("low", low_mark(nn)),
                        ],
                    )
                })
                .collect(),
            rows,
            x_desc: view.msg("chart-ttfv-x"),
            y_desc: view.msg("chart-ttfv-y"),
            y_max: nice_axis(max * 1.05, 5, false).0,
            median_labels,
            none_label: view.msg("chart-none-reached"),
        }),
    })
}

pub(crate) fn spec_ttfv_km(view: &ReportView) -> Option<Spec> {
    let KmPlot {
        curves: cs,
        x_max,
        x_ticks,
    } = km_plot(view, "ttfv_km_curves", "share_not_reached", 30.0)?;
    let ttfv = view.section::<Ttfv>();
    let n_of = |b: &str| {
        let band = b.parse::<Band>().ok()?;
        Some(ttfv.as_ref()?.by_quality_band.get(&band)?.n)
    };
    let (series, legend) = km_lines_in(view, &cs, x_max, &n_of);
    Some(Spec {
        name: "ttfv_km_curves",
        title: view.msg("chart-ttfv-km-title"),
        note: Some(view.msg("chart-ttfv-km-note")),
        legend,
        height: HEIGHT,
        plot: Plot::Lines(Lines {
            series,
            x_desc: view.msg("chart-ttfv-km-x"),
            y_desc: view.msg("chart-ttfv-km-y"),
            x_range: (0.0, x_max),
            y_range: (0.0, 1.0),
            x_ticks,
            y_ticks: ticks(0.0, 1.0, 5),
            y_fmt: Fmt::Pct,
            hrefs: Vec::new(),
            vrefs: Vec::new(),
        }),
    })
}

pub(crate) fn spec_adoption_health(view: &ReportView) -> Option<Spec> {
    let df = view.rows("adoption_health")?;
    let metric = col_str(df, "metric");
    let day = col_str(df, "day");
    let band = col_str(df, "band");
    let mean = col_f64(df, "mean");
    let mut panels = Vec::new();
    for (key, title, fmt, y_desc) in [
        (
            "utilisation",
            "chart-adoption-utilisation",
            Fmt::Pct,
            "chart-adoption-utilisation-y",
        ),
        (
            "health",
            "chart-adoption-health",
            Fmt::Num,
            "chart-adoption-health-y",
        ),
    ] {
        let rows: Vec<usize> = (0..df.height())
            .filter(|&i| get(&metric, i).as_deref() == Some(key))
            .collect();
        if rows.is_empty() {
            continue;
        }
        let mut bands: Vec<String> = Vec::new();
        for &i in &rows {
            if let Some(b) = get(&band, i) {
                if !bands.contains(&b) {
                    bands.push(b);
                }
            }
        }
        bands.sort_by_key(|b| s::BANDS.iter().position(|x| x == b).unwrap_or(usize::MAX));
        let series: Vec<BarSeries> = ["day_30", "day_60", "day_90"]
            .iter()
            .enumerate()
            .map(|(di, d)| BarSeries {
                color: DAYS[di],
                bar_colors: Vec::new(),
                values: bands
                    .iter()
                    .map(|b| {
                        rows.iter()
                            .find(|&&i| {
                                get(&day, i).as_deref() == Some(*d)
                                    && get(&band, i).as_deref() == Some(b.as_str())
                            })
                            .and_then(|&i| get(&mean, i))
                    })
                    .collect(),
                ci: Vec::new(),
                labels: Vec::new(),
            })
            .collect();
        let max = series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .fold(0.0f64, |a, b| a.max(*b));
        let (y_max, y_ticks) = match fmt {
            Fmt::Pct if max * 1.05 < 1.0 => nice_axis(max * 1.05, 5, false),
            Fmt::Pct => (1.0, ticks(0.0, 1.0, 5)),
            _ => (100.0, ticks(0.0, 100.0, 5)),
        };
        panels.push(Bars {
            subtitle: Some(view.msg(title)),
            cats: bands.iter().map(|b| label(&band_label(view, b))).collect(),
            series,
            x_desc: view.msg("chart-quality-band"),
            y_desc: view.msg(y_desc),
            y_range: (0.0, y_max),
            y_ticks,
            y_fmt: fmt,
            refs: Vec::new(),
        });
    }
    if panels.is_empty() {
        return None;
    }
    Some(Spec {
        name: "adoption_health",
        title: view.msg("chart-adoption-title"),
        note: Some(view.msg("chart-adoption-note")),
        legend: vec![
            Legend::Swatch(view.msg("chart-day-30"), DAYS[0]),
            Legend::Swatch(view.msg("chart-day-60"), DAYS[1]),
            Legend::Swatch(view.msg("chart-day-90"), DAYS[2]),
        ],
        height: HEIGHT,
        plot: Plot::Row(panels),
    })
}
