//! Report section `close_quarter` (METRICS.md §4.15): first-year churn by close quarter and
//! band, a table and a chart.

use super::outcome_parts::*;
use super::*;
use crate::metrics::cohorts::ChurnCohorts;
use crate::vocab::Band;

/// First-year churn by close quarter and band: a table and a chart.
pub fn q_cohorts(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec =
        Section::new("close-quarter", &q("close-quarter-title", &[])).cohort(cohort_mature(m));
    let Some(ChurnCohorts(cells)) = ChurnCohorts::read(m) else {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    };
    if cells.is_empty() {
        sec.push(Block::Unavailable(q("close-quarter-no-deals", &[])));
        return sec;
    }
    sec.push(Block::Para(msg_spans("close-quarter-intro", &[])));
    if view.rows("churn_by_close_quarter").is_some() {
        sec.push(Block::Chart("churn_by_close_quarter".into()));
    }
    let mut quarters: Vec<&str> = cells.iter().map(|c| c.quarter.as_str()).collect();
    quarters.dedup();
    let mut table = table_of(&["close-quarter-col-quarter"]).cohort(short_mature(m));
    table.head.extend(Band::ALL.map(band_name));
    for quarter in quarters {
        let mut row = vec![Cell::text(quarter)];
        for band in Band::ALL {
            let cell = cells
                .iter()
                .find(|c| c.quarter == quarter && c.band == band);
            row.push(match cell {
                Some(c) => Cell::num(q(
                    "close-quarter-cell",
                    &[
                        ("rate", &pct(c.rate)),
                        ("churned", &int(Some(c.churned))),
                        ("n", &int(Some(c.n))),
                    ],
                ))
                .low(is_low(c.n)),
                None => Cell::num(DASH),
            });
        }
        table.rows.push(row);
    }
    sec.push(Block::Table(table));
    sec
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cohort_table_one_row_per_quarter() {
        let m = serde_json::json!({"churn_cohorts": [
            {"quarter": "2024-Q4", "band": "excellent", "n": 4, "churned": 1, "rate": 0.25},
            {"quarter": "2024-Q4", "band": "substandard", "n": 10, "churned": 2, "rate": 0.2},
            {"quarter": "2025-Q1", "band": "good", "n": 3, "churned": 0, "rate": 0.0}
        ]});
        let view = |m| ReportView {
            metrics: m,
            tables: &[],
            settings: crate::render::test_settings(),
        };
        let sec = q_cohorts(&view(&m));
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
        let none = serde_json::json!({"churn_cohorts": null});
        assert!(format!("{:?}", q_cohorts(&view(&none)).blocks).contains("not provided"));
    }
}
