//! The account side of the fact table: first-year churn and expansion with the survival
//! time (METRICS.md §4.9) and the survey waves (§4.8), each joined to its deal through the
//! dense deal key that ingest resolved (`_deal`, the row of the deal in `deals`).

use polars::prelude::*;

use super::align::Order;
use super::exprs::*;
use crate::ingest::{keys::DEAL_KEY, parse::MICROS_PER_DAY, Ingested};
use crate::schema as s;

/// The renewals' part: per deal key, first-year churn and expansion and the first churn.
pub(super) fn renewal_part(ing: &Ingested, keys: &LazyFrame) -> Option<LazyFrame> {
    let r = ing.lazy(s::RENEWALS)?;
    let ev = with_deal_keys(r, keys, [col(s::CLOSE_DATE), col(s::CLOSED_AT)])
        .with_column((days_i32(s::EVENT_DATE) - days_i32(s::CLOSE_DATE)).alias("_offset"))
        .filter(col("_offset").gt(lit(0)));
    let in_year = col("_offset").lt_eq(lit(365));
    Some(
        ev.group_by([col(DEAL_KEY)]).agg([
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
        ]),
    )
}

/// First-year churn and expansion and the survival time (§4.9), from [`renewal_part`].
pub(super) fn renewals(
    lf: LazyFrame,
    part: Option<&DataFrame>,
    order: &Order,
) -> PolarsResult<LazyFrame> {
    if part.is_none() {
        return Ok(lf);
    }
    Ok(order
        .attach(lf, part)?
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
        ))
}

/// The surveys' part: per deal key, the survey waves (§4.8).
pub(super) fn survey_part(ing: &Ingested, keys: &LazyFrame) -> Option<LazyFrame> {
    // Survey waves (§4.8): per deal, wave and kind, the latest response. One sort by
    // (responded_at, line) and one group-by: a group keeps the frame's row order, so each
    // wave's last matching row is its latest response (a sort per group and wave cost
    // seconds at a million deals).
    let sv = ing.lazy(s::SURVEYS)?;
    let offset = col(s::RESPONDED_AT).dt().date().cast(DataType::Int32) - days_i32(s::CLOSE_DATE);
    let mut waves = Vec::new();
    for (wave, lo, hi) in [("30", 1, 60), ("90", 61, 120)] {
        for kind in ["csat", "nps"] {
            let rows = col(s::KIND)
                .eq(lit(kind))
                .and(between(col("_offset"), lit(lo), lit(hi)));
            waves.push(
                col(s::SCORE)
                    .filter(rows)
                    .last()
                    .alias(format!("{kind}_day_{wave}")),
            );
        }
    }
    Some(
        with_deal_keys(sv, keys, [col(s::CLOSE_DATE)])
            .with_column(offset.alias("_offset"))
            .sort(
                [s::RESPONDED_AT, s::LINE],
                SortMultipleOptions::default().with_multithreaded(true),
            )
            .group_by([col(DEAL_KEY)])
            .agg(waves),
    )
}
