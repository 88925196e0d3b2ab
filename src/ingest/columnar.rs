//! The columnar fast path for typed Parquet files. The row parser ([`super::read`]) turns
//! every cell into a value one at a time, which is what messy CSV needs and what lets every
//! problem name its line; for a clean, typed Parquet export of tens of millions of snapshot
//! rows it is most of the run time. Here each column is checked as a whole, without
//! allocating per value, and when every column already has the type its canonical column
//! needs and every value is one the row parser would accept *unchanged*, the columns are
//! taken over as they are.
//!
//! Any doubt — a type that needs parsing, a value the row parser would trim, lowercase,
//! reject, range-check out or set to missing, a NaN, an empty table — answers `None`, and
//! the caller runs the row parser on the same frame, which reports each problem with its
//! line. So the fast path changes speed, never results; `tests` below check both paths give
//! identical frames.

use polars::prelude::*;

use super::parse;
use super::read::ParsedTable;
use crate::schema::{self, ColumnSpec, Kind, TableSpec};

/// The parsed table, or `None` when the row parser must decide.
pub fn try_fast(
    df: &DataFrame,
    index: &[Option<usize>],
    table: &'static TableSpec,
    file: &str,
) -> PolarsResult<Option<ParsedTable>> {
    let height = df.height();
    if height == 0 {
        return Ok(None);
    }
    let mut cols: Vec<Column> = Vec::with_capacity(table.columns.len() + 1);
    let mut warnings = Vec::new();
    for (idx, spec) in index.iter().zip(table.columns) {
        let column = match idx {
            None if spec.required => return Ok(None),
            None => absent(spec, height),
            Some(i) => {
                // Taken over in the reader's chunks (one per row group): a copy into one
                // chunk would touch every byte of the 19 M snapshot rows again.
                let source = df.columns()[*i].as_materialized_series();
                match take_clean(source, spec)? {
                    Some(c) => c,
                    None => return Ok(None),
                }
            }
        };
        cols.push(column.with_name(spec.name.into()));
    }
    // Row rules of the row parser, as whole-column steps.
    if table.name == schema::DEALS {
        if let Some(pos) = position(table, schema::SEGMENT) {
            let (normalised, unknown) = segments(&cols[pos])?;
            for (seg, n) in unknown {
                warnings.push(super::rows::unknown_segment_warning(file, &seg, n));
            }
            cols[pos] = normalised;
        }
    }
    if table.name == schema::SURVEYS {
        if let (Some(k), Some(s)) = (
            position(table, schema::KIND),
            position(table, schema::SCORE),
        ) {
            if !survey_scores_in_range(&cols[k], &cols[s])? {
                return Ok(None);
            }
        }
    }
    // Taken over, not copied (16 M rows of adoption at a million deals).
    let lines: Vec<i64> = (0..height as i64).map(|i| i + 2).collect();
    cols.push(Int64Chunked::from_vec(schema::LINE.into(), lines).into_column());
    Ok(Some(ParsedTable {
        file: file.to_string(),
        df: DataFrame::new_infer_height(cols)?,
        rows_read: height as u64,
        rows_rejected: 0,
        issues: Vec::new(),
        warnings,
        rejected_ids: Vec::new(),
        rows_filtered: 0,
        filtered_ids: Vec::new(),
        derived_segments: 0,
        parts: Vec::new(),
    }))
}

fn position(table: &TableSpec, name: &str) -> Option<usize> {
    table.columns.iter().position(|c| c.name == name)
}

/// The dtype the row parser produces for a kind.
fn target(kind: Kind) -> DataType {
    match kind {
        Kind::Text => DataType::String,
        Kind::Date => DataType::Date,
        Kind::DateTime => DataType::Datetime(TimeUnit::Microseconds, None),
        Kind::Number | Kind::Fraction => DataType::Float64,
        Kind::Integer => DataType::Int64,
        Kind::Bool => DataType::Boolean,
    }
}

/// An optional column the file does not have: missing everywhere (booleans: false, as a
/// blank boolean cell).
fn absent(spec: &ColumnSpec, height: usize) -> Column {
    match spec.kind {
        Kind::Bool => Column::new(spec.name.into(), vec![false; height]),
        k => Column::full_null(spec.name.into(), height, &target(k)),
    }
}

/// Text the row parser keeps exactly as it is: not blank, no surrounding whitespace or BOM,
/// no NUL, and, for a restricted column, already one of the allowed spellings.
fn clean_text(s: &str, allowed: Option<&[&str]>) -> bool {
    // The row parser's own trimming decides: text it would trim or call blank is not clean.
    let untrimmed = matches!(super::parse::parse_text(s), Ok(Some(t)) if t.len() == s.len());
    untrimmed && allowed.is_none_or(|a| a.contains(&s))
}

/// The smallest and largest non-null value of a column and whether a value is NaN (`None`
/// when every value is missing), in one pass over each chunk's values: a chunk without
/// nulls is a plain slice. (polars' own `min`/`max` took 3× as long on the 19 M adoption
/// rows.)
fn extremes<T: PolarsNumericType>(
    ca: &ChunkedArray<T>,
    as_f64: impl Fn(T::Native) -> f64,
) -> Option<(f64, f64, bool)> {
    // In the column's own type (`as_f64` keeps order); NaN is flagged apart, and a lane that
    // starts at NaN is harmless: any NaN fails the check whatever the extremes.
    let mut acc: Option<(T::Native, T::Native, bool)> = None;
    let mut merge = |(lo, hi, nan): (T::Native, T::Native, bool)| {
        acc = Some(match acc {
            None => (lo, hi, nan),
            Some((a, b, n)) => (min(a, lo), max(b, hi), n || nan),
        })
    };
    // Array-trait methods through the chunk as a trait object, the values through its type.
    for (arr, chunk) in ca.downcast_iter().zip(ca.chunks()) {
        if chunk.null_count() == 0 {
            if let Some(e) = slice_extremes(arr.values()) {
                merge(e);
            }
        } else {
            #[allow(clippy::eq_op)] // NaN is the one value unequal to itself
            arr.iter().flatten().for_each(|v| merge((*v, *v, *v != *v)));
        }
    }
    acc.map(|(lo, hi, nan)| (as_f64(lo), as_f64(hi), nan))
}

fn min<N: PartialOrd>(a: N, b: N) -> N {
    if b < a {
        b
    } else {
        a
    }
}

fn max<N: PartialOrd>(a: N, b: N) -> N {
    if b > a {
        b
    } else {
        a
    }
}

/// The smallest and largest value of a slice and whether it holds a NaN, in eight
/// independent lanes the compiler turns into vector instructions (one scalar `min`/`max`
/// chain through the 16 M adoption values was a third of the column checks' time).
fn slice_extremes<N: Copy + PartialOrd>(values: &[N]) -> Option<(N, N, bool)> {
    const LANES: usize = 8;
    let first = *values.first()?;
    let (mut lo, mut hi, mut nan) = ([first; LANES], [first; LANES], [false; LANES]);
    let chunks = values.chunks_exact(LANES);
    let rest = chunks.remainder();
    for chunk in chunks {
        for j in 0..LANES {
            let x = chunk[j];
            lo[j] = min(lo[j], x);
            hi[j] = max(hi[j], x);
            #[allow(clippy::eq_op)]
            {
                nan[j] |= x != x;
            }
        }
    }
    for &x in rest {
        lo[0] = min(lo[0], x);
        hi[0] = max(hi[0], x);
        #[allow(clippy::eq_op)]
        {
            nan[0] |= x != x;
        }
    }
    let lo = lo.into_iter().reduce(min)?;
    let hi = hi.into_iter().reduce(max)?;
    Some((lo, hi, nan.contains(&true)))
}

/// Every value passes the row parser's range check (its bounds, and `0..=1` for a
/// fraction) and none is NaN. The check is monotone, so the column's extremes decide it.
fn all_in_range<T: PolarsNumericType>(
    ca: &ChunkedArray<T>,
    as_f64: impl Fn(T::Native) -> f64,
    spec: &ColumnSpec,
    unit: bool,
) -> bool {
    let within = |x: f64| in_range(x, spec) && (!unit || (0.0..=1.0).contains(&x));
    extremes(ca, as_f64).is_none_or(|(lo, hi, nan)| !nan && within(lo) && within(hi))
}

/// A number the row parser's range check accepts (and not NaN, which it would pass on).
fn in_range(x: f64, spec: &ColumnSpec) -> bool {
    !x.is_nan() && super::cells::range_error(x, spec).is_none()
}

/// The column as the row parser would produce it, when it would produce it unchanged.
fn take_clean(s: &Series, spec: &ColumnSpec) -> PolarsResult<Option<Column>> {
    // A required column with a missing value means a rejected row: the row parser says which.
    if spec.required && s.null_count() > 0 {
        return Ok(None);
    }
    let out: Series = match (spec.kind, s.dtype()) {
        (Kind::Text, DataType::String) => {
            // Ids repeat on consecutive rows (an account's snapshots come together) and
            // coded fields repeat one view per spelling: a view seen before was checked.
            if !super::views::all_text(s.str()?, |v| clean_text(v, spec.allowed)) {
                return Ok(None);
            }
            s.clone()
        }
        (Kind::DateTime, DataType::Datetime(_, tz)) => s
            .cast(&DataType::Datetime(TimeUnit::Microseconds, tz.clone()))?
            .cast(&DataType::Int64)?
            .cast(&target(Kind::DateTime))?,
        (Kind::Date, DataType::Date) => s.clone(),
        (Kind::Number, dt) if dt.is_primitive_numeric() => {
            let f = s.cast(&DataType::Float64)?;
            if !all_in_range(f.f64()?, |x| x, spec, false) {
                return Ok(None);
            }
            f
        }
        (Kind::Integer, dt) if dt.is_integer() => {
            let i = s.cast(&DataType::Int64)?;
            // `as f64` keeps order, so the extremes decide as for numbers.
            if !all_in_range(i.i64()?, |x| x as f64, spec, false) {
                return Ok(None);
            }
            i
        }
        (Kind::Fraction, dt) if dt.is_float() => {
            let f = s.cast(&DataType::Float64)?;
            if !all_in_range(f.f64()?, |x| x, spec, true) {
                return Ok(None);
            }
            f
        }
        (Kind::Fraction, DataType::Boolean) => s.cast(&DataType::Float64)?,
        // A blank boolean cell is false.
        (Kind::Bool, DataType::Boolean) => s.bool()?.fill_null_with_values(false)?.into_series(),
        _ => return Ok(None),
    };
    Ok(Some(out.into_column()))
}

/// Segment normalisation (METRICS.md §3) on the distinct values, and the unknown ones counted.
fn segments(c: &Column) -> PolarsResult<(Column, Vec<(String, u64)>)> {
    let ca = c.as_materialized_series().str()?.clone();
    let mut unknown: std::collections::BTreeMap<String, u64> = Default::default();
    let mut cache: std::collections::HashMap<&str, (&'static str, bool)> = Default::default();
    let mut out: Vec<Option<&'static str>> = Vec::with_capacity(ca.len());
    for v in ca.iter() {
        out.push(v.map(|s| {
            let (seg, known) = *cache
                .entry(s)
                .or_insert_with(|| parse::normalise_segment(s));
            if !known {
                *unknown.entry(s.to_string()).or_default() += 1;
            }
            seg
        }));
    }
    Ok((
        Column::new(c.name().clone(), out),
        unknown.into_iter().collect(),
    ))
}

/// The survey score ranges (CSAT 1–5, NPS 0–10) hold on every row.
fn survey_scores_in_range(kind: &Column, score: &Column) -> PolarsResult<bool> {
    let kinds = kind.as_materialized_series().str()?.clone();
    let scores = score.as_materialized_series().f64()?.clone();
    let ok = kinds.iter().zip(scores.iter()).all(|(k, s)| match (k, s) {
        (Some(k), Some(s)) => {
            let (lo, hi) = super::cells::survey_score_range(k);
            (lo..=hi).contains(&s)
        }
        _ => true,
    });
    Ok(ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::ingest::read::{read_parquet, ReadOptions};

    /// Write `df` as Parquet and read it with and without the columnar path.
    fn both(df: &mut DataFrame, table: &str) -> (ParsedTable, ParsedTable) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(format!("{table}.parquet"));
        let f = std::fs::File::create(&path).expect("create");
        ParquetWriter::new(f).finish(df).expect("write");
        let spec = schema::table(table).expect("table");
        let settings = Settings::default();
        let read = |fast| {
            read_parquet(&path, spec, &settings, ReadOptions::columnar(fast))
                .expect("io")
                .map_err(|e| e.0)
                .expect("parsed")
        };
        // The clean frame really takes the columnar path (else the comparison is empty).
        let index: Vec<Option<usize>> = spec
            .columns
            .iter()
            .map(|c| df.get_column_index(c.name))
            .collect();
        assert!(
            try_fast(df, &index, spec, "x").expect("no error").is_some(),
            "the columnar path was not taken"
        );
        (read(true), read(false))
    }

    fn micros(s: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(s)
            .expect("datetime")
            .timestamp_micros()
    }

    #[test]
    fn clean_typed_deals_take_the_fast_path_and_equal_the_row_parser() {
        let closed = Series::new(
            "closed_at".into(),
            [
                micros("2026-10-05T10:00:00Z"),
                micros("2026-10-01T00:00:00Z"),
            ],
        )
        .cast(&DataType::Datetime(
            TimeUnit::Microseconds,
            Some(polars::prelude::TimeZone::UTC),
        ))
        .expect("cast");
        let mut df = df!(
            "deal_id" => ["D1", "D2"],
            "account_id" => ["A1", "A2"],
            "account_name" => ["Acme", "<b>Initech</b>"],
            "segment" => ["Mid-Market", "enterprise"],
            "acv" => [120_000.0, 0.5],
            "sales_rep" => ["r1", "r2"],
            "sales_team" => [Some("T"), None],
            "region" => ["NA", "EMEA"]
        )
        .expect("frame");
        df.with_column(closed.into_column()).expect("column");
        let (fast, slow) = both(&mut df, schema::DEALS);
        assert!(fast.df.equals_missing(&slow.df), "{}\n{}", fast.df, slow.df);
        // Segments normalised on both paths ("Mid-Market" → mid_market).
        let seg = fast
            .df
            .column("segment")
            .expect("segment")
            .str()
            .expect("str")
            .get(0);
        assert_eq!(seg, Some("mid_market"));
        assert_eq!(fast.rows_read, 2);
        assert_eq!(fast.warnings, slow.warnings);
    }

    #[test]
    fn typed_snapshots_equal_the_row_parser() {
        let days = Series::new("snapshot_date".into(), [20_000i32, 20_007])
            .cast(&DataType::Date)
            .expect("date");
        let mut df = df!(
            "account_id" => ["A1", "A1"],
            "active_users" => [3i64, 4],
            "licensed_seats" => [10i64, 10]
        )
        .expect("frame");
        df.with_column(days.into_column()).expect("column");
        let (fast, slow) = both(&mut df, schema::ADOPTION);
        assert!(fast.df.equals_missing(&slow.df), "{}\n{}", fast.df, slow.df);
    }

    #[test]
    fn a_value_the_row_parser_would_change_falls_back() {
        // " A1" would be trimmed, a negative seat count rejected: the row parser decides,
        // so the problem is reported with its line.
        for (account, seats) in [(" A1", 10i64), ("A1", -1)] {
            let days = Series::new("snapshot_date".into(), [20_000i32])
                .cast(&DataType::Date)
                .expect("date");
            let mut df = df!(
                "account_id" => [account],
                "active_users" => [3i64],
                "licensed_seats" => [seats]
            )
            .expect("frame");
            df.with_column(days.into_column()).expect("column");
            let index: Vec<Option<usize>> = [
                "account_id",
                "snapshot_date",
                "active_users",
                "licensed_seats",
            ]
            .iter()
            .map(|n| df.get_column_index(n))
            .collect();
            let spec = schema::table(schema::ADOPTION).expect("table");
            assert!(try_fast(&df, &index, spec, "adoption.parquet")
                .expect("no error")
                .is_none());
        }
    }

    #[test]
    fn clean_text_looks_at_both_ends() {
        for clean in ["A1", "a b", "\u{1f}x", "é", "ä b ü"] {
            assert!(clean_text(clean, None), "{clean:?}");
        }
        for unclean in [
            "",
            " A1",
            "A1\t",
            "\u{b}x",
            "x\u{c}",
            "\u{feff}A1",
            "A1\u{a0}",
            "\u{2003}",
            "a\0b",
        ] {
            assert!(!clean_text(unclean, None), "{unclean:?}");
        }
        assert!(clean_text("open", Some(&["open", "closed"])));
        assert!(!clean_text("Open", Some(&["open", "closed"])));
    }

    #[test]
    fn ranges_decided_by_the_extremes() {
        let seats = schema::table(schema::ADOPTION)
            .and_then(|t| t.columns.iter().find(|c| c.name == schema::LICENSED_SEATS))
            .expect("licensed_seats: > 0");
        let ints = |v: &[Option<i64>]| v.iter().copied().collect::<Int64Chunked>();
        let as_f64 = |x: i64| x as f64;
        assert!(all_in_range(
            &ints(&[Some(3), None, Some(1)]),
            as_f64,
            seats,
            false
        ));
        assert!(!all_in_range(
            &ints(&[Some(3), None, Some(0)]),
            as_f64,
            seats,
            false
        ));
        assert!(all_in_range(&ints(&[None, None]), as_f64, seats, false));
        // Several chunks: the extremes of all of them.
        let mut ca = ints(&[Some(5), Some(7)]);
        ca.append_owned(ints(&[Some(2), Some(0)])).expect("append");
        assert!(!all_in_range(&ca, as_f64, seats, false));
        let floats = |v: &[Option<f64>]| v.iter().copied().collect::<Float64Chunked>();
        let same = |x: f64| x;
        let free = schema::table(schema::DEALS)
            .and_then(|t| t.columns.iter().find(|c| c.name == schema::DEAL_ID))
            .expect("an unranged column");
        assert!(all_in_range(
            &floats(&[Some(-4.0), Some(1e9)]),
            same,
            free,
            false
        ));
        assert!(!all_in_range(
            &floats(&[Some(1.0), Some(f64::NAN)]),
            same,
            free,
            false
        ));
        assert!(!all_in_range(
            &floats(&[Some(f64::NAN), None]),
            same,
            free,
            false
        ));
        // A fraction: 0..=1 as well.
        assert!(all_in_range(
            &floats(&[Some(0.0), Some(1.0)]),
            same,
            free,
            true
        ));
        assert!(!all_in_range(
            &floats(&[Some(0.5), Some(1.5)]),
            same,
            free,
            true
        ));
    }

    #[test]
    fn slice_extremes_in_every_lane_and_the_rest() {
        assert_eq!(slice_extremes::<f64>(&[]), None);
        assert_eq!(slice_extremes(&[4_i64]), Some((4, 4, false)));
        // 19 values: two full rounds of eight lanes and three left over; the extremes sit
        // in a lane, then in the rest.
        let mut v: Vec<f64> = (0..19).map(|i| (i % 5) as f64).collect();
        assert_eq!(slice_extremes(&v), Some((0.0, 4.0, false)));
        v[11] = -7.5;
        v[18] = 9.0;
        assert_eq!(slice_extremes(&v), Some((-7.5, 9.0, false)));
        // A NaN anywhere, first included, is flagged.
        for at in [0, 5, 17] {
            let mut w = v.clone();
            w[at] = f64::NAN;
            let (_, _, nan) = slice_extremes(&w).expect("values");
            assert!(nan, "NaN at {at}");
        }
        let ints: Vec<i64> = (0..40).map(|i| 1000 - i * 37).collect();
        assert_eq!(slice_extremes(&ints), Some((1000 - 39 * 37, 1000, false)));
    }
}
