//! Excel workbooks as tables (METRICS.md §3.2), between `locate.rs`, which sends every `.xlsx`
//! file here, and the row parser of `rows.rs`, which every format shares. One sheet (the
//! one `[tables] TABLE = { path, sheet }` names, else the first) is read with `calamine`
//! and turned into the same stream of rows the CSV reader produces: `skip` rows before the
//! header, `header_rows - 1` more header rows ignored, blank rows skipped, then each row's
//! cells handed over typed — date cells as instants (Excel serials of the 1900 or the 1904
//! date system, whichever the workbook uses), numbers as numbers, booleans as booleans,
//! text parsed by the §3 rules, Excel error values (`#N/A`) as unparseable. Row accounting,
//! filters, value maps, fills and data-quality lines therefore work exactly as for CSV;
//! the file is shown as `deals.xlsx[Sheet1]` and the line is the sheet's row number.

use std::panic::AssertUnwindSafe;
use std::path::Path;

use calamine::{open_workbook, CellErrorType, Data, Reader, Xlsx};

use super::accounts::AccountLookup;
use super::cells::{is_blank, raw_text, Cell};
use super::read::{clip, Fatal, ParsedTable};
use super::rows::sink_for;
use crate::config::Settings;
use crate::schema::TableSpec;

/// Read one sheet of an `.xlsx` workbook as `table`.
pub fn read_xlsx(
    path: &Path,
    table: &'static TableSpec,
    settings: &Settings,
    accounts: Option<&AccountLookup>,
) -> anyhow::Result<Result<ParsedTable, Fatal>> {
    let shown = path.display().to_string();
    let layout = settings.mapping.layout(table.name);
    let opened = std::panic::catch_unwind(|| open_workbook::<Xlsx<_>, _>(path));
    let mut book = match opened {
        Ok(Ok(b)) => b,
        Ok(Err(e)) => return Ok(Err(unreadable(&shown, table, &e.to_string()))),
        Err(_) => return Ok(Err(unreadable(&shown, table, "the reader failed"))),
    };
    let names = book.sheet_names();
    let sheet = match pick_sheet(&names, layout.sheet.as_deref()) {
        Some(s) => s,
        None => {
            let listed = names
                .iter()
                .map(|n| format!("{:?}", clip(n.clone())))
                .collect::<Vec<_>>()
                .join(", ");
            let what = match &layout.sheet {
                Some(s) => format!("config [tables] {}: sheet {s:?} not found", table.name),
                None => format!("table {}: the workbook has no sheet", table.name),
            };
            return Ok(Err(Fatal(format!("{shown}: {what}; sheets: {listed}"))));
        }
    };
    let file = format!("{shown}[{sheet}]");
    let read = std::panic::catch_unwind(AssertUnwindSafe(|| book.worksheet_range(&sheet)));
    let range = match read {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => {
            let why = format!("sheet {sheet:?}: {e}");
            return Ok(Err(unreadable(&shown, table, &why)));
        }
        Err(_) => {
            let why = format!("sheet {sheet:?}: the reader failed");
            return Ok(Err(unreadable(&shown, table, &why)));
        }
    };
    // Sheet row numbers are 1-based; the range starts at its first non-empty row.
    let first_row = range.start().map_or(1, |(r, _)| r as u64 + 1);
    let mut rows = range
        .rows()
        .enumerate()
        .map(|(i, r)| (first_row + i as u64, r))
        .filter(|(n, r)| *n > layout.skip && !r.iter().all(|d| is_blank(&cell(d))));
    let Some((header_line, header)) = rows.next() else {
        let after = if layout.skip > 0 {
            format!(" after skip = {}", layout.skip)
        } else {
            String::new()
        };
        return Ok(Err(Fatal(format!(
            "{file}: table {} is empty (no header row{after})",
            table.name
        ))));
    };
    let header: Vec<String> = header.iter().map(|d| raw_text(&cell(d))).collect();
    let mut sink = match sink_for(table, settings, &header, &file, accounts) {
        Ok(s) => s,
        Err(f) => return Ok(Err(f)),
    };
    tracing::debug!("{file}: header on row {header_line}");
    let mut rows = rows.skip(layout.extra_header_rows() as usize);
    let mut cells: Vec<Option<Cell>> = vec![None; table.columns.len()];
    let index = sink.plan().index.clone();
    for (line, row) in rows.by_ref() {
        let at = |i: usize| row.get(i).map(cell).unwrap_or(Cell::Null);
        for (slot, idx) in cells.iter_mut().zip(&index) {
            *slot = idx.map(at);
        }
        if let Some((column, value)) = sink.plan().filtered_by(|i| raw_text(&at(i))) {
            let id = cells[0].map(|c| raw_text(&c)).unwrap_or_default();
            sink.filter_out(line, column, value, &id);
            continue;
        }
        sink.push(line, &cells);
    }
    Ok(Ok(sink.finish(Vec::new())?))
}

fn unreadable(file: &str, table: &TableSpec, why: &str) -> Fatal {
    Fatal(format!(
        "{file}: table {}: cannot read the .xlsx workbook ({}); is it an Excel workbook saved as .xlsx?",
        table.name,
        clip(why.to_string())
    ))
}

/// The sheet `wanted` names (exactly, else ignoring case and surrounding spaces), or the
/// first sheet when none is named.
fn pick_sheet(names: &[String], wanted: Option<&str>) -> Option<String> {
    let Some(w) = wanted else {
        return names.first().cloned();
    };
    names
        .iter()
        .find(|n| n.as_str() == w)
        .or_else(|| {
            let w = w.trim().to_lowercase();
            names.iter().find(|n| n.trim().to_lowercase() == w)
        })
        .cloned()
}

/// A workbook cell as the row parser sees it.
fn cell(d: &Data) -> Cell<'_> {
    match d {
        Data::Empty => Cell::Null,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s),
        Data::Float(f) => Cell::Float(*f),
        Data::Int(i) => Cell::Float(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => match serial_micros(dt.as_f64(), dt) {
            Some(us) => Cell::Micros(us),
            None => Cell::Error("a date cell outside 1900-01-01..9999-12-31 (or 1900-02-29)"),
        },
        // A duration (`[h]:mm`) is a number of days.
        Data::DateTime(dt) => Cell::Float(dt.as_f64()),
        Data::Error(e) => Cell::Error(error_text(e)),
    }
}

/// An Excel date serial (either date system: calamine knows the workbook's) as
/// microseconds since the Unix epoch, UTC. `None` for a serial before the system's first
/// day or Excel's phantom 1900-02-29.
fn serial_micros(serial: f64, dt: &calamine::ExcelDateTime) -> Option<i64> {
    if !serial.is_finite() || serial < 1.0 {
        return None;
    }
    let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
    let at = chrono::NaiveDate::from_ymd_opt(y.into(), mo.into(), d.into())?.and_hms_milli_opt(
        h.into(),
        mi.into(),
        s.into(),
        ms.into(),
    )?;
    Some(at.and_utc().timestamp_micros())
}

fn error_text(e: &CellErrorType) -> &'static str {
    match e {
        CellErrorType::Div0 => "#DIV/0!",
        CellErrorType::NA => "#N/A",
        CellErrorType::Name => "#NAME?",
        CellErrorType::Null => "#NULL!",
        CellErrorType::Num => "#NUM!",
        CellErrorType::Ref => "#REF!",
        CellErrorType::Value => "#VALUE!",
        CellErrorType::GettingData => "#DATA!",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    fn at(serial: f64, is_1904: bool) -> Option<String> {
        let dt = ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, is_1904);
        serial_micros(serial, &dt).map(|us| {
            chrono::DateTime::from_timestamp_micros(us)
                .expect("in range")
                .naive_utc()
                .to_string()
        })
    }

    /// Published serials: 45943.5 is 2025-10-13 12:00 in the 1900 system; the 1904 system
    /// counts 1462 days fewer for the same day; serial 60 is Excel's phantom 1900-02-29.
    #[test]
    fn serials_of_both_date_systems() {
        assert_eq!(at(45943.5, false).as_deref(), Some("2025-10-13 12:00:00"));
        assert_eq!(
            at(45943.5 - 1462.0, true).as_deref(),
            Some("2025-10-13 12:00:00")
        );
        assert_eq!(at(61.0, false).as_deref(), Some("1900-03-01 00:00:00"));
        assert_eq!(at(60.0, false), None);
        assert_eq!(at(0.0, false), None);
    }

    #[test]
    fn sheets_by_name() {
        let names = vec![
            "Active Opportunities".to_string(),
            "hiddenSheet".to_string(),
        ];
        assert_eq!(
            pick_sheet(&names, None).as_deref(),
            Some("Active Opportunities")
        );
        assert_eq!(
            pick_sheet(&names, Some(" active opportunities")).as_deref(),
            Some("Active Opportunities")
        );
        assert_eq!(pick_sheet(&names, Some("Accounts")), None);
    }
}
