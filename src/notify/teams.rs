//! The Microsoft Teams message: an Adaptive Card (schema 1.4) inside a `message`
//! attachment, the shape Teams workflow webhooks (and the older incoming webhooks) accept.
//! The card lays out the [`Headline`]: title and period, a fact set of headline numbers, the
//! churn by band for a quarterly report, every alert, and an "Open the report" action when
//! the link is a web address (a folder path is shown as text).

use serde_json::{json, Value};

use super::headline::{Headline, Link};
use super::messages::text;

/// Teams refuses messages over about 28 KB: beyond this many alerts the card says how many
/// more the report lists.
const MAX_ALERT_BLOCKS: usize = 100;

fn text_block(text: String) -> Value {
    json!({"type": "TextBlock", "text": text, "wrap": true})
}

fn heading(text: String) -> Value {
    json!({"type": "TextBlock", "text": text, "wrap": true, "weight": "Bolder", "spacing": "Medium"})
}

fn fact_set(facts: impl IntoIterator<Item = (String, String)>) -> Value {
    let facts: Vec<Value> = facts
        .into_iter()
        .map(|(title, value)| json!({"title": title, "value": value}))
        .collect();
    json!({"type": "FactSet", "facts": facts})
}

/// The Adaptive Card for one headline.
pub fn card(h: &Headline) -> Value {
    let mut body = vec![
        json!({"type": "TextBlock", "text": h.title(), "wrap": true,
               "size": "Large", "weight": "Bolder"}),
        json!({"type": "TextBlock", "text": h.period_line(), "wrap": true,
               "isSubtle": true, "spacing": "None"}),
        fact_set(h.facts()),
    ];
    if let Some((title, lines)) = h.churn_lines() {
        body.push(heading(title));
        body.extend(lines.into_iter().map(|l| text_block(format!("• {l}"))));
    }
    if h.alerts.is_empty() {
        body.push(
            json!({"type": "TextBlock", "text": h.alerts_heading(), "wrap": true,
                         "color": "Good", "spacing": "Medium"}),
        );
    } else {
        body.push(
            json!({"type": "TextBlock", "text": h.alerts_heading(), "wrap": true,
                         "weight": "Bolder", "color": "Attention", "spacing": "Medium"}),
        );
        body.extend(
            h.alerts
                .iter()
                .take(MAX_ALERT_BLOCKS)
                .map(|a| text_block(format!("• {a}"))),
        );
        if h.alerts.len() > MAX_ALERT_BLOCKS {
            let more = (h.alerts.len() - MAX_ALERT_BLOCKS).to_string();
            body.push(text_block(text("alerts-more", &[("count", &more)])));
        }
    }
    let mut card = json!({
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
    });
    match &h.link {
        Link::Url(url) => {
            card["actions"] =
                json!([{"type": "Action.OpenUrl", "title": h.link_text(), "url": url}]);
        }
        Link::Path(_) => {
            if let Some(body) = card["body"].as_array_mut() {
                body.push(
                    json!({"type": "TextBlock", "text": h.link_text(), "wrap": true,
                                 "isSubtle": true, "spacing": "Medium"}),
                );
            }
        }
    }
    card
}

/// The webhook body: the card in a `message` attachment.
pub fn payload(h: &Headline) -> Value {
    let _lang = crate::text::scoped(h.language);
    json!({
        "type": "message",
        "attachments": [{
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": null,
            "content": card(h),
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notify::headline::tests::quarterly_metrics;

    #[test]
    fn many_alerts_stay_under_the_teams_message_size() {
        let mut h = Headline::from_metrics(&quarterly_metrics(), &[], Link::Path("/r".into()));
        h.alerts = (0..1000)
            .map(|i| format!("alert number {i} with some words"))
            .collect();
        let p = payload(&h);
        assert!(serde_json::to_vec(&p).unwrap().len() < 28_000);
        let body = p["attachments"][0]["content"]["body"].as_array().unwrap();
        let last_alert = body.iter().rev().nth(1).unwrap();
        assert_eq!(last_alert["text"], "… and 900 more in the report");
        assert_eq!(
            body.iter()
                .filter(|b| b["text"].as_str().is_some_and(|t| t.starts_with("• alert")))
                .count(),
            100
        );
    }
}
