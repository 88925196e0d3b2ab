//! `handoff`: Sales→Customer-Success handoff analytics.
//!
//! The pipeline, one module per stage: [`cli`]/[`config`] → [`ingest`] (parse, validate,
//! account for every row) → [`model`] (the per-deal fact table) → [`metrics`] (one file per
//! METRICS.md §4 section, on top of [`stats`]) → [`render`] (HTML, Markdown, tables, charts).
//! [`generate`] writes synthetic data in the input contract.

pub mod cli;
pub mod config;
pub mod error;
pub mod generate;
pub mod ingest;
pub mod logging;
pub mod metrics;
pub mod model;
pub mod notify;
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
    /// The folder of the config file in use (relative paths in the config start there).
    pub config_dir: Option<PathBuf>,
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
    // A value out of range names the file it came from as well as the key.
    let settings = Settings::from_file(&file).map_err(|e| match &config_path {
        Some(p) if error::exit_code_for(&e) == exit::USAGE => usage(e.to_string().replacen(
            "config:",
            &format!("config {}:", p.display()),
            1,
        )),
        _ => e,
    })?;
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
        config_dir: config_path
            .as_ref()
            .map(|p| p.parent().map(PathBuf::from).unwrap_or_default()),
    })
}

/// Run one command; returns the exit code for success paths (0 or 4).
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Validate(args) => validate(&args, cli.quiet),
        Command::Generate(args) => {
            let as_of = args.as_of;
            let summary = generate::generate(&generate::GenerateOptions {
                deals: args.deals,
                seed: args.seed,
                as_of,
                format: args.format,
                out: args.out.clone(),
                force: args.force,
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
            for kept in &summary.kept {
                tracing::warn!("{kept}");
            }
            Ok(exit::SUCCESS)
        }
        Command::Report(args) => report_cmd(&args, cli.quiet, cli.log_format),
        Command::Query(args) => query_cmd(&args),
    }
}

fn validate(args: &DataArgs, quiet: bool) -> anyhow::Result<u8> {
    let r = resolve(args)?;
    let ing = ingest::ingest(&r.data, &r.settings, r.as_of, r.strict)
        .with_context(|| format!("reading {}", r.data.display()))?;
    for w in &ing.warnings {
        tracing::warn!("{w}");
    }
    for i in &ing.issues {
        if i.action != ingest::Action::Excluded {
            let column = if i.column.is_empty() {
                "row"
            } else {
                &i.column
            };
            tracing::warn!(
                table = i.table,
                file = %i.file,
                line = i.line,
                column,
                value = %i.value,
                action = i.action.as_str(),
                reason = %i.reason,
                "{}:{}: {}: {} {:?}: {}",
                i.file,
                i.line,
                i.action.as_str(),
                column,
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
            "{:<12} {:>9} {:>9} {:>9} {:>9} {:>9}  excluded by reason",
            "table", "read", "used", "rejected", "excluded", "filtered"
        )?;
        for (t, c) in &ing.counts {
            let reasons: Vec<String> = c
                .excluded_by_reason
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            // `filtered` rows are also counted in `excluded` (METRICS.md §3.1).
            let filtered = c.excluded_by_reason.get("filtered").copied().unwrap_or(0);
            writeln!(
                out,
                "{t:<12} {:>9} {:>9} {:>9} {:>9} {:>9}  {}",
                c.rows_read,
                c.rows_used,
                c.rows_rejected,
                c.rows_excluded,
                filtered,
                reasons.join(" ")
            )?;
        }
    }
    if !ing.fatal.is_empty() {
        for f in &ing.fatal {
            tracing::error!("{f}");
        }
        return Err(error::invalid(format!(
            "input data failed validation ({} problem{})",
            ing.fatal.len(),
            if ing.fatal.len() == 1 { "" } else { "s" }
        )));
    }
    Ok(exit::SUCCESS)
}

/// The custom-queries folder: `--custom-queries`, else the config's `custom_queries`
/// (relative to the config file), else `queries/custom` under the config file's folder (or
/// the data folder without a config) when it exists — never the working directory, so the
/// report does not depend on where it was run. A folder that was named but does not exist
/// is a usage error.
fn custom_query_files(args: &cli::ReportArgs, r: &Resolved) -> anyhow::Result<Vec<PathBuf>> {
    let named = match (&args.custom_queries, &r.settings.custom_queries) {
        (Some(p), _) => Some(p.clone()),
        (None, Some(d)) => Some(r.config_dir.clone().unwrap_or_default().join(d)),
        (None, None) => None,
    };
    match named {
        Some(dir) if !dir.is_dir() => Err(usage(format!(
            "custom queries folder {} not found",
            dir.display()
        ))),
        Some(dir) => sql::custom_files(&dir),
        None => {
            let base = r.config_dir.as_ref().unwrap_or(&r.data);
            let dir = base.join(sql::DEFAULT_CUSTOM_DIR);
            if dir.is_dir() {
                sql::custom_files(&dir)
            } else {
                Ok(Vec::new())
            }
        }
    }
}

fn report_cmd(args: &cli::ReportArgs, quiet: bool, format: cli::LogFormat) -> anyhow::Result<u8> {
    let r = resolve(&args.data)?;
    let period = args
        .period
        .unwrap_or_else(|| period::Period::default_for(r.as_of));
    let custom_files = custom_query_files(args, &r)?;
    let notify_targets = notify::targets(&args.notify, &r.settings.notify)?;
    let mut progress = logging::Progress::new(quiet, format);
    progress.stage("reading inputs");
    let ing = report::load(&r)?;
    progress.suspend(|| {
        for w in &ing.warnings {
            tracing::warn!("{w}");
        }
    });
    progress.stage("building the fact table");
    let params = report::params(&r);
    let facts = report::fact_table(&ing, &params)?;
    progress.stage("computing metrics");
    let mut computed = metrics::compute(&facts, &ing, &params, period)?;
    progress.stage("custom analyses");
    let custom = report::custom_analyses(&ing, &computed.cohorts, &custom_files);
    let failed: Vec<&str> = custom
        .iter()
        .filter(|c| c.result.is_err())
        .map(|c| c.file.as_str())
        .collect();
    if r.strict && !failed.is_empty() {
        return Err(usage(format!(
            "--strict: custom quer{} failed, nothing written: {}",
            if failed.len() == 1 { "y" } else { "ies" },
            failed.join(", ")
        )));
    }
    report::attach_custom(&mut computed, custom);
    let language = args.lang.or(r.settings.language).unwrap_or_default();
    if !language.has_catalog() {
        progress.suspend(|| {
            tracing::warn!(
                "the report text is not yet available in {:?}: it is written in English; metrics.json records language {:?} and is otherwise the same",
                language.code(),
                language.code()
            )
        });
    }
    computed
        .metrics
        .as_object_mut()
        .expect("metrics.json is an object")
        .insert("language".into(), serde_json::json!(language.code()));
    progress.stage("rendering");
    let files = report::render_files(&computed)?;
    progress.stage("writing");
    let target = report::write_report(&args.out, &period.label(), period.kind_name(), &files)?;
    progress.finish();
    if !quiet {
        let m = &computed.metrics;
        let mut out = std::io::stdout().lock();
        writeln!(out, "wrote {} ({} files)", target.display(), files.len())?;
        writeln!(out, "{}", summary_line(m))?;
        for a in &computed.alerts {
            writeln!(out, "alert: {}", a.message)?;
        }
    }
    if !notify_targets.is_empty() {
        let link = notify::link(&r.settings.notify, &period.label(), &target);
        let headline = notify::Headline::from_metrics(&computed.metrics, &computed.alerts, link);
        notify::send_all(&notify_targets, &headline, &notify::Policy::from_env());
    }
    if args.fail_on_alert && !computed.alerts.is_empty() {
        return Ok(exit::ALERT);
    }
    Ok(exit::SUCCESS)
}

/// The one-line stdout summary of a report, rounded as the report rounds (a rate as a
/// percentage with one decimal, a mean score with one decimal, counts grouped).
pub fn summary_line(m: &serde_json::Value) -> String {
    use render::{fnum, int, num1, pct, text, unum};
    format!(
        "{} {}: {} deals, mean quality {}, completion rate {}, escalations {}",
        text(m, &["period", "kind"]).unwrap_or(""),
        text(m, &["period", "label"]).unwrap_or(""),
        int(unum(m, &["cohort", "period_deals"])),
        num1(fnum(m, &["quality", "mean"])),
        pct(fnum(m, &["completion", "rate"])),
        int(unum(m, &["escalations", "count"])),
    )
}

/// The SQL engine over a data folder's tables and the cohort views of a period (default:
/// the last complete month on or before the as-of date): what `handoff query` runs on.
pub fn query_engine(
    data: &DataArgs,
    period: Option<period::Period>,
) -> anyhow::Result<sql::Engine> {
    let r = resolve(data)?;
    let period = period.unwrap_or_else(|| period::Period::default_for(r.as_of));
    let (ing, params, facts) = report::prepare(&r)?;
    let ctx = metrics::Ctx {
        facts: &facts,
        ing: &ing,
        params: &params,
        period,
    };
    let cohorts = metrics::cohort::Cohorts::new(&ctx)?;
    sql::Engine::new(&ing, &cohorts)
}

fn query_cmd(args: &cli::QueryArgs) -> anyhow::Result<u8> {
    use cli::QueryFormat;
    let (name, text) = sql::sql_text(&args.sql)?;
    let engine = query_engine(&args.data, args.period)?;
    let df = sql::run(&engine, &name, &text)?;
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
