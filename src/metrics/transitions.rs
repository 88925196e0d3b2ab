//! METRICS.md §4.11 account ownership transitions in the period: counts by kind, planned and
//! joint-meeting shares, satisfaction and knowledge-transfer completeness, health change at
//! +30/60/90 days, and churn within 180 days after the transition (planned vs unplanned).

use std::collections::HashMap;

use indexmap::IndexMap;
use polars::prelude::*;
use serde::{Deserialize, Serialize};

use super::cohort::epoch_days;
use super::snapshots::GroupMean;
use super::typed::MetricSection;
use super::{bools, f64s, group_rows, rate, strs, Ctx};
use crate::ingest::keys::DEAL_KEY;
use crate::schema as s;
use crate::stats::{self, Z95};

/// The transition kinds in report order.
pub const KINDS: [&str; 4] = ["sales_to_cs", "sales_to_am", "rep_to_rep", "team_to_team"];

/// Mean health change from the transition to +30/60/90 days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HealthChange {
    pub day_30: GroupMean,
    pub day_60: GroupMean,
    pub day_90: GroupMean,
}

/// Churn within 180 days of a group of transitions, with its 95% Wilson interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Churn180 {
    pub n: u64,
    pub churned: u64,
    pub rate: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
}

/// Churn within 180 days, planned vs unplanned transitions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChurnAfter {
    pub planned: Churn180,
    pub unplanned: Churn180,
}

/// METRICS.md §4.11 over the period's transitions (null without a transitions table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transitions {
    pub count: u64,
    /// Transitions per kind, [`KINDS`] order first.
    pub by_kind: IndexMap<String, u64>,
    pub planned_share: Option<f64>,
    pub joint_meeting_share: Option<f64>,
    pub satisfaction_mean: Option<f64>,
    pub satisfaction_target: f64,
    pub kt_completeness_mean: Option<f64>,
    pub kt_complete_share: Option<f64>,
    /// Null without a health table.
    pub health_change: Option<HealthChange>,
    /// Null without a renewals table.
    pub churn_180d: Option<ChurnAfter>,
}

impl MetricSection for Transitions {
    const KEY: &'static str = "transitions";
}

/// The section and the `transitions` table.
pub struct TransitionsOut {
    pub section: Option<Transitions>,
    pub tables: Vec<(String, DataFrame)>,
}

/// The rows of `health` that [`transitions`] can read: those of the deals (by the dense
/// deal key ingest gives every account-table row) of accounts with a transition in
/// `transitions` (any period), in their order (ties between equal dates go to the later
/// row, so the order is kept); none without a transitions table.
pub fn health_rows_read(
    health: &DataFrame,
    transitions: Option<&DataFrame>,
) -> PolarsResult<DataFrame> {
    let Some(t) = transitions else {
        return Ok(health.clear());
    };
    // The keys are dense (row numbers of the used deals): a flag per key, no hashing.
    let mut wanted: Vec<bool> = Vec::new();
    for key in t.column(DEAL_KEY)?.idx()?.iter().flatten() {
        let key = key as usize;
        if key >= wanted.len() {
            wanted.resize(key + 1, false);
        }
        wanted[key] = true;
    }
    let keep: BooleanChunked = health
        .column(DEAL_KEY)?
        .idx()?
        .iter()
        .map(|k| k.is_some_and(|k| wanted.get(k as usize).copied().unwrap_or(false)))
        .collect();
    health.filter(&keep)
}

pub fn transitions(ctx: &Ctx) -> anyhow::Result<TransitionsOut> {
    let Some(t) = ctx.ing.lazy(s::TRANSITIONS) else {
        return Ok(TransitionsOut {
            section: None,
            tables: Vec::new(),
        });
    };
    let day = col(s::TRANSITIONED_AT).dt().date().cast(DataType::Int32);
    let (lo, hi) = (epoch_days(ctx.period.start), epoch_days(ctx.period.end));
    let df = t
        .with_column(day.alias("_day"))
        .filter(col("_day").gt_eq(lit(lo)).and(col("_day").lt_eq(lit(hi))))
        .sort(
            [s::TRANSITIONED_AT, s::LINE],
            SortMultipleOptions::default(),
        )
        .collect()?;
    let n = df.height() as u64;
    let planned = bools(&df, s::PLANNED)?;
    let joint = bools(&df, s::JOINT_MEETING)?;
    let sat: Vec<f64> = f64s(&df, s::SATISFACTION)?.into_iter().flatten().collect();
    let kt: Vec<f64> = f64s(&df, s::KT_COMPLETENESS)?
        .into_iter()
        .flatten()
        .collect();
    let kinds = strs(&df, s::KIND)?;
    let mut by_kind = IndexMap::new();
    for (k, rows) in group_rows(&kinds, &KINDS) {
        by_kind.insert(k, rows.len() as u64);
    }
    let share = |v: &[bool]| rate(v.iter().filter(|x| **x).count() as u64, n);
    let kt_full = kt.iter().filter(|x| **x >= 95.0).count() as u64;

    // Health change and churn after each transition.
    // Health and renewal rows are found by the dense deal key (account and deal are one to
    // one among used rows): a report without custom queries drops the snapshot tables'
    // account ids.
    let deals: Vec<Option<IdxSize>> = df.column(DEAL_KEY)?.idx()?.iter().collect();
    let days: Vec<i32> = df
        .column("_day")?
        .i32()?
        .iter()
        .map(|d| d.unwrap_or(0))
        .collect();
    let as_of = epoch_days(ctx.params.as_of);
    let wanted: std::collections::HashSet<IdxSize> = deals.iter().flatten().copied().collect();
    // Per deal of the period's transitions: (day, row, value) of its health snapshots.
    let mut health: HashMap<IdxSize, Vec<(i32, usize, f64)>> = HashMap::new();
    let has_health = ctx.has(s::HEALTH);
    if let Some(h) = ctx.ing.tables.get(s::HEALTH) {
        // The health table is millions of rows: walk its columns in place and copy only
        // the deals that transitioned.
        let k = h.column(DEAL_KEY)?.idx()?;
        let d = h.column(s::SNAPSHOT_DATE)?.cast(&DataType::Int32)?;
        let v = h.column(s::HEALTH_SCORE)?.cast(&DataType::Float64)?;
        let rows = k.iter().zip(d.i32()?.iter()).zip(v.f64()?.iter());
        for (i, ((key, day), val)) in rows.enumerate() {
            if let (Some(key), Some(day), Some(val)) = (key, day, val) {
                if wanted.contains(&key) {
                    health.entry(key).or_default().push((day, i, val));
                }
            }
        }
    }
    let latest = |deal: IdxSize, day: i32| -> Option<f64> {
        health
            .get(&deal)?
            .iter()
            .filter(|(d, _, _)| *d <= day && *d > day - 14)
            .max_by_key(|(d, i, _)| (*d, *i))
            .map(|x| x.2)
    };
    let mut health_change = Vec::new();
    if has_health {
        for off in [30, 60, 90] {
            let diffs: Vec<f64> = (0..df.height())
                .filter(|&i| days[i] + off <= as_of)
                .filter_map(|i| {
                    let deal = deals[i]?;
                    Some(latest(deal, days[i] + off)? - latest(deal, days[i])?)
                })
                .collect();
            health_change.push(GroupMean {
                n: diffs.len() as u64,
                mean: stats::mean(&diffs),
            });
        }
    }
    let health_change = match health_change[..] {
        [day_30, day_60, day_90] => Some(HealthChange {
            day_30,
            day_60,
            day_90,
        }),
        _ => None,
    };
    let churn_after = match ctx.ing.tables.get(s::RENEWALS) {
        Some(r) => {
            let rk = r.column(DEAL_KEY)?.idx()?;
            let rd = r.column(s::EVENT_DATE)?.cast(&DataType::Int32)?;
            let re = r.column(s::EVENT)?.cast(&DataType::String)?;
            let mut churns: HashMap<IdxSize, Vec<i32>> = HashMap::new();
            let rows = rk.iter().zip(rd.i32()?.iter()).zip(re.str()?.iter());
            for ((key, day), event) in rows {
                if let (Some(key), Some(day), Some("churn")) = (key, day, event) {
                    if wanted.contains(&key) {
                        churns.entry(key).or_default().push(day);
                    }
                }
            }
            let mut groups = Vec::new();
            for want in [true, false] {
                let idx: Vec<usize> = (0..df.height())
                    .filter(|&i| planned[i] == want && days[i] + 180 <= as_of)
                    .collect();
                let churned = idx
                    .iter()
                    .filter(|&&i| {
                        deals[i]
                            .and_then(|k| churns.get(&k))
                            .is_some_and(|v| v.iter().any(|d| *d > days[i] && *d <= days[i] + 180))
                    })
                    .count() as u64;
                let k = idx.len() as u64;
                let ci = stats::wilson(churned, k, Z95);
                groups.push(Churn180 {
                    n: k,
                    churned,
                    rate: rate(churned, k),
                    ci_low: ci.map(|c| c.0),
                    ci_high: ci.map(|c| c.1),
                });
            }
            let unplanned = groups.pop();
            groups
                .pop()
                .zip(unplanned)
                .map(|(planned, unplanned)| ChurnAfter { planned, unplanned })
        }
        None => None,
    };
    let section = Transitions {
        count: n,
        by_kind,
        planned_share: share(&planned),
        joint_meeting_share: share(&joint),
        satisfaction_mean: stats::mean(&sat),
        satisfaction_target: 4.5,
        kt_completeness_mean: stats::mean(&kt),
        kt_complete_share: rate(kt_full, kt.len() as u64),
        health_change,
        churn_180d: churn_after,
    };
    let table = df
        .lazy()
        .select([
            col(s::ACCOUNT_ID),
            col(s::TRANSITIONED_AT).dt().date().alias("date"),
            col(s::FROM_OWNER),
            col(s::TO_OWNER),
            col(s::KIND),
            col(s::PLANNED),
            col(s::JOINT_MEETING),
            col(s::KT_COMPLETENESS),
            col(s::SATISFACTION),
        ])
        .collect()?;
    Ok(TransitionsOut {
        section: Some(section),
        tables: vec![("transitions".into(), table)],
    })
}

#[cfg(test)]
mod tests {
    use crate::testkit::{close, Data};

    /// As of 2026-10-31, April 2026 transitions of five accounts closed 2025-06-01.
    fn data() -> Data {
        Data::new("2026-10-31")
            .deals(&[
                "D1,A1,smb,1,2025-06-01T00:00:00Z,rep",
                "D2,A2,smb,1,2025-06-01T00:00:00Z,rep",
                "D3,A3,smb,1,2025-06-01T00:00:00Z,rep",
                "D4,A4,smb,1,2025-06-01T00:00:00Z,rep",
                "D5,A5,smb,1,2025-06-01T00:00:00Z,rep",
            ])
            .csv(
                "transitions",
                &[
                    "account_id,transitioned_at,from_owner,to_owner,kind,planned,\
                     joint_meeting,kt_completeness,satisfaction",
                    "A1,2026-04-01T10:00:00Z,a,b,rep_to_rep,yes,yes,95,5",
                    "A2,2026-04-10,a,b,sales_to_am,no,yes,94.9,4",
                    // 23:30 at −02:00 is 2026-05-01T01:30Z: May, not April.
                    "A3,2026-04-30T23:30:00-02:00,a,b,team_to_team,yes,yes,100,5",
                    "A4,2026-03-31T23:00:00Z,a,b,team_to_team,yes,yes,100,5",
                    // blank booleans are false; blank numbers missing.
                    "A5,2026-04-30T12:00:00Z,a,b,rep_to_rep,,,,",
                ],
            )
            .csv(
                "health",
                &[
                    "account_id,snapshot_date,health_score",
                    "A1,2026-03-18,10", // t − 14: outside the 14 days up to t = 04-01
                    "A1,2026-03-19,50", // t − 13: health at t = 50
                    "A1,2026-04-20,60", // in [04-18, 05-01] → +30: 60
                    "A1,2026-05-31,70", // t + 60 = 05-31 → 70
                    "A1,2026-06-16,99", // t + 90 = 06-30: [06-17, 06-30] → none
                    "A2,2026-04-10,80", // health at t = 80
                    "A2,2026-05-10,70", // t + 30 → 70
                    "A2,2026-07-01,90", // t + 90 = 07-09: [06-26, 07-09] → 90
                    "A5,2026-05-30,50", // A5 has no health at t: no change
                ],
            )
            .csv(
                "renewals",
                &[
                    "account_id,event_date,event",
                    "A1,2026-09-28,churn", // t + 180 = 09-28: within
                    "A2,2026-10-08,churn", // t + 181: outside
                    "A5,2026-04-30,churn", // on the transition day: not after it
                ],
            )
    }

    #[test]
    fn counts_shares_and_means() {
        let run = data().run("2026-04");
        // A1, A2, A5 (A3 is in May UTC, A4 in March).
        assert_eq!(run.get("transitions/count"), 3);
        assert_eq!(run.get("transitions/by_kind/rep_to_rep"), 2);
        assert_eq!(run.get("transitions/by_kind/sales_to_am"), 1);
        assert!(run.get("transitions/by_kind").get("team_to_team").is_none());
        // planned: A1 only (A5 blank = false) → 1/3; joint: A1, A2 → 2/3.
        close(run.num("transitions/planned_share"), 1.0 / 3.0, "planned");
        close(
            run.num("transitions/joint_meeting_share"),
            2.0 / 3.0,
            "joint",
        );
        // satisfaction (5 + 4) / 2 = 4.5 (A5 missing, not 0).
        close(
            run.num("transitions/satisfaction_mean"),
            4.5,
            "satisfaction",
        );
        // kt: (95 + 94.9) / 2 = 94.95; ≥ 95: A1 only → 1 / 2.
        close(
            run.num("transitions/kt_completeness_mean"),
            94.95,
            "kt mean",
        );
        close(run.num("transitions/kt_complete_share"), 0.5, "kt ≥ 95");
    }

    #[test]
    fn health_change_after_the_transition() {
        let run = data().run("2026-04");
        // +30: A1 60 − 50 = 10, A2 70 − 80 = −10 → mean 0.
        assert_eq!(run.get("transitions/health_change/day_30/n"), 2);
        close(run.num("transitions/health_change/day_30/mean"), 0.0, "+30");
        // +60: A1 70 − 50 = 20 (A2 none in [05-27, 06-09]).
        assert_eq!(run.get("transitions/health_change/day_60/n"), 1);
        close(
            run.num("transitions/health_change/day_60/mean"),
            20.0,
            "+60",
        );
        // +90: A2 90 − 80 = 10 (A1's 06-16 snapshot is 14 days before 06-30).
        assert_eq!(run.get("transitions/health_change/day_90/n"), 1);
        close(
            run.num("transitions/health_change/day_90/mean"),
            10.0,
            "+90",
        );
    }

    #[test]
    fn churn_within_180_days_planned_vs_unplanned() {
        let run = data().run("2026-04");
        // planned: A1 churned on t + 180 → 1 / 1; Wilson (1/(1 + z²), 1).
        assert_eq!(run.get("transitions/churn_180d/planned/n"), 1);
        assert_eq!(run.num("transitions/churn_180d/planned/rate"), 1.0);
        close(
            run.num("transitions/churn_180d/planned/ci_low"),
            0.20654931437723745,
            "w(1,1) lo",
        );
        // unplanned: A2 (t + 181) and A5 (same day) did not → 0 / 2; Wilson (0, 0.6576).
        assert_eq!(run.get("transitions/churn_180d/unplanned/n"), 2);
        assert_eq!(run.num("transitions/churn_180d/unplanned/rate"), 0.0);
        close(
            run.num("transitions/churn_180d/unplanned/ci_high"),
            0.6576197724933469,
            "w(0,2) hi",
        );
    }

    #[test]
    fn windows_after_as_of_are_left_out() {
        // An October transition: t + 30 = 10-31 = as_of counts, t + 60 and t + 180 do not.
        let run = Data::new("2026-10-31")
            .deals(&["D1,A1,smb,1,2025-06-01T00:00:00Z,rep"])
            .csv(
                "transitions",
                &[
                    "account_id,transitioned_at,kind",
                    "A1,2026-10-01T00:00:00Z,rep_to_rep",
                ],
            )
            .csv(
                "health",
                &[
                    "account_id,snapshot_date,health_score",
                    "A1,2026-10-01,40",
                    "A1,2026-10-31,55",
                ],
            )
            .csv("renewals", &["account_id,event_date,event"])
            .run("2026-10");
        // +30: 55 − 40 = 15.
        assert_eq!(run.get("transitions/health_change/day_30/n"), 1);
        close(
            run.num("transitions/health_change/day_30/mean"),
            15.0,
            "+30",
        );
        // +60 not yet reached: n 0, mean null (not 0).
        assert_eq!(run.get("transitions/health_change/day_60/n"), 0);
        assert!(run.is_null("transitions/health_change/day_60/mean"));
        // 180-day churn window not closed: the unplanned group is empty → rate null.
        assert_eq!(run.get("transitions/churn_180d/unplanned/n"), 0);
        assert!(run.is_null("transitions/churn_180d/unplanned/rate"));
        // No satisfaction or kt value → null means and share.
        assert!(run.is_null("transitions/satisfaction_mean"));
        assert!(run.is_null("transitions/kt_complete_share"));
    }

    #[test]
    fn missing_tables_give_null() {
        let run = Data::new("2026-10-31")
            .deals(&["D1,A1,smb,1,2025-06-01T00:00:00Z,rep"])
            .run("2026-10");
        assert!(run.is_null("transitions"));
        let run = Data::new("2026-10-31")
            .deals(&["D1,A1,smb,1,2025-06-01T00:00:00Z,rep"])
            .csv(
                "transitions",
                &[
                    "account_id,transitioned_at,kind",
                    "A1,2026-10-01,rep_to_rep",
                ],
            )
            .run("2026-10");
        assert_eq!(run.get("transitions/count"), 1);
        assert!(run.is_null("transitions/health_change"));
        assert!(run.is_null("transitions/churn_180d"));
    }

    #[test]
    fn released_inputs_keep_the_health_rows_of_transitioned_accounts_only() {
        // A1 has a transition, A2 none: its health rows are never read and are freed.
        let d = Data::new("2026-10-31")
            .deals(&[
                "D1,A1,smb,1,2025-06-01T00:00:00Z,rep",
                "D2,A2,smb,1,2025-06-01T00:00:00Z,rep",
            ])
            .csv(
                "transitions",
                &[
                    "account_id,transitioned_at,from_owner,to_owner,kind,planned",
                    "A1,2026-04-01T10:00:00Z,a,b,rep_to_rep,yes",
                ],
            )
            .csv(
                "health",
                &[
                    "account_id,snapshot_date,health_score",
                    "A2,2026-04-01,10",
                    "A1,2026-03-20,50", // same day as the next row: the later row (55) wins
                    "A1,2026-03-20,55",
                    "A2,2026-05-01,20",
                    "A1,2026-05-01,70",
                ],
            );
        let params = d.params();
        let period = crate::period::Period::parse("2026-04").expect("period");
        let mut ing = d.ingest();
        let facts = crate::model::facts(&ing, &params)
            .expect("plan")
            .expect("deals")
            .collect()
            .expect("facts");
        let before = crate::metrics::compute(&facts, &ing, &params, period).expect("compute");
        crate::metrics::release_unread(&mut ing).expect("release");
        let health = &ing.tables["health"];
        let scores = health
            .column("health_score")
            .expect("score")
            .cast(&polars::prelude::DataType::Float64)
            .expect("cast");
        let scores: Vec<Option<f64>> = scores.f64().expect("f64").iter().collect();
        assert_eq!(scores, [Some(50.0), Some(55.0), Some(70.0)]);
        assert!(ing.has("deals") && ing.tables["deals"].height() == 0);
        let after = crate::metrics::compute(&facts, &ing, &params, period).expect("compute");
        // +30: 70 − 55 = 15, from the narrowed table as from the whole one.
        close(
            after.metrics["transitions"]["health_change"]["day_30"]["mean"]
                .as_f64()
                .expect("a mean"),
            15.0,
            "+30",
        );
        assert_eq!(
            before.metrics["transitions"], after.metrics["transitions"],
            "the transitions section"
        );
    }

    /// What `handoff report` does without custom queries: the snapshot tables leave ingest
    /// without account ids and `_line`, the unread rows are freed; the metrics are the same.
    #[test]
    fn a_report_keeping_the_model_columns_computes_the_same_metrics() {
        let d = data().csv(
            "adoption",
            &[
                "account_id,snapshot_date,active_users,licensed_seats",
                "A1,2025-07-01,5,10",
                "A2,2025-07-01,3,10",
            ],
        );
        let params = d.params();
        let period = crate::period::Period::parse("2026-04").expect("period");
        let metrics = |keep: crate::ingest::Keep| {
            let mut ing = d.ingest_keeping(keep);
            let parts = crate::model::parts(&ing, &params)
                .expect("parts")
                .expect("deals");
            if keep == crate::ingest::Keep::Model {
                crate::metrics::release_unread(&mut ing).expect("release");
            }
            let facts = crate::model::assemble(&ing, &params, parts).expect("facts");
            let computed = crate::metrics::compute(&facts, &ing, &params, period);
            (ing, computed.expect("compute").metrics)
        };
        let (all, want) = metrics(crate::ingest::Keep::All);
        let (model, got) = metrics(crate::ingest::Keep::Model);
        let names = |ing: &crate::ingest::Ingested, t: &str| -> Vec<String> {
            let df = &ing.tables[t];
            df.get_column_names()
                .iter()
                .map(|n| n.to_string())
                .collect()
        };
        for t in ["adoption", "health"] {
            assert!(names(&all, t).contains(&"account_id".to_string()), "{t}");
            assert!(!names(&model, t).contains(&"account_id".to_string()), "{t}");
            assert!(!names(&model, t).iter().any(|n| n == "_line"), "{t}");
        }
        assert!(names(&model, "renewals").contains(&"account_id".to_string()));
        // The health changes of `health_change_after_the_transition`, from deal keys.
        assert_eq!(got["transitions"]["health_change"]["day_30"]["n"], 2);
        assert_eq!(want, got);
    }

    #[test]
    fn released_inputs_without_transitions_keep_no_health_rows() {
        let d = Data::new("2026-10-31")
            .deals(&["D1,A1,smb,1,2025-06-01T00:00:00Z,rep"])
            .csv(
                "health",
                &["account_id,snapshot_date,health_score", "A1,2026-04-01,10"],
            );
        let mut ing = d.ingest();
        crate::metrics::release_unread(&mut ing).expect("release");
        assert!(ing.has("health"));
        assert_eq!(ing.tables["health"].height(), 0);
    }
}
