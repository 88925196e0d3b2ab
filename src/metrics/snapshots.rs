//! METRICS.md §4.7 early adoption (utilisation) and health at day 30/60/90 over the trailing
//! cohort, by quality band and by segment: mean and n of the deals that have a snapshot in
//! the window (a deal without one is missing, never zero).

use std::collections::BTreeMap;

use polars::prelude::*;
use serde::{Deserialize, Serialize};

use super::typed::{parse_key, MetricSection};
use super::{frame, Ctx};
use crate::schema as s;
use crate::vocab::{Band, Segment};

/// The mean of a group's values and how many deals it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GroupMean {
    pub n: u64,
    pub mean: Option<f64>,
}

/// One day's means by band and by segment (groups without a snapshot are absent).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SnapshotDay {
    pub by_band: BTreeMap<Band, GroupMean>,
    pub by_segment: BTreeMap<Segment, GroupMean>,
}

/// A snapshot metric at day 30, 60 and 90 after close.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SnapshotDays {
    pub day_30: SnapshotDay,
    pub day_60: SnapshotDay,
    pub day_90: SnapshotDay,
}

impl SnapshotDays {
    /// The days in report order with their number.
    pub fn days(&self) -> [(u32, &SnapshotDay); 3] {
        [(30, &self.day_30), (60, &self.day_60), (90, &self.day_90)]
    }
}

/// METRICS.md §4.7 utilisation (null without an adoption table).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Adoption(pub SnapshotDays);

impl MetricSection for Adoption {
    const KEY: &'static str = "adoption";
}

/// METRICS.md §4.7 health score (null without a health table).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Health(pub SnapshotDays);

impl MetricSection for Health {
    const KEY: &'static str = "health";
}

pub struct Snapshots {
    pub adoption: Option<Adoption>,
    pub health: Option<Health>,
    pub table: DataFrame,
}

/// n and mean of `value` per group, in `order`, groups with n > 0 only.
pub fn group_mean(
    cohort: &DataFrame,
    key: &str,
    value: &str,
    order: &[&str],
) -> PolarsResult<Vec<(String, u32, Option<f64>)>> {
    let agg = cohort
        .clone()
        .lazy()
        .filter(col(value).is_not_null())
        .group_by([col(key)])
        .agg([
            col(value).count().alias("n"),
            col(value).mean().alias("mean"),
        ])
        .collect()?;
    let keys = super::strs(&agg, key)?;
    let ns = agg.column("n")?.cast(&DataType::UInt32)?;
    let ns = ns.u32()?;
    let means = super::f64s(&agg, "mean")?;
    let mut rows: Vec<(String, u32, Option<f64>)> = keys
        .into_iter()
        .zip(ns.iter())
        .zip(means)
        .filter_map(|((k, n), m)| Some((k?.to_string(), n.unwrap_or(0), m)))
        .collect();
    rows.sort_by_key(|r| {
        (
            order.iter().position(|o| *o == r.0).unwrap_or(usize::MAX),
            r.0.clone(),
        )
    });
    Ok(rows)
}

fn section(
    cohort: &DataFrame,
    prefix: &str,
    table: &mut Vec<(String, String, String, u32, Option<f64>)>,
    metric: &str,
) -> anyhow::Result<SnapshotDays> {
    let mut out = SnapshotDays::default();
    for (n, day) in [
        (30, &mut out.day_30),
        (60, &mut out.day_60),
        (90, &mut out.day_90),
    ] {
        let column = format!("{prefix}_{n}");
        for (g, count, mean) in group_mean(cohort, s::QUALITY_BAND, &column, &s::BANDS)? {
            let n_mean = GroupMean {
                n: u64::from(count),
                mean,
            };
            day.by_band.insert(parse_key(&g)?, n_mean);
            table.push((metric.to_string(), format!("day_{n}"), g, count, mean));
        }
        for (g, count, mean) in group_mean(cohort, s::SEGMENT, &column, &s::SEGMENTS)? {
            let n_mean = GroupMean {
                n: u64::from(count),
                mean,
            };
            day.by_segment.insert(parse_key(&g)?, n_mean);
        }
    }
    Ok(out)
}

pub fn snapshots(ctx: &Ctx, cohort: &DataFrame) -> anyhow::Result<Snapshots> {
    let mut rows = Vec::new();
    let adoption = if ctx.has(s::ADOPTION) {
        Some(Adoption(section(
            cohort,
            "utilisation",
            &mut rows,
            "utilisation",
        )?))
    } else {
        None
    };
    let health = if ctx.has(s::HEALTH) {
        Some(Health(section(cohort, "health", &mut rows, "health")?))
    } else {
        None
    };
    let table = frame(vec![
        Column::new(
            "metric".into(),
            rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "day".into(),
            rows.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "band".into(),
            rows.iter().map(|r| r.2.as_str()).collect::<Vec<_>>(),
        ),
        Column::new("n".into(), rows.iter().map(|r| r.3).collect::<Vec<_>>()),
        Column::new("mean".into(), rows.iter().map(|r| r.4).collect::<Vec<_>>()),
    ])?;
    Ok(Snapshots {
        adoption,
        health,
        table,
    })
}

#[cfg(test)]
mod tests {
    use crate::testkit::{close, Data};

    /// As of 2026-10-31. Utilisation at day N: latest adoption snapshot dated in
    /// [date(C) + N − 6, date(C) + N]; health: [date(C) + N − 13, date(C) + N]; only deals
    /// with date(C) + N ≤ as_of. No handoffs: every deal is `substandard`.
    fn data() -> Data {
        Data::new("2026-10-31")
            .deals(&[
                "P1,A1,enterprise,1,2026-08-01T00:00:00Z,rep",
                "P2,A2,smb,1,2026-08-02T00:00:00Z,rep",
                "P3,A3,smb,1,2026-08-03T00:00:00Z,rep",
                "P4,A4,smb,1,2026-09-01T00:00:00Z,rep",
            ])
            .csv(
                "adoption",
                &[
                    "account_id,snapshot_date,active_users,licensed_seats",
                    "A1,2026-08-24,9,10", // offset 23: before the day-30 window [24, 30]
                    "A1,2026-08-25,2,10", // offset 24: in
                    "A1,2026-08-31,5,10", // offset 30: in, latest → 0.5
                    "A1,2026-09-30,8,10", // offset 60 → day 60 = 0.8
                    "A1,2026-10-31,1,1",  // offset 91: after the day-90 window
                    "A2,2026-10-31,3,4",  // offset 90 and 10-31 = as_of → day 90 = 0.75
                    "A3,2026-08-27,1,10", // offset 24 → day 30 = 0.1
                    "A3,2026-10-31,1,2",  // offset 89, but day 90 (11-01) is after as_of
                    "A4,2026-10-01,0,10", // offset 30 → day 30 = 0 (a real zero)
                ],
            )
            .csv(
                "health",
                &[
                    "account_id,snapshot_date,health_score",
                    "A1,2026-08-17,10", // offset 16: before the day-30 window [17, 30]
                    "A1,2026-08-18,60", // offset 17: in
                    "A1,2026-08-31,70", // offset 30: latest → 70
                    "A1,2026-10-16,20", // offset 76: before the day-90 window [77, 90]
                    "A2,2026-08-18,40", // offset 16: out → P2 day 30 missing
                    "A2,2026-10-18,90", // offset 77: in → day 90 = 90
                    "A3,2026-08-20,80", // offset 17: in → day 30 = 80
                    "A3,2026-10-31,50", // offset 89, day 90 after as_of
                ],
            )
    }

    #[test]
    fn utilisation_windows_latest_snapshot_and_maturity() {
        let run = data().run("2026-10");
        let a = |p: &str| format!("adoption/{p}");
        // day 30: P1 0.5, P3 0.1, P4 0.0; P2 has none (missing, not 0) → (0.5 + 0.1 + 0) / 3.
        assert_eq!(run.get(&a("day_30/by_band/substandard/n")), 3);
        close(
            run.num(&a("day_30/by_band/substandard/mean")),
            0.2,
            "day 30",
        );
        // day 60: P1 0.8; P4's day 60 is 10-31 = as_of (counts) but has no snapshot.
        assert_eq!(run.get(&a("day_60/by_band/substandard/n")), 1);
        close(
            run.num(&a("day_60/by_band/substandard/mean")),
            0.8,
            "day 60",
        );
        // day 90: P2 0.75 only (P1 none in [84, 90]; P3 not 90 days old at as_of).
        assert_eq!(run.get(&a("day_90/by_band/substandard/n")), 1);
        close(
            run.num(&a("day_90/by_band/substandard/mean")),
            0.75,
            "day 90",
        );
        // by segment, day 30: enterprise P1 0.5; smb P3, P4 → 0.05.
        close(run.num(&a("day_30/by_segment/enterprise/mean")), 0.5, "ent");
        assert_eq!(run.get(&a("day_30/by_segment/smb/n")), 2);
        close(run.num(&a("day_30/by_segment/smb/mean")), 0.05, "smb");
    }

    #[test]
    fn health_window_is_fourteen_days() {
        let run = data().run("2026-10");
        // day 30: P1 70 (latest of 60, 70), P3 80 (offset 17 edge); P2's offset-16 snapshot
        // is out → (70 + 80) / 2 = 75.
        assert_eq!(run.get("health/day_30/by_band/substandard/n"), 2);
        close(
            run.num("health/day_30/by_band/substandard/mean"),
            75.0,
            "day 30",
        );
        // day 90: P2 90 (offset 77 edge); P1 none in [77, 90]; P3 too young.
        assert_eq!(run.get("health/day_90/by_band/substandard/n"), 1);
        close(
            run.num("health/day_90/by_band/substandard/mean"),
            90.0,
            "day 90",
        );
        // day 60: no snapshot in any window → the group is absent, not n 0 with mean 0.
        assert!(run
            .get("health/day_60/by_band")
            .as_object()
            .unwrap()
            .is_empty());
    }

    #[test]
    fn missing_tables_give_null() {
        let run = Data::new("2026-10-31")
            .deals(&["P1,A1,smb,1,2026-08-01T00:00:00Z,rep"])
            .csv(
                "health",
                &["account_id,snapshot_date,health_score", "A1,2026-08-31,70"],
            )
            .run("2026-10");
        assert!(run.is_null("adoption"));
        assert_eq!(run.get("health/day_30/by_band/substandard/n"), 1);
    }
}
