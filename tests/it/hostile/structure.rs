//! File structure: BOMs, line ends, report footers, missing or ragged columns, quoting and
//! empty files, each with the line it happened on.

use super::*;

#[test]
fn bom_and_crlf() {
    let d = case("base");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(base_deals().replace('\n', "\r\n").into_bytes());
    write(&d.path().join("deals.csv"), bytes);
    let out = tempfile::tempdir().unwrap();
    let r = report(d.path(), out.path());
    expect(&r, 0, &[]);
    let m = metrics(out.path());
    assert_eq!(m["inputs"]["deals"]["rows_used"], 3);
    assert_eq!(m["inputs"]["deals"]["rows_rejected"], 0);
    assert_eq!(
        escalated_accounts(out.path()),
        ["Acme", "Globex", "Initech"],
        "the BOM must not end up in a value"
    );
}

/// Regression: with CRLF line ends, blank lines or a lone CR, the reported line was the
/// line of the previous record's end (off by one or more).
#[test]
fn line_numbers_survive_crlf_blank_lines_and_lone_cr() {
    let bad = "D4,A4,Umbrella,smb,-5,2026-10-02,rep_c,,\n";
    for (name, text, line) in [
        (
            "crlf",
            format!("{}{bad}", base_deals()).replace('\n', "\r\n"),
            5,
        ),
        ("blank lines", format!("{}\n\n{bad}", base_deals()), 7),
        (
            "crlf and blank lines",
            format!("{}\n{bad}", base_deals()).replace('\n', "\r\n"),
            6,
        ),
        (
            "lone cr",
            format!("{}{bad}", base_deals()).replace('\n', "\r"),
            5,
        ),
    ] {
        let d = case("base");
        write(&d.path().join("deals.csv"), text);
        share(d.path(), 0.5);
        let r = validate(d.path());
        expect(&r, 0, &[&format!("deals.csv:{line}: rejected: acv \"-5\"")]);
        assert!(r.stdout.contains("deals"), "{name}: {r:#?}");
    }
}

#[test]
fn salesforce_footer_with_c() {
    let (d, _) = check_case("salesforce_footer_c", 0, &["deals.csv: skipped", "footer"]);
    let m = report_metrics(d.path());
    assert_eq!(m["inputs"]["deals"]["rows_read"], 3);
    assert_eq!(m["inputs"]["deals"]["rows_rejected"], 0);
}

#[test]
fn salesforce_footer_with_copyright_sign_and_totals() {
    let (d, _) = check_case(
        "salesforce_footer_copyright_sign",
        0,
        &["deals.csv: skipped 5 report footer line(s)"],
    );
    let m = report_metrics(d.path());
    assert_eq!(m["inputs"]["deals"]["rows_read"], 3);
    assert_eq!(m["inputs"]["deals"]["rows_used"], 3);
}

#[test]
fn footer_lines_followed_by_data_are_rows() {
    let d =
        base_plus_deals("\"Grand Totals (3 records)\"\nD4,A4,Hooli,smb,100,2026-10-02,rep_c,,\n");
    let r = validate(d.path());
    expect(
        &r,
        0,
        &["deals.csv:5: rejected: row \"Grand Totals (3 records)\""],
    );
    assert_eq!(
        counts(&r, "deals"),
        [5, 4, 1, 0],
        "read, used, rejected, excluded"
    );
}

#[test]
fn missing_required_column_names_table_column_and_found_columns() {
    let (_d, _) = check_case(
        "missing_column",
        3,
        &[
            "deals.csv: table deals is missing required column segment",
            "columns found: \"deal_id\", \"account_id\", \"account_name\", \"acv\"",
        ],
    );
}

#[test]
fn ragged_rows_are_rejected_with_their_lines() {
    let (d, r) = check_case(
        "ragged_rows",
        0,
        &[
            "deals.csv:5: rejected: row",
            "has 6 field(s), the header has 9",
            "deals.csv:6: rejected: row",
            "has 11 field(s)",
        ],
    );
    // Trailing empty fields (a spreadsheet's stray commas) are not ragged.
    assert!(!r.stderr.contains("deals.csv:7:"), "{r:#?}");
    let m = report_metrics(d.path());
    assert_eq!(m["inputs"]["deals"]["rows_read"], 6);
    assert_eq!(m["inputs"]["deals"]["rows_used"], 4);
    assert_eq!(m["inputs"]["deals"]["rows_rejected"], 2);
}

/// Regression: a quote opened in the last field and never closed swallowed the line end
/// and the row was accepted as if nothing happened.
#[test]
fn unterminated_quote_at_end_of_file() {
    let (d, _) = check_case(
        "unterminated_quote",
        0,
        &[
            "deals.csv:5: rejected: row",
            "opened on line 5 is never closed",
        ],
    );
    let out = tempfile::tempdir().unwrap();
    report(d.path(), out.path());
    assert_eq!(metrics(out.path())["inputs"]["deals"]["rows_rejected"], 1);
    // Without the raised max_rejected_share the run fails.
    fs::remove_file(d.path().join("handoff.toml")).unwrap();
    let r = validate(d.path());
    expect(
        &r,
        3,
        &["deals.csv: 1 of 4 rows rejected", "first at line 5"],
    );
}

#[test]
fn unterminated_quote_mid_file_swallows_the_rest_and_says_so() {
    let d = base_plus_deals(
        "D4,\"A4,Hooli,smb,100,2026-10-02,rep_c,,\nD5,A5,Vandelay,smb,100,2026-10-02,rep_c,,\n",
    );
    let r = validate(d.path());
    expect(&r, 0, &["deals.csv:5: rejected", "never closed"]);
}

#[test]
fn unterminated_quote_in_the_header() {
    let d = case("base");
    write(
        &d.path().join("deals.csv"),
        "\"deal_id,account_id,segment,acv,closed_at,sales_rep\nD1,A1,smb,1,2026-10-01,r\n",
    );
    let r = validate(d.path());
    expect(
        &r,
        3,
        &["deals.csv:1: table deals: the header opens a quoted field that is never closed"],
    );
}

/// A quote inside an unquoted field is kept as written; an undoubled quote inside a
/// quoted field is read on as text, with a warning naming the line.
#[test]
fn stray_quotes_mid_field() {
    let d = case("stray_quote");
    let r = validate(d.path());
    expect(
        &r,
        0,
        &["deals.csv:6: a `\"` inside a quoted field is not doubled"],
    );
    assert!(!r.stderr.contains("deals.csv:5:"), "{r:#?}");
    let out = tempfile::tempdir().unwrap();
    report(d.path(), out.path());
    let names = escalated_accounts(out.path());
    assert!(
        names.contains(&"Acme \"Big\" Corp".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"Hooli XL\" Inc\"".to_string()), "{names:?}");
}

#[test]
fn empty_file() {
    let d = case("base");
    write(&d.path().join("deals.csv"), b"");
    let out = tempfile::tempdir().unwrap();
    let r = report(d.path(), out.path());
    expect(&r, 3, &["deals.csv: table deals is empty"]);
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);
    // An empty optional table fails the same way: a 0-byte export is a broken export.
    let d = case("base");
    write(&d.path().join("surveys.csv"), b"");
    expect(
        &validate(d.path()),
        3,
        &["surveys.csv: table surveys is empty"],
    );
}

#[test]
fn header_only_file() {
    let d = case("header_only");
    let out = tempfile::tempdir().unwrap();
    let r = report(d.path(), out.path());
    expect(&r, 0, &["deals.csv: table deals has no data rows"]);
    let m = metrics(out.path());
    assert_eq!(m["inputs"]["deals"]["rows_read"], 0);
    assert_eq!(m["cohort"]["period_deals"], 0);
    assert!(m["quality"]["mean"].is_null(), "{}", m["quality"]);
    // Every handoff now points at an unknown deal.
    assert_eq!(m["inputs"]["handoffs"]["excluded_by_reason"]["orphan"], 2);
}

#[test]
fn header_only_handoffs_score_every_deal_zero() {
    let d = case("base");
    let h = fs::read_to_string(d.path().join("handoffs.csv")).unwrap();
    write(&d.path().join("handoffs.csv"), h.lines().next().unwrap());
    let out = tempfile::tempdir().unwrap();
    expect(
        &report(d.path(), out.path()),
        0,
        &["handoffs.csv: table handoffs has no data rows"],
    );
    let m = metrics(out.path());
    assert_eq!(m["quality"]["bands"]["substandard"], 3);
}

#[test]
fn required_table_missing() {
    let d = case("base");
    fs::remove_file(d.path().join("handoffs.csv")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let r = report(d.path(), out.path());
    expect(&r, 3, &["required table handoffs not found"]);
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn optional_tables_missing_are_null_not_zero() {
    let d = case("base");
    let out = tempfile::tempdir().unwrap();
    let r = report(d.path(), out.path());
    expect(&r, 0, &["table renewals not found"]);
    let m = metrics(out.path());
    for key in [
        "ttfv",
        "adoption",
        "health",
        "satisfaction",
        "churn",
        "expansion",
        "transitions",
    ] {
        assert!(m[key].is_null(), "{key} should be null: {}", m[key]);
    }
    for t in &TABLES[2..] {
        assert!(m["inputs"][t].is_null(), "inputs.{t}: {}", m["inputs"][t]);
    }
}

/// METRICS.md §3: "the metrics that need a missing table are reported as unavailable, never as
/// zero". The first-value SLA needs milestones (it used to report 0% and a false alert).
#[test]
fn first_value_sla_without_milestones_is_null() {
    let d = case("base");
    let m = report_metrics(d.path());
    let fv = &m["sla"]["first_value"];
    assert!(fv.is_null() || fv["rate"].is_null(), "{fv}");
}
