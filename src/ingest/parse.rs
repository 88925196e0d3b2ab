//! Value parsers for the METRICS.md §3 rules: dates, datetimes (ISO 8601 with `T` or space,
//! optional seconds, fraction and offset; offsets converted to UTC), numbers and money
//! strings, boolean spellings, partial-credit fractions and segment names. Each returns
//! `Err(reason)` with a reason a person can act on; none allocates on the happy path except
//! where it returns text.

use chrono::NaiveDate;

/// Microseconds per day.
pub const MICROS_PER_DAY: i64 = 86_400_000_000;

/// Days from 1970-01-01 to a civil date (proleptic Gregorian); Howard Hinnant's algorithm.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Days since 1970-01-01 of a calendar date.
pub fn epoch_days(d: NaiveDate) -> i32 {
    use chrono::Datelike;
    days_from_civil(d.year() as i64, d.month(), d.day()) as i32
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() {
        return None;
    }
    let mut v: u32 = 0;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u32;
    }
    Some(v)
}

/// Parse `YYYY-MM-DD` at the start of `b`, returning days since the epoch.
fn ymd(b: &[u8]) -> Option<i64> {
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = digits(&b[0..4])? as i64;
    let m = digits(&b[5..7])?;
    let d = digits(&b[8..10])?;
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Parse a datetime (or a date, meaning 00:00 UTC) to microseconds since the epoch, UTC.
/// `extra` is the config's additional chrono format.
pub fn parse_datetime(s: &str, extra: Option<&str>) -> Result<i64, String> {
    parse_datetime_in(s, extra.as_slice())
}

/// Parse a date: `YYYY-MM-DD`, or a datetime whose UTC date is taken.
pub fn parse_date(s: &str, extra: Option<&str>) -> Result<i32, String> {
    parse_date_in(s, extra.as_slice())
}

/// [`parse_datetime`] with a list of extra chrono formats, tried in order after ISO 8601
/// (the locale's, then the config's `date_format` and `date_formats`).
pub fn parse_datetime_in<S: AsRef<str>>(s: &str, formats: &[S]) -> Result<i64, String> {
    if let Some(v) = iso_datetime(s.as_bytes()) {
        return Ok(v);
    }
    if let Some(v) = super::locale::parse_in_formats(s, formats) {
        return Ok(v);
    }
    Err(match formats {
        [] => "not an ISO 8601 date/datetime (YYYY-MM-DD[THH:MM[:SS][offset]]); set locale or date_formats in the config for other spellings".to_string(),
        [one] => format!("not a date/datetime (ISO 8601 or {:?})", one.as_ref()),
        many => format!(
            "not a date/datetime (ISO 8601 or one of {})",
            many.iter()
                .map(|f| format!("{:?}", f.as_ref()))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

/// [`parse_date`] with a list of extra chrono formats.
pub fn parse_date_in<S: AsRef<str>>(s: &str, formats: &[S]) -> Result<i32, String> {
    let b = s.as_bytes();
    if b.len() == 10 {
        if let Some(d) = ymd(b) {
            return Ok(d as i32);
        }
    }
    let micros = parse_datetime_in(s, formats)?;
    Ok(micros.div_euclid(MICROS_PER_DAY) as i32)
}

fn iso_datetime(b: &[u8]) -> Option<i64> {
    let days = ymd(b)?;
    let mut micros = days * MICROS_PER_DAY;
    let rest = &b[10..];
    if rest.is_empty() {
        return Some(micros);
    }
    if !matches!(rest[0], b'T' | b't' | b' ') || rest.len() < 6 {
        return None;
    }
    let t = &rest[1..];
    if t[2] != b':' {
        return None;
    }
    let hh = digits(&t[0..2])?;
    let mm = digits(&t[3..5])?;
    let mut i = 5;
    let mut ss = 0;
    let mut frac_us: i64 = 0;
    if t.len() >= 8 && t[5] == b':' {
        ss = digits(&t[6..8])?;
        i = 8;
        if i < t.len() && (t[i] == b'.' || t[i] == b',') {
            i += 1;
            let start = i;
            while i < t.len() && t[i].is_ascii_digit() {
                i += 1;
            }
            let f = &t[start..i];
            if f.is_empty() {
                return None;
            }
            let mut v: i64 = 0;
            for k in 0..6 {
                v = v * 10 + f.get(k).map(|c| (c - b'0') as i64).unwrap_or(0);
            }
            frac_us = v;
        }
    }
    if hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    micros += ((hh as i64 * 60 + mm as i64) * 60 + ss as i64) * 1_000_000 + frac_us;
    let mut z = &t[i..];
    if z.first() == Some(&b' ') {
        z = &z[1..];
    }
    let offset_min: i64 = match z {
        [] | [b'Z'] | [b'z'] | [b'U', b'T', b'C'] => 0,
        [sign @ (b'+' | b'-'), r @ ..] => {
            let (h, m) = match r {
                [a, b] => (digits(&[*a, *b])?, 0),
                [a, b, c, d] => (digits(&[*a, *b])?, digits(&[*c, *d])?),
                [a, b, b':', c, d] => (digits(&[*a, *b])?, digits(&[*c, *d])?),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            let v = (h * 60 + m) as i64;
            if *sign == b'-' {
                -v
            } else {
                v
            }
        }
        _ => return None,
    };
    Some(micros - offset_min * 60_000_000)
}

/// Parse a number: plain (`150000.0`, `-3`, `1e3`) or a money string (`$150,000.00`,
/// `USD 150,000.00`, `150 000 EUR`, `(1,200)` for a negative). With `decimal_comma`,
/// `1.234,56` means 1234.56.
///
/// ```
/// use handoff::ingest::parse::parse_number;
/// assert_eq!(parse_number("$150,000.00", false), Ok(150_000.0));
/// assert_eq!(parse_number("USD 150,000.00", false), Ok(150_000.0));
/// assert!(parse_number("1,5", false).is_err()); // a decimal comma needs the config
/// ```
pub fn parse_number(s: &str, decimal_comma: bool) -> Result<f64, String> {
    let t = trim(s);
    // With a decimal comma, `45.000` is forty-five thousand: a `.` is a thousands separator.
    let plain = t
        .parse::<f64>()
        .ok()
        .filter(|_| !(decimal_comma && t.contains('.')));
    if let Some(v) = plain {
        if v.is_finite() {
            return Ok(v);
        }
        return Err("not a finite number".into());
    }
    let bad = || {
        if !decimal_comma && t.contains(',') && !t.contains('.') {
            "not a number (a decimal comma? set decimal_comma = true and delimiter = \";\" in the config)".to_string()
        } else {
            "not a number or money amount".to_string()
        }
    };
    let mut body = t;
    let mut negative = false;
    if body.starts_with('(') && body.ends_with(')') {
        negative = true;
        body = &body[1..body.len() - 1];
    }
    // Strip currency codes and symbols at either end.
    let strip = |x: &str| -> String {
        let mut x = x.trim().to_string();
        // Longest first: `US$` before `$`, `USD` before `US`.
        for code in [
            "US$", "USD", "EUR", "GBP", "IDR", "Rp", "CAD", "AUD", "CHF", "JPY",
        ] {
            if let Some(r) = x.strip_prefix(code) {
                x = r.trim().to_string();
            }
            if let Some(r) = x.strip_suffix(code) {
                x = r.trim().to_string();
            }
        }
        for sym in ['$', '€', '£', '¥'] {
            if let Some(r) = x.strip_prefix(sym) {
                x = r.trim().to_string();
            }
            if let Some(r) = x.strip_suffix(sym) {
                x = r.trim().to_string();
            }
        }
        x
    };
    let mut x = strip(body);
    if let Some(r) = x.strip_prefix('-') {
        negative = !negative;
        x = strip(r);
    }
    // `$-5` and `-$5` both mean negative five.
    if let Some(r) = x.strip_prefix('-') {
        negative = !negative;
        x = r.to_string();
    }
    let (thousands, decimal) = if decimal_comma {
        ('.', ',')
    } else {
        (',', '.')
    };
    let (int_part, frac_part) = match x.split_once(decimal) {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (x.clone(), None),
    };
    // Spaces, no-break spaces (Excel de-DE) and narrow no-break spaces group thousands too.
    let spaces = [' ', '\u{a0}', '\u{202f}'];
    let int_clean: String = if int_part.contains(thousands) || int_part.contains(spaces) {
        let groups: Vec<&str> = int_part
            .split([thousands, spaces[0], spaces[1], spaces[2]])
            .collect();
        let ok = !groups.is_empty()
            && (1..=3).contains(&groups[0].len())
            && groups[1..].iter().all(|g| g.len() == 3);
        if !ok {
            return Err(bad());
        }
        groups.concat()
    } else {
        int_part
    };
    if int_clean.is_empty() || !int_clean.bytes().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let mut text = int_clean;
    if let Some(f) = frac_part {
        if f.is_empty() || !f.bytes().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        text.push('.');
        text.push_str(&f);
    }
    let v: f64 = text.parse().map_err(|_| bad())?;
    Ok(if negative { -v } else { v })
}

/// Parse a boolean spelling (`true/false`, `yes/no`, `y/n`, `1/0`, `t/f`, any case).
/// Blank is handled by the caller (blank = false).
pub fn parse_bool(s: &str) -> Result<bool, String> {
    let t = trim(s);
    let lower = t.to_ascii_lowercase();
    match lower.as_str() {
        "true" | "yes" | "y" | "1" | "t" | "1.0" => Ok(true),
        "false" | "no" | "n" | "0" | "f" | "0.0" => Ok(false),
        _ => Err("not a boolean (true/false, yes/no, y/n, 1/0, t/f)".into()),
    }
}

/// A checklist value: a boolean spelling or a number in [0, 1].
pub fn parse_fraction(s: &str, decimal_comma: bool) -> Result<f64, String> {
    if let Ok(b) = parse_bool(s) {
        return Ok(if b { 1.0 } else { 0.0 });
    }
    match parse_number(s, decimal_comma) {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        Ok(_) => Err("out of range: must be a boolean or a number in [0, 1]".into()),
        Err(_) => Err("not a boolean or a number in [0, 1]".into()),
    }
}

/// A whole number (`12`, `12.0`, `1,200`).
pub fn parse_integer(s: &str, decimal_comma: bool) -> Result<i64, String> {
    let v = parse_number(s, decimal_comma)?;
    if v.fract() != 0.0 || v.abs() > 9.0e15 {
        return Err("not a whole number".into());
    }
    Ok(v as i64)
}

/// Normalise a segment name per METRICS.md §3. Returns the canonical name and whether the
/// spelling was recognised (unrecognised ones become `other` with a warning).
pub fn normalise_segment(s: &str) -> (&'static str, bool) {
    let key: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '/' | '\t'))
        .flat_map(|c| c.to_lowercase())
        .collect();
    match key.as_str() {
        "enterprise" | "ent" => ("enterprise", true),
        "midmarket" | "mm" | "mid_market" => ("mid_market", true),
        "smb" | "smbselfserve" | "selfserve" | "smallbusiness" => ("smb", true),
        "strategic" | "hightouch" | "strategichightouch" => ("strategic", true),
        "other" => ("other", true),
        _ => ("other", false),
    }
}

/// `s` without surrounding whitespace (`str::trim`), looked at from its two end bytes
/// first: an ASCII byte other than whitespace at both ends means nothing to trim (every
/// other whitespace character, and a BOM, starts and ends with a non-ASCII byte). Most
/// cells of an export are like that; decoding their end characters was a tenth of the row
/// parser's time (issue #17).
pub fn trim(s: &str) -> &str {
    if solid_ends(s) {
        s
    } else {
        s.trim()
    }
}

/// Whether the first and the last byte of `s` are ASCII and not whitespace.
fn solid_ends(s: &str) -> bool {
    let solid = |b: &u8| b.is_ascii() && !b.is_ascii_whitespace() && *b != 0x0b;
    matches!((s.as_bytes().first(), s.as_bytes().last()), (Some(a), Some(z)) if solid(a) && solid(z))
}

/// Text: trimmed (whitespace and BOMs); blank = missing. NUL bytes are refused.
pub fn parse_text(s: &str) -> Result<Option<&str>, String> {
    let t = if solid_ends(s) {
        s
    } else {
        s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
    };
    if t.as_bytes().contains(&0) {
        return Err("contains a NUL byte".into());
    }
    Ok(if t.is_empty() { None } else { Some(t) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_by_the_end_bytes_equals_str_trim() {
        let cases = [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\ta\n",
            "\u{0b}a\u{0c}",
            "a\u{0b}",
            "\u{a0}a\u{a0}",
            "\u{2003}x",
            "x\u{85}",
            "\u{feff}x",
            "é",
            "é ",
            " é",
            "a b",
            "\r\n",
        ];
        for c in cases {
            assert_eq!(trim(c), c.trim(), "{c:?}");
        }
        assert_eq!(parse_text("\u{feff} id \u{feff}"), Ok(Some("id")));
        assert_eq!(parse_text("id"), Ok(Some("id")));
        assert_eq!(parse_text(" \t "), Ok(None));
        assert!(parse_text("a\0b").is_err());
    }

    fn us(s: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(s)
            .unwrap()
            .timestamp_micros()
    }

    #[test]
    fn datetimes_in_every_spelling() {
        let z = us("2026-10-05T10:00:00Z");
        for s in [
            "2026-10-05T10:00:00Z",
            "2026-10-05 10:00:00",
            "2026-10-05T10:00",
            "2026-10-05 10:00",
            "2026-10-05T12:00:00+02:00",
            "2026-10-05T12:00:00+0200",
            "2026-10-05T12:00+02",
            "2026-10-05T08:00:00-02:00",
            "2026-10-05t10:00:00z",
            "2026-10-05T10:00:00.000Z",
        ] {
            assert_eq!(parse_datetime(s, None), Ok(z), "{s}");
        }
        assert_eq!(
            parse_datetime("2026-10-10T20:01:14.576Z", None).unwrap() % 1_000_000,
            576_000
        );
        // Offset moves the instant across midnight UTC (tiny example D3).
        assert_eq!(
            parse_datetime("2026-10-20T23:30:00-02:00", None),
            Ok(us("2026-10-21T01:30:00Z"))
        );
        assert_eq!(
            parse_datetime("2026-10-05", None),
            Ok(us("2026-10-05T00:00:00Z"))
        );
    }

    #[test]
    fn bad_datetimes_are_refused() {
        for s in [
            "31/12/2025",
            "2026-13-01",
            "2026-02-30",
            "2026-10-05T25:00",
            "yesterday",
            "2026-10-05T10:00:00+25:00",
        ] {
            assert!(parse_datetime(s, None).is_err(), "{s}");
        }
        assert_eq!(
            parse_datetime("31/12/2025", Some("%d/%m/%Y")),
            Ok(us("2025-12-31T00:00:00Z"))
        );
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("1970-01-02", None), Ok(1));
        assert_eq!(
            parse_date("2026-10-20T23:30:00-02:00", None),
            parse_date("2026-10-21", None)
        );
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn money_strings() {
        assert_eq!(parse_number("$120,000.00", false), Ok(120_000.0));
        assert_eq!(parse_number("USD 9,500.00", false), Ok(9_500.0));
        assert_eq!(parse_number("150000.0", false), Ok(150_000.0));
        assert_eq!(parse_number("-800000", false), Ok(-800_000.0));
        assert_eq!(parse_number("(1,200)", false), Ok(-1_200.0));
        assert_eq!(parse_number("1.234,56", true), Ok(1_234.56));
        assert_eq!(parse_number("45.000", true), Ok(45_000.0));
        assert_eq!(parse_number("-45", true), Ok(-45.0));
        assert!(parse_number("4.5", true).is_err()); // not a thousands group
        assert_eq!(parse_number("1 234,56 EUR", true), Ok(1_234.56));
        assert!(parse_number("1,5", false)
            .unwrap_err()
            .contains("decimal_comma"));
        assert!(parse_number("12,34,5", false).is_err());
        assert!(parse_number("abc", false).is_err());
        assert!(parse_number("NaN", false).is_err());
    }

    #[test]
    fn currency_markers_before_and_after() {
        for (s, dc, want) in [
            ("Rp 150.000.000", true, 150_000_000.0),
            ("Rp150.000.000", true, 150_000_000.0),
            ("IDR 150.000.000,50", true, 150_000_000.5),
            ("150.000,00 €", true, 150_000.0),
            ("24.087,40\u{a0}€", true, 24_087.4),
            ("EUR 1.234,5", true, 1_234.5),
            ("US$ 1,200.50", false, 1_200.5),
            ("US$1,200", false, 1_200.0),
            ("£900", false, 900.0),
            ("900 GBP", false, 900.0),
            ("$150,000.00", false, 150_000.0),
        ] {
            assert_eq!(parse_number(s, dc), Ok(want), "{s}");
        }
    }

    #[test]
    fn salesforce_offsets_without_colon() {
        assert_eq!(
            parse_datetime("2024-01-22T16:14:25.000+0000", None),
            Ok(us("2024-01-22T16:14:25Z"))
        );
        assert_eq!(
            parse_datetime_in("04.02.2025 13:39", &["%d.%m.%Y %H:%M"]),
            Ok(us("2025-02-04T13:39:00Z"))
        );
        let err = parse_datetime_in("4 Feb", &["%d.%m.%Y", "%d/%m/%Y"]).unwrap_err();
        assert!(err.contains("\"%d.%m.%Y\", \"%d/%m/%Y\""), "{err}");
    }

    #[test]
    fn booleans_and_fractions() {
        for s in ["true", "YES", "y", "1", "T", "True"] {
            assert_eq!(parse_bool(s), Ok(true), "{s}");
        }
        for s in ["false", "No", "N", "0", "f"] {
            assert_eq!(parse_bool(s), Ok(false), "{s}");
        }
        assert!(parse_bool("maybe").is_err());
        assert_eq!(parse_fraction("0.5", false), Ok(0.5));
        assert_eq!(parse_fraction("yes", false), Ok(1.0));
        assert!(parse_fraction("1.5", false).is_err());
    }

    #[test]
    fn segments() {
        for (s, want) in [
            ("Enterprise", "enterprise"),
            ("ENT", "enterprise"),
            ("mid-market", "mid_market"),
            ("Mid Market", "mid_market"),
            ("MidMarket", "mid_market"),
            ("mm", "mid_market"),
            ("SMB/Self-Serve", "smb"),
            ("self-serve", "smb"),
            ("Small Business", "smb"),
            ("Strategic/High-Touch", "strategic"),
            ("high-touch", "strategic"),
        ] {
            assert_eq!(normalise_segment(s), (want, true), "{s}");
        }
        assert_eq!(normalise_segment("weird seg"), ("other", false));
    }

    #[test]
    fn text() {
        assert_eq!(parse_text("  a b "), Ok(Some("a b")));
        assert_eq!(parse_text("   "), Ok(None));
        assert!(parse_text("a\0b").is_err());
    }
}
