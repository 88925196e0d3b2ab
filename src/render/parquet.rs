//! The report's Parquet files, written with polars' own page encoders and zstd but with each
//! column's encoding chosen here, and the columns encoded and compressed on two threads
//! (issue #17). `ParquetWriter` asks every float and text column for a dictionary: it
//! estimates the column's distinct values by hashing each one, then (text) builds the
//! dictionary, or (float) fails to and writes plain values. At a million deals that is a
//! million hashes per column for the 25 float columns and the four text columns that are
//! nearly all distinct (the ids and names) of `tables/handoff_facts.parquet`, and the
//! whole file was compressed on one thread while the metrics ran on the other.
//!
//! Here a float column is plain, as polars would end up writing it; a text column whose
//! evenly spaced sample is nearly all distinct is plain, as polars' own rule (more than three
//! in four values distinct) would decide; every other column keeps polars' encoding, and its
//! dictionary decision. The file's bytes are those of `ParquetWriter` with the same
//! compression and row groups whenever these guesses agree with polars' own.

use polars::frame::chunk_df_for_writing;
use polars::prelude::*;
use polars_parquet::write::{
    array_to_columns, compress, fallible_streaming_iterator, get_dtype_encoding, CompressedPage,
    CompressionOptions, DynIter, DynStreamingIterator, Encoding, FileWriter, ParquetType,
    StatisticsOptions, Version, WriteOptions, ZstdLevel,
};

/// Rows per row group: polars' default (`512²`).
const ROW_GROUP: usize = 512 * 512;

/// Text rows sampled to judge whether a column is nearly all distinct.
const SAMPLE: usize = 4096;

/// `df` as Parquet bytes, compressed with zstd at `level`.
pub fn write(df: &mut DataFrame, level: i32) -> PolarsResult<Vec<u8>> {
    let encodings: Vec<Vec<Encoding>> = df.columns().iter().map(encoding).collect();
    let df = chunk_df_for_writing(df, ROW_GROUP)?;
    let schema = df.schema().to_arrow(CompatLevel::newest());
    let options = WriteOptions {
        statistics: StatisticsOptions::default(),
        compression: CompressionOptions::Zstd(Some(ZstdLevel::try_new(level)?)),
        version: Version::V1,
        data_page_size: None,
    };
    let mut buf = Vec::new();
    let mut writer = FileWriter::try_new(&mut buf, schema, options)?;
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
    Ok(buf)
}

/// One column's pages of one row group, encoded and compressed (one list per Parquet leaf).
fn compressed(
    array: &ArrayRef,
    type_: &ParquetType,
    encoding: &[Encoding],
    options: WriteOptions,
) -> PolarsResult<Vec<Vec<CompressedPage>>> {
    let leaves = array_to_columns(array, type_.clone(), options, encoding)?;
    leaves
        .into_iter()
        .map(|pages| {
            pages
                .map(|page| Ok(compress(page?, Vec::new(), options.compression)?))
                .collect()
        })
        .collect()
}

/// The encodings of `column`'s Parquet leaves: polars' (dictionary where it pays, decided
/// by polars) but plain for floats and for nearly-all-distinct text.
fn encoding(column: &Column) -> Vec<Encoding> {
    let dtype = column.dtype().to_arrow(CompatLevel::newest());
    let mut encodings = get_dtype_encoding(&dtype);
    let plain = match column.dtype() {
        DataType::Float32 | DataType::Float64 => true,
        DataType::String => column.str().is_ok_and(mostly_distinct),
        _ => false,
    };
    if plain && encodings.len() == 1 {
        encodings[0] = Encoding::Plain;
    }
    encodings
}

/// Whether more than 99 in 100 of [`SAMPLE`] evenly spaced rows hold distinct text (nulls
/// counting as one value), for columns of more than 128 rows (polars' own floor). A sample
/// of 4 096 rows shows that many repeats only when the column has fewer than about 200 000
/// distinct values (values in random order). A larger column with more distinct values
/// than that but at most three in four of its rows, or one whose repeats sit next to each
/// other, is then written plain where polars would have kept a dictionary: a larger file,
/// the same values. Ids and names, the columns this is for, are nearly all distinct.
fn mostly_distinct(ca: &StringChunked) -> bool {
    let n = ca.len();
    if n <= 128 {
        return false;
    }
    let take = n.min(SAMPLE);
    let mut seen = std::collections::HashSet::with_capacity(take);
    for i in 0..take {
        seen.insert(ca.get(i * n / take));
    }
    seen.len() * 100 > take * 99
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
        )
        .unwrap();
        let got: Vec<Vec<Encoding>> = df.columns().iter().map(encoding).collect();
        assert_eq!(
            got,
            [
                vec![Encoding::Plain],
                vec![Encoding::RleDictionary],
                vec![Encoding::Plain],
                vec![Encoding::RleDictionary],
            ]
        );
        // Too short for polars to weigh the cardinality: it decides.
        let short = Column::new("id".into(), ["a", "b", "c"]);
        assert_eq!(encoding(&short), [Encoding::RleDictionary]);
    }

    #[test]
    fn a_written_file_reads_back_equal() {
        let mut df = df!(
            "id" => (0..2000).map(|i| format!("x{i}")).collect::<Vec<_>>(),
            "band" => (0..2000).map(|i| (i % 3 != 0).then_some("good")).collect::<Vec<_>>(),
            "v" => (0..2000).map(|i| (i % 7 != 0).then_some(i as f64 / 3.0)).collect::<Vec<_>>(),
            "t" => (0..2000i64).map(|i| i * 1_000_000).collect::<Vec<_>>(),
            "b" => (0..2000).map(|i| i % 5 == 0).collect::<Vec<_>>(),
        )
        .unwrap();
        let bytes = write(&mut df, 1).unwrap();
        let back = ParquetReader::new(std::io::Cursor::new(bytes))
            .finish()
            .unwrap();
        assert!(back.equals_missing(&df), "{back}\n{df}");
    }

    #[test]
    fn the_same_bytes_as_polars_writer_where_the_choices_agree() {
        // Floats and ids are plain in both; the repeated text is a dictionary in both.
        let mut df = df!(
            "id" => (0..3000).map(|i| format!("acct-{i}")).collect::<Vec<_>>(),
            "segment" => (0..3000).map(|i| ["smb", "mid", "ent"][i % 3]).collect::<Vec<_>>(),
            "acv" => (0..3000).map(|i| f64::from(i) * 1.5).collect::<Vec<_>>(),
        )
        .unwrap();
        let ours = write(&mut df, 1).unwrap();
        let mut theirs = Vec::new();
        ParquetWriter::new(&mut theirs)
            .with_compression(ParquetCompression::Zstd(Some(
                ZstdLevel::try_new(1).unwrap(),
            )))
            .finish(&mut df)
            .unwrap();
        assert_eq!(ours, theirs);
    }
}
