//! Helpers shared by several areas: the repository root, a preset's path, running the real
//! binary in an empty working directory with its exit code and output captured, the eight
//! table names, a report's row accounting and metrics.json, and a folder's files.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn preset(name: &str) -> PathBuf {
    root().join("presets").join(format!("{name}.toml"))
}

#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run `handoff ARGS` in an empty temporary working directory; a panic message on stderr
/// fails the test whatever the exit code.
pub fn run(args: &[&str]) -> Run {
    let cwd = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("handoff")
        .unwrap()
        .env_remove("RUST_LOG")
        .env_remove("HANDOFF_LOG")
        .env("RUST_BACKTRACE", "0")
        .current_dir(cwd.path())
        .args(args)
        .output()
        .unwrap();
    let r = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!r.stderr.contains("panicked"), "panicked: {r:#?}");
    r
}

pub fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `handoff report` with only `--config` (if any), `--data`, `--as-of` and `--out`; it must
/// succeed. Returns the run, the report folder it wrote and its metrics.json.
pub fn report_in(
    data: &Path,
    config: Option<&Path>,
    as_of: &str,
    out: &Path,
) -> (Run, PathBuf, serde_json::Value) {
    let mut args = vec![
        "report",
        "--as-of",
        as_of,
        "--data",
        arg(data),
        "--out",
        arg(out),
    ];
    if let Some(c) = config {
        args.extend(["--config", arg(c)]);
    }
    let r = run(&args);
    assert_eq!(r.code, 0, "{r:#?}");
    let folder = fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.join("metrics.json").is_file())
        .unwrap_or_else(|| panic!("no report folder in {}", out.display()));
    let m = serde_json::from_slice(&fs::read(folder.join("metrics.json")).unwrap()).unwrap();
    (r, folder, m)
}

/// The eight input tables, in the order the spec lists them.
pub const TABLES: [&str; 8] = [
    "deals",
    "handoffs",
    "milestones",
    "health",
    "adoption",
    "renewals",
    "surveys",
    "transitions",
];

/// `inputs.TABLE` as `[read, used, rejected, excluded]` plus the reasons.
pub fn accounting(m: &serde_json::Value, table: &str) -> (Vec<u64>, serde_json::Value) {
    let c = &m["inputs"][table];
    let n = |k: &str| c[k].as_u64().unwrap_or_else(|| panic!("{table}.{k}: {c}"));
    (
        vec![
            n("rows_read"),
            n("rows_used"),
            n("rows_rejected"),
            n("rows_excluded"),
        ],
        c["excluded_by_reason"].clone(),
    )
}

/// The `metrics.json` of the October 2026 report written under `out`.
pub fn metrics(out: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(out.join("2026-10/metrics.json")).unwrap()).unwrap()
}

/// Every file under `dir` with its bytes, sorted by path relative to `dir`.
pub fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(&p).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}
