//! The SQL layer: the ingested tables (canonical columns, parsed types, used rows only) and
//! the per-deal fact table, queried with DuckDB's SQL (the PostgreSQL-like dialect analysts
//! bring from their warehouse) by `handoff query` and the report's custom analyses.
//! Registered names: the input tables present, `handoff_facts` (every deal, with the cohort
//! flags `in_period`, `in_trailing`, `in_mature`), and the cohort views `period_facts`,
//! `trailing_facts`, `mature_facts` (METRICS.md §4.1) for the selected period. The engine and
//! the reasons for it: [`engine`] and docs/SQL-ENGINE.md.

mod custom;
pub mod engine;
pub mod export;
mod format;
mod statement;

use std::path::Path;

use polars::prelude::DataFrame;

pub use custom::{
    custom_files, description, failed_custom, run_custom, safe_name, CustomAnalysis,
    DEFAULT_CUSTOM_DIR,
};
pub use engine::Engine;
pub use export::{facts_file, handoff_facts, COHORT_FLAGS, FACTS_FILE};
pub use format::{to_json, to_markdown};

use crate::error::usage;

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

/// Run one query; errors name the query and list the tables and columns that exist.
pub fn run(engine: &Engine, name: &str, text: &str) -> anyhow::Result<DataFrame> {
    engine.run(text).map_err(|e| {
        usage(format!(
            "{name}: SQL error: {e}\navailable tables and columns:{}",
            engine.catalogue()
        ))
    })
}
