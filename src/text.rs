//! The one seam for user-facing text: every sentence the report and the notifications show is
//! a message id in a Project Fluent catalog (`locales/LANG/*.ftl`, compiled in), formatted by
//! `fluent-bundle`. Callers name an id and pass variables, preformatted as text (numbers are
//! rounded and written in the language's convention by `render::format` first); they hold
//! no wording. Each language is a folder `locales/LANG/` with the same files and message ids.
//!
//! The language is a scoped setting of the current thread, not an argument: the render entry
//! points and the notifications open [`scoped`] with the run's language, and [`text`],
//! `ReportView::text` and the `render::format` functions read [`Language::current`] (English
//! outside any scope). Render runs on the calling thread only (no rayon/polars work formats
//! text), so the setting reaches every message.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

/// A language the report can be asked for (`--lang`, config `language`; METRICS.md §5.1),
/// recorded in `metrics.json` → `language`.
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

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::En) };
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 3] = [Language::En, Language::Id, Language::De];

    /// The ISO 639-1 code written to `metrics.json` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Id => "id",
            Language::De => "de",
        }
    }

    /// The language of an ISO 639-1 code (`metrics.json` → `language`).
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language of the current [`scoped`] setting (English outside any scope).
    pub fn current() -> Language {
        CURRENT.with(Cell::get)
    }

    /// Whether this language's catalog has every message of the English one.
    pub fn has_catalog(self) -> bool {
        self.missing_messages().is_empty()
    }

    /// The English message ids this language's catalog lacks (they fall back to English).
    pub fn missing_messages(self) -> Vec<String> {
        let have = messages(self.catalog());
        messages(EN)
            .into_keys()
            .filter(|id| !have.contains_key(id))
            .collect()
    }

    /// The catalog files of this language.
    pub fn catalog(self) -> Catalog {
        match self {
            Language::En => EN,
            Language::Id => ID,
            Language::De => DE,
        }
    }
}

/// Sets the current language until the returned guard is dropped (then the previous one is
/// back). Render and notify open one per run: `let _lang = text::scoped(lang);`.
pub fn scoped(lang: Language) -> Scope {
    let previous = CURRENT.with(|c| c.replace(lang));
    Scope { previous }
}

/// The guard of [`scoped`]; restores the previous language when dropped.
#[must_use = "the language is reset when the guard is dropped"]
pub struct Scope {
    previous: Language,
}

impl Drop for Scope {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.previous));
    }
}

/// The files of one language's catalog, as `locales/LANG/` holds them (see the header of
/// each file for what goes where).
pub type Catalog = [(&'static str, &'static str); 4];

macro_rules! catalog {
    ($lang:literal) => {
        [
            (
                "notify.ftl",
                include_str!(concat!("../locales/", $lang, "/notify.ftl")),
            ),
            (
                "report.ftl",
                include_str!(concat!("../locales/", $lang, "/report.ftl")),
            ),
            (
                "monthly.ftl",
                include_str!(concat!("../locales/", $lang, "/monthly.ftl")),
            ),
            (
                "quarterly.ftl",
                include_str!(concat!("../locales/", $lang, "/quarterly.ftl")),
            ),
        ]
    };
}

/// The English catalog.
pub const EN: Catalog = catalog!("en");
/// The Bahasa Indonesia catalog.
pub const ID: Catalog = catalog!("id");
/// The German catalog.
pub const DE: Catalog = catalog!("de");

/// Every message id (and `id.attribute`) of a catalog with the names of the variables it
/// shows (sorted; a
/// variable used only to select a variant is left out), for the completeness checks: a
/// translation must have the same ids and show the same variables.
pub fn messages(catalog: Catalog) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for (_, ftl) in catalog {
        let Ok(resource) = fluent_syntax::parser::parse(ftl) else {
            continue;
        };
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = Vec::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                vars.sort();
                vars.dedup();
                for a in &m.attributes {
                    let mut avars = Vec::new();
                    pattern_vars(&a.value, &mut avars);
                    avars.sort();
                    avars.dedup();
                    out.insert(format!("{}.{}", m.id.name, a.id.name), avars);
                }
                out.insert(m.id.name.to_string(), vars);
            }
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut Vec<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut Vec<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, out),
        // A selector only chooses a variant (a plural category, a yes/no): languages differ
        // in whether they need one, so only the variables a message shows are compared.
        ast::Expression::Select { variants, .. } => {
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        _ => {}
    }
}

/// The messages of one language.
pub struct Text {
    lang: Language,
    bundle: FluentBundle<FluentResource>,
}

impl Text {
    /// The catalog of `lang`, parsed once.
    pub fn get(lang: Language) -> &'static Text {
        static TEXTS: [OnceLock<Text>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let i = Language::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        TEXTS[i].get_or_init(|| Text::load(lang))
    }

    /// The English catalog.
    pub fn en() -> &'static Text {
        Text::get(Language::En)
    }

    /// The catalog of the current language ([`Language::current`]).
    pub fn current() -> &'static Text {
        Text::get(Language::current())
    }

    fn load(lang: Language) -> Text {
        let code = lang.code();
        let langid = code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // No Unicode isolation marks around variables: the output must stay byte-identical.
        bundle.set_use_isolating(false);
        for (file, ftl) in lang.catalog() {
            let resource =
                FluentResource::try_new(ftl.to_string()).unwrap_or_else(|(res, errors)| {
                    debug_assert!(errors.is_empty(), "locales/{code}/{file}: {errors:?}");
                    res
                });
            if let Err(errors) = bundle.add_resource(resource) {
                debug_assert!(false, "locales/{code}/{file}: {errors:?}");
            }
        }
        Text { lang, bundle }
    }

    /// Whether the catalog has the message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The language of this catalog.
    pub fn language(&self) -> Language {
        self.lang
    }

    /// The message `id` with its `{ $name }` variables filled from `args`. A message this
    /// language lacks comes in English; an id no catalog has comes back as itself (tests
    /// check that every id used exists). A variable written as a plain whole number
    /// (`"3"`) reaches Fluent as a number, so plural selectors (`{ $n -> [one] … }`) work;
    /// it prints the same digits.
    pub fn msg(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.msg_n(id, args, &[])
    }

    /// The message `id` with text variables `args` and number variables `nums` (for
    /// selectors, `{ $n -> [one] … *[other] … }`; a number shown in the text is passed
    /// preformatted in `args`). Falls back to English as [`Text::msg`].
    pub fn msg_n(&self, id: &str, args: &[(&str, &str)], nums: &[(&str, f64)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            if self.lang != Language::En {
                return Text::en().msg_n(id, args, nums);
            }
            debug_assert!(false, "message {id:?} is not in the catalog");
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match plain_count(value) {
                Some(n) => fluent_args.set(*name, FluentValue::from(n)),
                None => fluent_args.set(*name, *value),
            }
        }
        for (name, value) in nums {
            fluent_args.set(*name, *value);
        }
        let mut errors = Vec::new();
        let out = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        debug_assert!(errors.is_empty(), "message {id:?}: {errors:?}");
        out.into_owned()
    }

    /// The attribute `attr` of the message `id` (see [`text_attr`]).
    pub fn attr(&self, id: &str, attr: &str) -> String {
        let Some(message) = self.bundle.get_message(id) else {
            if self.lang != Language::En {
                return Text::en().attr(id, attr);
            }
            debug_assert!(false, "message {id:?} is not in the catalog");
            return id.to_string();
        };
        let Some(pattern) = message
            .get_attribute(attr)
            .map(|a| a.value())
            .or(message.value())
        else {
            return id.to_string();
        };
        let mut errors = Vec::new();
        let out = self.bundle.format_pattern(pattern, None, &mut errors);
        debug_assert!(errors.is_empty(), "message {id:?}.{attr}: {errors:?}");
        out.into_owned()
    }
}

/// `"12"` → 12: a whole number written without grouping, sign or leading zero (which Fluent
/// prints back unchanged).
fn plain_count(s: &str) -> Option<u32> {
    let ok = !s.is_empty()
        && s.len() <= 9
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s == "0" || !s.starts_with('0'));
    ok.then(|| s.parse().ok()).flatten()
}

/// The message `id` in the current language (see [`Text::msg`]).
pub fn text(id: &str, args: &[(&str, &str)]) -> String {
    Text::current().msg(id, args)
}

/// The message `id` in the current language with number variables for its selectors (see
/// [`Text::msg_n`]).
pub fn text_n(id: &str, args: &[(&str, &str)], nums: &[(&str, f64)]) -> String {
    Text::current().msg_n(id, args, nums)
}

/// The attribute `attr` of the message `id` in the current language (`id = …` /
/// `    .attr = …`), e.g. the form of a label used inside a sentence; the message's value
/// when it has no such attribute. A message this language lacks comes in English.
pub fn text_attr(id: &str, attr: &str) -> String {
    Text::current().attr(id, attr)
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
    fn every_catalog_parses_and_has_both_notify_and_report_messages() {
        for lang in Language::ALL {
            for (file, ftl) in lang.catalog() {
                let parsed = FluentResource::try_new(ftl.to_string());
                assert!(
                    parsed.is_ok(),
                    "locales/{}/{file}: {:?}",
                    lang.code(),
                    parsed.err().map(|e| e.1)
                );
            }
            for id in ["fallback-alerts", "section-headline", "section-methodology"] {
                assert!(Text::get(lang).has(id), "{}: {id} missing", lang.code());
            }
        }
        assert!(!Text::en().has("no-such-message"));
    }

    /// A message in one catalog and not another, or with other variables, fails here.
    #[test]
    fn every_language_has_every_message_with_the_same_variables() {
        let en = messages(EN);
        assert!(en.len() > 50, "{}", en.len());
        let mut problems = Vec::new();
        for lang in [Language::Id, Language::De] {
            let other = messages(lang.catalog());
            let code = lang.code();
            for (id, vars) in &en {
                match other.get(id) {
                    None => problems.push(format!("{code}: {id} missing")),
                    Some(v) if v != vars => {
                        problems.push(format!("{code}: {id} uses {v:?}, English {vars:?}"))
                    }
                    Some(_) => {}
                }
            }
            for id in other.keys().filter(|id| !en.contains_key(*id)) {
                problems.push(format!("{code}: {id} is not in the English catalog"));
            }
            assert_eq!(lang.has_catalog(), lang.missing_messages().is_empty());
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(Language::Id.has_catalog() && Language::De.has_catalog());
    }

    #[test]
    fn the_scope_sets_the_language_and_restores_the_previous_one() {
        assert_eq!(Language::current(), Language::En);
        {
            let _de = scoped(Language::De);
            assert_eq!(Language::current(), Language::De);
            assert_eq!(
                text("section-headline", &[]),
                Text::get(Language::De).msg("section-headline", &[])
            );
            {
                let _id = scoped(Language::Id);
                assert_eq!(Language::current(), Language::Id);
            }
            assert_eq!(Language::current(), Language::De);
        }
        assert_eq!(Language::current(), Language::En);
        assert_eq!(Language::from_code("de"), Some(Language::De));
        assert_eq!(Language::from_code("fr"), None);
    }

    #[test]
    fn whole_numbers_select_plural_variants_and_print_unchanged() {
        assert_eq!(plain_count("3"), Some(3));
        assert_eq!(plain_count("0"), Some(0));
        for s in ["03", "1,234", "1.5", "", "−2", "n/a"] {
            assert_eq!(plain_count(s), None, "{s}");
        }
        assert_eq!(text("alerts-heading", &[("count", "12")]), "Alerts (12)");
        let wrote = |n| text("stdout-wrote", &[("path", "r/2026-10"), ("count", n)]);
        assert_eq!(wrote("1"), "wrote r/2026-10 (1 file)");
        assert_eq!(wrote("31"), "wrote r/2026-10 (31 files)");
        let _de = scoped(Language::De);
        assert_eq!(wrote("1"), "r/2026-10 geschrieben (1 Datei)");
    }
}
