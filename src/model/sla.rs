//! The handoff side of the fact table: handoff fields with event times before the as-of
//! instant, the earliest first_value and go_live milestones, each activity's deadline and
//! status (METRICS.md §4.2), completion (§4.3), quality score and band (§4.4) and
//! completeness (§4.5).

use polars::prelude::*;

use super::align::Order;
use super::dense;
use super::exprs::*;
use super::{ModelParams, ACTIVITY_FIELDS, SCORE_WEIGHTS};
use crate::ingest::{keys::DEAL_KEY, parse::MICROS_PER_DAY, Ingested};
use crate::schema::{self as s, sla_at, sla_due, sla_status};

/// The handoff record's part of the fact table: one row per deal key with its fields, event
/// times before the as-of instant only, and the info fields counted.
pub(super) fn handoff_part(ing: &Ingested, p: &ModelParams) -> Option<LazyFrame> {
    let a_us = p.a_us();
    let h = ing.lazy(s::HANDOFFS)?;
    let mut cols = vec![
        col(DEAL_KEY),
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
    Some(h.select(cols))
}

/// The milestones' part: the earliest first_value and go_live per deal key (names
/// lower-cased and trimmed, then renamed by the config's `milestone_names` in order), one
/// row per deal key `0..n` (null without such a milestone).
pub(super) fn milestone_part(
    ing: &Ingested,
    p: &ModelParams,
    n: usize,
) -> PolarsResult<Option<DataFrame>> {
    let Some(m) = ing.tables.get(s::MILESTONES) else {
        return Ok(None);
    };
    const MILESTONES: [&str; 2] = ["first_value", "go_live"];
    let kind_of = |raw: &str| -> Option<usize> {
        let lower = raw.to_lowercase();
        let mut name = lower.trim();
        for (source, target) in &p.settings.milestone_names {
            if name == source.as_str() {
                name = target.as_str();
            }
        }
        MILESTONES.iter().position(|m| *m == name)
    };
    let kinds = dense::codes(m.column(s::MILESTONE)?.str()?, kind_of);
    let deals = m.column(DEAL_KEY)?.idx()?;
    let at = dense::physical_i64(m.column(s::ACHIEVED_AT)?)?;
    let mut earliest: Vec<Option<i64>> = vec![None; n * MILESTONES.len()];
    for ((deal, at), kind) in deals.iter().zip(at.iter()).zip(kinds) {
        let (Some(deal), Some(at), Some(kind)) = (deal, at, kind) else {
            continue;
        };
        // A key of no deal (none are made) would match nothing, as in a join.
        if let Some(slot) = earliest.get_mut(deal as usize * MILESTONES.len() + kind) {
            if slot.is_none_or(|e| at < e) {
                *slot = Some(at);
            }
        }
    }
    let dtype = m.column(s::ACHIEVED_AT)?.dtype().clone();
    let columns = [s::FIRST_VALUE_AT, s::GO_LIVE_AT]
        .into_iter()
        .enumerate()
        .map(|(k, name)| {
            let values: Int64Chunked = (0..n)
                .map(|deal| earliest[deal * MILESTONES.len() + k])
                .collect();
            values.with_name(name.into()).into_column().cast(&dtype)
        })
        .collect::<PolarsResult<Vec<_>>>()?;
    dense::part(columns, n).map(Some)
}

/// The deals with their handoff record and milestones (the parts above, collected).
pub(super) fn handoff_fields(
    ing: &Ingested,
    deals: LazyFrame,
    handoffs: Option<&DataFrame>,
    milestones: Option<&DataFrame>,
    order: &Order,
) -> PolarsResult<LazyFrame> {
    let mut lf = order.attach(deals, handoffs)?;
    lf = lf.with_column(col(s::HAS_HANDOFF).fill_null(lit(false)));
    if milestones.is_some() {
        lf = order.attach(lf, milestones)?;
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
    Ok(lf)
}

/// Deadlines, statuses, completion, score, band and completeness.
pub(super) fn statuses(ing: &Ingested, p: &ModelParams, mut lf: LazyFrame) -> LazyFrame {
    let a_us = p.a_us();
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
    lf
}
