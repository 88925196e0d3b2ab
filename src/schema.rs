//! The written-down schema: every input table of METRICS.md §3 with its canonical columns, their
//! kinds, which are required and their allowed ranges, plus the names of the columns the
//! pipeline derives. Column names exist as `pub const` only here; every other module refers
//! to them through these constants so a rename is one edit. The derived values (bands,
//! activities, statuses, segments) are the enums of [`crate::vocab`].

use crate::vocab::{Activity, Band, Segment};

/// How a column's text is parsed (METRICS.md §3 parsing rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Trimmed text; blank = missing.
    Text,
    /// `YYYY-MM-DD` (or a datetime, whose UTC date is taken).
    Date,
    /// RFC 3339 / ISO 8601 datetime, or a date meaning 00:00 UTC.
    DateTime,
    /// Plain number or money string.
    Number,
    /// Whole number.
    Integer,
    /// Boolean spellings; blank = false.
    Bool,
    /// A boolean or a number in [0, 1] (partial credit).
    Fraction,
}

/// One column of an input table.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// Inclusive lower bound, and whether it is exclusive instead.
    pub min: Option<(f64, bool)>,
    /// Inclusive upper bound.
    pub max: Option<f64>,
    /// Allowed values of a text column (after lowercasing), if restricted.
    pub allowed: Option<&'static [&'static str]>,
}

const fn col(name: &'static str, kind: Kind, required: bool) -> ColumnSpec {
    ColumnSpec {
        name,
        kind,
        required,
        min: None,
        max: None,
        allowed: None,
    }
}

const fn ranged(
    name: &'static str,
    kind: Kind,
    required: bool,
    min: Option<(f64, bool)>,
    max: Option<f64>,
) -> ColumnSpec {
    ColumnSpec {
        name,
        kind,
        required,
        min,
        max,
        allowed: None,
    }
}

const fn oneof(name: &'static str, required: bool, allowed: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec {
        name,
        kind: Kind::Text,
        required,
        min: None,
        max: None,
        allowed: Some(allowed),
    }
}

/// One input table.
#[derive(Debug, Clone, Copy)]
pub struct TableSpec {
    pub name: &'static str,
    pub required: bool,
    pub columns: &'static [ColumnSpec],
}

impl TableSpec {
    pub fn column(&self, name: &str) -> Option<&ColumnSpec> {
        self.columns.iter().find(|c| c.name == name)
    }
}

// ---- canonical input column names -------------------------------------------------------
pub const DEAL_ID: &str = "deal_id";
pub const ACCOUNT_ID: &str = "account_id";
pub const ACCOUNT_NAME: &str = "account_name";
pub const SEGMENT: &str = "segment";
pub const ACV: &str = "acv";
pub const CLOSED_AT: &str = "closed_at";
pub const SALES_REP: &str = "sales_rep";
pub const SALES_TEAM: &str = "sales_team";
pub const REGION: &str = "region";

pub const HANDOFF_ID: &str = "handoff_id";
pub const CSM: &str = "csm";
pub const MEETING_AT: &str = "meeting_at";
pub const INTRO_SENT_AT: &str = "intro_sent_at";
pub const CS_PREP_DONE_AT: &str = "cs_prep_done_at";
pub const KICKOFF_SCHEDULED_AT: &str = "kickoff_scheduled_at";
pub const KICKOFF_HELD_AT: &str = "kickoff_held_at";
pub const DOC_DEAL_SUMMARY: &str = "doc_deal_summary";
pub const DOC_STAKEHOLDER_MAP: &str = "doc_stakeholder_map";
pub const DOC_COMMITMENTS: &str = "doc_commitments";
pub const DOC_RISK_FACTORS: &str = "doc_risk_factors";
pub const MTG_ALL_ATTENDED: &str = "mtg_all_attended";
pub const MTG_AGENDA_COVERED: &str = "mtg_agenda_covered";
pub const MTG_QUESTIONS_ANSWERED: &str = "mtg_questions_answered";
pub const CS_ACCEPTANCE: &str = "cs_acceptance";
pub const REJECTIONS: &str = "rejections";
pub const INFO_FIELDS: [&str; 7] = [
    "info_customer_context",
    "info_stakeholders",
    "info_objectives",
    "info_scope",
    "info_technical",
    "info_implementation",
    "info_risks",
];

pub const MILESTONE: &str = "milestone";
pub const ACHIEVED_AT: &str = "achieved_at";
pub const SNAPSHOT_DATE: &str = "snapshot_date";
pub const HEALTH_SCORE: &str = "health_score";
pub const ACTIVE_USERS: &str = "active_users";
pub const LICENSED_SEATS: &str = "licensed_seats";
pub const EVENT_DATE: &str = "event_date";
pub const EVENT: &str = "event";
pub const ARR_DELTA: &str = "arr_delta";
pub const RESPONDED_AT: &str = "responded_at";
pub const KIND: &str = "kind";
pub const SCORE: &str = "score";
pub const TRANSITIONED_AT: &str = "transitioned_at";
pub const FROM_OWNER: &str = "from_owner";
pub const TO_OWNER: &str = "to_owner";
pub const PLANNED: &str = "planned";
pub const JOINT_MEETING: &str = "joint_meeting";
pub const KT_COMPLETENESS: &str = "kt_completeness";
pub const SATISFACTION: &str = "satisfaction";

/// The source line of a row (1 = header); kept through ingest for the data-quality table.
pub const LINE: &str = "_line";

// ---- table names ------------------------------------------------------------------------
pub const DEALS: &str = "deals";
pub const HANDOFFS: &str = "handoffs";
pub const MILESTONES: &str = "milestones";
pub const HEALTH: &str = "health";
pub const ADOPTION: &str = "adoption";
pub const RENEWALS: &str = "renewals";
pub const SURVEYS: &str = "surveys";
pub const TRANSITIONS: &str = "transitions";
/// The optional ninth table of METRICS.md §3.1 (a CRM account export that fills deals' columns).
pub const ACCOUNTS: &str = "accounts";

const NON_NEG: Option<(f64, bool)> = Some((0.0, false));

pub const TABLES: [TableSpec; 8] = [
    TableSpec {
        name: DEALS,
        required: true,
        columns: &[
            col(DEAL_ID, Kind::Text, true),
            col(ACCOUNT_ID, Kind::Text, true),
            col(ACCOUNT_NAME, Kind::Text, false),
            col(SEGMENT, Kind::Text, true),
            ranged(ACV, Kind::Number, true, NON_NEG, None),
            col(CLOSED_AT, Kind::DateTime, true),
            col(SALES_REP, Kind::Text, true),
            col(SALES_TEAM, Kind::Text, false),
            col(REGION, Kind::Text, false),
        ],
    },
    TableSpec {
        name: HANDOFFS,
        required: true,
        columns: &[
            col(HANDOFF_ID, Kind::Text, true),
            col(DEAL_ID, Kind::Text, true),
            col(CSM, Kind::Text, false),
            col(MEETING_AT, Kind::DateTime, false),
            col(INTRO_SENT_AT, Kind::DateTime, false),
            col(CS_PREP_DONE_AT, Kind::DateTime, false),
            col(KICKOFF_SCHEDULED_AT, Kind::DateTime, false),
            col(KICKOFF_HELD_AT, Kind::DateTime, false),
            col(DOC_DEAL_SUMMARY, Kind::Fraction, false),
            col(DOC_STAKEHOLDER_MAP, Kind::Fraction, false),
            col(DOC_COMMITMENTS, Kind::Fraction, false),
            col(DOC_RISK_FACTORS, Kind::Fraction, false),
            col(MTG_ALL_ATTENDED, Kind::Fraction, false),
            col(MTG_AGENDA_COVERED, Kind::Fraction, false),
            col(MTG_QUESTIONS_ANSWERED, Kind::Fraction, false),
            oneof(
                CS_ACCEPTANCE,
                false,
                &["accepted", "rejected", "needs_revision"],
            ),
            ranged(REJECTIONS, Kind::Integer, false, NON_NEG, None),
            col(INFO_FIELDS[0], Kind::Text, false),
            col(INFO_FIELDS[1], Kind::Text, false),
            col(INFO_FIELDS[2], Kind::Text, false),
            col(INFO_FIELDS[3], Kind::Text, false),
            col(INFO_FIELDS[4], Kind::Text, false),
            col(INFO_FIELDS[5], Kind::Text, false),
            col(INFO_FIELDS[6], Kind::Text, false),
        ],
    },
    TableSpec {
        name: MILESTONES,
        required: false,
        columns: &[
            col(ACCOUNT_ID, Kind::Text, true),
            col(MILESTONE, Kind::Text, true),
            col(ACHIEVED_AT, Kind::DateTime, true),
        ],
    },
    TableSpec {
        name: HEALTH,
        required: false,
        columns: &[
            col(ACCOUNT_ID, Kind::Text, true),
            col(SNAPSHOT_DATE, Kind::Date, true),
            ranged(HEALTH_SCORE, Kind::Number, true, NON_NEG, Some(100.0)),
        ],
    },
    TableSpec {
        name: ADOPTION,
        required: false,
        columns: &[
            col(ACCOUNT_ID, Kind::Text, true),
            col(SNAPSHOT_DATE, Kind::Date, true),
            ranged(ACTIVE_USERS, Kind::Integer, true, NON_NEG, None),
            ranged(LICENSED_SEATS, Kind::Integer, true, Some((0.0, true)), None),
        ],
    },
    TableSpec {
        name: RENEWALS,
        required: false,
        columns: &[
            col(ACCOUNT_ID, Kind::Text, true),
            col(EVENT_DATE, Kind::Date, true),
            oneof(
                EVENT,
                true,
                &["churn", "renewal", "expansion", "contraction"],
            ),
            col(ARR_DELTA, Kind::Number, false),
        ],
    },
    TableSpec {
        name: SURVEYS,
        required: false,
        columns: &[
            col(ACCOUNT_ID, Kind::Text, true),
            col(RESPONDED_AT, Kind::DateTime, true),
            oneof(KIND, true, &["csat", "nps"]),
            // Range depends on the kind (csat 1–5, nps 0–10): checked per row in ingest.
            col(SCORE, Kind::Number, true),
        ],
    },
    TableSpec {
        name: TRANSITIONS,
        required: false,
        columns: &[
            col(ACCOUNT_ID, Kind::Text, true),
            col(TRANSITIONED_AT, Kind::DateTime, true),
            col(FROM_OWNER, Kind::Text, false),
            col(TO_OWNER, Kind::Text, false),
            oneof(
                KIND,
                true,
                &["sales_to_cs", "sales_to_am", "rep_to_rep", "team_to_team"],
            ),
            col(PLANNED, Kind::Bool, false),
            col(JOINT_MEETING, Kind::Bool, false),
            ranged(KT_COMPLETENESS, Kind::Number, false, NON_NEG, Some(100.0)),
            ranged(
                SATISFACTION,
                Kind::Number,
                false,
                Some((1.0, false)),
                Some(5.0),
            ),
        ],
    },
];

/// `accounts` (METRICS.md §3.1): not among [`TABLES`], which are the eight tables of METRICS.md §3 that
/// every report accounts for; it is read first, and only when present.
pub const ACCOUNTS_TABLE: TableSpec = TableSpec {
    name: ACCOUNTS,
    required: false,
    columns: &[
        col(ACCOUNT_ID, Kind::Text, true),
        col(ACCOUNT_NAME, Kind::Text, false),
        col(SEGMENT, Kind::Text, false),
        col(REGION, Kind::Text, false),
        col(SALES_TEAM, Kind::Text, false),
    ],
};

/// The deal columns an `accounts` row fills where the deal's own value is absent or blank.
pub const ACCOUNT_FILLS: [&str; 4] = [ACCOUNT_NAME, SEGMENT, REGION, SALES_TEAM];

/// The spec of a table by name (the eight of METRICS.md §3 and `accounts`).
pub fn table(name: &str) -> Option<&'static TableSpec> {
    TABLES
        .iter()
        .find(|t| t.name == name)
        .or((name == ACCOUNTS).then_some(&ACCOUNTS_TABLE))
}

// ---- derived (fact table) columns ------------------------------------------------------
pub const CLOSE_DATE: &str = "close_date";
pub const HAS_HANDOFF: &str = "has_handoff";
pub const FIRST_VALUE_AT: &str = "first_value_at";
pub const GO_LIVE_AT: &str = "go_live_at";
pub const QUALITY_SCORE: &str = "quality_score";
pub const QUALITY_BAND: &str = "quality_band";
pub const COMPLETION: &str = "completion";
pub const COMPLETENESS: &str = "completeness";
pub const INFO_FILLED: &str = "info_filled";
pub const ACV_BAND: &str = "acv_band";
pub const TTFV_DAYS: &str = "ttfv_days";
pub const FOLLOWUP_DAYS: &str = "followup_days";
pub const CHURNED_1Y: &str = "churned_1y";
pub const EXPANDED_1Y: &str = "expanded_1y";
pub const CHURN_DAYS: &str = "churn_days";
pub const CHURN_EVENT: &str = "churn_event";

/// The SLA activities of METRICS.md §4.2, in report order ([`Activity`] as text).
pub const ACTIVITIES: [&str; 6] = Activity::SPELLINGS;

/// The quality bands of METRICS.md §4.4, best first.
pub const BANDS: [&str; 4] = Band::SPELLINGS;
/// The normalised segments of METRICS.md §3.
pub const SEGMENTS: [&str; 5] = Segment::SPELLINGS;

/// Fact-table column holding an activity's event time.
pub fn sla_at(activity: &str) -> String {
    format!("{activity}_at")
}
/// Fact-table column holding an activity's deadline.
pub fn sla_due(activity: &str) -> String {
    format!("{activity}_due")
}
/// Fact-table column holding an activity's status (`met`, `missed`, `pending`).
pub fn sla_status(activity: &str) -> String {
    format!("{activity}_status")
}
