//! Helpers shared by the preset tests (`tests/exports.rs`, `tests/workbooks.rs`): the
//! repository root, a preset's path, and running the real binary in an empty working
//! directory with its exit code and output captured.

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
