//! The metrics stage: every definition of METRICS.md §4 computed from the fact table, one file
//! per section, assembled into `metrics.json` (schema_version 1) and the report tables.
//! Cohort filters and group aggregates are lazy polars plans collected once per table;
//! statistics that need whole samples (quantiles, Kaplan–Meier, tests) run on the collected
//! columns through [`crate::stats`]. Nothing is rounded here.

pub mod alerts;
pub mod churn;
pub mod cohort;
pub mod cohorts;
pub mod completeness;
pub mod cox;
pub mod drivers;
pub mod inputs;
pub mod operations;
pub mod quality;
pub mod satisfaction;
pub mod sla;
pub mod snapshots;
pub mod transitions;
pub mod ttfv;
pub mod typed;

use typed::MetricSection;

use std::collections::BTreeMap;

use polars::prelude::*;
use serde_json::{json, Map, Value};

use crate::ingest::Ingested;
use crate::model::ModelParams;
use crate::period::Period;
use crate::schema as s;

/// The input tables metrics read rows of (besides the fact table): the ownership
/// transitions with the health and renewal rows after them (`transitions.rs`). The report
/// frees every other table's rows once the fact table's parts are made (the snapshot rows
/// earlier, [`release_snapshot_rows`]; both at once: [`release_unread`]), so a metric that
/// reads another table must add it here.
pub const INPUTS_READ: [&str; 3] = [s::TRANSITIONS, s::HEALTH, s::RENEWALS];

/// Free the input rows no metric reads: every table but [`INPUTS_READ`], and of `health`
/// all but the rows [`release_snapshot_rows`] keeps (peak memory, issue #17). Each table
/// keeps its columns, so [`Ingested::has`] still answers.
pub fn release_unread(ing: &mut Ingested) -> PolarsResult<()> {
    release_snapshot_rows(ing)?;
    ing.release_except(&INPUTS_READ);
    Ok(())
}

/// Free the snapshot rows no metric reads: all of `adoption`, and of `health` (10.8 M rows
/// at a million deals) all but the rows of deals with an ownership transition, the only
/// ones `transitions.rs` looks at. The report calls this as soon as the fact table's
/// snapshot windows are made ([`crate::model::parts_freeing`]), the rest of
/// [`release_unread`] once its other parts are.
pub fn release_snapshot_rows(ing: &mut Ingested) -> PolarsResult<()> {
    if !INPUTS_READ.contains(&s::ADOPTION) {
        if let Some(adoption) = ing.tables.get_mut(s::ADOPTION) {
            *adoption = adoption.clear();
        }
    }
    if let Some(health) = ing.tables.get(s::HEALTH) {
        let read = transitions::health_rows_read(health, ing.tables.get(s::TRANSITIONS))?;
        ing.tables.insert(s::HEALTH, read);
    }
    Ok(())
}

/// Everything a metric needs: the collected fact table, the inputs, the period.
pub struct Ctx<'a> {
    pub facts: &'a DataFrame,
    pub ing: &'a Ingested,
    pub params: &'a ModelParams,
    pub period: Period,
}

impl Ctx<'_> {
    pub fn lf(&self) -> LazyFrame {
        self.facts.clone().lazy()
    }
    pub fn has(&self, table: &str) -> bool {
        self.ing.has(table)
    }
}

/// A finished computation: the metrics document and the report tables.
pub struct Computed {
    pub metrics: Value,
    /// Report tables by name, in report order.
    pub tables: Vec<(String, DataFrame)>,
    pub alerts: Vec<Alert>,
    /// The same alerts typed (kind + numbers), for their sentence in the reader's language
    /// (`AlertFact::sentence`); `alerts` holds the English one `metrics.json` records.
    pub alert_facts: Vec<alerts::AlertFact>,
    /// The cohorts the metrics used (the SQL views of the custom analyses reuse them).
    pub cohorts: cohort::Cohorts,
    /// The settings the metrics used; the report states them (floor, deadlines, targets).
    pub settings: crate::config::Settings,
}

pub use alerts::Alert;
pub use inputs::data_quality_frame;

// ---- small helpers shared by the sections ---------------------------------------------

/// A float column as options (NaN becomes None).
pub fn f64s(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<f64>>> {
    let c = df.column(name)?.cast(&DataType::Float64)?;
    Ok(c.f64()?.iter().map(|v| v.filter(|x| !x.is_nan())).collect())
}

/// A text column as options, borrowed from the frame (no `String` per row: the sections
/// read the band, segment and status of every deal of million-row cohorts, issue #17). A
/// column of nulls only (dtype Null) reads as all `None`; another non-text column is an
/// error (use [`strings()`] to read any column as text).
pub fn strs<'a>(df: &'a DataFrame, name: &str) -> PolarsResult<Vec<Option<&'a str>>> {
    let c = df.column(name)?;
    if c.dtype() == &DataType::Null {
        return Ok(vec![None; c.len()]);
    }
    Ok(c.str()?.iter().collect())
}

/// Any column as owned text options (cast to String first).
pub fn strings(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<String>>> {
    let c = df.column(name)?.cast(&DataType::String)?;
    Ok(c.str()?.iter().map(|v| v.map(str::to_string)).collect())
}

/// A boolean column (null = false).
pub fn bools(df: &DataFrame, name: &str) -> PolarsResult<Vec<bool>> {
    let c = df.column(name)?.cast(&DataType::Boolean)?;
    Ok(c.bool()?.iter().map(|v| v.unwrap_or(false)).collect())
}

/// Row indices per group, in `order` first (non-empty groups only), then other keys sorted.
///
/// A row with the key of the row before joins that row's group without a lookup, and a
/// new key is looked up by hash: million-row cohorts with a handful of keys (bands,
/// segments) went through an ordered map's string comparisons for every row (issue #17).
pub fn group_rows<K: AsRef<str>>(keys: &[Option<K>], order: &[&str]) -> Vec<(String, Vec<usize>)> {
    let mut index: PlHashMap<&str, usize> = PlHashMap::new();
    let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut last: Option<(&str, usize)> = None;
    for (i, k) in keys.iter().enumerate() {
        let Some(k) = k else { continue };
        let k = k.as_ref();
        let g = match last {
            Some((key, g)) if key == k => g,
            _ => {
                let g = *index.entry(k).or_insert_with(|| {
                    groups.push((k, Vec::new()));
                    groups.len() - 1
                });
                last = Some((k, g));
                g
            }
        };
        groups[g].1.push(i);
    }
    let mut map: BTreeMap<&str, Vec<usize>> = groups.into_iter().collect();
    let mut out = Vec::new();
    for o in order {
        if let Some(v) = map.remove(*o) {
            out.push((o.to_string(), v));
        }
    }
    out.extend(map.into_iter().map(|(k, v)| (k.to_string(), v)));
    out
}

/// JSON number or null.
pub fn num(v: Option<f64>) -> Value {
    match v {
        Some(x) if x.is_finite() => json!(x),
        _ => Value::Null,
    }
}

/// A rate with an empty denominator is null.
pub fn rate(k: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| k as f64 / n as f64)
}

/// Build a DataFrame from named columns.
pub fn frame(cols: Vec<Column>) -> PolarsResult<DataFrame> {
    DataFrame::new_infer_height(cols)
}

/// Run one metric section, its time logged at debug level (`-vv`) under its name.
fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    crate::logging::timed(&format!("metrics: {name}"), f)
}

/// Compute everything for one period.
pub fn compute(
    facts: &DataFrame,
    ing: &Ingested,
    params: &ModelParams,
    period: Period,
) -> anyhow::Result<Computed> {
    let ctx = Ctx {
        facts,
        ing,
        params,
        period,
    };
    let cohorts = timed("cohorts", || cohort::Cohorts::new(&ctx))?;
    let mut tables: Vec<(String, DataFrame)> = Vec::new();
    let mut m = Map::new();
    m.insert("schema_version".into(), json!(1));
    m.insert(
        typed::AsOf::KEY.into(),
        typed::AsOf(params.as_of.to_string()).json(),
    );
    m.insert(
        typed::PeriodInfo::KEY.into(),
        typed::PeriodInfo {
            label: period.label(),
            kind: match period.kind {
                crate::period::PeriodKind::Monthly => typed::ReportKind::Monthly,
                crate::period::PeriodKind::Quarterly => typed::ReportKind::Quarterly,
            },
            start: period.start.to_string(),
            end: period.end.to_string(),
        }
        .json(),
    );
    m.insert(inputs::Inputs::KEY.into(), inputs::Inputs::of(ing).json());
    if ing.derived_segments > 0 {
        // METRICS.md §3.1: the report says the segments were derived from ACV.
        m.insert(
            inputs::SegmentsDerived::KEY.into(),
            inputs::SegmentsDerived(ing.derived_segments).json(),
        );
    }
    m.insert("cohort".into(), cohorts.json());

    let q = timed("quality", || quality::quality(&cohorts.period))?;
    m.insert("quality".into(), q.json);
    tables.push(("quality_bands".into(), q.bands_table));
    let c = sla::completion(
        &cohorts.period,
        params.settings.completion_target,
        ing.has(s::MILESTONES),
    )?;
    m.insert("completion".into(), c.json);
    let sl = sla::attainment(&cohorts.period, ing.has(s::MILESTONES))?;
    m.insert("sla".into(), sl.json);
    tables.push(("sla_attainment".into(), sl.table));
    let comp = timed("completeness", || {
        completeness::completeness(&ctx, &cohorts.period)
    })?;
    m.insert(
        completeness::Completeness::KEY.into(),
        typed::json_or_null(&comp.section),
    );
    tables.push(("missing_information".into(), comp.table));
    m.insert(
        "acceptance".into(),
        quality::acceptance(&ctx, &cohorts.period)?,
    );
    // The outcome models (drivers, Cox, churn by close quarter: about half the metrics'
    // time at a million deals) are computed on a second thread beside the other sections;
    // their keys and tables still go in at their place in the document.
    let (outcomes, later) = crate::parallel::join(
        || outcome_models(&ctx, &cohorts),
        || -> anyhow::Result<_> {
            let t = timed("ttfv", || ttfv::ttfv(&ctx, &cohorts.trailing))?;
            m.insert(ttfv::Ttfv::KEY.into(), typed::json_or_null(&t.section));
            tables.extend(t.tables);
            let snaps = timed("snapshots", || {
                snapshots::snapshots(&ctx, &cohorts.trailing)
            })?;
            m.insert(
                snapshots::Adoption::KEY.into(),
                typed::json_or_null(&snaps.adoption),
            );
            m.insert(
                snapshots::Health::KEY.into(),
                typed::json_or_null(&snaps.health),
            );
            tables.push(("adoption_health".into(), snaps.table));
            let sat = timed("satisfaction", || {
                satisfaction::satisfaction(&ctx, &cohorts.trailing)
            })?;
            m.insert("satisfaction".into(), sat.json);
            tables.push(("satisfaction".into(), sat.table));
            tables.push(("csat_review".into(), sat.review));
            let ch = timed("churn", || {
                churn::churn(&ctx, &cohorts.mature, &cohorts.survival)
            })?;
            m.insert("churn".into(), ch.churn);
            m.insert("expansion".into(), ch.expansion);
            tables.extend(ch.tables);
            let ops = timed("operations", || operations::operations(&ctx, &cohorts))?;
            let tr = timed("transitions", || transitions::transitions(&ctx))?;
            let previous = timed("previous period", || previous(&ctx))?;
            Ok((ops, tr, previous))
        },
    );
    let (ops, tr, previous) = later?;
    let (outcome_keys, outcome_tables) = outcomes?;
    m.extend(outcome_keys);
    tables.extend(outcome_tables);
    m.insert(operations::Trend::KEY.into(), ops.trend.json());
    m.insert(operations::Escalations::KEY.into(), ops.escalations.json());
    m.insert(operations::Scorecards::KEY.into(), ops.scorecards.json());
    tables.extend(ops.tables);
    m.insert(
        transitions::Transitions::KEY.into(),
        typed::json_or_null(&tr.section),
    );
    tables.extend(tr.tables);
    m.insert("previous_period".into(), previous);
    let alert_facts = alerts::fired(
        section::<typed::Completion>(&m).as_ref(),
        section::<typed::SlaAttainment>(&m).as_ref(),
        Some(&ops.scorecards),
        Some(&ops.escalations),
        &params.settings,
    );
    let alerts: Vec<Alert> = alert_facts.iter().map(alerts::AlertFact::alert).collect();
    m.insert(
        alerts::Alerts::KEY.into(),
        alerts::Alerts(alerts.clone()).json(),
    );
    m.insert(
        inputs::Warnings::KEY.into(),
        inputs::Warnings(ing.warnings.clone()).json(),
    );
    tables.push(("data_quality".into(), data_quality_frame(ing)?));
    Ok(Computed {
        metrics: Value::Object(m),
        tables,
        alerts,
        alert_facts,
        cohorts,
        settings: params.settings.clone(),
    })
}

/// Report tables by name, in report order.
type Tables = Vec<(String, DataFrame)>;

/// METRICS.md §4.12, §4.13 and §4.15 (null without a renewals table, like every churn
/// metric): their keys of `metrics.json` in order, and their tables.
fn outcome_models(
    ctx: &Ctx,
    cohorts: &cohort::Cohorts,
) -> anyhow::Result<(Map<String, Value>, Tables)> {
    let mut m = Map::new();
    let mut tables = Vec::new();
    if !ctx.has(s::RENEWALS) {
        for key in ["drivers", "cox", "cox_score", "churn_cohorts"] {
            m.insert(key.into(), Value::Null);
        }
        return Ok((m, tables));
    }
    let d = timed("drivers", || drivers::drivers(&cohorts.mature))?;
    m.insert("drivers".into(), d.json);
    tables.push(("churn_drivers".into(), d.table));
    let c = timed("cox", || cox::cox(&cohorts.survival))?;
    m.insert("cox".into(), c.cox.map_or(Value::Null, |x| x.json()));
    m.insert(
        "cox_score".into(),
        c.cox_score.map_or(Value::Null, |x| x.json()),
    );
    tables.push(("cox_hazard_ratios".into(), c.table));
    let q = timed("churn cohorts", || cohorts::churn_cohorts(&cohorts.mature))?;
    m.insert("churn_cohorts".into(), q.json);
    tables.push(("churn_by_close_quarter".into(), q.table));
    Ok((m, tables))
}

/// Headline numbers of the previous period of the same kind (for "change vs previous").
fn previous(ctx: &Ctx) -> anyhow::Result<Value> {
    let p = ctx.period.previous();
    let prev = cohort::period_cohort(ctx, p)?;
    let q = quality::quality(&prev)?;
    let c = sla::completion(
        &prev,
        ctx.params.settings.completion_target,
        ctx.has(s::MILESTONES),
    )?;
    let sl = sla::attainment(&prev, ctx.has(s::MILESTONES))?;
    Ok(typed::PreviousPeriod {
        label: p.label(),
        deals: prev.height() as u64,
        quality_mean: q.json["mean"].as_f64(),
        completion_rate: c.json["rate"].as_f64(),
        knowledge_transfer_rate: sl.json["knowledge_transfer"]["rate"].as_f64(),
    }
    .json())
}

/// A typed section of the document being built.
fn section<T: MetricSection>(m: &Map<String, Value>) -> Option<T> {
    serde_json::from_value(m.get(T::KEY)?.clone()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strs_borrows_text_and_reads_a_null_column_as_missing() {
        let mut df =
            df!("band" => [Some("good"), None, Some("good")], "n" => [1i64, 2, 3]).expect("frame");
        df.with_column(Column::full_null("empty".into(), 3, &DataType::Null))
            .expect("column");
        assert_eq!(
            strs(&df, "band").expect("text"),
            [Some("good"), None, Some("good")]
        );
        assert_eq!(strs(&df, "empty").expect("nulls"), [None, None, None]);
        // A number column is not text here; `strings` reads it through a cast.
        assert!(strs(&df, "n").is_err());
        let n = strings(&df, "n").expect("cast");
        assert_eq!(
            n,
            [Some("1".to_string()), Some("2".into()), Some("3".into())]
        );
        let groups = group_rows(&strs(&df, "band").expect("text"), &["excellent", "good"]);
        assert_eq!(groups, [("good".to_string(), vec![0, 2])]);
    }

    #[test]
    fn groups_in_the_given_order_then_sorted_rows_in_order() {
        let keys = [
            Some("b"),
            Some("b"),
            None,
            Some("poor"),
            Some("a"),
            Some("b"),
            Some("good"),
            Some("a"),
        ];
        let got = group_rows(&keys, &["good", "fair", "poor"]);
        let want = [
            ("good".to_string(), vec![6]),
            ("poor".to_string(), vec![3]),
            ("a".to_string(), vec![4, 7]),
            ("b".to_string(), vec![0, 1, 5]),
        ];
        assert_eq!(got, want);
    }
}
