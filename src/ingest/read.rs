//! Reading one input file into a typed polars `DataFrame` of canonical columns: locate the
//! file (`.csv`, `.csv.gz`, `.parquet`), decode it (BOM, UTF-16, windows-1252 fallback),
//! split records (RFC 4180 via the `csv` crate, Salesforce footers skipped), map source
//! columns to canonical ones, and parse every cell by the SPEC §3 rules. Each row ends up
//! kept or rejected with its line, column, raw value and reason; nothing is dropped
//! silently.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context;
use polars::prelude::*;

use super::parse::{self, MICROS_PER_DAY};
use super::{Action, Issue};
use crate::config::Settings;
use crate::schema::{self, ColumnSpec, Kind, TableSpec};

/// A parsed table before the exclusion rules: the kept rows, plus what happened to the rest.
pub struct ParsedTable {
    pub file: String,
    pub df: DataFrame,
    pub rows_read: u64,
    pub rows_rejected: u64,
    pub issues: Vec<Issue>,
    pub warnings: Vec<String>,
    pub rejected_ids: Vec<String>,
}

/// A table-level problem that stops validation (missing file/column, unreadable file).
#[derive(Debug)]
pub struct Fatal(pub String);

/// Find `NAME.csv`, `NAME.csv.gz` or `NAME.parquet` in `dir`.
pub fn locate(dir: &Path, table: &str) -> Vec<PathBuf> {
    ["csv", "csv.gz", "parquet", "tsv"]
        .iter()
        .map(|ext| dir.join(format!("{table}.{ext}")))
        .filter(|p| p.is_file())
        .collect()
}

/// One cell as it comes from a file, before parsing.
#[derive(Clone, Copy)]
enum Cell<'a> {
    Null,
    Text(&'a str),
    Float(f64),
    Micros(i64),
    Days(i32),
    Bool(bool),
}

/// A parsed value.
#[derive(Clone)]
enum Value {
    Null,
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

/// Column buffers in the shape of the final DataFrame.
enum Buf {
    Text(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Days(Vec<Option<i32>>),
    Micros(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Bool(Vec<Option<bool>>),
}

impl Buf {
    fn for_kind(kind: Kind) -> Buf {
        match kind {
            Kind::Text => Buf::Text(Vec::new()),
            Kind::Date => Buf::Days(Vec::new()),
            Kind::DateTime => Buf::Micros(Vec::new()),
            Kind::Number | Kind::Fraction => Buf::Float(Vec::new()),
            Kind::Integer => Buf::Int(Vec::new()),
            Kind::Bool => Buf::Bool(Vec::new()),
        }
    }

    fn push(&mut self, v: &Value) {
        match (self, v) {
            (Buf::Text(b), Value::Text(s)) => b.push(Some(s.clone())),
            (Buf::Text(b), _) => b.push(None),
            (Buf::Int(b), Value::Int(x)) => b.push(Some(*x)),
            (Buf::Int(b), _) => b.push(None),
            (Buf::Days(b), Value::Int(x)) => b.push(Some(*x as i32)),
            (Buf::Days(b), _) => b.push(None),
            (Buf::Micros(b), Value::Int(x)) => b.push(Some(*x)),
            (Buf::Micros(b), _) => b.push(None),
            (Buf::Float(b), Value::Float(x)) => b.push(Some(*x)),
            (Buf::Float(b), _) => b.push(None),
            (Buf::Bool(b), Value::Bool(x)) => b.push(Some(*x)),
            (Buf::Bool(b), _) => b.push(None),
        }
    }

    fn into_column(self, name: &str) -> PolarsResult<Column> {
        let name: PlSmallStr = name.into();
        Ok(match self {
            Buf::Text(v) => Column::new(name, v),
            Buf::Int(v) => Column::new(name, v),
            Buf::Float(v) => Column::new(name, v),
            Buf::Bool(v) => Column::new(name, v),
            Buf::Days(v) => Column::new(name, v).cast(&DataType::Date)?,
            Buf::Micros(v) => {
                Column::new(name, v).cast(&DataType::Datetime(TimeUnit::Microseconds, None))?
            }
        })
    }
}

fn is_blank(cell: &Cell) -> bool {
    match cell {
        Cell::Null => true,
        Cell::Text(s) => s.trim().is_empty(),
        _ => false,
    }
}

fn raw_text(cell: &Cell) -> String {
    match cell {
        Cell::Null => String::new(),
        Cell::Text(s) => s.to_string(),
        Cell::Float(f) => f.to_string(),
        Cell::Micros(m) => chrono::DateTime::from_timestamp_micros(*m)
            .map(|d| d.to_rfc3339())
            .unwrap_or_default(),
        Cell::Days(d) => chrono::DateTime::from_timestamp(*d as i64 * 86_400, 0)
            .map(|d| d.date_naive().to_string())
            .unwrap_or_default(),
        Cell::Bool(b) => b.to_string(),
    }
}

/// Parse one cell for a column; `Ok(Value::Null)` for blank.
fn parse_cell(cell: Cell, spec: &ColumnSpec, settings: &Settings) -> Result<Value, String> {
    if is_blank(&cell) {
        return Ok(match spec.kind {
            Kind::Bool => Value::Bool(false),
            _ => Value::Null,
        });
    }
    let fmt = settings.date_format.as_deref();
    let dc = settings.decimal_comma;
    let value = match (spec.kind, cell) {
        (Kind::Text, Cell::Text(s)) => match parse::parse_text(s)? {
            None => Value::Null,
            Some(t) => {
                if let Some(allowed) = spec.allowed {
                    let lower = t.to_lowercase().replace([' ', '-'], "_");
                    if !allowed.contains(&lower.as_str()) {
                        return Err(format!("not one of {}", allowed.join(", ")));
                    }
                    Value::Text(lower)
                } else {
                    Value::Text(t.to_string())
                }
            }
        },
        (Kind::Text, other) => Value::Text(raw_text(&other)),
        (Kind::DateTime, Cell::Text(s)) => Value::Int(parse::parse_datetime(s.trim(), fmt)?),
        (Kind::DateTime, Cell::Micros(m)) => Value::Int(m),
        (Kind::DateTime, Cell::Days(d)) => Value::Int(d as i64 * MICROS_PER_DAY),
        (Kind::Date, Cell::Text(s)) => Value::Int(parse::parse_date(s.trim(), fmt)? as i64),
        (Kind::Date, Cell::Days(d)) => Value::Int(d as i64),
        (Kind::Date, Cell::Micros(m)) => Value::Int(m.div_euclid(MICROS_PER_DAY)),
        (Kind::Number, Cell::Text(s)) => Value::Float(parse::parse_number(s, dc)?),
        (Kind::Number, Cell::Float(f)) => Value::Float(f),
        (Kind::Integer, Cell::Text(s)) => Value::Int(parse::parse_integer(s, dc)?),
        (Kind::Integer, Cell::Float(f)) if f.fract() == 0.0 && f.is_finite() => {
            Value::Int(f as i64)
        }
        (Kind::Bool, Cell::Text(s)) => Value::Bool(parse::parse_bool(s)?),
        (Kind::Bool, Cell::Bool(b)) => Value::Bool(b),
        (Kind::Bool, Cell::Float(f)) if f == 0.0 || f == 1.0 => Value::Bool(f == 1.0),
        (Kind::Fraction, Cell::Text(s)) => Value::Float(parse::parse_fraction(s, dc)?),
        (Kind::Fraction, Cell::Bool(b)) => Value::Float(if b { 1.0 } else { 0.0 }),
        (Kind::Fraction, Cell::Float(f)) if (0.0..=1.0).contains(&f) => Value::Float(f),
        (Kind::Fraction, Cell::Float(_)) => {
            return Err("out of range: must be a boolean or a number in [0, 1]".into())
        }
        _ => {
            return Err(format!(
                "a value of the wrong type for a {:?} column",
                spec.kind
            ))
        }
    };
    // Range checks.
    let num = match &value {
        Value::Float(f) => Some(*f),
        Value::Int(i) if matches!(spec.kind, Kind::Integer) => Some(*i as f64),
        _ => None,
    };
    if let Some(x) = num {
        if let Some((lo, exclusive)) = spec.min {
            if x < lo || (exclusive && x == lo) {
                let op = if exclusive { ">" } else { ">=" };
                return Err(format!("out of range: must be {op} {lo}"));
            }
        }
        if let Some(hi) = spec.max {
            if x > hi {
                return Err(format!("out of range: must be <= {hi}"));
            }
        }
    }
    Ok(value)
}

/// The per-row state machine shared by the CSV and Parquet paths.
struct RowSink<'s> {
    table: &'static TableSpec,
    settings: &'s Settings,
    file: String,
    bufs: Vec<Buf>,
    lines: Vec<i64>,
    row: Vec<Value>,
    issues: Vec<Issue>,
    rows_read: u64,
    rows_rejected: u64,
    unknown_segments: std::collections::BTreeMap<String, u64>,
    /// First-column values (ids) of rejected rows, so dependants can say why they are lost.
    rejected_ids: Vec<String>,
}

impl<'s> RowSink<'s> {
    fn new(table: &'static TableSpec, settings: &'s Settings, file: String) -> Self {
        RowSink {
            table,
            settings,
            file,
            bufs: table
                .columns
                .iter()
                .map(|c| Buf::for_kind(c.kind))
                .collect(),
            lines: Vec::new(),
            row: vec![Value::Null; table.columns.len()],
            issues: Vec::new(),
            rows_read: 0,
            rows_rejected: 0,
            unknown_segments: Default::default(),
            rejected_ids: Vec::new(),
        }
    }

    fn issue(&mut self, line: u64, column: &str, value: String, reason: String, action: Action) {
        self.issues.push(Issue {
            table: self.table.name,
            file: self.file.clone(),
            line,
            column: column.to_string(),
            value,
            reason,
            action,
        });
    }

    /// Reject a whole row for a structural reason (ragged, undecodable).
    fn reject_row(&mut self, line: u64, value: String, reason: String) {
        self.rows_read += 1;
        self.rows_rejected += 1;
        self.issue(line, "", value, reason, Action::Rejected);
    }

    /// Parse one row of cells (`None` = the column is absent from the file).
    fn push(&mut self, line: u64, cells: &[Option<Cell>]) {
        self.rows_read += 1;
        let mut rejected = false;
        for (i, spec) in self.table.columns.iter().enumerate() {
            let cell = cells[i].unwrap_or(Cell::Null);
            match parse_cell(cell, spec, self.settings) {
                Ok(Value::Null) if spec.required => {
                    rejected = true;
                    self.issue(
                        line,
                        spec.name,
                        raw_text(&cell),
                        "required value is missing".into(),
                        Action::Rejected,
                    );
                }
                Ok(v) => self.row[i] = v,
                Err(reason) => {
                    let action = if spec.required {
                        rejected = true;
                        Action::Rejected
                    } else {
                        Action::SetMissing
                    };
                    self.issue(line, spec.name, raw_text(&cell), reason, action);
                    self.row[i] = Value::Null;
                }
            }
        }
        if !rejected {
            rejected = self.row_rules(line);
        }
        if rejected {
            self.rows_rejected += 1;
            if let Some(Some(Cell::Text(id))) = cells.first() {
                self.rejected_ids.push(id.trim().to_string());
            }
            return;
        }
        for (buf, v) in self.bufs.iter_mut().zip(&self.row) {
            buf.push(v);
        }
        self.lines.push(line as i64);
    }

    /// Rules across columns of one row: segment normalisation, survey score ranges.
    fn row_rules(&mut self, line: u64) -> bool {
        let idx = |name: &str| self.table.columns.iter().position(|c| c.name == name);
        if self.table.name == schema::DEALS {
            if let Some(i) = idx(schema::SEGMENT) {
                if let Value::Text(s) = &self.row[i] {
                    let (seg, known) = parse::normalise_segment(s);
                    if !known {
                        *self.unknown_segments.entry(s.clone()).or_default() += 1;
                    }
                    self.row[i] = Value::Text(seg.to_string());
                }
            }
        }
        if self.table.name == schema::SURVEYS {
            if let (Some(k), Some(s)) = (idx(schema::KIND), idx(schema::SCORE)) {
                if let (Value::Text(kind), Value::Float(score)) = (&self.row[k], &self.row[s]) {
                    let (lo, hi) = if kind == "csat" {
                        (1.0, 5.0)
                    } else {
                        (0.0, 10.0)
                    };
                    if *score < lo || *score > hi {
                        let reason =
                            format!("out of range: a {kind} score must be in [{lo}, {hi}]");
                        let value = score.to_string();
                        self.issue(line, schema::SCORE, value, reason, Action::Rejected);
                        return true;
                    }
                }
            }
        }
        false
    }

    fn finish(self, mut warnings: Vec<String>) -> anyhow::Result<ParsedTable> {
        let mut cols = Vec::with_capacity(self.bufs.len() + 1);
        for (buf, spec) in self.bufs.into_iter().zip(self.table.columns) {
            cols.push(buf.into_column(spec.name)?);
        }
        cols.push(Column::new(schema::LINE.into(), self.lines));
        let df = DataFrame::new_infer_height(cols)?;
        for (seg, n) in &self.unknown_segments {
            warnings.push(format!(
                "{}: segment {seg:?} ({n} row{}) is not a known segment; counted as `other`",
                self.file,
                if *n == 1 { "" } else { "s" }
            ));
        }
        Ok(ParsedTable {
            file: self.file,
            df,
            rows_read: self.rows_read,
            rows_rejected: self.rows_rejected,
            issues: self.issues,
            warnings,
            rejected_ids: self.rejected_ids,
        })
    }
}

/// Map canonical column → index in the file's header, or a fatal error naming what is missing.
fn map_columns(
    table: &'static TableSpec,
    settings: &Settings,
    header: &[String],
    file: &str,
) -> Result<Vec<Option<usize>>, Fatal> {
    let mapping = settings.columns.get(table.name);
    let norm = |s: &str| s.trim().trim_start_matches('\u{feff}').to_lowercase();
    let mut missing = Vec::new();
    let mut out = Vec::with_capacity(table.columns.len());
    for spec in table.columns {
        let source = mapping
            .and_then(|m| m.get(spec.name))
            .map(String::as_str)
            .unwrap_or(spec.name);
        let pos = header
            .iter()
            .position(|h| h.trim().trim_start_matches('\u{feff}') == source)
            .or_else(|| header.iter().position(|h| norm(h) == norm(source)));
        if pos.is_none() && spec.required {
            missing.push(if source == spec.name {
                spec.name.to_string()
            } else {
                format!("{} (mapped from {source:?})", spec.name)
            });
        }
        out.push(pos);
    }
    if missing.is_empty() {
        return Ok(out);
    }
    let found = header
        .iter()
        .map(|h| format!("{:?}", h.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let mut msg = format!(
        "{file}: table {} is missing required column{} {}; columns found: {found}",
        table.name,
        if missing.len() == 1 { "" } else { "s" },
        missing.join(", ")
    );
    if header.len() == 1 {
        for (d, name) in [(';', "\";\""), ('\t', "\"tab\""), ('|', "\"|\"")] {
            if header[0].contains(d) {
                msg.push_str(&format!(
                    " (the header looks {name}-delimited: set delimiter = {name} in the config)"
                ));
            }
        }
    }
    Err(Fatal(msg))
}

/// Decode file bytes to UTF-8 text, with a warning when transcoding was needed.
fn decode(bytes: Vec<u8>, file: &str, warnings: &mut Vec<String>) -> String {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| {
                let (a, b) = (c[0], *c.get(1).unwrap_or(&0));
                if le {
                    u16::from_le_bytes([a, b])
                } else {
                    u16::from_be_bytes([a, b])
                }
            })
            .collect();
        warnings.push(format!("{file}: UTF-16 file transcoded to UTF-8"));
        return String::from_utf16_lossy(&units);
    }
    let bytes = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bytes = e.into_bytes();
            let bad = bytes.iter().position(|b| *b >= 0x80).unwrap_or(0);
            let line = 1 + bytes[..bad].iter().filter(|b| **b == b'\n').count();
            warnings.push(format!(
                "{file}: not valid UTF-8 (first at line {line}, byte {bad}: 0x{:02X}); read as windows-1252",
                bytes[bad]
            ));
            bytes.iter().map(|&b| cp1252(b)).collect()
        }
    }
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Salesforce (and similar) report footer lines.
fn is_footer(rec: &csv::StringRecord) -> bool {
    if rec.iter().skip(1).any(|f| !f.trim().is_empty()) {
        return false;
    }
    let first = rec.get(0).unwrap_or("").trim().to_lowercase();
    [
        "grand totals",
        "copyright",
        "©",
        "confidential information",
        "generated by",
        "total records",
    ]
    .iter()
    .any(|p| first.starts_with(p))
}

/// Read a CSV (optionally gzipped) file.
pub fn read_csv(
    path: &Path,
    table: &'static TableSpec,
    settings: &Settings,
) -> anyhow::Result<Result<ParsedTable, Fatal>> {
    let file = path.display().to_string();
    let mut bytes = Vec::new();
    let raw = std::fs::File::open(path).with_context(|| format!("opening {file}"))?;
    if file.ends_with(".gz") {
        if let Err(e) = flate2::read::MultiGzDecoder::new(raw).read_to_end(&mut bytes) {
            return Ok(Err(Fatal(format!("{file}: cannot decompress gzip: {e}"))));
        }
    } else {
        std::io::BufReader::new(raw)
            .read_to_end(&mut bytes)
            .with_context(|| format!("reading {file}"))?;
    }
    let mut warnings = Vec::new();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Ok(Err(Fatal(format!(
            "{file}: table {} is empty (no header line)",
            table.name
        ))));
    }
    let text = decode(bytes, &file, &mut warnings);
    let delimiter = if file.ends_with(".tsv") {
        b'\t'
    } else {
        settings.delimiter
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = rdr.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(str::to_string).collect(),
        Some(Err(e)) => return Ok(Err(Fatal(format!("{file}: cannot read the header: {e}")))),
        None => {
            return Ok(Err(Fatal(format!(
                "{file}: table {} is empty (no header line)",
                table.name
            ))))
        }
    };
    let index = match map_columns(table, settings, &header, &file) {
        Ok(i) => i,
        Err(f) => return Ok(Err(f)),
    };
    let mut sink = RowSink::new(table, settings, file.clone());
    let mut footer: Vec<(u64, csv::StringRecord)> = Vec::new();
    let width = header.len();
    for rec in records {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                sink.reject_row(line, String::new(), format!("unreadable CSV record: {e}"));
                continue;
            }
        };
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue; // blank line
        }
        if is_footer(&rec) {
            footer.push((line, rec));
            continue;
        }
        // A footer-looking line followed by data was data after all: reject it as ragged.
        for (l, r) in footer.drain(..) {
            let v = r.iter().collect::<Vec<_>>().join(",");
            sink.reject_row(
                l,
                v,
                format!("has {} field(s), the header has {width}", r.len()),
            );
        }
        let extra_blank = rec.len() > width && rec.iter().skip(width).all(|f| f.trim().is_empty());
        if rec.len() != width && !extra_blank {
            let v: String = rec
                .iter()
                .collect::<Vec<_>>()
                .join(",")
                .chars()
                .take(200)
                .collect();
            sink.reject_row(
                line,
                v,
                format!(
                    "has {} field(s), the header has {width} (ragged row or broken quoting)",
                    rec.len()
                ),
            );
            continue;
        }
        let cells: Vec<Option<Cell>> = index
            .iter()
            .map(|idx| idx.map(|i| Cell::Text(rec.get(i).unwrap_or(""))))
            .collect();
        sink.push(line, &cells);
    }
    if !footer.is_empty() {
        warnings.push(format!(
            "{file}: skipped {} report footer line(s) starting at line {} ({:?})",
            footer.len(),
            footer[0].0,
            footer[0].1.get(0).unwrap_or("").trim()
        ));
    }
    Ok(Ok(sink.finish(warnings)?))
}

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

/// Read a Parquet file. Row `i` is reported as line `i + 2` (as if a header were line 1).
pub fn read_parquet(
    path: &Path,
    table: &'static TableSpec,
    settings: &Settings,
) -> anyhow::Result<Result<ParsedTable, Fatal>> {
    let file = path.display().to_string();
    let f = std::fs::File::open(path).with_context(|| format!("opening {file}"))?;
    let df = match ParquetReader::new(f).finish() {
        Ok(df) => df,
        Err(e) => {
            let head = std::fs::read(path).unwrap_or_default();
            let hint = if head.starts_with(b"PAR1") {
                "the file is damaged or truncated"
            } else {
                "the file is not Parquet (no PAR1 magic); is it a CSV named .parquet?"
            };
            return Ok(Err(Fatal(format!(
                "{file}: cannot read Parquet: {hint} ({e})"
            ))));
        }
    };
    let header: Vec<String> = df
        .get_column_names()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let index = match map_columns(table, settings, &header, &file) {
        Ok(i) => i,
        Err(f) => return Ok(Err(f)),
    };
    let cols: Vec<ParquetCol> = index
        .iter()
        .map(|idx| match idx {
            Some(i) => ParquetCol::from_column(&df.columns()[*i]),
            None => Ok(ParquetCol::Absent),
        })
        .collect::<PolarsResult<_>>()?;
    let mut sink = RowSink::new(table, settings, file);
    let mut cells: Vec<Option<Cell>> = vec![None; table.columns.len()];
    for row in 0..df.height() {
        for (slot, col) in cells.iter_mut().zip(&cols) {
            *slot = col.get(row);
        }
        sink.push(row as u64 + 2, &cells);
    }
    Ok(Ok(sink.finish(Vec::new())?))
}
