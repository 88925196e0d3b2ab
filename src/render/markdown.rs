//! Markdown renderer: the report [`Document`](super::Document) as GitHub-flavoured Markdown
//! (`report.md`), the same sections and numbers as the HTML page, with charts linked as
//! `charts/NAME.svg`. Text from the data is neutralised: HTML-significant characters become
//! entities (so `<b>` shows as text, never as markup) and Markdown punctuation that could
//! start emphasis, links or code, and `|` inside table cells, is backslash-escaped. Data
//! text never starts a line (it sits in table cells, after list markers or after our own
//! words), so block-level markers need no escaping.

use std::fmt::Write;

use super::html::rag_glyph;
use super::{document, Block, Cell, Chart, Kpi, ReportView, Span, Table};

/// Neutralise text for Markdown: entities for `& < >`, backslashes before punctuation
/// that Markdown would interpret, newlines folded to spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let chars: Vec<char> = s.chars().collect();
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j).copied());
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // An underscore inside a word never starts emphasis in GFM: keep `rep_07`.
            '_' if word_char(prev) && word_char(chars.get(i + 1).copied()) => out.push(c),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            other => out.push(other),
        }
    }
    out
}

/// The whole report as Markdown; charts present in `charts` are linked from `charts/`.
pub fn markdown(view: &ReportView, charts: &[Chart]) -> String {
    let _scope = view.scope();
    let doc = document(view);
    let mut o = String::with_capacity(64 * 1024);
    let _ = writeln!(o, "# {}\n", escape(&doc.title));
    let _ = writeln!(o, "{}\n", escape(&doc.subtitle));
    let meta: Vec<String> = doc
        .meta
        .iter()
        .map(|(k, v)| format!("**{}:** {}", escape(k), escape(v)))
        .collect();
    let _ = writeln!(o, "{}\n", meta.join(" · "));
    let _ = writeln!(o, "{}\n", view.msg("markdown-status-marks"));
    for (i, s) in doc.sections.iter().enumerate() {
        let _ = writeln!(o, "## {}. {}\n", i + 1, escape(&s.title));
        if let Some(c) = &s.cohort {
            let _ = writeln!(o, "*{}*\n", escape(c));
        }
        for blk in &s.blocks {
            block(&mut o, view, blk, charts);
        }
    }
    o.push_str("---\n\n");
    let _ = writeln!(
        o,
        "{} {}",
        view.msg_with("markdown-footer", &[("version", env!("CARGO_PKG_VERSION"))]),
        view.msg("footer-correlation")
    );
    o
}

fn spans(s: &[Span]) -> String {
    let mut o = String::new();
    for sp in s {
        match sp {
            Span::Text(x) => o.push_str(&escape(x)),
            Span::Strong(x) => {
                let _ = write!(o, "**{}**", escape(x.trim()));
                if x.ends_with(' ') {
                    o.push(' ');
                }
            }
            Span::Em(x) => {
                let _ = write!(o, "*{}*", escape(x.trim()));
            }
            Span::Low => o.push('†'),
            Span::Rag(r, x) => {
                let _ = write!(o, "{} {}", rag_glyph(*r), escape(x));
            }
        }
    }
    o
}

fn block(o: &mut String, view: &ReportView, blk: &Block, charts: &[Chart]) {
    match blk {
        Block::Para(s) => {
            let _ = writeln!(o, "{}\n", spans(s));
        }
        Block::Heading(h) => {
            let _ = writeln!(o, "### {}\n", escape(h));
        }
        Block::Kpis(k) => kpis(o, view, k),
        Block::Table(t) => table(o, t),
        Block::Chart(name) => {
            if let Some(c) = charts.iter().find(|c| &c.name == name) {
                let _ = writeln!(o, "![{}](charts/{}.svg)\n", escape(&c.title), c.name);
            }
        }
        Block::Unavailable(msg) => {
            let _ = writeln!(o, "*{}*\n", escape(msg));
        }
        Block::Callout(_, items) => {
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    o.push_str(">\n");
                }
                let _ = writeln!(o, "> {}", spans(it));
            }
            o.push('\n');
        }
        Block::Notice(_, title, items) => {
            let _ = writeln!(o, "> {}\n>", spans(title));
            for it in items {
                let _ = writeln!(o, "> - {}", spans(it));
            }
            o.push('\n');
        }
        Block::List(items) => {
            for it in items {
                let _ = writeln!(o, "- {}", spans(it));
            }
            o.push('\n');
        }
        Block::Defs(defs) => {
            for (k, v) in defs {
                let _ = writeln!(o, "- **{}:** {}", escape(k), spans(v));
            }
            o.push('\n');
        }
    }
}

fn kpis(o: &mut String, view: &ReportView, list: &[Kpi]) {
    let mut t = view.headed(&[
        "kpi-measure",
        "kpi-value",
        "table-status",
        "kpi-target",
        "kpi-change",
        "kpi-detail",
    ]);
    for k in list {
        t.rows.push(vec![
            Cell::text(&k.label),
            Cell::num(&k.value).low(k.low).strong(),
            Cell::text(
                k.rag
                    .map(|r| {
                        format!(
                            "{} {}",
                            rag_glyph(r),
                            k.rag_label
                                .clone()
                                .unwrap_or_else(|| view.msg(r.label_id()))
                        )
                    })
                    .unwrap_or_default(),
            ),
            Cell::text(k.target.clone().unwrap_or_default()),
            Cell::text(
                k.change
                    .as_ref()
                    .map(|c| match k.change_good {
                        Some(true) => format!("▲ {c}"),
                        Some(false) => format!("▼ {c}"),
                        None => c.clone(),
                    })
                    .unwrap_or_default(),
            ),
            Cell::text(k.detail.clone().unwrap_or_default()),
        ]);
    }
    table(o, &t);
}

fn cell_text(c: &Cell) -> String {
    let mut s = escape(&c.text);
    if c.strong && !s.is_empty() {
        s = format!("**{s}**");
    }
    if c.low {
        s.push('†');
    }
    if let Some(r) = c.rag {
        s.push(' ');
        s.push_str(rag_glyph(r));
    }
    if s.is_empty() {
        s.push(' ');
    }
    s
}

fn table(o: &mut String, t: &Table) {
    if let Some(title) = &t.title {
        let _ = writeln!(o, "**{}**\n", escape(title));
    }
    let numeric: Vec<bool> = (0..t.head.len())
        .map(|j| t.rows.iter().any(|r| r.get(j).is_some_and(|c| c.numeric)))
        .collect();
    o.push('|');
    for h in &t.head {
        let _ = write!(o, " {} |", escape(h));
    }
    o.push_str("\n|");
    for n in &numeric {
        o.push_str(if *n { " ---: |" } else { " --- |" });
    }
    o.push('\n');
    for r in &t.rows {
        o.push('|');
        for j in 0..t.head.len() {
            let txt = r.get(j).map(cell_text).unwrap_or_else(|| " ".into());
            let _ = write!(o, " {txt} |");
        }
        o.push('\n');
    }
    o.push('\n');
    if let Some(c) = &t.cohort {
        let _ = writeln!(o, "*{}*\n", escape(c));
    }
    for n in t.all_notes() {
        let _ = writeln!(o, "{}\n", escape(&n));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_pipes_and_markup() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("<b>Initech</b>"), "&lt;b&gt;Initech&lt;/b&gt;");
        assert_eq!(escape("[x](javascript:y)"), "\\[x\\](javascript:y)");
        assert_eq!(escape("=HYPERLINK(\"x\")"), "=HYPERLINK(\"x\")");
        assert_eq!(escape("line\nbreak"), "line break");
        assert_eq!(escape("rep_07 _x_"), "rep_07 \\_x\\_");
    }
}
