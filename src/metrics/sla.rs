//! METRICS.md §4.2 SLA attainment per activity and §4.3 completion, over the period cohort.

use polars::prelude::*;
use serde_json::Value;

use super::typed::{MetricSection, SlaAttainment, SlaCounts};
use super::{frame, rate, strs};
use crate::schema::{self as s, sla_status};

pub struct Attainment {
    pub json: Value,
    pub table: DataFrame,
    pub rates: Vec<(String, Option<f64>)>,
}

fn status_counts(cohort: &DataFrame, column: &str, keys: [&str; 3]) -> PolarsResult<[u64; 3]> {
    let v = strs(cohort, column)?;
    Ok(keys.map(|k| v.iter().filter(|x| x.as_deref() == Some(k)).count() as u64))
}

/// Attainment per activity; first_value is `null` (unavailable) without a milestones table.
pub fn attainment(cohort: &DataFrame, has_milestones: bool) -> anyhow::Result<Attainment> {
    let mut typed = SlaAttainment::default();
    let mut rows: Vec<(&str, Option<SlaCounts>)> = Vec::new();
    for a in s::ACTIVITIES {
        let counts = if a == "first_value" && !has_milestones {
            None
        } else {
            let [met, missed, pending] =
                status_counts(cohort, &sla_status(a), ["met", "missed", "pending"])?;
            Some(SlaCounts {
                met,
                missed,
                pending,
                rate: rate(met, met + missed).filter(|x| x.is_finite()),
            })
        };
        if let Some(slot) = typed.slot_mut(a) {
            *slot = counts.clone();
        }
        rows.push((a, counts));
    }
    let count = |pick: fn(&SlaCounts) -> u64| {
        rows.iter()
            .map(|(_, c)| c.as_ref().map(pick))
            .collect::<Vec<_>>()
    };
    let table = frame(vec![
        Column::new(
            "activity".into(),
            rows.iter().map(|(a, _)| *a).collect::<Vec<_>>(),
        ),
        Column::new("met".into(), count(|c| c.met)),
        Column::new("missed".into(), count(|c| c.missed)),
        Column::new("pending".into(), count(|c| c.pending)),
        Column::new(
            "attainment".into(),
            rows.iter()
                .map(|(_, c)| c.as_ref().and_then(|c| c.rate))
                .collect::<Vec<_>>(),
        ),
    ])?;
    Ok(Attainment {
        json: typed.json(),
        table,
        rates: rows
            .into_iter()
            .map(|(a, c)| (a.to_string(), c.and_then(|c| c.rate)))
            .collect(),
    })
}

pub struct Completion {
    pub json: Value,
    pub rate: Option<f64>,
    pub alert: bool,
}

/// Completion; `null` (unavailable) without a milestones table, as first_value is a gate.
pub fn completion(
    cohort: &DataFrame,
    target: f64,
    has_milestones: bool,
) -> anyhow::Result<Completion> {
    if !has_milestones {
        return Ok(Completion {
            json: Value::Null,
            rate: None,
            alert: false,
        });
    }
    let [complete, incomplete, pending] =
        status_counts(cohort, s::COMPLETION, ["complete", "incomplete", "pending"])?;
    let r = rate(complete, complete + incomplete);
    let alert = r.is_some_and(|r| r < target);
    Ok(Completion {
        json: super::typed::Completion {
            complete,
            incomplete,
            pending,
            rate: r.filter(|x| x.is_finite()),
            alert,
            target,
        }
        .json(),
        rate: r,
        alert,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::{close, Data, SLA_EDGE_DEALS};

    /// The SLA edges of METRICS.md §4.2 over the October 2026 period cohort, as of 2026-10-31
    /// (A = 2026-11-01T00:00Z).
    fn edges() -> Data {
        Data::new("2026-10-31")
            .deals(
                &[
                    &SLA_EDGE_DEALS[..],
                    // 2026-10-01T01:00+02:00 is 2026-09-30T23:00Z: date(C) is in September.
                    &["D6,A6,enterprise,1000,2026-10-01T01:00:00+02:00,rep"],
                ]
                .concat(),
            )
            .csv(
                "handoffs",
                &[
                    "handoff_id,deal_id,meeting_at,intro_sent_at",
                    "H1,D1,2026-10-07T10:00:00Z,2026-10-07T10:00:01Z",
                    "H2,D2,2026-10-09T12:00:00Z,",
                    "H3,D3,2026-11-01T00:00:00Z,2026-10-31T23:59:59Z",
                    "H4,D4,2026-11-01T00:00:00Z,",
                    "H6,D6,2026-10-01T00:00:00Z,2026-10-01T00:00:00Z",
                ],
            )
            .csv(
                "milestones",
                &[
                    "account_id,milestone,achieved_at",
                    "A1,first_value,2026-10-20T00:00:00Z",
                ],
            )
    }

    #[test]
    fn attainment_counts_met_missed_and_pending() {
        let run = edges().run("2026-10");
        // D6 closed 09-30 UTC: not in the period cohort.
        assert_eq!(run.get("cohort/period_deals"), 5);
        // KT: D1 met (t = D), D2 met (pre-close), D3 pending (event at A, D ≥ A),
        // D4 missed (event at A ignored, D < A), D5 pending (no record, D = A).
        assert_eq!(run.get("sla/knowledge_transfer/met"), 2);
        assert_eq!(run.get("sla/knowledge_transfer/missed"), 1);
        assert_eq!(run.get("sla/knowledge_transfer/pending"), 2);
        // 2 met of 2 + 1 decided → 0.6667 (pending left out).
        close(run.num("sla/knowledge_transfer/rate"), 2.0 / 3.0, "kt rate");
        // intro: D1 missed (1 s late), D2 missed (none, D < A), D3 met (1 s before A),
        // D4 missed (none, due 10-31T00:00 < A), D5 pending (due = A) → 1 / 4 = 0.25.
        assert_eq!(run.get("sla/intro/met"), 1);
        assert_eq!(run.get("sla/intro/missed"), 3);
        assert_eq!(run.get("sla/intro/pending"), 1);
        close(run.num("sla/intro/rate"), 0.25, "intro rate");
        // first_value (enterprise, 45 days): D1 met on 10-20; D2 due 11-24, D3..D5 later: pending.
        assert_eq!(run.get("sla/first_value/met"), 1);
        assert_eq!(run.get("sla/first_value/missed"), 0);
        assert_eq!(run.get("sla/first_value/pending"), 4);
        close(run.num("sla/first_value/rate"), 1.0, "first_value rate");
        // kickoff_held (C + 10 d): D1 due 10-15, D2 due 10-20, both missed with no event;
        // D3..D5 due in November: pending → 0 met of 2 → rate 0, not null.
        assert_eq!(run.get("sla/kickoff_held/missed"), 2);
        assert_eq!(run.get("sla/kickoff_held/pending"), 3);
        assert_eq!(run.num("sla/kickoff_held/rate"), 0.0);
        // The table carries the same numbers.
        let t = run.table("sla_attainment");
        let attainment = crate::metrics::f64s(t, "attainment").unwrap();
        close(attainment[0].unwrap(), 2.0 / 3.0, "table kt rate");
    }

    #[test]
    fn completion_counts_through_the_pipeline() {
        let run = edges().run("2026-10");
        // Gates KT, kickoff_scheduled (C + 5 d), first_value:
        // D1: KT met, kickoff due 10-10 missed → incomplete; D2: kickoff due 10-15 missed →
        // incomplete; D4: KT missed → incomplete; D3, D5: nothing missed, nothing complete →
        // pending. 0 complete of 3 decided → rate 0 < 0.90 → alert.
        assert_eq!(run.get("completion/complete"), 0);
        assert_eq!(run.get("completion/incomplete"), 3);
        assert_eq!(run.get("completion/pending"), 2);
        assert_eq!(run.num("completion/rate"), 0.0);
        assert_eq!(run.get("completion/alert"), true);
    }

    #[test]
    fn an_activity_with_every_deal_pending_has_a_null_rate() {
        // Both deals closed on 10-30T12:00: every deadline (≥ 48 h) is after A.
        let run = Data::new("2026-10-31")
            .deals(&[
                "P1,A1,smb,1000,2026-10-30T12:00:00Z,rep",
                "P2,A2,smb,1000,2026-10-30T12:00:00Z,rep",
            ])
            .csv("milestones", &["account_id,milestone,achieved_at"])
            .run("2026-10");
        for a in s::ACTIVITIES {
            assert_eq!(run.get(&format!("sla/{a}/pending")), 2, "{a}");
            // 0 met of 0 decided → null, not 0.
            assert!(run.is_null(&format!("sla/{a}/rate")), "{a}");
        }
        assert!(run.is_null("completion/rate"));
        assert_eq!(run.get("completion/alert"), false);
    }

    #[test]
    fn empty_period_cohort_gives_null_rates() {
        // Every deal closed in October; the August 2026 period cohort is empty.
        let run = edges().run("2026-08");
        assert_eq!(run.get("cohort/period_deals"), 0);
        for a in s::ACTIVITIES {
            assert_eq!(run.get(&format!("sla/{a}/met")), 0, "{a}");
            assert!(run.is_null(&format!("sla/{a}/rate")), "{a}");
        }
        assert!(run.is_null("completion/rate"));
        assert_eq!(run.get("completion/alert"), false);
    }

    #[test]
    fn missing_milestones_make_first_value_and_completion_unavailable() {
        // Same deals without a milestones table (METRICS.md §3: unavailable, never zero).
        let run = Data::new("2026-10-31")
            .deals(&[
                "M1,A1,smb,1000,2026-10-01T00:00:00Z,rep",
                "M2,A2,smb,1000,2026-10-02T00:00:00Z,rep",
            ])
            .csv(
                "handoffs",
                &[
                    "handoff_id,deal_id,meeting_at,kickoff_scheduled_at",
                    "H1,M1,2026-10-02T00:00:00Z,2026-10-03T00:00:00Z",
                    "H2,M2,2026-10-03T00:00:00Z,2026-10-04T00:00:00Z",
                ],
            )
            .run("2026-10");
        // KT still counts: both met → 1.0.
        assert_eq!(run.num("sla/knowledge_transfer/rate"), 1.0);
        assert!(
            run.is_null("sla/first_value"),
            "{}",
            run.get("sla/first_value")
        );
        let t = run.table("sla_attainment");
        assert_eq!(
            crate::metrics::f64s(t, "missed").unwrap()[5],
            None,
            "first_value row"
        );
        assert!(run.is_null("completion"), "{}", run.get("completion"));
        assert!(run
            .get("alerts")
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["kind"] != "completion"));
        assert!(run.is_null("ttfv"));
        // No first_value escalation can come from a table that is not there.
        let esc = crate::metrics::strs(run.table("escalations"), "activity").unwrap();
        assert!(
            !esc.is_empty(),
            "intro, cs_prep and kickoff_held are overdue"
        );
        assert!(
            esc.iter().all(|a| a.as_deref() != Some("first_value")),
            "{esc:?}"
        );
    }

    fn completion_frame(values: &[&str]) -> DataFrame {
        df!(s::COMPLETION => values).unwrap()
    }

    #[test]
    fn completion_rate_against_the_target_edge() {
        // 9 complete, 1 incomplete, 2 pending: 9 / 10 = 0.90, not below 0.90 → no alert.
        let mut v = vec!["complete"; 9];
        v.extend(["incomplete", "pending", "pending"]);
        let c = completion(&completion_frame(&v), 0.90, true).unwrap();
        close(c.rate.unwrap(), 0.9, "9 of 10");
        assert!(!c.alert);
        assert_eq!(c.json["pending"], 2);
        // 8 complete, 1 incomplete: 8 / 9 = 0.8889 < 0.90 → alert.
        let mut v = vec!["complete"; 8];
        v.push("incomplete");
        let c = completion(&completion_frame(&v), 0.90, true).unwrap();
        close(c.rate.unwrap(), 8.0 / 9.0, "8 of 9");
        assert!(c.alert);
        // Only pending: empty denominator → null rate and no alert.
        let c = completion(&completion_frame(&["pending"]), 0.90, true).unwrap();
        assert_eq!(c.rate, None);
        assert!(c.json["rate"].is_null());
        assert!(!c.alert);
    }
}
