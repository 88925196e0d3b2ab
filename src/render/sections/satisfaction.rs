//! Report section `satisfaction`: CSAT by wave and NPS by band (METRICS.md §4.8) and the deals
//! for a retroactive handoff review.

use super::outcome_parts::*;
use super::*;
use crate::metrics::satisfaction::SatisfactionMetrics;
use crate::vocab::Band;

pub(crate) fn satisfaction(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new(
        "satisfaction",
        &view.text().msg("section-satisfaction", &[]),
    )
    .cohort(cohort_trailing(m));
    let Some(sat) = SatisfactionMetrics::read(m) else {
        sec.push(not_provided(s::SURVEYS));
        return sec;
    };
    sec.push(Block::Para(msg_spans("satisfaction-intro", &[])));
    let bands: Vec<Band> = Band::ALL
        .into_iter()
        .filter(|b| {
            sat.csat_day_30.by_band.contains_key(b)
                || sat.csat_day_90.by_band.contains_key(b)
                || sat.nps.by_band.contains_key(b)
        })
        .collect();
    if bands.is_empty() {
        sec.push(no_rows(&q("satisfaction-no-responses", &[])));
    } else {
        let mut table = table_of(&[
            "satisfaction-col-band",
            "satisfaction-col-csat-30",
            "satisfaction-col-csat-90",
            "satisfaction-col-nps",
        ])
        .cohort(short_trailing(m));
        for band in &bands {
            table.rows.push(vec![
                Cell::text(band_name(*band)),
                csat_cell(sat.csat_day_30.by_band.get(band)),
                csat_cell(sat.csat_day_90.by_band.get(band)),
                match sat.nps.by_band.get(band) {
                    None => Cell::num(DASH),
                    Some(g) => Cell::num(q(
                        "satisfaction-value-n",
                        &[
                            ("value", &g.nps.map(signed1).unwrap_or_else(|| DASH.into())),
                            ("n", &int(Some(g.n))),
                        ],
                    ))
                    .low(is_low(g.n)),
                },
            ]);
        }
        sec.push(Block::Table(table));
    }
    sec.push(Block::Heading(q("satisfaction-review-heading", &[])));
    match view.rows("csat_review") {
        None => sec.push(Block::Unavailable(q("satisfaction-review-none", &[]))),
        Some(df) => {
            let (deal, acct, rep, band, wave, csat) = (
                col_str(df, "deal_id"),
                col_str(df, "account_name"),
                col_str(df, "sales_rep"),
                col_str(df, "quality_band"),
                col_str(df, "wave"),
                col_f64(df, "csat"),
            );
            let mut table = table_of(&[
                "satisfaction-col-deal",
                "satisfaction-col-account",
                "satisfaction-col-rep",
                "satisfaction-col-band",
                "satisfaction-col-wave",
                "satisfaction-col-csat",
            ])
            .cohort(short_trailing(m));
            for i in 0..df.height() {
                let band = get(&band, i).unwrap_or_default();
                let wave = get(&wave, i).unwrap_or_default();
                table.rows.push(vec![
                    Cell::text(get(&deal, i).unwrap_or_default()),
                    Cell::text(get(&acct, i).unwrap_or_default()),
                    Cell::text(get(&rep, i).unwrap_or_default()),
                    Cell::text(band.parse().map_or_else(|_| humanize(&band), band_name)),
                    Cell::text(match wave.as_str() {
                        "day_30" | "day_90" => q(&format!("satisfaction-wave-{wave}"), &[]),
                        _ => humanize(&wave),
                    }),
                    Cell::num(num1(get(&csat, i))),
                ]);
            }
            sec.push(Block::Table(table));
        }
    }
    sec
}
