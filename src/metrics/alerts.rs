//! The alerts a run raises (METRICS.md §4.3 and the configured thresholds), in typed form:
//! each alert is its kind and the numbers it carries, decided once here from the typed
//! sections (completion, SLA attainment, scorecards, escalations) and the settings. The
//! sentence a reader sees is built from the catalog (`alert-*` in `locales/LANG/report.ftl`):
//! `metrics.json` → `alerts[].message` is the English sentence, and render builds the same
//! sentence in the report's language from the same facts.

use serde::Serialize;

use super::operations::{Escalations, Scorecards};
use super::typed::{Completion, SlaAttainment, SlaCounts};
use crate::config::Settings;
use crate::text::{Language, Text};
use crate::vocab::Activity;

/// An alert as `metrics.json`, stdout and the notifications carry it.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, Serialize)]
pub struct Alert {
    pub kind: String,
    pub message: String,
}

impl crate::metrics::typed::MetricSection for Alerts {
    const KEY: &'static str = "alerts";
}

/// The alerts of a run as `metrics.json` lists them.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, Serialize)]
#[serde(transparent)]
pub struct Alerts(pub Vec<Alert>);

/// One alert that fired: its kind and the numbers it states.
#[derive(Debug, Clone, PartialEq)]
pub enum AlertFact {
    /// The completion rate is below the target.
    Completion { rate: Option<f64>, target: f64 },
    /// An activity's SLA attainment is below the floor.
    Sla {
        activity: Activity,
        rate: f64,
        floor: f64,
    },
    /// Reps flagged for coaching (mean score < 70 over ≥ 3 handoffs), in scorecard order.
    Coaching { reps: Vec<String> },
    /// More deals need escalation than the configured limit.
    Escalations { count: u64, limit: u64 },
}

/// The attainment counts of an activity.
pub fn sla_of(sla: &SlaAttainment, activity: Activity) -> Option<&SlaCounts> {
    match activity {
        Activity::KnowledgeTransfer => sla.knowledge_transfer.as_ref(),
        Activity::Intro => sla.intro.as_ref(),
        Activity::CsPrep => sla.cs_prep.as_ref(),
        Activity::KickoffScheduled => sla.kickoff_scheduled.as_ref(),
        Activity::KickoffHeld => sla.kickoff_held.as_ref(),
        Activity::FirstValue => sla.first_value.as_ref(),
    }
}

/// Every alert the sections raise, in the order the report lists them: completion, SLA
/// activities (METRICS.md order), coaching, escalations.
pub fn fired(
    completion: Option<&Completion>,
    sla: Option<&SlaAttainment>,
    scorecards: Option<&Scorecards>,
    escalations: Option<&Escalations>,
    settings: &Settings,
) -> Vec<AlertFact> {
    let mut out = Vec::new();
    if let Some(c) = completion.filter(|c| c.alert) {
        out.push(AlertFact::Completion {
            rate: c.rate,
            target: c.target,
        });
    }
    for activity in Activity::ALL {
        let rate = sla.and_then(|s| sla_of(s, activity)).and_then(|c| c.rate);
        if let Some(rate) = rate.filter(|r| *r < settings.sla_floor) {
            out.push(AlertFact::Sla {
                activity,
                rate,
                floor: settings.sla_floor,
            });
        }
    }
    if let Some(s) = scorecards.filter(|s| !s.coaching.is_empty()) {
        out.push(AlertFact::Coaching {
            reps: s.coaching.clone(),
        });
    }
    if let Some(e) = escalations.filter(|e| e.count > settings.max_escalations) {
        out.push(AlertFact::Escalations {
            count: e.count,
            limit: settings.max_escalations,
        });
    }
    out
}

impl AlertFact {
    /// The kind as `metrics.json` names it.
    pub fn kind(&self) -> &'static str {
        match self {
            AlertFact::Completion { .. } => "completion",
            AlertFact::Sla { .. } => "sla",
            AlertFact::Coaching { .. } => "coaching",
            AlertFact::Escalations { .. } => "escalations",
        }
    }

    /// The sentence in the catalog's language. English keeps the wording `metrics.json` has
    /// always had (a rate with one decimal, a target or floor as a whole percent, the
    /// activity's spelling); another language writes its numbers in its own convention
    /// (`render::format`) and names the activity by its label.
    pub fn sentence(&self, tx: &Text) -> String {
        use crate::render::{int, pct, pct0};
        let english = tx.language() == Language::En;
        let _lang = crate::text::scoped(tx.language());
        let pct1 = |r: f64| match english {
            true => format!("{:.1}%", r * 100.0),
            false => pct(Some(r)),
        };
        let whole = |r: f64| match english {
            true => format!("{:.0}%", r * 100.0),
            false => pct0(r),
        };
        let count = |n: u64| match english {
            true => n.to_string(),
            false => int(Some(n)),
        };
        match self {
            AlertFact::Completion { rate, target } => tx.msg(
                "alert-completion",
                &[
                    ("rate", &rate.map(pct1).unwrap_or_default()),
                    ("target", &whole(*target)),
                ],
            ),
            AlertFact::Sla {
                activity,
                rate,
                floor,
            } => {
                let label = match english {
                    true => activity.as_str().to_string(),
                    false => tx.msg(&activity.label_id(), &[]),
                };
                tx.msg(
                    "alert-sla",
                    &[
                        ("activity", &label),
                        ("rate", &pct1(*rate)),
                        ("floor", &whole(*floor)),
                    ],
                )
            }
            AlertFact::Coaching { reps } => tx.msg(
                "alert-coaching",
                &[
                    ("reps", &reps.join(", ")),
                    ("count", &reps.len().to_string()),
                ],
            ),
            AlertFact::Escalations { count: n, limit } => tx.msg(
                "alert-escalations",
                &[("count", &count(*n)), ("limit", &count(*limit))],
            ),
        }
    }

    /// The alert as `metrics.json` records it (English).
    pub fn alert(&self) -> Alert {
        Alert {
            kind: self.kind().to_string(),
            message: self.sentence(Text::en()),
        }
    }
}

/// The alert sentences of a finished metrics document in the language of `tx`, as the
/// report's alert block, the stdout lines and the notifications show them: built from the
/// typed facts (`fired`, with the run's settings) when they match `metrics.json` → `alerts`
/// kind for kind, otherwise the recorded (English) messages as they are.
pub fn sentences(m: &serde_json::Value, settings: &Settings, tx: &Text) -> Vec<String> {
    use super::typed::MetricSection;
    let recorded = Alerts::read(m).unwrap_or_default().0;
    let facts = fired(
        Completion::read(m).as_ref(),
        SlaAttainment::read(m).as_ref(),
        Scorecards::read(m).as_ref(),
        Escalations::read(m).as_ref(),
        settings,
    );
    let same = facts.len() == recorded.len()
        && facts.iter().zip(&recorded).all(|(f, a)| f.kind() == a.kind);
    if same {
        facts.iter().map(|f| f.sentence(tx)).collect()
    } else {
        recorded.into_iter().map(|a| a.message).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_the_recorded_wording() {
        let facts = [
            AlertFact::Completion {
                rate: Some(8.0 / 27.0),
                target: 0.9,
            },
            AlertFact::Sla {
                activity: Activity::KnowledgeTransfer,
                rate: 40.0 / 52.0,
                floor: 0.8,
            },
            AlertFact::Coaching {
                reps: vec!["rep_02".into(), "rep_01".into()],
            },
            AlertFact::Escalations {
                count: 55,
                limit: 10,
            },
        ];
        let messages: Vec<String> = facts.iter().map(|f| f.alert().message).collect();
        assert_eq!(
            messages,
            [
                "completion rate 29.6% is below the target 90%",
                "knowledge_transfer SLA attainment 76.9% is below the floor 80%",
                "reps flagged for coaching (mean score < 70 over >= 3 handoffs): rep_02, rep_01",
                "55 deals need escalation (more than 10)",
            ]
        );
        assert_eq!(facts[1].alert().kind, "sla");
    }

    #[test]
    fn fired_follows_the_thresholds_in_report_order() {
        let settings = Settings::default();
        let counts = |rate: f64| SlaCounts {
            met: 1,
            missed: 1,
            pending: 0,
            rate: Some(rate),
        };
        let sla = SlaAttainment {
            intro: Some(counts(settings.sla_floor - 0.01)),
            knowledge_transfer: Some(counts(settings.sla_floor)),
            ..SlaAttainment::default()
        };
        let esc = Escalations {
            count: settings.max_escalations + 1,
            window_days: 90,
        };
        let kinds: Vec<&str> = fired(None, Some(&sla), None, Some(&esc), &settings)
            .iter()
            .map(AlertFact::kind)
            .collect();
        // At the floor is not below it; one escalation over the limit fires.
        assert_eq!(kinds, ["sla", "escalations"]);
        let none = Escalations {
            count: settings.max_escalations,
            window_days: 90,
        };
        assert!(fired(None, None, None, Some(&none), &settings).is_empty());
    }
}
