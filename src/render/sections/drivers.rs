//! Report section `drivers` (METRICS.md §4.12): "what to fix first" — the handoff practices
//! ranked by ARR at stake, with Holm-adjusted p-values, worded as associations for a finance
//! reader; and the quarterly methodology entries of §4.12–§4.15.

use std::sync::OnceLock;

use super::outcome_parts::*;
use super::*;
use crate::metrics::drivers::ChurnDrivers;

/// `12.7% of 150` with the low-sample mark when n < 30.
fn rate_cell(rate: Option<f64>, n: u64) -> Cell {
    match n {
        0 => Cell::num(q("drivers-no-deals", &[])),
        k => Cell::num(q(
            "drivers-rate-of",
            &[("rate", &pct(rate)), ("n", &int(Some(k)))],
        ))
        .low(is_low(k)),
    }
}

/// "What to fix first": every driver in ranking order, one chart and one table.
pub fn q_drivers(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("drivers", &q("drivers-title", &[])).cohort(cohort_mature(m));
    let Some(drivers) = ChurnDrivers::read(m) else {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    };
    let ranked: Vec<_> = drivers
        .ranking
        .iter()
        .filter_map(|p| Some((*p, drivers.practices.get(p)?)))
        .collect();
    let tested = int(Some(
        ranked.iter().filter(|(_, d)| d.p_value.is_some()).count() as u64,
    ));
    sec.push(Block::Para(msg_spans("drivers-intro", &[])));
    if let Some((top, d)) = ranked
        .first()
        .filter(|(_, d)| d.arr_at_stake.is_some_and(|v| v > 0.0))
    {
        let holm = match d.p_holm {
            Some(p) if p < 0.05 => "holds",
            Some(_) => "chance",
            None => "none",
        };
        sec.push(Block::Para(msg_spans(
            "drivers-top",
            &[
                ("practice", &practice_in_sentence(*top)),
                ("without", &pct(d.rate_without)),
                ("with", &pct(d.rate_with)),
                ("arr", &money(d.arr_at_stake)),
                ("holm", holm),
                ("tested", &tested),
                ("p", &sig3(d.p_holm)),
            ],
        )));
    }
    if view.rows("churn_drivers").is_some() && view.is_quarterly() {
        sec.push(Block::Chart("churn_drivers".into()));
    }
    let mut table = table_of(&[
        "drivers-col-practice",
        "drivers-col-with",
        "drivers-col-without",
        "drivers-col-rr",
        "drivers-col-ci",
        "drivers-col-holm",
        "drivers-col-arr",
    ])
    .cohort(short_mature(m));
    for (p, d) in &ranked {
        table.rows.push(vec![
            Cell::text(practice_words(*p)),
            rate_cell(d.rate_with, d.n_with),
            rate_cell(d.rate_without, d.n_without),
            Cell::num(num2(d.relative_risk)).strong(),
            Cell::num(ci_num2(d.ci_low, d.ci_high)),
            Cell::num(sig3(d.p_holm)),
            Cell::num(money(d.arr_at_stake)),
        ]);
    }
    table.notes.push(q("drivers-note-rr", &[]));
    table
        .notes
        .push(q("drivers-note-holm", &[("tested", &tested)]));
    table.notes.push(q("drivers-note-left-out", &[]));
    sec.push(Block::Table(table));
    sec
}

/// Methodology entries of METRICS.md §4.12–§4.15 for the quarterly report's definitions
/// list: (term, definition). The terms are read from the catalog once (the methodology's
/// list takes `&'static str` terms; it can take `String`s once it moves to the catalog).
pub fn methodology_defs() -> Vec<(&'static str, String)> {
    const IDS: [&str; 4] = [
        "drivers-method-drivers",
        "drivers-method-hazard-ratios",
        "drivers-method-power",
        "drivers-method-close-quarter",
    ];
    static TERMS: OnceLock<[String; 4]> = OnceLock::new();
    let terms = TERMS.get_or_init(|| IDS.map(|id| crate::text::text_attr(id, "term")));
    terms
        .iter()
        .zip(IDS)
        .map(|(term, id)| (term.as_str(), q(id, &[])))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::drivers::{DriverStats, Practice};
    use crate::metrics::typed::MetricSection;

    fn stats(n_with: u64, rate_with: f64, n_without: u64, rate_without: f64) -> DriverStats {
        DriverStats {
            n_with,
            churned_with: 0,
            rate_with: Some(rate_with),
            n_without,
            churned_without: 0,
            rate_without: Some(rate_without),
            relative_risk: None,
            ci_low: None,
            ci_high: None,
            p_value: Some(1.0),
            p_holm: Some(1.0),
            arr_at_stake: Some(0.0),
            low_sample: false,
        }
    }

    #[test]
    fn drivers_table_follows_the_ranking_with_plain_words() {
        let intro = DriverStats {
            relative_risk: Some(3.0),
            ci_low: Some(1.2),
            ci_high: Some(7.5),
            p_value: Some(0.01),
            p_holm: Some(0.02),
            arr_at_stake: Some(120000.0),
            ..stats(40, 0.1, 20, 0.3)
        };
        let drivers = ChurnDrivers {
            practices: [
                (Practice::SlaIntro, intro),
                (Practice::CsAccepted, stats(50, 0.2, 10, 0.2)),
            ]
            .into(),
            ranking: vec![Practice::SlaIntro, Practice::CsAccepted],
        };
        let m = serde_json::json!({"period": {"kind": "quarterly"}, "drivers": drivers.json()});
        let view = ReportView {
            metrics: &m,
            tables: &[],
            settings: crate::render::test_settings(),
        };
        let sec = q_drivers(&view);
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
        let all = format!("{:?}", sec.blocks);
        assert!(all.contains("customer intro sent on time"), "{all}");
        assert!(
            all.contains("holds up after allowing for 2 practices"),
            "{all}"
        );
    }

    #[test]
    fn every_practice_has_words_and_every_term_a_definition() {
        for p in crate::metrics::drivers::PRACTICES {
            assert_ne!(practice_words(p), p.label_id(), "{p:?}");
        }
        assert_eq!(methodology_defs()[0].0, "What to fix first");
    }
}
