//! The "Custom analyses" section: one table per analyst query from the custom-queries
//! folder (see [`crate::sql::run_custom`]), with the query's own description, or the SQL
//! error when it failed. Cells are formatted generically (the report cannot know what an
//! analyst's column means): integers with thousands separators, other numbers with up to
//! four decimals, booleans as yes/no. Long results are cut to [`MAX_ROWS`] rows on the
//! page; the full result is always in `tables/custom_NAME.csv`.

use polars::prelude::{AnyValue, DataFrame};

use super::{int, rich, t, Block, Cell, Rag, ReportView, Section, Table};
use crate::metrics::inputs::CustomAnalyses;

/// Rows shown on the page per custom table.
pub const MAX_ROWS: usize = 50;

/// The section, or `None` when no custom query ran.
pub(super) fn section(view: &ReportView) -> Option<Section> {
    let entries = view.section::<CustomAnalyses>()?.0;
    if entries.is_empty() {
        return None;
    }
    let mut sec = Section::new("custom", &view.msg("section-custom"));
    sec.push(Block::Para(vec![t(view.msg("custom-intro"))]));
    for e in entries {
        sec.push(Block::Heading(view.msg_with(
            "custom-heading",
            &[("name", &e.name), ("file", &e.file)],
        )));
        if !e.description.is_empty() {
            sec.push(Block::Para(vec![t(e.description.as_str())]));
        }
        if let Some(err) = &e.error {
            sec.push(Block::Notice(
                Rag::Red,
                rich(&view.msg("custom-failed")),
                vec![vec![t(err.as_str())]],
            ));
            continue;
        }
        let table_name = &e.table;
        match view.table(table_name) {
            Some(df) if df.height() > 0 => {
                let mut table = frame_table(view, df);
                table = table.note(if df.height() > MAX_ROWS {
                    view.msg_with(
                        "custom-cut",
                        &[
                            ("shown", &MAX_ROWS.to_string()),
                            ("rows", &int(Some(df.height() as u64))),
                            ("table", table_name),
                        ],
                    )
                } else {
                    view.msg_with("custom-also", &[("table", table_name)])
                });
                sec.push(Block::Table(table));
            }
            _ => sec.push(Block::Unavailable(view.msg("custom-no-rows"))),
        }
    }
    Some(sec)
}

/// The first [`MAX_ROWS`] rows of a result as a report table.
fn frame_table(view: &ReportView, df: &DataFrame) -> Table {
    let head: Vec<String> = df
        .get_column_names()
        .iter()
        .map(|n| n.to_string())
        .collect();
    let mut table = Table {
        head,
        ..Table::default()
    };
    for i in 0..df.height().min(MAX_ROWS) {
        let row = df
            .columns()
            .iter()
            .map(|c| cell_in(view, c.get(i).unwrap_or(AnyValue::Null)))
            .collect();
        table.rows.push(row);
    }
    table
}

/// One value as a cell, booleans in the report's words.
fn cell_in(view: &ReportView, v: AnyValue) -> Cell {
    match v {
        AnyValue::Boolean(x) => Cell::text(view.msg(if x { "word-yes" } else { "word-no" })),
        other => cell(other),
    }
}

/// One value as a cell (booleans as English yes/no).
pub fn cell(v: AnyValue) -> Cell {
    match v {
        AnyValue::Null => Cell::text(""),
        AnyValue::Boolean(x) => Cell::text(crate::text::text(
            if x { "word-yes" } else { "word-no" },
            &[],
        )),
        AnyValue::String(s) => Cell::text(s),
        AnyValue::StringOwned(s) => Cell::text(s.as_str()),
        AnyValue::UInt8(_)
        | AnyValue::UInt16(_)
        | AnyValue::UInt32(_)
        | AnyValue::UInt64(_)
        | AnyValue::Int8(_)
        | AnyValue::Int16(_)
        | AnyValue::Int32(_)
        | AnyValue::Int64(_) => {
            let s = v.to_string();
            match s.strip_prefix('-') {
                Some(abs) => Cell::num(format!("−{}", int(abs.parse().ok()))),
                None => Cell::num(int(s.parse().ok())),
            }
        }
        AnyValue::Float32(x) => Cell::num(decimal(x as f64)),
        AnyValue::Float64(x) => Cell::num(decimal(x)),
        other => Cell::text(other.to_string()),
    }
}

/// Up to four decimals, trailing zeros dropped (the report's `fixed` rounding and
/// minus sign); non-finite values shown as blank.
pub fn decimal(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let s = super::fixed(Some(x), 4);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_formatted_by_type() {
        assert_eq!(cell(AnyValue::Int64(1234567)).text, "1,234,567");
        assert_eq!(cell(AnyValue::Int32(-1200)).text, "−1,200");
        assert!(cell(AnyValue::UInt32(7)).numeric);
        assert_eq!(cell(AnyValue::Float64(0.833333333)).text, "0.8333");
        assert_eq!(cell(AnyValue::Float64(2.5)).text, "2.5");
        assert_eq!(cell(AnyValue::Float64(-0.00001)).text, "0");
        assert_eq!(cell(AnyValue::Float64(f64::NAN)).text, "");
        assert_eq!(cell(AnyValue::Boolean(true)).text, "yes");
        assert_eq!(cell(AnyValue::String("<b>x</b>")).text, "<b>x</b>");
        assert_eq!(cell(AnyValue::Null).text, "");
    }
}
