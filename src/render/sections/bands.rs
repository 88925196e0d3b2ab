//! Report section `bands`: its content, wording and chart references.

use super::*;

pub(crate) fn bands(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("bands", &view.msg("section-bands")).cohort(cohort_period(m));
    let Some(df) = view.rows("quality_bands") else {
        sec.push(no_rows(&view.msg("bands-no-rows")));
        return sec;
    };
    let quality = QualityScores::read(m);
    sec.push(Block::Para(view.rich(
        "bands-intro",
        &[
            ("mean", &num1(quality.as_ref().and_then(|q| q.mean))),
            ("median", &num1(quality.as_ref().and_then(|q| q.median))),
        ],
    )));
    sec.push(Block::Chart("quality_bands".into()));
    let (names, deals, share) = (
        col_str(df, "band"),
        col_f64(df, "deals"),
        col_f64(df, "share"),
    );
    let mut table = view
        .headed(&["table-band", "table-deals", "bands-share"])
        .cohort(short_period(m));
    for i in 0..df.height() {
        table.rows.push(vec![
            Cell::text(band_label(view, &get(&names, i).unwrap_or_default())),
            Cell::num(int(get(&deals, i).map(|x| x as u64))),
            Cell::num(pct(get(&share, i))),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}

/// The label of a band spelt as the tables spell it (the spelling made readable when unknown).
pub(crate) fn band_label(view: &ReportView, spelling: &str) -> String {
    match spelling.parse::<Band>() {
        Ok(b) => view.label(&b.label_id()),
        Err(_) => humanize(spelling),
    }
}

/// The label of a segment spelt as the tables spell it (the spelling made readable when unknown).
pub(crate) fn segment_label(view: &ReportView, spelling: &str) -> String {
    match spelling.parse::<Segment>() {
        Ok(s) => view.label(&s.label_id()),
        Err(_) => humanize(spelling),
    }
}
