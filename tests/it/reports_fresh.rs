//! The example reports committed in `reports/` must be what the current code makes from
//! `sample-data/`. Regenerate with `cargo run --release -- report`,
//! `cargo run --release -- report --period 2026-Q3`,
//! `cargo run --release -- report --period 2026-10 --lang id --out reports/id` and
//! `cargo run --release -- report --period 2026-Q3 --lang de --out reports/de` when this fails.

use std::path::Path;

use assert_cmd::Command;

#[test]
fn committed_reports_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    for (lang, folder, period) in [
        ("en", "", "2026-10"),
        ("en", "", "2026-Q3"),
        ("id", "id", "2026-10"),
        ("de", "de", "2026-Q3"),
    ] {
        let fresh_dir = out.path().join(lang);
        Command::cargo_bin("handoff")
            .unwrap()
            .current_dir(root)
            .args([
                "report", "--quiet", "--period", period, "--lang", lang, "--out",
            ])
            .arg(&fresh_dir)
            .assert()
            .success();
        for file in [
            "metrics.json",
            "report.md",
            "index.html",
            "tables/churn_by_band.csv",
        ] {
            let fresh = std::fs::read(fresh_dir.join(period).join(file)).unwrap();
            let committed = root.join("reports").join(folder).join(period).join(file);
            assert!(
                fresh == std::fs::read(&committed).unwrap(),
                "{} is out of date with the code: regenerate it (see the module doc)",
                committed.display()
            );
        }
    }
}
