//! Locales and extra date formats (METRICS.md §3.1): what `locale = "de-DE"` sets (delimiter,
//! decimal separator, the date and datetime spellings tried after ISO 8601), and the parser
//! that tries a list of chrono formats in order (config validation checks each format with
//! `config::check_date_format`); the row parser in `read.rs` calls [`parse_in_formats`] when a value is not ISO 8601.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};

/// What a locale sets unless the config sets it itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Locale {
    pub name: &'static str,
    pub delimiter: u8,
    pub decimal_comma: bool,
    /// Extra date / datetime formats, tried in this order after ISO 8601.
    pub formats: &'static [&'static str],
}

/// The locales of METRICS.md §3.1, exactly as its table lists them.
pub const LOCALES: [Locale; 4] = [
    Locale {
        name: "en-US",
        delimiter: b',',
        decimal_comma: false,
        formats: &[
            "%m/%d/%Y",
            "%m/%d/%y",
            "%m/%d/%Y %I:%M %p",
            "%m/%d/%y %I:%M %p",
            "%m/%d/%Y %H:%M",
        ],
    },
    Locale {
        name: "en-GB",
        delimiter: b',',
        decimal_comma: false,
        formats: &["%d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S"],
    },
    Locale {
        name: "de-DE",
        delimiter: b';',
        decimal_comma: true,
        formats: &[
            "%d.%m.%Y",
            "%d.%m.%y",
            "%d.%m.%Y %H:%M",
            "%d.%m.%Y %H:%M:%S",
        ],
    },
    Locale {
        name: "id-ID",
        delimiter: b';',
        decimal_comma: true,
        formats: &[
            "%d/%m/%Y",
            "%d-%m-%Y",
            "%d/%m/%Y %H:%M",
            "%d/%m/%Y %H.%M",
            "%d/%m/%Y %H.%M.%S",
        ],
    },
];

/// A locale by name; `de_DE` and any case are accepted for `de-DE`.
pub fn locale(name: &str) -> Option<&'static Locale> {
    let want = name.trim().replace('_', "-").to_lowercase();
    LOCALES.iter().find(|l| l.name.to_lowercase() == want)
}

/// Whether a chrono format has a time part (then it parses datetimes, else dates).
pub fn has_time(fmt: &str) -> bool {
    [
        "%H", "%k", "%I", "%l", "%M", "%S", "%T", "%R", "%r", "%X", "%c", "%p", "%P",
    ]
    .iter()
    .any(|spec| fmt.contains(spec))
}

/// Try `formats` in order; the first that reads the whole value wins. Returns microseconds
/// since the epoch, UTC (a date means 00:00 UTC; a format with `%z` converts its offset).
/// `%Y` must be four digits, so `03/07/24` is never the year 24 (chrono alone would take it).
pub fn parse_in_formats<S: AsRef<str>>(s: &str, formats: &[S]) -> Option<i64> {
    for fmt in formats {
        let fmt = fmt.as_ref();
        let four_digit = |year: i32| !fmt.contains("%Y") || (1000..=9999).contains(&year);
        if has_time(fmt) {
            if fmt.contains("%z") || fmt.contains("%:z") {
                if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
                    if four_digit(dt.year()) {
                        return Some(dt.timestamp_micros());
                    }
                }
                continue;
            }
            if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
                if four_digit(dt.year()) {
                    return Some(dt.and_utc().timestamp_micros());
                }
            }
        } else if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            if four_digit(d.year()) {
                return d
                    .and_hms_opt(0, 0, 0)
                    .map(|x| x.and_utc().timestamp_micros());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(s)
            .unwrap()
            .timestamp_micros()
    }

    #[test]
    fn every_locale_reads_its_own_spellings() {
        let cases = [
            ("en-US", "02/23/26 08:55 PM", "2026-02-23T20:55:00Z"),
            ("en-US", "2/23/2026 8:55 PM", "2026-02-23T20:55:00Z"),
            ("en-US", "10/5/2026", "2026-10-05T00:00:00Z"),
            ("en-US", "10/05/2026 14:30", "2026-10-05T14:30:00Z"),
            ("en-GB", "05/10/2026", "2026-10-05T00:00:00Z"),
            ("en-GB", "05/10/2026 14:30:15", "2026-10-05T14:30:15Z"),
            ("de-DE", "04.02.2025 13:39", "2025-02-04T13:39:00Z"),
            ("de-DE", "04.02.25", "2025-02-04T00:00:00Z"),
            ("id-ID", "04/02/2025 13.39", "2025-02-04T13:39:00Z"),
            ("id-ID", "04-02-2025", "2025-02-04T00:00:00Z"),
            ("id-ID", "04/02/2025 13.39.07", "2025-02-04T13:39:07Z"),
        ];
        for (name, text, want) in cases {
            let l = locale(name).unwrap();
            assert_eq!(
                parse_in_formats(text, l.formats),
                Some(at(want)),
                "{name} {text}"
            );
        }
    }

    #[test]
    fn a_four_digit_year_is_never_two_digits() {
        // `%Y` alone would read `24` as the year 24; the two-digit format must win.
        assert_eq!(
            parse_in_formats("03/07/24", &["%m/%d/%Y", "%m/%d/%y"]),
            Some(at("2024-03-07T00:00:00Z"))
        );
        assert_eq!(parse_in_formats("03/07/24", &["%m/%d/%Y"]), None);
    }

    #[test]
    fn names_and_formats_are_checked() {
        assert_eq!(locale("de_de").unwrap().name, "de-DE");
        assert!(locale("fr-FR").is_none());
        for l in &LOCALES {
            for fmt in l.formats {
                crate::config::check_date_format("locale", fmt)
                    .unwrap_or_else(|e| panic!("{}: {e}", l.name));
            }
        }
        assert!(has_time("%d/%m/%Y %H.%M") && !has_time("%m/%d/%Y"));
    }
}
