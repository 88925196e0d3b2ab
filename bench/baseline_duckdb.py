#!/usr/bin/env python3
"""DuckDB baseline for the benchmark (docs/BENCHMARKS.md): an independent implementation,
in DuckDB SQL, of the core of `handoff report`'s monthly metrics.json over the Parquet
inputs that `handoff generate --format parquet` writes.

Covered (METRICS.md §4, each under the same key path as ours): cohort sizes; quality mean,
median and band counts; SLA met/missed/pending/rate per activity; completion; CS
acceptance; information completeness; time to first value by segment, ACV band and
quality band (descriptive statistics and Kaplan-Meier); utilisation and health at day
30/60/90 by band and segment; first-year churn and expansion by band with Wilson
intervals, crude and segment-adjusted (Mantel-Haenszel) relative risk and ARR at stake;
CSAT by band and wave and NPS by band. Every join, filter and aggregation is SQL; Python
only walks the Kaplan-Meier life tables that SQL produced (a running product, which SQL
cannot take in a fixed left-to-right order), turns the churn counts SQL produced into
risk ratios (closed formulas, _common.churn_effects) and writes JSON.

Assumes typed Parquet inputs as the generator writes them (no CSV or text parsing, no
rejected rows) and the default configuration (SLA deadlines, first-value targets, ACV
edges, required info fields, churn lookback).

Usage: baseline_duckdb.py --data DIR --out FILE.json [--as-of YYYY-MM-DD] [--period YYYY-MM]
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import duckdb  # noqa: E402
import numpy as np  # noqa: E402

import _common as c  # noqa: E402


def text(col: str) -> str:
    """METRICS.md §3 text: trimmed, blank = missing."""
    return f"nullif(trim({col}), '')"


def vocab(col: str) -> str:
    """Fixed vocabularies compare lowercased, with spaces and '-' read as '_'."""
    return f"replace(replace(lower(trim({col})), ' ', '_'), '-', '_')"


def status(t: str, d: str, a_us: int) -> str:
    """METRICS.md §4.2 status of event time t (µs, null = none) against deadline d (µs)."""
    return (
        f"CASE WHEN {t} IS NOT NULL AND {t} <= {d} THEN 'met' "
        f"WHEN {t} IS NOT NULL OR {d} < {a_us} THEN 'missed' ELSE 'pending' END"
    )


def main() -> None:
    p, out = c.parse_args("DuckDB")
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    A = p.a_us

    # ---- deals: duplicates (first row wins) -> after as-of -> later deals of an account.
    seg_key = "lower(regexp_replace(segment, '[ /\\t-]', '', 'g'))"
    con.execute(f"""
    CREATE TEMP TABLE deals AS
    WITH raw AS (
      SELECT {text('deal_id')} AS deal_id, {text('account_id')} AS account_id,
             {seg_key} AS seg_key, acv, epoch_us(closed_at) AS c_us, file_row_number AS rn
      FROM read_parquet('{p.path('deals')}', file_row_number = true)
      WHERE {text('deal_id')} IS NOT NULL AND {text('account_id')} IS NOT NULL
        AND {text('segment')} IS NOT NULL AND {text('sales_rep')} IS NOT NULL
        AND acv >= 0 AND closed_at IS NOT NULL
    ), dedup AS (
      SELECT * FROM raw QUALIFY row_number() OVER (PARTITION BY deal_id ORDER BY rn) = 1
    ), live AS (
      SELECT * FROM dedup WHERE c_us < {A}
      QUALIFY row_number() OVER (PARTITION BY account_id ORDER BY c_us, rn) = 1
    )
    SELECT deal_id, account_id, acv, c_us, rn,
           CAST(floor(c_us / {c.MICROS_PER_DAY}) AS INTEGER) AS c_day,
           CASE WHEN seg_key IN ('enterprise', 'ent') THEN 'enterprise'
                WHEN seg_key IN ('midmarket', 'mm', 'mid_market') THEN 'mid_market'
                WHEN seg_key IN ('smb', 'smbselfserve', 'selfserve', 'smallbusiness') THEN 'smb'
                WHEN seg_key IN ('strategic', 'hightouch', 'strategichightouch') THEN 'strategic'
                ELSE 'other' END AS segment
    FROM live
    """)

    # ---- handoffs of kept deals: first record per deal and per handoff id; events < A.
    ev_cols = ",\n".join(
        f"CASE WHEN epoch_us({f}) < {A} THEN epoch_us({f}) END AS {a}_at"
        for a, (f, _) in c.SLA_FIELDS.items()
    )
    doc_cols = ", ".join(f"CAST({f} AS DOUBLE) AS {f}" for f, _ in c.SCORE_WEIGHTS)
    info_cols = ", ".join(f"{text(f)} IS NOT NULL AS {f}_filled" for f in c.INFO_FIELDS)
    con.execute(f"""
    CREATE TEMP TABLE handoffs AS
    SELECT h.deal_id, {ev_cols}, {doc_cols}, {info_cols},
           {vocab('cs_acceptance')} AS cs_acceptance
    FROM (SELECT *, {text('deal_id')} AS deal_id_t, file_row_number AS rn
          FROM read_parquet('{p.path('handoffs')}', file_row_number = true)
          WHERE {text('handoff_id')} IS NOT NULL) h
    SEMI JOIN deals d ON d.deal_id = h.deal_id_t
    QUALIFY row_number() OVER (PARTITION BY deal_id_t ORDER BY rn) = 1
        AND row_number() OVER (PARTITION BY trim(handoff_id) ORDER BY rn) = 1
    """)

    # ---- earliest first_value milestone per account, before A.
    con.execute(f"""
    CREATE TEMP TABLE first_value AS
    SELECT {text('account_id')} AS account_id, min(epoch_us(achieved_at)) AS fv_us
    FROM read_parquet('{p.path('milestones')}')
    WHERE {vocab('milestone')} = 'first_value' AND epoch_us(achieved_at) < {A}
    GROUP BY 1
    """)

    # ---- the fact table: statuses, completion, score, band, completeness, TTFV.
    due = {a: f"(d.c_us + {h * 3_600_000_000})" for a, (_, h) in c.SLA_FIELDS.items()}
    fv_days = " ".join(f"WHEN '{s}' THEN {n}" for s, n in c.FIRST_VALUE_DAYS.items())
    due["first_value"] = f"(d.c_us + (CASE d.segment {fv_days} END) * {c.MICROS_PER_DAY})"
    at = {a: f"h.{a}_at" for a in c.SLA_FIELDS}
    at["first_value"] = "m.fv_us"
    statuses = ",\n".join(f"{status(at[a], due[a], A)} AS st_{a}" for a in c.ACTIVITIES)
    score = " + ".join(["0.0"] + [f"{w} * coalesce(h.{f}, 0.0)" for f, w in c.SCORE_WEIGHTS])
    filled = " + ".join(f"CAST(coalesce(h.{f}_filled, false) AS INTEGER)" for f in c.INFO_FIELDS)
    info_flags = ", ".join(f"coalesce(h.{f}_filled, false) AS {f}_filled" for f in c.INFO_FIELDS)
    e0, e1, e2 = c.ACV_EDGES
    con.execute(f"""
    CREATE TEMP TABLE facts AS
    WITH s AS (
      SELECT d.deal_id, d.account_id, d.segment, d.acv, d.c_us, d.c_day,
             h.deal_id IS NOT NULL AS has_handoff, h.cs_acceptance,
             {statuses},
             {score} AS base_score,
             CASE WHEN h.deal_id IS NOT NULL THEN 100.0 * ({filled}) / {len(c.INFO_FIELDS)} END
               AS completeness,
             {info_flags},
             CAST(m.fv_us - d.c_us AS DOUBLE) / {c.MICROS_PER_DAY} AS ttfv,
             CAST({A} - d.c_us AS DOUBLE) / {c.MICROS_PER_DAY} AS followup
      FROM deals d
      LEFT JOIN handoffs h ON h.deal_id = d.deal_id
      LEFT JOIN first_value m ON m.account_id = d.account_id
    ), q AS (
      SELECT *, base_score + 15.0 * CAST(st_knowledge_transfer = 'met' AS DOUBLE)
                           + 5.0 * CAST(st_intro = 'met' AS DOUBLE) AS score
      FROM s
    )
    SELECT *,
      CASE WHEN score >= 90 THEN 'excellent' WHEN score >= 80 THEN 'good'
           WHEN score >= 70 THEN 'acceptable' ELSE 'substandard' END AS band,
      CASE WHEN st_knowledge_transfer = 'missed' OR st_kickoff_scheduled = 'missed'
                OR st_first_value = 'missed' THEN 'incomplete'
           WHEN st_knowledge_transfer = 'met' AND st_kickoff_scheduled = 'met'
                AND st_first_value = 'met' THEN 'complete'
           ELSE 'pending' END AS completion,
      CASE WHEN acv < {e0} THEN '{c.ACV_BANDS[0]}' WHEN acv < {e1} THEN '{c.ACV_BANDS[1]}'
           WHEN acv < {e2} THEN '{c.ACV_BANDS[2]}' ELSE '{c.ACV_BANDS[3]}' END AS acv_band,
      c_day BETWEEN {p.p_start} AND {p.p_end} AS in_period,
      c_day BETWEEN {p.trailing_start} AND {p.p_end} AS in_trailing,
      c_day BETWEEN {p.mature_lo} AND {p.mature_hi} AS in_mature
    FROM q
    """)

    res: dict = {}
    n_period, n_trailing, n_mature, n_all = con.execute(
        "SELECT count(*) FILTER (in_period), count(*) FILTER (in_trailing),"
        " count(*) FILTER (in_mature), count(*) FROM facts"
    ).fetchone()
    res["cohort"] = {"period_deals": n_period, "trailing_deals": n_trailing, "mature_deals": n_mature,
                     "survival_deals": n_all}

    # ---- period cohort: quality, SLA, completion, acceptance, completeness.
    sla_aggs = ", ".join(
        f"count(*) FILTER (st_{a} = '{s}')" for a in c.ACTIVITIES for s in ("met", "missed", "pending")
    )
    fill_aggs = ", ".join(f"count(*) FILTER (has_handoff AND {f}_filled)" for f in c.INFO_FIELDS)
    row = con.execute(f"""
    SELECT avg(score), quantile_cont(score, 0.5),
           {", ".join(f"count(*) FILTER (band = '{b}')" for b in c.BANDS)},
           {", ".join(f"count(*) FILTER (completion = '{s}')" for s in ("complete", "incomplete", "pending"))},
           {sla_aggs},
           {", ".join(f"count(*) FILTER (cs_acceptance = '{s}')" for s in ("accepted", "rejected", "needs_revision"))},
           avg(completeness), count(*) FILTER (has_handoff), {fill_aggs}
    FROM facts WHERE in_period
    """).fetchone()
    it = iter(row)
    res["quality"] = {"mean": c.num(next(it)), "median": c.num(next(it)),
                      "bands": {b: next(it) for b in c.BANDS}}
    done, undone, pend = next(it), next(it), next(it)
    rate = done / (done + undone) if done + undone else None
    res["completion"] = {"complete": done, "incomplete": undone, "pending": pend, "rate": rate,
                         "alert": rate is not None and rate < c.COMPLETION_TARGET,
                         "target": c.COMPLETION_TARGET}
    res["sla"] = {}
    for a in c.ACTIVITIES:
        met, missed, pending = next(it), next(it), next(it)
        res["sla"][a] = {"met": met, "missed": missed, "pending": pending,
                         "rate": met / (met + missed) if met + missed else None}
    acc, rej, rev = next(it), next(it), next(it)
    res["acceptance"] = {"accepted": acc, "rejected": rej, "needs_revision": rev,
                         "rate": acc / (acc + rej + rev) if acc + rej + rev else None}
    mean_compl, records = next(it), next(it)
    res["completeness"] = {"mean": c.num(mean_compl), "handoff_records": records,
                           "fields": {f: (k / records if records else None)
                                      for f, k in zip(c.INFO_FIELDS, it)}}

    # ---- trailing cohort: TTFV statistics and Kaplan-Meier life tables per group.
    groupings = [("by_segment", "segment", c.SEGMENTS), ("by_acv_band", "acv_band", c.ACV_BANDS),
                 ("by_quality_band", "band", c.BANDS)]
    union = " UNION ALL ".join(
        f"SELECT '{k}' AS grouping, {col} AS grp, ttfv, coalesce(ttfv, followup) AS t,"
        f" ttfv IS NOT NULL AS event FROM facts WHERE in_trailing"
        for k, col, _ in groupings
    )
    con.execute(f"CREATE TEMP TABLE tt AS {union}")
    stats = con.execute("""
    SELECT grouping, grp, count(*), count(ttfv), avg(ttfv),
           quantile_cont(ttfv, [0.5, 0.25, 0.75, 0.9])
    FROM tt GROUP BY ALL
    """).fetchall()
    life = con.execute("""
    WITH per_t AS (
      SELECT grouping, grp, t, count(*) FILTER (event) AS d, count(*) AS n_t
      FROM tt GROUP BY ALL
    ), risk AS (
      SELECT *, sum(n_t) OVER (PARTITION BY grouping, grp ORDER BY t DESC
                               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS at_risk
      FROM per_t
    )
    SELECT grouping, grp, t, CAST(d AS DOUBLE) AS d, CAST(at_risk AS DOUBLE) AS at_risk
    FROM risk WHERE d > 0 ORDER BY grouping, grp, t
    """).fetchnumpy()
    res["ttfv"] = {}
    for key, _, order in groupings:
        found = {r[1]: r for r in stats if r[0] == key}
        groups = {}
        for g in [g for g in order if g in found] + sorted(set(found) - set(order)):
            _, _, n, reached, mean, qs = found[g]
            sel = (life["grouping"] == key) & (life["grp"] == g)
            km = c.km_from_life_table(life["t"][sel], life["d"][sel], life["at_risk"][sel])
            q = qs if qs is not None else [None] * 4
            groups[g] = {"n": n, "reached": reached, "mean": c.num(mean), "median": c.num(q[0]),
                         "p25": c.num(q[1]), "p75": c.num(q[2]), "p90": c.num(q[3]), **km}
        res["ttfv"][key] = groups

    # ---- trailing cohort: latest snapshot in [N - w, N] days after date(C), N = 30/60/90.
    for name, table, value, width in [
        ("adoption", "adoption", "CAST(active_users AS DOUBLE) / CAST(licensed_seats AS DOUBLE)",
         c.ADOPTION_WIDTH),
        ("health", "health", "CAST(health_score AS DOUBLE)", c.HEALTH_WIDTH),
    ]:
        picks = ",\n".join(
            f"arg_max(v, k) FILTER (off BETWEEN {n - width} AND {n}) AS v{n}" for n in c.SNAPSHOT_DAYS
        )
        con.execute(f"""
        CREATE OR REPLACE TEMP TABLE snap AS
        WITH tr AS (
          SELECT deal_id, account_id, c_day, band, segment FROM facts
          WHERE in_trailing AND c_day + {c.SNAPSHOT_DAYS[0]} <= {p.as_of_day}
        ), s AS (
          SELECT {text('account_id')} AS account_id,
                 CAST(snapshot_date - DATE '1970-01-01' AS INTEGER) AS day,
                 {value} AS v, file_row_number AS rn
          FROM read_parquet('{p.path(table)}', file_row_number = true)
          WHERE snapshot_date <= DATE '{p.as_of.isoformat()}'
        )
        SELECT tr.deal_id, any_value(tr.c_day) AS c_day, any_value(tr.band) AS band,
               any_value(tr.segment) AS segment,
               {picks}
        FROM (
          SELECT tr.*, s.v, CAST(s.day AS BIGINT) * 10000000000 + s.rn AS k, s.day - tr.c_day AS off
          FROM tr JOIN s ON s.account_id = tr.account_id
        ) tr
        WHERE off BETWEEN {c.SNAPSHOT_DAYS[0] - width} AND {c.SNAPSHOT_DAYS[-1]}
        GROUP BY tr.deal_id
        """)
        section = {}
        for n in c.SNAPSHOT_DAYS:
            day = {}
            for key, col, order in [("by_band", "band", c.BANDS), ("by_segment", "segment", c.SEGMENTS)]:
                rows = con.execute(f"""
                SELECT {col}, count(v{n}), avg(v{n}) FROM snap
                WHERE v{n} IS NOT NULL AND c_day + {n} <= {p.as_of_day} GROUP BY 1
                """).fetchall()
                found = {r[0]: r for r in rows}
                day[key] = {g: {"n": found[g][1], "mean": c.num(found[g][2])}
                            for g in [g for g in order if g in found] + sorted(set(found) - set(order))}
            section[f"day_{n}"] = day
        res[name] = section

    # ---- mature cohort: first-year churn and expansion (event date in (date(C), date(C)+365]).
    def wilson(k: str) -> str:
        """k, rate and the Wilson score interval (clamped to [0, 1]) for k of n."""
        z, z2 = c.Z95, c.Z95 * c.Z95
        centre = f"(({k} / n + {z2} / (2 * n)) / (1 + {z2} / n))"
        half = f"({z} / (1 + {z2} / n) * sqrt(({k} / n) * (1 - {k} / n) / n + {z2} / (4 * n * n)))"
        return (f"{k}, {k} / n, greatest(0.0, least(1.0, {centre} - {half})),"
                f" greatest(0.0, least(1.0, {centre} + {half}))")

    con.execute(f"""
    CREATE TEMP TABLE mature AS
    WITH m AS (SELECT deal_id, account_id, c_day, band, segment, acv FROM facts WHERE in_mature),
    ev AS (
      SELECT {text('account_id')} AS account_id,
             CAST(event_date - DATE '1970-01-01' AS INTEGER) AS day, {vocab('event')} AS event
      FROM read_parquet('{p.path('renewals')}')
      WHERE event_date <= DATE '{p.as_of.isoformat()}'
    )
    SELECT m.deal_id, any_value(m.band) AS band, any_value(m.segment) AS segment,
           any_value(m.acv) AS acv,
           coalesce(bool_or(ev.event = 'churn' AND ev.day - m.c_day BETWEEN 1 AND 365), false) AS churned,
           coalesce(bool_or(ev.event = 'expansion' AND ev.day - m.c_day BETWEEN 1 AND 365), false)
             AS expanded
    FROM m LEFT JOIN ev ON ev.account_id = m.account_id
    GROUP BY m.deal_id
    """)
    rows = con.execute(f"""
    WITH by_band AS (
      SELECT band, CAST(count(*) AS DOUBLE) AS n,
             CAST(count(*) FILTER (churned) AS DOUBLE) AS kc,
             CAST(count(*) FILTER (expanded) AS DOUBLE) AS ke
      FROM mature GROUP BY band
    )
    SELECT band, n, {wilson('kc')}, {wilson('ke')} FROM by_band
    """).fetchall()
    found = {r[0]: r for r in rows}
    res["churn"] = {"by_band": {}}
    res["expansion"] = {"by_band": {}}
    for b in [b for b in c.BANDS if b in found]:
        _, n, kc, rc, lc, hc, ke, re_, le, he = found[b]
        low = n < c.LOW_SAMPLE
        res["churn"]["by_band"][b] = {"n": int(n), "churned": int(kc), "rate": rc, "ci_low": lc,
                                      "ci_high": hc, "low_sample": low}
        res["expansion"]["by_band"][b] = {"n": int(n), "expanded": int(ke), "rate": re_, "ci_low": le,
                                          "ci_high": he, "low_sample": low}
    cells = {(seg, band): (n, k) for seg, band, n, k in con.execute(
        "SELECT segment, band, count(*), count(*) FILTER (churned) FROM mature GROUP BY ALL"
    ).fetchall()}
    acv_sub = con.execute("SELECT coalesce(sum(acv), 0) FROM mature WHERE band = 'substandard'").fetchone()[0]
    res["churn"].update(c.churn_effects(cells, acv_sub))
    res["churn"]["n"] = n_mature

    # ---- trailing cohort: survey waves (days from date(C) to the response's date: 1-60 is
    # the day-30 wave, 61-120 the day-90 wave); per deal, wave and kind the latest response.
    con.execute(f"""
    CREATE TEMP TABLE waves AS
    WITH tr AS (SELECT deal_id, account_id, c_day, band FROM facts WHERE in_trailing),
    sv AS (
      SELECT {text('account_id')} AS account_id, epoch_us(responded_at) AS t_us,
             CAST(floor(epoch_us(responded_at) / {c.MICROS_PER_DAY}) AS INTEGER) AS day,
             {vocab('kind')} AS kind, CAST(score AS DOUBLE) AS score, file_row_number AS rn
      FROM read_parquet('{p.path('surveys')}', file_row_number = true)
      WHERE epoch_us(responded_at) < {A}
    ), j AS (
      SELECT tr.deal_id, tr.band, sv.kind, sv.score, sv.t_us, sv.rn,
             CASE WHEN sv.day - tr.c_day BETWEEN 1 AND 60 THEN 30
                  WHEN sv.day - tr.c_day BETWEEN 61 AND 120 THEN 90 END AS wave
      FROM tr JOIN sv ON sv.account_id = tr.account_id
      WHERE sv.day - tr.c_day BETWEEN 1 AND 120
    )
    SELECT deal_id, band, kind, wave, score FROM j
    QUALIFY row_number() OVER (PARTITION BY deal_id, kind, wave ORDER BY t_us DESC, rn DESC) = 1
    """)
    sat = {}
    for wave in (30, 90):
        rows = con.execute(
            f"SELECT band, count(*), avg(score) FROM waves WHERE kind = 'csat' AND wave = {wave} GROUP BY 1"
        ).fetchall()
        found = {r[0]: r for r in rows}
        sat[f"csat_day_{wave}"] = {"by_band": {b: {"n": found[b][1], "mean": c.num(found[b][2])}
                                               for b in c.BANDS if b in found}}
    rows = con.execute("""
    SELECT band, count(*),
           100.0 * (CAST(count(*) FILTER (score >= 9) AS DOUBLE) / count(*)
                    - CAST(count(*) FILTER (score <= 6) AS DOUBLE) / count(*))
    FROM waves WHERE kind = 'nps' GROUP BY 1
    """).fetchall()
    found = {r[0]: r for r in rows}
    sat["nps"] = {"by_band": {b: {"n": found[b][1], "nps": found[b][2]} for b in c.BANDS if b in found}}
    res["satisfaction"] = sat

    c.write(out, res, "duckdb", duckdb.__version__, STARTED)


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
