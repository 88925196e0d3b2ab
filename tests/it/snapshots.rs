//! Snapshots of what users see for the committed sample data: `metrics.json` and
//! `report.md` for the monthly and quarterly reports. A change in any number or sentence
//! shows up as a reviewed diff (`cargo insta review`, or `INSTA_UPDATE=always cargo test
//! --test it snapshots::` and read the `.snap` diff), never silently.

use std::path::Path;

use assert_cmd::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `handoff report --period PERIOD` on sample-data into a fresh temp dir; returns the dir.
fn generate(period: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    Command::cargo_bin("handoff")
        .unwrap()
        .current_dir(root())
        .env_remove("RUST_LOG")
        .args(["report", "--quiet", "--period", period, "--out"])
        .arg(out.path())
        .assert()
        .success();
    out
}

/// File paths depend on where the data lives: show them relative to the crate root.
fn unroot(s: &str) -> String {
    s.replace(&root().display().to_string(), ".")
}

fn run(period: &str) -> serde_json::Value {
    let out = generate(period);
    let bytes = std::fs::read(out.path().join(period).join("metrics.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    // File paths in warnings depend on where the data lives: keep only the message.
    if let Some(w) = v.get_mut("warnings").and_then(|w| w.as_array_mut()) {
        for item in w.iter_mut() {
            if let Some(s) = item.as_str() {
                *item = serde_json::Value::String(unroot(s));
            }
        }
    }
    v
}

/// `report.md` as written, with the crate root (if it ever appears) replaced by `.`.
fn report_md(period: &str) -> String {
    let out = generate(period);
    let text = std::fs::read_to_string(out.path().join(period).join("report.md")).unwrap();
    assert!(
        !text.contains(&out.path().display().to_string()),
        "report.md names its temporary output folder"
    );
    unroot(&text)
}

#[test]
fn sample_monthly_metrics() {
    insta::assert_json_snapshot!("sample_2026_10_metrics", run("2026-10"));
}

#[test]
fn sample_quarterly_metrics() {
    insta::assert_json_snapshot!("sample_2026_q3_metrics", run("2026-Q3"));
}

#[test]
fn sample_monthly_report_md() {
    insta::assert_snapshot!("sample_2026_10_report_md", report_md("2026-10"));
}

#[test]
fn sample_quarterly_report_md() {
    insta::assert_snapshot!("sample_2026_q3_report_md", report_md("2026-Q3"));
}
