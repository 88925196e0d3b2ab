//! The example reports committed in `reports/` must be what the current code makes from
//! `sample-data/`. Regenerate with `cargo run --release -- report` and
//! `cargo run --release -- report --period 2026-Q3` when this fails.

use std::path::Path;

use assert_cmd::Command;

#[test]
fn committed_reports_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    for period in ["2026-10", "2026-Q3"] {
        Command::cargo_bin("handoff")
            .unwrap()
            .current_dir(root)
            .args(["report", "--quiet", "--period", period, "--out"])
            .arg(out.path())
            .assert()
            .success();
        for file in [
            "metrics.json",
            "report.md",
            "index.html",
            "tables/churn_by_band.csv",
        ] {
            let fresh = std::fs::read(out.path().join(period).join(file)).unwrap();
            let committed = std::fs::read(root.join("reports").join(period).join(file)).unwrap();
            assert!(
                fresh == committed,
                "reports/{period}/{file} is out of date with the code: regenerate it (see the module doc)"
            );
        }
    }
}
