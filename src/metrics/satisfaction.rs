//! METRICS.md §4.8 satisfaction over the trailing cohort: CSAT mean by band for the day-30 and
//! day-90 waves, NPS by band over both waves' responses, and the deals with CSAT ≤ 2 that
//! need a retroactive handoff review.

use std::collections::BTreeMap;

use polars::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::churn::finite;
use super::snapshots::group_mean;
use super::typed::MetricSection;
use super::{f64s, frame, group_rows, strs, Ctx};
use crate::schema as s;
use crate::vocab::Band;

/// One band's mean CSAT (1–5) in a wave, over the deals that answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BandMean {
    pub n: u64,
    pub mean: Option<f64>,
}

/// One band's NPS (−100 to +100) over both waves' responses; `n` counts responses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BandNps {
    pub n: u64,
    pub nps: Option<f64>,
}

/// A measure by band; bands without responses are absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ByBand<T> {
    pub by_band: BTreeMap<Band, T>,
}

impl<T> Default for ByBand<T> {
    fn default() -> Self {
        ByBand {
            by_band: BTreeMap::new(),
        }
    }
}

/// METRICS.md §4.8 over the trailing cohort (`metrics.json` → `satisfaction`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SatisfactionMetrics {
    pub csat_day_30: ByBand<BandMean>,
    pub csat_day_90: ByBand<BandMean>,
    pub nps: ByBand<BandNps>,
}

impl MetricSection for SatisfactionMetrics {
    const KEY: &'static str = "satisfaction";
}

pub struct Satisfaction {
    pub json: Value,
    pub table: DataFrame,
    pub review: DataFrame,
}

pub fn satisfaction(ctx: &Ctx, cohort: &DataFrame) -> anyhow::Result<Satisfaction> {
    let empty_review = || {
        frame(vec![
            Column::new("deal_id".into(), Vec::<String>::new()),
            Column::new("account_name".into(), Vec::<String>::new()),
            Column::new("sales_rep".into(), Vec::<String>::new()),
            Column::new("quality_band".into(), Vec::<String>::new()),
            Column::new("wave".into(), Vec::<String>::new()),
            Column::new("csat".into(), Vec::<f64>::new()),
        ])
    };
    if !ctx.has(s::SURVEYS) {
        return Ok(Satisfaction {
            json: Value::Null,
            table: frame(vec![Column::new("band".into(), Vec::<String>::new())])?,
            review: empty_review()?,
        });
    }
    let mut table: Vec<(String, String, u32, Option<f64>)> = Vec::new();
    let mut waves = Vec::new();
    for wave in ["30", "90"] {
        let column = format!("csat_day_{wave}");
        let mut by_band = BTreeMap::new();
        for (g, n, mean) in group_mean(cohort, s::QUALITY_BAND, &column, &s::BANDS)? {
            if let Ok(b) = g.parse::<Band>() {
                by_band.insert(
                    b,
                    BandMean {
                        n: n.into(),
                        mean: mean.and_then(finite),
                    },
                );
            }
            table.push((column.clone(), g, n, mean));
        }
        waves.push(ByBand { by_band });
    }
    let bands = strs(cohort, s::QUALITY_BAND)?;
    let n30 = f64s(cohort, "nps_day_30")?;
    let n90 = f64s(cohort, "nps_day_90")?;
    let mut nps_by_band = BTreeMap::new();
    for (g, rows) in group_rows(&bands, &s::BANDS) {
        let responses: Vec<f64> = rows
            .iter()
            .flat_map(|&i| [n30[i], n90[i]])
            .flatten()
            .collect();
        if responses.is_empty() {
            continue;
        }
        let n = responses.len() as f64;
        let promoters = responses.iter().filter(|x| **x >= 9.0).count() as f64;
        let detractors = responses.iter().filter(|x| **x <= 6.0).count() as f64;
        let nps = 100.0 * (promoters / n - detractors / n);
        if let Ok(b) = g.parse::<Band>() {
            nps_by_band.insert(
                b,
                BandNps {
                    n: responses.len() as u64,
                    nps: finite(nps),
                },
            );
        }
        table.push(("nps".into(), g, responses.len() as u32, Some(nps)));
    }
    let (csat_day_90, csat_day_30) = (waves.pop(), waves.pop());
    let json = SatisfactionMetrics {
        csat_day_30: csat_day_30.unwrap_or_default(),
        csat_day_90: csat_day_90.unwrap_or_default(),
        nps: ByBand {
            by_band: nps_by_band,
        },
    }
    .json();
    let waves: Vec<LazyFrame> = ["30", "90"]
        .iter()
        .map(|w| {
            let c = format!("csat_day_{w}");
            cohort
                .clone()
                .lazy()
                .filter(col(c.as_str()).lt_eq(lit(2.0)))
                .select([
                    col(s::DEAL_ID),
                    col(s::ACCOUNT_NAME),
                    col(s::SALES_REP),
                    col(s::QUALITY_BAND),
                    lit(format!("day_{w}")).alias("wave"),
                    col(c.as_str()).alias("csat"),
                ])
        })
        .collect();
    let review = concat(waves, UnionArgs::default())?
        .sort(["csat", s::DEAL_ID], SortMultipleOptions::default())
        .collect()?;
    Ok(Satisfaction {
        json,
        table: frame(vec![
            Column::new(
                "measure".into(),
                table.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
            ),
            Column::new(
                "band".into(),
                table.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(),
            ),
            Column::new("n".into(), table.iter().map(|r| r.2).collect::<Vec<_>>()),
            Column::new(
                "value".into(),
                table.iter().map(|r| r.3).collect::<Vec<_>>(),
            ),
        ])?,
        review,
    })
}

#[cfg(test)]
mod tests {
    use crate::testkit::{close, Data};

    /// Three deals closed 2026-06-01T00:00Z; waves by days from date(C) to the response's
    /// UTC date: day-30 wave 1–60, day-90 wave 61–120, the latest response per wave counts.
    fn data() -> Data {
        Data::new("2026-10-31")
            .deals(&[
                "S1,A1,smb,1,2026-06-01T00:00:00Z,rep",
                "S2,A2,smb,1,2026-06-01T00:00:00Z,rep",
                "S3,A3,smb,1,2026-06-01T00:00:00Z,rep",
            ])
            .csv(
                "handoffs",
                &[
                    "handoff_id,deal_id,meeting_at,intro_sent_at,doc_deal_summary,\
                     doc_stakeholder_map,doc_commitments,doc_risk_factors,mtg_all_attended,\
                     mtg_agenda_covered,mtg_questions_answered",
                    // S3 scores 100 → excellent; S1, S2 have no record → substandard.
                    "H3,S3,2026-06-02T00:00:00Z,2026-06-02T00:00:00Z,1,1,1,1,1,1,1",
                ],
            )
            .csv(
                "surveys",
                &[
                    "account_id,responded_at,kind,score",
                    "A1,2026-06-02,csat,5", // offset 1: day-30 wave
                    "A1,2026-07-31,csat,3", // offset 60: day-30, latest
                    "A1,2026-07-31T23:30:00-02:00,csat,4", // 08-01 UTC, offset 61: day-90
                    "A1,2026-09-29,csat,2", // offset 120: day-90, latest
                    "A1,2026-09-30,csat,1", // offset 121: no wave
                    "A1,2026-06-10,nps,10", // day-30
                    "A1,2026-08-10,nps,6",  // day-90
                    "A2,2026-06-01T12:00:00Z,csat,1", // offset 0: no wave
                    "A2,2026-07-01,csat,5", // day-30
                    "A2,2026-06-15,nps,8",  // day-30, superseded
                    "A2,2026-06-20,nps,9",  // day-30, latest
                    "A3,2026-07-15,nps,5",  // day-30
                ],
            )
    }

    #[test]
    fn csat_waves_take_the_latest_response() {
        let run = data().run("2026-10");
        // day-30: S1 3 (latest of 5, 3), S2 5 (the offset-0 1 is ignored) → mean 4.
        assert_eq!(run.get("satisfaction/csat_day_30/by_band/substandard/n"), 2);
        close(
            run.num("satisfaction/csat_day_30/by_band/substandard/mean"),
            4.0,
            "(3 + 5) / 2",
        );
        // day-90: S1 2 (latest of 4, 2; the offset-121 response is out).
        assert_eq!(run.get("satisfaction/csat_day_90/by_band/substandard/n"), 1);
        close(
            run.num("satisfaction/csat_day_90/by_band/substandard/mean"),
            2.0,
            "S1 day 90",
        );
        // S3 answered no CSAT: the excellent band is absent, not 0.
        assert!(run
            .get("satisfaction/csat_day_30/by_band")
            .get("excellent")
            .is_none());
    }

    #[test]
    fn nps_pools_both_waves_by_band() {
        let run = data().run("2026-10");
        // substandard: S1 10 (day 30) and 6 (day 90), S2 9 (latest day-30) → 3 responses,
        // 2 promoters, 1 detractor → 100 · (2/3 − 1/3) = 33.33.
        assert_eq!(run.get("satisfaction/nps/by_band/substandard/n"), 3);
        close(
            run.num("satisfaction/nps/by_band/substandard/nps"),
            100.0 / 3.0,
            "nps substandard",
        );
        // excellent: S3 5 → one detractor → −100.
        assert_eq!(run.get("satisfaction/nps/by_band/excellent/n"), 1);
        close(
            run.num("satisfaction/nps/by_band/excellent/nps"),
            -100.0,
            "nps excellent",
        );
    }

    #[test]
    fn csat_at_most_two_is_listed_for_review() {
        let run = data().run("2026-10");
        let review = run.table("csat_review");
        // Only S1's day-90 CSAT (2) is ≤ 2; the 1s fall outside every wave.
        assert_eq!(crate::testkit::deal_ids(review), ["S1"]);
        let wave = crate::metrics::strs(review, "wave").unwrap();
        assert_eq!(wave[0], Some("day_90"));
        assert_eq!(crate::metrics::f64s(review, "csat").unwrap()[0], Some(2.0));
    }

    #[test]
    fn missing_surveys_table_gives_null() {
        let run = Data::new("2026-10-31")
            .deals(&["S1,A1,smb,1,2026-06-01T00:00:00Z,rep"])
            .run("2026-10");
        assert!(run.is_null("satisfaction"));
    }
}
