//! Ingest as a whole on tiny hand-made folders: the snapshot tables are split as soon as
//! they are read (issue #17), yet their rows, keys and data-quality issues come out as
//! every other table's, in the same order.

use crate::ingest::{Action, Keep};
use crate::schema;
use crate::testkit::Data;

/// Deals of two accounts and one after the as-of date, snapshots of known, unknown and
/// later-than-as-of accounts and days, one unparsable snapshot value.
fn data() -> Data {
    Data::new("2026-10-31")
        .config("max_rejected_share = 0.5")
        .deals(&[
            "D1,A1,enterprise,1000,2026-09-01T10:00:00Z,rep",
            "D2,A2,enterprise,1000,2026-09-02T10:00:00Z,rep",
            "D3,A3,enterprise,1000,2026-11-05T10:00:00Z,rep",
        ])
        .csv(
            "adoption",
            &[
                "account_id,snapshot_date,active_users,licensed_seats",
                "A2,2026-09-10,5,10",
                "A9,2026-09-10,5,10",
                "A1,2026-09-10,6,10",
                "A1,2026-11-02,7,10",
                "A3,2026-09-10,5,10",
                "A1,2026-09-11,x,10",
            ],
        )
        .csv(
            "health",
            &[
                "account_id,snapshot_date,health_score",
                "A1,2026-09-10,70",
                "A8,2026-09-10,60",
                "A2,2026-09-10,80",
            ],
        )
        .csv(
            "milestones",
            &[
                "account_id,milestone,achieved_at",
                "A7,kickoff_held,2026-09-05T10:00:00Z",
                "A1,kickoff_held,2026-09-05T10:00:00Z",
            ],
        )
}

#[test]
fn snapshot_tables_split_as_read_keep_every_issue_in_table_order() {
    let ing = data().ingest();
    let issues: Vec<(&str, u64, &str, Action)> = ing
        .issues
        .iter()
        .map(|i| (i.table, i.line, i.reason.as_str(), i.action))
        .collect();
    // Parse issues first (tables by name), then the exclusions: deals, handoffs, then the
    // account tables by name, each in file order.
    let rows: Vec<(&str, u64, Action)> = issues.iter().map(|(t, l, _, a)| (*t, *l, *a)).collect();
    assert_eq!(
        rows,
        [
            (schema::ADOPTION, 7, Action::Rejected),
            (schema::DEALS, 4, Action::Excluded),
            (schema::ADOPTION, 3, Action::Excluded),
            (schema::ADOPTION, 5, Action::Excluded),
            (schema::ADOPTION, 6, Action::Excluded),
            (schema::HEALTH, 3, Action::Excluded),
            (schema::MILESTONES, 2, Action::Excluded),
        ]
    );
    let reasons: Vec<&str> = issues[2..].iter().map(|(_, _, r, _)| *r).collect();
    assert_eq!(
        reasons,
        [
            "unknown_account",
            "after_as_of",
            "unknown_account",
            "unknown_account",
            "unknown_account"
        ]
    );
    let adoption = &ing.counts[schema::ADOPTION];
    assert_eq!(
        (
            adoption.rows_read,
            adoption.rows_used,
            adoption.rows_rejected,
            adoption.rows_excluded
        ),
        (6, 2, 1, 3)
    );
    let health = &ing.counts[schema::HEALTH];
    assert_eq!(
        (health.rows_read, health.rows_used, health.rows_excluded),
        (3, 2, 1)
    );
    // Each used snapshot row carries its deal's row in the used deals (D1 = 0, D2 = 1), in
    // file order.
    let keys = |table: &str| -> Vec<Option<u32>> {
        let df = &ing.tables[table];
        let keys = df
            .column("_deal")
            .unwrap()
            .cast(&polars::prelude::DataType::UInt32);
        keys.unwrap().u32().unwrap().iter().collect()
    };
    assert_eq!(keys(schema::ADOPTION), [Some(1), Some(0)]);
    assert_eq!(keys(schema::HEALTH), [Some(0), Some(1)]);
}

#[test]
fn snapshot_tables_leave_without_lines_and_under_model_without_account_ids() {
    let data = data();
    let names = |keep: Keep, table: &str| -> Vec<String> {
        let ing = data.ingest_keeping(keep);
        let df = &ing.tables[table];
        df.get_column_names()
            .iter()
            .map(|c| c.to_string())
            .collect()
    };
    for table in [schema::ADOPTION, schema::HEALTH] {
        let all = names(Keep::All, table);
        assert!(
            all.contains(&schema::ACCOUNT_ID.to_string()),
            "{table}: {all:?}"
        );
        assert!(!all.contains(&schema::LINE.to_string()), "{table}: {all:?}");
        let model = names(Keep::Model, table);
        assert!(
            !model.contains(&schema::ACCOUNT_ID.to_string()),
            "{table}: {model:?}"
        );
        assert!(model.contains(&"_deal".to_string()), "{table}: {model:?}");
    }
    // The other account tables keep both.
    let milestones = names(Keep::Model, schema::MILESTONES);
    assert!(milestones.contains(&schema::LINE.to_string()));
    assert!(milestones.contains(&schema::ACCOUNT_ID.to_string()));
}

#[test]
fn snapshot_tables_without_deals_are_left_unsplit_and_the_run_ends() {
    // No deals file: the deals' worker publishes "no rules", the snapshot tables are read
    // but not split, and validation fails on the missing table instead of waiting for it.
    let data = Data::new("2026-10-31").csv(
        "adoption",
        &[
            "account_id,snapshot_date,active_users,licensed_seats",
            "A1,2026-09-10,5,10",
        ],
    );
    let ing = crate::ingest::ingest(
        data.path(),
        &Default::default(),
        chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        false,
    )
    .expect("ingest");
    assert!(
        ing.fatal
            .iter()
            .any(|f| f.contains("required table deals not found")),
        "{:?}",
        ing.fatal
    );
    assert!(ing.tables.is_empty());
}

#[test]
fn unreadable_deals_leave_every_table_unsplit_and_the_run_ends() {
    // The deals' worker sets "no rules" when the deals cannot be read: the other worker's
    // tables are left as read instead of waiting, and validation names the deals' problem.
    let data = data().csv("deals", &["deal_id,segment", "D1,smb"]);
    let ing = crate::ingest::ingest(
        data.path(),
        &Default::default(),
        chrono::NaiveDate::from_ymd_opt(2026, 10, 31).expect("a date"),
        false,
    )
    .expect("ingest");
    assert!(
        ing.fatal.iter().any(|f| f.contains("deals.csv")),
        "{:?}",
        ing.fatal
    );
    assert!(ing.tables.is_empty(), "{:?}", ing.tables.keys());
}
