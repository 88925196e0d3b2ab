//! Reporting periods (METRICS.md §2): a month `YYYY-MM` or a quarter `YYYY-Qn`, and the default
//! period for an as-of date (the last complete calendar month on or before it).

use chrono::{Datelike, Days, Months, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Monthly,
    Quarterly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub kind: PeriodKind,
    pub start: NaiveDate,
    /// Inclusive last day.
    pub end: NaiveDate,
}

impl Period {
    /// Parse `YYYY-MM` or `YYYY-Qn` (clap value parser).
    ///
    /// ```
    /// use handoff::period::Period;
    /// let q = Period::parse("2026-Q3").unwrap();
    /// assert_eq!((q.start.to_string(), q.end.to_string()), ("2026-07-01".into(), "2026-09-30".into()));
    /// assert!(Period::parse("2026-13").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Period, String> {
        let s = s.trim();
        let bad =
            || format!("{s:?} is not a period: use YYYY-MM or YYYY-Qn (e.g. 2026-10 or 2026-Q3)");
        let (y, rest) = s.split_once('-').ok_or_else(bad)?;
        let year: i32 = y.parse().map_err(|_| bad())?;
        if y.len() != 4 {
            return Err(bad());
        }
        if !(1900..=2199).contains(&year) {
            return Err(format!(
                "{s:?} is outside the supported range: the year must be within 1900..2199"
            ));
        }
        if let Some(q) = rest.strip_prefix(['Q', 'q']) {
            let q: u32 = q.parse().map_err(|_| bad())?;
            if !(1..=4).contains(&q) {
                return Err(bad());
            }
            let start = NaiveDate::from_ymd_opt(year, 3 * q - 2, 1).ok_or_else(bad)?;
            return Ok(Period::span(PeriodKind::Quarterly, start, 3));
        }
        if rest.len() != 2 {
            return Err(bad());
        }
        let m: u32 = rest.parse().map_err(|_| bad())?;
        let start = NaiveDate::from_ymd_opt(year, m, 1).ok_or_else(bad)?;
        Ok(Period::span(PeriodKind::Monthly, start, 1))
    }

    fn span(kind: PeriodKind, start: NaiveDate, months: u32) -> Period {
        let end = shift_days(shift_months(start, i64::from(months)), -1);
        Period { kind, start, end }
    }

    /// The month containing `d`.
    pub fn month_of(d: NaiveDate) -> Period {
        let start = d.with_day(1).unwrap_or(d);
        Period::span(PeriodKind::Monthly, start, 1)
    }

    /// The last complete calendar month on or before `as_of`.
    pub fn default_for(as_of: NaiveDate) -> Period {
        let this = Period::month_of(as_of);
        if as_of == this.end {
            this
        } else {
            Period::month_of(shift_days(this.start, -1))
        }
    }

    /// The period of the same kind just before this one.
    pub fn previous(&self) -> Period {
        let months = match self.kind {
            PeriodKind::Monthly => 1,
            PeriodKind::Quarterly => 3,
        };
        Period::span(self.kind, shift_months(self.start, -months), months as u32)
    }

    /// `2026-10` or `2026-Q3`.
    pub fn label(&self) -> String {
        match self.kind {
            PeriodKind::Monthly => format!("{}-{:02}", self.start.year(), self.start.month()),
            PeriodKind::Quarterly => {
                format!(
                    "{}-Q{}",
                    self.start.year(),
                    (self.start.month() - 1) / 3 + 1
                )
            }
        }
    }

    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            PeriodKind::Monthly => "monthly",
            PeriodKind::Quarterly => "quarterly",
        }
    }
}

/// `d` plus `n` days (`n` may be negative), clamped to chrono's first or last date instead of
/// overflowing: a window bound pushed past the end of the calendar keeps its meaning (every
/// date is after it, or before it). The config's ranges keep real runs far from the clamp.
pub fn shift_days(d: NaiveDate, n: i64) -> NaiveDate {
    let step = Days::new(n.unsigned_abs());
    let shifted = if n >= 0 {
        d.checked_add_days(step)
    } else {
        d.checked_sub_days(step)
    };
    shifted.unwrap_or(if n >= 0 {
        NaiveDate::MAX
    } else {
        NaiveDate::MIN
    })
}

/// `d` plus `n` calendar months, clamped like [`shift_days`].
pub fn shift_months(d: NaiveDate, n: i64) -> NaiveDate {
    let step = Months::new(u32::try_from(n.unsigned_abs()).unwrap_or(u32::MAX));
    let shifted = if n >= 0 {
        d.checked_add_months(step)
    } else {
        d.checked_sub_months(step)
    };
    shifted.unwrap_or(if n >= 0 {
        NaiveDate::MAX
    } else {
        NaiveDate::MIN
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn parse_periods() {
        let p = Period::parse("2026-Q3").unwrap();
        assert_eq!((p.start, p.end), (d("2026-07-01"), d("2026-09-30")));
        assert_eq!(p.label(), "2026-Q3");
        let m = Period::parse("2024-02").unwrap();
        assert_eq!(m.end, d("2024-02-29"));
        for bad in [
            "2026", "2026-13", "2026-Q5", "26-10", "2026-1", "../x", "0001-01", "9999-Q4",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn shifts_clamp_at_the_ends_of_the_calendar() {
        assert_eq!(shift_days(d("2026-10-31"), -365), d("2025-10-31"));
        assert_eq!(shift_days(d("2026-10-31"), 1), d("2026-11-01"));
        assert_eq!(shift_days(d("2026-10-31"), -100_000_000), NaiveDate::MIN);
        assert_eq!(shift_days(d("2026-10-31"), i64::MAX), NaiveDate::MAX);
        assert_eq!(shift_months(d("2026-03-31"), -1), d("2026-02-28"));
        assert_eq!(shift_months(NaiveDate::MIN, -1), NaiveDate::MIN);
        let last = Period::month_of(NaiveDate::MAX);
        assert!(last.start <= last.end, "{last:?}");
        assert_eq!(Period::default_for(NaiveDate::MIN).start, NaiveDate::MIN);
    }

    #[test]
    fn default_period() {
        assert_eq!(Period::default_for(d("2026-10-31")).label(), "2026-10");
        assert_eq!(Period::default_for(d("2026-10-30")).label(), "2026-09");
        assert_eq!(Period::default_for(d("2026-01-15")).label(), "2025-12");
        assert_eq!(
            Period::parse("2026-01").unwrap().previous().label(),
            "2025-12"
        );
        assert_eq!(
            Period::parse("2026-Q1").unwrap().previous().label(),
            "2025-Q4"
        );
    }
}
