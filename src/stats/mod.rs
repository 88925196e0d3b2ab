//! Pure statistical functions used by the metrics stage: confidence intervals for
//! proportions, quantiles, Kaplan–Meier survival curves, the log-rank test, Pearson
//! chi-square tests of independence, correlation, risk ratios (crude and Mantel–Haenszel)
//! and an OLS slope. Everything here works on plain slices and knows nothing about
//! polars or the handoff data model, so each function can be checked against published
//! values in isolation. No function panics on bad input: where a statistic is undefined
//! the function returns `None` (or NaN for the two distribution tail functions, whose
//! signatures return a bare `f64`).
//!
//! One file per family: `descriptive` (Wilson interval, quantiles, mean), `distributions`
//! (chi-square and t tails), `survival` (Kaplan–Meier, log-rank), `association`
//! (chi-square independence, correlation, OLS slope), `risk` (crude and Mantel–Haenszel
//! risk ratios), `fisher` (Fisher's exact test, Holm), `power` (minimum detectable effect),
//! `cox` (proportional hazards).

mod association;
pub mod cox;
mod descriptive;
mod distributions;
pub mod fisher;
pub mod power;
mod risk;
mod survival;

pub use association::{chi_square_independence, correlation_test, ols_slope, pearson};
pub use cox::{cox_fit, cox_fit_ordered, cox_fit_rows, CoxFit, RiskOrder};
pub use descriptive::{mean, quantile_linear, wilson};
pub use distributions::{chi2_sf, t_two_sided_p};
pub use fisher::{fisher_exact, holm};
pub use power::{mde_relative_risk, normal_cdf};
pub use risk::{mantel_haenszel_rr, relative_risk};
pub use survival::{logrank, KaplanMeier};

use serde::Serialize;

/// The two-sided 95% standard normal quantile, Φ⁻¹(0.975).
pub const Z95: f64 = 1.959963984540054;

/// The outcome of a hypothesis test whose statistic has a chi-square reference
/// distribution.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TestResult {
    /// The test statistic.
    pub statistic: f64,
    /// Degrees of freedom of the reference distribution.
    pub dof: u32,
    /// Upper-tail p-value of `statistic`.
    pub p_value: f64,
}

/// A point estimate with a confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Estimate {
    /// The point estimate.
    pub value: f64,
    /// Lower confidence limit.
    pub ci_low: f64,
    /// Upper confidence limit.
    pub ci_high: f64,
}

/// `actual` within `tol` of `expected` (the tests of every file here).
#[cfg(test)]
fn assert_close(actual: f64, expected: f64, tol: f64) {
    assert!(
        (actual - expected).abs() <= tol,
        "expected {expected}, got {actual} (tolerance {tol})"
    );
}
