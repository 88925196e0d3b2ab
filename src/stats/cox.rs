//! Stratified Cox proportional-hazards regression (METRICS.md §4.13): Efron's approximation for
//! tied event times, a separate baseline hazard per stratum, Newton–Raphson from β = 0, and
//! standard errors from the inverse observed information. The metrics stage builds the
//! design (band indicators, log ACV, score per 10 points) and calls [`cox_fit`]; the small
//! dense linear algebra it needs (Cholesky, a symmetric eigen-decomposition for the
//! condition number) lives here too, since the matrices are at most a few columns wide.

/// A converged fit.
#[derive(Debug, Clone, PartialEq)]
pub struct CoxFit {
    /// Coefficients (log hazard ratios), one per covariate column.
    pub beta: Vec<f64>,
    /// Standard errors from the inverse observed information at `beta`.
    pub se: Vec<f64>,
    /// Log partial likelihood at `beta`.
    pub loglik: f64,
    /// Newton–Raphson steps taken.
    pub steps: usize,
}

/// Largest condition number of the information matrix accepted as non-singular.
pub const MAX_CONDITION: f64 = 1e12;
/// Newton–Raphson stops when every |Δβ| is below this.
pub const TOLERANCE: f64 = 1e-9;
/// Newton–Raphson gives up after this many steps.
pub const MAX_STEPS: usize = 50;

type Matrix = Vec<Vec<f64>>;

/// Log partial likelihood, score vector and observed information at `beta`.
struct Evaluation {
    loglik: f64,
    score: Vec<f64>,
    info: Matrix,
}

/// The data, centred, laid out in the order the sums walk it: stratum by stratum, each
/// stratum's rows in descending time order. Row `k` of that order has covariates
/// `x[k * p..(k + 1) * p]`; `strata` are ranges of rows. (Walking a million subjects in
/// their original order through an index cost a cache miss per subject per step.)
struct Design {
    x: Vec<f64>,
    time: Vec<f64>,
    event: Vec<bool>,
    strata: Vec<std::ops::Range<usize>>,
    p: usize,
}

impl Design {
    /// [`Design::evaluate_in`] with the covariate count a constant for the models the report
    /// fits (two and four covariates), so the per-subject loops are unrolled; the same
    /// operations in the same order, so the same bits.
    fn evaluate(&self, beta: &[f64]) -> Evaluation {
        match self.p {
            1 => self.evaluate_in::<1>(beta),
            2 => self.evaluate_in::<2>(beta),
            3 => self.evaluate_in::<3>(beta),
            4 => self.evaluate_in::<4>(beta),
            _ => self.evaluate_in::<0>(beta),
        }
    }

    /// Log partial likelihood, score and information at `beta`, for `P` covariates (`P == 0`:
    /// as many as the design has).
    fn evaluate_in<const P: usize>(&self, beta: &[f64]) -> Evaluation {
        let p = if P == 0 { self.p } else { P };
        let mut loglik = 0.0;
        let mut score = vec![0.0; p];
        let mut info = vec![vec![0.0; p]; p];
        let eta: Vec<f64> = self
            .x
            .chunks_exact(p)
            .map(|row| row.iter().zip(beta).map(|(a, b)| a * b).sum())
            .collect();
        // The sums over the events tied at one time, and one Efron term: allocated once, as
        // a survival cohort has hundreds of thousands of distinct times.
        // (S2 and D2 row-major in one slice: no second indirection in the per-subject step.)
        let (mut d1, mut d2, mut a1) = (vec![0.0; p], vec![0.0; p * p], vec![0.0; p]);
        for rows in &self.strata {
            // Risk-set sums over subjects with time ≥ t: S0 = Σ r, S1 = Σ r·x, S2 = Σ r·x·xᵀ.
            let (mut s0, mut s1, mut s2) = (0.0, vec![0.0; p], vec![0.0; p * p]);
            let mut i = rows.start;
            while i < rows.end {
                let t = self.time[i];
                // The same sums over the events tied at t.
                let mut d0 = 0.0;
                d1.fill(0.0);
                d2.fill(0.0);
                let mut deaths = 0usize;
                while i < rows.end && self.time[i] == t {
                    let k = i;
                    let r = eta[k].exp();
                    let xk = &self.x[k * p..(k + 1) * p];
                    add_weighted(&mut s0, &mut s1, &mut s2, r, xk);
                    if self.event[k] {
                        add_weighted(&mut d0, &mut d1, &mut d2, r, xk);
                        deaths += 1;
                        loglik += eta[k];
                        for (g, v) in score.iter_mut().zip(xk) {
                            *g += v;
                        }
                    }
                    i += 1;
                }
                if deaths > 0 {
                    mirror(&mut s2, p);
                    mirror(&mut d2, p);
                }
                // Efron: the l-th of the tied events sees the risk set minus l/d of the ties.
                for l in 0..deaths {
                    let f = l as f64 / deaths as f64;
                    let a0 = s0 - f * d0;
                    for ((a, s), d) in a1.iter_mut().zip(&s1).zip(&d1) {
                        *a = (s - f * d) / a0;
                    }
                    loglik -= a0.ln();
                    for j in 0..p {
                        score[j] -= a1[j];
                        for m in 0..p {
                            info[j][m] += (s2[j * p + m] - f * d2[j * p + m]) / a0 - a1[j] * a1[m];
                        }
                    }
                }
            }
        }
        Evaluation {
            loglik,
            score,
            info,
        }
    }
}

/// Add weight `r` and the weighted row `x` to S0, S1 = Σ r·x and S2 = Σ r·x·xᵀ (row-major).
/// S2 is symmetric: only its lower triangle (`m ≤ j`) is summed here, and [`mirror`] copies
/// it to the upper one before it is read (the same sums in the same order, half the work).
#[inline(always)]
fn add_weighted(s0: &mut f64, s1: &mut [f64], s2: &mut [f64], r: f64, x: &[f64]) {
    *s0 += r;
    for (j, ((s1j, s2j), xj)) in
        (s1.iter_mut().zip(s2.chunks_exact_mut(x.len())).zip(x)).enumerate()
    {
        *s1j += r * xj;
        for (s2jm, xm) in s2j[..=j].iter_mut().zip(x) {
            *s2jm += r * xj * xm;
        }
    }
}

/// Copy the lower triangle of the row-major `p`×`p` matrix `s2` to its upper triangle.
fn mirror(s2: &mut [f64], p: usize) {
    for j in 0..p {
        for m in j + 1..p {
            s2[j * p + m] = s2[m * p + j];
        }
    }
}

/// Lower-triangular L with L·Lᵀ = a; `None` when `a` is not (numerically) positive
/// definite.
pub fn cholesky(a: &[Vec<f64>]) -> Option<Matrix> {
    let n = a.len();
    let mut l = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..=i {
            let s: f64 = a[i][j] - (0..j).map(|k| l[i][k] * l[j][k]).sum::<f64>();
            if i == j {
                if s.is_nan() || s <= 0.0 || !s.is_finite() {
                    return None;
                }
                l[i][j] = s.sqrt();
            } else {
                l[i][j] = s / l[j][j];
            }
        }
    }
    Some(l)
}

/// Solve L·Lᵀ·x = b.
fn cholesky_solve(l: &[Vec<f64>], b: &[f64]) -> Vec<f64> {
    let n = l.len();
    let mut y = vec![0.0; n];
    for i in 0..n {
        y[i] = (b[i] - (0..i).map(|k| l[i][k] * y[k]).sum::<f64>()) / l[i][i];
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        x[i] = (y[i] - (i + 1..n).map(|k| l[k][i] * x[k]).sum::<f64>()) / l[i][i];
    }
    x
}

/// Eigenvalues of a symmetric matrix by cyclic Jacobi rotations.
pub fn symmetric_eigenvalues(a: &[Vec<f64>]) -> Vec<f64> {
    let n = a.len();
    let mut m: Matrix = a.to_vec();
    for _sweep in 0..100 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| m[i][j] * m[i][j])
            .sum();
        let diag: f64 = (0..n).map(|i| m[i][i] * m[i][i]).sum();
        if off <= 1e-30 * diag.max(f64::MIN_POSITIVE) {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                if m[p][q] == 0.0 {
                    continue;
                }
                let theta = (m[q][q] - m[p][p]) / (2.0 * m[p][q]);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                // M ← Jᵀ·M·J with the rotation J in the (p, q) plane: columns, then rows.
                for row in m.iter_mut() {
                    let (mkp, mkq) = (row[p], row[q]);
                    row[p] = c * mkp - s * mkq;
                    row[q] = s * mkp + c * mkq;
                }
                let (row_p, row_q) = (m[p].clone(), m[q].clone());
                for (k, (mpk, mqk)) in row_p.into_iter().zip(row_q).enumerate() {
                    m[p][k] = c * mpk - s * mqk;
                    m[q][k] = s * mpk + c * mqk;
                }
            }
        }
    }
    (0..n).map(|i| m[i][i]).collect()
}

/// The Cholesky factor of `info` when it is positive definite with a 2-norm condition
/// number of at most [`MAX_CONDITION`]; `None` when it counts as singular.
fn regular_factor(info: &[Vec<f64>]) -> Option<Matrix> {
    let l = cholesky(info)?;
    let eig = symmetric_eigenvalues(info);
    let max = eig.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let min = eig.iter().cloned().fold(f64::INFINITY, f64::min);
    (min > 0.0 && max / min <= MAX_CONDITION).then_some(l)
}

/// An unsigned key that orders floats as [`f64::total_cmp`] does.
fn total_order_key(t: f64) -> u64 {
    let bits = t.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// Fit a Cox model: `x[i]` the covariates of subject i, `time[i]` its follow-up time,
/// `event[i]` whether it ended in the event, `strata[i]` its stratum (each distinct value
/// has its own baseline hazard). Efron ties; Newton–Raphson from β = 0 until every
/// |Δβ| < [`TOLERANCE`], at most [`MAX_STEPS`] steps.
///
/// `None` when the inputs are empty or of unequal lengths, there is no event, the
/// information matrix is singular at any step (Cholesky fails or condition number >
/// [`MAX_CONDITION`]), or the steps do not converge.
pub fn cox_fit<S: Ord>(
    x: &[Vec<f64>],
    time: &[f64],
    event: &[bool],
    strata: &[S],
) -> Option<CoxFit> {
    let p = x.first().map_or(0, Vec::len);
    if x.iter().any(|r| r.len() != p) {
        return None;
    }
    let rows: Vec<f64> = x.iter().flatten().copied().collect();
    cox_fit_rows(&rows, p, time, event, strata)
}

/// [`cox_fit`] with the covariates in one row-major slice, subject `i` at
/// `x[i * p..(i + 1) * p]`: no vector per subject (the survival cohort has a million).
pub fn cox_fit_rows<S: Ord>(
    x: &[f64],
    p: usize,
    time: &[f64],
    event: &[bool],
    strata: &[S],
) -> Option<CoxFit> {
    if strata.len() != time.len() {
        return None;
    }
    cox_fit_ordered(&RiskOrder::new(time, strata), x, p, time, event)
}

/// The order the likelihood walks the subjects in: stratum by stratum, each stratum's
/// subjects by descending time (ties by subject). It depends on the times and strata only,
/// so models of the same cohort with other covariates share it ([`cox_fit_ordered`]): at a
/// million subjects, making it is most of a fit's set-up.
pub struct RiskOrder {
    /// Subjects in walking order.
    order: Vec<usize>,
    /// Each stratum's range of `order`.
    strata: Vec<std::ops::Range<usize>>,
}

impl RiskOrder {
    pub fn new<S: Ord>(time: &[f64], strata: &[S]) -> Self {
        // Strata as dense ids in their sort order (a handful of distinct values), then one
        // sort of plain (stratum, descending time, subject) triples: no comparison reaches
        // back into the inputs, so a million subjects sort in a fraction of the time. The
        // subject breaks ties, which is the order a stable sort would give.
        let mut ids: std::collections::BTreeMap<&S, u32> = strata.iter().map(|s| (s, 0)).collect();
        for (k, id) in ids.values_mut().enumerate() {
            *id = k as u32;
        }
        let mut keyed: Vec<(u32, u64, usize)> = (strata.iter().zip(time).enumerate())
            .map(|(i, (s, t))| (ids[s], !total_order_key(*t), i))
            .collect();
        keyed.sort_unstable();
        let mut ranges = Vec::with_capacity(ids.len());
        let mut start = 0;
        for k in 1..=keyed.len() {
            if k == keyed.len() || keyed[k].0 != keyed[start].0 {
                ranges.push(start..k);
                start = k;
            }
        }
        RiskOrder {
            order: keyed.into_iter().map(|k| k.2).collect(),
            strata: ranges,
        }
    }
}

/// [`cox_fit_rows`] walking the subjects in a [`RiskOrder`] made from the same `time` and
/// strata.
pub fn cox_fit_ordered(
    order: &RiskOrder,
    x: &[f64],
    p: usize,
    time: &[f64],
    event: &[bool],
) -> Option<CoxFit> {
    if p == 0 || !x.len().is_multiple_of(p) {
        return None;
    }
    let n = x.len() / p;
    if n == 0
        || time.len() != n
        || event.len() != n
        || order.order.len() != n
        || !event.iter().any(|e| *e)
        || x.iter().chain(time).any(|v| !v.is_finite())
    {
        return None;
    }
    // Centring changes no coefficient (a shift cancels in every risk-set ratio) and keeps
    // exp(xβ) in range.
    let means: Vec<f64> = (0..p)
        .map(|j| x.iter().skip(j).step_by(p).sum::<f64>() / n as f64)
        .collect();
    let mut design = Design {
        x: Vec::with_capacity(n * p),
        time: Vec::with_capacity(n),
        event: Vec::with_capacity(n),
        strata: order.strata.clone(),
        p,
    };
    for &i in &order.order {
        let row = &x[i * p..(i + 1) * p];
        design.x.extend(row.iter().zip(&means).map(|(v, m)| v - m));
        design.time.push(time[i]);
        design.event.push(event[i]);
    }
    let mut beta = vec![0.0; p];
    let mut converged = false;
    let mut steps = 0;
    while steps < MAX_STEPS {
        let ev = design.evaluate(&beta);
        let l = regular_factor(&ev.info)?;
        let delta = cholesky_solve(&l, &ev.score);
        steps += 1;
        for (b, d) in beta.iter_mut().zip(&delta) {
            *b += d;
        }
        if delta.iter().any(|d| !d.is_finite()) {
            return None;
        }
        if delta.iter().all(|d| d.abs() < TOLERANCE) {
            converged = true;
            break;
        }
    }
    if !converged {
        return None;
    }
    let ev = design.evaluate(&beta);
    let l = regular_factor(&ev.info)?;
    let se = (0..p)
        .map(|j| {
            let mut unit = vec![0.0; p];
            unit[j] = 1.0;
            cholesky_solve(&l, &unit)[j].sqrt()
        })
        .collect();
    Some(CoxFit {
        beta,
        se,
        loglik: ev.loglik,
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Rossi et al. (1980) recidivism data as lifelines ships it (432 released
    /// prisoners followed 52 weeks): columns week, arrest, fin, age, race, wexp, mar,
    /// paro, prio.
    fn rossi() -> Vec<Vec<f64>> {
        include_str!("../../tests/fixtures/rossi/rossi.csv")
            .lines()
            .skip(1)
            .map(|l| l.split(',').map(|v| v.parse().expect("number")).collect())
            .collect()
    }

    fn columns(rows: &[Vec<f64>], cols: &[usize]) -> Vec<Vec<f64>> {
        rows.iter()
            .map(|r| cols.iter().map(|&c| r[c]).collect())
            .collect()
    }

    fn time_event(rows: &[Vec<f64>]) -> (Vec<f64>, Vec<bool>) {
        (
            rows.iter().map(|r| r[0]).collect(),
            rows.iter().map(|r| r[1] == 1.0).collect(),
        )
    }

    #[test]
    fn rossi_unstratified_matches_r_coxph_efron() {
        // R: coxph(Surv(week, arrest) ~ fin + age + race + wexp + mar + paro + prio,
        // data = Rossi) (Efron ties, the default), as printed in Fox & Weisberg, "Cox
        // Proportional-Hazards Regression for Survival Data in R" (2018 appendix):
        let coef = [
            -0.37942, -0.05744, 0.31390, -0.14980, -0.43370, -0.08487, 0.09150,
        ];
        let se = [
            0.19138, 0.02200, 0.30799, 0.21222, 0.38187, 0.19576, 0.02865,
        ];
        let rows = rossi();
        assert_eq!(rows.len(), 432);
        let (t, e) = time_event(&rows);
        assert_eq!(e.iter().filter(|x| **x).count(), 114);
        let x = columns(&rows, &[2, 3, 4, 5, 6, 7, 8]);
        let fit = cox_fit(&x, &t, &e, &vec![0; 432]).expect("fit");
        for j in 0..7 {
            assert!((fit.beta[j] - coef[j]).abs() < 1e-4, "β{j} {}", fit.beta[j]);
            assert!((fit.se[j] - se[j]).abs() < 1e-4, "se{j} {}", fit.se[j]);
        }
        assert!(fit.steps <= MAX_STEPS);
    }

    #[test]
    fn rossi_stratified_matches_r_coxph() {
        // R: coxph(Surv(week, arrest) ~ fin + age + strata(race, paro, mar, wexp) + prio,
        // data = rossi): coefficients −0.335, −0.059, 0.100 (3 decimals) and log partial
        // likelihood −436.9339, as quoted in lifelines' test suite
        // (test_strata_against_R_output).
        let rows = rossi();
        let (t, e) = time_event(&rows);
        let x = columns(&rows, &[2, 3, 8]);
        let strata: Vec<(u8, u8, u8, u8)> = rows
            .iter()
            .map(|r| (r[4] as u8, r[7] as u8, r[6] as u8, r[5] as u8))
            .collect();
        let fit = cox_fit(&x, &t, &e, &strata).expect("fit");
        for (b, want) in fit.beta.iter().zip([-0.335, -0.059, 0.100]) {
            assert!((b - want).abs() < 1.5e-3, "{b} vs {want}");
        }
        assert!((fit.loglik - -436.9339).abs() < 1e-3, "{}", fit.loglik);
    }

    #[test]
    fn two_identical_strata_give_the_one_stratum_estimate() {
        // Doubling the data as a second stratum doubles the score and information: the
        // same β, and se / √2.
        let rows = rossi();
        let (t, e) = time_event(&rows);
        let x = columns(&rows, &[2, 3, 8]);
        let one = cox_fit(&x, &t, &e, &vec![0; 432]).expect("fit");
        let x2: Vec<Vec<f64>> = x.iter().chain(&x).cloned().collect();
        let t2: Vec<f64> = t.iter().chain(&t).cloned().collect();
        let e2: Vec<bool> = e.iter().chain(&e).cloned().collect();
        let s2: Vec<u8> = (0..864).map(|i| (i >= 432) as u8).collect();
        let two = cox_fit(&x2, &t2, &e2, &s2).expect("fit");
        for j in 0..3 {
            assert!((one.beta[j] - two.beta[j]).abs() < 1e-9);
            assert!((one.se[j] / 2f64.sqrt() - two.se[j]).abs() < 1e-9);
        }
        // Pooled into one stratum the copies are ties instead, a different likelihood.
        let pooled = cox_fit(&x2, &t2, &e2, &vec![0; 864]).expect("fit");
        assert!((pooled.beta[0] - one.beta[0]).abs() > 1e-6);
    }

    #[test]
    fn risk_order_by_stratum_then_descending_time() {
        // Stratum "a" first, times descending, ties by subject.
        let o = RiskOrder::new(&[1.0, 5.0, 2.0, 5.0, 3.0], &["b", "a", "b", "a", "a"]);
        assert_eq!(o.order, [1, 3, 4, 2, 0]);
        assert_eq!(o.strata, [0..3, 3..5]);
        // Twenty strata: subject i in stratum i % 20, equal times.
        let strata: Vec<i32> = (0..40).map(|i| i % 20).collect();
        let o = RiskOrder::new(&[1.0; 40], &strata);
        let want: Vec<usize> = (0..20).flat_map(|s| [s, s + 20]).collect();
        assert_eq!(o.order, want);
        assert_eq!(o.strata.len(), 20);
        assert!(o.strata.iter().all(|r| r.len() == 2));
    }

    #[test]
    fn efron_ties_by_hand() {
        // One covariate, one stratum: subjects (x, t, event) = (1, 1, yes), (0, 1, yes),
        // (0, 2, no). At t = 1 two tied events, risk set all three, ties r = (e^β, 1):
        // Efron: ln L = β − ln(e^β + 2) − ln((e^β + 2) − (e^β + 1)/2).
        // Score 1 − e^β/(e^β + 2) − (e^β/2)/((e^β + 3)/2) = 0
        // ⇔ (e^β + 2)(e^β + 3) = e^β(e^β + 3) + e^β(e^β + 2) ⇔ e^{2β} = 6 → β = ln 6 / 2.
        let x = vec![vec![1.0], vec![0.0], vec![0.0]];
        let fit = cox_fit(&x, &[1.0, 1.0, 2.0], &[true, true, false], &[0, 0, 0]).unwrap();
        assert!(
            (fit.beta[0] - 6f64.ln() / 2.0).abs() < 1e-9,
            "{}",
            fit.beta[0]
        );
    }

    #[test]
    fn no_event_singular_and_divergent_give_none() {
        let x = vec![vec![1.0], vec![0.0], vec![1.0]];
        assert_eq!(cox_fit(&x, &[1.0, 2.0, 3.0], &[false; 3], &[0; 3]), None);
        // Collinear columns: the information is singular.
        let x = vec![
            vec![1.0, 2.0],
            vec![0.0, 0.0],
            vec![2.0, 4.0],
            vec![1.0, 2.0],
        ];
        let t = [1.0, 2.0, 3.0, 4.0];
        let e = [true, true, false, true];
        assert_eq!(cox_fit(&x, &t, &e, &[0; 4]), None);
        // An indicator whose group has no event: β → −∞, no convergence.
        let x = vec![vec![0.0], vec![1.0], vec![0.0], vec![1.0]];
        assert_eq!(cox_fit(&x, &t, &[true, false, true, false], &[0; 4]), None);
        // Ragged rows, and a row-major slice that is not whole rows.
        assert_eq!(
            cox_fit(&[vec![1.0], vec![]], &t[..2], &e[..2], &[0; 2]),
            None
        );
        assert_eq!(
            cox_fit_rows(&[1.0, 2.0, 3.0], 2, &t[..2], &e[..2], &[0; 2]),
            None
        );
    }

    #[test]
    fn total_order_keys_sort_as_total_cmp() {
        let mut v = [
            3.5,
            -0.0,
            0.0,
            -2.0,
            f64::INFINITY,
            1e-300,
            -1e300,
            2.0,
            f64::NEG_INFINITY,
        ];
        let mut by_key = v;
        v.sort_by(f64::total_cmp);
        by_key.sort_by_key(|t| total_order_key(*t));
        assert_eq!(v.map(f64::to_bits), by_key.map(f64::to_bits));
        assert!(total_order_key(-0.0) < total_order_key(0.0));
    }

    #[test]
    fn linear_algebra_on_a_known_matrix() {
        // [[4, 2], [2, 3]]: L = [[2, 0], [1, √2]]; eigenvalues (7 ± √17) / 2.
        let a = vec![vec![4.0, 2.0], vec![2.0, 3.0]];
        let l = cholesky(&a).unwrap();
        assert!((l[1][1] - 2f64.sqrt()).abs() < 1e-15 && l[1][0] == 1.0);
        let mut ev = symmetric_eigenvalues(&a);
        ev.sort_by(f64::total_cmp);
        assert!((ev[0] - (7.0 - 17f64.sqrt()) / 2.0).abs() < 1e-12);
        assert!((ev[1] - (7.0 + 17f64.sqrt()) / 2.0).abs() < 1e-12);
        // x = A⁻¹ (8, 7) = (1.25, 1.5).
        let x = cholesky_solve(&l, &[8.0, 7.0]);
        assert!((x[0] - 1.25).abs() < 1e-12 && (x[1] - 1.5).abs() < 1e-12);
        assert_eq!(cholesky(&[vec![1.0, 2.0], vec![2.0, 1.0]]), None);
    }
}
