//! METRICS.md §4.10 operations: rep/team/CSM scorecards over the period cohort (reps with a mean
//! score below 70 over at least 3 handoffs are flagged for coaching), the 6-month quality
//! trend with its OLS slope, and the escalation list of recent deals with an SLA activity
//! missed and still not done.

use polars::prelude::*;
use serde::{Deserialize, Serialize};

use super::cohort::{close_between, Cohorts};
use super::typed::MetricSection;
use super::{f64s, strs, Ctx};
use crate::ingest::parse::MICROS_PER_DAY;
use crate::period::{shift_days, shift_months, Period};
use crate::schema::{self as s, sla_at, sla_due, sla_status};
use crate::stats;

/// One month of the quality trend: its mean score and deals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendMonth {
    pub month: String,
    pub mean: Option<f64>,
    pub n: u64,
}

/// Where the trend line points (slope ≥ +1 improving, ≤ −1 declining, otherwise flat).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TrendDirection {
    Improving,
    Declining,
    Flat,
}

impl TrendDirection {
    /// The Fluent message id of the word a reader sees.
    pub fn label_id(self) -> &'static str {
        match self {
            TrendDirection::Improving => "trend-improving",
            TrendDirection::Declining => "trend-declining",
            TrendDirection::Flat => "trend-flat",
        }
    }
}

/// METRICS.md §4.10: the six-month quality trend and its least-squares slope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    pub months: Vec<TrendMonth>,
    /// Points per month; null with fewer than two months with deals.
    pub slope: Option<f64>,
    pub direction: Option<TrendDirection>,
}

impl MetricSection for Trend {
    const KEY: &'static str = "trend";
}

/// METRICS.md §4.10: deals closed in the window with an SLA missed and still open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Escalations {
    pub count: u64,
    pub window_days: u64,
}

impl MetricSection for Escalations {
    const KEY: &'static str = "escalations";
}

/// METRICS.md §4.10: reps flagged for coaching and the size of each scorecard.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scorecards {
    pub coaching: Vec<String>,
    pub rep_count: u64,
    pub team_count: u64,
    /// Absent without a handoffs table (the CSM scorecard needs it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csm_count: Option<u64>,
}

impl MetricSection for Scorecards {
    const KEY: &'static str = "scorecards";
}

pub struct Operations {
    pub trend: Trend,
    pub escalations: Escalations,
    pub scorecards: Scorecards,
    pub tables: Vec<(String, DataFrame)>,
}

/// The shipped scorecard queries (`queries/*_scorecard.sql`), compiled in so the report does
/// not depend on the working directory; `handoff query --sql queries/rep_scorecard.sql`
/// runs the same text.
pub const SCORECARD_SQL: [(&str, &str, &str); 3] = [
    (
        "rep",
        s::SALES_REP,
        include_str!("../../queries/rep_scorecard.sql"),
    ),
    (
        "team",
        s::SALES_TEAM,
        include_str!("../../queries/team_scorecard.sql"),
    ),
    (
        "csm",
        s::CSM,
        include_str!("../../queries/csm_scorecard.sql"),
    ),
];

/// A context with the period cohort registered as `period_facts`, for the scorecards.
pub fn scorecard_context(cohort: &DataFrame) -> polars::sql::SQLContext {
    let ctx = polars::sql::SQLContext::new();
    ctx.register("period_facts", cohort.clone().lazy());
    ctx
}

/// Run a scorecard query over a period cohort (registered as `period_facts`).
pub fn scorecard(cohort: &DataFrame, sql: &str) -> PolarsResult<DataFrame> {
    scorecard_context(cohort).execute(sql)?.collect()
}

pub fn operations(ctx: &Ctx, cohorts: &Cohorts) -> anyhow::Result<Operations> {
    let mut tables = Vec::new();
    let mut cards = Scorecards::default();
    let mut sql_ctx = scorecard_context(&cohorts.period);
    for (name, key, sql) in SCORECARD_SQL {
        if key == s::CSM && !ctx.has(s::HANDOFFS) {
            continue;
        }
        let df = sql_ctx.execute(sql)?.collect()?;
        if name == "rep" {
            let reps = strs(&df, key)?;
            let flags = super::bools(&df, "coaching")?;
            let flagged: Vec<String> = reps
                .into_iter()
                .zip(flags)
                .filter(|(_, f)| *f)
                .filter_map(|(r, _)| r.map(str::to_string))
                .collect();
            cards.coaching = flagged;
        }
        let rows = df.height() as u64;
        match name {
            "rep" => cards.rep_count = rows,
            "team" => cards.team_count = rows,
            _ => cards.csm_count = Some(rows),
        }
        tables.push((format!("scorecard_{name}"), df));
    }

    // Trend: mean score per month, the 6 months ending at the period end.
    let last = Period::month_of(ctx.period.end);
    let mut months = Vec::new();
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    for k in (0..6u32).rev() {
        let start = shift_months(last.start, -i64::from(k));
        let m = Period::month_of(start);
        let df = close_between(ctx.lf(), m.start, m.end)
            .select([col(s::QUALITY_SCORE)])
            .collect()?;
        let scores: Vec<f64> = f64s(&df, s::QUALITY_SCORE)?.into_iter().flatten().collect();
        let mean = stats::mean(&scores);
        if let Some(y) = mean {
            xs.push((5 - k) as f64);
            ys.push(y);
        }
        months.push((m.label(), mean, scores.len()));
    }
    let slope = stats::ols_slope(&xs, &ys);
    let direction = slope.map(|b| {
        if b >= 1.0 {
            TrendDirection::Improving
        } else if b <= -1.0 {
            TrendDirection::Declining
        } else {
            TrendDirection::Flat
        }
    });
    let trend = Trend {
        months: months
            .iter()
            .map(|(m, mean, n)| TrendMonth {
                month: m.clone(),
                mean: *mean,
                n: *n as u64,
            })
            .collect(),
        slope,
        direction,
    };
    tables.push((
        "quality_trend".into(),
        super::frame(vec![
            Column::new(
                "month".into(),
                months.iter().map(|m| m.0.as_str()).collect::<Vec<_>>(),
            ),
            Column::new(
                "mean_score".into(),
                months.iter().map(|m| m.1).collect::<Vec<_>>(),
            ),
            Column::new(
                "deals".into(),
                months.iter().map(|m| m.2 as u64).collect::<Vec<_>>(),
            ),
        ])?,
    ));

    // Escalations: closed in the 90 days up to as-of, an activity missed and not done at A.
    let a_us = ctx.params.a_us();
    let recent = close_between(
        ctx.lf(),
        shift_days(ctx.params.as_of, -90),
        ctx.params.as_of,
    );
    let csm = if ctx.has(s::HANDOFFS) {
        col(s::CSM)
    } else {
        lit(NULL).cast(DataType::String).alias(s::CSM)
    };
    let parts: Vec<LazyFrame> = s::ACTIVITIES
        .iter()
        .map(|a| {
            recent
                .clone()
                .filter(
                    col(sla_status(a))
                        .eq(lit("missed"))
                        .and(col(sla_at(a)).is_null()),
                )
                .select([
                    col(s::DEAL_ID),
                    col(s::ACCOUNT_NAME),
                    col(s::SALES_REP),
                    csm.clone(),
                    lit(*a).alias("activity"),
                    ((lit(a_us) - col(sla_due(a))).cast(DataType::Float64)
                        / lit(MICROS_PER_DAY as f64))
                    .alias("days_overdue"),
                ])
        })
        .collect();
    let list = concat(parts, UnionArgs::default())?
        .sort(
            ["days_overdue", s::DEAL_ID],
            SortMultipleOptions::default().with_order_descending_multi([true, false]),
        )
        .collect()?;
    let ids = strs(&list, s::DEAL_ID)?;
    let distinct: std::collections::BTreeSet<&str> = ids.iter().flatten().copied().collect();
    let count = distinct.len() as u64;
    tables.push(("escalations".into(), list));
    Ok(Operations {
        trend,
        escalations: Escalations {
            count,
            window_days: 90,
        },
        scorecards: cards,
        tables,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::{close, deal_ids, Data, Run};

    fn rep_card() -> DataFrame {
        let none = None::<&str>;
        let df = df!(
            s::SALES_REP => [Some("rep_a"), Some("rep_a"), Some("rep_a"), Some("rep_b"),
                Some("rep_b"), Some("rep_c"), Some("rep_c"), Some("rep_c"), None],
            s::QUALITY_SCORE => [60.0, 70.0, 75.0, 10.0, 20.0, 70.0, 70.0, 70.0, 0.0],
            s::COMPLETION => [Some("complete"), Some("incomplete"), Some("pending"),
                Some("pending"), none, Some("complete"), Some("complete"), Some("complete"),
                Some("pending")],
            sla_status("knowledge_transfer") => ["met", "missed", "pending", "pending",
                "pending", "met", "met", "met", "pending"],
            s::CS_ACCEPTANCE => [Some("accepted"), none, Some("rejected"), none, none,
                Some("accepted"), Some("accepted"), Some("needs_revision"), none],
            s::REJECTIONS => [Some(0i64), Some(2), None, None, None, Some(0), Some(0), Some(1),
                None],
        )
        .unwrap();
        let (_, _, sql) = SCORECARD_SQL[0];
        scorecard(&df, sql).unwrap()
    }

    #[test]
    fn scorecard_rates_and_coaching_threshold() {
        let card = rep_card();
        let reps = strs(&card, s::SALES_REP).unwrap();
        // Sorted by mean score: rep_c 70, rep_a 68.33, rep_b 15, (unassigned) 0.
        let reps: Vec<&str> = reps.iter().map(|r| r.as_deref().unwrap()).collect();
        assert_eq!(reps, ["rep_c", "rep_a", "rep_b", "(unassigned)"]);
        let col = |name: &str| f64s(&card, name).unwrap();
        assert_eq!(
            col("handoffs"),
            [Some(3.0), Some(3.0), Some(2.0), Some(1.0)]
        );
        close(
            col("mean_score")[1].unwrap(),
            205.0 / 3.0,
            "rep_a (60+70+75)/3",
        );
        // rep_a: 1 complete of 2 decided; KT 1 met of 2 decided; 1 accepted of 2 values;
        // rejections 0 + 2.
        assert_eq!(col("completion_rate")[1], Some(0.5));
        assert_eq!(col("kt_attainment")[1], Some(0.5));
        assert_eq!(col("acceptance_rate")[1], Some(0.5));
        assert_eq!(col("rejections")[1], Some(2.0));
        // rep_c: 3 / 3 complete, 2 accepted of 3.
        assert_eq!(col("completion_rate")[0], Some(1.0));
        close(
            col("acceptance_rate")[0].unwrap(),
            2.0 / 3.0,
            "rep_c acceptance",
        );
        // rep_b: nothing decided and no acceptance value → null rates, not 0.
        assert_eq!(col("completion_rate")[2], None);
        assert_eq!(col("kt_attainment")[2], None);
        assert_eq!(col("acceptance_rate")[2], None);
        // coaching: mean < 70 over ≥ 3 handoffs → rep_a only (rep_c is exactly 70,
        // rep_b has 2 handoffs, (unassigned) 1).
        let coaching = crate::metrics::bools(&card, "coaching").unwrap();
        assert_eq!(coaching, [false, true, false, false]);
    }

    /// Handoff columns: the two timed activities that score (KT +15, intro +5) and the checklist.
    const HEADER: &str = "handoff_id,deal_id,meeting_at,intro_sent_at,doc_deal_summary,\
                          doc_stakeholder_map,doc_commitments,doc_risk_factors,\
                          mtg_all_attended,mtg_agenda_covered,mtg_questions_answered";

    #[test]
    fn coaching_flag_and_alert_through_the_pipeline() {
        let run = Data::new("2026-10-31")
            .deals(&[
                // rep_x: 3 handoffs with an empty checklist, no meeting → mean 0 over 3 →
                // flagged.
                "X1,A1,smb,1,2026-10-05T00:00:00Z,rep_x",
                "X2,A2,smb,1,2026-10-05T00:00:00Z,rep_x",
                "X3,A3,smb,1,2026-10-05T00:00:00Z,rep_x",
                // rep_y: mean 0 over 2 handoffs → not flagged.
                "Y1,A4,smb,1,2026-10-05T00:00:00Z,rep_y",
                "Y2,A5,smb,1,2026-10-05T00:00:00Z,rep_y",
                // rep_z: 3 × 70 → not flagged (70 is not below 70).
                "Z1,A6,smb,1,2026-10-05T00:00:00Z,rep_z",
                "Z2,A7,smb,1,2026-10-05T00:00:00Z,rep_z",
                "Z3,A8,smb,1,2026-10-05T00:00:00Z,rep_z",
            ])
            .csv(
                "handoffs",
                &[
                    HEADER,
                    "H1,X1,,,0,0,0,0,0,0,0",
                    "H2,X2,,,0,0,0,0,0,0,0",
                    "H3,X3,,,0,0,0,0,0,0,0",
                    "H4,Y1,,,0,0,0,0,0,0,0",
                    "H5,Y2,,,0,0,0,0,0,0,0",
                    // docs 50 + KT 15 + intro 5 = 70.
                    "H6,Z1,2026-10-06T00:00:00Z,2026-10-06T00:00:00Z,1,1,1,1,0,0,0",
                    "H7,Z2,2026-10-06T00:00:00Z,2026-10-06T00:00:00Z,1,1,1,1,0,0,0",
                    "H8,Z3,2026-10-06T00:00:00Z,2026-10-06T00:00:00Z,1,1,1,1,0,0,0",
                ],
            )
            .run("2026-10");
        assert_eq!(
            run.get("scorecards/coaching"),
            &serde_json::json!(["rep_x"])
        );
        let alerts = run.get("alerts").as_array().unwrap();
        assert!(alerts.iter().any(|a| a["kind"] == "coaching"));
    }

    fn trend(may: &str, october: &str) -> Run {
        Data::new("2026-10-31")
            .deals(&[
                // 2026-04-30: before the 6-month window May..October.
                "T0,A0,smb,1,2026-04-30T23:59:59Z,rep",
                "T1,A1,smb,1,2026-05-10T00:00:00Z,rep",
                "T2,A2,smb,1,2026-10-10T00:00:00Z,rep",
            ])
            .csv(
                "handoffs",
                &[
                    HEADER,
                    &format!("H1,T1,2026-05-11T00:00:00Z,2026-05-11T00:00:00Z,{may}"),
                    &format!("H2,T2,2026-10-11T00:00:00Z,2026-10-11T00:00:00Z,{october}"),
                ],
            )
            .run("2026-10")
    }

    // Checklist values for HEADER with the meeting and intro on time (+15, +5):
    // docs 50 + 15 + 5 = 70; + half a meeting item (5) = 75; + one meeting item (10) = 80.
    const S70: &str = "1,1,1,1,0,0,0";
    const S75: &str = "1,1,1,1,0,0,0.5";
    const S80: &str = "1,1,1,1,1,0,0";

    #[test]
    fn trend_slope_of_one_is_improving() {
        // May (x = 0) 70, October (x = 5) 75: slope (75 − 70) / 5 = 1 → improving.
        let run = trend(S70, S75);
        let months = run.get("trend/months").as_array().unwrap();
        let labels: Vec<&str> = months
            .iter()
            .map(|m| m["month"].as_str().unwrap())
            .collect();
        assert_eq!(
            labels,
            ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]
        );
        assert_eq!(months[0]["n"], 1, "the April deal T0 is not in May");
        assert_eq!(months[0]["mean"], 70.0);
        assert!(months[1]["mean"].is_null(), "an empty month has no mean");
        assert_eq!(months[1]["n"], 0);
        close(run.num("trend/slope"), 1.0, "slope");
        assert_eq!(run.get("trend/direction"), "improving");
    }

    #[test]
    fn trend_slope_of_minus_one_is_declining_and_zero_is_flat() {
        // May 75, October 70 → slope −1 → declining.
        let run = trend(S75, S70);
        close(run.num("trend/slope"), -1.0, "slope");
        assert_eq!(run.get("trend/direction"), "declining");
        // May 80, October 80 → slope 0 → flat.
        let run = trend(S80, S80);
        assert_eq!(run.num("trend/slope"), 0.0);
        assert_eq!(run.get("trend/direction"), "flat");
    }

    #[test]
    fn escalations_list_missed_and_not_done() {
        let run = Data::new("2026-10-31")
            .deals(&[
                // date(C) = 2026-08-02 = as_of − 90: in the window.
                "E1,A1,smb,1,2026-08-02T00:00:00Z,rep",
                // date(C) = 2026-08-01: out of the window.
                "E2,A2,smb,1,2026-08-01T23:00:00Z,rep",
                "E3,A3,smb,1,2026-10-20T00:00:00Z,rep",
                "E4,A4,smb,1,2026-10-30T12:00:00Z,rep",
                "E5,A5,smb,1,2026-10-28T00:00:00Z,rep",
                "E6,A6,smb,1,2026-10-25T00:00:00Z,rep",
            ])
            .csv(
                "handoffs",
                &[
                    "handoff_id,deal_id,csm,meeting_at,intro_sent_at,cs_prep_done_at,\
                     kickoff_scheduled_at,kickoff_held_at",
                    // nothing done: all five activities missed and open.
                    "H1,E1,csm_1,,,,,",
                    "H2,E2,csm_1,,,,,",
                    // everything done, some late: missed but done → not escalated.
                    "H3,E3,csm_1,2026-10-25T00:00:00Z,2026-10-25T00:00:00Z,\
                     2026-10-25T00:00:00Z,2026-10-26T00:00:00Z,2026-10-31T00:00:00Z",
                    // nothing done, every deadline after A → pending.
                    "H4,E4,csm_1,,,,,",
                    // intro done; KT (due 10-30) and cs_prep (due 10-31) missed and open.
                    "H5,E5,csm_2,,2026-10-29T00:00:00Z,,,",
                    // the meeting at A has not happened: KT (due 10-27) missed and open.
                    "H6,E6,csm_2,2026-11-01T00:00:00Z,2026-10-26T00:00:00Z,\
                     2026-10-26T00:00:00Z,2026-10-26T00:00:00Z,",
                ],
            )
            .csv(
                "milestones",
                &[
                    "account_id,milestone,achieved_at",
                    "A3,first_value,2026-10-31T12:00:00Z",
                ],
            )
            .run("2026-10");
        // E1, E5, E6.
        assert_eq!(run.get("escalations/count"), 3);
        let list = run.table("escalations");
        // E1: KT and intro due 08-04 → 89 days to A = 11-01; cs_prep 08-05 → 88;
        // kickoff_scheduled 08-07 → 86; kickoff_held 08-12 → 81; first_value (smb, 21 d)
        // 08-23 → 70. E6: KT due 10-27 → 5. E5: KT due 10-30 → 2; cs_prep 10-31 → 1.
        let days = f64s(list, "days_overdue").unwrap();
        let days: Vec<f64> = days.into_iter().flatten().collect();
        assert_eq!(days, [89.0, 89.0, 88.0, 86.0, 81.0, 70.0, 5.0, 2.0, 1.0]);
        assert_eq!(
            deal_ids(list),
            ["E1", "E1", "E1", "E1", "E1", "E1", "E6", "E5", "E5"]
        );
        let acts = strs(list, "activity").unwrap();
        assert_eq!(acts[5], Some("first_value"));
        assert_eq!(acts[8], Some("cs_prep"));
        assert_eq!(strs(list, s::CSM).unwrap()[6], Some("csm_2"));
        // 3 ≤ max_escalations (10): no alert.
        let alerts = run.get("alerts").as_array().unwrap();
        assert!(alerts.iter().all(|a| a["kind"] != "escalations"));
    }
}
