//! Where rows go: one [`Table`] per input table, written as CSV (every cell through
//! `messy.rs`) or as typed Parquet in row groups, under a temporary name until the run
//! finishes.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use polars::io::parquet::write::BatchedWriter;
use polars::prelude::{
    BooleanChunked, Column, DataFrame, DataType, Field, Float64Chunked, Int32Chunked, Int64Chunked,
    IntoColumn, NewChunkedArray, ParquetCompression, ParquetWriter, PlSmallStr, Schema,
    StringChunkedBuilder, TimeUnit, TimeZone,
};

use super::cells::{style, Style, V};
use super::messy::format_cell;
use super::rng::Rng;
use super::DataFormat;
use crate::schema::TableSpec;

/// Rows per Parquet row group (and per buffered chunk).
const CHUNK_ROWS: usize = 200_000;

struct CsvSink {
    w: csv::Writer<BufWriter<File>>,
    buf: String,
}

enum ColBuf {
    Str(StringChunkedBuilder),
    F64(Vec<Option<f64>>),
    I64(Vec<Option<i64>>),
    Bool(Vec<Option<bool>>),
    Date(Vec<Option<i32>>),
    Stamp(Vec<Option<i64>>),
}

fn parquet_dtype(style: Style) -> DataType {
    match style {
        Style::Text | Style::Segment | Style::Info => DataType::String,
        Style::Money | Style::Num(_) | Style::Check => DataType::Float64,
        Style::Int => DataType::Int64,
        Style::Bool => DataType::Boolean,
        Style::Date => DataType::Date,
        Style::Stamp | Style::StampOrDate => {
            DataType::Datetime(TimeUnit::Microseconds, Some(TimeZone::UTC))
        }
    }
}

fn new_colbuf(name: &str, style: Style) -> ColBuf {
    match parquet_dtype(style) {
        DataType::String => ColBuf::Str(StringChunkedBuilder::new(name.into(), 1024)),
        DataType::Float64 => ColBuf::F64(Vec::new()),
        DataType::Int64 => ColBuf::I64(Vec::new()),
        DataType::Boolean => ColBuf::Bool(Vec::new()),
        DataType::Date => ColBuf::Date(Vec::new()),
        _ => ColBuf::Stamp(Vec::new()),
    }
}

struct ParquetSink {
    writer: BatchedWriter<File>,
    cols: Vec<ColBuf>,
    len: usize,
}

impl ParquetSink {
    fn push(&mut self, vals: &[V<'_>]) -> std::result::Result<(), String> {
        for (col, v) in self.cols.iter_mut().zip(vals) {
            match (col, *v) {
                (ColBuf::Str(b), V::S(s)) => b.append_value(s),
                (ColBuf::Str(b), V::Null) => b.append_null(),
                (ColBuf::F64(c), V::F(x)) => c.push(Some(x)),
                (ColBuf::F64(c), V::I(x)) => c.push(Some(x as f64)),
                (ColBuf::F64(c), V::Null) => c.push(None),
                (ColBuf::I64(c), V::I(x)) => c.push(Some(x)),
                (ColBuf::I64(c), V::Null) => c.push(None),
                (ColBuf::Bool(c), V::B(x)) => c.push(Some(x)),
                (ColBuf::Bool(c), V::Null) => c.push(None),
                (ColBuf::Date(c), V::D(x)) => c.push(Some(x as i32)),
                (ColBuf::Date(c), V::Null) => c.push(None),
                (ColBuf::Stamp(c), V::T(x)) => c.push(Some(x)),
                (ColBuf::Stamp(c), V::Null) => c.push(None),
                (_, v) => {
                    return Err(format!(
                        "internal error: value {v:?} in a mismatched column"
                    ))
                }
            }
        }
        self.len += 1;
        Ok(())
    }

    fn flush(&mut self, spec: &TableSpec, styles: &[Style]) -> Result<()> {
        if self.len == 0 {
            return Ok(());
        }
        let mut columns = Vec::with_capacity(self.cols.len());
        for ((col, spec), style) in self.cols.iter_mut().zip(spec.columns).zip(styles) {
            let name = PlSmallStr::from(spec.name);
            let column: Column = match col {
                ColBuf::Str(b) => {
                    let full = std::mem::replace(b, StringChunkedBuilder::new(name, 1024));
                    full.finish().into_column()
                }
                ColBuf::F64(c) => {
                    Float64Chunked::from_iter_options(name, c.drain(..)).into_column()
                }
                ColBuf::I64(c) => Int64Chunked::from_iter_options(name, c.drain(..)).into_column(),
                ColBuf::Bool(c) => {
                    BooleanChunked::from_iter_options(name, c.drain(..)).into_column()
                }
                ColBuf::Date(c) => Int32Chunked::from_iter_options(name, c.drain(..))
                    .into_date()
                    .into_column(),
                ColBuf::Stamp(c) => Int64Chunked::from_iter_options(name, c.drain(..))
                    .into_datetime(parquet_time_unit(), Some(TimeZone::UTC))
                    .into_column(),
            };
            debug_assert_eq!(column.dtype(), &parquet_dtype(*style));
            columns.push(column);
        }
        let df = DataFrame::new(self.len, columns)?;
        self.writer.write_batch(&df)?;
        self.len = 0;
        Ok(())
    }
}

fn parquet_time_unit() -> TimeUnit {
    TimeUnit::Microseconds
}

enum Sink {
    Csv(Box<CsvSink>),
    Parquet(Box<ParquetSink>),
}

pub(super) struct Table {
    pub(super) spec: &'static TableSpec,
    /// How each column is written, in schema order.
    styles: Vec<Style>,
    sink: Sink,
    rows: u64,
    pub(super) tmp: PathBuf,
    pub(super) dest: PathBuf,
}

impl Table {
    pub(super) fn open(dir: &Path, spec: &'static TableSpec, format: DataFormat) -> Result<Table> {
        let styles: Vec<Style> = spec.columns.iter().map(style).collect();
        let ext = match format {
            DataFormat::Csv => "csv",
            DataFormat::Parquet => "parquet",
        };
        let dest = dir.join(format!("{}.{ext}", spec.name));
        let tmp = dir.join(format!(".{}.{ext}.partial", spec.name));
        let file = File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        let sink = match format {
            DataFormat::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(BufWriter::with_capacity(1 << 17, file));
                w.write_record(spec.columns.iter().map(|c| c.name))
                    .with_context(|| format!("writing {}", dest.display()))?;
                Sink::Csv(Box::new(CsvSink {
                    w,
                    buf: String::with_capacity(64),
                }))
            }
            DataFormat::Parquet => {
                let schema: Schema = spec
                    .columns
                    .iter()
                    .zip(&styles)
                    .map(|(c, s)| Field::new(c.name.into(), parquet_dtype(*s)))
                    .collect();
                let writer = ParquetWriter::new(file)
                    .with_compression(ParquetCompression::Zstd(None))
                    .batched(&schema)
                    .with_context(|| format!("writing {}", dest.display()))?;
                let cols = spec
                    .columns
                    .iter()
                    .zip(&styles)
                    .map(|(c, s)| new_colbuf(c.name, *s))
                    .collect();
                Sink::Parquet(Box::new(ParquetSink {
                    writer,
                    cols,
                    len: 0,
                }))
            }
        };
        Ok(Table {
            spec,
            styles,
            sink,
            rows: 0,
            tmp,
            dest,
        })
    }

    pub(super) fn row(&mut self, vals: &[V<'_>], fmt: &mut Rng) -> Result<()> {
        debug_assert_eq!(vals.len(), self.spec.columns.len());
        self.rows += 1;
        match &mut self.sink {
            Sink::Csv(c) => {
                for (v, style) in vals.iter().zip(&self.styles) {
                    c.buf.clear();
                    format_cell(&mut c.buf, *v, *style, fmt);
                    c.w.write_field(c.buf.as_bytes())
                        .with_context(|| format!("writing {}", self.dest.display()))?;
                }
                c.w.write_record(std::iter::empty::<&[u8]>())
                    .with_context(|| format!("writing {}", self.dest.display()))?;
            }
            Sink::Parquet(p) => {
                p.push(vals).map_err(|e| anyhow!(e))?;
                if p.len >= CHUNK_ROWS {
                    p.flush(self.spec, &self.styles)
                        .with_context(|| format!("writing {}", self.dest.display()))?;
                }
            }
        }
        Ok(())
    }

    /// Flushes and closes the temporary file; returns the rows written.
    pub(super) fn finish(self) -> Result<u64> {
        let dest = self.dest.display().to_string();
        match self.sink {
            Sink::Csv(c) => {
                let buf =
                    c.w.into_inner()
                        .map_err(|e| anyhow!("{}", e.error()))
                        .with_context(|| format!("writing {dest}"))?;
                let file = buf
                    .into_inner()
                    .map_err(|e| anyhow!("{}", e.error()))
                    .with_context(|| format!("writing {dest}"))?;
                file.sync_all().with_context(|| format!("writing {dest}"))?;
            }
            Sink::Parquet(mut p) => {
                p.flush(self.spec, &self.styles)
                    .with_context(|| format!("writing {dest}"))?;
                p.writer
                    .finish()
                    .with_context(|| format!("writing {dest}"))?;
            }
        }
        Ok(self.rows)
    }
}
