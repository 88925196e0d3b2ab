//! HTML renderer: the report [`Document`](super::Document) as one self-contained page
//! (`index.html`) — CSS inlined from `report.css`, charts inlined as SVG, no script, font,
//! image or link to fetch, readable without JavaScript and printable on A4. Every text that
//! comes from the data (account and rep names, warnings, file paths) passes through
//! [`escape`]; the only raw markup inserted is the SVG our own chart stage generated, whose
//! text labels the SVG backend escapes itself.

use std::fmt::Write;

use super::{document, Block, Cell, Chart, Kpi, Rag, ReportView, Section, Span, Table};

const CSS: &str = include_str!("report.css");

/// HTML-escape text for element content and quoted attribute values: `& < > " '`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// The whole report as one HTML page, with `charts` inlined where the report refers to them.
pub fn html(view: &ReportView, charts: &[Chart]) -> String {
    let _scope = view.scope();
    let doc = document(view);
    let words = Words::of(view);
    let kind = view.msg(if view.is_quarterly() {
        "kind-quarterly"
    } else {
        "kind-monthly"
    });
    let mut o = String::with_capacity(256 * 1024);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n",
        view.language().code()
    );
    o.push_str("<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str("<meta name=\"generator\" content=\"handoff ");
    o.push_str(env!("CARGO_PKG_VERSION"));
    o.push_str("\">\n");
    let _ = writeln!(o, "<title>{}</title>", escape(&doc.title));
    o.push_str("<style>\n");
    o.push_str(CSS);
    o.push_str("</style>\n</head>\n<body>\n<div class=\"page\">\n");

    o.push_str("<header class=\"report-head\">\n");
    let _ = writeln!(
        o,
        "<p class=\"eyebrow\">{}</p>",
        escape(&view.msg_with("html-eyebrow", &[("kind", &kind)]))
    );
    let _ = writeln!(o, "<h1>{}</h1>", escape(&doc.title));
    let _ = writeln!(o, "<p class=\"lede\">{}</p>", escape(&doc.subtitle));
    o.push_str("<dl class=\"meta\">\n");
    for (k, v) in &doc.meta {
        let _ = writeln!(o, "<div><dt>{}</dt><dd>{}</dd></div>", escape(k), escape(v));
    }
    o.push_str("</dl>\n</header>\n");

    let contents = escape(&view.msg("html-contents"));
    let _ = writeln!(
        o,
        "<nav class=\"toc\" aria-label=\"{contents}\">\n<h2>{contents}</h2>\n<ol>"
    );
    for s in &doc.sections {
        let _ = writeln!(
            o,
            "<li><a href=\"#{}\">{}</a></li>",
            escape(&s.id),
            escape(&s.title)
        );
    }
    o.push_str("</ol>\n</nav>\n<main>\n");
    for (i, s) in doc.sections.iter().enumerate() {
        section(&mut o, &words, i + 1, s, charts);
    }
    o.push_str("</main>\n<footer class=\"report-foot\">\n");
    let footer = view.msg_with(
        "html-footer",
        &[
            ("version", env!("CARGO_PKG_VERSION")),
            ("date", &super::CohortFacts::of(view.metrics).as_of),
        ],
    );
    let _ = writeln!(o, "<p>{}</p>", code_spans(&escape(&footer)));
    let _ = writeln!(o, "<p>{}</p>", escape(&view.msg("footer-correlation")));
    o.push_str("</footer>\n</div>\n</body>\n</html>\n");
    o
}

/// Rough printed height of a section in table rows; short sections are kept on one page.
fn weight(s: &Section, charts: &[Chart]) -> usize {
    s.blocks
        .iter()
        .map(|b| match b {
            Block::Table(t) => t.rows.len() + 3,
            Block::Chart(name) if charts.iter().any(|c| &c.name == name) => 18,
            Block::Kpis(k) => 4 * k.len().div_ceil(3),
            Block::Callout(_, items) | Block::List(items) | Block::Notice(_, _, items) => {
                items.len() + 1
            }
            Block::Defs(d) => d.len() * 2,
            _ => 2,
        })
        .sum()
}

/// The fixed words the page shows around the report's content, in its language.
struct Words {
    /// The low-sample mark with its explanation for mouse and screen reader.
    low_mark: String,
    /// The words of each status (green, amber, red).
    rag: [String; 3],
    /// The note in place of a chart that could not be drawn (`{name}` for its name).
    chart_unavailable: String,
}

impl Words {
    fn of(view: &ReportView) -> Words {
        Words {
            low_mark: format!(
                "<sup class=\"low\" title=\"{}\" aria-label=\"{}\">†</sup>",
                escape(&view.msg("html-low-title")),
                escape(&view.msg("html-low-label"))
            ),
            rag: [Rag::Green, Rag::Amber, Rag::Red].map(|r| view.msg(r.label_id())),
            chart_unavailable: view.msg_with("html-chart-unavailable", &[("name", "{name}")]),
        }
    }

    fn rag(&self, r: Rag) -> &str {
        match r {
            Rag::Green => &self.rag[0],
            Rag::Amber => &self.rag[1],
            Rag::Red => &self.rag[2],
        }
    }
}

/// Text between backticks (the catalog's way to name a file) as `<code>`.
fn code_spans(escaped: &str) -> String {
    escaped
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{part}</code>")
            } else {
                part.to_string()
            }
        })
        .collect()
}

fn section(o: &mut String, w: &Words, number: usize, s: &Section, charts: &[Chart]) {
    // The first section shares page 1 with the title, so it may break.
    let keep = if number > 1 && weight(s, charts) <= 36 {
        " keep"
    } else {
        ""
    };
    let _ = writeln!(o, "<section id=\"{}\" class=\"sec{keep}\">", escape(&s.id));
    let _ = writeln!(
        o,
        "<h2><span class=\"secnum\">{number}</span>{}</h2>",
        escape(&s.title)
    );
    if let Some(c) = &s.cohort {
        let _ = writeln!(o, "<p class=\"cohort\">{}</p>", escape(c));
    }
    for blk in &s.blocks {
        block(o, w, blk, charts);
    }
    o.push_str("</section>\n");
}

fn spans(o: &mut String, w: &Words, spans: &[Span]) {
    for sp in spans {
        match sp {
            Span::Text(x) => o.push_str(&escape(x)),
            Span::Strong(x) => {
                let _ = write!(o, "<strong>{}</strong>", escape(x));
            }
            Span::Em(x) => {
                let _ = write!(o, "<em>{}</em>", escape(x));
            }
            Span::Low => o.push_str(&w.low_mark),
            Span::Rag(r, x) => pill(o, *r, x),
        }
    }
}

/// `<li>` items, each a run of spans (bulleted lists and notices share them).
fn list_items(o: &mut String, w: &Words, items: &[Vec<Span>]) {
    for it in items {
        o.push_str("<li>");
        spans(o, w, it);
        o.push_str("</li>\n");
    }
}

fn pill(o: &mut String, r: Rag, words: &str) {
    let _ = write!(
        o,
        "<span class=\"pill {}\"><span aria-hidden=\"true\">{}</span> {}</span>",
        r.class(),
        rag_glyph(r),
        escape(words)
    );
}

/// A shape for each status, so colour is never the only signal.
pub fn rag_glyph(r: Rag) -> &'static str {
    match r {
        Rag::Green => "✓",
        Rag::Amber => "!",
        Rag::Red => "✗",
    }
}

fn block(o: &mut String, w: &Words, blk: &Block, charts: &[Chart]) {
    match blk {
        Block::Para(s) => {
            o.push_str("<p>");
            spans(o, w, s);
            o.push_str("</p>\n");
        }
        Block::Heading(h) => {
            let _ = writeln!(o, "<h3>{}</h3>", escape(h));
        }
        Block::Kpis(k) => kpis(o, w, k),
        Block::Table(t) => table(o, w, t),
        Block::Chart(name) => {
            if let Some(c) = charts.iter().find(|c| &c.name == name) {
                chart(o, w, c);
            }
        }
        Block::Unavailable(msg) => {
            let _ = writeln!(o, "<p class=\"na\">{}</p>", escape(msg));
        }
        Block::Callout(r, items) => {
            let _ = writeln!(o, "<div class=\"callout {}\">", r.class());
            for it in items {
                o.push_str("<p>");
                spans(o, w, it);
                o.push_str("</p>\n");
            }
            o.push_str("</div>\n");
        }
        Block::Notice(r, title, items) => {
            let _ = writeln!(o, "<div class=\"callout {}\">", r.class());
            o.push_str("<p>");
            spans(o, w, title);
            o.push_str("</p>\n<ul>\n");
            list_items(o, w, items);
            o.push_str("</ul>\n</div>\n");
        }
        Block::List(items) => {
            o.push_str("<ul class=\"list\">\n");
            list_items(o, w, items);
            o.push_str("</ul>\n");
        }
        Block::Defs(defs) => {
            o.push_str("<dl class=\"defs\">\n");
            for (k, v) in defs {
                let _ = write!(o, "<dt>{}</dt><dd>", escape(k));
                spans(o, w, v);
                o.push_str("</dd>\n");
            }
            o.push_str("</dl>\n");
        }
    }
}

fn kpis(o: &mut String, w: &Words, list: &[Kpi]) {
    o.push_str("<div class=\"kpis\">\n");
    for k in list {
        let cls = k.rag.map(|r| r.class()).unwrap_or("neutral");
        let _ = writeln!(o, "<div class=\"kpi kpi-{cls}\">");
        let _ = writeln!(o, "<div class=\"kpi-label\">{}</div>", escape(&k.label));
        // A long value (money with its currency code, e.g. `4.645.628 USD`) takes a smaller
        // size so it stays inside a quarter-width tile.
        let class = if k.value.chars().count() > 10 {
            "kpi-value kpi-value-long"
        } else {
            "kpi-value"
        };
        let _ = write!(o, "<div class=\"{class}\">{}", escape(&k.value));
        if k.low {
            o.push_str(&w.low_mark);
        }
        o.push_str("</div>\n");
        // Status, change and detail share one box, so that tiles in a row line up their
        // labels and values whatever each tile has below.
        o.push_str("<div class=\"kpi-foot\">\n");
        if k.rag.is_some() || k.target.is_some() {
            o.push_str("<div class=\"kpi-target\">");
            if let Some(r) = k.rag {
                pill(o, r, k.rag_label.as_deref().unwrap_or(w.rag(r)));
            }
            if let Some(tg) = &k.target {
                let _ = write!(o, " <span>{}</span>", escape(tg));
            }
            o.push_str("</div>\n");
        }
        if let Some(c) = &k.change {
            let (cls, arrow) = match k.change_good {
                Some(true) => ("good", "▲ "),
                Some(false) => ("bad", "▼ "),
                None => ("flat", ""),
            };
            let _ = writeln!(
                o,
                "<div class=\"kpi-change {cls}\">{arrow}{}</div>",
                escape(c)
            );
        }
        if let Some(d) = &k.detail {
            let _ = writeln!(o, "<div class=\"kpi-detail\">{}</div>", escape(d));
        }
        o.push_str("</div>\n</div>\n");
    }
    o.push_str("</div>\n");
}

fn cell(o: &mut String, w: &Words, c: &Cell, tag: &str) {
    let mut classes = Vec::new();
    if c.numeric {
        classes.push("num".to_string());
    } else if is_token(&c.text) {
        // An identifier or date (`ACC-001490`, `2026-10-03`) never wraps mid-word.
        classes.push("nw".to_string());
    }
    if let Some(r) = c.rag {
        classes.push(format!("rag-{}", r.class()));
    }
    if classes.is_empty() {
        let _ = write!(o, "<{tag}>");
    } else {
        let _ = write!(o, "<{tag} class=\"{}\">", classes.join(" "));
    }
    if c.strong {
        o.push_str("<strong>");
    }
    o.push_str(&escape(&c.text));
    if c.strong {
        o.push_str("</strong>");
    }
    if c.low {
        o.push_str(&w.low_mark);
    }
    if let Some(r) = c.rag {
        let _ = write!(
            o,
            " <span class=\"mark {}\" title=\"{}\" aria-label=\"{}\">{}</span>",
            r.class(),
            w.rag(r),
            w.rag(r),
            rag_glyph(r)
        );
    }
    let _ = write!(o, "</{tag}>");
}

/// Short text kept on one line in tables: a word without spaces (an identifier or date,
/// `ACC-001490`, `2026-10-03`) or a very short phrase (`Sales to AM`).
fn is_token(s: &str) -> bool {
    let n = s.chars().count();
    n > 0 && (n <= 14 || (n <= 24 && !s.contains(char::is_whitespace)))
}

/// Tables longer than this may break across printed pages (rows stay whole and the
/// header repeats); shorter ones are kept on one page.
const LONG_TABLE_ROWS: usize = 30;

fn table(o: &mut String, w: &Words, t: &Table) {
    if t.rows.len() > LONG_TABLE_ROWS {
        o.push_str("<figure class=\"table long\">\n");
    } else {
        o.push_str("<figure class=\"table\">\n");
    }
    if let Some(title) = &t.title {
        let _ = writeln!(o, "<figcaption>{}</figcaption>", escape(title));
    }
    o.push_str("<div class=\"scroll\"><table>\n<thead><tr>");
    // A column is numeric when any of its cells is.
    let numeric: Vec<bool> = (0..t.head.len())
        .map(|j| t.rows.iter().any(|r| r.get(j).is_some_and(|c| c.numeric)))
        .collect();
    for (j, h) in t.head.iter().enumerate() {
        if numeric.get(j).copied().unwrap_or(false) {
            let _ = write!(o, "<th scope=\"col\" class=\"num\">{}</th>", escape(h));
        } else {
            let _ = write!(o, "<th scope=\"col\">{}</th>", escape(h));
        }
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for r in &t.rows {
        o.push_str("<tr>");
        for (j, c) in r.iter().enumerate() {
            // A text first column names the row.
            cell(o, w, c, if j == 0 && !c.numeric { "th" } else { "td" });
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table></div>\n");
    if let Some(c) = &t.cohort {
        let _ = writeln!(o, "<p class=\"table-cohort\">{}</p>", escape(c));
    }
    let notes = t.all_notes();
    if !notes.is_empty() {
        o.push_str("<div class=\"notes\">\n");
        for n in notes {
            let _ = writeln!(o, "<p>{}</p>", escape(&n));
        }
        o.push_str("</div>\n");
    }
    o.push_str("</figure>\n");
}

/// Inline one of our SVG charts, labelled for assistive technology.
fn chart(o: &mut String, w: &Words, c: &Chart) {
    let svg = c.svg.trim();
    let _ = writeln!(
        o,
        "<figure class=\"chart\" id=\"chart-{}\">",
        escape(&c.name)
    );
    match svg.strip_prefix("<svg") {
        Some(rest) => {
            let _ = write!(
                o,
                "<svg role=\"img\" aria-label=\"{}\" class=\"chart-svg\"{}",
                escape(&c.title),
                rest
            );
            o.push('\n');
        }
        None => {
            let _ = writeln!(
                o,
                "<p class=\"na\">{}</p>",
                escape(&w.chart_unavailable.replace("{name}", &c.name))
            );
        }
    }
    let _ = writeln!(o, "<figcaption>{}</figcaption>", escape(&c.title));
    o.push_str("</figure>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_formulas() {
        assert_eq!(escape("<b>Initech</b>"), "&lt;b&gt;Initech&lt;/b&gt;");
        assert_eq!(escape("=HYPERLINK(\"x\")"), "=HYPERLINK(&quot;x&quot;)");
        assert_eq!(escape("O'Brien & Sons"), "O&#39;Brien &amp; Sons");
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn hostile_text_in_metrics_is_escaped() {
        let m = serde_json::json!({
            "period": {"kind": "monthly", "label": "<script>x</script>"},
            "warnings": ["<b>Initech</b> & \"co\""],
            "inputs": {"deals": null},
        });
        let view = ReportView {
            metrics: &m,
            tables: &[],
            settings: &crate::config::Settings::default(),
        };
        let page = html(&view, &[]);
        assert!(!page.contains("<b>Initech</b>"));
        assert!(!page.contains("<script>"));
        assert!(page.contains("&lt;b&gt;Initech&lt;/b&gt;"));
    }
}
