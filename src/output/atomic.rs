//! The atomic swap of `OUT/LABEL/`: the new report is written into `OUT/.tmp-LABEL-PID/`
//! with every file and folder fsynced; then the previous report is moved aside to
//! `OUT/.old-LABEL-PID/`, the new one renamed into place and `OUT` fsynced (the commit
//! point); before it, any failure moves the previous report back. Also the recovery of what
//! an interrupted run left.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::{fail_point, sync_dir};

/// The folder a new report of `label` is written into: `OUT/.tmp-LABEL-PID`.
pub(super) fn temporary(out: &Path, label: &str) -> PathBuf {
    out.join(format!(".tmp-{label}-{}", std::process::id()))
}

/// Write one file (its folder made first) and fsync it; returns the file's folder.
pub(super) fn write_file(tmp: &Path, rel: &Path, bytes: &[u8]) -> anyhow::Result<PathBuf> {
    write_file_with(tmp, rel, |w| Ok(w.write_all(bytes)?))
}

/// [`write_file`] with the bytes written by `fill` as it makes them (through a buffer),
/// not held whole in memory first: the facts file is 140 MB at a million deals (issue #17).
pub(super) fn write_file_with(
    tmp: &Path,
    rel: &Path,
    fill: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<PathBuf> {
    let path = tmp.join(rel);
    let parent = path.parent().unwrap_or(tmp).to_path_buf();
    fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let write = || -> anyhow::Result<()> {
        fail_point("write_file")?;
        let mut f = io::BufWriter::with_capacity(1 << 20, File::create(&path)?);
        fill(&mut f)?;
        let f = f.into_inner().map_err(io::IntoInnerError::into_error)?;
        fail_point("sync_file")?;
        Ok(f.sync_all()?)
    };
    write().with_context(|| format!("writing {}", path.display()))?;
    Ok(parent)
}

/// Fsync each folder, deepest first.
pub(super) fn sync_dirs(dirs: &BTreeSet<PathBuf>) -> anyhow::Result<()> {
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
pub(super) fn recover(out: &Path, label: &str) {
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

/// Move the written and synced folder `tmp` into `out/label` (the caller holds the lock):
/// the previous report aside, the new one into place, `out` synced (the commit point); a
/// failure before the commit point removes `tmp` and puts the previous report back.
pub(super) fn swap(out: &Path, label: &str, tmp: &Path) -> anyhow::Result<PathBuf> {
    let target = out.join(label);
    let old = out.join(format!(".old-{label}-{}", std::process::id()));
    let had_old = fs::symlink_metadata(&target).is_ok();
    if had_old {
        let moved = fail_point("move_old").and_then(|()| fs::rename(&target, &old));
        if let Err(e) = moved {
            let _ = fs::remove_dir_all(tmp);
            return Err(e)
                .with_context(|| format!("moving the previous report {} aside", target.display()));
        }
    }
    let committed = fail_point("rename_new")
        .and_then(|()| fs::rename(tmp, &target))
        .with_context(|| format!("moving the new report into {}", target.display()))
        .and_then(|()| {
            fail_point("sync_out")
                .and_then(|()| sync_dir(out))
                .with_context(|| format!("syncing {}", out.display()))
        });
    if let Err(e) = committed {
        return Err(roll_back(out, &target, tmp, had_old.then_some(&old), e));
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
