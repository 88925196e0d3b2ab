//! `handoff query`: one SQL statement over the data folder's tables and a period's cohort
//! views, printed or written as a table, CSV, Parquet, Markdown or JSON.

use std::io::Write;

use anyhow::Context;

use super::resolve::resolve;
use crate::cli::{self, DataArgs};
use crate::error::{exit, usage};
use crate::{metrics, period, render, report, sql};

/// The SQL engine over a data folder's tables and the cohort views of a period (default:
/// the last complete month on or before the as-of date): what `handoff query` runs on.
pub fn query_engine(
    data: &DataArgs,
    period: Option<period::Period>,
) -> anyhow::Result<sql::Engine> {
    let r = resolve(data)?;
    let period = period.unwrap_or_else(|| period::Period::default_for(r.as_of));
    let (ing, params, facts) = report::prepare(&r)?;
    let ctx = metrics::Ctx {
        facts: &facts,
        ing: &ing,
        params: &params,
        period,
    };
    let cohorts = metrics::cohort::Cohorts::new(&ctx)?;
    sql::Engine::new(&ing, &cohorts)
}

/// Run `handoff query`.
pub fn run(args: &cli::QueryArgs) -> anyhow::Result<u8> {
    use cli::QueryFormat;
    let (name, text) = sql::sql_text(&args.sql)?;
    let engine = query_engine(&args.data, args.period)?;
    let df = sql::run(&engine, &name, &text)?;
    let bytes = match args.format {
        QueryFormat::Table => format!("{df}\n").into_bytes(),
        QueryFormat::Csv => render::tables::to_csv(&df)?,
        QueryFormat::Parquet => {
            if args.output.is_none() {
                return Err(usage("--format parquet needs --output FILE"));
            }
            render::tables::to_parquet(&df)?
        }
        QueryFormat::Markdown => sql::to_markdown(&df).into_bytes(),
        QueryFormat::Json => sql::to_json(&df)?,
    };
    match &args.output {
        Some(p) => std::fs::write(p, &bytes).with_context(|| format!("writing {}", p.display()))?,
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    Ok(exit::SUCCESS)
}
