//! The value vocabularies of the pipeline as enums: quality band, SLA activity, SLA status,
//! completion status, CS acceptance and segment. The fact table and `metrics.json` spell them
//! as the lowercase strings of METRICS.md (`excellent`, `knowledge_transfer`, `met`, …); these
//! types are how Rust code names them, so a misspelt band is a compile error rather than an
//! empty table row. Each enum lists its values in report order (`ALL`), converts to and from
//! its spelling (`as_str`, `FromStr`, serde) and names its Fluent message id for the label a
//! reader sees (`label_id`).

use std::fmt;
use std::str::FromStr;

/// Declares a vocabulary enum: its variants with their spelling, in report order, and the
/// prefix of the Fluent message ids of their labels (`PREFIX-spelling` with `_` → `-`).
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $label_prefix:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $spelling:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
                 serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $spelling)] $variant, )+
        }

        impl $name {
            /// Every value, in report order.
            pub const ALL: [$name; [$($spelling),+].len()] = [$($name::$variant),+];

            /// Every spelling, in report order (for polars expressions that take `&str`s).
            pub const SPELLINGS: [&'static str; [$($spelling),+].len()] = [$($spelling),+];

            /// The spelling in the fact table and `metrics.json`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $spelling, )+
                }
            }

            /// The Fluent message id of the label a reader sees.
            pub fn label_id(self) -> String {
                format!("{}-{}", $label_prefix, self.as_str().replace('_', "-"))
            }

            /// The position in report order (for sorting keys read as text).
            pub fn rank(self) -> usize {
                self as usize
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $( $spelling => Ok($name::$variant), )+
                    _ => Err(UnknownValue {
                        kind: stringify!($name),
                        value: s.to_string(),
                    }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// A spelling that is not one of the vocabulary's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a known {kind}")]
pub struct UnknownValue {
    pub kind: &'static str,
    pub value: String,
}

vocabulary! {
    /// Handoff quality band (METRICS.md §4.4), best first.
    Band, "band" {
        Excellent = "excellent",
        Good = "good",
        Acceptable = "acceptable",
        Substandard = "substandard",
    }
}

vocabulary! {
    /// An SLA activity of METRICS.md §4.2, in report order.
    Activity, "activity" {
        KnowledgeTransfer = "knowledge_transfer",
        Intro = "intro",
        CsPrep = "cs_prep",
        KickoffScheduled = "kickoff_scheduled",
        KickoffHeld = "kickoff_held",
        FirstValue = "first_value",
    }
}

vocabulary! {
    /// The status of one SLA activity of a deal (METRICS.md §4.2).
    SlaStatus, "sla-status" {
        Met = "met",
        Missed = "missed",
        Pending = "pending",
    }
}

vocabulary! {
    /// Whether a deal's handoff is complete (METRICS.md §4.3).
    CompletionStatus, "completion-status" {
        Complete = "complete",
        Incomplete = "incomplete",
        Pending = "pending",
    }
}

vocabulary! {
    /// CS's verdict on the handoff record.
    Acceptance, "acceptance" {
        Accepted = "accepted",
        Rejected = "rejected",
        NeedsRevision = "needs_revision",
    }
}

vocabulary! {
    /// The normalised customer segment (METRICS.md §3).
    Segment, "segment" {
        Strategic = "strategic",
        Enterprise = "enterprise",
        MidMarket = "mid_market",
        Smb = "smb",
        Other = "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip_and_keep_report_order() {
        for b in Band::ALL {
            assert_eq!(b.as_str().parse::<Band>(), Ok(b));
        }
        assert_eq!(Band::ALL[0], Band::Excellent);
        assert!(Band::Excellent.rank() < Band::Substandard.rank());
        assert_eq!(
            serde_json::to_string(&Activity::KnowledgeTransfer).unwrap(),
            "\"knowledge_transfer\""
        );
        assert_eq!(
            serde_json::from_str::<Segment>("\"mid_market\"").unwrap(),
            Segment::MidMarket
        );
        assert_eq!(Segment::MidMarket.label_id(), "segment-mid-market");
    }

    #[test]
    fn unknown_spellings_are_errors_that_name_the_value() {
        let err = "Excellent".parse::<Band>().unwrap_err();
        assert_eq!(err.to_string(), "\"Excellent\" is not a known Band");
        assert!("late".parse::<SlaStatus>().is_err());
    }

    #[test]
    fn spellings_follow_the_variants() {
        assert_eq!(Band::SPELLINGS, Band::ALL.map(Band::as_str));
        assert_eq!(
            Activity::SPELLINGS,
            [
                "knowledge_transfer",
                "intro",
                "cs_prep",
                "kickoff_scheduled",
                "kickoff_held",
                "first_value"
            ]
        );
    }
}
