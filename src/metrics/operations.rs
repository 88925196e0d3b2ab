//! SPEC §4.10 operations: rep/team/CSM scorecards over the period cohort (reps with a mean
//! score below 70 over at least 3 handoffs are flagged for coaching), the 6-month quality
//! trend with its OLS slope, and the escalation list of recent deals with an SLA activity
//! missed and still not done.

use chrono::{Days, Months};
use polars::prelude::*;
use serde_json::{json, Map, Value};

use super::cohort::{close_between, Cohorts};
use super::{f64s, num, strs, Alert, Ctx};
use crate::ingest::parse::MICROS_PER_DAY;
use crate::period::Period;
use crate::schema::{self as s, sla_at, sla_due, sla_status};
use crate::stats;

pub struct Operations {
    pub trend: Value,
    pub escalations: Value,
    pub escalation_count: u64,
    pub scorecards_json: Value,
    pub alerts: Vec<Alert>,
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

/// Run a scorecard query over a period cohort (registered as `period_facts`).
pub fn scorecard(cohort: &DataFrame, sql: &str) -> PolarsResult<DataFrame> {
    let mut ctx = polars::sql::SQLContext::new();
    ctx.register("period_facts", cohort.clone().lazy());
    ctx.execute(sql)?.collect()
}

pub fn operations(ctx: &Ctx, cohorts: &Cohorts) -> anyhow::Result<Operations> {
    let mut tables = Vec::new();
    let mut alerts = Vec::new();
    let mut cards = Map::new();
    for (name, key, sql) in SCORECARD_SQL {
        if key == s::CSM && !ctx.has(s::HANDOFFS) {
            continue;
        }
        let df = scorecard(&cohorts.period, sql)?;
        if name == "rep" {
            let reps = strs(&df, key)?;
            let flags = super::bools(&df, "coaching")?;
            let flagged: Vec<String> = reps
                .into_iter()
                .zip(flags)
                .filter(|(_, f)| *f)
                .filter_map(|(r, _)| r)
                .collect();
            cards.insert("coaching".into(), json!(flagged));
            if !flagged.is_empty() {
                alerts.push(Alert {
                    kind: "coaching".into(),
                    message: format!(
                        "reps flagged for coaching (mean score < 70 over >= 3 handoffs): {}",
                        flagged.join(", ")
                    ),
                });
            }
        }
        cards.insert(format!("{name}_count"), json!(df.height()));
        tables.push((format!("scorecard_{name}"), df));
    }

    // Trend: mean score per month, the 6 months ending at the period end.
    let last = Period::month_of(ctx.period.end);
    let mut months = Vec::new();
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    for k in (0..6u32).rev() {
        let start = last.start - Months::new(k);
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
            "improving"
        } else if b <= -1.0 {
            "declining"
        } else {
            "flat"
        }
    });
    let trend = json!({
        "months": months.iter().map(|(m, mean, n)| json!({"month": m, "mean": num(*mean), "n": n})).collect::<Vec<_>>(),
        "slope": num(slope),
        "direction": direction,
    });
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
    let recent = close_between(ctx.lf(), ctx.params.as_of - Days::new(90), ctx.params.as_of);
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
    let distinct: std::collections::BTreeSet<&str> =
        ids.iter().flatten().map(String::as_str).collect();
    let count = distinct.len() as u64;
    tables.push(("escalations".into(), list));
    Ok(Operations {
        trend,
        escalations: json!({"count": count, "window_days": 90}),
        escalation_count: count,
        scorecards_json: Value::Object(cards),
        alerts,
        tables,
    })
}
