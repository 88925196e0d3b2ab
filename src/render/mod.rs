//! The render stage: turns a finished report (metrics document + tables) into bytes —
//! tables (CSV/Parquet), HTML, Markdown and charts. Renderers know nothing about files;
//! [`crate::report`] decides paths and writes atomically.
//!
//! The report's content is built once, here, as a small document model ([`Document`]:
//! sections of paragraphs, KPI tiles, tables and chart references) from a [`ReportView`];
//! [`html`] and [`markdown`] only decide how that model looks, so both formats always carry
//! the same numbers. All rounding happens here, when numbers become text (rates as % with
//! one decimal, scores one decimal, p-values three significant digits); `metrics.json` and
//! the tables stay unrounded. Text from the data stays raw in the model and is escaped by
//! each renderer for its own format.

pub mod charts;
pub mod custom;
pub mod drivers;
pub mod html;
pub mod markdown;
pub mod tables;

use chrono::{Days, NaiveDate};
use polars::prelude::DataFrame;
use serde_json::Value;

use crate::schema as s;

/// A finished report as the renderers see it: the metrics document and the named tables.
pub struct ReportView<'a> {
    pub metrics: &'a Value,
    pub tables: &'a [(String, DataFrame)],
}

impl ReportView<'_> {
    /// A report table by name (`None` when the pipeline did not produce it).
    pub fn table(&self, name: &str) -> Option<&DataFrame> {
        self.tables
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, df)| df)
    }

    /// A report table that exists and has rows.
    pub fn rows(&self, name: &str) -> Option<&DataFrame> {
        self.table(name).filter(|df| df.height() > 0)
    }

    /// Whether this is the quarterly churn-correlation report (`metrics.period.kind`).
    pub fn is_quarterly(&self) -> bool {
        at(self.metrics, &["period", "kind"]).as_str() == Some("quarterly")
    }

    /// Whether an input table was provided (its `metrics.inputs` entry is not null).
    pub fn provided(&self, input: &str) -> bool {
        !at(self.metrics, &["inputs", input]).is_null()
    }
}

/// One chart in two encodings. `name` is the file stem (`charts/NAME.svg`).
#[derive(Debug, Clone)]
pub struct Chart {
    pub name: String,
    pub title: String,
    pub svg: String,
    pub png: Vec<u8>,
}

/// Samples below this size are flagged low-sample (SPEC §4.9).
pub const LOW_SAMPLE: u64 = crate::metrics::churn::LOW_SAMPLE as u64;
/// The footnote that explains the low-sample mark.
pub const LOW_SAMPLE_NOTE: &str =
    "† Fewer than 30 deals in this group: a low sample, so the number is imprecise.";
/// Shown for a number that is null (empty denominator or not computable).
pub const DASH: &str = "—";
/// Default SLA attainment floor (the alert threshold of the default config).
pub const SLA_FLOOR: f64 = 0.8;
/// Quality score thresholds of SPEC §4.4 used for red/amber/green.
pub const SCORE_GOOD: f64 = 80.0;
pub const SCORE_ACCEPTABLE: f64 = 70.0;

// ---- JSON access -----------------------------------------------------------------------

static NULL: Value = Value::Null;

/// The value at a path of object keys, or null when any step is missing.
pub fn at<'v>(v: &'v Value, path: &[&str]) -> &'v Value {
    path.iter()
        .try_fold(v, |cur, k| cur.get(*k))
        .unwrap_or(&NULL)
}

/// A finite number at a path.
pub fn fnum(v: &Value, path: &[&str]) -> Option<f64> {
    at(v, path).as_f64().filter(|x| x.is_finite())
}

/// A non-negative integer at a path.
pub fn unum(v: &Value, path: &[&str]) -> Option<u64> {
    let x = at(v, path);
    x.as_u64()
        .or_else(|| x.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64))
}

/// A string at a path.
pub fn text<'v>(v: &'v Value, path: &[&str]) -> Option<&'v str> {
    at(v, path).as_str()
}

// ---- table access ----------------------------------------------------------------------

/// A column as floats; all-null (of the frame's height) when it is missing or not numeric.
pub fn col_f64(df: &DataFrame, name: &str) -> Vec<Option<f64>> {
    crate::metrics::f64s(df, name).unwrap_or_else(|_| vec![None; df.height()])
}

/// A column as text; all-null when it is missing.
pub fn col_str(df: &DataFrame, name: &str) -> Vec<Option<String>> {
    crate::metrics::strs(df, name).unwrap_or_else(|_| vec![None; df.height()])
}

/// A boolean column (null = false); all-false when it is missing.
pub fn col_bool(df: &DataFrame, name: &str) -> Vec<bool> {
    crate::metrics::bools(df, name).unwrap_or_else(|_| vec![false; df.height()])
}

/// Element `i` of a column vector, tolerating short vectors.
pub fn get<T: Clone>(v: &[Option<T>], i: usize) -> Option<T> {
    v.get(i).cloned().flatten()
}

// ---- number formatting (the only place numbers are rounded) --------------------------

/// A rate as a percentage with one decimal, e.g. `12.3%`.
pub fn pct(v: Option<f64>) -> String {
    match v {
        Some(x) if x.is_finite() => format!("{:.1}%", x * 100.0),
        _ => DASH.into(),
    }
}

/// A number with one decimal (scores, days, means).
pub fn num1(v: Option<f64>) -> String {
    fixed(v, 1)
}

/// A number with two decimals (relative risks, correlation coefficients, statistics).
pub fn num2(v: Option<f64>) -> String {
    fixed(v, 2)
}

/// Fixed decimals with a typographic minus; a value that rounds to zero has no sign.
fn fixed(v: Option<f64>, decimals: usize) -> String {
    match v {
        Some(x) if x.is_finite() => {
            let s = format!("{:.*}", decimals, x.abs());
            if x < 0.0 && s.bytes().any(|c| (b'1'..=b'9').contains(&c)) {
                format!("−{s}")
            } else {
                s
            }
        }
        _ => DASH.into(),
    }
}

/// Three significant digits (p-values); scientific notation below 0.0001.
pub fn sig3(v: Option<f64>) -> String {
    let Some(x) = v.filter(|x| x.is_finite()) else {
        return DASH.into();
    };
    if x == 0.0 {
        return "0".into();
    }
    if x.abs() < 1e-4 {
        return format!("{:.2e}", x);
    }
    let magnitude = x.abs().log10().floor() as i32;
    let decimals = (2 - magnitude).max(0) as usize;
    format!("{:.*}", decimals, x)
}

/// An integer count with thousands separators.
pub fn int(v: Option<u64>) -> String {
    match v {
        Some(n) => group_thousands(&n.to_string()),
        None => DASH.into(),
    }
}

/// A money amount, whole units with thousands separators (the currency of the ACV column).
pub fn money(v: Option<f64>) -> String {
    match v {
        Some(x) if x.is_finite() => {
            let r = x.round();
            let sign = if r < 0.0 { "-" } else { "" };
            format!("{sign}{}", group_thousands(&format!("{:.0}", r.abs())))
        }
        _ => DASH.into(),
    }
}

fn group_thousands(digits: &str) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A 95% interval `a–b` of two rates.
pub fn ci_pct(lo: Option<f64>, hi: Option<f64>) -> String {
    match (lo, hi) {
        (Some(a), Some(b)) => format!("{}–{}", pct(Some(a)), pct(Some(b))),
        _ => DASH.into(),
    }
}

/// A 95% interval `a–b` of two ratios.
pub fn ci_num2(lo: Option<f64>, hi: Option<f64>) -> String {
    match (lo, hi) {
        (Some(a), Some(b)) => format!("{}–{}", num2(Some(a)), num2(Some(b))),
        _ => DASH.into(),
    }
}

/// A signed change in percentage points between two rates.
pub fn change_pts(now: Option<f64>, before: Option<f64>) -> Option<f64> {
    Some((now? - before?) * 100.0)
}

fn signed1(x: f64) -> String {
    if x.abs() < 0.05 {
        "±0.0".into()
    } else if x > 0.0 {
        format!("+{:.1}", x)
    } else {
        format!("−{:.1}", x.abs())
    }
}

/// A label for a band/segment/activity key: `mid_market` → `Mid market`.
pub fn humanize(key: &str) -> String {
    match key {
        "smb" => return "SMB".into(),
        "mid_market" => return "Mid-market".into(),
        "cs_prep" => return "CS prep".into(),
        "sales_to_cs" => return "Sales to CS".into(),
        "sales_to_am" => return "Sales to AM".into(),
        _ => {}
    }
    let k = key.strip_prefix("info_").unwrap_or(key).replace('_', " ");
    let mut chars = k.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

// ---- the document model ----------------------------------------------------------------

/// Red/amber/green against a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rag {
    Green,
    Amber,
    Red,
}

impl Rag {
    /// The words shown with the colour (colour is never the only signal).
    pub fn label(self) -> &'static str {
        match self {
            Rag::Green => "on target",
            Rag::Amber => "watch",
            Rag::Red => "below target",
        }
    }
    /// CSS class name.
    pub fn class(self) -> &'static str {
        match self {
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
        }
    }
}

/// RAG of a mean quality score: ≥ 80 green, ≥ 70 amber, else red.
pub fn rag_score(v: Option<f64>) -> Option<Rag> {
    v.map(|x| {
        if x >= SCORE_GOOD {
            Rag::Green
        } else if x >= SCORE_ACCEPTABLE {
            Rag::Amber
        } else {
            Rag::Red
        }
    })
}

/// RAG of a rate against a target: at or above green, within 10 points amber, else red.
pub fn rag_rate(v: Option<f64>, target: f64) -> Option<Rag> {
    v.map(|x| {
        if x >= target {
            Rag::Green
        } else if x >= target - 0.1 {
            Rag::Amber
        } else {
            Rag::Red
        }
    })
}

/// Inline text. Data text stays raw here; renderers escape it.
#[derive(Debug, Clone, PartialEq)]
pub enum Span {
    Text(String),
    Strong(String),
    Em(String),
    /// The low-sample mark (†).
    Low,
    /// A status pill with its words.
    Rag(Rag, String),
}

/// Shorthand for plain text.
pub fn t(s: impl Into<String>) -> Span {
    Span::Text(s.into())
}
/// Shorthand for strong text.
pub fn b(s: impl Into<String>) -> Span {
    Span::Strong(s.into())
}

/// One table cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub numeric: bool,
    pub low: bool,
    pub rag: Option<Rag>,
    pub strong: bool,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell {
            text: s.into(),
            ..Cell::default()
        }
    }
    pub fn num(s: impl Into<String>) -> Cell {
        Cell {
            text: s.into(),
            numeric: true,
            ..Cell::default()
        }
    }
    pub fn low(mut self, low: bool) -> Cell {
        self.low = low;
        self
    }
    pub fn rag(mut self, rag: Option<Rag>) -> Cell {
        self.rag = rag;
        self
    }
    pub fn strong(mut self) -> Cell {
        self.strong = true;
        self
    }
}

/// A table with the cohort it uses and its footnotes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub title: Option<String>,
    pub cohort: Option<String>,
    pub head: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub notes: Vec<String>,
}

impl Table {
    pub fn new(head: &[&str]) -> Table {
        Table {
            head: head.iter().map(|h| h.to_string()).collect(),
            ..Table::default()
        }
    }
    pub fn title(mut self, s: impl Into<String>) -> Table {
        self.title = Some(s.into());
        self
    }
    pub fn cohort(mut self, s: impl Into<String>) -> Table {
        self.cohort = Some(s.into());
        self
    }
    pub fn note(mut self, s: impl Into<String>) -> Table {
        self.notes.push(s.into());
        self
    }
    /// Whether any cell carries the low-sample mark (the renderers add the footnote).
    pub fn has_low_sample(&self) -> bool {
        self.rows.iter().flatten().any(|c| c.low)
    }
    /// Footnotes including the low-sample one when needed.
    pub fn all_notes(&self) -> Vec<String> {
        let mut n = self.notes.clone();
        if self.has_low_sample() {
            n.push(LOW_SAMPLE_NOTE.into());
        }
        n
    }
}

/// A headline tile.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Kpi {
    pub label: String,
    pub value: String,
    pub target: Option<String>,
    pub change: Option<String>,
    /// Whether the change is good news (colours the change), `None` when neutral.
    pub change_good: Option<bool>,
    pub rag: Option<Rag>,
    /// Words for the status when the generic ones do not fit (e.g. counts).
    pub rag_label: Option<String>,
    pub detail: Option<String>,
    pub low: bool,
}

/// A block of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(Vec<Span>),
    /// A sub-heading inside a section.
    Heading(String),
    Kpis(Vec<Kpi>),
    Table(Table),
    /// A chart by name; rendered only when [`charts::charts`] produced it.
    Chart(String),
    /// "Not available" and other empty-state notes.
    Unavailable(String),
    /// A highlighted message (the plain-language summary's verdict): paragraphs.
    Callout(Rag, Vec<Vec<Span>>),
    /// A highlighted list under a title (the alerts).
    Notice(Rag, Vec<Span>, Vec<Vec<Span>>),
    List(Vec<Vec<Span>>),
    /// Term / definition pairs.
    Defs(Vec<(String, Vec<Span>)>),
}

/// One numbered section.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// Which cohort the section's numbers use, when it is one cohort.
    pub cohort: Option<String>,
    pub blocks: Vec<Block>,
}

impl Section {
    fn new(id: &str, title: &str) -> Section {
        Section {
            id: id.into(),
            title: title.into(),
            cohort: None,
            blocks: Vec::new(),
        }
    }
    fn cohort(mut self, c: String) -> Section {
        self.cohort = Some(c);
        self
    }
    fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    pub subtitle: String,
    /// Label / value pairs under the title (period, as-of, cohort sizes).
    pub meta: Vec<(String, String)>,
    pub sections: Vec<Section>,
}

/// Build the report for a view: the monthly review or the quarterly churn report.
pub fn document(view: &ReportView) -> Document {
    let m = view.metrics;
    let label = text(m, &["period", "label"]).unwrap_or("?").to_string();
    let quarterly = view.is_quarterly();
    let title = if quarterly {
        format!("Handoff quality and first-year outcomes — {label}")
    } else {
        format!("Handoff quality review — {label}")
    };
    let subtitle = if quarterly {
        "Quarterly report for leadership: first-year churn, expansion and NPS by handoff-quality band, with confidence intervals and significance tests.".to_string()
    } else {
        "Monthly review for RevOps: quality scores, SLA attainment, completion, missing information, coaching and escalations.".to_string()
    };
    let mut meta = vec![
        (
            "Period".to_string(),
            format!(
                "{label} ({} to {})",
                text(m, &["period", "start"]).unwrap_or("?"),
                text(m, &["period", "end"]).unwrap_or("?")
            ),
        ),
        (
            "As of".to_string(),
            format!("{} (end of day, UTC)", text(m, &["as_of"]).unwrap_or("?")),
        ),
    ];
    for (k, name) in [
        ("period_deals", "Period deals"),
        ("trailing_deals", "Trailing deals"),
        ("mature_deals", "Mature deals"),
    ] {
        if let Some(n) = unum(m, &["cohort", k]) {
            meta.push((name.to_string(), int(Some(n))));
        }
    }
    let mut sections = if quarterly {
        vec![
            q_summary(view),
            q_churn(view),
            q_relative_risk(view),
            drivers::q_adjusted(view),
            q_tests(view),
            q_retention(view),
            q_arr(view),
            drivers::q_drivers(view),
            drivers::q_cohorts(view),
            q_expansion_nps(view),
            ttfv_section(view, true),
            q_trend(view),
            methodology(view),
            data_quality(view),
        ]
    } else {
        vec![
            headline(view),
            bands(view),
            trend(view, "trend", "Six-month quality trend"),
            sla(view),
            completion(view),
            missing(view),
            scorecards(view),
            ttfv_section(view, false),
            adoption_health(view),
            satisfaction(view),
            escalations(view),
            transitions(view),
            data_quality(view),
        ]
    };
    if let Some(custom) = custom::section(view) {
        // Before the data-quality appendix, which closes both reports.
        let at = sections.len().saturating_sub(1);
        sections.insert(at, custom);
    }
    Document {
        title,
        subtitle,
        meta,
        sections,
    }
}

// ---- cohort statements -----------------------------------------------------------------

fn date(m: &Value, path: &[&str]) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text(m, path)?, "%Y-%m-%d").ok()
}

fn cohort_period(m: &Value) -> String {
    format!(
        "Period cohort: deals closed {} to {} (n = {}).",
        text(m, &["period", "start"]).unwrap_or("?"),
        text(m, &["period", "end"]).unwrap_or("?"),
        int(unum(m, &["cohort", "period_deals"]))
    )
}

fn cohort_trailing(m: &Value) -> String {
    let end = date(m, &["period", "end"]);
    let start = end.and_then(|e| e.checked_sub_days(Days::new(364)));
    format!(
        "Trailing cohort: deals closed {} to {}, the 365 days ending with the period (n = {}).",
        start.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
        end.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
        int(unum(m, &["cohort", "trailing_deals"]))
    )
}

fn cohort_mature(m: &Value) -> String {
    let hi = date(m, &["as_of"]).and_then(|d| d.checked_sub_days(Days::new(365)));
    format!(
        "Mature cohort: deals closed on or before {} — a full first year observed by the as-of date — within the churn look-back window (n = {}).",
        hi.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
        int(unum(m, &["cohort", "mature_deals"]))
    )
}

fn cohort_survival(m: &Value) -> String {
    format!(
        "Survival cohort: every deal closed before the as-of instant (n = {}), followed to {} end of day UTC; customers who have not churned are censored.",
        int(unum(m, &["cohort", "survival_deals"])),
        text(m, &["as_of"]).unwrap_or("?")
    )
}

/// The one-line cohort labels under tables (the section states the full definition).
fn short_period(m: &Value) -> String {
    format!(
        "Period cohort ({} to {}), n = {}",
        text(m, &["period", "start"]).unwrap_or("?"),
        text(m, &["period", "end"]).unwrap_or("?"),
        int(unum(m, &["cohort", "period_deals"]))
    )
}

fn short_trailing(m: &Value) -> String {
    format!(
        "Trailing cohort (365 days to {}), n = {}",
        text(m, &["period", "end"]).unwrap_or("?"),
        int(unum(m, &["cohort", "trailing_deals"]))
    )
}

fn short_mature(m: &Value) -> String {
    format!(
        "Mature cohort (first year complete by {}), n = {}",
        text(m, &["as_of"]).unwrap_or("?"),
        int(unum(m, &["cohort", "mature_deals"]))
    )
}

fn short_survival(m: &Value) -> String {
    format!(
        "Survival cohort (every deal, followed to {}), n = {}",
        text(m, &["as_of"]).unwrap_or("?"),
        int(unum(m, &["cohort", "survival_deals"]))
    )
}

fn not_provided(input: &str) -> Block {
    Block::Unavailable(format!("Not available (table {input} not provided)."))
}

fn no_rows(what: &str) -> Block {
    Block::Unavailable(format!("No data: {what}."))
}

/// n of a group object and whether it is a low sample.
fn group_n(g: &Value) -> (Option<u64>, bool) {
    let n = unum(g, &["n"]);
    let low = match at(g, &["low_sample"]).as_bool() {
        Some(l) => l,
        None => n.is_some_and(|n| n < LOW_SAMPLE),
    };
    (n, low)
}

/// Keys of a `by_band`-style object in band order, then any others.
fn band_keys(obj: &Value) -> Vec<String> {
    let Some(map) = obj.as_object() else {
        return Vec::new();
    };
    let mut keys: Vec<String> = s::BANDS
        .iter()
        .filter(|b| map.contains_key(**b))
        .map(|b| b.to_string())
        .collect();
    keys.extend(
        map.keys()
            .filter(|k| !s::BANDS.contains(&k.as_str()))
            .cloned(),
    );
    keys
}

// ---- monthly sections --------------------------------------------------------------------

fn headline(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("headline", "Headline").cohort(cohort_period(m));
    let prev_label = text(m, &["previous_period", "label"]).unwrap_or("previous period");
    let vs =
        |d: Option<f64>, unit: &str| d.map(|d| format!("{}{unit} vs {prev_label}", signed1(d)));
    let mut kpis = Vec::new();

    let deals = unum(m, &["cohort", "period_deals"]);
    let prev_deals = unum(m, &["previous_period", "deals"]);
    kpis.push(Kpi {
        label: "Deals closed".into(),
        value: int(deals),
        change: match (deals, prev_deals) {
            (Some(a), Some(b)) => {
                let d = a as i64 - b as i64;
                Some(format!(
                    "{}{d} vs {prev_label} ({b})",
                    if d > 0 { "+" } else { "" }
                ))
            }
            _ => None,
        },
        ..Kpi::default()
    });

    let q = fnum(m, &["quality", "mean"]);
    let dq = q.and_then(|a| Some(a - fnum(m, &["previous_period", "quality_mean"])?));
    kpis.push(Kpi {
        label: "Mean quality score".into(),
        value: num1(q),
        target: Some("≥ 80 good · ≥ 70 acceptable".into()),
        change: vs(dq, " pts"),
        change_good: dq.filter(|d| d.abs() >= 0.05).map(|d| d > 0.0),
        rag: rag_score(q),
        detail: Some(format!("median {}", num1(fnum(m, &["quality", "median"])))),
        ..Kpi::default()
    });

    let target = fnum(m, &["completion", "target"]).unwrap_or(0.9);
    let c = fnum(m, &["completion", "rate"]);
    let dc = change_pts(c, fnum(m, &["previous_period", "completion_rate"]));
    kpis.push(Kpi {
        label: "Completion rate".into(),
        value: pct(c),
        target: Some(format!("target ≥ {}", pct(Some(target)))),
        change: vs(dc, " pts"),
        change_good: dc.filter(|d| d.abs() >= 0.05).map(|d| d > 0.0),
        rag: rag_rate(c, target),
        detail: Some(format!(
            "{} complete · {} incomplete · {} pending",
            int(unum(m, &["completion", "complete"])),
            int(unum(m, &["completion", "incomplete"])),
            int(unum(m, &["completion", "pending"]))
        )),
        ..Kpi::default()
    });

    let kt = fnum(m, &["sla", "knowledge_transfer", "rate"]);
    let dk = change_pts(kt, fnum(m, &["previous_period", "knowledge_transfer_rate"]));
    kpis.push(Kpi {
        label: "Knowledge-transfer SLA".into(),
        value: pct(kt),
        target: Some(format!("floor {}", pct(Some(SLA_FLOOR)))),
        change: vs(dk, " pts"),
        change_good: dk.filter(|d| d.abs() >= 0.05).map(|d| d > 0.0),
        rag: rag_rate(kt, SLA_FLOOR),
        detail: Some("meeting within 48 h of close".into()),
        ..Kpi::default()
    });

    let esc = unum(m, &["escalations", "count"]);
    let esc_alert = alerts(m).iter().any(|(k, _)| k == "escalations");
    kpis.push(Kpi {
        label: "Escalations now".into(),
        value: int(esc),
        detail: Some("deals closed ≤ 90 days ago with an SLA missed and still open".into()),
        rag: esc.map(|n| {
            if esc_alert {
                Rag::Red
            } else if n > 0 {
                Rag::Amber
            } else {
                Rag::Green
            }
        }),
        rag_label: esc.map(|n| {
            if esc_alert {
                "over the alert limit".to_string()
            } else if n > 0 {
                "act on these".to_string()
            } else {
                "none open".to_string()
            }
        }),
        ..Kpi::default()
    });

    if view.provided(s::HANDOFFS) {
        kpis.push(Kpi {
            label: "CS acceptance".into(),
            value: pct(fnum(m, &["acceptance", "rate"])),
            detail: Some(format!(
                "{} accepted · {} needs revision · {} rejected",
                int(unum(m, &["acceptance", "accepted"])),
                int(unum(m, &["acceptance", "needs_revision"])),
                int(unum(m, &["acceptance", "rejected"]))
            )),
            ..Kpi::default()
        });
    }
    let coaching = at(m, &["scorecards", "coaching"])
        .as_array()
        .map(|a| a.len() as u64);
    kpis.push(Kpi {
        label: "Reps flagged for coaching".into(),
        value: int(coaching),
        detail: Some("mean score < 70 over ≥ 3 handoffs".into()),
        rag: coaching.map(|n| if n > 0 { Rag::Amber } else { Rag::Green }),
        rag_label: coaching.map(|n| if n > 0 { "coach" } else { "none" }.to_string()),
        ..Kpi::default()
    });
    sec.push(Block::Kpis(kpis));
    sec.push(Block::Para(vec![t(
        "Status colours: green on target; amber within 10 points of the target (scores 70–80); red below. Changes compare with the previous period of the same length.",
    )]));
    push_alerts(&mut sec, m);
    sec
}

fn alerts(m: &Value) -> Vec<(String, String)> {
    at(m, &["alerts"])
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| {
                    (
                        text(x, &["kind"]).unwrap_or("").to_string(),
                        text(x, &["message"]).unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn push_alerts(sec: &mut Section, m: &Value) {
    let list = alerts(m);
    if list.is_empty() {
        sec.push(Block::Callout(
            Rag::Green,
            vec![vec![t("No alerts fired for this period.")]],
        ));
    } else {
        let title = vec![b(format!(
            "{} alert{} fired:",
            list.len(),
            if list.len() == 1 { "" } else { "s" }
        ))];
        let items = list.into_iter().map(|(_, msg)| vec![t(msg)]).collect();
        sec.push(Block::Notice(Rag::Red, title, items));
    }
}

fn bands(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("bands", "Quality band distribution").cohort(cohort_period(m));
    let Some(df) = view.rows("quality_bands") else {
        sec.push(no_rows("no deals closed in the period"));
        return sec;
    };
    sec.push(Block::Para(vec![
        t("Mean score "),
        b(num1(fnum(m, &["quality", "mean"]))),
        t(", median "),
        b(num1(fnum(m, &["quality", "median"]))),
        t(" (0–100). Bands: excellent ≥ 90, good ≥ 80, acceptable ≥ 70, substandard < 70."),
    ]));
    sec.push(Block::Chart("quality_bands".into()));
    let (names, deals, share) = (
        col_str(df, "band"),
        col_f64(df, "deals"),
        col_f64(df, "share"),
    );
    let mut table = Table::new(&["Band", "Deals", "Share"]).cohort(short_period(m));
    for i in 0..df.height() {
        table.rows.push(vec![
            Cell::text(humanize(&get(&names, i).unwrap_or_default())),
            Cell::num(int(get(&deals, i).map(|x| x as u64))),
            Cell::num(pct(get(&share, i))),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}

fn trend(view: &ReportView, id: &str, title: &str) -> Section {
    let m = view.metrics;
    let mut sec = Section::new(id, title);
    let end = text(m, &["period", "end"]).unwrap_or("?");
    sec.cohort = Some(format!(
        "Monthly cohorts: deals closed in each of the six calendar months ending {end}."
    ));
    let Some(df) = view.rows("quality_trend") else {
        sec.push(no_rows("no trend months"));
        return sec;
    };
    let slope = fnum(m, &["trend", "slope"]);
    let direction = text(m, &["trend", "direction"]);
    sec.push(Block::Para(match (slope, direction) {
        (Some(sl), Some(d)) => vec![
            t("Mean score per month. The least-squares slope is "),
            b(format!("{} points per month", signed1(sl))),
            t(" — "),
            b(d.to_string()),
            t(" (improving ≥ +1, declining ≤ −1, otherwise flat; months without deals are left out)."),
        ],
        _ => vec![t(
            "Mean score per month. Too few months with deals to fit a trend line.",
        )],
    }));
    sec.push(Block::Chart("quality_trend".into()));
    let (months, mean, deals) = (
        col_str(df, "month"),
        col_f64(df, "mean_score"),
        col_f64(df, "deals"),
    );
    let mut table = Table::new(&["Month", "Deals", "Mean score", "Status"])
        .cohort("Monthly cohorts (deals closed in the month).");
    for i in 0..df.height() {
        let v = get(&mean, i);
        let rag = rag_score(v);
        table.rows.push(vec![
            Cell::text(get(&months, i).unwrap_or_default()),
            Cell::num(int(get(&deals, i).map(|x| x as u64))),
            Cell::num(num1(v)).rag(rag),
            Cell::text(rag.map(|r| r.label()).unwrap_or(DASH)),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}

/// Default SLA deadlines of SPEC §4.2.
fn deadline(activity: &str) -> &'static str {
    match activity {
        "knowledge_transfer" => "close + 48 h",
        "intro" => "close + 48 h",
        "cs_prep" => "close + 3 days",
        "kickoff_scheduled" => "close + 5 days",
        "kickoff_held" => "close + 10 days",
        "first_value" => "close + segment target (21–60 days)",
        _ => "",
    }
}

fn sla(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("sla", "SLA attainment").cohort(cohort_period(m));
    let Some(df) = view.rows("sla_attainment") else {
        sec.push(no_rows("no SLA activities"));
        return sec;
    };
    sec.push(Block::Para(vec![
        t("Attainment = met ÷ (met + missed); pending activities (deadline still ahead) are left out. The floor is "),
        b(pct(Some(SLA_FLOOR))),
        t("."),
    ]));
    sec.push(Block::Chart("sla_attainment".into()));
    let (act, met, missed, pending, rate) = (
        col_str(df, "activity"),
        col_f64(df, "met"),
        col_f64(df, "missed"),
        col_f64(df, "pending"),
        col_f64(df, "attainment"),
    );
    let mut table = Table::new(&[
        "Activity",
        "Default deadline",
        "Met",
        "Missed",
        "Pending",
        "Attainment",
    ])
    .cohort(short_period(m))
    .note("Deadlines shown are the defaults of the specification; a config file may override them. First value needs the milestones table.");
    for i in 0..df.height() {
        let a = get(&act, i).unwrap_or_default();
        let r = get(&rate, i);
        table.rows.push(vec![
            Cell::text(humanize(&a)),
            Cell::text(deadline(&a)),
            Cell::num(int(get(&met, i).map(|x| x as u64))),
            Cell::num(int(get(&missed, i).map(|x| x as u64))),
            Cell::num(int(get(&pending, i).map(|x| x as u64))),
            Cell::num(pct(r)).rag(rag_rate(r, SLA_FLOOR)),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}

fn completion(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("completion", "Handoff completion").cohort(cohort_period(m));
    let target = fnum(m, &["completion", "target"]).unwrap_or(0.9);
    let rate = fnum(m, &["completion", "rate"]);
    sec.push(Block::Para(vec![t(
        "A handoff is complete when knowledge transfer, kickoff scheduling and first value all met their SLA; incomplete when any was missed; otherwise pending. Rate = complete ÷ (complete + incomplete).",
    )]));
    let mut table = Table::new(&[
        "Complete",
        "Incomplete",
        "Pending",
        "Completion rate",
        "Target",
    ])
    .cohort(short_period(m));
    table.rows.push(vec![
        Cell::num(int(unum(m, &["completion", "complete"]))),
        Cell::num(int(unum(m, &["completion", "incomplete"]))),
        Cell::num(int(unum(m, &["completion", "pending"]))),
        Cell::num(pct(rate)).rag(rag_rate(rate, target)).strong(),
        Cell::num(format!("≥ {}", pct(Some(target)))),
    ]);
    sec.push(Block::Table(table));
    if view.provided(s::HANDOFFS) {
        let mut acc = Table::new(&["Accepted", "Needs revision", "Rejected", "Acceptance rate"])
            .title("CS acceptance of the handoff record")
            .cohort(short_period(m));
        acc.rows.push(vec![
            Cell::num(int(unum(m, &["acceptance", "accepted"]))),
            Cell::num(int(unum(m, &["acceptance", "needs_revision"]))),
            Cell::num(int(unum(m, &["acceptance", "rejected"]))),
            Cell::num(pct(fnum(m, &["acceptance", "rate"]))),
        ]);
        sec.push(Block::Table(acc));
    } else {
        sec.push(Block::Heading("CS acceptance".into()));
        sec.push(not_provided(s::HANDOFFS));
    }
    sec
}

fn missing(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec =
        Section::new("missing", "Most-missing handoff information").cohort(cohort_period(m));
    if !view.provided(s::HANDOFFS) {
        sec.push(not_provided(s::HANDOFFS));
        return sec;
    }
    let Some(df) = view.rows("missing_information") else {
        sec.push(no_rows("no handoff records in the period"));
        return sec;
    };
    sec.push(Block::Para(vec![
        t("Mean completeness per handoff: "),
        b(format!("{}%", num1(fnum(m, &["completeness", "mean"])))),
        t(format!(
            " over {} handoff records. Fields are ranked from most to least often missing.",
            int(unum(m, &["completeness", "handoff_records"]))
        )),
    ]));
    sec.push(Block::Chart("missing_information".into()));
    let (field, fill, miss) = (
        col_str(df, "field"),
        col_f64(df, "fill_rate"),
        col_f64(df, "missing_rate"),
    );
    let mut table = Table::new(&["Rank", "Field", "Missing", "Filled"]).cohort(short_period(m));
    for i in 0..df.height() {
        table.rows.push(vec![
            Cell::num((i + 1).to_string()),
            Cell::text(humanize(&get(&field, i).unwrap_or_default())),
            Cell::num(pct(get(&miss, i))),
            Cell::num(pct(get(&fill, i))),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}

fn scorecard_table(df: &DataFrame, key: &str, who: &str, flag: &str, m: &Value) -> Table {
    let names = col_str(df, key);
    let handoffs = col_f64(df, "handoffs");
    let score = col_f64(df, "mean_score");
    let comp = col_f64(df, "completion_rate");
    let kt = col_f64(df, "kt_attainment");
    let acc = col_f64(df, "acceptance_rate");
    let rej = col_f64(df, "rejections");
    let coach = col_bool(df, "coaching");
    let mut table = Table::new(&[
        who,
        "Handoffs",
        "Mean score",
        "Completion",
        "KT attainment",
        "Acceptance",
        "Rejections",
        flag,
    ])
    .cohort(short_period(m));
    for i in 0..df.height() {
        let sc = get(&score, i);
        let flagged = coach.get(i).copied().unwrap_or(false);
        table.rows.push(vec![
            Cell::text(get(&names, i).unwrap_or_default()),
            Cell::num(int(get(&handoffs, i).map(|x| x as u64))),
            Cell::num(num1(sc)).rag(rag_score(sc)),
            Cell::num(pct(get(&comp, i))),
            Cell::num(pct(get(&kt, i))),
            Cell::num(pct(get(&acc, i))),
            Cell::num(int(get(&rej, i).map(|x| x as u64))),
            if flagged {
                Cell::text("flag").rag(Some(Rag::Red)).strong()
            } else {
                Cell::text("")
            },
        ]);
    }
    table
}

fn scorecards(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec =
        Section::new("scorecards", "Rep, team and CSM scorecards").cohort(cohort_period(m));
    let coaching: Vec<String> = at(m, &["scorecards", "coaching"])
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if coaching.is_empty() {
        sec.push(Block::Para(vec![t(
            "No rep is flagged for coaching (mean score below 70 over at least 3 handoffs).",
        )]));
    } else {
        let mut spans = vec![t(
            "Flagged for coaching (mean score below 70 over at least 3 handoffs): ",
        )];
        for (i, r) in coaching.iter().enumerate() {
            if i > 0 {
                spans.push(t(", "));
            }
            spans.push(b(r.clone()));
        }
        spans.push(t("."));
        sec.push(Block::Callout(Rag::Amber, vec![spans]));
    }
    sec.push(Block::Para(vec![t(
        "Sorted by mean score, best first. Most rows rest on a handful of handoffs: read single months with care and look at the trend.",
    )]));
    for (table, key, who, flag, needs) in [
        ("scorecard_rep", s::SALES_REP, "Sales rep", "Coaching", None),
        ("scorecard_team", s::SALES_TEAM, "Team", "Below 70", None),
        (
            "scorecard_csm",
            s::CSM,
            "CSM",
            "Below 70",
            Some(s::HANDOFFS),
        ),
    ] {
        sec.push(Block::Heading(match who {
            "CSM" => "By CSM".to_string(),
            other => format!("By {}", other.to_lowercase()),
        }));
        if let Some(input) = needs.filter(|i| !view.provided(i)) {
            sec.push(not_provided(input));
            continue;
        }
        match view.rows(table) {
            Some(df) => sec.push(Block::Table(scorecard_table(df, key, who, flag, m))),
            None => sec.push(no_rows("no handoffs in the period")),
        }
    }
    sec
}

fn ttfv_table(df: &DataFrame, what: &str, cohort: String) -> Table {
    let group = col_str(df, "group");
    let n = col_f64(df, "n");
    let reached = col_f64(df, "reached");
    let median = col_f64(df, "median");
    let p25 = col_f64(df, "p25");
    let p75 = col_f64(df, "p75");
    let p90 = col_f64(df, "p90");
    let km = col_f64(df, "km_median");
    let r30 = col_f64(df, "km_reached_by_30");
    let r60 = col_f64(df, "km_reached_by_60");
    let r90 = col_f64(df, "km_reached_by_90");
    let mut table = Table::new(&[
        what,
        "Deals",
        "Reached",
        "Median days",
        "p25–p75",
        "p90",
        "KM median",
        "By day 30",
        "By day 60",
        "By day 90",
    ])
    .cohort(cohort);
    for i in 0..df.height() {
        let nn = get(&n, i).map(|x| x as u64);
        let low = nn.is_some_and(|x| x < LOW_SAMPLE);
        let g = get(&group, i).unwrap_or_default();
        let label = if what == "ACV band" { g } else { humanize(&g) };
        let iqr = match (get(&p25, i), get(&p75, i)) {
            (Some(a), Some(b)) => format!("{}–{}", num1(Some(a)), num1(Some(b))),
            _ => DASH.into(),
        };
        table.rows.push(vec![
            Cell::text(label),
            Cell::num(int(nn)).low(low),
            Cell::num(int(get(&reached, i).map(|x| x as u64))),
            Cell::num(num1(get(&median, i))).low(low),
            Cell::num(iqr),
            Cell::num(num1(get(&p90, i))),
            Cell::num(num1(get(&km, i))).low(low),
            Cell::num(pct(get(&r30, i))),
            Cell::num(pct(get(&r60, i))),
            Cell::num(pct(get(&r90, i))),
        ]);
    }
    table.note("Median, p25–p75 and p90 are over the deals that reached first value; the Kaplan–Meier (KM) median and the shares reached by day 30/60/90 count every deal, those still waiting as censored — so slow groups are not flattered by leaving them out.")
}

fn ttfv_section(view: &ReportView, quarterly: bool) -> Section {
    let m = view.metrics;
    let title = if quarterly {
        "Time to first value by segment and band"
    } else {
        "Time to first value by segment"
    };
    let mut sec = Section::new("ttfv", title).cohort(cohort_trailing(m));
    if !view.provided(s::MILESTONES) {
        sec.push(not_provided(s::MILESTONES));
        return sec;
    }
    sec.push(Block::Para(vec![t(
        "Days from close to the first first-value milestone before the as-of instant.",
    )]));
    let mut groups: Vec<(&str, &str, &str)> = vec![("ttfv_by_segment", "Segment", "by segment")];
    if quarterly {
        groups.push(("ttfv_by_acv_band", "ACV band", "by ACV band"));
        groups.push((
            "ttfv_by_quality_band",
            "Quality band",
            "by handoff-quality band",
        ));
    }
    for (i, (table, what, heading)) in groups.into_iter().enumerate() {
        if quarterly {
            sec.push(Block::Heading(format!("TTFV {heading}")));
        }
        match view.rows(table) {
            Some(df) => {
                if i == 0 {
                    sec.push(Block::Chart("ttfv_by_segment".into()));
                }
                if table == "ttfv_by_quality_band" {
                    sec.push(Block::Chart("ttfv_km_curves".into()));
                }
                sec.push(Block::Table(ttfv_table(df, what, short_trailing(m))));
            }
            None => sec.push(no_rows("no deals in the trailing cohort")),
        }
    }
    sec
}

/// `mean (n)` cells of a by-band object for one metric and day.
fn mean_cell(g: &Value, fmt: fn(Option<f64>) -> String) -> Cell {
    if g.is_null() {
        return Cell::num(DASH);
    }
    let (n, low) = group_n(g);
    Cell::num(format!("{} ({})", fmt(fnum(g, &["mean"])), int(n))).low(low)
}

fn adoption_health(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("adoption", "Early adoption and health at 30/60/90 days")
        .cohort(cohort_trailing(m));
    sec.push(Block::Para(vec![t(
        "Utilisation = active users ÷ licensed seats from the latest adoption snapshot in the 7 days up to day N after close; health = the latest health score in the 14 days up to day N. Deals without a snapshot in the window are missing, never zero; only deals whose day N has passed count. Cells show mean (n).",
    )]));
    let adoption = at(m, &["adoption"]);
    let health = at(m, &["health"]);
    if adoption.is_null() && health.is_null() {
        sec.push(not_provided("adoption"));
        sec.push(not_provided("health"));
        return sec;
    }
    if view.rows("adoption_health").is_some() {
        sec.push(Block::Chart("adoption_health".into()));
    }
    for (title, obj, input, fmt) in [
        (
            "Utilisation by band",
            adoption,
            s::ADOPTION,
            pct as fn(Option<f64>) -> String,
        ),
        ("Health score by band", health, s::HEALTH, num1),
    ] {
        sec.push(Block::Heading(title.into()));
        if obj.is_null() {
            sec.push(not_provided(input));
            continue;
        }
        let mut keys: Vec<String> = Vec::new();
        for d in ["day_30", "day_60", "day_90"] {
            for k in band_keys(at(obj, &[d, "by_band"])) {
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
        keys.sort_by_key(|k| s::BANDS.iter().position(|b| b == k).unwrap_or(usize::MAX));
        if keys.is_empty() {
            sec.push(no_rows("no deal has reached day 30 with a snapshot"));
            continue;
        }
        let mut table =
            Table::new(&["Band", "Day 30", "Day 60", "Day 90"]).cohort(short_trailing(m));
        for k in &keys {
            let mut row = vec![Cell::text(humanize(k))];
            for d in ["day_30", "day_60", "day_90"] {
                row.push(mean_cell(at(obj, &[d, "by_band", k]), fmt));
            }
            table.rows.push(row);
        }
        sec.push(Block::Table(table));
    }
    sec
}

fn satisfaction(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("satisfaction", "Customer satisfaction").cohort(cohort_trailing(m));
    let sat = at(m, &["satisfaction"]);
    if sat.is_null() {
        sec.push(not_provided(s::SURVEYS));
        return sec;
    }
    sec.push(Block::Para(vec![t(
        "CSAT (1–5) of the day-30 wave (responses 1–60 days after close) and the day-90 wave (61–120 days), latest response per deal and wave. NPS = % promoters (9–10) − % detractors (0–6) over both waves' responses. Cells show value (n).",
    )]));
    let mut keys: Vec<String> = Vec::new();
    for p in [
        ["csat_day_30", "by_band"],
        ["csat_day_90", "by_band"],
        ["nps", "by_band"],
    ] {
        for k in band_keys(at(sat, &p)) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys.sort_by_key(|k| s::BANDS.iter().position(|b| b == k).unwrap_or(usize::MAX));
    if keys.is_empty() {
        sec.push(no_rows("no survey responses in the waves"));
    } else {
        let mut table =
            Table::new(&["Band", "CSAT day 30", "CSAT day 90", "NPS"]).cohort(short_trailing(m));
        for k in &keys {
            let nps = at(sat, &["nps", "by_band", k]);
            let (n, low) = group_n(nps);
            table.rows.push(vec![
                Cell::text(humanize(k)),
                mean_cell(at(sat, &["csat_day_30", "by_band", k]), num1),
                mean_cell(at(sat, &["csat_day_90", "by_band", k]), num1),
                if nps.is_null() {
                    Cell::num(DASH)
                } else {
                    Cell::num(format!(
                        "{} ({})",
                        fnum(nps, &["nps"])
                            .map(signed1)
                            .unwrap_or_else(|| DASH.into()),
                        int(n)
                    ))
                    .low(low)
                },
            ]);
        }
        sec.push(Block::Table(table));
    }
    sec.push(Block::Heading(
        "Deals for a retroactive handoff review (CSAT ≤ 2)".into(),
    ));
    match view.rows("csat_review") {
        None => sec.push(Block::Unavailable(
            "None: no response scored 2 or lower.".into(),
        )),
        Some(df) => {
            let (deal, acct, rep, band, wave, csat) = (
                col_str(df, "deal_id"),
                col_str(df, "account_name"),
                col_str(df, "sales_rep"),
                col_str(df, "quality_band"),
                col_str(df, "wave"),
                col_f64(df, "csat"),
            );
            let mut table = Table::new(&["Deal", "Account", "Sales rep", "Band", "Wave", "CSAT"])
                .cohort(short_trailing(m));
            for i in 0..df.height() {
                table.rows.push(vec![
                    Cell::text(get(&deal, i).unwrap_or_default()),
                    Cell::text(get(&acct, i).unwrap_or_default()),
                    Cell::text(get(&rep, i).unwrap_or_default()),
                    Cell::text(humanize(&get(&band, i).unwrap_or_default())),
                    Cell::text(humanize(&get(&wave, i).unwrap_or_default())),
                    Cell::num(num1(get(&csat, i))),
                ]);
            }
            sec.push(Block::Table(table));
        }
    }
    sec
}

/// At most this many rows of a long list go into the page; the CSV has them all.
const MAX_LIST_ROWS: usize = 100;

fn escalations(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("escalations", "Escalations");
    let as_of = date(m, &["as_of"]);
    let from = as_of.and_then(|d| d.checked_sub_days(Days::new(90)));
    let cohort = format!(
        "Escalation window: deals closed {} to {} (the 90 days up to the as-of date), whatever the report period.",
        from.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
        as_of.map(|d| d.to_string()).unwrap_or_else(|| "?".into())
    );
    sec.cohort = Some(cohort.clone());
    let count = unum(m, &["escalations", "count"]);
    sec.push(Block::Para(vec![
        b(format!("{} deal{}", int(count), if count == Some(1) { "" } else { "s" })),
        t(" have an SLA activity that missed its deadline and is still not done: escalate now. One row per activity, most overdue first."),
    ]));
    let Some(df) = view.rows("escalations") else {
        sec.push(Block::Unavailable(
            "None: every recent deal is on track.".into(),
        ));
        return sec;
    };
    let (deal, acct, rep, csm, act, days) = (
        col_str(df, "deal_id"),
        col_str(df, "account_name"),
        col_str(df, "sales_rep"),
        col_str(df, "csm"),
        col_str(df, "activity"),
        col_f64(df, "days_overdue"),
    );
    let mut table = Table::new(&[
        "Deal",
        "Account",
        "Sales rep",
        "CSM",
        "Activity",
        "Days overdue",
    ])
    .cohort(cohort);
    for i in 0..df.height().min(MAX_LIST_ROWS) {
        table.rows.push(vec![
            Cell::text(get(&deal, i).unwrap_or_default()),
            Cell::text(get(&acct, i).unwrap_or_default()),
            Cell::text(get(&rep, i).unwrap_or_default()),
            Cell::text(get(&csm, i).unwrap_or_else(|| DASH.into())),
            Cell::text(humanize(&get(&act, i).unwrap_or_default())),
            Cell::num(num1(get(&days, i))),
        ]);
    }
    if df.height() > MAX_LIST_ROWS {
        table = table.note(format!(
            "Showing the {MAX_LIST_ROWS} most overdue of {} rows; tables/escalations.csv has them all.",
            df.height()
        ));
    }
    sec.push(Block::Table(table));
    sec
}

fn transitions(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("transitions", "Account transitions");
    sec.cohort = Some(format!(
        "Transitions dated {} to {} (the period).",
        text(m, &["period", "start"]).unwrap_or("?"),
        text(m, &["period", "end"]).unwrap_or("?")
    ));
    let tr = at(m, &["transitions"]);
    if tr.is_null() {
        sec.push(not_provided(s::TRANSITIONS));
        return sec;
    }
    let count = unum(tr, &["count"]);
    let kinds: Vec<String> = at(tr, &["by_kind"])
        .as_object()
        .map(|o| {
            o.iter()
                .map(|(k, v)| format!("{}: {}", humanize(k), int(v.as_u64())))
                .collect()
        })
        .unwrap_or_default();
    let target = fnum(tr, &["satisfaction_target"]).unwrap_or(4.5);
    let sat = fnum(tr, &["satisfaction_mean"]);
    let mut defs = vec![
        (
            "Transitions".to_string(),
            vec![
                b(int(count)),
                t(if kinds.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", kinds.join(", "))
                }),
            ],
        ),
        (
            "Planned".to_string(),
            vec![t(pct(fnum(tr, &["planned_share"])))],
        ),
        (
            "With a joint meeting".to_string(),
            vec![t(pct(fnum(tr, &["joint_meeting_share"])))],
        ),
        (
            "Satisfaction (1–5)".to_string(),
            match sat {
                Some(v) => {
                    let rag = if v >= target { Rag::Green } else { Rag::Red };
                    vec![
                        t(format!("{} ", num1(Some(v)))),
                        Span::Rag(rag, format!("target ≥ {}", num1(Some(target)))),
                    ]
                }
                None => vec![t(DASH)],
            },
        ),
        (
            "Knowledge-transfer completeness".to_string(),
            vec![t(format!(
                "mean {}; {} of transitions at ≥ 95",
                num1(fnum(tr, &["kt_completeness_mean"])),
                pct(fnum(tr, &["kt_complete_share"]))
            ))],
        ),
    ];
    let hc = at(tr, &["health_change"]);
    defs.push((
        "Health change after the transition".to_string(),
        if hc.is_null() {
            vec![t("not available (table health not provided)")]
        } else {
            let parts: Vec<String> = [30, 60, 90]
                .iter()
                .filter_map(|d| {
                    let g = at(hc, &[&format!("day_{d}")]);
                    let n = unum(g, &["n"]).filter(|n| *n > 0)?;
                    Some(format!(
                        "+{d} days: {} points (n = {})",
                        fnum(g, &["mean"])
                            .map(signed1)
                            .unwrap_or_else(|| DASH.into()),
                        int(Some(n))
                    ))
                })
                .collect();
            if parts.is_empty() {
                vec![t(
                    "no transition is 30 days old yet, or no health snapshots around them",
                )]
            } else {
                vec![t(parts.join("; "))]
            }
        },
    ));
    let ch = at(tr, &["churn_180d"]);
    defs.push((
        "Churn within 180 days".to_string(),
        if ch.is_null() {
            vec![t("not available (table renewals not provided)")]
        } else {
            let parts: Vec<String> = ["planned", "unplanned"]
                .iter()
                .filter_map(|k| {
                    let g = at(ch, &[k]);
                    let n = unum(g, &["n"]).filter(|n| *n > 0)?;
                    Some(format!(
                        "{k}: {} (95% CI {}; n = {})",
                        pct(fnum(g, &["rate"])),
                        ci_pct(fnum(g, &["ci_low"]), fnum(g, &["ci_high"])),
                        int(Some(n))
                    ))
                })
                .collect();
            if parts.is_empty() {
                vec![t(
                    "not yet observable: no transition in the period is 180 days old",
                )]
            } else {
                vec![t(format!(
                    "{} — only transitions at least 180 days before the as-of date count.",
                    parts.join("; ")
                ))]
            }
        },
    ));
    sec.push(Block::Defs(defs));
    if let Some(df) = view.rows("transitions") {
        let (acct, dt, from, to, kind, planned, joint, kt, sat) = (
            col_str(df, "account_id"),
            col_str(df, "date"),
            col_str(df, "from_owner"),
            col_str(df, "to_owner"),
            col_str(df, "kind"),
            col_str(df, "planned"),
            col_str(df, "joint_meeting"),
            col_f64(df, "kt_completeness"),
            col_f64(df, "satisfaction"),
        );
        let yn = |v: Option<String>| match v.as_deref() {
            Some("true") => "yes".to_string(),
            Some("false") => "no".to_string(),
            Some(other) => other.to_string(),
            None => DASH.to_string(),
        };
        let mut table = Table::new(&[
            "Account",
            "Date",
            "From",
            "To",
            "Kind",
            "Planned",
            "Joint meeting",
            "KT completeness",
            "Satisfaction",
        ])
        .cohort(sec.cohort.clone().unwrap_or_default());
        for i in 0..df.height().min(MAX_LIST_ROWS) {
            table.rows.push(vec![
                Cell::text(get(&acct, i).unwrap_or_default()),
                Cell::text(get(&dt, i).unwrap_or_default()),
                Cell::text(get(&from, i).unwrap_or_default()),
                Cell::text(get(&to, i).unwrap_or_default()),
                Cell::text(humanize(&get(&kind, i).unwrap_or_default())),
                Cell::text(yn(get(&planned, i))),
                Cell::text(yn(get(&joint, i))),
                Cell::num(num1(get(&kt, i))),
                Cell::num(num1(get(&sat, i))),
            ]);
        }
        if df.height() > MAX_LIST_ROWS {
            table = table.note(format!(
                "Showing {MAX_LIST_ROWS} of {} transitions; tables/transitions.csv has them all.",
                df.height()
            ));
        }
        sec.push(Block::Table(table));
    }
    sec
}

/// Rows of `data_quality` shown in the page; `data-quality.csv` has them all.
const DATA_QUALITY_ROWS: usize = 50;

/// An exclusion reason as words for the data-quality table ("2 after as-of").
fn exclusion_words(reason: &str) -> String {
    match reason {
        "after_as_of" => "after as-of".to_string(),
        "later_deal" => "later deals of the account".to_string(),
        "unknown_account" => "of unknown accounts".to_string(),
        "deal_rejected" => "of rejected deals".to_string(),
        other => other.replace('_', " "),
    }
}

fn data_quality(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("data-quality", "Data quality");
    sec.cohort = Some("All input rows, before any cohort filter.".into());
    sec.push(Block::Para(vec![t(
        "Every input row is accounted for: used, rejected (unreadable or invalid) or excluded (a duplicate, an orphan, a later deal of the same account, or dated after the as-of instant).",
    )]));
    if let Some(n) = m.get("segments_derived").and_then(Value::as_u64) {
        sec.push(Block::Para(vec![t(format!(
            "Segments were derived from ACV (segment_from_acv) for {n} deal row(s) that had no segment of their own or from accounts."
        ))]));
    }
    let mut table = Table::new(&[
        "Table",
        "Read",
        "Used",
        "Rejected",
        "Excluded",
        "Excluded by reason",
    ]);
    let inputs = at(m, &["inputs"]);
    let names: Vec<String> = match inputs.as_object() {
        Some(o) => o.keys().cloned().collect(),
        None => s::TABLES.iter().map(|t| t.name.to_string()).collect(),
    };
    for name in names {
        let c = at(inputs, &[&name]);
        if c.is_null() {
            table.rows.push(vec![
                Cell::text(name),
                Cell::text("not provided"),
                Cell::num(""),
                Cell::num(""),
                Cell::num(""),
                Cell::text(""),
            ]);
            continue;
        }
        let reasons: Vec<String> = at(c, &["excluded_by_reason"])
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| format!("{} {}", int(v.as_u64()), exclusion_words(k)))
                    .collect()
            })
            .unwrap_or_default();
        let rejected = unum(c, &["rows_rejected"]);
        table.rows.push(vec![
            Cell::text(name),
            Cell::num(int(unum(c, &["rows_read"]))),
            Cell::num(int(unum(c, &["rows_used"]))),
            Cell::num(int(rejected)).rag(rejected.filter(|r| *r > 0).map(|_| Rag::Amber)),
            Cell::num(int(unum(c, &["rows_excluded"]))),
            Cell::text(reasons.join(", ")),
        ]);
    }
    sec.push(Block::Table(table.title("Inputs").cohort(
        "All rows of every input table, before any cohort filter",
    )));
    let warnings: Vec<String> = at(m, &["warnings"])
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if !warnings.is_empty() {
        sec.push(Block::Heading("Warnings".into()));
        sec.push(Block::List(
            warnings.into_iter().map(|w| vec![t(w)]).collect(),
        ));
    }
    sec.push(Block::Heading("Rejected and excluded rows".into()));
    match view.rows("data_quality") {
        None => sec.push(Block::Unavailable(
            "None: every row of every input was used.".into(),
        )),
        Some(df) => {
            let cols = [
                "table", "file", "line", "column", "value", "action", "reason",
            ]
            .map(|c| col_str(df, c));
            let mut t = Table::new(&[
                "Table", "File", "Line", "Column", "Value", "Action", "Reason",
            ]);
            for i in 0..df.height().min(DATA_QUALITY_ROWS) {
                t.rows.push(
                    cols.iter()
                        .enumerate()
                        .map(|(j, c)| {
                            let v = get(c, i).unwrap_or_default();
                            // Reasons and actions read as words; names and values stay verbatim.
                            let v = if j >= 5 { v.replace('_', " ") } else { v };
                            if j == 2 {
                                Cell::num(v)
                            } else if j == 1 {
                                Cell::text(get(c, i).unwrap_or_default())
                            } else {
                                Cell::text(v)
                            }
                        })
                        .collect(),
                );
            }
            t = t.cohort("All input rows that were rejected or excluded").note(format!(
                "Showing {} of {} rows; data-quality.csv lists every one with file, line, column, value and reason.",
                df.height().min(DATA_QUALITY_ROWS),
                df.height()
            ));
            sec.push(Block::Table(t));
        }
    }
    sec
}

// ---- quarterly sections ------------------------------------------------------------------

/// A band's churn figures: rate, CI, churned, n, low sample.
struct BandRate {
    rate: Option<f64>,
    lo: Option<f64>,
    hi: Option<f64>,
    k: Option<u64>,
    n: Option<u64>,
    low: bool,
}

fn band_rate(g: &Value, count_key: &str) -> BandRate {
    let (n, low) = group_n(g);
    BandRate {
        rate: fnum(g, &["rate"]),
        lo: fnum(g, &["ci_low"]),
        hi: fnum(g, &["ci_high"]),
        k: unum(g, &[count_key]),
        n,
        low,
    }
}

fn low_span(low: bool) -> Vec<Span> {
    if low {
        vec![Span::Low]
    } else {
        Vec::new()
    }
}

/// `n thing` / `n things`.
fn plural(n: Option<u64>, one: &str, many: &str) -> String {
    format!("{} {}", int(n), if n == Some(1) { one } else { many })
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn rr_detail(v: &Value) -> String {
    match (fnum(v, &["ci_low"]), fnum(v, &["ci_high"])) {
        (Some(lo), Some(hi)) => format!("95% CI {}", ci_num2(Some(lo), Some(hi))),
        _ => "not computable: a churn count or a band is zero".into(),
    }
}

fn q_summary(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("summary", "Summary");
    let churn = at(m, &["churn"]);
    if churn.is_null() {
        sec.push(Block::Callout(
            Rag::Amber,
            vec![vec![t(
                "First-year churn, expansion and retention are not available (table renewals not provided), so this report cannot relate handoff quality to customer outcomes. The sections below show what the other inputs support.",
            )]],
        ));
        return sec;
    }
    sec.cohort = Some(cohort_mature(m));
    let sub = band_rate(at(churn, &["by_band", "substandard"]), "churned");
    let exc = band_rate(at(churn, &["by_band", "excellent"]), "churned");
    let rr = at(churn, &["relative_risk"]);
    let rr_adj = at(churn, &["relative_risk_adjusted"]);
    let chi_p = fnum(churn, &["chi_square", "p_value"]);

    // KPI tiles.
    let mut kpis = vec![
        Kpi {
            label: "First-year churn, substandard".into(),
            value: pct(sub.rate),
            detail: Some(format!(
                "95% CI {} · n = {}",
                ci_pct(sub.lo, sub.hi),
                int(sub.n)
            )),
            low: sub.low,
            ..Kpi::default()
        },
        Kpi {
            label: "First-year churn, excellent".into(),
            value: pct(exc.rate),
            detail: Some(format!(
                "95% CI {} · n = {}",
                ci_pct(exc.lo, exc.hi),
                int(exc.n)
            )),
            low: exc.low,
            ..Kpi::default()
        },
        Kpi {
            label: "Relative risk (crude)".into(),
            value: num2(fnum(rr, &["value"])),
            detail: Some(rr_detail(rr)),
            ..Kpi::default()
        },
        Kpi {
            label: "Relative risk, segment-adjusted".into(),
            value: num2(fnum(rr_adj, &["value"])),
            detail: Some(rr_detail(rr_adj)),
            ..Kpi::default()
        },
        Kpi {
            label: "ARR at stake".into(),
            value: money(fnum(churn, &["arr_at_stake"])),
            detail: Some("ACV of substandard deals × churn-rate gap".into()),
            ..Kpi::default()
        },
    ];
    if let Some(q) = fnum(m, &["quality", "mean"]) {
        kpis.push(Kpi {
            label: "Mean quality score this quarter".into(),
            value: num1(Some(q)),
            rag: rag_score(Some(q)),
            detail: Some(plural(unum(m, &["cohort", "period_deals"]), "deal", "deals") + " closed"),
            ..Kpi::default()
        });
    }
    sec.push(Block::Kpis(kpis));

    // The plain-language paragraph.
    let mut p: Vec<Span> = Vec::new();
    match (sub.rate, exc.rate) {
        (Some(rs), Some(re)) => {
            p.push(t("Customers whose handoff was substandard churned in their first year at "));
            p.push(b(pct(Some(rs))));
            p.extend(low_span(sub.low));
            p.push(t(format!(
                " (95% CI {}; {} of {}) against ",
                ci_pct(sub.lo, sub.hi),
                int(sub.k),
                int(sub.n)
            )));
            p.push(b(pct(Some(re))));
            p.extend(low_span(exc.low));
            p.push(t(format!(
                " (95% CI {}; {} of {}) for excellent handoffs",
                ci_pct(exc.lo, exc.hi),
                int(exc.k),
                int(exc.n)
            )));
        }
        (None, _) => p.push(t(
            "The mature cohort has no substandard handoffs, so substandard and excellent handoffs cannot be compared",
        )),
        (_, None) => p.push(t(
            "The mature cohort has no excellent handoffs, so substandard and excellent handoffs cannot be compared",
        )),
    }
    match fnum(rr, &["value"]) {
        Some(v) => {
            p.push(t("; relative risk "));
            p.push(b(num2(Some(v))));
            p.push(t(format!(
                " (95% CI {})",
                ci_num2(fnum(rr, &["ci_low"]), fnum(rr, &["ci_high"]))
            )));
        }
        None => p.push(t(
            "; the relative risk cannot be computed (a churn count or a band is zero)",
        )),
    }
    match fnum(rr_adj, &["value"]) {
        Some(v) => {
            p.push(t("; segment-adjusted (Mantel–Haenszel) relative risk "));
            p.push(b(num2(Some(v))));
            p.push(t(format!(
                " (95% CI {})",
                ci_num2(fnum(rr_adj, &["ci_low"]), fnum(rr_adj, &["ci_high"]))
            )));
        }
        None => p.push(t("; the segment-adjusted relative risk cannot be computed")),
    }
    match chi_p {
        Some(pv) => {
            p.push(t("; chi-square test across the bands p = "));
            p.push(b(sig3(Some(pv))));
            p.push(t("."));
        }
        None => p.push(t("; the chi-square test cannot be computed.")),
    }
    sec.push(Block::Para(p));

    // The verdict, in plain words.
    let excludes_one = |v: &Value| match (fnum(v, &["ci_low"]), fnum(v, &["ci_high"])) {
        (Some(lo), Some(hi)) => Some(lo > 1.0 || hi < 1.0),
        _ => None,
    };
    let mut verdict: Vec<Vec<Span>> = Vec::new();
    let mut rag = Rag::Amber;
    let rr_sig = excludes_one(rr);
    match (chi_p, rr_sig) {
        (None, None) => verdict.push(vec![b(
            "The data cannot support a conclusion about handoff quality and first-year churn: the tests cannot be computed on this cohort.",
        )]),
        (Some(pv), _) if pv >= 0.05 => verdict.push(vec![
            b("The data cannot support a conclusion: "),
            t(format!(
                "with p = {} (≥ 0.05) the differences between bands are within what chance alone would often produce.",
                sig3(Some(pv))
            )),
        ]),
        (_, Some(false)) => verdict.push(vec![
            b("Evidence is mixed: "),
            t(if chi_p.is_some_and(|pv| pv < 0.05) {
                "churn differs across the bands (p < 0.05), but the confidence interval of the substandard-vs-excellent relative risk includes 1, so that comparison on its own is not conclusive."
            } else {
                "the confidence interval of the substandard-vs-excellent relative risk includes 1, so the comparison is not conclusive."
            }),
        ]),
        _ => {
            rag = Rag::Red;
            let higher = fnum(rr, &["value"]).is_none_or(|v| v >= 1.0);
            verdict.push(vec![
                b("Churn differs by handoff quality beyond what chance would readily explain: "),
                t(if higher {
                    "substandard handoffs go with markedly higher first-year churn than excellent ones."
                } else {
                    "substandard handoffs go with lower first-year churn than excellent ones, against expectation — check the data."
                }),
            ]);
        }
    }
    if let (Some(c), Some(a)) = (fnum(rr, &["value"]), fnum(rr_adj, &["value"])) {
        if c > 0.0 && a > 0.0 {
            let shift = (a.ln() - c.ln()).abs();
            verdict.push(vec![t(if shift > 0.223 {
                format!(
                    "Adjusting for segment moves the relative risk from {} to {}: part of the crude difference reflects the segment mix, not the handoff.",
                    num2(Some(c)),
                    num2(Some(a))
                )
            } else {
                format!(
                    "Adjusting for segment barely changes the relative risk ({} → {}), so the segment mix does not explain the difference.",
                    num2(Some(c)),
                    num2(Some(a))
                )
            })]);
        }
    }
    let lows: Vec<String> = band_keys(at(churn, &["by_band"]))
        .into_iter()
        .filter(|k| group_n(at(churn, &["by_band", k])).1)
        .collect();
    if !lows.is_empty() {
        verdict.push(vec![
            t(format!(
                "Low sample: the {} band{} {} fewer than 30 mature deals (marked ",
                join_and(&lows),
                if lows.len() == 1 { "" } else { "s" },
                if lows.len() == 1 { "has" } else { "have" }
            )),
            Span::Low,
            t("), so the rates are imprecise."),
        ]);
    }
    verdict.push(vec![
        b("Correlation, not causation. "),
        t("These figures show how churn goes with handoff quality; they do not prove that better handoffs cause lower churn. Deals with poor handoffs may differ in other ways (deal size, customer readiness, product fit) that also drive churn; the segment adjustment removes one such difference, not all."),
    ]);
    sec.push(Block::Callout(rag, verdict));
    sec
}

fn q_churn(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec =
        Section::new("churn", "First-year churn by handoff-quality band").cohort(cohort_mature(m));
    let churn = at(m, &["churn"]);
    if churn.is_null() {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    }
    sec.push(Block::Para(vec![t(
        "Churned = a churn event within 365 days after the close date. Bars show the rate, whiskers the Wilson 95% confidence interval: overlapping intervals mean the bands are not clearly different.",
    )]));
    let by = at(churn, &["by_band"]);
    let keys = band_keys(by);
    if keys.is_empty() {
        sec.push(no_rows("no deals in the mature cohort"));
        return sec;
    }
    sec.push(Block::Chart("churn_by_band".into()));
    let mut table =
        Table::new(&["Band", "Deals", "Churned", "Churn rate", "95% CI"]).cohort(short_mature(m));
    for k in keys {
        let r = band_rate(at(by, &[&k]), "churned");
        table.rows.push(vec![
            Cell::text(humanize(&k)),
            Cell::num(int(r.n)).low(r.low),
            Cell::num(int(r.k)),
            Cell::num(pct(r.rate)).low(r.low).strong(),
            Cell::num(ci_pct(r.lo, r.hi)),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}

fn q_relative_risk(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("relative-risk", "Relative risk: substandard vs excellent")
        .cohort(cohort_mature(m));
    let churn = at(m, &["churn"]);
    if churn.is_null() {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    }
    sec.push(Block::Para(vec![t(
        "How many times the first-year churn rate of substandard handoffs is that of excellent ones (1 = no difference). The segment-adjusted (Mantel–Haenszel) estimate compares the bands within each segment, so a different segment mix in the two bands cannot pass for a handoff effect.",
    )]));
    let mut table =
        Table::new(&["Estimate", "Relative risk", "95% CI", "Reading"]).cohort(short_mature(m));
    for (name, key) in [
        ("Crude", "relative_risk"),
        (
            "Segment-adjusted (Mantel–Haenszel)",
            "relative_risk_adjusted",
        ),
    ] {
        let v = at(churn, &[key]);
        let (val, lo, hi) = (
            fnum(v, &["value"]),
            fnum(v, &["ci_low"]),
            fnum(v, &["ci_high"]),
        );
        let reading = match (lo, hi) {
            (Some(lo), _) if lo > 1.0 => "higher churn with substandard handoffs (CI above 1)",
            (_, Some(hi)) if hi < 1.0 => "lower churn with substandard handoffs (CI below 1)",
            (Some(_), Some(_)) => "inconclusive: the CI includes 1",
            _ => "not computable (a churn count or a band is zero)",
        };
        table.rows.push(vec![
            Cell::text(name),
            Cell::num(num2(val)).strong(),
            Cell::num(ci_num2(lo, hi)),
            Cell::text(reading),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}

fn q_tests(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("tests", "Significance tests");
    let churn = at(m, &["churn"]);
    if churn.is_null() {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    }
    sec.push(Block::Para(vec![t(
        "A p-value is the chance of differences at least this large if handoff quality and churn were unrelated; below 0.05 is conventionally called significant. Significance is not effect size, and neither is causation.",
    )]));
    let reading = |p: Option<f64>| match p {
        Some(p) if p < 0.05 => "significant at 5%",
        Some(_) => "not significant (p ≥ 0.05)",
        None => "not computable",
    };
    let mut table = Table::new(&["Test", "Cohort", "Statistic", "dof", "p-value", "Reading"]);
    let chi = at(churn, &["chi_square"]);
    let cp = fnum(chi, &["p_value"]);
    table.rows.push(vec![
        Cell::text("Chi-square, bands × churned/retained (Pearson, no continuity correction)"),
        Cell::text("mature"),
        Cell::num(format!("χ² = {}", num2(fnum(chi, &["statistic"])))),
        Cell::num(int(unum(chi, &["dof"]))),
        Cell::num(sig3(cp)).strong(),
        Cell::text(reading(cp)),
    ]);
    let pb = at(churn, &["point_biserial"]);
    let pp = fnum(pb, &["p_value"]);
    table.rows.push(vec![
        Cell::text("Point-biserial correlation, quality score × churned"),
        Cell::text("mature"),
        Cell::num(format!("r = {}", num2(fnum(pb, &["r"])))),
        Cell::num(int(unum(m, &["churn", "n"]).map(|n| n.saturating_sub(2)))),
        Cell::num(sig3(pp)).strong(),
        Cell::text(reading(pp)),
    ]);
    let lr = at(churn, &["logrank"]);
    let lp = fnum(lr, &["p_value"]);
    table.rows.push(vec![
        Cell::text("Log-rank, retention curves by band"),
        Cell::text("survival"),
        Cell::num(format!("χ² = {}", num2(fnum(lr, &["statistic"])))),
        Cell::num(int(unum(lr, &["dof"]))),
        Cell::num(sig3(lp)).strong(),
        Cell::text(reading(lp)),
    ]);
    table.notes.push(format!("{}.", short_mature(m)));
    table.notes.push(format!("{}.", short_survival(m)));
    table
        .notes
        .push("A negative r means higher scores go with less churn.".into());
    sec.push(Block::Table(table));
    sec
}

fn q_retention(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("retention", "Retention curves by band").cohort(cohort_survival(m));
    let churn = at(m, &["churn"]);
    if churn.is_null() {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    }
    sec.push(Block::Para(vec![t(
        "Kaplan–Meier share of customers not yet churned by days since close. Unlike the first-year rates, every deal counts, each followed as long as the data allows.",
    )]));
    let lr = at(churn, &["logrank"]);
    sec.push(Block::Para(match fnum(lr, &["p_value"]) {
        Some(p) => vec![
            t("Log-rank test of equal curves: χ² = "),
            b(num2(fnum(lr, &["statistic"]))),
            t(format!(" on {} dof, p = ", int(unum(lr, &["dof"])))),
            b(sig3(Some(p))),
            t(if p < 0.05 {
                " — the curves differ beyond chance."
            } else {
                " — the data cannot show that the curves differ."
            }),
        ],
        None => vec![t(
            "The log-rank test cannot be computed (fewer than two bands with deals, or no churn).",
        )],
    }));
    if view.rows("retention_curves").is_some() {
        sec.push(Block::Chart("retention_curves".into()));
    }
    let ret = at(churn, &["retention_by_band"]);
    let keys = band_keys(ret);
    if !keys.is_empty() {
        let mut table = Table::new(&["Band", "Deals", "Churn events", "Retained at day 365 (KM)"])
            .cohort(short_survival(m));
        for k in keys {
            let g = at(ret, &[&k]);
            let (n, low) = group_n(g);
            table.rows.push(vec![
                Cell::text(humanize(&k)),
                Cell::num(int(n)).low(low),
                Cell::num(int(unum(g, &["events"]))),
                Cell::num(pct(fnum(g, &["retained_365"]))).low(low),
            ]);
        }
        sec.push(Block::Table(table));
    }
    sec
}

fn q_arr(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("arr", "ARR at stake").cohort(cohort_mature(m));
    let churn = at(m, &["churn"]);
    if churn.is_null() {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    }
    let sub = band_rate(at(churn, &["by_band", "substandard"]), "churned");
    let exc = band_rate(at(churn, &["by_band", "excellent"]), "churned");
    match fnum(churn, &["arr_at_stake"]) {
        Some(v) => sec.push(Block::Para(vec![
            b(money(Some(v))),
            t(format!(
                " of annual contract value: the ACV of the mature cohort's {} substandard deals × the gap between their first-year churn rate ({}) and that of excellent handoffs ({}), floored at 0. It is what the substandard deals would have kept had they churned like excellent ones — an illustration of scale under the (unproven) assumption that the gap is caused by the handoff, not a forecast.",
                int(sub.n),
                pct(sub.rate),
                pct(exc.rate)
            )),
        ])),
        None => sec.push(Block::Unavailable(
            "Not computable: the mature cohort lacks substandard or excellent deals.".into(),
        )),
    }
    sec
}

fn q_expansion_nps(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("expansion-nps", "Expansion and NPS by band");
    if view.rows("churn_by_band").is_some() || !at(m, &["satisfaction", "nps"]).is_null() {
        sec.push(Block::Chart("expansion_nps".into()));
    }
    sec.push(Block::Heading("First-year expansion".into()));
    let exp = at(m, &["expansion", "by_band"]);
    if at(m, &["expansion"]).is_null() {
        sec.push(not_provided(s::RENEWALS));
    } else if band_keys(exp).is_empty() {
        sec.push(no_rows("no deals in the mature cohort"));
    } else {
        sec.push(Block::Para(vec![t(
            "Expanded = an expansion event within 365 days after the close date.",
        )]));
        let mut table = Table::new(&["Band", "Deals", "Expanded", "Expansion rate", "95% CI"])
            .cohort(short_mature(m));
        for k in band_keys(exp) {
            let r = band_rate(at(exp, &[&k]), "expanded");
            table.rows.push(vec![
                Cell::text(humanize(&k)),
                Cell::num(int(r.n)).low(r.low),
                Cell::num(int(r.k)),
                Cell::num(pct(r.rate)).low(r.low).strong(),
                Cell::num(ci_pct(r.lo, r.hi)),
            ]);
        }
        sec.push(Block::Table(table));
    }
    sec.push(Block::Heading("Net Promoter Score".into()));
    let sat = at(m, &["satisfaction"]);
    if sat.is_null() {
        sec.push(not_provided(s::SURVEYS));
    } else {
        let nps = at(sat, &["nps", "by_band"]);
        let keys = band_keys(nps);
        if keys.is_empty() {
            sec.push(no_rows("no NPS responses in the trailing cohort"));
        } else {
            let mut table = Table::new(&["Band", "Responses", "NPS", "CSAT day 30", "CSAT day 90"])
                .cohort(short_trailing(m))
                .note("NPS = % promoters (9–10) − % detractors (0–6), from −100 to +100; n counts responses, not deals.");
            for k in keys {
                let g = at(nps, &[&k]);
                let (n, low) = group_n(g);
                table.rows.push(vec![
                    Cell::text(humanize(&k)),
                    Cell::num(int(n)).low(low),
                    Cell::num(
                        fnum(g, &["nps"])
                            .map(signed1)
                            .unwrap_or_else(|| DASH.into()),
                    )
                    .low(low)
                    .strong(),
                    mean_cell(at(sat, &["csat_day_30", "by_band", &k]), num1),
                    mean_cell(at(sat, &["csat_day_90", "by_band", &k]), num1),
                ]);
            }
            sec.push(Block::Table(table));
        }
    }
    sec
}

fn q_trend(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = trend(view, "trend", "Quarterly trend");
    let prev = text(m, &["previous_period", "label"]).unwrap_or("previous");
    let mut table =
        Table::new(&["Measure", "This quarter", prev, "Change"]).cohort(short_period(m));
    let q = fnum(m, &["quality", "mean"]);
    let pq = fnum(m, &["previous_period", "quality_mean"]);
    let deals = unum(m, &["cohort", "period_deals"]);
    let pdeals = unum(m, &["previous_period", "deals"]);
    table.rows.push(vec![
        Cell::text("Deals closed"),
        Cell::num(int(deals)),
        Cell::num(int(pdeals)),
        Cell::num(match (deals, pdeals) {
            (Some(a), Some(b)) => signed1(a as f64 - b as f64).replace(".0", ""),
            _ => DASH.into(),
        }),
    ]);
    table.rows.push(vec![
        Cell::text("Mean quality score"),
        Cell::num(num1(q)).rag(rag_score(q)),
        Cell::num(num1(pq)),
        Cell::num(
            q.zip(pq)
                .map(|(a, b)| signed1(a - b))
                .unwrap_or_else(|| DASH.into()),
        ),
    ]);
    let target = fnum(m, &["completion", "target"]).unwrap_or(0.9);
    for (name, now, before, floor) in [
        (
            "Completion rate",
            fnum(m, &["completion", "rate"]),
            fnum(m, &["previous_period", "completion_rate"]),
            target,
        ),
        (
            "Knowledge-transfer SLA attainment",
            fnum(m, &["sla", "knowledge_transfer", "rate"]),
            fnum(m, &["previous_period", "knowledge_transfer_rate"]),
            SLA_FLOOR,
        ),
    ] {
        table.rows.push(vec![
            Cell::text(name),
            Cell::num(pct(now)).rag(rag_rate(now, floor)),
            Cell::num(pct(before)),
            Cell::num(
                change_pts(now, before)
                    .map(|d| format!("{} pts", signed1(d)))
                    .unwrap_or_else(|| DASH.into()),
            ),
        ]);
    }
    sec.blocks.insert(
        0,
        Block::Table(table.title("The quarter against the previous one")),
    );
    sec.push(Block::Heading("Alerts for the quarter".into()));
    push_alerts(&mut sec, m);
    sec
}

fn methodology(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("methodology", "Methodology");
    let as_of = text(m, &["as_of"]).unwrap_or("?");
    let defs: Vec<(&str, String)> = vec![
        ("As-of instant", format!("The end of {as_of} in UTC (midnight starting the next day). Events at or after it do not exist yet; durations are in fractional days (seconds ÷ 86,400); \"date of x\" is the UTC calendar date.")),
        ("Period cohort", cohort_period(m)),
        ("Trailing cohort", cohort_trailing(m)),
        ("Mature cohort", format!("{} First-year outcomes need a full year after close, so recent deals are not in it.", cohort_mature(m))),
        ("Survival cohort", cohort_survival(m)),
        ("SLAs", "Default deadlines from close: knowledge-transfer meeting and intro email 48 h, CS preparation 3 days, kickoff scheduled 5 days, kickoff held 10 days, first value by segment (strategic 60, enterprise 45, mid-market 30, SMB 21, other 30 days); a config file may override them. Met = done by the deadline (a pre-close event counts as met); missed = done late, or not done and the deadline has passed; pending = not done, deadline still ahead. Attainment = met ÷ (met + missed).".into()),
        ("Completion", "Complete when knowledge transfer, kickoff scheduling and first value are all met; incomplete when any is missed; rate = complete ÷ (complete + incomplete); the target is 90%.".into()),
        ("Quality score (0–100)", "15 · deal summary + 10 · stakeholder map + 15 · commitments + 10 · risk factors + 10 · all attended + 10 · agenda covered + 10 · questions answered + 15 · knowledge-transfer SLA met + 5 · intro SLA met (checklist items count 1/0; missing counts 0).".into()),
        ("Bands", "Excellent ≥ 90, good ≥ 80, acceptable ≥ 70, substandard < 70.".into()),
        ("Time to first value", "Days from close to the first first-value milestone. Quantiles use linear interpolation; the Kaplan–Meier estimate treats deals not yet at first value as censored at the as-of instant.".into()),
        ("First-year churn and expansion", "A churn (expansion) event dated within 365 days after the close date. 95% intervals are Wilson score intervals.".into()),
        ("Relative risk", "Substandard ÷ excellent churn rate, 95% CI by the log method; the adjusted estimate is Mantel–Haenszel across segments with the Greenland–Robins variance. Not computable when a count is zero.".into()),
        ("Tests", "Pearson chi-square of bands × churned/retained (no continuity correction); point-biserial correlation of score and churn with a t-test; multi-group log-rank test of the retention curves.".into()),
        ("ARR at stake", "ACV of the mature cohort's substandard deals × (substandard churn rate − excellent churn rate), floored at 0.".into()),
        ("Low samples", "Groups with fewer than 30 deals are marked † next to their numbers.".into()),
        ("Rounding", "Only in this report: rates as percentages with one decimal, scores and days with one decimal, p-values to three significant digits. metrics.json and the tables keep full precision.".into()),
        ("Interpretation", "Everything here is observational: associations between handoff quality and outcomes, not proof of cause.".into()),
    ];
    let mut defs = defs;
    let at = defs.len().saturating_sub(3);
    defs.splice(at..at, drivers::methodology_defs());
    sec.push(Block::Defs(
        defs.into_iter()
            .map(|(k, v)| (k.to_string(), vec![t(v)]))
            .collect(),
    ));
    sec
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn formats_round_only_for_display() {
        assert_eq!(pct(Some(0.123456)), "12.3%");
        assert_eq!(pct(None), DASH);
        assert_eq!(num1(Some(68.10606)), "68.1");
        assert_eq!(sig3(Some(0.019119816503518478)), "0.0191");
        assert_eq!(sig3(Some(0.15729920705)), "0.157");
        assert_eq!(sig3(Some(1.0)), "1.00");
        assert_eq!(sig3(Some(0.000012345)), "1.23e-5");
        assert_eq!(money(Some(1894861.637)), "1,894,862");
        assert_eq!(int(Some(1234567)), "1,234,567");
        assert_eq!(humanize("info_customer_context"), "Customer context");
        assert_eq!(signed1(-2.04), "−2.0");
        assert_eq!(
            join_and(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
        assert_eq!(plural(Some(1), "deal", "deals"), "1 deal");
        assert_eq!(num2(Some(-0.166)), "−0.17");
        assert_eq!(num1(Some(-0.01)), "0.0");
    }

    #[test]
    fn paths_tolerate_missing_keys() {
        let v = json!({"a": {"b": 1.5, "n": null}});
        assert_eq!(fnum(&v, &["a", "b"]), Some(1.5));
        assert_eq!(fnum(&v, &["a", "x", "y"]), None);
        assert!(at(&v, &["a", "n"]).is_null());
    }

    #[test]
    fn empty_metrics_build_a_document() {
        for kind in ["monthly", "quarterly"] {
            let m =
                json!({"period": {"kind": kind, "label": "2026-10"}, "inputs": {"deals": null}});
            let view = ReportView {
                metrics: &m,
                tables: &[],
            };
            let doc = document(&view);
            assert!(!doc.sections.is_empty());
        }
    }
}
