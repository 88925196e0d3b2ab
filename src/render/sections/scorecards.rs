//! Report section `scorecards`: its content, wording and chart references.

use super::*;

pub(crate) fn scorecard_table(
    view: &ReportView,
    df: &DataFrame,
    key: &str,
    who: &str,
    flag: &str,
) -> Table {
    let names = col_str(df, key);
    let handoffs = col_f64(df, "handoffs");
    let score = col_f64(df, "mean_score");
    let comp = col_f64(df, "completion_rate");
    let kt = col_f64(df, "kt_attainment");
    let acc = col_f64(df, "acceptance_rate");
    let rej = col_f64(df, "rejections");
    let coach = col_bool(df, "coaching");
    let mut table = view
        .headed(&[
            who,
            "scorecards-handoffs",
            "table-mean-score",
            "scorecards-completion",
            "scorecards-kt",
            "scorecards-acceptance",
            "scorecards-rejections",
            flag,
        ])
        .cohort(short_period(view.metrics));
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
                Cell::text(view.msg("scorecards-flag"))
                    .rag(Some(Rag::Red))
                    .strong()
            } else {
                Cell::text("")
            },
        ]);
    }
    table
}

pub(crate) fn scorecards(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec =
        Section::new("scorecards", &view.msg("section-scorecards")).cohort(cohort_period(m));
    let coaching = view.section::<Scorecards>().unwrap_or_default().coaching;
    if coaching.is_empty() {
        sec.push(Block::Para(vec![t(view.msg("scorecards-none-flagged"))]));
    } else {
        let mut spans = vec![t(view.msg("scorecards-flagged"))];
        let sep = view.msg("scorecards-separator");
        for (i, r) in coaching.iter().enumerate() {
            if i > 0 {
                spans.push(t(sep.as_str()));
            }
            spans.push(b(r.clone()));
        }
        spans.push(t(view.msg("scorecards-flagged-end")));
        sec.push(Block::Callout(Rag::Amber, vec![spans]));
    }
    sec.push(Block::Para(vec![t(view.msg("scorecards-intro"))]));
    for (table, key, heading, who, flag, needs) in [
        (
            "scorecard_rep",
            s::SALES_REP,
            "scorecards-by-rep",
            "table-sales-rep",
            "scorecards-coaching",
            None,
        ),
        (
            "scorecard_team",
            s::SALES_TEAM,
            "scorecards-by-team",
            "scorecards-team",
            "scorecards-below-70",
            None,
        ),
        (
            "scorecard_csm",
            s::CSM,
            "scorecards-by-csm",
            "table-csm",
            "scorecards-below-70",
            Some(s::HANDOFFS),
        ),
    ] {
        sec.push(Block::Heading(view.msg(heading)));
        if let Some(input) = needs.filter(|i| !view.provided(i)) {
            sec.push(not_provided(input));
            continue;
        }
        match view.rows(table) {
            Some(df) => sec.push(Block::Table(scorecard_table(view, df, key, who, flag))),
            None => sec.push(no_rows(&view.msg("scorecards-no-rows"))),
        }
    }
    sec
}
