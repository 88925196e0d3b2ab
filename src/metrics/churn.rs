//! METRICS.md §4.9 first-year churn and expansion by quality band over the mature cohort, with
//! Wilson intervals, crude and Mantel–Haenszel (segment-adjusted) relative risk, the
//! chi-square test, the point-biserial correlation and ARR at stake; and retention by band
//! over the survival cohort (Kaplan–Meier curves, log-rank test). All correlational.

use polars::prelude::*;
use serde_json::{json, Map, Value};

use super::{bools, f64s, frame, group_rows, num, rate, strs, Ctx};
use crate::schema as s;
use crate::stats::{self, KaplanMeier, Z95};

pub struct Churn {
    pub churn: Value,
    pub expansion: Value,
    pub tables: Vec<(String, DataFrame)>,
}

/// band, n, churned, rate, ci_low, ci_high, expanded, expansion rate, low_sample.
type BandRow = (
    String,
    u64,
    u64,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    u64,
    Option<f64>,
    bool,
);

/// Samples below this size are flagged `low_sample`.
pub const LOW_SAMPLE: usize = 30;

fn test_json(t: Option<stats::TestResult>) -> Value {
    match t {
        Some(t) => json!({"statistic": t.statistic, "dof": t.dof, "p_value": t.p_value}),
        None => Value::Null,
    }
}

fn estimate_json(e: Option<stats::Estimate>) -> Value {
    match e {
        Some(e) => json!({"value": e.value, "ci_low": e.ci_low, "ci_high": e.ci_high}),
        None => Value::Null,
    }
}

/// METRICS.md §4.14 significance level and target power of the detectable-effect calculation.
pub const POWER_ALPHA: f64 = 0.05;
pub const POWER_TARGET: f64 = 0.8;

/// METRICS.md §4.14: the smallest substandard-vs-excellent relative risk the cohort could detect
/// (`n1` substandard deals, `n2` excellent deals of which `c` churned); null when undefined.
fn power_json(n1: u64, n2: u64, c: u64) -> Value {
    let p2 = if n2 > 0 {
        c as f64 / n2 as f64
    } else {
        f64::NAN
    };
    match stats::mde_relative_risk(p2, n1, n2, Z95, POWER_TARGET) {
        Some(rr) => json!({"alpha": POWER_ALPHA, "power": POWER_TARGET, "mde_relative_risk": rr}),
        None => Value::Null,
    }
}

pub fn churn(ctx: &Ctx, mature: &DataFrame, survival: &DataFrame) -> anyhow::Result<Churn> {
    if !ctx.has(s::RENEWALS) {
        return Ok(Churn {
            churn: Value::Null,
            expansion: Value::Null,
            tables: Vec::new(),
        });
    }
    let bands = strs(mature, s::QUALITY_BAND)?;
    let churned = bools(mature, s::CHURNED_1Y)?;
    let expanded = bools(mature, s::EXPANDED_1Y)?;
    let segments = strs(mature, s::SEGMENT)?;
    let scores: Vec<f64> = f64s(mature, s::QUALITY_SCORE)?
        .into_iter()
        .map(|x| x.unwrap_or(0.0))
        .collect();
    let acv: Vec<f64> = f64s(mature, s::ACV)?
        .into_iter()
        .map(|x| x.unwrap_or(0.0))
        .collect();

    let groups = group_rows(&bands, &s::BANDS);
    let mut by_band = Map::new();
    let mut exp_band = Map::new();
    let mut chi_table = Vec::new();
    let mut rows: Vec<BandRow> = Vec::new();
    let count_of =
        |rows: &[usize], flags: &[bool]| rows.iter().filter(|&&i| flags[i]).count() as u64;
    for (band, idx) in &groups {
        let n = idx.len() as u64;
        let k = count_of(idx, &churned);
        let e = count_of(idx, &expanded);
        let ci = stats::wilson(k, n, Z95);
        let eci = stats::wilson(e, n, Z95);
        let low = idx.len() < LOW_SAMPLE;
        by_band.insert(
            band.clone(),
            json!({
                "n": n, "churned": k, "rate": num(rate(k, n)),
                "ci_low": num(ci.map(|c| c.0)), "ci_high": num(ci.map(|c| c.1)),
                "low_sample": low,
            }),
        );
        exp_band.insert(
            band.clone(),
            json!({
                "n": n, "expanded": e, "rate": num(rate(e, n)),
                "ci_low": num(eci.map(|c| c.0)), "ci_high": num(eci.map(|c| c.1)),
                "low_sample": low,
            }),
        );
        chi_table.push(vec![k as f64, (n - k) as f64]);
        rows.push((
            band.clone(),
            n,
            k,
            rate(k, n),
            ci.map(|c| c.0),
            ci.map(|c| c.1),
            e,
            rate(e, n),
            low,
        ));
    }
    let find = |b: &str| groups.iter().find(|g| g.0 == b).map(|g| &g.1);
    let (sub, exc) = (find("substandard"), find("excellent"));
    let rr = match (sub, exc) {
        (Some(a), Some(c)) => stats::relative_risk(
            count_of(a, &churned),
            a.len() as u64,
            count_of(c, &churned),
            c.len() as u64,
            Z95,
        ),
        _ => None,
    };
    // Mantel–Haenszel, stratified by segment.
    let mut strata = Vec::new();
    for (_, seg_rows) in group_rows(&segments, &s::SEGMENTS) {
        let pick = |band: &str| -> Vec<usize> {
            seg_rows
                .iter()
                .copied()
                .filter(|&i| bands[i].as_deref() == Some(band))
                .collect()
        };
        let (a, c) = (pick("substandard"), pick("excellent"));
        strata.push((
            count_of(&a, &churned),
            a.len() as u64,
            count_of(&c, &churned),
            c.len() as u64,
        ));
    }
    let rr_mh = stats::mantel_haenszel_rr(&strata, Z95);
    let power = match (sub, exc) {
        (Some(a), Some(c)) => power_json(a.len() as u64, c.len() as u64, count_of(c, &churned)),
        _ => Value::Null,
    };
    let chi = stats::chi_square_independence(&chi_table);
    let indicator: Vec<f64> = churned.iter().map(|c| if *c { 1.0 } else { 0.0 }).collect();
    let pb = stats::correlation_test(&scores, &indicator);
    let arr = match (sub, exc) {
        (Some(a), Some(c)) if !a.is_empty() && !c.is_empty() => {
            let ra = count_of(a, &churned) as f64 / a.len() as f64;
            let rc = count_of(c, &churned) as f64 / c.len() as f64;
            let acv_sum: f64 = a.iter().map(|&i| acv[i]).sum();
            Some((acv_sum * (ra - rc)).max(0.0))
        }
        _ => None,
    };

    // Survival by band.
    let sb = strs(survival, s::QUALITY_BAND)?;
    let times: Vec<f64> = f64s(survival, s::CHURN_DAYS)?
        .into_iter()
        .map(|x| x.unwrap_or(0.0))
        .collect();
    let events = bools(survival, s::CHURN_EVENT)?;
    let mut lr_groups = Vec::new();
    let mut curves: Vec<(String, f64, f64, usize)> = Vec::new();
    let mut retention = Map::new();
    for (band, idx) in group_rows(&sb, &s::BANDS) {
        let t: Vec<f64> = idx.iter().map(|&i| times[i]).collect();
        let e: Vec<bool> = idx.iter().map(|&i| events[i]).collect();
        let km = KaplanMeier::fit(&t, &e);
        curves.push((band.clone(), 0.0, 1.0, idx.len()));
        for (day, sv) in km.steps() {
            curves.push((band.clone(), *day, *sv, idx.len()));
        }
        retention.insert(
            band.clone(),
            json!({
                "n": idx.len(),
                "events": e.iter().filter(|x| **x).count(),
                "retained_365": km.survival_at(365.0),
            }),
        );
        lr_groups.push((t, e));
    }
    let logrank = stats::logrank(&lr_groups);

    let churn_json = json!({
        "by_band": by_band,
        "relative_risk": estimate_json(rr),
        "relative_risk_adjusted": estimate_json(rr_mh),
        "chi_square": test_json(chi),
        "point_biserial": match pb { Some((r, p)) => json!({"r": r, "p_value": p}), None => Value::Null },
        "arr_at_stake": num(arr),
        "logrank": test_json(logrank),
        "power": power,
        "retention_by_band": retention,
        "n": mature.height(),
    });
    let table = frame(vec![
        Column::new(
            "band".into(),
            rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        ),
        Column::new("n".into(), rows.iter().map(|r| r.1).collect::<Vec<_>>()),
        Column::new(
            "churned".into(),
            rows.iter().map(|r| r.2).collect::<Vec<_>>(),
        ),
        Column::new(
            "churn_rate".into(),
            rows.iter().map(|r| r.3).collect::<Vec<_>>(),
        ),
        Column::new(
            "ci_low".into(),
            rows.iter().map(|r| r.4).collect::<Vec<_>>(),
        ),
        Column::new(
            "ci_high".into(),
            rows.iter().map(|r| r.5).collect::<Vec<_>>(),
        ),
        Column::new(
            "expanded".into(),
            rows.iter().map(|r| r.6).collect::<Vec<_>>(),
        ),
        Column::new(
            "expansion_rate".into(),
            rows.iter().map(|r| r.7).collect::<Vec<_>>(),
        ),
        Column::new(
            "low_sample".into(),
            rows.iter().map(|r| r.8).collect::<Vec<_>>(),
        ),
    ])?;
    let curves_table = frame(vec![
        Column::new(
            "band".into(),
            curves.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
        ),
        Column::new("day".into(), curves.iter().map(|c| c.1).collect::<Vec<_>>()),
        Column::new(
            "retained".into(),
            curves.iter().map(|c| c.2).collect::<Vec<_>>(),
        ),
    ])?;
    Ok(Churn {
        churn: churn_json,
        expansion: json!({ "by_band": exp_band }),
        tables: vec![
            ("churn_by_band".into(), table),
            ("retention_curves".into(), curves_table),
        ],
    })
}

#[cfg(test)]
mod tests {
    use crate::testkit::{close, Data};

    const FULL: &str = "handoff_id,deal_id,meeting_at,intro_sent_at,doc_deal_summary,\
                        doc_stakeholder_map,doc_commitments,doc_risk_factors,mtg_all_attended,\
                        mtg_agenda_covered,mtg_questions_answered";

    /// As of 2026-10-31: mature = date(C) in (2023-11-01, 2025-10-31]. X* have a perfect
    /// handoff (score 100, excellent), S* and Y1 none (score 0, substandard).
    fn data() -> Data {
        Data::new("2026-10-31")
            .deals(&[
                "X1,AX1,enterprise,1000,2025-01-10T00:00:00Z,rep",
                "X2,AX2,enterprise,1000,2025-01-10T00:00:00Z,rep",
                "X3,AX3,smb,1000,2025-02-01T00:00:00Z,rep",
                "S1,AS1,smb,30000,2025-03-01T00:00:00Z,rep",
                "S2,AS2,enterprise,30000,2025-03-01T00:00:00Z,rep",
                "S3,AS3,smb,30000,2025-03-01T00:00:00Z,rep",
                // 364 days old at as_of: not mature, but in the survival cohort.
                "Y1,AY1,smb,30000,2025-11-01T00:00:00Z,rep",
            ])
            .csv(
                "handoffs",
                &[
                    FULL,
                    "H1,X1,2025-01-11T00:00:00Z,2025-01-11T00:00:00Z,1,1,1,1,1,1,1",
                    "H2,X2,2025-01-11T00:00:00Z,2025-01-11T00:00:00Z,1,1,1,1,1,1,1",
                    "H3,X3,2025-02-02T00:00:00Z,2025-02-02T00:00:00Z,1,1,1,1,1,1,1",
                ],
            )
            .csv(
                "renewals",
                &[
                    "account_id,event_date,event,arr_delta",
                    "AX1,2026-01-10,churn,-1000", // date(C) + 365: first-year churn
                    "AX2,2026-01-11,churn,-1000", // date(C) + 366: not first-year
                    "AX3,2025-02-01,expansion,500", // on date(C): not in (C, C + 365]
                    "AX3,2025-08-01,renewal,0",   // neither
                    "AS1,2025-03-01,churn,-30000", // on date(C): not churned
                    "AS2,2025-04-01,expansion,5000", // expanded
                    "AS2,2025-06-01,churn,-30000", // churned
                    "AS3,2025-09-01,churn,-30000", // churned
                    "AY1,2026-01-01,churn,-30000", // young deal: survival only
                    "AX3,2026-11-01,churn,-1000", // dated at A: does not exist yet
                ],
            )
    }

    #[test]
    fn first_year_churn_window_and_maturity() {
        let run = data().run("2026-10");
        // mature: X1, X2, X3, S1, S2, S3 (Y1 is 364 days old).
        assert_eq!(run.get("churn/n"), 6);
        // excellent: X1 churned (day 365); X2 (day 366) not → 1 / 3.
        assert_eq!(run.get("churn/by_band/excellent/n"), 3);
        assert_eq!(run.get("churn/by_band/excellent/churned"), 1);
        close(run.num("churn/by_band/excellent/rate"), 1.0 / 3.0, "1/3");
        // substandard: S2, S3 churned; S1's churn on date(C) does not count → 2 / 3.
        assert_eq!(run.get("churn/by_band/substandard/churned"), 2);
        close(run.num("churn/by_band/substandard/rate"), 2.0 / 3.0, "2/3");
        // Wilson, z = 1.96: (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n).
        close(
            run.num("churn/by_band/excellent/ci_low"),
            0.06149194472039621,
            "w(1,3) lo",
        );
        close(
            run.num("churn/by_band/excellent/ci_high"),
            0.7923403991979522,
            "w(1,3) hi",
        );
        close(
            run.num("churn/by_band/substandard/ci_low"),
            0.2076596008020477,
            "w(2,3) lo",
        );
        close(
            run.num("churn/by_band/substandard/ci_high"),
            0.9385080552796037,
            "w(2,3) hi",
        );
        // n = 3 < 30.
        assert_eq!(run.get("churn/by_band/excellent/low_sample"), true);
        // Bands without mature deals are absent.
        assert!(run.get("churn/by_band").get("good").is_none());
    }

    #[test]
    fn expansion_window() {
        let run = data().run("2026-10");
        // S2 expanded on day 31; X3's expansion on date(C) does not count.
        assert_eq!(run.get("expansion/by_band/substandard/expanded"), 1);
        close(
            run.num("expansion/by_band/substandard/rate"),
            1.0 / 3.0,
            "1/3",
        );
        // 0 of 3 is a rate of 0 (not null), Wilson (0, 0.5615).
        assert_eq!(run.get("expansion/by_band/excellent/expanded"), 0);
        assert_eq!(run.num("expansion/by_band/excellent/rate"), 0.0);
        close(
            run.num("expansion/by_band/excellent/ci_low"),
            0.0,
            "w(0,3) lo",
        );
        close(
            run.num("expansion/by_band/excellent/ci_high"),
            0.5614970317550454,
            "w(0,3) hi",
        );
    }

    #[test]
    fn relative_risk_tests_and_arr_at_stake() {
        let run = data().run("2026-10");
        // RR = (2/3) / (1/3) = 2; se = sqrt(1/2 − 1/3 + 1/1 − 1/3) = sqrt(5/6) = 0.91287;
        // exp(ln 2 ± 1.96·0.91287) = (0.33419, 11.96926).
        close(run.num("churn/relative_risk/value"), 2.0, "RR");
        close(
            run.num("churn/relative_risk/ci_low"),
            0.3341895395912937,
            "RR lo",
        );
        close(
            run.num("churn/relative_risk/ci_high"),
            11.969255545496454,
            "RR hi",
        );
        // Mantel–Haenszel by segment. enterprise: a = 1 (S2), n1 = 1, c = 1 (X1), n2 = 2,
        // N = 3; smb: a = 1 (S3), n1 = 2, c = 0, n2 = 1 (X3), N = 3.
        // RR = (1·2/3 + 1·1/3) / (1·1/3 + 0) = 1 / (1/3) = 3.
        // var = [(1·2·2 − 1·1·3)/9 + (2·1·1 − 0)/9] / (1 · 1/3) = (1/3) / (1/3) = 1.
        close(run.num("churn/relative_risk_adjusted/value"), 3.0, "RR_MH");
        close(
            run.num("churn/relative_risk_adjusted/ci_low"),
            3.0 * (-1.959963984540054f64).exp(),
            "lo",
        );
        close(
            run.num("churn/relative_risk_adjusted/ci_high"),
            3.0 * 1.959963984540054f64.exp(),
            "hi",
        );
        // Chi-square on [[1, 2], [2, 1]]: every expected count 1.5 →
        // 4 · 0.5² / 1.5 = 2/3, dof 1, p = erfc(sqrt(1/3)) = 0.41422.
        close(run.num("churn/chi_square/statistic"), 2.0 / 3.0, "chi2");
        assert_eq!(run.get("churn/chi_square/dof"), 1);
        close(
            run.num("churn/chi_square/p_value"),
            0.41421617824252516,
            "chi2 p",
        );
        // Point-biserial: scores (100, 100, 100, 0, 0, 0) vs churned (1, 0, 0, 0, 1, 1):
        // cov = −0.5/6, var = 1.5/6 each → r = −1/3; t = r·sqrt(4 / (8/9)) = −0.70711,
        // 4 dof → p = 14/27.
        close(run.num("churn/point_biserial/r"), -1.0 / 3.0, "r");
        close(run.num("churn/point_biserial/p_value"), 14.0 / 27.0, "r p");
        // ARR at stake: ACV of S1..S3 = 90 000 × (2/3 − 1/3) = 30 000.
        close(run.num("churn/arr_at_stake"), 30_000.0, "arr");
    }

    #[test]
    fn survival_times_and_logrank() {
        let run = data().run("2026-10");
        // Survival cohort: all 7 deals. Times (days from C to the first churn after
        // date(C), else censored at A − C):
        // excellent X1 365 (event), X2 366 (event), X3 638 (censored: 2025-02-01 → 11-01;
        // its churn dated 2026-11-01 is after as_of and ignored);
        // substandard Y1 61, S2 92, S3 184 (events), S1 610 (censored; its day-0 churn
        // does not count).
        assert_eq!(run.get("churn/retention_by_band/excellent/events"), 2);
        assert_eq!(run.get("churn/retention_by_band/substandard/n"), 4);
        assert_eq!(run.get("churn/retention_by_band/substandard/events"), 3);
        // KM at 365: excellent 2/3 (event at 365 included); substandard 3/4·2/3·1/2 = 1/4.
        close(
            run.num("churn/retention_by_band/excellent/retained_365"),
            2.0 / 3.0,
            "exc",
        );
        close(
            run.num("churn/retention_by_band/substandard/retained_365"),
            0.25,
            "sub",
        );
        // Log-rank, excellent's observed 2 vs expected at 61, 92, 184, 365, 366:
        // E = 3/7 + 3/6 + 3/5 + 3/4 + 2/3 = 2.94524; V = 12/49 + 1/4 + 6/25 + 3/16 + 2/9
        // = 1.14462; χ² = (2 − 2.94524)² / 1.14462 = 0.78059, dof 1.
        let e = 3.0 / 7.0 + 0.5 + 0.6 + 0.75 + 2.0 / 3.0;
        let v = 12.0 / 49.0 + 0.25 + 0.24 + 3.0 / 16.0 + 2.0 / 9.0;
        close(
            run.num("churn/logrank/statistic"),
            (2.0 - e) * (2.0 - e) / v,
            "logrank",
        );
        assert_eq!(run.get("churn/logrank/dof"), 1);
        close(
            run.num("churn/logrank/p_value"),
            0.37696182846781695,
            "logrank p",
        );
    }

    fn refs(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }

    /// `n` excellent deals (none churned) and `m` substandard ones of which `k` churned,
    /// all closed 2025-01-10 (mature), ACV 1 000 each.
    fn generated(n: usize, m: usize, k: usize) -> Data {
        let mut deals = Vec::new();
        let mut handoffs = vec![FULL.to_string()];
        let mut renewals = vec!["account_id,event_date,event".to_string()];
        for i in 0..n {
            deals.push(format!("X{i},AX{i},smb,1000,2025-01-10T00:00:00Z,rep"));
            handoffs.push(format!(
                "H{i},X{i},2025-01-11T00:00:00Z,2025-01-11T00:00:00Z,1,1,1,1,1,1,1"
            ));
        }
        for i in 0..m {
            deals.push(format!("S{i},AS{i},smb,1000,2025-01-10T00:00:00Z,rep"));
            if i < k {
                renewals.push(format!("AS{i},2025-06-01,churn"));
            }
        }
        Data::new("2026-10-31")
            .deals(&refs(&deals))
            .csv("handoffs", &refs(&handoffs))
            .csv("renewals", &refs(&renewals))
    }

    #[test]
    fn low_sample_below_thirty_and_rr_null_on_a_zero_count() {
        let run = generated(30, 29, 1).run("2026-10");
        assert_eq!(run.get("churn/by_band/excellent/n"), 30);
        assert_eq!(
            run.get("churn/by_band/excellent/low_sample"),
            false,
            "n = 30"
        );
        assert_eq!(run.get("churn/by_band/substandard/n"), 29);
        assert_eq!(
            run.get("churn/by_band/substandard/low_sample"),
            true,
            "n = 29"
        );
        // c = 0 churned excellent → RR null; MH denominator 0 → null.
        assert!(run.is_null("churn/relative_risk"));
        assert!(run.is_null("churn/relative_risk_adjusted"));
        // ARR: 29 × 1 000 × (1/29 − 0) = 1 000.
        close(run.num("churn/arr_at_stake"), 1000.0, "arr");
    }

    #[test]
    fn arr_floored_at_zero_and_nulls_for_missing_bands() {
        // Two substandard deals (one churned) and no excellent one.
        let data = generated(0, 2, 1);
        // Only substandard deals: no excellent band → RR, ARR null; one band → chi null.
        let run = data.run("2026-10");
        assert!(run.is_null("churn/relative_risk"));
        assert!(run.is_null("churn/arr_at_stake"));
        assert!(run.is_null("churn/chi_square"));
        // n = 2 < 3 → point-biserial null.
        assert!(run.is_null("churn/point_biserial"));
        // 1 excellent (churned) and 2 substandard (1 churned): 2 000 × (1/2 − 1) < 0 → 0.
        let run = generated(1, 2, 1)
            .csv(
                "renewals",
                &[
                    "account_id,event_date,event",
                    "AX0,2025-06-01,churn",
                    "AS0,2025-06-01,churn",
                ],
            )
            .run("2026-10");
        assert_eq!(run.num("churn/arr_at_stake"), 0.0);
        // RR = (1/2) / (1/1) = 0.5.
        close(run.num("churn/relative_risk/value"), 0.5, "RR");
    }

    #[test]
    fn every_deal_churned_gives_null_chi_square() {
        let run = generated(2, 2, 2)
            .csv(
                "renewals",
                &[
                    "account_id,event_date,event",
                    "AX0,2025-06-01,churn",
                    "AX1,2025-06-01,churn",
                    "AS0,2025-06-01,churn",
                    "AS1,2025-06-01,churn",
                ],
            )
            .run("2026-10");
        assert_eq!(run.get("churn/by_band/excellent/churned"), 2);
        assert!(run.is_null("churn/chi_square"));
        // The churn indicator is constant → point-biserial null.
        assert!(run.is_null("churn/point_biserial"));
    }

    #[test]
    fn missing_renewals_table_gives_null() {
        let run = Data::new("2026-10-31")
            .deals(&["S1,A1,smb,1,2025-01-10T00:00:00Z,rep"])
            .run("2026-10");
        assert!(run.is_null("churn"));
        assert!(run.is_null("expansion"));
    }
}
