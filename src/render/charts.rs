//! Charts: each report chart drawn with plotters twice from one description — as SVG
//! (inlined in `index.html`, linked from `report.md`) and as a 2× PNG (encoded here with
//! `flate2`, so no image crate and no temporary file). The data comes from the report
//! tables and `metrics.json`; an empty or missing table skips its chart. Colours follow the
//! Okabe–Ito colour-blind-safe palette, lines also differ by dash pattern and marker shape
//! so they survive greyscale printing, and every axis names its unit. Text is drawn with
//! the embedded DejaVu Sans (registered once), so output is the same on every machine;
//! nothing random or time-dependent goes in. Labels from the data are stripped of control
//! characters; the SVG backend escapes `& < > " '` in every text it writes.

mod drivers;

use std::io::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use anyhow::{anyhow, Context};
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde_json::Value;

use super::{
    at, band_keys, col_f64, col_str, fnum, get, humanize, int, num1, pct, unum, Chart, ReportView,
    LOW_SAMPLE,
};
use crate::schema as s;

const FONT_BYTES: &[u8] = include_bytes!("../../assets/DejaVuSans.ttf");
const FAMILY: &str = "sans-serif";
const WIDTH: u32 = 800;
const HEIGHT: u32 = 440;
/// PNGs are drawn at twice the SVG size so they stay sharp in slides and documents.
const PNG_SCALE: u32 = 2;

static FONT_INIT: Once = Once::new();
static FONT_OK: AtomicBool = AtomicBool::new(false);

/// Register the embedded font with plotters, once per process.
fn ensure_font() -> anyhow::Result<()> {
    FONT_INIT.call_once(|| {
        let ok = plotters::style::register_font(FAMILY, FontStyle::Normal, FONT_BYTES).is_ok();
        FONT_OK.store(ok, Ordering::SeqCst);
    });
    if FONT_OK.load(Ordering::SeqCst) {
        Ok(())
    } else {
        Err(anyhow!("the embedded chart font could not be loaded"))
    }
}

// ---- palette -----------------------------------------------------------------------------

const INK: RGBColor = RGBColor(0x1f, 0x29, 0x33);
const MUTED: RGBColor = RGBColor(0x5f, 0x6b, 0x7a);
const GRID: RGBColor = RGBColor(0xe3, 0xe7, 0xec);
const AXIS: RGBColor = RGBColor(0x9a, 0xa5, 0xb1);
const OI_BLUE: RGBColor = RGBColor(0x00, 0x72, 0xb2);
const OI_SKY: RGBColor = RGBColor(0x56, 0xb4, 0xe9);
const OI_ORANGE: RGBColor = RGBColor(0xe6, 0x9f, 0x00);
const OI_VERMILLION: RGBColor = RGBColor(0xd5, 0x5e, 0x00);
const BOX_FILL: RGBColor = RGBColor(0xc6, 0xdb, 0xef);
/// Day 30 / 60 / 90: one hue, increasing darkness (ordered in greyscale too).
const DAYS: [RGBColor; 3] = [
    RGBColor(0x9e, 0xca, 0xe1),
    RGBColor(0x42, 0x92, 0xc6),
    RGBColor(0x08, 0x30, 0x6b),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Marker {
    Circle,
    Triangle,
    Square,
    Diamond,
}

/// How one line looks: colour, dash pattern (dash, gap in px) and marker.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Look {
    color: RGBColor,
    dash: Option<(f64, f64)>,
    marker: Marker,
}

fn band_color(band: &str) -> RGBColor {
    match band {
        "excellent" => OI_BLUE,
        "good" => OI_SKY,
        "acceptable" => OI_ORANGE,
        "substandard" => OI_VERMILLION,
        _ => MUTED,
    }
}

fn band_look(band: &str) -> Look {
    let (dash, marker) = match band {
        "excellent" => (None, Marker::Circle),
        "good" => (Some((10.0, 5.0)), Marker::Triangle),
        "acceptable" => (Some((3.0, 4.0)), Marker::Square),
        "substandard" => (Some((18.0, 6.0)), Marker::Diamond),
        _ => (Some((6.0, 6.0)), Marker::Circle),
    };
    Look {
        color: band_color(band),
        dash,
        marker,
    }
}

fn font(size: f64, color: RGBColor) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(&color)
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

fn stroke(color: RGBColor, width: f64) -> ShapeStyle {
    color.stroke_width(width.round().max(1.0) as u32)
}

fn de<E: std::fmt::Display>(e: E) -> anyhow::Error {
    anyhow!("drawing failed: {e}")
}

/// A category label from the data: no control characters, at most 28 characters.
fn label(s: &str) -> String {
    let clean: String = s.chars().filter(|c| !c.is_control()).collect();
    if clean.chars().count() > 28 {
        let mut t: String = clean.chars().take(27).collect();
        t.push('…');
        t
    } else {
        clean
    }
}

/// A linear f64 axis whose ticks are exactly the given key points (category positions or
/// our own nice ticks), with plotters' default formatting so a label formatter can be set.
#[derive(Clone)]
struct Keyed {
    lo: f64,
    hi: f64,
    keys: Vec<f64>,
}

impl Keyed {
    fn new(lo: f64, hi: f64, keys: Vec<f64>) -> Keyed {
        let hi = if hi > lo { hi } else { lo + 1.0 };
        Keyed { lo, hi, keys }
    }
}

impl Ranged for Keyed {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let t = (v - self.lo) / (self.hi - self.lo);
        let len = (limit.1 - limit.0) as f64;
        if !t.is_finite() {
            return limit.0;
        }
        limit.0 + (len * t).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        let eps = (self.hi - self.lo) * 1e-9;
        self.keys
            .iter()
            .copied()
            .filter(|k| *k >= self.lo - eps && *k <= self.hi + eps)
            .take(hint.max_num_points())
            .collect()
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}

// ---- chart descriptions --------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum Fmt {
    Pct,
    Int,
    Num,
    Signed,
}

fn fmt_tick(f: Fmt, v: f64) -> String {
    let v = if v.abs() < 1e-12 { 0.0 } else { v };
    match f {
        Fmt::Pct => {
            let p = v * 100.0;
            if (p - p.round()).abs() < 1e-6 {
                format!("{:.0}%", p)
            } else {
                format!("{:.1}%", p)
            }
        }
        Fmt::Int => format!("{:.0}", v),
        Fmt::Num | Fmt::Signed => {
            let sign = if v < 0.0 {
                "−"
            } else if f == Fmt::Signed && v > 0.0 {
                "+"
            } else {
                ""
            };
            if (v - v.round()).abs() < 1e-6 {
                format!("{sign}{:.0}", v.abs())
            } else {
                format!("{sign}{:.1}", v.abs())
            }
        }
    }
}

/// Evenly spaced nice ticks covering `[lo, hi]`, about `n` of them.
fn ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return vec![lo];
    }
    let raw = (hi - lo) / n.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|st| *st >= raw - 1e-12)
        .unwrap_or(10.0 * mag);
    let first = (lo / step - 1e-9).ceil();
    (0..50)
        .map(|i| clean((first + i as f64) * step))
        .take_while(|v| *v <= hi + step * 1e-9)
        .collect()
}

/// A tick value without binary noise (0.6000000000000001 → 0.6).
fn clean(v: f64) -> f64 {
    let r = (v * 1e9).round() / 1e9;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// An axis from 0 covering `max` with about `n` nice steps: the upper end and the ticks.
fn nice_axis(max: f64, n: usize, integer: bool) -> (f64, Vec<f64>) {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let raw = max / n.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let steps: &[f64] = if integer {
        &[1.0, 2.0, 5.0, 10.0]
    } else {
        &[1.0, 2.0, 2.5, 5.0, 10.0]
    };
    let mut step = steps
        .iter()
        .map(|m| m * mag)
        .find(|st| *st >= raw - 1e-12)
        .unwrap_or(10.0 * mag);
    if integer {
        step = step.max(1.0).round();
    }
    let k = ((max / step) - 1e-9).ceil().max(1.0) as usize;
    let ticks = (0..=k).map(|i| clean(i as f64 * step)).collect();
    (clean(k as f64 * step), ticks)
}

enum Legend {
    Swatch(String, RGBColor),
    Line(String, Look),
    Box(String),
    Median(String),
    Whisker(String),
    Reference(String),
}

struct BarSeries {
    color: RGBColor,
    /// Per-bar colours (empty: all bars in `color`).
    bar_colors: Vec<RGBColor>,
    values: Vec<Option<f64>>,
    ci: Vec<Option<(f64, f64)>>,
    labels: Vec<String>,
}

struct Bars {
    subtitle: Option<String>,
    cats: Vec<String>,
    series: Vec<BarSeries>,
    x_desc: String,
    y_desc: String,
    y_range: (f64, f64),
    y_ticks: Vec<f64>,
    y_fmt: Fmt,
    refs: Vec<(f64, String)>,
}

struct HBars {
    cats: Vec<String>,
    values: Vec<Option<f64>>,
    colors: Vec<RGBColor>,
    labels: Vec<String>,
    x_desc: String,
    x_max: f64,
    x_fmt: Fmt,
    reference: Option<(f64, String)>,
}

struct Line {
    look: Look,
    segments: Vec<Vec<(f64, f64)>>,
    markers: Vec<(f64, f64)>,
    labels: Vec<((f64, f64), String)>,
}

struct Lines {
    series: Vec<Line>,
    x_desc: String,
    y_desc: String,
    x_range: (f64, f64),
    y_range: (f64, f64),
    x_ticks: Vec<(f64, String)>,
    y_ticks: Vec<f64>,
    y_fmt: Fmt,
    hrefs: Vec<(f64, String)>,
    vrefs: Vec<(f64, String)>,
}

struct Quantiles {
    cats: Vec<String>,
    /// p25, median, p75, p90 per category.
    rows: Vec<Option<[f64; 4]>>,
    x_desc: String,
    y_desc: String,
    y_max: f64,
}

enum Plot {
    Bars(Bars),
    Row(Vec<Bars>),
    Column(Vec<Bars>),
    HBars(HBars),
    Lines(Lines),
    Quantiles(Quantiles),
}

struct Spec {
    name: &'static str,
    title: String,
    note: Option<String>,
    legend: Vec<Legend>,
    height: u32,
    plot: Plot,
}

// ---- entry point ---------------------------------------------------------------------------

/// Every chart the data supports, in report order (monthly and quarterly charts both).
pub fn charts(view: &ReportView) -> anyhow::Result<Vec<Chart>> {
    let specs: Vec<Spec> = [
        spec_quality_bands(view),
        spec_trend(view),
        spec_sla(view),
        spec_missing(view),
        spec_ttfv_segment(view),
        spec_ttfv_km(view),
        spec_adoption_health(view),
        spec_churn(view),
        spec_retention(view),
        spec_expansion_nps(view),
        drivers::spec_drivers(view),
        drivers::spec_cohorts(view),
    ]
    .into_iter()
    .flatten()
    .collect();
    if specs.is_empty() {
        return Ok(Vec::new());
    }
    ensure_font()?;
    specs
        .iter()
        .map(|sp| render(sp).with_context(|| format!("drawing chart {}", sp.name)))
        .collect()
}

fn render(spec: &Spec) -> anyhow::Result<Chart> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, spec.height)).into_drawing_area();
        draw(&root, spec, 1.0)?;
        root.present().map_err(de)?;
    }
    let (w, h) = (WIDTH * PNG_SCALE, spec.height * PNG_SCALE);
    let mut rgb = vec![0u8; w as usize * h as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
        draw(&root, spec, PNG_SCALE as f64)?;
        root.present().map_err(de)?;
    }
    Ok(Chart {
        name: spec.name.to_string(),
        title: spec.title.clone(),
        svg,
        png: encode_png(&rgb, w, h)?,
    })
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &Spec,
    sc: f64,
) -> anyhow::Result<()> {
    root.fill(&WHITE).map_err(de)?;
    let (top, mut rest) = root.split_vertically(px(36.0 * sc));
    top.draw(&Text::new(
        spec.title.clone(),
        (px(14.0 * sc), px(12.0 * sc)),
        font(19.0 * sc, INK).pos(Pos::new(HPos::Left, VPos::Top)),
    ))
    .map_err(de)?;
    if let Some(n) = &spec.note {
        let (a, b) = rest.split_vertically(px(20.0 * sc));
        a.draw(&Text::new(
            n.clone(),
            (px(14.0 * sc), px(2.0 * sc)),
            font(13.0 * sc, MUTED).pos(Pos::new(HPos::Left, VPos::Top)),
        ))
        .map_err(de)?;
        rest = b;
    }
    if !spec.legend.is_empty() {
        let (a, b) = rest.split_vertically(px(26.0 * sc));
        draw_legend(&a, &spec.legend, sc)?;
        rest = b;
    }
    match &spec.plot {
        Plot::Bars(b) => draw_bars(&rest, b, sc),
        Plot::Row(list) => {
            let parts = rest.split_evenly((1, list.len().max(1)));
            for (area, b) in parts.iter().zip(list) {
                draw_bars(area, b, sc)?;
            }
            Ok(())
        }
        Plot::Column(list) => {
            let parts = rest.split_evenly((list.len().max(1), 1));
            for (area, b) in parts.iter().zip(list) {
                draw_bars(area, b, sc)?;
            }
            Ok(())
        }
        Plot::HBars(h) => draw_hbars(&rest, h, sc),
        Plot::Lines(l) => draw_lines(&rest, l, sc),
        Plot::Quantiles(q) => draw_quantiles(&rest, q, sc),
    }
}

/// Draw a marker centred at `$at` in the coordinates of `$area`.
macro_rules! marker {
    ($area:expr, $at:expr, $m:expr, $color:expr, $sc:expr) => {{
        let r = px(4.0 * $sc);
        let st = ShapeStyle {
            color: $color.to_rgba(),
            filled: true,
            stroke_width: 1,
        };
        match $m {
            Marker::Circle => $area.draw(&(EmptyElement::at($at) + Circle::new((0, 0), r, st))),
            Marker::Triangle => {
                $area.draw(&(EmptyElement::at($at) + TriangleMarker::new((0, 0), r + 1, st)))
            }
            Marker::Square => {
                $area.draw(&(EmptyElement::at($at) + Rectangle::new([(-r, -r), (r, r)], st)))
            }
            Marker::Diamond => $area.draw(
                &(EmptyElement::at($at)
                    + Polygon::new(vec![(0, -r - 1), (r + 1, 0), (0, r + 1), (-r - 1, 0)], st)),
            ),
        }
        .map_err(de)
    }};
}

/// A short dashed (or solid) horizontal stroke in pixel space, for legends.
fn legend_stroke<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x: i32,
    y: i32,
    len: i32,
    look: Look,
    sc: f64,
) -> anyhow::Result<()> {
    let st = stroke(look.color, 2.5 * sc);
    match look.dash {
        None => area
            .draw(&PathElement::new(vec![(x, y), (x + len, y)], st))
            .map_err(de)?,
        Some((d, g)) => area
            .draw(&DashedPathElement::new(
                vec![(x, y), (x + len, y)],
                px(d * sc),
                px(g * sc),
                st,
            ))
            .map_err(de)?,
    }
    Ok(())
}

fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    items: &[Legend],
    sc: f64,
) -> anyhow::Result<()> {
    let y = px(12.0 * sc);
    let mut x = px(14.0 * sc);
    let style = font(13.0 * sc, INK).pos(Pos::new(HPos::Left, VPos::Center));
    for it in items {
        let text = match it {
            Legend::Swatch(t, c) => {
                area.draw(&Rectangle::new(
                    [(x, y - px(6.0 * sc)), (x + px(12.0 * sc), y + px(6.0 * sc))],
                    c.filled(),
                ))
                .map_err(de)?;
                x += px(18.0 * sc);
                t
            }
            Legend::Line(t, look) => {
                let len = px(34.0 * sc);
                legend_stroke(area, x, y, len, *look, sc)?;
                marker!(area, (x + len / 2, y), look.marker, look.color, sc)?;
                x += len + px(7.0 * sc);
                t
            }
            Legend::Box(t) => {
                area.draw(&Rectangle::new(
                    [(x, y - px(6.0 * sc)), (x + px(16.0 * sc), y + px(6.0 * sc))],
                    BOX_FILL.filled(),
                ))
                .map_err(de)?;
                area.draw(&Rectangle::new(
                    [(x, y - px(6.0 * sc)), (x + px(16.0 * sc), y + px(6.0 * sc))],
                    stroke(OI_BLUE, 1.0 * sc),
                ))
                .map_err(de)?;
                x += px(22.0 * sc);
                t
            }
            Legend::Median(t) => {
                area.draw(&PathElement::new(
                    vec![(x, y), (x + px(16.0 * sc), y)],
                    stroke(INK, 3.0 * sc),
                ))
                .map_err(de)?;
                x += px(22.0 * sc);
                t
            }
            Legend::Whisker(t) => {
                let (a, b) = (y - px(7.0 * sc), y + px(7.0 * sc));
                let mid = x + px(6.0 * sc);
                area.draw(&PathElement::new(
                    vec![(mid, a), (mid, b)],
                    stroke(INK, 1.5 * sc),
                ))
                .map_err(de)?;
                area.draw(&PathElement::new(
                    vec![(x, a), (x + px(12.0 * sc), a)],
                    stroke(INK, 1.5 * sc),
                ))
                .map_err(de)?;
                x += px(18.0 * sc);
                t
            }
            Legend::Reference(t) => {
                let look = Look {
                    color: MUTED,
                    dash: Some((6.0, 4.0)),
                    marker: Marker::Circle,
                };
                legend_stroke(area, x, y, px(28.0 * sc), look, sc)?;
                x += px(34.0 * sc);
                t
            }
        };
        area.draw(&Text::new(text.clone(), (x, y), style.clone()))
            .map_err(de)?;
        let (w, _) = area.estimate_text_size(text, &style).map_err(de)?;
        x += w as i32 + px(22.0 * sc);
    }
    Ok(())
}

fn key_label(keys: &[(f64, String)], v: f64) -> String {
    keys.iter()
        .find(|(k, _)| (k - v).abs() < 1e-6)
        .map(|(_, l)| l.clone())
        .unwrap_or_default()
}

fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &Bars,
    sc: f64,
) -> anyhow::Result<()> {
    let mut area = area.clone();
    if let Some(sub) = &c.subtitle {
        let (a, b) = area.split_vertically(px(22.0 * sc));
        a.draw(&Text::new(
            sub.clone(),
            (px(14.0 * sc), px(4.0 * sc)),
            font(14.0 * sc, INK).pos(Pos::new(HPos::Left, VPos::Top)),
        ))
        .map_err(de)?;
        area = b;
    }
    let n = c.cats.len().max(1);
    let keys: Vec<(f64, String)> = c
        .cats
        .iter()
        .enumerate()
        .map(|(i, l)| (i as f64, l.clone()))
        .collect();
    let xk: Vec<f64> = keys.iter().map(|k| k.0).collect();
    let (y0, y1) = c.y_range;
    let mut chart = ChartBuilder::on(&area)
        .margin_left(px(6.0 * sc))
        .margin_right(px(16.0 * sc))
        .margin_top(px(8.0 * sc))
        .margin_bottom(px(6.0 * sc))
        .x_label_area_size(px(48.0 * sc))
        .y_label_area_size(px(62.0 * sc))
        .build_cartesian_2d(
            Keyed::new(-0.5, n as f64 - 0.5, xk),
            Keyed::new(y0, y1, c.y_ticks.clone()),
        )
        .map_err(de)?;
    let yf = c.y_fmt;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(stroke(GRID, sc))
        .light_line_style(TRANSPARENT.stroke_width(0))
        .axis_style(stroke(AXIS, sc))
        .x_labels(n + 1)
        .y_labels(c.y_ticks.len() + 1)
        .x_label_formatter(&|x| key_label(&keys, *x))
        .y_label_formatter(&|v| fmt_tick(yf, *v))
        .label_style(font(13.0 * sc, MUTED))
        .axis_desc_style(font(14.0 * sc, INK))
        .x_desc(c.x_desc.as_str())
        .y_desc(c.y_desc.as_str())
        .draw()
        .map_err(de)?;
    if y0 < 0.0 {
        chart
            .draw_series(LineSeries::new(
                vec![(-0.5, 0.0), (n as f64 - 0.5, 0.0)],
                stroke(AXIS, 1.5 * sc),
            ))
            .map_err(de)?;
    }
    let k = c.series.len().max(1);
    let group_w = if k == 1 { 0.62 } else { 0.8 };
    let w = group_w / k as f64;
    let base = if y0 > 0.0 { y0 } else { 0.0 };
    let label_style = font(13.0 * sc, INK);
    for (si, ser) in c.series.iter().enumerate() {
        for (i, v) in ser.values.iter().enumerate() {
            let Some(v) = v.filter(|v| v.is_finite()) else {
                continue;
            };
            let x0 = i as f64 - group_w / 2.0 + si as f64 * w + w * 0.04;
            let x1 = x0 + w * 0.92;
            let xc = (x0 + x1) / 2.0;
            let color = ser.bar_colors.get(i).copied().unwrap_or(ser.color);
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(x0, base), (x1, v.clamp(y0, y1))],
                    color.filled(),
                )))
                .map_err(de)?;
            let mut top = v;
            if let Some(Some((lo, hi))) = ser.ci.get(i) {
                let (lo, hi) = (lo.clamp(y0, y1), hi.clamp(y0, y1));
                let cap = w * 0.18;
                let st = stroke(INK, 1.5 * sc);
                for seg in [
                    vec![(xc, lo), (xc, hi)],
                    vec![(xc - cap, lo), (xc + cap, lo)],
                    vec![(xc - cap, hi), (xc + cap, hi)],
                ] {
                    chart.draw_series(LineSeries::new(seg, st)).map_err(de)?;
                }
                top = top.max(hi);
            }
            if let Some(l) = ser.labels.get(i).filter(|l| !l.is_empty()) {
                let (dy, vpos, y) = if v < 0.0 {
                    (px(4.0 * sc), VPos::Top, v.max(y0))
                } else {
                    (-px(4.0 * sc), VPos::Bottom, top.min(y1))
                };
                chart
                    .plotting_area()
                    .draw(
                        &(EmptyElement::at((xc, y))
                            + Text::new(
                                l.clone(),
                                (0, dy),
                                label_style.pos(Pos::new(HPos::Center, vpos)),
                            )),
                    )
                    .map_err(de)?;
            }
        }
    }
    for (y, l) in &c.refs {
        chart
            .draw_series(DashedLineSeries::new(
                vec![(-0.5, *y), (n as f64 - 0.5, *y)],
                px(6.0 * sc),
                px(4.0 * sc),
                stroke(MUTED, 1.5 * sc),
            ))
            .map_err(de)?;
        chart
            .plotting_area()
            .draw(
                &(EmptyElement::at((n as f64 - 0.5, *y))
                    + Text::new(
                        l.clone(),
                        (-px(4.0 * sc), -px(3.0 * sc)),
                        font(12.0 * sc, MUTED).pos(Pos::new(HPos::Right, VPos::Bottom)),
                    )),
            )
            .map_err(de)?;
    }
    Ok(())
}

fn draw_hbars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &HBars,
    sc: f64,
) -> anyhow::Result<()> {
    let n = c.cats.len().max(1);
    // First category at the top.
    let keys: Vec<(f64, String)> = c
        .cats
        .iter()
        .enumerate()
        .map(|(i, l)| ((n - 1 - i) as f64, l.clone()))
        .collect();
    let yk: Vec<f64> = keys.iter().map(|k| k.0).collect();
    let xt = nice_axis(c.x_max, 5, false).1;
    let mut chart = ChartBuilder::on(area)
        .margin_left(px(6.0 * sc))
        .margin_right(px(96.0 * sc))
        .margin_top(px(8.0 * sc))
        .margin_bottom(px(6.0 * sc))
        .x_label_area_size(px(46.0 * sc))
        .y_label_area_size(px(170.0 * sc))
        .build_cartesian_2d(
            Keyed::new(0.0, c.x_max, xt.clone()),
            Keyed::new(-0.5, n as f64 - 0.5, yk),
        )
        .map_err(de)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .bold_line_style(stroke(GRID, sc))
        .light_line_style(TRANSPARENT.stroke_width(0))
        .axis_style(stroke(AXIS, sc))
        .x_labels(xt.len() + 1)
        .y_labels(n + 1)
        .x_label_formatter(&|v| fmt_tick(c.x_fmt, *v))
        .y_label_formatter(&|y| key_label(&keys, *y))
        .label_style(font(13.0 * sc, MUTED))
        .axis_desc_style(font(14.0 * sc, INK))
        .x_desc(c.x_desc.as_str())
        .draw()
        .map_err(de)?;
    if let Some((x, l)) = &c.reference {
        chart
            .draw_series(DashedLineSeries::new(
                vec![(*x, -0.5), (*x, n as f64 - 0.5)],
                px(6.0 * sc),
                px(4.0 * sc),
                stroke(INK, 1.5 * sc),
            ))
            .map_err(de)?;
        chart
            .plotting_area()
            .draw(
                &(EmptyElement::at((*x, n as f64 - 0.5))
                    + Text::new(
                        l.clone(),
                        (px(4.0 * sc), px(2.0 * sc)),
                        font(12.0 * sc, INK).pos(Pos::new(HPos::Left, VPos::Top)),
                    )),
            )
            .map_err(de)?;
    }
    let label_style = font(13.0 * sc, INK).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, v) in c.values.iter().enumerate() {
        let y = (n - 1 - i) as f64;
        let end = match v.filter(|v| v.is_finite()) {
            Some(v) => {
                let v = v.clamp(0.0, c.x_max);
                let color = c.colors.get(i).copied().unwrap_or(OI_BLUE);
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(0.0, y - 0.3), (v, y + 0.3)],
                        color.filled(),
                    )))
                    .map_err(de)?;
                v
            }
            None => 0.0,
        };
        if let Some(l) = c.labels.get(i).filter(|l| !l.is_empty()) {
            // A white plate keeps the label readable where it crosses the reference line.
            let (tw, th) = chart
                .plotting_area()
                .estimate_text_size(l, &label_style)
                .map_err(de)?;
            let (dx, pad, half) = (px(6.0 * sc), px(3.0 * sc), th as i32 / 2);
            chart
                .plotting_area()
                .draw(
                    &(EmptyElement::at((end, y))
                        + Rectangle::new(
                            [(dx - pad, -half - pad), (dx + tw as i32 + pad, half + pad)],
                            WHITE.filled(),
                        )
                        + Text::new(l.clone(), (dx, 0), label_style.clone())),
                )
                .map_err(de)?;
        }
    }
    Ok(())
}

fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &Lines,
    sc: f64,
) -> anyhow::Result<()> {
    let (x0, x1) = c.x_range;
    let (y0, y1) = c.y_range;
    let xk: Vec<f64> = c.x_ticks.iter().map(|k| k.0).collect();
    let mut chart = ChartBuilder::on(area)
        .margin_left(px(6.0 * sc))
        .margin_right(px(22.0 * sc))
        .margin_top(px(8.0 * sc))
        .margin_bottom(px(6.0 * sc))
        .x_label_area_size(px(48.0 * sc))
        .y_label_area_size(px(62.0 * sc))
        .build_cartesian_2d(
            Keyed::new(x0, x1, xk),
            Keyed::new(y0, y1, c.y_ticks.clone()),
        )
        .map_err(de)?;
    let yf = c.y_fmt;
    chart
        .configure_mesh()
        .bold_line_style(stroke(GRID, sc))
        .light_line_style(TRANSPARENT.stroke_width(0))
        .axis_style(stroke(AXIS, sc))
        .x_labels(c.x_ticks.len() + 1)
        .y_labels(c.y_ticks.len() + 1)
        .x_label_formatter(&|x| key_label(&c.x_ticks, *x))
        .y_label_formatter(&|v| fmt_tick(yf, *v))
        .label_style(font(13.0 * sc, MUTED))
        .axis_desc_style(font(14.0 * sc, INK))
        .x_desc(c.x_desc.as_str())
        .y_desc(c.y_desc.as_str())
        .draw()
        .map_err(de)?;
    let ref_style = stroke(MUTED, 1.5 * sc);
    let ref_font = font(12.0 * sc, MUTED);
    for (y, l) in &c.hrefs {
        chart
            .draw_series(DashedLineSeries::new(
                vec![(x0, *y), (x1, *y)],
                px(6.0 * sc),
                px(4.0 * sc),
                ref_style,
            ))
            .map_err(de)?;
        chart
            .plotting_area()
            .draw(
                &(EmptyElement::at((x1, *y))
                    + Text::new(
                        l.clone(),
                        (-px(4.0 * sc), -px(3.0 * sc)),
                        ref_font.pos(Pos::new(HPos::Right, VPos::Bottom)),
                    )),
            )
            .map_err(de)?;
    }
    for (x, l) in &c.vrefs {
        chart
            .draw_series(DashedLineSeries::new(
                vec![(*x, y0), (*x, y1)],
                px(6.0 * sc),
                px(4.0 * sc),
                ref_style,
            ))
            .map_err(de)?;
        chart
            .plotting_area()
            .draw(
                &(EmptyElement::at((*x, y0))
                    + Text::new(
                        l.clone(),
                        (px(4.0 * sc), -px(4.0 * sc)),
                        ref_font.pos(Pos::new(HPos::Left, VPos::Bottom)),
                    )),
            )
            .map_err(de)?;
    }
    for ser in &c.series {
        let st = stroke(ser.look.color, 2.5 * sc);
        for seg in ser.segments.iter().filter(|s| s.len() >= 2) {
            match ser.look.dash {
                None => chart
                    .draw_series(LineSeries::new(seg.clone(), st))
                    .map_err(de)?,
                Some((d, g)) => chart
                    .draw_series(DashedLineSeries::new(
                        seg.clone(),
                        px(d * sc),
                        px(g * sc),
                        st,
                    ))
                    .map_err(de)?,
            };
        }
        for p in &ser.markers {
            marker!(
                chart.plotting_area(),
                *p,
                ser.look.marker,
                ser.look.color,
                sc
            )?;
        }
        for (p, l) in &ser.labels {
            chart
                .plotting_area()
                .draw(
                    &(EmptyElement::at(*p)
                        + Text::new(
                            l.clone(),
                            (0, -px(9.0 * sc)),
                            font(13.0 * sc, INK).pos(Pos::new(HPos::Center, VPos::Bottom)),
                        )),
                )
                .map_err(de)?;
        }
    }
    Ok(())
}

fn draw_quantiles<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &Quantiles,
    sc: f64,
) -> anyhow::Result<()> {
    let n = c.cats.len().max(1);
    let keys: Vec<(f64, String)> = c
        .cats
        .iter()
        .enumerate()
        .map(|(i, l)| (i as f64, l.clone()))
        .collect();
    let xk: Vec<f64> = keys.iter().map(|k| k.0).collect();
    let yt = nice_axis(c.y_max, 5, false).1;
    let mut chart = ChartBuilder::on(area)
        .margin_left(px(6.0 * sc))
        .margin_right(px(16.0 * sc))
        .margin_top(px(8.0 * sc))
        .margin_bottom(px(6.0 * sc))
        .x_label_area_size(px(48.0 * sc))
        .y_label_area_size(px(62.0 * sc))
        .build_cartesian_2d(
            Keyed::new(-0.5, n as f64 - 0.5, xk),
            Keyed::new(0.0, c.y_max, yt.clone()),
        )
        .map_err(de)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(stroke(GRID, sc))
        .light_line_style(TRANSPARENT.stroke_width(0))
        .axis_style(stroke(AXIS, sc))
        .x_labels(n + 1)
        .y_labels(yt.len() + 1)
        .x_label_formatter(&|x| key_label(&keys, *x))
        .y_label_formatter(&|v| fmt_tick(Fmt::Num, *v))
        .label_style(font(13.0 * sc, MUTED))
        .axis_desc_style(font(14.0 * sc, INK))
        .x_desc(c.x_desc.as_str())
        .y_desc(c.y_desc.as_str())
        .draw()
        .map_err(de)?;
    let half = 0.22;
    for (i, row) in c.rows.iter().enumerate() {
        let x = i as f64;
        let Some([p25, med, p75, p90]) = row else {
            chart
                .plotting_area()
                .draw(
                    &(EmptyElement::at((x, 0.0))
                        + Text::new(
                            "none reached".to_string(),
                            (0, -px(6.0 * sc)),
                            font(12.0 * sc, MUTED).pos(Pos::new(HPos::Center, VPos::Bottom)),
                        )),
                )
                .map_err(de)?;
            continue;
        };
        let whisker = stroke(INK, 1.5 * sc);
        chart
            .draw_series(LineSeries::new(vec![(x, *p75), (x, *p90)], whisker))
            .map_err(de)?;
        chart
            .draw_series(LineSeries::new(
                vec![(x - half * 0.5, *p90), (x + half * 0.5, *p90)],
                whisker,
            ))
            .map_err(de)?;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(x - half, *p25), (x + half, *p75)],
                BOX_FILL.filled(),
            )))
            .map_err(de)?;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(x - half, *p25), (x + half, *p75)],
                stroke(OI_BLUE, 1.2 * sc),
            )))
            .map_err(de)?;
        chart
            .draw_series(LineSeries::new(
                vec![(x - half, *med), (x + half, *med)],
                stroke(INK, 3.0 * sc),
            ))
            .map_err(de)?;
        chart
            .plotting_area()
            .draw(
                &(EmptyElement::at((x + half, *med))
                    + Text::new(
                        format!("{} d", num1(Some(*med))),
                        (px(5.0 * sc), 0),
                        font(13.0 * sc, INK).pos(Pos::new(HPos::Left, VPos::Center)),
                    )),
            )
            .map_err(de)?;
    }
    Ok(())
}

// ---- PNG encoding --------------------------------------------------------------------------

/// Encode 8-bit RGB pixels as a PNG (filter "Up" on every row, zlib via flate2).
fn encode_png(rgb: &[u8], w: u32, h: u32) -> anyhow::Result<Vec<u8>> {
    use flate2::{write::ZlibEncoder, Compression, Crc};
    let stride = w as usize * 3;
    if stride == 0 || rgb.len() != stride * h as usize {
        return Err(anyhow!("PNG buffer does not match {w}×{h}"));
    }
    let mut raw = Vec::with_capacity((stride + 1) * h as usize);
    let mut prev: Option<&[u8]> = None;
    for row in rgb.chunks_exact(stride) {
        raw.push(2u8);
        match prev {
            None => raw.extend_from_slice(row),
            Some(p) => raw.extend(row.iter().zip(p).map(|(a, b)| a.wrapping_sub(*b))),
        }
        prev = Some(row);
    }
    let mut z = ZlibEncoder::new(Vec::new(), Compression::default());
    z.write_all(&raw)?;
    let idat = z.finish()?;
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut chunk = |kind: &[u8; 4], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let mut crc = Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    };
    chunk(b"IHDR", &ihdr);
    chunk(b"IDAT", &idat);
    chunk(b"IEND", &[]);
    Ok(out)
}

// ---- chart data from the report ------------------------------------------------------------

/// A signed number with one decimal and a true minus sign.
fn signed_num1(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r > 0.0 {
        format!("+{:.1}", r)
    } else if r < 0.0 {
        format!("−{:.1}", -r)
    } else {
        "0.0".into()
    }
}

fn period_label(view: &ReportView) -> String {
    label(super::text(view.metrics, &["period", "label"]).unwrap_or(""))
}

fn low_mark(n: Option<u64>) -> &'static str {
    if n.is_some_and(|n| n < LOW_SAMPLE) {
        "†"
    } else {
        ""
    }
}

fn spec_quality_bands(view: &ReportView) -> Option<Spec> {
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
        title: format!("Deals by handoff-quality band, {}", period_label(view)),
        note: Some("Bands: excellent ≥ 90, good ≥ 80, acceptable ≥ 70, substandard < 70".into()),
        legend: Vec::new(),
        height: HEIGHT,
        plot: Plot::Bars(Bars {
            subtitle: None,
            cats: keys.iter().map(|k| label(&humanize(k))).collect(),
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
            x_desc: "Quality band".into(),
            y_desc: "Deals closed".into(),
            y_range: (0.0, y_max),
            y_ticks,
            y_fmt: Fmt::Int,
            refs: Vec::new(),
        }),
    })
}

fn spec_trend(view: &ReportView) -> Option<Spec> {
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
        title: "Mean handoff quality score by month".into(),
        note: Some(
            "Six calendar months ending with the report period; n = deals closed in the month"
                .into(),
        ),
        legend: vec![Legend::Reference(
            "band thresholds (good 80, acceptable 70)".into(),
        )],
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
            x_desc: "Month of close".into(),
            y_desc: "Mean quality score (0–100)".into(),
            x_range: (-0.5, n as f64 - 0.5),
            y_range: (0.0, 100.0),
            x_ticks,
            y_ticks: vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0],
            y_fmt: Fmt::Int,
            hrefs: vec![(80.0, "good".into()), (70.0, "acceptable".into())],
            vrefs: Vec::new(),
        }),
    })
}

fn spec_sla(view: &ReportView) -> Option<Spec> {
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
            Some(r) => format!(
                "{} ({} of {})",
                pct(Some(r)),
                int(get(&met, i).map(|x| x as u64)),
                int(get(&met, i)
                    .zip(get(&missed, i))
                    .map(|(a, b)| (a + b) as u64))
            ),
            None => "no data (all pending)".into(),
        })
        .collect();
    Some(Spec {
        name: "sla_attainment",
        title: format!("SLA attainment by activity, {}", period_label(view)),
        note: None,
        legend: vec![
            Legend::Swatch("at or above the floor".into(), OI_BLUE),
            Legend::Swatch("below the floor".into(), OI_ORANGE),
            Legend::Reference(format!("{} floor", fmt_tick(Fmt::Pct, floor))),
        ],
        height: 380,
        plot: Plot::HBars(HBars {
            cats: (0..n)
                .map(|i| label(&humanize(&get(&act, i).unwrap_or_default())))
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
            x_desc: "Attainment = met ÷ (met + missed), period cohort".into(),
            x_max: 1.0,
            x_fmt: Fmt::Pct,
            reference: Some((floor, "floor".into())),
        }),
    })
}

fn spec_missing(view: &ReportView) -> Option<Spec> {
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
        title: format!("Most-missing handoff information, {}", period_label(view)),
        note: Some(
            "Share of the period's handoff records without the field, most often missing first"
                .into(),
        ),
        legend: Vec::new(),
        height: 400,
        plot: Plot::HBars(HBars {
            cats: (0..n)
                .map(|i| label(&humanize(&get(&field, i).unwrap_or_default())))
                .collect(),
            colors: vec![OI_VERMILLION; n],
            labels: miss.iter().map(|m| pct(*m)).collect(),
            values: miss,
            x_desc: "Share of handoff records missing the field".into(),
            x_max: nice_axis(max.max(0.05), 5, false).0.min(1.0),
            x_fmt: Fmt::Pct,
            reference: None,
        }),
    })
}

fn spec_ttfv_segment(view: &ReportView) -> Option<Spec> {
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
    Some(Spec {
        name: "ttfv_by_segment",
        title: "Time to first value by segment (trailing 12 months)".into(),
        note: Some(
            "Over deals that reached first value; † fewer than 30 deals in the segment".into(),
        ),
        legend: vec![
            Legend::Box("p25–p75".into()),
            Legend::Median("median".into()),
            Legend::Whisker("p90".into()),
        ],
        height: HEIGHT,
        plot: Plot::Quantiles(Quantiles {
            cats: (0..df.height())
                .map(|i| {
                    let nn = get(&n, i).map(|x| x as u64);
                    format!(
                        "{} (n={}){}",
                        label(&humanize(&get(&group, i).unwrap_or_default())),
                        int(nn),
                        low_mark(nn)
                    )
                })
                .collect(),
            rows,
            x_desc: "Segment (deals in the trailing cohort)".into(),
            y_desc: "Days from close to first value".into(),
            y_max: nice_axis(max * 1.05, 5, false).0,
        }),
    })
}

/// Curves by band from a `band, day, VALUE` table, in band order.
fn curves(df: &polars::prelude::DataFrame, value: &str) -> Vec<(String, Vec<(f64, f64)>)> {
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

/// A right-continuous step function through KM points.
fn staircase(pts: &[(f64, f64)]) -> Vec<(f64, f64)> {
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
fn step_at(pts: &[(f64, f64)], x: f64) -> Option<f64> {
    let last = pts.last()?;
    if x > last.0 {
        return None;
    }
    pts.iter().take_while(|p| p.0 <= x).last().map(|p| p.1)
}

fn km_lines(
    cs: &[(String, Vec<(f64, f64)>)],
    x_max: f64,
    n_of: &dyn Fn(&str) -> Option<u64>,
) -> (Vec<Line>, Vec<Legend>) {
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
        let nn = n_of(band);
        legend.push(Legend::Line(
            format!("{} (n={}){}", label(&humanize(band)), int(nn), low_mark(nn)),
            look,
        ));
    }
    (lines, legend)
}

fn spec_ttfv_km(view: &ReportView) -> Option<Spec> {
    let df = view.rows("ttfv_km_curves")?;
    let cs = curves(df, "share_not_reached");
    if cs.is_empty() {
        return None;
    }
    let max_day = cs
        .iter()
        .flat_map(|(_, p)| p.iter().map(|x| x.0))
        .fold(0.0f64, f64::max);
    let (x_max, x_ticks) = nice_axis(max_day.max(30.0) * 1.02, 8, true);
    let m = view.metrics;
    let n_of = |b: &str| unum(m, &["ttfv", "by_quality_band", b, "n"]);
    let (series, legend) = km_lines(&cs, x_max, &n_of);
    Some(Spec {
        name: "ttfv_km_curves",
        title: "Deals still waiting for first value, by quality band".into(),
        note: Some("Kaplan–Meier estimate over the trailing cohort; deals not yet at first value are censored".into()),
        legend,
        height: HEIGHT,
        plot: Plot::Lines(Lines {
            series,
            x_desc: "Days since close".into(),
            y_desc: "Share without first value".into(),
            x_range: (0.0, x_max),
            y_range: (0.0, 1.0),
            x_ticks: x_ticks
                .into_iter()
                .map(|x| (x, fmt_tick(Fmt::Int, x)))
                .collect(),
            y_ticks: ticks(0.0, 1.0, 5),
            y_fmt: Fmt::Pct,
            hrefs: Vec::new(),
            vrefs: Vec::new(),
        }),
    })
}

fn spec_adoption_health(view: &ReportView) -> Option<Spec> {
    let df = view.rows("adoption_health")?;
    let metric = col_str(df, "metric");
    let day = col_str(df, "day");
    let band = col_str(df, "band");
    let mean = col_f64(df, "mean");
    let mut panels = Vec::new();
    for (key, title, fmt, y_desc) in [
        (
            "utilisation",
            "Utilisation (active users ÷ licensed seats)",
            Fmt::Pct,
            "Mean utilisation",
        ),
        (
            "health",
            "Health score",
            Fmt::Num,
            "Mean health score (0–100)",
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
            subtitle: Some(title.into()),
            cats: bands.iter().map(|b| label(&humanize(b))).collect(),
            series,
            x_desc: "Quality band".into(),
            y_desc: y_desc.into(),
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
        title: "Early adoption and health by quality band".into(),
        note: Some(
            "Trailing cohort; mean at 30, 60 and 90 days after close over deals with a snapshot"
                .into(),
        ),
        legend: vec![
            Legend::Swatch("day 30".into(), DAYS[0]),
            Legend::Swatch("day 60".into(), DAYS[1]),
            Legend::Swatch("day 90".into(), DAYS[2]),
        ],
        height: HEIGHT,
        plot: Plot::Row(panels),
    })
}

/// Bars of a rate by band with Wilson whiskers, from `by_band` JSON.
fn rate_bars(by: &Value, subtitle: Option<&str>, y_desc: &str) -> Option<Bars> {
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

fn spec_churn(view: &ReportView) -> Option<Spec> {
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

fn spec_retention(view: &ReportView) -> Option<Spec> {
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

fn spec_expansion_nps(view: &ReportView) -> Option<Spec> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_numbers_and_ticks() {
        assert_eq!(nice_axis(10.6, 5, true), (15.0, vec![0.0, 5.0, 10.0, 15.0]));
        assert_eq!(nice_axis(0.343, 5, false).0, 0.4);
        assert_eq!(ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(fmt_tick(Fmt::Pct, 0.25), "25%");
        assert_eq!(fmt_tick(Fmt::Signed, 50.0), "+50");
    }

    #[test]
    fn staircase_steps() {
        let s = staircase(&[(0.0, 1.0), (10.0, 0.8), (20.0, 0.5)]);
        assert_eq!(
            s,
            vec![
                (0.0, 1.0),
                (10.0, 1.0),
                (10.0, 0.8),
                (20.0, 0.8),
                (20.0, 0.5)
            ]
        );
        assert_eq!(step_at(&[(0.0, 1.0), (10.0, 0.8)], 5.0), Some(1.0));
        assert_eq!(step_at(&[(0.0, 1.0), (10.0, 0.8)], 11.0), None);
    }

    #[test]
    fn png_has_signature_and_chunks() {
        let png = encode_png(&[255u8; 2 * 2 * 3], 2, 2).unwrap_or_default();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(&png[12..16], b"IHDR");
        assert!(png.ends_with(&[0xae, 0x42, 0x60, 0x82]));
    }

    #[test]
    fn hostile_labels_are_escaped_in_svg() {
        let m = serde_json::json!({
            "period": {"kind": "quarterly", "label": "<b>Q</b>"},
            "satisfaction": {"nps": {"by_band": {"<b>Initech</b>": {"n": 3, "nps": 10.0}}}},
        });
        let view = ReportView {
            metrics: &m,
            tables: &[],
            settings: &crate::config::Settings::default(),
        };
        let charts = charts(&view).unwrap_or_default();
        assert_eq!(charts.len(), 1);
        assert!(charts[0].svg.starts_with("<svg"));
        assert!(!charts[0].svg.contains("<b>"));
        assert!(charts[0].svg.contains("&lt;b&gt;"));
    }
}
