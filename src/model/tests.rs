//! The fact table through the real ingest → model path (testkit).

use super::*;
use crate::schema::{sla_at, sla_due, sla_status};

use crate::testkit::{number, text, Data, SLA_EDGE_DEALS};

fn status_of(facts: &DataFrame, deal: &str, activity: &str) -> String {
    text(facts, deal, &sla_status(activity)).expect("a status")
}

/// METRICS.md §3/§4.2: as of 2026-10-31 the as-of instant is A = 2026-11-01T00:00Z; an event at
/// `t = D` is met, a second later missed, before close met; an event at `t = A` does not
/// exist yet; no event is missed once `D < A` and pending while `D ≥ A`.
#[test]
fn business_calendar_through_the_pipeline() {
    // Closed Friday 2026-10-02 10:00Z. Knowledge transfer (48 h): calendar deadline
    // Sunday 10-04 10:00, business deadline Tuesday 10-06 10:00. A meeting on Monday
    // 10-05 09:00 is missed on the calendar clock and met on the business clock.
    let data = |config: &str| {
        Data::new("2026-10-31")
            .config(config)
            .deals(&["D1,A1,enterprise,1000,2026-10-02T10:00:00Z,rep"])
            .csv(
                "handoffs",
                &[
                    "handoff_id,deal_id,meeting_at",
                    "H1,D1,2026-10-05T09:00:00Z",
                ],
            )
            .facts()
    };
    let kt = "knowledge_transfer";
    assert_eq!(status_of(&data(""), "D1", kt), "missed");
    let facts = data("sla_calendar = \"business\"\n");
    assert_eq!(status_of(&facts, "D1", kt), "met");
    let due = facts
        .column(&sla_due(kt))
        .expect("due")
        .i64()
        .expect("i64")
        .get(0);
    let want = chrono::DateTime::parse_from_rfc3339("2026-10-06T10:00:00Z")
        .expect("instant")
        .timestamp_micros();
    assert_eq!(due, Some(want));
}

#[test]
fn sla_status_edges_through_the_pipeline() {
    let facts = Data::new("2026-10-31")
        .deals(&SLA_EDGE_DEALS)
        .csv(
            "handoffs",
            &[
                "handoff_id,deal_id,meeting_at,intro_sent_at",
                // KT due 10-07T10:00Z: 12:00+02:00 is exactly 10:00Z (t = D); intro 1 s late.
                "H1,D1,2026-10-07T12:00:00+02:00,2026-10-07T10:00:01Z",
                // meeting the day before close (pre-close handoff); no intro, due 10-12 < A.
                "H2,D2,2026-10-09T12:00:00Z,",
                // meeting at A exactly (not yet happened), due 11-01T12:00 ≥ A; intro 1 s before A.
                "H3,D3,2026-11-01T00:00:00Z,2026-10-31T23:59:59Z",
                // meeting at A (not yet happened) but due 10-31T00:00 < A.
                "H4,D4,2026-11-01T00:00:00Z,",
            ],
        )
        .facts();
    let kt = "knowledge_transfer";
    assert_eq!(status_of(&facts, "D1", kt), "met", "t = D is met");
    assert_eq!(status_of(&facts, "D1", "intro"), "missed", "t = D + 1 s");
    assert_eq!(status_of(&facts, "D2", kt), "met", "pre-close event");
    assert_eq!(
        status_of(&facts, "D2", "intro"),
        "missed",
        "no event, D < A"
    );
    assert_eq!(status_of(&facts, "D3", kt), "pending", "event at A, D ≥ A");
    assert_eq!(
        text(&facts, "D3", &sla_at(kt)),
        None,
        "an event at A does not exist"
    );
    assert_eq!(
        status_of(&facts, "D3", "intro"),
        "met",
        "event 1 s before A"
    );
    assert_eq!(status_of(&facts, "D4", kt), "missed", "event at A, D < A");
    assert_eq!(text(&facts, "D4", &sla_at(kt)), None);
    // D5 has no handoff record: closed 10-30T00:00, KT due 11-01T00:00 = A, so D ≥ A.
    assert_eq!(status_of(&facts, "D5", kt), "pending", "no event, D = A");
    // cs_prep is due 72 h after close: 11-02T00:00 ≥ A.
    assert_eq!(status_of(&facts, "D5", "cs_prep"), "pending");
    // D4's cs_prep is due 11-01T00:00 = A: still pending.
    assert_eq!(status_of(&facts, "D4", "cs_prep"), "pending");
    // D2's cs_prep was due 10-13T00:00 < A with no event: missed.
    assert_eq!(status_of(&facts, "D2", "cs_prep"), "missed");
}

/// METRICS.md §3 milestones and §4.2 first_value: the earliest first_value milestone counts,
/// deadlines follow the segment target, a milestone at A does not exist, config names map.
#[test]
fn first_value_deadlines_and_earliest_milestone() {
    let facts = Data::new("2026-10-31")
        .config("[milestones]\n\"First Value Reached\" = \"first_value\"\n")
        .deals(&[
            "F1,A1,enterprise,1000,2026-08-01T00:00:00Z,rep",
            "F2,A2,smb,1000,2026-08-01T00:00:00Z,rep",
            "F3,A3,strategic,1000,2026-09-15T00:00:00Z,rep",
            "F4,A4,Mid-Market,1000,2026-08-01T00:00:00Z,rep",
            "F5,A5,weird,1000,2026-08-01T00:00:00Z,rep",
        ])
        .csv(
            "milestones",
            &[
                "account_id,milestone,achieved_at",
                "A1,first_value,2026-09-20T00:00:00Z",
                "A1,first_value,2026-09-15T00:00:00Z",
                "A1,go_live,2026-08-10T00:00:00Z",
                "A2,first_value,2026-08-22T00:00:01Z",
                "A3,first_value,2026-11-01T00:00:00Z",
                "A4, First Value Reached ,2026-08-31T00:00:00Z",
            ],
        )
        .facts();
    let fv = "first_value";
    // enterprise: due C + 45 d = 09-15T00:00; the earliest of 09-20 and 09-15 is exactly D.
    assert_eq!(status_of(&facts, "F1", fv), "met");
    assert_eq!(number(&facts, "F1", s::TTFV_DAYS), Some(45.0));
    // smb: due C + 21 d = 08-22T00:00; achieved 1 s later → 21 + 1/86400 days, missed.
    assert_eq!(status_of(&facts, "F2", fv), "missed");
    crate::testkit::close(
        number(&facts, "F2", s::TTFV_DAYS).unwrap(),
        21.0 + 1.0 / 86_400.0,
        "F2 ttfv",
    );
    // strategic: due C + 60 d = 11-14 ≥ A; the milestone at A is ignored → pending,
    // not reached, followed up for A − C = 09-15 → 11-01 = 47 days.
    assert_eq!(status_of(&facts, "F3", fv), "pending");
    assert_eq!(number(&facts, "F3", s::TTFV_DAYS), None);
    assert_eq!(number(&facts, "F3", s::FOLLOWUP_DAYS), Some(47.0));
    // mid_market (normalised from "Mid-Market"): 30 days; the mapped name counts.
    assert_eq!(status_of(&facts, "F4", fv), "met");
    assert_eq!(number(&facts, "F4", s::TTFV_DAYS), Some(30.0));
    // an unknown segment is `other` (30 days): no milestone and due 08-31 < A → missed.
    assert_eq!(text(&facts, "F5", s::SEGMENT).as_deref(), Some("other"));
    assert_eq!(status_of(&facts, "F5", fv), "missed");
}

/// METRICS.md §4.3: complete = KT, kickoff_scheduled and first_value all met; incomplete = any
/// missed; else pending.
#[test]
fn completion_status_per_deal() {
    let facts = Data::new("2026-10-31")
        .deals(&[
            "C1,A1,smb,1000,2026-10-01T00:00:00Z,rep",
            "C2,A2,smb,1000,2026-10-01T00:00:00Z,rep",
            "C3,A3,smb,1000,2026-10-25T00:00:00Z,rep",
            "C4,A4,smb,1000,2026-10-25T00:00:00Z,rep",
        ])
        .csv(
            "handoffs",
            &[
                "handoff_id,deal_id,meeting_at,kickoff_scheduled_at",
                // all three gates met (first_value below).
                "H1,C1,2026-10-02T00:00:00Z,2026-10-03T00:00:00Z",
                // kickoff scheduled late (due 10-06) → incomplete though the rest is met.
                "H2,C2,2026-10-02T00:00:00Z,2026-10-07T00:00:00Z",
                // KT and kickoff met, first_value due 11-15 ≥ A not reached → pending.
                "H3,C3,2026-10-26T00:00:00Z,2026-10-27T00:00:00Z",
                // KT met, kickoff due 10-30 < A with no event → incomplete.
                "H4,C4,2026-10-26T00:00:00Z,",
            ],
        )
        .csv(
            "milestones",
            &[
                "account_id,milestone,achieved_at",
                "A1,first_value,2026-10-10T00:00:00Z",
                "A2,first_value,2026-10-10T00:00:00Z",
            ],
        )
        .facts();
    let completion = |d: &str| text(&facts, d, s::COMPLETION).unwrap();
    assert_eq!(completion("C1"), "complete");
    assert_eq!(completion("C2"), "incomplete");
    assert_eq!(completion("C3"), "pending");
    assert_eq!(completion("C4"), "incomplete");
}

/// METRICS.md §4.4 through the pipeline: partial credit, missing checklist values count 0,
/// the SLA points, and a deal without a handoff record scoring 0 (completeness null).
#[test]
fn score_partial_credit_and_missing_handoff() {
    let facts = Data::new("2026-10-31")
        .deals(&[
            "Q1,A1,smb,1000,2026-10-05T00:00:00Z,rep",
            "Q2,A2,smb,1000,2026-10-05T00:00:00Z,rep",
        ])
        .csv(
            "handoffs",
            &[
                "handoff_id,deal_id,meeting_at,intro_sent_at,doc_deal_summary,doc_stakeholder_map,\
                 doc_commitments,doc_risk_factors,mtg_all_attended,mtg_agenda_covered,\
                 mtg_questions_answered,info_scope",
                "H1,Q1,2026-10-06T00:00:00Z,2026-10-08T00:00:00Z,0.5,yes,1,no,TRUE,,0.25,x",
            ],
        )
        .facts();
    // 15·0.5 + 10·1 + 15·1 + 10·0 + 10·1 + 10·0 (blank) + 10·0.25 = 45,
    // + 15 (meeting within 48 h) + 0 (intro 72 h after close, missed) = 60.
    assert_eq!(number(&facts, "Q1", s::QUALITY_SCORE), Some(60.0));
    assert_eq!(
        text(&facts, "Q1", s::QUALITY_BAND).as_deref(),
        Some("substandard")
    );
    // 1 of 7 info fields filled → 100/7.
    crate::testkit::close(
        number(&facts, "Q1", s::COMPLETENESS).unwrap(),
        100.0 / 7.0,
        "Q1 completeness",
    );
    assert_eq!(number(&facts, "Q2", s::QUALITY_SCORE), Some(0.0));
    assert_eq!(number(&facts, "Q2", s::HAS_HANDOFF), Some(0.0));
    assert_eq!(number(&facts, "Q2", s::COMPLETENESS), None);
}

/// METRICS.md §3 duplicates: the first row of a repeated deal id and the first handoff of a deal
/// are kept; a later deal of the same account is not a new-customer deal.
#[test]
fn duplicates_keep_the_first_and_later_deals_drop() {
    let facts = Data::new("2026-10-31")
        .deals(&[
            "D1,A1,smb,1000,2026-10-05T00:00:00Z,rep_first",
            "D1,A1,smb,9999,2026-10-01T00:00:00Z,rep_dup",
            "D2,A1,smb,2000,2026-10-20T00:00:00Z,rep_later",
        ])
        .csv(
            "handoffs",
            &[
                "handoff_id,deal_id,meeting_at",
                "H1,D1,2026-10-06T00:00:00Z",
                "H1b,D1,",
            ],
        )
        .facts();
    assert_eq!(crate::testkit::deal_ids(&facts), ["D1"]);
    assert_eq!(number(&facts, "D1", s::ACV), Some(1000.0));
    assert_eq!(
        text(&facts, "D1", s::SALES_REP).as_deref(),
        Some("rep_first")
    );
    // H1 (meeting on time) counts, not the duplicate H1b without a meeting.
    assert_eq!(status_of(&facts, "D1", "knowledge_transfer"), "met");
}

/// METRICS.md §4.8/§4.9 through the dense parts: each deal's waves and first-year events
/// count from its own close date although the deals are listed out of close order (the
/// fact table is sorted by close, the parts are read by deal key); the latest response of a
/// wave wins, the later line on equal times; events before the close do not count.
#[test]
fn account_parts_count_from_each_deals_own_close_date() {
    let facts = Data::new("2026-11-30")
        .deals(&[
            "G1,A1,enterprise,1000,2026-09-01T00:00:00Z,rep",
            "G2,A2,smb,1000,2026-03-01T00:00:00Z,rep",
        ])
        .csv(
            "surveys",
            &[
                "account_id,responded_at,kind,score",
                "A1,2026-09-25T00:00:00Z,csat,2",
                "A1,2026-09-20T00:00:00Z,csat,4",
                "A1,2026-09-10T10:00:00Z,nps,7",
                "A1,2026-09-10T10:00:00Z,nps,8",
                "A1,2026-11-10T00:00:00Z,csat,5",
                "A2,2026-03-10T00:00:00Z,nps,9",
                "A2,2026-05-15T00:00:00Z,csat,3",
                "A2,2026-07-15T00:00:00Z,csat,1",
            ],
        )
        .csv(
            "renewals",
            &[
                "account_id,event_date,event",
                "A1,2026-10-01,churn",
                "A2,2026-02-15,expansion",
                "A2,2026-06-01,expansion",
            ],
        )
        .facts();
    // G1 closed 09-01: csat 09-20 and 09-25 (days 19, 24: the later one), nps twice at one
    // instant (the later line), csat 11-10 (day 70).
    assert_eq!(number(&facts, "G1", "csat_day_30"), Some(2.0));
    assert_eq!(number(&facts, "G1", "nps_day_30"), Some(8.0));
    assert_eq!(number(&facts, "G1", "csat_day_90"), Some(5.0));
    assert_eq!(number(&facts, "G1", "nps_day_90"), None);
    // G2 closed 03-01: nps day 9, csat day 75; day 136 is past both waves.
    assert_eq!(number(&facts, "G2", "nps_day_30"), Some(9.0));
    assert_eq!(number(&facts, "G2", "csat_day_30"), None);
    assert_eq!(number(&facts, "G2", "csat_day_90"), Some(3.0));
    // G1 churned on day 30; G2's expansion before its close is ignored, day 92 counts.
    assert_eq!(number(&facts, "G1", s::CHURNED_1Y), Some(1.0));
    assert_eq!(number(&facts, "G1", s::CHURN_DAYS), Some(30.0));
    assert_eq!(number(&facts, "G1", s::EXPANDED_1Y), Some(0.0));
    assert_eq!(number(&facts, "G2", s::CHURNED_1Y), Some(0.0));
    assert_eq!(number(&facts, "G2", s::EXPANDED_1Y), Some(1.0));
}

/// METRICS.md §4.7 ties: of snapshots on the same date the later line wins, also across the
/// parts of a folder table (the windows go by row order, which is file order: the snapshot
/// tables carry no `_line` after ingest); a later line with an earlier date does not win.
#[test]
fn snapshot_windows_tie_to_the_later_line() {
    let data = Data::new("2026-10-31")
        .config("[tables]\nadoption = \"adoption_parts\"\n")
        .deals(&["W1,A1,smb,1000,2026-08-01T00:00:00Z,rep"]);
    std::fs::create_dir(data.path().join("adoption_parts")).expect("a folder");
    let header = "account_id,snapshot_date,active_users,licensed_seats";
    let data = data
        .csv(
            "adoption_parts/part-1",
            &[header, "A1,2026-08-31,2,10", "A1,2026-08-31,3,10"],
        )
        .csv(
            "adoption_parts/part-2",
            &[header, "A1,2026-08-31,5,10", "A1,2026-08-30,9,10"],
        )
        .csv(
            "health",
            &[
                "account_id,snapshot_date,health_score",
                "A1,2026-08-31,60",
                "A1,2026-08-31,70",
                "A1,2026-08-29,90",
            ],
        );
    let facts = data.facts();
    // Day 30 is 08-31: part-2's first line is the last of the three on that date.
    assert_eq!(number(&facts, "W1", "utilisation_30"), Some(0.5));
    assert_eq!(number(&facts, "W1", "health_30"), Some(70.0));
}
