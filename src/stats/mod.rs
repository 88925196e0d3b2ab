//! Pure statistical functions used by the metrics stage: confidence intervals for
//! proportions, quantiles, Kaplan–Meier survival curves, the log-rank test, Pearson
//! chi-square tests of independence, correlation, risk ratios (crude and Mantel–Haenszel)
//! and an OLS slope. Everything here works on plain slices and knows nothing about
//! polars or the handoff data model, so each function can be checked against published
//! values in isolation. No function panics on bad input: where a statistic is undefined
//! the function returns `None` (or NaN for the two distribution tail functions, whose
//! signatures return a bare `f64`).

pub mod cox;
pub mod fisher;
pub mod power;

pub use cox::{cox_fit, CoxFit};
pub use fisher::{fisher_exact, holm};
pub use power::{mde_relative_risk, normal_cdf};

use serde::Serialize;
use statrs::function::{beta::checked_beta_reg, gamma::checked_gamma_ur};

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

/// Wilson score interval for `k` successes out of `n` trials at normal quantile `z`
/// (use [`Z95`] for 95%). Returns `(low, high)`, clamped to `[0, 1]`.
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
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let last = sorted.len() - 1;
    let h = last as f64 * q;
    // `h` is in [0, last], so the truncating cast is a floor and stays in bounds.
    let lo = (h.floor() as usize).min(last);
    let hi = (lo + 1).min(last);
    let t = h - lo as f64;
    let (a, b) = (sorted[lo], sorted[hi]);
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

/// Sorts `(time, event)` pairs by time, dropping NaN times. Pairs beyond the shorter of
/// the two slices are ignored.
fn sorted_observations(times: &[f64], events: &[bool]) -> Vec<(f64, bool)> {
    let mut obs: Vec<(f64, bool)> = times
        .iter()
        .copied()
        .zip(events.iter().copied())
        .filter(|(t, _)| !t.is_nan())
        .collect();
    obs.sort_by(|a, b| a.0.total_cmp(&b.0));
    obs
}

/// A fitted Kaplan–Meier (product-limit) survival curve.
#[derive(Debug, Clone, PartialEq)]
pub struct KaplanMeier {
    steps: Vec<(f64, f64)>,
    n: usize,
}

impl KaplanMeier {
    /// Fits the curve. `times` are assumed `>= 0`; `events[i]` is `true` when the event
    /// was observed at `times[i]` and `false` when the subject was censored then.
    ///
    /// Ties follow the standard convention: censoring at `t` happens after the events at
    /// `t`, so subjects censored at `t` are still at risk for them. `S` is the product
    /// over the distinct event times `t_j` of `1 - d_j / n_j`.
    ///
    /// Entries beyond the shorter of the two slices and entries with a NaN time are
    /// ignored.
    pub fn fit(times: &[f64], events: &[bool]) -> KaplanMeier {
        let obs = sorted_observations(times, events);
        let n = obs.len();
        let mut steps = Vec::new();
        let mut survival = 1.0;
        let mut at_risk = n;
        let mut i = 0;
        while i < n {
            let t = obs[i].0;
            let tied = obs[i..].iter().take_while(|o| o.0 == t).count();
            let deaths = obs[i..i + tied].iter().filter(|o| o.1).count();
            if deaths > 0 {
                survival *= 1.0 - deaths as f64 / at_risk as f64;
                steps.push((t, survival));
            }
            at_risk -= tied;
            i += tied;
        }
        KaplanMeier { steps, n }
    }

    /// `S(t)`, right-continuous: includes the events at times `<= t`. `1.0` when there
    /// are no subjects or `t` is before the first event; NaN when `t` is NaN.
    pub fn survival_at(&self, t: f64) -> f64 {
        if t.is_nan() {
            return f64::NAN;
        }
        let idx = self.steps.partition_point(|&(time, _)| time <= t);
        match idx {
            0 => 1.0,
            i => self.steps[i - 1].1,
        }
    }

    /// The median survival time: the smallest event time `t` with `S(t) <= 0.5`, or
    /// `None` when the curve never reaches 0.5. The comparison is on the floating-point
    /// running product `Π(1 − d/n)` with no tolerance (docs/METHODOLOGY.md): a curve that
    /// is 0.5 in exact arithmetic but 0.5000000000000001 in floating point has not
    /// reached it, which is what the reference implementation of these definitions does.
    pub fn median(&self) -> Option<f64> {
        self.steps.iter().find(|&&(_, s)| s <= 0.5).map(|&(t, _)| t)
    }

    /// The step function: `(time, survival just after that time)` at each distinct event
    /// time, ascending.
    pub fn steps(&self) -> &[(f64, f64)] {
        &self.steps
    }

    /// Number of subjects the curve was fitted on.
    pub fn n(&self) -> usize {
        self.n
    }
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting. `None` if `a` is
/// (numerically) singular or the shapes disagree.
fn solve_linear(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let m = b.len();
    if a.len() != m || a.iter().any(|row| row.len() != m) {
        return None;
    }
    let scale = a.iter().flatten().fold(0.0_f64, |acc, v| acc.max(v.abs()));
    if !(scale > 0.0 && scale.is_finite()) {
        return None;
    }
    let tol = scale * 1e-12;
    for col in 0..m {
        let pivot_row = (col..m).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot_row][col].abs() <= tol {
            return None;
        }
        a.swap(col, pivot_row);
        b.swap(col, pivot_row);
        let (upper, lower) = a.split_at_mut(col + 1);
        let (b_upper, b_lower) = b.split_at_mut(col + 1);
        let (pivot, b_pivot) = (&upper[col], b_upper[col]);
        for (row, b_row) in lower.iter_mut().zip(b_lower.iter_mut()) {
            let factor = row[col] / pivot[col];
            if factor != 0.0 {
                for (cell, p) in row[col..].iter_mut().zip(&pivot[col..]) {
                    *cell -= factor * p;
                }
                *b_row -= factor * b_pivot;
            }
        }
    }
    let mut x = vec![0.0; m];
    for row in (0..m).rev() {
        let tail: f64 = (row + 1..m).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - tail) / a[row][row];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// Multi-group log-rank test. Each group is a `(times, events)` pair with the same
/// conventions as [`KaplanMeier::fit`].
///
/// At each distinct event time of the pooled data it accumulates, per group, observed
/// minus expected events and the hypergeometric covariance matrix
/// `V_gg = Σ d (n_g/n)(1 - n_g/n)(n - d)/(n - 1)`,
/// `V_gh = -Σ d (n_g n_h / n²)(n - d)/(n - 1)` (terms with `n = 1` are skipped). The
/// statistic is `(O - E)' V⁻¹ (O - E)` over the first `k - 1` of the `k` groups that
/// have at least one subject, with `k - 1` degrees of freedom and p from [`chi2_sf`].
///
/// `None` if fewer than two groups have subjects, there are no events at all, or `V` is
/// singular.
pub fn logrank(groups: &[(Vec<f64>, Vec<bool>)]) -> Option<TestResult> {
    let groups: Vec<Vec<(f64, bool)>> = groups
        .iter()
        .map(|(times, events)| sorted_observations(times, events))
        .filter(|obs| !obs.is_empty())
        .collect();
    let k = groups.len();
    if k < 2 {
        return None;
    }
    let mut pooled: Vec<(f64, bool, usize)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, obs)| obs.iter().map(move |&(t, e)| (t, e, g)))
        .collect();
    pooled.sort_by(|a, b| a.0.total_cmp(&b.0));

    let mut at_risk: Vec<f64> = groups.iter().map(|obs| obs.len() as f64).collect();
    let mut o_minus_e = vec![0.0; k];
    let mut v = vec![vec![0.0; k]; k];
    let mut any_event = false;
    let mut i = 0;
    while i < pooled.len() {
        let t = pooled[i].0;
        let tied = pooled[i..].iter().take_while(|p| p.0 == t).count();
        let block = &pooled[i..i + tied];
        let mut deaths_by_group = vec![0.0; k];
        for &(_, event, g) in block {
            if event {
                deaths_by_group[g] += 1.0;
            }
        }
        let d: f64 = deaths_by_group.iter().sum();
        if d > 0.0 {
            any_event = true;
            let n: f64 = at_risk.iter().sum();
            for g in 0..k {
                o_minus_e[g] += deaths_by_group[g] - d * at_risk[g] / n;
            }
            if n > 1.0 {
                let factor = d * (n - d) / ((n - 1.0) * n * n);
                for g in 0..k {
                    for h in 0..k {
                        let cov = if g == h {
                            at_risk[g] * (n - at_risk[g])
                        } else {
                            -at_risk[g] * at_risk[h]
                        };
                        v[g][h] += factor * cov;
                    }
                }
            }
        }
        for &(_, _, g) in block {
            at_risk[g] -= 1.0;
        }
        i += tied;
    }
    if !any_event {
        return None;
    }

    let m = k - 1;
    let reduced: Vec<Vec<f64>> = v.iter().take(m).map(|row| row[..m].to_vec()).collect();
    let diff = o_minus_e[..m].to_vec();
    let solution = solve_linear(reduced, diff.clone())?;
    let statistic: f64 = diff.iter().zip(&solution).map(|(a, b)| a * b).sum();
    let dof = u32::try_from(m).ok()?;
    Some(TestResult {
        statistic,
        dof,
        p_value: chi2_sf(statistic, dof),
    })
}

/// Pearson chi-square test of independence on an `r × c` table of counts, rows being
/// groups. Rows and columns whose total is 0 are dropped first. No continuity
/// correction; `dof = (r - 1)(c - 1)`.
///
/// Ragged rows are padded with zeros. `None` if fewer than two rows or two columns
/// remain, or if any count is negative or not finite.
pub fn chi_square_independence(table: &[Vec<f64>]) -> Option<TestResult> {
    if table
        .iter()
        .flatten()
        .any(|v| !(v.is_finite() && *v >= 0.0))
    {
        return None;
    }
    let width = table.iter().map(Vec::len).max().unwrap_or(0);
    let cell = |row: &[f64], j: usize| row.get(j).copied().unwrap_or(0.0);
    let col_totals: Vec<f64> = (0..width)
        .map(|j| table.iter().map(|row| cell(row, j)).sum())
        .collect();
    let cols: Vec<usize> = (0..width).filter(|&j| col_totals[j] > 0.0).collect();
    let rows: Vec<&Vec<f64>> = table
        .iter()
        .filter(|row| row.iter().sum::<f64>() > 0.0)
        .collect();
    if rows.len() < 2 || cols.len() < 2 {
        return None;
    }
    let total: f64 = cols.iter().map(|&j| col_totals[j]).sum();
    let mut statistic = 0.0;
    for row in &rows {
        let row_total: f64 = row.iter().sum();
        for &j in &cols {
            let expected = row_total * col_totals[j] / total;
            let diff = cell(row, j) - expected;
            statistic += diff * diff / expected;
        }
    }
    let dof = u32::try_from((rows.len() - 1) * (cols.len() - 1)).ok()?;
    Some(TestResult {
        statistic,
        dof,
        p_value: chi2_sf(statistic, dof),
    })
}

/// Centered sums `(Sxx, Syy, Sxy)` for two equally long, non-empty slices.
fn centered_sums(x: &[f64], y: &[f64]) -> Option<(f64, f64, f64)> {
    if x.len() != y.len() {
        return None;
    }
    let mx = mean(x)?;
    let my = mean(y)?;
    Some(
        x.iter()
            .zip(y)
            .fold((0.0, 0.0, 0.0), |(sxx, syy, sxy), (&a, &b)| {
                let (dx, dy) = (a - mx, b - my);
                (sxx + dx * dx, syy + dy * dy, sxy + dx * dy)
            }),
    )
}

/// True when every value equals the first (so the variance is exactly zero).
fn is_constant(values: &[f64]) -> bool {
    values.windows(2).all(|w| w[0] == w[1])
}

/// Pearson correlation coefficient, clamped to `[-1, 1]`. `None` if `n < 2`, the
/// lengths differ, or either variable is constant.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() < 2 || is_constant(x) || is_constant(y) {
        return None;
    }
    let (sxx, syy, sxy) = centered_sums(x, y)?;
    if sxx <= 0.0 || syy <= 0.0 {
        return None;
    }
    let r = sxy / (sxx * syy).sqrt();
    r.is_finite().then_some(r.clamp(-1.0, 1.0))
}

/// Correlation test (point-biserial when one variable is 0/1): returns `(r, p)` with
/// `r = pearson(x, y)`, `t = r sqrt((n - 2) / (1 - r²))` and `p` the two-sided Student-t
/// p-value with `n - 2` degrees of freedom; `p = 0` when `|r| == 1`.
///
/// `None` when `n < 3`, the lengths differ, or either variable is constant.
pub fn correlation_test(x: &[f64], y: &[f64]) -> Option<(f64, f64)> {
    if x.len() < 3 {
        return None;
    }
    let r = pearson(x, y)?;
    let one_minus_r2 = 1.0 - r * r;
    if one_minus_r2 <= 0.0 {
        return Some((r, 0.0));
    }
    let dof = (x.len() - 2) as f64;
    let t = r * (dof / one_minus_r2).sqrt();
    Some((r, t_two_sided_p(t, dof)))
}

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

/// Ordinary least squares slope of `y` on `x`. `None` when there are fewer than two
/// points, the lengths differ, or `x` is constant.
pub fn ols_slope(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() < 2 || is_constant(x) {
        return None;
    }
    let (sxx, _, sxy) = centered_sums(x, y)?;
    if sxx <= 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    slope.is_finite().then_some(slope)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_close(actual: f64, expected: f64, tol: f64) {
        assert!(
            (actual - expected).abs() <= tol,
            "expected {expected}, got {actual} (tolerance {tol})"
        );
    }

    // Freireich et al. (1963) 6-MP leukaemia remission data, as tabulated in Kleinbaum &
    // Klein, "Survival Analysis: A Self-Learning Text", ch. 1-2. `false` = censored.
    fn freireich_6mp() -> (Vec<f64>, Vec<bool>) {
        let data = [
            (6.0, true),
            (6.0, true),
            (6.0, true),
            (6.0, false),
            (7.0, true),
            (9.0, false),
            (10.0, true),
            (10.0, false),
            (11.0, false),
            (13.0, true),
            (16.0, true),
            (17.0, false),
            (19.0, false),
            (20.0, false),
            (22.0, true),
            (23.0, true),
            (25.0, false),
            (32.0, false),
            (32.0, false),
            (34.0, false),
            (35.0, false),
        ];
        data.iter().copied().unzip()
    }

    fn freireich_placebo() -> (Vec<f64>, Vec<bool>) {
        let times = vec![
            1.0, 1.0, 2.0, 2.0, 3.0, 4.0, 4.0, 5.0, 5.0, 8.0, 8.0, 8.0, 8.0, 11.0, 11.0, 12.0,
            12.0, 15.0, 17.0, 22.0, 23.0,
        ];
        let events = vec![true; times.len()];
        (times, events)
    }

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

    #[test]
    fn mean_basic() {
        assert_eq!(mean(&[1.0, 2.0, 3.0, 6.0]), Some(3.0));
        assert_eq!(mean(&[]), None);
    }

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

    #[test]
    fn kaplan_meier_freireich_6mp() {
        // Kleinbaum & Klein, ch. 2: S = 0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448
        // at t = 6, 7, 10, 13, 16, 22, 23; median 23. Exact products of (n_j - d_j)/n_j:
        let (times, events) = freireich_6mp();
        let km = KaplanMeier::fit(&times, &events);
        assert_eq!(km.n(), 21);
        let s6 = 18.0 / 21.0;
        let s7 = s6 * 16.0 / 17.0;
        let s10 = s7 * 14.0 / 15.0;
        let s13 = s10 * 11.0 / 12.0;
        let s16 = s13 * 10.0 / 11.0;
        let s22 = s16 * 6.0 / 7.0;
        let s23 = s22 * 5.0 / 6.0;
        let expected = [
            (6.0, s6),
            (7.0, s7),
            (10.0, s10),
            (13.0, s13),
            (16.0, s16),
            (22.0, s22),
            (23.0, s23),
        ];
        assert_eq!(km.steps().len(), expected.len());
        for (&(t, s), &(et, es)) in km.steps().iter().zip(&expected) {
            assert_eq!(t, et);
            assert_close(s, es, 1e-9);
        }
        let printed = [0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448];
        for (&(t, _), p) in expected.iter().zip(printed) {
            assert_close(km.survival_at(t), p, 5e-4);
        }
        assert_eq!(km.survival_at(0.0), 1.0);
        assert_eq!(km.survival_at(5.999), 1.0);
        assert_close(km.survival_at(9.0), s7, 1e-12);
        assert_close(km.survival_at(100.0), s23, 1e-12);
        assert_eq!(km.median(), Some(23.0));
    }

    #[test]
    fn kaplan_meier_edge_cases() {
        let empty = KaplanMeier::fit(&[], &[]);
        assert_eq!(empty.n(), 0);
        assert_eq!(empty.survival_at(10.0), 1.0);
        assert_eq!(empty.median(), None);
        assert!(empty.steps().is_empty());

        // All censored: flat at 1.
        let censored = KaplanMeier::fit(&[1.0, 2.0], &[false, false]);
        assert_eq!(censored.survival_at(5.0), 1.0);
        assert_eq!(censored.median(), None);

        // Exactly 0.5 counts as reaching the median: 4 subjects, (3/4)(2/3) = 1/2.
        let half = KaplanMeier::fit(&[1.0, 2.0, 3.0, 4.0], &[true, true, false, false]);
        assert_eq!(half.median(), Some(2.0));

        // Mismatched lengths use the common prefix.
        let short = KaplanMeier::fit(&[1.0, 2.0, 3.0], &[true]);
        assert_eq!(short.n(), 1);
        assert_eq!(short.survival_at(1.0), 0.0);
    }

    #[test]
    fn logrank_freireich() {
        // Kleinbaum & Klein, ch. 2: log-rank chi-square 16.79 (1 df), p = 0.0000417.
        // lifelines 0.30.3 logrank_test on the same data: 16.792940989216547,
        // p = 4.168809109334511e-05.
        let result = logrank(&[freireich_6mp(), freireich_placebo()]).unwrap();
        assert_eq!(result.dof, 1);
        assert_close(result.statistic, 16.792940989216547, 1e-9);
        assert_close(result.statistic, 16.79, 5e-3);
        assert_close(result.p_value, 4.168809109334511e-05, 1e-12);
        // The statistic does not depend on which group comes first.
        let swapped = logrank(&[freireich_placebo(), freireich_6mp()]).unwrap();
        assert_close(swapped.statistic, result.statistic, 1e-9);
    }

    #[test]
    fn logrank_three_groups() {
        // Cross-checked with lifelines 0.30.3:
        // multivariate_logrank_test(durations, groups, event_observed) on these data gives
        // test_statistic = 8.869073590552542, p = 0.011860558502166225, 2 df.
        let groups = vec![
            (
                vec![3.0, 5.0, 7.0, 7.0, 9.0, 12.0, 15.0],
                vec![true, true, false, true, true, false, true],
            ),
            (
                vec![2.0, 4.0, 4.0, 6.0, 8.0, 10.0],
                vec![true, true, true, false, true, true],
            ),
            (
                vec![5.0, 7.0, 11.0, 13.0, 14.0, 16.0, 18.0, 20.0],
                vec![false, true, true, false, true, true, false, true],
            ),
        ];
        let result = logrank(&groups).unwrap();
        assert_eq!(result.dof, 2);
        assert_close(result.statistic, 8.869073590552542, 1e-9);
        assert_close(result.p_value, 0.011860558502166225, 1e-9);

        // An empty group is ignored rather than making V singular.
        let mut with_empty = groups.clone();
        with_empty.insert(1, (vec![], vec![]));
        assert_eq!(logrank(&with_empty), Some(result));
    }

    #[test]
    fn logrank_two_singletons() {
        // By hand: at t = 1, n = 2, d = 1, n_1 = 1: O - E = 1 - 1/2, V = 1/4, so the
        // statistic is (1/2)² / (1/4) = 1; chi2.sf(1, 1) = 0.31731050786291115 (scipy).
        let result = logrank(&[(vec![1.0], vec![true]), (vec![2.0], vec![false])]).unwrap();
        assert_close(result.statistic, 1.0, 1e-12);
        assert_eq!(result.dof, 1);
        assert_close(result.p_value, 0.31731050786291115, 1e-12);
    }

    #[test]
    fn logrank_undefined() {
        assert_eq!(logrank(&[]), None);
        assert_eq!(logrank(&[(vec![1.0], vec![true])]), None);
        assert_eq!(
            logrank(&[(vec![1.0], vec![true]), (vec![], vec![])]),
            None,
            "only one non-empty group"
        );
        assert_eq!(
            logrank(&[(vec![1.0], vec![false]), (vec![2.0], vec![false])]),
            None,
            "no events"
        );
        // The only event has a single subject at risk: every variance term is skipped.
        assert_eq!(
            logrank(&[(vec![1.0], vec![false]), (vec![2.0], vec![true])]),
            None,
            "singular V"
        );
    }

    #[test]
    fn chi_square_agresti_party_identification() {
        // Agresti, "Categorical Data Analysis" (2nd ed., 2002), Table 3.2: party
        // identification by gender; X² = 30.07, df = 2, P < 0.001. scipy 1.17.1
        // chi2_contingency(correction=False): 30.070149095754672, p = 2.9535891832117595e-07.
        let table = vec![vec![762.0, 327.0, 468.0], vec![484.0, 239.0, 477.0]];
        let result = chi_square_independence(&table).unwrap();
        assert_eq!(result.dof, 2);
        assert_close(result.statistic, 30.07, 5e-3);
        assert_close(result.statistic, 30.070149095754672, 1e-9);
        assert_close(result.p_value, 2.9535891832117595e-07, 1e-15);
    }

    #[test]
    fn chi_square_small_tables() {
        // By hand: every expected count is 1/2, so X² = 4 · (1/2)² / (1/2) = 2;
        // chi2.sf(2, 1) = 0.15729920705028105 (scipy).
        let result = chi_square_independence(&[vec![0.0, 1.0], vec![1.0, 0.0]]).unwrap();
        assert_close(result.statistic, 2.0, 1e-12);
        assert_eq!(result.dof, 1);
        assert_close(result.p_value, 0.15729920705028105, 1e-12);

        // Zero rows and columns are dropped before the test.
        let padded = vec![
            vec![0.0, 0.0, 1.0],
            vec![0.0, 0.0, 0.0],
            vec![0.0, 1.0, 0.0],
        ];
        let result = chi_square_independence(&padded).unwrap();
        assert_close(result.statistic, 2.0, 1e-12);
        assert_eq!(result.dof, 1);

        assert_eq!(chi_square_independence(&[]), None);
        assert_eq!(chi_square_independence(&[vec![1.0, 2.0]]), None);
        assert_eq!(
            chi_square_independence(&[vec![1.0, 0.0], vec![2.0, 0.0]]),
            None
        );
        assert_eq!(
            chi_square_independence(&[vec![1.0, -1.0], vec![2.0, 3.0]]),
            None
        );
    }

    #[test]
    fn pearson_and_point_biserial_match_scipy() {
        // scipy 1.17.1 scipy.stats.pearsonr(x, y).
        let x = [2.1, 3.4, 1.9, 5.6, 4.4, 3.3];
        let y = [10.2, 12.9, 9.8, 16.1, 15.0, 11.7];
        assert_close(pearson(&x, &y).unwrap(), 0.9819884505069455, 1e-9);
        let (r, p) = correlation_test(&x, &y).unwrap();
        assert_close(r, 0.9819884505069455, 1e-9);
        assert_close(p, 0.00048370225605518766, 1e-9);

        // Point-biserial: a 0/1 outcome against a continuous variable.
        let x = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0];
        let y = [0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0];
        let (r, p) = correlation_test(&x, &y).unwrap();
        assert_close(r, 0.4364357804719846, 1e-9);
        assert_close(p, 0.2796582909046578, 1e-9);
    }

    #[test]
    fn correlation_edge_cases() {
        assert_eq!(pearson(&[1.0], &[2.0]), None);
        assert_eq!(pearson(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
        assert_eq!(pearson(&[1.0, 2.0, 3.0], &[5.0, 5.0, 5.0]), None);
        assert_eq!(pearson(&[1.0, 2.0, 3.0], &[1.0, 2.0]), None);
        assert_close(pearson(&[1.0, 2.0], &[3.0, 1.0]).unwrap(), -1.0, 1e-12);
        assert_eq!(correlation_test(&[1.0, 2.0], &[1.0, 2.0]), None);
        // Perfect correlation: p = 0.
        let (r, p) = correlation_test(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]).unwrap();
        assert_close(r, 1.0, 1e-12);
        assert_eq!(p, 0.0);
    }

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

    #[test]
    fn ols_slope_values() {
        assert_close(ols_slope(&[0.0, 1.0], &[65.0, 61.5]).unwrap(), -3.5, 1e-12);
        // scipy 1.17.1 linregress(x, y).slope.
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let y = [2.0, 4.1, 5.9, 8.2, 9.8];
        assert_close(ols_slope(&x, &y).unwrap(), 1.9700000000000004, 1e-12);
        assert_eq!(ols_slope(&[1.0], &[1.0]), None);
        assert_eq!(ols_slope(&[2.0, 2.0, 2.0], &[1.0, 2.0, 3.0]), None);
        assert_eq!(ols_slope(&[1.0, 2.0], &[1.0]), None);
    }
}
