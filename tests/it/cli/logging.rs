//! Logging (issue #5): levels, JSON for log collectors, nothing but the summary on stdout.

use super::*;

/// The fixture plus one rejected deal row (line 5), which every level above -q reports.
fn fixture_with_a_bad_row(dir: &Path) {
    fixture(dir);
    let mut deals = fs::read_to_string(dir.join("deals.csv")).unwrap();
    deals.push_str("D4,A4,Hooli,SMB,-5,2026-10-09,rep_b,Team X,NA\n");
    fs::write(dir.join("deals.csv"), deals).unwrap();
    // One bad row of four is tolerated here.
    fs::write(dir.join("handoff.toml"), "max_rejected_share = 0.5\n").unwrap();
}

#[test]
fn quiet_keeps_only_errors_on_stderr() {
    let d = tempfile::tempdir().unwrap();
    fixture_with_a_bad_row(d.path());
    let out = tempfile::tempdir().unwrap();
    report_with(d.path(), out.path(), &["-q"])
        .success()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::is_empty());
    // Errors still get through -q.
    handoff()
        .args(["-q", "report", "--data", "/no/such/folder", "--out"])
        .arg(out.path())
        .assert()
        .code(3)
        .stderr(predicate::str::starts_with("error: "));
}

#[test]
fn default_level_shows_warnings_and_no_timings() {
    let d = tempfile::tempdir().unwrap();
    fixture_with_a_bad_row(d.path());
    let assert = validate(d.path()).success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.lines().any(|l| l.starts_with("warning: ")
            && l.ends_with("deals.csv:5: rejected: acv \"-5\": out of range: must be >= 0")),
        "{stderr}"
    );
    assert!(!stderr.contains("info:"), "{stderr}");
}

#[test]
fn verbose_adds_stage_timings_without_terminal_codes() {
    let d = fixture_dir();
    let out = tempfile::tempdir().unwrap();
    let assert = report_with(d.path(), out.path(), &["-v"]).success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    for stage in [
        "reading inputs",
        "computing metrics",
        "rendering",
        "writing",
    ] {
        assert!(stderr.contains(&format!("info: {stage}: ")), "{stderr}");
    }
    // Not a terminal: no spinner, no carriage returns or escape sequences.
    assert!(
        !stderr.contains('\r') && !stderr.contains('\u{1b}'),
        "{stderr:?}"
    );
}

#[test]
fn json_log_format_is_one_object_per_line_with_fields() {
    let d = tempfile::tempdir().unwrap();
    fixture_with_a_bad_row(d.path());
    let assert = handoff()
        .args(["--log-format", "json", "validate", "--as-of", "2026-10-31"])
        .arg("--data")
        .arg(d.path())
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let events: Vec<Value> = stderr
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let row = events
        .iter()
        .find(|e| e["action"] == "rejected")
        .expect("the rejected row as an event");
    assert_eq!(row["level"], "WARN");
    assert_eq!(row["table"], "deals");
    assert_eq!(row["line"], 5);
    assert_eq!(row["column"], "acv");
    assert_eq!(row["value"], "-5");
    assert!(row["message"].as_str().unwrap().contains("deals.csv:5"));
}

#[test]
fn default_period_mid_month_is_the_previous_month() {
    let d = fixture_dir();
    let out = tempfile::tempdir().unwrap();
    handoff()
        .args(["-q", "report", "--as-of", "2026-11-15", "--data"])
        .arg(d.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    // As of 15 November the last complete month is October.
    assert!(out.path().join("2026-10/metrics.json").is_file());
    handoff()
        .args(["-q", "report", "--as-of", "2026-10-15", "--data"])
        .arg(d.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    assert!(out.path().join("2026-09/metrics.json").is_file());
}
