//! The command line as the user typed it (clap derive). `config::Run` turns it into the
//! validated settings the pipeline sees; nothing here touches files.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::generate::DataFormat;

pub const EXIT_CODES: &str = "\
Exit codes:
  0  success (warnings allowed)
  1  unexpected failure
  2  usage error (bad flags, bad config file)
  3  input data failed validation (nothing written)
  4  an alert threshold was breached and --fail-on-alert was given (the report is still written)";

/// Sales→Customer-Success handoff analytics: quality scores, SLAs, time-to-value and
/// first-year churn by handoff quality.
#[derive(Debug, Parser)]
#[command(name = "handoff", version, after_help = EXIT_CODES, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Print only errors on stderr and nothing on stdout.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// More detail on stderr (-v, -vv).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Log format on stderr.
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read the inputs, compute everything, write one report folder OUT/LABEL/.
    #[command(after_help = EXIT_CODES)]
    Report(ReportArgs),
    /// Read and check the inputs, print every problem found, write nothing else.
    #[command(after_help = EXIT_CODES)]
    Validate(DataArgs),
    /// Write a realistic synthetic data set in the input contract (deterministic by --seed).
    Generate(GenerateArgs),
    /// Run SQL (a file from queries/ or inline) over the inputs and the derived tables.
    #[command(after_help = EXIT_CODES)]
    Query(QueryArgs),
}

/// Options shared by every command that reads data.
#[derive(Debug, Clone, Args)]
pub struct DataArgs {
    /// Input folder (one NAME.csv / NAME.csv.gz / NAME.parquet per table).
    #[arg(long, default_value = "sample-data")]
    pub data: PathBuf,
    /// Config file (default: DATA/handoff.toml if present).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// As-of date YYYY-MM-DD (default: the config's as_of, else today UTC).
    #[arg(long, value_parser = crate::config::parse_date_arg)]
    pub as_of: Option<chrono::NaiveDate>,
    /// Fail (exit 3) if any row is rejected.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Output folder; the report goes to OUT/LABEL/.
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
    /// YYYY-MM (monthly review) or YYYY-Qn (quarterly report); default: the last complete
    /// month on or before the as-of date.
    #[arg(long, value_parser = crate::period::Period::parse)]
    pub period: Option<crate::period::Period>,
    /// Exit 4 (after writing the report) when an alert fires.
    #[arg(long)]
    pub fail_on_alert: bool,
    /// Folder of analysts' own `.sql` files, each run into the "Custom analyses" section
    /// (default: the config's custom_queries, else queries/custom when it exists).
    #[arg(long, value_name = "DIR")]
    pub custom_queries: Option<PathBuf>,
    /// After writing, post the headline and alerts to slack=URL or teams=URL (repeatable;
    /// URL may be env:VARIABLE). Replaces the config's `[notify]` targets. A failed post is a
    /// warning and never changes the exit code.
    #[arg(long, value_name = "KIND=URL")]
    pub notify: Vec<String>,
    /// Language of the report (default: the config's `language`, else en). metrics.json is
    /// the same in every language apart from its `language` key.
    #[arg(long, value_enum)]
    pub lang: Option<crate::text::Language>,
}

/// What `handoff generate --help` says about the files it will and will not touch.
pub const GENERATE_FILES: &str = "\
Files:
  generate writes NAME.csv (or NAME.parquet) per table, a handoff.toml that pins as_of,
  and .handoff-generate.json, a manifest of what it wrote. It never overwrites or deletes
  a file it did not write: into a folder that holds any other file (or a file changed
  since it wrote it) it writes nothing and exits 2, naming them. --force replaces only the
  table files it writes; every other file is left as it is, and an existing handoff.toml
  it did not write is kept (generate then writes none and says so).";

#[derive(Debug, Args)]
#[command(after_help = format!("{GENERATE_FILES}\n\n{EXIT_CODES}"))]
pub struct GenerateArgs {
    /// Number of deals (at most 10,000,000).
    #[arg(long, default_value_t = 1500, value_parser = parse_deals)]
    pub deals: usize,
    /// Random seed (same seed and as-of date, same bytes).
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// As-of date of the synthetic company, within 1900-01-01..2199-12-31. The default is a
    /// fixed date, not today, so the output depends on the flags alone.
    #[arg(long, value_parser = crate::config::parse_date_arg, default_value = crate::generate::DEFAULT_AS_OF)]
    pub as_of: chrono::NaiveDate,
    /// File format.
    #[arg(long, value_enum, default_value_t = DataFormat::Csv)]
    pub format: DataFormat,
    /// Output folder.
    #[arg(long, default_value = "sample-data")]
    pub out: PathBuf,
    /// Write into a folder that holds other files: replace the table files generate
    /// writes, leave every other file (a handoff.toml it did not write included) untouched.
    #[arg(long)]
    pub force: bool,
}

/// Most deals `generate` writes (about 3 GB of CSV).
pub const MAX_DEALS: usize = 10_000_000;

fn parse_deals(s: &str) -> Result<usize, String> {
    let n: usize = s
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a whole number of deals"))?;
    if n > MAX_DEALS {
        return Err(format!(
            "{n} is more than the {MAX_DEALS} deals generate writes"
        ));
    }
    Ok(n)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    Table,
    Csv,
    Parquet,
    Markdown,
    Json,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// SQL text, or a path to a .sql file (e.g. queries/rep_scorecard.sql).
    #[arg(long)]
    pub sql: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
    /// Write to this file instead of stdout.
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Period for the derived tables (as for `report`).
    #[arg(long, value_parser = crate::period::Period::parse)]
    pub period: Option<crate::period::Period>,
}
