//! The report's Parquet files, written with polars' own page encoders and zstd but with each
//! column's encoding chosen here, and the columns encoded and compressed on two threads
//! (issue #17). `ParquetWriter` asks every float and text column for a dictionary: it
//! estimates the column's distinct values by hashing each one, then (text) builds the
//! dictionary, or (float) fails to and writes plain values. At a million deals that is a
//! million hashes per column for the 25 float columns and the four text columns that are
//! nearly all distinct (the ids and names) of `tables/handoff_facts.parquet`, and the
//! whole file was compressed on one thread while the metrics ran on the other.
//!
//! Here a float column is plain, as polars would end up writing it, unless a sample shows
//! few distinct values (scores, checklist fields, survey answers): then it is a dictionary
//! built here (`float_dictionary`), which polars never writes; a text column whose
//! evenly spaced sample is nearly all distinct is plain, as polars' own rule (more than three
//! in four values distinct) would decide; any other text column gets its dictionary built
//! here from the string views (`text_dictionary`: one lookup per new view instead of two
//! hashes of every string), or plain by the same rule; a nearly-all-distinct timestamp
//! column, which polars writes plain, is delta-encoded and left uncompressed (`encoding`);
//! every other column keeps polars' encoding and its dictionary decision. The file's bytes
//! are those of `ParquetWriter` with the same compression and row groups whenever these
//! choices agree with polars' own (a table without such timestamps and with the same
//! guesses).

use polars::frame::chunk_df_for_writing;
use polars::prelude::*;
use polars_arrow::array::{
    Array, DictionaryArray, MutableBinaryViewArray, PrimitiveArray, Utf8ViewArray, View,
};
use polars_arrow::bitmap::Bitmap;
use polars_arrow::datatypes::{ArrowDataType, IntegerType};
use polars_parquet::write::{
    array_to_columns, compress, fallible_streaming_iterator, get_dtype_encoding, CompressedPage,
    CompressionOptions, DynIter, DynStreamingIterator, Encoding, FileWriter, ParquetType,
    StatisticsOptions, Version, WriteOptions, ZstdLevel,
};

/// Rows per row group: polars' default (`512²`).
const ROW_GROUP: usize = 512 * 512;

/// Rows sampled to judge whether a text or integer column is nearly all distinct.
const SAMPLE: usize = 4096;

/// polars weighs a column's distinct values only past this many rows; a shorter column
/// always gets a dictionary.
const POLARS_FLOOR: usize = 128;

/// `df` as Parquet bytes, compressed with zstd at `level`.
pub fn write(df: &mut DataFrame, level: i32) -> PolarsResult<Vec<u8>> {
    let mut buf = Vec::new();
    write_to(df, level, &mut buf)?;
    Ok(buf)
}

/// [`write()`] into `out`, each row group as it is made.
pub fn write_to<W: std::io::Write>(df: &mut DataFrame, level: i32, out: W) -> PolarsResult<()> {
    let encodings: Vec<Vec<Encoding>> = df.columns().iter().map(encoding).collect();
    let df = chunk_df_for_writing(df, ROW_GROUP)?;
    let schema = df.schema().to_arrow(CompatLevel::newest());
    let options = WriteOptions {
        statistics: StatisticsOptions::default(),
        compression: CompressionOptions::Zstd(Some(ZstdLevel::try_new(level)?)),
        version: Version::V1,
        data_page_size: None,
    };
    let mut writer = FileWriter::try_new(out, schema, options)?;
    // The writer derived the Parquet schema from the Arrow one: its leaves, reused.
    let fields = writer.parquet_schema().fields().to_vec();
    for batch in df.iter_chunks(CompatLevel::newest(), false) {
        if batch.is_empty() {
            continue;
        }
        let rows = batch.len() as u64;
        let arrays = batch.into_arrays();
        let jobs: Vec<_> = arrays.iter().zip(&fields).zip(&encodings).collect();
        let columns = crate::parallel::map(&jobs, |((array, type_), encoding)| {
            compressed(array, type_, encoding, options)
        });
        // One column chunk per leaf, in schema order.
        let mut chunks = Vec::with_capacity(columns.len());
        for column in columns {
            chunks.extend(column?);
        }
        let group = DynIter::new(chunks.iter().map(|pages| {
            Ok(DynStreamingIterator::new(
                fallible_streaming_iterator::convert(pages.iter().map(PolarsResult::Ok)),
            ))
        }));
        writer.write(rows, group)?;
    }
    writer.end(None)?;
    Ok(())
}

/// One column's pages of one row group, encoded and compressed (one list per Parquet leaf).
fn compressed(
    array: &ArrayRef,
    type_: &ParquetType,
    encoding: &[Encoding],
    options: WriteOptions,
) -> PolarsResult<Vec<Vec<CompressedPage>>> {
    // Text that polars would write as a dictionary: the dictionary built here from the
    // string views, or plain where polars would find too many distinct values.
    let dictionary = match (array.as_any().downcast_ref::<Utf8ViewArray>(), encoding) {
        (Some(text), [Encoding::RleDictionary]) if !text.is_empty() => Some(text_dictionary(text)),
        _ => match (
            array.as_any().downcast_ref::<PrimitiveArray<f64>>(),
            encoding,
        ) {
            (Some(floats), [Encoding::RleDictionary]) => Some(float_dictionary(floats)),
            _ => None,
        },
    };
    // Delta-encoded pages are stored without zstd, which saves a tenth of their bytes at
    // the cost of compressing them (see `encoding`).
    let compression = match encoding {
        [Encoding::DeltaBinaryPacked] => CompressionOptions::Uncompressed,
        _ => options.compression,
    };
    let leaves = match dictionary {
        Some(Some(dictionary)) => array_to_columns(
            dictionary.boxed(),
            type_.clone(),
            options,
            &[Encoding::RleDictionary],
        )?,
        Some(None) => array_to_columns(array, type_.clone(), options, &[Encoding::Plain])?,
        None => array_to_columns(array, type_.clone(), options, encoding)?,
    };
    leaves
        .into_iter()
        .map(|pages| {
            pages
                .map(|page| Ok(compress(page?, Vec::new(), compression)?))
                .collect()
        })
        .collect()
}

/// The encodings of `column`'s Parquet leaves: polars' (dictionary where it pays, decided
/// by polars) but plain for floats and for nearly-all-distinct text, and delta for
/// nearly-all-distinct wide-ranging 8-byte integers (timestamps), where polars writes
/// plain values.
///
/// Delta (`DELTA_BINARY_PACKED`, which DuckDB, pyarrow and polars read) stores each value's
/// difference from the one before, bit-packed: the fact table's rows are in close order, so
/// its twelve timestamp columns (the close time, the milestones and their deadlines) differ
/// from row to row by far less than their 64 bits. At a million deals those columns took
/// 100 MB plain and 67 MB after zstd; delta-encoded they take 52 MB, and zstd would save
/// about a tenth of that (measured with pyarrow), so their pages are stored uncompressed
/// (issue #17: zstd over the plain pages was the largest part of the file's CPU time).
fn encoding(column: &Column) -> Vec<Encoding> {
    let dtype = column.dtype().to_arrow(CompatLevel::newest());
    let mut encodings = get_dtype_encoding(&dtype);
    let chosen = match column.dtype() {
        DataType::Float64 => (!column.f64().is_ok_and(few_floats)).then_some(Encoding::Plain),
        DataType::Float32 => Some(Encoding::Plain),
        DataType::String => column
            .str()
            .is_ok_and(mostly_distinct)
            .then_some(Encoding::Plain),
        DataType::Int64 | DataType::Datetime(_, _) | DataType::Duration(_) => {
            (column.to_physical_repr().i64())
                .is_ok_and(mostly_distinct_wide)
                .then_some(Encoding::DeltaBinaryPacked)
        }
        _ => None,
    };
    if let (Some(chosen), 1) = (chosen, encodings.len()) {
        encodings[0] = chosen;
    }
    encodings
}

/// Each row's dictionary key: 0 for a missing row, the key of the row before for a row whose
/// `bits` (view or value bits) repeat it, without a lookup, and `intern(row, bits)` for any
/// other row; `None` once `intern` gives up (too many distinct values).
fn dictionary_keys<B: Copy + PartialEq>(
    n: usize,
    validity: Option<&Bitmap>,
    bits: impl Fn(usize) -> B,
    mut intern: impl FnMut(usize, B) -> Option<u32>,
) -> Option<Vec<u32>> {
    let mut keys = Vec::with_capacity(n);
    let mut last: Option<(B, u32)> = None;
    for i in 0..n {
        if validity.is_some_and(|v| !v.get_bit(i)) {
            keys.push(0);
            continue;
        }
        let b = bits(i);
        let key = match last {
            Some((seen, key)) if seen == b => key,
            _ => {
                let key = intern(i, b)?;
                last = Some((b, key));
                key
            }
        };
        keys.push(key);
    }
    Some(keys)
}

/// `text` as the dictionary polars' writer would make of it, or `None` where polars would
/// write it plain: the distinct values in order of first appearance and each row's index
/// into them, as `utf8view_to_dictionary` builds them, so the pages are the same bytes.
/// polars hashes every string twice (an estimate of the distinct count, then the
/// dictionary); here a string of at most 12 bytes, which its 16-byte view holds whole, is
/// looked up by its view, and a row whose view repeats the row before is not looked up at
/// all. polars writes plain when its estimate of the distinct values, a missing value
/// counting as the empty text, exceeds three in four rows (past [`POLARS_FLOOR`] rows); this
/// counts them exactly, so a column at that edge may be decided the other way (the same
/// values, another encoding).
fn text_dictionary(text: &Utf8ViewArray) -> Option<DictionaryArray<u32>> {
    let n = text.len();
    let validity = text.validity().filter(|v| v.unset_bits() > 0);
    // The most distinct values (the empty text included) a dictionary may have.
    let most = if n > POLARS_FLOOR {
        n * 3 / 4
    } else {
        usize::MAX
    };
    let mut short: PlHashMap<u128, u32> = PlHashMap::default();
    let mut long: PlHashMap<&str, u32> = PlHashMap::default();
    let mut values = MutableBinaryViewArray::<str>::new();
    let mut empty = false;
    let views = text.views();
    let keys = dictionary_keys(
        n,
        validity,
        |i| views[i].as_u128(),
        |i, bits| {
            // SAFETY: `i` is below the array's length (it indexes the array's views).
            let value = unsafe { text.value_unchecked(i) };
            let next = values.len() as u32;
            let key = if views[i].length <= View::MAX_INLINE_SIZE {
                *short.entry(bits).or_insert(next)
            } else {
                *long.entry(value).or_insert(next)
            };
            if key == next {
                empty |= value.is_empty();
                values.push_value(value);
                if values.len() > most {
                    return None;
                }
            }
            Some(key)
        },
    )?;
    // polars counts a missing value as the empty text.
    if validity.is_some() && !empty && values.len() + 1 > most {
        return None;
    }
    let keys = PrimitiveArray::new(ArrowDataType::UInt32, keys.into(), validity.cloned());
    let values: Utf8ViewArray = values.freeze();
    let dtype =
        ArrowDataType::Dictionary(IntegerType::UInt32, Box::new(values.dtype().clone()), false);
    DictionaryArray::try_new(dtype, keys, values.boxed()).ok()
}

/// The most distinct values a float dictionary may hold (past it the column is plain).
const MOST_FLOATS: usize = 1 << 16;

/// Whether a float column past [`POLARS_FLOOR`] rows has few distinct values (by their
/// bits): at most one per four of [`SAMPLE`] evenly spaced rows (scores, 0/1 checklist
/// fields, survey answers, health scores to one decimal; not amounts or times). It is then
/// written as a dictionary (issue #17): polars writes every float column plain, so a
/// checklist field was a million 8-byte values for zstd to compress, where a dictionary's
/// indices are a few bits a row.
fn few_floats(ca: &Float64Chunked) -> bool {
    sample(ca.len(), |i| ca.get(i).map(f64::to_bits)).is_some_and(|rows| {
        let distinct: std::collections::HashSet<&u64> = rows.iter().flatten().collect();
        distinct.len() * 4 <= rows.len()
    })
}

/// `floats` as a dictionary of its distinct values (by their bits, so -0.0 and each NaN
/// stay as they are) in order of first appearance, or `None` past [`MOST_FLOATS`] of them
/// or where a dictionary would hold more than a quarter of the rows.
fn float_dictionary(floats: &PrimitiveArray<f64>) -> Option<DictionaryArray<u32>> {
    let n = floats.len();
    let validity = floats.validity().filter(|v| v.unset_bits() > 0);
    let most = MOST_FLOATS.min(n / 4).max(1);
    let mut index: PlHashMap<u64, u32> = PlHashMap::default();
    let mut values: Vec<f64> = Vec::new();
    let floats = floats.values();
    let keys = dictionary_keys(
        n,
        validity,
        |i| floats[i].to_bits(),
        |i, bits| {
            let next = values.len() as u32;
            let key = *index.entry(bits).or_insert(next);
            if key == next {
                values.push(floats[i]);
                if values.len() > most {
                    return None;
                }
            }
            Some(key)
        },
    )?;
    let keys = PrimitiveArray::new(ArrowDataType::UInt32, keys.into(), validity.cloned());
    let values = PrimitiveArray::new(ArrowDataType::Float64, values.into(), None);
    let dtype =
        ArrowDataType::Dictionary(IntegerType::UInt32, Box::new(ArrowDataType::Float64), false);
    DictionaryArray::try_new(dtype, keys, values.boxed()).ok()
}

/// Whether a column past [`POLARS_FLOOR`] rows is nearly all distinct text,
/// judged from [`SAMPLE`] evenly spaced rows: more than 99 in 100 of the sampled values are
/// distinct, and values fill more than 4 in 5 of the sampled rows (polars counts missing
/// values as one more value, the empty text, so a column with many of them has few distinct
/// values for its length: a handoff id missing on a quarter of the rows is for polars a
/// dictionary column, and it is left to [`text_dictionary`] to count). A sample of 4 096
/// rows shows that many repeats only when the column has fewer than about 200 000 distinct
/// values (values in random order). A larger column with more distinct values than that
/// but at most three in four of its rows, or one whose repeats sit next to each other, is
/// then written plain where polars would have kept a dictionary: a larger file, the same
/// values. Ids and names, the columns this is for, are nearly all distinct.
fn mostly_distinct(ca: &StringChunked) -> bool {
    sample(ca.len(), |i| ca.get(i)).is_some_and(|rows| nearly_all_distinct(&rows))
}

/// Whether an integer column (8-byte: integers, datetimes, durations) is plain for polars:
/// its values span more than polars' bitmask range (65 535, past which polars hashes every
/// value to estimate their number) and a sample is nearly all distinct, as for
/// [`mostly_distinct`] text (the sample's span is at most the column's, so a wide sample is
/// a wide column). Timestamps in microseconds are.
fn mostly_distinct_wide(ca: &Int64Chunked) -> bool {
    let Some(rows) = sample(ca.len(), |i| ca.get(i)) else {
        return false;
    };
    let values = rows.iter().flatten();
    let span = values
        .clone()
        .max()
        .zip(values.min())
        .map(|(hi, lo)| hi.checked_sub(*lo));
    // polars takes a span it cannot compute (overflow) as wide too.
    let wide = span.is_some_and(|d| d.is_none_or(|d| d > i64::from(u16::MAX)));
    wide && nearly_all_distinct(&rows)
}

/// [`SAMPLE`] evenly spaced rows of a column of `n` rows; `None` for a column polars does
/// not weigh ([`POLARS_FLOOR`]).
fn sample<T>(n: usize, get: impl Fn(usize) -> Option<T>) -> Option<Vec<Option<T>>> {
    let take = n.min(SAMPLE);
    (n > POLARS_FLOOR).then(|| (0..take).map(|i| get(i * n / take)).collect())
}

/// More than 99 in 100 sampled values distinct, and values on more than 4 in 5 sampled rows.
fn nearly_all_distinct<T: std::hash::Hash + Eq>(rows: &[Option<T>]) -> bool {
    let values: std::collections::HashSet<&T> = rows.iter().flatten().collect();
    let present = rows.iter().flatten().count();
    present * 5 > rows.len() * 4 && values.len() * 100 > present * 99
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_plain_repeated_text_and_integers_keep_polars_choice() {
        let ids: Vec<String> = (0..1000).map(|i| format!("deal-{i:05}")).collect();
        let bands: Vec<&str> = (0..1000).map(|i| ["good", "poor"][i % 2]).collect();
        let df = df!(
            "id" => ids,
            "band" => bands,
            "score" => (0..1000).map(f64::from).collect::<Vec<_>>(),
            "n" => (0..1000i64).collect::<Vec<_>>(),
            "us" => (0..1000i64).map(|i| i * 86_400_000_000).collect::<Vec<_>>(),
            "few" => (0..1000i64).map(|i| i % 3 * 86_400_000_000).collect::<Vec<_>>(),
        )
        .unwrap();
        let got: Vec<Vec<Encoding>> = df.columns().iter().map(encoding).collect();
        assert_eq!(
            got,
            [
                vec![Encoding::Plain],
                vec![Encoding::RleDictionary],
                vec![Encoding::Plain],
                // Distinct, but within polars' bitmask range: polars decides.
                vec![Encoding::RleDictionary],
                // Distinct microsecond times: delta; three of them: polars decides.
                vec![Encoding::DeltaBinaryPacked],
                vec![Encoding::RleDictionary],
            ]
        );
        // Ids missing on some rows: plain while values fill most rows (more than three in
        // four distinct for polars too), polars' dictionary decision when they do not.
        let ids = |missing: usize| {
            let ids = (0..1000).map(|i| (i % 100 >= missing).then(|| format!("handoff-{i:05}")));
            Column::new("id".into(), ids.collect::<Vec<_>>())
        };
        assert_eq!(encoding(&ids(4)), [Encoding::Plain]);
        assert_eq!(encoding(&ids(30)), [Encoding::RleDictionary]);
        // Too short for polars to weigh the cardinality: it decides.
        let short = Column::new("id".into(), ["a", "b", "c"]);
        assert_eq!(encoding(&short), [Encoding::RleDictionary]);
    }

    #[test]
    fn float_dictionaries_hold_few_values_in_first_appearance_order() {
        // Four distinct values on 32 rows (at most a quarter of the rows).
        let rows = [2.5, 2.5, -0.0, 0.0, 2.5, 1.0, 0.0, 1.0];
        let floats = PrimitiveArray::from_vec(rows.repeat(4));
        let dict = float_dictionary(&floats).expect("few values");
        let keys: Vec<u32> = dict.keys().values().iter().copied().collect();
        assert_eq!(keys, [0, 0, 1, 2, 0, 3, 2, 3].repeat(4));
        let values = dict
            .values()
            .as_any()
            .downcast_ref::<PrimitiveArray<f64>>()
            .unwrap();
        let bits: Vec<u64> = values.values().iter().map(|v| v.to_bits()).collect();
        let want: Vec<u64> = [2.5f64, -0.0, 0.0, 1.0]
            .iter()
            .map(|v| v.to_bits())
            .collect();
        assert_eq!(bits, want);
        // More distinct values than a quarter of the rows: plain.
        assert!(float_dictionary(&PrimitiveArray::from_vec(rows.to_vec())).is_none());
        let many = PrimitiveArray::from_vec((0..1000).map(f64::from).collect());
        assert!(float_dictionary(&many).is_none());
    }

    #[test]
    fn a_written_file_reads_back_equal() {
        let mut df = df!(
            "id" => (0..2000).map(|i| format!("x{i}")).collect::<Vec<_>>(),
            "band" => (0..2000).map(|i| (i % 3 != 0).then_some("good")).collect::<Vec<_>>(),
            "v" => (0..2000).map(|i| (i % 7 != 0).then_some(i as f64 / 3.0)).collect::<Vec<_>>(),
            // Distinct wide integers (delta-encoded), some missing.
            "t" => (0..2000i64).map(|i| (i % 13 != 0).then_some(i * 1_000_000 - (i % 7) * 999_983)).collect::<Vec<_>>(),
            "b" => (0..2000).map(|i| i % 5 == 0).collect::<Vec<_>>(),
            // Few distinct floats (a dictionary), -0.0 and 0.0 apart, some missing.
            "score" => (0..2000).map(|i| (i % 11 != 0).then_some([0.0, -0.0, 1.0, 2.5][i % 4])).collect::<Vec<_>>(),
        )
        .unwrap();
        assert_eq!(
            encoding(df.column("score").unwrap()),
            [Encoding::RleDictionary]
        );
        assert_eq!(encoding(df.column("v").unwrap()), [Encoding::Plain]);
        assert_eq!(
            encoding(df.column("t").unwrap()),
            [Encoding::DeltaBinaryPacked]
        );
        let bytes = write(&mut df, 1).unwrap();
        // The delta column's chunk is stored uncompressed, the others with zstd.
        let meta = polars_parquet::read::_read_metadata(&mut std::io::Cursor::new(&bytes)).unwrap();
        use polars_parquet::parquet::compression::Compression;
        let codecs: Vec<(String, Compression)> = meta.row_groups[0]
            .parquet_columns()
            .iter()
            .map(|c| {
                (
                    c.descriptor().path_in_schema[0].to_string(),
                    c.compression(),
                )
            })
            .collect();
        for (name, codec) in &codecs {
            let want = if name == "t" {
                Compression::Uncompressed
            } else {
                Compression::Zstd
            };
            assert_eq!(*codec, want, "{name}");
        }
        let back = ParquetReader::new(std::io::Cursor::new(bytes))
            .finish()
            .unwrap();
        assert!(back.equals_missing(&df), "{back}\n{df}");
        // The signed zeros kept apart (they compare equal as numbers).
        let bits = |df: &DataFrame| -> Vec<Option<u64>> {
            let score = df.column("score").unwrap().f64().unwrap();
            score.iter().map(|v| v.map(f64::to_bits)).collect()
        };
        assert_eq!(bits(&back), bits(&df));
    }

    #[test]
    fn the_same_bytes_as_polars_writer_where_the_choices_agree() {
        // Floats and ids are plain in both; the repeated text, the hours (a dictionary by
        // polars' estimate) and the days (a bitmask dictionary) are dictionaries in both.
        // (Distinct times are delta-encoded here, plain in polars.)
        let mut df = df!(
            "id" => (0..3000).map(|i| format!("acct-{i}")).collect::<Vec<_>>(),
            "segment" => (0..3000).map(|i| ["smb", "mid", "ent"][i % 3]).collect::<Vec<_>>(),
            "acv" => (0..3000).map(|i| f64::from(i) * 1.5).collect::<Vec<_>>(),
            "at" => (0..3000i64).map(|i| (i % 9 != 0).then_some(i % 500 * 3_600_000_000)).collect::<Vec<_>>(),
            "day" => (0..3000i64).map(|i| i % 40 * 86_400_000_000).collect::<Vec<_>>(),
        )
        .unwrap();
        for name in ["at", "day"] {
            let at = df
                .column(name)
                .unwrap()
                .cast(&DataType::Datetime(TimeUnit::Microseconds, None));
            df.with_column(at.unwrap()).unwrap();
        }
        assert_eq!(write(&mut df, 1).unwrap(), polars_bytes(&mut df));
    }

    /// The dictionaries built here from the views: text of more than 12 bytes (held outside
    /// the view), missing values, the empty text, and a column with too many distinct values
    /// for a dictionary (plain, as polars decides) give polars' own bytes.
    #[test]
    fn text_dictionaries_are_polars_own_bytes() {
        let rows = 3000;
        let mut df = df!(
            "rep" => (0..rows)
                .map(|i| (i % 5 != 0).then(|| format!("Representative number {}", i % 7)))
                .collect::<Vec<_>>(),
            "status" => (0..rows)
                .map(|i| (i % 11 != 0).then_some(["met", "", "missed", "met"][i % 4]))
                .collect::<Vec<_>>(),
            "runs" => (0..rows).map(|i| ["a", "b"][i / 1000 % 2]).collect::<Vec<_>>(),
            "many" => (0..rows).map(|i| format!("v{}", i * 4 / 5)).collect::<Vec<_>>(),
            "none" => vec![None::<&str>; rows],
            // Distinct where present, missing on 3 or 30 rows in 100: plain (the sample
            // decides), a dictionary (counted here, as polars estimates).
            "handoff_id" => (0..rows)
                .map(|i| (i % 100 >= 3).then(|| format!("handoff-{i:05}")))
                .collect::<Vec<_>>(),
            "sparse_id" => (0..rows)
                .map(|i| (i % 100 >= 30).then(|| format!("handoff-{i:05}")))
                .collect::<Vec<_>>(),
        )
        .unwrap();
        let text = |name: &str| df.column(name).unwrap().str().unwrap().rechunk();
        let dictionary = |name: &str| text_dictionary(text(name).downcast_iter().next().unwrap());
        // Eight in ten rows distinct: more than polars' three in four.
        assert!(dictionary("many").is_none());
        let rep = dictionary("rep").unwrap();
        assert_eq!(rep.values().len(), 7);
        assert_eq!(rep.null_count(), rows / 5);
        assert_eq!(dictionary("status").unwrap().values().len(), 3);
        assert_eq!(write(&mut df, 1).unwrap(), polars_bytes(&mut df));
    }

    fn polars_bytes(df: &mut DataFrame) -> Vec<u8> {
        let mut theirs = Vec::new();
        ParquetWriter::new(&mut theirs)
            .with_compression(ParquetCompression::Zstd(Some(
                ZstdLevel::try_new(1).unwrap(),
            )))
            .finish(df)
            .unwrap();
        theirs
    }
}
