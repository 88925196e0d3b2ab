//! Small building blocks shared by the report sections: empty-state notes, group sizes,
//! band order and list wording.

use super::*;

pub(crate) fn not_provided(input: &str) -> Block {
    Block::Unavailable(crate::text::text("note-not-provided", &[("table", input)]))
}

pub(crate) fn no_rows(what: &str) -> Block {
    Block::Unavailable(crate::text::text("note-no-data", &[("what", what)]))
}

/// Catalog text as spans: each `**…**` pair marks strong text, the rest is plain.
pub(crate) fn rich(s: &str) -> Vec<Span> {
    s.split("**")
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(i, part)| if i % 2 == 1 { b(part) } else { t(part) })
        .collect()
}

/// `mean (n)` cell of a typed group mean; a dash when the group is absent.
pub(crate) fn group_mean_cell(
    g: Option<&crate::metrics::snapshots::GroupMean>,
    fmt: fn(Option<f64>) -> String,
) -> Cell {
    match g {
        None => Cell::num(DASH),
        Some(g) => Cell::num(format!("{} ({})", fmt(g.mean), int(Some(g.n)))).low(g.n < LOW_SAMPLE),
    }
}

/// n of a group object and whether it is a low sample.
pub(crate) fn group_n(g: &Value) -> (Option<u64>, bool) {
    let n = unum(g, &["n"]);
    let low = match at(g, &["low_sample"]).as_bool() {
        Some(l) => l,
        None => n.is_some_and(|n| n < LOW_SAMPLE),
    };
    (n, low)
}

/// Keys of a `by_band`-style object in band order, then any others.
pub(crate) fn band_keys(obj: &Value) -> Vec<String> {
    let Some(map) = obj.as_object() else {
        return Vec::new();
    };
    let mut keys: Vec<String> = s::BANDS
        .iter()
        .filter(|b| map.contains_key(**b))
        .map(|b| b.to_string())
        .collect();
    keys.extend(
        map.keys()
            .filter(|k| !s::BANDS.contains(&k.as_str()))
            .cloned(),
    );
    keys
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
