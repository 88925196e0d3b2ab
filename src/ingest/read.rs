//! Reading one input file into a typed polars `DataFrame` of canonical columns: locate the
//! file (`.csv`, `.csv.gz`, `.parquet`), decode it (BOM, UTF-16, windows-1252 fallback),
//! split records (RFC 4180 via the `csv` crate, Salesforce footers skipped), map source
//! columns to canonical ones, and parse every cell by the METRICS.md §3 rules. Each row ends up
//! kept or rejected with its line, column, raw value and reason; nothing is dropped
//! silently.

use std::io::Read;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Context;
use polars::prelude::*;

use super::accounts::AccountLookup;
use super::rows::{raw_text, sink_for, Cell};
use super::Issue;
use crate::config::Settings;
use crate::schema::TableSpec;

pub(super) use super::rows::{range_error, survey_score_range, unknown_segment_warning};

/// A parsed table before the exclusion rules: the kept rows, plus what happened to the rest.
pub struct ParsedTable {
    pub file: String,
    pub df: DataFrame,
    pub rows_read: u64,
    pub rows_rejected: u64,
    pub issues: Vec<Issue>,
    pub warnings: Vec<String>,
    pub rejected_ids: Vec<String>,
    /// Rows a `[filters]` entry did not keep (excluded `filtered`), and their ids.
    pub rows_filtered: u64,
    pub filtered_ids: Vec<String>,
    /// Deals whose segment came from `segment_from_acv`.
    pub derived_segments: u64,
    /// The part files of a table read from a folder, in order; empty for one file. Their
    /// rows' `_line` carries the part's index above [`PART_SHIFT`] so file order holds.
    pub parts: Vec<String>,
}

/// `_line` of a row of part `k` of a folder table: `k << PART_SHIFT | line`.
pub const PART_SHIFT: u32 = 40;

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

/// The longest raw value a message or the data-quality table repeats, in characters.
const MAX_SHOWN: usize = 200;

/// A raw value as messages show it: at most `MAX_SHOWN` (200) characters, then how long it was.
pub fn clip(s: String) -> String {
    match s.char_indices().nth(MAX_SHOWN) {
        Some((end, _)) => format!("{}… ({} bytes in all)", &s[..end], s.len()),
        None => s,
    }
}

/// The byte order of a UTF-16 file and the length of its BOM: with a BOM, or without one
/// when the start of the file has a NUL in every other byte (ASCII text in UTF-16).
fn utf16_order(bytes: &[u8]) -> Option<(bool, usize)> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some((true, 2));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some((false, 2));
    }
    let head = &bytes[..bytes.len().min(512) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let nul_even = head.iter().step_by(2).filter(|b| **b == 0).count();
    let nul_odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if nul_even == 0 && nul_odd * 10 >= pairs * 9 {
        Some((true, 0))
    } else if nul_odd == 0 && nul_even * 10 >= pairs * 9 {
        Some((false, 0))
    } else {
        None
    }
}

/// The 1-based line of byte `offset`: `\n`, `\r\n` and a lone `\r` each end a line.
fn line_at(bytes: &[u8], offset: usize) -> u64 {
    let mut lines = LineCounter::new(bytes);
    lines.advance(offset);
    lines.line
}

/// Counts lines through a byte buffer, forwards only.
struct LineCounter<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            pos: 0,
            line: 1,
        }
    }

    fn advance(&mut self, to: usize) {
        let to = to.min(self.bytes.len());
        while self.pos < to {
            match self.bytes[self.pos] {
                b'\n' => self.line += 1,
                b'\r' if self.bytes.get(self.pos + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// The line a CSV record starts on, given the byte offset the `csv` crate reports for it
    /// (which is where the previous record ended, before any line breaks and blank lines).
    fn record_line(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while start < self.bytes.len() && matches!(self.bytes[start], b'\n' | b'\r') {
            start += 1;
        }
        self.advance(start);
        self.line
    }
}

/// Decode file bytes to UTF-8 text, with a warning when transcoding was needed. UTF-16 (with
/// or without a BOM) is transcoded; a line that is not valid UTF-8 is read as windows-1252
/// (the encoding Excel and older CRM exports use), the other lines stay UTF-8.
fn decode(bytes: Vec<u8>, file: &str, warnings: &mut Vec<String>) -> String {
    if let Some((le, bom)) = utf16_order(&bytes) {
        let body = &bytes[bom..];
        // A dangling last byte (an odd length) is dropped and counted as broken.
        let units = body.chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        let mut bad = 0usize;
        let text: String = char::decode_utf16(units)
            .map(|r| {
                r.unwrap_or_else(|_| {
                    bad += 1;
                    char::REPLACEMENT_CHARACTER
                })
            })
            .collect();
        let order = if le { "LE" } else { "BE" };
        warnings.push(if bad == 0 && body.len().is_multiple_of(2) {
            format!("{file}: UTF-16{order} file transcoded to UTF-8")
        } else {
            format!(
                "{file}: UTF-16{order} file transcoded to UTF-8; {} broken sequence(s) replaced by U+FFFD",
                bad + body.len() % 2
            )
        });
        return text;
    }
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    let mut bytes = bytes;
    bytes.drain(..bom);
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let first = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
            let mut lines = 0u64;
            // A line break is never part of a multi-byte UTF-8 character: decode line by line.
            for chunk in bytes.split_inclusive(|b| *b == b'\n') {
                match std::str::from_utf8(chunk) {
                    Ok(s) => text.push_str(s),
                    Err(_) => {
                        lines += 1;
                        text.extend(chunk.iter().map(|&b| cp1252(b)));
                    }
                }
            }
            warnings.push(format!(
                "{file}: {lines} line(s) not valid UTF-8 (first at line {}, byte {}: 0x{:02X}); read as windows-1252",
                line_at(&bytes, first),
                first + bom,
                bytes[first]
            ));
            text
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

/// Whether a record is a line of a Salesforce (or similar) report footer.
fn is_footer(rec: &csv::StringRecord) -> bool {
    let first = rec.get(0).unwrap_or("").trim().to_lowercase();
    // Summary exports put the totals beside it.
    if first.starts_with("grand totals") {
        return true;
    }
    if rec.iter().skip(1).any(|f| !f.trim().is_empty()) {
        return false;
    }
    [
        "copyright",
        "©",
        "confidential information",
        "generated by",
        "total records",
    ]
    .iter()
    .any(|p| first.starts_with(p))
}

/// Quoting mistakes the `csv` crate reads past without an error.
#[derive(Debug, Default)]
struct QuoteScan {
    /// Line of a quote opening a field that is never closed: the rest of the file became
    /// one field.
    unterminated: Option<u64>,
    /// Lines with a `"` inside a quoted field that is not doubled (RFC 4180 wants `""`).
    stray: Vec<u64>,
}

/// Walk the text with the state machine of the `csv` crate (RFC 4180, `""` escapes, quotes
/// literal inside unquoted fields; `\r`, `\n` end records) to find its silent failures.
fn scan_quotes(text: &[u8], delimiter: u8) -> QuoteScan {
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut scan = QuoteScan::default();
    let mut state = State::FieldStart;
    let mut line = 1u64;
    let mut opened_at = 1u64;
    for (i, &b) in text.iter().enumerate() {
        let end_of_line = b == b'\n' || b == b'\r';
        state = match state {
            State::FieldStart | State::Unquoted if end_of_line || b == delimiter => {
                State::FieldStart
            }
            State::FieldStart if b == b'"' => {
                opened_at = line;
                State::Quoted
            }
            State::FieldStart | State::Unquoted => State::Unquoted,
            State::Quoted if b == b'"' => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
            State::QuoteInQuoted if b == b'"' => State::Quoted,
            State::QuoteInQuoted if end_of_line || b == delimiter => State::FieldStart,
            State::QuoteInQuoted => {
                if scan.stray.last() != Some(&line) {
                    scan.stray.push(line);
                }
                State::Unquoted
            }
        };
        if b == b'\n' || (b == b'\r' && text.get(i + 1) != Some(&b'\n')) {
            line += 1;
        }
    }
    if state == State::Quoted {
        scan.unterminated = Some(opened_at);
    }
    scan
}

/// A record as one line of text for a message (fields joined by commas, clipped).
fn record_text(rec: &csv::StringRecord) -> String {
    clip(rec.iter().collect::<Vec<_>>().join(","))
}

/// Read a CSV (optionally gzipped) file.
pub fn read_csv(
    path: &Path,
    table: &'static TableSpec,
    settings: &Settings,
) -> anyhow::Result<Result<ParsedTable, Fatal>> {
    read_csv_in(path, table, settings, None)
}

/// [`read_csv`] with the `accounts` table that fills deals' blank columns (METRICS.md §3.1).
pub fn read_csv_in(
    path: &Path,
    table: &'static TableSpec,
    settings: &Settings,
    accounts: Option<&AccountLookup>,
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
    // METRICS.md §3.2: `skip` preamble lines, then the header, then `header_rows - 1` more.
    let layout = settings.mapping.layout(table.name);
    let (start, skipped) = super::layout::after_lines(text.as_bytes(), layout.skip);
    if skipped < layout.skip || start >= text.len() {
        return Ok(Err(Fatal(format!(
            "{file}: table {}: config [tables] {0}: skip = {}, but the file has no header after line {skipped}",
            table.name, layout.skip
        ))));
    }
    let body = &text.as_bytes()[start..];
    let mut quotes = scan_quotes(body, delimiter);
    quotes.stray.iter_mut().for_each(|l| *l += skipped);
    quotes.unterminated = quotes.unterminated.map(|l| l + skipped);
    if let Some(first) = quotes.stray.first() {
        let more = quotes.stray.len() - 1;
        warnings.push(format!(
            "{file}:{first}: a `\"` inside a quoted field is not doubled (RFC 4180 wants `\"\"`); the field was read up to it and on as plain text{}",
            if more > 0 {
                format!(" (and on {more} more line(s): {})", join_lines(&quotes.stray[1..]))
            } else {
                String::new()
            }
        ));
    }
    let mut lines = LineCounter::new(text.as_bytes());
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let byte = |p: Option<&csv::Position>| start as u64 + p.map(|p| p.byte()).unwrap_or(0);
    let mut records = rdr.records().peekable();
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
    for _ in 0..layout.extra_header_rows() {
        records.next();
    }
    if let (None, Some(opened)) = (records.peek(), quotes.unterminated) {
        return Ok(Err(Fatal(format!(
            "{file}:{opened}: table {}: the header opens a quoted field that is never closed (unterminated `\"`)",
            table.name
        ))));
    }
    let mut sink = match sink_for(table, settings, &header, &file, accounts) {
        Ok(s) => s,
        Err(f) => return Ok(Err(f)),
    };
    // Lines that look like a report footer: skipped when they end the file, else rejected.
    let mut footer: Vec<(u64, csv::StringRecord)> = Vec::new();
    let width = header.len();
    while let Some(rec) = records.next() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = lines.record_line(byte(e.position()));
                sink.reject_row(line, String::new(), format!("unreadable CSV record: {e}"));
                continue;
            }
        };
        let line = lines.record_line(byte(rec.position()));
        let last = records.peek().is_none();
        if let (true, Some(opened)) = (last, quotes.unterminated) {
            for (l, r) in footer.drain(..) {
                let reason = format!("has {} field(s), the header has {width}", r.len());
                sink.reject_row(l, record_text(&r), reason);
            }
            sink.reject_row(
                line,
                record_text(&rec),
                format!("a quoted field opened on line {opened} is never closed (unterminated `\"`); the rest of the file was read into it"),
            );
            continue;
        }
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue; // blank line
        }
        if is_footer(&rec) || (rec.len() == 1 && width > 1) {
            footer.push((line, rec));
            continue;
        }
        // Footer-looking lines followed by data were data after all: reject them as ragged.
        for (l, r) in footer.drain(..) {
            let reason = format!("has {} field(s), the header has {width}", r.len());
            sink.reject_row(l, record_text(&r), reason);
        }
        let extra_blank = rec.len() > width && rec.iter().skip(width).all(|f| f.trim().is_empty());
        if rec.len() != width && !extra_blank {
            let multiline = rec.iter().map(|f| f.matches('\n').count()).sum::<usize>();
            sink.reject_row(
                line,
                record_text(&rec),
                if multiline > 0 {
                    format!(
                        "has {} field(s), the header has {width}; a quoted field runs over {} more line(s): an unbalanced `\"`?",
                        rec.len(),
                        multiline
                    )
                } else {
                    format!(
                        "has {} field(s), the header has {width} (ragged row or broken quoting)",
                        rec.len()
                    )
                },
            );
            continue;
        }
        let plan = sink.plan();
        let cells: Vec<Option<Cell>> = plan
            .index
            .iter()
            .map(|idx| idx.map(|i| Cell::Text(rec.get(i).unwrap_or(""))))
            .collect();
        if let Some((column, value)) = plan.filtered_by(|i| rec.get(i).unwrap_or("").to_string()) {
            let id = plan.index[0].and_then(|i| rec.get(i)).unwrap_or("");
            sink.filter_out(line, column, value, id);
            continue;
        }
        sink.push(line, &cells);
    }
    if footer.iter().any(|(_, r)| is_footer(r)) {
        warnings.push(format!(
            "{file}: skipped {} report footer line(s) starting at line {} ({:?})",
            footer.len(),
            footer[0].0,
            clip(footer[0].1.get(0).unwrap_or("").trim().to_string())
        ));
    } else {
        for (l, r) in footer.drain(..) {
            let reason = format!("has {} field(s), the header has {width}", r.len());
            sink.reject_row(l, record_text(&r), reason);
        }
    }
    Ok(Ok(sink.finish(warnings)?))
}

/// Line numbers for a message: the first five, then how many more.
fn join_lines(lines: &[u64]) -> String {
    let mut s = lines
        .iter()
        .take(5)
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if lines.len() > 5 {
        s.push_str(&format!(", … {} more", lines.len() - 5));
    }
    s
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
) -> anyhow::Result<Result<ParsedTable, Fatal>> {
    read_parquet_with(path, table, settings, true)
}

/// [`read_parquet`], with the columnar fast path allowed or not (tests compare the two).
pub fn read_parquet_with(
    path: &Path,
    table: &'static TableSpec,
    settings: &Settings,
    columnar: bool,
) -> anyhow::Result<Result<ParsedTable, Fatal>> {
    read_parquet_in(path, table, settings, None, columnar)
}

/// [`read_parquet_with`] with the `accounts` table that fills deals' blank columns.
pub fn read_parquet_in(
    path: &Path,
    table: &'static TableSpec,
    settings: &Settings,
    accounts: Option<&AccountLookup>,
    columnar: bool,
) -> anyhow::Result<Result<ParsedTable, Fatal>> {
    let file = path.display().to_string();
    let f = std::fs::File::open(path).with_context(|| format!("opening {file}"))?;
    let read = without_panics(|| ParquetReader::new(f).finish())
        .and_then(|r| r.map_err(|e| e.to_string()));
    let df = match read {
        Ok(df) => df,
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
    let header: Vec<String> = df
        .get_column_names()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut sink = match sink_for(table, settings, &header, &file, accounts) {
        Ok(s) => s,
        Err(f) => return Ok(Err(f)),
    };
    let index = sink.plan().index.clone();
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
    // Clean typed columns are taken over whole; anything else goes through the row parser.
    let plain = settings.mapping.is_plain(table.name)
        && accounts.is_none()
        && table.name != crate::schema::ACCOUNTS;
    if columnar && plain {
        match super::columnar::try_fast(&df, &index, table, &file) {
            Ok(Some(parsed)) => return Ok(Ok(parsed)),
            Ok(None) => tracing::debug!("{file}: read row by row (not clean typed columns)"),
            Err(e) => tracing::debug!("{file}: columnar path not taken: {e}"),
        }
    }
    let mut filter_cols = std::collections::HashMap::new();
    for (name, i, _, _) in &sink.plan().filters {
        match without_panics(|| ParquetCol::from_column(&df.columns()[*i])) {
            Ok(Ok(c)) => filter_cols.insert(*i, c),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_scan_finds_what_the_csv_crate_reads_past() {
        let ok = scan_quotes(b"a,\"b,\"\"c\"\"\nd\"\nx,y\"z\n", b',');
        assert_eq!((ok.unterminated, ok.stray), (None, vec![]));
        let open = scan_quotes(b"h\r\na,b\r\nc,\"d\r\ne\r\n", b',');
        assert_eq!(open.unterminated, Some(3));
        let stray = scan_quotes(b"h\n\"a \"b\" c\",d\nx\n\"e\"f\n", b',');
        assert_eq!((stray.unterminated, stray.stray), (None, vec![2, 4]));
        assert_eq!(scan_quotes(b"a;\"b;c\n", b';').unterminated, Some(1));
    }

    #[test]
    fn lines_count_lf_crlf_and_lone_cr() {
        let text = b"h\r\na\n\nb\rc\r\n";
        let mut lines = LineCounter::new(text);
        assert_eq!(lines.record_line(1), 2); // after the header, before its CRLF
        assert_eq!(lines.record_line(5), 4); // the blank line is skipped
        assert_eq!(lines.record_line(8), 5); // after a lone CR
        assert_eq!(line_at(text, text.len()), 6);
    }

    #[test]
    fn decoding() {
        let mut w = Vec::new();
        assert_eq!(decode(b"\xEF\xBB\xBFa\xC3\xA9".to_vec(), "f", &mut w), "aé");
        assert!(w.is_empty());
        let mixed = b"caf\xC3\xA9\nM\xFCller\n".to_vec();
        assert_eq!(decode(mixed, "f", &mut w), "café\nMüller\n");
        assert!(w[0].contains("1 line(s) not valid UTF-8 (first at line 2, byte 7: 0xFC)"));
        let utf16: Vec<u8> = "a,b\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(utf16, "f", &mut w), "a,b\n");
        assert!(w[1].contains("UTF-16BE"));
    }

    #[test]
    fn footers() {
        let rec = |fields: &[&str]| csv::StringRecord::from(fields.to_vec());
        assert!(is_footer(&rec(&[
            "Grand Totals (3 records)",
            "",
            "174,500.00"
        ])));
        assert!(is_footer(&rec(&[
            "Copyright © 2000-2026 salesforce.com, inc."
        ])));
        assert!(is_footer(&rec(&["© 2000-2026 salesforce.com", ""])));
        assert!(is_footer(&rec(&[
            "Generated By: Jane Doe 10/31/2026 9:00 AM"
        ])));
        assert!(!is_footer(&rec(&["Copyright Corp", "A1"])));
        assert!(!is_footer(&rec(&["Acme Holdings, Inc."])));
    }

    #[test]
    fn clipping() {
        assert_eq!(clip("short".into()), "short");
        let long = clip("é".repeat(300));
        assert!(long.starts_with(&"é".repeat(200)));
        assert!(long.ends_with("… (600 bytes in all)"), "{long}");
    }
}
