//! Issue #16: a failure at any step of the report write leaves the previous report
//! byte-identical and exits 1 (steps after the commit point only warn).

use super::*;

/// A first report, then a second run over changed data that would change it.
fn previous_report() -> (tempfile::TempDir, tempfile::TempDir) {
    let d = fixture_dir();
    let out = tempfile::tempdir().unwrap();
    report(d.path(), out.path()).success();
    let deals = fs::read_to_string(d.path().join("deals.csv")).unwrap();
    fs::write(
        d.path().join("deals.csv"),
        format!("{deals}D4,A4,Hooli,SMB,1000,2026-10-21,rep_c,Team Y,NA\n"),
    )
    .unwrap();
    (d, out)
}

fn run_failing_at(d: &Path, out: &Path, step: &str) -> assert_cmd::assert::Assert {
    handoff()
        .env(handoff::output::FAIL_AT_ENV, step)
        .args([
            "report",
            "--as-of",
            "2026-10-31",
            "--period",
            "2026-10",
            "--data",
        ])
        .arg(d)
        .arg("--out")
        .arg(out)
        .assert()
}

fn names(out: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn each_step_before_the_commit_point_rolls_back() {
    for step in [
        "write_file",
        "sync_file",
        "sync_dir",
        "move_old",
        "rename_new",
        "sync_out",
    ] {
        let (d, out) = previous_report();
        let before = tree(out.path());
        run_failing_at(d.path(), out.path(), step)
            .code(1)
            .stderr(predicate::str::contains(format!(
                "injected failure at step {step}"
            )));
        assert_eq!(
            tree(out.path()),
            before,
            "{step}: the previous report changed"
        );
        assert_eq!(
            names(out.path()),
            [".handoff.lock", "2026-10", "LATEST-monthly"],
            "{step}: leftovers"
        );
        // The next run without a failure writes the new report.
        report(d.path(), out.path()).success();
        assert_eq!(metrics(out.path())["cohort"]["period_deals"], 4, "{step}");
    }
}

#[test]
fn steps_after_the_commit_point_warn_and_keep_the_new_report() {
    for step in ["remove_old", "latest"] {
        let (d, out) = previous_report();
        run_failing_at(d.path(), out.path(), step)
            .success()
            .stderr(predicate::str::contains(format!(
                "injected failure at step {step}"
            )));
        assert_eq!(metrics(out.path())["cohort"]["period_deals"], 4, "{step}");
    }
}

#[test]
fn a_report_moved_aside_by_a_killed_run_is_moved_back() {
    let (d, out) = previous_report();
    let before = tree(out.path());
    // What a run killed between its two renames leaves.
    fs::rename(
        out.path().join("2026-10"),
        out.path().join(".old-2026-10-99999"),
    )
    .unwrap();
    fs::create_dir(out.path().join(".tmp-2026-10-99999")).unwrap();
    run_failing_at(d.path(), out.path(), "rename_new").code(1);
    assert_eq!(tree(out.path()), before);
    assert_eq!(
        names(out.path()),
        [".handoff.lock", "2026-10", "LATEST-monthly"]
    );
}
