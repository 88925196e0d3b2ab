//! Power of the two-proportion comparison and the minimal detectable relative risk
//! (METRICS.md §4.14): "could the mature cohort have shown a difference of this size?". The
//! metrics stage calls [`mde_relative_risk`] with the substandard and excellent band sizes
//! and excellent's churn rate.

use statrs::function::erf::erfc;

/// Standard normal CDF Φ(x).
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}

/// Approximate power of a two-sided two-proportion z-test at normal quantile `z` to tell
/// `p1` (group of size `n1`) from `p2` (size `n2`):
/// Φ((p1 − p2 − z·sqrt(p̄(1−p̄)(1/n1 + 1/n2))) / sqrt(p1(1−p1)/n1 + p2(1−p2)/n2)) with
/// p̄ = (n1·p1 + n2·p2)/(n1 + n2). NaN when a size is zero.
pub fn two_proportion_power(p1: f64, p2: f64, n1: u64, n2: u64, z: f64) -> f64 {
    let (a, b) = (n1 as f64, n2 as f64);
    let pooled = (a * p1 + b * p2) / (a + b);
    let null_sd = (pooled * (1.0 - pooled) * (1.0 / a + 1.0 / b)).sqrt();
    let alt_sd = (p1 * (1.0 - p1) / a + p2 * (1.0 - p2) / b).sqrt();
    normal_cdf((p1 - p2 - z * null_sd) / alt_sd)
}

/// The smallest relative risk p1 / p2 (p1 in (p2, 1]) whose power reaches `target`: the
/// upper end of a bisection on p1 run until the bracket is narrower than 1e-12.
///
/// `None` when `n1` or `n2` is 0, `p2` is not inside (0, 1), or even p1 = 1 has power
/// below `target`.
pub fn mde_relative_risk(p2: f64, n1: u64, n2: u64, z: f64, target: f64) -> Option<f64> {
    if n1 == 0 || n2 == 0 || !(p2 > 0.0 && p2 < 1.0) {
        return None;
    }
    let power = |p1: f64| two_proportion_power(p1, p2, n1, n2, z);
    let at_one = power(1.0);
    if at_one.is_nan() || at_one < target {
        return None;
    }
    let (mut lo, mut hi) = (p2, 1.0);
    while hi - lo >= 1e-12 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if power(mid) >= target {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi / p2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::Z95;

    #[test]
    fn normal_cdf_published_points() {
        // Standard normal table: Φ(0) = 0.5, Φ(1.959964) = 0.975, Φ(−0.841621) = 0.2.
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-15);
        // statrs' erfc is accurate to about 1e-11 relative.
        assert!((normal_cdf(Z95) - 0.975).abs() < 1e-10);
        assert!((normal_cdf(-0.8416212335729143) - 0.2).abs() < 1e-10);
    }

    #[test]
    fn power_at_a_hand_computed_point() {
        // n1 = n2 = 100, p2 = 0.1, p1 = 0.3: p̄ = 0.2, null sd = sqrt(0.16 · 0.02) =
        // 0.0565685; alt sd = sqrt(0.0021 + 0.0009) = sqrt(0.003) = 0.0547723;
        // (0.2 − 1.959964 · 0.0565685) / 0.0547723 = (0.2 − 0.1108718) / 0.0547723
        // = 1.6272416 → Φ = 0.9481571 (normal table: Φ(1.62) = 0.94738, Φ(1.63) = 0.94845).
        let x = (0.2 - Z95 * (0.16f64 * 0.02).sqrt()) / 0.003f64.sqrt();
        assert!((x - 1.6272416).abs() < 1e-6, "{x}");
        let p = two_proportion_power(0.3, 0.1, 100, 100, Z95);
        assert!((p - normal_cdf(x)).abs() < 1e-15);
        assert!((p - 0.9481571).abs() < 1e-6, "{p}");
    }

    #[test]
    fn bisection_finds_the_smallest_p1_with_80_percent_power() {
        let (p2, n1, n2) = (0.1, 100, 100);
        let rr = mde_relative_risk(p2, n1, n2, Z95, 0.8).unwrap();
        let p1 = rr * p2;
        let power = |p: f64| two_proportion_power(p, p2, n1, n2, Z95);
        assert!(power(p1) >= 0.8, "{}", power(p1));
        assert!(power(p1 - 1e-9) < 0.8, "{}", power(p1 - 1e-9));
        // Between 0.1 (power 0.025) and 0.3 (power 0.948, above).
        assert!(p1 > 0.2 && p1 < 0.3, "{p1}");
    }

    #[test]
    fn undetectable_or_undefined_gives_none() {
        // Tiny groups: even p1 = 1 against p2 = 0.6 with n = 2 each lacks 80% power:
        // p̄ = 0.8, null sd = sqrt(0.16) = 0.4, alt sd = sqrt(0.24 / 2) = 0.34641;
        // (0.4 − 0.78399) / 0.34641 = −1.1085 → Φ = 0.134.
        assert_eq!(mde_relative_risk(0.6, 2, 2, Z95, 0.8), None);
        assert_eq!(mde_relative_risk(0.0, 50, 50, Z95, 0.8), None);
        assert_eq!(mde_relative_risk(1.0, 50, 50, Z95, 0.8), None);
        assert_eq!(mde_relative_risk(0.2, 0, 50, Z95, 0.8), None);
    }
}
