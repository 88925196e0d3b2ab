//! Fisher's exact test on a 2×2 table and Holm's step-down adjustment of a family of
//! p-values: the significance tests of the churn drivers (METRICS.md §4.12). Probabilities are
//! computed in log space from ln-factorials, so tables with thousands of deals neither
//! overflow nor underflow.

/// ln(k!) for k = 0..=n, by cumulative sums of ln(i).
fn ln_factorials(n: u64) -> Vec<f64> {
    let mut out = Vec::with_capacity(n as usize + 1);
    let mut acc = 0.0;
    out.push(0.0);
    for i in 1..=n {
        acc += (i as f64).ln();
        out.push(acc);
    }
    out
}

/// Two-sided Fisher's exact test of the table `[[a, b], [c, d]]`: the sum of the
/// hypergeometric probabilities of every table with the same margins whose probability is
/// at most the observed one × (1 + 1e-7) (the relative tolerance R's `fisher.test` uses, so
/// tables that tie with the observed one in exact arithmetic count despite rounding).
///
/// `None` when the table is empty (a + b + c + d = 0). The result is clamped to at most 1.
pub fn fisher_exact(a: u64, b: u64, c: u64, d: u64) -> Option<f64> {
    let n = a.checked_add(b)?.checked_add(c)?.checked_add(d)?;
    if n == 0 {
        return None;
    }
    let lf = ln_factorials(n);
    let (row1, row2, col1, col2) = (a + b, c + d, a + c, b + d);
    // ln P(x) for the top-left cell x: C(col1, x)·C(col2, row1 − x) / C(n, row1).
    let fixed = lf[row1 as usize] + lf[row2 as usize] + lf[col1 as usize] + lf[col2 as usize]
        - lf[n as usize];
    let ln_p = |x: u64| -> f64 {
        let (x11, x12) = (x, row1 - x);
        let (x21, x22) = (col1 - x, col2 - x12);
        fixed - lf[x11 as usize] - lf[x12 as usize] - lf[x21 as usize] - lf[x22 as usize]
    };
    let lo = row1.saturating_sub(col2);
    let hi = row1.min(col1);
    let observed = ln_p(a);
    let bound = observed + (1.0f64 + 1e-7).ln();
    let p: f64 = (lo..=hi)
        .map(ln_p)
        .filter(|lp| *lp <= bound)
        .map(f64::exp)
        .sum();
    Some(p.min(1.0))
}

/// Holm's step-down adjustment: with the p-values sorted ascending p(1) ≤ … ≤ p(m), the
/// adjusted p(i) = max over j ≤ i of min(1, (m − j + 1)·p(j)). Returned in the input order;
/// equal p-values keep their input order when sorting (the result is the same either way).
pub fn holm(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&i, &j| p[i].total_cmp(&p[j]));
    let mut out = vec![0.0; m];
    let mut running: f64 = 0.0;
    for (rank, &i) in order.iter().enumerate() {
        let adjusted = ((m - rank) as f64 * p[i]).min(1.0);
        running = running.max(adjusted);
        out[i] = running;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(got: f64, want: f64, tol: f64) {
        assert!((got - want).abs() <= tol, "got {got}, want {want}");
    }

    #[test]
    fn fisher_tea_tasting() {
        // Fisher (1935): [[3, 1], [1, 3]]. Tables with x = 0..4 have probabilities
        // 1, 16, 36, 16, 1 over 70; those ≤ 16/70: x = 0, 1, 3, 4 → 34/70 = 0.4857142857.
        close(fisher_exact(3, 1, 1, 3).unwrap(), 34.0 / 70.0, 1e-12);
        // R: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.4857.
        close(fisher_exact(3, 1, 1, 3).unwrap(), 0.4857142857, 1e-10);
        // The one-table extreme x = 4: 2/70 (both extremes).
        close(fisher_exact(4, 0, 0, 4).unwrap(), 2.0 / 70.0, 1e-12);
    }

    #[test]
    fn fisher_r_convictions_and_hand_worked() {
        // R's fisher.test documentation, "Convictions" (Fleiss 1981, p. 75): like-sex twins
        // of criminals, matrix(c(2, 10, 15, 3), 2) = [[2, 15], [10, 3]]; two-sided
        // fisher.test(Convictions)$p.value = 0.0005367 (the page prints the one-sided
        // 0.0004652 = P(x ≤ 2)). The transposed table has the same p.
        close(fisher_exact(2, 15, 10, 3).unwrap(), 0.0005367, 5e-8);
        close(fisher_exact(2, 10, 15, 3).unwrap(), 0.0005367, 5e-8);
        // Hand-worked: [[1, 0], [0, 1]]: both tables have probability 1/2 → p = 1.
        close(fisher_exact(1, 0, 0, 1).unwrap(), 1.0, 1e-15);
        // No event at all: one possible table → p = 1.
        close(fisher_exact(0, 5, 0, 7).unwrap(), 1.0, 1e-15);
        assert_eq!(fisher_exact(0, 0, 0, 0), None);
    }

    #[test]
    fn fisher_large_tables_do_not_overflow() {
        // Symmetric in rows/columns: swapping rows gives the same two-sided p.
        let p = fisher_exact(600, 1400, 500, 1500).unwrap();
        let q = fisher_exact(500, 1500, 600, 1400).unwrap();
        assert!(p > 0.0 && p < 1e-3, "{p}");
        close(p, q, 1e-12);
    }

    #[test]
    fn holm_published_example() {
        // R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm") = 0.05 0.08 0.09 0.09 0.09:
        // 5·0.01 = 0.05; 4·0.02 = 0.08; 3·0.03 = 0.09; max(0.09, 2·0.04 = 0.08) = 0.09;
        // max(0.09, 1·0.05) = 0.09.
        let got = holm(&[0.01, 0.02, 0.03, 0.04, 0.05]);
        for (g, w) in got.iter().zip([0.05, 0.08, 0.09, 0.09, 0.09]) {
            close(*g, w, 1e-15);
        }
        // Input order is kept: sorted 0.001, 0.04, 0.5 → 3·0.001, 2·0.04, 1·0.5.
        let got = holm(&[0.5, 0.001, 0.04]);
        close(got[1], 0.003, 1e-15);
        close(got[2], 0.08, 1e-15);
        close(got[0], 0.5, 1e-15);
        // The cap is 1: 2·0.6 → 1, then max(1, 0.7) = 1.
        assert_eq!(holm(&[0.7, 0.6]), vec![1.0, 1.0]);
        assert!(holm(&[]).is_empty());
    }
}
