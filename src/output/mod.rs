//! The last stage of `report`: put the rendered files into `OUT/LABEL/` so that a reader
//! sees the whole previous report or the whole new one, never a mix, and a failure at any
//! step leaves the previous report byte-identical (METRICS.md §1: atomic outputs).
//!
//! Under an exclusive lock on `OUT/.handoff.lock`: leftovers of an interrupted run are
//! recovered first (a previous report moved aside is moved back); the files are written into
//! `OUT/.tmp-LABEL-PID/` as they are ready ([`Staging`]) and each file and folder is fsynced;
//! the previous report is renamed to `OUT/.old-LABEL-PID/`, the new folder renamed to
//! `OUT/LABEL/` and `OUT` fsynced (the commit point). Any failure before the commit point moves the previous report back. Only
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

use std::collections::BTreeSet;
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

/// A report being written: `OUT/` is locked and `OUT/.tmp-LABEL-PID/` made; files go into
/// it as they are ready, from any thread ([`Staging::write`]), and [`Staging::commit`] swaps
/// it into place and updates `LATEST-<kind>`. Dropped without a commit (an error on the
/// way), it removes its folder: the previous report is untouched. `handoff report` begins
/// one before the metrics, so the 117 MB `tables/handoff_facts.parquet` of a million deals
/// is written by the thread that encodes it while the metrics are computed (issue #17).
pub struct Staging {
    out: PathBuf,
    label: String,
    kind: String,
    tmp: PathBuf,
    /// What went in so far, from any thread.
    written: std::sync::Mutex<Written>,
    committed: bool,
    /// Whether `begin` made `out`: a run that fails then leaves no folder behind.
    made_out: bool,
    /// Held until the staging is dropped.
    _lock: File,
}

/// The files a [`Staging`] took.
#[derive(Default)]
struct Written {
    /// Every folder a file went into, synced at the commit.
    dirs: BTreeSet<PathBuf>,
    files: usize,
}

impl Staging {
    /// Lock `out` (made if missing), recover what an interrupted run left for `label`, and
    /// make the temporary folder.
    pub fn begin(out: &Path, label: &str, kind: &str) -> anyhow::Result<Staging> {
        let made_out = !out.exists();
        fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
        let lock = lock::lock_output(out)?;
        atomic::recover(out, label);
        let tmp = atomic::temporary(out, label);
        fs::create_dir_all(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        Ok(Staging {
            out: out.to_path_buf(),
            label: label.to_string(),
            kind: kind.to_string(),
            written: std::sync::Mutex::new(Written {
                dirs: BTreeSet::from([tmp.clone()]),
                files: 0,
            }),
            tmp,
            committed: false,
            made_out,
            _lock: lock,
        })
    }

    /// Write and fsync one file of the report, `rel` relative to the report folder.
    pub fn write(&self, rel: &Path, bytes: &[u8]) -> anyhow::Result<()> {
        let dir = atomic::write_file(&self.tmp, rel, bytes)?;
        self.wrote(dir);
        Ok(())
    }

    /// [`Staging::write`] with the bytes written by `fill` as it makes them.
    pub fn write_with(
        &self,
        rel: &Path,
        fill: impl FnOnce(&mut dyn std::io::Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let dir = atomic::write_file_with(&self.tmp, rel, fill)?;
        self.wrote(dir);
        Ok(())
    }

    /// Record one file written into `dir`.
    fn wrote(&self, dir: PathBuf) {
        let mut written = self.record();
        written.dirs.insert(dir);
        written.files += 1;
    }

    /// The record of what went in. A panic elsewhere cannot leave it half-changed (an
    /// insert and an increment are all that change it), so a poisoned lock is taken as is.
    fn record(&self) -> std::sync::MutexGuard<'_, Written> {
        self.written
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Sync the folders, swap the new report into `OUT/LABEL/` and point `LATEST-<kind>` at
    /// it (a failure there is a warning: the report is complete). Returns `OUT/LABEL` and
    /// the number of files in it.
    pub fn commit(mut self) -> anyhow::Result<(PathBuf, usize)> {
        let written = std::mem::take(&mut *self.record());
        atomic::sync_dirs(&written.dirs)?;
        let target = atomic::swap(&self.out, &self.label, &self.tmp)?;
        self.committed = true;
        if let Err(e) = latest::update_latest(&self.out, &self.kind, &self.label) {
            let _ = fs::remove_file(latest::temporary(&self.out, &self.kind));
            tracing::warn!("the report is written, but {e:#}");
        }
        Ok((target, written.files))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
            // An output folder this run made holds only the lock file now: remove both, so
            // a failed run into a new folder writes nothing. (A second run that opened the
            // lock file meanwhile still gets its lock and writes; only a third one starting
            // in that instant could then write beside it.)
            if self.made_out {
                let _ = fs::remove_file(self.out.join(lock::LOCK_FILE));
                let _ = fs::remove_dir(&self.out);
            }
        }
    }
}
