//! Report section `expansion_nps`: first-year expansion (METRICS.md §4.9) and NPS with CSAT
//! (METRICS.md §4.8) by band.

use super::outcome_parts::*;
use super::*;
use crate::metrics::churn::Expansion;
use crate::metrics::satisfaction::SatisfactionMetrics;

pub(crate) fn q_expansion_nps(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new(
        "expansion-nps",
        &view.text().msg("section-expansion-nps", &[]),
    );
    let sat = SatisfactionMetrics::read(m);
    if view.rows("churn_by_band").is_some() || sat.is_some() {
        sec.push(Block::Chart("expansion_nps".into()));
    }
    sec.push(Block::Heading(q("expansion-heading", &[])));
    match Expansion::read(m) {
        None => sec.push(not_provided(s::RENEWALS)),
        Some(exp) if exp.by_band.is_empty() => {
            sec.push(no_rows(&q("expansion-no-mature-deals", &[])))
        }
        Some(exp) => {
            sec.push(Block::Para(msg_spans("expansion-intro", &[])));
            let mut table = table_of(&[
                "expansion-col-band",
                "expansion-col-deals",
                "expansion-col-expanded",
                "expansion-col-rate",
                "expansion-col-ci",
            ])
            .cohort(short_mature(m));
            for (band, g) in &exp.by_band {
                table.rows.push(band_rate_row(*band, &g.into()));
            }
            sec.push(Block::Table(table));
        }
    }
    sec.push(Block::Heading(q("nps-heading", &[])));
    match sat {
        None => sec.push(not_provided(s::SURVEYS)),
        Some(sat) if sat.nps.by_band.is_empty() => sec.push(no_rows(&q("nps-no-responses", &[]))),
        Some(sat) => {
            let mut table = table_of(&[
                "nps-col-band",
                "nps-col-responses",
                "nps-col-nps",
                "nps-col-csat-30",
                "nps-col-csat-90",
            ])
            .cohort(short_trailing(m))
            .note(q("nps-note", &[]));
            for (band, g) in &sat.nps.by_band {
                let low = is_low(g.n);
                table.rows.push(vec![
                    Cell::text(band_name(*band)),
                    Cell::num(int(Some(g.n))).low(low),
                    Cell::num(g.nps.map(signed1).unwrap_or_else(|| DASH.into()))
                        .low(low)
                        .strong(),
                    csat_cell(sat.csat_day_30.by_band.get(band)),
                    csat_cell(sat.csat_day_90.by_band.get(band)),
                ]);
            }
            sec.push(Block::Table(table));
        }
    }
    sec
}
