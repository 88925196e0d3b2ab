//! What happens after the close, step by step in the order the steps draw from the deal's
//! random stream: first-year and later churn, an ownership change (which may bring churn
//! forward), milestones (time to first value, go-live), renewals, expansions and
//! contractions, adoption snapshots, health snapshots and surveys. Only what is visible by
//! the as-of date is kept (plus a rare leak the reader must ignore).

use super::calendar::{days_to_us, stamp, DAY_US, DAY_US_F};
use super::company::{Seg, ENTERPRISE_CSMS};
use super::deal::{Model, Sim, TransitionRow};
use super::rng::{round1, round2, Rng};

/// Whether a customer who churns on `churn_day` (days after the close) is still one `d`
/// days after the close.
fn alive_at(churn_day: Option<i64>, d: f64) -> bool {
    churn_day.is_none_or(|c| d < c as f64)
}

/// Seat utilisation `d` days after the close: it ramps up after the kickoff towards a
/// ceiling that is higher (and reached faster) after a good handoff, and sags in the four
/// months before a churn.
struct Utilisation {
    kickoff: f64,
    ceiling: f64,
    tau: f64,
    churn_day: Option<i64>,
}

impl Utilisation {
    fn at(&self, d: f64) -> f64 {
        let ramp = if d > self.kickoff {
            1.0 - (-(d - self.kickoff) / self.tau).exp()
        } else {
            0.0
        };
        let mut u = 0.03 + self.ceiling * ramp;
        if let Some(c) = self.churn_day {
            let from = c as f64 - 120.0;
            if d > from {
                u *= 1.0 - 0.6 * ((d - from) / 120.0).min(1.0);
            }
        }
        u
    }
}

impl Model {
    /// Everything after the close of a deal booked by the as-of date.
    pub(super) fn outcomes(&self, r: &mut Rng, s: &mut Sim, seg: Seg, q: f64) {
        let good = ((s.score - 60.0) / 35.0).clamp(0.0, 1.0);
        let poor = ((88.0 - s.score) / 25.0).clamp(0.0, 1.0);
        let mut churn_day = churn(r, s.score, seg);
        let transition = self.ownership_change(r, s, good, &mut churn_day);
        s.churn_day = churn_day;
        self.milestones(r, s, seg, poor);
        let age = self.as_of_day - s.close_day;
        self.renewals(r, s, seg, good, age);
        let end = churn_day.map_or(age, |c| (c - 1).min(age));
        let util = self.adoption(r, s, seg, good, end);
        self.health(r, s, &util, end, good, transition);
        self.surveys(r, s, good, q);
        if let Some(t) = transition {
            if self.visible_us(r, t.at) {
                s.transitions.push(t);
            }
        }
    }

    /// About a quarter of accounts change owner; an unplanned change carries poorer knowledge
    /// transfer and may bring the churn forward.
    fn ownership_change(
        &self,
        r: &mut Rng,
        s: &Sim,
        good: f64,
        churn_day: &mut Option<i64>,
    ) -> Option<TransitionRow> {
        let co = &self.company;
        let close_us = s.close_us;
        let mut transition = None;
        if r.bernoulli(0.24) {
            let kind_i = r.weighted(&[0.10, 0.20, 0.40, 0.30]);
            let off = if kind_i == 0 {
                r.range(0.5, 14.0)
            } else {
                r.range(20.0, 700.0)
            };
            if churn_day.is_none_or(|c| off < c as f64) {
                let planned = r.bernoulli(0.62 + 0.25 * good);
                let joint = r.bernoulli(if planned { 0.65 } else { 0.2 });
                let kt = if planned && joint {
                    r.range(75.0, 100.0)
                } else if planned {
                    r.range(55.0, 95.0)
                } else {
                    r.range(40.0, 85.0)
                }
                .round();
                let satisfaction = if r.bernoulli(0.3) {
                    None
                } else {
                    Some(round1(
                        (1.6 + 3.0 * kt / 100.0 + 0.5 * r.normal()).clamp(1.0, 5.0),
                    ))
                };
                let (nr, nc) = (co.reps.len(), co.csms.len());
                let csm = nr + s.csm;
                let (from, to, kind) = match kind_i {
                    0 => (s.rep, csm, "sales_to_cs"),
                    1 => (
                        if r.bernoulli(0.5) { s.rep } else { csm },
                        nr + nc + r.below(co.ams.len()),
                        "sales_to_am",
                    ),
                    2 => {
                        let pod = if s.csm < ENTERPRISE_CSMS {
                            (0, ENTERPRISE_CSMS)
                        } else {
                            (ENTERPRISE_CSMS, nc)
                        };
                        let mut other = pod.0 + r.below(pod.1 - pod.0);
                        if other == s.csm {
                            other = pod.0 + (other - pod.0 + 1) % (pod.1 - pod.0);
                        }
                        (csm, nr + other, "rep_to_rep")
                    }
                    _ => {
                        let other = if s.csm < ENTERPRISE_CSMS {
                            ENTERPRISE_CSMS + r.below(nc - ENTERPRISE_CSMS)
                        } else {
                            r.below(ENTERPRISE_CSMS)
                        };
                        (csm, nr + other, "team_to_team")
                    }
                };
                if r.bernoulli(if planned { 0.03 } else { 0.12 }) {
                    let c = off as i64 + r.int(20, 170);
                    *churn_day = Some(churn_day.map_or(c, |x| x.min(c)));
                }
                let at = stamp(r, close_us + days_to_us(off));
                transition = Some(TransitionRow {
                    at,
                    from,
                    to,
                    kind,
                    planned,
                    joint,
                    kt,
                    satisfaction,
                });
            }
        }
        transition
    }

    /// Time to first value (the segment target times a lognormal factor, delayed after a poor
    /// handoff, sometimes never), a `go_live` milestone after it, and a few repeated rows.
    fn milestones(&self, r: &mut Rng, s: &mut Sim, seg: Seg, poor: f64) {
        let close_us = s.close_us;
        let mut ttfv = seg.ttfv_target() * r.lognormal(0.68f64.ln(), 0.35);
        if r.bernoulli(poor) {
            ttfv += r.range(30.0, 60.0);
        }
        let never = r.bernoulli(0.02 + 0.10 * poor);
        if !never && alive_at(s.churn_day, ttfv) {
            s.ttfv_days = Some(ttfv);
            let t = stamp(r, close_us + days_to_us(ttfv));
            if self.visible_us(r, t) {
                s.milestones.push(("first_value", t));
            }
            if r.bernoulli(0.03) {
                let gap = days_to_us(r.range(1.0, 20.0));
                let t2 = stamp(r, t + gap);
                if self.visible_us(r, t2) {
                    s.milestones.push(("first_value", t2));
                }
            }
            if r.bernoulli(seg.go_live_share()) {
                let gl = ttfv + r.range(3.0, 35.0);
                if alive_at(s.churn_day, gl) {
                    let t = stamp(r, close_us + days_to_us(gl));
                    if self.visible_us(r, t) {
                        s.milestones.push(("go_live", t));
                        if r.bernoulli(0.02) {
                            let gap = days_to_us(r.range(2.0, 30.0));
                            let t2 = stamp(r, t + gap);
                            if self.visible_us(r, t2) {
                                s.milestones.push(("go_live", t2));
                            }
                        }
                    }
                }
            }
        }
    }

    /// Renewals at the end of each term (a flat auto-renewal recorded only sometimes),
    /// expansions, contractions and the churn with `arr_delta = −ARR`, year by year.
    fn renewals(&self, r: &mut Rng, s: &mut Sim, seg: Seg, good: f64, age: i64) {
        let day = s.close_day;
        let churn_day = s.churn_day;
        let mut arr = s.acv;
        let term = 1 + match seg {
            Seg::Smb | Seg::Other => 0,
            Seg::Mid => i64::from(r.bernoulli(0.2)),
            Seg::Ent => r.weighted(&[0.5, 0.2, 0.3]) as i64,
            Seg::Strategic => r.weighted(&[0.2, 0.2, 0.6]) as i64,
        };
        for k in 0..4i64 {
            let (y0, y1) = (365 * k, 365 * (k + 1));
            if y0 > age {
                break;
            }
            let churn_here = churn_day.filter(|&c| c > y0 && c <= y1);
            let start = s.renewals.len();
            if let Some(c) = churn_here {
                if c - y0 > 60 && r.bernoulli(0.15) {
                    let d = y0 + r.int(30, c - y0 - 1);
                    let delta = -round2(arr * r.range(0.1, 0.35));
                    s.renewals.push((d, "contraction", Some(delta)));
                    arr += delta;
                }
                s.renewals.push((c, "churn", Some(-round2(arr))));
            } else {
                let p_exp = if k == 0 {
                    0.08 + 0.22 * good
                } else {
                    0.10 + 0.08 * good
                };
                if r.bernoulli(p_exp) {
                    let d = y0 + r.int(60, 330);
                    let delta = round2(arr * r.lognormal(0.2f64.ln(), 0.5));
                    s.renewals.push((d, "expansion", Some(delta)));
                    arr += delta;
                    if k == 0 {
                        s.expanded_first_year = true;
                    }
                }
                let p_con = if k == 0 {
                    0.03 + 0.06 * (1.0 - good)
                } else {
                    0.04
                };
                if r.bernoulli(p_con) {
                    let d = y0 + r.int(120, 340);
                    let delta = -round2(arr * r.range(0.1, 0.35));
                    s.renewals.push((d, "contraction", Some(delta)));
                    arr += delta;
                }
                if (k + 1) % term == 0 {
                    let d = y1 - r.int(0, 20);
                    let x = r.uniform();
                    let delta = if x < 0.05 {
                        None
                    } else if x < 0.30 {
                        Some(round2(arr * r.range(0.03, 0.08)))
                    } else {
                        Some(0.0)
                    };
                    if let Some(x) = delta {
                        arr += x;
                    }
                    // Silent auto-renewals leave no record in the CS platform.
                    if delta.is_some_and(|x| x != 0.0) || r.bernoulli(0.4) {
                        s.renewals.push((d, "renewal", delta));
                    }
                }
            }
            s.renewals[start..].sort_by_key(|e| e.0);
            if churn_here.is_some() {
                break;
            }
        }
        let mut kept = 0;
        for k in 0..s.renewals.len() {
            let e = s.renewals[k];
            if self.visible_day(r, day + e.0) {
                s.renewals[kept] = (day + e.0, e.1, e.2);
                kept += 1;
            }
        }
        s.renewals.truncate(kept);
    }

    /// Adoption snapshots up to day `end` (weekly-ish for four months, sparser after);
    /// returns the utilisation curve health follows.
    fn adoption(&self, r: &mut Rng, s: &mut Sim, seg: Seg, good: f64, end: i64) -> Utilisation {
        let (day, close_us) = (s.close_day, s.close_us);
        let kickoff = s
            .handoff
            .and_then(|h| h.events[4])
            .map_or(12.0, |t| (t - close_us) as f64 / DAY_US_F)
            .clamp(0.0, 40.0);
        let ceiling = (0.45 + 0.30 * good + 0.10 * r.normal()).clamp(0.05, 0.98);
        let tau = 15.0 + 35.0 * (1.0 - good);
        let util = Utilisation {
            kickoff,
            ceiling,
            tau,
            churn_day: s.churn_day,
        };
        let seats = ((s.acv / r.lognormal(seg.seat_price().ln(), 0.25)).round() as i64).max(1);
        let mut d = r.int(1, 5);
        while d <= end {
            let u = (util.at(d as f64) + 0.04 * r.normal()).clamp(0.0, 1.0);
            let active = ((u * seats as f64).round() as i64).clamp(0, seats);
            s.adoption.push((day + d, active, seats));
            d += if d <= 120 {
                r.int(5, 10)
            } else {
                r.int(45, 120)
            };
        }
        util
    }

    /// Health snapshots (fortnightly, then sparser): they follow handoff quality and
    /// utilisation, fall before a churn and dip after an ownership change.
    fn health(
        &self,
        r: &mut Rng,
        s: &mut Sim,
        util: &Utilisation,
        end: i64,
        good: f64,
        transition: Option<TransitionRow>,
    ) {
        let (day, close_us, churn_day) = (s.close_day, s.close_us, s.churn_day);
        let tr_day = transition.map(|t| ((t.at - close_us) as f64 / DAY_US_F, t.planned));
        let mut d = r.int(3, 14);
        while d <= end {
            let df = d as f64;
            let mut h = 52.0 + 22.0 * good + 15.0 * (util.at(df) - 0.4) + 8.0 * r.normal();
            if let Some(c) = churn_day {
                let from = c as f64 - 150.0;
                if df > from {
                    h -= 25.0 * ((df - from) / 150.0).min(1.0);
                }
            }
            if let Some((t, planned)) = tr_day {
                if df > t {
                    let depth = if planned { 4.0 } else { 12.0 };
                    h -= depth * (-(df - t) / 40.0).exp();
                }
            }
            s.health.push((day + d, round1(h.clamp(0.0, 100.0))));
            d += if d <= 120 {
                r.int(10, 18)
            } else {
                r.int(75, 150)
            };
        }
    }

    /// CSAT (around day 30 and day 90) and NPS, lower after poor handoffs and before a churn.
    fn surveys(&self, r: &mut Rng, s: &mut Sim, good: f64, q: f64) {
        let (day, close_us, churn_day) = (s.close_day, s.close_us, s.churn_day);
        let churn_soon = f64::from(u8::from(churn_day.is_some_and(|c| c <= 365)));
        let waves: [(&str, f64, f64, f64); 4] = [
            ("csat", 15.0, 50.0, 0.62),
            ("csat", 70.0, 115.0, 0.55),
            ("nps", 35.0, 110.0, 0.50),
            ("nps", 150.0, 400.0, 0.40),
        ];
        for (kind, lo, hi, p) in waves {
            if !r.bernoulli(p) {
                continue;
            }
            let off = r.range(lo, hi);
            if !alive_at(churn_day, off) {
                continue;
            }
            let t = if r.bernoulli(0.1) {
                (day + off as i64) * DAY_US
            } else {
                stamp(r, close_us + days_to_us(off))
            };
            let score = if kind == "csat" {
                (3.2 + 1.3 * good - 0.4 * churn_soon + 0.15 * q + 0.8 * r.normal())
                    .round()
                    .clamp(1.0, 5.0)
            } else {
                (6.3 + 3.0 * good - 0.8 * churn_soon + 0.3 * q + 1.7 * r.normal())
                    .round()
                    .clamp(0.0, 10.0)
            };
            if self.visible_us(r, t) {
                s.surveys.push((t, kind, score));
            }
        }
    }
}

/// First-year churn falls with the handoff score (times the segment factor); later years
/// churn less. In days after the close.
fn churn(r: &mut Rng, score: f64, seg: Seg) -> Option<i64> {
    let p1 = (0.11 + 0.17 * ((92.0 - score) / 37.0).clamp(0.0, 1.15)) * seg.churn_factor();
    if r.bernoulli(p1) {
        Some(if r.bernoulli(0.4) {
            r.int(30, 300)
        } else {
            r.int(301, 365)
        })
    } else if r.bernoulli(0.5 * p1) {
        Some(365 + r.int(30, 365))
    } else if r.bernoulli(0.4 * p1) {
        Some(730 + r.int(30, 365))
    } else {
        None
    }
}
