//! Report section `adoption`: its content, wording and chart references.

use super::*;

/// `mean (n)` cells of a by-band object for one metric and day.
pub(crate) fn mean_cell(g: &Value, fmt: fn(Option<f64>) -> String) -> Cell {
    if g.is_null() {
        return Cell::num(DASH);
    }
    let (n, low) = group_n(g);
    Cell::num(format!("{} ({})", fmt(fnum(g, &["mean"])), int(n))).low(low)
}

pub(crate) fn adoption_health(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("adoption", &view.text().msg("section-adoption", &[]))
        .cohort(cohort_trailing(m));
    sec.push(Block::Para(vec![t(
        "Utilisation = active users ÷ licensed seats from the latest adoption snapshot in the 7 days up to day N after close; health = the latest health score in the 14 days up to day N. Deals without a snapshot in the window are missing, never zero; only deals whose day N has passed count. Cells show mean (n).",
    )]));
    let adoption = at(m, &["adoption"]);
    let health = at(m, &["health"]);
    if adoption.is_null() && health.is_null() {
        sec.push(not_provided("adoption"));
        sec.push(not_provided("health"));
        return sec;
    }
    if view.rows("adoption_health").is_some() {
        sec.push(Block::Chart("adoption_health".into()));
    }
    for (title, obj, input, fmt) in [
        (
            "Utilisation by band",
            adoption,
            s::ADOPTION,
            pct as fn(Option<f64>) -> String,
        ),
        ("Health score by band", health, s::HEALTH, num1),
    ] {
        sec.push(Block::Heading(title.into()));
        if obj.is_null() {
            sec.push(not_provided(input));
            continue;
        }
        let mut keys: Vec<String> = Vec::new();
        for d in ["day_30", "day_60", "day_90"] {
            for k in band_keys(at(obj, &[d, "by_band"])) {
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
        keys.sort_by_key(|k| s::BANDS.iter().position(|b| b == k).unwrap_or(usize::MAX));
        if keys.is_empty() {
            sec.push(no_rows("no deal has reached day 30 with a snapshot"));
            continue;
        }
        let mut table =
            Table::new(&["Band", "Day 30", "Day 60", "Day 90"]).cohort(short_trailing(m));
        for k in &keys {
            let mut row = vec![Cell::text(humanize(k))];
            for d in ["day_30", "day_60", "day_90"] {
                row.push(mean_cell(at(obj, &[d, "by_band", k]), fmt));
            }
            table.rows.push(row);
        }
        sec.push(Block::Table(table));
    }
    sec
}
