//! The documents users rely on stay true (issue #12): every ```` ```toml ```` example of
//! docs/CONFIG.md and README.md loads with the real config loader, every config key the
//! loader knows is documented, and `docs/metrics.schema.json` accepts the committed example
//! reports, the worked examples' output and a run without the optional tables, and rejects
//! a document that lacks a required key (validated with the `boon` crate, draft 2020-12).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use clap::Parser;
use handoff::cli::{Cli, Command as Sub};
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("reading {rel}: {e}"))
}

/// The fenced blocks of `lang` in Markdown `text`, each with the line its fence opens on.
fn fenced(text: &str, lang: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        match &mut open {
            None if t.starts_with("```") && t[3..].trim() == lang => {
                open = Some((i + 1, String::new()));
            }
            Some((at, body)) if t.starts_with("```") => {
                out.push((*at, std::mem::take(body)));
                open = None;
            }
            Some((_, body)) => {
                body.push_str(line);
                body.push('\n');
            }
            None => {}
        }
    }
    out
}

/// Load `toml` as `handoff validate --config FILE` would: the file parser, the settings
/// checks and the `as_of` date. `Err` carries the loader's message.
fn load_config(toml: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("handoff.toml");
    std::fs::write(&path, toml).expect("write config");
    let argv: Vec<OsString> = vec![
        "handoff".into(),
        "validate".into(),
        "--data".into(),
        dir.path().into(),
        "--config".into(),
        path.into(),
    ];
    let cli = Cli::try_parse_from(argv).expect("command line");
    let Sub::Validate(args) = cli.command else {
        unreachable!("validate was parsed")
    };
    handoff::resolve(&args)
        .map(|_| ())
        .map_err(|e| format!("{e:#}"))
}

fn check_toml_blocks(doc: &str, min_blocks: usize) {
    let blocks = fenced(&read(doc), "toml");
    assert!(
        blocks.len() >= min_blocks,
        "{doc}: expected at least {min_blocks} toml examples, found {}",
        blocks.len()
    );
    let failures: Vec<String> = blocks
        .iter()
        .filter_map(|(line, body)| {
            load_config(body)
                .err()
                .map(|e| format!("{doc}:{line}: {e}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "config examples rejected by the loader:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_config_example_in_config_md_loads() {
    check_toml_blocks("docs/CONFIG.md", 15);
}

#[test]
fn every_config_example_in_the_readme_loads() {
    check_toml_blocks("README.md", 1);
}

/// The check above can fail: the loader refuses what CONFIG.md says it refuses.
#[test]
fn the_loader_refuses_what_config_md_says_it_refuses() {
    for (bad, key) in [
        ("max_rejected = 0.1\n", "max_rejected"),
        ("max_rejected_share = 1.5\n", "max_rejected_share"),
        ("delimiter = \":\"\n", "delimiter"),
        ("sla_calendar = \"weekdays\"\n", "sla_calendar"),
        ("required_fields = []\n", "required_fields"),
        ("acv_band_edges = [3, 2, 1]\n", "acv_band_edges"),
        ("[sla_hours]\nfirst_value = 10\n", "first_value"),
        ("[sla_hours]\nintro = -1\n", "intro"),
        ("[first_value_days]\nmidmarket = 10\n", "midmarket"),
        ("[milestones]\n\"Live\" = \"live\"\n", "Live"),
        ("[alerts]\nfloor = 0.5\n", "floor"),
        ("[columns.deal]\nacv = \"Amount\"\n", "deal"),
        ("[columns.deals]\namount = \"Amount\"\n", "amount"),
        ("as_of = \"31/10/2026\"\n", "as_of"),
    ] {
        let err = load_config(bad).expect_err(bad);
        assert!(
            err.contains(key),
            "{bad:?}: the error does not name {key}: {err}"
        );
    }
}

/// Every key the loader accepts has a section in CONFIG.md. The loader lists its keys
/// when it meets an unknown one ("expected one of `as_of`, …", or "expected `a` or `b`").
#[test]
fn every_config_key_is_documented() {
    let doc = read("docs/CONFIG.md");
    let listed = |probe: &str| -> Vec<String> {
        let err = load_config(probe).expect_err(probe);
        let tail = err
            .split_once(", expected")
            .unwrap_or_else(|| panic!("no key list in {err}"))
            .1;
        // The loader appends the offending line, "(line 1: `…`)": not a key.
        let tail = tail.split(" (line ").next().unwrap_or(tail);
        tail.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    let top = listed("zz_not_a_key = 1\n");
    assert!(top.len() >= 10, "{top:?}");
    let alerts = listed("[alerts]\nzz_not_a_key = 1\n");
    let mut missing = Vec::new();
    for key in &top {
        let heading = if [
            "sla_hours",
            "first_value_days",
            "milestones",
            "alerts",
            "notify",
        ]
        .contains(&key.as_str())
        {
            format!("### `[{key}]`")
        } else if key == "columns" {
            "### `[columns.TABLE]`".to_string()
        } else if ["filters", "defaults"].contains(&key.as_str()) {
            format!("### `[{key}.TABLE]`")
        } else if key == "values" {
            "### `[values.TABLE.COLUMN]`".to_string()
        } else if key == "tables" {
            "### `[tables]`".to_string()
        } else {
            format!("### `{key}`")
        };
        if !doc.contains(&heading) {
            missing.push(heading);
        }
    }
    for key in &alerts {
        if !doc.contains(&format!("- `{key}` (default")) {
            missing.push(format!("[alerts] {key}"));
        }
    }
    assert!(
        missing.is_empty(),
        "docs/CONFIG.md lacks: {}",
        missing.join(", ")
    );
}

// ---- metrics.json against docs/metrics.schema.json ---------------------------------------

/// `docs/metrics.schema.json`, compiled with the `boon` JSON Schema validator (draft
/// 2020-12; its meta-schemas are built in, nothing is fetched).
struct Schema {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Schema {
    fn load() -> Schema {
        let doc: Value =
            serde_json::from_str(&read("docs/metrics.schema.json")).expect("schema is JSON");
        assert_eq!(
            doc["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "the schema declares draft 2020-12"
        );
        let url = "file:///handoff/docs/metrics.schema.json";
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler.add_resource(url, doc).expect("schema resource");
        let index = compiler
            .compile(url, &mut schemas)
            .unwrap_or_else(|e| panic!("docs/metrics.schema.json does not compile: {e:#}"));
        Schema { schemas, index }
    }

    fn check(&self, doc: &Value) -> Result<(), String> {
        self.schemas
            .validate(doc, self.index)
            .map_err(|e| format!("{e:#}"))
    }
}

fn assert_valid(schema: &Schema, what: &str, doc: &Value) {
    if let Err(e) = schema.check(doc) {
        panic!("{what} does not match docs/metrics.schema.json:\n{e}");
    }
}

fn json_file(path: &Path) -> Value {
    serde_json::from_slice(
        &std::fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display())),
    )
    .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// `handoff report` on `data` for `period`; the metrics.json it wrote.
fn report(data: &Path, period: &str) -> Value {
    let out = tempfile::tempdir().expect("tempdir");
    Command::cargo_bin("handoff")
        .expect("binary")
        .args([
            "report",
            "--quiet",
            "--as-of",
            "2026-10-31",
            "--period",
            period,
        ])
        .arg("--data")
        .arg(data)
        .arg("--out")
        .arg(out.path())
        .env_remove("HANDOFF_LOG")
        .assert()
        .success();
    json_file(&out.path().join(period).join("metrics.json"))
}

#[test]
fn committed_reports_match_the_schema() {
    let schema = Schema::load();
    for label in ["2026-10", "2026-Q3"] {
        let path: PathBuf = root().join("reports").join(label).join("metrics.json");
        assert_valid(&schema, &path.display().to_string(), &json_file(&path));
    }
}

#[test]
fn worked_examples_output_matches_the_schema() {
    let schema = Schema::load();
    for example in ["tiny", "medium"] {
        for period in ["2026-10", "2026-Q3"] {
            let data = root().join("tests/fixtures/examples").join(example);
            assert_valid(
                &schema,
                &format!("{example} {period}"),
                &report(&data, period),
            );
        }
    }
}

/// Without the optional tables their metrics are null, and the schema allows exactly that.
#[test]
fn output_without_optional_tables_matches_the_schema() {
    let schema = Schema::load();
    let data = tempfile::tempdir().expect("tempdir");
    let tiny = root().join("tests/fixtures/examples/tiny");
    for file in ["deals.csv", "handoffs.csv", "handoff.toml"] {
        std::fs::copy(tiny.join(file), data.path().join(file)).expect("copy fixture");
    }
    let m = report(data.path(), "2026-10");
    for key in [
        "completion",
        "ttfv",
        "adoption",
        "health",
        "satisfaction",
        "churn",
    ] {
        assert!(
            m[key].is_null(),
            "{key} should be null without its table: {}",
            m[key]
        );
    }
    assert_valid(&schema, "tiny without optional tables", &m);
}

/// The schema can fail: a required key removed, or a wrong type, is refused.
#[test]
fn the_schema_refuses_broken_documents() {
    let schema = Schema::load();
    let good = json_file(&root().join("reports/2026-Q3/metrics.json"));
    assert_valid(&schema, "the committed quarterly report", &good);

    let mut no_quality = good.clone();
    no_quality
        .as_object_mut()
        .expect("object")
        .remove("quality");
    let err = schema.check(&no_quality).expect_err("quality is required");
    assert!(err.contains("quality"), "{err}");

    let mut no_rate = good.clone();
    no_rate["churn"]["by_band"]["substandard"]
        .as_object_mut()
        .expect("object")
        .remove("rate");
    assert!(schema.check(&no_rate).is_err(), "churn rate is required");

    let mut bad_band = good.clone();
    bad_band["quality"]["bands"] = serde_json::json!({"excellent": 1, "good": 1, "acceptable": 1});
    assert!(
        schema.check(&bad_band).is_err(),
        "every band count is required"
    );

    let mut text_count = good.clone();
    text_count["cohort"]["period_deals"] = Value::from("17");
    assert!(schema.check(&text_count).is_err(), "a count is an integer");

    let mut extra = good;
    extra["something_new"] = Value::from(1);
    assert_valid(&schema, "a document with an extra key", &extra);
}

#[test]
fn fenced_blocks_are_found() {
    let md = "text\n```toml\na = 1\n```\n```sh\nx\n```\n  ```toml\nb = 2\nc = 3\n  ```\n";
    assert_eq!(
        fenced(md, "toml"),
        vec![
            (2, "a = 1\n".to_string()),
            (8, "b = 2\nc = 3\n".to_string())
        ]
    );
}

/// The section numbers of docs/METRICS.md never change meaning; code and docs cite them.
const METRICS_SECTIONS: [&str; 22] = [
    "1", "2", "3", "3.1", "3.2", "4", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8",
    "4.9", "4.10", "4.11", "4.12", "4.13", "4.14", "4.15", "5",
];

/// The numbered headings of docs/METRICS.md (`## 4. Definitions` → `4`, `### 4.2 …` → `4.2`).
fn metrics_sections() -> Vec<String> {
    read("docs/METRICS.md")
        .lines()
        .filter(|l| l.starts_with('#'))
        .filter_map(|l| {
            let number = l.trim_start_matches('#').split_whitespace().next()?;
            let number = number.trim_end_matches('.');
            number
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.')
                .then(|| number.to_string())
        })
        .collect()
}

#[test]
fn metrics_md_keeps_every_section_number() {
    let have = metrics_sections();
    for want in METRICS_SECTIONS.iter().chain(&["5.1", "5.2"]) {
        assert!(
            have.iter().any(|h| h == want),
            "docs/METRICS.md lacks section {want}; it has {have:?}"
        );
    }
}

/// Every `METRICS.md §N` cited in the code, tests, queries and docs names a real section.
#[test]
fn every_metrics_md_citation_exists() {
    let have = metrics_sections();
    let mut bad = Vec::new();
    let mut files = Vec::new();
    for dir in ["src", "tests", "queries", "docs"] {
        collect_files(&root().join(dir), &mut files);
    }
    files.push(root().join("README.md"));
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // binary fixtures
        };
        for (at, _) in text.match_indices("METRICS.md §") {
            let rest = &text[at + "METRICS.md §".len()..];
            let number: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let number = number.trim_end_matches('.');
            // `METRICS.md §N` as a pattern in prose is not a citation.
            if !number.is_empty() && !have.iter().any(|h| h == number) {
                bad.push(format!("{}: §{number}", path.display()));
            }
        }
    }
    assert!(bad.is_empty(), "citations of missing sections: {bad:?}");
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_files(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| x == "rs" || x == "md" || x == "sql" || x == "toml")
        {
            out.push(p);
        }
    }
}
