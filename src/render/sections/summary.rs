//! Report section `summary`: its content, wording and chart references.

use super::*;

pub(crate) fn q_summary(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("summary", &view.text().msg("section-summary", &[]));
    let churn = at(m, &["churn"]);
    if churn.is_null() {
        sec.push(Block::Callout(
            Rag::Amber,
            vec![vec![t(
                "First-year churn, expansion and retention are not available (table renewals not provided), so this report cannot relate handoff quality to customer outcomes. The sections below show what the other inputs support.",
            )]],
        ));
        return sec;
    }
    sec.cohort = Some(cohort_mature(m));
    let sub = band_rate(at(churn, &["by_band", "substandard"]), "churned");
    let exc = band_rate(at(churn, &["by_band", "excellent"]), "churned");
    let rr = at(churn, &["relative_risk"]);
    let rr_adj = at(churn, &["relative_risk_adjusted"]);
    let chi_p = fnum(churn, &["chi_square", "p_value"]);

    // KPI tiles.
    let mut kpis = vec![
        Kpi {
            label: "First-year churn, substandard".into(),
            value: pct(sub.rate),
            detail: Some(format!(
                "95% CI {} · n = {}",
                ci_pct(sub.lo, sub.hi),
                int(sub.n)
            )),
            low: sub.low,
            ..Kpi::default()
        },
        Kpi {
            label: "First-year churn, excellent".into(),
            value: pct(exc.rate),
            detail: Some(format!(
                "95% CI {} · n = {}",
                ci_pct(exc.lo, exc.hi),
                int(exc.n)
            )),
            low: exc.low,
            ..Kpi::default()
        },
        Kpi {
            label: "Relative risk (crude)".into(),
            value: num2(fnum(rr, &["value"])),
            detail: Some(rr_detail(rr)),
            ..Kpi::default()
        },
        Kpi {
            label: "Relative risk, segment-adjusted".into(),
            value: num2(fnum(rr_adj, &["value"])),
            detail: Some(rr_detail(rr_adj)),
            ..Kpi::default()
        },
        Kpi {
            label: "ARR at stake".into(),
            value: money(fnum(churn, &["arr_at_stake"])),
            detail: Some("ACV of substandard deals × churn-rate gap".into()),
            ..Kpi::default()
        },
    ];
    if let Some(q) = QualityScores::read(m).and_then(|q| q.mean) {
        kpis.push(Kpi {
            label: "Mean quality score this quarter".into(),
            value: num1(Some(q)),
            rag: rag_score(Some(q)),
            detail: Some(
                plural(
                    CohortSizes::read(m).map(|c| c.period_deals),
                    "deal",
                    "deals",
                ) + " closed",
            ),
            ..Kpi::default()
        });
    }
    sec.push(Block::Kpis(kpis));

    // The plain-language paragraph.
    let mut p: Vec<Span> = Vec::new();
    match (sub.rate, exc.rate) {
        (Some(rs), Some(re)) => {
            p.push(t("Customers whose handoff was substandard churned in their first year at "));
            p.push(b(pct(Some(rs))));
            p.extend(low_span(sub.low));
            p.push(t(format!(
                " (95% CI {}; {} of {}) against ",
                ci_pct(sub.lo, sub.hi),
                int(sub.k),
                int(sub.n)
            )));
            p.push(b(pct(Some(re))));
            p.extend(low_span(exc.low));
            p.push(t(format!(
                " (95% CI {}; {} of {}) for excellent handoffs",
                ci_pct(exc.lo, exc.hi),
                int(exc.k),
                int(exc.n)
            )));
        }
        (None, _) => p.push(t(
            "The mature cohort has no substandard handoffs, so substandard and excellent handoffs cannot be compared",
        )),
        (_, None) => p.push(t(
            "The mature cohort has no excellent handoffs, so substandard and excellent handoffs cannot be compared",
        )),
    }
    match fnum(rr, &["value"]) {
        Some(v) => {
            p.push(t("; relative risk "));
            p.push(b(num2(Some(v))));
            p.push(t(format!(
                " (95% CI {})",
                ci_num2(fnum(rr, &["ci_low"]), fnum(rr, &["ci_high"]))
            )));
        }
        None => p.push(t(
            "; the relative risk cannot be computed (a churn count or a band is zero)",
        )),
    }
    match fnum(rr_adj, &["value"]) {
        Some(v) => {
            p.push(t("; segment-adjusted (Mantel–Haenszel) relative risk "));
            p.push(b(num2(Some(v))));
            p.push(t(format!(
                " (95% CI {})",
                ci_num2(fnum(rr_adj, &["ci_low"]), fnum(rr_adj, &["ci_high"]))
            )));
        }
        None => p.push(t("; the segment-adjusted relative risk cannot be computed")),
    }
    match chi_p {
        Some(pv) => {
            p.push(t("; chi-square test across the bands p = "));
            p.push(b(sig3(Some(pv))));
            p.push(t("."));
        }
        None => p.push(t("; the chi-square test cannot be computed.")),
    }
    sec.push(Block::Para(p));

    // The verdict, in plain words.
    let excludes_one = |v: &Value| match (fnum(v, &["ci_low"]), fnum(v, &["ci_high"])) {
        (Some(lo), Some(hi)) => Some(lo > 1.0 || hi < 1.0),
        _ => None,
    };
    let mut verdict: Vec<Vec<Span>> = Vec::new();
    let mut rag = Rag::Amber;
    let rr_sig = excludes_one(rr);
    match (chi_p, rr_sig) {
        (None, None) => verdict.push(vec![b(
            "The data cannot support a conclusion about handoff quality and first-year churn: the tests cannot be computed on this cohort.",
        )]),
        (Some(pv), _) if pv >= 0.05 => verdict.push(vec![
            b("The data cannot support a conclusion: "),
            t(format!(
                "with p = {} (≥ 0.05) the differences between bands are within what chance alone would often produce.",
                sig3(Some(pv))
            )),
        ]),
        (_, Some(false)) => verdict.push(vec![
            b("Evidence is mixed: "),
            t(if chi_p.is_some_and(|pv| pv < 0.05) {
                "churn differs across the bands (p < 0.05), but the confidence interval of the substandard-vs-excellent relative risk includes 1, so that comparison on its own is not conclusive."
            } else {
                "the confidence interval of the substandard-vs-excellent relative risk includes 1, so the comparison is not conclusive."
            }),
        ]),
        _ => {
            rag = Rag::Red;
            let higher = fnum(rr, &["value"]).is_none_or(|v| v >= 1.0);
            verdict.push(vec![
                b("Churn differs by handoff quality beyond what chance would readily explain: "),
                t(if higher {
                    "substandard handoffs go with markedly higher first-year churn than excellent ones."
                } else {
                    "substandard handoffs go with lower first-year churn than excellent ones, against expectation — check the data."
                }),
            ]);
        }
    }
    if let (Some(c), Some(a)) = (fnum(rr, &["value"]), fnum(rr_adj, &["value"])) {
        if c > 0.0 && a > 0.0 {
            let shift = (a.ln() - c.ln()).abs();
            verdict.push(vec![t(if shift > 0.223 {
                format!(
                    "Adjusting for segment moves the relative risk from {} to {}: part of the crude difference reflects the segment mix, not the handoff.",
                    num2(Some(c)),
                    num2(Some(a))
                )
            } else {
                format!(
                    "Adjusting for segment barely changes the relative risk ({} → {}), so the segment mix does not explain the difference.",
                    num2(Some(c)),
                    num2(Some(a))
                )
            })]);
        }
    }
    let lows: Vec<String> = band_keys(at(churn, &["by_band"]))
        .into_iter()
        .filter(|k| group_n(at(churn, &["by_band", k])).1)
        .collect();
    if !lows.is_empty() {
        verdict.push(vec![
            t(format!(
                "Low sample: the {} band{} {} fewer than 30 mature deals (marked ",
                join_and(&lows),
                if lows.len() == 1 { "" } else { "s" },
                if lows.len() == 1 { "has" } else { "have" }
            )),
            Span::Low,
            t("), so the rates are imprecise."),
        ]);
    }
    verdict.push(vec![
        b("Correlation, not causation. "),
        t("These figures show how churn goes with handoff quality; they do not prove that better handoffs cause lower churn. Deals with poor handoffs may differ in other ways (deal size, customer readiness, product fit) that also drive churn; the segment adjustment removes one such difference, not all."),
    ]);
    sec.push(Block::Callout(rag, verdict));
    sec
}
