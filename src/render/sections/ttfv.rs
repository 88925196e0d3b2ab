//! Report section `ttfv`: its content, wording and chart references.

use super::*;

pub(crate) fn ttfv_table(df: &DataFrame, what: &str, cohort: String) -> Table {
    let group = col_str(df, "group");
    let n = col_f64(df, "n");
    let reached = col_f64(df, "reached");
    let median = col_f64(df, "median");
    let p25 = col_f64(df, "p25");
    let p75 = col_f64(df, "p75");
    let p90 = col_f64(df, "p90");
    let km = col_f64(df, "km_median");
    let r30 = col_f64(df, "km_reached_by_30");
    let r60 = col_f64(df, "km_reached_by_60");
    let r90 = col_f64(df, "km_reached_by_90");
    let mut table = Table::new(&[
        what,
        "Deals",
        "Reached",
        "Median days",
        "p25–p75",
        "p90",
        "KM median",
        "By day 30",
        "By day 60",
        "By day 90",
    ])
    .cohort(cohort);
    for i in 0..df.height() {
        let nn = get(&n, i).map(|x| x as u64);
        let low = nn.is_some_and(|x| x < LOW_SAMPLE);
        let g = get(&group, i).unwrap_or_default();
        let label = if what == "ACV band" { g } else { humanize(&g) };
        let iqr = match (get(&p25, i), get(&p75, i)) {
            (Some(a), Some(b)) => format!("{}–{}", num1(Some(a)), num1(Some(b))),
            _ => DASH.into(),
        };
        table.rows.push(vec![
            Cell::text(label),
            Cell::num(int(nn)).low(low),
            Cell::num(int(get(&reached, i).map(|x| x as u64))),
            Cell::num(num1(get(&median, i))).low(low),
            Cell::num(iqr),
            Cell::num(num1(get(&p90, i))),
            Cell::num(num1(get(&km, i))).low(low),
            Cell::num(pct(get(&r30, i))),
            Cell::num(pct(get(&r60, i))),
            Cell::num(pct(get(&r90, i))),
        ]);
    }
    table.note("Median, p25–p75 and p90 are over the deals that reached first value; the Kaplan–Meier (KM) median and the shares reached by day 30/60/90 count every deal, those still waiting as censored — so slow groups are not flattered by leaving them out.")
}

pub(crate) fn ttfv_section(view: &ReportView, quarterly: bool) -> Section {
    let m = view.metrics;
    let title = if quarterly {
        "section-ttfv-quarterly"
    } else {
        "section-ttfv-monthly"
    };
    let mut sec = Section::new("ttfv", &view.text().msg(title, &[])).cohort(cohort_trailing(m));
    if !view.provided(s::MILESTONES) {
        sec.push(not_provided(s::MILESTONES));
        return sec;
    }
    sec.push(Block::Para(vec![t(
        "Days from close to the first first-value milestone before the as-of instant.",
    )]));
    let mut groups: Vec<(&str, &str, &str)> = vec![("ttfv_by_segment", "Segment", "by segment")];
    if quarterly {
        groups.push(("ttfv_by_acv_band", "ACV band", "by ACV band"));
        groups.push((
            "ttfv_by_quality_band",
            "Quality band",
            "by handoff-quality band",
        ));
    }
    for (i, (table, what, heading)) in groups.into_iter().enumerate() {
        if quarterly {
            sec.push(Block::Heading(format!("TTFV {heading}")));
        }
        match view.rows(table) {
            Some(df) => {
                if i == 0 {
                    sec.push(Block::Chart("ttfv_by_segment".into()));
                }
                if table == "ttfv_by_quality_band" {
                    sec.push(Block::Chart("ttfv_km_curves".into()));
                }
                sec.push(Block::Table(ttfv_table(df, what, short_trailing(m))));
            }
            None => sec.push(no_rows("no deals in the trailing cohort")),
        }
    }
    sec
}

/// Time to first value as the monthly review shows it.
pub(crate) fn ttfv_monthly(view: &ReportView) -> Section {
    ttfv_section(view, false)
}

/// Time to first value as the quarterly report shows it.
pub(crate) fn ttfv_quarterly(view: &ReportView) -> Section {
    ttfv_section(view, true)
}
