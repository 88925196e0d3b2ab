//! Tail probabilities of the reference distributions the tests use: chi-square and
//! Student's t, from the regularized incomplete gamma and beta functions.

use statrs::function::{beta::checked_beta_reg, gamma::checked_gamma_ur};

/// Chi-square survival function `P(X > x)` for `dof` degrees of freedom.
///
/// Computed as the regularized upper incomplete gamma function `Q(dof/2, x/2)` rather
/// than `1 - cdf`, so tiny p-values keep their relative precision. Returns `1.0` for
/// `x <= 0`, `0.0` for `x = +∞`, and NaN when `x` is NaN or `dof == 0`.
pub fn chi2_sf(x: f64, dof: u32) -> f64 {
    if x.is_nan() || dof == 0 {
        return f64::NAN;
    }
    if x <= 0.0 {
        return 1.0;
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    checked_gamma_ur(f64::from(dof) / 2.0, x / 2.0).unwrap_or(f64::NAN)
}

/// Two-sided p-value `P(|T| >= |t|)` of Student's t with `dof` degrees of freedom,
/// computed as the regularized incomplete beta `I_{dof/(dof+t²)}(dof/2, 1/2)`.
///
/// Returns `0.0` for infinite `t` and NaN when `t` is NaN or `dof` is not a positive
/// finite number.
pub fn t_two_sided_p(t: f64, dof: f64) -> f64 {
    if t.is_nan() || !(dof > 0.0 && dof.is_finite()) {
        return f64::NAN;
    }
    if t.is_infinite() {
        return 0.0;
    }
    let x = (dof / (dof + t * t)).clamp(0.0, 1.0);
    checked_beta_reg(dof / 2.0, 0.5, x).unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::assert_close;

    #[test]
    fn distribution_tails() {
        // 3.841458820694124 is the 0.95 quantile of chi-square(1) (= Z95²), and
        // 2.228138851986 the 0.975 quantile of t(10) (standard tables; scipy agrees).
        assert_close(chi2_sf(3.841458820694124, 1), 0.05, 1e-9);
        assert_close(t_two_sided_p(2.228138851986, 10.0), 0.05, 1e-9);
        assert_close(t_two_sided_p(-2.228138851986, 10.0), 0.05, 1e-9);
        // scipy 1.17.1: chi2.sf(1, 1), chi2.sf(2, 1).
        assert_close(chi2_sf(1.0, 1), 0.31731050786291115, 1e-12);
        assert_close(chi2_sf(2.0, 1), 0.15729920705028105, 1e-12);
        // Tiny tails keep their relative precision: scipy chi2.sf(200, 1) =
        // 2.0884875837625688e-45 (1 - cdf would give 0).
        let tiny = chi2_sf(200.0, 1);
        assert_close(tiny / 2.0884875837625688e-45, 1.0, 1e-9);
        assert_eq!(chi2_sf(0.0, 3), 1.0);
        assert_eq!(chi2_sf(-1.0, 3), 1.0);
        assert_eq!(chi2_sf(f64::INFINITY, 3), 0.0);
        assert!(chi2_sf(1.0, 0).is_nan());
        assert!(chi2_sf(f64::NAN, 1).is_nan());
        assert_close(t_two_sided_p(0.0, 5.0), 1.0, 1e-12);
        assert_eq!(t_two_sided_p(f64::INFINITY, 5.0), 0.0);
        assert!(t_two_sided_p(1.0, 0.0).is_nan());
        assert!(t_two_sided_p(f64::NAN, 5.0).is_nan());
    }
}
