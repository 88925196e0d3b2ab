//! Cell values: unparseable and negative values, the rejected-row share, `;` and decimal
//! commas with and without config, far-future dates, duplicate ids and "maybe" booleans.

use super::*;

#[test]
fn one_unparseable_required_value() {
    let d = case("bad_required_value");
    let r = validate(d.path());
    expect(
        &r,
        0,
        &["deals.csv:5: rejected: closed_at \"31/12/2025\": not an ISO 8601 date"],
    );
    let out = tempfile::tempdir().unwrap();
    let r = report(d.path(), out.path());
    expect(&r, 0, &["deals.csv: 1 of 4 rows rejected (first at line 5"]);
    let m = metrics(out.path());
    assert_eq!(m["inputs"]["deals"]["rows_rejected"], 1);
    let dq = csv_rows(&out.path().join("2026-10/data-quality.csv"));
    assert!(
        dq.iter().any(|r| r[0] == "deals"
            && r[2] == "5"
            && r[3] == "closed_at"
            && r[4] == "31/12/2025"
            && r[5] == "rejected"),
        "{dq:?}"
    );
}

#[test]
fn one_bad_row_of_four_is_over_the_default_share() {
    let d = case("bad_required_value");
    fs::remove_file(d.path().join("handoff.toml")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let r = report(d.path(), out.path());
    expect(
        &r,
        3,
        &[
            "deals.csv: 1 of 4 rows rejected (25.00%), more than max_rejected_share = 0.01",
            "first at line 5: closed_at \"31/12/2025\"",
        ],
    );
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn many_bad_rows_exit_3() {
    let (d, _) = check_case(
        "many_bad_rows",
        3,
        &[
            "deals.csv: 6 of 9 rows rejected",
            "max_rejected_share",
            "deals.csv:5: rejected: closed_at",
            "deals.csv:6: rejected: acv \"twelve\"",
            "deals.csv:7: rejected: account_id",
            "deals.csv:8: rejected: sales_rep",
            "deals.csv:9: rejected: segment",
            "deals.csv:10: rejected: closed_at \"2026-02-30\"",
        ],
    );
    let out = tempfile::tempdir().unwrap();
    expect(&report(d.path(), out.path()), 3, &["nothing written"]);
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn semicolons_and_decimal_commas_with_config() {
    let d = case("semicolon_decimal_comma");
    expect(&validate(d.path()), 0, &[]);
    let q = query(
        d.path(),
        None,
        "select deal_id, acv from deals order by deal_id",
    );
    assert_eq!(q.stdout, "deal_id,acv\nD1,120000.5\nD2,45000\nD3,9500.25\n");
    let out = tempfile::tempdir().unwrap();
    report(d.path(), out.path());
    // H2 gives partial credit 0,5 for doc_deal_summary: score 52.5 as in the base set.
    assert_eq!(metrics(out.path())["quality"]["mean"], 50.833333333333336);
}

#[test]
fn semicolons_without_config_hint_at_the_delimiter() {
    let d = case("semicolon_decimal_comma");
    fs::remove_file(d.path().join("handoff.toml")).unwrap();
    let r = validate(d.path());
    expect(
        &r,
        3,
        &[
            "deals.csv: table deals is missing required columns",
            "set delimiter = \";\" or a locale in the config",
            "handoffs.csv: table handoffs",
        ],
    );
}

#[test]
fn decimal_comma_without_config_hints_at_the_setting() {
    let d = case("base");
    write(
        &d.path().join("deals.csv"),
        format!(
            "{}D4,A4,Hooli,smb,\"1,5\",2026-10-02,rep_c,,\n",
            base_deals()
        ),
    );
    share(d.path(), 0.5);
    let r = validate(d.path());
    expect(
        &r,
        0,
        &["deals.csv:5: rejected: acv \"1,5\"", "decimal_comma = true"],
    );
}

#[test]
fn far_future_dates() {
    let d = case("far_future_dates");
    let r = validate(d.path());
    expect(
        &r,
        0,
        &["deals.csv:6: rejected: closed_at \"275000-01-01\": not an ISO 8601 date"],
    );
    assert!(r.stdout.contains("after_as_of=1"), "{r:#?}");
    let m = report_metrics(d.path());
    assert_eq!(m["inputs"]["deals"]["excluded_by_reason"]["after_as_of"], 1);
    assert_eq!(
        m["inputs"]["renewals"]["excluded_by_reason"]["after_as_of"],
        1
    );
    // H1's meeting in 9999 has not happened as of 2026-10-31: knowledge transfer missed
    // (with the base data set, H1's meeting is met).
    assert_eq!(m["sla"]["knowledge_transfer"]["met"], 0);
}

#[test]
fn duplicate_ids_are_excluded_not_dropped() {
    let (d, r) = check_case("duplicate_ids", 0, &[]);
    assert!(r.stdout.contains("duplicate=1"), "{r:#?}");
    assert!(r.stdout.contains("duplicate=2"), "{r:#?}");
    let out = tempfile::tempdir().unwrap();
    report(d.path(), out.path());
    let dq = csv_rows(&out.path().join("2026-10/data-quality.csv"));
    let has = |table: &str, line: &str, value: &str| {
        dq.iter().any(|r| {
            r[0] == table
                && r[2] == line
                && r[4] == value
                && r[5] == "excluded"
                && r[6] == "duplicate"
        })
    };
    assert!(has("deals", "5", "D1"), "{dq:?}");
    assert!(has("handoffs", "4", "D2"), "{dq:?}");
    assert!(has("handoffs", "5", "D2"), "{dq:?}");
}

#[test]
fn negative_amounts_are_rejected_but_negative_deltas_are_fine() {
    let (d, r) = check_case(
        "negative_amounts",
        0,
        &[
            "deals.csv:5: rejected: acv \"-5\": out of range: must be >= 0",
            "deals.csv:6: rejected: acv \"(1,200)\": out of range",
            "deals.csv:7: rejected: acv \"$-300\": out of range",
            "deals.csv:8: rejected: acv \"-$40\": out of range",
        ],
    );
    assert!(!r.stderr.contains("renewals.csv:"), "{r:#?}");
    let m = report_metrics(d.path());
    assert_eq!(m["inputs"]["deals"]["rows_rejected"], 4);
    assert_eq!(m["inputs"]["renewals"]["rows_used"], 1);
}

#[test]
fn maybe_in_a_boolean_column_is_set_missing_with_its_line() {
    let (d, _) = check_case(
        "maybe_boolean",
        0,
        &[
            "transitions.csv:2: set_missing: planned \"maybe\": not a boolean",
            "transitions.csv:3: set_missing: joint_meeting \"perhaps\"",
            "handoffs.csv:2: set_missing: doc_deal_summary \"maybe\"",
            "transitions.csv: 2 value(s) could not be parsed",
        ],
    );
    let m = report_metrics(d.path());
    assert_eq!(m["inputs"]["transitions"]["rows_used"], 2);
    assert_eq!(m["inputs"]["handoffs"]["rows_rejected"], 0);
    // doc_deal_summary missing counts 0: 100 - 15.
    assert_eq!(m["quality"]["bands"]["excellent"], 0);
}
