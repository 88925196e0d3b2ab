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
mod exprs;
mod sla;
#[cfg(test)]
mod tests;
mod windows;

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
/// tables and handoffs); the key joins the parts and is dropped at the end.
pub fn facts(ing: &Ingested, p: &ModelParams) -> PolarsResult<Option<LazyFrame>> {
    let Some(deals) = ing.lazy(s::DEALS) else {
        return Ok(None);
    };
    let deals = deals.with_row_index(DEAL_KEY, None).select([
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
    ]);
    // The deal keys the account tables join to: a small plan of three columns, so the
    // plan does not nest the growing fact table once per account table.
    let keys = deals
        .clone()
        .select([col(DEAL_KEY), col(s::CLOSE_DATE), col(s::CLOSED_AT)])
        .cache();
    let mut lf = sla::handoff_fields(ing, p, deals);
    lf = sla::statuses(ing, p, lf);
    lf = accounts::renewals(ing, &keys, lf);
    let windows = crate::logging::timed("fact table: snapshot windows", || {
        windows::snapshot_windows(ing, p)
    })?;
    if let Some(windows) = windows {
        lf = lf.left_join(windows.lazy(), col(DEAL_KEY), col(DEAL_KEY));
    }
    lf = accounts::surveys(ing, &keys, lf);
    let helpers = by_name(["_first_churn", DEAL_KEY], false, false);
    Ok(Some(lf.drop(helpers).sort(
        [s::CLOSED_AT, s::DEAL_ID],
        SortMultipleOptions::default(),
    )))
}
