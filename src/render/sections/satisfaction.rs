//! Report section `satisfaction`: its content, wording and chart references.

use super::*;

pub(crate) fn satisfaction(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new(
        "satisfaction",
        &view.text().msg("section-satisfaction", &[]),
    )
    .cohort(cohort_trailing(m));
    let sat = at(m, &["satisfaction"]);
    if sat.is_null() {
        sec.push(not_provided(s::SURVEYS));
        return sec;
    }
    sec.push(Block::Para(vec![t(
        "CSAT (1–5) of the day-30 wave (responses 1–60 days after close) and the day-90 wave (61–120 days), latest response per deal and wave. NPS = % promoters (9–10) − % detractors (0–6) over both waves' responses. Cells show value (n).",
    )]));
    let mut keys: Vec<String> = Vec::new();
    for p in [
        ["csat_day_30", "by_band"],
        ["csat_day_90", "by_band"],
        ["nps", "by_band"],
    ] {
        for k in band_keys(at(sat, &p)) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys.sort_by_key(|k| s::BANDS.iter().position(|b| b == k).unwrap_or(usize::MAX));
    if keys.is_empty() {
        sec.push(no_rows("no survey responses in the waves"));
    } else {
        let mut table =
            Table::new(&["Band", "CSAT day 30", "CSAT day 90", "NPS"]).cohort(short_trailing(m));
        for k in &keys {
            let nps = at(sat, &["nps", "by_band", k]);
            let (n, low) = group_n(nps);
            table.rows.push(vec![
                Cell::text(humanize(k)),
                mean_cell(at(sat, &["csat_day_30", "by_band", k]), num1),
                mean_cell(at(sat, &["csat_day_90", "by_band", k]), num1),
                if nps.is_null() {
                    Cell::num(DASH)
                } else {
                    Cell::num(format!(
                        "{} ({})",
                        fnum(nps, &["nps"])
                            .map(signed1)
                            .unwrap_or_else(|| DASH.into()),
                        int(n)
                    ))
                    .low(low)
                },
            ]);
        }
        sec.push(Block::Table(table));
    }
    sec.push(Block::Heading(
        "Deals for a retroactive handoff review (CSAT ≤ 2)".into(),
    ));
    match view.rows("csat_review") {
        None => sec.push(Block::Unavailable(
            "None: no response scored 2 or lower.".into(),
        )),
        Some(df) => {
            let (deal, acct, rep, band, wave, csat) = (
                col_str(df, "deal_id"),
                col_str(df, "account_name"),
                col_str(df, "sales_rep"),
                col_str(df, "quality_band"),
                col_str(df, "wave"),
                col_f64(df, "csat"),
            );
            let mut table = Table::new(&["Deal", "Account", "Sales rep", "Band", "Wave", "CSAT"])
                .cohort(short_trailing(m));
            for i in 0..df.height() {
                table.rows.push(vec![
                    Cell::text(get(&deal, i).unwrap_or_default()),
                    Cell::text(get(&acct, i).unwrap_or_default()),
                    Cell::text(get(&rep, i).unwrap_or_default()),
                    Cell::text(humanize(&get(&band, i).unwrap_or_default())),
                    Cell::text(humanize(&get(&wave, i).unwrap_or_default())),
                    Cell::num(num1(get(&csat, i))),
                ]);
            }
            sec.push(Block::Table(table));
        }
    }
    sec
}
