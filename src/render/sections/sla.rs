//! Report section `sla`: its content, wording and chart references.

use super::*;

/// Whether the deadlines and calendar are the specification's defaults (METRICS.md §4.2).
pub(crate) fn default_deadlines(settings: &Settings) -> bool {
    let same = |have: &[(String, f64)], want: &[(&str, f64)]| {
        have.len() == want.len()
            && have
                .iter()
                .zip(want)
                .all(|((a, x), (b, y))| a == b && x == y)
    };
    !settings.business_days
        && same(&settings.sla_hours, &crate::config::DEFAULT_SLA_HOURS)
        && same(
            &settings.first_value_days,
            &crate::config::DEFAULT_FIRST_VALUE_DAYS,
        )
}

/// A deadline length as the report states it: `48 h`, or whole days from 72 h up.
pub(crate) fn duration_words(view: &ReportView, hours: f64, business: bool) -> String {
    let calendar = if business { "business" } else { "calendar" };
    if hours >= 72.0 && hours % 24.0 == 0.0 {
        view.msg_with(
            &format!("sla-days-{calendar}"),
            &[("days", &(hours / 24.0).to_string())],
        )
    } else {
        view.msg_with(
            &format!("sla-hours-{calendar}"),
            &[("hours", &hours.to_string())],
        )
    }
}

/// The deadline of an activity from close, as configured (METRICS.md §4.2).
pub(crate) fn deadline(view: &ReportView, activity: &str) -> String {
    let settings = view.settings;
    let business = settings.business_days;
    if activity == Activity::FirstValue.as_str() {
        let days = settings.first_value_days.iter().map(|(_, d)| *d);
        let lo = days.clone().fold(f64::INFINITY, f64::min);
        let hi = days.fold(f64::NEG_INFINITY, f64::max);
        let range = if lo == hi {
            format!("{lo}")
        } else {
            format!("{lo}–{hi}")
        };
        let calendar = if business { "business" } else { "calendar" };
        return view.msg_with(
            &format!("sla-first-value-deadline-{calendar}"),
            &[("range", &range)],
        );
    }
    settings
        .sla_hours
        .iter()
        .find(|(a, _)| a == activity)
        .map(|(_, h)| {
            view.msg_with(
                "sla-deadline",
                &[("duration", &duration_words(view, *h, business))],
            )
        })
        .unwrap_or_default()
}

pub(crate) fn sla(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("sla", &view.msg("section-sla")).cohort(cohort_period(m));
    let Some(df) = view.rows("sla_attainment") else {
        sec.push(no_rows(&view.msg("sla-no-rows")));
        return sec;
    };
    sec.push(Block::Para(view.rich(
        "sla-intro",
        &[("floor", &pct(Some(view.settings.sla_floor)))],
    )));
    sec.push(Block::Chart("sla_attainment".into()));
    let (act, met, missed, pending, rate) = (
        col_str(df, "activity"),
        col_f64(df, "met"),
        col_f64(df, "missed"),
        col_f64(df, "pending"),
        col_f64(df, "attainment"),
    );
    let defaults = default_deadlines(view.settings);
    let mut table = view
        .headed(&[
            "table-activity",
            if defaults {
                "sla-default-deadline"
            } else {
                "sla-deadline-head"
            },
            "sla-met",
            "sla-missed",
            "sla-pending",
            "sla-attainment",
        ])
        .cohort(short_period(m))
        .note(view.msg(if defaults {
            "sla-note-defaults"
        } else {
            "sla-note-config"
        }));
    for i in 0..df.height() {
        let a = get(&act, i).unwrap_or_default();
        let r = get(&rate, i);
        table.rows.push(vec![
            Cell::text(activity_label(view, &a)),
            Cell::text(deadline(view, &a)),
            Cell::num(int(get(&met, i).map(|x| x as u64))),
            Cell::num(int(get(&missed, i).map(|x| x as u64))),
            Cell::num(int(get(&pending, i).map(|x| x as u64))),
            Cell::num(pct(r)).rag(rag_rate(r, view.settings.sla_floor)),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}
