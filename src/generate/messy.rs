//! CSV cell formatting: canonical, or now and then a messy but legal spelling (money strings,
//! segment and boolean spellings, datetimes with offsets, without seconds or with a `.000`
//! fraction), as real exports write them.

use std::fmt::Write as _;

use super::calendar::{civil_from_days, DAY_US, MIN_US, SEC_US};
use super::cells::{Style, V};
use super::rng::Rng;

/// Share of eligible CSV cells written in a messy-but-legal form.
const MESSY: f64 = 0.07;

const BOOL_SPELLINGS: [(&str, &str); 6] = [
    ("yes", "no"),
    ("Y", "N"),
    ("TRUE", "FALSE"),
    ("t", "f"),
    ("1", "0"),
    ("True", "false"),
];

const OFFSETS_MIN: [i64; 8] = [120, -480, -300, 60, 330, -420, 540, 0];

fn segment_spellings(canonical: &str) -> &'static [&'static str] {
    match canonical {
        "smb" => &[
            "SMB",
            "SMB/Self-Serve",
            "self-serve",
            "Small Business",
            "smb ",
        ],
        "mid_market" => &["Mid-Market", "mid market", "MidMarket", "MM", "Mid Market"],
        "enterprise" => &["ENT", "Enterprise", "Enterprise ", "ENTERPRISE"],
        "strategic" => &["Strategic", "Strategic/High-Touch", "high-touch"],
        "public_sector" => &["Public Sector", "PUBLIC SECTOR"],
        "partner_channel" => &["Partner/Channel", "Partner Channel"],
        "education" => &["Education", "EDU"],
        _ => &[],
    }
}

pub(super) fn format_cell(buf: &mut String, v: V<'_>, style: Style, fmt: &mut Rng) {
    let messy = fmt.bernoulli(MESSY);
    match (v, style) {
        (V::Null, Style::Info) => {
            if messy {
                buf.push(' ');
            }
        }
        (V::Null, _) => {}
        (V::S(s), Style::Segment) => {
            let alts = segment_spellings(s);
            if messy && !alts.is_empty() {
                buf.push_str(fmt.choice(alts));
            } else {
                buf.push_str(s);
            }
        }
        (V::S(s), _) => buf.push_str(s),
        (V::F(x), Style::Money) => {
            if messy {
                match fmt.below(3) {
                    0 => {
                        buf.push('$');
                        push_grouped(buf, x);
                    }
                    1 => {
                        buf.push_str("USD ");
                        push_grouped(buf, x);
                    }
                    _ => {
                        let _ = write!(buf, "{x}");
                    }
                }
            } else {
                let _ = write!(buf, "{x:.2}");
            }
        }
        (V::F(x), Style::Check) => {
            if x == 1.0 || x == 0.0 {
                push_bool(buf, x == 1.0, messy, fmt);
            } else {
                let _ = write!(buf, "{x}");
            }
        }
        (V::F(x), Style::Num(dec)) => {
            let _ = write!(buf, "{x:.dec$}");
        }
        (V::F(x), _) => {
            let _ = write!(buf, "{x}");
        }
        (V::I(x), _) => {
            let _ = write!(buf, "{x}");
        }
        (V::B(b), _) => push_bool(buf, b, messy, fmt),
        (V::D(d), _) => push_date(buf, d),
        (V::T(t), style) => {
            let midnight = t.rem_euclid(DAY_US) == 0;
            if style == Style::StampOrDate && midnight && !messy {
                push_date(buf, t.div_euclid(DAY_US));
            } else {
                push_stamp(buf, t, messy, fmt);
            }
        }
    }
}

fn push_bool(buf: &mut String, b: bool, messy: bool, fmt: &mut Rng) {
    if messy {
        let (t, f) = fmt.choice(&BOOL_SPELLINGS);
        buf.push_str(if b { t } else { f });
    } else {
        buf.push_str(if b { "true" } else { "false" });
    }
}

fn push_date(buf: &mut String, day: i64) {
    let (y, m, d) = civil_from_days(day);
    let _ = write!(buf, "{y:04}-{m:02}-{d:02}");
}

/// `1234567.5` → `1,234,567.50`.
pub(super) fn push_grouped(buf: &mut String, x: f64) {
    let cents = (x.abs() * 100.0).round() as u64;
    if x < 0.0 {
        buf.push('-');
    }
    let int = (cents / 100).to_string();
    let n = int.len();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            buf.push(',');
        }
        buf.push(ch);
    }
    let _ = write!(buf, ".{:02}", cents % 100);
}

/// Writes an instant. Canonical: `YYYY-MM-DDTHH:MM:SS[.fff]Z`. Messy: space or `T` without a
/// zone (UTC), a numeric offset (the local time shifted so the instant is unchanged), no
/// seconds (only when they are zero), or an explicit `.000` fraction.
pub(super) fn push_stamp(buf: &mut String, t: i64, messy: bool, fmt: &mut Rng) {
    let variant = if messy { 1 + fmt.below(5) } else { 0 };
    let exact_minute = t.rem_euclid(MIN_US) == 0;
    let (local, offset) = if variant == 3 {
        let off = fmt.choice(&OFFSETS_MIN);
        (t + off * MIN_US, Some(off))
    } else {
        (t, None)
    };
    let secs = local.div_euclid(SEC_US);
    let us = local.rem_euclid(SEC_US);
    let (y, mo, d) = civil_from_days(secs.div_euclid(86_400));
    let sod = secs.rem_euclid(86_400);
    let (hh, mm, ss) = (sod / 3600, (sod / 60) % 60, sod % 60);
    let sep = if variant == 1 || (variant == 4 && fmt.bernoulli(0.5)) {
        ' '
    } else {
        'T'
    };
    let _ = write!(buf, "{y:04}-{mo:02}-{d:02}{sep}{hh:02}:{mm:02}");
    if variant == 4 && exact_minute {
        return;
    }
    let _ = write!(buf, ":{ss:02}");
    if us != 0 {
        if us % 1000 == 0 {
            let _ = write!(buf, ".{:03}", us / 1000);
        } else {
            let _ = write!(buf, ".{us:06}");
        }
    } else if variant == 5 {
        buf.push_str(".000");
    }
    match (variant, offset) {
        (_, Some(off)) => {
            let sign = if off < 0 { '-' } else { '+' };
            let a = off.abs();
            let _ = write!(buf, "{sign}{:02}:{:02}", a / 60, a % 60);
        }
        (1, None) | (2, None) | (4, None) => {}
        _ => buf.push('Z'),
    }
}
