//! The account side of the fact table: first-year churn and expansion with the survival
//! time (METRICS.md §4.9), utilisation and health at day 30/60/90 (§4.7) and the survey
//! waves (§4.8), each joined to its deal through the deal keys.

use polars::prelude::*;

use super::exprs::*;
use super::ModelParams;
use crate::ingest::{parse::MICROS_PER_DAY, Ingested};
use crate::schema as s;

/// First-year churn and expansion and the survival time (§4.9).
pub(super) fn renewals(ing: &Ingested, keys: &LazyFrame, mut lf: LazyFrame) -> LazyFrame {
    // First-year churn and expansion, survival time (§4.9).
    if let Some(r) = ing.lazy(s::RENEWALS) {
        let ev = with_deal_keys(r, keys, [col(s::CLOSE_DATE), col(s::CLOSED_AT)])
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
    lf
}

/// Utilisation and health at day 30/60/90 (§4.7).
pub(super) fn snapshots(
    ing: &Ingested,
    p: &ModelParams,
    keys: &LazyFrame,
    mut lf: LazyFrame,
) -> LazyFrame {
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
        let per_deal = with_deal_keys(t, keys, [col(s::DEAL_ID), col(s::CLOSE_DATE)])
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
    lf
}

/// Survey waves (§4.8).
pub(super) fn surveys(ing: &Ingested, keys: &LazyFrame, mut lf: LazyFrame) -> LazyFrame {
    // Survey waves (§4.8): per deal, wave and kind, the latest response.
    if let Some(sv) = ing.lazy(s::SURVEYS) {
        let joined = with_deal_keys(sv, keys, [col(s::DEAL_ID), col(s::CLOSE_DATE)])
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
    lf
}
