//! Two independent steps at once (issue #17): the report's long single-threaded steps come
//! in pairs that share nothing (the two snapshot tables, handoffs beside the account tables,
//! the two Cox models, the tables beside the charts). [`join`] runs one on a scoped thread
//! of its own and the other on the caller's. Not `rayon::join`: these steps call polars,
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

#[cfg(test)]
mod tests {
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
