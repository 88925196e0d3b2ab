//! `handoff validate`: ingest the data folder, log every rejected or set-missing value, print
//! a row count per table, and exit 3 when validation fails.

use std::io::Write;

use anyhow::Context;

use super::resolve;
use crate::cli::DataArgs;
use crate::error::{self, exit};
use crate::ingest;

/// Run `handoff validate`.
pub fn run(args: &DataArgs, quiet: bool) -> anyhow::Result<u8> {
    let r = resolve(args)?;
    let ing = ingest::ingest(&r.data, &r.settings, r.as_of, r.strict)
        .with_context(|| format!("reading {}", r.data.display()))?;
    for w in &ing.warnings {
        tracing::warn!("{w}");
    }
    for i in &ing.issues {
        if i.action != ingest::Action::Excluded {
            let column = if i.column.is_empty() {
                "row"
            } else {
                &i.column
            };
            tracing::warn!(
                table = i.table,
                file = %i.file,
                line = i.line,
                column,
                value = %i.value,
                action = i.action.as_str(),
                reason = %i.reason,
                "{}:{}: {}: {} {:?}: {}",
                i.file,
                i.line,
                i.action.as_str(),
                column,
                i.value,
                i.reason
            );
        }
    }
    if !quiet {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{} as of {}", r.data.display(), r.as_of)?;
        writeln!(
            out,
            "{:<12} {:>9} {:>9} {:>9} {:>9} {:>9}  excluded by reason",
            "table", "read", "used", "rejected", "excluded", "filtered"
        )?;
        for (t, c) in &ing.counts {
            let reasons: Vec<String> = c
                .excluded_by_reason
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            // `filtered` rows are also counted in `excluded` (METRICS.md §3.1).
            let filtered = c.excluded_by_reason.get("filtered").copied().unwrap_or(0);
            writeln!(
                out,
                "{t:<12} {:>9} {:>9} {:>9} {:>9} {:>9}  {}",
                c.rows_read,
                c.rows_used,
                c.rows_rejected,
                c.rows_excluded,
                filtered,
                reasons.join(" ")
            )?;
        }
    }
    if !ing.fatal.is_empty() {
        for f in &ing.fatal {
            tracing::error!("{f}");
        }
        return Err(error::invalid(format!(
            "input data failed validation ({} problem{})",
            ing.fatal.len(),
            if ing.fatal.len() == 1 { "" } else { "s" }
        )));
    }
    Ok(exit::SUCCESS)
}
