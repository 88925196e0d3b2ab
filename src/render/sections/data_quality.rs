//! Report section `data_quality`: its content, wording and chart references.

use super::*;

/// Rows of `data_quality` shown in the page; `data-quality.csv` has them all.
pub(crate) const DATA_QUALITY_ROWS: usize = 50;

/// An exclusion reason as words for the data-quality table ("2 after as-of").
pub(crate) fn exclusion_words(reason: &str) -> String {
    match reason {
        "after_as_of" => "after as-of".to_string(),
        "later_deal" => "later deals of the account".to_string(),
        "unknown_account" => "of unknown accounts".to_string(),
        "deal_rejected" => "of rejected deals".to_string(),
        other => other.replace('_', " "),
    }
}

pub(crate) fn data_quality(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new(
        "data-quality",
        &view.text().msg("section-data-quality", &[]),
    );
    sec.cohort = Some("All input rows, before any cohort filter.".into());
    sec.push(Block::Para(vec![t(
        "Every input row is accounted for: used, rejected (unreadable or invalid) or excluded (a duplicate, an orphan, a later deal of the same account, or dated after the as-of instant).",
    )]));
    if let Some(n) = m.get("segments_derived").and_then(Value::as_u64) {
        sec.push(Block::Para(vec![t(format!(
            "Segments were derived from ACV (segment_from_acv) for {n} deal row(s) that had no segment of their own or from accounts."
        ))]));
    }
    let mut table = Table::new(&[
        "Table",
        "Read",
        "Used",
        "Rejected",
        "Excluded",
        "Excluded by reason",
    ]);
    let inputs = at(m, &["inputs"]);
    let names: Vec<String> = match inputs.as_object() {
        Some(o) => o.keys().cloned().collect(),
        None => s::TABLES.iter().map(|t| t.name.to_string()).collect(),
    };
    for name in names {
        let c = at(inputs, &[&name]);
        if c.is_null() {
            table.rows.push(vec![
                Cell::text(name),
                Cell::text("not provided"),
                Cell::num(""),
                Cell::num(""),
                Cell::num(""),
                Cell::text(""),
            ]);
            continue;
        }
        let reasons: Vec<String> = at(c, &["excluded_by_reason"])
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| format!("{} {}", int(v.as_u64()), exclusion_words(k)))
                    .collect()
            })
            .unwrap_or_default();
        let rejected = unum(c, &["rows_rejected"]);
        table.rows.push(vec![
            Cell::text(name),
            Cell::num(int(unum(c, &["rows_read"]))),
            Cell::num(int(unum(c, &["rows_used"]))),
            Cell::num(int(rejected)).rag(rejected.filter(|r| *r > 0).map(|_| Rag::Amber)),
            Cell::num(int(unum(c, &["rows_excluded"]))),
            Cell::text(reasons.join(", ")),
        ]);
    }
    sec.push(Block::Table(table.title("Inputs").cohort(
        "All rows of every input table, before any cohort filter",
    )));
    let warnings: Vec<String> = at(m, &["warnings"])
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if !warnings.is_empty() {
        sec.push(Block::Heading("Warnings".into()));
        sec.push(Block::List(
            warnings.into_iter().map(|w| vec![t(w)]).collect(),
        ));
    }
    sec.push(Block::Heading("Rejected and excluded rows".into()));
    match view.rows("data_quality") {
        None => sec.push(Block::Unavailable(
            "None: every row of every input was used.".into(),
        )),
        Some(df) => {
            let cols = [
                "table", "file", "line", "column", "value", "action", "reason",
            ]
            .map(|c| col_str(df, c));
            let mut t = Table::new(&[
                "Table", "File", "Line", "Column", "Value", "Action", "Reason",
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
            t = t.cohort("All input rows that were rejected or excluded").note(format!(
                "Showing {} of {} rows; data-quality.csv lists every one with file, line, column, value and reason.",
                df.height().min(DATA_QUALITY_ROWS),
                df.height()
            ));
            sec.push(Block::Table(t));
        }
    }
    sec
}
