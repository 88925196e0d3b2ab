//! The Slack message: a Block Kit payload `{"text": …, "blocks": [...]}` for an incoming
//! webhook. `text` is the plain summary Slack shows in notifications; the blocks lay out the
//! [`Headline`]. Block Kit limits are kept: a header of at most 150 characters, section text of
//! at most 3000, at most 10 fields per section and 50 blocks per message; data text is escaped
//! for mrkdwn (`&`, `<`, `>`).

use serde_json::{json, Value};

use super::headline::{Headline, Link};
use super::messages::text;

const MAX_BLOCKS: usize = 50;
const MAX_SECTION_TEXT: usize = 3000;
const MAX_HEADER_TEXT: usize = 150;

/// Escape the three characters Slack's mrkdwn reserves.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

fn mrkdwn(s: String) -> Value {
    json!({"type": "mrkdwn", "text": truncate(&s, MAX_SECTION_TEXT)})
}

fn section(s: String) -> Value {
    json!({"type": "section", "text": mrkdwn(s)})
}

/// `*heading*` then one bullet per line, split into sections that each stay under the
/// section text limit.
fn bullet_sections(heading: &str, lines: &[String], room: usize) -> Vec<Value> {
    let mut chunks: Vec<String> = vec![format!("*{}*", escape(heading))];
    for line in lines {
        let bullet = format!("• {}", escape(line));
        let last = chunks.last_mut().expect("one chunk");
        if last.chars().count() + 1 + bullet.chars().count() <= MAX_SECTION_TEXT {
            last.push('\n');
            last.push_str(&bullet);
        } else {
            chunks.push(bullet);
        }
    }
    if chunks.len() > room {
        // Keep every alert that fits and say how many more the report lists.
        let kept: usize = chunks[..room - 1]
            .iter()
            .map(|c| c.matches("\n• ").count() + usize::from(c.starts_with("• ")))
            .sum();
        chunks.truncate(room - 1);
        chunks.push(text(
            "alerts-more",
            &[("count", &(lines.len() - kept).to_string())],
        ));
    }
    chunks.into_iter().map(section).collect()
}

/// The Block Kit payload for one headline.
pub fn payload(h: &Headline) -> Value {
    let _lang = crate::text::scoped(h.language);
    let mut blocks = vec![
        json!({"type": "header", "text": {
            "type": "plain_text", "text": truncate(&h.title(), MAX_HEADER_TEXT), "emoji": false}}),
        json!({"type": "context", "elements": [mrkdwn(escape(&h.period_line()))]}),
        json!({"type": "section", "fields": h.facts().iter().take(10)
            .map(|(k, v)| mrkdwn(format!("*{}*\n{}", escape(k), escape(v))))
            .collect::<Vec<_>>()}),
    ];
    if let Some((heading, lines)) = h.churn_lines() {
        blocks.extend(bullet_sections(&heading, &lines, 1));
    }
    blocks.push(json!({"type": "divider"}));
    let link = match &h.link {
        Link::Url(url) => json!({"type": "actions", "elements": [{
            "type": "button",
            "text": {"type": "plain_text", "text": h.link_text(), "emoji": false},
            "url": url,
        }]}),
        Link::Path(_) => json!({"type": "context", "elements": [mrkdwn(escape(&h.link_text()))]}),
    };
    if h.alerts.is_empty() {
        blocks.push(section(escape(&h.alerts_heading())));
    } else {
        let room = MAX_BLOCKS - blocks.len() - 1;
        blocks.extend(bullet_sections(&h.alerts_heading(), &h.alerts, room));
    }
    blocks.push(link);
    json!({"text": h.fallback(), "blocks": blocks})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notify::headline::tests::quarterly_metrics;

    fn headline(alerts: Vec<String>) -> Headline {
        let mut h = Headline::from_metrics(&quarterly_metrics(), &[], Link::Path("/r".into()));
        h.alerts = alerts;
        h
    }

    #[test]
    fn data_text_is_escaped() {
        let p = payload(&headline(vec!["rep <b> & co".into()]));
        let alerts = &p["blocks"][5]["text"]["text"];
        assert_eq!(alerts, "*Alerts (1)*\n• rep &lt;b&gt; &amp; co");
    }

    #[test]
    fn thousands_of_alerts_stay_within_block_kit_limits() {
        let alerts: Vec<String> = (0..5000)
            .map(|i| format!("alert number {i} {}", "x".repeat(100)))
            .collect();
        let p = payload(&headline(alerts));
        let blocks = p["blocks"].as_array().unwrap();
        assert_eq!(blocks.len(), MAX_BLOCKS);
        for b in blocks {
            if let Some(t) = b["text"]["text"].as_str() {
                assert!(t.chars().count() <= MAX_SECTION_TEXT);
            }
        }
        let shown: usize = blocks
            .iter()
            .filter_map(|b| b["text"]["text"].as_str())
            .map(|t| t.matches("• alert number").count())
            .sum();
        let more = blocks[MAX_BLOCKS - 2]["text"]["text"].as_str().unwrap();
        assert_eq!(more, format!("… and {} more in the report", 5000 - shown));
    }
}
