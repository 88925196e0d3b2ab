//! Descriptive statistics: the Wilson score interval of a proportion, quantiles (numpy's
//! linear method) and the mean.

/// Wilson score interval for `k` successes out of `n` trials at normal quantile `z`
/// (use [`Z95`](super::Z95) for 95%). Returns `(low, high)`, clamped to `[0, 1]`.
///
/// `None` when `n == 0`, when `k > n`, or when `z` is not finite. The sign of `z` is
/// ignored.
pub fn wilson(k: u64, n: u64, z: f64) -> Option<(f64, f64)> {
    if n == 0 || k > n || !z.is_finite() {
        return None;
    }
    let n = n as f64;
    let p = k as f64 / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let center = (p + z2 / (2.0 * n)) / denom;
    let half = z.abs() / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some((
        (center - half).clamp(0.0, 1.0),
        (center + half).clamp(0.0, 1.0),
    ))
}

/// Quantile `q` of `values` with linear interpolation between order statistics
/// (numpy's default method, position `h = (n - 1) q`). The input need not be sorted and
/// is assumed NaN-free.
///
/// `None` if `values` is empty or `q` is outside `[0, 1]` (or NaN).
pub fn quantile_linear(values: &[f64], q: f64) -> Option<f64> {
    if values.is_empty() || !(0.0..=1.0).contains(&q) {
        return None;
    }
    let mut values = values.to_vec();
    let last = values.len() - 1;
    let h = last as f64 * q;
    // `h` is in [0, last], so the truncating cast is a floor and stays in bounds.
    let lo = (h.floor() as usize).min(last);
    let hi = (lo + 1).min(last);
    let t = h - lo as f64;
    // The two order statistics by selection, not a sort of every value (issue #17: the
    // median times of a million-deal report): the `lo`-th, then the smallest of the
    // values after it, which is the next one.
    let (_, &mut a, above) = values.select_nth_unstable_by(lo, f64::total_cmp);
    let b = match above.iter().copied().min_by(f64::total_cmp) {
        Some(next) if hi > lo => next,
        _ => a,
    };
    // numpy's `_lerp`: interpolate from the nearer end for better rounding.
    Some(if t < 0.5 {
        a + (b - a) * t
    } else {
        b - (b - a) * (1.0 - t)
    })
}

/// Arithmetic mean; `None` if `values` is empty.
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    Some(values.iter().sum::<f64>() / values.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::{assert_close, Z95};

    #[test]
    fn wilson_reference_implementation() {
        // Reference values (z = Z95) from a reference Wilson implementation; also
        // reproduced in closed form: for k = 0, n = 1 the upper limit is z²/(1 + z²).
        let (lo, hi) = wilson(0, 1, Z95).unwrap();
        assert_close(lo, 0.0, 1e-12);
        assert_close(hi, 0.7934506856227626, 1e-12);
        let (lo, hi) = wilson(1, 1, Z95).unwrap();
        assert_close(lo, 0.20654931437723745, 1e-12);
        assert_close(hi, 1.0, 1e-12);
    }

    #[test]
    fn wilson_newcombe_1998() {
        // Newcombe (1998), "Two-sided confidence intervals for the single proportion:
        // comparison of seven methods", Stat Med 17:857-872, Table I, method 3 (Wilson
        // score without continuity correction), printed to 4 decimals.
        let cases = [
            (81, 263, 0.2553, 0.3662),
            (15, 148, 0.0624, 0.1605),
            (0, 20, 0.0000, 0.1611),
            (1, 29, 0.0061, 0.1718),
        ];
        for (k, n, low, high) in cases {
            let (lo, hi) = wilson(k, n, Z95).unwrap();
            assert_close(lo, low, 5e-5);
            assert_close(hi, high, 5e-5);
        }
    }

    #[test]
    fn wilson_undefined() {
        assert_eq!(wilson(0, 0, Z95), None);
        assert_eq!(wilson(3, 2, Z95), None);
        assert_eq!(wilson(1, 2, f64::NAN), None);
    }

    #[test]
    fn quantile_matches_numpy() {
        // numpy 2.4.6: np.quantile(a, q) with the default method="linear".
        assert_close(
            quantile_linear(&[1.0, 2.0, 3.0, 4.0], 0.25).unwrap(),
            1.75,
            1e-12,
        );
        assert_close(
            quantile_linear(&[1.0, 2.0, 3.0, 4.0], 0.9).unwrap(),
            3.7,
            1e-12,
        );
        let unsorted = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0];
        assert_close(quantile_linear(&unsorted, 0.37).unwrap(), 2.59, 1e-12);
        assert_close(quantile_linear(&unsorted, 0.5).unwrap(), 3.5, 1e-12);
        assert_close(quantile_linear(&unsorted, 1.0).unwrap(), 9.0, 1e-12);
        assert_close(quantile_linear(&unsorted, 0.0).unwrap(), 1.0, 1e-12);
        assert_eq!(quantile_linear(&[42.0], 0.3), Some(42.0));
        assert_eq!(quantile_linear(&[], 0.5), None);
        assert_eq!(quantile_linear(&[1.0, 2.0], 1.5), None);
        assert_eq!(quantile_linear(&[1.0, 2.0], f64::NAN), None);
    }

    /// Selection gives exactly what sorting every value gives (the definition), ties and
    /// signed zeros included.
    #[test]
    fn quantile_by_selection_equals_the_sorted_definition() {
        let by_sorting = |values: &[f64], q: f64| {
            let mut sorted = values.to_vec();
            sorted.sort_by(f64::total_cmp);
            let last = sorted.len() - 1;
            let h = last as f64 * q;
            let lo = (h.floor() as usize).min(last);
            let (a, b) = (sorted[lo], sorted[(lo + 1).min(last)]);
            let t = h - lo as f64;
            if t < 0.5 {
                a + (b - a) * t
            } else {
                b - (b - a) * (1.0 - t)
            }
        };
        // A fixed linear congruential sequence: values with many ties, some -0.0.
        let mut state = 12345u64;
        for n in 1..60 {
            let values: Vec<f64> = (0..n)
                .map(|_| {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                    match (state >> 33) % 9 {
                        0 => -0.0,
                        k => (k as f64 - 4.0) * 1.5,
                    }
                })
                .collect();
            for step in 0..=20 {
                let q = step as f64 / 20.0;
                let got = quantile_linear(&values, q).unwrap();
                assert_eq!(
                    got.to_bits(),
                    by_sorting(&values, q).to_bits(),
                    "{values:?} {q}"
                );
            }
        }
    }

    #[test]
    fn mean_basic() {
        assert_eq!(mean(&[1.0, 2.0, 3.0, 6.0]), Some(3.0));
        assert_eq!(mean(&[]), None);
    }
}
