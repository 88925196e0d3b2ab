//! Typed metric sections: a section of `metrics.json` as a `Serialize`/`Deserialize` struct.
//! The metrics stage builds the struct and serialises it into the document; render reads
//! the same struct back with [`MetricSection::read`], so a renamed field is a compile error
//! in render, never a silent "—". Sections move here one at a time (the rest of the
//! document is still built as JSON values and read by path until they do).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A section of the metrics document with its key.
pub trait MetricSection: Serialize + DeserializeOwned {
    /// The section's key in `metrics.json`.
    const KEY: &'static str;

    /// The section as JSON (its place in `metrics.json`).
    fn json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The section of a metrics document; `None` when it is null (input not provided).
    fn read(metrics: &Value) -> Option<Self> {
        let v = metrics.get(Self::KEY).filter(|v| !v.is_null())?;
        let parsed = serde_json::from_value(v.clone());
        debug_assert!(
            parsed.is_ok(),
            "metrics.{}: {:?}",
            Self::KEY,
            parsed.as_ref().err()
        );
        parsed.ok()
    }
}

/// A section that may be absent (its input not provided) as JSON: the section or null.
pub fn json_or_null<T: MetricSection>(section: &Option<T>) -> Value {
    section.as_ref().map_or(Value::Null, MetricSection::json)
}

/// A group key of the fact table (band, segment, …) as its vocabulary value; an unknown
/// spelling is an error naming it (the model only writes known ones).
pub fn parse_key<K>(key: &str) -> anyhow::Result<K>
where
    K: std::str::FromStr<Err = crate::vocab::UnknownValue>,
{
    key.parse()
        .map_err(|e| anyhow::anyhow!("metrics group key: {e}"))
}

/// METRICS.md §4.3: handoff completion over the period cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Completion {
    pub complete: u64,
    pub incomplete: u64,
    pub pending: u64,
    /// complete ÷ (complete + incomplete); null when both are 0.
    pub rate: Option<f64>,
    pub alert: bool,
    pub target: f64,
}

impl MetricSection for Completion {
    const KEY: &'static str = "completion";
}

/// CS acceptance of the handoff record over the period cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Acceptance {
    pub accepted: u64,
    pub rejected: u64,
    pub needs_revision: u64,
    /// accepted ÷ all three; null when there are none.
    pub rate: Option<f64>,
}

impl MetricSection for Acceptance {
    const KEY: &'static str = "acceptance";
}

/// The report kind, as `metrics.period.kind` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportKind {
    Monthly,
    Quarterly,
}

impl ReportKind {
    /// The kind as `metrics.json` spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Monthly => "monthly",
            ReportKind::Quarterly => "quarterly",
        }
    }
}

/// The reporting period (METRICS.md §2): its label, kind and first and last day (ISO dates).
/// Only the kind is required when reading (hand-built documents in tests name just it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodInfo {
    #[serde(default)]
    pub label: String,
    pub kind: ReportKind,
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub end: String,
}

impl MetricSection for PeriodInfo {
    const KEY: &'static str = "period";
}

/// The as-of date (ISO), the end of whose day in UTC is the as-of instant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AsOf(pub String);

impl MetricSection for AsOf {
    const KEY: &'static str = "as_of";
}

/// The sizes of the four cohorts (METRICS.md §4.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortSizes {
    pub period_deals: u64,
    pub trailing_deals: u64,
    pub mature_deals: u64,
    pub survival_deals: u64,
}

impl MetricSection for CohortSizes {
    const KEY: &'static str = "cohort";
}

/// Deals per quality band (METRICS.md §4.4), in band order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BandCounts {
    pub excellent: u64,
    pub good: u64,
    pub acceptable: u64,
    pub substandard: u64,
}

/// METRICS.md §4.4: quality scores over the period cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QualityScores {
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub bands: BandCounts,
}

impl MetricSection for QualityScores {
    const KEY: &'static str = "quality";
}

/// The previous period's headline numbers, for the changes the report shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviousPeriod {
    pub label: String,
    pub deals: u64,
    pub quality_mean: Option<f64>,
    pub completion_rate: Option<f64>,
    pub knowledge_transfer_rate: Option<f64>,
}

impl MetricSection for PreviousPeriod {
    const KEY: &'static str = "previous_period";
}

/// METRICS.md §4.2: one activity's SLA statuses over the period cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlaCounts {
    pub met: u64,
    pub missed: u64,
    pub pending: u64,
    /// met ÷ (met + missed); null when both are 0.
    pub rate: Option<f64>,
}

/// METRICS.md §4.2: attainment per activity, in METRICS.md order; an activity is null when unavailable
/// (first_value without a milestones table).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SlaAttainment {
    pub knowledge_transfer: Option<SlaCounts>,
    pub intro: Option<SlaCounts>,
    pub cs_prep: Option<SlaCounts>,
    pub kickoff_scheduled: Option<SlaCounts>,
    pub kickoff_held: Option<SlaCounts>,
    pub first_value: Option<SlaCounts>,
}

impl SlaAttainment {
    /// The slot of an activity by its METRICS.md name (`None` for an unknown name).
    pub fn slot_mut(&mut self, activity: &str) -> Option<&mut Option<SlaCounts>> {
        Some(match activity {
            "knowledge_transfer" => &mut self.knowledge_transfer,
            "intro" => &mut self.intro,
            "cs_prep" => &mut self.cs_prep,
            "kickoff_scheduled" => &mut self.kickoff_scheduled,
            "kickoff_held" => &mut self.kickoff_held,
            "first_value" => &mut self.first_value,
            _ => return None,
        })
    }
}

impl MetricSection for SlaAttainment {
    const KEY: &'static str = "sla";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_round_trips_and_null_reads_as_none() {
        let c = Completion {
            complete: 8,
            incomplete: 19,
            pending: 28,
            rate: Some(8.0 / 27.0),
            alert: true,
            target: 0.9,
        };
        let doc = serde_json::json!({ "completion": c.json(), "acceptance": null });
        assert_eq!(
            serde_json::to_string(&doc["completion"]).unwrap(),
            "{\"complete\":8,\"incomplete\":19,\"pending\":28,\"rate\":0.2962962962962963,\"alert\":true,\"target\":0.9}"
        );
        assert_eq!(Completion::read(&doc), Some(c));
        assert_eq!(Acceptance::read(&doc), None);
        let empty = Completion {
            rate: None,
            ..Completion::read(&doc).unwrap()
        };
        assert!(empty.json()["rate"].is_null());
    }
}
