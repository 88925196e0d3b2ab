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

/// The checklist weights of METRICS.md §4.4.
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

/// Account rows (`table`) inner-joined on `account_id` to the given columns of their
/// new-customer deal in `deals`.
fn with_deal_keys<const N: usize>(
    table: LazyFrame,
    deals: &LazyFrame,
    keys: [Expr; N],
) -> LazyFrame {
    let mut cols = vec![col(s::ACCOUNT_ID)];
    cols.extend(keys);
    table.join(
        deals.clone().select(cols),
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
    // The deal keys the account tables join to. Joining to this small plan instead of the
    // growing fact plan keeps each join's input to four columns of `deals`, so the plan
    // does not nest the whole fact table once per account table.
    let keys = deals
        .clone()
        .select([
            col(s::ACCOUNT_ID),
            col(s::DEAL_ID),
            col(s::CLOSE_DATE),
            col(s::CLOSED_AT),
        ])
        .cache();

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
    let business = p.settings.business_days;
    let deadline = |duration_us: Expr| {
        if business {
            business_deadline(micros(s::CLOSED_AT), duration_us)
        } else {
            micros(s::CLOSED_AT) + duration_us
        }
    };
    let mut due_cols = Vec::new();
    for (activity, hours) in &p.settings.sla_hours {
        let d = deadline(lit((hours * 3_600_000_000.0).round() as i64));
        due_cols.push(d.alias(sla_due(activity)));
    }
    let mut fv_days = lit(NULL).cast(DataType::Float64);
    for (segment, days) in p.settings.first_value_days.iter().rev() {
        fv_days = when(col(s::SEGMENT).eq(lit(segment.clone())))
            .then(lit(*days))
            .otherwise(fv_days);
    }
    let fv_due = deadline(
        (fv_days * lit(MICROS_PER_DAY as f64))
            .round(0, RoundMode::default())
            .cast(DataType::Int64),
    );
    due_cols.push(fv_due.alias(sla_due("first_value")));
    lf = lf.with_columns(due_cols);
    // Without a milestones table first_value (and so completion, §4.3) is unknown: its
    // status is null, never `missed` (METRICS.md §3: unavailable, never zero).
    let has_milestones = ing.has(s::MILESTONES);
    let statuses: Vec<Expr> = s::ACTIVITIES
        .iter()
        .map(|a| {
            let status = if *a == "first_value" && !has_milestones {
                null_of(DataType::String)
            } else {
                sla_status_expr(micros(&sla_at(a)), col(sla_due(a)), a_us)
            };
            status.alias(sla_status(a))
        })
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
            if has_milestones {
                when(any_missed)
                    .then(lit("incomplete"))
                    .when(all_met)
                    .then(lit("complete"))
                    .otherwise(lit("pending"))
            } else {
                null_of(DataType::String)
            }
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
        let ev = with_deal_keys(r, &keys, [col(s::CLOSE_DATE), col(s::CLOSED_AT)])
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
        // One pass: the snapshots in the widest window, in (date, file line) order, then per
        // deal the last value inside each window — the latest snapshot, ties to the later
        // line (group rows keep their frame order).
        let windows = [30, 60, 90];
        let per_deal = with_deal_keys(t, &keys, [col(s::DEAL_ID), col(s::CLOSE_DATE)])
            .with_columns([
                (days_i32(s::SNAPSHOT_DATE) - days_i32(s::CLOSE_DATE)).alias("_offset"),
                value.alias("_value"),
            ])
            .filter(between(col("_offset"), lit(30 - width), lit(90)))
            .sort(
                [s::SNAPSHOT_DATE, s::LINE],
                SortMultipleOptions::default().with_multithreaded(true),
            )
            .group_by([col(s::DEAL_ID)])
            .agg(
                windows
                    .iter()
                    .map(|n| {
                        col("_value")
                            .filter(between(col("_offset"), lit(n - width), lit(*n)))
                            .last()
                            .alias(format!("{prefix}_{n}"))
                    })
                    .collect::<Vec<_>>(),
            );
        lf = lf.left_join(per_deal, col(s::DEAL_ID), col(s::DEAL_ID));
        // A window that has not ended by the as-of date has no value yet.
        lf = lf.with_columns(
            windows
                .iter()
                .map(|n| {
                    let name = format!("{prefix}_{n}");
                    when((days_i32(s::CLOSE_DATE) + lit(*n)).lt_eq(lit(as_of_days)))
                        .then(col(&name))
                        .otherwise(null_of(DataType::Float64))
                        .alias(&name)
                })
                .collect::<Vec<_>>(),
        );
    }

    // Survey waves (§4.8): per deal, wave and kind, the latest response.
    if let Some(sv) = ing.lazy(s::SURVEYS) {
        let joined = with_deal_keys(sv, &keys, [col(s::DEAL_ID), col(s::CLOSE_DATE)])
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
    // ---- the fact table through the real ingest → model path (testkit) ------------------

    use crate::testkit::{number, text, Data};

    fn status_of(facts: &DataFrame, deal: &str, activity: &str) -> String {
        text(facts, deal, &sla_status(activity)).expect("a status")
    }

    /// METRICS.md §3/§4.2: as of 2026-10-31 the as-of instant is A = 2026-11-01T00:00Z; an event at
    /// `t = D` is met, a second later missed, before close met; an event at `t = A` does not
    /// exist yet; no event is missed once `D < A` and pending while `D ≥ A`.
    #[test]
    fn business_calendar_through_the_pipeline() {
        // Closed Friday 2026-10-02 10:00Z. Knowledge transfer (48 h): calendar deadline
        // Sunday 10-04 10:00, business deadline Tuesday 10-06 10:00. A meeting on Monday
        // 10-05 09:00 is missed on the calendar clock and met on the business clock.
        let data = |config: &str| {
            Data::new("2026-10-31")
                .config(config)
                .deals(&["D1,A1,enterprise,1000,2026-10-02T10:00:00Z,rep"])
                .csv(
                    "handoffs",
                    &[
                        "handoff_id,deal_id,meeting_at",
                        "H1,D1,2026-10-05T09:00:00Z",
                    ],
                )
                .facts()
        };
        let kt = "knowledge_transfer";
        assert_eq!(status_of(&data(""), "D1", kt), "missed");
        let facts = data("sla_calendar = \"business\"\n");
        assert_eq!(status_of(&facts, "D1", kt), "met");
        let due = facts
            .column(&sla_due(kt))
            .expect("due")
            .i64()
            .expect("i64")
            .get(0);
        let want = chrono::DateTime::parse_from_rfc3339("2026-10-06T10:00:00Z")
            .expect("instant")
            .timestamp_micros();
        assert_eq!(due, Some(want));
    }

    #[test]
    fn sla_status_edges_through_the_pipeline() {
        let facts = Data::new("2026-10-31")
            .deals(&[
                "D1,A1,enterprise,1000,2026-10-05T10:00:00Z,rep",
                "D2,A2,enterprise,1000,2026-10-10T00:00:00Z,rep",
                "D3,A3,enterprise,1000,2026-10-30T12:00:00Z,rep",
                "D4,A4,enterprise,1000,2026-10-29T00:00:00Z,rep",
                "D5,A5,enterprise,1000,2026-10-30T00:00:00Z,rep",
            ])
            .csv(
                "handoffs",
                &[
                    "handoff_id,deal_id,meeting_at,intro_sent_at",
                    // KT due 10-07T10:00Z: 12:00+02:00 is exactly 10:00Z (t = D); intro 1 s late.
                    "H1,D1,2026-10-07T12:00:00+02:00,2026-10-07T10:00:01Z",
                    // meeting the day before close (pre-close handoff); no intro, due 10-12 < A.
                    "H2,D2,2026-10-09T12:00:00Z,",
                    // meeting at A exactly (not yet happened), due 11-01T12:00 ≥ A; intro 1 s before A.
                    "H3,D3,2026-11-01T00:00:00Z,2026-10-31T23:59:59Z",
                    // meeting at A (not yet happened) but due 10-31T00:00 < A.
                    "H4,D4,2026-11-01T00:00:00Z,",
                ],
            )
            .facts();
        let kt = "knowledge_transfer";
        assert_eq!(status_of(&facts, "D1", kt), "met", "t = D is met");
        assert_eq!(status_of(&facts, "D1", "intro"), "missed", "t = D + 1 s");
        assert_eq!(status_of(&facts, "D2", kt), "met", "pre-close event");
        assert_eq!(
            status_of(&facts, "D2", "intro"),
            "missed",
            "no event, D < A"
        );
        assert_eq!(status_of(&facts, "D3", kt), "pending", "event at A, D ≥ A");
        assert_eq!(
            text(&facts, "D3", &sla_at(kt)),
            None,
            "an event at A does not exist"
        );
        assert_eq!(
            status_of(&facts, "D3", "intro"),
            "met",
            "event 1 s before A"
        );
        assert_eq!(status_of(&facts, "D4", kt), "missed", "event at A, D < A");
        assert_eq!(text(&facts, "D4", &sla_at(kt)), None);
        // D5 has no handoff record: closed 10-30T00:00, KT due 11-01T00:00 = A, so D ≥ A.
        assert_eq!(status_of(&facts, "D5", kt), "pending", "no event, D = A");
        // cs_prep is due 72 h after close: 11-02T00:00 ≥ A.
        assert_eq!(status_of(&facts, "D5", "cs_prep"), "pending");
        // D4's cs_prep is due 11-01T00:00 = A: still pending.
        assert_eq!(status_of(&facts, "D4", "cs_prep"), "pending");
        // D2's cs_prep was due 10-13T00:00 < A with no event: missed.
        assert_eq!(status_of(&facts, "D2", "cs_prep"), "missed");
    }

    /// METRICS.md §3 milestones and §4.2 first_value: the earliest first_value milestone counts,
    /// deadlines follow the segment target, a milestone at A does not exist, config names map.
    #[test]
    fn first_value_deadlines_and_earliest_milestone() {
        let facts = Data::new("2026-10-31")
            .config("[milestones]\n\"First Value Reached\" = \"first_value\"\n")
            .deals(&[
                "F1,A1,enterprise,1000,2026-08-01T00:00:00Z,rep",
                "F2,A2,smb,1000,2026-08-01T00:00:00Z,rep",
                "F3,A3,strategic,1000,2026-09-15T00:00:00Z,rep",
                "F4,A4,Mid-Market,1000,2026-08-01T00:00:00Z,rep",
                "F5,A5,weird,1000,2026-08-01T00:00:00Z,rep",
            ])
            .csv(
                "milestones",
                &[
                    "account_id,milestone,achieved_at",
                    "A1,first_value,2026-09-20T00:00:00Z",
                    "A1,first_value,2026-09-15T00:00:00Z",
                    "A1,go_live,2026-08-10T00:00:00Z",
                    "A2,first_value,2026-08-22T00:00:01Z",
                    "A3,first_value,2026-11-01T00:00:00Z",
                    "A4, First Value Reached ,2026-08-31T00:00:00Z",
                ],
            )
            .facts();
        let fv = "first_value";
        // enterprise: due C + 45 d = 09-15T00:00; the earliest of 09-20 and 09-15 is exactly D.
        assert_eq!(status_of(&facts, "F1", fv), "met");
        assert_eq!(number(&facts, "F1", s::TTFV_DAYS), Some(45.0));
        // smb: due C + 21 d = 08-22T00:00; achieved 1 s later → 21 + 1/86400 days, missed.
        assert_eq!(status_of(&facts, "F2", fv), "missed");
        crate::testkit::close(
            number(&facts, "F2", s::TTFV_DAYS).unwrap(),
            21.0 + 1.0 / 86_400.0,
            "F2 ttfv",
        );
        // strategic: due C + 60 d = 11-14 ≥ A; the milestone at A is ignored → pending,
        // not reached, followed up for A − C = 09-15 → 11-01 = 47 days.
        assert_eq!(status_of(&facts, "F3", fv), "pending");
        assert_eq!(number(&facts, "F3", s::TTFV_DAYS), None);
        assert_eq!(number(&facts, "F3", s::FOLLOWUP_DAYS), Some(47.0));
        // mid_market (normalised from "Mid-Market"): 30 days; the mapped name counts.
        assert_eq!(status_of(&facts, "F4", fv), "met");
        assert_eq!(number(&facts, "F4", s::TTFV_DAYS), Some(30.0));
        // an unknown segment is `other` (30 days): no milestone and due 08-31 < A → missed.
        assert_eq!(text(&facts, "F5", s::SEGMENT).as_deref(), Some("other"));
        assert_eq!(status_of(&facts, "F5", fv), "missed");
    }

    /// METRICS.md §4.3: complete = KT, kickoff_scheduled and first_value all met; incomplete = any
    /// missed; else pending.
    #[test]
    fn completion_status_per_deal() {
        let facts = Data::new("2026-10-31")
            .deals(&[
                "C1,A1,smb,1000,2026-10-01T00:00:00Z,rep",
                "C2,A2,smb,1000,2026-10-01T00:00:00Z,rep",
                "C3,A3,smb,1000,2026-10-25T00:00:00Z,rep",
                "C4,A4,smb,1000,2026-10-25T00:00:00Z,rep",
            ])
            .csv(
                "handoffs",
                &[
                    "handoff_id,deal_id,meeting_at,kickoff_scheduled_at",
                    // all three gates met (first_value below).
                    "H1,C1,2026-10-02T00:00:00Z,2026-10-03T00:00:00Z",
                    // kickoff scheduled late (due 10-06) → incomplete though the rest is met.
                    "H2,C2,2026-10-02T00:00:00Z,2026-10-07T00:00:00Z",
                    // KT and kickoff met, first_value due 11-15 ≥ A not reached → pending.
                    "H3,C3,2026-10-26T00:00:00Z,2026-10-27T00:00:00Z",
                    // KT met, kickoff due 10-30 < A with no event → incomplete.
                    "H4,C4,2026-10-26T00:00:00Z,",
                ],
            )
            .csv(
                "milestones",
                &[
                    "account_id,milestone,achieved_at",
                    "A1,first_value,2026-10-10T00:00:00Z",
                    "A2,first_value,2026-10-10T00:00:00Z",
                ],
            )
            .facts();
        let completion = |d: &str| text(&facts, d, s::COMPLETION).unwrap();
        assert_eq!(completion("C1"), "complete");
        assert_eq!(completion("C2"), "incomplete");
        assert_eq!(completion("C3"), "pending");
        assert_eq!(completion("C4"), "incomplete");
    }

    /// METRICS.md §4.4 through the pipeline: partial credit, missing checklist values count 0,
    /// the SLA points, and a deal without a handoff record scoring 0 (completeness null).
    #[test]
    fn score_partial_credit_and_missing_handoff() {
        let facts = Data::new("2026-10-31")
            .deals(&[
                "Q1,A1,smb,1000,2026-10-05T00:00:00Z,rep",
                "Q2,A2,smb,1000,2026-10-05T00:00:00Z,rep",
            ])
            .csv(
                "handoffs",
                &[
                    "handoff_id,deal_id,meeting_at,intro_sent_at,doc_deal_summary,doc_stakeholder_map,\
                     doc_commitments,doc_risk_factors,mtg_all_attended,mtg_agenda_covered,\
                     mtg_questions_answered,info_scope",
                    "H1,Q1,2026-10-06T00:00:00Z,2026-10-08T00:00:00Z,0.5,yes,1,no,TRUE,,0.25,x",
                ],
            )
            .facts();
        // 15·0.5 + 10·1 + 15·1 + 10·0 + 10·1 + 10·0 (blank) + 10·0.25 = 45,
        // + 15 (meeting within 48 h) + 0 (intro 72 h after close, missed) = 60.
        assert_eq!(number(&facts, "Q1", s::QUALITY_SCORE), Some(60.0));
        assert_eq!(
            text(&facts, "Q1", s::QUALITY_BAND).as_deref(),
            Some("substandard")
        );
        // 1 of 7 info fields filled → 100/7.
        crate::testkit::close(
            number(&facts, "Q1", s::COMPLETENESS).unwrap(),
            100.0 / 7.0,
            "Q1 completeness",
        );
        assert_eq!(number(&facts, "Q2", s::QUALITY_SCORE), Some(0.0));
        assert_eq!(number(&facts, "Q2", s::HAS_HANDOFF), Some(0.0));
        assert_eq!(number(&facts, "Q2", s::COMPLETENESS), None);
    }

    /// METRICS.md §3 duplicates: the first row of a repeated deal id and the first handoff of a deal
    /// are kept; a later deal of the same account is not a new-customer deal.
    #[test]
    fn duplicates_keep_the_first_and_later_deals_drop() {
        let facts = Data::new("2026-10-31")
            .deals(&[
                "D1,A1,smb,1000,2026-10-05T00:00:00Z,rep_first",
                "D1,A1,smb,9999,2026-10-01T00:00:00Z,rep_dup",
                "D2,A1,smb,2000,2026-10-20T00:00:00Z,rep_later",
            ])
            .csv(
                "handoffs",
                &[
                    "handoff_id,deal_id,meeting_at",
                    "H1,D1,2026-10-06T00:00:00Z",
                    "H1b,D1,",
                ],
            )
            .facts();
        assert_eq!(crate::testkit::deal_ids(&facts), ["D1"]);
        assert_eq!(number(&facts, "D1", s::ACV), Some(1000.0));
        assert_eq!(
            text(&facts, "D1", s::SALES_REP).as_deref(),
            Some("rep_first")
        );
        // H1 (meeting on time) counts, not the duplicate H1b without a meeting.
        assert_eq!(status_of(&facts, "D1", "knowledge_transfer"), "met");
    }
}
