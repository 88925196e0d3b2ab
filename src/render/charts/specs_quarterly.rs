//! The chart specs of the quarterly report: churn, retention, expansion and NPS by band.

use super::*;

/// Bars of a rate by band with Wilson whiskers, from `by_band` JSON.
pub(crate) fn rate_bars(by: &Value, subtitle: Option<&str>, y_desc: &str) -> Option<Bars> {
    let keys = band_keys(by);
    if keys.is_empty() {
        return None;
    }
    let mut values = Vec::new();
    let mut ci = Vec::new();
    let mut labels = Vec::new();
    let mut cats = Vec::new();
    for k in &keys {
        let g = at(by, &[k]);
        let n = unum(g, &["n"]);
        let low = at(g, &["low_sample"])
            .as_bool()
            .unwrap_or(n.is_some_and(|n| n < LOW_SAMPLE));
        let mark = if low { "†" } else { "" };
        let rate = fnum(g, &["rate"]);
        values.push(rate);
        ci.push(fnum(g, &["ci_low"]).zip(fnum(g, &["ci_high"])));
        labels.push(
            rate.map(|r| format!("{}{mark}", pct(Some(r))))
                .unwrap_or_default(),
        );
        cats.push(format!("{} (n={}){mark}", label(&humanize(k)), int(n)));
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
        subtitle: subtitle.map(str::to_string),
        series: vec![BarSeries {
            color: OI_BLUE,
            bar_colors: keys.iter().map(|k| band_color(k)).collect(),
            values,
            ci,
            labels,
        }],
        cats,
        x_desc: "Quality band (mature cohort)".into(),
        y_desc: y_desc.into(),
        y_range: (0.0, y_max),
        y_ticks,
        y_fmt: Fmt::Pct,
        refs: Vec::new(),
    })
}

pub(crate) fn spec_churn(view: &ReportView) -> Option<Spec> {
    view.rows("churn_by_band")?;
    let bars = rate_bars(
        at(view.metrics, &["churn", "by_band"]),
        None,
        "First-year churn rate",
    )?;
    Some(Spec {
        name: "churn_by_band",
        title: "First-year churn by handoff-quality band".into(),
        note: Some(
            "Mature cohort; whiskers: Wilson 95% confidence interval; † fewer than 30 deals".into(),
        ),
        legend: vec![Legend::Whisker("95% confidence interval".into())],
        height: HEIGHT,
        plot: Plot::Bars(bars),
    })
}

pub(crate) fn spec_retention(view: &ReportView) -> Option<Spec> {
    let df = view.rows("retention_curves")?;
    let cs = curves(df, "retained");
    if cs.is_empty() {
        return None;
    }
    let max_day = cs
        .iter()
        .flat_map(|(_, p)| p.iter().map(|x| x.0))
        .fold(0.0f64, f64::max);
    let (x_max, x_ticks) = nice_axis(max_day.max(365.0) * 1.02, 8, true);
    let min_y = cs
        .iter()
        .flat_map(|(_, p)| p.iter().map(|x| x.1))
        .fold(1.0f64, f64::min);
    let y_lo = (((min_y - 0.05) * 10.0).floor() / 10.0).clamp(0.0, 0.9);
    let m = view.metrics;
    let n_of = |b: &str| unum(m, &["churn", "retention_by_band", b, "n"]);
    let (series, legend) = km_lines(&cs, x_max, &n_of);
    Some(Spec {
        name: "retention_curves",
        title: "Customer retention by handoff-quality band".into(),
        note: Some(if y_lo > 0.0 {
            format!(
                "Kaplan–Meier over the survival cohort; the vertical axis starts at {}",
                fmt_tick(Fmt::Pct, y_lo)
            )
        } else {
            "Kaplan–Meier over the survival cohort".to_string()
        }),
        legend,
        height: HEIGHT,
        plot: Plot::Lines(Lines {
            series,
            x_desc: "Days since close".into(),
            y_desc: "Share of customers retained".into(),
            x_range: (0.0, x_max),
            y_range: (y_lo, 1.0),
            x_ticks: x_ticks
                .into_iter()
                .map(|x| (x, fmt_tick(Fmt::Int, x)))
                .collect(),
            y_ticks: ticks(y_lo, 1.0, 5),
            y_fmt: Fmt::Pct,
            hrefs: Vec::new(),
            vrefs: if x_max >= 365.0 {
                vec![(365.0, "1 year".into())]
            } else {
                Vec::new()
            },
        }),
    })
}

pub(crate) fn spec_expansion_nps(view: &ReportView) -> Option<Spec> {
    let m = view.metrics;
    let mut panels = Vec::new();
    if let Some(b) = rate_bars(
        at(m, &["expansion", "by_band"]),
        Some("First-year expansion rate (mature cohort, 95% CI)"),
        "Expansion rate",
    ) {
        panels.push(b);
    }
    let nps = at(m, &["satisfaction", "nps", "by_band"]);
    let keys = band_keys(nps);
    if !keys.is_empty() {
        let mut values = Vec::new();
        let mut labels = Vec::new();
        let mut cats = Vec::new();
        for k in &keys {
            let g = at(nps, &[k]);
            let n = unum(g, &["n"]);
            let v = fnum(g, &["nps"]);
            values.push(v.map(|x| x.clamp(-100.0, 100.0)));
            labels.push(
                v.map(|x| format!("{}{}", signed_num1(x), low_mark(n)))
                    .unwrap_or_default(),
            );
            cats.push(format!(
                "{} (n={}){}",
                label(&humanize(k)),
                int(n),
                low_mark(n)
            ));
        }
        panels.push(Bars {
            subtitle: Some("NPS (trailing cohort; n = responses)".into()),
            series: vec![BarSeries {
                color: OI_BLUE,
                bar_colors: keys.iter().map(|k| band_color(k)).collect(),
                values,
                ci: Vec::new(),
                labels,
            }],
            cats,
            x_desc: "Quality band".into(),
            y_desc: "NPS (−100 to +100)".into(),
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
        title: "Expansion and NPS by handoff-quality band".into(),
        note: Some("† fewer than 30 deals (expansion) or responses (NPS)".into()),
        legend: Vec::new(),
        height: if panels.len() > 1 { 760 } else { HEIGHT },
        plot: Plot::Column(panels),
    })
}
