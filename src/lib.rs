//! `handoff`: Sales→Customer-Success handoff analytics.
//!
//! The pipeline, one module per stage: [`cli`]/[`config`] → [`ingest`] (parse, validate,
//! account for every row) → [`model`] (the per-deal fact table) → [`metrics`] (one file per
//! METRICS.md §4 section, on top of [`stats`]) → [`render`] (HTML, Markdown, tables, charts).
//! [`generate`] writes synthetic data in the input contract; [`commands`] holds one handler
//! per subcommand.

pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod generate;
pub mod ingest;
pub mod logging;
pub mod memory;
pub mod metrics;
pub mod model;
pub mod notify;
pub mod output;
pub mod parallel;
pub mod period;
pub mod render;
pub mod report;
pub mod schema;
pub mod sql;
pub mod stats;
#[cfg(test)]
mod testkit;
pub mod text;
pub mod vocab;

pub use commands::{query_engine, resolve, run, summary_line, Resolved};
