//! The `handoff query` output formats that are not report tables: a GitHub Markdown table
//! and a JSON array of row objects (CSV and Parquet share the report's writers in
//! [`crate::render::tables`]).

use polars::prelude::*;

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
