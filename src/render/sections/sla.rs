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
pub(crate) fn duration_words(hours: f64, business: bool) -> String {
    let biz = if business { "business " } else { "" };
    if hours >= 72.0 && hours % 24.0 == 0.0 {
        format!("{} {biz}days", hours / 24.0)
    } else if business {
        format!("{hours} business hours")
    } else {
        format!("{hours} h")
    }
}

/// The deadline of an activity from close, as configured (METRICS.md §4.2).
pub(crate) fn deadline(settings: &Settings, activity: &str) -> String {
    let business = settings.business_days;
    if activity == "first_value" {
        let days = settings.first_value_days.iter().map(|(_, d)| *d);
        let lo = days.clone().fold(f64::INFINITY, f64::min);
        let hi = days.fold(f64::NEG_INFINITY, f64::max);
        let biz = if business { "business " } else { "" };
        let range = if lo == hi {
            format!("{lo}")
        } else {
            format!("{lo}–{hi}")
        };
        return format!("close + segment target ({range} {biz}days)");
    }
    settings
        .sla_hours
        .iter()
        .find(|(a, _)| a == activity)
        .map(|(_, h)| format!("close + {}", duration_words(*h, business)))
        .unwrap_or_default()
}

pub(crate) fn sla(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec =
        Section::new("sla", &view.text().msg("section-sla", &[])).cohort(cohort_period(m));
    let Some(df) = view.rows("sla_attainment") else {
        sec.push(no_rows("no SLA activities"));
        return sec;
    };
    sec.push(Block::Para(vec![
        t("Attainment = met ÷ (met + missed); pending activities (deadline still ahead) are left out. The floor is "),
        b(pct(Some(view.settings.sla_floor))),
        t("."),
    ]));
    sec.push(Block::Chart("sla_attainment".into()));
    let (act, met, missed, pending, rate) = (
        col_str(df, "activity"),
        col_f64(df, "met"),
        col_f64(df, "missed"),
        col_f64(df, "pending"),
        col_f64(df, "attainment"),
    );
    let defaults = default_deadlines(view.settings);
    let mut table = Table::new(&[
        "Activity",
        if defaults { "Default deadline" } else { "Deadline" },
        "Met",
        "Missed",
        "Pending",
        "Attainment",
    ])
    .cohort(short_period(m))
    .note(if defaults {
        "Deadlines shown are the defaults of the specification; a config file may override them. First value needs the milestones table."
    } else {
        "Deadlines shown are those set by the config file. First value needs the milestones table."
    });
    for i in 0..df.height() {
        let a = get(&act, i).unwrap_or_default();
        let r = get(&rate, i);
        table.rows.push(vec![
            Cell::text(humanize(&a)),
            Cell::text(deadline(view.settings, &a)),
            Cell::num(int(get(&met, i).map(|x| x as u64))),
            Cell::num(int(get(&missed, i).map(|x| x as u64))),
            Cell::num(int(get(&pending, i).map(|x| x as u64))),
            Cell::num(pct(r)).rag(rag_rate(r, view.settings.sla_floor)),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}
