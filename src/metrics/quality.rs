//! METRICS.md §4.4 quality score and bands over the period cohort, and CS acceptance.

use polars::prelude::*;
use serde_json::Value;

use super::typed::MetricSection;
use super::{f64s, frame, rate, strs, Ctx};
use crate::schema as s;
use crate::stats;

pub struct Quality {
    pub json: Value,
    pub bands_table: DataFrame,
}

pub fn quality(cohort: &DataFrame) -> anyhow::Result<Quality> {
    let scores: Vec<f64> = f64s(cohort, s::QUALITY_SCORE)?
        .into_iter()
        .flatten()
        .collect();
    let bands = strs(cohort, s::QUALITY_BAND)?;
    let counts: Vec<u64> = s::BANDS
        .iter()
        .map(|b| bands.iter().filter(|x| x.as_deref() == Some(*b)).count() as u64)
        .collect();
    let total: u64 = counts.iter().sum();
    let band_count = |band: &str| {
        s::BANDS
            .iter()
            .position(|b| *b == band)
            .map_or(0, |i| counts[i])
    };
    let table = frame(vec![
        Column::new("band".into(), s::BANDS.to_vec()),
        Column::new("deals".into(), counts.clone()),
        Column::new(
            "share".into(),
            counts.iter().map(|n| rate(*n, total)).collect::<Vec<_>>(),
        ),
    ])?;
    Ok(Quality {
        json: super::typed::QualityScores {
            mean: stats::mean(&scores).filter(|x| x.is_finite()),
            median: stats::quantile_linear(&scores, 0.5).filter(|x| x.is_finite()),
            bands: super::typed::BandCounts {
                excellent: band_count("excellent"),
                good: band_count("good"),
                acceptable: band_count("acceptable"),
                substandard: band_count("substandard"),
            },
        }
        .json(),
        bands_table: table,
    })
}

/// Acceptance: accepted / rows with a value, over the period cohort's handoff records.
pub fn acceptance(ctx: &Ctx, cohort: &DataFrame) -> anyhow::Result<Value> {
    if !ctx.has(s::HANDOFFS) {
        return Ok(Value::Null);
    }
    let values = strs(cohort, s::CS_ACCEPTANCE)?;
    let count = |k: &str| values.iter().filter(|v| v.as_deref() == Some(k)).count() as u64;
    let (a, r, n) = (
        count("accepted"),
        count("rejected"),
        count("needs_revision"),
    );
    Ok(super::typed::Acceptance {
        accepted: a,
        rejected: r,
        needs_revision: n,
        rate: rate(a, a + r + n).filter(|x| x.is_finite()),
    }
    .json())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::{close, number, Data};

    /// Five handoffs on scores at and just below the band edges, plus a deal with no
    /// handoff record; all closed 2026-10-05T00:00Z with the meeting and intro on time
    /// where given (+15 and +5).
    fn bands() -> Data {
        Data::new("2026-10-31")
            .deals(&[
                "B90,A1,smb,1000,2026-10-05T00:00:00Z,rep",
                "B80,A2,smb,1000,2026-10-05T00:00:00Z,rep",
                "B70,A3,smb,1000,2026-10-05T00:00:00Z,rep",
                "B675,A4,smb,1000,2026-10-05T00:00:00Z,rep",
                "B0,A5,smb,1000,2026-10-05T00:00:00Z,rep",
                "B89,A6,smb,1000,2026-10-05T00:00:00Z,rep",
            ])
            .csv(
                "handoffs",
                &[
                    "handoff_id,deal_id,meeting_at,intro_sent_at,doc_deal_summary,\
                     doc_stakeholder_map,doc_commitments,doc_risk_factors,mtg_all_attended,\
                     mtg_agenda_covered,mtg_questions_answered,cs_acceptance",
                    // docs 50 + meeting 20 + KT 15 + intro 5 = 90 → excellent.
                    "H1,B90,2026-10-06T00:00:00Z,2026-10-06T00:00:00Z,1,1,1,1,1,1,0,accepted",
                    // docs 50 + meeting 10 + 15 + 5 = 80 → good.
                    "H2,B80,2026-10-06T00:00:00Z,2026-10-06T00:00:00Z,1,1,1,1,1,0,0,Accepted",
                    // docs 50 + 0 + 15 + 5 = 70 → acceptable.
                    "H3,B70,2026-10-06T00:00:00Z,2026-10-06T00:00:00Z,1,1,1,1,0,0,0,rejected",
                    // 7.5 + 10 + 15 + 10 + meeting 10 + KT 15, no intro = 67.5 → substandard.
                    "H4,B675,2026-10-06T00:00:00Z,,0.5,1,1,1,1,0,0,Needs Revision",
                    // 15·0.9999 + 35 + 20 + 15 + 5 = 89.9985 → good (just below 90).
                    "H6,B89,2026-10-06T00:00:00Z,2026-10-06T00:00:00Z,0.9999,1,1,1,1,1,0,",
                ],
            )
    }

    #[test]
    fn scores_and_bands_at_their_edges() {
        let run = bands().run("2026-10");
        let score = |d: &str| number(&run.facts, d, s::QUALITY_SCORE).unwrap();
        assert_eq!(score("B90"), 90.0);
        assert_eq!(score("B80"), 80.0);
        assert_eq!(score("B70"), 70.0);
        assert_eq!(score("B675"), 67.5);
        assert_eq!(score("B0"), 0.0, "no handoff record scores 0");
        close(score("B89"), 89.9985, "B89");
        // excellent {B90}; good {B80, B89}; acceptable {B70}; substandard {B675, B0}.
        assert_eq!(run.get("quality/bands/excellent"), 1);
        assert_eq!(run.get("quality/bands/good"), 2);
        assert_eq!(run.get("quality/bands/acceptable"), 1);
        assert_eq!(run.get("quality/bands/substandard"), 2);
        // mean = (90 + 80 + 70 + 67.5 + 0 + 89.9985) / 6 = 397.4985 / 6 = 66.24975.
        close(run.num("quality/mean"), 66.24975, "mean");
        // sorted 0, 67.5, 70, 80, 89.9985, 90 → median (70 + 80) / 2 = 75.
        close(run.num("quality/median"), 75.0, "median");
        // bands table share: good 2 / 6.
        let shares = crate::metrics::f64s(run.table("quality_bands"), "share").unwrap();
        close(shares[1].unwrap(), 2.0 / 6.0, "good share");
    }

    #[test]
    fn acceptance_over_rows_with_a_value() {
        let run = bands().run("2026-10");
        // accepted (H1, H2 "Accepted"), rejected (H3), needs_revision (H4 "Needs Revision");
        // H6 blank and B0 without a record do not count: 2 / 4 = 0.5.
        assert_eq!(run.get("acceptance/accepted"), 2);
        assert_eq!(run.get("acceptance/rejected"), 1);
        assert_eq!(run.get("acceptance/needs_revision"), 1);
        close(run.num("acceptance/rate"), 0.5, "acceptance rate");
    }

    #[test]
    fn an_empty_cohort_has_null_mean_median_and_rates() {
        let empty = df!(
            s::QUALITY_SCORE => Vec::<f64>::new(),
            s::QUALITY_BAND => Vec::<String>::new(),
        )
        .unwrap();
        let q = quality(&empty).unwrap();
        assert!(q.json["mean"].is_null());
        assert!(q.json["median"].is_null());
        assert_eq!(q.json["bands"]["excellent"], 0);
        // every share is 0 / 0 → null.
        let shares = crate::metrics::f64s(&q.bands_table, "share").unwrap();
        assert_eq!(shares, vec![None; 4]);
        // Through the pipeline: no deal in August 2026.
        let run = bands().run("2026-08");
        assert!(run.is_null("quality/mean"));
        assert!(run.is_null("acceptance/rate"));
        assert_eq!(run.get("acceptance/accepted"), 0);
    }
}
