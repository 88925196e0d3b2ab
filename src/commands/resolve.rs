//! Flags and config file merged into what every data-reading command starts from: the data
//! folder, the as-of date and the validated `Settings`.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::DataArgs;
use crate::config::{self, ConfigFile, Settings};
use crate::error::{self, exit, usage};

/// What every data-reading command resolves from its flags and config.
pub struct Resolved {
    pub data: PathBuf,
    pub as_of: NaiveDate,
    pub settings: Settings,
    pub strict: bool,
    /// The folder of the config file in use (relative paths in the config start there).
    pub config_dir: Option<PathBuf>,
}

/// Merge flags and the config file (flags win), validating both.
pub fn resolve(args: &DataArgs) -> anyhow::Result<Resolved> {
    let config_path = match &args.config {
        Some(p) => {
            if !p.is_file() {
                return Err(usage(format!("config file {} not found", p.display())));
            }
            Some(p.clone())
        }
        None => {
            let p = args.data.join("handoff.toml");
            p.is_file().then_some(p)
        }
    };
    let file = match &config_path {
        Some(p) => ConfigFile::load(p)?,
        None => ConfigFile::default(),
    };
    // A value out of range names the file it came from as well as the key.
    let settings = Settings::from_file(&file).map_err(|e| match &config_path {
        Some(p) if error::exit_code_for(&e) == exit::USAGE => usage(e.to_string().replacen(
            "config:",
            &format!("config {}:", p.display()),
            1,
        )),
        _ => e,
    })?;
    let as_of = match (args.as_of, &file.as_of) {
        (Some(d), _) => d,
        (None, Some(s)) => {
            config::parse_date_arg(s).map_err(|e| usage(format!("config as_of: {e}")))?
        }
        (None, None) => chrono::Utc::now().date_naive(),
    };
    Ok(Resolved {
        data: args.data.clone(),
        as_of,
        settings,
        strict: args.strict,
        config_dir: config_path
            .as_ref()
            .map(|p| p.parent().map(PathBuf::from).unwrap_or_default()),
    })
}
