//! Dense deal keys (issue #17): at the exclusion step every row of an account table, and
//! every used handoff, is resolved once to the row of its new-customer deal in the used
//! `deals` frame, carried as the integer column [`DEAL_KEY`]. The fact table joins and
//! groups on that integer instead of hashing the text ids of 30 M snapshot rows again.
//! The column is bookkeeping, like `_line`: the SQL layer does not show it.

use polars::prelude::*;

use super::views::Text;

/// The row of a row's deal in the used `deals` frame (`IdxSize`, null when none).
pub const DEAL_KEY: &str = "_deal";

/// Rows per thread below which resolving on one thread is faster than starting another.
const MIN_ROWS_PER_THREAD: usize = 1 << 16;

/// The position of each key in a column of keys (the first, if one repeats). Built once
/// per key column: a million-entry map costs about 100 ms, and each account table is
/// resolved against the same deals.
pub struct Resolver<'a> {
    map: PlHashMap<&'a str, IdxSize>,
}

impl<'a> Resolver<'a> {
    pub fn new(keys: &'a StringChunked) -> Self {
        let mut map: PlHashMap<&str, IdxSize> = PlHashMap::with_capacity(keys.len());
        for (i, k) in keys.iter().enumerate() {
            if let Some(k) = k {
                map.entry(k).or_insert(i as IdxSize);
            }
        }
        Resolver { map }
    }

    /// For each value of `ids`, the position of that value in the keys, or null. Rows of one
    /// account usually come together, so each row first compares with the previous one
    /// before it hashes: by its 16-byte view (length and inline bytes, or length, prefix,
    /// buffer and offset), so a repeat costs one integer comparison, and equal views are
    /// equal text. (Equal text in different places hashes again, with the same answer.)
    pub fn resolve(&self, ids: &StringChunked) -> IdxCa {
        let map = &self.map;
        // Each part's keys are collected straight into a vector (no vector of options:
        // 19 M snapshot rows at a million deals); `NONE` marks a key that is not there.
        const NONE: IdxSize = IdxSize::MAX;
        let lookup = |part: &StringChunked| -> IdxCa {
            let mut rows: Vec<IdxSize> = Vec::with_capacity(part.len());
            let mut missing = false;
            // The answer for the last non-null row, which a repeat shares.
            let mut last = NONE;
            super::views::each(part, |text| {
                let row = match text {
                    Text::Null => NONE,
                    Text::Repeat => last,
                    Text::New(id) => {
                        last = map.get(id).copied().unwrap_or(NONE);
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
