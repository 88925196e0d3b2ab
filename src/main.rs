//! The `handoff` binary: parse arguments, run, map errors to the exit codes of METRICS.md §2.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match handoff::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    handoff::logging::init(cli.quiet, cli.verbose, cli.log_format);
    match handoff::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            tracing::error!("{err:#}");
            ExitCode::from(handoff::error::exit_code_for(&err))
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
