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

/// `a`, `a and b`, `a, b and c` (the joining words from the catalog).
pub(crate) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            crate::text::text("list-and", &[("items", &rest.join(", ")), ("last", last)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rich_marks_strong_runs() {
        assert_eq!(
            rich("The floor is **80.0%**."),
            vec![t("The floor is "), b("80.0%"), t(".")]
        );
        assert_eq!(rich("**55 deals** have"), vec![b("55 deals"), t(" have")]);
        assert_eq!(rich("plain"), vec![t("plain")]);
    }
}
