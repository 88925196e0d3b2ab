//! The account side of the fact table: first-year churn and expansion with the survival
//! time (METRICS.md §4.9) and the survey waves (§4.8), each joined to its deal through the
//! dense deal key that ingest resolved (`_deal`, the row of the deal in `deals`).

use polars::prelude::*;

use super::align::Order;
use super::dense::{self, NO_ROW};
use super::exprs::*;
use crate::ingest::{keys::DEAL_KEY, parse::MICROS_PER_DAY, Ingested};
use crate::schema as s;

/// The renewals' part, one row per deal key `0..n`: first-year churn and expansion (an
/// event 1–365 days after the close date) and the first churn after the close date (null
/// without one). Only events after the close count (`_offset > 0`).
pub(super) fn renewal_part(
    ing: &Ingested,
    close: &[Option<i32>],
) -> PolarsResult<Option<DataFrame>> {
    let Some(r) = ing.tables.get(s::RENEWALS) else {
        return Ok(None);
    };
    let n = close.len();
    let deals = r.column(DEAL_KEY)?.idx()?;
    let dates = dense::physical_i64(r.column(s::EVENT_DATE)?)?;
    let events = r.column(s::EVENT)?.str()?;
    let (mut churned, mut expanded) = (vec![false; n], vec![false; n]);
    let mut first_churn: Vec<Option<i64>> = vec![None; n];
    let rows = deals.iter().zip(dates.iter()).zip(events.iter());
    for ((deal, date), event) in rows {
        let (Some(deal), Some(date)) = (deal, date) else {
            continue;
        };
        let Some(Some(c)) = close.get(deal as usize) else {
            continue;
        };
        let offset = date - *c as i64;
        if offset <= 0 {
            continue;
        }
        let deal = deal as usize;
        let in_year = offset <= 365;
        match event {
            Some("churn") => {
                churned[deal] |= in_year;
                if first_churn[deal].is_none_or(|f| date < f) {
                    first_churn[deal] = Some(date);
                }
            }
            Some("expansion") => expanded[deal] |= in_year,
            _ => {}
        }
    }
    let first_churn: Int64Chunked = first_churn.into_iter().collect();
    let columns = vec![
        BooleanChunked::from_slice(s::CHURNED_1Y.into(), &churned).into_column(),
        BooleanChunked::from_slice(s::EXPANDED_1Y.into(), &expanded).into_column(),
        (first_churn.with_name("_first_churn".into()).into_column())
            .cast(r.column(s::EVENT_DATE)?.dtype())?,
    ];
    dense::part(columns, n).map(Some)
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

/// The surveys' part, one row per deal key `0..n`: per wave (days 1–60 and 61–120 after
/// the close date, by the response's date) and kind (csat, nps) the score of the latest
/// response by `(responded_at, line)`, null without one (§4.8).
pub(super) fn survey_part(
    ing: &Ingested,
    close: &[Option<i32>],
) -> PolarsResult<Option<DataFrame>> {
    let Some(sv) = ing.tables.get(s::SURVEYS) else {
        return Ok(None);
    };
    const WAVES: [(&str, i64, i64); 2] = [("30", 1, 60), ("90", 61, 120)];
    const KINDS: [&str; 2] = ["csat", "nps"];
    let slots = WAVES.len() * KINDS.len();
    let n = close.len();
    let kinds = dense::codes(sv.column(s::KIND)?.str()?, |kind| {
        KINDS.iter().position(|k| *k == kind)
    });
    let deals = sv.column(DEAL_KEY)?.idx()?;
    let at = dense::physical_i64(sv.column(s::RESPONDED_AT)?)?;
    let lines = sv.column(s::LINE)?.i64()?;
    // Per deal and slot (`deal * 4 + wave * 2 + kind`) the latest `(responded_at, line, row)`.
    let mut latest = vec![(i64::MIN, i64::MIN, NO_ROW); n * slots];
    let rows = deals.iter().zip(at.iter()).zip(lines.iter()).zip(kinds);
    for (row, (((deal, at), line), kind)) in rows.enumerate() {
        let (Some(deal), Some(at), Some(line), Some(kind)) = (deal, at, line, kind) else {
            continue;
        };
        let Some(Some(c)) = close.get(deal as usize) else {
            continue;
        };
        let offset = at.div_euclid(MICROS_PER_DAY) - *c as i64;
        let Some(wave) = WAVES
            .iter()
            .position(|(_, lo, hi)| (*lo..=*hi).contains(&offset))
        else {
            continue;
        };
        let slot = &mut latest[deal as usize * slots + wave * KINDS.len() + kind];
        // Equal keys: the later row, as the last of a stable sort.
        if (at, line) >= (slot.0, slot.1) {
            *slot = (at, line, row as IdxSize);
        }
    }
    let scores = dense::Cursor::new(sv.column(s::SCORE)?)?;
    let dtype = sv.column(s::SCORE)?.dtype().clone();
    let mut columns = Vec::new();
    for (w, (wave, _, _)) in WAVES.iter().enumerate() {
        for (k, kind) in KINDS.iter().enumerate() {
            let values: Float64Chunked = (0..n)
                .map(|deal| match latest[deal * slots + w * KINDS.len() + k].2 {
                    NO_ROW => None,
                    row => scores.get(row as usize),
                })
                .collect();
            let name = format!("{kind}_day_{wave}");
            columns.push(values.with_name(name.into()).into_column().cast(&dtype)?);
        }
    }
    dense::part(columns, n).map(Some)
}
