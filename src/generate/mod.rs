//! Synthetic data in the input contract (METRICS.md §3), deterministic by seed.
//!
//! The model is a B2B SaaS company with three years of history before the as-of date. Deals
//! close at a rate that grows about 2.2× over the window, with a pull towards quarter ends; a
//! handful are booked after the as-of date. Segments are smb ~41%, mid_market ~30%, enterprise
//! ~21%, strategic ~5% and a few odd ones (public sector, partner channel, education) that
//! normalise to `other`; ACV is lognormal by segment (medians smb 16k, mid 55k, enterprise
//! 200k, strategic 750k). Twelve sales reps in four teams (three of them hired during the
//! window, ramping up over their first months) and eight CSMs (three in an enterprise pod)
//! each carry a persistent skill. A deal's latent handoff quality is
//! `0.6·rep + 0.4·csm + segment effect + a slow process improvement + noise`; it drives the
//! reviewer checklist (`doc_*`, `mtg_*`, sometimes partial credit or blank), whether the five
//! handoff activities happen and whether they beat their SLA (48 h, 48 h, 3 d, 5 d, 10 d after
//! close; a few meetings happen before close), how many of the seven `info_*` fields are filled,
//! and CS acceptance and rejections. About 4% of deals have no handoff record.
//!
//! Outcomes depend on the handoff score `S` (the METRICS.md §4.4 formula evaluated on the generated
//! record): first-year churn falls linearly from ~30% at `S ≤ 55` to ~11% at `S ≥ 92` (times a
//! segment factor: smb 1.2, mid 1.0, enterprise 0.85, strategic 0.7, normalised to a mean of
//! one), with lower churn in later years; churn lands either mid-year or at the non-renewal date
//! and carries `arr_delta = −ARR`. Survivors renew just before the end of their term (one
//! year; some mid-market, enterprise and strategic contracts run two or three), and a flat
//! auto-renewal is recorded only 40% of the time; they expand in the first year with
//! probability 8% (poor) to 30% (excellent) and sometimes contract. Time to
//! first value is the segment target (strategic 60, enterprise 45, mid 30, smb 21 days) times a
//! lognormal factor with median 0.68; poor handoffs add a 30–60 day delay with probability
//! rising to one as `S` falls to 63, and 2–12% never reach value; a `go_live` milestone follows
//! and a few milestone rows repeat later. Adoption is weekly-ish for four months and sparser
//! after, with seat utilisation ramping to a ceiling that is higher and reached faster after a
//! good handoff and sagging before a churn; health (fortnightly, then sparser) follows
//! handoff quality and utilisation and dips after an unplanned ownership change. CSAT (around
//! day 30 and day 90) and NPS are lower after poor handoffs. About a quarter of accounts
//! change owner (`sales_to_cs`, `sales_to_am`, `rep_to_rep`, `team_to_team`); unplanned changes
//! carry poorer knowledge transfer and a higher churn risk in the following six months.
//!
//! Events after the as-of date are not written, except a handful the reader must ignore. CSV
//! output spells ~7% of eligible cells in messy but legal forms (money strings, segment and
//! boolean spellings, datetimes with offsets, no seconds or fractions); Parquet output is typed
//! and canonical. Both formats of one seed hold the same data. The tables, their columns
//! and kinds are those of `src/schema.rs`, the contract the reader checks.
//!
//! The files: `rng.rs` and `calendar.rs` (random streams, day and instant arithmetic),
//! `company.rs` (segments, reps, CSMs), `vocabulary.rs` (names and texts), `deal.rs` (one
//! deal and its handoff) and `outcomes.rs` (what follows the close), `emit.rs` (a deal's
//! rows), `cells.rs` (values and how each `schema.rs` column is written), `messy.rs` (CSV
//! spellings), `sinks.rs` (CSV and Parquet writers) and `manifest.rs` (what a run may touch).

mod calendar;
mod cells;
mod company;
mod deal;
mod emit;
mod manifest;
mod messy;
mod outcomes;
mod rng;
mod sinks;
#[cfg(test)]
mod tests;
mod vocabulary;

use std::fs;

use anyhow::{Context, Result};

use crate::schema::TABLES;
use emit::Generator;
use sinks::Table;

pub use manifest::MANIFEST;

/// Output format of `handoff generate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DataFormat {
    Csv,
    Parquet,
}

/// The as-of date `generate` uses without `--as-of`: fixed, so the output depends on the
/// flags alone (METRICS.md §2, deterministic by seed), and the date of the committed sample data.
pub const DEFAULT_AS_OF: &str = "2026-10-31";

/// Options of [`generate`].
pub struct GenerateOptions {
    pub deals: usize,
    pub seed: u64,
    pub as_of: chrono::NaiveDate,
    pub format: DataFormat,
    pub out: std::path::PathBuf,
    /// Write into a folder holding files generate did not write (replacing only the table
    /// files, never touching any other file).
    pub force: bool,
}

/// What [`generate`] wrote: `(table name, rows written)` in a fixed order, and the files it
/// left untouched under `--force` (one message each).
#[derive(Debug, Clone, serde::Serialize)]
pub struct GenerateSummary {
    pub tables: Vec<(String, u64)>,
    pub kept: Vec<String>,
}

/// Writes deals, handoffs, milestones, health, adoption, renewals, surveys, transitions
/// (`NAME.csv` or `NAME.parquet`), a `handoff.toml` containing `as_of = "YYYY-MM-DD"` and the
/// manifest [`MANIFEST`] into `opts.out` (created if missing). It never overwrites or
/// deletes a file it did not write (see `manifest`): a folder holding other files is a usage
/// error unless `opts.force`. Each file is written under a temporary name and renamed into
/// place; the other format of a table an earlier run wrote is removed so the folder holds
/// one data set.
pub fn generate(opts: &GenerateOptions) -> Result<GenerateSummary> {
    let names: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
    let ours = match opts.format {
        DataFormat::Csv => "csv",
        DataFormat::Parquet => "parquet",
    };
    let plan = manifest::plan(&opts.out, &names, ours, opts.force)?;
    fs::create_dir_all(&opts.out)
        .with_context(|| format!("creating output folder {}", opts.out.display()))?;
    let mut tables = Vec::with_capacity(TABLES.len());
    for spec in &TABLES {
        match Table::open(&opts.out, spec, opts.format) {
            Ok(t) => tables.push(t),
            Err(e) => {
                discard(&tables);
                return Err(e);
            }
        }
    }
    let mut generator = Generator::new(opts, tables);
    let result = generator.run(opts.deals);
    if let Err(e) = result {
        discard(&generator.tables);
        return Err(e);
    }
    let mut summary = Vec::with_capacity(TABLES.len());
    let tables = std::mem::take(&mut generator.tables);
    let mut finished = Vec::with_capacity(tables.len());
    for t in tables {
        let name = t.spec.name;
        let (tmp, dest) = (t.tmp.clone(), t.dest.clone());
        match t.finish() {
            Ok(rows) => {
                summary.push((name.to_string(), rows));
                finished.push((tmp, dest));
            }
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                for (tmp, _) in &finished {
                    let _ = fs::remove_file(tmp);
                }
                return Err(e);
            }
        }
    }
    let mut written = Vec::with_capacity(finished.len() + 1);
    for (tmp, dest) in &finished {
        fs::rename(tmp, dest).with_context(|| format!("renaming into place {}", dest.display()))?;
        let name = dest.file_name().unwrap_or_default().to_string_lossy();
        written.push(manifest::entry(dest, &name)?);
    }
    for stale in &plan.remove {
        fs::remove_file(stale).with_context(|| format!("removing stale {}", stale.display()))?;
    }
    if plan.write_config {
        let toml_path = opts.out.join(manifest::CONFIG);
        let toml = format!(
            "# Synthetic data written by `handoff generate` (deals = {}, seed = {}).\nas_of = \"{}\"\n",
            opts.deals,
            opts.seed,
            opts.as_of.format("%Y-%m-%d")
        );
        fs::write(&toml_path, toml).with_context(|| format!("writing {}", toml_path.display()))?;
        written.push(manifest::entry(&toml_path, manifest::CONFIG)?);
    }
    manifest::write(&opts.out, written)?;
    Ok(GenerateSummary {
        tables: summary,
        kept: plan.kept,
    })
}

fn discard(tables: &[Table]) {
    for t in tables {
        let _ = fs::remove_file(&t.tmp);
    }
}
