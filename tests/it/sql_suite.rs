//! The analyst SQL suite (`tests/fixtures/sql-suite/NN_name.sql`, issue #19): every query
//! runs through the same engine as `handoff query` over the medium worked example, and its
//! rows must equal `expected/NN_name.csv`, which a second engine (Python duckdb, see
//! `referee.py` there) produced from the Parquet files this engine reads. Rows compare in
//! order when the query ends with a top-level `ORDER BY` line, as a multiset otherwise;
//! numbers to 1e-9 relative. Set `HANDOFF_SQL_SUITE_EXPORT=DIR` to write those Parquet
//! files for the referee.

use std::path::{Path, PathBuf};

use handoff::cli::DataArgs;
use handoff::sql::Engine;
use polars::prelude::*;

use crate::common::root;

fn engine(data: &str) -> Engine {
    let args = DataArgs {
        data: root().join(data),
        config: None,
        as_of: None,
        strict: false,
    };
    handoff::query_engine(&args, None).unwrap()
}

/// One cell as the referee writes it: blank for null, `true`/`false`, ISO dates, datetimes
/// as `YYYY-MM-DD HH:MM:SS[.ffffff]`.
fn cell(v: AnyValue) -> String {
    match v {
        AnyValue::Null => String::new(),
        AnyValue::Boolean(b) => b.to_string(),
        AnyValue::String(s) => s.to_string(),
        AnyValue::StringOwned(s) => s.to_string(),
        AnyValue::Float64(x) => format!("{x:?}"),
        AnyValue::Float32(x) => format!("{:?}", x as f64),
        AnyValue::Date(d) => (chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()
            + chrono::Days::new(d as u64))
        .to_string(),
        AnyValue::Datetime(v, unit, _) => {
            let us = match unit {
                TimeUnit::Nanoseconds => v / 1000,
                TimeUnit::Microseconds => v,
                TimeUnit::Milliseconds => v * 1000,
            };
            let t = chrono::DateTime::from_timestamp_micros(us)
                .unwrap()
                .naive_utc();
            if us % 1_000_000 == 0 {
                t.format("%Y-%m-%d %H:%M:%S").to_string()
            } else {
                t.format("%Y-%m-%d %H:%M:%S%.6f").to_string()
            }
        }
        other => other.to_string(),
    }
}

fn same(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    match (a.parse::<f64>(), b.parse::<f64>()) {
        (Ok(x), Ok(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

fn rows(df: &DataFrame) -> Vec<Vec<String>> {
    (0..df.height())
        .map(|i| {
            df.columns()
                .iter()
                .map(|c| cell(c.get(i).unwrap()))
                .collect()
        })
        .collect()
}

fn expected(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_path(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let head = r.headers().unwrap().iter().map(String::from).collect();
    let body = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (head, body)
}

/// Why a result differs from the expected one, or `None` when they are the same.
fn compare(
    df: &DataFrame,
    want_head: &[String],
    want: &[Vec<String>],
    ordered: bool,
) -> Option<String> {
    let head: Vec<String> = df
        .get_column_names()
        .iter()
        .map(|n| n.to_string())
        .collect();
    if head != want_head {
        return Some(format!("columns {head:?}, expected {want_head:?}"));
    }
    let mut got = rows(df);
    let mut want = want.to_vec();
    if got.len() != want.len() {
        return Some(format!("{} rows, expected {}", got.len(), want.len()));
    }
    if !ordered {
        got.sort();
        want.sort();
    }
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        if g.len() != w.len() || !g.iter().zip(w).all(|(a, b)| same(a, b)) {
            return Some(format!("row {i}: {g:?}, expected {w:?}"));
        }
    }
    None
}

fn suite() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/sql-suite"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    files.sort();
    files
}

#[test]
fn suite_equals_the_referee() {
    let engine = engine("tests/fixtures/examples/medium");
    if let Ok(dir) = std::env::var("HANDOFF_SQL_SUITE_EXPORT") {
        std::fs::create_dir_all(&dir).unwrap();
        for e in std::fs::read_dir(engine.tables_dir()).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, Path::new(&dir).join(p.file_name().unwrap())).unwrap();
        }
    }
    let files = suite();
    assert!(files.len() >= 40, "the suite has {} queries", files.len());
    let mut failures = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let stem = f.file_stem().unwrap().to_string_lossy().into_owned();
        let want = f
            .parent()
            .unwrap()
            .join("expected")
            .join(format!("{stem}.csv"));
        let (head, body) = expected(&want);
        let ordered = text.contains("\nORDER BY");
        match engine.run(&text) {
            Ok(df) => {
                if let Some(why) = compare(&df, &head, &body, ordered) {
                    failures.push(format!("{stem}: {why}"));
                }
            }
            // No query of the suite is expected to be refused: DuckDB is the referee too.
            Err(e) => failures.push(format!("{stem}: error {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} queries differ:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

/// Issue #19: `sum(acv) * 100.0 / sum(sum(acv)) OVER ()` gave 100 for every group. The tiny
/// example's October cohort: Team X has D1 120,000 + D2 45,000 + D11 60,000 = 225,000;
/// Team Y has D3 9,500 (closed 2026-10-21 UTC) + D10 30,000 = 39,500; 264,500 in all, so
/// the shares are 22,500,000 / 264,500 = 85.066… and 3,950,000 / 264,500 = 14.933….
#[test]
fn share_of_total_by_hand() {
    let engine = engine("tests/fixtures/examples/tiny");
    let df = engine
        .run(
            "SELECT sales_team, sum(acv) AS acv, sum(acv) * 100.0 / sum(sum(acv)) OVER () AS share \
             FROM period_facts GROUP BY sales_team ORDER BY sales_team",
        )
        .unwrap();
    assert_eq!(
        rows(&df),
        [
            [
                "Team X",
                "225000.0",
                &format!("{:?}", 22_500_000.0 / 264_500.0)
            ],
            [
                "Team Y",
                "39500.0",
                &format!("{:?}", 3_950_000.0 / 264_500.0)
            ],
        ]
    );
}

#[test]
fn analyst_naming_and_types() {
    let engine = engine("tests/fixtures/examples/tiny");
    let df = engine
        .run("SELECT count(*), min(closed_at), max(closed_at), min(knowledge_transfer_due) FROM handoff_facts")
        .unwrap();
    let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "count",
            "min(closed_at)",
            "max(closed_at)",
            "min(knowledge_transfer_due)"
        ]
    );
    assert!(matches!(
        df.column("min(knowledge_transfer_due)").unwrap().dtype(),
        DataType::Datetime(_, _)
    ));
    assert_eq!(df.column("count").unwrap().dtype(), &DataType::Int64);
}

#[test]
fn what_is_not_a_single_query_is_refused_clearly() {
    let engine = engine("tests/fixtures/examples/tiny");
    let e = engine.run("SELECT 1; SELECT 2").unwrap_err();
    assert!(e.contains("one SQL statement per query"), "{e}");
    let e = engine.run("DROP VIEW deals").unwrap_err();
    assert!(e.contains("only queries"), "{e}");
    let e = engine.run("SELECT nope FROM deals").unwrap_err();
    assert!(e.contains("nope"), "{e}");
    // An extension that is not built in is an error, never a download.
    let e = engine.run("SELECT * FROM read_json('x.json')").unwrap_err();
    assert!(
        e.contains("cannot install or load DuckDB extensions"),
        "{e}"
    );
    assert!(!e.contains("INSTALL json"), "{e}");
    // A run-time failure names the column, not our wrapper around the query.
    let e = engine
        .run("SELECT 9223372036854775807::HUGEINT * 10 AS big")
        .unwrap_err();
    assert!(e.contains("out of range") && e.contains("big"), "{e}");
    assert!(!e.contains("COPY"), "{e}");
    assert!(engine.run("SELECT 1 AS one;").is_ok());
}
