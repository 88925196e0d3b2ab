//! Report section `data_quality`: its content, wording and chart references.

use super::*;

/// Rows of `data_quality` shown in the page; `data-quality.csv` has them all.
pub(crate) const DATA_QUALITY_ROWS: usize = 50;

/// An exclusion reason as words for the data-quality table ("2 after as-of").
pub(crate) fn exclusion_words(view: &ReportView, reason: &str) -> String {
    let id = format!("data-quality-excluded-{}", reason.replace('_', "-"));
    if view.text().has(&id) {
        view.msg(&id)
    } else {
        reason.replace('_', " ")
    }
}

pub(crate) fn data_quality(view: &ReportView) -> Section {
    let mut sec = Section::new("data-quality", &view.msg("section-data-quality"));
    sec.cohort = Some(view.msg("data-quality-cohort"));
    sec.push(Block::Para(vec![t(view.msg("data-quality-intro"))]));
    if let Some(n) = view.section::<SegmentsDerived>() {
        sec.push(Block::Para(vec![t(view.msg_with(
            "data-quality-segments-derived",
            &[("n", &n.0.to_string())],
        ))]));
    }
    let mut table = view.headed(&[
        "data-quality-table",
        "data-quality-read",
        "data-quality-used",
        "data-quality-rejected",
        "data-quality-excluded",
        "data-quality-by-reason",
    ]);
    let inputs = view.section::<Inputs>().unwrap_or_else(|| {
        Inputs(
            s::TABLES
                .iter()
                .map(|t| (t.name.to_string(), None))
                .collect(),
        )
    });
    for (name, c) in inputs.0 {
        let Some(c) = c else {
            table.rows.push(vec![
                Cell::text(name),
                Cell::text(view.msg("data-quality-not-provided")),
                Cell::num(""),
                Cell::num(""),
                Cell::num(""),
                Cell::text(""),
            ]);
            continue;
        };
        let reasons: Vec<String> = c
            .excluded_by_reason
            .iter()
            .map(|(k, v)| format!("{} {}", int(Some(*v)), exclusion_words(view, k)))
            .collect();
        table.rows.push(vec![
            Cell::text(name),
            Cell::num(int(Some(c.rows_read))),
            Cell::num(int(Some(c.rows_used))),
            Cell::num(int(Some(c.rows_rejected))).rag((c.rows_rejected > 0).then_some(Rag::Amber)),
            Cell::num(int(Some(c.rows_excluded))),
            Cell::text(reasons.join(", ")),
        ]);
    }
    sec.push(Block::Table(
        table
            .title(view.msg("data-quality-inputs"))
            .cohort(view.msg("data-quality-inputs-cohort")),
    ));
    let warnings = view.section::<Warnings>().unwrap_or_default().0;
    if !warnings.is_empty() {
        sec.push(Block::Heading(view.msg("data-quality-warnings")));
        sec.push(Block::List(
            warnings.into_iter().map(|w| vec![t(w)]).collect(),
        ));
    }
    sec.push(Block::Heading(view.msg("data-quality-rows")));
    match view.rows("data_quality") {
        None => sec.push(Block::Unavailable(view.msg("data-quality-none"))),
        Some(df) => {
            let cols = [
                "table", "file", "line", "column", "value", "action", "reason",
            ]
            .map(|c| col_str(df, c));
            let mut t = view.headed(&[
                "data-quality-table",
                "data-quality-file",
                "data-quality-line",
                "data-quality-column",
                "data-quality-value",
                "data-quality-action",
                "data-quality-reason",
            ]);
            for i in 0..df.height().min(DATA_QUALITY_ROWS) {
                t.rows.push(
                    cols.iter()
                        .enumerate()
                        .map(|(j, c)| {
                            let v = get(c, i).unwrap_or_default();
                            // Reasons and actions read as words; names and values stay verbatim.
                            let v = if j >= 5 { v.replace('_', " ") } else { v };
                            if j == 2 {
                                Cell::num(v)
                            } else if j == 1 {
                                Cell::text(get(c, i).unwrap_or_default())
                            } else {
                                Cell::text(v)
                            }
                        })
                        .collect(),
                );
            }
            t = t
                .cohort(view.msg("data-quality-rows-cohort"))
                .note(view.msg_with(
                    "data-quality-cut",
                    &[
                        ("shown", &df.height().min(DATA_QUALITY_ROWS).to_string()),
                        ("rows", &df.height().to_string()),
                    ],
                ));
            sec.push(Block::Table(t));
        }
    }
    sec
}
