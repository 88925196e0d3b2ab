//! The report's Parquet writer alone (`render/parquet.rs`, docs/BENCHMARKS.md): read one
//! Parquet file (say a report's `tables/handoff_facts.parquet`) and write it again, as the
//! report writes its tables, several times, printing each write's wall time and the CPU time
//! of the whole process (both threads of the writer) from `/proc/self/stat`. On a noisy
//! machine the CPU seconds compare writer changes better than a whole report's wall time.
//!
//! Usage: `cargo run --release --example write_parquet -- FILE [RUNS]`.

use std::process::ExitCode;

use polars::prelude::*;

/// User plus system CPU seconds of this process so far (Linux; `None` elsewhere).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    // utime and stime are fields 14 and 15 of the whole line: 11 and 12 here.
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn run(path: &str, runs: usize) -> anyhow::Result<()> {
    let df = LazyFrame::scan_parquet(
        PlRefPath::try_from_path(std::path::Path::new(path))?,
        ScanArgsParquet::default(),
    )?
    .collect()?;
    println!("{path}: {} rows, {} columns", df.height(), df.width());
    for run in 1..=runs {
        let cpu = cpu_seconds();
        let started = std::time::Instant::now();
        let bytes = handoff::render::tables::to_parquet(&df)?;
        let wall = started.elapsed().as_secs_f64();
        let used = cpu.zip(cpu_seconds()).map(|(a, b)| b - a);
        println!(
            "run {run}: {:.0} MB in {wall:.2} s wall, {} CPU-s",
            bytes.len() as f64 / 1e6,
            used.map_or("?".into(), |c| format!("{c:.2}"))
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: write_parquet FILE [RUNS]");
        return ExitCode::from(2);
    };
    let runs = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    match run(path, runs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
