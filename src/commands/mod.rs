//! The subcommands, one file each: `report` (the whole pipeline, written to `OUT/LABEL/`),
//! `validate` (ingest only, a row count per table), `generate` (synthetic data) and `query`
//! (SQL over the tables and cohorts). [`run`] dispatches a parsed command line; `resolve`
//! merges the flags and the config file every data-reading command starts from.

mod generate;
mod query;
mod report;
mod resolve;
mod validate;

pub use query::query_engine;
pub use report::summary_line;
pub use resolve::{resolve, Resolved};

use crate::cli::{Cli, Command};

/// Run one command; returns the exit code for success paths (0 or 4).
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Validate(args) => validate::run(&args, cli.quiet),
        Command::Generate(args) => generate::run(&args, cli.quiet),
        Command::Report(args) => report::run(&args, cli.quiet, cli.log_format),
        Command::Query(args) => query::run(&args),
    }
}
