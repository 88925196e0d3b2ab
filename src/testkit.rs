//! Test-only helpers for the unit tests of [`crate::model`] and [`crate::metrics`]: a tiny
//! hand-built data set is written as CSV files into a temporary folder and run through the
//! real pipeline (ingest → fact table → metrics), so a test states its input rows and the
//! values METRICS.md §4 gives for them, nothing else.

use std::path::Path;

use chrono::NaiveDate;
use polars::prelude::*;
use serde_json::Value;

use crate::config::{ConfigFile, Settings};
use crate::ingest::{self, Ingested};
use crate::metrics::{self, Computed};
use crate::model::{self, ModelParams};
use crate::period::Period;

/// The deals columns that [`Data::deals`] writes, in this order.
pub const DEALS_HEADER: &str = "deal_id,account_id,segment,acv,closed_at,sales_rep";

/// Five enterprise deals closing on the SLA edges of METRICS.md §4.2 (an October 2026
/// cohort as of 2026-10-31): a mid-day close, a midnight close, and three closes in the last
/// three days, whose deadlines fall on either side of the as-of instant A = 2026-11-01T00:00Z.
pub const SLA_EDGE_DEALS: [&str; 5] = [
    "D1,A1,enterprise,1000,2026-10-05T10:00:00Z,rep",
    "D2,A2,enterprise,1000,2026-10-10T00:00:00Z,rep",
    "D3,A3,enterprise,1000,2026-10-30T12:00:00Z,rep",
    "D4,A4,enterprise,1000,2026-10-29T00:00:00Z,rep",
    "D5,A5,enterprise,1000,2026-10-30T00:00:00Z,rep",
];

/// A data folder under construction. `handoffs` starts as a header-only file (the table is
/// required); any table written later replaces the file of that name.
pub struct Data {
    dir: tempfile::TempDir,
    as_of: NaiveDate,
    settings: Settings,
}

impl Data {
    /// An empty data set evaluated as of `as_of` (`YYYY-MM-DD`) with the default settings.
    pub fn new(as_of: &str) -> Data {
        let data = Data {
            dir: tempfile::tempdir().expect("a temp dir"),
            as_of: NaiveDate::parse_from_str(as_of, "%Y-%m-%d").expect("an as-of date"),
            settings: Settings::default(),
        };
        data.csv("handoffs", &["handoff_id,deal_id"])
    }

    /// Settings from a `handoff.toml` text.
    pub fn config(mut self, toml_text: &str) -> Data {
        let file: ConfigFile = toml::from_str(toml_text).expect("a valid config");
        self.settings = Settings::from_file(&file).expect("valid settings");
        self
    }

    /// Write `TABLE.csv` from its lines (the first is the header).
    pub fn csv(self, table: &str, lines: &[&str]) -> Data {
        let mut text = lines.join("\n");
        text.push('\n');
        std::fs::write(self.dir.path().join(format!("{table}.csv")), text).expect("write csv");
        self
    }

    /// Write `deals.csv` with the columns of [`DEALS_HEADER`].
    pub fn deals(self, rows: &[&str]) -> Data {
        let mut lines = vec![DEALS_HEADER];
        lines.extend_from_slice(rows);
        self.csv("deals", &lines)
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn params(&self) -> ModelParams {
        ModelParams {
            as_of: self.as_of,
            settings: self.settings.clone(),
        }
    }

    /// Ingest the folder; panics when validation fails, so a test input is always valid.
    pub fn ingest(&self) -> Ingested {
        self.ingest_keeping(ingest::Keep::All)
    }

    /// [`Data::ingest`], keeping the columns `keep` says.
    pub fn ingest_keeping(&self, keep: ingest::Keep) -> Ingested {
        let ing = ingest::ingest_keeping(self.path(), &self.settings, self.as_of, false, keep)
            .expect("ingest");
        assert!(
            ing.fatal.is_empty(),
            "test data failed validation: {:?}",
            ing.fatal
        );
        ing
    }

    /// The collected fact table.
    pub fn facts(&self) -> DataFrame {
        let ing = self.ingest();
        model::facts(&ing, &self.params())
            .expect("fact table plan")
            .expect("deals present")
            .collect()
            .expect("fact table")
    }

    /// The whole computation for a period (`2026-10` or `2026-Q3`).
    pub fn run(&self, period: &str) -> Run {
        let ing = self.ingest();
        let params = self.params();
        let facts = model::facts(&ing, &params)
            .expect("fact table plan")
            .expect("deals present")
            .collect()
            .expect("fact table");
        let period = Period::parse(period).expect("a period");
        let Computed {
            metrics, tables, ..
        } = metrics::compute(&facts, &ing, &params, period).expect("compute");
        Run {
            metrics,
            tables,
            facts,
        }
    }
}

/// The result of [`Data::run`].
pub struct Run {
    pub metrics: Value,
    pub tables: Vec<(String, DataFrame)>,
    pub facts: DataFrame,
}

impl Run {
    /// The value at a `/`-separated path of `metrics.json` (`"sla/intro/met"`).
    pub fn get(&self, path: &str) -> &Value {
        self.metrics
            .pointer(&format!("/{path}"))
            .unwrap_or_else(|| panic!("metrics.json has no {path}"))
    }

    /// A number of `metrics.json`; panics when it is null or absent.
    pub fn num(&self, path: &str) -> f64 {
        self.get(path)
            .as_f64()
            .unwrap_or_else(|| panic!("{path} is {} (not a number)", self.get(path)))
    }

    /// True when the path is present and `null`.
    pub fn is_null(&self, path: &str) -> bool {
        self.get(path).is_null()
    }

    /// A report table by name.
    pub fn table(&self, name: &str) -> &DataFrame {
        &self
            .tables
            .iter()
            .find(|t| t.0 == name)
            .unwrap_or_else(|| panic!("no table {name}"))
            .1
    }
}

/// The row of `deal_id` in a frame with a `deal_id` column.
fn row_of(df: &DataFrame, deal_id: &str) -> usize {
    let ids = metrics::strs(df, crate::schema::DEAL_ID).expect("deal_id column");
    ids.iter()
        .position(|d| d.as_deref() == Some(deal_id))
        .unwrap_or_else(|| panic!("no row for deal {deal_id}"))
}

/// A text cell of one deal's row.
pub fn text(df: &DataFrame, deal_id: &str, column: &str) -> Option<String> {
    let i = row_of(df, deal_id);
    metrics::strings(df, column).expect("a column")[i].clone()
}

/// A numeric cell of one deal's row (booleans as 0/1).
pub fn number(df: &DataFrame, deal_id: &str, column: &str) -> Option<f64> {
    let i = row_of(df, deal_id);
    metrics::f64s(df, column).expect("a column")[i]
}

/// The deal ids of a frame, in row order.
pub fn deal_ids(df: &DataFrame) -> Vec<String> {
    metrics::strings(df, crate::schema::DEAL_ID)
        .expect("deal_id column")
        .into_iter()
        .flatten()
        .collect()
}

/// Assert two floats agree to 1e-9 (relative), naming what is compared.
#[track_caller]
pub fn close(got: f64, want: f64, what: &str) {
    let tol = 1e-9 * want.abs().max(1.0);
    assert!((got - want).abs() <= tol, "{what}: got {got}, want {want}");
}
