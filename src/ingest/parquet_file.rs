//! Reading a Parquet input file: its value counts are checked first ([`super::parquet_check`]:
//! some damage aborts polars), then polars reads it (inside a guard that turns polars' panics
//! on damaged files into an error naming the file), clean typed columns take the columnar
//! fast path ([`super::columnar`]), anything else goes row by row through the row parser
//! ([`super::rows`]), as CSV does.

use std::io::Read;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Context;
use polars::prelude::*;

use super::cells::{raw_text, Cell};
use super::read::{clip, Fatal, ParsedTable, ReadOptions};
use super::rows::sink_for;
use crate::config::Settings;
use crate::schema::TableSpec;

/// Column values of a Parquet column as cells, by dtype.
enum ParquetCol {
    Absent,
    Text(StringChunked),
    Float(Float64Chunked),
    Micros(Int64Chunked),
    Days(Int32Chunked),
    Bool(BooleanChunked),
}

impl ParquetCol {
    fn from_column(c: &Column) -> PolarsResult<ParquetCol> {
        let s = c.as_materialized_series().rechunk();
        Ok(match s.dtype() {
            DataType::String => ParquetCol::Text(s.str()?.clone()),
            DataType::Boolean => ParquetCol::Bool(s.bool()?.clone()),
            DataType::Date => ParquetCol::Days(s.cast(&DataType::Int32)?.i32()?.clone()),
            DataType::Datetime(_, tz) => ParquetCol::Micros(
                s.cast(&DataType::Datetime(TimeUnit::Microseconds, tz.clone()))?
                    .cast(&DataType::Int64)?
                    .i64()?
                    .clone(),
            ),
            dt if dt.is_primitive_numeric() => {
                ParquetCol::Float(s.cast(&DataType::Float64)?.f64()?.clone())
            }
            _ => ParquetCol::Text(s.cast(&DataType::String)?.str()?.clone()),
        })
    }

    fn get(&self, i: usize) -> Option<Cell<'_>> {
        Some(match self {
            ParquetCol::Absent => return None,
            ParquetCol::Text(c) => c.get(i).map(Cell::Text).unwrap_or(Cell::Null),
            ParquetCol::Float(c) => c.get(i).map(Cell::Float).unwrap_or(Cell::Null),
            ParquetCol::Micros(c) => c.get(i).map(Cell::Micros).unwrap_or(Cell::Null),
            ParquetCol::Days(c) => c.get(i).map(Cell::Days).unwrap_or(Cell::Null),
            ParquetCol::Bool(c) => c.get(i).map(Cell::Bool).unwrap_or(Cell::Null),
        })
    }
}

/// How many guarded Parquet reads are running (see [`without_panics`]).
static GUARDED: AtomicUsize = AtomicUsize::new(0);

/// Run `f`, turning a panic inside polars into an error message. polars' Parquet reader
/// panics on some damaged files (a corrupt footer); a damaged input must exit 3 with a
/// message naming the file, not crash. While a guarded call runs, the panic hook stays quiet
/// for panics raised in polars' own source; every other panic is reported as usual.
fn without_panics<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_polars = info.location().is_some_and(|l| l.file().contains("polars"));
            if !(in_polars && GUARDED.load(Ordering::SeqCst) > 0) {
                previous(info);
            }
        }));
    });
    GUARDED.fetch_add(1, Ordering::SeqCst);
    let result = std::panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.fetch_sub(1, Ordering::SeqCst);
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic in the Parquet reader".to_string())
    })
}

/// Read a Parquet file. Row `i` is reported as line `i + 2` (as if a header were line 1).
pub fn read_parquet(
    path: &Path,
    table: &'static TableSpec,
    settings: &Settings,
    options: ReadOptions,
) -> anyhow::Result<Result<ParsedTable, Fatal>> {
    let ReadOptions {
        accounts, columnar, ..
    } = options;
    let file = path.display().to_string();
    let f = std::fs::File::open(path).with_context(|| format!("opening {file}"))?;
    // Projection pushdown: the footer gives the header; only the columns the mapping uses
    // (canonical columns and `[filters]` columns) are decoded.
    let mut reader = ParquetReader::new(f);
    // Counts polars would trust are checked first: some damage aborts the process in polars.
    let started = std::time::Instant::now();
    let checked = super::parquet_check::check(path).map(|pages| {
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        tracing::debug!("{file}: {pages} page headers checked: {ms:.0} ms");
    });
    let names = checked
        .and_then(|()| without_panics(|| reader.schema()))
        .and_then(|r| r.map_err(|e| e.to_string()))
        .map(|schema| {
            schema
                .iter_names()
                .map(|n| n.to_string())
                .collect::<Vec<String>>()
        });
    let mut mapped = None;
    let read = names.and_then(|header| {
        let sink = match sink_for(table, settings, &header, &file, accounts) {
            Ok(s) => s,
            Err(f) => return Ok(Err(f)),
        };
        let plan = sink.plan();
        let mut used: Vec<usize> = plan.index.iter().flatten().copied().collect();
        used.extend(plan.filters.iter().map(|f| f.1));
        used.sort_unstable();
        used.dedup();
        mapped = Some((sink, header));
        let projection = (!used.is_empty()).then_some(used);
        let decode = || reader.with_projection(projection).finish();
        without_panics(|| crate::logging::timed(&format!("{file}: decoded"), decode))
            .and_then(|r| r.map_err(|e| e.to_string()))
            .map(Ok)
    });
    let df = match read {
        Ok(Ok(df)) => df,
        Ok(Err(fatal)) => return Ok(Err(fatal)),
        Err(why) => {
            let mut magic = Vec::with_capacity(4);
            if let Ok(f) = std::fs::File::open(path) {
                let _ = f.take(4).read_to_end(&mut magic);
            }
            let hint = if magic == b"PAR1" {
                "the file is damaged or truncated"
            } else {
                "the file is not Parquet (no PAR1 magic); is it a CSV named .parquet?"
            };
            return Ok(Err(Fatal(format!(
                "{file}: table {}: cannot read Parquet: {hint} ({})",
                table.name,
                clip(why)
            ))));
        }
    };
    let Some((mut sink, header)) = mapped else {
        return Ok(Err(Fatal(format!(
            "{file}: table {}: no header",
            table.name
        ))));
    };
    // Header positions → positions in the projected frame.
    let at = |i: usize| header.get(i).and_then(|n| df.get_column_index(n));
    let index: Vec<Option<usize>> = sink.plan().index.iter().map(|i| i.and_then(at)).collect();
    // Clean typed columns are taken over whole; anything else goes through the row parser.
    let plain = settings.mapping.is_plain(table.name)
        && accounts.is_none()
        && table.name != crate::schema::ACCOUNTS;
    if columnar && plain {
        // Guarded too: a column polars decoded from a damaged schema can panic when used.
        let fast = || without_panics(|| super::columnar::try_fast(&df, &index, table, &file));
        match crate::logging::timed(&format!("{file}: columnar checks"), fast) {
            Ok(Ok(Some(parsed))) => return Ok(Ok(parsed)),
            Ok(Ok(None)) => tracing::debug!("{file}: read row by row (not clean typed columns)"),
            Ok(Err(e)) => tracing::debug!("{file}: columnar path not taken: {e}"),
            Err(e) => tracing::debug!("{file}: columnar path not taken (polars panicked: {e})"),
        }
    }
    let mut cols = Vec::with_capacity(index.len());
    for (idx, spec) in index.iter().zip(table.columns) {
        let Some(i) = idx else {
            cols.push(ParquetCol::Absent);
            continue;
        };
        let c = &df.columns()[*i];
        match without_panics(|| ParquetCol::from_column(c)) {
            Ok(Ok(col)) => cols.push(col),
            Ok(Err(_)) | Err(_) => {
                let (name, dtype) = (c.name().as_str(), c.dtype());
                let msg = format!(
                    "{file}: table {}: column {name:?} (for {}) has type {dtype}, \
                     which cannot be read as {:?}",
                    table.name, spec.name, spec.kind
                );
                return Ok(Err(Fatal(msg)));
            }
        }
    }
    let mut filter_cols = std::collections::HashMap::new();
    for (name, i, _, _) in &sink.plan().filters {
        let column = at(*i).map(|k| &df.columns()[k]);
        match column.map(|c| without_panics(|| ParquetCol::from_column(c))) {
            Some(Ok(Ok(c))) => filter_cols.insert(*i, c),
            _ => {
                let msg = format!(
                    "{file}: config [filters.{}] {name}: the column's type cannot be compared",
                    table.name
                );
                return Ok(Err(Fatal(msg)));
            }
        };
    }
    let mut cells: Vec<Option<Cell>> = vec![None; table.columns.len()];
    // METRICS.md §3.2 `header_rows`: a converted CSV keeps its extra header rows as data rows.
    let first = settings.mapping.layout(table.name).extra_header_rows();
    for row in (first.min(df.height() as u64) as usize)..df.height() {
        for (slot, col) in cells.iter_mut().zip(&cols) {
            *slot = col.get(row);
        }
        let text = |i: usize| {
            filter_cols[&i]
                .get(row)
                .map(|c| raw_text(&c))
                .unwrap_or_default()
        };
        if let Some((column, value)) = sink.plan().filtered_by(text) {
            let id = cells[0].map(|c| raw_text(&c)).unwrap_or_default();
            sink.filter_out(row as u64 + 2, column, value, &id);
            continue;
        }
        sink.push(row as u64 + 2, &cells);
    }
    Ok(Ok(sink.finish(Vec::new())?))
}
