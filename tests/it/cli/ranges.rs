//! Issue #16: config values and flags out of range are usage errors naming the key.

use super::*;

fn with_config(extra: &str) -> assert_cmd::assert::Assert {
    let d = fixture_dir();
    fs::write(
        d.path().join("handoff.toml"),
        format!("as_of = \"2026-10-31\"\n{extra}\n"),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    report(d.path(), out.path())
}

#[test]
fn out_of_range_config_values_exit_2_naming_the_key() {
    for (config, key) in [
        // Was exit 101: "`NaiveDate - Days` out of range" in metrics/cohort.rs.
        ("churn_lookback_days = 100000000", "churn_lookback_days"),
        ("churn_lookback_days = -5", "churn_lookback_days"),
        ("[alerts]\nsla_floor = nan", "alerts.sla_floor"),
        ("completion_target = 7", "completion_target"),
        ("date_format = \"%Q%Q\"", "date_format"),
        ("date_format = \"%H:%M\"", "date_format"),
        ("max_rejected_share = -0.5", "max_rejected_share"),
        ("[sla_hours]\nintro = inf", "sla_hours.intro"),
        ("[first_value_days]\nsmb = 0", "first_value_days.smb"),
        ("churn_lookback_days = \"abc\"", "churn_lookback_days"),
    ] {
        let assert = with_config(config).code(2);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert!(stderr.contains(key), "{config:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{config:?}: {stderr}");
    }
}

#[test]
fn as_of_outside_the_calendar_range_exits_2_naming_the_flag() {
    let d = fixture_dir();
    for as_of in ["0001-01-01", "9999-12-31", "1899-12-31", "2200-01-01"] {
        handoff()
            .args(["report", "--as-of", as_of, "--data"])
            .arg(d.path())
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--as-of").and(predicate::str::contains(as_of)));
    }
    with_config("as_of = \"0001-01-01\"")
        .code(2)
        .stderr(predicate::str::contains("as_of"));
    handoff()
        .args(["report", "--period", "9999-12", "--data"])
        .arg(d.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--period"));
}

#[test]
fn the_edges_of_the_ranges_run() {
    let d = fixture_dir();
    for as_of in ["1900-01-01", "2199-12-31"] {
        let out = tempfile::tempdir().unwrap();
        handoff()
            .args(["report", "-q", "--as-of", as_of, "--data"])
            .arg(d.path())
            .arg("--out")
            .arg(out.path())
            .assert()
            .success();
    }
    with_config("churn_lookback_days = 36600\ncompletion_target = 1\n[alerts]\nsla_floor = 0")
        .success();
}

#[test]
fn generate_flags_are_range_checked() {
    let out = tempfile::tempdir().unwrap();
    for (flag, value) in [
        ("--as-of", "0001-01-01"),
        ("--deals", "99999999999"),
        ("--deals", "-1"),
    ] {
        handoff()
            .arg("generate")
            .arg(format!("{flag}={value}"))
            .arg("--out")
            .arg(out.path().join("new"))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(flag));
    }
    assert!(!out.path().join("new").exists());
}
