//! Reports in Bahasa Indonesia and German (METRICS.md §5.1, issue #15), end to end through
//! the binary on the tiny example: `<html lang>`, no English phrase of the report in an
//! `id` or `de` report (index.html, report.md, chart SVGs), and `metrics.json` byte-identical
//! across the languages apart from its `language` line. The catalogs themselves (same ids,
//! same variables in every language) are checked by `text::tests` in the library.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn tiny() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/examples/tiny")
}

/// Run `report` on the tiny example and return the report folder.
fn report(out: &Path, period: &str, lang: &str) -> PathBuf {
    Command::cargo_bin("handoff")
        .expect("binary")
        .args(["report", "--quiet", "--data"])
        .arg(tiny())
        .args(["--period", period, "--lang", lang, "--out"])
        .arg(out)
        .assert()
        .success();
    out.join(period)
}

/// Text as a reader sees it: the character references the HTML and SVG writers use undone.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// The text runs of each message of a language's catalog, by id.
fn catalog_runs(lang: &str) -> Vec<(String, Vec<String>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    let mut out = Vec::new();
    for file in ["notify.ftl", "report.ftl", "monthly.ftl", "quarterly.ftl"] {
        let ftl = fs::read_to_string(dir.join(file)).expect("catalog");
        let resource = fluent_syntax::parser::parse(ftl.as_str()).expect("catalog parses");
        for entry in resource.body {
            let fluent_syntax::ast::Entry::Message(m) = entry else {
                continue;
            };
            let Some(value) = m.value else { continue };
            let mut runs = Vec::new();
            collect_runs(&value, &mut runs);
            out.push((m.id.name.to_string(), runs));
        }
    }
    out
}

/// The literal text runs of the English catalog's messages (the text between `{ … }`
/// placeables) long enough to be distinctive — at least three words and 16 characters —
/// plus a few fixed phrases the report has used; a run that `lang`'s catalog keeps
/// unchanged for the same message (a name such as "Net Promoter Score") is not English
/// left behind.
fn english_phrases_for(lang: &str) -> Vec<String> {
    let kept: Vec<String> = catalog_runs(lang)
        .into_iter()
        .flat_map(|(_, runs)| runs)
        .collect();
    let mut phrases: Vec<String> = english_phrases()
        .into_iter()
        .filter(|p| !kept.contains(p))
        .collect();
    phrases.sort();
    phrases
}

fn english_phrases() -> Vec<String> {
    let mut phrases: Vec<String> = catalog_runs("en")
        .into_iter()
        .flat_map(|(_, runs)| runs)
        .collect();
    phrases.extend(
        [
            "Correlation, not causation",
            "not causation",
            "Period cohort",
            "Trailing cohort",
            "Mature cohort",
            "Survival cohort",
            "deals closed",
            "Not available",
            "No data:",
            "Low sample",
            "low sample",
            "is below the target",
            "is below the floor",
            "need escalation",
            "flagged for coaching",
            "Status marks",
            "alerts fired",
            "Relative risk",
            "First-year churn",
            "Quality score",
            "Time to first value",
            "Handoff quality",
        ]
        .map(String::from),
    );
    phrases.sort();
    phrases.dedup();
    phrases
}

fn collect_runs(p: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, PatternElement};
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut Vec<String>| {
        let t = run.trim().trim_end_matches([':', '.', ',', ';']).trim();
        if t.len() >= 16 && t.split_whitespace().count() >= 3 {
            out.push(t.to_string());
        }
        run.clear();
    };
    for el in &p.elements {
        match el {
            PatternElement::TextElement { value } => {
                for line in value.split('\n') {
                    run.push_str(line);
                    run.push(' ');
                }
            }
            PatternElement::Placeable { expression } => {
                flush(&mut run, out);
                if let Expression::Select { variants, .. } = expression {
                    for v in variants {
                        collect_runs(&v.value, out);
                    }
                }
            }
        }
    }
    flush(&mut run, out);
}

/// Every English phrase found in a report folder's reader-facing files, with the file.
fn english_in(dir: &Path, phrases: &[String]) -> Vec<String> {
    let mut files = vec![dir.join("index.html"), dir.join("report.md")];
    if let Ok(charts) = fs::read_dir(dir.join("charts")) {
        let mut svgs: Vec<PathBuf> = charts
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "svg"))
            .collect();
        svgs.sort();
        files.extend(svgs);
    }
    let mut found = Vec::new();
    for f in files {
        let text = unescape(&fs::read_to_string(&f).expect("report file"));
        for phrase in phrases {
            if text.contains(phrase.as_str()) {
                let name = f.strip_prefix(dir).unwrap_or(&f).display().to_string();
                found.push(format!("{name}: {phrase:?}"));
            }
        }
    }
    found
}

#[test]
fn html_lang_is_the_language_of_the_report() {
    let out = tempfile::tempdir().expect("tempdir");
    for lang in ["id", "de"] {
        let dir = report(&out.path().join(lang), "2026-10", lang);
        let html = fs::read_to_string(dir.join("index.html")).expect("html");
        assert!(
            html.contains(&format!("<html lang=\"{lang}\">")),
            "{lang}: {}",
            &html[..html.len().min(80)]
        );
    }
}

#[test]
fn indonesian_and_german_reports_have_no_english_phrase() {
    let out = tempfile::tempdir().expect("tempdir");
    let mut found = Vec::new();
    for lang in ["id", "de"] {
        let phrases = english_phrases_for(lang);
        assert!(phrases.len() > 100, "too few phrases: {phrases:?}");
        for period in ["2026-10", "2026-Q3"] {
            let dir = report(&out.path().join(lang), period, lang);
            for hit in english_in(&dir, &phrases) {
                found.push(format!("{lang} {period} {hit}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} English phrases in id/de reports:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// The scan above can fail: the English report is full of its own phrases.
#[test]
fn the_english_phrase_scan_finds_english() {
    let phrases = english_phrases();
    let out = tempfile::tempdir().expect("tempdir");
    let dir = report(out.path(), "2026-Q3", "en");
    let found = english_in(&dir, &phrases);
    assert!(found.len() >= 5, "{found:?}");
}

#[test]
fn metrics_json_is_byte_identical_in_every_language_but_its_language() {
    let out = tempfile::tempdir().expect("tempdir");
    let mut docs = Vec::new();
    for lang in ["en", "id", "de"] {
        let dir = report(&out.path().join(lang), "2026-Q3", lang);
        let json = fs::read_to_string(dir.join("metrics.json")).expect("metrics");
        // `language` is the last key (lib.rs adds it after everything else).
        let line = format!(",\n  \"language\": \"{lang}\"\n}}\n");
        assert!(json.ends_with(&line), "{lang}: no language line at the end");
        docs.push(json[..json.len() - line.len()].to_string());
    }
    assert!(docs[0] == docs[1], "metrics.json differs between en and id");
    assert!(docs[0] == docs[2], "metrics.json differs between en and de");
}
