//! Errors by audience and the exit codes of METRICS.md §2. Library code returns `anyhow::Error`
//! with context at every I/O boundary; the errors users must act on carry one of the typed
//! causes below, which `main` maps to an exit code.

use std::process::ExitCode;

/// Exit codes, exactly as METRICS.md §2 documents them.
pub mod exit {
    pub const SUCCESS: u8 = 0;
    pub const FAILURE: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const INVALID_DATA: u8 = 3;
    pub const ALERT: u8 = 4;
}

/// A problem the user can fix, with the exit code it maps to.
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    /// Bad flags, a bad config file, an unknown query file: exit 2.
    #[error("{0}")]
    Usage(String),
    /// The input data failed validation: exit 3, nothing written.
    #[error("{0}")]
    InvalidData(String),
}

/// The exit code for an error: the typed cause anywhere in the chain decides, else 1.
pub fn exit_code_for(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if let Some(u) = cause.downcast_ref::<UserError>() {
            return match u {
                UserError::Usage(_) => exit::USAGE,
                UserError::InvalidData(_) => exit::INVALID_DATA,
            };
        }
    }
    exit::FAILURE
}

/// Shorthand for a usage error.
pub fn usage(msg: impl Into<String>) -> anyhow::Error {
    UserError::Usage(msg.into()).into()
}

/// Shorthand for a validation failure.
pub fn invalid(msg: impl Into<String>) -> anyhow::Error {
    UserError::InvalidData(msg.into()).into()
}

/// Convert a numeric exit code.
pub fn to_exit_code(code: u8) -> ExitCode {
    ExitCode::from(code)
}
