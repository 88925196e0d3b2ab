//! Diagnostics on stderr, for people and for log collectors. stdout carries only the
//! command's result (the report summary, query output); everything else — warnings, row
//! problems, stage timings, errors — is a `tracing` event written to stderr, either as one
//! plain line per event (`warning: deals.csv:5: rejected: …`, the shape of compiler
//! diagnostics, so grep and cron mail stay readable) or as one JSON object per line under
//! `--log-format json`. `-q` keeps only errors, the default adds warnings, `-v` adds stage
//! timings and counts, `-vv` debug detail. `HANDOFF_LOG` (an `EnvFilter` directive such as
//! `debug` or `handoff::ingest=debug`) overrides the level for troubleshooting.
//!
//! The stage spinner ([`Progress`]) is drawn only when stderr is a terminal, text logging is
//! on and `-q` is off: cron, pipes and log collectors never see control characters.

use std::fmt;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

use tracing::{Event, Level, Subscriber};
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::EnvFilter;

use crate::cli::LogFormat;

/// Run `f`, logging how long it took at debug level (`-vv`) as `WHAT: N ms`, followed on
/// Linux by `(memory R MiB, peak P MiB)`: the step timings of docs/BENCHMARKS.md, by name.
pub fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    match memory() {
        Some((rss, peak)) => {
            tracing::debug!("{what}: {ms:.0} ms (memory {rss} MiB, peak {peak} MiB)")
        }
        None => tracing::debug!("{what}: {ms:.0} ms"),
    }
    out
}

/// The process's resident memory and its peak so far, in MiB (`VmRSS` and `VmHWM` of
/// `/proc/self/status`); `None` where there is no such file (not Linux). Logged with each
/// timed step at `-vv`, to see where memory grows (issue #17).
fn memory() -> Option<(u64, u64)> {
    status_memory(&std::fs::read_to_string("/proc/self/status").ok()?)
}

/// `VmRSS` and `VmHWM` of a `/proc/PID/status` text, in MiB.
fn status_memory(status: &str) -> Option<(u64, u64)> {
    let mib = |key: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(key))?;
        let kib: u64 = line[key.len()..]
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()?;
        Some(kib / 1024)
    };
    Some((mib("VmRSS:")?, mib("VmHWM:")?))
}

/// The level `-q`/`-v` select.
pub fn level(quiet: bool, verbose: u8) -> Level {
    match (quiet, verbose) {
        (true, _) => Level::ERROR,
        (false, 0) => Level::WARN,
        (false, 1) => Level::INFO,
        (false, 2) => Level::DEBUG,
        (false, _) => Level::TRACE,
    }
}

/// Install the global subscriber. Safe to call more than once (later calls do nothing).
pub fn init(quiet: bool, verbose: u8, format: LogFormat) {
    let filter = std::env::var("HANDOFF_LOG")
        .ok()
        .and_then(|d| EnvFilter::try_new(d).ok())
        .unwrap_or_else(|| {
            // -v/-vv raise our own detail; dependencies (the SQL parser logs every token at
            // debug) stay at warnings unless HANDOFF_LOG asks for them.
            let ours = level(quiet, verbose);
            let deps = if quiet { Level::ERROR } else { Level::WARN };
            EnvFilter::new(format!("{deps},handoff={ours}"))
        });
    // The HTTP client's own records quote webhook URLs (secrets, METRICS.md §5.2): never shown, not
    // even under HANDOFF_LOG=trace. `crate::notify` logs each post with the URL redacted.
    let filter = ["ureq=off", "ureq_proto=off"]
        .into_iter()
        .filter_map(|d| d.parse().ok())
        .fold(filter, EnvFilter::add_directive);
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(false)
            .with_span_list(false)
            .with_target(false)
            .try_init(),
        LogFormat::Text => builder
            .event_format(Plain)
            .fmt_fields(tracing_subscriber::fmt::format::debug_fn(
                |w, field, value| {
                    if field.name() == "message" {
                        write!(w, "{value:?}")
                    } else {
                        Ok(())
                    }
                },
            ))
            .try_init(),
    };
}

/// `level: message` — structured fields stay in the JSON format only.
struct Plain;

impl<S, N> FormatEvent<S, N> for Plain
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        ctx: &FmtContext<'_, S, N>,
        mut w: Writer<'_>,
        event: &Event<'_>,
    ) -> fmt::Result {
        let label = match *event.metadata().level() {
            Level::ERROR => "error",
            Level::WARN => "warning",
            Level::INFO => "info",
            Level::DEBUG => "debug",
            Level::TRACE => "trace",
        };
        write!(w, "{label}: ")?;
        ctx.field_format().format_fields(w.by_ref(), event)?;
        writeln!(w)
    }
}

/// A stage spinner on a terminal, and an `info` event with the elapsed time per stage.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    stage: &'static str,
    started: Instant,
}

impl Progress {
    /// A spinner when stderr is a terminal and the user wants text output.
    pub fn new(quiet: bool, format: LogFormat) -> Progress {
        let show = !quiet && format == LogFormat::Text && std::io::stderr().is_terminal();
        let bar = show.then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            bar,
            stage: "",
            started: Instant::now(),
        }
    }

    /// Close the previous stage (logging its time) and show the next one.
    pub fn stage(&mut self, name: &'static str) {
        self.close();
        self.stage = name;
        self.started = Instant::now();
        if let Some(bar) = &self.bar {
            bar.set_message(name);
        }
    }

    /// Run `f` with the spinner hidden, so log lines are not torn by it.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn close(&mut self) {
        if !self.stage.is_empty() {
            let ms = self.started.elapsed().as_secs_f64() * 1000.0;
            let stage = self.stage;
            self.suspend(|| tracing::info!(stage, elapsed_ms = ms, "{stage}: {ms:.0} ms"));
        }
        self.stage = "";
    }

    /// Close the last stage and remove the spinner.
    pub fn finish(mut self) {
        self.close();
    }
}

impl Drop for Progress {
    /// The spinner never outlives its run, not even on an error path.
    fn drop(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_is_read_from_proc_status_in_mib() {
        let status = "Name:\thandoff\nVmHWM:\t 2842624 kB\nVmRSS:\t  1048576 kB\nThreads:\t2\n";
        assert_eq!(status_memory(status), Some((1024, 2776)));
        assert_eq!(status_memory("Name:\thandoff\nVmRSS:\t12 kB\n"), None);
    }

    #[test]
    fn flags_choose_the_level() {
        assert_eq!(level(true, 3), Level::ERROR);
        assert_eq!(level(false, 0), Level::WARN);
        assert_eq!(level(false, 1), Level::INFO);
        assert_eq!(level(false, 2), Level::DEBUG);
        assert_eq!(level(false, 9), Level::TRACE);
    }
}
