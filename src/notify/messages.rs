//! Every sentence a notification shows, looked up by message id in a Fluent-syntax catalog
//! (`locales/en.ftl`). The payload builders name ids and pass variables; they hold no text.
//! Only the single-line subset of Fluent is read here (`id = text { $var }`), so the file can
//! move to `fluent-bundle` unchanged when more languages arrive.

use std::collections::HashMap;
use std::sync::OnceLock;

const EN: &str = include_str!("locales/en.ftl");

fn catalog() -> &'static HashMap<&'static str, &'static str> {
    static CATALOG: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    CATALOG.get_or_init(|| parse(EN))
}

/// `id = value` lines; `#` comments and blank lines are skipped.
fn parse(text: &'static str) -> HashMap<&'static str, &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(id, value)| (id.trim(), value.trim()))
        .collect()
}

/// The message `id` with its `{ $name }` placeholders filled from `args`. An unknown id
/// comes back as itself (a test checks that every id the builders use exists).
pub fn text(id: &str, args: &[(&str, &str)]) -> String {
    let Some(template) = catalog().get(id) else {
        debug_assert!(false, "notification message {id:?} is not in the catalog");
        return id.to_string();
    };
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{ ${name} }}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            text("title-monthly", &[("label", "2026-10")]),
            "Handoff quality review — 2026-10"
        );
        assert_eq!(
            text(
                "relative-risk-value",
                &[("value", "2.10"), ("low", "1.46"), ("high", "3.00")]
            ),
            "2.10 (95% CI 1.46–3.00)"
        );
    }

    #[test]
    fn every_message_is_single_line_with_known_placeholders() {
        for (id, value) in catalog() {
            assert!(!value.is_empty(), "{id} is empty");
            let unclosed = value.matches("{ $").count() != value.matches(" }").count();
            assert!(!unclosed, "{id}: unbalanced placeholder in {value:?}");
        }
        assert!(
            catalog().len() >= 25,
            "catalog parsed {} ids",
            catalog().len()
        );
    }
}
