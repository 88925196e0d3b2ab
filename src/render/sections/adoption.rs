//! Report section `adoption`: its content, wording and chart references.

use super::*;

pub(crate) fn adoption_health(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec =
        Section::new("adoption", &view.msg("section-adoption")).cohort(cohort_trailing(m));
    sec.push(Block::Para(vec![t(view.msg("adoption-intro"))]));
    let adoption = view.section::<Adoption>().map(|a| a.0);
    let health = view.section::<Health>().map(|h| h.0);
    if adoption.is_none() && health.is_none() {
        sec.push(not_provided(s::ADOPTION));
        sec.push(not_provided(s::HEALTH));
        return sec;
    }
    if view.rows("adoption_health").is_some() {
        sec.push(Block::Chart("adoption_health".into()));
    }
    for (title, days, input, fmt) in [
        (
            "adoption-utilisation-by-band",
            adoption,
            s::ADOPTION,
            pct as fn(Option<f64>) -> String,
        ),
        ("adoption-health-by-band", health, s::HEALTH, num1),
    ] {
        sec.push(Block::Heading(view.msg(title)));
        let Some(days) = days else {
            sec.push(not_provided(input));
            continue;
        };
        let bands: Vec<Band> = Band::ALL
            .into_iter()
            .filter(|b| days.days().iter().any(|(_, d)| d.by_band.contains_key(b)))
            .collect();
        if bands.is_empty() {
            sec.push(no_rows(&view.msg("adoption-no-rows")));
            continue;
        }
        let mut table = view
            .headed(&["table-band", "table-day-30", "table-day-60", "table-day-90"])
            .cohort(short_trailing(m));
        for band in bands {
            let mut row = vec![Cell::text(view.label(&band.label_id()))];
            for (_, day) in days.days() {
                row.push(group_mean_cell(day.by_band.get(&band), fmt));
            }
            table.rows.push(row);
        }
        sec.push(Block::Table(table));
    }
    sec
}
