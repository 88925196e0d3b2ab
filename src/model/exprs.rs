//! Expression helpers of the fact table: unit conversions, the SLA status and deadline
//! rules (METRICS.md §4.2, including the business calendar), the quality band (§4.4) and
//! the ACV band labels, and the join of an account table to its deal's keys.

use polars::prelude::*;

use crate::ingest::parse::MICROS_PER_DAY;

pub(super) fn micros(c: &str) -> Expr {
    col(c).cast(DataType::Int64)
}

pub(super) fn days_i32(c: &str) -> Expr {
    col(c).cast(DataType::Int32)
}

pub(super) fn null_of(dt: DataType) -> Expr {
    lit(NULL).cast(dt)
}

pub(super) fn datetime_us() -> DataType {
    DataType::Datetime(TimeUnit::Microseconds, None)
}

/// Days between two µs expressions, fractional.
pub(super) fn days_between(later: Expr, earlier: Expr) -> Expr {
    (later - earlier).cast(DataType::Float64) / lit(MICROS_PER_DAY as f64)
}

/// SLA status from event time `t`, deadline `d` (both µs) and the as-of instant.
pub fn sla_status_expr(t: Expr, d: Expr, a_us: i64) -> Expr {
    when(t.clone().is_not_null().and(t.clone().lt_eq(d.clone())))
        .then(lit("met"))
        .when(t.is_not_null().or(d.lt(lit(a_us))))
        .then(lit("missed"))
        .otherwise(lit("pending"))
}

/// Band of a score (METRICS.md §4.4).
pub fn band_expr(score: Expr) -> Expr {
    when(score.clone().gt_eq(lit(90.0)))
        .then(lit("excellent"))
        .when(score.clone().gt_eq(lit(80.0)))
        .then(lit("good"))
        .when(score.gt_eq(lit(70.0)))
        .then(lit("acceptable"))
        .otherwise(lit("substandard"))
}

/// ACV band labels for three edges, lower edge inclusive.
pub fn acv_band_labels(edges: [f64; 3]) -> [String; 4] {
    let k = |x: f64| {
        if x >= 1000.0 && (x / 1000.0).fract() == 0.0 {
            format!("{}k", x / 1000.0)
        } else {
            format!("{x}")
        }
    };
    [
        format!("<{}", k(edges[0])),
        format!("{}-{}", k(edges[0]), k(edges[1])),
        format!("{}-{}", k(edges[1]), k(edges[2])),
        format!("{}+", k(edges[2])),
    ]
}

/// `sla_calendar = "business"` (METRICS.md §4.2: deadlines count Monday–Friday only): the
/// instant reached from `c` (µs since the epoch, UTC) when `duration` µs of Monday–Friday
/// time have passed. Weekend time does not count: a deal closed on Saturday starts its
/// clock on Monday 00:00, and a deadline that falls exactly at the end of a Friday is
/// Monday 00:00 (every weekend instant has the same business time as that deadline, so an
/// event during the weekend is on time). Computed by mapping instants to "business time"
/// (5 days a week since Monday 1969-12-29) and back, in integer arithmetic.
pub fn business_deadline(c: Expr, duration: Expr) -> Expr {
    let day = lit(MICROS_PER_DAY);
    let week = lit(5 * MICROS_PER_DAY);
    let days = c.clone().floor_div(day.clone());
    // Days since Monday 1969-12-29 (1970-01-01 was a Thursday).
    let k = days.clone() + lit(3i64);
    let weeks = k.clone().floor_div(lit(7i64));
    let weekday = k - weeks.clone() * lit(7i64);
    let time_of_day = c - days * day.clone();
    let business_c = weeks * week.clone()
        + when(weekday.clone().lt(lit(5i64)))
            .then(weekday * day.clone() + time_of_day)
            .otherwise(week.clone());
    let b = business_c + duration;
    let w = b.clone().floor_div(week.clone());
    let rest = b - w.clone() * week;
    (w * lit(7i64) - lit(3i64)) * day + rest
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3_600_000_000;

    /// `business_deadline` on one instant.
    fn business(c: &str, hours: i64) -> String {
        let c_us = chrono::DateTime::parse_from_rfc3339(c)
            .expect("instant")
            .timestamp_micros();
        let df = df!("c" => [c_us]).expect("frame");
        let out = df
            .lazy()
            .select([business_deadline(col("c"), lit(hours * H)).alias("d")])
            .collect()
            .expect("collect");
        let d = out.column("d").expect("d").i64().expect("i64").get(0);
        chrono::DateTime::from_timestamp_micros(d.expect("value"))
            .expect("instant")
            .to_rfc3339()
    }

    #[test]
    fn business_deadlines_skip_weekends() {
        // 2026-10-02 is a Friday. Friday 10:00 + 48 h: 14 h of Friday, 24 h of Monday,
        // 10 h of Tuesday → Tuesday 10:00.
        assert_eq!(
            business("2026-10-02T10:00:00Z", 48),
            "2026-10-06T10:00:00+00:00"
        );
        // Monday 09:00 + 48 h stays within the week → Wednesday 09:00.
        assert_eq!(
            business("2026-09-28T09:00:00Z", 48),
            "2026-09-30T09:00:00+00:00"
        );
        // Closed on Saturday: the clock starts Monday 00:00 → + 3 days = Thursday 00:00.
        assert_eq!(
            business("2026-10-03T15:00:00Z", 72),
            "2026-10-08T00:00:00+00:00"
        );
        // Thursday 00:00 + 2 days ends exactly at the end of Friday → Monday 00:00.
        assert_eq!(
            business("2026-10-01T00:00:00Z", 48),
            "2026-10-05T00:00:00+00:00"
        );
        // 10 days from Wednesday 12:00 = two full weeks later, Wednesday 12:00.
        assert_eq!(
            business("2026-09-30T12:00:00Z", 240),
            "2026-10-14T12:00:00+00:00"
        );
        // Before 1970 (floor division): Friday 1969-12-26 10:00 + 48 h → Tuesday 12-30.
        assert_eq!(
            business("1969-12-26T10:00:00Z", 48),
            "1969-12-30T10:00:00+00:00"
        );
    }

    /// Status for event `t` (None = no event) with deadline `d`, as-of instant `a`.
    fn status(t: Option<i64>, d: i64, a: i64) -> String {
        let df = df!("t" => [t], "d" => [d]).unwrap();
        let out = df
            .lazy()
            .select([sla_status_expr(col("t"), col("d"), a).alias("s")])
            .collect()
            .unwrap();
        out.column("s")
            .unwrap()
            .str()
            .unwrap()
            .get(0)
            .unwrap()
            .to_string()
    }

    #[test]
    fn sla_status_edges() {
        let c = 1_000 * H; // close
        let d = c + 48 * H; // deadline
        let a = c + 100 * H; // as-of instant
        assert_eq!(status(Some(d), d, a), "met", "t = D is met");
        assert_eq!(status(Some(d + 1_000_000), d, a), "missed", "a second late");
        assert_eq!(status(Some(c - 24 * H), d, a), "met", "pre-close event");
        assert_eq!(status(None, d, a), "missed", "no event, deadline passed");
        assert_eq!(
            status(None, a, a),
            "pending",
            "deadline at A is still pending"
        );
        assert_eq!(status(None, a + H, a), "pending");
    }

    #[test]
    fn band_boundaries() {
        let df = df!("score" => [100.0, 90.0, 89.999, 80.0, 70.0, 69.999, 0.0]).unwrap();
        let out = df
            .lazy()
            .select([band_expr(col("score")).alias("b")])
            .collect()
            .unwrap();
        let got: Vec<&str> = out
            .column("b")
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .flatten()
            .collect();
        assert_eq!(
            got,
            [
                "excellent",
                "excellent",
                "good",
                "good",
                "acceptable",
                "substandard",
                "substandard"
            ]
        );
    }

    #[test]
    fn acv_labels() {
        assert_eq!(
            acv_band_labels([25_000.0, 100_000.0, 500_000.0]),
            ["<25k", "25k-100k", "100k-500k", "500k+"].map(String::from)
        );
    }
}
