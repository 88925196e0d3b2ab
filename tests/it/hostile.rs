//! Issue #6 "Hostile and messy input": one test per kind of bad input a CRM export or a
//! spreadsheet can produce. Text cases live in `tests/fixtures/hostile/CASE/` as overlays on
//! `base/` (a valid three-deal data set); byte-level cases (encodings, NUL, huge fields,
//! Parquet) are built here. Every run goes through [`sane`]: the binary never panics, exits
//! 0 or 3, and every message names its table (and its line, for a row-level problem).
//! Also: the Salesforce and HubSpot column-mapping presets, output safety (HTML escaping,
//! formula injection, `--period` paths) and row accounting on a messy data set.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

use crate::common::{metrics, root, TABLES};

const AS_OF: &str = "2026-10-31";
fn fixtures() -> PathBuf {
    root().join("tests/fixtures/hostile")
}

fn copy_dir(from: &Path, to: &Path) {
    for e in fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
        }
    }
}

/// A temporary data folder: `base/` with `fixtures/hostile/NAME/` copied over it.
fn case(name: &str) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    copy_dir(&fixtures().join("base"), d.path());
    if name != "base" {
        let dir = fixtures().join(name);
        assert!(dir.is_dir(), "no fixture folder {}", dir.display());
        copy_dir(&dir, d.path());
    }
    d
}

/// What one run of the binary did.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Run the binary in an empty working directory.
fn run(args: &[&str]) -> Run {
    let cwd = tempfile::tempdir().unwrap();
    let mut c = Command::cargo_bin("handoff").unwrap();
    c.env_remove("RUST_LOG")
        .env_remove("HANDOFF_LOG")
        .env("RUST_BACKTRACE", "0")
        .current_dir(cwd.path())
        .args(args);
    let out = c.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `file.csv:12` / `file.parquet:12` / `line 12` somewhere in the text.
fn has_line_number(s: &str) -> bool {
    let digits_after = |i: usize| s[i..].starts_with(|c: char| c.is_ascii_digit());
    [".csv:", ".gz:", ".parquet:", ".tsv:", "line "]
        .iter()
        .any(|p| s.match_indices(p).any(|(i, _)| digits_after(i + p.len())))
}

/// The contract every hostile input must keep: no panic, exit 0 or 3, every message names a
/// table, and a message about a row or a value names its line.
fn sane(r: Run) -> Run {
    assert!(
        !r.stderr.contains("panicked") && !r.stdout.contains("panicked"),
        "panicked: {r:#?}"
    );
    assert!(
        r.code == 0 || r.code == 3,
        "exit {} (want 0 or 3): {r:#?}",
        r.code
    );
    for line in r.stderr.lines().filter(|l| !l.trim().is_empty()) {
        if line.contains("input data failed validation") {
            continue; // the summary line; the problems follow or precede it
        }
        assert!(
            TABLES.iter().any(|t| line.contains(t)),
            "message names no table: {line:?}"
        );
        let row_level = ["rejected", "set_missing", "set to missing", "not doubled"]
            .iter()
            .any(|w| line.contains(w));
        assert!(
            !row_level || has_line_number(line),
            "row-level message without a line number: {line:?}"
        );
    }
    r
}

/// A path as an argument (temporary paths are UTF-8).
fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn validate(dir: &Path) -> Run {
    validate_with(dir, None)
}

/// `handoff validate`, with a config file when given.
fn validate_with(dir: &Path, config: Option<&Path>) -> Run {
    let mut args = vec!["validate", "--as-of", AS_OF];
    if let Some(c) = config {
        args.extend(["--config", arg(c)]);
    }
    args.extend(["--data", arg(dir)]);
    sane(run(&args))
}

/// `handoff report` for October 2026 into `out`.
fn report(dir: &Path, out: &Path) -> Run {
    report_with(dir, None, out)
}

/// `handoff report` for October 2026 into `out`, with a config file when given.
fn report_with(dir: &Path, config: Option<&Path>, out: &Path) -> Run {
    let mut args = vec!["report", "--as-of", AS_OF, "--period", "2026-10"];
    if let Some(c) = config {
        args.extend(["--config", arg(c)]);
    }
    args.extend(["--data", arg(dir), "--out", arg(out)]);
    sane(run(&args))
}

/// A table's `read used rejected excluded` from `validate`'s summary on stdout.
fn counts(r: &Run, table: &str) -> Vec<u64> {
    let line = r
        .stdout
        .lines()
        .find(|l| l.split_whitespace().next() == Some(table))
        .unwrap_or_else(|| panic!("no {table} line: {r:#?}"));
    line.split_whitespace()
        .skip(1)
        .take(4)
        .map(|n| n.parse().unwrap())
        .collect()
}

/// Validate fixture case `name`: exit `code` and every needle on stderr. The case folder
/// (a temporary copy) and the run come back for further checks.
fn check_case(name: &str, code: i32, needles: &[&str]) -> (tempfile::TempDir, Run) {
    let d = case(name);
    let r = validate(d.path());
    expect(&r, code, needles);
    (d, r)
}

/// `report` on `dir` into a temporary folder, and its metrics.json.
fn report_metrics(dir: &Path) -> serde_json::Value {
    let out = tempfile::tempdir().unwrap();
    report(dir, out.path());
    metrics(out.path())
}

fn expect(r: &Run, code: i32, needles: &[&str]) {
    assert_eq!(r.code, code, "{r:#?}");
    for n in needles {
        assert!(r.stderr.contains(n), "stderr lacks {n:?}: {r:#?}");
    }
}

/// Rows of an output CSV table, header included.
fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .unwrap()
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The `account_name` column of the escalations table (every fixture deal is escalated).
fn escalated_accounts(out: &Path) -> Vec<String> {
    let rows = csv_rows(&out.join("2026-10/tables/escalations.csv"));
    let i = rows[0].iter().position(|h| h == "account_name").unwrap();
    let mut names: Vec<String> = rows[1..].iter().map(|r| r[i].clone()).collect();
    names.sort();
    names.dedup();
    names
}

/// `handoff query` over the ingested tables, as CSV.
fn query(dir: &Path, config: Option<&Path>, sql: &str) -> Run {
    let mut args = vec!["query", "--as-of", AS_OF, "--format", "csv", "--sql", sql];
    if let Some(c) = config {
        args.extend(["--config", arg(c)]);
    }
    args.extend(["--data", arg(dir)]);
    let r = run(&args);
    assert_eq!(r.code, 0, "{r:#?}");
    r
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    fs::write(path, bytes).unwrap();
}

fn share(dir: &Path, share: f64) {
    write(
        &dir.join("handoff.toml"),
        format!("max_rejected_share = {share}\n"),
    );
}

/// The `base` case with `rows` added to its deals and a rejected-row share of 0.5 allowed.
fn base_plus_deals(rows: &str) -> tempfile::TempDir {
    let d = case("base");
    write(
        &d.path().join("deals.csv"),
        format!("{}{rows}", base_deals()),
    );
    share(d.path(), 0.5);
    d
}

/// The `base` case with its deals as a three-deal `deals.parquet` whose `segment` and
/// `closed_at` columns are given (the Parquet type cases vary those two).
fn base_with_deals_parquet(
    segment: polars::prelude::Column,
    closed_at: polars::prelude::Column,
) -> tempfile::TempDir {
    use polars::prelude::*;
    let d = case("base");
    fs::remove_file(d.path().join("deals.csv")).unwrap();
    let mut df = DataFrame::new_infer_height(vec![
        Column::new("deal_id".into(), ["D1", "D2", "D3"]),
        Column::new("account_id".into(), ["A1", "A2", "A3"]),
        segment.with_name("segment".into()),
        Column::new("acv".into(), [1.0, 2.0, 3.0]),
        closed_at.with_name("closed_at".into()),
        Column::new("sales_rep".into(), ["r", "r", "r"]),
    ])
    .unwrap();
    let f = fs::File::create(d.path().join("deals.parquet")).unwrap();
    ParquetWriter::new(f).finish(&mut df).unwrap();
    d
}

fn base_deals() -> String {
    fs::read_to_string(fixtures().join("base/deals.csv")).unwrap()
}

mod structure;

mod values;

mod bytes;

mod parquet_types;

mod presets;

mod output_safety;

mod accounting;
