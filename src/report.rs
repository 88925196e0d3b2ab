//! The report pipeline: ingest → fact table → metrics → custom analyses → the rendered
//! files, which `handoff report` hands to [`crate::output`] to write. Also the pipeline
//! entry used by `query` and the tests.

use std::path::{Path, PathBuf};

use anyhow::Context;
use polars::prelude::*;

use crate::commands::Resolved;
use crate::error::invalid;
use crate::ingest::{self, Ingested};
use crate::logging;
use crate::metrics::{self, Computed};
use crate::model::{self, ModelParams};
use crate::period::Period;
use crate::render;
use crate::sql::{self, CustomAnalysis};
use serde_json::{json, Value};

/// Ingest, keeping the columns `keep` says, and fail with exit 3 when validation fails.
pub fn load(r: &Resolved, keep: ingest::Keep) -> anyhow::Result<Ingested> {
    let ing = ingest::ingest_keeping(&r.data, &r.settings, r.as_of, r.strict, keep)
        .with_context(|| format!("reading {}", r.data.display()))?;
    if !ing.fatal.is_empty() {
        return Err(invalid(format!(
            "input data failed validation; nothing written:\n  {}",
            ing.fatal.join("\n  ")
        )));
    }
    Ok(ing)
}

/// The collected fact table.
pub fn fact_table(ing: &Ingested, params: &ModelParams) -> anyhow::Result<DataFrame> {
    let parts = fact_parts(ing, params)?;
    fact_table_from(ing, params, parts)
}

/// The parts of the fact table, the only step of it that reads input rows: a caller may
/// free those rows before [`fact_table_from`] (peak memory, issue #17).
pub fn fact_parts(ing: &Ingested, params: &ModelParams) -> anyhow::Result<model::Parts> {
    anyhow::Context::context(model::parts(ing, params), "building the fact table")?
        .context("deals table missing")
}

/// [`fact_parts`], freeing on the way every input row no metric reads
/// ([`metrics::release_unread`]): the snapshot rows as soon as the snapshot windows are
/// made, the other tables' once all parts are. For a report without custom queries.
pub fn fact_parts_freeing(
    ing: &mut Ingested,
    params: &ModelParams,
) -> anyhow::Result<model::Parts> {
    let parts = model::parts_freeing(ing, params, metrics::release_snapshot_rows);
    let parts = anyhow::Context::context(parts, "building the fact table")?
        .context("deals table missing")?;
    ing.release_except(&metrics::INPUTS_READ);
    Ok(parts)
}

/// The fact table assembled from its parts.
pub fn fact_table_from(
    ing: &Ingested,
    params: &ModelParams,
    parts: model::Parts,
) -> anyhow::Result<DataFrame> {
    anyhow::Context::context(
        model::assemble(ing, params, parts),
        "building the fact table",
    )
}

/// The model parameters a resolved command line gives.
pub fn params(r: &Resolved) -> ModelParams {
    ModelParams {
        as_of: r.as_of,
        settings: r.settings.clone(),
    }
}

/// Ingest and build the fact table: what both `report` and `query` start from.
pub fn prepare(r: &Resolved) -> anyhow::Result<(Ingested, ModelParams, DataFrame)> {
    let ing = load(r, ingest::Keep::All)?;
    let params = params(r);
    let facts = fact_table(&ing, &params)?;
    Ok((ing, params, facts))
}

/// Run the whole computation for a period.
pub fn compute(r: &Resolved, period: Period) -> anyhow::Result<(Ingested, DataFrame, Computed)> {
    let (ing, params, facts) = prepare(r)?;
    let computed = metrics::compute(&facts, &ing, &params, period)?;
    Ok((ing, facts, computed))
}

/// Run the analysts' own queries over the same registered tables as `handoff query`, with
/// the cohorts the metrics used.
pub fn custom_analyses(
    ing: &Ingested,
    cohorts: &metrics::cohort::Cohorts,
    files: &[PathBuf],
) -> Vec<CustomAnalysis> {
    if files.is_empty() {
        return Vec::new();
    }
    match sql::Engine::new(ing, cohorts) {
        Ok(engine) => sql::run_custom(&engine, files),
        Err(e) => sql::failed_custom(files, &format!("{e:#}")),
    }
}

/// Put the custom analyses into the report: `custom_analyses` in `metrics.json` (always
/// present, `[]` when there are none) and a `custom_NAME` table for each query that ran.
pub fn attach_custom(computed: &mut Computed, custom: Vec<CustomAnalysis>) {
    let mut entries = Vec::new();
    for c in custom {
        let file = Path::new(&c.file)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_else(|| c.file.clone());
        let (rows, columns, error) = match &c.result {
            Ok(df) => (
                json!(df.height()),
                json!(df
                    .get_column_names()
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()),
                Value::Null,
            ),
            Err(e) => (Value::Null, Value::Null, json!(e)),
        };
        entries.push(json!({
            "name": c.name,
            "file": file,
            "description": c.description,
            "table": c.table_name(),
            "rows": rows,
            "columns": columns,
            "error": error,
        }));
        let table = c.table_name();
        if let Ok(df) = c.result {
            computed.tables.push((table, df));
        }
    }
    if let Value::Object(m) = &mut computed.metrics {
        m.insert("custom_analyses".into(), Value::Array(entries));
    }
}

/// Each table of the report as `tables/NAME.csv` and `tables/NAME.parquet` (and the data
/// quality table as `data-quality.csv` too).
fn table_files(computed: &Computed) -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = Vec::new();
    for (name, df) in &computed.tables {
        let csv = render::tables::to_csv(df)?;
        if name == "data_quality" {
            files.push((PathBuf::from("data-quality.csv"), csv.clone()));
        }
        files.push((PathBuf::from(format!("tables/{name}.csv")), csv));
        files.push((
            PathBuf::from(format!("tables/{name}.parquet")),
            render::tables::to_parquet(df)?,
        ));
    }
    Ok(files)
}

/// The bytes of every output file, by relative path, but for
/// `tables/handoff_facts.parquet` ([`sql::facts_file`]), which the caller makes and writes
/// on a thread of its own.
pub fn render_files(computed: &Computed) -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = Vec::new();
    let mut json = serde_json::to_vec_pretty(&computed.metrics)?;
    json.push(b'\n');
    files.push((PathBuf::from("metrics.json"), json));
    let view = render::ReportView {
        metrics: &computed.metrics,
        tables: &computed.tables,
        settings: &computed.settings,
    };
    // The tables' CSV and Parquet are made on a second thread while the charts are drawn;
    // then the two documents, which embed the charts, are written one beside the other
    // (each sets the report's language on its own thread).
    let (tables, documents) = crate::parallel::join(
        || logging::timed("render: tables", || table_files(computed)),
        || -> anyhow::Result<_> {
            let charts = logging::timed("render: charts", || render::charts::charts(&view))?;
            let (html, markdown) = crate::parallel::join(
                || logging::timed("render: html", || render::html::html(&view, &charts)),
                || {
                    logging::timed("render: markdown", || {
                        render::markdown::markdown(&view, &charts)
                    })
                },
            );
            Ok((charts, html, markdown))
        },
    );
    let (charts, html, markdown) = documents?;
    files.push((PathBuf::from("index.html"), html.into_bytes()));
    files.push((PathBuf::from("report.md"), markdown.into_bytes()));
    for c in &charts {
        files.push((
            PathBuf::from(format!("charts/{}.svg", c.name)),
            c.svg.clone().into_bytes(),
        ));
        files.push((
            PathBuf::from(format!("charts/{}.png", c.name)),
            c.png.clone(),
        ));
    }
    files.extend(tables?);
    Ok(files)
}
