//! One cell of an input file and its parsed value, by the METRICS.md §3 rules: blank cells,
//! the raw text an issue quotes, allowed values, the §3.2 health-score rescaling and the
//! column's range check. The row state machine that uses them is [`super::rows`].

use std::borrow::Cow;

use super::parse::{self, MICROS_PER_DAY};
use crate::config::Settings;
use crate::schema::{self, ColumnSpec, Kind};

/// One cell as it comes from a file, before parsing.
#[derive(Clone, Copy)]
pub(super) enum Cell<'a> {
    Null,
    Text(&'a str),
    Float(f64),
    Micros(i64),
    Days(i32),
    Bool(bool),
    /// A cell a workbook could not give a value for: an Excel error (`#N/A`), an invalid date.
    Error(&'static str),
}

/// A parsed value; text borrows the cell it came from unless parsing changed it.
#[derive(Clone)]
pub(super) enum Value<'c> {
    Null,
    Text(Cow<'c, str>),
    Int(i64),
    Float(f64),
    Bool(bool),
}

pub(super) fn is_blank(cell: &Cell) -> bool {
    match cell {
        Cell::Null => true,
        Cell::Text(s) => parse::trim(s).is_empty(),
        _ => false,
    }
}

pub(super) fn raw_text(cell: &Cell) -> String {
    match cell {
        Cell::Null => String::new(),
        Cell::Text(s) => s.to_string(),
        Cell::Float(f) => f.to_string(),
        Cell::Micros(m) => chrono::DateTime::from_timestamp_micros(*m)
            .map(|d| d.to_rfc3339())
            .unwrap_or_default(),
        Cell::Days(d) => chrono::DateTime::from_timestamp(*d as i64 * 86_400, 0)
            .map(|d| d.date_naive().to_string())
            .unwrap_or_default(),
        Cell::Bool(b) => b.to_string(),
        Cell::Error(e) => e.to_string(),
    }
}

/// Parse one cell for a column; `Ok(Value::Null)` for blank.
pub(super) fn parse_cell<'c>(
    cell: Cell<'c>,
    spec: &ColumnSpec,
    settings: &Settings,
) -> Result<Value<'c>, String> {
    if is_blank(&cell) {
        return Ok(match spec.kind {
            Kind::Bool => Value::Bool(false),
            _ => Value::Null,
        });
    }
    let fmt = settings.date_formats.as_slice();
    let dc = settings.decimal_comma;
    let value = match (spec.kind, cell) {
        (_, Cell::Error(e)) => return Err(format!("the workbook cell holds an error: {e}")),
        (Kind::Text, Cell::Text(s)) => match parse::parse_text(s)? {
            None => Value::Null,
            Some(t) => {
                if let Some(allowed) = spec.allowed {
                    let lower = allowed_spelling(t);
                    if !allowed.contains(&lower.as_ref()) {
                        return Err(format!("not one of {}", allowed.join(", ")));
                    }
                    Value::Text(lower)
                } else {
                    Value::Text(Cow::Borrowed(t))
                }
            }
        },
        (Kind::Text, other) => Value::Text(Cow::Owned(raw_text(&other))),
        (Kind::DateTime, Cell::Text(s)) => {
            Value::Int(parse::parse_datetime_in(parse::trim(s), fmt)?)
        }
        (Kind::DateTime, Cell::Micros(m)) => Value::Int(m),
        (Kind::DateTime, Cell::Days(d)) => Value::Int(
            (d as i64)
                .checked_mul(MICROS_PER_DAY)
                .ok_or("out of range: a date too far from 1970")?,
        ),
        (Kind::Date, Cell::Text(s)) => {
            Value::Int(parse::parse_date_in(parse::trim(s), fmt)? as i64)
        }
        (Kind::Date, Cell::Days(d)) => Value::Int(d as i64),
        (Kind::Date, Cell::Micros(m)) => Value::Int(m.div_euclid(MICROS_PER_DAY)),
        (Kind::Number, Cell::Text(s)) => Value::Float(parse::parse_number(s, dc)?),
        (Kind::Number, Cell::Float(f)) => Value::Float(f),
        (Kind::Integer, Cell::Text(s)) => Value::Int(parse::parse_integer(s, dc)?),
        (Kind::Integer, Cell::Float(f)) if f.fract() == 0.0 && f.is_finite() => {
            Value::Int(f as i64)
        }
        (Kind::Bool, Cell::Text(s)) => Value::Bool(parse::parse_bool(s)?),
        (Kind::Bool, Cell::Bool(b)) => Value::Bool(b),
        (Kind::Bool, Cell::Float(f)) if f == 0.0 || f == 1.0 => Value::Bool(f == 1.0),
        (Kind::Fraction, Cell::Text(s)) => Value::Float(parse::parse_fraction(s, dc)?),
        (Kind::Fraction, Cell::Bool(b)) => Value::Float(if b { 1.0 } else { 0.0 }),
        (Kind::Fraction, Cell::Float(f)) if (0.0..=1.0).contains(&f) => Value::Float(f),
        (Kind::Fraction, Cell::Float(_)) => {
            return Err("out of range: must be a boolean or a number in [0, 1]".into())
        }
        (Kind::Date | Kind::DateTime, Cell::Float(_)) => {
            return Err("a number, not a date (a workbook cell without a date format?)".into())
        }
        _ => {
            return Err(format!(
                "a value of the wrong type for a {:?} column",
                spec.kind
            ))
        }
    };
    // METRICS.md §3.2: a health score on another scale is checked against it and mapped to 0–100.
    let scale = &settings.mapping.health;
    if let (schema::HEALTH_SCORE, Value::Float(x), false) = (spec.name, &value, scale.is_identity())
    {
        return scale.rescale(*x).map(Value::Float);
    }
    // Range checks.
    let num = match &value {
        Value::Float(f) => Some(*f),
        Value::Int(i) if matches!(spec.kind, Kind::Integer) => Some(*i as f64),
        _ => None,
    };
    if let Some(reason) = num.and_then(|x| range_error(x, spec)) {
        return Err(reason);
    }
    Ok(value)
}

/// A value of a column with allowed values, as it is compared with them: lower case, spaces
/// and hyphens as `_`. Plain lower-case ASCII (most cells) is borrowed as it is.
fn allowed_spelling(t: &str) -> Cow<'_, str> {
    let plain = |b: &u8| b.is_ascii() && !b.is_ascii_uppercase() && *b != b' ' && *b != b'-';
    if t.bytes().all(|b| plain(&b)) {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(t.to_lowercase().replace([' ', '-'], "_"))
    }
}

/// The column's bounds check (METRICS.md §3 ranges): why `x` is out of range, or `None`.
pub(super) fn range_error(x: f64, spec: &ColumnSpec) -> Option<String> {
    if let Some((lo, exclusive)) = spec.min {
        if x < lo || (exclusive && x == lo) {
            let op = if exclusive { ">" } else { ">=" };
            return Some(format!("out of range: must be {op} {lo}"));
        }
    }
    match spec.max {
        Some(hi) if x > hi => Some(format!("out of range: must be <= {hi}")),
        _ => None,
    }
}

/// The score range of a survey kind (CSAT 1–5, NPS 0–10).
pub(super) fn survey_score_range(kind: &str) -> (f64, f64) {
    if kind == "csat" {
        (1.0, 5.0)
    } else {
        (0.0, 10.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_spelling_lowers_and_underscores_and_borrows_plain_text() {
        assert!(matches!(
            allowed_spelling("kickoff_call"),
            Cow::Borrowed("kickoff_call")
        ));
        assert_eq!(allowed_spelling("Kickoff Call"), "kickoff_call");
        assert_eq!(allowed_spelling("mid-market"), "mid_market");
        assert_eq!(allowed_spelling("ÉTÉ-x"), "été_x");
    }
}
