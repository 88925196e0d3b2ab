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

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{self, Write};
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

/// Write every file under `tmp`, fsync each file, then each folder, deepest first.
fn write_tree(tmp: &Path, files: &[(PathBuf, Vec<u8>)]) -> anyhow::Result<()> {
    fs::create_dir_all(tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let mut dirs = BTreeSet::from([tmp.to_path_buf()]);
    for (rel, bytes) in files {
        let path = tmp.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
            dirs.insert(parent.to_path_buf());
        }
        let write = || -> io::Result<()> {
            fail_point("write_file")?;
            let mut f = File::create(&path)?;
            f.write_all(bytes)?;
            fail_point("sync_file")?;
            f.sync_all()
        };
        write().with_context(|| format!("writing {}", path.display()))?;
    }
    for dir in dirs.iter().rev() {
        fail_point("sync_dir")
            .and_then(|()| sync_dir(dir))
            .with_context(|| format!("syncing {}", dir.display()))?;
    }
    Ok(())
}

/// Names `.tmp-LABEL-PID` / `.old-LABEL-PID` of `label` in `out`, sorted.
fn leftovers(out: &Path, kind: &str, label: &str) -> Vec<PathBuf> {
    let prefix = format!(".{kind}-{label}-");
    let Ok(entries) = fs::read_dir(out) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_prefix(&prefix)
                .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// Undo what an interrupted run (killed, or a failed roll-back) left: a previous report
/// moved aside while `OUT/LABEL` is missing is moved back (one beside a present `OUT/LABEL`
/// is kept, with a warning: it may be the only copy of something); unfinished new folders
/// are removed. Runs under the lock, so no other writer owns them.
fn recover(out: &Path, label: &str) {
    let target = out.join(label);
    for old in leftovers(out, "old", label) {
        if !target.exists() {
            match fs::rename(&old, &target) {
                Ok(()) => tracing::warn!(
                    "restored the previous report {} from {} (left by an interrupted run)",
                    target.display(),
                    old.display()
                ),
                Err(e) => tracing::warn!("cannot restore {}: {e}", old.display()),
            }
        } else {
            tracing::warn!(
                "{} holds an earlier report left by an interrupted run; it is kept: remove it when it is not needed",
                old.display()
            );
        }
    }
    for tmp in leftovers(out, "tmp", label) {
        let _ = fs::remove_dir_all(&tmp);
    }
}

/// Write files into `out/label` atomically (`out` must exist; the caller holds the lock).
fn write_atomic(out: &Path, label: &str, files: &[(PathBuf, Vec<u8>)]) -> anyhow::Result<PathBuf> {
    let target = out.join(label);
    let pid = std::process::id();
    let tmp = out.join(format!(".tmp-{label}-{pid}"));
    let old = out.join(format!(".old-{label}-{pid}"));
    if let Err(e) = write_tree(&tmp, files) {
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    let had_old = fs::symlink_metadata(&target).is_ok();
    if had_old {
        let moved = fail_point("move_old").and_then(|()| fs::rename(&target, &old));
        if let Err(e) = moved {
            let _ = fs::remove_dir_all(&tmp);
            return Err(e)
                .with_context(|| format!("moving the previous report {} aside", target.display()));
        }
    }
    let committed = fail_point("rename_new")
        .and_then(|()| fs::rename(&tmp, &target))
        .with_context(|| format!("moving the new report into {}", target.display()))
        .and_then(|()| {
            fail_point("sync_out")
                .and_then(|()| sync_dir(out))
                .with_context(|| format!("syncing {}", out.display()))
        });
    if let Err(e) = committed {
        return Err(roll_back(out, &target, &tmp, had_old.then_some(&old), e));
    }
    if had_old {
        if let Err(e) = fail_point("remove_old").and_then(|()| fs::remove_dir_all(&old)) {
            tracing::warn!(
                "the new report is in place, but the previous one could not be removed from {} ({e}); remove it by hand",
                old.display()
            );
        }
    }
    Ok(target)
}

/// Put the previous report back after a failure before the commit point; the error says
/// where the previous report is if even that fails.
fn roll_back(
    out: &Path,
    target: &Path,
    tmp: &Path,
    old: Option<&PathBuf>,
    err: anyhow::Error,
) -> anyhow::Error {
    // The new report may already sit at the target (the folder sync failed): move it out.
    if !tmp.exists() && target.exists() && old.is_some() {
        if let Err(e) = fs::rename(target, tmp) {
            return err.context(format!(
                "and the new report could not be moved out again ({e}); the previous report is kept in {}",
                old.map(|p| p.display().to_string()).unwrap_or_default()
            ));
        }
    }
    let _ = fs::remove_dir_all(tmp);
    if let Some(old) = old {
        if let Err(e) = fs::rename(old, target) {
            return err.context(format!(
                "and the previous report could not be moved back ({e}); it is kept in {}",
                old.display()
            ));
        }
    }
    let _ = sync_dir(out);
    err
}

/// Hold an exclusive lock on `out/.handoff.lock` while writing; a second run on the same
/// output folder waits for the first (and says so on stderr).
fn lock_output(out: &Path) -> anyhow::Result<File> {
    let path = out.join(".handoff.lock");
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

/// Point `out/LATEST-<kind>` at `label` when it is the newest report of its kind, so
/// dashboards can link to the newest report. Written atomically.
fn update_latest(out: &Path, kind: &str, label: &str) -> anyhow::Result<()> {
    let path = out.join(format!("LATEST-{kind}"));
    let current = fs::read_to_string(&path).unwrap_or_default();
    if current.trim() > label {
        return Ok(());
    }
    let tmp = out.join(format!(".LATEST-{kind}.{}", std::process::id()));
    let write = || -> io::Result<()> {
        fail_point("latest")?;
        let mut f = File::create(&tmp)?;
        f.write_all(format!("{label}\n").as_bytes())?;
        f.sync_all()?;
        fs::rename(&tmp, &path)?;
        sync_dir(out)
    };
    write().with_context(|| format!("writing {}", path.display()))
}

/// Write files into `out/label` atomically, under a lock, and update `LATEST-<kind>`.
pub fn write_report(
    out: &Path,
    label: &str,
    kind: &str,
    files: &[(PathBuf, Vec<u8>)],
) -> anyhow::Result<PathBuf> {
    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let _lock = lock_output(out)?;
    recover(out, label);
    let target = write_atomic(out, label, files)?;
    if let Err(e) = update_latest(out, kind, label) {
        let _ = fs::remove_file(out.join(format!(".LATEST-{kind}.{}", std::process::id())));
        tracing::warn!("the report is written, but {e:#}");
    }
    Ok(target)
}
