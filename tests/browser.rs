//! `index.html` in a real browser (issue #4): `handoff report` on `sample-data/` into a temp
//! dir, then headless Chromium takes a 1280 px screenshot and prints the page to PDF.
//! The test fails on any request for an external resource: every http/https request
//! Chromium makes goes through a recording proxy bound on 127.0.0.1 (loopback included),
//! and the HTML is also scanned for `src=`, `href=`, `url(` and `@import` pointing anywhere
//! but `data:` or `#`. A hand-written page with external references proves the detector
//! fires.
//!
//! Chromium itself phones home at start-up. The flags in [`QUIET`] switch off what can be
//! switched off (network time, search preconnect, the AI-mode eligibility check, field
//! trials, …); what cannot — the sign-in check `ListAccounts` on accounts.google.com, made
//! even with sign-in disallowed — is listed, exactly, in [`CHROMIUM_OWN`] and not counted.
//! A page that asked for anything there would still be caught by the static scan.
//!
//! Chromium comes from `HANDOFF_CHROMIUM`, else `/usr/bin/chromium`, else `chromium` on
//! `PATH`; when it is missing these tests fail and say to run `.ci/run`, which installs it.
//! Set `HANDOFF_BROWSER_OUT=/some/dir` to keep the screenshots and PDFs for a look.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A hung browser is killed after this long (`HANDOFF_BROWSER_TIMEOUT_SECS` overrides it),
/// so it cannot hang CI.
fn browser_timeout() -> Duration {
    let secs = std::env::var("HANDOFF_BROWSER_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(90);
    Duration::from_secs(secs)
}

/// Flags that stop Chromium's own background traffic, so the proxy sees only the page's.
const QUIET: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=NetworkTimeServiceQuerying,PreconnectToSearch,\
     AimServerRequestOnStartupEnabled,OptimizationHints,Translate,MediaRouter",
    "--disable-field-trial-config",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-client-side-phishing-detection",
    "--disable-domain-reliability",
    "--metrics-recording-only",
    "--no-default-browser-check",
];

/// Proxy request lines Chromium 148 sends on its own, whatever the page: the start-up
/// sign-in check (`POST https://accounts.google.com/ListAccounts`, through a tunnel).
const CHROMIUM_OWN: &[&str] = &["CONNECT accounts.google.com:443 HTTP/1.1"];

/// The screenshot viewport: 1280 px wide, tall enough for the header, contents and KPIs.
const WIDTH: u32 = 1280;
const HEIGHT: u32 = 2400;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The Chromium binary, or a failure that says how to get one.
fn chromium() -> PathBuf {
    locate(
        std::env::var_os("HANDOFF_CHROMIUM"),
        Path::new("/usr/bin/chromium"),
        std::env::var_os("PATH"),
    )
    .unwrap_or_else(|msg| panic!("{msg}"))
}

/// `HANDOFF_CHROMIUM` if set, else `fixed`, else `chromium` in a `PATH` directory.
fn locate(
    env: Option<std::ffi::OsString>,
    fixed: &Path,
    path: Option<std::ffi::OsString>,
) -> Result<PathBuf, String> {
    if let Some(p) = env {
        let p = PathBuf::from(p);
        return if p.is_file() {
            Ok(p)
        } else {
            Err(format!(
                "HANDOFF_CHROMIUM={} is not a file: point it at a Chromium binary, or unset it \
                 and run `.ci/run`, which installs Chromium",
                p.display()
            ))
        };
    }
    if fixed.is_file() {
        return Ok(fixed.to_path_buf());
    }
    for dir in path.iter().flat_map(std::env::split_paths) {
        let p = dir.join("chromium");
        if p.is_file() {
            return Ok(p);
        }
    }
    Err(format!(
        "Chromium not found (HANDOFF_CHROMIUM unset, no {}, no `chromium` on PATH). The \
         browser tests need it: run `.ci/run`, which installs it (apt-get install chromium), \
         or set HANDOFF_CHROMIUM=/path/to/chromium.",
        fixed.display()
    ))
}

/// A fake HTTP proxy on 127.0.0.1 that records the request line of every connection and
/// answers 403. Chromium started with `--proxy-server` sends every http request (`GET
/// http://host/...`) and every https tunnel (`CONNECT host:443`) here.
struct Recorder {
    port: u16,
    seen: Arc<Mutex<Vec<String>>>,
}

impl Recorder {
    fn start() -> Recorder {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the recording proxy");
        let port = listener.local_addr().expect("proxy address").port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        // The thread lives until the test binary exits; it only ever blocks in accept.
        std::thread::spawn(move || {
            for conn in listener.incoming().flatten() {
                let log = Arc::clone(&log);
                std::thread::spawn(move || answer(conn, &log));
            }
        });
        Recorder { port, seen }
    }

    /// Every request the page caused: all that reached the proxy but [`CHROMIUM_OWN`].
    fn requests(&self) -> Vec<String> {
        let seen = self.seen.lock().expect("proxy log");
        seen.iter()
            .filter(|r| !CHROMIUM_OWN.contains(&r.as_str()))
            .cloned()
            .collect()
    }
}

fn answer(mut conn: TcpStream, log: &Mutex<Vec<String>>) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        match conn.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let text = String::from_utf8_lossy(&head);
    let line = text.lines().next().unwrap_or("").trim();
    let line = if line.is_empty() {
        "(connection without a request line)"
    } else {
        line
    };
    // Record before answering: Chromium waits for the answer, so the entry exists by the
    // time the browser has finished loading the page.
    log.lock().expect("proxy log").push(line.to_string());
    let _ =
        conn.write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
}

/// What one page gave in the browser.
struct Browsed {
    png: Vec<u8>,
    pdf: Vec<u8>,
    requests: Vec<String>,
}

/// Screenshot `page` at 1280 px and print it to PDF, each in a fresh Chromium profile whose
/// every network request goes to a recording proxy.
fn browse(page: &Path, work: &Path) -> Browsed {
    let chromium = chromium();
    let proxy = Recorder::start();
    let url = format!(
        "file://{}",
        page.canonicalize().expect("page path").display()
    );
    let png = work.join("screenshot.png");
    let pdf = work.join("page.pdf");
    run_chromium(
        &chromium,
        proxy.port,
        &[
            format!("--screenshot={}", png.display()),
            format!("--window-size={WIDTH},{HEIGHT}"),
            "--hide-scrollbars".into(),
        ],
        &url,
        work,
        "screenshot",
    );
    run_chromium(
        &chromium,
        proxy.port,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
        ],
        &url,
        work,
        "pdf",
    );
    Browsed {
        png: std::fs::read(&png)
            .unwrap_or_else(|e| panic!("Chromium wrote no screenshot {}: {e}", png.display())),
        pdf: std::fs::read(&pdf)
            .unwrap_or_else(|e| panic!("Chromium wrote no PDF {}: {e}", pdf.display())),
        requests: proxy.requests(),
    }
}

/// One headless Chromium run, killed (with its whole process group) after
/// [`browser_timeout`].
fn run_chromium(
    chromium: &Path,
    proxy_port: u16,
    action: &[String],
    url: &str,
    work: &Path,
    tag: &str,
) {
    let profile = tempfile::tempdir_in(work).expect("profile dir");
    let log_path = work.join(format!("chromium-{tag}.log"));
    let log = std::fs::File::create(&log_path).expect("chromium log");
    let mut cmd = Command::new(chromium);
    cmd.args(QUIET)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--proxy-server=http://127.0.0.1:{proxy_port}"))
        // `<-loopback>` removes the implicit bypass: even localhost goes through the proxy.
        .arg("--proxy-bypass-list=<-loopback>")
        .args(action)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("log handle"))
        .stderr(log);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("starting {}: {e}", chromium.display()));
    let started = Instant::now();
    let timeout = browser_timeout();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for chromium") {
            break status;
        }
        if started.elapsed() > timeout {
            // Chromium forks helpers: kill its process group, then the child itself.
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .status();
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "Chromium ({tag}) did not finish within {timeout:?} and was killed; \
                 its output:\n{}",
                std::fs::read_to_string(&log_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(
        status.success(),
        "Chromium ({tag}) failed with {status}; its output:\n{}",
        std::fs::read_to_string(&log_path).unwrap_or_default()
    );
}

/// Every `src=`, `srcset=`, `href=` (also `xlink:href=`) inside a tag, every `url(` and
/// `@import` inside a `<style>` element or a tag, whose target is not `data:` or `#…`.
/// Text between tags is not looked at: escaped data (`&lt;img src=x&gt;`) is not markup.
fn external_refs(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(start) = lower[i..].find('<').map(|p| p + i) {
        let end = lower[start..]
            .find('>')
            .map_or(lower.len(), |p| p + start + 1);
        let tag = &lower[start..end];
        for attr in ["src=", "srcset=", "href="] {
            let mut from = 0;
            while let Some(p) = tag[from..].find(attr).map(|p| p + from) {
                from = p + attr.len();
                let before = tag[..p].chars().next_back();
                if !before.is_some_and(|c| c.is_ascii_whitespace() || c == ':') {
                    continue; // part of a longer attribute name (e.g. `data-src=`)
                }
                let value = attr_value(&tag[from..]);
                if !local(&value) {
                    found.push(format!("{attr}{value}"));
                }
            }
        }
        css_refs(tag, &mut found);
        if tag.starts_with("<style") {
            let close = lower[end..]
                .find("</style")
                .map_or(lower.len(), |p| p + end);
            css_refs(&lower[end..close], &mut found);
            i = close;
        } else {
            i = end;
        }
    }
    found
}

/// `url(...)` and `@import` in CSS text.
fn css_refs(css: &str, found: &mut Vec<String>) {
    let mut from = 0;
    while let Some(p) = css[from..].find("url(").map(|p| p + from) {
        from = p + 4;
        let close = css[from..].find(')').map_or(css.len(), |q| q + from);
        let value = css[from..close]
            .trim()
            .trim_matches(|c| c == '"' || c == '\'');
        if !local(value) {
            found.push(format!("url({value})"));
        }
    }
    let mut from = 0;
    while let Some(p) = css[from..].find("@import").map(|p| p + from) {
        from = p + 7;
        let rest = css[from..].trim_start();
        let target = rest
            .strip_prefix("url(")
            .unwrap_or(rest)
            .trim_start_matches(['"', '\'']);
        if !target.starts_with("data:") {
            found.push(format!(
                "@import {}",
                rest.chars().take(60).collect::<String>()
            ));
        }
    }
}

/// An attribute value after `=`: quoted, or up to whitespace or the end of the tag.
fn attr_value(rest: &str) -> String {
    let rest = rest.trim_start();
    match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or("").to_string(),
        _ => rest
            .split(|c: char| c.is_ascii_whitespace() || c == '>')
            .next()
            .unwrap_or("")
            .to_string(),
    }
}

fn local(target: &str) -> bool {
    let t = target.trim();
    t.starts_with('#') || t.starts_with("data:")
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 24 && &png[12..16] == b"IHDR",
        "the screenshot is not a PNG"
    );
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

/// Pages in a PDF: `/Type /Page` objects (not `/Type /Pages`).
fn pdf_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| w.starts_with(needle) && w[needle.len()] != b's')
        .count()
}

/// The first page's `/MediaBox [x0 y0 x1 y1]` width and height in points.
fn pdf_media_box(pdf: &[u8]) -> Option<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    let at = text.find("/MediaBox [")? + "/MediaBox [".len();
    let inner = &text[at..at + text[at..].find(']')?];
    let n: Vec<f64> = inner
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    (n.len() == 4).then(|| (n[2] - n[0], n[3] - n[1]))
}

fn keep(name: &str, b: &Browsed) {
    if let Some(dir) = std::env::var_os("HANDOFF_BROWSER_OUT") {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("mkdir HANDOFF_BROWSER_OUT");
        std::fs::write(dir.join(format!("{name}.png")), &b.png).expect("write png");
        std::fs::write(dir.join(format!("{name}.pdf")), &b.pdf).expect("write pdf");
    }
}

/// `handoff report` on sample-data for `period`, then the page in Chromium.
fn check_report(period: &str, min_pages: usize) {
    let chromium = chromium(); // fail first, and clearly, when there is no browser
    let work = tempfile::tempdir().expect("tempdir");
    let out = work.path().join("reports");
    let status = Command::new(env!("CARGO_BIN_EXE_handoff"))
        .current_dir(root())
        .env_remove("RUST_LOG")
        .args([
            "report",
            "--quiet",
            "--as-of",
            "2026-10-31",
            "--period",
            period,
        ])
        .arg("--data")
        .arg(root().join("sample-data"))
        .arg("--out")
        .arg(&out)
        .status()
        .expect("run handoff");
    assert!(
        status.success(),
        "handoff report --period {period}: {status}"
    );
    let page = out.join(period).join("index.html");
    let html = std::fs::read_to_string(&page).expect("index.html");

    let refs = external_refs(&html);
    assert!(
        refs.is_empty(),
        "{period}/index.html refers to external resources: {refs:?}"
    );

    let b = browse(&page, work.path());
    keep(&format!("report-{period}"), &b);
    assert!(
        b.requests.is_empty(),
        "Chromium requested external resources for {period}/index.html ({}): {:?}",
        chromium.display(),
        b.requests
    );

    let (w, h) = png_size(&b.png);
    assert_eq!((w, h), (WIDTH, HEIGHT), "screenshot size");
    // A blank 1280×2400 page compresses to a few KB; the report's header, tiles and
    // charts make far more.
    assert!(
        b.png.len() > 60_000,
        "the screenshot of {period} is nearly empty ({} bytes)",
        b.png.len()
    );

    assert!(b.pdf.starts_with(b"%PDF-"), "the PDF lacks its %PDF header");
    assert!(
        b.pdf.trim_ascii_end().ends_with(b"%%EOF"),
        "the PDF is truncated"
    );
    let pages = pdf_pages(&b.pdf);
    assert!(
        pages >= min_pages,
        "{period}: the PDF has {pages} page(s), expected at least {min_pages}"
    );
    let (pw, ph) = pdf_media_box(&b.pdf).expect("a /MediaBox in the PDF");
    assert!(
        (pw - 595.3).abs() < 3.0 && (ph - 841.9).abs() < 3.0,
        "{period}: the PDF page is {pw}×{ph} pt, not A4 portrait (report.css sets @page A4)"
    );
}

#[test]
fn monthly_report_in_chromium_fetches_nothing() {
    check_report("2026-10", 2);
}

#[test]
fn quarterly_report_in_chromium_fetches_nothing() {
    check_report("2026-Q3", 2);
}

/// The detectors must fire: a page with external image, stylesheet background and
/// https references is caught both by the static scan and by the proxy.
#[test]
fn detector_catches_external_requests() {
    chromium();
    let work = tempfile::tempdir().expect("tempdir");
    let page = work.path().join("bad.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>bad</title>\
         <style>body { background: url(http://example.com/bg.png); }</style></head>\
         <body><p>external</p><img src=\"http://example.com/x.png\" alt=\"x\">\
         <img src='https://example.org/y.png' alt='y'></body></html>\n",
    )
    .expect("write page");
    let html = std::fs::read_to_string(&page).expect("read page");
    let refs = external_refs(&html);
    assert_eq!(
        refs,
        vec![
            "url(http://example.com/bg.png)".to_string(),
            "src=http://example.com/x.png".to_string(),
            "src=https://example.org/y.png".to_string(),
        ],
        "static scan"
    );

    let b = browse(&page, work.path());
    let all = b.requests.join("\n");
    assert!(
        b.requests
            .iter()
            .any(|r| r.contains("http://example.com/x.png")),
        "the proxy did not see the http image request; it saw: {all}"
    );
    assert!(
        b.requests
            .iter()
            .any(|r| r.starts_with("CONNECT example.org:443")),
        "the proxy did not see the https image request; it saw: {all}"
    );
    assert!(
        b.requests.iter().any(|r| r.contains("example.com/bg.png")),
        "the proxy did not see the CSS background request; it saw: {all}"
    );
}

/// The static scan passes what is local and ignores escaped text, but not much more.
#[test]
fn static_scan_allows_only_data_and_fragments() {
    let ok = "<html><head><style>.a { background: url(\"data:image/png;base64,AAAA\"); }\
              @import url(data:text/css,p{});</style></head><body>\
              <a href=\"#top\">top</a><img src=\"data:image/png;base64,AAAA\" alt=\"\">\
              <svg><use xlink:href=\"#m\"/></svg><p data-src=\"x\">&lt;img src=http://e.com/x&gt; \
              url(http://e.com) @import</p></body></html>";
    assert_eq!(external_refs(ok), Vec::<String>::new());

    for (bad, want) in [
        (
            "<link rel=stylesheet href=https://cdn.example/x.css>",
            "href=https://cdn.example/x.css",
        ),
        ("<script src=\"/app.js\"></script>", "src=/app.js"),
        ("<svg><image xlink:href=\"pic.png\"/></svg>", "href=pic.png"),
        ("<img srcset=\"a.png 2x\">", "srcset=a.png 2x"),
        (
            "<div style=\"background:url('//e.com/x.png')\">",
            "url(//e.com/x.png)",
        ),
        ("<style>@import \"x.css\";</style>", "@import \"x.css\";"),
        ("<A HREF=\"http://e.com/\">e</A>", "href=http://e.com/"),
    ] {
        let got = external_refs(bad);
        assert!(
            got.iter().any(|g| g == want),
            "{bad}: expected {want:?}, got {got:?}"
        );
    }
}

/// Without a browser the tests fail, saying how to get one; they never pass silently.
#[test]
fn missing_chromium_is_a_clear_failure() {
    let empty = tempfile::tempdir().expect("tempdir");
    let err = locate(
        None,
        &empty.path().join("chromium"),
        Some(empty.path().as_os_str().to_owned()),
    )
    .expect_err("no chromium anywhere");
    assert!(
        err.contains(".ci/run") && err.contains("HANDOFF_CHROMIUM"),
        "{err}"
    );
    let err = locate(
        Some(empty.path().join("nope").into_os_string()),
        Path::new("/usr/bin/chromium"),
        None,
    )
    .expect_err("a bad HANDOFF_CHROMIUM is not silently replaced");
    assert!(err.contains(".ci/run"), "{err}");
    std::fs::write(empty.path().join("chromium"), "").expect("fake binary");
    assert_eq!(
        locate(
            None,
            Path::new("/nonexistent/chromium"),
            Some(empty.path().as_os_str().to_owned())
        ),
        Ok(empty.path().join("chromium"))
    );
}
