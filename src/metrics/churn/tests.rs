//! Tests of METRICS.md §4.9 churn, expansion and retention on small hand-checked data.

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
