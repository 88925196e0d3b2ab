//! A structural check of a Parquet file before polars decodes it. polars trusts the value
//! counts written in the file: a damaged page header that claims a negative or enormous
//! number of values makes it reserve exabytes, and a failed allocation aborts the process;
//! `catch_unwind` cannot catch that (panics can be caught, aborts cannot). So the footer and
//! every page header are read first (headers only: page bodies are skipped, a few hundred
//! small reads even for the largest inputs) and a count no valid file can hold is refused
//! with a reason, which the caller reports like any other damaged file (exit 3).
//!
//! The check refuses what is certainly wrong and a footer it cannot decode (polars would
//! read on past damage there). A file without a Parquet footer, or column data kept in
//! another file, is left to polars, which reports it as an error.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use polars_parquet_format::thrift::protocol::TCompactInputProtocol;
use polars_parquet_format::{FieldRepetitionType, FileMetaData, PageHeader, PageType};

/// The largest page header or footer read (polars' own limit for page headers is larger; no
/// writer produces headers anywhere near this).
const MAX_HEADER_BYTES: usize = 64 << 20;

/// The most memory the footer's decoded metadata may take (a damaged list length beyond it
/// is refused by the thrift decoder instead of allocated).
const MAX_FOOTER_MEMORY: usize = 1 << 30;

/// Check the value counts of a Parquet file; `Ok` has the number of pages read. `Err` says
/// what is wrong, in words for the message "cannot read Parquet: the file is damaged or
/// truncated (…)".
pub fn check(path: &Path) -> Result<usize, String> {
    let Ok(file) = File::open(path) else {
        return Ok(0); // the caller's open reports it
    };
    let mut r = BufReader::new(file);
    let len = r.seek(SeekFrom::End(0)).map_err(|e| e.to_string())?;
    let Some(meta) = footer(&mut r, len)? else {
        return Ok(0); // no Parquet footer: polars says so
    };
    let total: i64 = meta.row_groups.iter().map(|g| g.num_rows.max(0)).sum();
    if meta.num_rows < 0 || meta.num_rows != total {
        return Err(format!(
            "the footer counts {} rows but its row groups {total}",
            meta.num_rows
        ));
    }
    // A column's values equal its rows when no column of the file repeats (no lists).
    let flat = meta.schema.iter().skip(1).all(|e| {
        e.num_children.unwrap_or(0) == 0 && e.repetition_type != Some(FieldRepetitionType::REPEATED)
    });
    // polars builds a decimal type from these and panics on one that cannot exist.
    for e in &meta.schema {
        if let (Some(scale), Some(precision)) = (e.scale, e.precision) {
            if !(0..=precision).contains(&scale) {
                return Err(format!(
                    "column {:?} is a decimal of precision {precision} and scale {scale}",
                    e.name
                ));
            }
        }
    }
    let mut walked = 0;
    for (g, group) in meta.row_groups.iter().enumerate() {
        let rows = group.num_rows;
        if rows < 0 {
            return Err(format!("row group {g} counts {rows} rows"));
        }
        for chunk in &group.columns {
            let Some(m) = &chunk.meta_data else { continue };
            if chunk.file_path.is_some() {
                continue;
            }
            let column = m.path_in_schema.join(".");
            let values = m.num_values;
            if values < 0 || (flat && values != rows) {
                return Err(format!(
                    "column {column:?} in row group {g} counts {values} values for {rows} rows"
                ));
            }
            let start = m.dictionary_page_offset.unwrap_or(m.data_page_offset);
            let end = start.checked_add(m.total_compressed_size);
            let inside = |p: i64| (0..=len as i64).contains(&p);
            let Some(end) = end.filter(|&e| inside(start) && inside(e) && start <= e) else {
                return Err(format!(
                    "column {column:?} in row group {g} lies outside the file"
                ));
            };
            walked += pages(&mut r, start as u64, end as u64, values)
                .map_err(|why| format!("column {column:?} in row group {g}: {why}"))?;
        }
    }
    Ok(walked)
}

/// The footer of a file of `len` bytes: `Ok(None)` when the file does not end in a Parquet footer (polars
/// reports that), `Err` when the footer is there but does not decode. polars' own footer
/// decoder is more lenient (it reads past text that is not UTF-8, for one) and then trusts
/// counts it cannot check, so a footer this check cannot read is refused, not passed on.
fn footer(r: &mut BufReader<File>, len: u64) -> Result<Option<FileMetaData>, String> {
    let io = |e: std::io::Error| e.to_string();
    if len < 12 {
        return Ok(None);
    }
    r.seek(SeekFrom::End(-8)).map_err(io)?;
    let mut tail = [0u8; 8];
    r.read_exact(&mut tail).map_err(io)?;
    let meta_len = u64::from(u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]));
    if &tail[4..] != b"PAR1" || meta_len + 8 > len {
        return Ok(None);
    }
    r.seek(SeekFrom::End(-8 - meta_len as i64)).map_err(io)?;
    // The thrift decoder's bound counts the memory it allocates (structs, not encoded bytes).
    let bound = (meta_len as usize)
        .saturating_mul(1024)
        .clamp(MAX_HEADER_BYTES, MAX_FOOTER_MEMORY);
    let mut protocol = TCompactInputProtocol::new(r.by_ref().take(meta_len), bound);
    FileMetaData::read_from_in_protocol(&mut protocol)
        .map(Some)
        .map_err(|e| format!("the footer does not decode: {e}"))
}

/// Walk the page headers of one column chunk (`start..end` in the file, `values` values in
/// all), as polars will: data pages until their counts reach `values`. Returns the pages read.
fn pages(r: &mut BufReader<File>, start: u64, end: u64, values: i64) -> Result<usize, String> {
    r.seek(SeekFrom::Start(start)).map_err(|e| e.to_string())?;
    let mut at = start;
    let mut seen: i64 = 0;
    let mut count = 0;
    while seen < values {
        count += 1;
        if at >= end {
            return Err(format!("its pages hold {seen} of {values} values"));
        }
        let header = {
            let limited = r.by_ref().take(end - at);
            let mut protocol = TCompactInputProtocol::new(limited, MAX_HEADER_BYTES);
            PageHeader::read_from_in_protocol(&mut protocol)
                .map_err(|e| format!("unreadable page header at byte {at}: {e}"))?
        };
        at = r.stream_position().map_err(|e| e.to_string())?;
        let page_values = match header.type_ {
            PageType::DATA_PAGE => header.data_page_header.as_ref().map(|h| h.num_values),
            PageType::DATA_PAGE_V2 => {
                let v2 = header.data_page_header_v2.as_ref();
                if let Some(h) = v2.filter(|h| !(0..=h.num_values).contains(&h.num_nulls)) {
                    return Err(format!(
                        "a page counts {} nulls among {} values",
                        h.num_nulls, h.num_values
                    ));
                }
                v2.map(|h| h.num_values)
            }
            PageType::DICTIONARY_PAGE => {
                let n = header.dictionary_page_header.as_ref().map(|h| h.num_values);
                if let Some(n) = n.filter(|&n| n < 0 || i64::from(n) > values.max(1)) {
                    return Err(format!(
                        "a dictionary counts {n} entries for {values} values"
                    ));
                }
                None
            }
            _ => None,
        };
        if let Some(n) = page_values {
            if n < 0 || seen + i64::from(n) > values {
                return Err(format!(
                    "a page counts {n} values where {} remain",
                    values - seen
                ));
            }
            seen += i64::from(n);
        }
        let size = header.compressed_page_size;
        if size < 0 || at + size as u64 > end {
            return Err(format!("a page of {size} bytes runs past its column"));
        }
        r.seek_relative(i64::from(size))
            .map_err(|e| e.to_string())?;
        at += size as u64;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::*;
    use std::path::PathBuf;

    /// A deals table in two row groups of three rows; its first column has nulls and
    /// repeats (a dictionary page, then a data page): a file every rule must pass.
    fn good_file(dir: &Path) -> PathBuf {
        let mut df = df!(
            "deal_id" => [Some("a"), None, Some("c"), Some("a"), Some("b"), None],
            "account_id" => ["A1", "A2", "A3", "A4", "A5", "A6"],
            "segment" => ["smb"; 6],
            "acv" => [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
            "closed_at" => ["2026-01-05"; 6],
            "sales_rep" => ["r1"; 6],
        )
        .unwrap();
        let path = dir.join("t.parquet");
        let f = File::create(&path).unwrap();
        ParquetWriter::new(f)
            .with_row_group_size(Some(3))
            .finish(&mut df)
            .unwrap();
        path
    }

    fn footer_of(path: &Path) -> Result<Option<FileMetaData>, String> {
        let len = std::fs::metadata(path).unwrap().len();
        footer(&mut BufReader::new(File::open(path).unwrap()), len)
    }

    /// The page headers of column "deal_id" in row group 0: offset, header, header length.
    fn headers(path: &Path) -> Vec<(u64, PageHeader, usize)> {
        let meta = footer_of(path).unwrap().unwrap();
        let mut r = BufReader::new(File::open(path).unwrap());
        let m = meta.row_groups[0].columns[0].meta_data.clone().unwrap();
        let mut at = m.dictionary_page_offset.unwrap_or(m.data_page_offset) as u64;
        let end = at + m.total_compressed_size as u64;
        let mut found = Vec::new();
        while at < end {
            r.seek(SeekFrom::Start(at)).unwrap();
            let mut p = TCompactInputProtocol::new(r.by_ref(), MAX_HEADER_BYTES);
            let h = PageHeader::read_from_in_protocol(&mut p).unwrap();
            let body = r.stream_position().unwrap();
            let next = body + h.compressed_page_size as u64;
            found.push((at, h, (body - at) as usize));
            at = next;
        }
        found
    }

    #[test]
    fn a_good_file_passes() {
        let dir = tempfile::tempdir().unwrap();
        let path = good_file(dir.path());
        let meta = footer_of(&path);
        assert_eq!(
            meta.map(|m| m.map(|m| m.row_groups.len())),
            Ok(Some(2)),
            "the footer must decode"
        );
        // 2 row groups × 6 columns: a data page each, and the 5 text columns a dictionary.
        assert_eq!(check(&path), Ok(2 * 6 + 2 * 5));
    }

    #[test]
    fn not_parquet_is_left_to_polars() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.parquet");
        std::fs::write(&path, "deal_id,acv\nD1,3\n").unwrap();
        assert_eq!(check(&path), Ok(0));
    }

    /// Rewrite the value count of page header `page` of "deal_id" (row group 0) as `to`. The
    /// header is re-encoded; small counts keep its length, so every offset stays in place.
    fn with_count(path: &Path, page: usize, to: i32) -> Result<usize, String> {
        use polars_parquet_format::thrift::protocol::TCompactOutputProtocol;
        let (start, mut h, len) = headers(path)[page].clone();
        if let Some(d) = h.dictionary_page_header.as_mut() {
            d.num_values = to;
        }
        if let Some(d) = h.data_page_header.as_mut() {
            d.num_values = to;
        }
        if let Some(d) = h.data_page_header_v2.as_mut() {
            d.num_values = to;
        }
        let mut encoded = Vec::new();
        h.write_to_out_protocol(&mut TCompactOutputProtocol::new(&mut encoded))
            .unwrap();
        assert_eq!(
            encoded.len(),
            len,
            "the damage must keep the header's length"
        );
        let mut bytes = std::fs::read(path).unwrap();
        bytes[start as usize..start as usize + len].copy_from_slice(&encoded);
        std::fs::write(path, bytes).unwrap();
        check(path)
    }

    #[test]
    fn the_good_file_has_a_dictionary_then_a_data_page() {
        let dir = tempfile::tempdir().unwrap();
        let h = headers(&good_file(dir.path()));
        let kinds: Vec<PageType> = h.iter().map(|(_, h, _)| h.type_).collect();
        assert_eq!(kinds.len(), 2, "{kinds:?}");
        // Row group 0 of "deal_id" is a, null, c: two dictionary entries, three values.
        assert_eq!(
            h[0].1.dictionary_page_header.as_ref().map(|d| d.num_values),
            Some(2)
        );
        let data = |h: &PageHeader| {
            (h.data_page_header.as_ref().map(|d| d.num_values))
                .or(h.data_page_header_v2.as_ref().map(|d| d.num_values))
        };
        assert_eq!(data(&h[1].1), Some(3));
    }

    /// Counts no valid file holds. The first is the damage the property test
    /// `parquet_reader_never_panics_on_damaged_files` found: polars reserved 2^61 bytes for a
    /// page of -3 values and the process aborted.
    #[test]
    fn damaged_counts_are_refused() {
        let at = "column \"deal_id\" in row group 0";
        for (page, to, expected) in [
            (1, -3, "a page counts -3 values where 3 remain"),
            (1, 60, "a page counts 60 values where 3 remain"),
            (0, -2, "a dictionary counts -2 entries for 3 values"),
            (0, 4, "a dictionary counts 4 entries for 3 values"),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let path = good_file(dir.path());
            assert_eq!(
                with_count(&path, page, to),
                Err(format!("{at}: {expected}"))
            );
        }
    }

    /// The whole Parquet read reports the damage as a table problem naming the file.
    #[test]
    fn the_reader_reports_the_damage_with_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = good_file(dir.path());
        let _ = with_count(&path, 1, -3);
        let table = &crate::schema::TABLES[0];
        let settings = crate::config::Settings::default();
        let read =
            super::super::parquet_file::read_parquet(&path, table, &settings, Default::default());
        let msg = read.unwrap().err().unwrap().0;
        assert!(msg.starts_with(&path.display().to_string()), "{msg}");
        assert!(msg.contains("damaged or truncated"), "{msg}");
        assert!(msg.contains("a page counts -3 values"), "{msg}");
    }

    /// The property test's second find: a column name in the footer no longer UTF-8. polars'
    /// lenient footer decoder read on and trusted a count; the check refuses the footer.
    #[test]
    fn a_footer_that_does_not_decode_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = good_file(dir.path());
        let mut bytes = std::fs::read(&path).unwrap();
        let n = bytes.len();
        let meta_len = u32::from_le_bytes(bytes[n - 8..n - 4].try_into().unwrap()) as usize;
        let footer_start = n - 8 - meta_len;
        let name = bytes[footer_start..]
            .windows(9)
            .position(|w| w == b"sales_rep")
            .unwrap();
        bytes[footer_start + name + 8] = 0xCD; // "sales_re" and half a two-byte character
        std::fs::write(&path, bytes).unwrap();
        let why = check(&path).unwrap_err();
        assert!(why.starts_with("the footer does not decode"), "{why}");
    }

    /// The good file with its footer edited by `edit`, re-encoded and put back in place.
    fn with_footer(edit: impl FnOnce(&mut FileMetaData)) -> (tempfile::TempDir, PathBuf) {
        use polars_parquet_format::thrift::protocol::TCompactOutputProtocol;
        let dir = tempfile::tempdir().unwrap();
        let path = good_file(dir.path());
        let mut meta = footer_of(&path).unwrap().unwrap();
        edit(&mut meta);
        let mut bytes = std::fs::read(&path).unwrap();
        let n = bytes.len();
        let old = u32::from_le_bytes(bytes[n - 8..n - 4].try_into().unwrap()) as usize;
        bytes.truncate(n - 8 - old);
        let mut encoded = Vec::new();
        meta.write_to_out_protocol(&mut TCompactOutputProtocol::new(&mut encoded))
            .unwrap();
        bytes.extend_from_slice(&encoded);
        bytes.extend_from_slice(&(encoded.len() as u32).to_le_bytes());
        bytes.extend_from_slice(b"PAR1");
        std::fs::write(&path, bytes).unwrap();
        (dir, path)
    }

    #[test]
    fn row_counts_that_disagree_are_refused() {
        let (_dir, path) = with_footer(|m| m.num_rows = 7);
        assert_eq!(
            check(&path),
            Err("the footer counts 7 rows but its row groups 6".to_string())
        );
    }

    /// The property test's third find: a damaged schema made "acv" a decimal with a scale
    /// above its precision, and polars panicked when the column was first used.
    #[test]
    fn a_decimal_that_cannot_exist_is_refused() {
        let (_dir, path) = with_footer(|m| {
            let acv = m.schema.iter_mut().find(|e| e.name == "acv").unwrap();
            (acv.precision, acv.scale) = (Some(2), Some(99));
        });
        assert_eq!(
            check(&path),
            Err("column \"acv\" is a decimal of precision 2 and scale 99".to_string())
        );
    }
}
