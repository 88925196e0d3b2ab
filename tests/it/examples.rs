//! The worked examples of `tests/fixtures/examples`: every value of each `expected-PERIOD.json`
//! must appear at the same path of our `metrics.json` and agree to a relative 1e-6.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/examples")
}

/// Collect every mismatch between `expected` and `got` below `path`.
fn compare(expected: &Value, got: &Value, path: &str, errors: &mut Vec<String>) {
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            for (k, v) in e {
                match g.get(k) {
                    Some(gv) => compare(v, gv, &format!("{path}.{k}"), errors),
                    None => errors.push(format!("{path}.{k}: missing")),
                }
            }
        }
        (Value::Array(e), Value::Array(g)) if e.len() == g.len() => {
            for (i, (a, b)) in e.iter().zip(g).enumerate() {
                compare(a, b, &format!("{path}[{i}]"), errors);
            }
        }
        (Value::Number(e), Value::Number(g)) => {
            let (e, g) = (e.as_f64().unwrap(), g.as_f64().unwrap());
            let scale = e.abs().max(g.abs());
            if (e - g).abs() > 1e-6 * scale && !(e == 0.0 && g.abs() < 1e-12) {
                errors.push(format!("{path}: expected {e}, got {g}"));
            }
        }
        (e, g) if e == g => {}
        (e, g) => errors.push(format!("{path}: expected {e}, got {g}")),
    }
}

fn check(example: &str, period: &str) {
    let dir = examples().join(example);
    let out = tempfile::tempdir().unwrap();
    Command::cargo_bin("handoff")
        .unwrap()
        .args([
            "report",
            "--quiet",
            "--period",
            period,
            "--as-of",
            "2026-10-31",
        ])
        .arg("--data")
        .arg(&dir)
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    let got: Value = serde_json::from_slice(
        &std::fs::read(out.path().join(period).join("metrics.json")).unwrap(),
    )
    .unwrap();
    let expected: Value = serde_json::from_slice(
        &std::fs::read(dir.join(format!("expected-{period}.json"))).unwrap(),
    )
    .unwrap();
    let mut errors = Vec::new();
    compare(&expected, &got, "", &mut errors);
    assert!(
        errors.is_empty(),
        "{example} {period}:\n{}",
        errors.join("\n")
    );
}

#[test]
fn tiny_monthly() {
    check("tiny", "2026-10");
}

#[test]
fn tiny_quarterly() {
    check("tiny", "2026-Q3");
}

#[test]
fn medium_monthly() {
    check("medium", "2026-10");
}

#[test]
fn medium_quarterly() {
    check("medium", "2026-Q3");
}

#[test]
fn the_comparison_itself_can_fail() {
    let mut errors = Vec::new();
    let e: Value = serde_json::json!({"a": {"b": 1.0, "c": null}, "d": [1, 2]});
    let g: Value = serde_json::json!({"a": {"b": 1.00001, "c": 0}, "d": [1]});
    compare(&e, &g, "", &mut errors);
    assert_eq!(errors.len(), 3, "{errors:?}");
}

/// METRICS.md §4.12–§4.15 (drivers, Cox models, power, close-quarter cohorts): every value of
/// `expected-PERIOD-sections-4.12-4.15.json` at the same path of our `metrics.json`.
fn check_sections(example: &str, period: &str) {
    let dir = examples().join(example);
    let out = tempfile::tempdir().unwrap();
    Command::cargo_bin("handoff")
        .unwrap()
        .args(["report", "--quiet", "--period", period])
        .args(["--as-of", "2026-10-31"])
        .arg("--data")
        .arg(&dir)
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    let read = |path: PathBuf| -> Value {
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap()
    };
    let got = read(out.path().join(period).join("metrics.json"));
    let expected = read(dir.join(format!("expected-{period}-sections-4.12-4.15.json")));
    let mut errors = Vec::new();
    compare(&expected, &got, "", &mut errors);
    assert!(
        errors.is_empty(),
        "{example} {period} §4.12–4.15:\n{}",
        errors.join("\n")
    );
}

#[test]
fn tiny_monthly_sections_4_12_to_4_15() {
    check_sections("tiny", "2026-10");
}

#[test]
fn tiny_quarterly_sections_4_12_to_4_15() {
    check_sections("tiny", "2026-Q3");
}

#[test]
fn medium_monthly_sections_4_12_to_4_15() {
    check_sections("medium", "2026-10");
}

#[test]
fn medium_quarterly_sections_4_12_to_4_15() {
    check_sections("medium", "2026-Q3");
}
