//! The deal and handoff exclusion rules of METRICS.md §3, as one pass over each table's
//! columns with hash maps keyed on the ids' text. (They were polars window functions,
//! a sort, a group-by and four joins on text keys: 2–3 s at a million deals; here they
//! cost a few hundred milliseconds.) [`super::exclusions`] splits the rows by the reasons.
//!
//! Deals, in this order: `duplicate` (a `deal_id` seen on an earlier line), `after_as_of`
//! (`closed_at` ≥ A), `later_deal` (not the account's first remaining deal by `closed_at`,
//! then line). Handoffs: a deal id that no deal row has is `filtered` when a `[filters]`
//! entry left the deal out, `deal_rejected` when the deal row was rejected, else `orphan`;
//! a record of an excluded deal takes the deal's reason; then `duplicate` (a `deal_id` or
//! `handoff_id` seen on an earlier line).
//!
//! Missing keys follow the polars plans these replace: a missing id is a key of its own
//! for `duplicate`, and never matches a deal or an account.

use std::collections::HashSet;

use polars::prelude::*;

use super::keys::Resolver;
use crate::schema;

/// The reasons, as `_reason` values.
const DUPLICATE: &str = "duplicate";
const AFTER_AS_OF: &str = "after_as_of";
const LATER_DEAL: &str = "later_deal";
const FILTERED: &str = "filtered";
const DEAL_REJECTED: &str = "deal_rejected";
const ORPHAN: &str = "orphan";

/// For each row, whether an earlier line (smaller `_line`) has the same key. (The unit
/// tests below take both ways: lines in order, and out of order.)
fn repeated(keys: &StringChunked, lines: &[i64]) -> Vec<bool> {
    if strictly_increasing(keys) {
        // Every key differs from every other (ids exported sorted): nothing to hash.
        return vec![false; keys.len()];
    }
    if in_line_order(lines) {
        // Rows in line order (as every reader hands them on): a repeat is a key seen on an
        // earlier row, one hash per row.
        let mut seen: PlHashSet<Option<&str>> = PlHashSet::with_capacity(keys.len());
        return keys.iter().map(|k| !seen.insert(k)).collect();
    }
    let mut first: PlHashMap<Option<&str>, i64> = PlHashMap::with_capacity(keys.len());
    for (k, &line) in keys.iter().zip(lines) {
        first
            .entry(k)
            .and_modify(|l| *l = (*l).min(line))
            .or_insert(line);
    }
    keys.iter()
        .zip(lines)
        .map(|(k, &line)| first[&k] != line)
        .collect()
}

/// Whether `keys` has no missing value and each key sorts after the one before (byte
/// order): then no key repeats, which one pass of neighbour comparisons shows where a
/// hash set of a million ids costs about 100 ms (issue #17).
fn strictly_increasing(keys: &StringChunked) -> bool {
    let mut last: Option<&str> = None;
    for key in keys.iter() {
        let Some(key) = key else { return false };
        if last.is_some_and(|last| last >= key) {
            return false;
        }
        last = Some(key);
    }
    true
}

/// Each row's account as a group number, rows of one account sharing it (`None` for a
/// missing account), and the number of groups. Deals exported in account order (sorted by
/// account id, say: each account's rows together, missing ones anywhere) are numbered by
/// comparing each account with the one before; any other order through a hash map of the
/// accounts (issue #17: about 150 ms for a million accounts, on the one thread every other
/// table's split waits for).
fn account_groups(accounts: &StringChunked) -> (Vec<Option<u32>>, usize) {
    let mut group = Vec::with_capacity(accounts.len());
    let mut last: Option<&str> = None;
    let mut groups: u32 = 0;
    for account in accounts.iter() {
        let Some(account) = account else {
            group.push(None);
            continue;
        };
        match last {
            Some(last) if last == account => {}
            Some(last) if last > account => break,
            _ => {
                groups += 1;
                last = Some(account);
            }
        }
        group.push(Some(groups - 1));
    }
    if group.len() == accounts.len() {
        return (group, groups as usize);
    }
    // Out of order: numbered by first appearance.
    let mut number: PlHashMap<&str, u32> = PlHashMap::with_capacity(accounts.len());
    let group = accounts
        .iter()
        .map(|account| {
            let next = number.len() as u32;
            account.map(|a| *number.entry(a).or_insert(next))
        })
        .collect();
    (group, number.len())
}

/// Whether rows are in line order (as every reader hands them on).
fn in_line_order(lines: &[i64]) -> bool {
    lines.windows(2).all(|w| w[0] < w[1])
}

/// The `_line` column as values (it is never missing).
fn lines(df: &DataFrame) -> PolarsResult<Vec<i64>> {
    Ok(df
        .column(schema::LINE)?
        .i64()?
        .iter()
        .map(|l| l.unwrap_or(0))
        .collect())
}

fn text<'a>(df: &'a DataFrame, name: &str) -> PolarsResult<&'a StringChunked> {
    df.column(name)?.str()
}

/// Each deal row's reason, or null for a used deal.
pub fn deal_reasons(deals: &DataFrame, a_us: i64) -> PolarsResult<Vec<Option<&'static str>>> {
    let line = lines(deals)?;
    let dup = repeated(text(deals, schema::DEAL_ID)?, &line);
    let closed = deals.column(schema::CLOSED_AT)?.cast(&DataType::Int64)?;
    let closed = closed.i64()?;
    let after: Vec<Option<bool>> = closed.iter().map(|c| c.map(|c| c >= a_us)).collect();
    // Each account's first remaining deal: the smallest (closed_at, line) of the rows that
    // are neither duplicates nor after A (a row of unknown close time is not a candidate),
    // and its row, by the account's group number.
    let accounts = text(deals, schema::ACCOUNT_ID)?;
    let (group, groups) = account_groups(accounts);
    let mut winner: Vec<Option<(i64, i64, usize)>> = vec![None; groups];
    let mut candidate = vec![false; deals.height()];
    for (i, c) in closed.iter().enumerate() {
        let (Some(&g), Some(c), false, Some(false)) = (group[i].as_ref(), c, dup[i], after[i])
        else {
            continue;
        };
        candidate[i] = true;
        let w = &mut winner[g as usize];
        *w = Some(w.map_or((c, line[i], i), |w| w.min((c, line[i], i))));
    }
    // A candidate is a later deal unless it is its account's winner (lines are unique);
    // a row that is no candidate (no close time) is never a winner, so it is a later deal
    // when its account has one.
    let mut first = vec![false; deals.height()];
    for &(_, _, row) in winner.iter().flatten() {
        first[row] = true;
    }
    Ok((0..deals.height())
        .map(|i| {
            if dup[i] {
                Some(DUPLICATE)
            } else if after[i] == Some(true) {
                Some(AFTER_AS_OF)
            } else if candidate[i] {
                (!first[i]).then_some(LATER_DEAL)
            } else {
                group[i]
                    .is_some_and(|g| winner[g as usize].is_some())
                    .then_some(LATER_DEAL)
            }
        })
        .collect())
}

/// For each of `ids`, the row of that deal id in `deals` (its first row: the other rows of
/// an id are duplicates), or `None`.
fn deal_rows(
    deals: &DataFrame,
    deal_reasons: &[Option<&'static str>],
    ids: &StringChunked,
) -> PolarsResult<Vec<Option<usize>>> {
    let keys = text(deals, schema::DEAL_ID)?;
    if in_line_order(&lines(deals)?) {
        // Rows in line order: an id's first row is never a duplicate, and it is what the
        // key resolver answers, which looks handoffs exported in the deals' order up
        // without probing its map (`keys.rs`).
        let found = Resolver::new(keys).resolve(ids);
        return Ok(found.iter().map(|row| row.map(|r| r as usize)).collect());
    }
    let mut deal_row: PlHashMap<&str, usize> = PlHashMap::with_capacity(deals.height());
    for (row, (id, reason)) in keys.iter().zip(deal_reasons).enumerate() {
        if let (Some(id), false) = (id, *reason == Some(DUPLICATE)) {
            deal_row.entry(id).or_insert(row);
        }
    }
    Ok(ids
        .iter()
        .map(|id| id.and_then(|id| deal_row.get(id).copied()))
        .collect())
}

/// The handoff rules' answer for each handoff row.
pub struct HandoffRows {
    /// The row's reason, or null for a used record.
    pub reasons: Vec<Option<&'static str>>,
    /// For a used record, the row of its deal among the used deals (the deal rows without
    /// a reason, in order): the dense deal key of [`super::keys`], found by the id lookup
    /// the rules make anyway.
    pub deal_keys: Vec<Option<IdxSize>>,
}

/// Each handoff row's reason and deal key; `deal_reasons` are [`deal_reasons`] of `deals`,
/// `rejected` and `filtered` the ids of the deal rows the row parser rejected and the
/// `[filters]` left out.
pub fn handoff_reasons(
    handoffs: &DataFrame,
    deals: &DataFrame,
    deal_reasons: &[Option<&'static str>],
    rejected: &[String],
    filtered: &[String],
) -> PolarsResult<HandoffRows> {
    let rejected: HashSet<&str> = rejected.iter().map(String::as_str).collect();
    let filtered: HashSet<&str> = filtered.iter().map(String::as_str).collect();
    let line = lines(handoffs)?;
    let deal_ids = text(handoffs, schema::DEAL_ID)?;
    let rows = deal_rows(deals, deal_reasons, deal_ids)?;
    // The first line of each deal's records, by the deal's row (no second text map).
    let mut first = vec![i64::MAX; deals.height()];
    for (row, &l) in rows.iter().zip(&line) {
        if let Some(row) = row {
            first[*row] = first[*row].min(l);
        }
    }
    let dup_handoff = repeated(text(handoffs, schema::HANDOFF_ID)?, &line);
    let reasons: Vec<Option<&'static str>> = deal_ids
        .iter()
        .zip(&rows)
        .enumerate()
        .map(|(i, (id, row))| match *row {
            None if id.is_some_and(|id| filtered.contains(id)) => Some(FILTERED),
            None if id.is_some_and(|id| rejected.contains(id)) => Some(DEAL_REJECTED),
            None => Some(ORPHAN),
            Some(row) => match deal_reasons[row] {
                Some(reason) => Some(reason),
                None if first[row] != line[i] || dup_handoff[i] => Some(DUPLICATE),
                None => None,
            },
        })
        .collect();
    // Each deal row's position among the used deals (meaningful for used deals only).
    let mut used = 0;
    let position: Vec<IdxSize> = deal_reasons
        .iter()
        .map(|r| {
            let p = used;
            used += IdxSize::from(r.is_none());
            p
        })
        .collect();
    let deal_keys = rows
        .iter()
        .zip(&reasons)
        .map(|(row, reason)| match (row, reason) {
            (Some(row), None) => Some(position[*row]),
            _ => None,
        })
        .collect();
    Ok(HandoffRows { reasons, deal_keys })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400_000_000;

    fn deals(rows: &[(&str, &str, i64, i64)]) -> DataFrame {
        let closed = Series::new(
            schema::CLOSED_AT.into(),
            rows.iter().map(|r| r.2 * DAY).collect::<Vec<_>>(),
        )
        .cast(&DataType::Datetime(TimeUnit::Microseconds, None))
        .expect("cast");
        let mut df = df!(
            schema::DEAL_ID => rows.iter().map(|r| r.0).collect::<Vec<_>>(),
            schema::ACCOUNT_ID => rows.iter().map(|r| r.1).collect::<Vec<_>>(),
            schema::LINE => rows.iter().map(|r| r.3).collect::<Vec<_>>()
        )
        .expect("frame");
        df.with_column(closed.into_column()).expect("column");
        df
    }

    #[test]
    fn deal_rules_in_their_order() {
        // As of day 100 (A = start of day 100).
        let d = deals(&[
            ("D1", "A1", 10, 2),  // A1's first deal
            ("D2", "A1", 5, 3),   // earlier close: A1's first deal, so D1 is later
            ("D1", "A2", 1, 4),   // duplicate id (line 2 came first)
            ("D3", "A2", 100, 5), // closed at A: after_as_of
            ("D4", "A2", 50, 6),  // A2's only remaining deal
            ("D5", "A3", 7, 8),   // tie on closed_at with D6: the earlier line wins
            ("D6", "A3", 7, 7),
        ]);
        let got = deal_reasons(&d, 100 * DAY).expect("reasons");
        assert_eq!(
            got,
            [
                Some(LATER_DEAL),
                None,
                Some(DUPLICATE),
                Some(AFTER_AS_OF),
                None,
                Some(LATER_DEAL),
                None,
            ]
        );
    }

    #[test]
    fn accounts_grouped_by_neighbours_or_by_a_map() {
        let ca = |keys: &[Option<&str>]| StringChunked::new("a".into(), keys);
        // In order, a missing account inside a run: the run goes on after it.
        let sorted = ca(&[Some("A"), None, Some("A"), Some("B"), Some("C"), Some("C")]);
        let want = vec![Some(0), None, Some(0), Some(1), Some(2), Some(2)];
        assert_eq!(account_groups(&sorted), (want, 3));
        // Out of order: numbered by first appearance.
        let shuffled = ca(&[Some("B"), Some("A"), None, Some("B"), Some("C"), Some("A")]);
        let want = vec![Some(0), Some(1), None, Some(0), Some(2), Some(1)];
        assert_eq!(account_groups(&shuffled), (want, 3));
    }

    /// The rows of `deal_rules_in_their_order` in another row order (the lines unchanged):
    /// accounts out of order take the hash-map path, with each row's reason unchanged.
    #[test]
    fn deal_rules_do_not_depend_on_the_row_order() {
        let rows = [
            ("D1", "A1", 10, 2),
            ("D2", "A1", 5, 3),
            ("D1", "A2", 1, 4),
            ("D3", "A2", 100, 5),
            ("D4", "A2", 50, 6),
            ("D5", "A3", 7, 8),
            ("D6", "A3", 7, 7),
        ];
        let in_order = deal_reasons(&deals(&rows), 100 * DAY).expect("reasons");
        let permutation = [5, 2, 0, 6, 3, 1, 4];
        let shuffled: Vec<_> = permutation.iter().map(|&i| rows[i]).collect();
        let got = deal_reasons(&deals(&shuffled), 100 * DAY).expect("reasons");
        let want: Vec<_> = permutation.iter().map(|&i| in_order[i]).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn handoff_rules_in_their_order() {
        let d = deals(&[
            ("D1", "A1", 10, 2),
            ("D2", "A1", 20, 3), // later_deal
            ("D3", "A2", 10, 4),
            ("D4", "A3", 10, 5),
        ]);
        let reasons = deal_reasons(&d, 100 * DAY).expect("deals");
        let h = df!(
            schema::HANDOFF_ID => ["H1", "H2", "H3", "H4", "H5", "H6", "H1", "H7"],
            schema::DEAL_ID => ["D1", "D2", "DX", "DR", "DF", "D1", "D3", "D4"],
            schema::LINE => [2i64, 3, 4, 5, 6, 7, 8, 9]
        )
        .expect("frame");
        let got =
            handoff_reasons(&h, &d, &reasons, &["DR".into()], &["DF".into()]).expect("handoffs");
        // D2 (deal row 1) is not used: D1 is used deal 0, D4 (deal row 3) used deal 2.
        let keys = [Some(0), None, None, None, None, None, None, Some(2)];
        assert_eq!(got.deal_keys, keys);
        assert_eq!(
            got.reasons,
            [
                None,             // H1 → D1, used
                Some(LATER_DEAL), // the deal's own reason
                Some(ORPHAN),     // no such deal
                Some(DEAL_REJECTED),
                Some(FILTERED),
                Some(DUPLICATE), // second record of D1
                Some(DUPLICATE), // handoff id H1 again
                None,            // H7 → D4
            ]
        );
    }

    #[test]
    fn sorted_keys_skip_the_hash_set_with_the_same_answer() {
        let ca = |keys: &[Option<&str>]| StringChunked::new("k".into(), keys);
        let in_order = [1i64, 2, 3, 4];
        let sorted = ca(&[Some("D1"), Some("D2"), Some("D3"), Some("E")]);
        assert!(strictly_increasing(&sorted));
        assert_eq!(repeated(&sorted, &in_order), [false; 4]);
        // Equal neighbours, a step back, or a missing key: the hash set decides.
        let equal = ca(&[Some("D1"), Some("D2"), Some("D2"), Some("D3")]);
        assert!(!strictly_increasing(&equal));
        assert_eq!(repeated(&equal, &in_order), [false, false, true, false]);
        let back = ca(&[Some("D2"), Some("D3"), Some("D1"), Some("D2")]);
        assert!(!strictly_increasing(&back));
        assert_eq!(repeated(&back, &in_order), [false, false, false, true]);
        let missing = ca(&[Some("D1"), None, Some("D2"), None]);
        assert!(!strictly_increasing(&missing));
        assert_eq!(repeated(&missing, &in_order), [false, false, false, true]);
    }

    /// Deal rows out of line order: an id's first row in the frame is the duplicate (its
    /// line is later), so the handoff goes to the other row, by its line.
    #[test]
    fn handoffs_find_the_first_line_of_a_deal_id_in_any_row_order() {
        let d = deals(&[
            ("D1", "A1", 10, 5), // duplicate: line 2 has D1 too
            ("D2", "A3", 10, 4),
            ("D1", "A2", 10, 2),
        ]);
        let reasons = deal_reasons(&d, 100 * DAY).expect("deals");
        assert_eq!(reasons, [Some(DUPLICATE), None, None]);
        let h = df!(
            schema::HANDOFF_ID => ["H1", "H2"],
            schema::DEAL_ID => ["D1", "D2"],
            schema::LINE => [2i64, 3]
        )
        .expect("frame");
        let got = handoff_reasons(&h, &d, &reasons, &[], &[]).expect("handoffs");
        assert_eq!(got.reasons, [None, None]);
        // Used deals: row 1 (D2) is key 0, row 2 (D1 on line 2) key 1.
        assert_eq!(got.deal_keys, [Some(1), Some(0)]);
    }
}
