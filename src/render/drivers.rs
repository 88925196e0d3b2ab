//! The quarterly report's sections for METRICS.md §4.12–§4.15, built into the same document model
//! as the rest of [`super`]: "what to fix first" (the churn drivers ranked by ARR at stake,
//! with Holm-adjusted p-values), the adjusted hazard ratios beside the crude and
//! Mantel–Haenszel relative risks with the smallest detectable relative risk, and churn by
//! close-quarter cohort. Worded as associations for a finance reader; the monthly review
//! shows none of it.

use serde_json::Value;

use super::{
    at, b, ci_num2, cohort_mature, cohort_survival, fnum, humanize, int, money, not_provided, num2,
    pct, short_mature, short_survival, sig3, t, unum, Block, Cell, ReportView, Section, Span,
    Table, LOW_SAMPLE,
};
use crate::schema as s;

/// A driver key in plain words (what "with" means).
pub fn driver_words(key: &str) -> String {
    match key {
        "doc_deal_summary" => "Deal summary documented",
        "doc_stakeholder_map" => "Stakeholder map documented",
        "doc_commitments" => "Commitments documented",
        "doc_risk_factors" => "Risk factors documented",
        "mtg_all_attended" => "Everyone at the handoff meeting",
        "mtg_agenda_covered" => "Meeting agenda covered",
        "mtg_questions_answered" => "CS questions answered",
        "sla_knowledge_transfer" => "Knowledge transfer on time",
        "sla_intro" => "Customer intro sent on time",
        "sla_cs_prep" => "CS preparation done on time",
        "sla_kickoff_scheduled" => "Kickoff booked on time",
        "sla_kickoff_held" => "Kickoff held on time",
        "sla_first_value" => "First value reached on time",
        "cs_accepted" => "CS accepted the handoff",
        "info_complete" => "All information filled in",
        other => return humanize(other),
    }
    .to_string()
}

/// The first letter in lower case, unless the first word is an acronym (`CS`).
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), s.chars().nth(1)) {
        (Some(c), Some(d)) if !d.is_uppercase() => c.to_lowercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

/// `12.7% of 150` with the low-sample mark when n < 30.
fn rate_cell(rate: Option<f64>, n: Option<u64>) -> Cell {
    match n {
        Some(0) | None => Cell::num("no deals"),
        Some(k) => Cell::num(format!("{} of {}", pct(rate), int(n))).low(k < LOW_SAMPLE),
    }
}

/// The ranking as listed in `drivers.ranking`.
pub fn ranking(drivers: &Value) -> Vec<String> {
    at(drivers, &["ranking"])
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// "What to fix first": every driver in ranking order, one chart and one table.
pub fn q_drivers(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new(
        "drivers",
        "What to fix first: the handoff practices linked to churn",
    )
    .cohort(cohort_mature(m));
    let drivers = at(m, &["drivers"]);
    if drivers.is_null() {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    }
    let keys = ranking(drivers);
    let tested = keys
        .iter()
        .filter(|k| fnum(drivers, &[k.as_str(), "p_value"]).is_some())
        .count();
    sec.push(Block::Para(vec![t(
        "Each practice splits the mature cohort into deals where it was done and deals where it was not. The table compares their first-year churn and puts a price on the gap: ARR at stake is the contract value of the deals without the practice × how much more often they churned. Practices come in order of ARR at stake, the first candidates for coaching. These are associations in past deals, not proof that fixing a practice will cut churn: deals that skip one step often skip others, and the practices overlap.",
    )]));
    if let Some(top) = keys
        .first()
        .filter(|k| fnum(drivers, &[k.as_str(), "arr_at_stake"]).is_some_and(|v| v > 0.0))
    {
        let d = at(drivers, &[top.as_str()]);
        let holm = fnum(d, &["p_holm"]);
        let mut spans: Vec<Span> = vec![
            t("Largest ARR at stake: "),
            b(lower_first(&driver_words(top))),
            t(" — churn "),
            b(pct(fnum(d, &["rate_without"]))),
            t(" without it vs "),
            b(pct(fnum(d, &["rate_with"]))),
            t(" with it, "),
            b(money(fnum(d, &["arr_at_stake"]))),
            t(" at stake"),
        ];
        spans.push(t(match holm {
            Some(p) if p < 0.05 => format!(
                "; the difference holds up after allowing for {tested} practices tested at once (Holm p = {}).",
                sig3(Some(p))
            ),
            Some(p) => format!(
                "; after allowing for {tested} practices tested at once the difference could still be chance (Holm p = {}).",
                sig3(Some(p))
            ),
            None => ".".into(),
        }));
        sec.push(Block::Para(spans));
    }
    if view.rows("churn_drivers").is_some() && view.is_quarterly() {
        sec.push(Block::Chart("churn_drivers".into()));
    }
    let mut table = Table::new(&[
        "Practice",
        "Churn with it",
        "Churn without it",
        "Relative risk (without ÷ with)",
        "95% CI",
        "Holm-adjusted p",
        "ARR at stake",
    ])
    .cohort(short_mature(m));
    for k in &keys {
        let d = at(drivers, &[k.as_str()]);
        table.rows.push(vec![
            Cell::text(driver_words(k)),
            rate_cell(fnum(d, &["rate_with"]), unum(d, &["n_with"])),
            rate_cell(fnum(d, &["rate_without"]), unum(d, &["n_without"])),
            Cell::num(num2(fnum(d, &["relative_risk"]))).strong(),
            Cell::num(ci_num2(fnum(d, &["ci_low"]), fnum(d, &["ci_high"]))),
            Cell::num(sig3(fnum(d, &["p_holm"]))),
            Cell::num(money(fnum(d, &["arr_at_stake"]))),
        ]);
    }
    table.notes.push(
        "Relative risk above 1: deals without the practice churned more often. A dash: not computable (a side has no deals or no churn).".into(),
    );
    table.notes.push(format!(
        "p-values from Fisher's exact test, adjusted with Holm's method for testing {tested} practices at once; below 0.05 the gap is unlikely to be chance alone."
    ));
    table.notes.push(
        "SLA practices leave out deals whose deadline has not passed; acceptance leaves out handoffs without a CS verdict.".into(),
    );
    sec.push(Block::Table(table));
    sec
}

/// Whether an estimate's 95% interval excludes 1.
fn significant(v: &Value) -> bool {
    match (fnum(v, &["ci_low"]), fnum(v, &["ci_high"])) {
        (Some(lo), Some(hi)) => lo > 1.0 || hi < 1.0,
        _ => false,
    }
}

fn ratio_reading(lo: Option<f64>, hi: Option<f64>) -> &'static str {
    match (lo, hi) {
        (Some(lo), _) if lo > 1.0 => "higher churn (CI above 1)",
        (_, Some(hi)) if hi < 1.0 => "lower churn (CI below 1)",
        (Some(_), Some(_)) => "inconclusive: the CI includes 1",
        _ => "not computable",
    }
}

/// The smallest detectable relative risk, said whenever the crude one is not significant.
fn power_sentence(m: &Value) -> Option<Vec<Span>> {
    let churn = at(m, &["churn"]);
    if significant(at(churn, &["relative_risk"])) {
        return None;
    }
    let sub = unum(churn, &["by_band", "substandard", "n"]);
    let exc = at(churn, &["by_band", "excellent"]);
    let opening = if fnum(churn, &["relative_risk", "value"]).is_some() {
        "The crude relative risk is not significant, but that does not show there is no effect."
    } else {
        "The crude relative risk cannot be computed (a band has no deal or no churn), which is no evidence of no effect either."
    };
    Some(match fnum(churn, &["power", "mde_relative_risk"]) {
        Some(rr) => vec![
            t(opening),
            t(" With "),
            t(format!(
                "{} substandard and {} excellent deals, and {} of excellent deals churning, the data could reliably (80% of the time, at the 5% level) detect only a relative risk of ",
                int(sub),
                int(unum(exc, &["n"])),
                pct(fnum(exc, &["rate"]))
            )),
            b(num2(Some(rr))),
            t(" or more; a smaller real difference could go unseen."),
        ],
        None => vec![
            t(opening),
            t(" The cohort is too small (or excellent deals churn never or always) to say how large an effect it could have detected: read this as \"not enough data\", not \"no effect\"."),
        ],
    })
}

/// Cox hazard ratios beside the crude and Mantel–Haenszel relative risks, and power.
pub fn q_adjusted(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new(
        "adjusted",
        "Is it the handoff or the deal? Adjusted comparisons",
    )
    .cohort(cohort_survival(m));
    let churn = at(m, &["churn"]);
    if churn.is_null() {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    }
    sec.push(Block::Para(vec![t(
        "Three ways to compare substandard with excellent handoffs, from simplest to most adjusted. The relative risks compare first-year churn rates (the second within each segment). The hazard ratios come from a Cox regression over every deal and all the time it has been followed, comparing deals of the same segment and the same deal size (log ACV): a hazard ratio of 1.5 means churning at 1.5 times the pace at any given time. If the adjusted numbers stay near the crude one, segment mix and deal size do not explain the gap; all remain associations.",
    )]));
    let mut table = Table::new(&[
        "Comparison",
        "Cohort",
        "Ratio",
        "95% CI",
        "p-value",
        "Reading",
    ]);
    let mut row = |name: String, cohort: &str, v: &Value, p: Option<f64>| {
        let (lo, hi) = (fnum(v, &["ci_low"]), fnum(v, &["ci_high"]));
        table.rows.push(vec![
            Cell::text(name),
            Cell::text(cohort),
            Cell::num(num2(fnum(v, &["value"]))).strong(),
            Cell::num(ci_num2(lo, hi)),
            Cell::num(sig3(p)),
            Cell::text(ratio_reading(lo, hi)),
        ]);
    };
    row(
        "Relative risk, substandard vs excellent (crude)".into(),
        "mature",
        at(churn, &["relative_risk"]),
        None,
    );
    row(
        "Relative risk, within segments (Mantel–Haenszel)".into(),
        "mature",
        at(churn, &["relative_risk_adjusted"]),
        None,
    );
    let cox = at(m, &["cox", "hazard_ratios"]);
    for band in ["substandard", "acceptable", "good"] {
        let v = at(cox, &[band]);
        if !v.is_null() {
            row(
                format!("Hazard ratio, {band} vs excellent (Cox, same segment and deal size)"),
                "survival",
                v,
                fnum(v, &["p_value"]),
            );
        }
    }
    let score = at(m, &["cox_score", "hazard_ratios", "score_per_10"]);
    if !score.is_null() {
        row(
            "Hazard ratio per 10 more quality points (Cox, same segment and deal size)".into(),
            "survival",
            score,
            fnum(score, &["p_value"]),
        );
    }
    table.notes.push(format!("{}.", short_mature(m)));
    table.notes.push(format!("{}.", short_survival(m)));
    if !score.is_null() {
        table
            .notes
            .push("Below 1 per 10 quality points: better handoffs go with slower churn.".into());
    }
    if at(m, &["cox"]).is_null() {
        table.notes.push(
            "The band model cannot be estimated: no churn yet, excellent handoffs have no deal or no churn, or a band has no churn.".into(),
        );
    }
    sec.push(Block::Table(table));
    if let Some(spans) = power_sentence(m) {
        sec.push(Block::Para(spans));
    }
    sec
}

/// First-year churn by close quarter and band: a table and a chart.
pub fn q_cohorts(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec =
        Section::new("close-quarter", "First-year churn by close quarter").cohort(cohort_mature(m));
    let cells = at(m, &["churn_cohorts"]);
    let Some(cells) = cells.as_array() else {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    };
    if cells.is_empty() {
        sec.push(Block::Unavailable(
            "No data: no deals in the mature cohort.".into(),
        ));
        return sec;
    }
    sec.push(Block::Para(vec![t(
        "Deals grouped by the quarter they closed in, so a change in churn over time shows up instead of hiding in the pooled rate. Each cell: first-year churn rate, churned of deals. Quarters hold few deals per band, so single cells move a lot by chance.",
    )]));
    if view.rows("churn_by_close_quarter").is_some() {
        sec.push(Block::Chart("churn_by_close_quarter".into()));
    }
    let mut quarters: Vec<&str> = cells.iter().filter_map(|c| c["quarter"].as_str()).collect();
    quarters.dedup();
    let mut table = Table::new(&[
        "Close quarter",
        "Excellent",
        "Good",
        "Acceptable",
        "Substandard",
    ])
    .cohort(short_mature(m));
    for q in quarters {
        let mut row = vec![Cell::text(q)];
        for band in s::BANDS {
            let cell = cells
                .iter()
                .find(|c| c["quarter"].as_str() == Some(q) && c["band"].as_str() == Some(band));
            row.push(match cell {
                Some(c) => {
                    let n = unum(c, &["n"]);
                    Cell::num(format!(
                        "{} ({} of {})",
                        pct(fnum(c, &["rate"])),
                        int(unum(c, &["churned"])),
                        int(n)
                    ))
                    .low(n.is_some_and(|n| n < LOW_SAMPLE))
                }
                None => Cell::num("—"),
            });
        }
        table.rows.push(row);
    }
    sec.push(Block::Table(table));
    sec
}

/// Methodology entries for the quarterly report's definitions list.
pub fn methodology_defs() -> Vec<(&'static str, String)> {
    vec![
        ("What to fix first", "Each handoff practice splits the mature cohort into deals with and without it (checklist item fully done; SLA met vs missed, pending left out; CS accepted vs rejected or sent back; all information filled in). Relative risk = churn rate without ÷ with, 95% CI by the log method; p-values from Fisher's exact test, adjusted for the number of practices tested with Holm's method; ARR at stake = ACV of the deals without the practice × the churn-rate gap, floored at 0.".into()),
        ("Adjusted hazard ratios", "Cox proportional-hazards regression over the survival cohort with a separate baseline per segment and Efron's handling of tied churn dates; covariates the band indicators (excellent the reference) or the score per 10 points, each with log(1 + ACV). 95% intervals from the inverse information matrix, Wald p-values.".into()),
        ("Smallest detectable relative risk", "The smallest substandard ÷ excellent churn ratio a two-sided 5% test of two proportions would detect with 80% power, given the two band sizes and excellent's churn rate.".into()),
        ("Close-quarter cohorts", "First-year churn of the mature cohort grouped by the calendar quarter of the close date and band.".into()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn view_of(m: &Value) -> ReportView<'_> {
        ReportView {
            metrics: m,
            tables: &[],
            settings: crate::render::test_settings(),
        }
    }

    fn texts(sec: &Section) -> String {
        format!("{:?}", sec.blocks)
    }

    #[test]
    fn drivers_table_follows_the_ranking_with_plain_words() {
        let m = json!({
            "period": {"kind": "quarterly"},
            "drivers": {
                "sla_intro": {"n_with": 40, "rate_with": 0.1, "n_without": 20,
                              "rate_without": 0.3, "relative_risk": 3.0, "ci_low": 1.2,
                              "ci_high": 7.5, "p_value": 0.01, "p_holm": 0.02,
                              "arr_at_stake": 120000.0},
                "cs_accepted": {"n_with": 50, "rate_with": 0.2, "n_without": 10,
                                "rate_without": 0.2, "p_value": 1.0, "p_holm": 1.0,
                                "arr_at_stake": 0.0},
                "ranking": ["sla_intro", "cs_accepted"]
            }
        });
        let sec = q_drivers(&view_of(&m));
        let table = sec.blocks.iter().find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        });
        let table = table.expect("a table");
        assert_eq!(table.rows[0][0].text, "Customer intro sent on time");
        assert_eq!(table.rows[0][2].text, "30.0% of 20");
        assert!(table.rows[0][2].low, "n = 20 < 30 is marked");
        assert!(!table.rows[0][1].low);
        assert_eq!(table.rows[0][5].text, "0.0200");
        assert_eq!(table.rows[0][6].text, "120,000");
        assert_eq!(table.rows[1][0].text, "CS accepted the handoff");
        assert!(texts(&sec).contains("holds up after allowing for 2 practices"));
    }

    #[test]
    fn power_sentence_only_when_the_crude_rr_is_not_significant() {
        let mut m = json!({
            "churn": {
                "relative_risk": {"value": 1.4, "ci_low": 0.8, "ci_high": 2.4},
                "by_band": {"substandard": {"n": 120}, "excellent": {"n": 60, "rate": 0.1}},
                "power": {"alpha": 0.05, "power": 0.8, "mde_relative_risk": 2.6}
            },
            "cox": null, "cox_score": null
        });
        let sec = q_adjusted(&view_of(&m));
        let all = texts(&sec);
        assert!(all.contains("detect only a relative risk of"), "{all}");
        assert!(all.contains("2.60"));
        assert!(all.contains("120 substandard and 60 excellent"));
        m["churn"]["relative_risk"]["ci_low"] = json!(1.1);
        let sec = q_adjusted(&view_of(&m));
        assert!(!texts(&sec).contains("detect only"));
    }

    #[test]
    fn cohort_table_one_row_per_quarter() {
        let m = json!({"churn_cohorts": [
            {"quarter": "2024-Q4", "band": "excellent", "n": 4, "churned": 1, "rate": 0.25},
            {"quarter": "2024-Q4", "band": "substandard", "n": 10, "churned": 2, "rate": 0.2},
            {"quarter": "2025-Q1", "band": "good", "n": 3, "churned": 0, "rate": 0.0}
        ]});
        let sec = q_cohorts(&view_of(&m));
        let table = sec
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .expect("a table");
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0][1].text, "25.0% (1 of 4)");
        assert_eq!(table.rows[0][2].text, "—");
        assert_eq!(table.rows[1][2].text, "0.0% (0 of 3)");
        let none = json!({"churn_cohorts": null});
        assert!(texts(&q_cohorts(&view_of(&none))).contains("not provided"));
    }
}
