//! Notifications (METRICS.md §5.2) against a real HTTP server on 127.0.0.1: the Slack and Teams
//! payloads, retries, timeouts, and that no webhook URL reaches a log line or a report file.
//! The payload shapes are checked offline against the published Block Kit and Adaptive Card
//! 1.4 structure (required fields, allowed types and properties, length limits) by the small
//! structural checkers in `notify/checks.rs`.

mod checks;
mod server;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

use checks::{check_adaptive_card_message, check_block_kit};
use server::{silent_server, Server};

use crate::common::files;

const TINY: &str = "tests/fixtures/examples/tiny";
/// A path that would give the webhook away if it leaked anywhere.
const SECRET_PATH: &str = "/services/T0SECRET21/B0SECRET21/XyZsEcReT21";

// ---- running the binary ---------------------------------------------------------------

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

fn handoff() -> Command {
    let mut c = Command::cargo_bin("handoff").unwrap();
    c.env_remove("RUST_LOG")
        .env_remove("HANDOFF_LOG")
        .env_remove("SLACK_WEBHOOK_URL")
        .env_remove("TEAMS_WEBHOOK_URL")
        .env_remove("HANDOFF_NOTIFY_TIMEOUT_MS");
    c
}

/// `handoff report --data tiny --config CONFIG --out OUT ARGS` with `env`.
fn report(out: &Path, config: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut c = handoff();
    c.arg("report")
        .arg("--data")
        .arg(TINY)
        .arg("--config")
        .arg(config)
        .arg("--out")
        .arg(out)
        .args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    let started = Instant::now();
    let o = c.output().unwrap();
    Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        elapsed: started.elapsed(),
    }
}

/// The tiny example's config plus `extra` (a `[notify]` section), in a temp dir.
fn config(dir: &Path, extra: &str) -> PathBuf {
    let base = fs::read_to_string(Path::new(TINY).join("handoff.toml")).unwrap();
    let p = dir.join("handoff.toml");
    fs::write(&p, format!("{base}\n{extra}\n")).unwrap();
    p
}

fn metrics(folder: &Path) -> Value {
    serde_json::from_slice(&fs::read(folder.join("metrics.json")).unwrap()).unwrap()
}

fn alert_messages(folder: &Path) -> Vec<String> {
    metrics(folder)["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["message"].as_str().unwrap().to_string())
        .collect()
}

/// All strings inside a JSON value, joined by newlines.
fn all_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(all_text).collect::<Vec<_>>().join("\n"),
        Value::Object(o) => o.values().map(all_text).collect::<Vec<_>>().join("\n"),
        _ => String::new(),
    }
}

fn assert_no_secret(what: &str, text: &str) {
    assert!(
        !text.contains("SECRET21"),
        "{what} leaks the webhook URL:\n{text}"
    );
    assert!(
        !text.contains("XyZsEcReT21"),
        "{what} leaks the webhook URL:\n{text}"
    );
}

// ---- the payloads ---------------------------------------------------------------------

#[test]
fn slack_payload_is_block_kit_with_headline_every_alert_and_the_link() {
    let server = Server::start(&[200]);
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(
        tmp.path(),
        "[notify]\nslack = \"env:SLACK_WEBHOOK_URL\"\nreport_url = \"https://reports.example.com/{label}/\"",
    );
    let run = report(
        &tmp.path().join("out"),
        &cfg,
        &["--period", "2026-10"],
        &[("SLACK_WEBHOOK_URL", &server.url())],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bodies = server.bodies();
    assert_eq!(bodies.len(), 1, "one post per target");
    let p = &bodies[0];
    check_block_kit(p).unwrap_or_else(|e| panic!("not Block Kit: {e}\n{p:#}"));
    let text = all_text(p);
    let folder = tmp.path().join("out/2026-10");
    let alerts = alert_messages(&folder);
    assert!(!alerts.is_empty(), "the tiny October review has alerts");
    for a in &alerts {
        // Slack's mrkdwn reserves &, < and >: data text arrives escaped.
        let escaped = a
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(
            text.contains(&format!("• {escaped}")),
            "alert {a:?} missing from\n{text}"
        );
    }
    let m = metrics(&folder);
    assert_eq!(
        p["blocks"][0]["text"]["text"],
        "Handoff quality review — 2026-10"
    );
    assert!(
        text.contains("Monthly review · 2026-10-01 to 2026-10-31"),
        "{text}"
    );
    assert!(
        text.contains(&format!("*Deals*\n{}", m["cohort"]["period_deals"])),
        "{text}"
    );
    assert!(
        text.contains(&format!("*Escalations*\n{}", m["escalations"]["count"])),
        "{text}"
    );
    assert!(text.contains("*Completion rate*\n"), "{text}");
    assert!(
        text.contains(&format!("Alerts ({})", alerts.len())),
        "{text}"
    );
    let button = p["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["type"] == "actions")
        .expect("a link button");
    assert_eq!(
        button["elements"][0]["url"],
        "https://reports.example.com/2026-10/"
    );
    assert!(p["text"]
        .as_str()
        .unwrap()
        .starts_with("Handoff quality review — 2026-10"));
}

#[test]
fn teams_payload_is_an_adaptive_card_with_churn_alerts_and_the_folder() {
    let server = Server::start(&[202]);
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path(), "");
    let flag = format!("teams={}", server.url());
    let run = report(
        &tmp.path().join("out"),
        &cfg,
        &["--period", "2026-Q3", "--notify", &flag],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bodies = server.bodies();
    assert_eq!(bodies.len(), 1);
    let p = &bodies[0];
    check_adaptive_card_message(p)
        .unwrap_or_else(|e| panic!("not an Adaptive Card message: {e}\n{p:#}"));
    let text = all_text(p);
    let folder = tmp.path().join("out/2026-Q3");
    let m = metrics(&folder);
    assert!(
        text.contains("Handoff quality and first-year outcomes — 2026-Q3"),
        "{text}"
    );
    assert!(
        text.contains("First-year churn by handoff-quality band"),
        "{text}"
    );
    for band in ["excellent", "good", "acceptable", "substandard"] {
        let b = &m["churn"]["by_band"][band];
        if b["n"].as_u64().unwrap_or(0) > 0 {
            let rate = b["rate"]
                .as_f64()
                .map(|r| format!("{:.1}%", r * 100.0))
                .unwrap();
            assert!(
                text.contains(&format!("{rate} (n = {})", b["n"])),
                "{band} {rate} missing:\n{text}"
            );
        }
    }
    let alerts = alert_messages(&folder);
    if alerts.is_empty() {
        assert!(text.contains("No alert fired."), "{text}");
    }
    for a in &alerts {
        assert!(
            text.contains(a.as_str()),
            "alert {a:?} missing from\n{text}"
        );
    }
    let folder_abs = std::path::absolute(&folder).unwrap();
    assert!(
        text.contains(&format!("Report: {}", folder_abs.display())),
        "{text}"
    );
}

#[test]
fn no_alert_is_said_and_repeated_flags_post_to_each_target() {
    let server = Server::start(&[200]);
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(
        tmp.path(),
        "completion_target = 0.0\n[alerts]\nsla_floor = 0.0\nmax_escalations = 100000",
    );
    let (slack, teams) = (
        format!("slack={}", server.url()),
        format!("teams={}", server.url()),
    );
    let run = report(
        &tmp.path().join("out"),
        &cfg,
        &[
            "--period", "2026-10", "--notify", &slack, "--notify", &teams,
        ],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let alerts = alert_messages(&tmp.path().join("out/2026-10"));
    let bodies = server.bodies();
    assert_eq!(bodies.len(), 2);
    check_block_kit(&bodies[0]).unwrap();
    check_adaptive_card_message(&bodies[1]).unwrap();
    if alerts.is_empty() {
        assert!(all_text(&bodies[0]).contains("No alert fired."));
        assert!(all_text(&bodies[1]).contains("No alert fired."));
    } else {
        // Alerts the thresholds above cannot silence (coaching) are still carried.
        for a in &alerts {
            assert!(all_text(&bodies[1]).contains(a.as_str()));
        }
    }
}

// ---- retries and timeouts -------------------------------------------------------------

#[test]
fn two_500s_then_200_is_exactly_three_posts() {
    let server = Server::start(&[500, 500, 200]);
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path(), "");
    let flag = format!("slack={}", server.url());
    let run = report(
        &tmp.path().join("out"),
        &cfg,
        &["--period", "2026-10", "-v", "--notify", &flag],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bodies = server.bodies();
    assert_eq!(bodies.len(), 3, "{}", run.stderr);
    assert!(
        bodies.iter().all(|b| b == &bodies[0]),
        "every attempt sends the same message"
    );
    assert!(run.stderr.contains("posted (3 attempts"), "{}", run.stderr);
    assert!(!run.stderr.contains("not delivered"), "{}", run.stderr);
}

#[test]
fn a_4xx_answer_is_not_retried() {
    let server = Server::start(&[404, 200]);
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path(), "");
    let flag = format!("slack={}", server.url());
    let run = report(
        &tmp.path().join("out"),
        &cfg,
        &["--period", "2026-10", "--notify", &flag],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(server.bodies().len(), 1);
    assert!(
        run.stderr.contains("answered HTTP 404 (not retried)"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_server_that_never_answers_costs_the_timeouts_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path(), "");
    let args = ["--period", "2026-10", "--fail-on-alert"];
    let plain_out = tmp.path().join("plain");
    let plain = report(&plain_out, &cfg, &args, &[]);

    let (url, connections) = silent_server();
    let flag = format!("slack={url}");
    let notified_out = tmp.path().join("notified");
    let mut with_flag = args.to_vec();
    with_flag.extend(["--notify", &flag]);
    let timeout_ms = 300;
    let notified = report(
        &notified_out,
        &cfg,
        &with_flag,
        &[("HANDOFF_NOTIFY_TIMEOUT_MS", &timeout_ms.to_string())],
    );

    assert_eq!(
        plain.code, 4,
        "the tiny review has alerts: {}",
        plain.stderr
    );
    assert_eq!(notified.code, plain.code, "{}", notified.stderr);
    assert_eq!(
        notified
            .stdout
            .replace(&notified_out.display().to_string(), "OUT"),
        plain
            .stdout
            .replace(&plain_out.display().to_string(), "OUT")
    );
    assert_eq!(
        files(&plain_out),
        files(&notified_out),
        "the report is the same"
    );
    assert_eq!(*connections.lock().unwrap(), 3, "three attempts");
    assert!(
        notified.stderr.contains(&format!(
            "no answer within {timeout_ms} ms after 3 attempts"
        )),
        "{}",
        notified.stderr
    );
    // Three timeouts plus the 250 + 500 ms pauses; the margin absorbs a loaded machine.
    let budget = Duration::from_millis(3 * timeout_ms + 750);
    let extra = notified.elapsed.saturating_sub(plain.elapsed);
    assert!(
        extra < budget + Duration::from_secs(3),
        "notifying took {extra:?} more than the plain run (budget {budget:?})"
    );
    assert!(notified.elapsed >= Duration::from_millis(3 * timeout_ms));
}

// ---- secrets --------------------------------------------------------------------------

#[test]
fn webhook_urls_never_reach_logs_metrics_or_report_files() {
    let failing = Server::start(&[500]);
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path(), "[notify]\nteams = \"env:TEAMS_WEBHOOK_URL\"");
    let out = tmp.path().join("out");
    let flag = format!("slack={}", failing.url());
    let runs = [
        report(
            &out,
            &cfg,
            &[
                "--period",
                "2026-10",
                "-v",
                "--log-format",
                "json",
                "--notify",
                &flag,
            ],
            &[],
        ),
        report(
            &out,
            &cfg,
            &["--period", "2026-10", "-vv", "--notify", &flag],
            &[("HANDOFF_LOG", "trace")],
        ),
        report(
            &out,
            &cfg,
            &["--period", "2026-Q3", "-v", "--log-format", "json"],
            &[("TEAMS_WEBHOOK_URL", &failing.url())],
        ),
    ];
    let redacted = format!("http://127.0.0.1:{}/…", failing.port);
    for run in &runs {
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stderr.contains(&redacted),
            "the warning names the redacted target:\n{}",
            run.stderr
        );
        assert!(run.stderr.contains("not delivered"), "{}", run.stderr);
        assert_no_secret("stderr", &run.stderr);
        assert_no_secret("stdout", &run.stdout);
    }
    for line in runs[0].stderr.lines() {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_no_secret("a JSON log line", &all_text(&v));
    }
    assert_eq!(
        failing.bodies().len(),
        9,
        "three targets' worth of attempts"
    );
    let written = files(&out);
    assert!(written.iter().any(|(p, _)| p.ends_with("metrics.json")));
    for (path, bytes) in &written {
        assert_no_secret(&path.display().to_string(), &String::from_utf8_lossy(bytes));
        assert!(
            !bytes.windows(7).any(|w| w == b"SECRET2"),
            "{}",
            path.display()
        );
    }
}

#[test]
fn a_literal_url_in_the_config_is_refused_and_not_echoed() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(
        tmp.path(),
        &format!("[notify]\nslack = \"https://hooks.slack.com{SECRET_PATH}\""),
    );
    let run = report(&tmp.path().join("out"), &cfg, &["--period", "2026-10"], &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("notify.slack"), "{}", run.stderr);
    assert!(
        run.stderr.contains("env:SLACK_WEBHOOK_URL"),
        "{}",
        run.stderr
    );
    assert_no_secret("stderr", &run.stderr);
    assert!(
        !tmp.path().join("out/2026-10").exists(),
        "nothing written on a usage error"
    );
}

#[test]
fn a_missing_variable_is_a_warning_naming_key_and_variable() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path(), "[notify]\nslack = \"env:SLACK_WEBHOOK_URL\"");
    let run = report(&tmp.path().join("out"), &cfg, &["--period", "2026-10"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("notify.slack: environment variable SLACK_WEBHOOK_URL is not set"),
        "{}",
        run.stderr
    );
    assert!(tmp.path().join("out/2026-10/metrics.json").is_file());
}

#[test]
fn a_bad_flag_is_a_usage_error_with_the_url_redacted() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path(), "");
    let flag = format!("slak=https://hooks.slack.com{SECRET_PATH}");
    let run = report(
        &tmp.path().join("out"),
        &cfg,
        &["--period", "2026-10", "--notify", &flag],
        &[],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("--notify slak=https://hooks.slack.com/…"),
        "{}",
        run.stderr
    );
    assert_no_secret("stderr", &run.stderr);
}

/// Every TOML example of the `[notify]` documentation loads with the real config loader.
#[test]
fn the_config_documentation_examples_load() {
    let all = fs::read_to_string("docs/CONFIG.md").unwrap();
    let doc = all
        .split("### `[notify]`")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("docs/CONFIG.md has a [notify] section");
    let blocks: Vec<&str> = doc
        .split("```toml\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap())
        .collect();
    assert_eq!(blocks.len(), 3);
    let tmp = tempfile::tempdir().unwrap();
    for (i, block) in blocks.iter().enumerate() {
        let p = tmp.path().join(format!("example-{i}.toml"));
        fs::write(&p, block).unwrap();
        let file =
            handoff::config::ConfigFile::load(&p).unwrap_or_else(|e| panic!("{e:#}\n{block}"));
        let settings = handoff::config::Settings::from_file(&file)
            .unwrap_or_else(|e| panic!("{e:#}\n{block}"));
        assert!(
            !settings.notify.env.is_empty(),
            "example {i} names a target"
        );
    }
}
