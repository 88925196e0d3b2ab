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
            e.to_string()
                .split("\n\nResolved plan")
                .next()
                .unwrap_or_default()
                .trim(),
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
