//! The report's custom analyses: every `.sql` file of the custom-queries folder run over the
//! same registered tables as `handoff query`, each result (or its error) kept for the
//! "Custom analyses" section and `tables/custom_NAME.*`.

use std::path::Path;

use polars::prelude::DataFrame;

use super::Engine;
use crate::error::usage;

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
pub fn run_custom(engine: &Engine, files: &[std::path::PathBuf]) -> Vec<CustomAnalysis> {
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
                let result = engine.run(&text).map_err(|e| short_error(&e));
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

/// Every custom query marked failed with one error (the engine could not start).
pub fn failed_custom(files: &[std::path::PathBuf], error: &str) -> Vec<CustomAnalysis> {
    tracing::warn!("custom queries not run: {error}");
    files
        .iter()
        .map(|path| CustomAnalysis {
            name: safe_name(
                &path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            ),
            file: path.display().to_string(),
            description: String::new(),
            result: Err(error.to_string()),
        })
        .collect()
}

/// A DuckDB error without the `LINE n:` excerpt and caret (the report shows the message;
/// `handoff query` shows the excerpt too).
fn short_error(e: &str) -> String {
    e.split("\n\nLINE ")
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}
