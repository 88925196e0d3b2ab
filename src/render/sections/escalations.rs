//! Report section `escalations`: its content, wording and chart references.

use super::*;

/// At most this many rows of a long list go into the page; the CSV has them all.
pub(crate) const MAX_LIST_ROWS: usize = 100;

pub(crate) fn escalations(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("escalations", &view.msg("section-escalations"));
    let as_of = as_of_date(m);
    let window = view.section::<Escalations>().map_or(90, |e| e.window_days);
    let from = as_of.and_then(|d| d.checked_sub_days(Days::new(window)));
    let date =
        |d: Option<NaiveDate>| d.map_or_else(|| "?".to_string(), crate::render::format::date_of);
    let cohort = view.msg_with(
        "escalations-cohort",
        &[
            ("from", &date(from)),
            ("to", &date(as_of)),
            ("days", &window.to_string()),
        ],
    );
    sec.cohort = Some(cohort.clone());
    let count = view.section::<Escalations>().map(|e| e.count);
    sec.push(Block::Para(rich(&view.text().msg_n(
        "escalations-lead",
        &[("count", &int(count))],
        &[("n", count.map_or(0.0, |n| n as f64))],
    ))));
    let Some(df) = view.rows("escalations") else {
        sec.push(Block::Unavailable(view.msg("escalations-none")));
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
    let mut table = view
        .headed(&[
            "table-deal",
            "table-account",
            "table-sales-rep",
            "table-csm",
            "table-activity",
            "escalations-days-overdue",
        ])
        .cohort(cohort);
    for i in 0..df.height().min(MAX_LIST_ROWS) {
        table.rows.push(vec![
            Cell::text(get(&deal, i).unwrap_or_default()),
            Cell::text(get(&acct, i).unwrap_or_default()),
            Cell::text(get(&rep, i).unwrap_or_default()),
            Cell::text(get(&csm, i).unwrap_or_else(|| DASH.into())),
            Cell::text(activity_label(view, &get(&act, i).unwrap_or_default())),
            Cell::num(num1(get(&days, i))),
        ]);
    }
    if df.height() > MAX_LIST_ROWS {
        table = table.note(view.msg_with(
            "escalations-cut",
            &[
                ("shown", &MAX_LIST_ROWS.to_string()),
                ("rows", &df.height().to_string()),
            ],
        ));
    }
    sec.push(Block::Table(table));
    sec
}

/// The label of an SLA activity spelt as the tables spell it (the spelling itself when unknown).
pub(crate) fn activity_label(view: &ReportView, spelling: &str) -> String {
    match spelling.parse::<Activity>() {
        Ok(a) => view.label(&a.label_id()),
        Err(_) => humanize(spelling),
    }
}
