//! The METRICS.md §3.2 keys that change how a file is laid out or a value is scaled, validated at
//! config load and asked by the readers: which sheet of a workbook, how many preamble lines
//! come before the header (`skip`) and how many header rows there are (`header_rows`), per
//! `[tables]` entry; and the health-score scale (`health_scale`, `health_higher_is_better`)
//! that maps a platform's score onto the 0–100 of `health.health_score`.

use crate::error::usage;

/// Where the header of one table's file is, and which sheet of a workbook holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The workbook sheet (`None`: the first).
    pub sheet: Option<String>,
    /// Lines (sheet rows) before the header.
    pub skip: u64,
    /// Rows the header takes, the first of them holding the names (1 = a plain header).
    pub header_rows: u64,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            sheet: None,
            skip: 0,
            header_rows: 1,
        }
    }
}

impl Layout {
    /// Validate the inline-table keys of `[tables] TABLE = { path = PATH, … }`.
    pub fn from_keys(
        table: &str,
        path: &str,
        sheet: Option<&str>,
        skip: Option<u64>,
        header_rows: Option<u64>,
    ) -> anyhow::Result<Layout> {
        let key = |k: &str| format!("config: [tables] {table}: `{k}`");
        if let Some(s) = sheet {
            if s.trim().is_empty() {
                return Err(usage(format!("{} is empty", key("sheet"))));
            }
            if !is_workbook(path) {
                return Err(usage(format!(
                    "{} = {s:?}: {path:?} is not an .xlsx workbook (only workbooks have sheets)",
                    key("sheet")
                )));
            }
        }
        if header_rows == Some(0) {
            return Err(usage(format!(
                "{} = 0: a table has at least one header row (the one with the names)",
                key("header_rows")
            )));
        }
        const MOST: u64 = 1_000_000;
        for (k, v) in [("skip", skip), ("header_rows", header_rows)] {
            if v.is_some_and(|v| v > MOST) {
                return Err(usage(format!("{} must be at most {MOST}", key(k))));
            }
        }
        Ok(Layout {
            sheet: sheet.map(|s| s.to_string()),
            skip: skip.unwrap_or(0),
            header_rows: header_rows.unwrap_or(1),
        })
    }

    /// Header rows after the one with the names, ignored.
    pub fn extra_header_rows(&self) -> u64 {
        self.header_rows.saturating_sub(1)
    }
}

/// The byte offset just after the first `n` lines of `bytes` (`\n`, `\r\n` and a lone
/// `\r` each end a line), and how many lines were there to skip (fewer when the file ends).
pub fn after_lines(bytes: &[u8], n: u64) -> (usize, u64) {
    let mut skipped = 0;
    let mut i = 0;
    while skipped < n && i < bytes.len() {
        match bytes[i] {
            b'\n' => skipped += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => skipped += 1,
            _ => {}
        }
        i += 1;
    }
    (i, skipped)
}

/// Whether a path names an Excel workbook read as a table (`.xlsx`, `.xlsm`).
pub fn is_workbook(path: &str) -> bool {
    let lower = path.trim().to_lowercase();
    lower.ends_with(".xlsx") || lower.ends_with(".xlsm")
}

/// The health-score scale of METRICS.md §3.2: `[min, max]` mapped linearly onto 0–100, flipped
/// when higher is worse.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HealthScale {
    pub min: f64,
    pub max: f64,
    pub higher_is_better: bool,
}

impl Default for HealthScale {
    fn default() -> Self {
        HealthScale {
            min: 0.0,
            max: 100.0,
            higher_is_better: true,
        }
    }
}

impl HealthScale {
    /// Validate `health_scale` and `health_higher_is_better`; errors name the key (exit 2).
    pub fn from_keys(
        scale: Option<&Vec<f64>>,
        higher_is_better: Option<bool>,
    ) -> anyhow::Result<HealthScale> {
        let mut s = HealthScale::default();
        if let Some(v) = scale {
            match v.as_slice() {
                [lo, hi] if lo.is_finite() && hi.is_finite() && lo < hi => {
                    s.min = *lo;
                    s.max = *hi;
                }
                _ => {
                    return Err(usage(format!(
                        "config: health_scale = {v:?}: must be [MIN, MAX], two finite numbers with MIN < MAX"
                    )))
                }
            }
        }
        s.higher_is_better = higher_is_better.unwrap_or(true);
        Ok(s)
    }

    /// True for the default scale (0–100, higher is better): scores are taken as they are.
    pub fn is_identity(&self) -> bool {
        *self == HealthScale::default()
    }

    /// A source score on the 0–100 scale, or why it is out of range.
    pub fn rescale(&self, x: f64) -> Result<f64, String> {
        if x.is_nan() || x < self.min || x > self.max {
            return Err(format!(
                "out of range: health_scale is [{}, {}]",
                self.min, self.max
            ));
        }
        let up = 100.0 * (x - self.min) / (self.max - self.min);
        Ok(if self.higher_is_better {
            up
        } else {
            100.0 - up
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_map_onto_0_to_100() {
        let vitally = HealthScale::from_keys(Some(&vec![0.0, 10.0]), None).unwrap();
        assert_eq!(vitally.rescale(7.5), Ok(75.0));
        assert!(vitally.rescale(10.5).unwrap_err().contains("[0, 10]"));
        let risk = HealthScale::from_keys(None, Some(false)).unwrap();
        assert_eq!(risk.rescale(30.0), Ok(70.0));
        let stars = HealthScale::from_keys(Some(&vec![1.0, 5.0]), Some(true)).unwrap();
        assert_eq!(stars.rescale(2.0), Ok(25.0));
        assert!(HealthScale::from_keys(Some(&vec![10.0, 0.0]), None).is_err());
        assert!(HealthScale::from_keys(Some(&vec![0.0, f64::NAN]), None).is_err());
        assert!(HealthScale::default().is_identity());
    }

    #[test]
    fn layouts_are_checked() {
        let l = Layout::from_keys("surveys", "q.csv", None, Some(2), Some(3)).unwrap();
        assert_eq!((l.skip, l.extra_header_rows()), (2, 2));
        let e = Layout::from_keys("deals", "d.csv", Some("S"), None, None).unwrap_err();
        assert!(e.to_string().contains("`sheet`"), "{e}");
        let e = Layout::from_keys("deals", "d.xlsx", None, None, Some(0)).unwrap_err();
        assert!(e.to_string().contains("header_rows"), "{e}");
        assert!(is_workbook("Opportunities.XLSX"));
        assert_eq!(after_lines(b"a\r\nb\rc\nd", 3), (7, 3));
        assert_eq!(after_lines(b"a\nb", 5), (3, 1));
    }
}
