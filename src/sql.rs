//! The SQL layer: every ingested table (canonical columns, parsed types) and the derived
//! per-deal fact table registered in a polars `SQLContext`, for `handoff query` and the
//! `.sql` files in `queries/`. Registered names: the eight input tables, `handoff_facts`
//! (every deal), and the cohort views `period_facts`, `trailing_facts`, `mature_facts`
//! (SPEC §4.1) for the selected period.

use std::path::Path;

use polars::prelude::*;
use polars::sql::SQLContext;

use crate::error::usage;
use crate::ingest::Ingested;
use crate::metrics::cohort::Cohorts;

/// A context with every table registered.
pub fn context(ing: &Ingested, facts: &DataFrame, cohorts: &Cohorts) -> SQLContext {
    let ctx = SQLContext::new();
    for (name, df) in &ing.tables {
        ctx.register(
            name,
            df.clone()
                .lazy()
                .drop(by_name([crate::schema::LINE], true, false)),
        );
    }
    ctx.register("handoff_facts", facts.clone().lazy());
    ctx.register("period_facts", cohorts.period.clone().lazy());
    ctx.register("trailing_facts", cohorts.trailing.clone().lazy());
    ctx.register("mature_facts", cohorts.mature.clone().lazy());
    ctx
}

/// `--sql` is a path to a `.sql` file when such a file exists, else SQL text.
pub fn sql_text(arg: &str) -> anyhow::Result<(String, String)> {
    let p = Path::new(arg);
    if arg.ends_with(".sql") || (p.is_file() && !arg.contains('\n')) {
        let text = std::fs::read_to_string(p)
            .map_err(|e| usage(format!("reading query file {arg}: {e}")))?;
        return Ok((arg.to_string(), text));
    }
    Ok(("inline SQL".to_string(), arg.to_string()))
}

/// What exists, for error messages.
pub fn catalogue(ctx: &mut SQLContext) -> String {
    let mut names = ctx.get_tables();
    names.sort();
    let mut out = String::new();
    for n in names {
        let cols = ctx
            .execute(&format!("SELECT * FROM {n} LIMIT 0"))
            .and_then(|mut lf| lf.collect_schema())
            .map(|s| {
                s.iter_names()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        out.push_str(&format!("\n  {n}: {cols}"));
    }
    out
}

/// Run one query; errors name the query and list the tables and columns that exist.
pub fn run(ctx: &mut SQLContext, name: &str, text: &str) -> anyhow::Result<DataFrame> {
    let result = ctx.execute(text).and_then(|lf| lf.collect());
    match result {
        Ok(df) => Ok(df),
        Err(e) => Err(usage(format!(
            "{name}: SQL error: {}\navailable tables and columns:{}",
            short_error(&e),
            catalogue(ctx)
        ))),
    }
}

/// Markdown table (GitHub-flavoured), cells escaped for `|` and HTML.
pub fn to_markdown(df: &DataFrame) -> String {
    // The report's Markdown escaping: `|`, HTML and Markdown punctuation, newlines.
    let esc = |s: String| crate::render::markdown::escape(&s);
    let names: Vec<String> = df
        .get_column_names()
        .iter()
        .map(|s| esc(s.to_string()))
        .collect();
    let mut out = format!(
        "| {} |\n|{}\n",
        names.join(" | "),
        "---|".repeat(names.len())
    );
    for i in 0..df.height() {
        let cells: Vec<String> = df
            .columns()
            .iter()
            .map(|c| match c.get(i) {
                Ok(AnyValue::Null) | Err(_) => String::new(),
                Ok(AnyValue::String(s)) => esc(s.to_string()),
                Ok(AnyValue::StringOwned(s)) => esc(s.to_string()),
                Ok(v) => esc(v.to_string()),
            })
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// Rows as a JSON array of objects.
pub fn to_json(df: &DataFrame) -> anyhow::Result<Vec<u8>> {
    let names: Vec<String> = df
        .get_column_names()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut rows = Vec::with_capacity(df.height());
    for i in 0..df.height() {
        let mut obj = serde_json::Map::new();
        for (name, c) in names.iter().zip(df.columns()) {
            let v = match c.get(i)? {
                AnyValue::Null => serde_json::Value::Null,
                AnyValue::Boolean(b) => b.into(),
                AnyValue::String(s) => s.into(),
                AnyValue::StringOwned(s) => s.as_str().into(),
                AnyValue::Float64(f) => serde_json::Number::from_f64(f)
                    .map(Into::into)
                    .unwrap_or(serde_json::Value::Null),
                AnyValue::Float32(f) => serde_json::Number::from_f64(f as f64)
                    .map(Into::into)
                    .unwrap_or(serde_json::Value::Null),
                AnyValue::Int64(x) => x.into(),
                AnyValue::Int32(x) => x.into(),
                AnyValue::UInt32(x) => x.into(),
                AnyValue::UInt64(x) => x.into(),
                other => other.to_string().into(),
            };
            obj.insert(name.clone(), v);
        }
        rows.push(serde_json::Value::Object(obj));
    }
    let mut bytes = serde_json::to_vec_pretty(&rows)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The folder analysts' own queries are read from when neither `--custom-queries` nor the
/// config's `custom_queries` names one (relative to the working directory; skipped
/// silently when it does not exist).
pub const DEFAULT_CUSTOM_DIR: &str = "queries/custom";

/// One analyst query from the custom-queries folder, run at report time.
#[derive(Debug)]
pub struct CustomAnalysis {
    /// The file stem made safe for a file name: the table is `tables/custom_NAME.csv`.
    pub name: String,
    /// The file as the user named it.
    pub file: String,
    /// The query's opening `--` comment lines: what it answers, which cohort it uses.
    pub description: String,
    /// The result, or the SQL error (without the catalogue of tables).
    pub result: Result<DataFrame, String>,
}

impl CustomAnalysis {
    /// The report table name (`custom_NAME`).
    pub fn table_name(&self) -> String {
        format!("custom_{}", self.name)
    }
}

/// The `.sql` files of a folder, sorted by name.
pub fn custom_files(dir: &Path) -> anyhow::Result<Vec<std::path::PathBuf>> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| usage(format!("custom queries folder {}: {e}", dir.display())))?;
    let mut files: Vec<std::path::PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "sql"))
        .collect();
    files.sort();
    Ok(files)
}

/// The leading `--` comment lines of a query, joined into one paragraph.
pub fn description(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .take_while(|l| l.starts_with("--") || l.is_empty())
        .filter_map(|l| l.strip_prefix("--"))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A file stem as a safe table name: ASCII letters, digits, `_` and `-`; others become `_`.
pub fn safe_name(stem: &str) -> String {
    let s: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() {
        "query".to_string()
    } else {
        s
    }
}

/// Run every custom query; a failing query is recorded (and logged), never fatal here.
pub fn run_custom(ctx: &mut SQLContext, files: &[std::path::PathBuf]) -> Vec<CustomAnalysis> {
    let mut out: Vec<CustomAnalysis> = Vec::new();
    for path in files {
        let file = path.display().to_string();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut name = safe_name(&stem);
        let mut k = 2;
        while out.iter().any(|c| c.name == name) {
            name = format!("{}_{k}", safe_name(&stem));
            k += 1;
        }
        let (description, result) = match std::fs::read_to_string(path) {
            Ok(text) => {
                let result = ctx
                    .execute(&text)
                    .and_then(|lf| lf.collect())
                    .map_err(|e| short_error(&e));
                (description(&text), result)
            }
            Err(e) => (String::new(), Err(format!("cannot read the file: {e}"))),
        };
        match &result {
            Ok(df) => {
                tracing::info!(query = %file, rows = df.height(), "custom query {file}: {} rows", df.height())
            }
            Err(e) => tracing::warn!(
                query = %file,
                error = %e,
                "custom query {file} failed (the report shows the error; `handoff query --sql {file}` lists the tables and columns): {e}"
            ),
        }
        out.push(CustomAnalysis {
            name,
            file,
            description,
            result,
        });
    }
    out
}

/// A polars SQL error without the resolved plan polars appends.
fn short_error(e: &PolarsError) -> String {
    e.to_string()
        .split("\n\nResolved plan")
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}
