//! Report section `adjusted` (METRICS.md §4.13–§4.14): the adjusted hazard ratios beside the
//! crude and Mantel–Haenszel relative risks, and the smallest detectable relative risk
//! whenever the crude one is not significant. Worded as associations.

use super::outcome_parts::*;
use super::*;
use crate::metrics::churn::FirstYearChurn;
use crate::metrics::cox::{BandCox, ScoreCox};
use crate::vocab::Band;

/// The smallest detectable relative risk, said whenever the crude one is not significant.
fn power_sentence(churn: &FirstYearChurn) -> Option<Vec<Span>> {
    let rr = churn.relative_risk;
    let (lo, hi) = (rr.and_then(|e| e.ci_low), rr.and_then(|e| e.ci_high));
    if matches!(ci_side(lo, hi), Some(Some(_))) {
        return None;
    }
    let crude = if rr.and_then(|e| e.value).is_some() {
        "computed"
    } else {
        "none"
    };
    let exc = rate_of(churn.by_band.get(&Band::Excellent));
    let sub = churn.by_band.get(&Band::Substandard).map(|g| g.n);
    Some(match churn.power.and_then(|p| p.mde_relative_risk) {
        Some(mde) => msg_spans(
            "adjusted-power",
            &[
                ("crude", crude),
                ("sub", &int(sub)),
                ("exc", &int(exc.n)),
                ("exc_rate", &pct(exc.rate)),
                ("mde", &num2(Some(mde))),
            ],
        ),
        None => msg_spans("adjusted-power-unknown", &[("crude", crude)]),
    })
}

/// Cox hazard ratios beside the crude and Mantel–Haenszel relative risks, and power.
pub fn q_adjusted(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("adjusted", &q("adjusted-title", &[])).cohort(cohort_survival(m));
    let Some(churn) = FirstYearChurn::read(m) else {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    };
    sec.push(Block::Para(msg_spans("adjusted-intro", &[])));
    let mut table = table_of(&[
        "adjusted-col-comparison",
        "adjusted-col-cohort",
        "adjusted-col-ratio",
        "adjusted-col-ci",
        "adjusted-col-p",
        "adjusted-col-reading",
    ]);
    let mut row =
        |name: &str, cohort: &str, value: Option<f64>, ci: (Option<f64>, Option<f64>), p| {
            let (lo, hi) = ci;
            table.rows.push(vec![
                Cell::text(q(name, &[])),
                Cell::text(q(cohort, &[])),
                Cell::num(num2(value)).strong(),
                Cell::num(ci_num2(lo, hi)),
                Cell::num(sig3(p)),
                Cell::text(q(&format!("adjusted-reading-{}", ci_reading(lo, hi)), &[])),
            ]);
        };
    for (name, e) in [
        ("adjusted-rr-crude", churn.relative_risk),
        ("adjusted-rr-segments", churn.relative_risk_adjusted),
    ] {
        let ci = (e.and_then(|e| e.ci_low), e.and_then(|e| e.ci_high));
        row(
            name,
            "adjusted-cohort-mature",
            e.and_then(|e| e.value),
            ci,
            None,
        );
    }
    let cox = BandCox::read(m);
    if let Some(hr) = cox.as_ref().map(|c| &c.hazard_ratios) {
        for (name, h) in [
            ("adjusted-hr-substandard", hr.substandard),
            ("adjusted-hr-acceptable", hr.acceptable),
            ("adjusted-hr-good", hr.good),
        ] {
            if let Some(h) = h {
                row(
                    name,
                    "adjusted-cohort-survival",
                    h.value,
                    (h.ci_low, h.ci_high),
                    h.p_value,
                );
            }
        }
    }
    let score = ScoreCox::read(m).and_then(|c| c.hazard_ratios.score_per_10);
    if let Some(h) = score {
        let ci = (h.ci_low, h.ci_high);
        row(
            "adjusted-hr-score",
            "adjusted-cohort-survival",
            h.value,
            ci,
            h.p_value,
        );
    }
    table.notes.push(format!("{}.", short_mature(m)));
    table.notes.push(format!("{}.", short_survival(m)));
    if score.is_some() {
        table.notes.push(q("adjusted-note-score", &[]));
    }
    if cox.is_none() {
        table.notes.push(q("adjusted-note-no-model", &[]));
    }
    sec.push(Block::Table(table));
    if let Some(spans) = power_sentence(&churn) {
        sec.push(Block::Para(spans));
    }
    sec
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn power_sentence_only_when_the_crude_rr_is_not_significant() {
        let mut m = serde_json::json!({
            "churn": {
                "by_band": {
                    "substandard": {"n": 120, "churned": 20, "rate": 0.17, "ci_low": 0.1,
                                    "ci_high": 0.2, "low_sample": false},
                    "excellent": {"n": 60, "churned": 6, "rate": 0.1, "ci_low": 0.05,
                                  "ci_high": 0.2, "low_sample": false}
                },
                "relative_risk": {"value": 1.4, "ci_low": 0.8, "ci_high": 2.4},
                "relative_risk_adjusted": null, "chi_square": null, "point_biserial": null,
                "arr_at_stake": null, "logrank": null,
                "power": {"alpha": 0.05, "power": 0.8, "mde_relative_risk": 2.6},
                "retention_by_band": {}, "n": 180
            },
            "cox": null, "cox_score": null
        });
        fn blocks(m: &Value) -> String {
            let view = ReportView {
                metrics: m,
                tables: &[],
                settings: crate::render::test_settings(),
            };
            format!("{:?}", q_adjusted(&view).blocks)
        }
        let all = blocks(&m);
        assert!(all.contains("detect only a relative risk of"), "{all}");
        assert!(all.contains("2.60"));
        assert!(all.contains("120 substandard and 60 excellent"));
        m["churn"]["relative_risk"]["ci_low"] = serde_json::json!(1.1);
        assert!(!blocks(&m).contains("detect only"));
    }
}
