//! The report sections, one file each (its content, wording and chart references), and the
//! order each report kind shows them in. Adding a section is one new file here plus one line
//! in [`MONTHLY`] or [`QUARTERLY`].

use super::*;
use crate::metrics::alerts::AlertFact;
use crate::metrics::completeness::Completeness;
use crate::metrics::inputs::{Inputs, SegmentsDerived, Warnings};
use crate::metrics::operations::{Escalations, Scorecards, Trend};
use crate::metrics::snapshots::{Adoption, Health};
use crate::metrics::transitions::Transitions;
use crate::metrics::typed::{
    Acceptance, CohortSizes, Completion, MetricSection, PreviousPeriod, QualityScores,
    SlaAttainment,
};
use crate::vocab::{Activity, Band, Segment};

mod adjusted;
mod adoption;
mod arr;
mod bands;
mod churn;
mod close_quarter;
mod completion;
mod data_quality;
mod drivers;
mod escalations;
mod expansion_nps;
mod headline;
mod methodology;
mod missing;
mod outcome_parts;
pub(crate) use outcome_parts::{practice_words, q as quarterly_text, BandRate};
mod quarter_trend;
mod relative_risk;
mod retention;
mod satisfaction;
mod scorecards;
mod sla;
mod summary;
mod tests;
mod transitions;
mod trend;
mod ttfv;

pub(crate) use adjusted::*;
pub(crate) use adoption::*;
pub(crate) use arr::*;
pub(crate) use bands::*;
pub(crate) use churn::*;
pub(crate) use close_quarter::*;
pub(crate) use completion::*;
pub(crate) use data_quality::*;
pub(crate) use drivers::*;
pub(crate) use escalations::*;
pub(crate) use expansion_nps::*;
pub(crate) use headline::*;
pub(crate) use methodology::*;
pub(crate) use missing::*;
pub(crate) use quarter_trend::*;
pub(crate) use relative_risk::*;
pub(crate) use retention::*;
pub(crate) use satisfaction::*;
pub(crate) use scorecards::*;
pub(crate) use sla::*;
pub(crate) use summary::*;
pub(crate) use tests::*;
pub(crate) use transitions::*;
pub(crate) use trend::*;
pub(crate) use ttfv::*;

/// Builds one section of the report from the view.
pub type Builder = fn(&ReportView) -> Section;

/// The monthly review, in the order it shows its sections.
pub const MONTHLY: &[Builder] = &[
    headline,
    bands,
    monthly_trend,
    sla,
    completion,
    missing,
    scorecards,
    ttfv_monthly,
    adoption_health,
    satisfaction,
    escalations,
    transitions,
    data_quality,
];

/// The quarterly churn report, in the order it shows its sections.
pub const QUARTERLY: &[Builder] = &[
    q_summary,
    q_churn,
    q_relative_risk,
    q_adjusted,
    q_tests,
    q_retention,
    q_arr,
    q_drivers,
    q_cohorts,
    q_expansion_nps,
    ttfv_quarterly,
    q_trend,
    methodology,
    data_quality,
];
