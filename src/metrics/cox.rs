//! METRICS.md §4.13 adjusted hazard ratios: two Cox models over the survival cohort, time and
//! event as the §4.9 retention curves, stratified by segment (each segment its own
//! baseline hazard). `cox` takes the band indicators (excellent the reference) and log
//! ACV; `cox_score` the quality score per 10 points and log ACV. The fitting itself is
//! [`crate::stats::cox_fit_ordered`], both models walking one [`RiskOrder`]; this file
//! builds the designs and decides when a model is null.

use polars::prelude::*;
use serde::{Deserialize, Serialize};
use statrs::function::erf::erfc;

use super::churn::finite;
use super::typed::MetricSection;
use super::{bools, f64s, frame, strs};
use crate::schema as s;
use crate::stats::{self, RiskOrder, Z95};

/// One covariate's hazard ratio with its 95% interval and Wald p-value.
#[derive(Debug, Clone, PartialEq)]
pub struct HazardRatio {
    pub covariate: String,
    pub value: f64,
    pub ci_low: f64,
    pub ci_high: f64,
    pub p_value: f64,
}

/// A fitted model as reported.
#[derive(Debug, Clone, PartialEq)]
pub struct CoxModel {
    pub n: usize,
    pub events: usize,
    pub ratios: Vec<HazardRatio>,
}

impl CoxModel {
    /// The hazard ratio of a covariate as reported (`None` when the model lacks it).
    fn reported(&self, covariate: &str) -> Option<Hazard> {
        let r = self.ratios.iter().find(|r| r.covariate == covariate)?;
        Some(Hazard {
            value: finite(r.value),
            ci_low: finite(r.ci_low),
            ci_high: finite(r.ci_high),
            p_value: finite(r.p_value),
        })
    }

    fn band_model(&self) -> BandCox {
        BandCox {
            n: self.n as u64,
            events: self.events as u64,
            hazard_ratios: BandHazards {
                good: self.reported("good"),
                acceptable: self.reported("acceptable"),
                substandard: self.reported("substandard"),
                log_acv: self.reported("log_acv"),
            },
        }
    }

    fn score_model(&self) -> ScoreCox {
        ScoreCox {
            n: self.n as u64,
            events: self.events as u64,
            hazard_ratios: ScoreHazards {
                score_per_10: self.reported("score_per_10"),
                log_acv: self.reported("log_acv"),
            },
        }
    }
}

/// A hazard ratio with its 95% interval and Wald p-value, as `metrics.json` holds it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Hazard {
    pub value: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub p_value: Option<f64>,
}

/// The band model's hazard ratios vs excellent; a band without deals is absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BandHazards {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub good: Option<Hazard>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acceptable: Option<Hazard>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substandard: Option<Hazard>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_acv: Option<Hazard>,
}

/// METRICS.md §4.13 band model (`metrics.json` → `cox`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BandCox {
    pub n: u64,
    pub events: u64,
    pub hazard_ratios: BandHazards,
}

impl MetricSection for BandCox {
    const KEY: &'static str = "cox";
}

/// The score model's hazard ratios: per 10 quality points and per log ACV.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreHazards {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_per_10: Option<Hazard>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_acv: Option<Hazard>,
}

/// METRICS.md §4.13 score model (`metrics.json` → `cox_score`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreCox {
    pub n: u64,
    pub events: u64,
    pub hazard_ratios: ScoreHazards,
}

impl MetricSection for ScoreCox {
    const KEY: &'static str = "cox_score";
}

/// The survival cohort's columns the models use.
struct Survival<'a> {
    band: Vec<Option<&'a str>>,
    segment: Vec<Option<&'a str>>,
    log_acv: Vec<f64>,
    score: Vec<f64>,
    time: Vec<f64>,
    event: Vec<bool>,
}

/// Fit the covariates `x` (row-major, one row of `names.len()` values per subject).
fn fit(
    data: &Survival<'_>,
    order: &RiskOrder,
    names: &[String],
    x: &[f64],
) -> Option<Vec<HazardRatio>> {
    let f = stats::cox_fit_ordered(order, x, names.len(), &data.time, &data.event)?;
    let ratios = names
        .iter()
        .zip(f.beta.iter().zip(&f.se))
        .map(|(name, (&b, &se))| HazardRatio {
            covariate: name.clone(),
            value: b.exp(),
            ci_low: (b - Z95 * se).exp(),
            ci_high: (b + Z95 * se).exp(),
            p_value: erfc((b / se).abs() / std::f64::consts::SQRT_2),
        })
        .collect();
    Some(ratios)
}

/// `cox`: band indicators for the bands with deals (excellent the reference) and log ACV.
fn band_model(d: &Survival<'_>, order: &RiskOrder) -> Option<Vec<HazardRatio>> {
    use s::BANDS;
    // Each subject's band as an index into BANDS (excellent first), looked up once.
    let band: Vec<Option<usize>> = (d.band.iter())
        .map(|b| BANDS.iter().position(|name| b.as_deref() == Some(*name)))
        .collect();
    let (mut deals, mut events) = ([0usize; 4], [0usize; 4]);
    for (b, e) in band.iter().zip(&d.event) {
        if let Some(b) = b {
            deals[*b] += 1;
            events[*b] += *e as usize;
        }
    }
    if deals[0] == 0 || events[0] == 0 {
        return None;
    }
    let modelled: Vec<usize> = (1..BANDS.len()).filter(|&b| deals[b] > 0).collect();
    if modelled.iter().any(|&b| events[b] == 0) {
        return None;
    }
    let mut x = Vec::with_capacity(band.len() * (modelled.len() + 1));
    for (b, log_acv) in band.iter().zip(&d.log_acv) {
        x.extend(modelled.iter().map(|m| (*b == Some(*m)) as u8 as f64));
        x.push(*log_acv);
    }
    let mut names: Vec<String> = modelled.iter().map(|&b| BANDS[b].to_string()).collect();
    names.push("log_acv".into());
    fit(d, order, &names, &x)
}

/// `cox_score`: quality score per 10 points and log ACV.
fn score_model(d: &Survival<'_>, order: &RiskOrder) -> Option<Vec<HazardRatio>> {
    let x: Vec<f64> = (d.score.iter().zip(&d.log_acv))
        .flat_map(|(score, log_acv)| [score / 10.0, *log_acv])
        .collect();
    fit(d, order, &["score_per_10".into(), "log_acv".into()], &x)
}

pub struct Cox {
    pub cox: Option<BandCox>,
    pub cox_score: Option<ScoreCox>,
    /// model, covariate, hazard_ratio, ci_low, ci_high, p_value.
    pub table: DataFrame,
}

/// Both models over the survival cohort (the caller returns null without renewals).
pub fn cox(survival: &DataFrame) -> anyhow::Result<Cox> {
    let zeros =
        |v: Vec<Option<f64>>| -> Vec<f64> { v.into_iter().map(|x| x.unwrap_or(0.0)).collect() };
    let data = Survival {
        band: strs(survival, s::QUALITY_BAND)?,
        segment: strs(survival, s::SEGMENT)?,
        log_acv: zeros(f64s(survival, s::ACV)?)
            .into_iter()
            .map(f64::ln_1p)
            .collect(),
        score: zeros(f64s(survival, s::QUALITY_SCORE)?),
        time: zeros(f64s(survival, s::CHURN_DAYS)?),
        event: bools(survival, s::CHURN_EVENT)?,
    };
    let n = data.time.len();
    let events = data.event.iter().filter(|e| **e).count();
    let model =
        |ratios: Option<Vec<HazardRatio>>| ratios.map(|ratios| CoxModel { n, events, ratios });
    let (cox, cox_score) = if events == 0 {
        (None, None)
    } else {
        // Both models walk the subjects in one order (same times and strata); the two fits
        // are otherwise independent: one on another thread halves their wall time.
        let order = RiskOrder::new(&data.time, &data.segment);
        let (band, score) =
            crate::parallel::join(|| band_model(&data, &order), || score_model(&data, &order));
        (model(band), model(score))
    };
    let rows: Vec<(&str, &HazardRatio)> = [("cox", &cox), ("cox_score", &cox_score)]
        .into_iter()
        .filter_map(|(name, m)| m.as_ref().map(|m| (name, m)))
        .flat_map(|(name, m)| m.ratios.iter().map(move |r| (name, r)))
        .collect();
    let col = |name: &str, f: fn(&HazardRatio) -> f64| {
        Column::new(name.into(), rows.iter().map(|r| f(r.1)).collect::<Vec<_>>())
    };
    let table = frame(vec![
        Column::new("model".into(), rows.iter().map(|r| r.0).collect::<Vec<_>>()),
        Column::new(
            "covariate".into(),
            rows.iter()
                .map(|r| r.1.covariate.as_str())
                .collect::<Vec<_>>(),
        ),
        col("hazard_ratio", |r| r.value),
        col("ci_low", |r| r.ci_low),
        col("ci_high", |r| r.ci_high),
        col("p_value", |r| r.p_value),
    ])?;
    Ok(Cox {
        cox: cox.as_ref().map(CoxModel::band_model),
        cox_score: cox_score.as_ref().map(CoxModel::score_model),
        table,
    })
}

#[cfg(test)]
mod tests {
    use crate::testkit::Data;

    const FULL: &str = "handoff_id,deal_id,meeting_at,intro_sent_at,doc_deal_summary,\
                        doc_stakeholder_map,doc_commitments,doc_risk_factors,mtg_all_attended,\
                        mtg_agenda_covered,mtg_questions_answered";

    /// Two excellent deals (X*) and two substandard ones (S*); `churns` are account ids
    /// with a churn event on 2025-06-01.
    fn data(churns: &[&str]) -> Data {
        let mut renewals = vec!["account_id,event_date,event".to_string()];
        renewals.extend(churns.iter().map(|a| format!("{a},2025-06-01,churn")));
        let renewals: Vec<&str> = renewals.iter().map(String::as_str).collect();
        Data::new("2026-10-31")
            .deals(&[
                "X1,AX1,smb,1000,2025-01-10T00:00:00Z,rep",
                "X2,AX2,smb,2000,2025-01-11T00:00:00Z,rep",
                "S1,AS1,smb,3000,2025-01-12T00:00:00Z,rep",
                "S2,AS2,enterprise,4000,2025-01-13T00:00:00Z,rep",
            ])
            .csv(
                "handoffs",
                &[
                    FULL,
                    "H1,X1,2025-01-11T00:00:00Z,2025-01-11T00:00:00Z,1,1,1,1,1,1,1",
                    "H2,X2,2025-01-12T00:00:00Z,2025-01-12T00:00:00Z,1,1,1,1,1,1,1",
                ],
            )
            .csv("renewals", &renewals)
    }

    #[test]
    fn null_when_no_event_or_excellent_has_no_event() {
        let run = data(&[]).run("2026-Q3");
        assert!(run.is_null("cox"));
        assert!(run.is_null("cox_score"));
        // Only substandard deals churn: excellent has no event → the band model is null.
        let run = data(&["AS1", "AS2"]).run("2026-Q3");
        assert!(run.is_null("cox"));
        // Excellent churns but substandard never does: a modelled band without an event.
        let run = data(&["AX1"]).run("2026-Q3");
        assert!(run.is_null("cox"));
    }
}
