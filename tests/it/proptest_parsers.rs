//! Property tests for ingest (issue #6): the METRICS.md §3 value parsers never panic and agree with
//! the values they were written from; the CSV and Parquet readers never panic on any bytes
//! and always account for every row; a CSV read in pieces on two threads reads as in one
//! piece; rows written by `handoff generate` (CSV and Parquet of one seed) and rows written
//! by a CSV writer read back unchanged.
//!
//! Case counts stay modest (64–256) so the suite runs in seconds in the dev profile.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Datelike, NaiveDate};
use polars::prelude::*;
use proptest::prelude::*;
use proptest::sample::{select, Index};

use handoff::config::{ConfigFile, Settings};
use handoff::generate::{generate, DataFormat, GenerateOptions};
use handoff::ingest::parse::*;
use handoff::ingest::{self, read, Action, Ingested};
use handoff::schema::{self, TABLES};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 31).unwrap()
}

/// A string that is often shaped like a date, a number or a boolean, else anything.
fn messy_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,24}",
        "[+-]?[0-9]{1,7}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2}([.,][0-9]{0,12})?)?( ?(Z|z|UTC|[+-][0-9]{1,2}(:?[0-9]{1,2})?))?)?",
        "[(]?[-]?(USD|EUR|GBP)? ?[$€£]?[-]?[0-9]{0,4}([,. ][0-9]{0,4}){0,3}([eE][+-]?[0-9]{1,4})? ?(EUR|USD)?[)]?",
        "(?i)(true|false|yes|no|y|n|t|f|1|0|1\\.0|0\\.0|maybe|nan|inf|-inf|infinity)",
        "[0-9]{1,2}/[0-9]{1,2}/[0-9]{1,6}",
    ]
}

fn date_format() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(prop_oneof![
        Just("%m/%d/%Y".to_string()),
        Just("%d.%m.%Y %H:%M".to_string()),
        "[%a-zA-Z/:. -]{0,12}",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Every value parser returns `Ok` or `Err` for any text, and its `Ok` values keep their
    /// promises (finite, in range, trimmed, a known segment).
    #[test]
    fn value_parsers_never_panic(s in messy_string(), fmt in date_format(), dc in any::<bool>()) {
        let _ = parse_datetime(&s, fmt.as_deref());
        let _ = parse_date(&s, fmt.as_deref());
        if let Ok(v) = parse_number(&s, dc) {
            prop_assert!(v.is_finite());
        }
        if let Ok(v) = parse_integer(&s, dc) {
            // An integer is exactly the number the text reads as, and a whole one.
            prop_assert_eq!(parse_number(&s, dc), Ok(v as f64));
            prop_assert!(v.unsigned_abs() <= 9_000_000_000_000_000);
        }
        if let Ok(v) = parse_fraction(&s, dc) {
            prop_assert!((0.0..=1.0).contains(&v));
        }
        let _ = parse_bool(&s);
        match parse_text(&s) {
            Ok(Some(t)) => {
                prop_assert!(!t.is_empty() && t.trim() == t && !t.contains('\0'));
            }
            Ok(None) => {
                let blank = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty();
                prop_assert!(blank, "{:?}", s);
            }
            Err(_) => prop_assert!(s.contains('\0')),
        }
        let (segment, _) = normalise_segment(&s);
        prop_assert!(schema::SEGMENTS.contains(&segment));
    }

    /// A datetime written in any spelling of METRICS.md §3 parses back to the same instant.
    #[test]
    fn datetimes_round_trip(
        secs in -2_208_988_800i64..253_402_300_799, // 1900-01-01 ..= 9999-12-31T23:59:59
        micros in 0u32..1_000_000,
        offset_min in -23 * 60i32..=23 * 60,
        spelling in 0u8..5,
    ) {
        let utc = DateTime::from_timestamp(secs, micros * 1000).unwrap();
        let want = utc.timestamp_micros();
        let off = chrono::FixedOffset::east_opt(offset_min * 60).unwrap();
        let local = utc.with_timezone(&off);
        let (text, want) = match spelling {
            0 => (utc.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string(), want),
            1 => (local.format("%Y-%m-%dT%H:%M:%S%.6f%:z").to_string(), want),
            2 => (local.format("%Y-%m-%d %H:%M:%S%z").to_string(), want - i64::from(micros)),
            3 => (utc.format("%Y-%m-%d %H:%M").to_string(), want - want.rem_euclid(60_000_000)),
            _ => (utc.format("%Y-%m-%d").to_string(), want - want.rem_euclid(MICROS_PER_DAY)),
        };
        prop_assert_eq!(parse_datetime(&text, None), Ok(want), "{}", text);
        let days = want.div_euclid(MICROS_PER_DAY) as i32;
        if spelling != 1 && spelling != 2 {
            prop_assert_eq!(parse_date(&text, None), Ok(days), "{}", text);
        }
    }

    /// Howard Hinnant's day count agrees with chrono over chrono's whole range.
    #[test]
    fn days_from_civil_agrees_with_chrono(days in -95_000_000i64..95_000_000) {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        let d = epoch + chrono::Duration::days(days);
        prop_assert_eq!(days_from_civil(i64::from(d.year()), d.month(), d.day()), days);
        prop_assert_eq!(i64::from(epoch_days(d)), days);
    }

    /// A number written plainly or as money (thousands separators, currency, parentheses,
    /// decimal comma) parses back to the same value.
    #[test]
    fn numbers_round_trip(cents in 0u64..100_000_000_000, style in 0u8..6, negative in any::<bool>()) {
        let whole = cents / 100;
        let grouped = |sep: &str| {
            let digits = whole.to_string();
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push_str(sep);
                }
                out.push(c);
            }
            out
        };
        let frac = cents % 100;
        let (text, dc) = match style {
            0 => (format!("{whole}.{frac:02}"), false),
            1 => (format!("${}.{frac:02}", grouped(",")), false),
            2 => (format!("USD {}.{frac:02}", grouped(",")), false),
            3 => (format!("{},{frac:02}", grouped(".")), true),
            4 => (format!("{},{frac:02} EUR", grouped(" ")), true),
            _ => (format!("{}", cents as f64 / 100.0), false),
        };
        let want = cents as f64 / 100.0;
        let (text, want) = if negative && want > 0.0 {
            (if style == 1 { format!("({text})") } else { format!("-{text}") }, -want)
        } else {
            (text, want)
        };
        prop_assert_eq!(parse_number(&text, dc), Ok(want), "{}", text);
    }

    /// Every boolean spelling in any letter case.
    #[test]
    fn booleans_in_any_case(word in select(&["true", "yes", "y", "t", "1", "false", "no", "n", "f", "0"][..]), upper in proptest::collection::vec(any::<bool>(), 5)) {
        let text: String = word
            .chars()
            .zip(upper.iter().cycle())
            .map(|(c, u)| if *u { c.to_ascii_uppercase() } else { c })
            .collect();
        let want = ["true", "yes", "y", "t", "1"].contains(&word);
        prop_assert_eq!(parse_bool(&format!(" {text} ")), Ok(want));
        prop_assert_eq!(parse_fraction(&text, false), Ok(if want { 1.0 } else { 0.0 }));
    }
}

// ---- the readers -----------------------------------------------------------------------

fn settings(delimiter: &str, decimal_comma: bool, date_format: Option<&str>) -> Settings {
    let file = ConfigFile {
        delimiter: Some(delimiter.to_string()),
        decimal_comma: Some(decimal_comma),
        date_format: date_format.map(str::to_string),
        max_rejected_share: Some(1.0),
        ..ConfigFile::default()
    };
    Settings::from_file(&file).unwrap()
}

fn any_settings() -> impl Strategy<Value = Settings> {
    (
        select(&[",", ";", "tab", "|"][..]),
        any::<bool>(),
        proptest::option::of(select(&["%m/%d/%Y", "%d.%m.%Y"][..])),
    )
        .prop_map(|(d, dc, f)| settings(d, dc, f))
}

const BASE_DEALS: &str = "\
deal_id,account_id,account_name,segment,acv,closed_at,sales_rep,sales_team,region
D1,A1,Acme,Enterprise,\"$120,000.00\",2026-10-05T10:00:00Z,rep_a,Team X,NA
D2,A2,\"Globex, \"\"Intl\"\"\",mid-market,45000,2026-10-01,rep_b,Team X,EMEA
D3,A3,Initech,SMB,\"USD 9,500.00\",2026-10-20T23:30:00-02:00,rep_a,Team Y,NA
D1,A4,Dup,smb,1,2026-10-02,rep_c,,
D5,A1,Later,smb,2,2026-10-09,rep_c,,
";
const BASE_HANDOFFS: &str = "\
handoff_id,deal_id,csm,meeting_at,doc_deal_summary,cs_acceptance,rejections
H1,D1,csm_1,2026-10-07T10:00:00Z,yes,accepted,0
H2,D2,csm_2,2026-10-03 00:00:01,0.5,needs_revision,2
H3,D9,csm_3,,,,
";
const BASE_MILESTONES: &str = "\
account_id,milestone,achieved_at
A1,first_value,2026-10-20
A2,first_value,2026-12-01
A9,first_value,2026-10-01
";

/// Bytes that break CSV and text decoding in interesting ways.
const NASTY: &[u8] = &[
    b'"', b',', b';', b'\t', b'\n', b'\r', b' ', 0, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0xFC,
    0x80, b'-', b'$', b'9', b'(',
];

/// Apply edits (insert a nasty byte, delete a byte) and a truncation to `text`.
fn mutate(text: &[u8], edits: &[(Index, Option<u8>)], cut: Option<Index>) -> Vec<u8> {
    let mut b = text.to_vec();
    for (at, byte) in edits {
        let i = at.index(b.len() + 1);
        match byte {
            Some(x) => b.insert(i, *x),
            None if i < b.len() => {
                b.remove(i);
            }
            None => {}
        }
    }
    if let Some(c) = cut {
        let keep = c.index(b.len() + 1);
        b.truncate(keep);
    }
    b
}

fn edits() -> impl Strategy<Value = Vec<(Index, Option<u8>)>> {
    proptest::collection::vec((any::<Index>(), proptest::option::of(select(NASTY))), 0..10)
}

/// `rows_read = rows_used + rows_rejected + rows_excluded` for every table, every issue has a
/// line, and every row-level issue of a table with rows names a data line.
fn check_accounting(ing: &Ingested) -> Result<(), TestCaseError> {
    for (table, c) in &ing.counts {
        prop_assert_eq!(
            c.rows_read,
            c.rows_used + c.rows_rejected + c.rows_excluded,
            "{}",
            table
        );
        prop_assert_eq!(c.excluded_by_reason.values().sum::<u64>(), c.rows_excluded);
        prop_assert_eq!(ing.tables[table].height() as u64, c.rows_used);
    }
    for i in &ing.issues {
        prop_assert!(i.line >= 2, "issue without a data line: {:?}", i);
        prop_assert!(
            i.value.chars().count() <= 260,
            "unclipped value: {:?}",
            i.value
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// The CSV reader, given any bytes for any table, returns rows or a table-level problem.
    #[test]
    fn csv_reader_never_panics_on_any_bytes(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        table in 0..TABLES.len(),
        s in any_settings(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{}.csv", TABLES[table].name));
        std::fs::write(&path, &bytes).unwrap();
        let result = read::read_csv(&path, &TABLES[table], &s, Default::default()).unwrap();
        if let Ok(t) = result {
            prop_assert_eq!(t.df.height() as u64, t.rows_read - t.rows_rejected);
        }
    }

    /// The whole ingest, given a valid data set with nasty bytes inserted, deleted or cut off,
    /// never panics and accounts for every row it read.
    #[test]
    fn ingest_never_panics_on_damaged_csv(
        deal_edits in edits(),
        deal_cut in proptest::option::of(any::<Index>()),
        handoff_edits in edits(),
        milestone_edits in edits(),
        s in any_settings(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str, e: &[(Index, Option<u8>)], cut: Option<Index>| {
            let text = match s.delimiter {
                b',' => text.to_string(),
                d => text.replace(',', &(d as char).to_string()),
            };
            std::fs::write(dir.path().join(name), mutate(text.as_bytes(), e, cut)).unwrap();
        };
        write("deals.csv", BASE_DEALS, &deal_edits, deal_cut);
        write("handoffs.csv", BASE_HANDOFFS, &handoff_edits, None);
        write("milestones.csv", BASE_MILESTONES, &milestone_edits, None);
        let ing = ingest::ingest(dir.path(), &s, as_of(), false).unwrap();
        check_accounting(&ing)?;
        for m in ing.warnings.iter().chain(&ing.fatal) {
            let names_table = TABLES.iter().any(|t| m.contains(t.name));
            prop_assert!(names_table, "message names no table: {}", m);
        }
    }
}

/// A read's whole outcome in a form to compare: the rows, counts, findings and warnings,
/// or the table-level problem.
fn outcome(read: &Result<read::ParsedTable, read::Fatal>) -> (Option<DataFrame>, String) {
    match read {
        Err(fatal) => (None, format!("{fatal:?}")),
        Ok(t) => (
            Some(t.df.clone()),
            format!(
                "read {} rejected {} filtered {}\n{:?}\n{:?}\n{:?}\n{:?}",
                t.rows_read,
                t.rows_rejected,
                t.rows_filtered,
                t.issues,
                t.warnings,
                t.rejected_ids,
                t.filtered_ids
            ),
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// A damaged CSV cut into pieces of whole records, down to a few bytes each (two threads
    /// reading them), reads exactly as it does in one piece.
    #[test]
    fn csv_read_in_pieces_reads_as_in_one(
        edits in edits(),
        cut in proptest::option::of(any::<Index>()),
        table in 0..3usize,
        piece_bytes in 1usize..80,
        s in any_settings(),
    ) {
        let (name, base) = [
            (schema::DEALS, BASE_DEALS),
            (schema::HANDOFFS, BASE_HANDOFFS),
            (schema::MILESTONES, BASE_MILESTONES),
        ][table];
        let text = match s.delimiter {
            b',' => base.to_string(),
            d => base.replace(',', &(d as char).to_string()),
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{name}.csv"));
        std::fs::write(&path, mutate(text.as_bytes(), &edits, cut)).unwrap();
        let spec = schema::table(name).unwrap();
        let read = |piece_bytes| {
            let options = read::ReadOptions { columnar: false, piece_bytes, ..Default::default() };
            outcome(&read::read_csv(&path, spec, &s, options).unwrap())
        };
        let (whole, pieces) = (read(usize::MAX), read(piece_bytes));
        prop_assert_eq!(&pieces.1, &whole.1);
        match (&pieces.0, &whole.0) {
            (Some(a), Some(b)) => prop_assert!(a.equals_missing(b), "{}\n{}", a, b),
            (a, b) => prop_assert_eq!(a.is_none(), b.is_none()),
        }
    }
}

/// A small valid deals table written as Parquet into memory.
fn deals_parquet() -> Vec<u8> {
    let closed = Column::new(
        "closed_at".into(),
        [1_790_000_000_000_000i64, 1_791_000_000_000_000],
    )
    .cast(&DataType::Datetime(
        TimeUnit::Microseconds,
        Some(TimeZone::UTC),
    ))
    .unwrap();
    let mut df = DataFrame::new_infer_height(vec![
        Column::new("deal_id".into(), ["D1", "D2"]),
        Column::new("account_id".into(), ["A1", "A2"]),
        Column::new("account_name".into(), [Some("Acme"), None]),
        Column::new("segment".into(), ["smb", "Enterprise"]),
        Column::new("acv".into(), [1200.5, 99.0]),
        closed,
        Column::new("sales_rep".into(), ["r1", "r2"]),
    ])
    .unwrap();
    let mut buf = Vec::new();
    ParquetWriter::new(&mut buf).finish(&mut df).unwrap();
    buf
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// A damaged Parquet file (bytes overwritten anywhere, most often in the footer, or cut
    /// short) is a table-level problem naming the file, never a panic.
    #[test]
    fn parquet_reader_never_panics_on_damaged_files(
        hits in proptest::collection::vec((any::<Index>(), any::<u8>(), any::<bool>()), 1..6),
        cut in proptest::option::weighted(0.1, any::<Index>()),
    ) {
        let good = deals_parquet();
        let n = good.len();
        // The footer: the metadata, its length and the magic `PAR1` end the file.
        let meta_len = u32::from_le_bytes(good[n - 8..n - 4].try_into().unwrap()) as usize;
        let mut bytes = good.clone();
        for (at, value, in_metadata) in &hits {
            let i = if *in_metadata { n - 8 - meta_len + at.index(meta_len) } else { at.index(n) };
            bytes[i] = *value;
        }
        if let Some(c) = cut {
            bytes.truncate(c.index(n + 1));
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deals.parquet");
        std::fs::write(&path, &bytes).unwrap();
        match read::read_parquet(&path, &TABLES[0], &Settings::default(), Default::default()).unwrap() {
            Ok(t) => prop_assert_eq!(t.df.height() as u64, t.rows_read - t.rows_rejected),
            Err(read::Fatal(msg)) => prop_assert!(msg.contains("deals.parquet"), "{}", msg),
        }
    }
}

#[test]
fn the_undamaged_parquet_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deals.parquet");
    std::fs::write(&path, deals_parquet()).unwrap();
    let t = read::read_parquet(&path, &TABLES[0], &Settings::default(), Default::default())
        .unwrap()
        .unwrap_or_else(|f| panic!("{}", f.0));
    assert_eq!((t.rows_read, t.rows_rejected), (2, 0));
}

// ---- round trips -----------------------------------------------------------------------

/// The used rows of every table, ordered by source line, as comparable frames (the snapshot
/// tables carry no `_line`: their rows are in file order already).
fn frames(ing: &Ingested) -> BTreeMap<&'static str, DataFrame> {
    ing.tables
        .iter()
        .map(|(name, df)| {
            let sorted = match df.column(schema::LINE) {
                Ok(_) => df
                    .sort([schema::LINE], SortMultipleOptions::default())
                    .unwrap(),
                Err(_) => df.clone(),
            };
            (*name, sorted)
        })
        .collect()
}

fn generated(seed: u64, format: DataFormat, dir: &Path) -> Ingested {
    generate(&GenerateOptions {
        deals: 60,
        seed,
        as_of: as_of(),
        format,
        out: dir.to_path_buf(),
        force: false,
    })
    .unwrap();
    // Strict: a single rejected row fails validation.
    let ing = ingest::ingest(dir, &Settings::default(), as_of(), true).unwrap();
    assert!(
        ing.fatal.is_empty(),
        "seed {seed} {format:?}: {:?}",
        ing.fatal
    );
    let problems: Vec<_> = ing
        .issues
        .iter()
        .filter(|i| i.action != Action::Excluded)
        .collect();
    assert!(problems.is_empty(), "seed {seed} {format:?}: {problems:?}");
    ing
}

/// `handoff generate` writes the same data as messy-but-legal CSV and as typed Parquet: both
/// read back without a rejected or set-missing value, and to the same frames.
#[test]
fn generated_data_reads_back_unchanged() {
    for seed in [1, 7, 42] {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let csv = generated(seed, DataFormat::Csv, a.path());
        let parquet = generated(seed, DataFormat::Parquet, b.path());
        assert_eq!(csv.tables.len(), 8, "seed {seed}: every table is present");
        let (fc, fp) = (frames(&csv), frames(&parquet));
        for (table, c) in &fc {
            let p = &fp[table];
            assert_eq!(c.shape(), p.shape(), "seed {seed} {table}");
            for (cc, pc) in c.columns().iter().zip(p.columns()) {
                if cc.name().as_str() == schema::LINE {
                    continue; // a CSV row spanning lines would shift the numbering
                }
                assert!(
                    cc.as_materialized_series()
                        .equals_missing(pc.as_materialized_series()),
                    "seed {seed} {table}.{}: CSV {:?} vs Parquet {:?}",
                    cc.name(),
                    cc.head(Some(5)),
                    pc.head(Some(5))
                );
            }
            let counts = (&csv.counts[table], &parquet.counts[table]);
            assert_eq!(
                counts.0.rows_read, counts.1.rows_read,
                "seed {seed} {table}"
            );
        }
    }
}

/// One deal row as written by a CSV writer and as it must read back.
#[derive(Debug, Clone)]
struct Row {
    name: Option<String>,
    segment: &'static str,
    cents: u64,
    closed_us: i64,
    closed_text: String,
    rep: String,
}

fn row() -> impl Strategy<Value = Row> {
    (
        proptest::option::of("[A-Za-zÀ-ÿ0-9]([A-Za-zÀ-ÿ0-9 ,;\"'=+@\n-]{0,14}[A-Za-zÀ-ÿ0-9])?"),
        select(&["enterprise", "mid_market", "smb", "strategic"][..]),
        0u64..10_000_000_000,
        946_684_800i64..1_790_000_000, // 2000-01-01 .. 2026-09
        -14 * 60i32..=14 * 60,
        0u8..3,
        "[a-z][a-z_ 0-9]{0,10}[a-z0-9]",
    )
        .prop_map(|(name, segment, cents, secs, off, style, rep)| {
            let utc = DateTime::from_timestamp(secs, 0).unwrap();
            let local = utc.with_timezone(&chrono::FixedOffset::east_opt(off * 60).unwrap());
            let closed_text = match style {
                0 => utc.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                1 => local.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
                _ => utc.format("%Y-%m-%d %H:%M:%S").to_string(),
            };
            Row {
                name,
                segment,
                cents,
                closed_us: secs * 1_000_000,
                closed_text,
                rep,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Valid rows written by a CSV writer (quotes, delimiters, newlines and accents in text,
    /// money strings, offsets) read back exactly, none rejected or excluded.
    #[test]
    fn written_rows_read_back_unchanged(rows in proptest::collection::vec(row(), 1..12), delimiter in select(&[b',', b';'][..])) {
        let dir = tempfile::tempdir().unwrap();
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_path(dir.path().join("deals.csv"))
            .unwrap();
        w.write_record(["deal_id", "account_id", "account_name", "segment", "acv", "closed_at", "sales_rep"]).unwrap();
        for (i, r) in rows.iter().enumerate() {
            let acv = if i % 2 == 0 {
                format!("{}.{:02}", r.cents / 100, r.cents % 100)
            } else {
                format!("USD {}", r.cents / 100)
            };
            let deal_id = format!("D{i}");
            let account_id = format!("A{i}");
            w.write_record([
                deal_id.as_str(),
                account_id.as_str(),
                r.name.as_deref().unwrap_or(""),
                r.segment,
                acv.as_str(),
                r.closed_text.as_str(),
                r.rep.as_str(),
            ])
            .unwrap();
        }
        w.flush().unwrap();
        drop(w);
        let handoffs = format!("handoff_id{}deal_id\n", delimiter as char);
        std::fs::write(dir.path().join("handoffs.csv"), handoffs).unwrap();
        let s = settings(if delimiter == b';' { ";" } else { "," }, false, None);
        let ing = ingest::ingest(dir.path(), &s, as_of(), true).unwrap();
        prop_assert!(ing.fatal.is_empty(), "{:?}", ing.fatal);
        let problems: Vec<_> = ing.issues.iter().filter(|i| i.table == "deals").collect();
        prop_assert!(problems.is_empty(), "{:?}", problems);
        check_accounting(&ing)?;
        let df = &frames(&ing)["deals"];
        prop_assert_eq!(df.height(), rows.len());
        let col = |name: &str| df.column(name).unwrap().as_materialized_series().clone();
        let names = col(schema::ACCOUNT_NAME);
        let segments = col(schema::SEGMENT);
        let acv = col(schema::ACV);
        let closed = col(schema::CLOSED_AT).cast(&DataType::Int64).unwrap();
        let reps = col(schema::SALES_REP);
        for (i, r) in rows.iter().enumerate() {
            let want_acv = if i % 2 == 0 { r.cents as f64 / 100.0 } else { (r.cents / 100) as f64 };
            prop_assert_eq!(names.str().unwrap().get(i), r.name.as_deref(), "row {}", i);
            prop_assert_eq!(segments.str().unwrap().get(i), Some(r.segment));
            prop_assert_eq!(acv.f64().unwrap().get(i), Some(want_acv));
            prop_assert_eq!(closed.i64().unwrap().get(i), Some(r.closed_us), "{}", r.closed_text);
            prop_assert_eq!(reps.str().unwrap().get(i), Some(r.rep.as_str()));
        }
    }
}
