//! The lock on an output folder: one writer at a time per `OUT/`.

use std::fs::{self, File};
use std::path::Path;

use anyhow::Context;

/// The lock file's name in the output folder.
pub(super) const LOCK_FILE: &str = ".handoff.lock";

/// Hold an exclusive lock on `out/.handoff.lock` while writing; a second run on the same
/// output folder waits for the first (and says so on stderr).
pub(super) fn lock_output(out: &Path) -> anyhow::Result<File> {
    let path = out.join(LOCK_FILE);
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("opening lock file {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            tracing::warn!(
                "waiting: another handoff run is writing to {}",
                out.display()
            );
            file.lock()
                .with_context(|| format!("locking {}", path.display()))?;
        }
        Err(fs::TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("locking {}", path.display()))
        }
    }
    Ok(file)
}
