//! The model stage: the per-deal fact table (`handoff_facts`). One row per new-customer deal
//! with its handoff fields, each SLA activity's event time, deadline and status (§4.2),
//! completion (§4.3), quality score and band (§4.4), completeness (§4.5), time to first
//! value or its censoring time (§4.6), utilisation and health at day 30/60/90 (§4.7), survey
//! waves (§4.8) and first-year churn/expansion and survival time (§4.9). Point-in-time:
//! ingest already dropped account events at or after the as-of instant `A`; handoff event
//! times at or after `A` are set to missing here.

use polars::prelude::*;

use crate::config::Settings;
use crate::ingest::{as_of_instant, keys::DEAL_KEY, Ingested};
use crate::schema as s;

mod accounts;
mod align;
mod dense;
mod exprs;
mod sla;
#[cfg(test)]
mod tests;
mod windows;

use align::Order;
pub use exprs::{acv_band_labels, band_expr, business_deadline, sla_status_expr};

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

/// The per-deal fact table; `None` only when `deals` is absent (validation failed). Row `i`
/// of the used `deals` frame is deal key `i` (`_deal`, resolved by ingest for the account
/// tables and handoffs); the key lines the parts up and is dropped at the end.
pub fn facts(ing: &Ingested, p: &ModelParams) -> PolarsResult<Option<LazyFrame>> {
    let windows = snapshot_windows(ing, p)?;
    Ok(facts_with(ing, p, windows)?.map(DataFrame::lazy))
}

/// The snapshot windows of §4.7 (`_deal` and `utilisation_30` … `health_90`), the only part
/// of the fact table that reads the snapshot tables: once made, a caller may free their
/// rows before [`facts_with`] (peak memory, issue #17).
pub fn snapshot_windows(ing: &Ingested, p: &ModelParams) -> PolarsResult<Option<DataFrame>> {
    crate::logging::timed("fact table: snapshot windows", || {
        windows::snapshot_windows(ing, p)
    })
}

/// The input tables [`facts_with`] reads (the snapshot tables only through the windows).
pub const TABLES_READ: [&str; 5] = [
    s::DEALS,
    s::HANDOFFS,
    s::MILESTONES,
    s::RENEWALS,
    s::SURVEYS,
];

/// The fact table with the given snapshot windows ([`snapshot_windows`]).
pub fn facts_with(
    ing: &Ingested,
    p: &ModelParams,
    windows: Option<DataFrame>,
) -> PolarsResult<Option<DataFrame>> {
    let Some(deals) = ing.lazy(s::DEALS) else {
        return Ok(None);
    };
    // Sorted once, at the start: each part is lined up with this order (no join, and no
    // sort of the finished 70-column table).
    let deals = crate::logging::timed("fact table: deals", || {
        deals
            .with_row_index(DEAL_KEY, None)
            .select([
                col(DEAL_KEY),
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
            ])
            .sort([s::CLOSED_AT, s::DEAL_ID], SortMultipleOptions::default())
            .collect()
    })?;
    let order = Order::new(&deals)?;
    // The per-deal parts: the handoff record's fields (a select) and the milestone, renewal
    // and survey aggregates (loops over the dense deal key, `dense.rs`), which read each
    // deal's close date by its key: the used deals in their own order, not the sorted one.
    let close = match ing.tables.get(s::DEALS) {
        Some(used) => dense::close_days(used)?,
        None => Vec::new(),
    };
    let n = close.len();
    let (handoffs, milestones, renewals, surveys) =
        crate::logging::timed("fact table: parts", || -> PolarsResult<_> {
            let handoffs = sla::handoff_part(ing, p)
                .map(LazyFrame::collect)
                .transpose()?;
            Ok((
                handoffs,
                sla::milestone_part(ing, p, n)?,
                accounts::renewal_part(ing, &close)?,
                accounts::survey_part(ing, &close)?,
            ))
        })?;
    crate::logging::timed("fact table: attach", || {
        let mut lf = sla::handoff_fields(
            ing,
            deals.lazy(),
            handoffs.as_ref(),
            milestones.as_ref(),
            &order,
        )?;
        lf = sla::statuses(ing, p, lf);
        lf = accounts::renewals(lf, renewals.as_ref(), &order)?;
        lf = order.attach(lf, windows.as_ref())?;
        lf = order.attach(lf, surveys.as_ref())?;
        let helpers = by_name(["_first_churn", DEAL_KEY], false, false);
        lf.drop(helpers).collect().map(Some)
    })
}
