//! Report section `transitions`: its content, wording and chart references.

use super::*;

pub(crate) fn transitions(view: &ReportView) -> Section {
    let m = view.metrics;
    let mut sec = Section::new("transitions", &view.msg("section-transitions"));
    let f = CohortFacts::of(m);
    sec.cohort = Some(view.msg_with(
        "transitions-cohort",
        &[
            ("start", &crate::render::format::date(&f.start)),
            ("end", &crate::render::format::date(&f.end)),
        ],
    ));
    let Some(tr) = view.section::<Transitions>() else {
        sec.push(not_provided(s::TRANSITIONS));
        return sec;
    };
    let kinds: Vec<String> = tr
        .by_kind
        .iter()
        .map(|(k, n)| {
            view.msg_with(
                "transitions-kind-count",
                &[("kind", &kind_label(view, k)), ("count", &int(Some(*n)))],
            )
        })
        .collect();
    let target = tr.satisfaction_target;
    let mut defs = vec![
        (
            view.msg("transitions-count"),
            vec![
                b(int(Some(tr.count))),
                t(if kinds.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", kinds.join(", "))
                }),
            ],
        ),
        (
            view.msg("transitions-planned"),
            vec![t(pct(tr.planned_share))],
        ),
        (
            view.msg("transitions-joint-meeting"),
            vec![t(pct(tr.joint_meeting_share))],
        ),
        (
            view.msg("transitions-satisfaction"),
            match tr.satisfaction_mean {
                Some(v) => {
                    let rag = if v >= target { Rag::Green } else { Rag::Red };
                    vec![
                        t(format!("{} ", num1(Some(v)))),
                        Span::Rag(
                            rag,
                            view.msg_with("transitions-target", &[("target", &num1(Some(target)))]),
                        ),
                    ]
                }
                None => vec![t(DASH)],
            },
        ),
        (
            view.msg("transitions-kt"),
            vec![t(view.msg_with(
                "transitions-kt-value",
                &[
                    ("mean", &num1(tr.kt_completeness_mean)),
                    ("share", &pct(tr.kt_complete_share)),
                ],
            ))],
        ),
    ];
    defs.push((
        view.msg("transitions-health-change"),
        match &tr.health_change {
            None => vec![t(
                view.msg_with("transitions-not-provided", &[("table", s::HEALTH)])
            )],
            Some(hc) => {
                let parts: Vec<String> = [(30, &hc.day_30), (60, &hc.day_60), (90, &hc.day_90)]
                    .iter()
                    .filter(|(_, g)| g.n > 0)
                    .map(|(d, g)| {
                        view.msg_with(
                            "transitions-health-part",
                            &[
                                ("days", &d.to_string()),
                                (
                                    "change",
                                    &g.mean.map(signed1).unwrap_or_else(|| DASH.into()),
                                ),
                                ("n", &int(Some(g.n))),
                            ],
                        )
                    })
                    .collect();
                if parts.is_empty() {
                    vec![t(view.msg("transitions-health-none"))]
                } else {
                    vec![t(parts.join("; "))]
                }
            }
        },
    ));
    defs.push((
        view.msg("transitions-churn"),
        match &tr.churn_180d {
            None => vec![t(
                view.msg_with("transitions-not-provided", &[("table", s::RENEWALS)])
            )],
            Some(ch) => {
                let parts: Vec<String> = [("planned", &ch.planned), ("unplanned", &ch.unplanned)]
                    .iter()
                    .filter(|(_, g)| g.n > 0)
                    .map(|(k, g)| {
                        view.msg_with(
                            "transitions-churn-part",
                            &[
                                ("group", &view.msg(&format!("transitions-{k}-group"))),
                                ("rate", &pct(g.rate)),
                                ("ci", &ci_pct(g.ci_low, g.ci_high)),
                                ("n", &int(Some(g.n))),
                            ],
                        )
                    })
                    .collect();
                if parts.is_empty() {
                    vec![t(view.msg("transitions-churn-none"))]
                } else {
                    vec![t(view.msg_with(
                        "transitions-churn-value",
                        &[("parts", &parts.join("; "))],
                    ))]
                }
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
            Some("true") => view.msg("word-yes"),
            Some("false") => view.msg("word-no"),
            Some(other) => other.to_string(),
            None => DASH.to_string(),
        };
        let mut table = view
            .headed(&[
                "table-account",
                "transitions-date",
                "transitions-from",
                "transitions-to",
                "transitions-kind",
                "transitions-planned-head",
                "transitions-joint-head",
                "transitions-kt-head",
                "transitions-satisfaction-head",
            ])
            .cohort(sec.cohort.clone().unwrap_or_default());
        for i in 0..df.height().min(MAX_LIST_ROWS) {
            table.rows.push(vec![
                Cell::text(get(&acct, i).unwrap_or_default()),
                Cell::text(get(&dt, i).unwrap_or_default()),
                Cell::text(get(&from, i).unwrap_or_default()),
                Cell::text(get(&to, i).unwrap_or_default()),
                Cell::text(kind_label(view, &get(&kind, i).unwrap_or_default())),
                Cell::text(yn(get(&planned, i))),
                Cell::text(yn(get(&joint, i))),
                Cell::num(num1(get(&kt, i))),
                Cell::num(num1(get(&sat, i))),
            ]);
        }
        if df.height() > MAX_LIST_ROWS {
            table = table.note(view.msg_with(
                "transitions-cut",
                &[
                    ("shown", &MAX_LIST_ROWS.to_string()),
                    ("rows", &df.height().to_string()),
                ],
            ));
        }
        sec.push(Block::Table(table));
    }
    sec
}

/// The label of a transition kind (`sales_to_cs` → "Sales to CS"); the kind made readable
/// when the catalog does not know it.
pub(crate) fn kind_label(view: &ReportView, kind: &str) -> String {
    let id = format!("transitions-kind-{}", kind.replace('_', "-"));
    if view.text().has(&id) {
        view.msg(&id)
    } else {
        humanize(kind)
    }
}
