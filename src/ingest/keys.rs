//! Dense deal keys (issue #17): at the exclusion step every row of an account table, and
//! every used handoff, is resolved once to the row of its new-customer deal in the used
//! `deals` frame, carried as the integer column [`DEAL_KEY`]. The fact table joins and
//! groups on that integer instead of hashing the text ids of 30 M snapshot rows again.
//! The column is bookkeeping, like `_line`: the SQL layer does not show it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use polars::prelude::*;

use super::views::Text;

/// The row of a row's deal in the used `deals` frame (`IdxSize`, null when none).
pub const DEAL_KEY: &str = "_deal";

/// Rows per thread below which resolving on one thread is faster than starting another.
const MIN_ROWS_PER_THREAD: usize = 1 << 16;

/// After two failed guesses in a row, one new id in this many is guessed ([`Resolver::resolve`]).
const GUESS_PAUSE: u32 = 32;

/// How many keys after the last one found a guess compares with ([`Resolver::resolve`]).
const GUESS_WINDOW: usize = 16;

/// Binary searches of keys in increasing order after which the hash map is made after all
/// ([`Resolver`]): an unrelated order of ids would otherwise pay a search of about a
/// microsecond per new id; this many cost about what making the map does.
const FAR_SEARCHES: usize = 1 << 16;

/// The position of each key in a column of keys (the first, if one repeats). Built once
/// per key column: a million-entry map costs about 100 ms, and each account table is
/// resolved against the same deals. Keys in increasing order (deals exported sorted by
/// account id) need no map at first: an id the guesses miss is searched for by bisection,
/// and the map is made only when those searches pass `FAR_SEARCHES` (the map was about a
/// third of the deals' rules, which every other table's split waits for; issue #17).
pub struct Resolver<'a> {
    /// Each key's first position and its index in `firsts`. (The position is in `firsts`
    /// too, but reading it there after a probe would be a second cache miss.) Made at once
    /// for keys out of order, on first need for keys in order.
    map: OnceLock<PlHashMap<&'a str, (IdxSize, IdxSize)>>,
    /// Each distinct key with its first position, in the order of those positions: the
    /// guess for the key after a found one (see [`Resolver::resolve`]).
    firsts: Vec<(&'a str, IdxSize)>,
    /// Whether `firsts` is in increasing order, so it can be searched by bisection.
    sorted: bool,
    /// The bisections made so far, by every thread.
    searches: AtomicUsize,
    /// `FAR_SEARCHES` (smaller in tests).
    far_searches: usize,
}

impl<'a> Resolver<'a> {
    pub fn new(keys: &'a StringChunked) -> Self {
        // Keys in order: each new key is one that differs from the key before.
        let mut firsts: Vec<(&str, IdxSize)> = Vec::with_capacity(keys.len());
        let mut sorted = true;
        for (i, k) in keys.iter().enumerate() {
            let Some(k) = k else { continue };
            match firsts.last() {
                Some(&(last, _)) if last == k => {}
                Some(&(last, _)) if last > k => {
                    sorted = false;
                    break;
                }
                _ => firsts.push((k, i as IdxSize)),
            }
        }
        let map = OnceLock::new();
        if !sorted {
            firsts.clear();
            let mut first: PlHashMap<&str, (IdxSize, IdxSize)> =
                PlHashMap::with_capacity(keys.len());
            for (i, k) in keys.iter().enumerate() {
                if let Some(k) = k {
                    first.entry(k).or_insert_with(|| {
                        firsts.push((k, i as IdxSize));
                        (i as IdxSize, (firsts.len() - 1) as IdxSize)
                    });
                }
            }
            let _ = map.set(first);
        }
        Resolver {
            map,
            firsts,
            sorted,
            searches: AtomicUsize::new(0),
            far_searches: FAR_SEARCHES,
        }
    }

    /// The map of every key, made from `firsts` on first need.
    fn map(&self) -> &PlHashMap<&'a str, (IdxSize, IdxSize)> {
        self.map.get_or_init(|| {
            let mut map = PlHashMap::with_capacity(self.firsts.len());
            for (index, &(key, row)) in self.firsts.iter().enumerate() {
                map.insert(key, (row, index as IdxSize));
            }
            map
        })
    }

    /// The index in `firsts` of `id` and its first position, or `None`: by bisection while
    /// the keys are in order and the searches few, else by the map.
    fn lookup(&self, id: &str) -> Option<(usize, IdxSize)> {
        if self.sorted
            && self.map.get().is_none()
            && self.searches.fetch_add(1, Ordering::Relaxed) < self.far_searches
        {
            let index = self.firsts.binary_search_by(|&(key, _)| key.cmp(id)).ok()?;
            return Some((index, self.firsts[index].1));
        }
        let &(row, index) = self.map().get(id)?;
        Some((index as usize, row))
    }

    /// For each value of `ids`, the position of that value in the keys, or null. Rows of one
    /// account usually come together, so each row first compares with the previous one
    /// before it hashes: by its 16-byte view (length and inline bytes, or length, prefix,
    /// buffer and offset), so a repeat costs one integer comparison, and equal views are
    /// equal text. (Equal text in different places hashes again, with the same answer.)
    ///
    /// A new id is first compared with the keys just after the last one found (in `firsts`,
    /// up to `GUESS_WINDOW` of them): account tables exported in the deals' account order
    /// (both sorted by account id, say) then find each account without a probe of the
    /// million-entry map, which misses the cache (issue #17), even where they skip accounts
    /// (a sparse table: renewals, surveys, ownership transitions; the next key only, as
    /// before, probed the map for 1.3 M of their 2.4 M new ids at a million deals). In an
    /// unrelated order the guesses fail in a row; after two, only one new id in
    /// `GUESS_PAUSE` (32) is guessed, so such an order pays about half a comparison per
    /// new id. A guess that holds is the key's first position, as the map's answer.
    pub fn resolve(&self, ids: &StringChunked) -> IdxCa {
        // Each part's keys are collected straight into a vector (no vector of options:
        // 19 M snapshot rows at a million deals); `NONE` marks a key that is not there.
        let lookup = |part: &StringChunked| -> IdxCa {
            let mut rows: Vec<IdxSize> = Vec::with_capacity(part.len());
            let mut missing = false;
            // The answer for the last non-null row, which a repeat shares.
            let mut last = NONE;
            let mut walk = Walk::new(self);
            super::views::each(part, |text| {
                let row = match text {
                    Text::Null => NONE,
                    Text::Repeat => last,
                    Text::New(id) => {
                        last = walk.find(id);
                        last
                    }
                };
                missing |= row == NONE;
                rows.push(row);
            });
            let ca = IdxCa::from_vec(DEAL_KEY.into(), rows);
            if missing {
                // Only the names of the dtypes can fail here, and they match.
                let absent = ca.equal(NONE);
                ca.set(&absent, None).expect("a mask of the same length")
            } else {
                ca
            }
        };
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(ids.len() / MIN_ROWS_PER_THREAD)
            .max(1);
        let mut ca: IdxCa = if threads == 1 {
            lookup(ids)
        } else {
            let chunk = ids.len().div_ceil(threads);
            let parts: Vec<StringChunked> = (0..threads)
                .map(|k| ids.slice((k * chunk) as i64, chunk))
                .collect();
            std::thread::scope(|scope| {
                let handles: Vec<_> = parts.iter().map(|p| scope.spawn(|| lookup(p))).collect();
                let mut all: Option<IdxCa> = None;
                for h in handles {
                    // A panic in a part is a bug: raise it here as it would have been raised.
                    let part = h.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
                    match all.as_mut() {
                        None => all = Some(part),
                        // Same dtype, so appending cannot fail; it only adds the part's chunk.
                        Some(a) => a.append_owned(part).expect("parts of one key column"),
                    }
                }
                all.unwrap_or_else(|| lookup(ids))
            })
        };
        ca.rename(DEAL_KEY.into());
        ca
    }
}

/// The answer for a key that is not there.
const NONE: IdxSize = IdxSize::MAX;

/// One pass of [`Resolver::resolve`] over a part of the ids: the index in `firsts` of the
/// last key found, the guesses failed in a row and the new ids since the last guess.
struct Walk<'r, 'a> {
    resolver: &'r Resolver<'a>,
    found: usize,
    fails: u32,
    skipped: u32,
}

impl<'r, 'a> Walk<'r, 'a> {
    fn new(resolver: &'r Resolver<'a>) -> Self {
        Walk {
            resolver,
            found: usize::MAX,
            fails: 0,
            skipped: 0,
        }
    }

    /// The first position of `id` in the keys, or [`NONE`]: the guess, else a bisection or
    /// the map.
    fn find(&mut self, id: &str) -> IdxSize {
        if let Some(row) = self.guess(id) {
            return row;
        }
        self.fails = self.fails.saturating_add(1);
        match self.resolver.lookup(id) {
            Some((index, row)) => {
                self.found = index;
                row
            }
            None => NONE,
        }
    }

    /// One of the `GUESS_WINDOW` keys after the last one found, when it is `id` and
    /// guessing is not paused.
    fn guess(&mut self, id: &str) -> Option<IdxSize> {
        if self.fails >= 2 && self.skipped < GUESS_PAUSE {
            self.skipped += 1;
            return None;
        }
        self.skipped = 0;
        let next = self.found.wrapping_add(1);
        let window = self.resolver.firsts.get(next..)?;
        let at = window
            .iter()
            .take(GUESS_WINDOW)
            .position(|&(key, _)| key == id)?;
        self.found = next + at;
        self.fails = 0;
        Some(window[at].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_to_the_first_position_or_null() {
        let keys = StringChunked::new("k".into(), [Some("a"), Some("b"), None, Some("a")]);
        let ids = StringChunked::new(
            "i".into(),
            [Some("b"), Some("b"), None, Some("x"), Some("a"), Some("a")],
        );
        let got: Vec<Option<IdxSize>> = Resolver::new(&keys).resolve(&ids).iter().collect();
        assert_eq!(got, [Some(1), Some(1), None, None, Some(0), Some(0)]);
    }

    /// A repeat after a null shares the answer of the row before the null; long ids and
    /// several chunks (how views repeat is tested in `views.rs`).
    #[test]
    fn long_ids_nulls_and_chunks() {
        let long = |c: char| Some(format!("account-{}", c.to_string().repeat(20)));
        let chunk = |ids: &[Option<String>]| ids.iter().cloned().collect::<StringChunked>();
        let keys = chunk(&[long('a'), long('b')]);
        let b = Some("b".to_string());
        let short = StringChunked::new("k".into(), [Some("a"), Some("b")]);
        let got: Vec<Option<IdxSize>> = Resolver::new(&short)
            .resolve(&chunk(&[b.clone(), None, b, Some("z".into())]))
            .iter()
            .collect();
        assert_eq!(got, [Some(1), None, Some(1), None]);
        let mut ids = chunk(&[long('b'), long('b'), None, long('z')]);
        ids.append_owned(chunk(&[long('a')])).unwrap();
        ids.append_owned(chunk(&[long('b'), long('a')])).unwrap();
        let got: Vec<Option<IdxSize>> = Resolver::new(&keys).resolve(&ids).iter().collect();
        let want = [Some(1), Some(1), None, None, Some(0), Some(1), Some(0)];
        assert_eq!(got, want);
    }

    /// Ids against `keys` in several orders, each answer checked against the first
    /// position found by a scan: in the keys' order with three rows per id, every seventh
    /// account missing and an orphan every 50; reversed; shuffled (long guessing pauses
    /// included); sparse (gaps inside the guess window and past it).
    fn check_every_order(keys: &[Option<String>], resolver: &Resolver) {
        let first = |id: &str| {
            keys.iter()
                .position(|k| k.as_deref() == Some(id))
                .map(|p| p as IdxSize)
        };
        let mut aligned = Vec::new();
        for i in 0..400 {
            if i % 7 == 3 {
                continue;
            }
            if i % 50 == 0 {
                aligned.push(format!("ORPHAN-{i}"));
            }
            for _ in 0..3 {
                aligned.push(format!("ACC-{i:04}"));
            }
        }
        let reversed: Vec<String> = aligned.iter().rev().cloned().collect();
        // A fixed shuffle: positions by a multiplier coprime with the length.
        let n = aligned.len();
        let shuffled: Vec<String> = (0..n).map(|i| aligned[(i * 389) % n].clone()).collect();
        // Every 13th account (inside the guess window), then every 40th (past it).
        let sparse: Vec<String> = (0..200)
            .step_by(13)
            .chain((200..400).step_by(40))
            .map(|i| format!("ACC-{i:04}"))
            .collect();
        for ids in [aligned, reversed, shuffled, sparse] {
            let ca: StringChunked = ids.iter().map(|k| Some(k.as_str())).collect();
            let got: Vec<Option<IdxSize>> = resolver.resolve(&ca).iter().collect();
            let want: Vec<Option<IdxSize>> = ids.iter().map(|id| first(id)).collect();
            assert_eq!(got, want);
        }
    }

    /// Keys out of order (the map, made at once): keys 0..400 in order, with every fifth
    /// an earlier key again just after it (its first position is the answer) and a null now
    /// and then.
    #[test]
    fn guesses_agree_with_the_first_position_in_any_order() {
        let mut keys: Vec<Option<String>> = Vec::new();
        for i in 0..400 {
            keys.push(Some(format!("ACC-{i:04}")));
            if i % 5 == 0 && i >= 10 {
                keys.push(Some(format!("ACC-{:04}", i - 10)));
            }
            if i % 60 == 0 {
                keys.push(None);
            }
        }
        let ca: StringChunked = keys.iter().map(|k| k.as_deref()).collect();
        let resolver = Resolver::new(&ca);
        assert!(!resolver.sorted);
        check_every_order(&keys, &resolver);
    }

    /// Keys in order, some twice in a row (the first position is the answer) and nulls
    /// among them: bisection, then the map once the searches pass the limit (after a
    /// few, and never with the default).
    #[test]
    fn keys_in_order_answer_by_bisection_then_by_the_map() {
        let mut keys: Vec<Option<String>> = Vec::new();
        for i in 0..400 {
            keys.push(Some(format!("ACC-{i:04}")));
            if i % 3 == 0 {
                keys.push(Some(format!("ACC-{i:04}")));
            }
            if i % 60 == 0 {
                keys.push(None);
            }
        }
        let ca: StringChunked = keys.iter().map(|k| k.as_deref()).collect();
        for limit in [FAR_SEARCHES, 5, 0] {
            let mut resolver = Resolver::new(&ca);
            assert!(resolver.sorted && resolver.map.get().is_none());
            resolver.far_searches = limit;
            check_every_order(&keys, &resolver);
            assert_eq!(resolver.map.get().is_some(), limit < FAR_SEARCHES);
        }
    }

    #[test]
    fn many_rows_resolve_the_same_on_several_threads() {
        let keys = StringChunked::new("k".into(), ["p", "q", "r"]);
        let n = 3 * MIN_ROWS_PER_THREAD + 7;
        let ids: StringChunked = (0..n)
            .map(|i| Some(["p", "q", "r", "s"][(i / 3) % 4]))
            .collect();
        let got = Resolver::new(&keys).resolve(&ids);
        assert_eq!(got.len(), n);
        for (i, row) in got.iter().enumerate() {
            let want = [Some(0), Some(1), Some(2), None][(i / 3) % 4];
            assert_eq!(row, want, "row {i}");
        }
    }
}
