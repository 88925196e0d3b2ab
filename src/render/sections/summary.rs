//! Report section `summary`: the plain-language statistics summary of the quarterly report —
//! the KPI tiles, one paragraph with the rates, relative risks and the chi-square test, and
//! the verdict worded as association, never causation, with the low-sample bands named.

use super::outcome_parts::*;
use super::*;
use crate::metrics::churn::{FirstYearChurn, RatioEstimate};
use crate::vocab::Band;

pub(crate) fn q_summary(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("summary", &view.text().msg("section-summary", &[]));
    let Some(churn) = FirstYearChurn::read(m) else {
        sec.push(Block::Callout(
            Rag::Amber,
            vec![msg_spans("summary-no-renewals", &[])],
        ));
        return sec;
    };
    sec.cohort = Some(cohort_mature(m));
    sec.push(Block::Kpis(tiles(m, &churn)));
    sec.push(Block::Para(paragraph(&churn)));
    let (rag, verdict) = verdict(&churn);
    sec.push(Block::Callout(rag, verdict));
    sec
}

fn value(e: Option<RatioEstimate>) -> Option<f64> {
    e.and_then(|e| e.value)
}

fn ci(e: Option<RatioEstimate>) -> String {
    ci_num2(e.and_then(|e| e.ci_low), e.and_then(|e| e.ci_high))
}

fn tiles(m: &Value, churn: &FirstYearChurn) -> Vec<Kpi> {
    let band_tile = |band: Band, id: &str| {
        let r = rate_of(churn.by_band.get(&band));
        Kpi {
            label: q(id, &[]),
            value: pct(r.rate),
            detail: Some(q(
                "summary-tile-ci-n",
                &[("ci", &ci_pct(r.lo, r.hi)), ("n", &int(r.n))],
            )),
            low: r.low,
            ..Kpi::default()
        }
    };
    let (rr, rr_adj) = (churn.relative_risk, churn.relative_risk_adjusted);
    let mut kpis = vec![
        band_tile(Band::Substandard, "summary-tile-churn-substandard"),
        band_tile(Band::Excellent, "summary-tile-churn-excellent"),
        Kpi {
            label: q("summary-tile-rr", &[]),
            value: num2(value(rr)),
            detail: Some(estimate_detail(rr.as_ref())),
            ..Kpi::default()
        },
        Kpi {
            label: q("summary-tile-rr-adjusted", &[]),
            value: num2(value(rr_adj)),
            detail: Some(estimate_detail(rr_adj.as_ref())),
            ..Kpi::default()
        },
        Kpi {
            label: q("summary-tile-arr", &[]),
            value: money(churn.arr_at_stake),
            detail: Some(q("summary-tile-arr-detail", &[])),
            ..Kpi::default()
        },
    ];
    if let Some(mean) = QualityScores::read(m).and_then(|q| q.mean) {
        let deals = CohortSizes::read(m).map(|c| c.period_deals);
        kpis.push(Kpi {
            label: q("summary-tile-score", &[]),
            value: num1(Some(mean)),
            rag: rag_score(Some(mean)),
            detail: Some(crate::text::text_n(
                "summary-tile-deals-closed",
                &[("n", &int(deals))],
                &[("count", deals.unwrap_or(0) as f64)],
            )),
            ..Kpi::default()
        });
    }
    kpis
}

/// The rates, relative risks and chi-square test in one paragraph.
fn paragraph(churn: &FirstYearChurn) -> Vec<Span> {
    let sub = rate_of(churn.by_band.get(&Band::Substandard));
    let exc = rate_of(churn.by_band.get(&Band::Excellent));
    let mark = |low: bool| if low { "†" } else { "" };
    let mut p = match (sub.rate, exc.rate) {
        (Some(rs), Some(re)) => msg_spans(
            "summary-rates",
            &[
                ("sub_rate", &pct(Some(rs))),
                ("sub_low", mark(sub.low)),
                ("sub_ci", &ci_pct(sub.lo, sub.hi)),
                ("sub_k", &int(sub.k)),
                ("sub_n", &int(sub.n)),
                ("exc_rate", &pct(Some(re))),
                ("exc_low", mark(exc.low)),
                ("exc_ci", &ci_pct(exc.lo, exc.hi)),
                ("exc_k", &int(exc.k)),
                ("exc_n", &int(exc.n)),
            ],
        ),
        (None, _) => msg_spans("summary-no-substandard", &[]),
        (_, None) => msg_spans("summary-no-excellent", &[]),
    };
    let (rr, rr_adj) = (churn.relative_risk, churn.relative_risk_adjusted);
    p.extend(match value(rr) {
        Some(v) => msg_spans("summary-rr", &[("value", &num2(Some(v))), ("ci", &ci(rr))]),
        None => msg_spans("summary-rr-none", &[]),
    });
    p.extend(match value(rr_adj) {
        Some(v) => msg_spans(
            "summary-rr-adjusted",
            &[("value", &num2(Some(v))), ("ci", &ci(rr_adj))],
        ),
        None => msg_spans("summary-rr-adjusted-none", &[]),
    });
    p.extend(match churn.chi_square.and_then(|c| c.p_value) {
        Some(pv) => msg_spans("summary-chi-square", &[("p", &sig3(Some(pv)))]),
        None => msg_spans("summary-chi-square-none", &[]),
    });
    p
}

/// The verdict in plain words: its colour and paragraphs.
fn verdict(churn: &FirstYearChurn) -> (Rag, Vec<Vec<Span>>) {
    let rr = churn.relative_risk;
    let chi_p = churn.chi_square.and_then(|c| c.p_value);
    let excludes_one = rr
        .and_then(|e| e.ci_low.zip(e.ci_high))
        .map(|(lo, hi)| lo > 1.0 || hi < 1.0);
    let mut verdict: Vec<Vec<Span>> = Vec::new();
    let mut rag = Rag::Amber;
    match (chi_p, excludes_one) {
        (None, None) => verdict.push(msg_spans("summary-verdict-not-computable", &[])),
        (Some(pv), _) if pv >= 0.05 => verdict.push(msg_spans(
            "summary-verdict-chance",
            &[("p", &sig3(Some(pv)))],
        )),
        (_, Some(false)) => verdict.push(msg_spans(
            if chi_p.is_some_and(|pv| pv < 0.05) {
                "summary-verdict-mixed-bands-differ"
            } else {
                "summary-verdict-mixed"
            },
            &[],
        )),
        _ => {
            rag = Rag::Red;
            let higher = value(rr).is_none_or(|v| v >= 1.0);
            verdict.push(msg_spans(
                if higher {
                    "summary-verdict-differs-higher"
                } else {
                    "summary-verdict-differs-lower"
                },
                &[],
            ));
        }
    }
    if let (Some(c), Some(a)) = (value(rr), value(churn.relative_risk_adjusted)) {
        if c > 0.0 && a > 0.0 {
            let shift = (a.ln() - c.ln()).abs();
            let id = if shift > 0.223 {
                "summary-adjustment-moves"
            } else {
                "summary-adjustment-barely"
            };
            verdict.push(msg_spans(
                id,
                &[("crude", &num2(Some(c))), ("adjusted", &num2(Some(a)))],
            ));
        }
    }
    let lows: Vec<String> = churn
        .by_band
        .iter()
        .filter(|(_, g)| g.low_sample)
        .map(|(band, _)| q(&format!("summary-band-{}", band.as_str()), &[]))
        .collect();
    if !lows.is_empty() {
        verdict.push(msg_spans_n(
            "summary-low-sample",
            &[("bands", &join_and(&lows))],
            &[("count", lows.len() as f64)],
        ));
    }
    verdict.push(msg_spans("summary-causation", &[]));
    (rag, verdict)
}
