//! The last stage of `report`: put the rendered files into `OUT/LABEL/` so that a reader
//! sees the whole previous report or the whole new one, never a mix, and a failure at any
//! step leaves the previous report byte-identical (METRICS.md §1: atomic outputs).
//!
//! Under an exclusive lock on `OUT/.handoff.lock`: leftovers of an interrupted run are
//! recovered first (a previous report moved aside is moved back); the files are written into
//! `OUT/.tmp-LABEL-PID/` and each file and folder is fsynced; the previous report is renamed
//! to `OUT/.old-LABEL-PID/`, the new folder renamed to `OUT/LABEL/` and `OUT` fsynced (the
//! commit point). Any failure before the commit point moves the previous report back. Only
//! then is the old folder removed and `LATEST-<kind>` updated; a failure there is a warning,
//! as the new report is already complete.
//!
//! Debug builds honour `HANDOFF_FAIL_AT=STEP` (one of [`FAIL_POINTS`]) to fail on purpose at
//! that step, so the tests can prove each failure path; release builds ignore it.
//!
//! The steps live beside this file: `atomic.rs` (the temporary folder, the swap and the
//! roll-back), `lock.rs` (the lock) and `latest.rs` (the `LATEST-<kind>` pointer).

mod atomic;
mod latest;
mod lock;

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use anyhow::Context;

/// The environment variable that injects a failure (debug builds only).
pub const FAIL_AT_ENV: &str = "HANDOFF_FAIL_AT";
/// The steps, in order, at which a failure can be injected.
pub const FAIL_POINTS: [&str; 8] = [
    "write_file",
    "sync_file",
    "sync_dir",
    "move_old",
    "rename_new",
    "sync_out",
    "remove_old",
    "latest",
];

/// Fail with an I/O error when `HANDOFF_FAIL_AT` names this step (debug builds only).
fn fail_point(step: &str) -> io::Result<()> {
    #[cfg(debug_assertions)]
    if std::env::var(FAIL_AT_ENV).is_ok_and(|v| v == step) {
        return Err(io::Error::other(format!(
            "injected failure at step {step} ({FAIL_AT_ENV})"
        )));
    }
    let _ = step;
    Ok(())
}

/// Flush a folder's entries to disk (a no-op where folders cannot be opened as files).
fn sync_dir(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(path)?.sync_all()?;
    let _ = path;
    Ok(())
}

/// Write files into `out/label` atomically, under a lock, and update `LATEST-<kind>`.
pub fn write_report(
    out: &Path,
    label: &str,
    kind: &str,
    files: &[(PathBuf, Vec<u8>)],
) -> anyhow::Result<PathBuf> {
    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let _lock = lock::lock_output(out)?;
    atomic::recover(out, label);
    let target = atomic::write_atomic(out, label, files)?;
    if let Err(e) = latest::update_latest(out, kind, label) {
        let _ = fs::remove_file(latest::temporary(out, kind));
        tracing::warn!("the report is written, but {e:#}");
    }
    Ok(target)
}
