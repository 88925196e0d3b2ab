//! One simulated deal with everything that will be written about it: the deal (close date
//! with growth and a quarter-end pull, segment, ACV, rep, region, CSM), the latent handoff
//! quality and the handoff record (checklist, activities against their SLA, acceptance,
//! `info_*` fields). What follows the close is in `outcomes.rs`.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::calendar::{
    days_to_us, quarter_end, stamp, DAY_US, HOUR_US, MIN_US, SEC_US, UNIX_EPOCH_CE_DAYS,
};
use super::company::{Company, Seg, OTHER_SEGMENTS, REGIONS, SEGS, SEG_WEIGHTS};
use super::rng::{round2, sigmoid, Rng, STREAM_DEAL};
use super::vocabulary::{HOSTILE_NAMES, INFO_TEXT, MULTILINE_NOTE, NAME_PREFIXES, NAME_SUFFIXES};

const WINDOW_DAYS: i64 = 1095;
const GROWTH: f64 = 2.2;

/// Probability that an event dated after the as-of day is written anyway (the reader must
/// ignore it).
const LEAK: f64 = 0.002;
const DEADLINE_H: [i64; 5] = [48, 48, 72, 120, 240];
const CHECK_WEIGHTS: [f64; 7] = [15.0, 10.0, 15.0, 10.0, 10.0, 10.0, 10.0];
const INFO_OFFSET: [f64; 7] = [0.8, 0.3, 0.4, 0.2, -0.5, -0.2, -0.7];

#[derive(Clone, Copy, Default)]
pub(super) struct Handoff {
    pub(super) csm: bool,
    /// meeting, intro, cs_prep, kickoff_scheduled, kickoff_held (as generated; may be after A).
    pub(super) events: [Option<i64>; 5],
    pub(super) checks: [Option<f64>; 7],
    pub(super) acceptance: Option<&'static str>,
    pub(super) rejections: Option<i64>,
    pub(super) info: [Option<&'static str>; 7],
}

#[derive(Clone, Copy)]
pub(super) struct TransitionRow {
    pub(super) at: i64,
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) kind: &'static str,
    pub(super) planned: bool,
    pub(super) joint: bool,
    pub(super) kt: f64,
    pub(super) satisfaction: Option<f64>,
}

#[derive(Default)]
pub(super) struct Sim {
    pub(super) deal_id: String,
    pub(super) account_id: String,
    pub(super) handoff_id: String,
    pub(super) name: String,
    pub(super) has_name: bool,
    pub(super) seg: Option<Seg>,
    pub(super) seg_label: &'static str,
    pub(super) acv: f64,
    pub(super) close_us: i64,
    pub(super) close_day: i64,
    pub(super) rep: usize,
    pub(super) region: Option<&'static str>,
    pub(super) csm: usize,
    pub(super) handoff: Option<Handoff>,
    /// Written values of the handoff events (`None` when after the as-of instant).
    pub(super) written_events: [Option<i64>; 5],
    pub(super) score: f64,
    // Rows to write (already filtered by the as-of date).
    pub(super) milestones: Vec<(&'static str, i64)>,
    pub(super) health: Vec<(i64, f64)>,
    pub(super) adoption: Vec<(i64, i64, i64)>,
    pub(super) renewals: Vec<(i64, &'static str, Option<f64>)>,
    pub(super) surveys: Vec<(i64, &'static str, f64)>,
    pub(super) transitions: Vec<TransitionRow>,
    // Eventual outcomes (tests and documentation; not all are visible by the as-of date).
    pub(super) churn_day: Option<i64>,
    pub(super) ttfv_days: Option<f64>,
    pub(super) expanded_first_year: bool,
}

impl Sim {
    /// Clears the buffers of the previous deal and names deal number `i`.
    fn reset(&mut self, i: u64) {
        self.milestones.clear();
        self.health.clear();
        self.adoption.clear();
        self.renewals.clear();
        self.surveys.clear();
        self.transitions.clear();
        self.churn_day = None;
        self.ttfv_days = None;
        self.expanded_first_year = false;
        self.deal_id.clear();
        let _ = write!(self.deal_id, "D{i:07}");
        self.account_id.clear();
        let _ = write!(self.account_id, "ACC-{i:06}");
        self.handoff_id.clear();
        let _ = write!(self.handoff_id, "H{i:07}");
    }
}

pub(super) struct Model {
    pub(super) company: Company,
    pub(super) seed: u64,
    pub(super) as_of_day: i64,
    /// The as-of instant A (end of the as-of day).
    pub(super) a_us: i64,
    pub(super) window_start: i64,
}

impl Model {
    pub(super) fn new(seed: u64, as_of: NaiveDate) -> Self {
        let as_of_day = as_of.num_days_from_ce() as i64 - UNIX_EPOCH_CE_DAYS;
        Model {
            company: Company::new(seed),
            seed,
            as_of_day,
            a_us: (as_of_day + 1) * DAY_US,
            window_start: as_of_day - WINDOW_DAYS,
        }
    }

    pub(super) fn visible_day(&self, r: &mut Rng, day: i64) -> bool {
        day <= self.as_of_day || r.bernoulli(LEAK)
    }

    pub(super) fn visible_us(&self, r: &mut Rng, t: i64) -> bool {
        t < self.a_us || r.bernoulli(LEAK)
    }

    /// Simulates deal number `i` into `s` (buffers are reused). The steps draw from one
    /// stream in a fixed order, so the same seed gives the same deal.
    pub(super) fn simulate(&self, i: u64, s: &mut Sim) {
        let mut r = Rng::derive(self.seed, STREAM_DEAL, i);
        s.reset(i);
        let seg = self.deal(&mut r, i, s);
        let (q, rep_eff) = self.latent_quality(&mut r, s, seg);
        self.handoff_record(&mut r, s, q, rep_eff);
        if s.close_day > self.as_of_day {
            // Booked after the as-of date: nothing has happened yet.
            return;
        }
        self.outcomes(&mut r, s, seg, q);
    }

    /// The deal row: close date (growing over the window, pulled towards quarter ends, a few
    /// after the as-of date), segment, ACV, rep, region, CSM and account name.
    fn deal(&self, r: &mut Rng, i: u64, s: &mut Sim) -> Seg {
        let co = &self.company;
        let u = r.uniform();
        let frac = (1.0 + u * (GROWTH - 1.0)).ln() / GROWTH.ln();
        let mut day = self.window_start + ((frac * WINDOW_DAYS as f64) as i64).min(WINDOW_DAYS);
        if r.bernoulli(0.18) {
            let qe = quarter_end(day) - r.int(0, 9);
            if qe <= self.as_of_day {
                day = qe;
            }
        }
        if r.bernoulli(0.003) {
            day = self.as_of_day + r.int(1, 30);
        }
        let close_us = if r.bernoulli(0.10) {
            day * DAY_US
        } else {
            let secs = r.int(7 * 3600, 23 * 3600 + 3599);
            stamp(r, day * DAY_US + secs * SEC_US)
        };
        s.close_us = close_us;
        s.close_day = day;
        let seg = SEGS[r.weighted(&SEG_WEIGHTS)];
        s.seg = Some(seg);
        s.seg_label = if seg == Seg::Other {
            r.choice(&OTHER_SEGMENTS)
        } else {
            seg.canonical()
        };
        let (median, sigma) = seg.acv();
        let mut acv = r.lognormal(median.ln(), sigma);
        if r.bernoulli(0.2) {
            acv = (acv / 1000.0).round().max(1.0) * 1000.0;
        }
        s.acv = round2(acv);
        let rel_day = day - self.window_start;
        s.rep = co.pick_rep(r, rel_day);
        let rep = &co.reps[s.rep];
        s.region = if r.bernoulli(0.08) {
            None
        } else if r.bernoulli(0.75) {
            Some(rep.region)
        } else {
            Some(r.choice(&REGIONS))
        };
        s.csm = co.pick_csm(r, seg);
        s.name.clear();
        s.has_name = !r.bernoulli(0.01);
        if r.bernoulli(0.02) {
            s.name.push_str(r.choice(&HOSTILE_NAMES));
        } else {
            s.name.push_str(r.choice(&NAME_PREFIXES));
            s.name.push_str(r.choice(&NAME_SUFFIXES));
        }
        let _ = write!(s.name, " {i}");
        seg
    }

    /// The deal's latent handoff quality `q` and the rep's effect on it (skill, less a
    /// new hire's ramp-up).
    fn latent_quality(&self, r: &mut Rng, s: &Sim, seg: Seg) -> (f64, f64) {
        let co = &self.company;
        let rel_day = s.close_day - self.window_start;
        let rep = &co.reps[s.rep];
        let tenure = (rel_day - rep.start).max(0) as f64;
        let rep_eff = rep.skill - 0.6 * (-tenure / 150.0).exp();
        let trend = 0.25 * (rel_day as f64 / WINDOW_DAYS as f64).clamp(0.0, 1.1);
        let q = 0.6 * rep_eff
            + 0.4 * co.csms[s.csm].skill
            + seg.quality_effect()
            + trend
            + 0.7 * r.normal();
        (q, rep_eff)
    }

    /// The handoff record, absent for a few deals (more often for weaker reps), with its
    /// METRICS.md §4.4 score and the activity times visible by the as-of instant.
    fn handoff_record(&self, r: &mut Rng, s: &mut Sim, q: f64, rep_eff: f64) {
        s.handoff = None;
        s.written_events = [None; 5];
        s.score = 0.0;
        if r.bernoulli((0.04 - 0.02 * rep_eff).clamp(0.01, 0.10)) {
            return;
        }
        let close_us = s.close_us;
        let mut h = Handoff {
            csm: !r.bernoulli(0.015),
            ..Handoff::default()
        };
        let d = q + 0.4 * r.normal();
        for c in h.checks.iter_mut() {
            let x = r.uniform();
            *c = if x < 0.03 {
                None
            } else if x < 0.07 {
                Some(r.choice(&[0.25, 0.5, 0.75]))
            } else if r.bernoulli(sigmoid(1.75 + 1.2 * d)) {
                Some(1.0)
            } else {
                Some(0.0)
            };
        }
        h.events = activities(r, q, close_us);
        h.acceptance = if r.bernoulli(0.12) {
            None
        } else if r.bernoulli(sigmoid(1.0 + 1.5 * q)) {
            Some("accepted")
        } else if r.bernoulli(0.5) {
            Some("needs_revision")
        } else {
            Some("rejected")
        };
        h.rejections = if r.bernoulli(0.05) {
            None
        } else {
            Some(match h.acceptance {
                Some("accepted") | None => i64::from(r.bernoulli(0.15)),
                Some("needs_revision") => r.int(0, 2),
                _ => r.int(1, 3),
            })
        };
        for (k, info) in h.info.iter_mut().enumerate() {
            if r.bernoulli(sigmoid(1.3 + 1.3 * d + INFO_OFFSET[k])) {
                *info = Some(if r.bernoulli(0.15) {
                    "N/A"
                } else if r.bernoulli(0.004) {
                    MULTILINE_NOTE
                } else {
                    r.choice(&INFO_TEXT[k])
                });
            }
        }
        s.score = handoff_score(&h, close_us);
        for (w, ev) in s.written_events.iter_mut().zip(h.events) {
            *w = ev.filter(|&t| self.visible_us(r, t));
        }
        s.handoff = Some(h);
    }
}

/// The five handoff activities (meeting, intro, CS prep, kickoff scheduled, kickoff held):
/// each skipped, on time or late by the deal's process quality; a few meetings and intros
/// happen before the close, and a kickoff is never held before it was scheduled.
fn activities(r: &mut Rng, q: f64, close_us: i64) -> [Option<i64>; 5] {
    let mut events = [None; 5];
    let pi = q + 0.5 * r.normal();
    for (k, ev) in events.iter_mut().enumerate() {
        let miss_base = if k == 4 { -2.6 } else { -3.0 };
        if r.bernoulli(sigmoid(miss_base - 1.2 * pi)) {
            continue;
        }
        let dl = DEADLINE_H[k] * HOUR_US;
        let on_time = sigmoid(1.2 + 1.8 * pi + 0.3 * r.normal());
        let t = if r.bernoulli(on_time) {
            if k < 2 && r.bernoulli(0.06) {
                close_us - (r.range(2.0, 96.0) * HOUR_US as f64) as i64
            } else {
                close_us + (dl as f64 * r.range(0.03, 1.0).powf(1.4)) as i64
            }
        } else {
            close_us + dl + 10 * MIN_US + days_to_us(r.lognormal(2.5f64.ln(), 0.8))
        };
        *ev = Some(stamp(r, t));
    }
    if let (Some(sched), Some(held)) = (events[3], events[4]) {
        if held < sched {
            let t = sched + (r.range(1.0, 48.0) * HOUR_US as f64) as i64;
            events[4] = Some(stamp(r, t));
        }
    }
    events
}

/// The METRICS.md §4.4 handoff score of a generated record: the weighted checklist, plus
/// 15 for a meeting and 5 for an intro within their deadlines.
fn handoff_score(h: &Handoff, close_us: i64) -> f64 {
    let mut score: f64 = h
        .checks
        .iter()
        .zip(CHECK_WEIGHTS)
        .map(|(c, w)| w * c.unwrap_or(0.0))
        .sum();
    if h.events[0].is_some_and(|t| t <= close_us + DEADLINE_H[0] * HOUR_US) {
        score += 15.0;
    }
    if h.events[1].is_some_and(|t| t <= close_us + DEADLINE_H[1] * HOUR_US) {
        score += 5.0;
    }
    score
}
