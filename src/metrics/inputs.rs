//! The data-quality sections of `metrics.json` (METRICS.md §3): the row accounting of every
//! input table (`inputs`), the warnings ingest raised, how many segments were derived from
//! ACV, and the custom analyses that ran; plus the `data_quality` report table.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use polars::prelude::*;
use serde::{Deserialize, Serialize};

use super::frame;
use super::typed::MetricSection;
use crate::ingest::{Ingested, TableCount};
use crate::schema as s;

/// Row accounting of one input table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InputCount {
    pub rows_read: u64,
    pub rows_used: u64,
    pub rows_rejected: u64,
    pub rows_excluded: u64,
    /// Excluded rows per reason (`after_as_of`, `later_deal`, …).
    pub excluded_by_reason: BTreeMap<String, u64>,
}

impl From<&TableCount> for InputCount {
    fn from(c: &TableCount) -> Self {
        InputCount {
            rows_read: c.rows_read,
            rows_used: c.rows_used,
            rows_rejected: c.rows_rejected,
            rows_excluded: c.rows_excluded,
            excluded_by_reason: c.excluded_by_reason.clone(),
        }
    }
}

/// Every input table in schema order (then `accounts` when it was read); null when the
/// table was not provided.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Inputs(pub IndexMap<String, Option<InputCount>>);

impl MetricSection for Inputs {
    const KEY: &'static str = "inputs";
}

impl Inputs {
    /// The row accounting of what ingest read.
    pub fn of(ing: &Ingested) -> Inputs {
        let mut m = IndexMap::new();
        for spec in s::TABLES.iter() {
            m.insert(
                spec.name.to_string(),
                ing.counts.get(spec.name).map(InputCount::from),
            );
        }
        // The optional `accounts` table (METRICS.md §3.1) is accounted for only when it was read.
        if let Some(c) = ing.counts.get(s::ACCOUNTS) {
            m.insert(s::ACCOUNTS.to_string(), Some(InputCount::from(c)));
        }
        Inputs(m)
    }

    /// Whether an input table was provided (its entry is not null).
    pub fn provided(&self, table: &str) -> bool {
        self.0.get(table).is_some_and(Option::is_some)
    }
}

/// The warnings ingest raised (unknown segments, …), as sentences.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Warnings(pub Vec<String>);

impl MetricSection for Warnings {
    const KEY: &'static str = "warnings";
}

/// METRICS.md §3.1: deal rows whose segment was derived from ACV (present only when > 0).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SegmentsDerived(pub u64);

impl MetricSection for SegmentsDerived {
    const KEY: &'static str = "segments_derived";
}

/// One analyst query of the custom-queries folder as `metrics.json` lists it (written by
/// `report::attach_custom`): its table when it ran, its error when it failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomEntry {
    pub name: String,
    pub file: String,
    #[serde(default)]
    pub description: String,
    pub table: String,
    #[serde(default)]
    pub rows: Option<u64>,
    #[serde(default)]
    pub columns: Option<Vec<String>>,
    #[serde(default)]
    pub error: Option<String>,
}

/// The custom analyses that ran (`[]` when there are none).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CustomAnalyses(pub Vec<CustomEntry>);

impl MetricSection for CustomAnalyses {
    const KEY: &'static str = "custom_analyses";
}

/// Every rejected or excluded row (and every value set to missing).
pub fn data_quality_frame(ing: &Ingested) -> PolarsResult<DataFrame> {
    let mut issues: Vec<&crate::ingest::Issue> = ing.issues.iter().collect();
    issues.sort_by(|a, b| {
        (a.table, &a.file, a.line, &a.column).cmp(&(b.table, &b.file, b.line, &b.column))
    });
    frame(vec![
        Column::new(
            "table".into(),
            issues.iter().map(|i| i.table).collect::<Vec<_>>(),
        ),
        Column::new(
            "file".into(),
            issues.iter().map(|i| i.file.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "line".into(),
            issues.iter().map(|i| i.line).collect::<Vec<_>>(),
        ),
        Column::new(
            "column".into(),
            issues.iter().map(|i| i.column.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "value".into(),
            issues.iter().map(|i| i.value.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "action".into(),
            issues.iter().map(|i| i.action.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "reason".into(),
            issues.iter().map(|i| i.reason.as_str()).collect::<Vec<_>>(),
        ),
    ])
}
