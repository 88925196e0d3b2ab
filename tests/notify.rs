//! Notifications (SPEC §5.2) against a real HTTP server on 127.0.0.1: the Slack and Teams
//! payloads, retries, timeouts, and that no webhook URL reaches a log line or a report file.
//! The payload shapes are checked offline against the published Block Kit and Adaptive Card
//! 1.4 structure (required fields, allowed types and properties, length limits) by the small
//! structural checkers at the end of this file.

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

const TINY: &str = "tests/fixtures/examples/tiny";
/// A path that would give the webhook away if it leaked anywhere.
const SECRET_PATH: &str = "/services/T0SECRET21/B0SECRET21/XyZsEcReT21";

// ---- the test server ------------------------------------------------------------------

/// A loopback HTTP server that answers the n-th request with `statuses[n]` (the last one
/// repeated) and records every request body. It stops by itself after `max` requests or
/// 60 seconds.
struct Server {
    port: u16,
    bodies: Arc<Mutex<Vec<Vec<u8>>>>,
}

impl Server {
    fn start(statuses: &[u16]) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let recorded = Arc::clone(&bodies);
        let statuses = statuses.to_vec();
        listener.set_nonblocking(true).unwrap();
        thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(60);
            let mut served = 0;
            while served < 20 && Instant::now() < deadline {
                let Ok((stream, _)) = listener.accept() else {
                    thread::sleep(Duration::from_millis(5));
                    continue;
                };
                let status = statuses[served.min(statuses.len() - 1)];
                if let Some(body) = answer(stream, status) {
                    recorded.lock().unwrap().push(body);
                }
                served += 1;
            }
        });
        Server { port, bodies }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}{SECRET_PATH}", self.port)
    }

    fn bodies(&self) -> Vec<Value> {
        self.bodies
            .lock()
            .unwrap()
            .iter()
            .map(|b| serde_json::from_slice(b).expect("the payload is valid JSON"))
            .collect()
    }
}

/// Read one request (headers, then Content-Length bytes), answer `status`, close.
fn answer(mut stream: TcpStream, status: u16) -> Option<Vec<u8>> {
    stream.set_nonblocking(false).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let header_end = loop {
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..header_end]).to_ascii_lowercase();
    assert!(head.starts_with("post "), "{head}");
    assert!(head.contains("content-type: application/json"), "{head}");
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    while buf.len() < header_end + length {
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let reply = format!("HTTP/1.1 {status} Status\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
    stream.write_all(reply.as_bytes()).ok()?;
    Some(buf[header_end..].to_vec())
}

/// A server that accepts connections and never answers; counts them. Stops by itself.
fn silent_server() -> (String, Arc<Mutex<usize>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    let count = Arc::new(Mutex::new(0));
    let seen = Arc::clone(&count);
    thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut held = Vec::new();
        while held.len() < 20 && Instant::now() < deadline {
            match listener.accept() {
                Ok((stream, _)) => {
                    held.push(stream);
                    *seen.lock().unwrap() += 1;
                }
                Err(_) => thread::sleep(Duration::from_millis(5)),
            }
        }
    });
    (format!("http://127.0.0.1:{port}{SECRET_PATH}"), count)
}

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

/// Every file under `dir`, with its bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.strip_prefix(dir).unwrap().to_path_buf(), fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
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
    assert!(!text.contains("SECRET21"), "{what} leaks the webhook URL:\n{text}");
    assert!(!text.contains("XyZsEcReT21"), "{what} leaks the webhook URL:\n{text}");
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
        let escaped = a.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        assert!(text.contains(&format!("• {escaped}")), "alert {a:?} missing from\n{text}");
    }
    let m = metrics(&folder);
    assert_eq!(p["blocks"][0]["text"]["text"], "Handoff quality review — 2026-10");
    assert!(text.contains("Monthly review · 2026-10-01 to 2026-10-31"), "{text}");
    assert!(text.contains(&format!("*Deals*\n{}", m["cohort"]["period_deals"])), "{text}");
    assert!(text.contains(&format!("*Escalations*\n{}", m["escalations"]["count"])), "{text}");
    assert!(text.contains("*Completion rate*\n"), "{text}");
    assert!(text.contains(&format!("Alerts ({})", alerts.len())), "{text}");
    let button = p["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["type"] == "actions")
        .expect("a link button");
    assert_eq!(button["elements"][0]["url"], "https://reports.example.com/2026-10/");
    assert!(p["text"].as_str().unwrap().starts_with("Handoff quality review — 2026-10"));
}

#[test]
fn teams_payload_is_an_adaptive_card_with_churn_alerts_and_the_folder() {
    let server = Server::start(&[202]);
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path(), "");
    let flag = format!("teams={}", server.url());
    let run = report(&tmp.path().join("out"), &cfg, &["--period", "2026-Q3", "--notify", &flag], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bodies = server.bodies();
    assert_eq!(bodies.len(), 1);
    let p = &bodies[0];
    check_adaptive_card_message(p).unwrap_or_else(|e| panic!("not an Adaptive Card message: {e}\n{p:#}"));
    let text = all_text(p);
    let folder = tmp.path().join("out/2026-Q3");
    let m = metrics(&folder);
    assert!(text.contains("Handoff quality and first-year outcomes — 2026-Q3"), "{text}");
    assert!(text.contains("First-year churn by handoff-quality band"), "{text}");
    for band in ["excellent", "good", "acceptable", "substandard"] {
        let b = &m["churn"]["by_band"][band];
        if b["n"].as_u64().unwrap_or(0) > 0 {
            let rate = b["rate"].as_f64().map(|r| format!("{:.1}%", r * 100.0)).unwrap();
            assert!(text.contains(&format!("{rate} (n = {})", b["n"])), "{band} {rate} missing:\n{text}");
        }
    }
    let alerts = alert_messages(&folder);
    if alerts.is_empty() {
        assert!(text.contains("No alert fired."), "{text}");
    }
    for a in &alerts {
        assert!(text.contains(a.as_str()), "alert {a:?} missing from\n{text}");
    }
    let folder_abs = std::path::absolute(&folder).unwrap();
    assert!(text.contains(&format!("Report: {}", folder_abs.display())), "{text}");
}

#[test]
fn no_alert_is_said_and_repeated_flags_post_to_each_target() {
    let server = Server::start(&[200]);
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(
        tmp.path(),
        "completion_target = 0.0\n[alerts]\nsla_floor = 0.0\nmax_escalations = 100000",
    );
    let (slack, teams) = (format!("slack={}", server.url()), format!("teams={}", server.url()));
    let run = report(
        &tmp.path().join("out"),
        &cfg,
        &["--period", "2026-10", "--notify", &slack, "--notify", &teams],
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
    let run = report(&tmp.path().join("out"), &cfg, &["--period", "2026-10", "-v", "--notify", &flag], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bodies = server.bodies();
    assert_eq!(bodies.len(), 3, "{}", run.stderr);
    assert!(bodies.iter().all(|b| b == &bodies[0]), "every attempt sends the same message");
    assert!(run.stderr.contains("posted (3 attempts"), "{}", run.stderr);
    assert!(!run.stderr.contains("not delivered"), "{}", run.stderr);
}

#[test]
fn a_4xx_answer_is_not_retried() {
    let server = Server::start(&[404, 200]);
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path(), "");
    let flag = format!("slack={}", server.url());
    let run = report(&tmp.path().join("out"), &cfg, &["--period", "2026-10", "--notify", &flag], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(server.bodies().len(), 1);
    assert!(run.stderr.contains("answered HTTP 404 (not retried)"), "{}", run.stderr);
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

    assert_eq!(plain.code, 4, "the tiny review has alerts: {}", plain.stderr);
    assert_eq!(notified.code, plain.code, "{}", notified.stderr);
    assert_eq!(
        notified.stdout.replace(&notified_out.display().to_string(), "OUT"),
        plain.stdout.replace(&plain_out.display().to_string(), "OUT")
    );
    assert_eq!(files(&plain_out), files(&notified_out), "the report is the same");
    assert_eq!(*connections.lock().unwrap(), 3, "three attempts");
    assert!(
        notified.stderr.contains(&format!("no answer within {timeout_ms} ms after 3 attempts")),
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
        report(&out, &cfg, &["--period", "2026-10", "-v", "--log-format", "json", "--notify", &flag], &[]),
        report(&out, &cfg, &["--period", "2026-10", "-vv", "--notify", &flag], &[("HANDOFF_LOG", "trace")]),
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
        assert!(run.stderr.contains(&redacted), "the warning names the redacted target:\n{}", run.stderr);
        assert!(run.stderr.contains("not delivered"), "{}", run.stderr);
        assert_no_secret("stderr", &run.stderr);
        assert_no_secret("stdout", &run.stdout);
    }
    for line in runs[0].stderr.lines() {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_no_secret("a JSON log line", &all_text(&v));
    }
    assert_eq!(failing.bodies().len(), 9, "three targets' worth of attempts");
    let written = files(&out);
    assert!(written.iter().any(|(p, _)| p.ends_with("metrics.json")));
    for (path, bytes) in &written {
        assert_no_secret(&path.display().to_string(), &String::from_utf8_lossy(bytes));
        assert!(!bytes.windows(7).any(|w| w == b"SECRET2"), "{}", path.display());
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
    assert!(run.stderr.contains("env:SLACK_WEBHOOK_URL"), "{}", run.stderr);
    assert_no_secret("stderr", &run.stderr);
    assert!(!tmp.path().join("out/2026-10").exists(), "nothing written on a usage error");
}

#[test]
fn a_missing_variable_is_a_warning_naming_key_and_variable() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config(tmp.path(), "[notify]\nslack = \"env:SLACK_WEBHOOK_URL\"");
    let run = report(&tmp.path().join("out"), &cfg, &["--period", "2026-10"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("notify.slack: environment variable SLACK_WEBHOOK_URL is not set"),
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
    let run = report(&tmp.path().join("out"), &cfg, &["--period", "2026-10", "--notify", &flag], &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--notify slak=https://hooks.slack.com/…"), "{}", run.stderr);
    assert_no_secret("stderr", &run.stderr);
}

// ---- offline structural checks: Slack Block Kit -----------------------------------------
//
// From Slack's Block Kit reference: a message payload has `blocks` (at most 50) and should
// have `text` (the notification fallback). Block types allowed in messages: actions,
// context, divider, file, header, image, input, markdown, rich_text, section, video. Each
// type's properties are listed below (anything else is refused by the API); text objects are
// `plain_text` or `mrkdwn` (only `plain_text` takes `emoji`); header text is plain_text up
// to 150 characters; section text up to 3000, at most 10 fields of up to 2000; context up to
// 10 elements; actions up to 25 elements; a button has plain_text text up to 75 characters
// and a `url` up to 3000.

fn keys_within(v: &Value, allowed: &[&str], what: &str) -> Result<(), String> {
    let obj = v.as_object().ok_or(format!("{what} is not an object"))?;
    for k in obj.keys() {
        if !allowed.contains(&k.as_str()) {
            return Err(format!("{what}: unknown property {k:?}"));
        }
    }
    Ok(())
}

fn text_object(v: &Value, max: usize, plain_only: bool, what: &str) -> Result<(), String> {
    keys_within(v, &["type", "text", "emoji", "verbatim"], what)?;
    let kind = v["type"].as_str().ok_or(format!("{what}: no type"))?;
    match kind {
        "plain_text" => {}
        "mrkdwn" if !plain_only => {
            if v.get("emoji").is_some() {
                return Err(format!("{what}: emoji is for plain_text only"));
            }
        }
        other => return Err(format!("{what}: text type {other:?} not allowed here")),
    }
    let text = v["text"].as_str().ok_or(format!("{what}: no text"))?;
    let n = text.chars().count();
    if n == 0 || n > max {
        return Err(format!("{what}: text length {n} outside 1..={max}"));
    }
    Ok(())
}

fn check_block_kit(p: &Value) -> Result<(), String> {
    let fallback = p["text"].as_str().ok_or("no top-level text")?;
    if fallback.is_empty() {
        return Err("empty top-level text".into());
    }
    let blocks = p["blocks"].as_array().ok_or("no blocks array")?;
    if blocks.is_empty() || blocks.len() > 50 {
        return Err(format!("{} blocks (1..=50 allowed)", blocks.len()));
    }
    for (i, b) in blocks.iter().enumerate() {
        let what = format!("blocks[{i}]");
        let kind = b["type"].as_str().ok_or(format!("{what}: no type"))?;
        match kind {
            "header" => {
                keys_within(b, &["type", "text", "block_id"], &what)?;
                text_object(&b["text"], 150, true, &what)?;
            }
            "section" => {
                keys_within(b, &["type", "text", "fields", "accessory", "block_id", "expand"], &what)?;
                if b.get("text").is_none() && b.get("fields").is_none() {
                    return Err(format!("{what}: a section needs text or fields"));
                }
                if let Some(t) = b.get("text") {
                    text_object(t, 3000, false, &what)?;
                }
                if let Some(fields) = b.get("fields") {
                    let fields = fields.as_array().ok_or(format!("{what}: fields not an array"))?;
                    if fields.is_empty() || fields.len() > 10 {
                        return Err(format!("{what}: {} fields (1..=10 allowed)", fields.len()));
                    }
                    for f in fields {
                        text_object(f, 2000, false, &what)?;
                    }
                }
            }
            "context" => {
                keys_within(b, &["type", "elements", "block_id"], &what)?;
                let els = b["elements"].as_array().ok_or(format!("{what}: no elements"))?;
                if els.is_empty() || els.len() > 10 {
                    return Err(format!("{what}: {} elements (1..=10)", els.len()));
                }
                for e in els {
                    text_object(e, 3000, false, &what)?;
                }
            }
            "divider" => keys_within(b, &["type", "block_id"], &what)?,
            "actions" => {
                keys_within(b, &["type", "elements", "block_id"], &what)?;
                let els = b["elements"].as_array().ok_or(format!("{what}: no elements"))?;
                if els.is_empty() || els.len() > 25 {
                    return Err(format!("{what}: {} elements (1..=25)", els.len()));
                }
                for e in els {
                    keys_within(
                        e,
                        &["type", "text", "action_id", "url", "value", "style", "confirm", "accessibility_label"],
                        &what,
                    )?;
                    if e["type"] != "button" {
                        return Err(format!("{what}: element type {} not checked", e["type"]));
                    }
                    text_object(&e["text"], 75, true, &what)?;
                    if let Some(url) = e.get("url") {
                        let url = url.as_str().ok_or(format!("{what}: url not a string"))?;
                        if !url.starts_with("http") || url.len() > 3000 {
                            return Err(format!("{what}: bad button url {url:?}"));
                        }
                    }
                }
            }
            "file" | "image" | "input" | "markdown" | "rich_text" | "video" => {
                return Err(format!("{what}: {kind} is allowed by Slack but not expected here"))
            }
            other => return Err(format!("{what}: {other:?} is not a Block Kit block type")),
        }
    }
    Ok(())
}

// ---- offline structural checks: Adaptive Card 1.4 in a Teams message --------------------
//
// From the Teams webhook documentation and the Adaptive Cards 1.4 schema: the body is
// `{"type": "message", "attachments": [{"contentType":
// "application/vnd.microsoft.card.adaptive", "content": CARD}]}`; CARD has `type`
// "AdaptiveCard" and a `version` (Teams renders up to 1.5), optional `body` (elements) and
// `actions`. Element properties and enumerations as in the schema; a TextBlock needs `text`,
// a FactSet needs `facts` of `{title, value}` strings, Action.OpenUrl needs `url`.

const COMMON: &[&str] = &["type", "id", "spacing", "separator", "isVisible", "height", "requires", "fallback"];
const SPACING: &[&str] = &["None", "Small", "Default", "Medium", "Large", "ExtraLarge", "Padding"];

fn one_of(v: &Value, key: &str, allowed: &[&str], what: &str) -> Result<(), String> {
    match v.get(key) {
        None => Ok(()),
        Some(Value::String(s)) if allowed.contains(&s.as_str()) => Ok(()),
        Some(other) => Err(format!("{what}: {key} = {other} not one of {allowed:?}")),
    }
}

fn check_element(e: &Value, what: &str) -> Result<(), String> {
    one_of(e, "spacing", SPACING, what)?;
    match e["type"].as_str() {
        Some("TextBlock") => {
            let mut allowed = COMMON.to_vec();
            allowed.extend(["text", "color", "fontType", "horizontalAlignment", "isSubtle", "maxLines", "size", "weight", "wrap", "style"]);
            keys_within(e, &allowed, what)?;
            if !e["text"].is_string() {
                return Err(format!("{what}: TextBlock needs text"));
            }
            one_of(e, "color", &["Default", "Dark", "Light", "Accent", "Good", "Warning", "Attention"], what)?;
            one_of(e, "size", &["Default", "Small", "Medium", "Large", "ExtraLarge"], what)?;
            one_of(e, "weight", &["Default", "Lighter", "Bolder"], what)?;
            for flag in ["wrap", "isSubtle"] {
                if e.get(flag).is_some_and(|v| !v.is_boolean()) {
                    return Err(format!("{what}: {flag} must be a boolean"));
                }
            }
        }
        Some("FactSet") => {
            keys_within(e, COMMON.iter().copied().chain(["facts"]).collect::<Vec<_>>().as_slice(), what)?;
            let facts = e["facts"].as_array().ok_or(format!("{what}: FactSet needs facts"))?;
            for f in facts {
                keys_within(f, &["title", "value"], what)?;
                if !f["title"].is_string() || !f["value"].is_string() {
                    return Err(format!("{what}: a fact needs string title and value"));
                }
            }
        }
        Some(t @ ("Image" | "Media" | "RichTextBlock" | "Container" | "ColumnSet" | "ImageSet" | "ActionSet")) => {
            return Err(format!("{what}: {t} is valid 1.4 but not expected here"))
        }
        other => return Err(format!("{what}: {other:?} is not an Adaptive Card 1.4 element")),
    }
    Ok(())
}

fn check_adaptive_card_message(p: &Value) -> Result<(), String> {
    keys_within(p, &["type", "attachments", "summary", "text"], "message")?;
    if p["type"] != "message" {
        return Err("type must be \"message\"".into());
    }
    let atts = p["attachments"].as_array().ok_or("no attachments")?;
    if atts.len() != 1 {
        return Err(format!("{} attachments", atts.len()));
    }
    let att = &atts[0];
    keys_within(att, &["contentType", "contentUrl", "content"], "attachment")?;
    if att["contentType"] != "application/vnd.microsoft.card.adaptive" {
        return Err(format!("contentType {}", att["contentType"]));
    }
    let card = &att["content"];
    keys_within(
        card,
        &["$schema", "type", "version", "body", "actions", "msteams", "fallbackText", "speak", "lang", "verticalContentAlignment", "minHeight", "selectAction", "backgroundImage", "rtl"],
        "card",
    )?;
    if card["type"] != "AdaptiveCard" {
        return Err("content.type must be AdaptiveCard".into());
    }
    let version = card["version"].as_str().ok_or("no version")?;
    let ok_version = matches!(version.split_once('.'), Some(("1", minor)) if minor.parse::<u8>().is_ok_and(|m| m <= 5));
    if !ok_version {
        return Err(format!("version {version:?} (Teams renders 1.0..=1.5)"));
    }
    let body = card["body"].as_array().ok_or("no body")?;
    if body.is_empty() {
        return Err("empty body".into());
    }
    for (i, e) in body.iter().enumerate() {
        check_element(e, &format!("body[{i}]"))?;
    }
    if let Some(actions) = card.get("actions") {
        for (i, a) in actions.as_array().ok_or("actions not an array")?.iter().enumerate() {
            let what = format!("actions[{i}]");
            keys_within(a, &["type", "title", "url", "iconUrl", "id", "style", "fallback", "tooltip", "isEnabled", "mode", "requires"], &what)?;
            if a["type"] != "Action.OpenUrl" {
                return Err(format!("{what}: type {}", a["type"]));
            }
            if !a["url"].as_str().is_some_and(|u| u.contains("://")) {
                return Err(format!("{what}: Action.OpenUrl needs a url"));
            }
        }
    }
    Ok(())
}

/// The checkers refuse what the services refuse (so a pass means something).
#[test]
fn the_structural_checks_reject_malformed_payloads() {
    let ok_slack: Value = serde_json::json!({"text": "t", "blocks": [
        {"type": "header", "text": {"type": "plain_text", "text": "T"}},
        {"type": "actions", "elements": [{"type": "button", "text": {"type": "plain_text", "text": "Open"}, "url": "https://x.example/"}]}
    ]});
    check_block_kit(&ok_slack).unwrap();
    let bad_slack = [
        serde_json::json!({"blocks": [{"type": "divider"}]}),
        serde_json::json!({"text": "t", "blocks": [{"type": "header", "text": {"type": "mrkdwn", "text": "T"}}]}),
        serde_json::json!({"text": "t", "blocks": [{"type": "banner"}]}),
        serde_json::json!({"text": "t", "blocks": [{"type": "section"}]}),
        serde_json::json!({"text": "t", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "x".repeat(3001)}}]}),
        serde_json::json!({"text": "t", "blocks": [{"type": "divider", "text": "x"}]}),
        serde_json::json!({"text": "t", "blocks": vec![serde_json::json!({"type": "divider"}); 51]}),
    ];
    for b in &bad_slack {
        assert!(check_block_kit(b).is_err(), "accepted {b}");
    }
    let card = |body: Value| serde_json::json!({"type": "message", "attachments": [{
        "contentType": "application/vnd.microsoft.card.adaptive",
        "content": {"type": "AdaptiveCard", "version": "1.4", "body": body}}]});
    check_adaptive_card_message(&card(serde_json::json!([{"type": "TextBlock", "text": "x"}]))).unwrap();
    let bad_cards = [
        card(serde_json::json!([{"type": "TextBlock"}])),
        card(serde_json::json!([{"type": "TextBlock", "text": "x", "color": "Red"}])),
        card(serde_json::json!([{"type": "FactSet", "facts": [{"title": "a", "value": 1}]}])),
        card(serde_json::json!([{"type": "Paragraph", "text": "x"}])),
        serde_json::json!({"type": "message", "attachments": [{"contentType": "application/json", "content": {}}]}),
    ];
    for c in &bad_cards {
        assert!(check_adaptive_card_message(c).is_err(), "accepted {c}");
    }
}
