//! Tests of METRICS.md §4.12 drivers and §4.15 close-quarter cohorts on small hand-checked data.

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
fn practices_follow_the_driver_keys() {
    let spelled: Vec<String> = super::PRACTICES
        .iter()
        .map(|p| p.as_str().to_string())
        .collect();
    assert_eq!(spelled, super::driver_keys());
    for p in super::PRACTICES {
        assert_eq!(super::Practice::parse(p.as_str()), Some(p));
    }
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
