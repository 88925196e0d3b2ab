//! Report section `sla`: its content, wording and chart references.

use super::*;

/// Default SLA deadlines of SPEC §4.2.
pub(crate) fn deadline(activity: &str) -> &'static str {
    match activity {
        "knowledge_transfer" => "close + 48 h",
        "intro" => "close + 48 h",
        "cs_prep" => "close + 3 days",
        "kickoff_scheduled" => "close + 5 days",
        "kickoff_held" => "close + 10 days",
        "first_value" => "close + segment target (21–60 days)",
        _ => "",
    }
}

pub(crate) fn sla(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("sla", "SLA attainment").cohort(cohort_period(m));
    let Some(df) = view.rows("sla_attainment") else {
        sec.push(no_rows("no SLA activities"));
        return sec;
    };
    sec.push(Block::Para(vec![
        t("Attainment = met ÷ (met + missed); pending activities (deadline still ahead) are left out. The floor is "),
        b(pct(Some(SLA_FLOOR))),
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
    let mut table = Table::new(&[
        "Activity",
        "Default deadline",
        "Met",
        "Missed",
        "Pending",
        "Attainment",
    ])
    .cohort(short_period(m))
    .note("Deadlines shown are the defaults of the specification; a config file may override them. First value needs the milestones table.");
    for i in 0..df.height() {
        let a = get(&act, i).unwrap_or_default();
        let r = get(&rate, i);
        table.rows.push(vec![
            Cell::text(humanize(&a)),
            Cell::text(deadline(&a)),
            Cell::num(int(get(&met, i).map(|x| x as u64))),
            Cell::num(int(get(&missed, i).map(|x| x as u64))),
            Cell::num(int(get(&pending, i).map(|x| x as u64))),
            Cell::num(pct(r)).rag(rag_rate(r, SLA_FLOOR)),
        ]);
    }
    sec.push(Block::Table(table));
    sec
}
