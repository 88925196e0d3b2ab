//! `handoff generate`: write a synthetic data folder ([`crate::generate`]) and print what it
//! wrote, table by table.

use std::io::Write;

use crate::cli::GenerateArgs;
use crate::error::exit;
use crate::generate::{generate, GenerateOptions};

/// Run `handoff generate`.
pub fn run(args: &GenerateArgs, quiet: bool) -> anyhow::Result<u8> {
    let as_of = args.as_of;
    let summary = generate(&GenerateOptions {
        deals: args.deals,
        seed: args.seed,
        as_of,
        format: args.format,
        out: args.out.clone(),
        force: args.force,
    })?;
    if !quiet {
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "wrote {} (as of {as_of}, seed {})",
            args.out.display(),
            args.seed
        )?;
        for (table, rows) in &summary.tables {
            writeln!(out, "  {table:<12} {rows:>10} rows")?;
        }
    }
    for kept in &summary.kept {
        tracing::warn!("{kept}");
    }
    Ok(exit::SUCCESS)
}
