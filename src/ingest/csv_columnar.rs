//! The columnar fast path for plain CSV (issue #17: most exports are CSV). The row path
//! ([`super::csv_file`]) handles every quirk of real exports, one record and one cell at a
//! time; for a clean export of tens of millions of snapshot rows that is most of the run.
//! Here a file without any quote, carriage return, blank line, footer or ragged row is cut
//! into lines and fields directly, on every core, each used field parsed with the same
//! functions as the row parser, and the typed columns handed to the Parquet fast path's
//! checks ([`super::columnar::try_fast`]), which keep them only when the row parser would
//! produce them unchanged.
//!
//! Any doubt — a quote, a field that does not parse, a row of the wrong width, a
//! blank line, a layout, mapping or `[filters]` entry — answers `None`, and the caller
//! runs the row path on the same text, which reports each problem with its line. So this
//! path changes speed, never results; the tests compare both.

use polars::prelude::*;

use super::parse;
use super::read::{starts_with_ascii_ci, ParsedTable, GRAND_TOTALS};
use super::rows::sink_for;
use crate::config::Settings;
use crate::schema::{Kind, TableSpec};

/// The values of one used column, typed as the row parser types them.
enum Values<'a> {
    Text(Vec<Option<&'a str>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Days(Vec<Option<i32>>),
    Micros(Vec<Option<i64>>),
    Bool(Vec<Option<bool>>),
}

impl<'a> Values<'a> {
    fn new(kind: Kind, n: usize) -> Values<'a> {
        match kind {
            Kind::Text => Values::Text(Vec::with_capacity(n)),
            Kind::Integer => Values::Int(Vec::with_capacity(n)),
            Kind::Number | Kind::Fraction => Values::Float(Vec::with_capacity(n)),
            Kind::Date => Values::Days(Vec::with_capacity(n)),
            Kind::DateTime => Values::Micros(Vec::with_capacity(n)),
            Kind::Bool => Values::Bool(Vec::with_capacity(n)),
        }
    }

    /// Parse and push one field; `None` when the row parser would not take it unchanged.
    fn push(&mut self, field: &'a str, kind: Kind, settings: &Settings) -> Option<()> {
        let blank = parse::trim(field).is_empty();
        let fmt = settings.date_formats.as_slice();
        let dc = settings.decimal_comma;
        match self {
            Values::Text(v) => v.push((!blank).then_some(field)),
            Values::Int(v) if blank => v.push(None),
            Values::Int(v) => v.push(Some(parse::parse_integer(field, dc).ok()?)),
            Values::Float(v) if blank => v.push(None),
            Values::Float(v) => v.push(Some(match kind {
                Kind::Fraction => parse::parse_fraction(field, dc).ok()?,
                _ => parse::parse_number(field, dc).ok()?,
            })),
            Values::Days(v) if blank => v.push(None),
            Values::Days(v) => v.push(Some(parse::parse_date_in(parse::trim(field), fmt).ok()?)),
            Values::Micros(v) if blank => v.push(None),
            Values::Micros(v) => v.push(Some(
                parse::parse_datetime_in(parse::trim(field), fmt).ok()?,
            )),
            Values::Bool(v) if blank => v.push(None),
            Values::Bool(v) => v.push(Some(parse::parse_bool(field).ok()?)),
        }
        Some(())
    }

    fn into_column(self, name: &str) -> PolarsResult<Column> {
        let name: PlSmallStr = name.into();
        Ok(match self {
            Values::Text(v) => Column::new(name, v),
            Values::Int(v) => Column::new(name, v),
            Values::Float(v) => Column::new(name, v),
            Values::Days(v) => Column::new(name, v).cast(&DataType::Date)?,
            Values::Micros(v) => {
                Column::new(name, v).cast(&DataType::Datetime(TimeUnit::Microseconds, None))?
            }
            Values::Bool(v) => Column::new(name, v),
        })
    }
}

/// Bytes per thread below which parsing on one thread is faster than starting another
/// (about 32 768 rows of a snapshot table).
const MIN_BYTES_PER_THREAD: usize = 1 << 20;

/// `text` cut into `n` pieces of about equal size, each ending after a line break (the last
/// one at the end of the text): every line lies whole in one piece.
fn split_at_lines(text: &str, n: usize) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut parts = Vec::with_capacity(n);
    let mut start = 0;
    for k in 1..n {
        let aim = (bytes.len() * k / n).max(start);
        let Some(nl) = memchr::memchr(b'\n', &bytes[aim..]) else {
            break;
        };
        let end = aim + nl + 1;
        parts.push(&text[start..end]);
        start = end;
    }
    if start < bytes.len() {
        parts.push(&text[start..]);
    }
    parts
}

/// The parsed table from the text after any preamble (`body`: header line first), or
/// `None` when the row path must decide.
pub(super) fn try_fast<'b>(
    body: &'b str,
    delimiter: u8,
    table: &'static TableSpec,
    settings: &Settings,
    file: &str,
) -> anyhow::Result<Option<ParsedTable>> {
    let layout = settings.mapping.layout(table.name);
    let plain = settings.mapping.is_plain(table.name)
        && layout.skip == 0
        && layout.extra_header_rows() == 0
        && table.name != crate::schema::ACCOUNTS
        && delimiter.is_ascii()
        && delimiter != b'"';
    if !plain || memchr::memchr2(b'"', b'\r', body.as_bytes()).is_some() {
        return Ok(None);
    }
    let sep = delimiter as char;
    let (header_line, rows) = body.split_once('\n').unwrap_or((body, ""));
    let header: Vec<String> = header_line.split(sep).map(str::to_string).collect();
    let Ok(sink) = sink_for(table, settings, &header, file, None) else {
        return Ok(None);
    };
    let plan = sink.plan();
    if !plan.filters.is_empty() || rows.is_empty() {
        return Ok(None);
    }
    // Per header field: the canonical column it fills, if any.
    let mut target: Vec<Option<usize>> = vec![None; header.len()];
    for (k, i) in plan.index.iter().enumerate() {
        if let Some(i) = i {
            target[*i] = Some(k);
        }
    }
    // Each thread parses its part and builds the part's columns; the parts' columns are
    // then joined as chunks, without copying (extending one part's values by the next
    // moved and faulted in the whole table again, issue #17).
    let part_columns = |part: &'b str| -> Option<PolarsResult<Vec<Option<Column>>>> {
        let values = parse_part(part, &plan.index, &target, table, settings, sep)?;
        let columns = values.into_iter().zip(table.columns);
        Some(
            columns
                .map(|(v, spec)| v.map(|v| v.into_column(spec.name)).transpose())
                .collect(),
        )
    };
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(rows.len() / MIN_BYTES_PER_THREAD)
        .max(1);
    let parts: Vec<Option<PolarsResult<Vec<Option<Column>>>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = split_at_lines(rows, threads)
            .into_iter()
            .map(|part| scope.spawn(move || part_columns(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    let mut merged: Option<Vec<Option<Column>>> = None;
    for part in parts {
        let Some(part) = part else {
            return Ok(None);
        };
        let part = part?;
        match merged.as_mut() {
            None => merged = Some(part),
            Some(all) => {
                for (a, b) in all.iter_mut().zip(part) {
                    if let (Some(a), Some(b)) = (a.as_mut(), b) {
                        a.append_owned(b)?;
                    }
                }
            }
        }
    }
    let Some(merged) = merged else {
        return Ok(None);
    };
    let mut columns = Vec::new();
    let mut index = Vec::with_capacity(table.columns.len());
    for column in merged {
        match column {
            Some(c) => {
                index.push(Some(columns.len()));
                columns.push(c);
            }
            None => index.push(None),
        }
    }
    let df = DataFrame::new_infer_height(columns)?;
    Ok(super::columnar::try_fast(&df, &index, table, file)?)
}

/// Parse the lines of one part (whole lines, the last one with or without its line break)
/// into the used columns; `None` at the first doubt.
fn parse_part<'a>(
    part: &'a str,
    index: &[Option<usize>],
    target: &[Option<usize>],
    table: &TableSpec,
    settings: &Settings,
    sep: char,
) -> Option<Vec<Option<Values<'a>>>> {
    let lines = part.strip_suffix('\n').unwrap_or(part);
    let rows = memchr::memchr_iter(b'\n', lines.as_bytes()).count() + 1;
    let mut cols: Vec<Option<Values>> = index
        .iter()
        .zip(table.columns)
        .map(|(i, spec)| i.map(|_| Values::new(spec.kind, rows)))
        .collect();
    // Every field end (a separator or a line break) in one SIMD search over the part, not a
    // search per field; both are ASCII, so every cut is a character boundary.
    let bytes = lines.as_bytes();
    let ends = memchr::memchr2_iter(sep as u8, b'\n', bytes).chain([bytes.len()]);
    let (mut from, mut j, mut all_blank) = (0, 0, true);
    for end in ends {
        let field = &lines[from..end];
        from = end + 1;
        all_blank = all_blank && parse::trim(field).is_empty();
        // Footers are skipped by the row path (so line numbers shift there).
        if j == 0 && starts_with_ascii_ci(field.trim_start(), GRAND_TOTALS) {
            return None;
        }
        if let Some(k) = target.get(j).copied()? {
            cols[k]
                .as_mut()?
                .push(field, table.columns[k].kind, settings)?;
        }
        j += 1;
        if end == bytes.len() || bytes[end] == b'\n' {
            // Blank lines are skipped by the row path; ragged rows are rejected there.
            if j != target.len() || all_blank {
                return None;
            }
            (j, all_blank) = (0, true);
        }
    }
    Some(cols)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read::{ParsedTable, ReadOptions};
    use crate::schema;

    /// Read `text` as `TABLE.csv` with and without the columnar path.
    fn both(table: &str, text: &str) -> (ParsedTable, ParsedTable) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(format!("{table}.csv"));
        std::fs::write(&path, text).expect("write");
        let spec = schema::table(table).expect("table");
        let settings = Settings::default();
        let read = |fast| {
            super::super::csv_file::read_csv(&path, spec, &settings, ReadOptions::columnar(fast))
                .expect("io")
                .map_err(|e| e.0)
                .expect("parsed")
        };
        (read(true), read(false))
    }

    fn same(fast: &ParsedTable, slow: &ParsedTable) {
        assert!(fast.df.equals_missing(&slow.df), "{}\n{}", fast.df, slow.df);
        assert_eq!(fast.rows_read, slow.rows_read);
        assert_eq!(fast.rows_rejected, slow.rows_rejected);
        assert_eq!(fast.warnings, slow.warnings);
        assert_eq!(fast.issues.len(), slow.issues.len());
    }

    const DEALS: &str = "deal_id,account_id,segment,acv,closed_at,sales_rep,extra\n\
        D1,A1,enterprise,1000,2026-10-05T10:00:00Z,rep,x\n\
        D2,A2,Mid-Market,25000.5,2026-10-06,rep2,\n\
        D3,A3,weird,0,2026-10-07T00:00:00+02:00,rep3,y\n";

    #[test]
    fn a_plain_file_takes_the_columnar_path_with_the_row_paths_result() {
        let spec = schema::table(schema::DEALS).expect("deals");
        let fast = try_fast(DEALS, b',', spec, &Settings::default(), "deals.csv").expect("ok");
        assert!(fast.is_some(), "the plain file is read column by column");
        let (fast, slow) = both(schema::DEALS, DEALS);
        same(&fast, &slow);
        let adoption = "account_id,snapshot_date,active_users,licensed_seats\n\
            A1,2026-10-01,5,10\nA1,2026-10-02,6,10\nA2,2026-10-01,0,3\n";
        let (fast, slow) = both(schema::ADOPTION, adoption);
        same(&fast, &slow);
    }

    /// A file big enough for one part per core: the parts' columns are joined as chunks and
    /// the table equals the row path's, row for row.
    #[test]
    fn parts_parsed_on_several_threads_join_in_order() {
        let mut text = String::from("account_id,snapshot_date,active_users,licensed_seats\n");
        for i in 0..120_000 {
            let day = 1 + i % 28;
            text.push_str(&format!("A{},2026-03-{day:02},{},12\n", i / 10, i % 7));
        }
        assert!(text.len() > 2 * MIN_BYTES_PER_THREAD);
        let spec = schema::table(schema::ADOPTION).expect("adoption");
        let fast = try_fast(&text, b',', spec, &Settings::default(), "adoption.csv")
            .expect("ok")
            .expect("the plain file is read column by column");
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunks = fast
            .df
            .column(schema::ACTIVE_USERS)
            .expect("column")
            .n_chunks();
        assert_eq!(chunks, cores.min(text.len() / MIN_BYTES_PER_THREAD));
        let (fast, slow) = both(schema::ADOPTION, &text);
        same(&fast, &slow);
        assert_eq!(fast.df.height(), 120_000);
    }

    #[test]
    fn pieces_hold_whole_lines() {
        let text = "a,1\nbb,22\nccc,333\nd,4";
        assert_eq!(split_at_lines(text, 1), vec![text]);
        // Aims at bytes 7 and 14: the pieces end after the line breaks at 9 and 17.
        assert_eq!(
            split_at_lines(text, 3),
            vec!["a,1\nbb,22\n", "ccc,333\n", "d,4"]
        );
        // More pieces than lines: no empty piece.
        assert_eq!(split_at_lines("x\ny\n", 8), vec!["x\n", "y\n"]);
        assert_eq!(split_at_lines("", 2), Vec::<&str>::new());
    }

    #[test]
    fn anything_doubtful_goes_row_by_row() {
        let spec = schema::table(schema::DEALS).expect("deals");
        let settings = Settings::default();
        for text in [
            // a bad number, a quoted field, a blank line, a ragged row, a blank required
            // value, surrounding spaces, a footer
            DEALS.replace("25000.5", "lots"),
            DEALS.replace("rep2", "\"rep, two\""),
            DEALS.replace("rep2,\n", "rep2,\n\n"),
            DEALS.replace(",rep2,", ",rep2"),
            DEALS.replace(",rep2,", ",,"),
            DEALS.replace(",rep2,", ", rep2 ,"),
            format!("{DEALS}Grand Totals,,,,,,\n"),
            DEALS.replace('\n', "\r\n"),
        ] {
            let got = try_fast(&text, b',', spec, &settings, "deals.csv").expect("ok");
            assert!(got.is_none(), "declined: {text}");
            let (fast, slow) = both(schema::DEALS, &text);
            same(&fast, &slow);
        }
    }
}
