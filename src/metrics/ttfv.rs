//! METRICS.md §4.6 time to first value over the trailing cohort, by segment, ACV band and quality
//! band: descriptive statistics over the deals that reached value and a Kaplan–Meier
//! estimate over all of them (not reached = censored at `A − C`). Also the KM curves by band
//! for the chart.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use polars::prelude::*;
use serde::{Deserialize, Serialize};

use super::typed::{parse_key, MetricSection};
use super::{f64s, frame, group_rows, strs, Ctx};
use crate::model::acv_band_labels;
use crate::schema as s;
use crate::stats::{self, KaplanMeier};
use crate::vocab::{Band, Segment};

/// One group's time to first value (days): descriptive statistics over the deals that
/// reached it, Kaplan–Meier over all of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TtfvGroup {
    pub n: u64,
    pub reached: u64,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub p25: Option<f64>,
    pub p75: Option<f64>,
    pub p90: Option<f64>,
    pub km_median: Option<f64>,
    pub km_reached_by_30: Option<f64>,
    pub km_reached_by_60: Option<f64>,
    pub km_reached_by_90: Option<f64>,
}

/// METRICS.md §4.6 over the trailing cohort (null without a milestones table).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ttfv {
    pub by_segment: BTreeMap<Segment, TtfvGroup>,
    /// By ACV band label (the configured edges), in band order.
    pub by_acv_band: IndexMap<String, TtfvGroup>,
    pub by_quality_band: BTreeMap<Band, TtfvGroup>,
}

impl MetricSection for Ttfv {
    const KEY: &'static str = "ttfv";
}

/// The section and its tables (`ttfv_by_*`, `ttfv_km_curves`).
pub struct TtfvOut {
    pub section: Option<Ttfv>,
    pub tables: Vec<(String, DataFrame)>,
}

/// One group's statistics as the section's group and as a table row.
fn group_stats(
    ttfv: &[Option<f64>],
    followup: &[Option<f64>],
    rows: &[usize],
) -> (TtfvGroup, Vec<Option<f64>>, KaplanMeier) {
    let reached: Vec<f64> = rows.iter().filter_map(|&i| ttfv[i]).collect();
    let times: Vec<f64> = rows
        .iter()
        .map(|&i| ttfv[i].or(followup[i]).unwrap_or(0.0))
        .collect();
    let events: Vec<bool> = rows.iter().map(|&i| ttfv[i].is_some()).collect();
    let km = KaplanMeier::fit(&times, &events);
    let q = |p| stats::quantile_linear(&reached, p);
    let by = |d: f64| 1.0 - km.survival_at(d);
    let vals = vec![
        Some(rows.len() as f64),
        Some(reached.len() as f64),
        stats::mean(&reached),
        q(0.5),
        q(0.25),
        q(0.75),
        q(0.9),
        km.median(),
        Some(by(30.0)),
        Some(by(60.0)),
        Some(by(90.0)),
    ];
    let j = TtfvGroup {
        n: rows.len() as u64,
        reached: reached.len() as u64,
        mean: vals[2],
        median: vals[3],
        p25: vals[4],
        p75: vals[5],
        p90: vals[6],
        km_median: vals[7],
        km_reached_by_30: vals[8],
        km_reached_by_60: vals[9],
        km_reached_by_90: vals[10],
    };
    (j, vals, km)
}

const STAT_COLUMNS: [&str; 11] = [
    "n",
    "reached",
    "mean",
    "median",
    "p25",
    "p75",
    "p90",
    "km_median",
    "km_reached_by_30",
    "km_reached_by_60",
    "km_reached_by_90",
];

pub fn ttfv(ctx: &Ctx, cohort: &DataFrame) -> anyhow::Result<TtfvOut> {
    if !ctx.has(s::MILESTONES) {
        return Ok(TtfvOut {
            section: None,
            tables: Vec::new(),
        });
    }
    let ttfv = f64s(cohort, s::TTFV_DAYS)?;
    let followup = f64s(cohort, s::FOLLOWUP_DAYS)?;
    let acv_labels = acv_band_labels(ctx.params.settings.acv_band_edges);
    let acv_order: Vec<&str> = acv_labels.iter().map(String::as_str).collect();
    let mut out = Ttfv::default();
    let mut tables = Vec::new();
    let mut curves: Vec<(String, f64, f64)> = Vec::new();
    for (key, column, order) in [
        ("by_segment", s::SEGMENT, &s::SEGMENTS[..]),
        ("by_acv_band", s::ACV_BAND, &acv_order[..]),
        ("by_quality_band", s::QUALITY_BAND, &s::BANDS[..]),
    ] {
        let keys = strs(cohort, column)?;
        let mut names = Vec::new();
        let mut cols: Vec<Vec<Option<f64>>> = vec![Vec::new(); STAT_COLUMNS.len()];
        for (g, rows) in group_rows(&keys, order) {
            let (j, vals, km) = group_stats(&ttfv, &followup, &rows);
            match key {
                "by_segment" => {
                    out.by_segment.insert(parse_key(&g)?, j);
                }
                "by_acv_band" => {
                    out.by_acv_band.insert(g.clone(), j);
                }
                _ => {
                    out.by_quality_band.insert(parse_key(&g)?, j);
                }
            }
            for (c, v) in cols.iter_mut().zip(vals) {
                c.push(v);
            }
            if column == s::QUALITY_BAND {
                curves.push((g.clone(), 0.0, 1.0));
                for (t, sv) in km.steps() {
                    curves.push((g.clone(), *t, *sv));
                }
            }
            names.push(g);
        }
        let mut columns = vec![Column::new("group".into(), names)];
        for (name, c) in STAT_COLUMNS.iter().zip(cols) {
            columns.push(Column::new((*name).into(), c));
        }
        tables.push((format!("ttfv_{key}"), frame(columns)?));
    }
    tables.push((
        "ttfv_km_curves".into(),
        frame(vec![
            Column::new(
                "band".into(),
                curves.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
            ),
            Column::new("day".into(), curves.iter().map(|c| c.1).collect::<Vec<_>>()),
            Column::new(
                "share_not_reached".into(),
                curves.iter().map(|c| c.2).collect::<Vec<_>>(),
            ),
        ])?,
    ));
    Ok(TtfvOut {
        section: Some(out),
        tables,
    })
}

#[cfg(test)]
mod tests {
    use crate::testkit::{close, Data};

    /// As of 2026-10-31 (A = 2026-11-01T00:00Z), trailing cohort of October 2026 =
    /// date(C) in [2025-11-01, 2026-10-31]. No handoffs: every deal is `substandard`.
    fn data() -> Data {
        Data::new("2026-10-31")
            .deals(&[
                // enterprise
                "E1,A1,enterprise,24999.99,2026-08-01T00:00:00Z,rep",
                "E2,A2,enterprise,25000,2026-08-01T00:00:00Z,rep",
                "E3,A3,enterprise,99999,2026-08-01T00:00:00Z,rep",
                "E4,A4,enterprise,100000,2026-10-21T00:00:00Z,rep",
                "E5,A5,enterprise,499999.99,2026-08-01T00:00:00Z,rep",
                "E6,A6,enterprise,500000,2026-07-02T00:00:00Z,rep",
                // smb
                "S1,A7,smb,0,2026-10-01T00:00:00Z,rep",
                "S2,A8,smb,1000,2026-10-01T00:00:00Z,rep",
                "S3,A9,smb,1000,2026-10-01T00:00:00Z,rep",
                // mid_market
                "N1,A10,mid_market,1000000,2026-10-20T00:00:00Z,rep",
                // before the trailing year: must not count.
                "O1,A11,enterprise,1000,2025-10-31T00:00:00Z,rep",
            ])
            .csv(
                "milestones",
                &[
                    "account_id,milestone,achieved_at",
                    "A1,first_value,2026-08-11T00:00:00Z",
                    "A2,first_value,2026-09-01T00:00:00Z",
                    "A2,first_value,2026-08-21T12:00:00Z",
                    "A5,first_value,2026-11-01T00:00:00Z",
                    "A6,first_value,2026-08-11T00:00:00Z",
                    "A7,first_value,2026-10-06T00:00:00Z",
                    "A11,first_value,2025-11-05T00:00:00Z",
                ],
            )
    }

    #[test]
    fn enterprise_descriptives_and_km_with_censoring() {
        let run = data().run("2026-10");
        let g = |k: &str| run.num(&format!("ttfv/by_segment/enterprise/{k}"));
        // Reached: E1 10 d, E2 20.5 d (earliest of two), E6 40 d (07-02 → 08-11).
        // Censored at A − C: E3 92 d (08-01 → 11-01), E4 11 d (10-21 → 11-01),
        // E5 92 d (its milestone at A does not exist). O1 is outside the trailing year.
        assert_eq!(g("n"), 6.0);
        assert_eq!(g("reached"), 3.0);
        close(g("mean"), 70.5 / 3.0, "mean = (10 + 20.5 + 40) / 3 = 23.5");
        close(g("median"), 20.5, "median");
        close(g("p25"), 15.25, "p25: 10 + 0.5·10.5");
        close(g("p75"), 30.25, "p75: 20.5 + 0.5·19.5");
        close(g("p90"), 36.1, "p90: 20.5 + 0.8·19.5");
        // KM: t=10 6 at risk → 5/6; E4 censored at 11; t=20.5 4 at risk → 5/6·3/4 = 0.625;
        // t=40 3 at risk → 0.625·2/3 = 0.41667 ≤ 0.5 → km_median 40 (not the naive 20.5).
        close(g("km_median"), 40.0, "km_median");
        close(g("km_reached_by_30"), 0.375, "1 − 0.625");
        close(
            g("km_reached_by_60"),
            1.0 - 0.625 * 2.0 / 3.0,
            "1 − 0.41667",
        );
        close(
            g("km_reached_by_90"),
            1.0 - 0.625 * 2.0 / 3.0,
            "no event in (60, 90]",
        );
    }

    #[test]
    fn km_median_null_when_survival_stays_above_half() {
        let run = data().run("2026-10");
        let g = |k: &str| format!("ttfv/by_segment/smb/{k}");
        // S1 reached at 5 d; S2, S3 censored at 31 d → S = 2/3 > 0.5 throughout.
        assert_eq!(run.num(&g("reached")), 1.0);
        assert_eq!(run.num(&g("median")), 5.0);
        assert!(run.is_null(&g("km_median")));
        close(run.num(&g("km_reached_by_30")), 1.0 / 3.0, "1 − 2/3");
        // mid_market: one deal, never reached: descriptives null, KM reached 0.
        let m = |k: &str| format!("ttfv/by_segment/mid_market/{k}");
        assert_eq!(run.num(&m("n")), 1.0);
        assert_eq!(run.num(&m("reached")), 0.0);
        assert!(run.is_null(&m("mean")));
        assert!(run.is_null(&m("median")));
        assert!(run.is_null(&m("km_median")));
        assert_eq!(run.num(&m("km_reached_by_90")), 0.0);
        // A segment with no deal is absent.
        assert!(run.get("ttfv/by_segment").get("strategic").is_none());
    }

    #[test]
    fn acv_bands_lower_edge_inclusive_and_km_median_at_exactly_half() {
        let run = data().run("2026-10");
        let n = |b: &str| run.num(&format!("ttfv/by_acv_band/{b}/n"));
        // <25k: E1 (24 999.99), S1 (0), S2, S3; 25k-100k: E2 (25 000), E3 (99 999);
        // 100k-500k: E4 (100 000), E5 (499 999.99); 500k+: E6 (500 000), N1 (1 000 000).
        assert_eq!(n("<25k"), 4.0);
        assert_eq!(n("25k-100k"), 2.0);
        assert_eq!(n("100k-500k"), 2.0);
        assert_eq!(n("500k+"), 2.0);
        // 25k-100k: E2 event at 20.5 with 2 at risk → S = 0.5 ≤ 0.5 → km_median 20.5.
        close(
            run.num("ttfv/by_acv_band/25k-100k/km_median"),
            20.5,
            "S(t) = 0.5 exactly",
        );
    }

    #[test]
    fn by_quality_band_over_all_deals() {
        let run = data().run("2026-10");
        let g = |k: &str| run.num(&format!("ttfv/by_quality_band/substandard/{k}"));
        // All 10 trailing deals are substandard; reached 5, 10, 20.5, 40.
        assert_eq!(g("n"), 10.0);
        assert_eq!(g("reached"), 4.0);
        close(g("mean"), 18.875, "75.5 / 4");
        close(g("median"), 15.25, "(10 + 20.5) / 2");
        close(g("p25"), 8.75, "5 + 0.75·5");
        close(g("p75"), 25.375, "20.5 + 0.25·19.5");
        close(g("p90"), 34.15, "20.5 + 0.7·19.5");
        // KM: 5 → 9/10; 10 → 0.8; censored 11, 12 (N1); 20.5 (6 at risk) → 0.8·5/6 = 2/3;
        // censored 31, 31; 40 (3 at risk) → 2/3·2/3 = 4/9 → median 40.
        close(g("km_median"), 40.0, "km_median");
        close(g("km_reached_by_30"), 1.0 / 3.0, "1 − 2/3");
        close(g("km_reached_by_90"), 5.0 / 9.0, "1 − 4/9");
        assert!(run.get("ttfv/by_quality_band").get("excellent").is_none());
    }

    #[test]
    fn missing_milestones_table_gives_null() {
        let run = Data::new("2026-10-31")
            .deals(&["E1,A1,enterprise,1,2026-10-01T00:00:00Z,rep"])
            .run("2026-10");
        assert!(run.is_null("ttfv"));
    }
}
