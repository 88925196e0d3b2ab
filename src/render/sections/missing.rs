//! Report section `missing`: its content, wording and chart references.

use super::*;

pub(crate) fn missing(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("missing", &view.msg("section-missing")).cohort(cohort_period(m));
    if !view.provided(s::HANDOFFS) {
        sec.push(not_provided(s::HANDOFFS));
        return sec;
    }
    let Some(df) = view.rows("missing_information") else {
        sec.push(no_rows(&view.msg("missing-no-rows")));
        return sec;
    };
    let c = view.section::<Completeness>();
    sec.push(Block::Para(view.rich(
        "missing-lead",
        &[
            ("mean", &num1(c.as_ref().and_then(|c| c.mean))),
            ("records", &int(c.as_ref().map(|c| c.handoff_records))),
        ],
    )));
    sec.push(Block::Chart("missing_information".into()));
    let (field, fill, miss) = (
        col_str(df, "field"),
        col_f64(df, "fill_rate"),
        col_f64(df, "missing_rate"),
    );
    let mut table = view
        .headed(&[
            "missing-rank",
            "missing-field",
            "missing-missing",
            "missing-filled",
        ])
        .cohort(short_period(m));
    for i in 0..df.height() {
        table.rows.push(vec![
            Cell::num((i + 1).to_string()),
            Cell::text(field_label(view, &get(&field, i).unwrap_or_default())),
            Cell::num(pct(get(&miss, i))),
            Cell::num(pct(get(&fill, i))),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}

/// The label of a required handoff field (`info_scope` → "Scope"); the field's own name,
/// made readable, when the catalog does not know it (a configured field).
pub(crate) fn field_label(view: &ReportView, field: &str) -> String {
    let id = format!("field-{}", field.replace('_', "-"));
    if view.text().has(&id) {
        view.msg(&id)
    } else {
        humanize(field)
    }
}
