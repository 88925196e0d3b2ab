//! The integration tests, one binary with a module per area (issue #14): each module was its
//! own `tests/*.rs` binary linking polars, DuckDB and the rest; one binary links them once.
//! Run one area with `cargo test --test it cli::` (a module path is a test-name filter).
//! `common` holds the helpers several areas share; fixtures stay in `tests/fixtures/`.

mod common;

mod browser;
mod cli;
mod docs;
mod examples;
mod exports;
mod fuzz_cli;
mod hostile;
mod languages;
mod notify;
mod proptest_parsers;
mod queries;
mod render;
mod reports_fresh;
mod snapshots;
mod sql_suite;
mod workbooks;
