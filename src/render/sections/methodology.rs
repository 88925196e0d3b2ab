//! Report section `methodology`: its content, wording and chart references.

use super::*;

pub(crate) fn methodology(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("methodology", &view.msg("section-methodology"));
    let as_of = crate::render::format::date(&CohortFacts::of(m).as_of);
    let def = |id: &str, value: String| (view.msg(&format!("{id}-term")), value);
    let text = |id: &str| def(id, view.msg(id));
    let mut defs: Vec<(String, String)> = vec![
        def(
            "methodology-as-of",
            view.msg_with("methodology-as-of", &[("date", &as_of)]),
        ),
        def("methodology-period", cohort_period(m)),
        def("methodology-trailing", cohort_trailing(m)),
        def(
            "methodology-mature",
            view.msg_with("methodology-mature", &[("cohort", &cohort_mature(m))]),
        ),
        def("methodology-survival", cohort_survival(m)),
        def(
            "methodology-slas",
            view.msg_with("methodology-slas", &[("deadlines", &sla_deadlines(view))]),
        ),
        def(
            "methodology-completion",
            view.msg_with(
                "methodology-completion",
                &[("target", &pct_whole(view.settings.completion_target))],
            ),
        ),
        text("methodology-score"),
        text("methodology-bands"),
        text("methodology-ttfv"),
        text("methodology-churn"),
        text("methodology-relative-risk"),
        text("methodology-tests"),
        text("methodology-arr"),
        text("methodology-low-samples"),
        text("methodology-rounding"),
        text("methodology-interpretation"),
    ];
    let at = defs.len().saturating_sub(3);
    defs.splice(
        at..at,
        drivers::methodology_defs()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v)),
    );
    sec.push(Block::Defs(
        defs.into_iter().map(|(k, v)| (k, vec![t(v)])).collect(),
    ));
    sec
}

/// The deadlines sentence: each activity's length from close (equal neighbours joined), the
/// first-value target per segment, and the calendar.
fn sla_deadlines(view: &ReportView) -> String {
    let settings = view.settings;
    let business = settings.business_days;
    let mut groups: Vec<(Vec<String>, f64)> = Vec::new();
    for (activity, hours) in &settings.sla_hours {
        let name = activity.parse::<Activity>().map_or_else(
            |_| activity.clone(),
            |a| view.msg(&format!("methodology-{}", a.label_id())),
        );
        match groups.last_mut() {
            Some((names, h)) if *h == *hours => names.push(name),
            _ => groups.push((vec![name], *hours)),
        }
    }
    let and = view.msg("methodology-and");
    let mut parts: Vec<String> = groups
        .iter()
        .map(|(names, h)| {
            view.msg_with(
                "methodology-deadline",
                &[
                    ("activities", &names.join(&and)),
                    ("duration", &duration_words(view, *h, business)),
                ],
            )
        })
        .collect();
    let segments: Vec<String> = settings
        .first_value_days
        .iter()
        .map(|(seg, d)| {
            let name = seg.parse::<Segment>().map_or_else(
                |_| humanize(seg).to_lowercase(),
                |s| view.msg(&format!("methodology-{}", s.label_id())),
            );
            view.msg_with(
                "methodology-segment-days",
                &[("segment", &name), ("days", &d.to_string())],
            )
        })
        .collect();
    let calendar = if business { "business" } else { "calendar" };
    parts.push(view.msg_with(
        &format!("methodology-first-value-{calendar}"),
        &[("segments", &segments.join(", "))],
    ));
    if default_deadlines(settings) {
        view.msg_with(
            "methodology-deadlines-default",
            &[("parts", &parts.join(", "))],
        )
    } else {
        view.msg_with(
            &format!("methodology-deadlines-config-{calendar}"),
            &[("parts", &parts.join(", "))],
        )
    }
}
