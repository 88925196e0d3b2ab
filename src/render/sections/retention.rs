//! Report section `retention`: Kaplan–Meier retention by band and the log-rank test
//! (METRICS.md §4.9).

use super::outcome_parts::*;
use super::*;
use crate::metrics::churn::FirstYearChurn;

pub(crate) fn q_retention(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("retention", &view.text().msg("section-retention", &[]))
        .cohort(cohort_survival(m));
    let Some(churn) = FirstYearChurn::read(m) else {
        sec.push(not_provided(s::RENEWALS));
        return sec;
    };
    sec.push(Block::Para(msg_spans("retention-intro", &[])));
    let lr = churn.logrank;
    sec.push(Block::Para(match lr.and_then(|lr| lr.p_value) {
        Some(p) => msg_spans(
            "retention-logrank",
            &[
                ("statistic", &num2(lr.and_then(|lr| lr.statistic))),
                ("dof", &int(lr.map(|lr| u64::from(lr.dof)))),
                ("p", &sig3(Some(p))),
                ("differ", if p < 0.05 { "yes" } else { "no" }),
            ],
        ),
        None => msg_spans("retention-logrank-none", &[]),
    }));
    if view.rows("retention_curves").is_some() {
        sec.push(Block::Chart("retention_curves".into()));
    }
    if !churn.retention_by_band.is_empty() {
        let mut table = table_of(&[
            "retention-col-band",
            "retention-col-deals",
            "retention-col-events",
            "retention-col-retained",
        ])
        .cohort(short_survival(m));
        for (band, g) in &churn.retention_by_band {
            let low = is_low(g.n);
            table.rows.push(vec![
                Cell::text(band_name(*band)),
                Cell::num(int(Some(g.n))).low(low),
                Cell::num(int(Some(g.events))),
                Cell::num(pct(g.retained_365)).low(low),
            ]);
        }
        sec.push(Block::Table(table));
    }
    sec
}
