//! Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
//! JSON messages ended by NUL, commands on the browser's fd 3, answers and events on fd 4),
//! so no WebSocket client is needed. The page is opened in a target of its own and every
//! request that target makes is recorded (`Network.requestWillBeSent`) and held
//! (`Fetch.requestPaused`): the page itself may load, anything else is refused with
//! `BlockedByClient`, so nothing leaves the machine. Requests Chromium makes for itself
//! (update checks, sign-in, field trials) belong to no page target and are never seen here.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// Flags that keep headless Chromium quiet and self-contained; a fresh `--user-data-dir` is
/// added per run.
pub const QUIET: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
];

/// How to get the browser, said whenever it is missing.
pub const HOW_TO_ENABLE: &str = "install Chromium (`apt-get install -y chromium`, as root) or \
     set HANDOFF_CHROMIUM=/path/to/chromium";

/// `HANDOFF_CHROMIUM` if set (it must be a file), else `chromium` or `chromium-browser` in a
/// `PATH` directory; the error says what was looked for.
pub fn locate(
    env: Option<std::ffi::OsString>,
    path: Option<std::ffi::OsString>,
) -> Result<PathBuf, String> {
    if let Some(p) = env {
        let p = PathBuf::from(p);
        return if p.is_file() {
            Ok(p)
        } else {
            Err(format!("HANDOFF_CHROMIUM={} is not a file", p.display()))
        };
    }
    for dir in path.iter().flat_map(std::env::split_paths) {
        for name in ["chromium", "chromium-browser"] {
            let p = dir.join(name);
            if p.is_file() {
                return Ok(p);
            }
        }
    }
    Err(
        "Chromium not found (HANDOFF_CHROMIUM unset, no `chromium` or `chromium-browser` on \
         PATH)"
            .to_string(),
    )
}

/// What to do without a browser: under CI (`CI` set to anything but empty, `0` or `false`)
/// it is a failure, with the message to show; elsewhere the checks are skipped (`Ok`).
pub fn when_missing(why: &str, ci: Option<&str>) -> Result<(), String> {
    let ci = ci.is_some_and(|v| !matches!(v.trim(), "" | "0" | "false"));
    if ci {
        Err(format!(
            "{why}. CI is set, so the browser checks must run: {HOW_TO_ENABLE} (`.ci/run` \
             installs it)."
        ))
    } else {
        Ok(())
    }
}

/// The page's own requests among the protocol `events`: those of `session` (the page's
/// target) for anything but the page itself, `data:` and `about:` URLs. Each URL once, in
/// the order first seen.
pub fn page_requests(events: &[Value], session: &str, page_url: &str) -> Vec<String> {
    let mut urls: Vec<String> = Vec::new();
    for e in events {
        if e["sessionId"].as_str() != Some(session) {
            continue;
        }
        let url = match e["method"].as_str() {
            Some("Network.requestWillBeSent") | Some("Fetch.requestPaused") => {
                e["params"]["request"]["url"].as_str().unwrap_or("")
            }
            _ => continue,
        };
        let own = url == page_url || url.starts_with("data:") || url.starts_with("about:");
        if !own && !urls.iter().any(|u| u == url) {
            urls.push(url.to_string());
        }
    }
    urls
}

/// What one page gave in the browser.
pub struct Browsed {
    pub png: Vec<u8>,
    pub pdf: Vec<u8>,
    /// Every URL the page asked for besides itself (see [`page_requests`]).
    pub requests: Vec<String>,
}

/// Open `page` in a fresh headless Chromium, `width`×`height` px, take a screenshot, print it
/// to PDF (the page's own `@page` size), and record every request the page made.
pub fn browse(chromium: &Path, page: &Path, work: &Path, size: (u32, u32)) -> Browsed {
    let url = format!(
        "file://{}",
        page.canonicalize().expect("page path").display()
    );
    let mut b = Browser::launch(chromium, work);
    let target = b.call(None, "Target.createTarget", json!({"url": "about:blank"}));
    let target = target["targetId"].as_str().expect("targetId").to_string();
    let attached = b.call(
        None,
        "Target.attachToTarget",
        json!({"targetId": target, "flatten": true}),
    );
    let session = attached["sessionId"]
        .as_str()
        .expect("sessionId")
        .to_string();
    b.page_url = url.clone();
    let s = Some(session.as_str());
    b.call(s, "Page.enable", json!({}));
    b.call(s, "Network.enable", json!({}));
    b.call(
        s,
        "Fetch.enable",
        json!({"patterns": [{"urlPattern": "*"}]}),
    );
    b.call(
        s,
        "Emulation.setDeviceMetricsOverride",
        json!({"width": size.0, "height": size.1, "deviceScaleFactor": 1, "mobile": false}),
    );
    let nav = b.call(s, "Page.navigate", json!({ "url": url }));
    if let Some(err) = nav["errorText"].as_str() {
        b.fail(&format!("navigating to {url}: {err}"));
    }
    b.wait_for(|e| e["method"] == "Page.loadEventFired" && e["sessionId"] == session);
    b.settle(Duration::from_millis(500));
    let shot = b.call(s, "Page.captureScreenshot", json!({"format": "png"}));
    let png = base64(shot["data"].as_str().unwrap_or(""));
    let printed = b.call(
        s,
        "Page.printToPDF",
        json!({"printBackground": true, "preferCSSPageSize": true, "displayHeaderFooter": false}),
    );
    let pdf = base64(printed["data"].as_str().unwrap_or(""));
    b.settle(Duration::from_millis(300));
    let requests = page_requests(&b.events, &session, &url);
    b.close();
    Browsed { png, pdf, requests }
}

/// A running Chromium with its protocol pipe.
struct Browser {
    child: Child,
    to: ChildStdin,
    from: Receiver<Value>,
    next_id: u64,
    /// Every event received so far, in order.
    events: Vec<Value>,
    /// Requests for this URL are let through; every other one is refused.
    page_url: String,
    deadline: Instant,
    log: PathBuf,
}

impl Browser {
    fn launch(chromium: &Path, work: &Path) -> Browser {
        // `work` is a fresh temporary folder, so this profile is too.
        let profile = work.join("chromium-profile");
        std::fs::create_dir_all(&profile).expect("profile dir");
        let log = work.join("chromium.log");
        let log_file = std::fs::File::create(&log).expect("chromium log");
        // The shell puts our two pipes on fds 3 and 4, where Chromium expects them, then
        // becomes Chromium (exec), so the child's pid is the browser's.
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(r#"exec "$0" "$@" 3<&0 4>&1 0</dev/null 1>&2"#)
            .arg(chromium)
            .args(QUIET)
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("--remote-debugging-pipe")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(log_file);
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            cmd.process_group(0);
        }
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("starting {}: {e}", chromium.display()));
        let to = child.stdin.take().expect("pipe to chromium");
        let from_child = child.stdout.take().expect("pipe from chromium");
        let (tx, from) = mpsc::channel();
        // Ends at EOF, when Chromium exits.
        std::thread::spawn(move || {
            let mut reader = BufReader::new(from_child);
            let mut buf = Vec::new();
            while matches!(reader.read_until(0, &mut buf), Ok(n) if n > 0) {
                if buf.last() == Some(&0) {
                    buf.pop();
                }
                if let Ok(v) = serde_json::from_slice::<Value>(&buf) {
                    if tx.send(v).is_err() {
                        break;
                    }
                }
                buf.clear();
            }
        });
        Browser {
            child,
            to,
            from,
            next_id: 1,
            events: Vec::new(),
            page_url: String::new(),
            deadline: Instant::now() + super::browser_timeout(),
            log,
        }
    }

    fn send(&mut self, session: Option<&str>, method: &str, params: Value) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = s.into();
        }
        let mut bytes = msg.to_string().into_bytes();
        bytes.push(0);
        if let Err(e) = self.to.write_all(&bytes).and_then(|()| self.to.flush()) {
            self.fail(&format!("sending {method}: {e}"));
        }
        id
    }

    /// The next message, or `None` after `wait` (never past the deadline).
    fn recv(&mut self, wait: Duration) -> Option<Value> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            self.fail("Chromium did not finish in time");
        }
        match self.from.recv_timeout(wait.min(left)) {
            Ok(m) => Some(m),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => self.fail("Chromium closed its pipe"),
        }
    }

    /// Keep an event; a held request is let through if it is the page, else refused.
    fn event(&mut self, m: Value) {
        if m["method"] == "Fetch.requestPaused" {
            let session = m["sessionId"].as_str().map(str::to_string);
            let id = m["params"]["requestId"].clone();
            if m["params"]["request"]["url"] == self.page_url.as_str() {
                self.send(
                    session.as_deref(),
                    "Fetch.continueRequest",
                    json!({ "requestId": id }),
                );
            } else {
                self.send(
                    session.as_deref(),
                    "Fetch.failRequest",
                    json!({"requestId": id, "errorReason": "BlockedByClient"}),
                );
            }
        }
        self.events.push(m);
    }

    /// Send a command and wait for its answer, keeping the events that come meanwhile.
    fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        let id = self.send(session, method, params);
        loop {
            let Some(m) = self.recv(Duration::from_secs(3600)) else {
                continue;
            };
            if m["id"] == id {
                if let Some(err) = m.get("error") {
                    self.fail(&format!("{method} failed: {err}"));
                }
                return m["result"].clone();
            }
            self.event(m);
        }
    }

    fn wait_for(&mut self, done: impl Fn(&Value) -> bool) {
        if self.events.iter().any(&done) {
            return;
        }
        loop {
            if let Some(m) = self.recv(Duration::from_secs(3600)) {
                let hit = done(&m);
                self.event(m);
                if hit {
                    return;
                }
            }
        }
    }

    /// Take events until none came for `quiet` (at most 5 s in all).
    fn settle(&mut self, quiet: Duration) {
        let until = Instant::now() + Duration::from_secs(5);
        while Instant::now() < until {
            match self.recv(quiet) {
                Some(m) => self.event(m),
                None => return,
            }
        }
    }

    fn close(mut self) {
        self.send(None, "Browser.close", json!({}));
        let until = Instant::now() + Duration::from_secs(10);
        while Instant::now() < until {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.kill();
    }

    /// Chromium forks helpers: kill its process group, then the child itself.
    fn kill(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    fn fail(&mut self, what: &str) -> ! {
        self.kill();
        panic!(
            "{what}; Chromium's output:\n{}",
            std::fs::read_to_string(&self.log).unwrap_or_default()
        );
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            self.kill();
        }
    }
}

/// Standard base64 (the protocol's encoding of screenshots and PDFs).
pub fn base64(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => continue, // padding and line breaks
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}
