//! `handoff`: Sales→Customer-Success handoff analytics.
//!
//! The pipeline, one module per stage: [`cli`]/[`config`] → [`ingest`] (parse, validate,
//! account for every row) → [`model`] (the per-deal fact table) → [`metrics`] (one file per
//! SPEC §4 section, on top of [`stats`]) → [`render`] (HTML, Markdown, tables, charts).
//! [`generate`] writes synthetic data in the input contract.

pub mod cli;
pub mod config;
pub mod error;
pub mod generate;
pub mod ingest;
pub mod metrics;
pub mod model;
pub mod period;
pub mod render;
pub mod report;
pub mod schema;
pub mod sql;
pub mod stats;

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;

use cli::{Cli, Command, DataArgs};
use config::{ConfigFile, Settings};
use error::{exit, usage};

/// What every data-reading command resolves from its flags and config.
pub struct Resolved {
    pub data: PathBuf,
    pub as_of: NaiveDate,
    pub settings: Settings,
    pub strict: bool,
}

/// Merge flags and the config file (flags win), validating both.
pub fn resolve(args: &DataArgs) -> anyhow::Result<Resolved> {
    let config_path = match &args.config {
        Some(p) => {
            if !p.is_file() {
                return Err(usage(format!("config file {} not found", p.display())));
            }
            Some(p.clone())
        }
        None => {
            let p = args.data.join("handoff.toml");
            p.is_file().then_some(p)
        }
    };
    let file = match &config_path {
        Some(p) => ConfigFile::load(p)?,
        None => ConfigFile::default(),
    };
    let settings = Settings::from_file(&file)?;
    let as_of = match (args.as_of, &file.as_of) {
        (Some(d), _) => d,
        (None, Some(s)) => {
            config::parse_date_arg(s).map_err(|e| usage(format!("config as_of: {e}")))?
        }
        (None, None) => chrono::Utc::now().date_naive(),
    };
    Ok(Resolved {
        data: args.data.clone(),
        as_of,
        settings,
        strict: args.strict,
    })
}

/// Run one command; returns the exit code for success paths (0 or 4).
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Validate(args) => validate(&args, cli.quiet),
        Command::Generate(args) => {
            let as_of = args
                .as_of
                .unwrap_or_else(|| chrono::Utc::now().date_naive());
            let summary = generate::generate(&generate::GenerateOptions {
                deals: args.deals,
                seed: args.seed,
                as_of,
                format: args.format,
                out: args.out.clone(),
            })?;
            if !cli.quiet {
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
            Ok(exit::SUCCESS)
        }
        Command::Report(args) => report_cmd(&args, cli.quiet),
        Command::Query(args) => query_cmd(&args),
    }
}

fn validate(args: &DataArgs, quiet: bool) -> anyhow::Result<u8> {
    let r = resolve(args)?;
    let ing = ingest::ingest(&r.data, &r.settings, r.as_of, r.strict)
        .with_context(|| format!("reading {}", r.data.display()))?;
    for w in &ing.warnings {
        eprintln!("warning: {w}");
    }
    for i in &ing.issues {
        if i.action != ingest::Action::Excluded {
            eprintln!(
                "{}:{}: {}: {} {:?}: {}",
                i.file,
                i.line,
                i.action.as_str(),
                if i.column.is_empty() {
                    "row"
                } else {
                    &i.column
                },
                i.value,
                i.reason
            );
        }
    }
    if !quiet {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{} as of {}", r.data.display(), r.as_of)?;
        writeln!(
            out,
            "{:<12} {:>9} {:>9} {:>9} {:>9}  excluded by reason",
            "table", "read", "used", "rejected", "excluded"
        )?;
        for (t, c) in &ing.counts {
            let reasons: Vec<String> = c
                .excluded_by_reason
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            writeln!(
                out,
                "{t:<12} {:>9} {:>9} {:>9} {:>9}  {}",
                c.rows_read,
                c.rows_used,
                c.rows_rejected,
                c.rows_excluded,
                reasons.join(" ")
            )?;
        }
    }
    if !ing.fatal.is_empty() {
        for f in &ing.fatal {
            eprintln!("error: {f}");
        }
        return Err(error::invalid(format!(
            "input data failed validation ({} problem{})",
            ing.fatal.len(),
            if ing.fatal.len() == 1 { "" } else { "s" }
        )));
    }
    Ok(exit::SUCCESS)
}

fn report_cmd(args: &cli::ReportArgs, quiet: bool) -> anyhow::Result<u8> {
    let r = resolve(&args.data)?;
    let period = args
        .period
        .unwrap_or_else(|| period::Period::default_for(r.as_of));
    let (ing, _facts, computed) = report::compute(&r, period)?;
    for w in &ing.warnings {
        eprintln!("warning: {w}");
    }
    let files = report::render_files(&computed)?;
    let target = report::write_report(&args.out, &period.label(), period.kind_name(), &files)?;
    if !quiet {
        let m = &computed.metrics;
        let mut out = std::io::stdout().lock();
        writeln!(out, "wrote {} ({} files)", target.display(), files.len())?;
        writeln!(
            out,
            "{} {}: {} deals, mean quality {}, completion rate {}, escalations {}",
            m["period"]["kind"].as_str().unwrap_or(""),
            m["period"]["label"].as_str().unwrap_or(""),
            m["cohort"]["period_deals"],
            m["quality"]["mean"],
            m["completion"]["rate"],
            m["escalations"]["count"],
        )?;
        for a in &computed.alerts {
            writeln!(out, "alert: {}", a.message)?;
        }
    }
    if args.fail_on_alert && !computed.alerts.is_empty() {
        return Ok(exit::ALERT);
    }
    Ok(exit::SUCCESS)
}

fn query_cmd(args: &cli::QueryArgs) -> anyhow::Result<u8> {
    use cli::QueryFormat;
    let r = resolve(&args.data)?;
    let (name, text) = sql::sql_text(&args.sql)?;
    let period = args
        .period
        .unwrap_or_else(|| period::Period::default_for(r.as_of));
    let (ing, params, facts) = report::prepare(&r)?;
    let ctx = metrics::Ctx {
        facts: &facts,
        ing: &ing,
        params: &params,
        period,
    };
    let cohorts = metrics::cohort::Cohorts::new(&ctx)?;
    let mut sql_ctx = sql::context(&ing, &facts, &cohorts);
    let df = sql::run(&mut sql_ctx, &name, &text)?;
    let bytes = match args.format {
        QueryFormat::Table => format!("{df}\n").into_bytes(),
        QueryFormat::Csv => render::tables::to_csv(&df)?,
        QueryFormat::Parquet => {
            if args.output.is_none() {
                return Err(usage("--format parquet needs --output FILE"));
            }
            render::tables::to_parquet(&df)?
        }
        QueryFormat::Markdown => sql::to_markdown(&df).into_bytes(),
        QueryFormat::Json => sql::to_json(&df)?,
    };
    match &args.output {
        Some(p) => std::fs::write(p, &bytes).with_context(|| format!("writing {}", p.display()))?,
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    Ok(exit::SUCCESS)
}
