//! The SQL engine behind `handoff query` and the report's custom analyses: embedded DuckDB
//! (docs/SQL-ENGINE.md says why) reading the Parquet files [`super::export`] wrote into a
//! private temporary folder. DuckDB runs the analyst's text as written; its result comes
//! back through one more Parquet file into a polars `DataFrame` for our output formats.
//! On the way out, types polars does not hold are converted explicitly (HUGEINT → BIGINT,
//! failing on overflow; DECIMAL → DOUBLE; lists, INTERVAL, TIME, UUID, STRUCT … → text) and
//! `count(*)` is named `count`, as analysts expect.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Context;
use duckdb::Connection;
use polars::prelude::*;

use super::export::{self, COHORT_FLAGS};
use super::statement::single_query;
use crate::ingest::Ingested;
use crate::metrics::cohort::Cohorts;

/// A DuckDB connection with every table registered as a view over our Parquet files.
pub struct Engine {
    conn: Connection,
    dir: TempDir,
    results: Cell<usize>,
    tables: Vec<String>,
}

impl Engine {
    /// Write the tables and register the views: the input tables, `handoff_facts` (with
    /// the cohort flags) and the cohort views `period_facts`, `trailing_facts`,
    /// `mature_facts` (handoff_facts without the flags, filtered on one).
    pub fn new(ing: &Ingested, cohorts: &Cohorts) -> anyhow::Result<Engine> {
        let started = std::time::Instant::now();
        let dir = TempDir::new()?;
        let mut tables = export::write_tables(&dir.0, ing, cohorts)?;
        let written = started.elapsed();
        let conn = Connection::open_in_memory().context("starting the SQL engine")?;
        // One thread: sums of floats come out the same on every run (reports are
        // byte-identical); no progress bar; never download an extension.
        conn.execute_batch(
            "SET threads = 1; SET enable_progress_bar = false; \
             SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;",
        )
        .context("configuring the SQL engine")?;
        let mut ddl = String::new();
        for t in &tables {
            let path = dir.0.join(format!("{t}.parquet"));
            ddl.push_str(&format!(
                "CREATE VIEW {} AS SELECT * FROM read_parquet({});\n",
                ident(t),
                literal(&path.to_string_lossy())
            ));
        }
        let flags: Vec<&str> = COHORT_FLAGS.iter().map(|(f, _)| *f).collect();
        for (flag, view) in COHORT_FLAGS {
            ddl.push_str(&format!(
                "CREATE VIEW {view} AS SELECT * EXCLUDE ({}) FROM handoff_facts WHERE {flag};\n",
                flags.join(", ")
            ));
            tables.push(view.to_string());
        }
        conn.execute_batch(&ddl)
            .context("registering the tables with the SQL engine")?;
        tables.sort();
        tracing::info!(
            "SQL engine ready in {} ms ({} ms writing {} Parquet files)",
            started.elapsed().as_millis(),
            written.as_millis(),
            tables.len() - COHORT_FLAGS.len()
        );
        Ok(Engine {
            conn,
            dir,
            results: Cell::new(0),
            tables,
        })
    }

    /// Run one query; the error is DuckDB's message (or ours for what is not supported).
    pub fn run(&self, text: &str) -> Result<DataFrame, String> {
        let query = single_query(text)?;
        // Prepare the text as written first: binder errors then point at the user's own
        // line and column.
        self.conn
            .prepare(query)
            .map_err(|e| explain(&e.to_string()))?;
        let columns = self.describe(query)?;
        let select: Vec<String> = unique_names(&columns)
            .iter()
            .zip(&columns)
            .enumerate()
            .map(|(i, (name, (_, ty)))| match output_type(ty) {
                Some(to) => format!("CAST(#{} AS {to}) AS {}", i + 1, ident(name)),
                None => format!("#{} AS {}", i + 1, ident(name)),
            })
            .collect();
        let n = self.results.get() + 1;
        self.results.set(n);
        let path = self.dir.0.join(format!("result-{n}.parquet"));
        let copy = format!(
            "COPY (SELECT {} FROM (\n{query}\n)) TO {} (FORMAT parquet)",
            select.join(", "),
            literal(&path.to_string_lossy())
        );
        let started = std::time::Instant::now();
        self.conn.execute_batch(&copy).map_err(|e| {
            // A failure here is at run time (a cast, an overflow): the `LINE` excerpt would
            // show our wrapper, not the user's text.
            let e = e.to_string();
            explain(e.split("\n\nLINE ").next().unwrap_or_default())
        })?;
        let ran = started.elapsed();
        let df = read_result(&path).map_err(|e| format!("reading the query result: {e}"));
        let _ = std::fs::remove_file(&path);
        tracing::debug!(
            "query ran in {} ms, result read back in {} ms",
            ran.as_millis(),
            (started.elapsed() - ran).as_millis()
        );
        df
    }

    /// The folder holding the Parquet files the views read (`NAME.parquet` per table).
    pub fn tables_dir(&self) -> &Path {
        &self.dir.0
    }

    /// Column names and DuckDB types of a query's result.
    fn describe(&self, query: &str) -> Result<Vec<(String, String)>, String> {
        let mut stmt = self
            .conn
            .prepare(&format!("DESCRIBE SELECT * FROM (\n{query}\n)"))
            .map_err(|e| e.to_string())?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| e.to_string())?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| e.to_string())
    }

    /// Every registered table with its columns, one per line, for error messages.
    pub fn catalogue(&self) -> String {
        let mut out = String::new();
        for t in &self.tables {
            let cols = self
                .describe(&format!("SELECT * FROM {}", ident(t)))
                .map(|c| c.into_iter().map(|(n, _)| n).collect::<Vec<_>>().join(", "))
                .unwrap_or_default();
            out.push_str(&format!("\n  {t}: {cols}"));
        }
        out
    }
}

/// DuckDB's message; its advice to install an extension is replaced by what is possible.
fn explain(e: &str) -> String {
    match e.split_once("\n\nPlease try installing") {
        Some((head, _)) => format!(
            "{head}\n`handoff query` cannot install or load DuckDB extensions: the built-in functions and the Parquet and CSV readers are what is available"
        ),
        None => e.to_string(),
    }
}

/// The Parquet DuckDB wrote, read back.
fn read_result(path: &Path) -> PolarsResult<DataFrame> {
    let file = std::fs::File::open(path).map_err(|e| polars_err!(ComputeError: "{e}"))?;
    ParquetReader::new(file).finish()
}

/// The type a result column is cast to before it leaves DuckDB, or `None` to keep it.
fn output_type(ty: &str) -> Option<&'static str> {
    let t = ty.to_ascii_uppercase();
    match t.as_str() {
        "HUGEINT" => Some("BIGINT"),
        "UHUGEINT" => Some("UBIGINT"),
        "TINYINT" | "SMALLINT" | "UTINYINT" | "USMALLINT" => Some("INTEGER"),
        "TIMESTAMP WITH TIME ZONE" => Some("TIMESTAMP"),
        "TIMESTAMP_S" | "TIMESTAMP_MS" | "TIMESTAMP_NS" => Some("TIMESTAMP"),
        "BOOLEAN" | "INTEGER" | "BIGINT" | "UINTEGER" | "UBIGINT" | "FLOAT" | "DOUBLE"
        | "VARCHAR" | "DATE" | "TIMESTAMP" => None,
        _ if t.starts_with("DECIMAL") && !t.ends_with(']') => Some("DOUBLE"),
        // Lists (array_agg), structs, maps, intervals, times, UUIDs …: DuckDB's own text,
        // whole (polars would print a long list cut short with `…`).
        _ => Some("VARCHAR"),
    }
}

/// Output names: DuckDB's `count_star()` as `count`, duplicates numbered `_2`, `_3` ….
fn unique_names(columns: &[(String, String)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(columns.len());
    for (name, _) in columns {
        let base = if name == "count_star()" {
            "count".to_string()
        } else {
            name.clone()
        };
        let mut candidate = base.clone();
        let mut k = 2;
        while out.contains(&candidate) {
            candidate = format!("{base}_{k}");
            k += 1;
        }
        out.push(candidate);
    }
    out
}

/// A quoted SQL identifier.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A quoted SQL string literal.
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// A private folder under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> anyhow::Result<TempDir> {
        static SEQ: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let p = std::env::temp_dir().join(format!(
            "handoff-sql-{}-{nanos}-{}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&p).with_context(|| format!("creating {}", p.display()))?;
        Ok(TempDir(p))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_types() {
        assert_eq!(output_type("HUGEINT"), Some("BIGINT"));
        assert_eq!(output_type("DECIMAL(18,3)"), Some("DOUBLE"));
        assert_eq!(output_type("INTERVAL"), Some("VARCHAR"));
        assert_eq!(output_type("STRUCT(a INTEGER)"), Some("VARCHAR"));
        assert_eq!(output_type("VARCHAR[]"), Some("VARCHAR"));
        assert_eq!(output_type("DECIMAL(2,1)[]"), Some("VARCHAR"));
        assert_eq!(output_type("TIMESTAMP"), None);
    }

    #[test]
    fn names_are_unique_and_count_is_count() {
        let cols: Vec<(String, String)> = ["count_star()", "min(x)", "count", "a", "a"]
            .iter()
            .map(|n| (n.to_string(), "BIGINT".to_string()))
            .collect();
        assert_eq!(
            unique_names(&cols),
            ["count", "min(x)", "count_2", "a", "a_2"]
        );
    }
}
