//! Report section `escalations`: its content, wording and chart references.

use super::*;

/// At most this many rows of a long list go into the page; the CSV has them all.
pub(crate) const MAX_LIST_ROWS: usize = 100;

pub(crate) fn escalations(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("escalations", &view.text().msg("section-escalations", &[]));
    let as_of = as_of_date(m);
    let from = as_of.and_then(|d| d.checked_sub_days(Days::new(90)));
    let cohort = format!(
        "Escalation window: deals closed {} to {} (the 90 days up to the as-of date), whatever the report period.",
        from.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
        as_of.map(|d| d.to_string()).unwrap_or_else(|| "?".into())
    );
    sec.cohort = Some(cohort.clone());
    let count = unum(m, &["escalations", "count"]);
    sec.push(Block::Para(vec![
        b(format!("{} deal{}", int(count), if count == Some(1) { "" } else { "s" })),
        t(" have an SLA activity that missed its deadline and is still not done: escalate now. One row per activity, most overdue first."),
    ]));
    let Some(df) = view.rows("escalations") else {
        sec.push(Block::Unavailable(
            "None: every recent deal is on track.".into(),
        ));
        return sec;
    };
    let (deal, acct, rep, csm, act, days) = (
        col_str(df, "deal_id"),
        col_str(df, "account_name"),
        col_str(df, "sales_rep"),
        col_str(df, "csm"),
        col_str(df, "activity"),
        col_f64(df, "days_overdue"),
    );
    let mut table = Table::new(&[
        "Deal",
        "Account",
        "Sales rep",
        "CSM",
        "Activity",
        "Days overdue",
    ])
    .cohort(cohort);
    for i in 0..df.height().min(MAX_LIST_ROWS) {
        table.rows.push(vec![
            Cell::text(get(&deal, i).unwrap_or_default()),
            Cell::text(get(&acct, i).unwrap_or_default()),
            Cell::text(get(&rep, i).unwrap_or_default()),
            Cell::text(get(&csm, i).unwrap_or_else(|| DASH.into())),
            Cell::text(humanize(&get(&act, i).unwrap_or_default())),
            Cell::num(num1(get(&days, i))),
        ]);
    }
    if df.height() > MAX_LIST_ROWS {
        table = table.note(format!(
            "Showing the {MAX_LIST_ROWS} most overdue of {} rows; tables/escalations.csv has them all.",
            df.height()
        ));
    }
    sec.push(Block::Table(table));
    sec
}
