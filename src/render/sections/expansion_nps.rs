//! Report section `expansion_nps`: its content, wording and chart references.

use super::*;

pub(crate) fn q_expansion_nps(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new(
        "expansion-nps",
        &view.text().msg("section-expansion-nps", &[]),
    );
    if view.rows("churn_by_band").is_some() || !at(m, &["satisfaction", "nps"]).is_null() {
        sec.push(Block::Chart("expansion_nps".into()));
    }
    sec.push(Block::Heading("First-year expansion".into()));
    let exp = at(m, &["expansion", "by_band"]);
    if at(m, &["expansion"]).is_null() {
        sec.push(not_provided(s::RENEWALS));
    } else if band_keys(exp).is_empty() {
        sec.push(no_rows("no deals in the mature cohort"));
    } else {
        sec.push(Block::Para(vec![t(
            "Expanded = an expansion event within 365 days after the close date.",
        )]));
        let mut table = Table::new(&["Band", "Deals", "Expanded", "Expansion rate", "95% CI"])
            .cohort(short_mature(m));
        for k in band_keys(exp) {
            table
                .rows
                .push(band_rate(at(exp, &[&k]), "expanded").row(&k));
        }
        sec.push(Block::Table(table));
    }
    sec.push(Block::Heading("Net Promoter Score".into()));
    let sat = at(m, &["satisfaction"]);
    if sat.is_null() {
        sec.push(not_provided(s::SURVEYS));
    } else {
        let nps = at(sat, &["nps", "by_band"]);
        let keys = band_keys(nps);
        if keys.is_empty() {
            sec.push(no_rows("no NPS responses in the trailing cohort"));
        } else {
            let mut table = Table::new(&["Band", "Responses", "NPS", "CSAT day 30", "CSAT day 90"])
                .cohort(short_trailing(m))
                .note("NPS = % promoters (9–10) − % detractors (0–6), from −100 to +100; n counts responses, not deals.");
            for k in keys {
                let g = at(nps, &[&k]);
                let (n, low) = group_n(g);
                table.rows.push(vec![
                    Cell::text(humanize(&k)),
                    Cell::num(int(n)).low(low),
                    Cell::num(
                        fnum(g, &["nps"])
                            .map(signed1)
                            .unwrap_or_else(|| DASH.into()),
                    )
                    .low(low)
                    .strong(),
                    mean_cell(at(sat, &["csat_day_30", "by_band", &k]), num1),
                    mean_cell(at(sat, &["csat_day_90", "by_band", &k]), num1),
                ]);
            }
            sec.push(Block::Table(table));
        }
    }
    sec
}
