//! Handing freed heap memory back to the operating system between stages (issue #17).
//! glibc's allocator keeps what the reading and fact-table stages freed (several hundred
//! MB at a million deals, scattered between live blocks) as part of the process's resident
//! memory; the metrics and the facts file's thread then allocate on top of it, and that
//! sum was the run's peak. `malloc_trim` returns the free pages at once.

/// Return the heap's free pages to the operating system (glibc only; elsewhere nothing).
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases free memory of glibc's own heaps; it takes no
    // pointer and leaves every live allocation where it is.
    unsafe {
        libc::malloc_trim(0);
    }
}
