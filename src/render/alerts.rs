//! Alert lines in the reader's language. `metrics.json` keeps each alert's `kind` and its
//! English `message` — the same in every language, for machines (METRICS.md §5.1); the
//! report, the stdout lines and the notifications show [`alert_text`]: the English message
//! as it is, or the catalog's `alert-KIND` message in the current language, filled from the
//! metrics and settings the alert was raised from (METRICS.md §4.2, §4.3, §4.10).

use super::*;
use crate::text::Language;
use crate::vocab::Activity;

/// The alert (`kind`, English `message`, as `metrics.json` → `alerts[]` holds it) in the
/// current language. An alert whose figures cannot be found is shown as its English message.
pub fn alert_text(kind: &str, message: &str, m: &Value, settings: &Settings) -> String {
    if Language::current() == Language::En {
        return message.to_string();
    }
    translated(kind, message, m, settings).unwrap_or_else(|| message.to_string())
}

fn translated(kind: &str, message: &str, m: &Value, settings: &Settings) -> Option<String> {
    let tx = crate::text::Text::current();
    let text = match kind {
        "completion" => tx.msg(
            "alert-completion",
            &[
                ("rate", &pct(fnum(m, &["completion", "rate"]))),
                ("target", &pct0(fnum(m, &["completion", "target"])?)),
            ],
        ),
        "sla" => {
            // The message starts with the activity's spelling (metrics::compute).
            let activity = message.split_whitespace().next()?;
            activity.parse::<Activity>().ok()?;
            tx.msg(
                "alert-sla",
                &[
                    ("activity", &humanize(activity)),
                    ("rate", &pct(fnum(m, &["sla", activity, "rate"]))),
                    ("floor", &pct0(settings.sla_floor)),
                ],
            )
        }
        "escalations" => tx.msg(
            "alert-escalations",
            &[
                ("count", &int(unum(m, &["escalations", "count"]))),
                ("max", &int(Some(settings.max_escalations))),
            ],
        ),
        "coaching" => {
            let reps: Vec<&str> = at(m, &["scorecards", "coaching"])
                .as_array()?
                .iter()
                .filter_map(Value::as_str)
                .collect();
            tx.msg("alert-coaching", &[("reps", &reps.join(", "))])
        }
        _ => return None,
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::scoped;
    use serde_json::json;

    fn metrics() -> Value {
        json!({
            "completion": {"rate": 0.4303797, "target": 0.9},
            "sla": {"knowledge_transfer": {"rate": 0.735}},
            "escalations": {"count": 55},
            "scorecards": {"coaching": ["Ana", "Budi"]},
        })
    }

    #[test]
    fn english_is_the_message_and_other_languages_the_catalog() {
        let (m, s) = (metrics(), Settings::default());
        let sla = "knowledge_transfer SLA attainment 73.5% is below the floor 80%";
        assert_eq!(alert_text("sla", sla, &m, &s), sla);
        let _de = scoped(Language::De);
        assert_eq!(
            alert_text("sla", sla, &m, &s),
            "SLA-Erfüllung Wissenstransfer: 73,5\u{a0}%, unter der Untergrenze von 80\u{a0}%"
        );
        assert!(alert_text("completion", "", &m, &s).contains("43,0\u{a0}%"));
        assert!(alert_text("escalations", "", &m, &s).starts_with("55 Deals"));
        assert!(alert_text("coaching", "", &m, &s).ends_with("Ana, Budi"));
        assert_eq!(alert_text("new_kind", "as is", &m, &s), "as is");
        assert_eq!(alert_text("sla", "nonsense", &m, &s), "nonsense");
    }
}
