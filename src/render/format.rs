//! Number formatting for the report: the only place numbers are rounded and become text
//! (rates as % with one decimal, scores one decimal, p-values three significant digits).

use super::*;

/// A rate as a percentage with one decimal, e.g. `12.3%`.
pub fn pct(v: Option<f64>) -> String {
    match v {
        Some(x) if x.is_finite() => format!("{:.1}%", x * 100.0),
        _ => DASH.into(),
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
                format!("−{s}")
            } else {
                s
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
        return format!("{:.2e}", x);
    }
    let magnitude = x.abs().log10().floor() as i32;
    let decimals = (2 - magnitude).max(0) as usize;
    format!("{:.*}", decimals, x)
}

/// An integer count with thousands separators.
pub fn int(v: Option<u64>) -> String {
    match v {
        Some(n) => group_thousands(&n.to_string()),
        None => DASH.into(),
    }
}

/// A money amount, whole units with thousands separators (the currency of the ACV column).
pub fn money(v: Option<f64>) -> String {
    match v {
        Some(x) if x.is_finite() => {
            let r = x.round();
            let sign = if r < 0.0 { "-" } else { "" };
            format!("{sign}{}", group_thousands(&format!("{:.0}", r.abs())))
        }
        _ => DASH.into(),
    }
}

pub(crate) fn group_thousands(digits: &str) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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
        "±0.0".into()
    } else if x > 0.0 {
        format!("+{:.1}", x)
    } else {
        format!("−{:.1}", x.abs())
    }
}

/// A target rate as a percentage without a needless decimal: `90%`, `92.5%`.
pub fn pct_whole(x: f64) -> String {
    let s = format!("{:.1}", x * 100.0);
    format!("{}%", s.strip_suffix(".0").unwrap_or(&s))
}

/// A label for a band/segment/activity key: `mid_market` → `Mid market`.
pub fn humanize(key: &str) -> String {
    match key {
        "smb" => return "SMB".into(),
        "mid_market" => return "Mid-market".into(),
        "cs_prep" => return "CS prep".into(),
        "sales_to_cs" => return "Sales to CS".into(),
        "sales_to_am" => return "Sales to AM".into(),
        _ => {}
    }
    let k = key.strip_prefix("info_").unwrap_or(key).replace('_', " ");
    let mut chars = k.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
