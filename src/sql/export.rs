//! The tables the SQL engine reads, as the pipeline made them: `handoff_facts` (every deal,
//! with the `*_due` deadlines as timestamps and one boolean column per cohort) and the used
//! rows of every input table, written as Parquet. The same `handoff_facts` goes into each
//! report folder as `tables/handoff_facts.parquet`, so any engine can query exactly that
//! report's numbers; the cohort views are filters on its flags ([`COHORT_FLAGS`]).

use std::path::Path;

use polars::prelude::*;

use crate::ingest::Ingested;
use crate::metrics::cohort::{closed_between, CloseRange, Cohorts};
use crate::schema as s;

/// Each cohort flag column of `handoff_facts` and the view it defines (METRICS.md §4.1).
pub const COHORT_FLAGS: [(&str, &str); 3] = [
    ("in_period", "period_facts"),
    ("in_trailing", "trailing_facts"),
    ("in_mature", "mature_facts"),
];

/// `handoff_facts` as queries see it: the fact table (every deal, the survival cohort) with
/// the `*_due` deadlines as `datetime[μs]` and the cohort flags appended, `ranges` the
/// close-date ranges of the flagged cohorts ([`crate::metrics::cohort::ranges`]).
pub fn handoff_facts(facts: &DataFrame, ranges: [CloseRange; 3]) -> PolarsResult<DataFrame> {
    let mut lf = facts.clone().lazy();
    let dues: Vec<Expr> = s::ACTIVITIES
        .iter()
        .map(|a| s::sla_due(a))
        .filter(|c| facts.column(c).is_ok_and(|c| c.dtype().is_integer()))
        .map(|c| col(c.as_str()).cast(DataType::Datetime(TimeUnit::Microseconds, None)))
        .collect();
    if !dues.is_empty() {
        lf = lf.with_columns(dues);
    }
    // Each cohort is the survival rows in its close-date range: the flag is the same test.
    let flags: Vec<Expr> = COHORT_FLAGS
        .iter()
        .zip(ranges)
        .map(|((flag, _), (lo, hi))| closed_between(lo, hi).alias(*flag))
        .collect();
    lf.with_columns(flags).collect()
}

/// Where the report's fact table goes, relative to the report folder.
pub const FACTS_FILE: &str = "tables/handoff_facts.parquet";

/// The report's `tables/handoff_facts.parquet` ([`FACTS_FILE`]; text cells formula-safe,
/// as every table of the report, METRICS.md §5), written into `out` as it is encoded.
pub fn facts_file(
    facts: &DataFrame,
    ranges: [CloseRange; 3],
    out: impl std::io::Write,
) -> anyhow::Result<()> {
    let df = anyhow::Context::context(
        handoff_facts(facts, ranges),
        "building handoff_facts for tables/",
    )?;
    crate::render::tables::write_parquet(&df, out)
}

/// Write `handoff_facts` and every present input table (without the `_line` and `_deal`
/// bookkeeping columns) as `DIR/NAME.parquet`; returns the table names written.
pub fn write_tables(dir: &Path, ing: &Ingested, cohorts: &Cohorts) -> anyhow::Result<Vec<String>> {
    let mut names = Vec::new();
    let mut facts = anyhow::Context::context(
        handoff_facts(&cohorts.survival, cohorts.ranges),
        "building handoff_facts",
    )?;
    write(dir, "handoff_facts", &mut facts)?;
    names.push("handoff_facts".to_string());
    for (name, df) in &ing.tables {
        let bookkeeping = [s::LINE, crate::ingest::keys::DEAL_KEY];
        let mut df = df.drop_many(bookkeeping.into_iter().filter(|c| df.column(c).is_ok()));
        write(dir, name, &mut df)?;
        names.push(name.to_string());
    }
    Ok(names)
}

fn write(dir: &Path, name: &str, df: &mut DataFrame) -> anyhow::Result<()> {
    let path = dir.join(format!("{name}.parquet"));
    let written = std::fs::File::create(&path)
        .map_err(anyhow::Error::from)
        .and_then(|file| {
            ParquetWriter::new(file)
                .with_compression(ParquetCompression::Uncompressed)
                .finish(df)
                .map_err(anyhow::Error::from)
        });
    anyhow::Context::with_context(written, || format!("writing {}", path.display()))?;
    Ok(())
}
