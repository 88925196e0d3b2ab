//! Report section `bands`: its content, wording and chart references.

use super::*;

pub(crate) fn bands(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec =
        Section::new("bands", &view.text().msg("section-bands", &[])).cohort(cohort_period(m));
    let Some(df) = view.rows("quality_bands") else {
        sec.push(no_rows("no deals closed in the period"));
        return sec;
    };
    let quality = QualityScores::read(m);
    sec.push(Block::Para(vec![
        t("Mean score "),
        b(num1(quality.as_ref().and_then(|q| q.mean))),
        t(", median "),
        b(num1(quality.as_ref().and_then(|q| q.median))),
        t(" (0–100). Bands: excellent ≥ 90, good ≥ 80, acceptable ≥ 70, substandard < 70."),
    ]));
    sec.push(Block::Chart("quality_bands".into()));
    let (names, deals, share) = (
        col_str(df, "band"),
        col_f64(df, "deals"),
        col_f64(df, "share"),
    );
    let mut table = Table::new(&["Band", "Deals", "Share"]).cohort(short_period(m));
    for i in 0..df.height() {
        table.rows.push(vec![
            Cell::text(humanize(&get(&names, i).unwrap_or_default())),
            Cell::num(int(get(&deals, i).map(|x| x as u64))),
            Cell::num(pct(get(&share, i))),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}
