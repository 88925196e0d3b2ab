//! METRICS.md §4.12 what drives first-year churn: over the mature cohort, each handoff practice
//! (checklist item, SLA, CS acceptance, complete information) splits the deals into those
//! with and without it; per driver the churn rates, the relative risk without vs with,
//! Fisher's exact p-value and its Holm adjustment over all drivers, the ARR at stake and a
//! ranking by it. Associations only: the report words them so.

use std::collections::BTreeMap;

use polars::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::churn::{finite, LOW_SAMPLE};
use super::typed::MetricSection;
use super::{bools, f64s, frame, rate, strs};
use crate::schema::{self as s, sla_status};
use crate::stats::{self, Z95};

/// The checklist items (done when the value is exactly 1).
pub const CHECKLIST: [&str; 7] = [
    s::DOC_DEAL_SUMMARY,
    s::DOC_STAKEHOLDER_MAP,
    s::DOC_COMMITMENTS,
    s::DOC_RISK_FACTORS,
    s::MTG_ALL_ATTENDED,
    s::MTG_AGENDA_COVERED,
    s::MTG_QUESTIONS_ANSWERED,
];

/// Every driver key in METRICS.md order.
pub fn driver_keys() -> Vec<String> {
    let mut keys: Vec<String> = CHECKLIST.iter().map(|k| k.to_string()).collect();
    keys.extend(s::ACTIVITIES.iter().map(|a| format!("sla_{a}")));
    keys.push("cs_accepted".into());
    keys.push("info_complete".into());
    keys
}

/// Declares [`Practice`] with its spellings, in METRICS.md order, and [`PRACTICES`].
macro_rules! practices {
    ($($variant:ident = $spelling:literal),+ $(,)?) => {
        /// A handoff practice that splits the mature cohort (METRICS.md §4.12), in METRICS.md
        /// order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum Practice {
            $( #[serde(rename = $spelling)] $variant, )+
        }

        /// Every practice, in METRICS.md order.
        pub const PRACTICES: [Practice; [$($spelling),+].len()] = [$(Practice::$variant),+];

        impl Practice {
            /// The spelling in `metrics.json` and the `churn_drivers` table.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Practice::$variant => $spelling, )+
                }
            }
        }
    };
}

practices! {
    DocDealSummary = "doc_deal_summary",
    DocStakeholderMap = "doc_stakeholder_map",
    DocCommitments = "doc_commitments",
    DocRiskFactors = "doc_risk_factors",
    MtgAllAttended = "mtg_all_attended",
    MtgAgendaCovered = "mtg_agenda_covered",
    MtgQuestionsAnswered = "mtg_questions_answered",
    SlaKnowledgeTransfer = "sla_knowledge_transfer",
    SlaIntro = "sla_intro",
    SlaCsPrep = "sla_cs_prep",
    SlaKickoffScheduled = "sla_kickoff_scheduled",
    SlaKickoffHeld = "sla_kickoff_held",
    SlaFirstValue = "sla_first_value",
    CsAccepted = "cs_accepted",
    InfoComplete = "info_complete",
}

impl Practice {
    /// The practice of a driver key (`None` for an unknown key).
    pub fn parse(key: &str) -> Option<Practice> {
        serde_json::from_value(Value::String(key.to_string())).ok()
    }

    /// The Fluent message id of the practice in plain words.
    pub fn label_id(self) -> String {
        format!("drivers-practice-{}", self.as_str().replace('_', "-"))
    }
}

/// One practice's churn with and without it, as `metrics.json` → `drivers` holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DriverStats {
    pub n_with: u64,
    pub churned_with: u64,
    pub rate_with: Option<f64>,
    pub n_without: u64,
    pub churned_without: u64,
    pub rate_without: Option<f64>,
    /// Churn rate without ÷ with, and its 95% interval.
    pub relative_risk: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    /// Fisher's exact test, and its Holm adjustment over the tested practices.
    pub p_value: Option<f64>,
    pub p_holm: Option<f64>,
    pub arr_at_stake: Option<f64>,
    pub low_sample: bool,
}

/// METRICS.md §4.12 (`metrics.json` → `drivers`): every practice in METRICS.md order, then
/// the practices ranked by ARR at stake.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChurnDrivers {
    #[serde(flatten)]
    pub practices: BTreeMap<Practice, DriverStats>,
    pub ranking: Vec<Practice>,
}

impl MetricSection for ChurnDrivers {
    const KEY: &'static str = "drivers";
}

/// One driver's split and statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct Driver {
    pub key: String,
    pub n_with: u64,
    pub churned_with: u64,
    pub n_without: u64,
    pub churned_without: u64,
    pub relative_risk: Option<stats::Estimate>,
    pub p_value: Option<f64>,
    pub p_holm: Option<f64>,
    pub arr_at_stake: Option<f64>,
}

impl Driver {
    pub fn rate_with(&self) -> Option<f64> {
        rate(self.churned_with, self.n_with)
    }
    pub fn rate_without(&self) -> Option<f64> {
        rate(self.churned_without, self.n_without)
    }
    pub fn low_sample(&self) -> bool {
        self.n_with < LOW_SAMPLE as u64 || self.n_without < LOW_SAMPLE as u64
    }

    fn stats(&self) -> DriverStats {
        let rr = self.relative_risk;
        DriverStats {
            n_with: self.n_with,
            churned_with: self.churned_with,
            rate_with: self.rate_with().and_then(finite),
            n_without: self.n_without,
            churned_without: self.churned_without,
            rate_without: self.rate_without().and_then(finite),
            relative_risk: rr.and_then(|e| finite(e.value)),
            ci_low: rr.and_then(|e| finite(e.ci_low)),
            ci_high: rr.and_then(|e| finite(e.ci_high)),
            p_value: self.p_value.and_then(finite),
            p_holm: self.p_holm.and_then(finite),
            arr_at_stake: self.arr_at_stake.and_then(finite),
            low_sample: self.low_sample(),
        }
    }
}

/// Which side of a driver a deal is on: `Some(true)` with, `Some(false)` without, `None`
/// left out.
type Split = Vec<Option<bool>>;

/// A numeric column, all missing when the fact table lacks it (no handoffs table).
fn optional_f64s(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<f64>>> {
    if df.schema().contains(name) {
        f64s(df, name)
    } else {
        Ok(vec![None; df.height()])
    }
}

fn optional_strs<'a>(df: &'a DataFrame, name: &str) -> PolarsResult<Vec<Option<&'a str>>> {
    if df.schema().contains(name) {
        strs(df, name)
    } else {
        Ok(vec![None; df.height()])
    }
}

/// The with / without / left-out split of every driver over `mature`, in METRICS.md order.
fn splits(mature: &DataFrame) -> PolarsResult<Vec<(String, Split)>> {
    let has_handoff = bools(mature, s::HAS_HANDOFF)?;
    let mut out = Vec::new();
    for item in CHECKLIST {
        let values = optional_f64s(mature, item)?;
        let split = values
            .iter()
            .zip(&has_handoff)
            .map(|(v, h)| Some(*h && *v == Some(1.0)))
            .collect();
        out.push((item.to_string(), split));
    }
    for activity in s::ACTIVITIES {
        let status = optional_strs(mature, &sla_status(activity))?;
        let split = status
            .iter()
            .map(|v| match v.as_deref() {
                Some("met") => Some(true),
                Some("missed") => Some(false),
                _ => None,
            })
            .collect();
        out.push((format!("sla_{activity}"), split));
    }
    let acceptance = optional_strs(mature, s::CS_ACCEPTANCE)?;
    let split = acceptance
        .iter()
        .zip(&has_handoff)
        .map(|(v, h)| match (h, v.as_deref()) {
            (true, Some("accepted")) => Some(true),
            (true, Some("rejected" | "needs_revision")) => Some(false),
            _ => None,
        })
        .collect();
    out.push(("cs_accepted".into(), split));
    let completeness = optional_f64s(mature, s::COMPLETENESS)?;
    let split = completeness
        .iter()
        .zip(&has_handoff)
        .map(|(v, h)| Some(*h && v.is_some_and(|c| (c - 100.0).abs() < 1e-9)))
        .collect();
    out.push(("info_complete".into(), split));
    Ok(out)
}

/// Count, test and rank every driver from its split, the churn flags and the ACVs.
pub fn evaluate(splits: &[(String, Split)], churned: &[bool], acv: &[f64]) -> Vec<Driver> {
    let mut drivers: Vec<Driver> = splits
        .iter()
        .map(|(key, split)| {
            let (mut n_with, mut k_with, mut n_without, mut k_without) = (0, 0, 0, 0);
            let mut acv_without = 0.0;
            for (i, side) in split.iter().enumerate() {
                match side {
                    Some(true) => {
                        n_with += 1;
                        k_with += churned[i] as u64;
                    }
                    Some(false) => {
                        n_without += 1;
                        k_without += churned[i] as u64;
                        acv_without += acv[i];
                    }
                    None => {}
                }
            }
            let both = n_with > 0 && n_without > 0;
            let arr = both.then(|| {
                let gap = k_without as f64 / n_without as f64 - k_with as f64 / n_with as f64;
                acv_without * gap.max(0.0)
            });
            let p_value = if both {
                stats::fisher_exact(k_without, n_without - k_without, k_with, n_with - k_with)
            } else {
                None
            };
            Driver {
                key: key.clone(),
                n_with,
                churned_with: k_with,
                n_without,
                churned_without: k_without,
                relative_risk: stats::relative_risk(k_without, n_without, k_with, n_with, Z95),
                p_value,
                p_holm: None,
                arr_at_stake: arr,
            }
        })
        .collect();
    let tested: Vec<usize> = (0..drivers.len())
        .filter(|&i| drivers[i].p_value.is_some())
        .collect();
    let p: Vec<f64> = tested.iter().filter_map(|&i| drivers[i].p_value).collect();
    for (&i, adjusted) in tested.iter().zip(stats::holm(&p)) {
        drivers[i].p_holm = Some(adjusted);
    }
    drivers
}

/// Driver keys by ARR at stake, largest first, nulls last, ties by key.
pub fn ranking(drivers: &[Driver]) -> Vec<String> {
    let mut order: Vec<&Driver> = drivers.iter().collect();
    order.sort_by(|a, b| match (a.arr_at_stake, b.arr_at_stake) {
        (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.key.cmp(&b.key)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.key.cmp(&b.key),
    });
    order.into_iter().map(|d| d.key.clone()).collect()
}

pub struct Drivers {
    pub json: Value,
    /// One row per driver in ranking order.
    pub table: DataFrame,
}

/// METRICS.md §4.12 over the mature cohort (the caller returns null without a renewals table).
pub fn drivers(mature: &DataFrame) -> anyhow::Result<Drivers> {
    let churned = bools(mature, s::CHURNED_1Y)?;
    let acv: Vec<f64> = f64s(mature, s::ACV)?
        .into_iter()
        .map(|x| x.unwrap_or(0.0))
        .collect();
    let drivers = evaluate(&splits(mature)?, &churned, &acv);
    let rank = ranking(&drivers);
    let json = ChurnDrivers {
        practices: drivers
            .iter()
            .filter_map(|d| Some((Practice::parse(&d.key)?, d.stats())))
            .collect(),
        ranking: rank.iter().filter_map(|k| Practice::parse(k)).collect(),
    }
    .json();
    let ordered: Vec<&Driver> = rank
        .iter()
        .filter_map(|k| drivers.iter().find(|d| &d.key == k))
        .collect();
    let col_u = |name: &str, f: fn(&Driver) -> u64| {
        Column::new(
            name.into(),
            ordered.iter().map(|d| f(d)).collect::<Vec<_>>(),
        )
    };
    let col_f = |name: &str, f: fn(&Driver) -> Option<f64>| {
        Column::new(
            name.into(),
            ordered.iter().map(|d| f(d)).collect::<Vec<_>>(),
        )
    };
    let table = frame(vec![
        Column::new(
            "driver".into(),
            ordered.iter().map(|d| d.key.as_str()).collect::<Vec<_>>(),
        ),
        col_u("n_with", |d| d.n_with),
        col_u("churned_with", |d| d.churned_with),
        col_f("rate_with", Driver::rate_with),
        col_u("n_without", |d| d.n_without),
        col_u("churned_without", |d| d.churned_without),
        col_f("rate_without", Driver::rate_without),
        col_f("relative_risk", |d| d.relative_risk.map(|e| e.value)),
        col_f("ci_low", |d| d.relative_risk.map(|e| e.ci_low)),
        col_f("ci_high", |d| d.relative_risk.map(|e| e.ci_high)),
        col_f("p_value", |d| d.p_value),
        col_f("p_holm", |d| d.p_holm),
        col_f("arr_at_stake", |d| d.arr_at_stake),
        Column::new(
            "low_sample".into(),
            ordered.iter().map(|d| d.low_sample()).collect::<Vec<_>>(),
        ),
    ])?;
    Ok(Drivers { json, table })
}

#[cfg(test)]
mod tests;
