//! Number formatting for the report: the only place numbers are rounded and become text
//! (rates as % with one decimal, scores one decimal, p-values three significant digits),
//! written in the convention of the current language ([`Language::current`], set per render
//! by `text::scoped`): en `1,234.5` `27.4%` `2026-10-31`; de `1.234,5` `27,4 %` `31.10.2026`;
//! id `1.234,5` `27,4%` `31/10/2026`.
//!
//! Rounding stays Rust's `format!` (identical in every language, so every language shows the
//! same figures); the digits are then written by ICU4X's `icu_decimal` with its compiled CLDR
//! data (decimal and grouping separators, grouping positions). Why ICU4X: its core crates
//! (`icu_provider`, `icu_locale_core`, `zerovec`) are already built for `url`'s IDNA, so it
//! adds five small crates (`icu_decimal`, `fixed_decimal`, `icu_locale_fallback` and two
//! data crates: about 1.5 s of compile time in a dev build, measured with
//! `cargo build --timings`) instead of hand-written grouping per language. The percent sign's spacing
//! (CLDR: de `27,4 %` with a no-break space) and the numeric date order are a small table
//! here; no month names are written, so chrono's `unstable-locales` (a large generated
//! crate) is not needed.

use std::cell::Cell;

use icu_decimal::input::Decimal;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_decimal::DecimalFormatter;

use super::*;
use crate::text::Language;

/// A no-break space: between a number and `%` (de) or a currency code.
const NBSP: char = '\u{a0}';

thread_local! {
    /// Per language (`Language::ALL` order): grouped, then ungrouped.
    static FORMATTERS: [[Option<DecimalFormatter>; 2]; 3] = Language::ALL.map(|l| {
        [formatter(l, GroupingStrategy::Auto), formatter(l, GroupingStrategy::Never)]
    });
    static CURRENCY: Cell<[u8; 3]> = const { Cell::new(*b"USD") };
}

fn formatter(lang: Language, grouping: GroupingStrategy) -> Option<DecimalFormatter> {
    let locale: icu_locale_core::Locale = lang.code().parse().ok()?;
    let mut options = DecimalFormatterOptions::default();
    options.grouping_strategy = Some(grouping);
    DecimalFormatter::try_new(locale.into(), options).ok()
}

/// A plain decimal as Rust writes it (`1234.5`, `-0.25`, `3.00`) in the current language's
/// digits: grouping and decimal separators from CLDR; the sign stays as written.
pub fn localize(plain: &str) -> String {
    write_digits(plain, 0)
}

/// As [`localize`] without thousands separators (chart axis ticks: `2000`, de `0,5`).
pub fn localize_ungrouped(plain: &str) -> String {
    write_digits(plain, 1)
}

fn write_digits(plain: &str, strategy: usize) -> String {
    let (sign, digits) = match plain.char_indices().next() {
        Some((_, c @ ('-' | '+' | '−' | '±'))) => plain.split_at(c.len_utf8()),
        _ => ("", plain),
    };
    let lang = Language::current();
    let Ok(decimal) = Decimal::try_from_str(digits) else {
        return plain.to_string();
    };
    let i = Language::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    FORMATTERS.with(|f| match &f[i][strategy] {
        Some(f) => format!("{sign}{}", f.format(&decimal)),
        None => plain.to_string(),
    })
}

/// `27.4` → `27.4%` / `27,4 %` / `27,4%`: a percentage in the current language.
fn percent_sign(plain: &str) -> String {
    match Language::current() {
        Language::De => format!("{}{NBSP}%", localize(plain)),
        Language::En | Language::Id => format!("{}%", localize(plain)),
    }
}

/// A rate as a percentage with one decimal, e.g. `12.3%`.
pub fn pct(v: Option<f64>) -> String {
    match v {
        Some(x) if x.is_finite() => percent_sign(&format!("{:.1}", x * 100.0)),
        _ => DASH.into(),
    }
}

/// A rate as a whole percentage, e.g. a target or floor: `90%`.
pub fn pct0(x: f64) -> String {
    if x.is_finite() {
        percent_sign(&format!("{:.0}", x * 100.0))
    } else {
        DASH.into()
    }
}

/// A number with one decimal (scores, days, means).
pub fn num1(v: Option<f64>) -> String {
    fixed(v, 1)
}

/// A number with two decimals (relative risks, correlation coefficients, statistics).
pub fn num2(v: Option<f64>) -> String {
    fixed(v, 2)
}

/// Fixed decimals with a typographic minus; a value that rounds to zero has no sign.
pub(crate) fn fixed(v: Option<f64>, decimals: usize) -> String {
    match v {
        Some(x) if x.is_finite() => {
            let s = format!("{:.*}", decimals, x.abs());
            if x < 0.0 && s.bytes().any(|c| (b'1'..=b'9').contains(&c)) {
                format!("−{}", localize(&s))
            } else {
                localize(&s)
            }
        }
        _ => DASH.into(),
    }
}

/// Three significant digits (p-values); scientific notation below 0.0001.
pub fn sig3(v: Option<f64>) -> String {
    let Some(x) = v.filter(|x| x.is_finite()) else {
        return DASH.into();
    };
    if x == 0.0 {
        return "0".into();
    }
    if x.abs() < 1e-4 {
        let s = format!("{:.2e}", x);
        return match s.split_once('e') {
            Some((mantissa, exp)) => format!("{}e{exp}", localize(mantissa)),
            None => s,
        };
    }
    let magnitude = x.abs().log10().floor() as i32;
    let decimals = (2 - magnitude).max(0) as usize;
    localize(&format!("{:.*}", decimals, x))
}

/// An integer count with thousands separators.
pub fn int(v: Option<u64>) -> String {
    match v {
        Some(n) => localize(&n.to_string()),
        None => DASH.into(),
    }
}

/// A money amount, whole units with thousands separators, labelled with the configured
/// currency (`currency`, METRICS.md §5.1): de `4.645.628 EUR`, id `USD 4.645.628`. English
/// amounts in the default USD stay bare (`4,645,628`, as the reports always showed them);
/// any other currency is named (`EUR 4,645,628`).
pub fn money(v: Option<f64>) -> String {
    let amount = match v {
        Some(x) if x.is_finite() => {
            let r = x.round();
            let sign = if r < 0.0 { "-" } else { "" };
            format!("{sign}{}", localize(&format!("{:.0}", r.abs())))
        }
        _ => return DASH.into(),
    };
    let code = currency();
    match Language::current() {
        Language::En if code == "USD" => amount,
        Language::En | Language::Id => format!("{code}{NBSP}{amount}"),
        Language::De => format!("{amount}{NBSP}{code}"),
    }
}

/// The currency money is labelled with (ISO 4217 code; `USD` outside a render scope).
pub fn currency() -> String {
    CURRENCY.with(|c| String::from_utf8_lossy(&c.get()).into_owned())
}

/// Sets the currency of [`money`] until the guard is dropped (the render entry points open
/// it with the config's `currency`, beside the language scope). A code that is not three
/// ASCII letters (config validation rejects it) leaves the currency unchanged.
pub fn scoped_currency(code: &str) -> CurrencyScope {
    let previous = CURRENCY.with(Cell::get);
    if let Ok(bytes) = <[u8; 3]>::try_from(code.as_bytes()) {
        if bytes.iter().all(u8::is_ascii_alphabetic) {
            CURRENCY.with(|c| c.set(bytes));
        }
    }
    CurrencyScope { previous }
}

/// The guard of [`scoped_currency`].
#[must_use = "the currency is reset when the guard is dropped"]
pub struct CurrencyScope {
    previous: [u8; 3],
}

impl Drop for CurrencyScope {
    fn drop(&mut self) {
        CURRENCY.with(|c| c.set(self.previous));
    }
}

/// A `YYYY-MM-DD` date in the current language: `2026-10-31`, de `31.10.2026`, id
/// `31/10/2026`. Text that is not such a date (`?`) comes back unchanged.
pub fn date(iso: &str) -> String {
    match NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        Ok(d) => date_of(d),
        Err(_) => iso.to_string(),
    }
}

/// A date in the current language (see [`date`]).
pub fn date_of(d: NaiveDate) -> String {
    match Language::current() {
        Language::En => d.format("%Y-%m-%d"),
        Language::De => d.format("%d.%m.%Y"),
        Language::Id => d.format("%d/%m/%Y"),
    }
    .to_string()
}

/// A 95% interval `a–b` of two rates.
pub fn ci_pct(lo: Option<f64>, hi: Option<f64>) -> String {
    match (lo, hi) {
        (Some(a), Some(b)) => format!("{}–{}", pct(Some(a)), pct(Some(b))),
        _ => DASH.into(),
    }
}

/// A 95% interval `a–b` of two ratios.
pub fn ci_num2(lo: Option<f64>, hi: Option<f64>) -> String {
    match (lo, hi) {
        (Some(a), Some(b)) => format!("{}–{}", num2(Some(a)), num2(Some(b))),
        _ => DASH.into(),
    }
}

/// A signed change in percentage points between two rates.
pub fn change_pts(now: Option<f64>, before: Option<f64>) -> Option<f64> {
    Some((now? - before?) * 100.0)
}

pub(crate) fn signed1(x: f64) -> String {
    if x.abs() < 0.05 {
        format!("±{}", localize("0.0"))
    } else if x > 0.0 {
        format!("+{}", localize(&format!("{:.1}", x)))
    } else {
        format!("−{}", localize(&format!("{:.1}", x.abs())))
    }
}

/// A target rate as a percentage without a needless decimal: `90%`, `92.5%`.
pub fn pct_whole(x: f64) -> String {
    let s = format!("{:.1}", x * 100.0);
    percent_sign(s.strip_suffix(".0").unwrap_or(&s))
}

/// A label for a band/segment/activity key: `mid_market` → `Mid-market`. The label is the
/// catalog's (`band-excellent`, `segment-mid-market`, … of `crate::vocab`, else
/// `key-KEY`) when it has one; otherwise the key itself, capitalised, `_` as spaces.
pub fn humanize(key: &str) -> String {
    let tx = crate::text::Text::current();
    if let Some(id) = label_id(key).filter(|id| tx.has(id) || crate::text::Text::en().has(id)) {
        return tx.msg(&id, &[]);
    }
    let k = key.strip_prefix("info_").unwrap_or(key).replace('_', " ");
    let mut chars = k.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The message id of a key's label: a vocabulary value's (`band-good`), else `key-KEY`.
fn label_id(key: &str) -> Option<String> {
    use crate::vocab::*;
    if key.is_empty() {
        return None;
    }
    key.parse::<Band>()
        .map(Band::label_id)
        .or_else(|_| key.parse::<Activity>().map(Activity::label_id))
        .or_else(|_| key.parse::<Segment>().map(Segment::label_id))
        .or_else(|_| key.parse::<SlaStatus>().map(SlaStatus::label_id))
        .or_else(|_| {
            key.parse::<CompletionStatus>()
                .map(CompletionStatus::label_id)
        })
        .or_else(|_| key.parse::<Acceptance>().map(Acceptance::label_id))
        .ok()
        .or_else(|| Some(format!("key-{}", key.replace('_', "-"))))
        .filter(|id| id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::scoped;

    #[test]
    fn english_keeps_todays_digits() {
        assert_eq!(pct(Some(0.274)), "27.4%");
        assert_eq!(pct(Some(-0.0001)), "-0.0%");
        assert_eq!(num1(Some(1234.5)), "1,234.5");
        assert_eq!(num2(Some(-0.166)), "−0.17");
        assert_eq!(int(Some(1234567)), "1,234,567");
        assert_eq!(money(Some(4645628.4)), "4,645,628");
        assert_eq!(money(Some(-1500.0)), "-1,500");
        assert_eq!(sig3(Some(0.000012345)), "1.23e-5");
        assert_eq!(sig3(Some(1.0)), "1.00");
        assert_eq!(signed1(0.01), "±0.0");
        assert_eq!(pct_whole(0.925), "92.5%");
        assert_eq!(date("2026-10-31"), "2026-10-31");
        assert_eq!(date("?"), "?");
    }

    #[test]
    fn german_and_indonesian_use_their_conventions() {
        {
            let _de = scoped(Language::De);
            assert_eq!(num1(Some(1234.5)), "1.234,5");
            assert_eq!(pct(Some(0.274)), "27,4\u{a0}%");
            assert_eq!(pct_whole(0.9), "90\u{a0}%");
            assert_eq!(int(Some(1234567)), "1.234.567");
            assert_eq!(money(Some(4645628.4)), "4.645.628\u{a0}USD");
            assert_eq!(ci_num2(Some(1.4629), Some(3.0049)), "1,46–3,00");
            assert_eq!(sig3(Some(0.0191198)), "0,0191");
            assert_eq!(sig3(Some(0.000012345)), "1,23e-5");
            assert_eq!(signed1(-2.04), "−2,0");
            assert_eq!(date("2026-10-31"), "31.10.2026");
            let _eur = scoped_currency("EUR");
            assert_eq!(money(Some(12.0)), "12\u{a0}EUR");
        }
        let _id = scoped(Language::Id);
        assert_eq!(num1(Some(1234.5)), "1.234,5");
        assert_eq!(pct(Some(0.274)), "27,4%");
        assert_eq!(money(Some(4645628.4)), "USD\u{a0}4.645.628");
        assert_eq!(date("2026-10-31"), "31/10/2026");
        assert_eq!(currency(), "USD");
    }

    #[test]
    fn labels_come_from_the_catalog_in_each_language() {
        assert_eq!(humanize("substandard"), "Substandard");
        assert_eq!(humanize("info_customer_context"), "Customer context");
        let _de = scoped(Language::De);
        assert_eq!(humanize("substandard"), "Unzureichend");
    }
}
