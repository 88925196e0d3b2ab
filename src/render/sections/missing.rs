//! Report section `missing`: its content, wording and chart references.

use super::*;

pub(crate) fn missing(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec =
        Section::new("missing", &view.text().msg("section-missing", &[])).cohort(cohort_period(m));
    if !view.provided(s::HANDOFFS) {
        sec.push(not_provided(s::HANDOFFS));
        return sec;
    }
    let Some(df) = view.rows("missing_information") else {
        sec.push(no_rows("no handoff records in the period"));
        return sec;
    };
    sec.push(Block::Para(vec![
        t("Mean completeness per handoff: "),
        b(format!("{}%", num1(fnum(m, &["completeness", "mean"])))),
        t(format!(
            " over {} handoff records. Fields are ranked from most to least often missing.",
            int(unum(m, &["completeness", "handoff_records"]))
        )),
    ]));
    sec.push(Block::Chart("missing_information".into()));
    let (field, fill, miss) = (
        col_str(df, "field"),
        col_f64(df, "fill_rate"),
        col_f64(df, "missing_rate"),
    );
    let mut table = Table::new(&["Rank", "Field", "Missing", "Filled"]).cohort(short_period(m));
    for i in 0..df.height() {
        table.rows.push(vec![
            Cell::num((i + 1).to_string()),
            Cell::text(humanize(&get(&field, i).unwrap_or_default())),
            Cell::num(pct(get(&miss, i))),
            Cell::num(pct(get(&fill, i))),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}
