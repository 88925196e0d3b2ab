//! Offline structural checks of the two payload shapes against the published Slack Block Kit
//! reference and the Adaptive Cards 1.4 schema as Teams webhooks take it: required fields,
//! allowed types and properties, enumerations and length limits.

use serde_json::Value;

// ---- offline structural checks: Slack Block Kit -----------------------------------------
//
// From Slack's Block Kit reference: a message payload has `blocks` (at most 50) and should
// have `text` (the notification fallback). Block types allowed in messages: actions,
// context, divider, file, header, image, input, markdown, rich_text, section, video. Each
// type's properties are listed below (anything else is refused by the API); text objects are
// `plain_text` or `mrkdwn` (only `plain_text` takes `emoji`); header text is plain_text up
// to 150 characters; section text up to 3000, at most 10 fields of up to 2000; context up to
// 10 elements; actions up to 25 elements; a button has plain_text text up to 75 characters
// and a `url` up to 3000.

fn keys_within(v: &Value, allowed: &[&str], what: &str) -> Result<(), String> {
    let obj = v.as_object().ok_or(format!("{what} is not an object"))?;
    for k in obj.keys() {
        if !allowed.contains(&k.as_str()) {
            return Err(format!("{what}: unknown property {k:?}"));
        }
    }
    Ok(())
}

fn text_object(v: &Value, max: usize, plain_only: bool, what: &str) -> Result<(), String> {
    keys_within(v, &["type", "text", "emoji", "verbatim"], what)?;
    let kind = v["type"].as_str().ok_or(format!("{what}: no type"))?;
    match kind {
        "plain_text" => {}
        "mrkdwn" if !plain_only => {
            if v.get("emoji").is_some() {
                return Err(format!("{what}: emoji is for plain_text only"));
            }
        }
        other => return Err(format!("{what}: text type {other:?} not allowed here")),
    }
    let text = v["text"].as_str().ok_or(format!("{what}: no text"))?;
    let n = text.chars().count();
    if n == 0 || n > max {
        return Err(format!("{what}: text length {n} outside 1..={max}"));
    }
    Ok(())
}

pub fn check_block_kit(p: &Value) -> Result<(), String> {
    let fallback = p["text"].as_str().ok_or("no top-level text")?;
    if fallback.is_empty() {
        return Err("empty top-level text".into());
    }
    let blocks = p["blocks"].as_array().ok_or("no blocks array")?;
    if blocks.is_empty() || blocks.len() > 50 {
        return Err(format!("{} blocks (1..=50 allowed)", blocks.len()));
    }
    for (i, b) in blocks.iter().enumerate() {
        let what = format!("blocks[{i}]");
        let kind = b["type"].as_str().ok_or(format!("{what}: no type"))?;
        match kind {
            "header" => {
                keys_within(b, &["type", "text", "block_id"], &what)?;
                text_object(&b["text"], 150, true, &what)?;
            }
            "section" => {
                keys_within(
                    b,
                    &["type", "text", "fields", "accessory", "block_id", "expand"],
                    &what,
                )?;
                if b.get("text").is_none() && b.get("fields").is_none() {
                    return Err(format!("{what}: a section needs text or fields"));
                }
                if let Some(t) = b.get("text") {
                    text_object(t, 3000, false, &what)?;
                }
                if let Some(fields) = b.get("fields") {
                    let fields = fields
                        .as_array()
                        .ok_or(format!("{what}: fields not an array"))?;
                    if fields.is_empty() || fields.len() > 10 {
                        return Err(format!("{what}: {} fields (1..=10 allowed)", fields.len()));
                    }
                    for f in fields {
                        text_object(f, 2000, false, &what)?;
                    }
                }
            }
            "context" => {
                keys_within(b, &["type", "elements", "block_id"], &what)?;
                let els = b["elements"]
                    .as_array()
                    .ok_or(format!("{what}: no elements"))?;
                if els.is_empty() || els.len() > 10 {
                    return Err(format!("{what}: {} elements (1..=10)", els.len()));
                }
                for e in els {
                    text_object(e, 3000, false, &what)?;
                }
            }
            "divider" => keys_within(b, &["type", "block_id"], &what)?,
            "actions" => {
                keys_within(b, &["type", "elements", "block_id"], &what)?;
                let els = b["elements"]
                    .as_array()
                    .ok_or(format!("{what}: no elements"))?;
                if els.is_empty() || els.len() > 25 {
                    return Err(format!("{what}: {} elements (1..=25)", els.len()));
                }
                for e in els {
                    keys_within(
                        e,
                        &[
                            "type",
                            "text",
                            "action_id",
                            "url",
                            "value",
                            "style",
                            "confirm",
                            "accessibility_label",
                        ],
                        &what,
                    )?;
                    if e["type"] != "button" {
                        return Err(format!("{what}: element type {} not checked", e["type"]));
                    }
                    text_object(&e["text"], 75, true, &what)?;
                    if let Some(url) = e.get("url") {
                        let url = url.as_str().ok_or(format!("{what}: url not a string"))?;
                        if !url.starts_with("http") || url.len() > 3000 {
                            return Err(format!("{what}: bad button url {url:?}"));
                        }
                    }
                }
            }
            "file" | "image" | "input" | "markdown" | "rich_text" | "video" => {
                return Err(format!(
                    "{what}: {kind} is allowed by Slack but not expected here"
                ))
            }
            other => return Err(format!("{what}: {other:?} is not a Block Kit block type")),
        }
    }
    Ok(())
}

// ---- offline structural checks: Adaptive Card 1.4 in a Teams message --------------------
//
// From the Teams webhook documentation and the Adaptive Cards 1.4 schema: the body is
// `{"type": "message", "attachments": [{"contentType":
// "application/vnd.microsoft.card.adaptive", "content": CARD}]}`; CARD has `type`
// "AdaptiveCard" and a `version` (Teams renders up to 1.5), optional `body` (elements) and
// `actions`. Element properties and enumerations as in the schema; a TextBlock needs `text`,
// a FactSet needs `facts` of `{title, value}` strings, Action.OpenUrl needs `url`.

const COMMON: &[&str] = &[
    "type",
    "id",
    "spacing",
    "separator",
    "isVisible",
    "height",
    "requires",
    "fallback",
];
const SPACING: &[&str] = &[
    "None",
    "Small",
    "Default",
    "Medium",
    "Large",
    "ExtraLarge",
    "Padding",
];

fn one_of(v: &Value, key: &str, allowed: &[&str], what: &str) -> Result<(), String> {
    match v.get(key) {
        None => Ok(()),
        Some(Value::String(s)) if allowed.contains(&s.as_str()) => Ok(()),
        Some(other) => Err(format!("{what}: {key} = {other} not one of {allowed:?}")),
    }
}

fn check_element(e: &Value, what: &str) -> Result<(), String> {
    one_of(e, "spacing", SPACING, what)?;
    match e["type"].as_str() {
        Some("TextBlock") => {
            let mut allowed = COMMON.to_vec();
            allowed.extend([
                "text",
                "color",
                "fontType",
                "horizontalAlignment",
                "isSubtle",
                "maxLines",
                "size",
                "weight",
                "wrap",
                "style",
            ]);
            keys_within(e, &allowed, what)?;
            if !e["text"].is_string() {
                return Err(format!("{what}: TextBlock needs text"));
            }
            one_of(
                e,
                "color",
                &[
                    "Default",
                    "Dark",
                    "Light",
                    "Accent",
                    "Good",
                    "Warning",
                    "Attention",
                ],
                what,
            )?;
            one_of(
                e,
                "size",
                &["Default", "Small", "Medium", "Large", "ExtraLarge"],
                what,
            )?;
            one_of(e, "weight", &["Default", "Lighter", "Bolder"], what)?;
            for flag in ["wrap", "isSubtle"] {
                if e.get(flag).is_some_and(|v| !v.is_boolean()) {
                    return Err(format!("{what}: {flag} must be a boolean"));
                }
            }
        }
        Some("FactSet") => {
            keys_within(
                e,
                COMMON
                    .iter()
                    .copied()
                    .chain(["facts"])
                    .collect::<Vec<_>>()
                    .as_slice(),
                what,
            )?;
            let facts = e["facts"]
                .as_array()
                .ok_or(format!("{what}: FactSet needs facts"))?;
            for f in facts {
                keys_within(f, &["title", "value"], what)?;
                if !f["title"].is_string() || !f["value"].is_string() {
                    return Err(format!("{what}: a fact needs string title and value"));
                }
            }
        }
        Some(
            t @ ("Image" | "Media" | "RichTextBlock" | "Container" | "ColumnSet" | "ImageSet"
            | "ActionSet"),
        ) => return Err(format!("{what}: {t} is valid 1.4 but not expected here")),
        other => {
            return Err(format!(
                "{what}: {other:?} is not an Adaptive Card 1.4 element"
            ))
        }
    }
    Ok(())
}

pub fn check_adaptive_card_message(p: &Value) -> Result<(), String> {
    keys_within(p, &["type", "attachments", "summary", "text"], "message")?;
    if p["type"] != "message" {
        return Err("type must be \"message\"".into());
    }
    let atts = p["attachments"].as_array().ok_or("no attachments")?;
    if atts.len() != 1 {
        return Err(format!("{} attachments", atts.len()));
    }
    let att = &atts[0];
    keys_within(att, &["contentType", "contentUrl", "content"], "attachment")?;
    if att["contentType"] != "application/vnd.microsoft.card.adaptive" {
        return Err(format!("contentType {}", att["contentType"]));
    }
    let card = &att["content"];
    keys_within(
        card,
        &[
            "$schema",
            "type",
            "version",
            "body",
            "actions",
            "msteams",
            "fallbackText",
            "speak",
            "lang",
            "verticalContentAlignment",
            "minHeight",
            "selectAction",
            "backgroundImage",
            "rtl",
        ],
        "card",
    )?;
    if card["type"] != "AdaptiveCard" {
        return Err("content.type must be AdaptiveCard".into());
    }
    let version = card["version"].as_str().ok_or("no version")?;
    let ok_version = matches!(version.split_once('.'), Some(("1", minor)) if minor.parse::<u8>().is_ok_and(|m| m <= 5));
    if !ok_version {
        return Err(format!("version {version:?} (Teams renders 1.0..=1.5)"));
    }
    let body = card["body"].as_array().ok_or("no body")?;
    if body.is_empty() {
        return Err("empty body".into());
    }
    for (i, e) in body.iter().enumerate() {
        check_element(e, &format!("body[{i}]"))?;
    }
    if let Some(actions) = card.get("actions") {
        for (i, a) in actions
            .as_array()
            .ok_or("actions not an array")?
            .iter()
            .enumerate()
        {
            let what = format!("actions[{i}]");
            keys_within(
                a,
                &[
                    "type",
                    "title",
                    "url",
                    "iconUrl",
                    "id",
                    "style",
                    "fallback",
                    "tooltip",
                    "isEnabled",
                    "mode",
                    "requires",
                ],
                &what,
            )?;
            if a["type"] != "Action.OpenUrl" {
                return Err(format!("{what}: type {}", a["type"]));
            }
            if !a["url"].as_str().is_some_and(|u| u.contains("://")) {
                return Err(format!("{what}: Action.OpenUrl needs a url"));
            }
        }
    }
    Ok(())
}

/// The checkers refuse what the services refuse (so a pass means something).
#[test]
fn the_structural_checks_reject_malformed_payloads() {
    let ok_slack: Value = serde_json::json!({"text": "t", "blocks": [
        {"type": "header", "text": {"type": "plain_text", "text": "T"}},
        {"type": "actions", "elements": [{"type": "button", "text": {"type": "plain_text", "text": "Open"}, "url": "https://x.example/"}]}
    ]});
    check_block_kit(&ok_slack).unwrap();
    let bad_slack = [
        serde_json::json!({"blocks": [{"type": "divider"}]}),
        serde_json::json!({"text": "t", "blocks": [{"type": "header", "text": {"type": "mrkdwn", "text": "T"}}]}),
        serde_json::json!({"text": "t", "blocks": [{"type": "banner"}]}),
        serde_json::json!({"text": "t", "blocks": [{"type": "section"}]}),
        serde_json::json!({"text": "t", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "x".repeat(3001)}}]}),
        serde_json::json!({"text": "t", "blocks": [{"type": "divider", "text": "x"}]}),
        serde_json::json!({"text": "t", "blocks": vec![serde_json::json!({"type": "divider"}); 51]}),
    ];
    for b in &bad_slack {
        assert!(check_block_kit(b).is_err(), "accepted {b}");
    }
    let card = |body: Value| {
        serde_json::json!({"type": "message", "attachments": [{
        "contentType": "application/vnd.microsoft.card.adaptive",
        "content": {"type": "AdaptiveCard", "version": "1.4", "body": body}}]})
    };
    check_adaptive_card_message(&card(
        serde_json::json!([{"type": "TextBlock", "text": "x"}]),
    ))
    .unwrap();
    let bad_cards = [
        card(serde_json::json!([{"type": "TextBlock"}])),
        card(serde_json::json!([{"type": "TextBlock", "text": "x", "color": "Red"}])),
        card(serde_json::json!([{"type": "FactSet", "facts": [{"title": "a", "value": 1}]}])),
        card(serde_json::json!([{"type": "Paragraph", "text": "x"}])),
        serde_json::json!({"type": "message", "attachments": [{"contentType": "application/json", "content": {}}]}),
    ];
    for c in &bad_cards {
        assert!(check_adaptive_card_message(c).is_err(), "accepted {c}");
    }
}
