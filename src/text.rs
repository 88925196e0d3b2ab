//! The one seam for user-facing text: every sentence the report and the notifications show is
//! a message id in a Project Fluent catalog (`locales/en/*.ftl`, compiled in), formatted by
//! `fluent-bundle`. Callers name an id and pass variables, preformatted as text (numbers are
//! rounded by `render::format` first, so every language shows the same figures); they hold
//! no wording. Another language is another `locales/LANG.ftl` with the same ids.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// A language the report can be asked for (`--lang`, config `language`; METRICS.md §5.1). Only
/// English has a catalog so far (issue #15 adds Bahasa Indonesia and German); the choice
/// is recorded in `metrics.json` → `language` either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Bahasa Indonesia.
    Id,
    /// German.
    De,
}

impl Language {
    /// The ISO 639-1 code written to `metrics.json` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Id => "id",
            Language::De => "de",
        }
    }

    /// Whether the report text exists in this language (today only English).
    pub fn has_catalog(self) -> bool {
        self == Language::En
    }
}

/// The files of one language's catalog, as `locales/LANG/` holds them (see the header of
/// each file for what goes where).
pub type Catalog = [(&'static str, &'static str); 4];

/// The English catalog.
pub const EN: Catalog = [
    ("notify.ftl", include_str!("../locales/en/notify.ftl")),
    ("report.ftl", include_str!("../locales/en/report.ftl")),
    ("monthly.ftl", include_str!("../locales/en/monthly.ftl")),
    ("quarterly.ftl", include_str!("../locales/en/quarterly.ftl")),
];

/// The messages of one language.
pub struct Text {
    bundle: FluentBundle<FluentResource>,
}

impl Text {
    /// The English catalog (the only one today), parsed once.
    pub fn en() -> &'static Text {
        static TEXT: OnceLock<Text> = OnceLock::new();
        TEXT.get_or_init(|| Text::load("en", EN))
    }

    fn load(lang: &str, catalog: Catalog) -> Text {
        let langid = lang.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // No Unicode isolation marks around variables: the output must stay byte-identical.
        bundle.set_use_isolating(false);
        for (file, ftl) in catalog {
            let resource =
                FluentResource::try_new(ftl.to_string()).unwrap_or_else(|(res, errors)| {
                    debug_assert!(errors.is_empty(), "locales/{lang}/{file}: {errors:?}");
                    res
                });
            if let Err(errors) = bundle.add_resource(resource) {
                debug_assert!(false, "locales/{lang}/{file}: {errors:?}");
            }
        }
        Text { bundle }
    }

    /// Whether the catalog has the message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` with its `{ $name }` variables filled from `args`. An unknown id
    /// comes back as itself (tests check that every id used exists).
    pub fn msg(&self, id: &str, args: &[(&str, &str)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            debug_assert!(false, "message {id:?} is not in the catalog");
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, *value);
        }
        let mut errors = Vec::new();
        let out = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        debug_assert!(errors.is_empty(), "message {id:?}: {errors:?}");
        out.into_owned()
    }
}

/// The English message `id` (see [`Text::msg`]).
pub fn text(id: &str, args: &[(&str, &str)]) -> String {
    Text::en().msg(id, args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_filled_without_isolation_marks() {
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
    fn the_catalog_parses_and_has_both_notify_and_report_messages() {
        for (file, ftl) in EN {
            let parsed = FluentResource::try_new(ftl.to_string());
            assert!(
                parsed.is_ok(),
                "locales/en/{file}: {:?}",
                parsed.err().map(|e| e.1)
            );
        }
        for id in ["fallback-alerts", "section-headline", "section-methodology"] {
            assert!(Text::en().has(id), "{id} missing");
        }
        assert!(!Text::en().has("no-such-message"));
    }
}
