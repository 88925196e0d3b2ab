//! Report section `trend`: its content, wording and chart references.

use super::*;

pub(crate) fn trend(view: &ReportView, id: &str, title: &str) -> Section {
    let m = view.metrics;
    let mut sec = Section::new(id, title);
    let end = crate::render::format::date(&CohortFacts::of(m).end);
    sec.cohort = Some(view.msg_with("trend-cohort", &[("end", &end)]));
    let Some(df) = view.rows("quality_trend") else {
        sec.push(no_rows(&view.msg("trend-no-rows")));
        return sec;
    };
    let trend = view.section::<Trend>();
    let slope = trend.as_ref().and_then(|t| t.slope);
    let direction = trend.as_ref().and_then(|t| t.direction);
    sec.push(Block::Para(match (slope, direction) {
        (Some(sl), Some(d)) => view.rich(
            "trend-slope",
            &[
                ("slope", &signed1(sl)),
                ("direction", &view.msg(d.label_id())),
            ],
        ),
        _ => vec![t(view.msg("trend-no-slope"))],
    }));
    sec.push(Block::Chart("quality_trend".into()));
    let (months, mean, deals) = (
        col_str(df, "month"),
        col_f64(df, "mean_score"),
        col_f64(df, "deals"),
    );
    let mut table = view
        .headed(&[
            "trend-month",
            "table-deals",
            "table-mean-score",
            "table-status",
        ])
        .cohort(view.msg("trend-table-cohort"));
    for i in 0..df.height() {
        let v = get(&mean, i);
        let rag = rag_score(v);
        table.rows.push(vec![
            Cell::text(get(&months, i).unwrap_or_default()),
            Cell::num(int(get(&deals, i).map(|x| x as u64))),
            Cell::num(num1(v)).rag(rag),
            Cell::text(rag.map_or_else(|| DASH.to_string(), |r| view.msg(r.label_id()))),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}

/// The monthly report's six-month trend.
pub(crate) fn monthly_trend(view: &ReportView) -> Section {
    trend(view, "trend", &view.msg("section-trend-monthly"))
}
