//! Report section `transitions`: its content, wording and chart references.

use super::*;

pub(crate) fn transitions(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("transitions", &view.text().msg("section-transitions", &[]));
    let f = CohortFacts::of(m);
    sec.cohort = Some(format!(
        "Transitions dated {} to {} (the period).",
        f.start, f.end
    ));
    let tr = at(m, &["transitions"]);
    if tr.is_null() {
        sec.push(not_provided(s::TRANSITIONS));
        return sec;
    }
    let count = unum(tr, &["count"]);
    let kinds: Vec<String> = at(tr, &["by_kind"])
        .as_object()
        .map(|o| {
            o.iter()
                .map(|(k, v)| format!("{}: {}", humanize(k), int(v.as_u64())))
                .collect()
        })
        .unwrap_or_default();
    let target = fnum(tr, &["satisfaction_target"]).unwrap_or(4.5);
    let sat = fnum(tr, &["satisfaction_mean"]);
    let mut defs = vec![
        (
            "Transitions".to_string(),
            vec![
                b(int(count)),
                t(if kinds.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", kinds.join(", "))
                }),
            ],
        ),
        (
            "Planned".to_string(),
            vec![t(pct(fnum(tr, &["planned_share"])))],
        ),
        (
            "With a joint meeting".to_string(),
            vec![t(pct(fnum(tr, &["joint_meeting_share"])))],
        ),
        (
            "Satisfaction (1–5)".to_string(),
            match sat {
                Some(v) => {
                    let rag = if v >= target { Rag::Green } else { Rag::Red };
                    vec![
                        t(format!("{} ", num1(Some(v)))),
                        Span::Rag(rag, format!("target ≥ {}", num1(Some(target)))),
                    ]
                }
                None => vec![t(DASH)],
            },
        ),
        (
            "Knowledge-transfer completeness".to_string(),
            vec![t(format!(
                "mean {}; {} of transitions at ≥ 95",
                num1(fnum(tr, &["kt_completeness_mean"])),
                pct(fnum(tr, &["kt_complete_share"]))
            ))],
        ),
    ];
    let hc = at(tr, &["health_change"]);
    defs.push((
        "Health change after the transition".to_string(),
        if hc.is_null() {
            vec![t("not available (table health not provided)")]
        } else {
            let parts: Vec<String> = [30, 60, 90]
                .iter()
                .filter_map(|d| {
                    let g = at(hc, &[&format!("day_{d}")]);
                    let n = unum(g, &["n"]).filter(|n| *n > 0)?;
                    Some(format!(
                        "+{d} days: {} points (n = {})",
                        fnum(g, &["mean"])
                            .map(signed1)
                            .unwrap_or_else(|| DASH.into()),
                        int(Some(n))
                    ))
                })
                .collect();
            if parts.is_empty() {
                vec![t(
                    "no transition is 30 days old yet, or no health snapshots around them",
                )]
            } else {
                vec![t(parts.join("; "))]
            }
        },
    ));
    let ch = at(tr, &["churn_180d"]);
    defs.push((
        "Churn within 180 days".to_string(),
        if ch.is_null() {
            vec![t("not available (table renewals not provided)")]
        } else {
            let parts: Vec<String> = ["planned", "unplanned"]
                .iter()
                .filter_map(|k| {
                    let g = at(ch, &[k]);
                    let n = unum(g, &["n"]).filter(|n| *n > 0)?;
                    Some(format!(
                        "{k}: {} (95% CI {}; n = {})",
                        pct(fnum(g, &["rate"])),
                        ci_pct(fnum(g, &["ci_low"]), fnum(g, &["ci_high"])),
                        int(Some(n))
                    ))
                })
                .collect();
            if parts.is_empty() {
                vec![t(
                    "not yet observable: no transition in the period is 180 days old",
                )]
            } else {
                vec![t(format!(
                    "{} — only transitions at least 180 days before the as-of date count.",
                    parts.join("; ")
                ))]
            }
        },
    ));
    sec.push(Block::Defs(defs));
    if let Some(df) = view.rows("transitions") {
        let (acct, dt, from, to, kind, planned, joint, kt, sat) = (
            col_str(df, "account_id"),
            col_str(df, "date"),
            col_str(df, "from_owner"),
            col_str(df, "to_owner"),
            col_str(df, "kind"),
            col_str(df, "planned"),
            col_str(df, "joint_meeting"),
            col_f64(df, "kt_completeness"),
            col_f64(df, "satisfaction"),
        );
        let yn = |v: Option<String>| match v.as_deref() {
            Some("true") => "yes".to_string(),
            Some("false") => "no".to_string(),
            Some(other) => other.to_string(),
            None => DASH.to_string(),
        };
        let mut table = Table::new(&[
            "Account",
            "Date",
            "From",
            "To",
            "Kind",
            "Planned",
            "Joint meeting",
            "KT completeness",
            "Satisfaction",
        ])
        .cohort(sec.cohort.clone().unwrap_or_default());
        for i in 0..df.height().min(MAX_LIST_ROWS) {
            table.rows.push(vec![
                Cell::text(get(&acct, i).unwrap_or_default()),
                Cell::text(get(&dt, i).unwrap_or_default()),
                Cell::text(get(&from, i).unwrap_or_default()),
                Cell::text(get(&to, i).unwrap_or_default()),
                Cell::text(humanize(&get(&kind, i).unwrap_or_default())),
                Cell::text(yn(get(&planned, i))),
                Cell::text(yn(get(&joint, i))),
                Cell::num(num1(get(&kt, i))),
                Cell::num(num1(get(&sat, i))),
            ]);
        }
        if df.height() > MAX_LIST_ROWS {
            table = table.note(format!(
                "Showing {MAX_LIST_ROWS} of {} transitions; tables/transitions.csv has them all.",
                df.height()
            ));
        }
        sec.push(Block::Table(table));
    }
    sec
}
