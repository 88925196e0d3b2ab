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
//! and canonical. Both formats of one seed hold the same data.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use chrono::{Datelike, NaiveDate};
use polars::io::parquet::write::BatchedWriter;
use polars::prelude::{
    BooleanChunked, Column, DataFrame, DataType, Field, Float64Chunked, Int32Chunked, Int64Chunked,
    IntoColumn, NewChunkedArray, ParquetCompression, ParquetWriter, PlSmallStr, Schema,
    StringChunkedBuilder, TimeUnit, TimeZone,
};

/// Output format of `handoff generate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DataFormat {
    Csv,
    Parquet,
}

mod manifest;
pub use manifest::MANIFEST;

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

// ---------------------------------------------------------------------------------------------
// Random numbers: SplitMix64 for seeding, xoshiro256** for draws.

fn splitmix(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

const STREAM_COMPANY: u64 = 1;
const STREAM_DEAL: u64 = 2;
const STREAM_FORMAT: u64 = 3;

#[derive(Clone)]
struct Rng {
    s: [u64; 4],
}

impl Rng {
    fn new(seed: u64) -> Self {
        let mut x = seed;
        let s = [
            splitmix(&mut x),
            splitmix(&mut x),
            splitmix(&mut x),
            splitmix(&mut x),
        ];
        if s == [0; 4] {
            return Rng { s: [1, 2, 3, 4] };
        }
        Rng { s }
    }

    /// An independent stream for (seed, purpose, index).
    fn derive(seed: u64, stream: u64, idx: u64) -> Self {
        let mut x = seed;
        let a = splitmix(&mut x);
        let mut y = a ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03);
        let b = splitmix(&mut y);
        let mut z = b ^ idx.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
        Rng::new(splitmix(&mut z))
    }

    fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform in [0, 1).
    fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.uniform()
    }

    /// Uniform integer in [lo, hi] (lo when hi < lo).
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo) as u64 + 1;
        lo + ((self.next_u64() as u128 * span as u128) >> 64) as i64
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    fn bernoulli(&mut self, p: f64) -> bool {
        self.uniform() < p
    }

    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform();
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    fn lognormal(&mut self, mu: f64, sigma: f64) -> f64 {
        (mu + sigma * self.normal()).exp()
    }

    fn choice<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.uniform() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len().saturating_sub(1)
    }
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on days since 1970-01-01 and microseconds since the epoch (UTC).

const SEC_US: i64 = 1_000_000;
const MIN_US: i64 = 60 * SEC_US;
const HOUR_US: i64 = 3600 * SEC_US;
const DAY_US: i64 = 86_400 * SEC_US;
const DAY_US_F: f64 = DAY_US as f64;
/// `NaiveDate::num_days_from_ce` of 1970-01-01.
const UNIX_EPOCH_CE_DAYS: i64 = 719_163;

use crate::ingest::parse::days_from_civil;

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The last day of the calendar quarter containing `day`.
fn quarter_end(day: i64) -> i64 {
    let (y, m, _) = civil_from_days(day);
    let qm = m.div_ceil(3) * 3;
    if qm == 12 {
        days_from_civil(y + 1, 1, 1) - 1
    } else {
        days_from_civil(y, qm + 1, 1) - 1
    }
}

/// Timestamps come from systems with different precision: most to the second, some to the
/// minute (calendar tools), a few to the millisecond.
fn stamp(r: &mut Rng, t_us: i64) -> i64 {
    let x = r.uniform();
    if x < 0.12 {
        t_us - t_us.rem_euclid(MIN_US)
    } else if x < 0.17 {
        t_us - t_us.rem_euclid(SEC_US) + r.int(1, 999) * 1000
    } else {
        t_us - t_us.rem_euclid(SEC_US)
    }
}

fn days_to_us(days: f64) -> i64 {
    (days * DAY_US_F) as i64
}

// ---------------------------------------------------------------------------------------------
// The company.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Seg {
    Smb,
    Mid,
    Ent,
    Strategic,
    Other,
}

const SEG_WEIGHTS: [f64; 5] = [0.41, 0.30, 0.21, 0.05, 0.03];
const SEGS: [Seg; 5] = [Seg::Smb, Seg::Mid, Seg::Ent, Seg::Strategic, Seg::Other];
const OTHER_SEGMENTS: [&str; 3] = ["public_sector", "partner_channel", "education"];
/// Mean of the churn factor over the segment mix, so the factor averages one.
const SEG_CHURN_NORM: f64 = 0.41 * 1.2 + 0.30 + 0.21 * 0.85 + 0.05 * 0.7 + 0.03 * 1.1;

impl Seg {
    fn canonical(self) -> &'static str {
        match self {
            Seg::Smb => "smb",
            Seg::Mid => "mid_market",
            Seg::Ent => "enterprise",
            Seg::Strategic => "strategic",
            Seg::Other => "other",
        }
    }
    /// Lognormal (median, sigma) of ACV.
    fn acv(self) -> (f64, f64) {
        match self {
            Seg::Smb => (16_000.0, 0.35),
            Seg::Mid => (55_000.0, 0.40),
            Seg::Ent => (200_000.0, 0.40),
            Seg::Strategic => (750_000.0, 0.35),
            Seg::Other => (40_000.0, 0.60),
        }
    }
    fn ttfv_target(self) -> f64 {
        match self {
            Seg::Smb => 21.0,
            Seg::Mid | Seg::Other => 30.0,
            Seg::Ent => 45.0,
            Seg::Strategic => 60.0,
        }
    }
    fn quality_effect(self) -> f64 {
        match self {
            Seg::Smb => -0.15,
            Seg::Mid => 0.0,
            Seg::Ent => 0.2,
            Seg::Strategic => 0.35,
            Seg::Other => -0.1,
        }
    }
    fn churn_factor(self) -> f64 {
        let f = match self {
            Seg::Smb => 1.2,
            Seg::Mid => 1.0,
            Seg::Ent => 0.85,
            Seg::Strategic => 0.7,
            Seg::Other => 1.1,
        };
        f / SEG_CHURN_NORM
    }
    fn seat_price(self) -> f64 {
        match self {
            Seg::Smb => 650.0,
            Seg::Mid | Seg::Other => 850.0,
            Seg::Ent => 1_050.0,
            Seg::Strategic => 1_300.0,
        }
    }
    fn go_live_share(self) -> f64 {
        match self {
            Seg::Smb => 0.25,
            Seg::Mid => 0.45,
            Seg::Ent => 0.7,
            Seg::Strategic => 0.8,
            Seg::Other => 0.4,
        }
    }
    fn enterprise_pod(self) -> bool {
        matches!(self, Seg::Ent | Seg::Strategic)
    }
}

struct Person {
    name: String,
    team: &'static str,
    region: &'static str,
    skill: f64,
    /// First day of work relative to the window start (negative: hired before it).
    start: i64,
}

struct Company {
    reps: Vec<Person>,
    csms: Vec<Person>,
    ams: Vec<String>,
}

const TEAMS: [(&str, &str); 4] = [
    ("Team A", "NA"),
    ("Team B", "NA"),
    ("Team C", "EMEA"),
    ("Team D", "APAC"),
];
const REGIONS: [&str; 4] = ["NA", "EMEA", "APAC", "LATAM"];
const REP_STARTS: [i64; 12] = [
    -400, -700, -200, -900, -300, -500, -150, -600, -250, 300, 550, 800,
];
const ENTERPRISE_CSMS: usize = 3;

impl Company {
    fn new(seed: u64) -> Self {
        let mut r = Rng::derive(seed, STREAM_COMPANY, 0);
        let reps = (0..REP_STARTS.len())
            .map(|k| Person {
                name: format!("rep_{:02}", k + 1),
                team: TEAMS[k % 4].0,
                region: TEAMS[k % 4].1,
                skill: 0.8 * r.normal(),
                start: REP_STARTS[k],
            })
            .collect();
        let csms = (0..8)
            .map(|k| Person {
                name: format!("csm_{:02}", k + 1),
                team: if k < ENTERPRISE_CSMS {
                    "Enterprise CS"
                } else {
                    "Scale CS"
                },
                region: "",
                skill: 0.5 * r.normal(),
                start: -1000,
            })
            .collect();
        let ams = (0..3).map(|k| format!("am_{:02}", k + 1)).collect();
        Company { reps, csms, ams }
    }

    /// A rep among those hired by `rel_day` (days since the window start).
    fn pick_rep(&self, r: &mut Rng, rel_day: i64) -> usize {
        let active = self.reps.iter().filter(|p| p.start <= rel_day).count();
        let mut k = r.below(active.max(1));
        for (i, p) in self.reps.iter().enumerate() {
            if p.start <= rel_day {
                if k == 0 {
                    return i;
                }
                k -= 1;
            }
        }
        0
    }

    fn pick_csm(&self, r: &mut Rng, seg: Seg) -> usize {
        if seg.enterprise_pod() {
            r.below(ENTERPRISE_CSMS)
        } else {
            ENTERPRISE_CSMS + r.below(self.csms.len() - ENTERPRISE_CSMS)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One simulated deal with everything that will be written about it.

const WINDOW_DAYS: i64 = 1095;
const GROWTH: f64 = 2.2;
/// Probability that an event dated after the as-of day is written anyway (the reader must
/// ignore it).
const LEAK: f64 = 0.002;
const DEADLINE_H: [i64; 5] = [48, 48, 72, 120, 240];
const CHECK_WEIGHTS: [f64; 7] = [15.0, 10.0, 15.0, 10.0, 10.0, 10.0, 10.0];
const INFO_OFFSET: [f64; 7] = [0.8, 0.3, 0.4, 0.2, -0.5, -0.2, -0.7];

const NAME_PREFIXES: [&str; 30] = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Soylent",
    "Stark",
    "Wayne",
    "Wonka",
    "Tyrell",
    "Cyberdyne",
    "Vandelay",
    "Pied Piper",
    "Dunder Mifflin",
    "Müller",
    "O'Brien",
    "Zoë's",
    "Nakatomi",
    "Bluth",
    "Prestige Worldwide",
    "Sterling Cooper",
    "Los Pollos",
    "Gringotts",
    "Oceanic",
    "Massive Dynamic",
    "Aperture",
    "Black Mesa",
    "Monarch",
    "Krüger-Wolff",
    "Yoyodyne",
];
const NAME_SUFFIXES: [&str; 13] = [
    "",
    " Inc.",
    ", Inc.",
    " GmbH",
    " Ltd",
    " & Sons",
    " Corp",
    " LLC",
    " S.A.",
    " Holdings",
    " Group",
    " AG",
    " \"Labs\"",
];
const HOSTILE_NAMES: [&str; 6] = [
    "<b>Initech</b>",
    "=HYPERLINK(\"x\")",
    "<script>alert(1)</script> Co",
    "+Plus Partners",
    "@Risk Advisory",
    "-Dash, Minus & Co",
];

const INFO_TEXT: [[&str; 4]; 7] = [
    [
        "See doc",
        "filled in notes",
        "Replacing spreadsheets across 3 sites",
        "Family-owned, \"cautious\" buyer",
    ],
    [
        "See doc",
        "Champion: Dir. Ops; economic buyer: CFO",
        "filled in notes",
        "Sponsor VP Sales, admin J. Doe",
    ],
    [
        "Cut onboarding time by 30%",
        "See doc",
        "Consolidate tools, improve reporting",
        "filled in notes",
    ],
    [
        "Phase 1: 2 teams, 50 seats",
        "filled in notes",
        "All regions; SSO required",
        "See doc",
    ],
    [
        "SSO via Okta, Salesforce sync",
        "See doc",
        "On-prem AD; API rate limits",
        "filled in notes",
    ],
    [
        "Go-live before quarter end",
        "filled in notes",
        "Kickoff week 2, training week 4",
        "See doc",
    ],
    [
        "Budget review in 6 months",
        "Champion leaving; low exec buy-in",
        "filled in notes",
        "Data migration risk; legacy vendor contract overlaps",
    ],
];

/// A rare note pasted with a line break (legal: RFC 4180 quoting).
const MULTILINE_NOTE: &str = "Notes from the call:\nsee the deal desk summary";

#[derive(Clone, Copy, Default)]
struct Handoff {
    csm: bool,
    /// meeting, intro, cs_prep, kickoff_scheduled, kickoff_held (as generated; may be after A).
    events: [Option<i64>; 5],
    checks: [Option<f64>; 7],
    acceptance: Option<&'static str>,
    rejections: Option<i64>,
    info: [Option<&'static str>; 7],
}

#[derive(Clone, Copy)]
struct TransitionRow {
    at: i64,
    from: usize,
    to: usize,
    kind: &'static str,
    planned: bool,
    joint: bool,
    kt: f64,
    satisfaction: Option<f64>,
}

/// Owner references in a transition: index into reps, then csms, then ams.
fn owner_name(co: &Company, k: usize) -> &str {
    let (nr, nc) = (co.reps.len(), co.csms.len());
    if k < nr {
        &co.reps[k].name
    } else if k < nr + nc {
        &co.csms[k - nr].name
    } else {
        co.ams.get(k - nr - nc).map_or("", |s| s.as_str())
    }
}

#[derive(Default)]
struct Sim {
    deal_id: String,
    account_id: String,
    handoff_id: String,
    name: String,
    has_name: bool,
    seg: Option<Seg>,
    seg_label: &'static str,
    acv: f64,
    close_us: i64,
    close_day: i64,
    rep: usize,
    region: Option<&'static str>,
    csm: usize,
    handoff: Option<Handoff>,
    /// Written values of the handoff events (`None` when after the as-of instant).
    written_events: [Option<i64>; 5],
    score: f64,
    // Rows to write (already filtered by the as-of date).
    milestones: Vec<(&'static str, i64)>,
    health: Vec<(i64, f64)>,
    adoption: Vec<(i64, i64, i64)>,
    renewals: Vec<(i64, &'static str, Option<f64>)>,
    surveys: Vec<(i64, &'static str, f64)>,
    transitions: Vec<TransitionRow>,
    // Eventual outcomes (tests and documentation; not all are visible by the as-of date).
    churn_day: Option<i64>,
    ttfv_days: Option<f64>,
    expanded_first_year: bool,
}

struct Model {
    company: Company,
    seed: u64,
    as_of_day: i64,
    /// The as-of instant A (end of the as-of day).
    a_us: i64,
    window_start: i64,
}

impl Model {
    fn new(seed: u64, as_of: NaiveDate) -> Self {
        let as_of_day = as_of.num_days_from_ce() as i64 - UNIX_EPOCH_CE_DAYS;
        Model {
            company: Company::new(seed),
            seed,
            as_of_day,
            a_us: (as_of_day + 1) * DAY_US,
            window_start: as_of_day - WINDOW_DAYS,
        }
    }

    fn visible_day(&self, r: &mut Rng, day: i64) -> bool {
        day <= self.as_of_day || r.bernoulli(LEAK)
    }

    fn visible_us(&self, r: &mut Rng, t: i64) -> bool {
        t < self.a_us || r.bernoulli(LEAK)
    }

    /// Simulates deal number `i` into `s` (buffers are reused).
    fn simulate(&self, i: u64, s: &mut Sim) {
        let co = &self.company;
        let mut r = Rng::derive(self.seed, STREAM_DEAL, i);
        s.milestones.clear();
        s.health.clear();
        s.adoption.clear();
        s.renewals.clear();
        s.surveys.clear();
        s.transitions.clear();
        s.churn_day = None;
        s.ttfv_days = None;
        s.expanded_first_year = false;
        s.deal_id.clear();
        let _ = write!(s.deal_id, "D{i:07}");
        s.account_id.clear();
        let _ = write!(s.account_id, "ACC-{i:06}");
        s.handoff_id.clear();
        let _ = write!(s.handoff_id, "H{i:07}");

        // --- The deal.
        let u = r.uniform();
        let frac = (1.0 + u * (GROWTH - 1.0)).ln() / GROWTH.ln();
        let mut day = self.window_start + ((frac * WINDOW_DAYS as f64) as i64).min(WINDOW_DAYS);
        if r.bernoulli(0.18) {
            let qe = quarter_end(day) - r.int(0, 9);
            if qe <= self.as_of_day {
                day = qe;
            }
        }
        if r.bernoulli(0.003) {
            day = self.as_of_day + r.int(1, 30);
        }
        let close_us = if r.bernoulli(0.10) {
            day * DAY_US
        } else {
            let secs = r.int(7 * 3600, 23 * 3600 + 3599);
            stamp(&mut r, day * DAY_US + secs * SEC_US)
        };
        s.close_us = close_us;
        s.close_day = day;
        let seg = SEGS[r.weighted(&SEG_WEIGHTS)];
        s.seg = Some(seg);
        s.seg_label = if seg == Seg::Other {
            r.choice(&OTHER_SEGMENTS)
        } else {
            seg.canonical()
        };
        let (median, sigma) = seg.acv();
        let mut acv = r.lognormal(median.ln(), sigma);
        if r.bernoulli(0.2) {
            acv = (acv / 1000.0).round().max(1.0) * 1000.0;
        }
        s.acv = round2(acv);
        let rel_day = day - self.window_start;
        s.rep = co.pick_rep(&mut r, rel_day);
        let rep = &co.reps[s.rep];
        s.region = if r.bernoulli(0.08) {
            None
        } else if r.bernoulli(0.75) {
            Some(rep.region)
        } else {
            Some(r.choice(&REGIONS))
        };
        s.csm = co.pick_csm(&mut r, seg);
        s.name.clear();
        s.has_name = !r.bernoulli(0.01);
        if r.bernoulli(0.02) {
            s.name.push_str(r.choice(&HOSTILE_NAMES));
        } else {
            s.name.push_str(r.choice(&NAME_PREFIXES));
            s.name.push_str(r.choice(&NAME_SUFFIXES));
        }
        let _ = write!(s.name, " {i}");

        // --- Latent handoff quality.
        let tenure = (rel_day - rep.start).max(0) as f64;
        let rep_eff = rep.skill - 0.6 * (-tenure / 150.0).exp();
        let trend = 0.25 * (rel_day as f64 / WINDOW_DAYS as f64).clamp(0.0, 1.1);
        let q = 0.6 * rep_eff
            + 0.4 * co.csms[s.csm].skill
            + seg.quality_effect()
            + trend
            + 0.7 * r.normal();

        // --- The handoff record.
        s.handoff = None;
        s.written_events = [None; 5];
        s.score = 0.0;
        if !r.bernoulli((0.04 - 0.02 * rep_eff).clamp(0.01, 0.10)) {
            let mut h = Handoff {
                csm: !r.bernoulli(0.015),
                ..Handoff::default()
            };
            let d = q + 0.4 * r.normal();
            for c in h.checks.iter_mut() {
                let x = r.uniform();
                *c = if x < 0.03 {
                    None
                } else if x < 0.07 {
                    Some(r.choice(&[0.25, 0.5, 0.75]))
                } else if r.bernoulli(sigmoid(1.75 + 1.2 * d)) {
                    Some(1.0)
                } else {
                    Some(0.0)
                };
            }
            let pi = q + 0.5 * r.normal();
            for (k, ev) in h.events.iter_mut().enumerate() {
                let miss_base = if k == 4 { -2.6 } else { -3.0 };
                if r.bernoulli(sigmoid(miss_base - 1.2 * pi)) {
                    continue;
                }
                let dl = DEADLINE_H[k] * HOUR_US;
                let on_time = sigmoid(1.2 + 1.8 * pi + 0.3 * r.normal());
                let t = if r.bernoulli(on_time) {
                    if k < 2 && r.bernoulli(0.06) {
                        close_us - (r.range(2.0, 96.0) * HOUR_US as f64) as i64
                    } else {
                        close_us + (dl as f64 * r.range(0.03, 1.0).powf(1.4)) as i64
                    }
                } else {
                    close_us + dl + 10 * MIN_US + days_to_us(r.lognormal(2.5f64.ln(), 0.8))
                };
                *ev = Some(stamp(&mut r, t));
            }
            if let (Some(sched), Some(held)) = (h.events[3], h.events[4]) {
                if held < sched {
                    let t = sched + (r.range(1.0, 48.0) * HOUR_US as f64) as i64;
                    h.events[4] = Some(stamp(&mut r, t));
                }
            }
            h.acceptance = if r.bernoulli(0.12) {
                None
            } else if r.bernoulli(sigmoid(1.0 + 1.5 * q)) {
                Some("accepted")
            } else if r.bernoulli(0.5) {
                Some("needs_revision")
            } else {
                Some("rejected")
            };
            h.rejections = if r.bernoulli(0.05) {
                None
            } else {
                Some(match h.acceptance {
                    Some("accepted") | None => i64::from(r.bernoulli(0.15)),
                    Some("needs_revision") => r.int(0, 2),
                    _ => r.int(1, 3),
                })
            };
            for (k, info) in h.info.iter_mut().enumerate() {
                if r.bernoulli(sigmoid(1.3 + 1.3 * d + INFO_OFFSET[k])) {
                    *info = Some(if r.bernoulli(0.15) {
                        "N/A"
                    } else if r.bernoulli(0.004) {
                        MULTILINE_NOTE
                    } else {
                        r.choice(&INFO_TEXT[k])
                    });
                }
            }
            let mut score: f64 = h
                .checks
                .iter()
                .zip(CHECK_WEIGHTS)
                .map(|(c, w)| w * c.unwrap_or(0.0))
                .sum();
            if h.events[0].is_some_and(|t| t <= close_us + DEADLINE_H[0] * HOUR_US) {
                score += 15.0;
            }
            if h.events[1].is_some_and(|t| t <= close_us + DEADLINE_H[1] * HOUR_US) {
                score += 5.0;
            }
            s.score = score;
            for (w, ev) in s.written_events.iter_mut().zip(h.events) {
                *w = ev.filter(|&t| self.visible_us(&mut r, t));
            }
            s.handoff = Some(h);
        }
        if day > self.as_of_day {
            // Booked after the as-of date: nothing has happened yet.
            return;
        }
        self.outcomes(&mut r, s, seg, q);
    }

    fn outcomes(&self, r: &mut Rng, s: &mut Sim, seg: Seg, q: f64) {
        let co = &self.company;
        let score = s.score;
        let good = ((score - 60.0) / 35.0).clamp(0.0, 1.0);
        let poor = ((88.0 - score) / 25.0).clamp(0.0, 1.0);
        let day = s.close_day;
        let close_us = s.close_us;

        // --- Churn (days after the close date).
        let p1 = (0.11 + 0.17 * ((92.0 - score) / 37.0).clamp(0.0, 1.15)) * seg.churn_factor();
        let mut churn_day = if r.bernoulli(p1) {
            Some(if r.bernoulli(0.4) {
                r.int(30, 300)
            } else {
                r.int(301, 365)
            })
        } else if r.bernoulli(0.5 * p1) {
            Some(365 + r.int(30, 365))
        } else if r.bernoulli(0.4 * p1) {
            Some(730 + r.int(30, 365))
        } else {
            None
        };

        // --- Ownership change (may trigger churn).
        let mut transition = None;
        if r.bernoulli(0.24) {
            let kind_i = r.weighted(&[0.10, 0.20, 0.40, 0.30]);
            let off = if kind_i == 0 {
                r.range(0.5, 14.0)
            } else {
                r.range(20.0, 700.0)
            };
            if churn_day.is_none_or(|c| off < c as f64) {
                let planned = r.bernoulli(0.62 + 0.25 * good);
                let joint = r.bernoulli(if planned { 0.65 } else { 0.2 });
                let kt = if planned && joint {
                    r.range(75.0, 100.0)
                } else if planned {
                    r.range(55.0, 95.0)
                } else {
                    r.range(40.0, 85.0)
                }
                .round();
                let satisfaction = if r.bernoulli(0.3) {
                    None
                } else {
                    Some(round1(
                        (1.6 + 3.0 * kt / 100.0 + 0.5 * r.normal()).clamp(1.0, 5.0),
                    ))
                };
                let (nr, nc) = (co.reps.len(), co.csms.len());
                let csm = nr + s.csm;
                let (from, to, kind) = match kind_i {
                    0 => (s.rep, csm, "sales_to_cs"),
                    1 => (
                        if r.bernoulli(0.5) { s.rep } else { csm },
                        nr + nc + r.below(co.ams.len()),
                        "sales_to_am",
                    ),
                    2 => {
                        let pod = if s.csm < ENTERPRISE_CSMS {
                            (0, ENTERPRISE_CSMS)
                        } else {
                            (ENTERPRISE_CSMS, nc)
                        };
                        let mut other = pod.0 + r.below(pod.1 - pod.0);
                        if other == s.csm {
                            other = pod.0 + (other - pod.0 + 1) % (pod.1 - pod.0);
                        }
                        (csm, nr + other, "rep_to_rep")
                    }
                    _ => {
                        let other = if s.csm < ENTERPRISE_CSMS {
                            ENTERPRISE_CSMS + r.below(nc - ENTERPRISE_CSMS)
                        } else {
                            r.below(ENTERPRISE_CSMS)
                        };
                        (csm, nr + other, "team_to_team")
                    }
                };
                if r.bernoulli(if planned { 0.03 } else { 0.12 }) {
                    let c = off as i64 + r.int(20, 170);
                    churn_day = Some(churn_day.map_or(c, |x| x.min(c)));
                }
                let at = stamp(r, close_us + days_to_us(off));
                transition = Some(TransitionRow {
                    at,
                    from,
                    to,
                    kind,
                    planned,
                    joint,
                    kt,
                    satisfaction,
                });
            }
        }
        s.churn_day = churn_day;
        let alive_at = |d: f64| churn_day.is_none_or(|c| d < c as f64);

        // --- Milestones.
        let mut ttfv = seg.ttfv_target() * r.lognormal(0.68f64.ln(), 0.35);
        if r.bernoulli(poor) {
            ttfv += r.range(30.0, 60.0);
        }
        let never = r.bernoulli(0.02 + 0.10 * poor);
        if !never && alive_at(ttfv) {
            s.ttfv_days = Some(ttfv);
            let t = stamp(r, close_us + days_to_us(ttfv));
            if self.visible_us(r, t) {
                s.milestones.push(("first_value", t));
            }
            if r.bernoulli(0.03) {
                let gap = days_to_us(r.range(1.0, 20.0));
                let t2 = stamp(r, t + gap);
                if self.visible_us(r, t2) {
                    s.milestones.push(("first_value", t2));
                }
            }
            if r.bernoulli(seg.go_live_share()) {
                let gl = ttfv + r.range(3.0, 35.0);
                if alive_at(gl) {
                    let t = stamp(r, close_us + days_to_us(gl));
                    if self.visible_us(r, t) {
                        s.milestones.push(("go_live", t));
                        if r.bernoulli(0.02) {
                            let gap = days_to_us(r.range(2.0, 30.0));
                            let t2 = stamp(r, t + gap);
                            if self.visible_us(r, t2) {
                                s.milestones.push(("go_live", t2));
                            }
                        }
                    }
                }
            }
        }

        // --- Renewals, expansions, contractions, churn.
        let age = self.as_of_day - day;
        let mut arr = s.acv;
        let term = 1 + match seg {
            Seg::Smb | Seg::Other => 0,
            Seg::Mid => i64::from(r.bernoulli(0.2)),
            Seg::Ent => r.weighted(&[0.5, 0.2, 0.3]) as i64,
            Seg::Strategic => r.weighted(&[0.2, 0.2, 0.6]) as i64,
        };
        for k in 0..4i64 {
            let (y0, y1) = (365 * k, 365 * (k + 1));
            if y0 > age {
                break;
            }
            let churn_here = churn_day.filter(|&c| c > y0 && c <= y1);
            let start = s.renewals.len();
            if let Some(c) = churn_here {
                if c - y0 > 60 && r.bernoulli(0.15) {
                    let d = y0 + r.int(30, c - y0 - 1);
                    let delta = -round2(arr * r.range(0.1, 0.35));
                    s.renewals.push((d, "contraction", Some(delta)));
                    arr += delta;
                }
                s.renewals.push((c, "churn", Some(-round2(arr))));
            } else {
                let p_exp = if k == 0 {
                    0.08 + 0.22 * good
                } else {
                    0.10 + 0.08 * good
                };
                if r.bernoulli(p_exp) {
                    let d = y0 + r.int(60, 330);
                    let delta = round2(arr * r.lognormal(0.2f64.ln(), 0.5));
                    s.renewals.push((d, "expansion", Some(delta)));
                    arr += delta;
                    if k == 0 {
                        s.expanded_first_year = true;
                    }
                }
                let p_con = if k == 0 {
                    0.03 + 0.06 * (1.0 - good)
                } else {
                    0.04
                };
                if r.bernoulli(p_con) {
                    let d = y0 + r.int(120, 340);
                    let delta = -round2(arr * r.range(0.1, 0.35));
                    s.renewals.push((d, "contraction", Some(delta)));
                    arr += delta;
                }
                if (k + 1) % term == 0 {
                    let d = y1 - r.int(0, 20);
                    let x = r.uniform();
                    let delta = if x < 0.05 {
                        None
                    } else if x < 0.30 {
                        Some(round2(arr * r.range(0.03, 0.08)))
                    } else {
                        Some(0.0)
                    };
                    if let Some(x) = delta {
                        arr += x;
                    }
                    // Silent auto-renewals leave no record in the CS platform.
                    if delta.is_some_and(|x| x != 0.0) || r.bernoulli(0.4) {
                        s.renewals.push((d, "renewal", delta));
                    }
                }
            }
            s.renewals[start..].sort_by_key(|e| e.0);
            if churn_here.is_some() {
                break;
            }
        }
        let mut kept = 0;
        for k in 0..s.renewals.len() {
            let e = s.renewals[k];
            if self.visible_day(r, day + e.0) {
                s.renewals[kept] = (day + e.0, e.1, e.2);
                kept += 1;
            }
        }
        s.renewals.truncate(kept);

        // --- Adoption: utilisation ramps after kickoff towards a quality-dependent ceiling.
        let kickoff = s
            .handoff
            .and_then(|h| h.events[4])
            .map_or(12.0, |t| (t - close_us) as f64 / DAY_US_F)
            .clamp(0.0, 40.0);
        let ceiling = (0.45 + 0.30 * good + 0.10 * r.normal()).clamp(0.05, 0.98);
        let tau = 15.0 + 35.0 * (1.0 - good);
        let util = |d: f64| -> f64 {
            let ramp = if d > kickoff {
                1.0 - (-(d - kickoff) / tau).exp()
            } else {
                0.0
            };
            let mut u = 0.03 + ceiling * ramp;
            if let Some(c) = churn_day {
                let from = c as f64 - 120.0;
                if d > from {
                    u *= 1.0 - 0.6 * ((d - from) / 120.0).min(1.0);
                }
            }
            u
        };
        let seats = ((s.acv / r.lognormal(seg.seat_price().ln(), 0.25)).round() as i64).max(1);
        let end = churn_day.map_or(age, |c| (c - 1).min(age));
        let mut d = r.int(1, 5);
        while d <= end {
            let u = (util(d as f64) + 0.04 * r.normal()).clamp(0.0, 1.0);
            let active = ((u * seats as f64).round() as i64).clamp(0, seats);
            s.adoption.push((day + d, active, seats));
            d += if d <= 120 {
                r.int(5, 10)
            } else {
                r.int(45, 120)
            };
        }

        // --- Health.
        let tr_day = transition.map(|t| ((t.at - close_us) as f64 / DAY_US_F, t.planned));
        let mut d = r.int(3, 14);
        while d <= end {
            let df = d as f64;
            let mut h = 52.0 + 22.0 * good + 15.0 * (util(df) - 0.4) + 8.0 * r.normal();
            if let Some(c) = churn_day {
                let from = c as f64 - 150.0;
                if df > from {
                    h -= 25.0 * ((df - from) / 150.0).min(1.0);
                }
            }
            if let Some((t, planned)) = tr_day {
                if df > t {
                    let depth = if planned { 4.0 } else { 12.0 };
                    h -= depth * (-(df - t) / 40.0).exp();
                }
            }
            s.health.push((day + d, round1(h.clamp(0.0, 100.0))));
            d += if d <= 120 {
                r.int(10, 18)
            } else {
                r.int(75, 150)
            };
        }

        // --- Surveys.
        let churn_soon = f64::from(u8::from(churn_day.is_some_and(|c| c <= 365)));
        let waves: [(&str, f64, f64, f64); 4] = [
            ("csat", 15.0, 50.0, 0.62),
            ("csat", 70.0, 115.0, 0.55),
            ("nps", 35.0, 110.0, 0.50),
            ("nps", 150.0, 400.0, 0.40),
        ];
        for (kind, lo, hi, p) in waves {
            if !r.bernoulli(p) {
                continue;
            }
            let off = r.range(lo, hi);
            if !alive_at(off) {
                continue;
            }
            let t = if r.bernoulli(0.1) {
                (day + off as i64) * DAY_US
            } else {
                stamp(r, close_us + days_to_us(off))
            };
            let score = if kind == "csat" {
                (3.2 + 1.3 * good - 0.4 * churn_soon + 0.15 * q + 0.8 * r.normal())
                    .round()
                    .clamp(1.0, 5.0)
            } else {
                (6.3 + 3.0 * good - 0.8 * churn_soon + 0.3 * q + 1.7 * r.normal())
                    .round()
                    .clamp(0.0, 10.0)
            };
            if self.visible_us(r, t) {
                s.surveys.push((t, kind, score));
            }
        }

        if let Some(t) = transition {
            if self.visible_us(r, t.at) {
                s.transitions.push(t);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tables and sinks.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// Identifiers and enumerations: always canonical.
    Id,
    /// Free text (names, owners): written as is.
    Text,
    Segment,
    Money,
    /// A number with this many decimals.
    Num(usize),
    Int,
    Bool,
    /// Checklist item: 1/0 as a boolean, partial credit as a number.
    Check,
    Date,
    Stamp,
    /// A datetime that is written date-only when it is exactly midnight UTC.
    StampOrDate,
    /// An info field: blank may be written as whitespace.
    Info,
}

struct TableSpec {
    name: &'static str,
    cols: &'static [(&'static str, Kind)],
}

const TABLES: [TableSpec; 8] = [
    TableSpec {
        name: "deals",
        cols: &[
            ("deal_id", Kind::Id),
            ("account_id", Kind::Id),
            ("account_name", Kind::Text),
            ("segment", Kind::Segment),
            ("acv", Kind::Money),
            ("closed_at", Kind::StampOrDate),
            ("sales_rep", Kind::Text),
            ("sales_team", Kind::Text),
            ("region", Kind::Text),
        ],
    },
    TableSpec {
        name: "handoffs",
        cols: &[
            ("handoff_id", Kind::Id),
            ("deal_id", Kind::Id),
            ("csm", Kind::Text),
            ("meeting_at", Kind::Stamp),
            ("intro_sent_at", Kind::Stamp),
            ("cs_prep_done_at", Kind::Stamp),
            ("kickoff_scheduled_at", Kind::Stamp),
            ("kickoff_held_at", Kind::Stamp),
            ("doc_deal_summary", Kind::Check),
            ("doc_stakeholder_map", Kind::Check),
            ("doc_commitments", Kind::Check),
            ("doc_risk_factors", Kind::Check),
            ("mtg_all_attended", Kind::Check),
            ("mtg_agenda_covered", Kind::Check),
            ("mtg_questions_answered", Kind::Check),
            ("cs_acceptance", Kind::Id),
            ("rejections", Kind::Int),
            ("info_customer_context", Kind::Info),
            ("info_stakeholders", Kind::Info),
            ("info_objectives", Kind::Info),
            ("info_scope", Kind::Info),
            ("info_technical", Kind::Info),
            ("info_implementation", Kind::Info),
            ("info_risks", Kind::Info),
        ],
    },
    TableSpec {
        name: "milestones",
        cols: &[
            ("account_id", Kind::Id),
            ("milestone", Kind::Id),
            ("achieved_at", Kind::Stamp),
        ],
    },
    TableSpec {
        name: "health",
        cols: &[
            ("account_id", Kind::Id),
            ("snapshot_date", Kind::Date),
            ("health_score", Kind::Num(1)),
        ],
    },
    TableSpec {
        name: "adoption",
        cols: &[
            ("account_id", Kind::Id),
            ("snapshot_date", Kind::Date),
            ("active_users", Kind::Int),
            ("licensed_seats", Kind::Int),
        ],
    },
    TableSpec {
        name: "renewals",
        cols: &[
            ("account_id", Kind::Id),
            ("event_date", Kind::Date),
            ("event", Kind::Id),
            ("arr_delta", Kind::Num(2)),
        ],
    },
    TableSpec {
        name: "surveys",
        cols: &[
            ("account_id", Kind::Id),
            ("responded_at", Kind::StampOrDate),
            ("kind", Kind::Id),
            ("score", Kind::Num(0)),
        ],
    },
    TableSpec {
        name: "transitions",
        cols: &[
            ("account_id", Kind::Id),
            ("transitioned_at", Kind::Stamp),
            ("from_owner", Kind::Text),
            ("to_owner", Kind::Text),
            ("kind", Kind::Id),
            ("planned", Kind::Bool),
            ("joint_meeting", Kind::Bool),
            ("kt_completeness", Kind::Num(0)),
            ("satisfaction", Kind::Num(1)),
        ],
    },
];

const T_DEALS: usize = 0;
const T_HANDOFFS: usize = 1;
const T_MILESTONES: usize = 2;
const T_HEALTH: usize = 3;
const T_ADOPTION: usize = 4;
const T_RENEWALS: usize = 5;
const T_SURVEYS: usize = 6;
const T_TRANSITIONS: usize = 7;

/// One cell value.
#[derive(Clone, Copy, Debug)]
enum V<'a> {
    Null,
    S(&'a str),
    F(f64),
    I(i64),
    B(bool),
    /// Days since 1970-01-01.
    D(i64),
    /// Microseconds since the epoch, UTC.
    T(i64),
}

fn opt_s(x: Option<&str>) -> V<'_> {
    x.map_or(V::Null, V::S)
}
fn opt_f<'a>(x: Option<f64>) -> V<'a> {
    x.map_or(V::Null, V::F)
}
fn opt_t<'a>(x: Option<i64>) -> V<'a> {
    x.map_or(V::Null, V::T)
}

/// Rows per Parquet row group (and per buffered chunk).
const CHUNK_ROWS: usize = 200_000;
/// Share of eligible CSV cells written in a messy-but-legal form.
const MESSY: f64 = 0.07;

struct CsvSink {
    w: csv::Writer<BufWriter<File>>,
    buf: String,
}

enum ColBuf {
    Str(StringChunkedBuilder),
    F64(Vec<Option<f64>>),
    I64(Vec<Option<i64>>),
    Bool(Vec<Option<bool>>),
    Date(Vec<Option<i32>>),
    Stamp(Vec<Option<i64>>),
}

fn parquet_dtype(kind: Kind) -> DataType {
    match kind {
        Kind::Id | Kind::Text | Kind::Segment | Kind::Info => DataType::String,
        Kind::Money | Kind::Num(_) | Kind::Check => DataType::Float64,
        Kind::Int => DataType::Int64,
        Kind::Bool => DataType::Boolean,
        Kind::Date => DataType::Date,
        Kind::Stamp | Kind::StampOrDate => {
            DataType::Datetime(TimeUnit::Microseconds, Some(TimeZone::UTC))
        }
    }
}

fn new_colbuf(name: &str, kind: Kind) -> ColBuf {
    match parquet_dtype(kind) {
        DataType::String => ColBuf::Str(StringChunkedBuilder::new(name.into(), 1024)),
        DataType::Float64 => ColBuf::F64(Vec::new()),
        DataType::Int64 => ColBuf::I64(Vec::new()),
        DataType::Boolean => ColBuf::Bool(Vec::new()),
        DataType::Date => ColBuf::Date(Vec::new()),
        _ => ColBuf::Stamp(Vec::new()),
    }
}

struct ParquetSink {
    writer: BatchedWriter<File>,
    cols: Vec<ColBuf>,
    len: usize,
}

impl ParquetSink {
    fn push(&mut self, vals: &[V<'_>]) -> std::result::Result<(), String> {
        for (col, v) in self.cols.iter_mut().zip(vals) {
            match (col, *v) {
                (ColBuf::Str(b), V::S(s)) => b.append_value(s),
                (ColBuf::Str(b), V::Null) => b.append_null(),
                (ColBuf::F64(c), V::F(x)) => c.push(Some(x)),
                (ColBuf::F64(c), V::I(x)) => c.push(Some(x as f64)),
                (ColBuf::F64(c), V::Null) => c.push(None),
                (ColBuf::I64(c), V::I(x)) => c.push(Some(x)),
                (ColBuf::I64(c), V::Null) => c.push(None),
                (ColBuf::Bool(c), V::B(x)) => c.push(Some(x)),
                (ColBuf::Bool(c), V::Null) => c.push(None),
                (ColBuf::Date(c), V::D(x)) => c.push(Some(x as i32)),
                (ColBuf::Date(c), V::Null) => c.push(None),
                (ColBuf::Stamp(c), V::T(x)) => c.push(Some(x)),
                (ColBuf::Stamp(c), V::Null) => c.push(None),
                (_, v) => {
                    return Err(format!(
                        "internal error: value {v:?} in a mismatched column"
                    ))
                }
            }
        }
        self.len += 1;
        Ok(())
    }

    fn flush(&mut self, spec: &TableSpec) -> Result<()> {
        if self.len == 0 {
            return Ok(());
        }
        let mut columns = Vec::with_capacity(self.cols.len());
        for (col, (name, kind)) in self.cols.iter_mut().zip(spec.cols) {
            let name = PlSmallStr::from(*name);
            let column: Column = match col {
                ColBuf::Str(b) => {
                    let full = std::mem::replace(b, StringChunkedBuilder::new(name, 1024));
                    full.finish().into_column()
                }
                ColBuf::F64(c) => {
                    Float64Chunked::from_iter_options(name, c.drain(..)).into_column()
                }
                ColBuf::I64(c) => Int64Chunked::from_iter_options(name, c.drain(..)).into_column(),
                ColBuf::Bool(c) => {
                    BooleanChunked::from_iter_options(name, c.drain(..)).into_column()
                }
                ColBuf::Date(c) => Int32Chunked::from_iter_options(name, c.drain(..))
                    .into_date()
                    .into_column(),
                ColBuf::Stamp(c) => Int64Chunked::from_iter_options(name, c.drain(..))
                    .into_datetime(parquet_time_unit(), Some(TimeZone::UTC))
                    .into_column(),
            };
            debug_assert_eq!(column.dtype(), &parquet_dtype(*kind));
            columns.push(column);
        }
        let df = DataFrame::new(self.len, columns)?;
        self.writer.write_batch(&df)?;
        self.len = 0;
        Ok(())
    }
}

fn parquet_time_unit() -> TimeUnit {
    TimeUnit::Microseconds
}

enum Sink {
    Csv(Box<CsvSink>),
    Parquet(Box<ParquetSink>),
}

struct Table {
    spec: &'static TableSpec,
    sink: Sink,
    rows: u64,
    tmp: PathBuf,
    dest: PathBuf,
}

impl Table {
    fn open(dir: &Path, spec: &'static TableSpec, format: DataFormat) -> Result<Table> {
        let ext = match format {
            DataFormat::Csv => "csv",
            DataFormat::Parquet => "parquet",
        };
        let dest = dir.join(format!("{}.{ext}", spec.name));
        let tmp = dir.join(format!(".{}.{ext}.partial", spec.name));
        let file = File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        let sink = match format {
            DataFormat::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(BufWriter::with_capacity(1 << 17, file));
                w.write_record(spec.cols.iter().map(|c| c.0))
                    .with_context(|| format!("writing {}", dest.display()))?;
                Sink::Csv(Box::new(CsvSink {
                    w,
                    buf: String::with_capacity(64),
                }))
            }
            DataFormat::Parquet => {
                let schema: Schema = spec
                    .cols
                    .iter()
                    .map(|(n, k)| Field::new((*n).into(), parquet_dtype(*k)))
                    .collect();
                let writer = ParquetWriter::new(file)
                    .with_compression(ParquetCompression::Zstd(None))
                    .batched(&schema)
                    .with_context(|| format!("writing {}", dest.display()))?;
                let cols = spec.cols.iter().map(|(n, k)| new_colbuf(n, *k)).collect();
                Sink::Parquet(Box::new(ParquetSink {
                    writer,
                    cols,
                    len: 0,
                }))
            }
        };
        Ok(Table {
            spec,
            sink,
            rows: 0,
            tmp,
            dest,
        })
    }

    fn row(&mut self, vals: &[V<'_>], fmt: &mut Rng) -> Result<()> {
        debug_assert_eq!(vals.len(), self.spec.cols.len());
        self.rows += 1;
        match &mut self.sink {
            Sink::Csv(c) => {
                for (v, (_, kind)) in vals.iter().zip(self.spec.cols) {
                    c.buf.clear();
                    format_cell(&mut c.buf, *v, *kind, fmt);
                    c.w.write_field(c.buf.as_bytes())
                        .with_context(|| format!("writing {}", self.dest.display()))?;
                }
                c.w.write_record(std::iter::empty::<&[u8]>())
                    .with_context(|| format!("writing {}", self.dest.display()))?;
            }
            Sink::Parquet(p) => {
                p.push(vals).map_err(|e| anyhow!(e))?;
                if p.len >= CHUNK_ROWS {
                    p.flush(self.spec)
                        .with_context(|| format!("writing {}", self.dest.display()))?;
                }
            }
        }
        Ok(())
    }

    /// Flushes and closes the temporary file; returns the rows written.
    fn finish(self) -> Result<u64> {
        let dest = self.dest.display().to_string();
        match self.sink {
            Sink::Csv(c) => {
                let buf =
                    c.w.into_inner()
                        .map_err(|e| anyhow!("{}", e.error()))
                        .with_context(|| format!("writing {dest}"))?;
                let file = buf
                    .into_inner()
                    .map_err(|e| anyhow!("{}", e.error()))
                    .with_context(|| format!("writing {dest}"))?;
                file.sync_all().with_context(|| format!("writing {dest}"))?;
            }
            Sink::Parquet(mut p) => {
                p.flush(self.spec)
                    .with_context(|| format!("writing {dest}"))?;
                p.writer
                    .finish()
                    .with_context(|| format!("writing {dest}"))?;
            }
        }
        Ok(self.rows)
    }
}

// ---------------------------------------------------------------------------------------------
// CSV cell formatting (canonical, or now and then a messy but legal spelling).

const BOOL_SPELLINGS: [(&str, &str); 6] = [
    ("yes", "no"),
    ("Y", "N"),
    ("TRUE", "FALSE"),
    ("t", "f"),
    ("1", "0"),
    ("True", "false"),
];
const OFFSETS_MIN: [i64; 8] = [120, -480, -300, 60, 330, -420, 540, 0];

fn segment_spellings(canonical: &str) -> &'static [&'static str] {
    match canonical {
        "smb" => &[
            "SMB",
            "SMB/Self-Serve",
            "self-serve",
            "Small Business",
            "smb ",
        ],
        "mid_market" => &["Mid-Market", "mid market", "MidMarket", "MM", "Mid Market"],
        "enterprise" => &["ENT", "Enterprise", "Enterprise ", "ENTERPRISE"],
        "strategic" => &["Strategic", "Strategic/High-Touch", "high-touch"],
        "public_sector" => &["Public Sector", "PUBLIC SECTOR"],
        "partner_channel" => &["Partner/Channel", "Partner Channel"],
        "education" => &["Education", "EDU"],
        _ => &[],
    }
}

fn format_cell(buf: &mut String, v: V<'_>, kind: Kind, fmt: &mut Rng) {
    let messy = fmt.bernoulli(MESSY);
    match (v, kind) {
        (V::Null, Kind::Info) => {
            if messy {
                buf.push(' ');
            }
        }
        (V::Null, _) => {}
        (V::S(s), Kind::Segment) => {
            let alts = segment_spellings(s);
            if messy && !alts.is_empty() {
                buf.push_str(fmt.choice(alts));
            } else {
                buf.push_str(s);
            }
        }
        (V::S(s), _) => buf.push_str(s),
        (V::F(x), Kind::Money) => {
            if messy {
                match fmt.below(3) {
                    0 => {
                        buf.push('$');
                        push_grouped(buf, x);
                    }
                    1 => {
                        buf.push_str("USD ");
                        push_grouped(buf, x);
                    }
                    _ => {
                        let _ = write!(buf, "{x}");
                    }
                }
            } else {
                let _ = write!(buf, "{x:.2}");
            }
        }
        (V::F(x), Kind::Check) => {
            if x == 1.0 || x == 0.0 {
                push_bool(buf, x == 1.0, messy, fmt);
            } else {
                let _ = write!(buf, "{x}");
            }
        }
        (V::F(x), Kind::Num(dec)) => {
            let _ = write!(buf, "{x:.dec$}");
        }
        (V::F(x), _) => {
            let _ = write!(buf, "{x}");
        }
        (V::I(x), _) => {
            let _ = write!(buf, "{x}");
        }
        (V::B(b), _) => push_bool(buf, b, messy, fmt),
        (V::D(d), _) => push_date(buf, d),
        (V::T(t), kind) => {
            let midnight = t.rem_euclid(DAY_US) == 0;
            if kind == Kind::StampOrDate && midnight && !messy {
                push_date(buf, t.div_euclid(DAY_US));
            } else {
                push_stamp(buf, t, messy, fmt);
            }
        }
    }
}

fn push_bool(buf: &mut String, b: bool, messy: bool, fmt: &mut Rng) {
    if messy {
        let (t, f) = fmt.choice(&BOOL_SPELLINGS);
        buf.push_str(if b { t } else { f });
    } else {
        buf.push_str(if b { "true" } else { "false" });
    }
}

fn push_date(buf: &mut String, day: i64) {
    let (y, m, d) = civil_from_days(day);
    let _ = write!(buf, "{y:04}-{m:02}-{d:02}");
}

/// `1234567.5` → `1,234,567.50`.
fn push_grouped(buf: &mut String, x: f64) {
    let cents = (x.abs() * 100.0).round() as u64;
    if x < 0.0 {
        buf.push('-');
    }
    let int = (cents / 100).to_string();
    let n = int.len();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            buf.push(',');
        }
        buf.push(ch);
    }
    let _ = write!(buf, ".{:02}", cents % 100);
}

/// Writes an instant. Canonical: `YYYY-MM-DDTHH:MM:SS[.fff]Z`. Messy: space or `T` without a
/// zone (UTC), a numeric offset (the local time shifted so the instant is unchanged), no
/// seconds (only when they are zero), or an explicit `.000` fraction.
fn push_stamp(buf: &mut String, t: i64, messy: bool, fmt: &mut Rng) {
    let variant = if messy { 1 + fmt.below(5) } else { 0 };
    let exact_minute = t.rem_euclid(MIN_US) == 0;
    let (local, offset) = if variant == 3 {
        let off = fmt.choice(&OFFSETS_MIN);
        (t + off * MIN_US, Some(off))
    } else {
        (t, None)
    };
    let secs = local.div_euclid(SEC_US);
    let us = local.rem_euclid(SEC_US);
    let (y, mo, d) = civil_from_days(secs.div_euclid(86_400));
    let sod = secs.rem_euclid(86_400);
    let (hh, mm, ss) = (sod / 3600, (sod / 60) % 60, sod % 60);
    let sep = if variant == 1 || (variant == 4 && fmt.bernoulli(0.5)) {
        ' '
    } else {
        'T'
    };
    let _ = write!(buf, "{y:04}-{mo:02}-{d:02}{sep}{hh:02}:{mm:02}");
    if variant == 4 && exact_minute {
        return;
    }
    let _ = write!(buf, ":{ss:02}");
    if us != 0 {
        if us % 1000 == 0 {
            let _ = write!(buf, ".{:03}", us / 1000);
        } else {
            let _ = write!(buf, ".{us:06}");
        }
    } else if variant == 5 {
        buf.push_str(".000");
    }
    match (variant, offset) {
        (_, Some(off)) => {
            let sign = if off < 0 { '-' } else { '+' };
            let a = off.abs();
            let _ = write!(buf, "{sign}{:02}:{:02}", a / 60, a % 60);
        }
        (1, None) | (2, None) | (4, None) => {}
        _ => buf.push('Z'),
    }
}

// ---------------------------------------------------------------------------------------------
// The driver.

struct Generator {
    model: Model,
    tables: Vec<Table>,
    sim: Sim,
}

impl Generator {
    fn new(opts: &GenerateOptions, tables: Vec<Table>) -> Self {
        Generator {
            model: Model::new(opts.seed, opts.as_of),
            tables,
            sim: Sim::default(),
        }
    }

    fn run(&mut self, deals: usize) -> Result<()> {
        for i in 0..deals as u64 {
            self.model.simulate(i, &mut self.sim);
            self.emit(i)?;
        }
        Ok(())
    }

    fn emit(&mut self, i: u64) -> Result<()> {
        let mut fmt = Rng::derive(self.model.seed, STREAM_FORMAT, i);
        let s = &self.sim;
        let co = &self.model.company;
        let t = &mut self.tables;
        let rep = &co.reps[s.rep];
        t[T_DEALS].row(
            &[
                V::S(&s.deal_id),
                V::S(&s.account_id),
                if s.has_name { V::S(&s.name) } else { V::Null },
                V::S(s.seg_label),
                V::F(s.acv),
                V::T(s.close_us),
                V::S(&rep.name),
                V::S(rep.team),
                opt_s(s.region),
            ],
            &mut fmt,
        )?;
        if let Some(h) = &s.handoff {
            let e = &s.written_events;
            let c = &h.checks;
            let info = &h.info;
            t[T_HANDOFFS].row(
                &[
                    V::S(&s.handoff_id),
                    V::S(&s.deal_id),
                    if h.csm {
                        V::S(&co.csms[s.csm].name)
                    } else {
                        V::Null
                    },
                    opt_t(e[0]),
                    opt_t(e[1]),
                    opt_t(e[2]),
                    opt_t(e[3]),
                    opt_t(e[4]),
                    opt_f(c[0]),
                    opt_f(c[1]),
                    opt_f(c[2]),
                    opt_f(c[3]),
                    opt_f(c[4]),
                    opt_f(c[5]),
                    opt_f(c[6]),
                    opt_s(h.acceptance),
                    h.rejections.map_or(V::Null, V::I),
                    opt_s(info[0]),
                    opt_s(info[1]),
                    opt_s(info[2]),
                    opt_s(info[3]),
                    opt_s(info[4]),
                    opt_s(info[5]),
                    opt_s(info[6]),
                ],
                &mut fmt,
            )?;
        }
        let acc = V::S(&s.account_id);
        for &(m, at) in &s.milestones {
            t[T_MILESTONES].row(&[acc, V::S(m), V::T(at)], &mut fmt)?;
        }
        for &(d, score) in &s.health {
            t[T_HEALTH].row(&[acc, V::D(d), V::F(score)], &mut fmt)?;
        }
        for &(d, active, seats) in &s.adoption {
            t[T_ADOPTION].row(&[acc, V::D(d), V::I(active), V::I(seats)], &mut fmt)?;
        }
        for &(d, event, delta) in &s.renewals {
            t[T_RENEWALS].row(&[acc, V::D(d), V::S(event), opt_f(delta)], &mut fmt)?;
        }
        for &(at, kind, score) in &s.surveys {
            t[T_SURVEYS].row(&[acc, V::T(at), V::S(kind), V::F(score)], &mut fmt)?;
        }
        for tr in &s.transitions {
            t[T_TRANSITIONS].row(
                &[
                    acc,
                    V::T(tr.at),
                    V::S(owner_name(co, tr.from)),
                    V::S(owner_name(co, tr.to)),
                    V::S(tr.kind),
                    V::B(tr.planned),
                    V::B(tr.joint),
                    V::F(tr.kt),
                    opt_f(tr.satisfaction),
                ],
                &mut fmt,
            )?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(dir: &Path, deals: usize, seed: u64, format: DataFormat) -> GenerateOptions {
        GenerateOptions {
            deals,
            seed,
            as_of: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
            format,
            out: dir.to_path_buf(),
            force: false,
        }
    }

    fn read_all(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    fs::read(&p).unwrap(),
                )
            })
            .collect()
    }

    /// Parses the datetime spellings of METRICS.md §3 to microseconds since the epoch (UTC).
    fn parse_instant(s: &str) -> Option<i64> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let t = s.get(r)?;
            if t.bytes().all(|c| c.is_ascii_digit()) {
                t.parse().ok()
            } else {
                None
            }
        };
        let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        NaiveDate::from_ymd_opt(y as i32, mo as u32, d as u32)?;
        let day = days_from_civil(y, mo as u32, d as u32);
        if b.len() == 10 {
            return Some(day * DAY_US);
        }
        if b[10] != b'T' && b[10] != b' ' {
            return None;
        }
        let (hh, mm) = (num(11..13)?, num(14..16)?);
        if b.get(13) != Some(&b':') || hh > 23 || mm > 59 {
            return None;
        }
        let mut pos = 16;
        let mut us = 0;
        let mut ss = 0;
        if b.get(pos) == Some(&b':') {
            ss = num(pos + 1..pos + 3)?;
            pos += 3;
            if b.get(pos) == Some(&b'.') {
                let start = pos + 1;
                let mut end = start;
                while end < b.len() && b[end].is_ascii_digit() {
                    end += 1;
                }
                let digits = &s[start..end];
                if digits.is_empty() || digits.len() > 6 {
                    return None;
                }
                us = digits.parse::<i64>().ok()? * 10i64.pow(6 - digits.len() as u32);
                pos = end;
            }
        }
        let rest = &s[pos..];
        let offset_min = match rest {
            "" | "Z" => 0,
            _ => {
                let rb = rest.as_bytes();
                if rb.len() != 6 || rb[3] != b':' {
                    return None;
                }
                let sign = match rb[0] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                sign * (rest[1..3].parse::<i64>().ok()? * 60 + rest[4..6].parse::<i64>().ok()?)
            }
        };
        Some(day * DAY_US + (hh * 3600 + mm * 60 + ss) * SEC_US + us - offset_min * MIN_US)
    }

    fn parse_bool_or_share(s: &str) -> Option<f64> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "false" | "no" | "n" | "f" | "0" => Some(0.0),
            "true" | "yes" | "y" | "t" | "1" => Some(1.0),
            other => other
                .parse::<f64>()
                .ok()
                .filter(|x| (0.0..=1.0).contains(x)),
        }
    }

    fn parse_money(s: &str) -> Option<f64> {
        let t = s.trim();
        let t = t.strip_prefix("USD ").unwrap_or(t);
        let t = t.strip_prefix('$').unwrap_or(t);
        t.replace(',', "").parse().ok()
    }

    fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
        let mut rd = csv::Reader::from_path(path).unwrap();
        let header = rd.headers().unwrap().iter().map(String::from).collect();
        let rows = rd
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        (header, rows)
    }

    #[test]
    fn same_seed_gives_identical_csv_bytes() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        generate(&opts(a.path(), 200, 7, DataFormat::Csv)).unwrap();
        generate(&opts(b.path(), 200, 7, DataFormat::Csv)).unwrap();
        let (fa, fb) = (read_all(a.path()), read_all(b.path()));
        assert_eq!(fa.len(), 10, "8 tables, handoff.toml and the manifest");
        assert_eq!(fa, fb);
    }

    #[test]
    fn same_seed_gives_identical_parquet_bytes() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        generate(&opts(a.path(), 120, 11, DataFormat::Parquet)).unwrap();
        generate(&opts(b.path(), 120, 11, DataFormat::Parquet)).unwrap();
        let (fa, fb) = (read_all(a.path()), read_all(b.path()));
        assert_eq!(fa.len(), 10, "8 tables, handoff.toml and the manifest");
        assert!(fa.iter().any(|(n, _)| n == "deals.parquet"));
        assert_eq!(fa, fb);
    }

    #[test]
    fn different_seeds_differ() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        generate(&opts(a.path(), 50, 1, DataFormat::Csv)).unwrap();
        generate(&opts(b.path(), 50, 2, DataFormat::Csv)).unwrap();
        let da = fs::read(a.path().join("deals.csv")).unwrap();
        let db = fs::read(b.path().join("deals.csv")).unwrap();
        assert_ne!(da, db);
        let ha = fs::read(a.path().join("health.csv")).unwrap();
        let hb = fs::read(b.path().join("health.csv")).unwrap();
        assert_ne!(ha, hb);
    }

    #[test]
    fn summary_row_counts_match_csv_files() {
        let dir = tempfile::tempdir().unwrap();
        let summary = generate(&opts(dir.path(), 300, 3, DataFormat::Csv)).unwrap();
        let names: Vec<&str> = summary.tables.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "deals",
                "handoffs",
                "milestones",
                "health",
                "adoption",
                "renewals",
                "surveys",
                "transitions"
            ]
        );
        for (name, rows) in &summary.tables {
            let (_, records) = read_csv(&dir.path().join(format!("{name}.csv")));
            assert_eq!(records.len() as u64, *rows, "{name}");
        }
        let get = |n: &str| summary.tables.iter().find(|t| t.0 == n).unwrap().1 as f64;
        assert_eq!(get("deals"), 300.0);
        let handoffs = get("handoffs") / 300.0;
        assert!(
            (0.9..=0.995).contains(&handoffs),
            "handoff share {handoffs}"
        );
        for (name, lo, hi) in [
            ("adoption", 8.0, 30.0),
            ("health", 4.0, 16.0),
            ("milestones", 0.8, 2.2),
            ("renewals", 0.2, 1.2),
            ("surveys", 0.8, 3.0),
            ("transitions", 0.04, 0.3),
        ] {
            let per_deal = get(name) / 300.0;
            assert!((lo..=hi).contains(&per_deal), "{name}: {per_deal} per deal");
        }
        let toml = fs::read_to_string(dir.path().join("handoff.toml")).unwrap();
        assert!(toml.contains("as_of = \"2026-10-31\""));
        assert!(!dir.path().join(".deals.csv.partial").exists());
    }

    #[test]
    fn summary_row_counts_match_parquet_files_and_columns_are_typed() {
        use polars::prelude::{ParquetReader, SerReader};
        let dir = tempfile::tempdir().unwrap();
        let summary = generate(&opts(dir.path(), 150, 5, DataFormat::Parquet)).unwrap();
        for (name, rows) in &summary.tables {
            let f = File::open(dir.path().join(format!("{name}.parquet"))).unwrap();
            let df = ParquetReader::new(f).finish().unwrap();
            assert_eq!(df.height() as u64, *rows, "{name}");
        }
        let f = File::open(dir.path().join("deals.parquet")).unwrap();
        let deals = ParquetReader::new(f).finish().unwrap();
        assert_eq!(
            deals.column("closed_at").unwrap().dtype(),
            &DataType::Datetime(TimeUnit::Microseconds, Some(TimeZone::UTC))
        );
        assert_eq!(deals.column("acv").unwrap().dtype(), &DataType::Float64);
        let f = File::open(dir.path().join("health.parquet")).unwrap();
        let health = ParquetReader::new(f).finish().unwrap();
        assert_eq!(
            health.column("snapshot_date").unwrap().dtype(),
            &DataType::Date
        );
        let f = File::open(dir.path().join("transitions.parquet")).unwrap();
        let tr = ParquetReader::new(f).finish().unwrap();
        assert_eq!(tr.column("planned").unwrap().dtype(), &DataType::Boolean);
    }

    #[test]
    fn zero_deals_writes_header_only_files() {
        for format in [DataFormat::Csv, DataFormat::Parquet] {
            let dir = tempfile::tempdir().unwrap();
            let summary = generate(&opts(dir.path(), 0, 9, format)).unwrap();
            assert!(summary.tables.iter().all(|(_, n)| *n == 0));
            if format == DataFormat::Csv {
                let deals = fs::read_to_string(dir.path().join("deals.csv")).unwrap();
                assert_eq!(deals.lines().count(), 1);
            } else {
                use polars::prelude::{ParquetReader, SerReader};
                let f = File::open(dir.path().join("handoffs.parquet")).unwrap();
                let df = ParquetReader::new(f).finish().unwrap();
                assert_eq!(df.height(), 0);
                assert_eq!(df.width(), 24);
            }
        }
    }

    #[test]
    fn csv_has_canonical_headers_and_every_value_is_legal() {
        let dir = tempfile::tempdir().unwrap();
        generate(&opts(dir.path(), 300, 21, DataFormat::Csv)).unwrap();
        let as_of_end = days_from_civil(2026, 11, 1) * DAY_US;
        let (header, deals) = read_csv(&dir.path().join("deals.csv"));
        assert_eq!(
            header.join(","),
            "deal_id,account_id,account_name,segment,acv,closed_at,sales_rep,sales_team,region"
        );
        let mut messy_money = 0;
        for row in &deals {
            assert!(row[0].starts_with('D') && row[0].len() == 8, "{}", row[0]);
            assert!(row[1].starts_with("ACC-"));
            let acv = parse_money(&row[4]).unwrap_or_else(|| panic!("acv {:?}", row[4]));
            assert!(acv >= 0.0);
            messy_money += usize::from(row[4].contains(','));
            assert!(parse_instant(&row[5]).is_some(), "closed_at {:?}", row[5]);
            let seg: String = row[3]
                .to_lowercase()
                .chars()
                .filter(|c| !matches!(c, ' ' | '-' | '/'))
                .collect();
            assert!(!seg.is_empty());
            assert!(!row[6].trim().is_empty());
        }
        assert!(messy_money > 0, "no money strings");
        let check = |name: &str, dt_cols: &[usize], date_cols: &[usize]| {
            let (header, rows) = read_csv(&dir.path().join(format!("{name}.csv")));
            let spec = TABLES.iter().find(|t| t.name == name).unwrap();
            let expected: Vec<&str> = spec.cols.iter().map(|c| c.0).collect();
            assert_eq!(header, expected);
            let mut future = 0;
            for row in &rows {
                assert_eq!(row.len(), header.len());
                for &c in dt_cols {
                    if !row[c].is_empty() {
                        let t = parse_instant(&row[c])
                            .unwrap_or_else(|| panic!("{name}.{} {:?}", header[c], row[c]));
                        future += usize::from(t >= as_of_end);
                    }
                }
                for &c in date_cols {
                    assert!(
                        row[c].len() == 10 && parse_instant(&row[c]).is_some(),
                        "{name}.{} {:?}",
                        header[c],
                        row[c]
                    );
                }
            }
            assert!(
                future * 50 <= rows.len().max(50),
                "{name}: {future} future rows"
            );
            rows
        };
        let handoffs = check("handoffs", &[3, 4, 5, 6, 7], &[]);
        for row in &handoffs {
            for cell in &row[8..15] {
                assert!(parse_bool_or_share(cell).is_some(), "check {cell:?}");
            }
            assert!(["", "accepted", "rejected", "needs_revision"].contains(&row[15].as_str()));
            assert!(row[16].is_empty() || row[16].parse::<u32>().is_ok());
        }
        check("milestones", &[2], &[]);
        for row in check("health", &[], &[1]) {
            let h: f64 = row[2].parse().unwrap();
            assert!((0.0..=100.0).contains(&h));
        }
        for row in check("adoption", &[], &[1]) {
            let (a, s): (i64, i64) = (row[2].parse().unwrap(), row[3].parse().unwrap());
            assert!(a >= 0 && s > 0 && a <= s);
        }
        for row in check("renewals", &[], &[1]) {
            assert!(["churn", "renewal", "expansion", "contraction"].contains(&row[2].as_str()));
            assert!(row[3].is_empty() || row[3].parse::<f64>().is_ok());
        }
        for row in check("surveys", &[1], &[]) {
            let s: f64 = row[3].parse().unwrap();
            match row[2].as_str() {
                "csat" => assert!((1.0..=5.0).contains(&s)),
                "nps" => assert!((0.0..=10.0).contains(&s)),
                k => panic!("kind {k}"),
            }
        }
        for row in check("transitions", &[1], &[]) {
            assert!(parse_bool_or_share(&row[5]).is_some());
            assert!(parse_bool_or_share(&row[6]).is_some());
            let kt: f64 = row[7].parse().unwrap();
            assert!((40.0..=100.0).contains(&kt));
            assert!(row[8].is_empty() || (1.0..=5.0).contains(&row[8].parse::<f64>().unwrap()));
        }
    }

    #[test]
    fn messy_datetimes_keep_the_instant() {
        let mut fmt = Rng::new(42);
        let mut buf = String::new();
        let t = days_from_civil(2025, 3, 9) * DAY_US + 23 * HOUR_US + 30 * MIN_US + 1234 * 1000;
        for _ in 0..500 {
            buf.clear();
            push_stamp(&mut buf, t, true, &mut fmt);
            assert_eq!(parse_instant(&buf), Some(t), "{buf}");
        }
        let minute = t - t.rem_euclid(MIN_US);
        for _ in 0..500 {
            buf.clear();
            push_stamp(&mut buf, minute, true, &mut fmt);
            assert_eq!(parse_instant(&buf), Some(minute), "{buf}");
        }
        buf.clear();
        push_stamp(&mut buf, minute, false, &mut fmt);
        assert_eq!(buf, "2025-03-09T23:30:00Z");
        buf.clear();
        push_grouped(&mut buf, 1_234_567.5);
        assert_eq!(buf, "1,234,567.50");
    }

    #[test]
    fn calendar_round_trips() {
        for day in [-800_000, -1, 0, 59, 365, 11_016, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(
            quarter_end(days_from_civil(2026, 11, 5)),
            days_from_civil(2026, 12, 31)
        );
        assert_eq!(
            quarter_end(days_from_civil(2026, 2, 1)),
            days_from_civil(2026, 3, 31)
        );
    }

    #[test]
    fn csv_and_parquet_hold_the_same_data() {
        use polars::prelude::{ParquetReader, SerReader};
        let dir = tempfile::tempdir().unwrap();
        let csv_summary = generate(&opts(dir.path(), 120, 8, DataFormat::Csv)).unwrap();
        let (_, csv_deals) = read_csv(&dir.path().join("deals.csv"));
        let pq_summary = generate(&opts(dir.path(), 120, 8, DataFormat::Parquet)).unwrap();
        assert_eq!(csv_summary.tables, pq_summary.tables);
        // The CSV tables of the first run were replaced, not left beside the Parquet ones.
        let stale: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".csv") || n.ends_with(".partial"))
            .collect();
        assert!(stale.is_empty(), "{stale:?}");
        let f = File::open(dir.path().join("deals.parquet")).unwrap();
        let df = ParquetReader::new(f).finish().unwrap();
        let acv: Vec<f64> = df
            .column("acv")
            .unwrap()
            .f64()
            .unwrap()
            .iter()
            .map(|x| x.unwrap())
            .collect();
        let closed: Vec<i64> = df
            .column("closed_at")
            .unwrap()
            .datetime()
            .unwrap()
            .physical()
            .iter()
            .map(|x| x.unwrap())
            .collect();
        for (i, row) in csv_deals.iter().enumerate() {
            assert!(
                (parse_money(&row[4]).unwrap() - acv[i]).abs() < 0.005,
                "{row:?}"
            );
            assert_eq!(parse_instant(&row[5]), Some(closed[i]), "{row:?}");
        }
    }

    /// The effect sizes the model promises, over the eventual (not as-of-censored) outcomes.
    #[test]
    fn outcomes_follow_handoff_quality() {
        let model = Model::new(4, NaiveDate::from_ymd_opt(2030, 1, 1).unwrap());
        let mut s = Sim::default();
        let mut bands = [[0f64; 5]; 4]; // n, churned, ttfv sum, ttfv n, expanded
        let n = 6000;
        for i in 0..n {
            model.simulate(i, &mut s);
            if s.close_day > model.as_of_day - 365 {
                continue;
            }
            let b = match s.score {
                x if x >= 90.0 => 0,
                x if x >= 80.0 => 1,
                x if x >= 70.0 => 2,
                _ => 3,
            };
            bands[b][0] += 1.0;
            bands[b][1] += f64::from(u8::from(s.churn_day.is_some_and(|c| c <= 365)));
            if let Some(t) = s.ttfv_days {
                bands[b][2] += t / s.seg.unwrap().ttfv_target();
                bands[b][3] += 1.0;
            }
            bands[b][4] += f64::from(u8::from(s.expanded_first_year));
        }
        let total: f64 = bands.iter().map(|b| b[0]).sum();
        for b in &bands {
            assert!(b[0] / total > 0.1, "band shares {bands:?}");
        }
        let rate = |b: usize| bands[b][1] / bands[b][0];
        assert!(
            (0.07..=0.15).contains(&rate(0)),
            "excellent churn {}",
            rate(0)
        );
        assert!(
            (0.24..=0.34).contains(&rate(3)),
            "substandard churn {}",
            rate(3)
        );
        assert!(rate(1) < rate(3) && rate(2) < rate(3));
        let ttfv = |b: usize| bands[b][2] / bands[b][3];
        assert!(
            ttfv(0) < 0.9 && ttfv(3) > 1.6,
            "ttfv/target {} {}",
            ttfv(0),
            ttfv(3)
        );
        let exp = |b: usize| bands[b][4] / bands[b][0];
        assert!(exp(0) > 2.0 * exp(3), "expansion {} {}", exp(0), exp(3));
    }
}
