//! The simulated company: segments (mix, ACV, time-to-value target, churn factor, seat
//! price), twelve sales reps in four teams and eight CSMs with a persistent skill, three
//! account managers, and who gets which deal.

use super::rng::{Rng, STREAM_COMPANY};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Seg {
    Smb,
    Mid,
    Ent,
    Strategic,
    Other,
}

pub(super) const SEG_WEIGHTS: [f64; 5] = [0.41, 0.30, 0.21, 0.05, 0.03];
pub(super) const SEGS: [Seg; 5] = [Seg::Smb, Seg::Mid, Seg::Ent, Seg::Strategic, Seg::Other];
pub(super) const OTHER_SEGMENTS: [&str; 3] = ["public_sector", "partner_channel", "education"];

/// Mean of the churn factor over the segment mix, so the factor averages one.
pub(super) const SEG_CHURN_NORM: f64 = 0.41 * 1.2 + 0.30 + 0.21 * 0.85 + 0.05 * 0.7 + 0.03 * 1.1;

impl Seg {
    pub(super) fn canonical(self) -> &'static str {
        match self {
            Seg::Smb => "smb",
            Seg::Mid => "mid_market",
            Seg::Ent => "enterprise",
            Seg::Strategic => "strategic",
            Seg::Other => "other",
        }
    }
    /// Lognormal (median, sigma) of ACV.
    pub(super) fn acv(self) -> (f64, f64) {
        match self {
            Seg::Smb => (16_000.0, 0.35),
            Seg::Mid => (55_000.0, 0.40),
            Seg::Ent => (200_000.0, 0.40),
            Seg::Strategic => (750_000.0, 0.35),
            Seg::Other => (40_000.0, 0.60),
        }
    }
    pub(super) fn ttfv_target(self) -> f64 {
        match self {
            Seg::Smb => 21.0,
            Seg::Mid | Seg::Other => 30.0,
            Seg::Ent => 45.0,
            Seg::Strategic => 60.0,
        }
    }
    pub(super) fn quality_effect(self) -> f64 {
        match self {
            Seg::Smb => -0.15,
            Seg::Mid => 0.0,
            Seg::Ent => 0.2,
            Seg::Strategic => 0.35,
            Seg::Other => -0.1,
        }
    }
    pub(super) fn churn_factor(self) -> f64 {
        let f = match self {
            Seg::Smb => 1.2,
            Seg::Mid => 1.0,
            Seg::Ent => 0.85,
            Seg::Strategic => 0.7,
            Seg::Other => 1.1,
        };
        f / SEG_CHURN_NORM
    }
    pub(super) fn seat_price(self) -> f64 {
        match self {
            Seg::Smb => 650.0,
            Seg::Mid | Seg::Other => 850.0,
            Seg::Ent => 1_050.0,
            Seg::Strategic => 1_300.0,
        }
    }
    pub(super) fn go_live_share(self) -> f64 {
        match self {
            Seg::Smb => 0.25,
            Seg::Mid => 0.45,
            Seg::Ent => 0.7,
            Seg::Strategic => 0.8,
            Seg::Other => 0.4,
        }
    }
    pub(super) fn enterprise_pod(self) -> bool {
        matches!(self, Seg::Ent | Seg::Strategic)
    }
}

pub(super) struct Person {
    pub(super) name: String,
    pub(super) team: &'static str,
    pub(super) region: &'static str,
    pub(super) skill: f64,
    /// First day of work relative to the window start (negative: hired before it).
    pub(super) start: i64,
}

pub(super) struct Company {
    pub(super) reps: Vec<Person>,
    pub(super) csms: Vec<Person>,
    pub(super) ams: Vec<String>,
}

pub(super) const TEAMS: [(&str, &str); 4] = [
    ("Team A", "NA"),
    ("Team B", "NA"),
    ("Team C", "EMEA"),
    ("Team D", "APAC"),
];

pub(super) const REGIONS: [&str; 4] = ["NA", "EMEA", "APAC", "LATAM"];

pub(super) const REP_STARTS: [i64; 12] = [
    -400, -700, -200, -900, -300, -500, -150, -600, -250, 300, 550, 800,
];

pub(super) const ENTERPRISE_CSMS: usize = 3;

impl Company {
    pub(super) fn new(seed: u64) -> Self {
        let mut r = Rng::derive(seed, STREAM_COMPANY, 0);
        let reps = (0..REP_STARTS.len())
            .map(|k| Person {
                name: format!("rep_{:02}", k + 1),
                team: TEAMS[k % 4].0,
                region: TEAMS[k % 4].1,
                skill: 0.8 * r.normal(),
                start: REP_STARTS[k],
            })
            .collect();
        let csms = (0..8)
            .map(|k| Person {
                name: format!("csm_{:02}", k + 1),
                team: if k < ENTERPRISE_CSMS {
                    "Enterprise CS"
                } else {
                    "Scale CS"
                },
                region: "",
                skill: 0.5 * r.normal(),
                start: -1000,
            })
            .collect();
        let ams = (0..3).map(|k| format!("am_{:02}", k + 1)).collect();
        Company { reps, csms, ams }
    }

    /// A rep among those hired by `rel_day` (days since the window start).
    pub(super) fn pick_rep(&self, r: &mut Rng, rel_day: i64) -> usize {
        let active = self.reps.iter().filter(|p| p.start <= rel_day).count();
        let mut k = r.below(active.max(1));
        for (i, p) in self.reps.iter().enumerate() {
            if p.start <= rel_day {
                if k == 0 {
                    return i;
                }
                k -= 1;
            }
        }
        0
    }

    pub(super) fn pick_csm(&self, r: &mut Rng, seg: Seg) -> usize {
        if seg.enterprise_pod() {
            r.below(ENTERPRISE_CSMS)
        } else {
            ENTERPRISE_CSMS + r.below(self.csms.len() - ENTERPRISE_CSMS)
        }
    }
}

/// Owner references in a transition: index into reps, then csms, then ams.
pub(super) fn owner_name(co: &Company, k: usize) -> &str {
    let (nr, nc) = (co.reps.len(), co.csms.len());
    if k < nr {
        &co.reps[k].name
    } else if k < nr + nc {
        &co.csms[k - nr].name
    } else {
        co.ams.get(k - nr - nc).map_or("", |s| s.as_str())
    }
}
