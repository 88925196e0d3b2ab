//! Usage errors: unknown flags, bad periods and dates exit 2; `--help` lists the exit codes.

use super::*;

#[test]
fn unknown_flag_exits_2() {
    handoff()
        .args(["report", "--no-such-flag"])
        .assert()
        .code(2);
}

#[test]
fn bad_period_exits_2() {
    handoff()
        .args(["report", "--period", "2026-13"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM"));
}

#[test]
fn bad_date_exits_2() {
    handoff()
        .args(["validate", "--as-of", "31/10/2026"])
        .assert()
        .code(2);
}

#[test]
fn unknown_config_key_exits_2_and_names_it() {
    let d = fixture_dir();
    fs::write(
        d.path().join("handoff.toml"),
        "as_of = \"2026-10-31\"\nmax_rejected = 0.5\n",
    )
    .unwrap();
    validate(d.path())
        .code(2)
        .stderr(predicate::str::contains("max_rejected"));
}

#[test]
fn help_lists_exit_codes() {
    handoff()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("3  input data failed validation"));
}
