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

mod blocks;
pub mod charts;
mod cohort;
pub mod custom;
mod document;
mod format;
pub mod html;
pub mod markdown;
pub mod parquet;
mod sections;
pub mod tables;

pub(crate) use blocks::*;
pub(crate) use cohort::*;
pub use document::*;
pub use format::*;

use chrono::{Days, NaiveDate};
use polars::prelude::DataFrame;
use serde_json::Value;

use crate::config::Settings;
use crate::metrics::inputs::Inputs;
use crate::metrics::typed::{CohortSizes, MetricSection, PeriodInfo, ReportKind};
use crate::schema as s;

/// A finished report as the renderers see it: the metrics document and the named tables.
pub struct ReportView<'a> {
    pub metrics: &'a Value,
    pub tables: &'a [(String, DataFrame)],
    /// The run's settings: the SLA floor, deadlines, calendar and targets the report states.
    pub settings: &'a Settings,
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
        self.period()
            .is_some_and(|p| p.kind == ReportKind::Quarterly)
    }

    /// The reporting period of the metrics document.
    pub fn period(&self) -> Option<PeriodInfo> {
        PeriodInfo::read(self.metrics)
    }

    /// The catalog of user-facing text in the current language (`locales/LANG/*.ftl`, set
    /// by [`ReportView::scope`]): sections name message ids.
    pub fn text(&self) -> &'static crate::text::Text {
        crate::text::Text::current()
    }

    /// The report's language: `metrics.json` → `language` (English when absent).
    pub fn language(&self) -> crate::text::Language {
        self.metrics
            .get("language")
            .and_then(Value::as_str)
            .and_then(crate::text::Language::from_code)
            .unwrap_or_default()
    }

    /// Sets this report's language and currency for the current thread until the guard is
    /// dropped: each render entry point (`html`, `markdown`, `charts::charts`) opens it, so
    /// every message and number it writes follows the report's language.
    pub fn scope(&self) -> (crate::text::Scope, CurrencyScope) {
        (
            crate::text::scoped(self.language()),
            scoped_currency(&self.settings.currency),
        )
    }

    /// Whether an input table was provided (its `metrics.inputs` entry is not null).
    pub fn provided(&self, input: &str) -> bool {
        Inputs::read(self.metrics).is_some_and(|i| i.provided(input))
    }

    /// A typed section of the metrics document (`None` when it is null or absent).
    pub fn section<T: MetricSection>(&self) -> Option<T> {
        T::read(self.metrics)
    }

    /// The catalog message `id` without variables.
    pub fn msg(&self, id: &str) -> String {
        self.text().msg(id, &[])
    }

    /// The catalog message `id` with its variables.
    pub fn msg_with(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.text().msg(id, args)
    }

    /// The catalog message `id` as spans: `**…**` in the message marks strong text.
    pub fn rich(&self, id: &str, args: &[(&str, &str)]) -> Vec<Span> {
        rich(&self.text().msg(id, args))
    }

    /// A table headed by the catalog messages `ids`.
    pub fn headed(&self, ids: &[&str]) -> Table {
        Table::headed(ids.iter().map(|id| self.msg(id)).collect())
    }

    /// The label a reader sees for a vocabulary value (`band-good`, `activity-intro`, …).
    pub fn label(&self, label_id: &str) -> String {
        self.text().msg(label_id, &[])
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

/// Samples below this size are flagged low-sample (METRICS.md §4.9).
pub const LOW_SAMPLE: u64 = crate::metrics::churn::LOW_SAMPLE as u64;
/// The footnote that explains the low-sample mark (`note-low-sample` in the catalog).
pub fn low_sample_note() -> String {
    crate::text::text("note-low-sample", &[])
}
/// Shown for a number that is null (empty denominator or not computable).
pub const DASH: &str = "—";
/// Quality score thresholds of METRICS.md §4.4 used for red/amber/green.
pub const SCORE_GOOD: f64 = 80.0;
pub const SCORE_ACCEPTABLE: f64 = 70.0;

// ---- table access ----------------------------------------------------------------------

/// A column as floats; all-null (of the frame's height) when it is missing or not numeric.
pub fn col_f64(df: &DataFrame, name: &str) -> Vec<Option<f64>> {
    crate::metrics::f64s(df, name).unwrap_or_else(|_| vec![None; df.height()])
}

/// A column as text; all-null when it is missing.
pub fn col_str(df: &DataFrame, name: &str) -> Vec<Option<String>> {
    crate::metrics::strings(df, name).unwrap_or_else(|_| vec![None; df.height()])
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

/// Build the report for a view: the monthly review or the quarterly churn report.
pub fn document(view: &ReportView) -> Document {
    let m = view.metrics;
    let facts = CohortFacts::of(m);
    let label = view.period().map_or_else(|| "?".to_string(), |p| p.label);
    let quarterly = view.is_quarterly();
    let tx = view.text();
    let kind = if quarterly { "quarterly" } else { "monthly" };
    let title = tx.msg(&format!("title-{kind}"), &[("label", &label)]);
    let subtitle = tx.msg(&format!("subtitle-{kind}"), &[]);
    let mut meta = vec![
        (
            tx.msg("meta-period", &[]),
            tx.msg(
                "meta-period-value",
                &[
                    ("label", &label),
                    ("start", &date(&facts.start)),
                    ("end", &date(&facts.end)),
                ],
            ),
        ),
        (
            tx.msg("meta-as-of", &[]),
            tx.msg("meta-as-of-value", &[("date", &date(&facts.as_of))]),
        ),
    ];
    if let Some(sizes) = CohortSizes::read(m) {
        for (id, n) in [
            ("meta-period-deals", sizes.period_deals),
            ("meta-trailing-deals", sizes.trailing_deals),
            ("meta-mature-deals", sizes.mature_deals),
        ] {
            meta.push((tx.msg(id, &[]), int(Some(n))));
        }
    }
    let builders = if quarterly {
        sections::QUARTERLY
    } else {
        sections::MONTHLY
    };
    let mut sections: Vec<Section> = builders.iter().map(|build| build(view)).collect();
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

/// Default settings for unit tests that build a view by hand.
#[cfg(test)]
pub(crate) fn test_settings() -> &'static Settings {
    Box::leak(Box::new(Settings::default()))
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
        assert_eq!(num2(Some(-0.166)), "−0.17");
        assert_eq!(num1(Some(-0.01)), "0.0");
    }

    #[test]
    fn empty_metrics_build_a_document() {
        for kind in ["monthly", "quarterly"] {
            let m =
                json!({"period": {"kind": kind, "label": "2026-10"}, "inputs": {"deals": null}});
            let view = ReportView {
                metrics: &m,
                tables: &[],
                settings: &Settings::default(),
            };
            let doc = document(&view);
            assert!(!doc.sections.is_empty());
        }
    }
}
