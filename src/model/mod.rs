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
    let Some(parts) = parts(ing, p)? else {
        return Ok(None);
    };
    Ok(Some(assemble(ing, p, parts)?.lazy()))
}

/// Everything the fact table is assembled from: the used deals sorted, and one part per
/// input table, each at most one row per deal key. Made from the input rows; once made,
/// nothing of the fact table reads those rows again ([`assemble`] only asks which tables
/// are present), so a caller may free them first (peak memory, issue #17).
pub struct Parts {
    /// The used deals' columns of the fact table, sorted by `(closed_at, deal_id)`.
    deals: DataFrame,
    order: Order,
    handoffs: Option<DataFrame>,
    milestones: Option<DataFrame>,
    renewals: Option<DataFrame>,
    surveys: Option<DataFrame>,
    /// The snapshot windows of §4.7 (`utilisation_30` … `health_90`).
    windows: Option<DataFrame>,
}

/// The parts of the fact table; `None` when `deals` is absent. (The snapshot windows beside
/// the other parts on a second thread measured no faster: each of the two legs took twice
/// as long, issue #17.)
pub fn parts(ing: &Ingested, p: &ModelParams) -> PolarsResult<Option<Parts>> {
    let Some((close, windows)) = windows_part(ing, p)? else {
        return Ok(None);
    };
    parts_with(ing, p, &close, windows).map(Some)
}

/// [`parts`], calling `free` once the snapshot windows are made and before the other
/// parts: the point where the snapshot rows (most of the input rows) can be freed, since
/// nothing else of the fact table reads them (peak memory, issue #17).
pub fn parts_freeing(
    ing: &mut Ingested,
    p: &ModelParams,
    free: impl FnOnce(&mut Ingested) -> PolarsResult<()>,
) -> PolarsResult<Option<Parts>> {
    let Some((close, windows)) = windows_part(ing, p)? else {
        return Ok(None);
    };
    free(ing)?;
    parts_with(ing, p, &close, windows).map(Some)
}

/// Each used deal's close day by its key (the used deals in their own order, not the sorted
/// one: the windows and the account parts count days from it) and the snapshot windows.
type CloseAndWindows = (Vec<Option<i32>>, Option<DataFrame>);

/// The close days and the snapshot windows; `None` when `deals` is absent.
fn windows_part(ing: &Ingested, p: &ModelParams) -> PolarsResult<Option<CloseAndWindows>> {
    let Some(used) = ing.tables.get(s::DEALS) else {
        return Ok(None);
    };
    let close = dense::close_days(used)?;
    let windows = crate::logging::timed("fact table: snapshot windows", || {
        windows::snapshot_windows(ing, p, &close)
    })?;
    Ok(Some((close, windows)))
}

/// The parts besides the snapshot windows, `windows` set in.
fn parts_with(
    ing: &Ingested,
    p: &ModelParams,
    close: &[Option<i32>],
    windows: Option<DataFrame>,
) -> PolarsResult<Parts> {
    let deals = ing
        .tables
        .get(s::DEALS)
        .ok_or_else(|| polars_err!(ColumnNotFound: "the deals table"))?;
    let mut parts = other_parts(ing, p, deals, close)?;
    parts.windows = windows;
    Ok(parts)
}

/// The parts but the snapshot windows, from the used deals and their close dates.
fn other_parts(
    ing: &Ingested,
    p: &ModelParams,
    deals: &DataFrame,
    close: &[Option<i32>],
) -> PolarsResult<Parts> {
    // The surveys' part (a pass over every survey row, by deal) is made on a second thread
    // while the deals are sorted and the other parts made.
    let (surveys, rest) = crate::parallel::join(
        || accounts::survey_part(ing, close),
        || -> PolarsResult<_> {
            // Sorted once, at the start: each part is lined up with this order (no join, and
            // no sort of the finished 70-column table).
            let deals = crate::logging::timed("fact table: deals", || sorted_deals(deals))?;
            let order = Order::new(&deals)?;
            // The handoff record's fields (a select) and the milestone and renewal aggregates
            // (loops over the dense deal key, `dense.rs`).
            crate::logging::timed("fact table: parts", || {
                Ok((
                    deals,
                    order,
                    sla::handoff_part(ing, p)
                        .map(LazyFrame::collect)
                        .transpose()?,
                    sla::milestone_part(ing, p, close.len())?,
                    accounts::renewal_part(ing, close)?,
                ))
            })
        },
    );
    let (deals, order, handoffs, milestones, renewals) = rest?;
    Ok(Parts {
        handoffs,
        milestones,
        renewals,
        surveys: surveys?,
        deals,
        order,
        windows: None,
    })
}

/// The used deals, keyed by their row, in the fact table's order (close time, then deal id).
fn sorted_deals(deals: &DataFrame) -> PolarsResult<DataFrame> {
    deals
        .clone()
        .lazy()
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
}

/// The fact table from its parts: each part's columns lined up with the sorted deals, then
/// the deadlines, statuses, scores and survival columns computed over the whole table.
pub fn assemble(ing: &Ingested, p: &ModelParams, parts: Parts) -> PolarsResult<DataFrame> {
    let Parts {
        deals,
        order,
        handoffs,
        milestones,
        renewals,
        surveys,
        windows,
    } = parts;
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
        lf.drop(helpers).collect()
    })
}
