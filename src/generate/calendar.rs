//! Calendar arithmetic on days since 1970-01-01 and microseconds since the epoch (UTC), and
//! the precision a timestamp is recorded with.

pub(super) use crate::ingest::parse::days_from_civil;

use super::rng::Rng;

pub(super) const SEC_US: i64 = 1_000_000;
pub(super) const MIN_US: i64 = 60 * SEC_US;
pub(super) const HOUR_US: i64 = 3600 * SEC_US;
pub(super) const DAY_US: i64 = 86_400 * SEC_US;
pub(super) const DAY_US_F: f64 = DAY_US as f64;

/// `NaiveDate::num_days_from_ce` of 1970-01-01.
pub(super) const UNIX_EPOCH_CE_DAYS: i64 = 719_163;

pub(super) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The last day of the calendar quarter containing `day`.
pub(super) fn quarter_end(day: i64) -> i64 {
    let (y, m, _) = civil_from_days(day);
    let qm = m.div_ceil(3) * 3;
    if qm == 12 {
        days_from_civil(y + 1, 1, 1) - 1
    } else {
        days_from_civil(y, qm + 1, 1) - 1
    }
}

/// Timestamps come from systems with different precision: most to the second, some to the
/// minute (calendar tools), a few to the millisecond.
pub(super) fn stamp(r: &mut Rng, t_us: i64) -> i64 {
    let x = r.uniform();
    if x < 0.12 {
        t_us - t_us.rem_euclid(MIN_US)
    } else if x < 0.17 {
        t_us - t_us.rem_euclid(SEC_US) + r.int(1, 999) * 1000
    } else {
        t_us - t_us.rem_euclid(SEC_US)
    }
}

pub(super) fn days_to_us(days: f64) -> i64 {
    (days * DAY_US_F) as i64
}
