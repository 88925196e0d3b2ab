//! Row accounting on a messy data set: every row read is used, rejected or excluded, and the
//! data-quality appendix adds up to the inputs.

use super::*;

/// METRICS.md §3: for every table, rows read = used + rejected + excluded, and data-quality.csv
/// lists every excluded row and every rejected row.
#[test]
fn data_quality_reconciles_with_inputs_on_a_messy_data_set() {
    let d = case("messy");
    let out = tempfile::tempdir().unwrap();
    let r = report(d.path(), out.path());
    expect(&r, 0, &["deals.csv: skipped 3 report footer line(s)"]);
    let m = metrics(out.path());
    let dq = csv_rows(&out.path().join("2026-10/data-quality.csv"));
    assert_eq!(
        dq[0],
        ["table", "file", "line", "column", "value", "action", "reason"]
    );
    let mut checked = 0;
    for (table, c) in m["inputs"].as_object().unwrap() {
        if c.is_null() {
            continue;
        }
        let n = |k: &str| c[k].as_u64().unwrap();
        let (read, used, rejected, excluded) = (
            n("rows_read"),
            n("rows_used"),
            n("rows_rejected"),
            n("rows_excluded"),
        );
        assert_eq!(read, used + rejected + excluded, "{table}: {c}");
        let by_reason: u64 = c["excluded_by_reason"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_u64().unwrap())
            .sum();
        assert_eq!(by_reason, excluded, "{table}: {c}");
        let lines = |action: &str| {
            let mut l: Vec<&str> = dq
                .iter()
                .filter(|r| r[0] == *table && r[5] == action)
                .map(|r| r[2].as_str())
                .collect();
            l.sort();
            l.dedup();
            l.len() as u64
        };
        assert_eq!(lines("excluded"), excluded, "{table}");
        assert_eq!(lines("rejected"), rejected, "{table}");
        checked += 1;
    }
    assert_eq!(checked, 3);
    let deals = &m["inputs"]["deals"];
    assert_eq!(deals["rows_read"], 8);
    assert_eq!(deals["rows_rejected"], 1);
    assert_eq!(deals["excluded_by_reason"]["duplicate"], 1);
    assert_eq!(deals["excluded_by_reason"]["later_deal"], 1);
    assert_eq!(deals["excluded_by_reason"]["after_as_of"], 1);
    let handoffs = &m["inputs"]["handoffs"];
    assert_eq!(handoffs["excluded_by_reason"]["orphan"], 1);
    assert_eq!(handoffs["excluded_by_reason"]["duplicate"], 1);
    assert_eq!(handoffs["excluded_by_reason"]["deal_rejected"], 1);
    let milestones = &m["inputs"]["milestones"];
    assert_eq!(milestones["rows_rejected"], 1);
    assert_eq!(milestones["excluded_by_reason"]["unknown_account"], 1);
    assert_eq!(milestones["excluded_by_reason"]["after_as_of"], 1);
    // Set-missing values are listed but do not move a row out of `used`.
    assert!(dq
        .iter()
        .any(|r| r[0] == "handoffs" && r[2] == "9" && r[5] == "set_missing"));
}
