//! Pieces the quarterly outcome sections share (churn, expansion, satisfaction, drivers):
//! catalog text with inline markup turned into spans, band labels, typed band-rate rows and
//! the reading of a ratio's interval. Everything reads the typed metric sections.

use super::*;
use crate::metrics::churn::{BandChurn, BandExpansion, RatioEstimate};
use crate::metrics::satisfaction::BandMean;
use crate::vocab::Band;

/// The message `id` with its variables filled (see [`crate::text::Text::msg`]).
pub(crate) fn q(id: &str, args: &[(&str, &str)]) -> String {
    crate::text::text(id, args)
}

/// The message `id` as spans: `<b>…</b>` is strong text, `†` the low-sample mark.
pub(crate) fn msg_spans(id: &str, args: &[(&str, &str)]) -> Vec<Span> {
    spans(&q(id, args))
}

/// The message `id` as spans, with number variables for plural selectors.
pub(crate) fn rich_n(id: &str, args: &[(&str, &str)], nums: &[(&str, f64)]) -> Vec<Span> {
    spans(&crate::text::text_n(id, args, nums))
}

/// Split marked-up catalog text into spans (`<b>…</b>` strong, `†` the low-sample mark).
pub(crate) fn spans(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let bold = rest.find("<b>");
        let low = rest.find('†');
        match (bold, low) {
            (Some(i), l) if l.is_none_or(|l| i < l) => {
                push_text(&mut out, &rest[..i]);
                let after = &rest[i + 3..];
                let end = after.find("</b>").unwrap_or(after.len());
                out.push(b(&after[..end]));
                rest = after.get(end + 4..).unwrap_or("");
            }
            (_, Some(l)) => {
                push_text(&mut out, &rest[..l]);
                out.push(Span::Low);
                rest = &rest[l + '†'.len_utf8()..];
            }
            _ => {
                push_text(&mut out, rest);
                rest = "";
            }
        }
    }
    out
}

fn push_text(out: &mut Vec<Span>, s: &str) {
    if !s.is_empty() {
        out.push(t(s));
    }
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
            spans("a <b>1</b> b†, c"),
            vec![t("a "), b("1"), t(" b"), Span::Low, t(", c")]
        );
        assert_eq!(spans("<b>x</b>"), vec![b("x")]);
        assert_eq!(spans("<b>open"), vec![b("open")]);
    }
}
