//! Parquet columns of types no table accepts are a problem of the table, naming the column.

use super::*;
use polars::prelude::*;

/// Regression: a Parquet column of a type that cannot become text (a list) failed the
/// conversion with `?`: exit 1, "unexpected failure", without naming the column.
#[test]
fn a_list_column_is_a_table_problem_naming_the_column() {
    let lists: Vec<Series> = (0..3)
        .map(|i| Series::new("".into(), [i as i64, i as i64 + 1]))
        .collect();
    let closed = ["2026-10-01", "2026-10-02", "2026-10-03"];
    let d = base_with_deals_parquet(
        Column::new("segment".into(), lists),
        Column::new("closed_at".into(), closed),
    );
    let r = validate(d.path());
    expect(
        &r,
        3,
        &[
            "deals.parquet: table deals: column \"segment\"",
            "has type list",
        ],
    );
}
