//! Report section `trend`: its content, wording and chart references.

use super::*;

pub(crate) fn trend(view: &ReportView, id: &str, title: &str) -> Section {
    let m = view.metrics;
    let mut sec = Section::new(id, title);
    let end = CohortFacts::of(m).end;
    sec.cohort = Some(format!(
        "Monthly cohorts: deals closed in each of the six calendar months ending {end}."
    ));
    let Some(df) = view.rows("quality_trend") else {
        sec.push(no_rows("no trend months"));
        return sec;
    };
    let slope = fnum(m, &["trend", "slope"]);
    let direction = text(m, &["trend", "direction"]);
    sec.push(Block::Para(match (slope, direction) {
        (Some(sl), Some(d)) => vec![
            t("Mean score per month. The least-squares slope is "),
            b(format!("{} points per month", signed1(sl))),
            t(" — "),
            b(d.to_string()),
            t(" (improving ≥ +1, declining ≤ −1, otherwise flat; months without deals are left out)."),
        ],
        _ => vec![t(
            "Mean score per month. Too few months with deals to fit a trend line.",
        )],
    }));
    sec.push(Block::Chart("quality_trend".into()));
    let (months, mean, deals) = (
        col_str(df, "month"),
        col_f64(df, "mean_score"),
        col_f64(df, "deals"),
    );
    let mut table = Table::new(&["Month", "Deals", "Mean score", "Status"])
        .cohort("Monthly cohorts (deals closed in the month).");
    for i in 0..df.height() {
        let v = get(&mean, i);
        let rag = rag_score(v);
        table.rows.push(vec![
            Cell::text(get(&months, i).unwrap_or_default()),
            Cell::num(int(get(&deals, i).map(|x| x as u64))),
            Cell::num(num1(v)).rag(rag),
            Cell::text(rag.map(|r| r.label()).unwrap_or(DASH)),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}

/// The monthly report's six-month trend.
pub(crate) fn monthly_trend(view: &ReportView) -> Section {
    trend(
        view,
        "trend",
        &view.text().msg("section-trend-monthly", &[]),
    )
}
