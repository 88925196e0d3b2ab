//! The `OUT/LATEST-<kind>` pointer: the label of the newest report of each kind, for
//! dashboards to link to.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::{fail_point, sync_dir};

/// The temporary file the pointer is written to before it is renamed into place.
pub(super) fn temporary(out: &Path, kind: &str) -> PathBuf {
    out.join(format!(".LATEST-{kind}.{}", std::process::id()))
}

/// Point `out/LATEST-<kind>` at `label` when it is the newest report of its kind, so
/// dashboards can link to the newest report. Written atomically.
pub(super) fn update_latest(out: &Path, kind: &str, label: &str) -> anyhow::Result<()> {
    let path = out.join(format!("LATEST-{kind}"));
    let current = fs::read_to_string(&path).unwrap_or_default();
    if current.trim() > label {
        return Ok(());
    }
    let tmp = temporary(out, kind);
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
