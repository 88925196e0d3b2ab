//! Association between two variables: Pearson's chi-square test of independence,
//! Pearson correlation with its t test, and the OLS slope.

use super::descriptive::mean;
use super::distributions::{chi2_sf, t_two_sided_p};
use super::TestResult;

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
    use crate::stats::assert_close;

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
