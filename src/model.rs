//! The model stage: the per-deal fact table (`handoff_facts`). One row per new-customer deal
//! with its handoff fields, each SLA activity's event time, deadline and status (§4.2),
//! completion (§4.3), quality score and band (§4.4), completeness (§4.5), time to first
//! value or its censoring time (§4.6), utilisation and health at day 30/60/90 (§4.7), survey
//! waves (§4.8) and first-year churn/expansion and survival time (§4.9). Point-in-time:
//! ingest already dropped account events at or after the as-of instant `A`; handoff event
//! times at or after `A` are set to missing here.

use polars::prelude::*;

use crate::config::Settings;
use crate::ingest::{as_of_instant, parse::MICROS_PER_DAY, Ingested};
use crate::schema::{self as s, sla_at, sla_due, sla_status};

/// Everything the fact table depends on besides the data.
#[derive(Debug, Clone)]
pub struct ModelParams {
    pub as_of: chrono::NaiveDate,
    pub settings: Settings,
}

impl ModelParams {
    pub fn a_us(&self) -> i64 {
        as_of_instant(self.as_of)
    }
    /// The as-of date as days since the epoch.
    pub fn as_of_days(&self) -> i32 {
        crate::ingest::parse::epoch_days(self.as_of)
    }
}

/// The handoff field behind each activity (first_value comes from milestones).
pub const ACTIVITY_FIELDS: [(&str, &str); 5] = [
    ("knowledge_transfer", s::MEETING_AT),
    ("intro", s::INTRO_SENT_AT),
    ("cs_prep", s::CS_PREP_DONE_AT),
    ("kickoff_scheduled", s::KICKOFF_SCHEDULED_AT),
    ("kickoff_held", s::KICKOFF_HELD_AT),
];

/// The checklist weights of SPEC §4.4.
pub const SCORE_WEIGHTS: [(&str, f64); 7] = [
    (s::DOC_DEAL_SUMMARY, 15.0),
    (s::DOC_STAKEHOLDER_MAP, 10.0),
    (s::DOC_COMMITMENTS, 15.0),
    (s::DOC_RISK_FACTORS, 10.0),
    (s::MTG_ALL_ATTENDED, 10.0),
    (s::MTG_AGENDA_COVERED, 10.0),
    (s::MTG_QUESTIONS_ANSWERED, 10.0),
];

fn micros(c: &str) -> Expr {
    col(c).cast(DataType::Int64)
}

fn days_i32(c: &str) -> Expr {
    col(c).cast(DataType::Int32)
}

/// `lo <= e <= hi` (polars' `is_between` needs a feature we do not otherwise use).
fn between(e: Expr, lo: Expr, hi: Expr) -> Expr {
    e.clone().gt_eq(lo).and(e.lt_eq(hi))
}

fn null_of(dt: DataType) -> Expr {
    lit(NULL).cast(dt)
}

fn datetime_us() -> DataType {
    DataType::Datetime(TimeUnit::Microseconds, None)
}

/// Days between two µs expressions, fractional.
fn days_between(later: Expr, earlier: Expr) -> Expr {
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

/// Band of a score (SPEC §4.4).
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

/// Account rows (`table`) inner-joined on `account_id` to the given columns of their
/// new-customer deal in `facts`.
fn with_deal_keys<const N: usize>(
    table: LazyFrame,
    facts: &LazyFrame,
    keys: [Expr; N],
) -> LazyFrame {
    let mut cols = vec![col(s::ACCOUNT_ID)];
    cols.extend(keys);
    table.join(
        facts.clone().select(cols),
        [col(s::ACCOUNT_ID)],
        [col(s::ACCOUNT_ID)],
        JoinArgs::new(JoinType::Inner),
    )
}

/// The per-deal fact table. `None` only when `deals` is absent (validation failed).
pub fn facts(ing: &Ingested, p: &ModelParams) -> Option<LazyFrame> {
    let a_us = p.a_us();
    let deals = ing.lazy(s::DEALS)?.select([
        col(s::DEAL_ID),
        col(s::ACCOUNT_ID),
        col(s::ACCOUNT_NAME),
        col(s::SEGMENT),
        col(s::ACV),
        col(s::CLOSED_AT),
        col(s::SALES_REP),
        col(s::SALES_TEAM),
        col(s::REGION),
        col(s::CLOSED_AT).dt().date().alias(s::CLOSE_DATE),
    ]);

    // Handoff records: event times before A only; info fields counted.
    let mut lf = match ing.lazy(s::HANDOFFS) {
        Some(h) => {
            let mut cols = vec![
                col(s::DEAL_ID),
                lit(true).alias(s::HAS_HANDOFF),
                col(s::HANDOFF_ID),
                col(s::CSM),
                col(s::CS_ACCEPTANCE),
                col(s::REJECTIONS),
            ];
            for (activity, field) in ACTIVITY_FIELDS {
                cols.push(
                    when(micros(field).lt(lit(a_us)))
                        .then(col(field))
                        .otherwise(null_of(datetime_us()))
                        .alias(sla_at(activity)),
                );
            }
            for (field, _) in SCORE_WEIGHTS {
                cols.push(col(field));
            }
            let filled = p
                .settings
                .required_fields
                .iter()
                .map(|f| col(f.as_str()).is_not_null().cast(DataType::Int32))
                .reduce(|a, b| a + b)
                .unwrap_or(lit(0));
            cols.push(filled.alias(s::INFO_FILLED));
            for f in s::INFO_FIELDS {
                cols.push(col(f).is_not_null().alias(format!("{f}_filled")));
            }
            deals.left_join(h.select(cols), col(s::DEAL_ID), col(s::DEAL_ID))
        }
        None => deals,
    };
    lf = lf.with_column(col(s::HAS_HANDOFF).fill_null(lit(false)));

    // Milestones: earliest first_value / go_live per account (names mapped by config).
    if let Some(m) = ing.lazy(s::MILESTONES) {
        let mut name = col(s::MILESTONE)
            .str()
            .to_lowercase()
            .str()
            .strip_chars(lit(NULL));
        for (source, target) in &p.settings.milestone_names {
            name = when(name.clone().eq(lit(source.clone())))
                .then(lit(target.clone()))
                .otherwise(name);
        }
        let per_account = m
            .with_column(name.alias("_m"))
            .group_by([col(s::ACCOUNT_ID)])
            .agg([
                col(s::ACHIEVED_AT)
                    .filter(col("_m").eq(lit("first_value")))
                    .min()
                    .alias(s::FIRST_VALUE_AT),
                col(s::ACHIEVED_AT)
                    .filter(col("_m").eq(lit("go_live")))
                    .min()
                    .alias(s::GO_LIVE_AT),
            ]);
        lf = lf.left_join(per_account, col(s::ACCOUNT_ID), col(s::ACCOUNT_ID));
    } else {
        lf = lf.with_columns([
            null_of(datetime_us()).alias(s::FIRST_VALUE_AT),
            null_of(datetime_us()).alias(s::GO_LIVE_AT),
        ]);
    }
    lf = lf.with_column(col(s::FIRST_VALUE_AT).alias(sla_at("first_value")));
    if !ing.has(s::HANDOFFS) {
        for (activity, _) in ACTIVITY_FIELDS {
            lf = lf.with_column(null_of(datetime_us()).alias(sla_at(activity)));
        }
    }

    // Deadlines and statuses (§4.2).
    let mut due_cols = Vec::new();
    for (activity, hours) in &p.settings.sla_hours {
        let d = micros(s::CLOSED_AT) + lit((hours * 3_600_000_000.0).round() as i64);
        due_cols.push(d.alias(sla_due(activity)));
    }
    let mut fv_days = lit(NULL).cast(DataType::Float64);
    for (segment, days) in p.settings.first_value_days.iter().rev() {
        fv_days = when(col(s::SEGMENT).eq(lit(segment.clone())))
            .then(lit(*days))
            .otherwise(fv_days);
    }
    let fv_due = micros(s::CLOSED_AT)
        + (fv_days * lit(MICROS_PER_DAY as f64))
            .round(0, RoundMode::default())
            .cast(DataType::Int64);
    due_cols.push(fv_due.alias(sla_due("first_value")));
    lf = lf.with_columns(due_cols);
    let statuses: Vec<Expr> = s::ACTIVITIES
        .iter()
        .map(|a| sla_status_expr(micros(&sla_at(a)), col(sla_due(a)), a_us).alias(sla_status(a)))
        .collect();
    lf = lf.with_columns(statuses);

    // Completion (§4.3), score and band (§4.4), completeness (§4.5).
    let gate = ["knowledge_transfer", "kickoff_scheduled", "first_value"];
    let all_met = gate
        .iter()
        .map(|a| col(sla_status(a)).eq(lit("met")))
        .reduce(|x, y| x.and(y))
        .expect("three gates");
    let any_missed = gate
        .iter()
        .map(|a| col(sla_status(a)).eq(lit("missed")))
        .reduce(|x, y| x.or(y))
        .expect("three gates");
    let mut score = lit(0.0);
    if ing.has(s::HANDOFFS) {
        for (field, w) in SCORE_WEIGHTS {
            score = score + lit(w) * col(field).fill_null(lit(0.0));
        }
    }
    score = score
        + lit(15.0)
            * col(sla_status("knowledge_transfer"))
                .eq(lit("met"))
                .cast(DataType::Float64)
        + lit(5.0)
            * col(sla_status("intro"))
                .eq(lit("met"))
                .cast(DataType::Float64);
    let edges = p.settings.acv_band_edges;
    let labels = acv_band_labels(edges);
    let n_fields = p.settings.required_fields.len() as f64;
    let completeness = if ing.has(s::HANDOFFS) {
        when(col(s::HAS_HANDOFF))
            .then(lit(100.0) * col(s::INFO_FILLED).cast(DataType::Float64) / lit(n_fields))
            .otherwise(null_of(DataType::Float64))
    } else {
        null_of(DataType::Float64)
    };
    lf = lf
        .with_columns([
            when(any_missed)
                .then(lit("incomplete"))
                .when(all_met)
                .then(lit("complete"))
                .otherwise(lit("pending"))
                .alias(s::COMPLETION),
            score.alias(s::QUALITY_SCORE),
            completeness.alias(s::COMPLETENESS),
            when(col(s::ACV).lt(lit(edges[0])))
                .then(lit(labels[0].clone()))
                .when(col(s::ACV).lt(lit(edges[1])))
                .then(lit(labels[1].clone()))
                .when(col(s::ACV).lt(lit(edges[2])))
                .then(lit(labels[2].clone()))
                .otherwise(lit(labels[3].clone()))
                .alias(s::ACV_BAND),
            days_between(micros(s::FIRST_VALUE_AT), micros(s::CLOSED_AT)).alias(s::TTFV_DAYS),
            days_between(lit(a_us), micros(s::CLOSED_AT)).alias(s::FOLLOWUP_DAYS),
        ])
        .with_column(band_expr(col(s::QUALITY_SCORE)).alias(s::QUALITY_BAND));

    // First-year churn and expansion, survival time (§4.9).
    if let Some(r) = ing.lazy(s::RENEWALS) {
        let ev = with_deal_keys(r, &lf, [col(s::CLOSE_DATE), col(s::CLOSED_AT)])
            .with_column((days_i32(s::EVENT_DATE) - days_i32(s::CLOSE_DATE)).alias("_offset"))
            .filter(col("_offset").gt(lit(0)));
        let in_year = col("_offset").lt_eq(lit(365));
        let per_account = ev.group_by([col(s::ACCOUNT_ID)]).agg([
            col(s::EVENT)
                .eq(lit("churn"))
                .and(in_year.clone())
                .any(false)
                .alias(s::CHURNED_1Y),
            col(s::EVENT)
                .eq(lit("expansion"))
                .and(in_year)
                .any(false)
                .alias(s::EXPANDED_1Y),
            col(s::EVENT_DATE)
                .filter(col(s::EVENT).eq(lit("churn")))
                .min()
                .alias("_first_churn"),
        ]);
        lf = lf
            .left_join(per_account, col(s::ACCOUNT_ID), col(s::ACCOUNT_ID))
            .with_columns([
                col(s::CHURNED_1Y).fill_null(lit(false)),
                col(s::EXPANDED_1Y).fill_null(lit(false)),
                col("_first_churn").is_not_null().alias(s::CHURN_EVENT),
            ])
            .with_column(
                when(col(s::CHURN_EVENT))
                    .then(days_between(
                        days_i32("_first_churn").cast(DataType::Int64) * lit(MICROS_PER_DAY),
                        micros(s::CLOSED_AT),
                    ))
                    .otherwise(col(s::FOLLOWUP_DAYS))
                    .alias(s::CHURN_DAYS),
            );
    }

    // Utilisation and health at day 30/60/90 (§4.7).
    let as_of_days = p.as_of_days();
    let snapshots: [(&str, &str, i32); 2] =
        [(s::ADOPTION, "utilisation", 6), (s::HEALTH, "health", 13)];
    for (table, prefix, width) in snapshots {
        let Some(t) = ing.lazy(table) else { continue };
        let value = if table == s::ADOPTION {
            col(s::ACTIVE_USERS).cast(DataType::Float64)
                / col(s::LICENSED_SEATS).cast(DataType::Float64)
        } else {
            col(s::HEALTH_SCORE)
        };
        let joined = with_deal_keys(t, &lf, [col(s::DEAL_ID), col(s::CLOSE_DATE)])
            .with_columns([
                (days_i32(s::SNAPSHOT_DATE) - days_i32(s::CLOSE_DATE)).alias("_offset"),
                value.alias("_value"),
            ])
            .filter(between(col("_offset"), lit(30 - width), lit(90)))
            .cache();
        for n in [30, 60, 90] {
            let name = format!("{prefix}_{n}");
            let per_deal = joined
                .clone()
                .filter(between(col("_offset"), lit(n - width), lit(n)))
                .group_by([col(s::DEAL_ID)])
                .agg([col("_value")
                    .sort_by(
                        [col(s::SNAPSHOT_DATE), col(s::LINE)],
                        SortMultipleOptions::default(),
                    )
                    .last()
                    .alias(&name)]);
            lf = lf
                .left_join(per_deal, col(s::DEAL_ID), col(s::DEAL_ID))
                .with_column(
                    when((days_i32(s::CLOSE_DATE) + lit(n)).lt_eq(lit(as_of_days)))
                        .then(col(&name))
                        .otherwise(null_of(DataType::Float64))
                        .alias(&name),
                );
        }
    }

    // Survey waves (§4.8): per deal, wave and kind, the latest response.
    if let Some(sv) = ing.lazy(s::SURVEYS) {
        let joined = with_deal_keys(sv, &lf, [col(s::DEAL_ID), col(s::CLOSE_DATE)])
            .with_column(
                (col(s::RESPONDED_AT).dt().date().cast(DataType::Int32) - days_i32(s::CLOSE_DATE))
                    .alias("_offset"),
            )
            .cache();
        for (wave, lo, hi) in [("30", 1, 60), ("90", 61, 120)] {
            for kind in ["csat", "nps"] {
                let name = format!("{kind}_day_{wave}");
                let per_deal = joined
                    .clone()
                    .filter(col(s::KIND).eq(lit(kind)).and(between(
                        col("_offset"),
                        lit(lo),
                        lit(hi),
                    )))
                    .group_by([col(s::DEAL_ID)])
                    .agg([col(s::SCORE)
                        .sort_by(
                            [col(s::RESPONDED_AT), col(s::LINE)],
                            SortMultipleOptions::default(),
                        )
                        .last()
                        .alias(&name)]);
                lf = lf.left_join(per_deal, col(s::DEAL_ID), col(s::DEAL_ID));
            }
        }
    }
    let helpers = by_name(["_first_churn"], false, false);
    Some(
        lf.drop(helpers)
            .sort([s::CLOSED_AT, s::DEAL_ID], SortMultipleOptions::default()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3_600_000_000;

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
