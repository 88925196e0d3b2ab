//! The same records in every format (.xlsx in the 1904 date system, CSV, typed Parquet)
//! and one health history on three scales give the same metrics.json.

use super::*;
use polars::prelude::*;

/// The config reading `same-records/handoff-data.xlsx`, a sheet per table.
fn workbook_config() -> String {
    let mut toml = String::from("[tables]\n");
    for t in crate::common::TABLES {
        toml.push_str(&format!(
            "{t} = {{ path = \"handoff-data.xlsx\", sheet = \"{t}\" }}\n"
        ));
    }
    toml
}

/// `header_rows` on Parquet: a survey CSV converted as it was keeps its second and
/// third header rows as the first data rows; `header_rows = 3` drops them, and the
/// responses keep their row numbers (line = row + 2).
#[test]
fn header_rows_on_parquet_drop_the_first_rows() {
    let d = tempfile::tempdir().unwrap();
    for f in ["deals.csv", "handoffs.csv"] {
        fs::copy(fixture(&format!("qualtrics/{f}")), d.path().join(f)).unwrap();
    }
    let mut df = DataFrame::new_infer_height(vec![
        Column::new(
            "ExternalReference".into(),
            [
                "External Data Reference",
                "{\"ImportId\":\"x\"}",
                "ACC-1",
                "ACC-2",
            ],
        ),
        Column::new(
            "RecordedDate".into(),
            [
                "Recorded Date",
                "{\"ImportId\":\"y\"}",
                "2026-07-10 08:00:00",
                "oops",
            ],
        ),
        Column::new(
            "Q1".into(),
            ["How likely…", "{\"ImportId\":\"QID1\"}", "9", "6"],
        ),
    ])
    .unwrap();
    let f = fs::File::create(d.path().join("nps.parquet")).unwrap();
    ParquetWriter::new(f).finish(&mut df).unwrap();
    fs::write(
        d.path().join("handoff.toml"),
        "max_rejected_share = 0.5\n[tables]\nsurveys = { path = \"nps.parquet\", header_rows = 3 }\n\
         [columns.surveys]\naccount_id = \"ExternalReference\"\nresponded_at = \"RecordedDate\"\nscore = \"Q1\"\n\
         [defaults.surveys]\nkind = \"nps\"\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let (_, m, dq) = report(d.path(), None, out.path());
    assert_eq!(accounting(&m, "surveys"), (vec![2, 1, 1, 0], json!({})));
    assert!(
        dq.contains("nps.parquet,5,responded_at,oops,rejected"),
        "{dq}"
    );
}

/// A CSV column as a typed Parquet column, the way a warehouse would type it.
fn typed(name: &str, values: &[String]) -> Column {
    let present: Vec<&String> = values.iter().filter(|v| !v.is_empty()).collect();
    let all = |f: &dyn Fn(&str) -> bool| !present.is_empty() && present.iter().all(|v| f(v));
    let opt = |v: &String| (!v.is_empty()).then(|| v.clone());
    let is_dt = |v: &str| v.len() == 20 && v.ends_with('Z') && v.as_bytes()[10] == b'T';
    let is_date = |v: &str| chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok();
    if all(&is_dt) {
        let us: Vec<Option<i64>> = values
            .iter()
            .map(|v| {
                opt(v).map(|v| {
                    chrono::DateTime::parse_from_rfc3339(&v)
                        .unwrap()
                        .timestamp_micros()
                })
            })
            .collect();
        return Column::new(name.into(), us)
            .cast(&DataType::Datetime(
                TimeUnit::Microseconds,
                Some(TimeZone::UTC),
            ))
            .unwrap();
    }
    if all(&is_date) {
        let days: Vec<Option<i32>> = values
            .iter()
            .map(|v| {
                opt(v).map(|v| {
                    let d = chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d").unwrap();
                    (d - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days() as i32
                })
            })
            .collect();
        return Column::new(name.into(), days)
            .cast(&DataType::Date)
            .unwrap();
    }
    if all(&|v| v == "true" || v == "false") {
        let b: Vec<Option<bool>> = values.iter().map(|v| opt(v).map(|v| v == "true")).collect();
        return Column::new(name.into(), b);
    }
    if all(&|v| v.parse::<f64>().is_ok()) {
        let f: Vec<Option<f64>> = values
            .iter()
            .map(|v| opt(v).map(|v| v.parse().unwrap()))
            .collect();
        return Column::new(name.into(), f);
    }
    let s: Vec<Option<String>> = values.iter().map(opt).collect();
    Column::new(name.into(), s)
}

/// Every CSV of `from` written as a typed Parquet file into `to`.
fn to_parquet(from: &Path, to: &Path) {
    for e in fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "csv") {
            continue;
        }
        let mut rdr = csv::Reader::from_path(&p).unwrap();
        let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
        let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
        let cols: Vec<Column> = header
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let values: Vec<String> =
                    rows.iter().map(|r| r.get(i).unwrap().to_string()).collect();
                typed(h, &values)
            })
            .collect();
        let mut df = DataFrame::new_infer_height(cols).unwrap();
        let stem = p.file_stem().unwrap().to_str().unwrap();
        let f = fs::File::create(to.join(format!("{stem}.parquet"))).unwrap();
        ParquetWriter::new(f).finish(&mut df).unwrap();
    }
}

/// `exports/locales/iso` (30 deals, all eight tables) as CSV, as one workbook in the
/// 1904 date system with typed cells, and as typed Parquet: the same metrics.json, row
/// accounting included.
#[test]
fn the_same_records_as_xlsx_csv_and_parquet_give_the_same_metrics() {
    let out = tempfile::tempdir().unwrap();
    let (_, csv_m, _) = report(&iso(), None, &out.path().join("csv"));

    let book = tempfile::tempdir().unwrap();
    fs::copy(
        fixture("same-records/handoff-data.xlsx"),
        book.path().join("handoff-data.xlsx"),
    )
    .unwrap();
    fs::write(book.path().join("handoff.toml"), workbook_config()).unwrap();
    let (_, xlsx_m, _) = report(book.path(), None, &out.path().join("xlsx"));

    let pq = tempfile::tempdir().unwrap();
    to_parquet(&iso(), pq.path());
    assert!(pq.path().join("handoffs.parquet").is_file());
    let (_, pq_m, _) = report(pq.path(), None, &out.path().join("parquet"));

    assert_eq!(csv_m["inputs"]["deals"]["rows_used"], 30);
    assert_eq!(
        without_files(xlsx_m),
        without_files(csv_m.clone()),
        "xlsx vs csv"
    );
    assert_eq!(without_files(pq_m), without_files(csv_m), "parquet vs csv");
}

/// metrics.json with the file names taken out of its warnings (`deals.csv` is
/// `handoff-data.xlsx[deals]` in the workbook): the same warnings, for the same rows.
fn without_files(mut m: Value) -> Value {
    if let Some(w) = m.get_mut("warnings").and_then(Value::as_array_mut) {
        for v in w.iter_mut() {
            let s = v.as_str().unwrap_or("").to_string();
            let rest = s.split_once(": ").map_or(s.clone(), |(_, r)| r.to_string());
            *v = Value::String(rest);
        }
    }
    m
}

/// Two numbers equal up to rounding of the scale arithmetic; everything else exactly.
fn close(a: &Value, b: &Value, at: &str, diffs: &mut Vec<String>) {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            if (x - y).abs() > 1e-9 * x.abs().max(1.0) {
                diffs.push(format!("{at}: {x} vs {y}"));
            }
        }
        (Value::Object(x), Value::Object(y)) => {
            if x.len() != y.len() {
                diffs.push(format!("{at}: keys differ"));
            }
            for (k, v) in x {
                close(v, &y[k], &format!("{at}.{k}"), diffs);
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                close(v, w, &format!("{at}[{i}]"), diffs);
            }
        }
        _ if a == b => {}
        _ => diffs.push(format!("{at}: {a} vs {b}")),
    }
}

/// `iso/health.csv` rewritten on Vitally's 0–10 scale and as a risk score (100 − health,
/// higher is worse): with `health_scale` / `health_higher_is_better` the metrics equal
/// the 0–100 original's, health at 30/60/90 days and transitions' health change
/// included.
#[test]
fn a_0_to_10_and_a_risk_scored_export_give_the_original_health_metrics() {
    let out = tempfile::tempdir().unwrap();
    let (_, original, _) = report(&iso(), None, &out.path().join("original"));
    let health = original["health"].to_string();
    assert!(health.contains("mean"), "no health metrics: {health}");
    for (variant, toml) in [
        ("zero-to-ten", "health_scale = [0, 10]\n"),
        (
            "risk",
            "health_higher_is_better = false\n[columns.health]\nhealth_score = \"risk_score\"\n",
        ),
    ] {
        let d = copy_dir(&iso());
        fs::copy(
            fixture(&format!("health-scales/{variant}/health.csv")),
            d.path().join("health.csv"),
        )
        .unwrap();
        fs::write(d.path().join("handoff.toml"), toml).unwrap();
        let (_, m, _) = report(d.path(), None, &out.path().join(variant));
        let mut diffs = Vec::new();
        close(&m, &original, "$", &mut diffs);
        assert!(diffs.is_empty(), "{variant}: {}", diffs.join("\n"));
    }
    // The same 0–10 scores as typed Parquet (the columnar fast path must not take them
    // as they are).
    let d = copy_dir(&iso());
    let scaled = tempfile::tempdir().unwrap();
    to_parquet(&fixture("health-scales/zero-to-ten"), scaled.path());
    fs::remove_file(d.path().join("health.csv")).unwrap();
    fs::copy(
        scaled.path().join("health.parquet"),
        d.path().join("health.parquet"),
    )
    .unwrap();
    fs::write(d.path().join("handoff.toml"), "health_scale = [0, 10]\n").unwrap();
    let (_, m, _) = report(d.path(), None, &out.path().join("parquet"));
    let mut diffs = Vec::new();
    close(&m, &original, "$", &mut diffs);
    assert!(diffs.is_empty(), "parquet 0-10: {}", diffs.join("\n"));
    // Without the key the 0–10 file is read as 0–100: the metrics differ (the check bites).
    let d = copy_dir(&iso());
    fs::copy(
        fixture("health-scales/zero-to-ten/health.csv"),
        d.path().join("health.csv"),
    )
    .unwrap();
    let (_, m, _) = report(d.path(), None, &out.path().join("unscaled"));
    let mut diffs = Vec::new();
    close(&m, &original, "$", &mut diffs);
    assert!(!diffs.is_empty());
}
