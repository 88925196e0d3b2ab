//! `handoff query` and the shipped `queries/*.sql` on the tiny worked example, whose
//! numbers are worked out by hand in `../shared/examples/README.md` and SPEC §4.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn query(sql: &str, format: &str) -> assert_cmd::assert::Assert {
    Command::cargo_bin("handoff")
        .unwrap()
        .current_dir(root())
        .args([
            "query",
            "--data",
            "../shared/examples/tiny",
            "--sql",
            sql,
            "--format",
            format,
        ])
        .assert()
}

fn json_rows(sql: &str) -> Vec<Value> {
    let out = query(sql, "json").success().get_output().stdout.clone();
    serde_json::from_slice::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn rep_scorecard_by_hand() {
    // October 2026 cohort: rep_a has D1 (100), D3 (90) and D11 (0); rep_b D2 (52.5);
    // rep_c D10 (65).
    let rows = json_rows("queries/rep_scorecard.sql");
    let rep_a = rows.iter().find(|r| r["sales_rep"] == "rep_a").unwrap();
    assert_eq!(rep_a["handoffs"], 3);
    assert!((rep_a["mean_score"].as_f64().unwrap() - 190.0 / 3.0).abs() < 1e-9);
    assert_eq!(rep_a["coaching"], true);
    assert_eq!(rep_a["acceptance_rate"], 1.0);
    let rep_b = rows.iter().find(|r| r["sales_rep"] == "rep_b").unwrap();
    assert_eq!(rep_b["mean_score"], 52.5);
    assert_eq!(rep_b["rejections"], 2);
    assert_eq!(rep_b["kt_attainment"], 0.0);
}

#[test]
fn missing_fields_equal_metrics_json() {
    let rows = json_rows("queries/missing_fields.sql");
    let expected: Value = serde_json::from_slice(
        &std::fs::read(root().join("../shared/examples/tiny/expected-2026-10.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(rows.len(), 7);
    for r in &rows {
        let field = r["field"].as_str().unwrap();
        let want = expected["completeness"]["fields"][field].as_f64().unwrap();
        assert!(
            (r["fill_rate"].as_f64().unwrap() - want).abs() < 1e-12,
            "{field}"
        );
    }
    // Most often missing first.
    assert_eq!(rows[0]["fill_rate"], 0.4);
    assert_eq!(rows[6]["field"], "info_customer_context");
}

#[test]
fn sla_by_month_by_hand() {
    let rows = json_rows("queries/sla_by_month.sql");
    let oct = rows.iter().find(|r| r["month"] == "2026-10").unwrap();
    assert_eq!(oct["deals"], 5);
    assert_eq!(oct["knowledge_transfer"], 0.75);
    assert_eq!(oct["first_value"], 0.5);
}

#[test]
fn every_format() {
    let sql = "SELECT deal_id, quality_score FROM period_facts ORDER BY deal_id";
    query(sql, "table")
        .success()
        .stdout(predicate::str::contains("quality_score"));
    query(sql, "csv")
        .success()
        .stdout(predicate::str::starts_with(
            "deal_id,quality_score\nD1,100\n",
        ));
    query(sql, "markdown")
        .success()
        .stdout(predicate::str::starts_with(
            "| deal_id | quality_score |\n|---|---|\n| D1 | 100.0 |",
        ));
    assert_eq!(json_rows(sql).len(), 5);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("q.parquet");
    Command::cargo_bin("handoff")
        .unwrap()
        .current_dir(root())
        .args([
            "query",
            "--data",
            "../shared/examples/tiny",
            "--sql",
            sql,
            "--format",
            "parquet",
            "--output",
        ])
        .arg(&out)
        .assert()
        .success();
    let bytes = std::fs::read(Path::new(&out)).unwrap();
    assert_eq!(&bytes[..4], b"PAR1");
    query(sql, "parquet")
        .code(2)
        .stderr(predicate::str::contains("--output"));
}

#[test]
fn sql_error_names_the_missing_column_and_lists_tables() {
    query("SELECT nope FROM deals", "csv")
        .code(2)
        .stderr(predicate::str::contains("\"nope\""))
        .stderr(predicate::str::contains("handoff_facts:"));
}
