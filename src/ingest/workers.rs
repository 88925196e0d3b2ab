//! The reading stage on two workers (issue #17). Each input table is read and at once split
//! by the exclusion rules, so its parsed rows (line numbers, the snapshot tables' account
//! ids, the handoffs' excluded rows) are freed before the next table is decoded, and no
//! rule waits for every table to be read. One worker starts with the deals and works out
//! their rules ([`DealRules`]: every other table's split needs them), the other with
//! adoption, the biggest table; then each takes the next table of [`QUEUE`] (the bigger
//! first) until none is left. A table read before the deals' rules are ready waits for them
//! (reading on instead measured no faster and held more tables unsplit). The outcome does
//! not depend on which worker read what: reads are returned in table order and the splits
//! are added in a fixed order ([`super::exclusions::add_splits`]).

use std::path::Path;
use std::sync::{Mutex, OnceLock};

use super::accounts::AccountLookup;
use super::exclusions::{self, DealRules, Split};
use super::keys::Resolver;
use super::{read_table, Keep, TableRead};
use crate::config::Settings;
use crate::schema::{self, TABLES};

/// The tables after the two first ones (deals, adoption), bigger first.
const QUEUE: [&str; 6] = [
    schema::HANDOFFS,
    schema::HEALTH,
    schema::SURVEYS,
    schema::MILESTONES,
    schema::RENEWALS,
    schema::TRANSITIONS,
];

/// What the reading stage gives: every table's read, in table order, and the split of each
/// table that could be split (none without deals).
pub(super) struct Stage {
    pub reads: Vec<TableRead>,
    pub splits: Vec<Split>,
}

/// The deals' rules and the account-to-deal map built from them, shared by both workers.
struct Ready<'r> {
    rules: &'r DealRules,
    accounts: Resolver<'r>,
}

/// Sets "no rules" when the deals' worker leaves before it set any (no deals, an error or a
/// panic), so the other worker never waits for rules that will not come.
struct NoRulesOnExit<'a, T>(&'a OnceLock<Option<T>>);

impl<T> Drop for NoRulesOnExit<'_, T> {
    fn drop(&mut self) {
        // A no-op when the rules were set.
        let _ = self.0.set(None);
    }
}

/// Read every table of `dir` but `accounts` on two workers, each table split as soon as it
/// is read.
pub(super) fn read_and_split(
    dir: &Path,
    settings: &Settings,
    lookup: Option<&AccountLookup>,
    a_us: i64,
    keep: Keep,
) -> anyhow::Result<Stage> {
    let rules: OnceLock<DealRules> = OnceLock::new();
    let ready: OnceLock<Option<Ready>> = OnceLock::new();
    let queue = Mutex::new(QUEUE.iter());
    let next = || {
        // Nothing panics while holding the lock; a poisoned one still holds the queue.
        let mut queue = queue.lock().unwrap_or_else(|p| p.into_inner());
        queue.next().copied()
    };
    // One table: read, then split once the deals' rules are known.
    let one = |name: &'static str| -> anyhow::Result<(TableRead, Option<Split>)> {
        let spec = schema::table(name).expect("a queued table is a known table");
        if name != schema::DEALS {
            let mut read = read_table(dir, spec, settings, None)?;
            let mut split = None;
            if let (Some(t), Some(ready)) = (&mut read.parsed, ready.wait()) {
                split = Some(if name == schema::HANDOFFS {
                    exclusions::handoffs_split(t, ready.rules)?
                } else {
                    exclusions::account_split(name, t, &ready.accounts, a_us, keep)?
                });
            }
            return Ok((read, split));
        }
        let _no_rules = NoRulesOnExit(&ready);
        let read = read_table(dir, spec, settings, lookup)?;
        let Some(deals) = &read.parsed else {
            return Ok((read, None));
        };
        let made = exclusions::timed(schema::DEALS, || DealRules::new(deals, a_us))?;
        let rules = rules.get_or_init(|| made);
        let accounts = Resolver::new(&rules.accounts);
        let _ = ready.set(Some(Ready { rules, accounts }));
        // The other worker may split its tables from here on.
        let split = rules.deals_split(deals)?;
        Ok((read, Some(split)))
    };
    // A worker goes on after a table's error, so the error reported is the first in table
    // order whichever worker met it (as when the tables were read in a fixed order).
    let work = |first: &'static str| {
        let mut done = Vec::new();
        let mut table = Some(first);
        while let Some(name) = table {
            done.push((name, one(name)));
            table = next();
        }
        done
    };
    let (mut done, b) = crate::parallel::join(|| work(schema::ADOPTION), || work(schema::DEALS));
    done.extend(b);
    done.sort_by_key(|(name, _)| TABLES.iter().position(|spec| spec.name == *name));
    let (mut reads, mut splits) = (Vec::new(), Vec::new());
    for (_, outcome) in done {
        let (read, split) = outcome?;
        reads.push(read);
        splits.extend(split);
    }
    Ok(Stage { reads, splits })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deals_worker_that_leaves_early_publishes_no_rules() {
        // An error return or a panic before the rules are set: the other worker's wait ends.
        let ready: OnceLock<Option<u8>> = OnceLock::new();
        let leaving = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _no_rules = NoRulesOnExit(&ready);
            panic!("the deals' worker fails");
        }));
        assert!(leaving.is_err());
        assert_eq!(ready.get(), Some(&None));
        // Rules set before the worker leaves stay as they are.
        let ready: OnceLock<Option<u8>> = OnceLock::new();
        {
            let _no_rules = NoRulesOnExit(&ready);
            assert!(ready.set(Some(7)).is_ok());
        }
        assert_eq!(ready.get(), Some(&Some(7)));
    }
}
