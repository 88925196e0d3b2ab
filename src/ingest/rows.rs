//! One row at a time, between a file reader (`read.rs`: CSV records, Parquet rows) and the
//! typed frame: the §3.1 filters (`filtered`), value maps, parsing by the §3 rules (cell by
//! cell, [`super::cells`]), the fills of blank values (the deal's account in `accounts`,
//! `segment_from_acv`, `[defaults]`), then the required-value check (`rejected`). Every row
//! ends up kept, filtered or rejected with its line, column, raw value and reason.

use std::borrow::Cow;
use std::collections::BTreeMap;

use polars::prelude::*;

use super::accounts::AccountLookup;
use super::cells::{is_blank, parse_cell, raw_text, survey_score_range, Cell, Value};
use super::mapping::{segment_for_acv, Plan};
use super::parse;
use super::read::{clip, ParsedTable};
use super::{Action, Issue};
use crate::config::Settings;
use crate::schema::{self, ColumnSpec, Kind, TableSpec};

/// Column buffers in the shape of the final DataFrame; text is copied straight into the
/// column's string buffer (no `String` per cell).
enum Buf {
    Text(StringChunkedBuilder),
    Int(Vec<Option<i64>>),
    Days(Vec<Option<i32>>),
    Micros(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Bool(Vec<Option<bool>>),
}

impl Buf {
    fn for_column(spec: &ColumnSpec) -> Buf {
        match spec.kind {
            Kind::Text => Buf::Text(StringChunkedBuilder::new(spec.name.into(), 0)),
            Kind::Date => Buf::Days(Vec::new()),
            Kind::DateTime => Buf::Micros(Vec::new()),
            Kind::Number | Kind::Fraction => Buf::Float(Vec::new()),
            Kind::Integer => Buf::Int(Vec::new()),
            Kind::Bool => Buf::Bool(Vec::new()),
        }
    }

    fn push(&mut self, v: &Value) {
        match (self, v) {
            (Buf::Text(b), Value::Text(s)) => b.append_value(s),
            (Buf::Text(b), _) => b.append_null(),
            (Buf::Int(b), Value::Int(x)) => b.push(Some(*x)),
            (Buf::Int(b), _) => b.push(None),
            (Buf::Days(b), Value::Int(x)) => b.push(Some(*x as i32)),
            (Buf::Days(b), _) => b.push(None),
            (Buf::Micros(b), Value::Int(x)) => b.push(Some(*x)),
            (Buf::Micros(b), _) => b.push(None),
            (Buf::Float(b), Value::Float(x)) => b.push(Some(*x)),
            (Buf::Float(b), _) => b.push(None),
            (Buf::Bool(b), Value::Bool(x)) => b.push(Some(*x)),
            (Buf::Bool(b), _) => b.push(None),
        }
    }

    fn into_column(self, name: &str) -> PolarsResult<Column> {
        let name: PlSmallStr = name.into();
        Ok(match self {
            Buf::Text(b) => b.finish().into_column(), // the builder carries the name
            Buf::Int(v) => Column::new(name, v),
            Buf::Float(v) => Column::new(name, v),
            Buf::Bool(v) => Column::new(name, v),
            Buf::Days(v) => Column::new(name, v).cast(&DataType::Date)?,
            Buf::Micros(v) => {
                Column::new(name, v).cast(&DataType::Datetime(TimeUnit::Microseconds, None))?
            }
        })
    }
}

/// The warning for a segment spelling that normalises to `other`.
pub(super) fn unknown_segment_warning(file: &str, segment: &str, n: u64) -> String {
    format!(
        "{file}: segment {:?} ({n} row{}) is not a known segment; counted as `other`",
        clip(segment.to_string()),
        if n == 1 { "" } else { "s" }
    )
}

/// The per-row state machine shared by the CSV and Parquet paths.
pub(super) struct RowSink<'s> {
    table: &'static TableSpec,
    settings: &'s Settings,
    plan: Plan<'s>,
    accounts: Option<&'s AccountLookup>,
    file: String,
    bufs: Vec<Buf>,
    lines: Vec<i64>,
    issues: Vec<Issue>,
    rows_read: u64,
    rows_rejected: u64,
    rows_filtered: u64,
    unknown_segments: BTreeMap<String, u64>,
    /// First-column values (ids) of rejected rows, so dependants can say why they are lost.
    rejected_ids: Vec<String>,
    filtered_ids: Vec<String>,
    /// How often each fill was used, per column: (`[defaults]`, the account's row).
    defaulted: BTreeMap<&'static str, u64>,
    from_accounts: BTreeMap<&'static str, u64>,
    derived_segments: u64,
}

impl<'s> RowSink<'s> {
    pub(super) fn new(
        table: &'static TableSpec,
        settings: &'s Settings,
        plan: Plan<'s>,
        accounts: Option<&'s AccountLookup>,
        file: String,
    ) -> Self {
        RowSink {
            table,
            settings,
            plan,
            accounts,
            file,
            bufs: table.columns.iter().map(Buf::for_column).collect(),
            lines: Vec::new(),
            issues: Vec::new(),
            rows_read: 0,
            rows_rejected: 0,
            rows_filtered: 0,
            unknown_segments: Default::default(),
            rejected_ids: Vec::new(),
            filtered_ids: Vec::new(),
            defaulted: Default::default(),
            from_accounts: Default::default(),
            derived_segments: 0,
        }
    }

    pub(super) fn plan(&self) -> &Plan<'s> {
        &self.plan
    }

    fn issue(&mut self, line: u64, column: &str, value: String, reason: String, action: Action) {
        self.issues.push(Issue {
            table: self.table.name,
            file: self.file.clone(),
            line,
            column: column.to_string(),
            value: clip(value),
            reason,
            action,
        });
    }

    /// Reject a whole row for a structural reason (ragged, undecodable).
    pub(super) fn reject_row(&mut self, line: u64, value: String, reason: String) {
        self.rows_read += 1;
        self.rows_rejected += 1;
        self.issue(line, "", value, reason, Action::Rejected);
    }

    /// Exclude a row a `[filters]` entry does not keep (before any other rule, METRICS.md §3.1).
    pub(super) fn filter_out(&mut self, line: u64, column: String, value: String, id: &str) {
        self.rows_read += 1;
        self.rows_filtered += 1;
        self.filtered_ids.push(id.trim().to_string());
        self.issue(line, &column, value, "filtered".into(), Action::Excluded);
    }

    /// Parse one row of cells (`None` = the column is absent from the file). The raw text
    /// of a cell is only spelled out for an issue.
    pub(super) fn push<'c>(&mut self, line: u64, cells: &[Option<Cell<'c>>])
    where
        's: 'c,
    {
        self.rows_read += 1;
        let n = self.table.columns.len();
        let mut raw: Vec<Cell<'c>> = Vec::with_capacity(n);
        let mut row: Vec<Value<'c>> = Vec::with_capacity(n);
        let mut errors: Vec<Option<String>> = Vec::with_capacity(n);
        for (i, spec) in self.table.columns.iter().enumerate() {
            let mut cell = cells[i].unwrap_or(Cell::Null);
            if let Cell::Text(s) = cell {
                if let Some(to) = self.plan.mapped(i, s) {
                    cell = Cell::Text(to);
                }
            }
            match parse_cell(cell, spec, self.settings) {
                Ok(v) => {
                    row.push(v);
                    errors.push(None);
                }
                Err(reason) => {
                    row.push(Value::Null);
                    errors.push(Some(reason));
                }
            }
            raw.push(cell);
        }
        for (i, cell) in raw.iter().enumerate() {
            if is_blank(cell) {
                self.fill(&mut row, i);
            }
        }
        let mut rejected = false;
        for (i, spec) in self.table.columns.iter().enumerate() {
            let (reason, action) = match errors[i].take() {
                Some(reason) if spec.required => (reason, Action::Rejected),
                Some(reason) => (reason, Action::SetMissing),
                None if spec.required && matches!(row[i], Value::Null) => {
                    ("required value is missing".to_string(), Action::Rejected)
                }
                None => continue,
            };
            rejected |= matches!(action, Action::Rejected);
            self.issue(line, spec.name, raw_text(&raw[i]), reason, action);
        }
        if !rejected {
            rejected = self.row_rules(&mut row, line);
        }
        if rejected {
            self.rows_rejected += 1;
            if let Some(Some(Cell::Text(id))) = cells.first() {
                self.rejected_ids.push(id.trim().to_string());
            }
            return;
        }
        for (buf, v) in self.bufs.iter_mut().zip(&row) {
            buf.push(v);
        }
        self.lines.push(line as i64);
    }

    /// Fill blank column `i` (METRICS.md §3.1): a deal's account row, then `segment_from_acv`,
    /// then `[defaults]`.
    fn fill<'c>(&mut self, row: &mut [Value<'c>], i: usize)
    where
        's: 'c,
    {
        let name = self.table.columns[i].name;
        let idx = |n: &str| self.table.columns.iter().position(|c| c.name == n);
        if self.table.name == schema::DEALS {
            let account = idx(schema::ACCOUNT_ID).map(|a| &row[a]);
            if let (Some(lookup), Some(Value::Text(id))) = (self.accounts, account) {
                if let Some(v) = lookup.value(id, name) {
                    row[i] = Value::Text(Cow::Owned(v.to_string()));
                    *self.from_accounts.entry(name).or_default() += 1;
                    return;
                }
            }
            let acv = idx(schema::ACV).map(|a| &row[a]);
            if let (true, Some(edges), Some(Value::Float(x))) = (
                name == schema::SEGMENT,
                self.settings.mapping.segment_from_acv,
                acv,
            ) {
                row[i] = Value::Text(Cow::Owned(segment_for_acv(*x, edges).to_string()));
                self.derived_segments += 1;
                return;
            }
        }
        if let Some(text) = self.plan.defaults[i] {
            if let Ok(v) = parse_cell(Cell::Text(text), &self.table.columns[i], self.settings) {
                row[i] = v;
                *self.defaulted.entry(name).or_default() += 1;
            }
        }
    }

    /// Rules across columns of one row: segment normalisation, survey score ranges.
    fn row_rules(&mut self, row: &mut [Value], line: u64) -> bool {
        let idx = |name: &str| self.table.columns.iter().position(|c| c.name == name);
        if self.table.name == schema::DEALS || self.table.name == schema::ACCOUNTS {
            if let Some(i) = idx(schema::SEGMENT) {
                if let Value::Text(s) = &row[i] {
                    let (seg, known) = parse::normalise_segment(s);
                    if !known {
                        *self.unknown_segments.entry(s.to_string()).or_default() += 1;
                    }
                    row[i] = Value::Text(Cow::Borrowed(seg));
                }
            }
        }
        if self.table.name == schema::SURVEYS {
            if let (Some(k), Some(s)) = (idx(schema::KIND), idx(schema::SCORE)) {
                if let (Value::Text(kind), Value::Float(score)) = (&row[k], &row[s]) {
                    let (lo, hi) = survey_score_range(kind);
                    if *score < lo || *score > hi {
                        let reason =
                            format!("out of range: a {kind} score must be in [{lo}, {hi}]");
                        let value = score.to_string();
                        self.issue(line, schema::SCORE, value, reason, Action::Rejected);
                        return true;
                    }
                }
            }
        }
        false
    }

    /// The kept rows so far as a frame (the sink keeps no rows after it).
    fn take_frame(&mut self) -> PolarsResult<DataFrame> {
        let fresh = self.table.columns.iter().map(Buf::for_column).collect();
        let bufs = std::mem::replace(&mut self.bufs, fresh);
        let mut cols = Vec::with_capacity(bufs.len() + 1);
        for (buf, spec) in bufs.into_iter().zip(self.table.columns) {
            cols.push(buf.into_column(spec.name)?);
        }
        let lines = std::mem::take(&mut self.lines);
        cols.push(Int64Chunked::from_vec(schema::LINE.into(), lines).into_column());
        DataFrame::new_infer_height(cols)
    }

    /// Add the findings and counts of `later`, the sink of a later piece of the same file.
    fn absorb(&mut self, later: RowSink<'s>) {
        fn add<K: Ord>(to: &mut BTreeMap<K, u64>, from: BTreeMap<K, u64>) {
            for (k, n) in from {
                *to.entry(k).or_default() += n;
            }
        }
        self.issues.extend(later.issues);
        self.rows_read += later.rows_read;
        self.rows_rejected += later.rows_rejected;
        self.rows_filtered += later.rows_filtered;
        add(&mut self.unknown_segments, later.unknown_segments);
        self.rejected_ids.extend(later.rejected_ids);
        self.filtered_ids.extend(later.filtered_ids);
        add(&mut self.defaulted, later.defaulted);
        add(&mut self.from_accounts, later.from_accounts);
        self.derived_segments += later.derived_segments;
    }

    pub(super) fn finish(self, warnings: Vec<String>) -> anyhow::Result<ParsedTable> {
        Self::finish_pieces(vec![self], warnings)
    }

    /// The sinks of a file's consecutive pieces (in line order) as one table: what one sink
    /// given every row in turn would have given.
    pub(super) fn finish_pieces(
        sinks: Vec<RowSink<'s>>,
        mut warnings: Vec<String>,
    ) -> anyhow::Result<ParsedTable> {
        let mut sinks = sinks.into_iter();
        let Some(mut this) = sinks.next() else {
            anyhow::bail!("internal: a file read in no pieces");
        };
        let mut df = this.take_frame()?;
        let mut pieces = 1;
        for mut later in sinks {
            df.vstack_mut_owned(later.take_frame()?)?;
            this.absorb(later);
            pieces += 1;
        }
        if pieces > 1 {
            // One chunk per column, as one sink gives.
            df.rechunk_mut();
        }
        if this.rows_read == 0 {
            warnings.push(format!(
                "{}: table {} has no data rows",
                this.file, this.table.name
            ));
        }
        for (seg, n) in &this.unknown_segments {
            warnings.push(unknown_segment_warning(&this.file, seg, *n));
        }
        for (column, n) in &this.defaulted {
            let value = this.plan.defaults[this
                .table
                .columns
                .iter()
                .position(|c| c.name == *column)
                .unwrap_or(0)];
            warnings.push(format!(
                "{}: {}.{column} was absent or blank in {n} row(s): [defaults] value {:?} used",
                this.file,
                this.table.name,
                value.unwrap_or("")
            ));
        }
        for (column, n) in &this.from_accounts {
            tracing::info!("{}: {column} filled from accounts in {n} row(s)", this.file);
        }
        if this.derived_segments > 0 {
            warnings.push(format!(
                "{}: segment derived from acv (segment_from_acv) for {} deal(s)",
                this.file, this.derived_segments
            ));
        }
        Ok(ParsedTable {
            file: this.file,
            df,
            rows_read: this.rows_read,
            rows_rejected: this.rows_rejected,
            issues: this.issues,
            warnings,
            rejected_ids: this.rejected_ids,
            rows_filtered: this.rows_filtered,
            filtered_ids: this.filtered_ids,
            derived_segments: this.derived_segments,
            parts: Vec::new(),
        })
    }
}

/// The row sink for one file: its header mapped by the config (`Fatal` names what is
/// missing). A required column may be absent when something fills it: a `[defaults]` value,
/// or for deals the `accounts` table or `segment_from_acv`.
pub(super) fn sink_for<'s>(
    table: &'static TableSpec,
    settings: &'s Settings,
    header: &[String],
    file: &str,
    accounts: Option<&'s AccountLookup>,
) -> Result<RowSink<'s>, super::read::Fatal> {
    let mapping = &settings.mapping;
    let fillable = |name: &str| {
        let defaulted = mapping
            .defaults
            .get(table.name)
            .is_some_and(|d| d.contains_key(name));
        let deals = table.name == schema::DEALS;
        let derived = deals && name == schema::SEGMENT && mapping.segment_from_acv.is_some();
        let from_accounts = deals && accounts.is_some_and(|a| a.has(name));
        defaulted || derived || from_accounts
    };
    let plan = super::mapping::plan(table, mapping, header, file, fillable)?;
    Ok(RowSink::new(
        table,
        settings,
        plan,
        accounts,
        file.to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read::ReadOptions;

    /// `text` read as `TABLE.csv` by the row path.
    fn rows(table: &str, text: &str) -> ParsedTable {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(format!("{table}.csv"));
        std::fs::write(&path, text).expect("write");
        let spec = schema::table(table).expect("table");
        let read = ReadOptions::columnar(false);
        super::super::csv_file::read_csv(&path, spec, &Settings::default(), read)
            .expect("io")
            .map_err(|e| e.0)
            .expect("parsed")
    }

    fn texts(df: &DataFrame, column: &str) -> Vec<Option<String>> {
        crate::metrics::strings(df, column).expect("a text column")
    }

    #[test]
    fn rows_are_parsed_normalised_and_rejected_with_their_raw_text() {
        let t = rows(
            schema::DEALS,
            "deal_id,account_id,segment,acv,closed_at,sales_rep,region\n\
             D1,A1, Mid-Market ,\"$1,000.50\",2026-10-05,rep 1,\n\
             D2,A2,ENT,lots,2026-10-06,rep2,EMEA\n\
             D3,A3,Weird Seg,5,2026-10-07,rep3,APAC\n",
        );
        assert_eq!((t.rows_read, t.rows_rejected), (3, 1));
        assert_eq!(t.rejected_ids, vec!["D2"]);
        let i = &t.issues[0];
        assert_eq!(t.issues.len(), 1);
        assert_eq!(
            (i.line, i.column.as_str(), i.value.as_str()),
            (3, "acv", "lots")
        );
        assert_eq!(i.action, Action::Rejected);
        let some = |v: &[&str]| v.iter().map(|s| Some(s.to_string())).collect::<Vec<_>>();
        assert_eq!(texts(&t.df, schema::DEAL_ID), some(&["D1", "D3"]));
        assert_eq!(
            texts(&t.df, schema::SEGMENT),
            some(&["mid_market", "other"])
        );
        assert_eq!(texts(&t.df, schema::SALES_REP), some(&["rep 1", "rep3"]));
        assert_eq!(
            texts(&t.df, schema::REGION),
            vec![None, Some("APAC".into())]
        );
        let acv = t.df.column(schema::ACV).expect("acv").f64().expect("f64");
        assert_eq!(
            acv.iter().collect::<Vec<_>>(),
            vec![Some(1000.5), Some(5.0)]
        );
        assert!(t
            .warnings
            .iter()
            .any(|w| w.contains("\"Weird Seg\" (1 row)")));
    }

    #[test]
    fn a_bad_optional_value_is_set_missing_with_its_raw_text() {
        let t = rows(
            schema::HANDOFFS,
            "handoff_id,deal_id,meeting_at,cs_acceptance\nH1,D1,soon,Accepted\n",
        );
        assert_eq!((t.rows_read, t.rows_rejected), (1, 0));
        let i = &t.issues[0];
        assert_eq!(
            (i.line, i.column.as_str(), i.value.as_str()),
            (2, "meeting_at", "soon")
        );
        assert_eq!(i.action, Action::SetMissing);
        assert_eq!(
            texts(&t.df, schema::CS_ACCEPTANCE),
            vec![Some("accepted".to_string())]
        );
    }
}
