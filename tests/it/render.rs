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
        .join("tests/fixtures/examples")
        .join(name)
}

fn compute(data: &Path, period: &str) -> Computed {
    compute_with(data, None, period)
}

fn compute_with(data: &Path, config: Option<PathBuf>, period: &str) -> Computed {
    let resolved = handoff::resolve(&DataArgs {
        data: data.to_path_buf(),
        config,
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
        settings: &c.settings,
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
        settings: &c.settings,
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
        settings: &handoff::config::Settings::default(),
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

/// Issue #4: hostile text in every data field a table shows — markup, quotes, ampersands,
/// apostrophes, a Markdown pipe, a newline and a spreadsheet formula — reaches no output
/// as live markup, never breaks a Markdown table row, and never reaches a CSV cell as a
/// formula, while numbers are left as numbers.
#[test]
fn hostile_names_are_escaped_in_every_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    for entry in std::fs::read_dir(example("medium")).expect("medium example") {
        let p = entry.expect("entry").path();
        std::fs::copy(&p, dir.path().join(p.file_name().expect("name"))).expect("copy");
    }
    // Every account and rep name becomes hostile (deals.csv: account_name, sales_rep).
    let deals = dir.path().join("deals.csv");
    let mut r = csv::Reader::from_path(&deals).expect("read deals.csv");
    let head = r.headers().expect("header").clone();
    let col = |name: &str| head.iter().position(|h| h == name).expect(name);
    let (name_at, rep_at) = (col("account_name"), col("sales_rep"));
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&head).expect("header");
    for rec in r.records() {
        let rec = rec.expect("record");
        let row: Vec<String> = rec
            .iter()
            .enumerate()
            .map(|(i, f)| match i {
                _ if i == name_at => format!("<i>Evil</i> | \"Q\" & 'A'\nNL {}", &rec[0]),
                _ if i == rep_at => format!("=cmd|' /C calc'!A0 {f}"),
                _ => f.to_string(),
            })
            .collect();
        w.write_record(&row).expect("row");
    }
    std::fs::write(&deals, w.into_inner().expect("csv bytes")).expect("write deals.csv");

    for period in ["2026-10", "2026-Q3"] {
        let c = compute(dir.path(), period);
        let r = render(&c, &format!("hostile-{period}"));

        // HTML: text, never markup; quotes and apostrophes escaped too.
        assert!(
            !r.html.contains("<i>Evil</i>"),
            "{period}: live markup in HTML"
        );
        assert!(!r.html.contains("'A'"), "{period}: raw apostrophes in HTML");
        assert!(!r.html.contains("\"Q\""), "{period}: raw quotes in HTML");
        if period == "2026-10" {
            assert!(
                r.html
                    .contains("&lt;i&gt;Evil&lt;/i&gt; | &quot;Q&quot; &amp; &#39;A&#39;"),
                "{period}: the hostile account name is not in the HTML, escaped"
            );
            assert!(
                r.html.contains("=cmd|&#39; /C calc&#39;!A0 rep_"),
                "{period}: the hostile rep name is not in the HTML, escaped"
            );
        }

        // Markdown: no markup, the pipe escaped, the newline folded, rows intact.
        assert!(
            !r.markdown.contains("<i>Evil</i>"),
            "{period}: markup in report.md"
        );
        assert!(
            !r.markdown.lines().any(|l| l.starts_with("NL ")),
            "{period}: a newline in a name split a line of report.md"
        );
        if period == "2026-10" {
            assert!(
                r.markdown
                    .contains("&lt;i&gt;Evil&lt;/i&gt; \\| \"Q\" &amp; 'A' NL D"),
                "{period}: the hostile account name is not in report.md, escaped"
            );
        }
        let cells = |line: &str| {
            let b = line.as_bytes();
            (0..b.len())
                .filter(|&i| b[i] == b'|' && (i == 0 || b[i - 1] != b'\\'))
                .count()
        };
        let mut table: Option<(usize, &str)> = None;
        for line in r.markdown.lines() {
            if !line.starts_with('|') {
                table = None;
                continue;
            }
            match table {
                None => table = Some((cells(line), line)),
                Some((n, header)) => assert_eq!(
                    cells(line),
                    n,
                    "{period}: a report.md table row has a different number of cells than \
                     its header {header:?}:\n{line}"
                ),
            }
        }

        // CSV: no cell starts a formula unless it is a number.
        let mut prefixed = 0;
        for (name, df) in &c.tables {
            let bytes = handoff::render::tables::to_csv(df).expect("csv");
            let mut rd = csv::ReaderBuilder::new()
                .has_headers(true)
                .from_reader(bytes.as_slice());
            for rec in rd.records() {
                for cell in rec.expect("csv record").iter() {
                    if cell.starts_with("'=cmd") {
                        prefixed += 1;
                    }
                    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                        assert!(
                            cell.parse::<f64>().is_ok(),
                            "{period}: tables/{name}.csv has the formula-like cell {cell:?}"
                        );
                    }
                }
            }
        }
        assert!(
            prefixed > 0,
            "{period}: no table carried the hostile rep name, so the CSV check proved nothing"
        );
    }
}

/// Print layout hooks in `index.html` (issue #4): a table longer than a page is marked
/// `long` so it may flow across pages, short tables are not, and identifiers and dates in
/// table cells are marked `nw` so they never wrap mid-word.
#[test]
fn long_tables_and_identifiers_are_marked_for_print() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let c = compute(&sample, "2026-10");
    let r = render(&c, "sample-2026-10");
    let long = r.html.matches("<figure class=\"table long\">").count();
    let short = r.html.matches("<figure class=\"table\">").count();
    assert!(long >= 1, "the 100-row escalation table is not marked long");
    assert!(
        short > long,
        "short tables must stay unbreakable ({short} short, {long} long)"
    );
    assert!(
        r.html.contains("<td class=\"nw\">2026-10-03</td>"),
        "dates in the transitions table may wrap"
    );
    assert!(
        r.html.contains("<th class=\"nw\">ACC-001490</th>"),
        "account ids in the transitions table may wrap"
    );
    for rule in [
        "figure.table.long",
        "th.nw, td.nw",
        "break-after: avoid",
        "@page { size: A4",
    ] {
        assert!(r.html.contains(rule), "report.css lacks {rule:?}");
    }
}

/// What the config sets is what the report states: the SLA floor (tiles, table colours, the
/// chart's reference line), the deadlines and their calendar, and the completion target.
#[test]
fn config_overrides_reach_the_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("handoff.toml");
    std::fs::write(
        &config,
        "sla_calendar = \"business\"\ncompletion_target = 0.85\n\n[sla_hours]\nintro = 36\nkickoff_held = 288\n\n[first_value_days]\nsmb = 14\n\n[alerts]\nsla_floor = 0.725\n",
    )
    .expect("write config");
    let data = example("medium");
    let monthly = render(
        &compute_with(&data, Some(config.clone()), "2026-10"),
        "config-monthly",
    );
    for want in [
        "floor 72.5%",
        "<strong>72.5%</strong>",
        "close + 36 business hours",
        "close + 12 business days",
        "close + segment target (14–60 business days)",
        "Deadlines shown are those set by the config file.",
        "meeting within 48 business hours of close",
        "target ≥ 85.0%",
    ] {
        assert!(monthly.html.contains(want), "monthly HTML lacks {want:?}");
    }
    assert!(!monthly.html.contains("Default deadline"));
    let sla_chart = monthly
        .charts
        .iter()
        .find(|c| c.name == "sla_attainment")
        .expect("the SLA chart");
    assert!(
        sla_chart.svg.contains("72.5% floor"),
        "the chart's floor line"
    );
    let quarterly = render(
        &compute_with(&data, Some(config), "2026-Q3"),
        "config-quarterly",
    );
    for want in [
        "the target is 85%.",
        "knowledge-transfer meeting 48 business hours, intro email 36 business hours",
        "kickoff held 12 business days",
        "SMB 14",
        "Deadlines count business days (Monday to Friday) only.",
    ] {
        assert!(
            quarterly.html.contains(want),
            "quarterly HTML lacks {want:?}"
        );
    }
    // The defaults, for contrast: the same data without the config states the spec's values.
    let plain = render(&compute(&data, "2026-Q3"), "plain-quarterly");
    assert!(plain.html.contains("the target is 90%."));
    assert!(plain.html.contains("Default deadlines from close"));
}
