//! The driver: simulate each deal, then write its rows, one table at a time in the order of
//! `schema::TABLES` and each row in the schema's column order.

use anyhow::Result;

use super::cells::{opt_f, opt_s, opt_t, V};
use super::company::owner_name;
use super::deal::{Model, Sim};
use super::rng::{Rng, STREAM_FORMAT};
use super::sinks::Table;
use super::GenerateOptions;
use crate::schema::{self, TABLES};

/// Whether two names are the same (`const`, for [`table_index`]).
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The position of table `name` in `schema::TABLES`, where [`super::generate`] opens it
/// (a name not in the schema fails to compile).
const fn table_index(name: &str) -> usize {
    let mut i = 0;
    while i < TABLES.len() {
        if same(TABLES[i].name, name) {
            return i;
        }
        i += 1;
    }
    panic!("not a table of schema::TABLES")
}

const T_DEALS: usize = table_index(schema::DEALS);
const T_HANDOFFS: usize = table_index(schema::HANDOFFS);
const T_MILESTONES: usize = table_index(schema::MILESTONES);
const T_HEALTH: usize = table_index(schema::HEALTH);
const T_ADOPTION: usize = table_index(schema::ADOPTION);
const T_RENEWALS: usize = table_index(schema::RENEWALS);
const T_SURVEYS: usize = table_index(schema::SURVEYS);
const T_TRANSITIONS: usize = table_index(schema::TRANSITIONS);

/// The model and the open tables, indexed as `schema::TABLES`.
pub(super) struct Generator {
    model: Model,
    pub(super) tables: Vec<Table>,
    sim: Sim,
}

impl Generator {
    pub(super) fn new(opts: &GenerateOptions, tables: Vec<Table>) -> Self {
        Generator {
            model: Model::new(opts.seed, opts.as_of),
            tables,
            sim: Sim::default(),
        }
    }

    pub(super) fn run(&mut self, deals: usize) -> Result<()> {
        for i in 0..deals as u64 {
            self.model.simulate(i, &mut self.sim);
            self.emit(i)?;
        }
        Ok(())
    }

    fn emit(&mut self, i: u64) -> Result<()> {
        let mut fmt = Rng::derive(self.model.seed, STREAM_FORMAT, i);
        let s = &self.sim;
        let co = &self.model.company;
        let t = &mut self.tables;
        let rep = &co.reps[s.rep];
        t[T_DEALS].row(
            &[
                V::S(&s.deal_id),
                V::S(&s.account_id),
                if s.has_name { V::S(&s.name) } else { V::Null },
                V::S(s.seg_label),
                V::F(s.acv),
                V::T(s.close_us),
                V::S(&rep.name),
                V::S(rep.team),
                opt_s(s.region),
            ],
            &mut fmt,
        )?;
        if let Some(h) = &s.handoff {
            let e = &s.written_events;
            let c = &h.checks;
            let info = &h.info;
            t[T_HANDOFFS].row(
                &[
                    V::S(&s.handoff_id),
                    V::S(&s.deal_id),
                    if h.csm {
                        V::S(&co.csms[s.csm].name)
                    } else {
                        V::Null
                    },
                    opt_t(e[0]),
                    opt_t(e[1]),
                    opt_t(e[2]),
                    opt_t(e[3]),
                    opt_t(e[4]),
                    opt_f(c[0]),
                    opt_f(c[1]),
                    opt_f(c[2]),
                    opt_f(c[3]),
                    opt_f(c[4]),
                    opt_f(c[5]),
                    opt_f(c[6]),
                    opt_s(h.acceptance),
                    h.rejections.map_or(V::Null, V::I),
                    opt_s(info[0]),
                    opt_s(info[1]),
                    opt_s(info[2]),
                    opt_s(info[3]),
                    opt_s(info[4]),
                    opt_s(info[5]),
                    opt_s(info[6]),
                ],
                &mut fmt,
            )?;
        }
        let acc = V::S(&s.account_id);
        for &(m, at) in &s.milestones {
            t[T_MILESTONES].row(&[acc, V::S(m), V::T(at)], &mut fmt)?;
        }
        for &(d, score) in &s.health {
            t[T_HEALTH].row(&[acc, V::D(d), V::F(score)], &mut fmt)?;
        }
        for &(d, active, seats) in &s.adoption {
            t[T_ADOPTION].row(&[acc, V::D(d), V::I(active), V::I(seats)], &mut fmt)?;
        }
        for &(d, event, delta) in &s.renewals {
            t[T_RENEWALS].row(&[acc, V::D(d), V::S(event), opt_f(delta)], &mut fmt)?;
        }
        for &(at, kind, score) in &s.surveys {
            t[T_SURVEYS].row(&[acc, V::T(at), V::S(kind), V::F(score)], &mut fmt)?;
        }
        for tr in &s.transitions {
            t[T_TRANSITIONS].row(
                &[
                    acc,
                    V::T(tr.at),
                    V::S(owner_name(co, tr.from)),
                    V::S(owner_name(co, tr.to)),
                    V::S(tr.kind),
                    V::B(tr.planned),
                    V::B(tr.joint),
                    V::F(tr.kt),
                    opt_f(tr.satisfaction),
                ],
                &mut fmt,
            )?;
        }
        Ok(())
    }
}
