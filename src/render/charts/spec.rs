//! The chart description every spec builds and every drawing reads: legend, series, plot kinds.

use super::*;

pub(crate) enum Legend {
    Swatch(String, RGBColor),
    Line(String, Look),
    Box(String),
    Median(String),
    Whisker(String),
    Reference(String),
}

pub(crate) struct BarSeries {
    pub(crate) color: RGBColor,
    /// Per-bar colours (empty: all bars in `color`).
    pub(crate) bar_colors: Vec<RGBColor>,
    pub(crate) values: Vec<Option<f64>>,
    pub(crate) ci: Vec<Option<(f64, f64)>>,
    pub(crate) labels: Vec<String>,
}

pub(crate) struct Bars {
    pub(crate) subtitle: Option<String>,
    pub(crate) cats: Vec<String>,
    pub(crate) series: Vec<BarSeries>,
    pub(crate) x_desc: String,
    pub(crate) y_desc: String,
    pub(crate) y_range: (f64, f64),
    pub(crate) y_ticks: Vec<f64>,
    pub(crate) y_fmt: Fmt,
    pub(crate) refs: Vec<(f64, String)>,
}

pub(crate) struct HBars {
    pub(crate) cats: Vec<String>,
    pub(crate) values: Vec<Option<f64>>,
    pub(crate) colors: Vec<RGBColor>,
    pub(crate) labels: Vec<String>,
    pub(crate) x_desc: String,
    pub(crate) x_max: f64,
    pub(crate) x_fmt: Fmt,
    pub(crate) reference: Option<(f64, String)>,
}

pub(crate) struct Line {
    pub(crate) look: Look,
    pub(crate) segments: Vec<Vec<(f64, f64)>>,
    pub(crate) markers: Vec<(f64, f64)>,
    pub(crate) labels: Vec<((f64, f64), String)>,
}

pub(crate) struct Lines {
    pub(crate) series: Vec<Line>,
    pub(crate) x_desc: String,
    pub(crate) y_desc: String,
    pub(crate) x_range: (f64, f64),
    pub(crate) y_range: (f64, f64),
    pub(crate) x_ticks: Vec<(f64, String)>,
    pub(crate) y_ticks: Vec<f64>,
    pub(crate) y_fmt: Fmt,
    pub(crate) hrefs: Vec<(f64, String)>,
    pub(crate) vrefs: Vec<(f64, String)>,
}

pub(crate) struct Quantiles {
    pub(crate) cats: Vec<String>,
    /// p25, median, p75, p90 per category.
    pub(crate) rows: Vec<Option<[f64; 4]>>,
    pub(crate) x_desc: String,
    pub(crate) y_desc: String,
    pub(crate) y_max: f64,
    /// The label beside each median (`12.3 d`), per category.
    pub(crate) median_labels: Vec<String>,
    /// Shown in a category without quantiles.
    pub(crate) none_label: String,
}

pub(crate) enum Plot {
    Bars(Bars),
    Row(Vec<Bars>),
    Column(Vec<Bars>),
    HBars(HBars),
    Lines(Lines),
    Quantiles(Quantiles),
}

pub(crate) struct Spec {
    pub(crate) name: &'static str,
    pub(crate) title: String,
    pub(crate) note: Option<String>,
    pub(crate) legend: Vec<Legend>,
    pub(crate) height: u32,
    pub(crate) plot: Plot,
}
