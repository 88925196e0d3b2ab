//! The read-only floor of the benchmark (`bench/run`, docs/BENCHMARKS.md): read and decode
//! every `*.parquet` file of one input folder with polars and do nothing else, so the time
//! of `handoff report` can be compared with the cost of just getting the same bytes into
//! memory with the same engine.
//!
//! Usage: `cargo run --release --example read_floor -- DIR`. Prints one line per file with
//! its row and column counts and read time, then the total.

use std::path::PathBuf;
use std::process::ExitCode;

use polars::prelude::*;

fn run(dir: PathBuf) -> anyhow::Result<()> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.retain(|p| p.extension().is_some_and(|e| e == "parquet"));
    files.sort();
    anyhow::ensure!(!files.is_empty(), "no *.parquet in {}", dir.display());
    let mut total = 0usize;
    for path in &files {
        let started = std::time::Instant::now();
        let df =
            LazyFrame::scan_parquet(PlRefPath::try_from_path(path)?, ScanArgsParquet::default())?
                .collect()?;
        println!(
            "{:<22} {:>12} rows {:>3} columns {:>8.0} ms",
            path.file_name().unwrap_or_default().to_string_lossy(),
            df.height(),
            df.width(),
            started.elapsed().as_secs_f64() * 1000.0
        );
        total += df.height();
    }
    println!("{:<22} {:>12} rows", "total", total);
    Ok(())
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: read_floor DIR");
        return ExitCode::from(2);
    };
    match run(PathBuf::from(dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
