//! Report section `scorecards`: its content, wording and chart references.

use super::*;

pub(crate) fn scorecard_table(
    df: &DataFrame,
    key: &str,
    who: &str,
    flag: &str,
    m: &Value,
) -> Table {
    let names = col_str(df, key);
    let handoffs = col_f64(df, "handoffs");
    let score = col_f64(df, "mean_score");
    let comp = col_f64(df, "completion_rate");
    let kt = col_f64(df, "kt_attainment");
    let acc = col_f64(df, "acceptance_rate");
    let rej = col_f64(df, "rejections");
    let coach = col_bool(df, "coaching");
    let mut table = Table::new(&[
        who,
        "Handoffs",
        "Mean score",
        "Completion",
        "KT attainment",
        "Acceptance",
        "Rejections",
        flag,
    ])
    .cohort(short_period(m));
    for i in 0..df.height() {
        let sc = get(&score, i);
        let flagged = coach.get(i).copied().unwrap_or(false);
        table.rows.push(vec![
            Cell::text(get(&names, i).unwrap_or_default()),
            Cell::num(int(get(&handoffs, i).map(|x| x as u64))),
            Cell::num(num1(sc)).rag(rag_score(sc)),
            Cell::num(pct(get(&comp, i))),
            Cell::num(pct(get(&kt, i))),
            Cell::num(pct(get(&acc, i))),
            Cell::num(int(get(&rej, i).map(|x| x as u64))),
            if flagged {
                Cell::text("flag").rag(Some(Rag::Red)).strong()
            } else {
                Cell::text("")
            },
        ]);
    }
    table
}

pub(crate) fn scorecards(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("scorecards", &view.text().msg("section-scorecards", &[]))
        .cohort(cohort_period(m));
    let coaching: Vec<String> = at(m, &["scorecards", "coaching"])
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if coaching.is_empty() {
        sec.push(Block::Para(vec![t(
            "No rep is flagged for coaching (mean score below 70 over at least 3 handoffs).",
        )]));
    } else {
        let mut spans = vec![t(
            "Flagged for coaching (mean score below 70 over at least 3 handoffs): ",
        )];
        for (i, r) in coaching.iter().enumerate() {
            if i > 0 {
                spans.push(t(", "));
            }
            spans.push(b(r.clone()));
        }
        spans.push(t("."));
        sec.push(Block::Callout(Rag::Amber, vec![spans]));
    }
    sec.push(Block::Para(vec![t(
        "Sorted by mean score, best first. Most rows rest on a handful of handoffs: read single months with care and look at the trend.",
    )]));
    for (table, key, who, flag, needs) in [
        ("scorecard_rep", s::SALES_REP, "Sales rep", "Coaching", None),
        ("scorecard_team", s::SALES_TEAM, "Team", "Below 70", None),
        (
            "scorecard_csm",
            s::CSM,
            "CSM",
            "Below 70",
            Some(s::HANDOFFS),
        ),
    ] {
        sec.push(Block::Heading(match who {
            "CSM" => "By CSM".to_string(),
            other => format!("By {}", other.to_lowercase()),
        }));
        if let Some(input) = needs.filter(|i| !view.provided(i)) {
            sec.push(not_provided(input));
            continue;
        }
        match view.rows(table) {
            Some(df) => sec.push(Block::Table(scorecard_table(df, key, who, flag, m))),
            None => sec.push(no_rows("no handoffs in the period")),
        }
    }
    sec
}
