//! What `handoff generate` may touch in its output folder (METRICS.md §2: it never overwrites or
//! deletes a file it did not write). Every run leaves `.handoff-generate.json`, a manifest
//! of the files it wrote with their size and FNV-1a hash; before writing, [`plan`] sorts the
//! folder's entries into ours (listed, unchanged since) and everything else. Other entries
//! stop the run with exit 2 unless `--force`, which replaces only the table files and leaves
//! every other file, a user's `handoff.toml` included, as it is.

use std::fs::{self, File};
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::error::usage;

/// The manifest's file name inside the output folder.
pub const MANIFEST: &str = ".handoff-generate.json";
/// The config file generate writes (it pins `as_of`).
pub const CONFIG: &str = "handoff.toml";
/// Table file extensions generate writes or may find from an earlier run.
const EXTENSIONS: [&str; 2] = ["csv", "parquet"];

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    written_by: String,
    files: Vec<Entry>,
}

/// One file generate wrote: its name in the folder, size and FNV-1a 64 hash (hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub name: String,
    pub bytes: u64,
    pub fnv1a64: String,
}

/// What a run may do in its output folder.
#[derive(Debug, Default)]
pub struct Plan {
    /// Write `handoff.toml` (absent, or written by an earlier run and unchanged).
    pub write_config: bool,
    /// Files of an earlier run that this run does not rewrite (the other format): removed.
    pub remove: Vec<PathBuf>,
    /// Messages about files left untouched under `--force` (printed as warnings).
    pub kept: Vec<String>,
}

/// The names generate can ever write: the tables in both formats and `handoff.toml`.
fn writable(tables: &[&str], name: &str) -> bool {
    name == CONFIG
        || tables
            .iter()
            .any(|t| EXTENSIONS.iter().any(|e| name == format!("{t}.{e}")))
}

/// Temporary names generate itself uses (left behind only by a killed run).
fn temporary(tables: &[&str], name: &str) -> bool {
    name == format!("{MANIFEST}.partial")
        || tables.iter().any(|t| {
            EXTENSIONS
                .iter()
                .any(|e| name == format!(".{t}.{e}.partial"))
        })
}

/// The entries of the previous manifest that are still true: a listed, regular file whose
/// size and hash are unchanged and whose name generate could have written.
fn still_ours(dir: &Path, tables: &[&str]) -> Vec<String> {
    let Ok(text) = fs::read_to_string(dir.join(MANIFEST)) else {
        return Vec::new();
    };
    let Ok(manifest) = serde_json::from_str::<Manifest>(&text) else {
        return Vec::new();
    };
    manifest
        .files
        .into_iter()
        .filter(|e| writable(tables, &e.name))
        .filter(|e| {
            let path = dir.join(&e.name);
            let regular = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
            regular && entry(&path, &e.name).is_ok_and(|now| now == *e)
        })
        .map(|e| e.name)
        .collect()
}

/// Decide what a run writing `tables` in format `ext` may do in `dir`; an error (exit 2)
/// when the folder holds other files and `force` is off. Touches nothing.
pub fn plan(dir: &Path, tables: &[&str], ext: &str, force: bool) -> Result<Plan> {
    if !dir.exists() {
        return Ok(Plan {
            write_config: true,
            ..Plan::default()
        });
    }
    if !dir.is_dir() {
        return Err(usage(format!("--out {} is not a folder", dir.display())));
    }
    let ours = still_ours(dir, tables);
    let mut others = Vec::new();
    for e in fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let e = e.with_context(|| format!("listing {}", dir.display()))?;
        let name = e.file_name().to_string_lossy().into_owned();
        if name == MANIFEST || temporary(tables, &name) || ours.contains(&name) {
            continue;
        }
        others.push(name);
    }
    others.sort();
    if !others.is_empty() && !force {
        const SHOWN: usize = 8;
        let mut list = others
            .iter()
            .take(SHOWN)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if others.len() > SHOWN {
            list.push_str(&format!(" and {} more", others.len() - SHOWN));
        }
        return Err(usage(format!(
            "--out {} holds files handoff generate did not write (or that changed since it wrote them): {list}; nothing written. Use a new or empty folder, or --force to replace only the table files generate writes (every other file is left untouched)",
            dir.display()
        )));
    }
    let mut plan = Plan {
        write_config: !others.iter().any(|n| n == CONFIG),
        ..Plan::default()
    };
    if !plan.write_config {
        plan.kept.push(format!(
            "kept {}: generate did not write it, so it writes no handoff.toml; set as_of in it or pass --as-of to report to match the generated data",
            dir.join(CONFIG).display()
        ));
    }
    for t in tables {
        for other_ext in EXTENSIONS.iter().chain(&["csv.gz", "tsv"]) {
            if *other_ext == ext {
                continue;
            }
            let name = format!("{t}.{other_ext}");
            if ours.contains(&name) {
                plan.remove.push(dir.join(&name));
            } else if others.contains(&name) {
                plan.kept.push(format!(
                    "kept {}: generate did not write it; it now sits beside {t}.{ext} and the table is ambiguous until one of them goes",
                    dir.join(&name).display()
                ));
            }
        }
    }
    Ok(plan)
}

/// Size and FNV-1a 64 hash of a file.
pub fn entry(path: &Path, name: &str) -> Result<Entry> {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let file = File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut buf = vec![0u8; 1 << 16];
    let (mut hash, mut bytes) = (OFFSET, 0u64);
    loop {
        let n = reader
            .read(&mut buf)
            .with_context(|| format!("reading {}", path.display()))?;
        if n == 0 {
            break;
        }
        bytes += n as u64;
        for b in &buf[..n] {
            hash = (hash ^ u64::from(*b)).wrapping_mul(PRIME);
        }
    }
    Ok(Entry {
        name: name.to_string(),
        bytes,
        fnv1a64: format!("{hash:016x}"),
    })
}

/// Write the manifest of this run's files (temporary name, then renamed into place).
pub fn write(dir: &Path, files: Vec<Entry>) -> Result<()> {
    let manifest = Manifest {
        written_by: format!("handoff generate {}", env!("CARGO_PKG_VERSION")),
        files,
    };
    let mut text = serde_json::to_vec_pretty(&manifest)?;
    text.push(b'\n');
    let tmp = dir.join(format!("{MANIFEST}.partial"));
    let path = dir.join(MANIFEST);
    fs::write(&tmp, text).with_context(|| format!("writing {}", tmp.display()))?;
    fs::rename(&tmp, &path).with_context(|| format!("writing {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLES: [&str; 2] = ["deals", "handoffs"];

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// A folder as a previous run left it: two tables, the config, the manifest.
    fn previous_run(dir: &Path) {
        let mut files = Vec::new();
        for (name, text) in [
            ("deals.csv", "deal_id\n1\n"),
            ("handoffs.csv", "deal_id\n1\n"),
            (CONFIG, "as_of = \"2026-10-31\"\n"),
        ] {
            fs::write(dir.join(name), text).unwrap();
            files.push(entry(&dir.join(name), name).unwrap());
        }
        write(dir, files).unwrap();
    }

    #[test]
    fn a_new_folder_and_a_previous_run_are_ours() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = plan(&dir.path().join("new"), &TABLES, "csv", false).unwrap();
        assert!(fresh.write_config && fresh.remove.is_empty());
        previous_run(dir.path());
        assert_eq!(
            names(dir.path()),
            [MANIFEST, "deals.csv", CONFIG, "handoffs.csv"]
        );
        let same = plan(dir.path(), &TABLES, "csv", false).unwrap();
        assert!(same.write_config && same.remove.is_empty() && same.kept.is_empty());
        // Switching format removes only the previous run's own CSV files.
        let other = plan(dir.path(), &TABLES, "parquet", false).unwrap();
        let removed: Vec<_> = other
            .remove
            .iter()
            .map(|p| p.file_name().unwrap())
            .collect();
        assert_eq!(removed, ["deals.csv", "handoffs.csv"]);
    }

    #[test]
    fn other_and_changed_files_are_named_and_refused() {
        let dir = tempfile::tempdir().unwrap();
        previous_run(dir.path());
        fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        // The user edited the generated config: no longer ours.
        fs::write(
            dir.path().join(CONFIG),
            "as_of = \"2026-10-31\"\n[columns.deals]\n",
        )
        .unwrap();
        let err = plan(dir.path(), &TABLES, "csv", false).unwrap_err();
        assert_eq!(crate::error::exit_code_for(&err), 2);
        let msg = err.to_string();
        assert!(msg.contains("handoff.toml, notes.txt"), "{msg}");
        assert!(!msg.contains("deals.csv"), "{msg}");
        let forced = plan(dir.path(), &TABLES, "csv", true).unwrap();
        assert!(!forced.write_config, "a changed handoff.toml is kept");
        assert!(forced.kept[0].contains("handoff.toml"), "{:?}", forced.kept);
    }

    #[test]
    fn a_forged_manifest_cannot_claim_other_names() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let forged = entry(&dir.path().join("notes.txt"), "notes.txt").unwrap();
        write(dir.path(), vec![forged]).unwrap();
        let err = plan(dir.path(), &TABLES, "csv", false).unwrap_err();
        assert!(err.to_string().contains("notes.txt"), "{err}");
    }

    #[test]
    fn fnv1a_of_a_known_text() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a"), "a").unwrap();
        // FNV-1a 64 of "a" (published test vector).
        assert_eq!(
            entry(&dir.path().join("a"), "a").unwrap().fnv1a64,
            "af63dc4c8601ec8c"
        );
    }
}
