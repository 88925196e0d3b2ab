//! Byte-level input: legacy encodings (Windows-1252, UTF-16), NUL bytes, huge fields and
//! binary files, each decoded or refused with a message naming the file.

use super::*;

fn cp1252(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            'ü' => 0xFC,
            'é' => 0xE9,
            'É' => 0xC9,
            '€' => 0x80,
            c if c.is_ascii() => c as u8,
            c => panic!("no cp1252 byte for {c}"),
        })
        .collect()
}

fn named(text: &str) -> String {
    text.replace("Acme", "Müller GmbH")
        .replace("Globex", "Café Olé")
}

#[test]
fn windows_1252_is_transcoded_with_a_warning() {
    let d = case("base");
    write(&d.path().join("deals.csv"), cp1252(&named(&base_deals())));
    let out = tempfile::tempdir().unwrap();
    let r = report(d.path(), out.path());
    expect(
        &r,
        0,
        &[
            "deals.csv: 2 line(s) not valid UTF-8 (first at line 2, byte",
            "0xFC",
            "windows-1252",
        ],
    );
    assert_eq!(
        escalated_accounts(out.path()),
        ["Café Olé", "Initech", "Müller GmbH"]
    );
}

/// Regression: one windows-1252 line made the whole file be read as windows-1252, so the
/// UTF-8 lines came out garbled (`CafÃ©`).
#[test]
fn mixed_utf8_and_windows_1252_lines_both_decode() {
    let d = case("base");
    let text = named(&base_deals());
    let mut bytes = Vec::new();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i == 1 {
            bytes.extend(cp1252(line)); // Müller in windows-1252
        } else {
            bytes.extend(line.as_bytes()); // Café Olé in UTF-8
        }
    }
    write(&d.path().join("deals.csv"), bytes);
    let out = tempfile::tempdir().unwrap();
    let r = report(d.path(), out.path());
    expect(
        &r,
        0,
        &["deals.csv: 1 line(s) not valid UTF-8 (first at line 2"],
    );
    assert_eq!(
        escalated_accounts(out.path()),
        ["Café Olé", "Initech", "Müller GmbH"]
    );
}

#[test]
fn utf16_with_and_without_bom() {
    let text = named(&base_deals());
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes, warning) in [
        (
            "LE with BOM",
            [vec![0xFF, 0xFE], le.clone()].concat(),
            "UTF-16LE",
        ),
        (
            "BE with BOM",
            [vec![0xFE, 0xFF], be.clone()].concat(),
            "UTF-16BE",
        ),
        ("LE without BOM", le, "UTF-16LE"),
        ("BE without BOM", be, "UTF-16BE"),
    ] {
        let d = case("base");
        write(&d.path().join("deals.csv"), bytes);
        let out = tempfile::tempdir().unwrap();
        let r = report(d.path(), out.path());
        expect(
            &r,
            0,
            &[&format!("deals.csv: {warning} file transcoded to UTF-8")],
        );
        assert_eq!(
            escalated_accounts(out.path()),
            ["Café Olé", "Initech", "Müller GmbH"],
            "{name}"
        );
    }
}

#[test]
fn utf16_with_a_broken_surrogate_says_so() {
    let d = case("base");
    let mut units: Vec<u16> = base_deals().encode_utf16().collect();
    let at = units.iter().position(|u| *u == u16::from(b'A')).unwrap();
    units[at] = 0xD800; // a lone high surrogate in "Acme"
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(units.into_iter().flat_map(u16::to_le_bytes));
    bytes.push(b'x'); // and an odd trailing byte
    write(&d.path().join("deals.csv"), bytes);
    let r = validate(d.path());
    expect(
        &r,
        0,
        &[
            "deals.csv: UTF-16LE file transcoded",
            "2 broken sequence(s)",
        ],
    );
}

#[test]
fn nul_bytes() {
    let d = base_plus_deals("D\u{0}4,A4,Hooli,smb,100,2026-10-02,rep_c,,\nD5,A5,Vande\u{0}lay,smb,100,2026-10-02,rep_c,,\n");
    let r = validate(d.path());
    expect(
        &r,
        0,
        &[
            "deals.csv:5: rejected: deal_id \"D\\04\"",
            "contains a NUL byte",
            "deals.csv:6: set_missing: account_name",
        ],
    );
}

#[test]
fn a_2_mb_field() {
    let big = "x".repeat(2 << 20);
    let d = base_plus_deals(&format!(
        "D4,A4,{big},smb,100,2026-10-02,rep_c,,\nD5,A5,Hooli,smb,{big},2026-10-02,rep_c,,\n"
    ));
    let r = validate(d.path());
    expect(
        &r,
        0,
        &["deals.csv:6: rejected: acv \"xxxx", "bytes in all"],
    );
    assert!(r.stderr.len() < 16 << 10, "messages repeat the 2 MB value");
    let out = tempfile::tempdir().unwrap();
    report(d.path(), out.path());
    let m = metrics(out.path());
    assert_eq!(m["inputs"]["deals"]["rows_used"], 4);
    let dq = fs::metadata(out.path().join("2026-10/data-quality.csv")).unwrap();
    assert!(
        dq.len() < 4 << 10,
        "data-quality.csv repeats the 2 MB value"
    );
}

#[test]
fn gzip_whole_and_truncated() {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(named(&base_deals()).as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let d = case("base");
    fs::remove_file(d.path().join("deals.csv")).unwrap();
    write(&d.path().join("deals.csv.gz"), &gz);
    let out = tempfile::tempdir().unwrap();
    expect(&report(d.path(), out.path()), 0, &[]);
    assert_eq!(
        escalated_accounts(out.path()),
        ["Café Olé", "Initech", "Müller GmbH"]
    );
    write(&d.path().join("deals.csv.gz"), &gz[..gz.len() / 2]);
    let r = validate(d.path());
    expect(&r, 3, &["deals.csv.gz: cannot decompress gzip"]);
}

#[test]
fn csv_named_parquet() {
    let d = case("base");
    fs::rename(d.path().join("deals.csv"), d.path().join("deals.parquet")).unwrap();
    let r = validate(d.path());
    expect(
        &r,
        3,
        &[
            "deals.parquet: table deals: cannot read Parquet",
            "not Parquet",
        ],
    );
}

fn parquet_data_set() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let r = run(&[
        "generate",
        "-q",
        "--deals",
        "40",
        "--seed",
        "7",
        "--as-of",
        AS_OF,
        "--format",
        "parquet",
        "--out",
        arg(d.path()),
    ]);
    assert_eq!(r.code, 0, "{r:#?}");
    d
}

#[test]
fn truncated_parquet() {
    let d = parquet_data_set();
    expect(&validate(d.path()), 0, &[]);
    let path = d.path().join("deals.parquet");
    let bytes = fs::read(&path).unwrap();
    for len in [0, 3, 4, 12, bytes.len() / 2, bytes.len() - 1] {
        write(&path, &bytes[..len]);
        let r = validate(d.path());
        assert_eq!(r.code, 3, "truncated to {len}: {r:#?}");
        assert!(r.stderr.contains("deals.parquet: table deals"), "{r:#?}");
    }
}

/// Regression: polars panics on some corrupt Parquet footers ("thrift bool field",
/// "range end index … out of range"); that was exit 101 with a panic message.
#[test]
fn corrupt_parquet_footer() {
    let d = parquet_data_set();
    let path = d.path().join("deals.parquet");
    let good = fs::read(&path).unwrap();
    let n = good.len();
    let meta_len = u32::from_le_bytes(good[n - 8..n - 4].try_into().unwrap()) as usize;
    let meta = n - 8 - meta_len;
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for round in 0..24 {
        let mut bytes = good.clone();
        for _ in 0..(1 + round % 4) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let at = meta + (seed as usize) % meta_len;
            bytes[at] = (seed >> 32) as u8;
        }
        write(&path, &bytes);
        let r = validate(d.path());
        if r.code == 3 {
            assert!(r.stderr.contains("deals.parquet: table deals"), "{r:#?}");
        }
    }
}

/// Regression: a Parquet `date` far from 1970 in a datetime column overflowed when
/// converted to microseconds (a panic in debug builds).
#[test]
fn parquet_date_beyond_the_datetime_range() {
    use polars::prelude::*;
    let closed = Column::new("closed_at".into(), [20_000i32, i32::MAX, i32::MIN])
        .cast(&DataType::Date)
        .unwrap();
    let segment = Column::new("segment".into(), ["smb", "smb", "smb"]);
    let d = base_with_deals_parquet(segment, closed);
    let r = validate(d.path());
    expect(
        &r,
        3,
        &[
            "deals.parquet:3: rejected: closed_at",
            "deals.parquet:4: rejected: closed_at",
            "out of range",
        ],
    );
}
