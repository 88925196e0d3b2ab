//! Notifications (METRICS.md §5.2): the last step of `report`. Once the report folder is in place,
//! one message per target — Slack (Block Kit) or Microsoft Teams (Adaptive Card) — carries
//! the title and period, the headline numbers, every alert and the link to the report.
//!
//! Targets come from `--notify slack=URL|teams=URL` (repeatable; `URL` may be `env:VAR`) or,
//! when no flag is given, from the config's `[notify]` section, whose `slack`/`teams` values
//! must name an environment variable (`"env:SLACK_WEBHOOK_URL"`): a webhook URL is a secret
//! and is never read from a file. Nothing here can change the report or the exit code: a
//! missing variable or a failed post is a warning. Webhook URLs are shown only redacted to
//! scheme and host ([`redact`]) in every message this module writes.

mod headline;
mod messages;
mod post;
pub mod slack;
pub mod teams;

use std::fmt;
use std::path::Path;

use serde::Deserialize;

pub use headline::{BandChurn, Headline, Interval, Link};
pub use post::{send_all, Policy, TIMEOUT_ENV};

use crate::error::usage;

/// The chat service a target posts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Slack,
    Teams,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Slack => "slack",
            Kind::Teams => "teams",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "slack" => Some(Kind::Slack),
            "teams" => Some(Kind::Teams),
            _ => None,
        }
    }

    /// The message body for this service.
    pub fn payload(self, h: &Headline) -> serde_json::Value {
        match self {
            Kind::Slack => slack::payload(h),
            Kind::Teams => teams::payload(h),
        }
    }
}

/// One webhook to post to. `Debug` and `Display` show the redacted URL only.
#[derive(Clone, PartialEq, Eq)]
pub struct Target {
    pub kind: Kind,
    url: String,
}

impl Target {
    pub fn new(kind: Kind, url: String) -> Target {
        Target { kind, url }
    }

    /// The full webhook URL: for the HTTP client only, never for a message.
    pub(crate) fn url(&self) -> &str {
        &self.url
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.kind.name(), redact(&self.url))
    }
}

impl fmt::Debug for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Target({self})")
    }
}

/// `https://hooks.slack.com/services/T0/B0/xyz` → `https://hooks.slack.com/…`: scheme and
/// host (with port) only; user info, path, query and fragment are dropped.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.trim().split_once("://") else {
        return "…".to_string();
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    format!("{scheme}://{host}/…")
}

fn is_web_url(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && lower.len() > 8
}

fn is_env_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The `[notify]` section as written in `handoff.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotifyFile {
    /// `"env:VARIABLE"`: the environment variable holding the Slack webhook URL.
    pub slack: Option<String>,
    /// `"env:VARIABLE"`: the environment variable holding the Teams webhook URL.
    pub teams: Option<String>,
    /// Where the report can be opened, `{label}` standing for `2026-10` / `2026-Q3`.
    pub report_url: Option<String>,
}

/// The validated `[notify]` settings: variable names, not URLs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotifySettings {
    /// (kind, environment variable) in the order slack, teams.
    pub env: Vec<(Kind, String)>,
    pub report_url: Option<String>,
}

impl NotifySettings {
    /// Validate the section. A literal URL is refused (exit 2) without echoing it.
    pub fn from_file(f: &NotifyFile) -> anyhow::Result<NotifySettings> {
        let mut env = Vec::new();
        for (kind, value) in [(Kind::Slack, &f.slack), (Kind::Teams, &f.teams)] {
            let Some(value) = value else { continue };
            let key = kind.name();
            let upper = format!("{}_WEBHOOK_URL", key.to_ascii_uppercase());
            if is_web_url(value) {
                return Err(usage(format!(
                    "config: notify.{key} holds a webhook URL ({}); webhook URLs are secrets and \
                     are not read from files: write {key} = \"env:{upper}\" and set {upper} in \
                     the environment of the run",
                    redact(value)
                )));
            }
            match value.trim().strip_prefix("env:") {
                Some(name) if is_env_name(name.trim()) => env.push((kind, name.trim().to_string())),
                _ => {
                    return Err(usage(format!(
                        "config: notify.{key} must be \"env:VARIABLE\" (e.g. \"env:{upper}\"), \
                         the name of the environment variable that holds the webhook URL"
                    )))
                }
            }
        }
        let report_url = match &f.report_url {
            Some(u) if !is_web_url(u) => {
                return Err(usage(
                    "config: notify.report_url must be an http:// or https:// address, \
                     e.g. \"https://reports.example.com/{label}/\"",
                ))
            }
            other => other.as_ref().map(|u| u.trim().to_string()),
        };
        Ok(NotifySettings { env, report_url })
    }
}

/// Read an environment variable's webhook URL; `None` (with a warning naming `key` and the
/// variable) when it is unset, empty or not an http(s) address.
fn from_env(kind: Kind, var: &str, key: &str) -> Option<Target> {
    let value = std::env::var(var).unwrap_or_default();
    let problem = if value.trim().is_empty() {
        "is not set"
    } else if !is_web_url(&value) {
        "does not hold an http:// or https:// address"
    } else {
        return Some(Target::new(kind, value.trim().to_string()));
    };
    tracing::warn!(
        "{key}: environment variable {var} {problem}; no {} message will be posted",
        kind.name()
    );
    None
}

/// A plain-http webhook off this machine sends its secret unencrypted.
fn is_unencrypted_remote(url: &str) -> bool {
    let url = url.trim().to_ascii_lowercase();
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let host = rest.rsplit('@').next().unwrap_or_default();
    !["127.", "localhost/", "localhost:", "[::1]"]
        .iter()
        .any(|p| host.starts_with(p) || host == p.trim_end_matches(['/', ':']))
}

/// The targets of this run: the `--notify` flags when any is given (they replace the
/// config's), else the config's `[notify]` variables. A malformed flag is a usage error
/// whose message shows the URL redacted.
pub fn targets(flags: &[String], settings: &NotifySettings) -> anyhow::Result<Vec<Target>> {
    let targets = resolve_targets(flags, settings)?;
    for t in targets.iter().filter(|t| is_unencrypted_remote(t.url())) {
        tracing::warn!("notify {t}: plain http:// sends the webhook URL unencrypted; use https://");
    }
    Ok(targets)
}

fn resolve_targets(flags: &[String], settings: &NotifySettings) -> anyhow::Result<Vec<Target>> {
    if flags.is_empty() {
        return Ok(settings
            .env
            .iter()
            .filter_map(|(kind, var)| from_env(*kind, var, &format!("notify.{}", kind.name())))
            .collect());
    }
    let mut out = Vec::new();
    for flag in flags {
        let (kind, value) = flag.split_once('=').unwrap_or((flag.as_str(), ""));
        let shown = || {
            if is_web_url(value) {
                format!("{kind}={}", redact(value))
            } else if value.trim_start().starts_with("env:") {
                format!("{kind}={value}")
            } else {
                format!("{kind}=…")
            }
        };
        let Some(k) = Kind::parse(kind) else {
            return Err(usage(format!(
                "--notify {}: expected slack=URL or teams=URL (URL may be env:VARIABLE)",
                shown()
            )));
        };
        if let Some(var) = value.trim().strip_prefix("env:") {
            if !is_env_name(var) {
                return Err(usage(format!(
                    "--notify {}: {var:?} is not an environment variable name",
                    shown()
                )));
            }
            out.extend(from_env(k, var, &format!("--notify {}", k.name())));
        } else if is_web_url(value) {
            out.push(Target::new(k, value.trim().to_string()));
        } else {
            return Err(usage(format!(
                "--notify {}: the webhook must be an http:// or https:// URL or env:VARIABLE",
                shown()
            )));
        }
    }
    Ok(out)
}

/// The report's link: `report_url` with `{label}` filled, else the folder's absolute path.
pub fn link(settings: &NotifySettings, label: &str, folder: &Path) -> Link {
    match &settings.report_url {
        Some(u) => Link::Url(u.replace("{label}", label)),
        None => Link::Path(
            std::path::absolute(folder)
                .unwrap_or_else(|_| folder.to_path_buf())
                .display()
                .to_string(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_keeps_scheme_and_host_only() {
        assert_eq!(
            redact("https://hooks.slack.com/services/T000/B000/XXXX"),
            "https://hooks.slack.com/…"
        );
        assert_eq!(
            redact("https://user:pw@prod-1.westus.logic.azure.com:443/workflows/a?sig=s"),
            "https://prod-1.westus.logic.azure.com:443/…"
        );
        assert_eq!(redact("http://127.0.0.1:9/x?y#z"), "http://127.0.0.1:9/…");
        assert_eq!(redact("not a url"), "…");
    }

    #[test]
    fn plain_http_is_flagged_off_loopback_only() {
        assert!(is_unencrypted_remote("http://hooks.example.com/x"));
        assert!(is_unencrypted_remote("HTTP://10.0.0.1:8080/x"));
        assert!(!is_unencrypted_remote("https://hooks.slack.com/x"));
        assert!(!is_unencrypted_remote("http://127.0.0.1:9/x"));
        assert!(!is_unencrypted_remote("http://localhost:9/x"));
        assert!(!is_unencrypted_remote("http://localhost"));
        assert!(!is_unencrypted_remote("http://[::1]:9/x"));
    }

    #[test]
    fn config_refuses_a_literal_url_without_echoing_it() {
        let f = NotifyFile {
            slack: Some("https://hooks.slack.com/services/T0/B0/SECRET".into()),
            ..NotifyFile::default()
        };
        let err = NotifySettings::from_file(&f).unwrap_err().to_string();
        assert!(err.contains("notify.slack"), "{err}");
        assert!(err.contains("env:SLACK_WEBHOOK_URL"), "{err}");
        assert!(!err.contains("SECRET"), "{err}");
    }

    #[test]
    fn config_reads_variable_names_and_checks_report_url() {
        let f = NotifyFile {
            slack: Some("env:SLACK_WEBHOOK_URL".into()),
            teams: Some("env:TEAMS_HOOK".into()),
            report_url: Some("https://reports.example.com/{label}/".into()),
        };
        let s = NotifySettings::from_file(&f).unwrap();
        assert_eq!(
            s.env,
            vec![
                (Kind::Slack, "SLACK_WEBHOOK_URL".to_string()),
                (Kind::Teams, "TEAMS_HOOK".to_string())
            ]
        );
        let l = link(&s, "2026-10", Path::new("reports/2026-10"));
        assert_eq!(l, Link::Url("https://reports.example.com/2026-10/".into()));
        for bad in ["env:", "env:1X", "SLACK_WEBHOOK_URL", "env:A-B"] {
            let f = NotifyFile {
                teams: Some(bad.into()),
                ..NotifyFile::default()
            };
            let err = NotifySettings::from_file(&f).unwrap_err().to_string();
            assert!(err.contains("notify.teams"), "{bad}: {err}");
        }
        let f = NotifyFile {
            report_url: Some("reports/{label}".into()),
            ..NotifyFile::default()
        };
        let err = NotifySettings::from_file(&f).unwrap_err().to_string();
        assert!(err.contains("notify.report_url"), "{err}");
    }

    #[test]
    fn flags_parse_and_bad_flags_are_redacted() {
        let t = targets(
            &[
                "slack=https://hooks.slack.com/services/a".into(),
                "Teams=http://127.0.0.1:1/x".into(),
            ],
            &NotifySettings::default(),
        )
        .unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].kind, Kind::Teams);
        assert_eq!(
            format!("{:?}", t[0]),
            "Target(slack (https://hooks.slack.com/…))"
        );
        for bad in [
            "slak=https://hooks.slack.com/services/SECRET",
            "slack=hooks.slack.com/services/SECRET",
            "slack",
        ] {
            let err = targets(&[bad.into()], &NotifySettings::default())
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("--notify"), "{err}");
            assert!(!err.contains("SECRET"), "{err}");
        }
    }

    #[test]
    fn flags_replace_the_config_and_a_missing_variable_only_warns() {
        let s = NotifySettings {
            env: vec![(Kind::Slack, "HANDOFF_TEST_UNSET_VARIABLE_21".into())],
            report_url: None,
        };
        assert!(targets(&[], &s).unwrap().is_empty());
        let t = targets(&["teams=https://x.example/hook".into()], &s).unwrap();
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].kind, Kind::Teams);
    }
}
