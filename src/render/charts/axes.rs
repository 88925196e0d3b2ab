//! Axis maths: tick formats, nice ranges and the keyed category axis.

use super::*;

/// A linear f64 axis whose ticks are exactly the given key points (category positions or
/// our own nice ticks), with plotters' default formatting so a label formatter can be set.
#[derive(Clone)]
pub(crate) struct Keyed {
    pub(crate) lo: f64,
    pub(crate) hi: f64,
    pub(crate) keys: Vec<f64>,
}

impl Keyed {
    pub(crate) fn new(lo: f64, hi: f64, keys: Vec<f64>) -> Keyed {
        let hi = if hi > lo { hi } else { lo + 1.0 };
        Keyed { lo, hi, keys }
    }
}

impl Ranged for Keyed {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let t = (v - self.lo) / (self.hi - self.lo);
        let len = (limit.1 - limit.0) as f64;
        if !t.is_finite() {
            return limit.0;
        }
        limit.0 + (len * t).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        let eps = (self.hi - self.lo) * 1e-9;
        self.keys
            .iter()
            .copied()
            .filter(|k| *k >= self.lo - eps && *k <= self.hi + eps)
            .take(hint.max_num_points())
            .collect()
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Fmt {
    Pct,
    Int,
    Num,
    Signed,
}

pub(crate) fn fmt_tick(f: Fmt, v: f64) -> String {
    let v = if v.abs() < 1e-12 { 0.0 } else { v };
    // Written by render::format, so ticks follow the report's language like every number
    // (ungrouped, as the charts always wrote them: `2000`).
    match f {
        Fmt::Pct => {
            let p = v * 100.0;
            if (p - p.round()).abs() < 1e-6 {
                pct0(v)
            } else {
                pct(Some(v))
            }
        }
        Fmt::Int => localize_ungrouped(&format!("{:.0}", v)),
        Fmt::Num | Fmt::Signed => {
            let sign = if v < 0.0 {
                "−"
            } else if f == Fmt::Signed && v > 0.0 {
                "+"
            } else {
                ""
            };
            if (v - v.round()).abs() < 1e-6 {
                format!("{sign}{}", localize_ungrouped(&format!("{:.0}", v.abs())))
            } else {
                format!("{sign}{}", localize_ungrouped(&format!("{:.1}", v.abs())))
            }
        }
    }
}

/// Evenly spaced nice ticks covering `[lo, hi]`, about `n` of them.
pub(crate) fn ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return vec![lo];
    }
    let raw = (hi - lo) / n.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|st| *st >= raw - 1e-12)
        .unwrap_or(10.0 * mag);
    let first = (lo / step - 1e-9).ceil();
    (0..50)
        .map(|i| clean((first + i as f64) * step))
        .take_while(|v| *v <= hi + step * 1e-9)
        .collect()
}

/// A tick value without binary noise (0.6000000000000001 → 0.6).
pub(crate) fn clean(v: f64) -> f64 {
    let r = (v * 1e9).round() / 1e9;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// An axis from 0 covering `max` with about `n` nice steps: the upper end and the ticks.
pub(crate) fn nice_axis(max: f64, n: usize, integer: bool) -> (f64, Vec<f64>) {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let raw = max / n.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let steps: &[f64] = if integer {
        &[1.0, 2.0, 5.0, 10.0]
    } else {
        &[1.0, 2.0, 2.5, 5.0, 10.0]
    };
    let mut step = steps
        .iter()
        .map(|m| m * mag)
        .find(|st| *st >= raw - 1e-12)
        .unwrap_or(10.0 * mag);
    if integer {
        step = step.max(1.0).round();
    }
    let k = ((max / step) - 1e-9).ceil().max(1.0) as usize;
    let ticks = (0..=k).map(|i| clean(i as f64 * step)).collect();
    (clean(k as f64 * step), ticks)
}
