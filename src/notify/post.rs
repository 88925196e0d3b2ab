//! Posting with a timeout and retries. Each target gets up to three attempts (the first and
//! two retries) with a short, growing pause between them; a transport error, a timeout, a
//! 5xx, 408 or 429 answer is retried, any other non-2xx answer is final. A post that still
//! fails is a warning — the report is already in place and the exit code is not touched.
//! Messages name the target by its redacted URL only; the HTTP client's own log records are
//! switched off in [`crate::logging`] because they carry the full URL.

use std::time::{Duration, Instant};

use super::{redact, Headline, Target};

/// Test hook: the per-attempt timeout in milliseconds (default 10 000). Documented in
/// the `[notify]` documentation; not meant for production use.
pub const TIMEOUT_ENV: &str = "HANDOFF_NOTIFY_TIMEOUT_MS";

/// How hard to try.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Whole-request timeout per attempt (connect, send, answer).
    pub timeout: Duration,
    /// Attempts in all (1 + retries).
    pub attempts: u32,
    /// Pause before the second attempt; doubled before each later one.
    pub backoff: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            timeout: Duration::from_secs(10),
            attempts: 3,
            backoff: Duration::from_millis(250),
        }
    }
}

impl Policy {
    /// The default policy, with the timeout from [`TIMEOUT_ENV`] when it holds a number.
    pub fn from_env() -> Policy {
        let mut p = Policy::default();
        if let Some(ms) = std::env::var(TIMEOUT_ENV)
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .filter(|ms| *ms > 0)
        {
            p.timeout = Duration::from_millis(ms);
        }
        p
    }
}

/// Why one attempt failed, and whether another is worth it.
struct Failure {
    reason: String,
    retry: bool,
}

fn attempt(
    agent: &ureq::Agent,
    target: &Target,
    body: &[u8],
    policy: &Policy,
) -> Result<(), Failure> {
    let result = agent
        .post(target.url())
        .header("Content-Type", "application/json; charset=utf-8")
        .send(body);
    match result {
        Ok(resp) => {
            let status = resp.status().as_u16();
            if (200..300).contains(&status) {
                Ok(())
            } else {
                Err(Failure {
                    reason: format!("answered HTTP {status}"),
                    retry: status >= 500 || status == 408 || status == 429,
                })
            }
        }
        Err(ureq::Error::Timeout(_)) => Err(Failure {
            reason: format!("no answer within {} ms", policy.timeout.as_millis()),
            retry: true,
        }),
        Err(e) => Err(Failure {
            // The client's error text may quote the URL: take it out.
            reason: e.to_string().replace(target.url(), &redact(target.url())),
            retry: true,
        }),
    }
}

/// Post one body to one target; `Ok(attempts used)` or the last failure's reason.
fn post(agent: &ureq::Agent, target: &Target, body: &[u8], policy: &Policy) -> Result<u32, String> {
    let mut pause = policy.backoff;
    let mut last = String::new();
    for n in 1..=policy.attempts.max(1) {
        match attempt(agent, target, body, policy) {
            Ok(()) => return Ok(n),
            Err(f) => {
                tracing::debug!("notify {target}: attempt {n} failed: {}", f.reason);
                last = f.reason;
                if !f.retry {
                    return Err(format!("{last} (not retried)"));
                }
                if n < policy.attempts {
                    std::thread::sleep(pause);
                    pause *= 2;
                }
            }
        }
    }
    Err(format!("{last} after {} attempts", policy.attempts.max(1)))
}

/// Post the headline to every target, one after the other. Returns how many were
/// delivered; every failure is logged as a warning and goes no further.
pub fn send_all(targets: &[Target], headline: &Headline, policy: &Policy) -> usize {
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(policy.timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(concat!("handoff/", env!("CARGO_PKG_VERSION")))
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let mut delivered = 0;
    for target in targets {
        let started = Instant::now();
        let body = match serde_json::to_vec(&target.kind.payload(headline)) {
            Ok(b) => b,
            Err(e) => {
                tracing::warn!("notify {target}: building the message failed: {e}");
                continue;
            }
        };
        match post(&agent, target, &body, policy) {
            Ok(attempts) => {
                delivered += 1;
                let ms = started.elapsed().as_millis() as u64;
                tracing::info!(
                    webhook = %target,
                    attempts,
                    elapsed_ms = ms,
                    "notify {target}: posted ({attempts} attempt{}, {ms} ms)",
                    if attempts == 1 { "" } else { "s" }
                );
            }
            Err(reason) => tracing::warn!(
                webhook = %target,
                "notify {target}: not delivered: {reason}; the report is written and the exit \
                 code is unchanged"
            ),
        }
    }
    delivered
}
