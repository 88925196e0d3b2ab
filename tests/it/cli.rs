//! The binary as users and cron meet it: exit codes (METRICS.md §2), parsing rules of METRICS.md §3 on
//! tiny fixture folders, row accounting, atomic and deterministic outputs.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

use crate::common::metrics;

const DEALS_HEADER: &str =
    "deal_id,account_id,account_name,segment,acv,closed_at,sales_rep,sales_team,region";
const HANDOFFS_HEADER: &str = "handoff_id,deal_id,csm,meeting_at,intro_sent_at,cs_prep_done_at,kickoff_scheduled_at,kickoff_held_at,doc_deal_summary,doc_stakeholder_map,doc_commitments,doc_risk_factors,mtg_all_attended,mtg_agenda_covered,mtg_questions_answered,cs_acceptance,rejections,info_customer_context,info_stakeholders,info_objectives,info_scope,info_technical,info_implementation,info_risks";

/// A valid minimal data set: three deals in October 2026 with handoffs.
fn fixture(dir: &Path) {
    fs::write(
        dir.join("deals.csv"),
        format!(
            "{DEALS_HEADER}\n\
             D1,A1,Acme,Enterprise,\"$120,000.00\",2026-10-05T10:00:00Z,rep_a,Team X,NA\n\
             D2,A2,Globex,mid-market,45000,2026-10-01,rep_b,Team X,EMEA\n\
             D3,A3,Initech,SMB,\"USD 9,500.00\",2026-10-20T23:30:00-02:00,rep_a,Team Y,NA\n"
        ),
    )
    .unwrap();
    fs::write(
        dir.join("handoffs.csv"),
        format!(
            "{HANDOFFS_HEADER}\n\
             H1,D1,csm_1,2026-10-07T10:00:00Z,2026-10-07T09:00:00Z,,,,yes,yes,yes,yes,yes,yes,yes,accepted,0,a,b,c,d,e,f,g\n\
             H2,D2,csm_2,2026-10-03T00:00:01Z,2026-10-02 09:00,,,,0.5,yes,no,1,TRUE,FALSE,t,needs_revision,2,a,,c,N/A,,f,\n"
        ),
    )
    .unwrap();
}

fn handoff() -> Command {
    let mut c = Command::cargo_bin("handoff").unwrap();
    c.env_remove("RUST_LOG");
    c
}

fn validate(dir: &Path) -> assert_cmd::assert::Assert {
    handoff()
        .args(["validate", "--as-of", "2026-10-31", "--data"])
        .arg(dir)
        .assert()
}

/// `handoff report --as-of 2026-10-31 FLAGS --data DIR --out OUT`.
fn report_with(dir: &Path, out: &Path, flags: &[&str]) -> assert_cmd::assert::Assert {
    handoff()
        .args(["report", "--as-of", "2026-10-31"])
        .args(flags)
        .arg("--data")
        .arg(dir)
        .arg("--out")
        .arg(out)
        .assert()
}

fn report(dir: &Path, out: &Path) -> assert_cmd::assert::Assert {
    report_with(dir, out, &["--period", "2026-10"])
}

mod usage {
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
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
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
}

mod parsing {
    use super::*;

    #[test]
    fn valid_fixture_validates() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        validate(d.path())
            .success()
            .stdout(predicate::str::contains("deals"))
            .stderr(predicate::str::contains("table milestones not found"));
    }

    #[test]
    fn bom_and_crlf() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let text = fs::read_to_string(d.path().join("deals.csv")).unwrap();
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend(text.replace('\n', "\r\n").into_bytes());
        fs::write(d.path().join("deals.csv"), bytes).unwrap();
        let out = tempfile::tempdir().unwrap();
        report(d.path(), out.path()).success();
        let m = metrics(out.path());
        assert_eq!(m["inputs"]["deals"]["rows_used"], 3);
        assert_eq!(m["inputs"]["deals"]["rows_rejected"], 0);
    }

    #[test]
    fn salesforce_footer_is_skipped_with_a_warning() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let mut text = fs::read_to_string(d.path().join("deals.csv")).unwrap();
        text.push_str("\n\"Grand Totals (3 records)\"\n\n\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"\n\"Confidential Information - Do Not Distribute\"\n\"Generated By: Jane Doe 10/31/2026 9:00 AM\"\n");
        fs::write(d.path().join("deals.csv"), text).unwrap();
        validate(d.path())
            .success()
            .stderr(predicate::str::contains("footer"));
        let out = tempfile::tempdir().unwrap();
        report(d.path(), out.path()).success();
        let m = metrics(out.path());
        assert_eq!(m["inputs"]["deals"]["rows_read"], 3);
    }

    #[test]
    fn offsets_move_the_close_date() {
        // D3 closes 2026-10-20T23:30-02:00 = 2026-10-21T01:30Z; as of 2026-10-20 it does
        // not exist yet.
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        handoff()
            .args(["validate", "--as-of", "2026-10-20", "--data"])
            .arg(d.path())
            .assert()
            .success()
            .stdout(predicate::str::contains("after_as_of=1"));
    }

    #[test]
    fn money_strings_parse() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let out = tempfile::tempdir().unwrap();
        report(d.path(), out.path()).success();
        let m = metrics(out.path());
        assert_eq!(m["inputs"]["deals"]["rows_rejected"], 0);
        // D1 (score 100) excellent; D2 52.5; D3 no handoff: 0.
        assert_eq!(m["quality"]["mean"], 50.833333333333336);
        assert_eq!(m["quality"]["bands"]["excellent"], 1);
    }

    #[test]
    fn bad_row_is_reported_with_its_line() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let mut text = fs::read_to_string(d.path().join("deals.csv")).unwrap();
        text.push_str("D4,A4,Bad,smb,-5,2026-10-02,rep_c,,\n");
        fs::write(d.path().join("deals.csv"), text).unwrap();
        fs::write(d.path().join("handoff.toml"), "max_rejected_share = 0.5\n").unwrap();
        validate(d.path())
            .success()
            .stderr(predicate::str::contains(
                "deals.csv:5: rejected: acv \"-5\"",
            ));
    }

    #[test]
    fn too_many_rejections_exit_3_and_write_nothing() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let mut text = fs::read_to_string(d.path().join("deals.csv")).unwrap();
        text.push_str("D4,A4,Bad,smb,12,31/12/2025,rep_c,,\n");
        fs::write(d.path().join("deals.csv"), text).unwrap();
        let out = tempfile::tempdir().unwrap();
        report(d.path(), out.path())
            .code(3)
            .stderr(predicate::str::contains("max_rejected_share"));
        assert!(!out.path().join("2026-10").exists());
    }

    #[test]
    fn missing_required_column_exits_3_naming_it() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let text = fs::read_to_string(d.path().join("deals.csv")).unwrap();
        fs::write(
            d.path().join("deals.csv"),
            text.replace("closed_at", "close_date"),
        )
        .unwrap();
        validate(d.path())
            .code(3)
            .stderr(predicate::str::contains(
                "missing required column closed_at",
            ))
            .stderr(predicate::str::contains("\"close_date\""));
    }

    #[test]
    fn column_mapping_from_config() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let text = fs::read_to_string(d.path().join("deals.csv")).unwrap();
        fs::write(
            d.path().join("deals.csv"),
            text.replace("closed_at", "Close Date"),
        )
        .unwrap();
        fs::write(
            d.path().join("handoff.toml"),
            "[columns.deals]\nclosed_at = \"Close Date\"\n",
        )
        .unwrap();
        validate(d.path()).success();
    }

    #[test]
    fn missing_required_table_exits_3() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        fs::remove_file(d.path().join("handoffs.csv")).unwrap();
        validate(d.path()).code(3).stderr(predicate::str::contains(
            "required table handoffs not found",
        ));
    }

    #[test]
    fn missing_optional_table_is_null_not_zero() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let out = tempfile::tempdir().unwrap();
        report(d.path(), out.path()).success();
        let m = metrics(out.path());
        assert!(m["churn"].is_null());
        assert!(m["ttfv"].is_null());
        assert!(m["transitions"].is_null());
        assert!(m["inputs"]["renewals"].is_null());
    }

    #[test]
    fn semicolon_file_hints_at_the_delimiter() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let text = fs::read_to_string(d.path().join("deals.csv")).unwrap();
        let semi = text
            .lines()
            .map(|l| l.replace(',', ";"))
            .collect::<Vec<_>>()
            .join("\n");
        fs::write(d.path().join("deals.csv"), semi).unwrap();
        validate(d.path())
            .code(3)
            .stderr(predicate::str::contains("delimiter = \";\""));
    }

    #[test]
    fn gzip_and_parquet_named_wrongly() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let csv = fs::read(d.path().join("deals.csv")).unwrap();
        fs::remove_file(d.path().join("deals.csv")).unwrap();
        fs::write(d.path().join("deals.parquet"), &csv).unwrap();
        validate(d.path())
            .code(3)
            .stderr(predicate::str::contains("not Parquet"));
    }
}

mod outputs {
    use super::*;

    /// METRICS.md §5.1: metrics.json is the same in every language apart from `language`; the
    /// config's `language` applies when `--lang` is absent; an unknown language is exit 2.
    #[test]
    fn metrics_json_is_the_same_in_every_language() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let mut docs = Vec::new();
        for lang in ["en", "id", "de"] {
            let out = tempfile::tempdir().unwrap();
            report_with(
                d.path(),
                out.path(),
                &["--period", "2026-10", "--lang", lang],
            )
            .success();
            let mut m = metrics(out.path());
            assert_eq!(m["language"], lang);
            m.as_object_mut().unwrap().remove("language");
            docs.push(m);
        }
        assert_eq!(docs[0], docs[1]);
        assert_eq!(docs[0], docs[2]);

        fs::write(d.path().join("handoff.toml"), "language = \"id\"\n").unwrap();
        let out = tempfile::tempdir().unwrap();
        report(d.path(), out.path()).success();
        assert_eq!(metrics(out.path())["language"], "id");
        let out = tempfile::tempdir().unwrap();
        report_with(
            d.path(),
            out.path(),
            &["--period", "2026-10", "--lang", "en"],
        )
        .success();
        assert_eq!(
            metrics(out.path())["language"],
            "en",
            "--lang wins over the config"
        );

        let out = tempfile::tempdir().unwrap();
        report_with(
            d.path(),
            out.path(),
            &["--period", "2026-10", "--lang", "fr"],
        )
        .code(2)
        .stderr(predicate::str::contains("--lang"));
        fs::write(d.path().join("handoff.toml"), "language = \"fr\"\n").unwrap();
        report(d.path(), out.path())
            .code(2)
            .stderr(predicate::str::contains("language"));
    }

    #[test]
    fn same_inputs_same_bytes() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        report(d.path(), a.path()).success();
        report(d.path(), b.path()).success();
        let files = |root: &Path| {
            let mut v: Vec<(String, Vec<u8>)> = walk(&root.join("2026-10"))
                .into_iter()
                .map(|p| {
                    (
                        p.strip_prefix(root).unwrap().display().to_string(),
                        fs::read(&p).unwrap(),
                    )
                })
                .collect();
            v.sort();
            v
        };
        let (fa, fb) = (files(a.path()), files(b.path()));
        assert!(fa.len() > 10);
        assert_eq!(fa, fb);
    }

    fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
        out
    }

    #[test]
    fn fail_on_alert_exits_4_and_still_writes() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let out = tempfile::tempdir().unwrap();
        report_with(
            d.path(),
            out.path(),
            &["--period", "2026-10", "--fail-on-alert"],
        )
        .code(4);
        let m = metrics(out.path());
        assert!(!m["alerts"].as_array().unwrap().is_empty());
    }

    #[test]
    fn quiet_prints_nothing_on_stdout() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let out = tempfile::tempdir().unwrap();
        report_with(d.path(), out.path(), &["-q"])
            .success()
            .stdout(predicate::str::is_empty());
        // Default period for an as-of on a month's last day is that month.
        assert!(out.path().join("2026-10/metrics.json").is_file());
    }

    #[test]
    fn invalid_data_leaves_the_previous_report_untouched() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let out = tempfile::tempdir().unwrap();
        report(d.path(), out.path()).success();
        let before = fs::read(out.path().join("2026-10/metrics.json")).unwrap();
        fs::remove_file(d.path().join("deals.csv")).unwrap();
        report(d.path(), out.path()).code(3);
        assert_eq!(
            fs::read(out.path().join("2026-10/metrics.json")).unwrap(),
            before
        );
        let leftovers: Vec<_> = fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        let mut leftovers = leftovers;
        leftovers.sort();
        assert_eq!(
            leftovers,
            vec![".handoff.lock", "2026-10", "LATEST-monthly"]
        );
    }

    #[test]
    fn concurrent_runs_do_not_corrupt_the_output() {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let out = tempfile::tempdir().unwrap();
        let spawn = || {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("handoff"))
                .args([
                    "report",
                    "-q",
                    "--as-of",
                    "2026-10-31",
                    "--period",
                    "2026-10",
                    "--data",
                ])
                .arg(d.path())
                .arg("--out")
                .arg(out.path())
                .spawn()
                .unwrap()
        };
        let (mut a, mut b) = (spawn(), spawn());
        assert!(a.wait().unwrap().success());
        assert!(b.wait().unwrap().success());
        let m = metrics(out.path());
        assert_eq!(m["period"]["label"], "2026-10");
        assert_eq!(
            fs::read_to_string(out.path().join("LATEST-monthly")).unwrap(),
            "2026-10\n"
        );
    }

    /// Issue #14: the lock is proven, not assumed. The test holds `OUT/.handoff.lock`
    /// itself; the run must say it is waiting, write nothing while the lock is held, and
    /// finish once it is released.
    #[test]
    fn a_second_run_waits_for_the_lock() {
        use std::io::{BufRead, BufReader};
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
        let out = tempfile::tempdir().unwrap();
        let lock = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(out.path().join(".handoff.lock"))
            .unwrap();
        lock.lock().unwrap();
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("handoff"))
            .args([
                "report",
                "--as-of",
                "2026-10-31",
                "--period",
                "2026-10",
                "--data",
            ])
            .arg(d.path())
            .arg("--out")
            .arg(out.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut seen = String::new();
        loop {
            let mut line = String::new();
            if stderr.read_line(&mut line).unwrap() == 0 {
                panic!("the run ended without waiting for the lock; stderr: {seen}");
            }
            seen.push_str(&line);
            if line.contains("waiting: another handoff run is writing to") {
                break;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(700));
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run finished while the lock was held"
        );
        assert!(!out.path().join("2026-10").exists());
        lock.unlock().unwrap();
        let status = child.wait().unwrap();
        assert!(status.success(), "{status:?}");
        assert_eq!(metrics(out.path())["period"]["label"], "2026-10");
    }

    #[test]
    fn data_quality_reconciles_with_inputs() {
        let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/examples/tiny");
        let out = tempfile::tempdir().unwrap();
        report(&d, out.path()).success();
        let m = metrics(out.path());
        let dq = fs::read_to_string(out.path().join("2026-10/data-quality.csv")).unwrap();
        for (table, c) in m["inputs"].as_object().unwrap() {
            if c.is_null() {
                continue;
            }
            let read = c["rows_read"].as_u64().unwrap();
            let used = c["rows_used"].as_u64().unwrap();
            let rejected = c["rows_rejected"].as_u64().unwrap();
            let excluded = c["rows_excluded"].as_u64().unwrap();
            assert_eq!(read, used + rejected + excluded, "{table}");
            let rows = |action: &str| {
                dq.lines()
                    .filter(|l| {
                        l.starts_with(&format!("{table},")) && l.contains(&format!(",{action},"))
                    })
                    .count() as u64
            };
            assert_eq!(rows("excluded"), excluded, "{table}");
            assert!(rows("rejected") >= rejected, "{table}");
        }
    }
}

/// Logging (issue #5): levels, JSON for log collectors, nothing but the summary on stdout.
mod logging {
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
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
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
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
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
}

/// Every file under `dir` with its bytes (relative paths, sorted): a folder's fingerprint.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                out.push((rel, fs::read(&p).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Issue #16: config values and flags out of range are usage errors naming the key.
mod ranges {
    use super::*;

    fn with_config(extra: &str) -> assert_cmd::assert::Assert {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
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
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
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
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
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
}

/// Issue #16: `generate` never overwrites or deletes a file it did not write.
mod generate_safety {
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
}

/// Issue #16: a failure at any step of the report write leaves the previous report
/// byte-identical and exits 1 (steps after the commit point only warn).
mod atomic_write {
    use super::*;

    /// A first report, then a second run over changed data that would change it.
    fn previous_report() -> (tempfile::TempDir, tempfile::TempDir) {
        let d = tempfile::tempdir().unwrap();
        fixture(d.path());
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
}

/// Issue #16: the stdout summary is rounded as the report is.
#[test]
fn summary_is_rounded_as_the_report() {
    let d = tempfile::tempdir().unwrap();
    fixture(d.path());
    let out = tempfile::tempdir().unwrap();
    let assert = report(d.path(), out.path()).success();
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let line = stdout
        .lines()
        .find(|l| l.starts_with("monthly 2026-10:"))
        .unwrap_or_else(|| panic!("{stdout}"));
    // No raw float (`0.2962962962962963`): at most one decimal anywhere in the line.
    for word in line.split([' ', ',', '%']) {
        if let Some((_, decimals)) = word.split_once('.') {
            assert!(decimals.len() <= 1, "{line}");
        }
    }
    let m = metrics(out.path());
    let rate = m["completion"]["rate"].as_f64();
    let quality = m["quality"]["mean"].as_f64().unwrap();
    let expected_rate = rate.map_or("—".to_string(), |r| format!("{:.1}%", r * 100.0));
    assert_eq!(
        line,
        format!(
            "monthly 2026-10: 3 deals, mean quality {quality:.1}, completion rate {expected_rate}, escalations {}",
            m["escalations"]["count"]
        )
    );
}
