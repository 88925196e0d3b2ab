//! Kaplan–Meier curves as chart lines (shared by the monthly TTFV and the quarterly retention
//! charts): curves by band from a report table, the step function, and the legend.

use super::*;

/// Curves by band from a `band, day, VALUE` table, in band order.
pub(crate) fn curves(
    df: &polars::prelude::DataFrame,
    value: &str,
) -> Vec<(String, Vec<(f64, f64)>)> {
    let band = col_str(df, "band");
    let day = col_f64(df, "day");
    let v = col_f64(df, value);
    let mut out: Vec<(String, Vec<(f64, f64)>)> = Vec::new();
    for i in 0..df.height() {
        let (Some(b), Some(d), Some(y)) = (get(&band, i), get(&day, i), get(&v, i)) else {
            continue;
        };
        match out.iter_mut().find(|(k, _)| *k == b) {
            Some((_, pts)) => pts.push((d, y)),
            None => out.push((b, vec![(d, y)])),
        }
    }
    for (_, pts) in out.iter_mut() {
        pts.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    out.sort_by_key(|(b, _)| s::BANDS.iter().position(|x| x == b).unwrap_or(usize::MAX));
    out
}

/// KM curves by band with the day axis they need.
pub(crate) struct KmPlot {
    pub(crate) curves: Vec<(String, Vec<(f64, f64)>)>,
    pub(crate) x_max: f64,
    pub(crate) x_ticks: Vec<(f64, String)>,
}

/// The curves of a `band, day, VALUE` report table on a day axis at least `min_days` wide
/// (so a short history still shows the window that matters), 2% of room past the last
/// step, with day ticks. `None` when the table is absent or holds no curve.
pub(crate) fn km_plot(
    view: &ReportView,
    table: &str,
    value: &str,
    min_days: f64,
) -> Option<KmPlot> {
    let cs = curves(view.rows(table)?, value);
    if cs.is_empty() {
        return None;
    }
    let max_day = cs
        .iter()
        .flat_map(|(_, p)| p.iter().map(|x| x.0))
        .fold(0.0f64, f64::max);
    let (x_max, ticks) = nice_axis(max_day.max(min_days) * 1.02, 8, true);
    Some(KmPlot {
        curves: cs,
        x_max,
        x_ticks: ticks
            .into_iter()
            .map(|x| (x, fmt_tick(Fmt::Int, x)))
            .collect(),
    })
}

/// A right-continuous step function through KM points.
pub(crate) fn staircase(pts: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(pts.len() * 2);
    for (i, p) in pts.iter().enumerate() {
        if i > 0 {
            out.push((p.0, pts[i - 1].1));
        }
        out.push(*p);
    }
    out
}

/// The step function's value at `x` (None beyond its last point).
pub(crate) fn step_at(pts: &[(f64, f64)], x: f64) -> Option<f64> {
    let last = pts.last()?;
    if x > last.0 {
        return None;
    }
    pts.iter().take_while(|p| p.0 <= x).last().map(|p| p.1)
}

/// KM lines by band with their legend `Band (n=…)†` in the report's words.
pub(crate) fn km_lines_in(
    view: &ReportView,
    cs: &[(String, Vec<(f64, f64)>)],
    x_max: f64,
    n_of: &dyn Fn(&str) -> Option<u64>,
) -> (Vec<Line>, Vec<Legend>) {
    km_lines_labelled(view.text(), cs, x_max, n_of)
}

/// KM lines by band with the English legend (prefer [`km_lines_in`]).
pub(crate) fn km_lines(
    cs: &[(String, Vec<(f64, f64)>)],
    x_max: f64,
    n_of: &dyn Fn(&str) -> Option<u64>,
) -> (Vec<Line>, Vec<Legend>) {
    km_lines_labelled(crate::text::Text::en(), cs, x_max, n_of)
}

fn km_lines_labelled(
    tx: &crate::text::Text,
    cs: &[(String, Vec<(f64, f64)>)],
    x_max: f64,
    n_of: &dyn Fn(&str) -> Option<u64>,
) -> (Vec<Line>, Vec<Legend>) {
    let legend_of = |band: &str| {
        let nn = n_of(band);
        let name = band
            .parse::<Band>()
            .map_or_else(|_| humanize(band), |b| tx.msg(&b.label_id(), &[]));
        tx.msg(
            "chart-group-n",
            &[
                ("group", &label(&name)),
                ("n", &int(nn)),
                ("low", low_mark(nn)),
            ],
        )
    };
    let mut lines = Vec::new();
    let mut legend = Vec::new();
    // A band without any event has only its starting point; draw it flat to the last time
    // any band is observed so it stays visible (its true follow-up is not in the table).
    let last_day = cs
        .iter()
        .flat_map(|(_, p)| p.iter().map(|x| x.0))
        .fold(0.0f64, f64::max);
    for (bi, (band, pts)) in cs.iter().enumerate() {
        let look = band_look(band);
        let mut pts = pts.clone();
        let end = if last_day > 0.0 { last_day } else { x_max };
        if pts.len() == 1 && end > pts[0].0 {
            pts.push((end, pts[0].1));
        }
        let pts = &pts;
        let markers = (0..8)
            .filter_map(|k| {
                let x = (k as f64 + 0.5 + bi as f64 * 0.22) * x_max / 8.0;
                step_at(pts, x).map(|y| (x, y))
            })
            .collect();
        lines.push(Line {
            look,
            segments: vec![staircase(pts)],
            markers,
            labels: Vec::new(),
        });
        legend.push(Legend::Line(legend_of(band), look));
    }
    (lines, legend)
}
