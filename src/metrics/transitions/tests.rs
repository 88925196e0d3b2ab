//! Tests of METRICS.md §4.11 on hand-made inputs, and of the rows the report frees.

use crate::testkit::{close, Data};

/// As of 2026-10-31, April 2026 transitions of five accounts closed 2025-06-01.
fn data() -> Data {
    Data::new("2026-10-31")
        .deals(&[
            "D1,A1,smb,1,2025-06-01T00:00:00Z,rep",
            "D2,A2,smb,1,2025-06-01T00:00:00Z,rep",
            "D3,A3,smb,1,2025-06-01T00:00:00Z,rep",
            "D4,A4,smb,1,2025-06-01T00:00:00Z,rep",
            "D5,A5,smb,1,2025-06-01T00:00:00Z,rep",
        ])
        .csv(
            "transitions",
            &[
                "account_id,transitioned_at,from_owner,to_owner,kind,planned,\
                 joint_meeting,kt_completeness,satisfaction",
                "A1,2026-04-01T10:00:00Z,a,b,rep_to_rep,yes,yes,95,5",
                "A2,2026-04-10,a,b,sales_to_am,no,yes,94.9,4",
                // 23:30 at −02:00 is 2026-05-01T01:30Z: May, not April.
                "A3,2026-04-30T23:30:00-02:00,a,b,team_to_team,yes,yes,100,5",
                "A4,2026-03-31T23:00:00Z,a,b,team_to_team,yes,yes,100,5",
                // blank booleans are false; blank numbers missing.
                "A5,2026-04-30T12:00:00Z,a,b,rep_to_rep,,,,",
            ],
        )
        .csv(
            "health",
            &[
                "account_id,snapshot_date,health_score",
                "A1,2026-03-18,10", // t − 14: outside the 14 days up to t = 04-01
                "A1,2026-03-19,50", // t − 13: health at t = 50
                "A1,2026-04-20,60", // in [04-18, 05-01] → +30: 60
                "A1,2026-05-31,70", // t + 60 = 05-31 → 70
                "A1,2026-06-16,99", // t + 90 = 06-30: [06-17, 06-30] → none
                "A2,2026-04-10,80", // health at t = 80
                "A2,2026-05-10,70", // t + 30 → 70
                "A2,2026-07-01,90", // t + 90 = 07-09: [06-26, 07-09] → 90
                "A5,2026-05-30,50", // A5 has no health at t: no change
            ],
        )
        .csv(
            "renewals",
            &[
                "account_id,event_date,event",
                "A1,2026-09-28,churn", // t + 180 = 09-28: within
                "A2,2026-10-08,churn", // t + 181: outside
                "A5,2026-04-30,churn", // on the transition day: not after it
            ],
        )
}

#[test]
fn counts_shares_and_means() {
    let run = data().run("2026-04");
    // A1, A2, A5 (A3 is in May UTC, A4 in March).
    assert_eq!(run.get("transitions/count"), 3);
    assert_eq!(run.get("transitions/by_kind/rep_to_rep"), 2);
    assert_eq!(run.get("transitions/by_kind/sales_to_am"), 1);
    assert!(run.get("transitions/by_kind").get("team_to_team").is_none());
    // planned: A1 only (A5 blank = false) → 1/3; joint: A1, A2 → 2/3.
    close(run.num("transitions/planned_share"), 1.0 / 3.0, "planned");
    close(
        run.num("transitions/joint_meeting_share"),
        2.0 / 3.0,
        "joint",
    );
    // satisfaction (5 + 4) / 2 = 4.5 (A5 missing, not 0).
    close(
        run.num("transitions/satisfaction_mean"),
        4.5,
        "satisfaction",
    );
    // kt: (95 + 94.9) / 2 = 94.95; ≥ 95: A1 only → 1 / 2.
    close(
        run.num("transitions/kt_completeness_mean"),
        94.95,
        "kt mean",
    );
    close(run.num("transitions/kt_complete_share"), 0.5, "kt ≥ 95");
}

#[test]
fn health_change_after_the_transition() {
    let run = data().run("2026-04");
    // +30: A1 60 − 50 = 10, A2 70 − 80 = −10 → mean 0.
    assert_eq!(run.get("transitions/health_change/day_30/n"), 2);
    close(run.num("transitions/health_change/day_30/mean"), 0.0, "+30");
    // +60: A1 70 − 50 = 20 (A2 none in [05-27, 06-09]).
    assert_eq!(run.get("transitions/health_change/day_60/n"), 1);
    close(
        run.num("transitions/health_change/day_60/mean"),
        20.0,
        "+60",
    );
    // +90: A2 90 − 80 = 10 (A1's 06-16 snapshot is 14 days before 06-30).
    assert_eq!(run.get("transitions/health_change/day_90/n"), 1);
    close(
        run.num("transitions/health_change/day_90/mean"),
        10.0,
        "+90",
    );
}

#[test]
fn churn_within_180_days_planned_vs_unplanned() {
    let run = data().run("2026-04");
    // planned: A1 churned on t + 180 → 1 / 1; Wilson (1/(1 + z²), 1).
    assert_eq!(run.get("transitions/churn_180d/planned/n"), 1);
    assert_eq!(run.num("transitions/churn_180d/planned/rate"), 1.0);
    close(
        run.num("transitions/churn_180d/planned/ci_low"),
        0.20654931437723745,
        "w(1,1) lo",
    );
    // unplanned: A2 (t + 181) and A5 (same day) did not → 0 / 2; Wilson (0, 0.6576).
    assert_eq!(run.get("transitions/churn_180d/unplanned/n"), 2);
    assert_eq!(run.num("transitions/churn_180d/unplanned/rate"), 0.0);
    close(
        run.num("transitions/churn_180d/unplanned/ci_high"),
        0.6576197724933469,
        "w(0,2) hi",
    );
}

#[test]
fn windows_after_as_of_are_left_out() {
    // An October transition: t + 30 = 10-31 = as_of counts, t + 60 and t + 180 do not.
    let run = Data::new("2026-10-31")
        .deals(&["D1,A1,smb,1,2025-06-01T00:00:00Z,rep"])
        .csv(
            "transitions",
            &[
                "account_id,transitioned_at,kind",
                "A1,2026-10-01T00:00:00Z,rep_to_rep",
            ],
        )
        .csv(
            "health",
            &[
                "account_id,snapshot_date,health_score",
                "A1,2026-10-01,40",
                "A1,2026-10-31,55",
            ],
        )
        .csv("renewals", &["account_id,event_date,event"])
        .run("2026-10");
    // +30: 55 − 40 = 15.
    assert_eq!(run.get("transitions/health_change/day_30/n"), 1);
    close(
        run.num("transitions/health_change/day_30/mean"),
        15.0,
        "+30",
    );
    // +60 not yet reached: n 0, mean null (not 0).
    assert_eq!(run.get("transitions/health_change/day_60/n"), 0);
    assert!(run.is_null("transitions/health_change/day_60/mean"));
    // 180-day churn window not closed: the unplanned group is empty → rate null.
    assert_eq!(run.get("transitions/churn_180d/unplanned/n"), 0);
    assert!(run.is_null("transitions/churn_180d/unplanned/rate"));
    // No satisfaction or kt value → null means and share.
    assert!(run.is_null("transitions/satisfaction_mean"));
    assert!(run.is_null("transitions/kt_complete_share"));
}

#[test]
fn missing_tables_give_null() {
    let run = Data::new("2026-10-31")
        .deals(&["D1,A1,smb,1,2025-06-01T00:00:00Z,rep"])
        .run("2026-10");
    assert!(run.is_null("transitions"));
    let run = Data::new("2026-10-31")
        .deals(&["D1,A1,smb,1,2025-06-01T00:00:00Z,rep"])
        .csv(
            "transitions",
            &[
                "account_id,transitioned_at,kind",
                "A1,2026-10-01,rep_to_rep",
            ],
        )
        .run("2026-10");
    assert_eq!(run.get("transitions/count"), 1);
    assert!(run.is_null("transitions/health_change"));
    assert!(run.is_null("transitions/churn_180d"));
}

#[test]
fn released_inputs_keep_the_health_rows_of_transitioned_accounts_only() {
    // A1 has a transition, A2 none: its health rows are never read and are freed.
    let d = Data::new("2026-10-31")
        .deals(&[
            "D1,A1,smb,1,2025-06-01T00:00:00Z,rep",
            "D2,A2,smb,1,2025-06-01T00:00:00Z,rep",
        ])
        .csv(
            "transitions",
            &[
                "account_id,transitioned_at,from_owner,to_owner,kind,planned",
                "A1,2026-04-01T10:00:00Z,a,b,rep_to_rep,yes",
            ],
        )
        .csv(
            "health",
            &[
                "account_id,snapshot_date,health_score",
                "A2,2026-04-01,10",
                "A1,2026-03-20,50", // same day as the next row: the later row (55) wins
                "A1,2026-03-20,55",
                "A2,2026-05-01,20",
                "A1,2026-05-01,70",
            ],
        );
    let params = d.params();
    let period = crate::period::Period::parse("2026-04").expect("period");
    let mut ing = d.ingest();
    let facts = crate::model::facts(&ing, &params)
        .expect("plan")
        .expect("deals")
        .collect()
        .expect("facts");
    let before = crate::metrics::compute(&facts, &ing, &params, period).expect("compute");
    crate::metrics::release_unread(&mut ing).expect("release");
    let health = &ing.tables["health"];
    let scores = health
        .column("health_score")
        .expect("score")
        .cast(&polars::prelude::DataType::Float64)
        .expect("cast");
    let scores: Vec<Option<f64>> = scores.f64().expect("f64").iter().collect();
    assert_eq!(scores, [Some(50.0), Some(55.0), Some(70.0)]);
    assert!(ing.has("deals") && ing.tables["deals"].height() == 0);
    let after = crate::metrics::compute(&facts, &ing, &params, period).expect("compute");
    // +30: 70 − 55 = 15, from the narrowed table as from the whole one.
    close(
        after.metrics["transitions"]["health_change"]["day_30"]["mean"]
            .as_f64()
            .expect("a mean"),
        15.0,
        "+30",
    );
    assert_eq!(
        before.metrics["transitions"], after.metrics["transitions"],
        "the transitions section"
    );
}

/// What `handoff report` does without custom queries: the snapshot tables leave ingest
/// without account ids and `_line`, the unread rows are freed (the snapshot rows as soon as
/// the windows are made); the fact table and the metrics are the same.
#[test]
fn a_report_keeping_the_model_columns_computes_the_same_metrics() {
    let d = data().csv(
        "adoption",
        &[
            "account_id,snapshot_date,active_users,licensed_seats",
            "A1,2025-07-01,5,10",
            "A2,2025-07-01,3,10",
        ],
    );
    let params = d.params();
    let period = crate::period::Period::parse("2026-04").expect("period");
    let metrics = |keep: crate::ingest::Keep| {
        let mut ing = d.ingest_keeping(keep);
        let parts = if keep == crate::ingest::Keep::Model {
            // The snapshot rows are freed once the windows are made, the rest after.
            crate::report::fact_parts_freeing(&mut ing, &params).expect("parts")
        } else {
            crate::model::parts(&ing, &params)
                .expect("parts")
                .expect("deals")
        };
        let facts = crate::model::assemble(&ing, &params, parts).expect("facts");
        let utilisation = facts.column("utilisation_30").expect("column").clone();
        let computed = crate::metrics::compute(&facts, &ing, &params, period);
        (ing, computed.expect("compute").metrics, utilisation)
    };
    let (all, want, utilisation_all) = metrics(crate::ingest::Keep::All);
    let (model, got, utilisation_model) = metrics(crate::ingest::Keep::Model);
    // The windows were made before the adoption rows went: 5/10 and 3/10 at day 30.
    let measured = utilisation_all.len() - utilisation_all.null_count();
    assert_eq!(measured, 2, "{utilisation_all:?}");
    assert!(utilisation_all.equals_missing(&utilisation_model));
    assert_eq!(model.tables["adoption"].height(), 0);
    assert_eq!(model.tables["deals"].height(), 0);
    let names = |ing: &crate::ingest::Ingested, t: &str| -> Vec<String> {
        let df = &ing.tables[t];
        df.get_column_names()
            .iter()
            .map(|n| n.to_string())
            .collect()
    };
    for t in ["adoption", "health"] {
        assert!(names(&all, t).contains(&"account_id".to_string()), "{t}");
        assert!(!names(&model, t).contains(&"account_id".to_string()), "{t}");
        assert!(!names(&model, t).iter().any(|n| n == "_line"), "{t}");
    }
    assert!(names(&model, "renewals").contains(&"account_id".to_string()));
    // The health changes of `health_change_after_the_transition`, from deal keys.
    assert_eq!(got["transitions"]["health_change"]["day_30"]["n"], 2);
    assert_eq!(want, got);
}

#[test]
fn released_inputs_without_transitions_keep_no_health_rows() {
    let d = Data::new("2026-10-31")
        .deals(&["D1,A1,smb,1,2025-06-01T00:00:00Z,rep"])
        .csv(
            "health",
            &["account_id,snapshot_date,health_score", "A1,2026-04-01,10"],
        );
    let mut ing = d.ingest();
    crate::metrics::release_unread(&mut ing).expect("release");
    assert!(ing.has("health"));
    assert_eq!(ing.tables["health"].height(), 0);
}
