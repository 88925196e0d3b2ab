//! Survival analysis: the Kaplan–Meier (product-limit) curve and the multi-group log-rank
//! test, with the small linear solver the test needs.

use super::distributions::chi2_sf;
use super::TestResult;

/// Sorts `(time, event)` pairs by time, dropping NaN times. Pairs beyond the shorter of
/// the two slices are ignored.
fn sorted_observations(times: &[f64], events: &[bool]) -> Vec<(f64, bool)> {
    let mut obs: Vec<(f64, bool)> = times
        .iter()
        .copied()
        .zip(events.iter().copied())
        .filter(|(t, _)| !t.is_nan())
        .collect();
    // Unstable: the order within equal times does not matter (ties are counted).
    obs.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
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
    // Unstable: each block of equal times is counted, in any order.
    pooled.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::assert_close;

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
}
