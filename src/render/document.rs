//! The report's document model: sections of paragraphs, KPI tiles, tables and chart
//! references. Sections build it; [`super::html`] and [`super::markdown`] only decide how it looks.

use super::*;

/// Red/amber/green against a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rag {
    Green,
    Amber,
    Red,
}

impl Rag {
    /// The Fluent message id of the words shown with the colour (colour is never the only
    /// signal): `rag-green`, `rag-amber`, `rag-red`.
    pub fn label_id(self) -> &'static str {
        match self {
            Rag::Green => "rag-green",
            Rag::Amber => "rag-amber",
            Rag::Red => "rag-red",
        }
    }
    /// CSS class name.
    pub fn class(self) -> &'static str {
        match self {
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
        }
    }
}

/// RAG of a mean quality score: ≥ 80 green, ≥ 70 amber, else red.
pub fn rag_score(v: Option<f64>) -> Option<Rag> {
    v.map(|x| {
        if x >= SCORE_GOOD {
            Rag::Green
        } else if x >= SCORE_ACCEPTABLE {
            Rag::Amber
        } else {
            Rag::Red
        }
    })
}

/// RAG of a rate against a target: at or above green, within 10 points amber, else red.
pub fn rag_rate(v: Option<f64>, target: f64) -> Option<Rag> {
    v.map(|x| {
        if x >= target {
            Rag::Green
        } else if x >= target - 0.1 {
            Rag::Amber
        } else {
            Rag::Red
        }
    })
}

/// Inline text. Data text stays raw here; renderers escape it.
#[derive(Debug, Clone, PartialEq)]
pub enum Span {
    Text(String),
    Strong(String),
    Em(String),
    /// The low-sample mark (†).
    Low,
    /// A status pill with its words.
    Rag(Rag, String),
}

/// Shorthand for plain text.
pub fn t(s: impl Into<String>) -> Span {
    Span::Text(s.into())
}

/// Shorthand for strong text.
pub fn b(s: impl Into<String>) -> Span {
    Span::Strong(s.into())
}

/// One table cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub numeric: bool,
    pub low: bool,
    pub rag: Option<Rag>,
    pub strong: bool,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell {
            text: s.into(),
            ..Cell::default()
        }
    }
    pub fn num(s: impl Into<String>) -> Cell {
        Cell {
            text: s.into(),
            numeric: true,
            ..Cell::default()
        }
    }
    pub fn low(mut self, low: bool) -> Cell {
        self.low = low;
        self
    }
    pub fn rag(mut self, rag: Option<Rag>) -> Cell {
        self.rag = rag;
        self
    }
    pub fn strong(mut self) -> Cell {
        self.strong = true;
        self
    }
}

/// A table with the cohort it uses and its footnotes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub title: Option<String>,
    pub cohort: Option<String>,
    pub head: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub notes: Vec<String>,
}

impl Table {
    pub fn new(head: &[&str]) -> Table {
        Table {
            head: head.iter().map(|h| h.to_string()).collect(),
            ..Table::default()
        }
    }
    /// A table whose headings are owned text (from the catalog).
    pub fn headed(head: Vec<String>) -> Table {
        Table {
            head,
            ..Table::default()
        }
    }
    pub fn title(mut self, s: impl Into<String>) -> Table {
        self.title = Some(s.into());
        self
    }
    pub fn cohort(mut self, s: impl Into<String>) -> Table {
        self.cohort = Some(s.into());
        self
    }
    pub fn note(mut self, s: impl Into<String>) -> Table {
        self.notes.push(s.into());
        self
    }
    /// Whether any cell carries the low-sample mark (the renderers add the footnote).
    pub fn has_low_sample(&self) -> bool {
        self.rows.iter().flatten().any(|c| c.low)
    }
    /// Footnotes including the low-sample one when needed.
    pub fn all_notes(&self) -> Vec<String> {
        let mut n = self.notes.clone();
        if self.has_low_sample() {
            n.push(low_sample_note());
        }
        n
    }
}

/// A headline tile.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Kpi {
    pub label: String,
    pub value: String,
    pub target: Option<String>,
    pub change: Option<String>,
    /// Whether the change is good news (colours the change), `None` when neutral.
    pub change_good: Option<bool>,
    pub rag: Option<Rag>,
    /// Words for the status when the generic ones do not fit (e.g. counts).
    pub rag_label: Option<String>,
    pub detail: Option<String>,
    pub low: bool,
}

/// A block of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(Vec<Span>),
    /// A sub-heading inside a section.
    Heading(String),
    Kpis(Vec<Kpi>),
    Table(Table),
    /// A chart by name; rendered only when [`charts::charts`] produced it.
    Chart(String),
    /// "Not available" and other empty-state notes.
    Unavailable(String),
    /// A highlighted message (the plain-language summary's verdict): paragraphs.
    Callout(Rag, Vec<Vec<Span>>),
    /// A highlighted list under a title (the alerts).
    Notice(Rag, Vec<Span>, Vec<Vec<Span>>),
    List(Vec<Vec<Span>>),
    /// Term / definition pairs.
    Defs(Vec<(String, Vec<Span>)>),
}

/// One numbered section.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// Which cohort the section's numbers use, when it is one cohort.
    pub cohort: Option<String>,
    pub blocks: Vec<Block>,
}

impl Section {
    pub(crate) fn new(id: &str, title: &str) -> Section {
        Section {
            id: id.into(),
            title: title.into(),
            cohort: None,
            blocks: Vec::new(),
        }
    }
    pub(crate) fn cohort(mut self, c: String) -> Section {
        self.cohort = Some(c);
        self
    }
    pub(crate) fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    pub subtitle: String,
    /// Label / value pairs under the title (period, as-of, cohort sizes).
    pub meta: Vec<(String, String)>,
    pub sections: Vec<Section>,
}
