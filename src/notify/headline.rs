//! The few numbers a notification carries, as one typed struct read from the finished
//! `metrics.json` document, and their wording. Both payload builders (Slack, Teams) lay out
//! the same [`Headline`] lines; numbers are formatted here, texts come from the catalog.

use serde_json::Value;

use super::messages::text;
use crate::config::Settings;
use crate::metrics::Alert;
use crate::render::{date, int, num1, num2, pct};
use crate::schema::BANDS;
use crate::text::Language;

/// Where the report can be opened: a web address (`report_url`) or the folder on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Url(String),
    Path(String),
}

/// One band's first-year churn (quarterly report).
#[derive(Debug, Clone, PartialEq)]
pub struct BandChurn {
    pub band: String,
    pub n: u64,
    pub rate: Option<f64>,
}

/// A ratio with its 95% confidence interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

/// What one notification says: title and period, headline numbers, every alert, the link.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// The report's language (`metrics.json` → `language`): the payload builders write in it.
    pub language: Language,
    pub quarterly: bool,
    pub label: String,
    pub start: String,
    pub end: String,
    pub deals: Option<u64>,
    pub mean_score: Option<f64>,
    pub completion_rate: Option<f64>,
    pub completion_target: Option<f64>,
    pub escalations: Option<u64>,
    /// Quarterly report only (empty for a monthly review), in band order.
    pub churn: Vec<BandChurn>,
    /// Quarterly report only.
    pub relative_risk: Option<Interval>,
    pub alerts: Vec<String>,
    pub link: Link,
}

fn at<'a>(m: &'a Value, path: &[&str]) -> &'a Value {
    path.iter().fold(m, |v, k| &v[*k])
}

fn string(m: &Value, path: &[&str]) -> String {
    at(m, path).as_str().unwrap_or_default().to_string()
}

impl Headline {
    /// Read the headline of a finished report, its alert lines in the report's language
    /// (`render::alert_text`, with the floor and limits of the run's settings).
    pub fn from_report(m: &Value, alerts: &[Alert], settings: &Settings, link: Link) -> Headline {
        let mut h = Headline::from_metrics(m, alerts, link);
        let tx = crate::text::Text::get(h.language);
        h.alerts = crate::metrics::alerts::sentences(m, settings, tx);
        h
    }

    /// Read the headline of a finished report; alert lines as `metrics.json` words them.
    pub fn from_metrics(m: &Value, alerts: &[Alert], link: Link) -> Headline {
        let quarterly = at(m, &["period", "kind"]).as_str() == Some("quarterly");
        let mut churn = Vec::new();
        let mut relative_risk = None;
        if quarterly {
            for band in BANDS {
                let b = at(m, &["churn", "by_band", band]);
                let n = b["n"].as_u64().unwrap_or(0);
                if n > 0 {
                    churn.push(BandChurn {
                        band: band.to_string(),
                        n,
                        rate: b["rate"].as_f64(),
                    });
                }
            }
            let rr = at(m, &["churn", "relative_risk"]);
            if let (Some(value), Some(low), Some(high)) = (
                rr["value"].as_f64(),
                rr["ci_low"].as_f64(),
                rr["ci_high"].as_f64(),
            ) {
                relative_risk = Some(Interval { value, low, high });
            }
        }
        Headline {
            language: at(m, &["language"])
                .as_str()
                .and_then(Language::from_code)
                .unwrap_or_default(),
            quarterly,
            label: string(m, &["period", "label"]),
            start: string(m, &["period", "start"]),
            end: string(m, &["period", "end"]),
            deals: at(m, &["cohort", "period_deals"]).as_u64(),
            mean_score: at(m, &["quality", "mean"]).as_f64(),
            completion_rate: at(m, &["completion", "rate"]).as_f64(),
            completion_target: at(m, &["completion", "target"]).as_f64(),
            escalations: at(m, &["escalations", "count"]).as_u64(),
            churn,
            relative_risk,
            alerts: alerts.iter().map(|a| a.message.clone()).collect(),
            link,
        }
    }

    /// The report's title.
    pub fn title(&self) -> String {
        let id = if self.quarterly {
            "title-quarterly"
        } else {
            "title-monthly"
        };
        text(id, &[("label", &self.label)])
    }

    /// "Monthly review · 2026-10-01 to 2026-10-31".
    pub fn period_line(&self) -> String {
        let kind = text(
            if self.quarterly {
                "kind-quarterly"
            } else {
                "kind-monthly"
            },
            &[],
        );
        text(
            "period",
            &[
                ("kind", &kind),
                ("start", &date(&self.start)),
                ("end", &date(&self.end)),
            ],
        )
    }

    /// The headline numbers as (label, value) pairs.
    pub fn facts(&self) -> Vec<(String, String)> {
        let na = || text("not-available", &[]);
        let completion = match self.completion_rate {
            Some(r) => text(
                "completion-vs-target",
                &[
                    ("rate", &percent(r)),
                    (
                        "target",
                        &self.completion_target.map(percent).unwrap_or_else(na),
                    ),
                ],
            ),
            None => na(),
        };
        let mut facts = vec![
            (
                text("fact-deals", &[]),
                self.deals.map(|n| int(Some(n))).unwrap_or_else(na),
            ),
            (
                text("fact-mean-score", &[]),
                self.mean_score.map(|x| num1(Some(x))).unwrap_or_else(na),
            ),
            (text("fact-completion", &[]), completion),
            (
                text("fact-escalations", &[]),
                self.escalations.map(|n| int(Some(n))).unwrap_or_else(na),
            ),
        ];
        if let Some(rr) = self.relative_risk {
            facts.push((
                text("fact-relative-risk", &[]),
                text(
                    "relative-risk-value",
                    &[
                        ("value", &num2(Some(rr.value))),
                        ("low", &num2(Some(rr.low))),
                        ("high", &num2(Some(rr.high))),
                    ],
                ),
            ));
        }
        facts
    }

    /// The churn section's heading and one line per band (empty for a monthly review).
    pub fn churn_lines(&self) -> Option<(String, Vec<String>)> {
        if self.churn.is_empty() {
            return None;
        }
        let lines = self
            .churn
            .iter()
            .map(|c| {
                text(
                    "churn-band",
                    &[
                        ("band", &text(&format!("band-{}", c.band), &[])),
                        (
                            "rate",
                            &c.rate
                                .map(percent)
                                .unwrap_or_else(|| text("not-available", &[])),
                        ),
                        ("n", &int(Some(c.n))),
                    ],
                )
            })
            .collect();
        Some((text("churn-heading", &[]), lines))
    }

    /// The alerts heading ("Alerts (3)") or the no-alert sentence when none fired.
    pub fn alerts_heading(&self) -> String {
        if self.alerts.is_empty() {
            text("no-alerts", &[])
        } else {
            text(
                "alerts-heading",
                &[("count", &self.alerts.len().to_string())],
            )
        }
    }

    /// The plain-text summary (Slack's notification text).
    pub fn fallback(&self) -> String {
        let alerts = if self.alerts.is_empty() {
            text("fallback-no-alerts", &[])
        } else {
            text(
                "fallback-alerts",
                &[("count", &self.alerts.len().to_string())],
            )
        };
        text("fallback", &[("title", &self.title()), ("alerts", &alerts)])
    }

    /// The link's button label, or the line naming the folder.
    pub fn link_text(&self) -> String {
        match &self.link {
            Link::Url(_) => text("open-report", &[]),
            Link::Path(p) => text("report-at", &[("path", p)]),
        }
    }
}

/// `0.4304` → `43.0%` (in the current language's convention).
pub fn percent(x: f64) -> String {
    pct(Some(x))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;

    /// A quarterly metrics document with the fields the headline reads.
    pub(crate) fn quarterly_metrics() -> Value {
        json!({
            "period": {"label": "2026-Q3", "kind": "quarterly", "start": "2026-07-01", "end": "2026-09-30"},
            "cohort": {"period_deals": 162},
            "quality": {"mean": 78.19444},
            "completion": {"rate": 0.4303797, "target": 0.9},
            "escalations": {"count": 55},
            "churn": {
                "by_band": {
                    "excellent": {"n": 283, "rate": 0.1307420},
                    "good": {"n": 0, "rate": null},
                    "substandard": {"n": 259, "rate": 0.2741313}
                },
                "relative_risk": {"value": 2.0967338, "ci_low": 1.4629994, "ci_high": 3.0049860}
            }
        })
    }

    #[test]
    fn quarterly_headline_reads_numbers_and_skips_empty_bands() {
        let alerts = vec![Alert {
            kind: "completion".into(),
            message: "completion rate 43.0% is below the target 90%".into(),
        }];
        let h = Headline::from_metrics(
            &quarterly_metrics(),
            &alerts,
            Link::Path("/r/2026-Q3".into()),
        );
        assert!(h.quarterly);
        assert_eq!(
            h.title(),
            "Handoff quality and first-year outcomes — 2026-Q3"
        );
        assert_eq!(
            h.period_line(),
            "Quarterly report · 2026-07-01 to 2026-09-30"
        );
        let facts = h.facts();
        assert_eq!(facts[0], ("Deals".into(), "162".into()));
        assert_eq!(facts[1].1, "78.2");
        assert_eq!(facts[2].1, "43.0% (target 90.0%)");
        assert_eq!(facts[3].1, "55");
        assert_eq!(facts[4].1, "2.10 (95% CI 1.46–3.00)");
        let (heading, lines) = h.churn_lines().unwrap();
        assert_eq!(heading, "First-year churn by handoff-quality band");
        assert_eq!(
            lines,
            vec!["Excellent: 13.1% (n = 283)", "Substandard: 27.4% (n = 259)"]
        );
        assert_eq!(h.alerts_heading(), "Alerts (1)");
        assert_eq!(h.link_text(), "Report: /r/2026-Q3");
        assert_eq!(
            h.fallback(),
            "Handoff quality and first-year outcomes — 2026-Q3: alerts: 1"
        );
    }

    #[test]
    fn monthly_headline_has_no_churn_and_says_no_alert() {
        let mut m = quarterly_metrics();
        m["period"] = json!({"label": "2026-10", "kind": "monthly", "start": "2026-10-01", "end": "2026-10-31"});
        m["quality"]["mean"] = Value::Null;
        let h = Headline::from_metrics(&m, &[], Link::Url("https://r.example/2026-10/".into()));
        assert!(h.churn_lines().is_none());
        assert_eq!(h.relative_risk, None);
        assert_eq!(h.facts().len(), 4);
        assert_eq!(h.facts()[1].1, "n/a");
        assert_eq!(h.alerts_heading(), "No alert fired.");
        assert_eq!(h.link_text(), "Open the report");
        assert_eq!(
            h.fallback(),
            "Handoff quality review — 2026-10: no alert fired"
        );
    }

    #[test]
    fn the_headline_speaks_the_language_of_the_report() {
        let mut m = quarterly_metrics();
        m["language"] = json!("de");
        m["sla"] = json!({"intro": {"met": 120, "missed": 42, "pending": 0, "rate": 0.741}});
        m["completion"] = json!({"complete": 68, "incomplete": 90, "pending": 4,
            "rate": 0.4303797, "alert": false, "target": 0.9});
        m["escalations"] = json!({"count": 5, "window_days": 90});
        let alerts = vec![Alert {
            kind: "sla".into(),
            message: "intro SLA attainment 74.1% is below the floor 80%".into(),
        }];
        m["alerts"] = serde_json::to_value(&alerts).unwrap();
        let h = Headline::from_report(&m, &alerts, &Settings::default(), Link::Path("/r".into()));
        assert_eq!(h.language, Language::De);
        assert_eq!(
            h.alerts,
            ["SLA-Erfüllung Vorstellung: 74,1\u{a0}%, unter der Untergrenze von 80\u{a0}%"]
        );
        let _de = crate::text::scoped(h.language);
        assert_eq!(h.facts()[2].1, "43,0\u{a0}% (Ziel 90,0\u{a0}%)");
        assert_eq!(h.facts()[3].1, "5");
        assert_eq!(h.facts()[4].1, "2,10 (95-%-KI 1,46–3,00)");
        assert_eq!(h.alerts_heading(), "Warnungen (1)");
        assert_eq!(
            h.period_line(),
            "Quartalsbericht · 01.07.2026 bis 30.09.2026"
        );
    }
}
