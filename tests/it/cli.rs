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
/// Add `text` at the end of `file` in `dir`.
fn append(dir: &Path, file: &str, text: &str) {
    let mut all = fs::read_to_string(dir.join(file)).unwrap();
    all.push_str(text);
    fs::write(dir.join(file), all).unwrap();
}

/// `report` on `dir` into a temporary folder (it must succeed), and its metrics.json.
fn report_metrics(dir: &Path) -> serde_json::Value {
    let out = tempfile::tempdir().unwrap();
    report(dir, out.path()).success();
    metrics(out.path())
}

/// A temporary folder holding the fixture below.
fn fixture_dir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    fixture(d.path());
    d
}

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

mod usage;

mod parsing;

mod outputs;

mod logging;

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

mod ranges;

mod generate_safety;

mod atomic_write;

/// Issue #16: the stdout summary is rounded as the report is.
#[test]
fn summary_is_rounded_as_the_report() {
    let d = fixture_dir();
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
