//! Two independent steps at once (issue #17): the report's long single-threaded steps come
//! in pairs that share nothing (the two snapshot tables, handoffs beside the account tables,
//! the surveys' part beside the deals' sort, the outcome models beside the other metric
//! sections, the two Cox models, the tables beside the charts, the HTML beside the
//! Markdown). [`join`] runs one on a scoped thread
//! of its own and the other on the caller's; [`map`] shares a list of items between two
//! such threads. Not `rayon::join`: these steps call polars,
//! which runs its own rayon pool; a plain thread keeps the two pools apart.

/// Run `a` on another thread and `b` on this one; both results. A panic in `a` is raised
/// here, as it would have been had `a` run on this thread.
pub fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    RA: Send,
    B: FnOnce() -> RB,
{
    std::thread::scope(|scope| {
        let a = scope.spawn(a);
        let b = b();
        let a = a
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (a, b)
    })
}

/// `f` of every item, on this thread and one other, each taking the next item not yet
/// taken (long and short items balance out); the results in the items' order.
pub fn map<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let (mut all, theirs) = join(work, work);
    all.extend(theirs);
    all.sort_unstable_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn map_keeps_the_items_order() {
        let items: Vec<u64> = (0..100).collect();
        // Uneven work, so the two threads take items in turns.
        let got = super::map(&items, |&i| {
            if i % 3 == 0 {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            i * 2
        });
        let want: Vec<u64> = items.iter().map(|i| i * 2).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn both_results_in_argument_order() {
        let data = [1, 2, 3];
        let (sum, len) = super::join(|| data.iter().sum::<i32>(), || data.len());
        assert_eq!((sum, len), (6, 3));
    }

    #[test]
    #[should_panic(expected = "in a")]
    fn a_panic_on_the_other_thread_is_raised_here() {
        super::join(|| panic!("in a"), || 1);
    }
}
