//! Issue #16: `generate` never overwrites or deletes a file it did not write.

use super::*;

fn generate(out: &Path, flags: &[&str]) -> assert_cmd::assert::Assert {
    handoff()
        .args(["generate", "--deals", "20"])
        .args(flags)
        .arg("--out")
        .arg(out)
        .assert()
}

/// A user's folder: their config with mappings, an export, notes.
fn user_folder(dir: &Path) {
    fs::write(
        dir.join("handoff.toml"),
        "[columns.deals]\nclosed_at = \"Close Date\"\n",
    )
    .unwrap();
    fs::write(dir.join("deals.parquet"), b"PAR1 not really").unwrap();
    fs::write(dir.join("notes.txt"), "call Ann on Monday\n").unwrap();
}

#[test]
fn a_folder_of_user_files_is_refused_and_left_byte_identical() {
    let d = tempfile::tempdir().unwrap();
    user_folder(d.path());
    let before = tree(d.path());
    generate(d.path(), &[]).code(2).stderr(
        predicate::str::contains("deals.parquet, handoff.toml, notes.txt")
            .and(predicate::str::contains("--force")),
    );
    generate(d.path(), &["--format", "parquet"]).code(2);
    assert_eq!(tree(d.path()), before);
}

#[test]
fn force_replaces_only_table_files_and_keeps_a_users_config() {
    let d = tempfile::tempdir().unwrap();
    user_folder(d.path());
    let config = fs::read(d.path().join("handoff.toml")).unwrap();
    generate(d.path(), &["--force", "--format", "parquet"])
        .success()
        .stderr(predicate::str::contains("kept").and(predicate::str::contains("handoff.toml")));
    assert_eq!(fs::read(d.path().join("handoff.toml")).unwrap(), config);
    assert_eq!(
        fs::read_to_string(d.path().join("notes.txt")).unwrap(),
        "call Ann on Monday\n"
    );
    // The table file was replaced by a real Parquet file.
    let deals = fs::read(d.path().join("deals.parquet")).unwrap();
    assert!(deals.len() > 100 && deals.starts_with(b"PAR1"));
    // CSV next: the Parquet files generate wrote go; the user's files stay.
    generate(d.path(), &["--force"]).success();
    assert!(!d.path().join("deals.parquet").exists());
    assert!(d.path().join("deals.csv").is_file());
    assert_eq!(fs::read(d.path().join("handoff.toml")).unwrap(), config);
    assert!(d.path().join("notes.txt").is_file());
}

#[test]
fn a_users_csv_beside_forced_parquet_is_kept() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("deals.csv"), "mine\n").unwrap();
    generate(d.path(), &["--force", "--format", "parquet"])
        .success()
        .stderr(predicate::str::contains("deals.csv"));
    assert_eq!(fs::read(d.path().join("deals.csv")).unwrap(), b"mine\n");
}

#[test]
fn its_own_folder_is_regenerated_but_an_edited_file_is_not_overwritten() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("data");
    generate(&out, &[]).success();
    let first = tree(&out);
    assert!(first.iter().any(|(n, _)| n == ".handoff-generate.json"));
    // Same flags into its own folder: allowed, same bytes (deterministic, fixed as-of).
    generate(&out, &[]).success();
    assert_eq!(tree(&out), first);
    // The user edits the generated config: it is theirs now.
    fs::write(out.join("handoff.toml"), "as_of = \"2026-10-31\"\n# mine\n").unwrap();
    generate(&out, &["--seed", "4"])
        .code(2)
        .stderr(predicate::str::contains("handoff.toml"));
    generate(&out, &["--seed", "4", "--force"]).success();
    assert_eq!(
        fs::read_to_string(out.join("handoff.toml")).unwrap(),
        "as_of = \"2026-10-31\"\n# mine\n"
    );
}

#[test]
fn the_default_as_of_is_fixed() {
    let d = tempfile::tempdir().unwrap();
    handoff()
        .args(["generate", "--deals", "5", "--out"])
        .arg(d.path().join("x"))
        .assert()
        .success()
        .stdout(predicate::str::contains("as of 2026-10-31"));
    assert_eq!(
        fs::read_to_string(d.path().join("x/handoff.toml"))
            .unwrap()
            .lines()
            .last(),
        Some("as_of = \"2026-10-31\"")
    );
}
