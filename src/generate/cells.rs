//! One cell: a value as the simulation hands it on ([`V`]) and how its column is written
//! ([`Style`]). The tables, their columns and each column's kind come from `src/schema.rs`,
//! the one schema the reader also checks against; [`style`] only refines a kind where the
//! generator writes a column its own way (segment and money spellings, a fixed number of
//! decimals, a date-only close, `info_*` blanks).

use crate::schema::{self, ColumnSpec, Kind};

/// One cell value.
#[derive(Clone, Copy, Debug)]
pub(super) enum V<'a> {
    Null,
    S(&'a str),
    F(f64),
    I(i64),
    B(bool),
    /// Days since 1970-01-01.
    D(i64),
    /// Microseconds since the epoch, UTC.
    T(i64),
}

pub(super) fn opt_s(x: Option<&str>) -> V<'_> {
    x.map_or(V::Null, V::S)
}

pub(super) fn opt_f<'a>(x: Option<f64>) -> V<'a> {
    x.map_or(V::Null, V::F)
}

pub(super) fn opt_t<'a>(x: Option<i64>) -> V<'a> {
    x.map_or(V::Null, V::T)
}

/// How the generator writes a column, refining its schema [`Kind`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Style {
    /// Identifiers, enumerations and free text: written as is.
    Text,
    /// A segment: now and then in a CRM's own spelling.
    Segment,
    /// Money: now and then as a money string.
    Money,
    /// A number with this many decimals.
    Num(usize),
    Int,
    Bool,
    /// Checklist item: 1/0 as a boolean, partial credit as a number.
    Check,
    Date,
    Stamp,
    /// A datetime that is written date-only when it is exactly midnight UTC.
    StampOrDate,
    /// An info field: blank may be written as whitespace.
    Info,
}

/// How `col` is written: its schema kind, refined for the columns named here.
pub(super) fn style(col: &ColumnSpec) -> Style {
    match col.name {
        schema::SEGMENT => return Style::Segment,
        schema::ACV => return Style::Money,
        schema::CLOSED_AT | schema::RESPONDED_AT => return Style::StampOrDate,
        schema::ARR_DELTA => return Style::Num(2),
        schema::HEALTH_SCORE | schema::SATISFACTION => return Style::Num(1),
        name if schema::INFO_FIELDS.contains(&name) => return Style::Info,
        _ => {}
    }
    match col.kind {
        Kind::Text => Style::Text,
        Kind::Number => Style::Num(0),
        Kind::Integer => Style::Int,
        Kind::Bool => Style::Bool,
        Kind::Fraction => Style::Check,
        Kind::Date => Style::Date,
        Kind::DateTime => Style::Stamp,
    }
}
