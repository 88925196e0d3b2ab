//! Table output: CSV (text cells that could be read as spreadsheet formulas are prefixed
//! with `'`) and Parquet, one file each per report table. Renderers produce bytes; the
//! caller decides where they go.

use polars::prelude::*;

/// The zstd level of the report's Parquet tables. Level 1 rather than the default 3: at a
/// million deals `tables/handoff_facts.parquet` encodes in 1.5 s instead of 1.9 s of its
/// thread (then the longer leg of the metrics stage) for a file of 140 MB instead of 117 MB
/// (docs/BENCHMARKS.md, issue #17).
const ZSTD_LEVEL: i32 = 1;

/// The first bytes that make a spreadsheet read a cell as a formula.
const FORMULA_START: &[u8] = b"=+-@\t\r";

/// Whether a spreadsheet would run this text as a formula (it starts with `=`, `+`, `-`,
/// `@`, tab or CR).
fn needs_prefix(s: &str) -> bool {
    s.as_bytes()
        .first()
        .is_some_and(|b| FORMULA_START.contains(b))
}

/// Prefix text that a spreadsheet would run as a formula with `'`.
pub fn formula_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if needs_prefix(s) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// Format one cell for CSV into `out` (cleared first): numbers in full precision, text
/// formula-safe, null empty.
fn cell(out: &mut String, v: AnyValue) {
    use std::fmt::Write;
    out.clear();
    // Writing into a String cannot fail.
    let _ = match v {
        AnyValue::Null => Ok(()),
        AnyValue::String(s) => out.write_str(&formula_safe(s)),
        AnyValue::StringOwned(s) => out.write_str(&formula_safe(s.as_str())),
        AnyValue::Float64(f) => write!(out, "{f}"),
        AnyValue::Float32(f) => write!(out, "{f}"),
        // Numbers are not formulas: a negative count stays `-3`, not `'-3`.
        AnyValue::Int8(_)
        | AnyValue::Int16(_)
        | AnyValue::Int32(_)
        | AnyValue::Int64(_)
        | AnyValue::UInt8(_)
        | AnyValue::UInt16(_)
        | AnyValue::UInt32(_)
        | AnyValue::UInt64(_) => write!(out, "{v}"),
        other => out.write_str(&formula_safe(&other.to_string())),
    };
}

/// A DataFrame as CSV bytes (header + rows, RFC 4180 quoting). The cells are walked column
/// by column with one iterator each and formatted into one reused buffer (the report's
/// survival curves are millions of cells at a million deals, issue #17).
pub fn to_csv(df: &DataFrame) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(df.get_column_names().iter().map(|s| s.as_str()))?;
    // One chunk per column: a series' iterator walks a single chunk.
    let columns: Vec<Series> = df
        .columns()
        .iter()
        .map(|c| c.as_materialized_series().rechunk())
        .collect();
    let mut cells: Vec<_> = columns.iter().map(|s| s.iter()).collect();
    let mut text = String::new();
    for _ in 0..df.height() {
        for column in cells.iter_mut() {
            match column.next() {
                Some(v) => cell(&mut text, v),
                None => text.clear(),
            }
            w.write_field(&text)?;
        }
        w.write_record(None::<&[u8]>)?;
    }
    Ok(w.into_inner()?)
}

/// A DataFrame as Parquet bytes (zstd level 1, see `ZSTD_LEVEL`). Text cells get the same
/// formula-safe prefix.
pub fn to_parquet(df: &DataFrame) -> anyhow::Result<Vec<u8>> {
    let mut buf = Vec::new();
    write_parquet(df, &mut buf)?;
    Ok(buf)
}

/// [`to_parquet`] written into `out` as it is made.
pub fn write_parquet(df: &DataFrame, out: impl std::io::Write) -> anyhow::Result<()> {
    let mut safe = df.clone();
    let names: Vec<PlSmallStr> = df
        .columns()
        .iter()
        .filter(|c| c.dtype() == &DataType::String)
        .map(|c| c.name().clone())
        .collect();
    for name in names {
        let c = safe.column(&name)?.str()?.clone();
        // Most columns hold nothing to neutralise: leave those as they are (no copy of a
        // million-row column), seen from the string views' first bytes.
        if !crate::ingest::views::may_start_with(&c, FORMULA_START)
            || !c.iter().flatten().any(needs_prefix)
        {
            continue;
        }
        // Built value by value into one buffer: a `String` per row was a million
        // allocations for the facts file's account names (issue #17).
        let mut fixed = StringChunkedBuilder::new(name, c.len());
        let mut prefixed = String::new();
        for v in c.iter() {
            match v {
                None => fixed.append_null(),
                Some(s) if needs_prefix(s) => {
                    prefixed.clear();
                    prefixed.push('\'');
                    prefixed.push_str(s);
                    fixed.append_value(&prefixed);
                }
                Some(s) => fixed.append_value(s),
            }
        }
        safe.with_column(fixed.finish().into_column())?;
    }
    Ok(super::parquet::write_to(&mut safe, ZSTD_LEVEL, out)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for s in ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(formula_safe(s), format!("'{s}"));
        }
        assert_eq!(formula_safe("Acme"), "Acme");
        assert_eq!(formula_safe(""), "");
    }

    #[test]
    fn formula_prefixes_every_dangerous_start_and_nothing_else() {
        for lead in ["=", "+", "-", "@", "\t", "\r"] {
            let s = format!("{lead}cmd|' /C calc'!A0");
            assert_eq!(formula_safe(&s), format!("'{s}"), "{lead:?}");
        }
        // Only the first character counts; quotes, pipes and later signs are text.
        for s in [
            "a=b",
            "Acme - East",
            "'quoted",
            " =x",
            "O'Brien",
            "2026-10-03",
        ] {
            assert_eq!(formula_safe(s), s);
        }
    }

    #[test]
    fn csv_numbers_are_not_prefixed() {
        let df = df!(
            "int" => [-3i64, 4],
            "uint" => [0u32, 7],
            "float" => [-2.5f64, 0.25],
            "small" => [-1i32, 1],
            "text" => ["-3", "+4"],
        )
        .unwrap();
        let text = String::from_utf8(to_csv(&df).unwrap()).unwrap();
        assert_eq!(
            text,
            "int,uint,float,small,text\n-3,0,-2.5,-1,'-3\n4,7,0.25,1,'+4\n"
        );
    }

    #[test]
    fn csv_of_a_frame_in_several_chunks_keeps_every_row_in_order() {
        let mut df = df!("n" => [Some(1i64), None], "s" => ["a", "=b"]).unwrap();
        df.vstack_mut(&df!("n" => [Some(3i64)], "s" => [None::<&str>]).unwrap())
            .unwrap();
        assert_eq!(df.first_col_n_chunks(), 2);
        let text = String::from_utf8(to_csv(&df).unwrap()).unwrap();
        assert_eq!(text, "n,s\n1,a\n,'=b\n3,\n");
    }

    #[test]
    fn csv_keeps_tabs_newlines_and_carriage_returns_inside_quotes() {
        let df = df!("name" => ["\tTab", "\rCR", "line\nbreak", "@SUM(A1)"]).unwrap();
        let text = String::from_utf8(to_csv(&df).unwrap()).unwrap();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let got: Vec<String> = r.records().map(|rec| rec.unwrap()[0].to_string()).collect();
        assert_eq!(got, ["'\tTab", "'\rCR", "line\nbreak", "'@SUM(A1)"]);
    }

    #[test]
    fn parquet_text_is_prefixed_and_numbers_kept() {
        // Short and long text (inline in its view, or in a buffer), and a missing value.
        let name = [
            Some("=1+1"),
            Some("Acme"),
            None,
            Some("-Dash, Minus & Co 240385"),
            Some("Initech Holdings International"),
        ];
        let df = df!("name" => name, "v" => [-1i64, 2, 3, 4, 5]).unwrap();
        let bytes = to_parquet(&df).unwrap();
        let back = ParquetReader::new(std::io::Cursor::new(bytes))
            .finish()
            .unwrap();
        let names: Vec<Option<&str>> = back.column("name").unwrap().str().unwrap().iter().collect();
        let want = [
            Some("'=1+1"),
            Some("Acme"),
            None,
            Some("'-Dash, Minus & Co 240385"),
            Some("Initech Holdings International"),
        ];
        assert_eq!(names, want);
        let v: Vec<Option<i64>> = back.column("v").unwrap().i64().unwrap().iter().collect();
        assert_eq!(v, [Some(-1), Some(2), Some(3), Some(4), Some(5)]);
    }

    #[test]
    fn csv_quotes_and_prefixes() {
        let df = df!(
            "name" => ["=HYPERLINK(\"x\") 317", "Globex, Inc."],
            "v" => [1.5, -2.0],
            "n" => [-3i64, 4]
        )
        .unwrap();
        let text = String::from_utf8(to_csv(&df).unwrap()).unwrap();
        assert_eq!(
            text,
            "name,v,n\n\"'=HYPERLINK(\"\"x\"\") 317\",1.5,-3\n\"Globex, Inc.\",-2,4\n"
        );
    }
}
