//! Tests of `handoff generate`: determinism by seed, row counts, canonical headers and legal
//! values in every cell, messy spellings that keep their meaning, CSV and Parquet holding
//! the same data, and outcomes that follow handoff quality.

use std::fs::{self, File};
use std::path::Path;

use chrono::NaiveDate;
use polars::prelude::{DataType, TimeUnit, TimeZone};

use super::calendar::{
    civil_from_days, days_from_civil, quarter_end, DAY_US, HOUR_US, MIN_US, SEC_US,
};
use super::deal::{Model, Sim};
use super::messy::{push_grouped, push_stamp};
use super::rng::Rng;
use super::*;

fn opts(dir: &Path, deals: usize, seed: u64, format: DataFormat) -> GenerateOptions {
    GenerateOptions {
        deals,
        seed,
        as_of: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        format,
        out: dir.to_path_buf(),
        force: false,
    }
}

fn read_all(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// Parses the datetime spellings of METRICS.md §3 to microseconds since the epoch (UTC).
fn parse_instant(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let t = s.get(r)?;
        if t.bytes().all(|c| c.is_ascii_digit()) {
            t.parse().ok()
        } else {
            None
        }
    };
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    NaiveDate::from_ymd_opt(y as i32, mo as u32, d as u32)?;
    let day = days_from_civil(y, mo as u32, d as u32);
    if b.len() == 10 {
        return Some(day * DAY_US);
    }
    if b[10] != b'T' && b[10] != b' ' {
        return None;
    }
    let (hh, mm) = (num(11..13)?, num(14..16)?);
    if b.get(13) != Some(&b':') || hh > 23 || mm > 59 {
        return None;
    }
    let mut pos = 16;
    let mut us = 0;
    let mut ss = 0;
    if b.get(pos) == Some(&b':') {
        ss = num(pos + 1..pos + 3)?;
        pos += 3;
        if b.get(pos) == Some(&b'.') {
            let start = pos + 1;
            let mut end = start;
            while end < b.len() && b[end].is_ascii_digit() {
                end += 1;
            }
            let digits = &s[start..end];
            if digits.is_empty() || digits.len() > 6 {
                return None;
            }
            us = digits.parse::<i64>().ok()? * 10i64.pow(6 - digits.len() as u32);
            pos = end;
        }
    }
    let rest = &s[pos..];
    let offset_min = match rest {
        "" | "Z" => 0,
        _ => {
            let rb = rest.as_bytes();
            if rb.len() != 6 || rb[3] != b':' {
                return None;
            }
            let sign = match rb[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            sign * (rest[1..3].parse::<i64>().ok()? * 60 + rest[4..6].parse::<i64>().ok()?)
        }
    };
    Some(day * DAY_US + (hh * 3600 + mm * 60 + ss) * SEC_US + us - offset_min * MIN_US)
}

fn parse_bool_or_share(s: &str) -> Option<f64> {
    match s.trim().to_ascii_lowercase().as_str() {
        "" | "false" | "no" | "n" | "f" | "0" => Some(0.0),
        "true" | "yes" | "y" | "t" | "1" => Some(1.0),
        other => other
            .parse::<f64>()
            .ok()
            .filter(|x| (0.0..=1.0).contains(x)),
    }
}

fn parse_money(s: &str) -> Option<f64> {
    let t = s.trim();
    let t = t.strip_prefix("USD ").unwrap_or(t);
    let t = t.strip_prefix('$').unwrap_or(t);
    t.replace(',', "").parse().ok()
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rd = csv::Reader::from_path(path).unwrap();
    let header = rd.headers().unwrap().iter().map(String::from).collect();
    let rows = rd
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn same_seed_gives_identical_csv_bytes() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    generate(&opts(a.path(), 200, 7, DataFormat::Csv)).unwrap();
    generate(&opts(b.path(), 200, 7, DataFormat::Csv)).unwrap();
    let (fa, fb) = (read_all(a.path()), read_all(b.path()));
    assert_eq!(fa.len(), 10, "8 tables, handoff.toml and the manifest");
    assert_eq!(fa, fb);
}

#[test]
fn same_seed_gives_identical_parquet_bytes() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    generate(&opts(a.path(), 120, 11, DataFormat::Parquet)).unwrap();
    generate(&opts(b.path(), 120, 11, DataFormat::Parquet)).unwrap();
    let (fa, fb) = (read_all(a.path()), read_all(b.path()));
    assert_eq!(fa.len(), 10, "8 tables, handoff.toml and the manifest");
    assert!(fa.iter().any(|(n, _)| n == "deals.parquet"));
    assert_eq!(fa, fb);
}

#[test]
fn different_seeds_differ() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    generate(&opts(a.path(), 50, 1, DataFormat::Csv)).unwrap();
    generate(&opts(b.path(), 50, 2, DataFormat::Csv)).unwrap();
    let da = fs::read(a.path().join("deals.csv")).unwrap();
    let db = fs::read(b.path().join("deals.csv")).unwrap();
    assert_ne!(da, db);
    let ha = fs::read(a.path().join("health.csv")).unwrap();
    let hb = fs::read(b.path().join("health.csv")).unwrap();
    assert_ne!(ha, hb);
}

#[test]
fn summary_row_counts_match_csv_files() {
    let dir = tempfile::tempdir().unwrap();
    let summary = generate(&opts(dir.path(), 300, 3, DataFormat::Csv)).unwrap();
    let names: Vec<&str> = summary.tables.iter().map(|(n, _)| n.as_str()).collect();
    // Every input table of the schema, in the schema's order.
    let schema: Vec<&str> = crate::schema::TABLES.iter().map(|t| t.name).collect();
    assert_eq!(names, schema);
    for (name, rows) in &summary.tables {
        let (_, records) = read_csv(&dir.path().join(format!("{name}.csv")));
        assert_eq!(records.len() as u64, *rows, "{name}");
    }
    let get = |n: &str| summary.tables.iter().find(|t| t.0 == n).unwrap().1 as f64;
    assert_eq!(get("deals"), 300.0);
    let handoffs = get("handoffs") / 300.0;
    assert!(
        (0.9..=0.995).contains(&handoffs),
        "handoff share {handoffs}"
    );
    for (name, lo, hi) in [
        ("adoption", 8.0, 30.0),
        ("health", 4.0, 16.0),
        ("milestones", 0.8, 2.2),
        ("renewals", 0.2, 1.2),
        ("surveys", 0.8, 3.0),
        ("transitions", 0.04, 0.3),
    ] {
        let per_deal = get(name) / 300.0;
        assert!((lo..=hi).contains(&per_deal), "{name}: {per_deal} per deal");
    }
    let toml = fs::read_to_string(dir.path().join("handoff.toml")).unwrap();
    assert!(toml.contains("as_of = \"2026-10-31\""));
    assert!(!dir.path().join(".deals.csv.partial").exists());
}

#[test]
fn summary_row_counts_match_parquet_files_and_columns_are_typed() {
    use polars::prelude::{ParquetReader, SerReader};
    let dir = tempfile::tempdir().unwrap();
    let summary = generate(&opts(dir.path(), 150, 5, DataFormat::Parquet)).unwrap();
    for (name, rows) in &summary.tables {
        let f = File::open(dir.path().join(format!("{name}.parquet"))).unwrap();
        let df = ParquetReader::new(f).finish().unwrap();
        assert_eq!(df.height() as u64, *rows, "{name}");
    }
    let f = File::open(dir.path().join("deals.parquet")).unwrap();
    let deals = ParquetReader::new(f).finish().unwrap();
    assert_eq!(
        deals.column("closed_at").unwrap().dtype(),
        &DataType::Datetime(TimeUnit::Microseconds, Some(TimeZone::UTC))
    );
    assert_eq!(deals.column("acv").unwrap().dtype(), &DataType::Float64);
    let f = File::open(dir.path().join("health.parquet")).unwrap();
    let health = ParquetReader::new(f).finish().unwrap();
    assert_eq!(
        health.column("snapshot_date").unwrap().dtype(),
        &DataType::Date
    );
    let f = File::open(dir.path().join("transitions.parquet")).unwrap();
    let tr = ParquetReader::new(f).finish().unwrap();
    assert_eq!(tr.column("planned").unwrap().dtype(), &DataType::Boolean);
}

#[test]
fn zero_deals_writes_header_only_files() {
    for format in [DataFormat::Csv, DataFormat::Parquet] {
        let dir = tempfile::tempdir().unwrap();
        let summary = generate(&opts(dir.path(), 0, 9, format)).unwrap();
        assert!(summary.tables.iter().all(|(_, n)| *n == 0));
        if format == DataFormat::Csv {
            let deals = fs::read_to_string(dir.path().join("deals.csv")).unwrap();
            assert_eq!(deals.lines().count(), 1);
        } else {
            use polars::prelude::{ParquetReader, SerReader};
            let f = File::open(dir.path().join("handoffs.parquet")).unwrap();
            let df = ParquetReader::new(f).finish().unwrap();
            assert_eq!(df.height(), 0);
            assert_eq!(df.width(), 24);
        }
    }
}

#[test]
fn csv_has_canonical_headers_and_every_value_is_legal() {
    let dir = tempfile::tempdir().unwrap();
    generate(&opts(dir.path(), 300, 21, DataFormat::Csv)).unwrap();
    let as_of_end = days_from_civil(2026, 11, 1) * DAY_US;
    let (header, deals) = read_csv(&dir.path().join("deals.csv"));
    assert_eq!(
        header.join(","),
        "deal_id,account_id,account_name,segment,acv,closed_at,sales_rep,sales_team,region"
    );
    let mut messy_money = 0;
    for row in &deals {
        assert!(row[0].starts_with('D') && row[0].len() == 8, "{}", row[0]);
        assert!(row[1].starts_with("ACC-"));
        let acv = parse_money(&row[4]).unwrap_or_else(|| panic!("acv {:?}", row[4]));
        assert!(acv >= 0.0);
        messy_money += usize::from(row[4].contains(','));
        assert!(parse_instant(&row[5]).is_some(), "closed_at {:?}", row[5]);
        let seg: String = row[3]
            .to_lowercase()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '/'))
            .collect();
        assert!(!seg.is_empty());
        assert!(!row[6].trim().is_empty());
    }
    assert!(messy_money > 0, "no money strings");
    let check = |name: &str, dt_cols: &[usize], date_cols: &[usize]| {
        let (header, rows) = read_csv(&dir.path().join(format!("{name}.csv")));
        let spec = crate::schema::table(name).unwrap();
        let expected: Vec<&str> = spec.columns.iter().map(|c| c.name).collect();
        assert_eq!(header, expected);
        let mut future = 0;
        for row in &rows {
            assert_eq!(row.len(), header.len());
            for &c in dt_cols {
                if !row[c].is_empty() {
                    let t = parse_instant(&row[c])
                        .unwrap_or_else(|| panic!("{name}.{} {:?}", header[c], row[c]));
                    future += usize::from(t >= as_of_end);
                }
            }
            for &c in date_cols {
                assert!(
                    row[c].len() == 10 && parse_instant(&row[c]).is_some(),
                    "{name}.{} {:?}",
                    header[c],
                    row[c]
                );
            }
        }
        assert!(
            future * 50 <= rows.len().max(50),
            "{name}: {future} future rows"
        );
        rows
    };
    let handoffs = check("handoffs", &[3, 4, 5, 6, 7], &[]);
    for row in &handoffs {
        for cell in &row[8..15] {
            assert!(parse_bool_or_share(cell).is_some(), "check {cell:?}");
        }
        assert!(["", "accepted", "rejected", "needs_revision"].contains(&row[15].as_str()));
        assert!(row[16].is_empty() || row[16].parse::<u32>().is_ok());
    }
    check("milestones", &[2], &[]);
    for row in check("health", &[], &[1]) {
        let h: f64 = row[2].parse().unwrap();
        assert!((0.0..=100.0).contains(&h));
    }
    for row in check("adoption", &[], &[1]) {
        let (a, s): (i64, i64) = (row[2].parse().unwrap(), row[3].parse().unwrap());
        assert!(a >= 0 && s > 0 && a <= s);
    }
    for row in check("renewals", &[], &[1]) {
        assert!(["churn", "renewal", "expansion", "contraction"].contains(&row[2].as_str()));
        assert!(row[3].is_empty() || row[3].parse::<f64>().is_ok());
    }
    for row in check("surveys", &[1], &[]) {
        let s: f64 = row[3].parse().unwrap();
        match row[2].as_str() {
            "csat" => assert!((1.0..=5.0).contains(&s)),
            "nps" => assert!((0.0..=10.0).contains(&s)),
            k => panic!("kind {k}"),
        }
    }
    for row in check("transitions", &[1], &[]) {
        assert!(parse_bool_or_share(&row[5]).is_some());
        assert!(parse_bool_or_share(&row[6]).is_some());
        let kt: f64 = row[7].parse().unwrap();
        assert!((40.0..=100.0).contains(&kt));
        assert!(row[8].is_empty() || (1.0..=5.0).contains(&row[8].parse::<f64>().unwrap()));
    }
}

#[test]
fn messy_datetimes_keep_the_instant() {
    let mut fmt = Rng::new(42);
    let mut buf = String::new();
    let t = days_from_civil(2025, 3, 9) * DAY_US + 23 * HOUR_US + 30 * MIN_US + 1234 * 1000;
    for _ in 0..500 {
        buf.clear();
        push_stamp(&mut buf, t, true, &mut fmt);
        assert_eq!(parse_instant(&buf), Some(t), "{buf}");
    }
    let minute = t - t.rem_euclid(MIN_US);
    for _ in 0..500 {
        buf.clear();
        push_stamp(&mut buf, minute, true, &mut fmt);
        assert_eq!(parse_instant(&buf), Some(minute), "{buf}");
    }
    buf.clear();
    push_stamp(&mut buf, minute, false, &mut fmt);
    assert_eq!(buf, "2025-03-09T23:30:00Z");
    buf.clear();
    push_grouped(&mut buf, 1_234_567.5);
    assert_eq!(buf, "1,234,567.50");
}

#[test]
fn calendar_round_trips() {
    for day in [-800_000, -1, 0, 59, 365, 11_016, 20_000, 2_932_896] {
        let (y, m, d) = civil_from_days(day);
        assert_eq!(days_from_civil(y, m, d), day);
    }
    assert_eq!(
        quarter_end(days_from_civil(2026, 11, 5)),
        days_from_civil(2026, 12, 31)
    );
    assert_eq!(
        quarter_end(days_from_civil(2026, 2, 1)),
        days_from_civil(2026, 3, 31)
    );
}

#[test]
fn csv_and_parquet_hold_the_same_data() {
    use polars::prelude::{ParquetReader, SerReader};
    let dir = tempfile::tempdir().unwrap();
    let csv_summary = generate(&opts(dir.path(), 120, 8, DataFormat::Csv)).unwrap();
    let (_, csv_deals) = read_csv(&dir.path().join("deals.csv"));
    let pq_summary = generate(&opts(dir.path(), 120, 8, DataFormat::Parquet)).unwrap();
    assert_eq!(csv_summary.tables, pq_summary.tables);
    // The CSV tables of the first run were replaced, not left beside the Parquet ones.
    let stale: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".csv") || n.ends_with(".partial"))
        .collect();
    assert!(stale.is_empty(), "{stale:?}");
    let f = File::open(dir.path().join("deals.parquet")).unwrap();
    let df = ParquetReader::new(f).finish().unwrap();
    let acv: Vec<f64> = df
        .column("acv")
        .unwrap()
        .f64()
        .unwrap()
        .iter()
        .map(|x| x.unwrap())
        .collect();
    let closed: Vec<i64> = df
        .column("closed_at")
        .unwrap()
        .datetime()
        .unwrap()
        .physical()
        .iter()
        .map(|x| x.unwrap())
        .collect();
    for (i, row) in csv_deals.iter().enumerate() {
        assert!(
            (parse_money(&row[4]).unwrap() - acv[i]).abs() < 0.005,
            "{row:?}"
        );
        assert_eq!(parse_instant(&row[5]), Some(closed[i]), "{row:?}");
    }
}

/// The effect sizes the model promises, over the eventual (not as-of-censored) outcomes.
#[test]
fn outcomes_follow_handoff_quality() {
    let model = Model::new(4, NaiveDate::from_ymd_opt(2030, 1, 1).unwrap());
    let mut s = Sim::default();
    let mut bands = [[0f64; 5]; 4]; // n, churned, ttfv sum, ttfv n, expanded
    let n = 6000;
    for i in 0..n {
        model.simulate(i, &mut s);
        if s.close_day > model.as_of_day - 365 {
            continue;
        }
        let b = match s.score {
            x if x >= 90.0 => 0,
            x if x >= 80.0 => 1,
            x if x >= 70.0 => 2,
            _ => 3,
        };
        bands[b][0] += 1.0;
        bands[b][1] += f64::from(u8::from(s.churn_day.is_some_and(|c| c <= 365)));
        if let Some(t) = s.ttfv_days {
            bands[b][2] += t / s.seg.unwrap().ttfv_target();
            bands[b][3] += 1.0;
        }
        bands[b][4] += f64::from(u8::from(s.expanded_first_year));
    }
    let total: f64 = bands.iter().map(|b| b[0]).sum();
    for b in &bands {
        assert!(b[0] / total > 0.1, "band shares {bands:?}");
    }
    let rate = |b: usize| bands[b][1] / bands[b][0];
    assert!(
        (0.07..=0.15).contains(&rate(0)),
        "excellent churn {}",
        rate(0)
    );
    assert!(
        (0.24..=0.34).contains(&rate(3)),
        "substandard churn {}",
        rate(3)
    );
    assert!(rate(1) < rate(3) && rate(2) < rate(3));
    let ttfv = |b: usize| bands[b][2] / bands[b][3];
    assert!(
        ttfv(0) < 0.9 && ttfv(3) > 1.6,
        "ttfv/target {} {}",
        ttfv(0),
        ttfv(3)
    );
    let exp = |b: usize| bands[b][4] / bands[b][0];
    assert!(exp(0) > 2.0 * exp(3), "expansion {} {}", exp(0), exp(3));
}
