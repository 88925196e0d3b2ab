//! Reading one input file into a typed polars `DataFrame` of canonical columns: what every
//! reader hands on ([`ParsedTable`], [`Fatal`]) and the entry points. The stages live beside
//! it: finding a table's files (`locate.rs`), decoding bytes to text (`decode.rs`), CSV
//! records, quoting and footers (`csv_file.rs`), Parquet (`parquet_file.rs`), Excel
//! (`xlsx.rs`), and the row parser that parses every cell by the METRICS.md §3 rules
//! (`rows.rs`). Each row ends up kept or rejected with its line, column, raw value and
//! reason; nothing is dropped silently.

use std::path::{Path, PathBuf};

use polars::prelude::*;

use super::accounts::AccountLookup;
use super::Issue;

pub use super::csv_file::read_csv;
pub use super::parquet_file::read_parquet;

/// A parsed table before the exclusion rules: the kept rows, plus what happened to the rest.
pub struct ParsedTable {
    pub file: String,
    pub df: DataFrame,
    pub rows_read: u64,
    pub rows_rejected: u64,
    pub issues: Vec<Issue>,
    pub warnings: Vec<String>,
    pub rejected_ids: Vec<String>,
    /// Rows a `[filters]` entry did not keep (excluded `filtered`), and their ids.
    pub rows_filtered: u64,
    pub filtered_ids: Vec<String>,
    /// Deals whose segment came from `segment_from_acv`.
    pub derived_segments: u64,
    /// The part files of a table read from a folder, in order; empty for one file. Their
    /// rows' `_line` carries the part's index above [`PART_SHIFT`] so file order holds.
    pub parts: Vec<String>,
}

/// How a CSV or Parquet file is read, beyond its path, table and settings.
#[derive(Clone, Copy)]
pub struct ReadOptions<'a> {
    /// The `accounts` table that fills deals' blank columns (METRICS.md §3.1); with it, rows
    /// go through the row parser.
    pub accounts: Option<&'a AccountLookup>,
    /// Whether a clean file may take the columnar fast path (tests turn it off to compare
    /// the two paths).
    pub columnar: bool,
    /// A CSV file's records are read in pieces of at least this many bytes, on two threads
    /// (tests make it small to compare the pieces' result with one piece's).
    pub piece_bytes: usize,
}

impl ReadOptions<'_> {
    /// The defaults, with the columnar fast path allowed or not.
    pub fn columnar(columnar: bool) -> Self {
        ReadOptions {
            columnar,
            ..Default::default()
        }
    }
}

impl Default for ReadOptions<'_> {
    fn default() -> Self {
        ReadOptions {
            accounts: None,
            columnar: true,
            piece_bytes: super::csv_file::PIECE_BYTES,
        }
    }
}

/// `_line` of a row of part `k` of a folder table: `k << PART_SHIFT | line`.
pub const PART_SHIFT: u32 = 40;

/// A table-level problem that stops validation (missing file/column, unreadable file).
#[derive(Debug)]
pub struct Fatal(pub String);

/// Find `NAME.csv`, `NAME.csv.gz` or `NAME.parquet` in `dir`.
pub fn locate(dir: &Path, table: &str) -> Vec<PathBuf> {
    ["csv", "csv.gz", "parquet", "tsv"]
        .iter()
        .map(|ext| dir.join(format!("{table}.{ext}")))
        .filter(|p| p.is_file())
        .collect()
}

/// The longest raw value a message or the data-quality table repeats, in characters.
const MAX_SHOWN: usize = 200;

/// The first field of a Salesforce summary report's totals line starts with this, in any case.
pub const GRAND_TOTALS: &str = "grand totals";

/// Whether `text` starts with the ASCII `prefix` in any ASCII case: what lower-casing
/// `text` would give, without a string per record.
pub fn starts_with_ascii_ci(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// A raw value as messages show it: at most `MAX_SHOWN` (200) characters, then how long it was.
pub fn clip(s: String) -> String {
    match s.char_indices().nth(MAX_SHOWN) {
        Some((end, _)) => format!("{}… ({} bytes in all)", &s[..end], s.len()),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping() {
        assert_eq!(clip("short".into()), "short");
        let long = clip("é".repeat(300));
        assert!(long.starts_with(&"é".repeat(200)));
        assert!(long.ends_with("… (600 bytes in all)"), "{long}");
    }
}
