//! The optional `accounts` table of METRICS.md §3.1 (a CRM account export): read before deals, its
//! first row per `account_id` fills a deal's blank `account_name`, `segment`, `region` and
//! `sales_team`; a repeated id is excluded `duplicate`. This is how a Salesforce Account
//! export supplies segment and region.

use std::collections::HashMap;

use polars::prelude::*;

use crate::schema::{self, ACCOUNT_FILLS};

/// Account id → its fill values, from the first used row of each id (file order).
#[derive(Debug, Default)]
pub struct AccountLookup {
    rows: HashMap<String, [Option<String>; 4]>,
    /// Which of [`ACCOUNT_FILLS`] has a value in at least one row.
    present: [bool; 4],
}

impl AccountLookup {
    /// Build the lookup from the parsed `accounts` frame (used rows in file order).
    pub fn from_frame(df: &DataFrame) -> PolarsResult<AccountLookup> {
        let ids = df.column(schema::ACCOUNT_ID)?.str()?.clone();
        let cols: Vec<StringChunked> = ACCOUNT_FILLS
            .iter()
            .map(|c| df.column(c).and_then(|c| c.str().cloned()))
            .collect::<PolarsResult<_>>()?;
        let mut out = AccountLookup::default();
        for (k, c) in cols.iter().enumerate() {
            out.present[k] = c.null_count() < c.len();
        }
        for row in 0..df.height() {
            let Some(id) = ids.get(row) else { continue };
            out.rows
                .entry(id.to_string())
                .or_insert_with(|| std::array::from_fn(|k| cols[k].get(row).map(str::to_string)));
        }
        Ok(out)
    }

    /// Whether the accounts table can fill deal column `name` at all.
    pub fn has(&self, name: &str) -> bool {
        ACCOUNT_FILLS
            .iter()
            .position(|c| *c == name)
            .is_some_and(|k| self.present[k])
    }

    /// The fill for deal column `name` of account `id`, if its row has one.
    pub fn value(&self, id: &str, name: &str) -> Option<&str> {
        let k = ACCOUNT_FILLS.iter().position(|c| *c == name)?;
        self.rows.get(id)?[k].as_deref()
    }
}

/// The `accounts` exclusion rule: a repeated `account_id` (file order) is `duplicate`.
pub fn account_duplicates(rows: LazyFrame) -> LazyFrame {
    rows.with_column(
        when(super::not_first(schema::ACCOUNT_ID))
            .then(lit("duplicate"))
            .otherwise(super::null_str())
            .alias(super::REASON),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_row_of_an_account_fills() {
        let df = df!(
            schema::ACCOUNT_ID => ["a1", "a2", "a1"],
            schema::ACCOUNT_NAME => [Some("Acme"), None, Some("Acme again")],
            schema::SEGMENT => [Some("enterprise"), Some("smb"), None],
            schema::REGION => [None::<&str>, None, None],
            schema::SALES_TEAM => [None::<&str>, None, None],
        )
        .unwrap();
        let l = AccountLookup::from_frame(&df).unwrap();
        assert_eq!(l.value("a1", schema::ACCOUNT_NAME), Some("Acme"));
        assert_eq!(l.value("a1", schema::SEGMENT), Some("enterprise"));
        assert_eq!(l.value("a2", schema::ACCOUNT_NAME), None);
        assert_eq!(l.value("zz", schema::SEGMENT), None);
        assert!(l.has(schema::SEGMENT) && !l.has(schema::REGION));
    }
}
