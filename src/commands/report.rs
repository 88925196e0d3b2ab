//! `handoff report`: ingest → fact table → metrics → custom analyses → render, written to
//! `OUT/LABEL/` by [`crate::output`], then the stdout summary and the notifications.

use std::io::Write;
use std::path::PathBuf;

use super::resolve::{resolve, Resolved};
use crate::cli::{self, ReportArgs};
use crate::error::{exit, usage};
use crate::{ingest, logging, metrics, notify, output, period, render, report, sql, text};

/// The custom-queries folder: `--custom-queries`, else the config's `custom_queries`
/// (relative to the config file), else `queries/custom` under the config file's folder (or
/// the data folder without a config) when it exists — never the working directory, so the
/// report does not depend on where it was run. A folder that was named but does not exist
/// is a usage error.
fn custom_query_files(args: &ReportArgs, r: &Resolved) -> anyhow::Result<Vec<PathBuf>> {
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

/// Run `handoff report`.
pub fn run(args: &ReportArgs, quiet: bool, format: cli::LogFormat) -> anyhow::Result<u8> {
    let r = resolve(&args.data)?;
    let period = args
        .period
        .unwrap_or_else(|| period::Period::default_for(r.as_of));
    let custom_files = custom_query_files(args, &r)?;
    let notify_targets = notify::targets(&args.notify, &r.settings.notify)?;
    let mut progress = logging::Progress::new(quiet, format);
    progress.stage("reading inputs");
    // Custom queries may read any input table and column; without them the snapshot
    // tables leave ingest without the account ids nothing else reads (peak memory).
    let keep = if custom_files.is_empty() {
        ingest::Keep::Model
    } else {
        ingest::Keep::All
    };
    let mut ing = report::load(&r, keep)?;
    progress.suspend(|| {
        for w in &ing.warnings {
            tracing::warn!("{w}");
        }
    });
    progress.stage("building the fact table");
    let params = report::params(&r);
    // Custom queries may read any input table; without them each table's rows are freed as
    // soon as nothing reads them: the snapshot rows once the fact table's snapshot windows
    // are made, the others' once all its parts are (but the rows the metrics read).
    let parts = if custom_files.is_empty() {
        report::fact_parts_freeing(&mut ing, &params)?
    } else {
        report::fact_parts(&ing, &params)?
    };
    let facts = report::fact_table_from(&ing, &params, parts)?;
    crate::memory::give_back();
    progress.stage("computing metrics");
    // The report folder is staged from here on (the output folder locked, a temporary
    // folder made; an error on the way removes it and leaves the previous report as it was).
    let staging = std::sync::Arc::new(output::Staging::begin(
        &args.out,
        &period.label(),
        period.kind_name(),
    )?);
    // `tables/handoff_facts.parquet` (a million rows to encode at a million deals) needs only
    // the fact table and the cohort ranges: it is made and written on a thread of its own
    // while the metrics are computed and the rest is rendered.
    let ranges = metrics::cohort::ranges(&params, period);
    let facts_file = {
        let facts = facts.clone();
        let staging = std::sync::Arc::clone(&staging);
        std::thread::spawn(move || -> anyhow::Result<()> {
            logging::timed("render: handoff_facts", || {
                staging.write_with(std::path::Path::new(sql::FACTS_FILE), |out| {
                    sql::facts_file(&facts, ranges, out)
                })
            })
        })
    };
    // Everything up to the written files, as one step: its error is raised only after the
    // facts thread has ended, so no thread is left writing into a folder being removed.
    let rendered = (|| -> anyhow::Result<_> {
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
        let missing = language.missing_messages();
        if !missing.is_empty() {
            progress.suspend(|| {
                tracing::warn!(
                    "the {:?} catalog lacks {} of the report's messages ({}…): they are written in English",
                    language.code(),
                    missing.len(),
                    missing[0]
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
        for (rel, bytes) in &files {
            staging.write(rel, bytes)?;
        }
        Ok((computed, language))
    })();
    let facts_written = facts_file
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    let (computed, language) = rendered?;
    facts_written?;
    // The thread's handle is gone with its join: this is the one owner left.
    let staging = std::sync::Arc::into_inner(staging).expect("the facts thread has ended");
    let (target, count) = staging.commit()?;
    progress.finish();
    // The stdout lines and the notifications speak the report's language too.
    let _lang = crate::text::scoped(language);
    if !quiet {
        let m = &computed.metrics;
        let mut out = std::io::stdout().lock();
        let path = target.display().to_string();
        let count = count.to_string();
        let wrote = text::text("stdout-wrote", &[("path", &path), ("count", &count)]);
        writeln!(out, "{wrote}")?;
        writeln!(out, "{}", summary_line(m))?;
        let tx = text::Text::current();
        for message in metrics::alerts::sentences(m, &computed.settings, tx) {
            writeln!(
                out,
                "{}",
                text::text("stdout-alert", &[("message", &message)])
            )?;
        }
    }
    if !notify_targets.is_empty() {
        let link = notify::link(&r.settings.notify, &period.label(), &target);
        let headline = notify::Headline::from_report(
            &computed.metrics,
            &computed.alerts,
            &computed.settings,
            link,
        );
        notify::send_all(&notify_targets, &headline, &notify::Policy::from_env());
    }
    if args.fail_on_alert && !computed.alerts.is_empty() {
        return Ok(exit::ALERT);
    }
    Ok(exit::SUCCESS)
}

/// The one-line stdout summary of a report in the current language, rounded as the report
/// rounds (a rate as a percentage with one decimal, a mean score with one decimal, counts
/// grouped).
pub fn summary_line(m: &serde_json::Value) -> String {
    use crate::metrics::operations::Escalations;
    use crate::metrics::typed::{
        CohortSizes, Completion, MetricSection, PeriodInfo, QualityScores, ReportKind,
    };
    use render::{int, num1, pct};
    let period = PeriodInfo::read(m);
    let kind = match period.as_ref().map(|p| p.kind) {
        Some(ReportKind::Monthly) => text::text("stdout-kind-monthly", &[]),
        Some(ReportKind::Quarterly) => text::text("stdout-kind-quarterly", &[]),
        None => String::new(),
    };
    text::text(
        "stdout-summary",
        &[
            ("kind", &kind),
            ("label", period.as_ref().map_or("", |p| p.label.as_str())),
            ("deals", &int(CohortSizes::read(m).map(|c| c.period_deals))),
            ("mean", &num1(QualityScores::read(m).and_then(|q| q.mean))),
            ("rate", &pct(Completion::read(m).and_then(|c| c.rate))),
            ("escalations", &int(Escalations::read(m).map(|e| e.count))),
        ],
    )
}
