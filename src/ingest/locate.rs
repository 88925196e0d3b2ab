//! Where each table's rows come from (METRICS.md §3 and §3.1 `[tables]`): `NAME.csv|.csv.gz|.tsv|
//! .parquet` in the data folder, or the file or folder the config names. A folder is read as
//! one table from every `*.parquet` / `*.csv` / `*.csv.gz` / `*.tsv` part inside it, in
//! file-name order; the parts' rows keep their own file and line for the data-quality table.

use std::path::{Path, PathBuf};

use polars::prelude::*;

use super::accounts::AccountLookup;
use super::read::{self, Fatal, ParsedTable, PART_SHIFT};
use crate::config::Settings;
use crate::schema::TableSpec;

const PART_EXTENSIONS: [&str; 4] = [".csv", ".csv.gz", ".tsv", ".parquet"];

/// The files of one table.
pub enum Sources {
    /// Not in the data folder and not named in `[tables]`.
    Absent,
    /// One file, or the parts of a folder in file-name order (`folder` set).
    Files {
        files: Vec<PathBuf>,
        folder: Option<PathBuf>,
        warning: Option<String>,
    },
}

/// Find a table's files; a `[tables]` path that does not exist (or a folder without parts)
/// is a fatal problem naming the key, the path and the folder it was looked for in.
pub fn sources(dir: &Path, table: &str, settings: &Settings) -> Result<Sources, Fatal> {
    let Some(rel) = settings.mapping.tables.get(table) else {
        let found = read::locate(dir, table);
        let warning = (found.len() > 1).then(|| {
            format!(
                "table {table}: several files found; reading {} only",
                found[0].display()
            )
        });
        return Ok(match found.first() {
            None => Sources::Absent,
            Some(f) => Sources::Files {
                files: vec![f.clone()],
                folder: None,
                warning,
            },
        });
    };
    let path = dir.join(rel);
    let key = format!("config [tables] {table} = {rel:?}");
    if path.is_file() {
        if rel.to_lowercase().ends_with(".xls") || rel.to_lowercase().ends_with(".xlsb") {
            return Err(Fatal(format!(
                "{}: {key}: only .xlsx workbooks are read; save the sheet as .xlsx or CSV (UTF-8)",
                path.display()
            )));
        }
        return Ok(Sources::Files {
            files: vec![path],
            folder: None,
            warning: None,
        });
    }
    if !path.is_dir() {
        return Err(Fatal(format!(
            "{}: {key}: no such file or folder in the data folder {}",
            path.display(),
            dir.display()
        )));
    }
    let mut parts: Vec<PathBuf> = std::fs::read_dir(&path)
        .map_err(|e| {
            Fatal(format!(
                "{}: {key}: cannot list the folder: {e}",
                path.display()
            ))
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && is_part(p))
        .collect();
    parts.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    if parts.is_empty() {
        return Err(Fatal(format!(
            "{}: {key}: the folder holds no *.csv, *.csv.gz, *.tsv or *.parquet part",
            path.display()
        )));
    }
    Ok(Sources::Files {
        files: parts,
        folder: Some(path),
        warning: None,
    })
}

fn is_part(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    !name.starts_with('.') && PART_EXTENSIONS.iter().any(|e| name.ends_with(e))
}

/// Read one file by its extension.
pub fn read_file(
    path: &Path,
    spec: &'static TableSpec,
    settings: &Settings,
    accounts: Option<&AccountLookup>,
) -> anyhow::Result<Result<ParsedTable, Fatal>> {
    let name = path.to_string_lossy();
    let options = read::ReadOptions {
        accounts,
        ..Default::default()
    };
    if super::layout::is_workbook(&name) {
        super::xlsx::read_xlsx(path, spec, settings, accounts)
    } else if path.extension().is_some_and(|e| e == "parquet") {
        let skip = settings.mapping.layout(spec.name).skip;
        if skip > 0 {
            return Ok(Err(Fatal(format!(
                "{name}: config [tables] {}: skip = {skip}: a Parquet file has its column names in its schema, no preamble to skip",
                spec.name
            ))));
        }
        read::read_parquet(path, spec, settings, options)
    } else {
        read::read_csv(path, spec, settings, options)
    }
}

/// Read every part of a folder table and stack them into one table. Each part's `_line`
/// gets its index above [`PART_SHIFT`], so "file order" runs part by part.
pub fn read_parts(
    folder: &Path,
    files: &[PathBuf],
    spec: &'static TableSpec,
    settings: &Settings,
    accounts: Option<&AccountLookup>,
) -> anyhow::Result<Result<ParsedTable, Fatal>> {
    let mut all: Option<ParsedTable> = None;
    let mut parts = Vec::with_capacity(files.len());
    for (k, path) in files.iter().enumerate() {
        let mut t = match read_file(path, spec, settings, accounts)? {
            Ok(t) => t,
            Err(f) => return Ok(Err(f)),
        };
        parts.push(t.file.clone());
        let shift = (k as i64) << PART_SHIFT;
        let shifted =
            t.df.column(crate::schema::LINE)?
                .as_materialized_series()
                .clone()
                + shift;
        t.df.with_column(shifted.into_column())?;
        all = Some(match all.take() {
            None => t,
            Some(mut acc) => {
                acc.df.vstack_mut(&t.df)?;
                acc.rows_read += t.rows_read;
                acc.rows_rejected += t.rows_rejected;
                acc.rows_filtered += t.rows_filtered;
                acc.derived_segments += t.derived_segments;
                acc.issues.append(&mut t.issues);
                acc.warnings.append(&mut t.warnings);
                acc.rejected_ids.append(&mut t.rejected_ids);
                acc.filtered_ids.append(&mut t.filtered_ids);
                acc
            }
        });
    }
    let mut t = all.expect("a folder table has at least one part");
    t.df.rechunk_mut();
    t.file = folder.display().to_string();
    t.parts = parts;
    Ok(Ok(t))
}

/// The file and line of a row from its `_line` (which names the part of a folder table).
pub fn file_and_line(t: &ParsedTable, line: i64) -> (String, u64) {
    if t.parts.is_empty() {
        return (t.file.clone(), line.max(0) as u64);
    }
    let part = (line >> PART_SHIFT) as usize;
    let file = t.parts.get(part).cloned().unwrap_or_else(|| t.file.clone());
    (file, (line & ((1 << PART_SHIFT) - 1)) as u64)
}
