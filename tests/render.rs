//! The render stage end to end: the medium example run through the pipeline, then rendered
//! as charts, HTML and Markdown — escaping of hostile data, self-contained HTML, valid SVG
//! and PNG, section headings, determinism, and reports whose optional tables are missing.
//! Set `HANDOFF_RENDER_OUT=/some/dir` to also write the rendered reports there for a look.

use std::path::{Path, PathBuf};

use handoff::cli::DataArgs;
use handoff::metrics::Computed;
use handoff::period::Period;
use handoff::render::{charts, html, markdown, Chart, ReportView};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/examples")
        .join(name)
}

fn compute(data: &Path, period: &str) -> Computed {
    let resolved = handoff::resolve(&DataArgs {
        data: data.to_path_buf(),
        config: None,
        as_of: Some(chrono::NaiveDate::from_ymd_opt(2026, 10, 31).expect("date")),
        strict: false,
    })
    .expect("resolve");
    let period = Period::parse(period).expect("period");
    handoff::report::compute(&resolved, period)
        .expect("compute")
        .2
}

struct Rendered {
    charts: Vec<Chart>,
    html: String,
    markdown: String,
}

fn render(c: &Computed, out: &str) -> Rendered {
    let view = ReportView {
        metrics: &c.metrics,
        tables: &c.tables,
    };
    let charts = charts::charts(&view).expect("charts");
    let r = Rendered {
        html: html::html(&view, &charts),
        markdown: markdown::markdown(&view, &charts),
        charts,
    };
    if let Some(dir) = std::env::var_os("HANDOFF_RENDER_OUT") {
        let dir = PathBuf::from(dir).join(out);
        std::fs::create_dir_all(dir.join("charts")).expect("mkdir");
        std::fs::write(dir.join("index.html"), &r.html).expect("write");
        std::fs::write(dir.join("report.md"), &r.markdown).expect("write");
        for ch in &r.charts {
            std::fs::write(dir.join(format!("charts/{}.svg", ch.name)), &ch.svg).expect("write");
            std::fs::write(dir.join(format!("charts/{}.png", ch.name)), &ch.png).expect("write");
        }
    }
    r
}

#[test]
fn escape_neutralises_markup_quotes_and_formulas() {
    assert_eq!(html::escape("<b>Initech</b>"), "&lt;b&gt;Initech&lt;/b&gt;");
    assert_eq!(
        html::escape("=HYPERLINK(\"x\")"),
        "=HYPERLINK(&quot;x&quot;)"
    );
    assert_eq!(
        html::escape("it's \"a\" & b"),
        "it&#39;s &quot;a&quot; &amp; b"
    );
    assert_eq!(
        markdown::escape("a | <b>c</b>"),
        "a \\| &lt;b&gt;c&lt;/b&gt;"
    );
}

#[test]
fn monthly_review_renders_and_escapes() {
    let c = compute(&example("medium"), "2026-10");
    let r = render(&c, "2026-10");

    // The medium example holds hostile account names; none reaches the page as markup.
    assert!(r.html.contains("&lt;b&gt;Initech&lt;/b&gt;"));
    assert!(!r.html.contains("<b>Initech</b>"));
    assert!(!r.markdown.contains("<b>Initech</b>"));
    // Self-contained: nothing to fetch, nothing to run.
    for needle in [
        "<script",
        "<link",
        "<img",
        "@import",
        "url(",
        "src=",
        "href=\"http",
    ] {
        assert!(!r.html.contains(needle), "index.html contains {needle}");
    }
    assert!(r.html.contains("<style>") && r.html.contains("@media print"));
    assert!(r.html.contains("<svg role=\"img\""));

    for h in [
        "Headline",
        "Quality band distribution",
        "Six-month quality trend",
        "SLA attainment",
        "Handoff completion",
        "Most-missing handoff information",
        "Rep, team and CSM scorecards",
        "Time to first value by segment",
        "Early adoption and health at 30/60/90 days",
        "Customer satisfaction",
        "Escalations",
        "Account transitions",
        "Data quality",
    ] {
        assert!(
            r.markdown
                .lines()
                .any(|l| l.starts_with("## ") && l.contains(h)),
            "report.md lacks the section {h}"
        );
        assert!(r.html.contains(h), "index.html lacks the section {h}");
    }
    assert!(r.markdown.contains("](charts/quality_bands.svg)"));
}

#[test]
fn quarterly_report_renders_summary_and_charts() {
    let c = compute(&example("medium"), "2026-Q3");
    let r = render(&c, "2026-Q3");
    for h in [
        "Summary",
        "First-year churn by handoff-quality band",
        "Relative risk",
        "Significance tests",
        "Retention curves by band",
        "ARR at stake",
        "Expansion and NPS by band",
        "Time to first value by segment and band",
        "Quarterly trend",
        "Methodology",
        "Data quality",
    ] {
        assert!(
            r.markdown
                .lines()
                .any(|l| l.starts_with("## ") && l.contains(h)),
            "report.md lacks the section {h}"
        );
    }
    assert!(r
        .markdown
        .contains("Customers whose handoff was substandard churned"));
    assert!(r.markdown.contains("not causation"));

    let names: Vec<&str> = r.charts.iter().map(|c| c.name.as_str()).collect();
    for want in [
        "quality_bands",
        "quality_trend",
        "sla_attainment",
        "missing_information",
        "ttfv_by_segment",
        "ttfv_km_curves",
        "adoption_health",
        "churn_by_band",
        "retention_curves",
        "expansion_nps",
    ] {
        assert!(names.contains(&want), "chart {want} missing: {names:?}");
    }
    for ch in &r.charts {
        assert!(ch.svg.starts_with("<svg"), "{} is not SVG", ch.name);
        assert!(
            ch.svg.trim_end().ends_with("</svg>"),
            "{} SVG unclosed",
            ch.name
        );
        assert!(
            ch.png.starts_with(b"\x89PNG\r\n\x1a\n"),
            "{} is not PNG",
            ch.name
        );
    }
}

#[test]
fn charts_are_deterministic() {
    let c = compute(&example("medium"), "2026-10");
    let view = ReportView {
        metrics: &c.metrics,
        tables: &c.tables,
    };
    let a = charts::charts(&view).expect("charts");
    let b = charts::charts(&view).expect("charts");
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.svg, y.svg);
        assert_eq!(x.png, y.png);
    }
}

#[test]
fn missing_optional_tables_say_not_available() {
    let dir = tempfile::tempdir().expect("tempdir");
    for f in ["deals.csv", "handoffs.csv", "handoff.toml"] {
        std::fs::copy(example("medium").join(f), dir.path().join(f)).expect("copy");
    }
    for period in ["2026-10", "2026-Q3"] {
        let c = compute(dir.path(), period);
        let r = render(&c, &format!("partial-{period}"));
        let wanted = if period.contains('Q') {
            "Not available (table renewals not provided)"
        } else {
            "Not available (table surveys not provided)"
        };
        assert!(
            r.markdown.contains(wanted),
            "{period}: report.md lacks {wanted:?}"
        );
        assert!(r
            .html
            .contains("Not available (table milestones not provided)"));
        assert!(!r.charts.iter().any(|c| c.name == "churn_by_band"));
    }
}

#[test]
fn bare_metrics_do_not_panic() {
    let m = serde_json::json!({});
    let view = ReportView {
        metrics: &m,
        tables: &[],
    };
    assert!(charts::charts(&view).expect("charts").is_empty());
    assert!(html::html(&view, &[]).contains("</html>"));
    assert!(markdown::markdown(&view, &[]).starts_with("# "));
}

#[test]
fn tiny_example_marks_low_samples_and_missing_estimates() {
    let c = compute(&example("tiny"), "2026-Q3");
    let r = render(&c, "tiny-2026-Q3");
    assert!(r.markdown.contains('†'));
    assert!(r.markdown.contains("Low sample"));
    assert!(r.markdown.contains("relative risk cannot be computed"));
    let c = compute(&example("tiny"), "2026-10");
    let r = render(&c, "tiny-2026-10");
    assert!(r.html.contains("weird seg"), "ingest warnings are shown");
}
