//! METRICS.md §4.5 information completeness: mean per-handoff completeness and the fill rate of
//! each required field over the period cohort's handoff records, most-missing first.

use indexmap::IndexMap;
use polars::prelude::*;
use serde::{Deserialize, Serialize};

use super::typed::MetricSection;
use super::{bools, f64s, frame, Ctx};
use crate::schema as s;
use crate::stats;

/// METRICS.md §4.5 over the period cohort's handoff records (null without a handoffs table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Completeness {
    /// Mean per-handoff completeness (0–100); null without records.
    pub mean: Option<f64>,
    pub handoff_records: u64,
    /// Fill rate per required field, in the configured order; null without records.
    pub fields: IndexMap<String, Option<f64>>,
}

impl MetricSection for Completeness {
    const KEY: &'static str = "completeness";
}

/// The section and the `missing_information` table, most-missing first.
pub struct CompletenessOut {
    pub section: Option<Completeness>,
    pub table: DataFrame,
}

pub fn completeness(ctx: &Ctx, cohort: &DataFrame) -> anyhow::Result<CompletenessOut> {
    if !ctx.has(s::HANDOFFS) {
        return Ok(CompletenessOut {
            section: None,
            table: frame(vec![
                Column::new("field".into(), Vec::<String>::new()),
                Column::new("fill_rate".into(), Vec::<f64>::new()),
            ])?,
        });
    }
    let has = bools(cohort, s::HAS_HANDOFF)?;
    let records = has.iter().filter(|h| **h).count();
    let values: Vec<f64> = f64s(cohort, s::COMPLETENESS)?
        .into_iter()
        .flatten()
        .collect();
    let mut fields = IndexMap::new();
    let mut rows: Vec<(String, Option<f64>)> = Vec::new();
    for f in &ctx.params.settings.required_fields {
        let filled = bools(cohort, &format!("{f}_filled"))?;
        let k = filled.iter().zip(&has).filter(|(x, h)| **x && **h).count() as u64;
        let r = super::rate(k, records as u64);
        fields.insert(f.clone(), r);
        rows.push((f.clone(), r));
    }
    // Most often missing first; ties in the order of METRICS.md §3.
    let mut ranked = rows.clone();
    ranked.sort_by(|a, b| {
        a.1.unwrap_or(1.0)
            .partial_cmp(&b.1.unwrap_or(1.0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let table = frame(vec![
        Column::new(
            "field".into(),
            ranked.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "fill_rate".into(),
            ranked.iter().map(|r| r.1).collect::<Vec<_>>(),
        ),
        Column::new(
            "missing_rate".into(),
            ranked
                .iter()
                .map(|r| r.1.map(|x| 1.0 - x))
                .collect::<Vec<_>>(),
        ),
    ])?;
    Ok(CompletenessOut {
        section: Some(Completeness {
            mean: stats::mean(&values),
            handoff_records: records as u64,
            fields,
        }),
        table,
    })
}

#[cfg(test)]
mod tests {
    use crate::testkit::{close, number, Data};

    /// Three handoff records and one deal without a record, October 2026. Info fields in
    /// METRICS.md §3 order: customer_context, stakeholders, objectives, scope, technical,
    /// implementation, risks.
    fn info() -> Data {
        Data::new("2026-10-31")
            .deals(&[
                "I1,A1,smb,1000,2026-10-05T00:00:00Z,rep",
                "I2,A2,smb,1000,2026-10-05T00:00:00Z,rep",
                "I3,A3,smb,1000,2026-10-05T00:00:00Z,rep",
                "I4,A4,smb,1000,2026-10-05T00:00:00Z,rep",
            ])
            .csv(
                "handoffs",
                &[
                    "handoff_id,deal_id,info_customer_context,info_stakeholders,info_objectives,\
                     info_scope,info_technical,info_implementation,info_risks",
                    // all 7 filled, one of them N/A (counts as filled) → 100.
                    "H1,I1,ctx,people,goals,scope,tech,plan,N/A",
                    // N/A, blank, spaces only, a quoted blank, x, blank, blank → 2 of 7.
                    "H2,I2,N/A,,   ,x,\"  \",,",
                    // risks missing → 6 of 7.
                    "H3,I3,ctx,people,goals,scope,tech,plan,",
                ],
            )
    }

    #[test]
    fn per_handoff_completeness_and_field_fill_rates() {
        let run = info().run("2026-10");
        let c = |d: &str| number(&run.facts, d, crate::schema::COMPLETENESS);
        close(c("I1").unwrap(), 100.0, "I1");
        close(c("I2").unwrap(), 200.0 / 7.0, "I2: 2 of 7");
        close(c("I3").unwrap(), 600.0 / 7.0, "I3: 6 of 7");
        assert_eq!(c("I4"), None, "no handoff record: not a 0");
        // mean over the 3 records: (700 + 200 + 600) / 7 / 3 = 500 / 7 = 71.4286.
        close(run.num("completeness/mean"), 500.0 / 7.0, "mean");
        assert_eq!(run.get("completeness/handoff_records"), 3);
        // fill rates over the 3 records (I4 has none and is not in the denominator).
        close(
            run.num("completeness/fields/info_customer_context"),
            1.0,
            "ctx 3/3",
        );
        close(
            run.num("completeness/fields/info_stakeholders"),
            2.0 / 3.0,
            "2/3",
        );
        close(
            run.num("completeness/fields/info_objectives"),
            2.0 / 3.0,
            "2/3",
        );
        close(run.num("completeness/fields/info_scope"), 1.0, "scope 3/3");
        close(
            run.num("completeness/fields/info_technical"),
            2.0 / 3.0,
            "2/3",
        );
        close(
            run.num("completeness/fields/info_implementation"),
            2.0 / 3.0,
            "2/3",
        );
        close(
            run.num("completeness/fields/info_risks"),
            1.0 / 3.0,
            "risks 1/3",
        );
        // Ranked most-missing first, ties in METRICS.md order.
        let t = run.table("missing_information");
        let fields: Vec<String> = crate::metrics::strings(t, "field")
            .unwrap()
            .into_iter()
            .flatten()
            .collect();
        assert_eq!(
            fields,
            [
                "info_risks",
                "info_stakeholders",
                "info_objectives",
                "info_technical",
                "info_implementation",
                "info_customer_context",
                "info_scope",
            ]
        );
        let missing = crate::metrics::f64s(t, "missing_rate").unwrap();
        close(missing[0].unwrap(), 2.0 / 3.0, "risks missing 2/3");
    }

    #[test]
    fn required_fields_from_the_config() {
        let run = info()
            .config("required_fields = [\"info_scope\", \"info_risks\"]\n")
            .run("2026-10");
        // I1 2 of 2 → 100; I2 scope only → 50; I3 scope only → 50; mean 200 / 3.
        close(run.num("completeness/mean"), 200.0 / 3.0, "mean");
        let fields = run.get("completeness/fields").as_object().unwrap();
        assert_eq!(fields.len(), 2);
        close(
            run.num("completeness/fields/info_risks"),
            1.0 / 3.0,
            "risks",
        );
    }

    #[test]
    fn no_handoff_records_gives_null_rates() {
        // The period's only deal has no handoff record.
        let run = Data::new("2026-10-31")
            .deals(&["N1,A1,smb,1000,2026-10-05T00:00:00Z,rep"])
            .run("2026-10");
        assert_eq!(run.get("completeness/handoff_records"), 0);
        assert!(run.is_null("completeness/mean"));
        // 0 filled of 0 records → null, not 0.
        assert!(run.is_null("completeness/fields/info_scope"));
    }
}
