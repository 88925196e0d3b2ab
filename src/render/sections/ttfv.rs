//! Report section `ttfv`: its content, wording and chart references.

use super::*;

/// How a TTFV table names its groups.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum TtfvGroups {
    Segment,
    AcvBand,
    QualityBand,
}

pub(crate) fn ttfv_table(
    view: &ReportView,
    df: &DataFrame,
    groups: TtfvGroups,
    cohort: String,
) -> Table {
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
    let what = match groups {
        TtfvGroups::Segment => "ttfv-segment",
        TtfvGroups::AcvBand => "ttfv-acv-band",
        TtfvGroups::QualityBand => "ttfv-quality-band",
    };
    let mut table = view
        .headed(&[
            what,
            "table-deals",
            "ttfv-reached",
            "ttfv-median-days",
            "ttfv-iqr",
            "ttfv-p90",
            "ttfv-km-median",
            "ttfv-by-day-30",
            "ttfv-by-day-60",
            "ttfv-by-day-90",
        ])
        .cohort(cohort);
    for i in 0..df.height() {
        let nn = get(&n, i).map(|x| x as u64);
        let low = nn.is_some_and(|x| x < LOW_SAMPLE);
        let g = get(&group, i).unwrap_or_default();
        let label = match groups {
            TtfvGroups::Segment => segment_label(view, &g),
            TtfvGroups::AcvBand => g,
            TtfvGroups::QualityBand => band_label(view, &g),
        };
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
    table.note(view.msg("ttfv-note"))
}

pub(crate) fn ttfv_section(view: &ReportView, quarterly: bool) -> Section {
    let m = view.metrics;
    let title = if quarterly {
        "section-ttfv-quarterly"
    } else {
        "section-ttfv-monthly"
    };
    let mut sec = Section::new("ttfv", &view.msg(title)).cohort(cohort_trailing(m));
    if !view.provided(s::MILESTONES) {
        sec.push(not_provided(s::MILESTONES));
        return sec;
    }
    sec.push(Block::Para(vec![t(view.msg("ttfv-intro"))]));
    let mut groups = vec![("ttfv_by_segment", TtfvGroups::Segment, "ttfv-by-segment")];
    if quarterly {
        groups.push(("ttfv_by_acv_band", TtfvGroups::AcvBand, "ttfv-by-acv-band"));
        groups.push((
            "ttfv_by_quality_band",
            TtfvGroups::QualityBand,
            "ttfv-by-quality-band",
        ));
    }
    for (i, (table, what, heading)) in groups.into_iter().enumerate() {
        if quarterly {
            sec.push(Block::Heading(view.msg(heading)));
        }
        match view.rows(table) {
            Some(df) => {
                if i == 0 {
                    sec.push(Block::Chart("ttfv_by_segment".into()));
                }
                if what == TtfvGroups::QualityBand {
                    sec.push(Block::Chart("ttfv_km_curves".into()));
                }
                sec.push(Block::Table(ttfv_table(view, df, what, short_trailing(m))));
            }
            None => sec.push(no_rows(&view.msg("ttfv-no-rows"))),
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
