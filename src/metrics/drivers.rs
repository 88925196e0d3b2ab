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

/// A handoff practice that splits the mature cohort (METRICS.md §4.12), in METRICS.md order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Practice {
    DocDealSummary,
    DocStakeholderMap,
    DocCommitments,
    DocRiskFactors,
    MtgAllAttended,
    MtgAgendaCovered,
    MtgQuestionsAnswered,
    SlaKnowledgeTransfer,
    SlaIntro,
    SlaCsPrep,
    SlaKickoffScheduled,
    SlaKickoffHeld,
    SlaFirstValue,
    CsAccepted,
    InfoComplete,
}

/// Every practice, in METRICS.md order.
pub const PRACTICES: [Practice; 15] = {
    use Practice::*;
    [
        DocDealSummary,
        DocStakeholderMap,
        DocCommitments,
        DocRiskFactors,
        MtgAllAttended,
        MtgAgendaCovered,
        MtgQuestionsAnswered,
        SlaKnowledgeTransfer,
        SlaIntro,
        SlaCsPrep,
        SlaKickoffScheduled,
        SlaKickoffHeld,
        SlaFirstValue,
        CsAccepted,
        InfoComplete,
    ]
};

impl Practice {
    /// The spelling in `metrics.json` and the `churn_drivers` table.
    pub fn as_str(self) -> &'static str {
        use Practice::*;
        match self {
            DocDealSummary => "doc_deal_summary",
            DocStakeholderMap => "doc_stakeholder_map",
            DocCommitments => "doc_commitments",
            DocRiskFactors => "doc_risk_factors",
            MtgAllAttended => "mtg_all_attended",
            MtgAgendaCovered => "mtg_agenda_covered",
            MtgQuestionsAnswered => "mtg_questions_answered",
            SlaKnowledgeTransfer => "sla_knowledge_transfer",
            SlaIntro => "sla_intro",
            SlaCsPrep => "sla_cs_prep",
            SlaKickoffScheduled => "sla_kickoff_scheduled",
            SlaKickoffHeld => "sla_kickoff_held",
            SlaFirstValue => "sla_first_value",
            CsAccepted => "cs_accepted",
            InfoComplete => "info_complete",
        }
    }

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

fn optional_strs(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<String>>> {
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
mod tests {
    use crate::testkit::{close, Data};

    const HEADER: &str = "handoff_id,deal_id,meeting_at,doc_deal_summary,doc_stakeholder_map,\
                          doc_commitments,doc_risk_factors,mtg_all_attended,\
                          mtg_agenda_covered,mtg_questions_answered,cs_acceptance";

    /// As of 2026-10-31, five mature deals closed 2025-01-10. D1, D2 have the deal summary
    /// done (1), D3 half done (0.5), D4 blank, D5 no handoff record. D1's meeting is on
    /// time (met), D2's late (missed), the others have none (missed). Acceptance: D1
    /// accepted, D2 rejected, D3 needs_revision, D4 blank, D5 no record. D1, D3, D4 churn.
    fn data() -> Data {
        Data::new("2026-10-31")
            .deals(&[
                "D1,A1,smb,1000,2025-01-10T00:00:00Z,rep",
                "D2,A2,smb,1000,2025-01-10T00:00:00Z,rep",
                "D3,A3,smb,2000,2025-01-10T00:00:00Z,rep",
                "D4,A4,smb,3000,2025-01-10T00:00:00Z,rep",
                "D5,A5,smb,4000,2025-01-10T00:00:00Z,rep",
            ])
            .csv(
                "handoffs",
                &[
                    HEADER,
                    "H1,D1,2025-01-11T00:00:00Z,1,,,,,,,accepted",
                    "H2,D2,2025-01-20T00:00:00Z,1,,,,,,,rejected",
                    "H3,D3,,0.5,,,,,,,needs_revision",
                    "H4,D4,,,,,,,,,",
                ],
            )
            .csv(
                "renewals",
                &[
                    "account_id,event_date,event",
                    "A1,2025-06-01,churn",
                    "A3,2025-06-01,churn",
                    "A4,2025-06-01,churn",
                ],
            )
    }

    #[test]
    fn checklist_item_split_counts_rr_fisher_and_arr() {
        let run = data().run("2026-Q3");
        let d = "drivers/doc_deal_summary";
        // with {D1, D2}: 1 of 2 churned; without {D3 (0.5), D4 (blank), D5 (no record)}:
        // 2 of 3.
        assert_eq!(run.get(&format!("{d}/n_with")), 2);
        assert_eq!(run.get(&format!("{d}/churned_with")), 1);
        assert_eq!(run.get(&format!("{d}/n_without")), 3);
        assert_eq!(run.get(&format!("{d}/churned_without")), 2);
        close(run.num(&format!("{d}/rate_without")), 2.0 / 3.0, "rate");
        // RR = (2/3) / (1/2) = 4/3; se = sqrt(1/2 − 1/3 + 1/1 − 1/2) = sqrt(2/3).
        let se = (2.0f64 / 3.0).sqrt();
        close(run.num(&format!("{d}/relative_risk")), 4.0 / 3.0, "RR");
        close(
            run.num(&format!("{d}/ci_low")),
            4.0 / 3.0 * (-1.959963984540054 * se).exp(),
            "lo",
        );
        // Fisher on [[2, 1], [1, 1]]: tables x = 1, 2, 3 have P = 0.3, 0.6, 0.1; observed
        // x = 2 (0.6) → every table counts → p = 1.
        close(run.num(&format!("{d}/p_value")), 1.0, "p");
        // ARR: ACV of D3..D5 = 9 000 × (2/3 − 1/2) = 1 500.
        close(run.num(&format!("{d}/arr_at_stake")), 1500.0, "arr");
        assert_eq!(run.get(&format!("{d}/low_sample")), true);
    }

    #[test]
    fn sla_acceptance_and_completeness_splits() {
        let run = data().run("2026-Q3");
        // knowledge transfer: met {D1} (churned); missed {D2 late, D3, D4, D5 none}: 2 of 4.
        let k = "drivers/sla_knowledge_transfer";
        assert_eq!(run.get(&format!("{k}/n_with")), 1);
        assert_eq!(run.get(&format!("{k}/churned_with")), 1);
        assert_eq!(run.get(&format!("{k}/n_without")), 4);
        assert_eq!(run.get(&format!("{k}/churned_without")), 2);
        close(run.num(&format!("{k}/relative_risk")), 0.5, "RR");
        // (0.5 − 1) < 0 → ARR 0.
        assert_eq!(run.num(&format!("{k}/arr_at_stake")), 0.0);
        // Acceptance: with {D1}, without {D2, D3}; D4 (blank) and D5 (no record) left out.
        let a = "drivers/cs_accepted";
        assert_eq!(run.get(&format!("{a}/n_with")), 1);
        assert_eq!(run.get(&format!("{a}/n_without")), 2);
        assert_eq!(run.get(&format!("{a}/churned_without")), 1);
        // Fisher on [[1, 1], [1, 0]]: P(x = 1) = 2/3, P(x = 2) = 1/3 → p = 1.
        close(run.num(&format!("{a}/p_value")), 1.0, "p");
        // No milestones table: first_value has no status → every deal left out.
        let f = "drivers/sla_first_value";
        assert_eq!(run.get(&format!("{f}/n_with")), 0);
        assert_eq!(run.get(&format!("{f}/n_without")), 0);
        assert!(run.is_null(&format!("{f}/rate_with")));
        assert!(run.is_null(&format!("{f}/p_value")));
        assert!(run.is_null(&format!("{f}/p_holm")));
        assert!(run.is_null(&format!("{f}/arr_at_stake")));
        // No info field filled: every deal is without complete information.
        assert_eq!(run.get("drivers/info_complete/n_without"), 5);
        // Unfilled checklist item: nobody has it.
        assert_eq!(run.get("drivers/mtg_all_attended/n_with"), 0);
    }

    #[test]
    fn holm_over_the_tested_drivers_and_ranking() {
        let run = data().run("2026-10");
        // Tested (both sides non-empty): doc_deal_summary, sla_knowledge_transfer and
        // cs_accepted, each p = 1 → Holm min(1, 3·1) = 1; untested drivers get null.
        assert!(run.is_null("drivers/sla_intro/p_holm"));
        close(run.num("drivers/doc_deal_summary/p_holm"), 1.0, "holm");
        let ranking: Vec<&str> = run
            .get("drivers/ranking")
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(ranking.len(), 15);
        // Largest ARR first (1 500), then the zero ARRs by key, then nulls by key.
        assert_eq!(ranking[0], "doc_deal_summary");
        assert_eq!(ranking[1], "cs_accepted");
        assert_eq!(ranking[2], "sla_knowledge_transfer");
        assert_eq!(ranking[3], "doc_commitments");
        assert_eq!(ranking[14], "sla_kickoff_scheduled");
    }

    #[test]
    fn empty_mature_cohort_keeps_every_key_and_no_renewals_gives_null() {
        let run = Data::new("2026-10-31")
            .deals(&["Y1,A1,smb,1,2026-10-01T00:00:00Z,rep"])
            .csv("renewals", &["account_id,event_date,event"])
            .run("2026-10");
        for key in super::driver_keys() {
            assert_eq!(run.get(&format!("drivers/{key}/n_with")), 0, "{key}");
            assert!(run.is_null(&format!("drivers/{key}/relative_risk")));
        }
        assert!(run.get("churn_cohorts").as_array().unwrap().is_empty());
        let run = Data::new("2026-10-31")
            .deals(&["Y1,A1,smb,1,2025-01-10T00:00:00Z,rep"])
            .run("2026-10");
        for key in ["drivers", "cox", "cox_score", "churn_cohorts"] {
            assert!(run.is_null(key), "{key}");
        }
    }

    #[test]
    fn churn_by_close_quarter_and_band() {
        // D1..D4 closed 2025-01-10 (2025-Q1), D5 on 2024-12-31 (2024-Q4); all substandard
        // (score ≤ 30). Churned: D1, D3, D4 → 2025-Q1 3 of 4; 2024-Q4 0 of 1.
        let run = data()
            .deals(&[
                "D1,A1,smb,1000,2025-01-10T00:00:00Z,rep",
                "D2,A2,smb,1000,2025-01-10T00:00:00Z,rep",
                "D3,A3,smb,2000,2025-01-10T00:00:00Z,rep",
                "D4,A4,smb,3000,2025-01-10T00:00:00Z,rep",
                "D5,A5,smb,4000,2024-12-31T00:00:00Z,rep",
            ])
            .run("2026-10");
        let cells = run.get("churn_cohorts").as_array().unwrap().clone();
        assert_eq!(cells.len(), 2);
        assert_eq!(cells[0]["quarter"], "2024-Q4");
        assert_eq!(cells[0]["band"], "substandard");
        assert_eq!(cells[0]["n"], 1);
        assert_eq!(cells[0]["churned"], 0);
        assert_eq!(cells[1]["quarter"], "2025-Q1");
        assert_eq!(cells[1]["n"], 4);
        assert_eq!(cells[1]["churned"], 3);
        close(cells[1]["rate"].as_f64().unwrap(), 0.75, "rate");
    }
}
