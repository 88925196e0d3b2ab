//! Report section `methodology`: its content, wording and chart references.

use super::*;

pub(crate) fn methodology(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("methodology", &view.text().msg("section-methodology", &[]));
    let as_of = CohortFacts::of(m).as_of;
    let defs: Vec<(&str, String)> = vec![
        ("As-of instant", format!("The end of {as_of} in UTC (midnight starting the next day). Events at or after it do not exist yet; durations are in fractional days (seconds ÷ 86,400); \"date of x\" is the UTC calendar date.")),
        ("Period cohort", cohort_period(m)),
        ("Trailing cohort", cohort_trailing(m)),
        ("Mature cohort", format!("{} First-year outcomes need a full year after close, so recent deals are not in it.", cohort_mature(m))),
        ("Survival cohort", cohort_survival(m)),
        ("SLAs", format!("{} Met = done by the deadline (a pre-close event counts as met); missed = done late, or not done and the deadline has passed; pending = not done, deadline still ahead. Attainment = met ÷ (met + missed).", sla_deadlines(view))),
        ("Completion", format!("Complete when knowledge transfer, kickoff scheduling and first value are all met; incomplete when any is missed; rate = complete ÷ (complete + incomplete); the target is {}.", pct_whole(view.settings.completion_target))),
        ("Quality score (0–100)", "15 · deal summary + 10 · stakeholder map + 15 · commitments + 10 · risk factors + 10 · all attended + 10 · agenda covered + 10 · questions answered + 15 · knowledge-transfer SLA met + 5 · intro SLA met (checklist items count 1/0; missing counts 0).".into()),
        ("Bands", "Excellent ≥ 90, good ≥ 80, acceptable ≥ 70, substandard < 70.".into()),
        ("Time to first value", "Days from close to the first first-value milestone. Quantiles use linear interpolation; the Kaplan–Meier estimate treats deals not yet at first value as censored at the as-of instant.".into()),
        ("First-year churn and expansion", "A churn (expansion) event dated within 365 days after the close date. 95% intervals are Wilson score intervals.".into()),
        ("Relative risk", "Substandard ÷ excellent churn rate, 95% CI by the log method; the adjusted estimate is Mantel–Haenszel across segments with the Greenland–Robins variance. Not computable when a count is zero.".into()),
        ("Tests", "Pearson chi-square of bands × churned/retained (no continuity correction); point-biserial correlation of score and churn with a t-test; multi-group log-rank test of the retention curves.".into()),
        ("ARR at stake", "ACV of the mature cohort's substandard deals × (substandard churn rate − excellent churn rate), floored at 0.".into()),
        ("Low samples", "Groups with fewer than 30 deals are marked † next to their numbers.".into()),
        ("Rounding", "Only in this report: rates as percentages with one decimal, scores and days with one decimal, p-values to three significant digits. metrics.json and the tables keep full precision.".into()),
        ("Interpretation", "Everything here is observational: associations between handoff quality and outcomes, not proof of cause.".into()),
    ];
    let mut defs = defs;
    let at = defs.len().saturating_sub(3);
    defs.splice(at..at, drivers::methodology_defs());
    sec.push(Block::Defs(
        defs.into_iter()
            .map(|(k, v)| (k.to_string(), vec![t(v)]))
            .collect(),
    ));
    sec
}

/// The deadlines sentence: each activity's length from close (equal neighbours joined), the
/// first-value target per segment, and the calendar.
fn sla_deadlines(view: &ReportView) -> String {
    let settings = view.settings;
    const NAMES: [(&str, &str); 5] = [
        ("knowledge_transfer", "knowledge-transfer meeting"),
        ("intro", "intro email"),
        ("cs_prep", "CS preparation"),
        ("kickoff_scheduled", "kickoff scheduled"),
        ("kickoff_held", "kickoff held"),
    ];
    let business = settings.business_days;
    let mut groups: Vec<(Vec<&str>, f64)> = Vec::new();
    for (activity, hours) in &settings.sla_hours {
        let name = NAMES
            .iter()
            .find(|(a, _)| a == activity)
            .map_or(activity.as_str(), |(_, n)| n);
        match groups.last_mut() {
            Some((names, h)) if *h == *hours => names.push(name),
            _ => groups.push((vec![name], *hours)),
        }
    }
    let mut parts: Vec<String> = groups
        .iter()
        .map(|(names, h)| format!("{} {}", names.join(" and "), duration_words(view, *h, business)))
        .collect();
    let segments: Vec<String> = settings
        .first_value_days
        .iter()
        .map(|(seg, d)| {
            let name = humanize(seg);
            let name = if name == "SMB" {
                name
            } else {
                name.to_lowercase()
            };
            format!("{name} {d}")
        })
        .collect();
    let unit = if business { "business days" } else { "days" };
    parts.push(format!(
        "first value by segment ({} {unit})",
        segments.join(", ")
    ));
    if default_deadlines(settings) {
        format!(
            "Default deadlines from close: {}; a config file may override them.",
            parts.join(", ")
        )
    } else {
        let calendar = if business {
            " Deadlines count business days (Monday to Friday) only."
        } else {
            ""
        };
        format!(
            "Deadlines from close, as set by the config file: {}.{calendar}",
            parts.join(", ")
        )
    }
}
