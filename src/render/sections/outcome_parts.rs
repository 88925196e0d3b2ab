//! Pieces the quarterly outcome sections share (churn, expansion, satisfaction, drivers):
//! catalog text with inline markup turned into spans, band labels, typed band-rate rows and
//! the reading of a ratio's interval. Everything reads the typed metric sections.

use super::*;
use crate::metrics::churn::{BandChurn, BandExpansion, RatioEstimate};
use crate::metrics::drivers::Practice;
use crate::metrics::satisfaction::BandMean;
use crate::vocab::Band;

/// The message `id` with its variables filled (see [`crate::text::Text::msg`]).
pub(crate) fn q(id: &str, args: &[(&str, &str)]) -> String {
    crate::text::text(id, args)
}

/// The message `id` as spans: `**…**` is strong text (as everywhere in the catalog), `†` the
/// low-sample mark.
pub(crate) fn msg_spans(id: &str, args: &[(&str, &str)]) -> Vec<Span> {
    spans(&q(id, args))
}

/// The message `id` as spans, with number variables for plural selectors.
pub(crate) fn msg_spans_n(id: &str, args: &[(&str, &str)], nums: &[(&str, f64)]) -> Vec<Span> {
    spans(&crate::text::text_n(id, args, nums))
}

/// Marked-up catalog text as spans: [`rich`]'s strong text, and each `†` in plain text as the
/// low-sample mark (which the HTML styles).
pub(crate) fn spans(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for span in rich(s) {
        match span {
            Span::Text(text) if text.contains('†') => {
                for (i, part) in text.split('†').enumerate() {
                    if i > 0 {
                        out.push(Span::Low);
                    }
                    if !part.is_empty() {
                        out.push(t(part));
                    }
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// A table whose column headings are the messages `ids`.
pub(crate) fn table_of(ids: &[&str]) -> Table {
    Table {
        head: ids.iter().map(|id| q(id, &[])).collect(),
        ..Table::default()
    }
}

/// The label a reader sees for a band.
pub(crate) fn band_name(band: Band) -> String {
    q(&band.label_id(), &[])
}

/// A band's rate figures (churn or expansion): rate, CI, events, n, low sample.
pub(crate) struct BandRate {
    pub(crate) rate: Option<f64>,
    pub(crate) lo: Option<f64>,
    pub(crate) hi: Option<f64>,
    pub(crate) k: Option<u64>,
    pub(crate) n: Option<u64>,
    pub(crate) low: bool,
}

impl From<&BandChurn> for BandRate {
    fn from(g: &BandChurn) -> BandRate {
        BandRate {
            rate: g.rate,
            lo: g.ci_low,
            hi: g.ci_high,
            k: Some(g.churned),
            n: Some(g.n),
            low: g.low_sample,
        }
    }
}

impl From<&BandExpansion> for BandRate {
    fn from(g: &BandExpansion) -> BandRate {
        BandRate {
            rate: g.rate,
            lo: g.ci_low,
            hi: g.ci_high,
            k: Some(g.expanded),
            n: Some(g.n),
            low: g.low_sample,
        }
    }
}

/// A handoff practice in plain words (what "with" means), as a table label.
pub(crate) fn practice_words(p: Practice) -> String {
    q(&p.label_id(), &[])
}

/// A handoff practice in plain words as it reads inside a sentence.
pub(crate) fn practice_in_sentence(p: Practice) -> String {
    crate::text::text_attr(&p.label_id(), "in-sentence")
}

/// A band's figures, or none (every number a dash) when the band has no deals.
pub(crate) fn rate_of<T>(g: Option<&T>) -> BandRate
where
    for<'a> BandRate: From<&'a T>,
{
    g.map_or(
        BandRate {
            rate: None,
            lo: None,
            hi: None,
            k: None,
            n: None,
            low: false,
        },
        BandRate::from,
    )
}

/// The table row of a band: deals, events, rate and its 95% interval.
pub(crate) fn band_rate_row(band: Band, r: &BandRate) -> Vec<Cell> {
    vec![
        Cell::text(band_name(band)),
        Cell::num(int(r.n)).low(r.low),
        Cell::num(int(r.k)),
        Cell::num(pct(r.rate)).low(r.low).strong(),
        Cell::num(ci_pct(r.lo, r.hi)),
    ]
}

/// Whether a group of `n` is a low sample.
pub(crate) fn is_low(n: u64) -> bool {
    n < LOW_SAMPLE
}

/// `mean (n)` of a band's CSAT, a dash when the band has no responses.
pub(crate) fn csat_cell(g: Option<&BandMean>) -> Cell {
    match g {
        None => Cell::num(DASH),
        Some(g) => Cell::num(q(
            "satisfaction-value-n",
            &[("value", &num1(g.mean)), ("n", &int(Some(g.n)))],
        ))
        .low(is_low(g.n)),
    }
}

/// The interval of a relative risk for a tile, or why it is missing.
pub(crate) fn estimate_detail(e: Option<&RatioEstimate>) -> String {
    match e.and_then(|e| e.ci_low.zip(e.ci_high)) {
        Some((lo, hi)) => q("churn-ci", &[("ci", &ci_num2(Some(lo), Some(hi)))]),
        None => q("churn-rr-not-computable", &[]),
    }
}

/// Whether a ratio's 95% interval lies above 1 (`Some(true)`), below 1 (`Some(false)`) or
/// includes it (`None`); the outer `None` when there is no interval.
pub(crate) fn ci_side(lo: Option<f64>, hi: Option<f64>) -> Option<Option<bool>> {
    match (lo, hi) {
        (Some(lo), _) if lo > 1.0 => Some(Some(true)),
        (_, Some(hi)) if hi < 1.0 => Some(Some(false)),
        (Some(_), Some(_)) => Some(None),
        _ => None,
    }
}

/// The message id suffix of a ratio's reading: `above`, `below`, `includes` or `none`.
pub(crate) fn ci_reading(lo: Option<f64>, hi: Option<f64>) -> &'static str {
    match ci_side(lo, hi) {
        Some(Some(true)) => "above",
        Some(Some(false)) => "below",
        Some(None) => "includes",
        None => "none",
    }
}

/// The reading of a p-value at the 5% level: `significant`, `not-significant` or `none`.
pub(crate) fn p_reading(p: Option<f64>) -> &'static str {
    match p {
        Some(p) if p < 0.05 => "significant",
        Some(_) => "not-significant",
        None => "none",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_spans() {
        assert_eq!(
            spans("a **1** b†, c"),
            vec![t("a "), b("1"), t(" b"), Span::Low, t(", c")]
        );
        assert_eq!(spans("**x**"), vec![b("x")]);
        assert_eq!(spans("†"), vec![Span::Low]);
        assert_eq!(spans("**open"), vec![b("open")]);
    }
}
