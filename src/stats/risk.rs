//! Risk ratios with log-method intervals: crude (one 2×2 table) and Mantel–Haenszel over
//! strata.

use super::Estimate;

/// Relative risk `(a / n1) / (c / n2)` of exposed (`a` events of `n1`) against
/// unexposed (`c` of `n2`), with the log-method interval
/// `exp(ln RR ± z sqrt(1/a - 1/n1 + 1/c - 1/n2))`.
///
/// `None` when any of `a`, `n1`, `c`, `n2` is zero, or when `a > n1` or `c > n2`.
pub fn relative_risk(a: u64, n1: u64, c: u64, n2: u64, z: f64) -> Option<Estimate> {
    if a == 0 || n1 == 0 || c == 0 || n2 == 0 || a > n1 || c > n2 {
        return None;
    }
    let (a, n1, c, n2) = (a as f64, n1 as f64, c as f64, n2 as f64);
    let rr = (a / n1) / (c / n2);
    let se = (1.0 / a - 1.0 / n1 + 1.0 / c - 1.0 / n2).max(0.0).sqrt();
    Some(log_interval(rr, se, z))
}

/// `rr` with the interval `exp(ln rr ± |z| se)`.
fn log_interval(rr: f64, se: f64, z: f64) -> Estimate {
    let half = z.abs() * se;
    let ln_rr = rr.ln();
    Estimate {
        value: rr,
        ci_low: (ln_rr - half).exp(),
        ci_high: (ln_rr + half).exp(),
    }
}

/// Mantel–Haenszel risk ratio over strata `(a, n1, c, n2)` (exposed events / exposed
/// total, unexposed events / unexposed total):
/// `RR = Σ(a n2 / N) / Σ(c n1 / N)` with `N = n1 + n2`. Strata with `n1 == 0` or
/// `n2 == 0` add nothing.
///
/// The interval is `exp(ln RR ± z sqrt(var))` with the Greenland–Robins variance
/// `var = Σ((n1 n2 (a + c) - a c N) / N²) / (Σ(a n2 / N) · Σ(c n1 / N))`.
///
/// `None` when either sum is zero, when a stratum has `a > n1` or `c > n2`, or when the
/// variance is negative or not finite.
pub fn mantel_haenszel_rr(strata: &[(u64, u64, u64, u64)], z: f64) -> Option<Estimate> {
    let mut num = 0.0;
    let mut den = 0.0;
    let mut var_num = 0.0;
    for &(a, n1, c, n2) in strata {
        if a > n1 || c > n2 {
            return None;
        }
        if n1 == 0 || n2 == 0 {
            continue;
        }
        let (a, n1, c, n2) = (a as f64, n1 as f64, c as f64, n2 as f64);
        let total = n1 + n2;
        num += a * n2 / total;
        den += c * n1 / total;
        var_num += (n1 * n2 * (a + c) - a * c * total) / (total * total);
    }
    if num == 0.0 || den == 0.0 {
        return None;
    }
    let var = var_num / (num * den);
    if !(var >= 0.0 && var.is_finite()) {
        return None;
    }
    Some(log_interval(num / den, var.sqrt(), z))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::{assert_close, Z95};

    #[test]
    fn relative_risk_tolbutamide() {
        // University Group Diabetes Program tolbutamide data as tabulated in Rothman,
        // Greenland & Lash, "Modern Epidemiology" (3rd ed.), ch. 15: deaths / total,
        // tolbutamide vs placebo, crude 30/204 vs 21/205, crude RR 1.44.
        // By hand: RR = (30/204)/(21/205) = 6150/4284 = 1.435574229691877;
        // SE(ln RR) = sqrt(1/30 - 1/204 + 1/21 - 1/205) = 0.27024...;
        // 95% CI = 1.4356 · exp(∓1.96 SE) = (0.8510220736799158, 2.421645022724236).
        let est = relative_risk(30, 204, 21, 205, Z95).unwrap();
        assert_close(est.value, 6150.0 / 4284.0, 1e-12);
        assert_close(est.value, 1.44, 5e-3);
        assert_close(est.ci_low, 0.8510220736799158, 1e-9);
        assert_close(est.ci_high, 2.421645022724236, 1e-9);

        assert_eq!(relative_risk(0, 10, 1, 10, Z95), None);
        assert_eq!(relative_risk(1, 0, 1, 10, Z95), None);
        assert_eq!(relative_risk(1, 10, 0, 10, Z95), None);
        assert_eq!(relative_risk(1, 10, 1, 0, Z95), None);
        assert_eq!(relative_risk(11, 10, 1, 10, Z95), None);
    }

    #[test]
    fn mantel_haenszel_tolbutamide() {
        // Same source, stratified by age: <55: 8/106 vs 5/120; 55+: 22/98 vs 16/85.
        // Published RR_MH = 1.33. By hand, with exact fractions:
        //   Σ a n2/N = 8·120/226 + 22·85/183 = 299150/20679
        //   Σ c n1/N = 5·106/226 + 16·98/183 = 225679/20679
        //   RR_MH = 299150/225679 = 1.3255553241551052
        //   Σ (n1 n2 (a+c) − a c N)/N² = 4528121476/427621041
        //   var(ln RR) = 2264060738/33755936425 = 0.06707148364941264
        //   95% CI = RR exp(∓Z95 √var) = (0.7979070401464857, 2.2021323650351112).
        let strata = [(8, 106, 5, 120), (22, 98, 16, 85)];
        let est = mantel_haenszel_rr(&strata, Z95).unwrap();
        assert_close(est.value, 299150.0 / 225679.0, 1e-12);
        assert_close(est.value, 1.33, 5e-3);
        assert_close(est.ci_low, 0.7979070401464857, 1e-9);
        assert_close(est.ci_high, 2.2021323650351112, 1e-9);

        // A stratum with an empty arm adds nothing.
        let invalid = [(8, 106, 5, 120), (3, 0, 0, 0), (22, 98, 16, 85)];
        assert_eq!(mantel_haenszel_rr(&invalid, Z95), None, "a > n1");
        let with_empty = [
            (8, 106, 5, 120),
            (0, 0, 1, 4),
            (0, 7, 0, 0),
            (22, 98, 16, 85),
        ];
        assert_eq!(mantel_haenszel_rr(&with_empty, Z95), Some(est));

        // A single stratum reduces to the crude RR and its log-method CI.
        let single = mantel_haenszel_rr(&[(30, 204, 21, 205)], Z95).unwrap();
        let crude = relative_risk(30, 204, 21, 205, Z95).unwrap();
        assert_close(single.value, crude.value, 1e-12);
        assert_close(single.ci_low, crude.ci_low, 1e-9);
        assert_close(single.ci_high, crude.ci_high, 1e-9);

        assert_eq!(mantel_haenszel_rr(&[], Z95), None);
        assert_eq!(mantel_haenszel_rr(&[(0, 10, 3, 10)], Z95), None);
        assert_eq!(mantel_haenszel_rr(&[(3, 10, 0, 10)], Z95), None);
        assert_eq!(mantel_haenszel_rr(&[(3, 0, 2, 10)], Z95), None);
    }
}
