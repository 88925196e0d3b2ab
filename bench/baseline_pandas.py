#!/usr/bin/env python3
"""pandas baseline for the benchmark (docs/BENCHMARKS.md): an independent implementation,
in pandas (reading Parquet with pyarrow), of the core of `handoff report`'s monthly
metrics.json over the Parquet inputs that `handoff generate --format parquet` writes.

It covers exactly what bench/baseline_duckdb.py covers, under the same key paths: cohort
sizes; quality mean, median and band counts; SLA met/missed/pending/rate per activity;
completion; CS acceptance; information completeness; time to first value by segment, ACV
band and quality band (descriptive statistics and Kaplan-Meier); utilisation and health
at day 30/60/90 by band and segment; first-year churn and expansion by band with Wilson
intervals, crude and segment-adjusted (Mantel-Haenszel) relative risk and ARR at stake;
CSAT by band and wave and NPS by band. Written as a pandas user would: vectorised frame operations, merges and
group-bys, no Python loops over rows.

Assumes typed Parquet inputs as the generator writes them (no CSV or text parsing, no
rejected rows) and the default configuration.

Usage: baseline_pandas.py --data DIR --out FILE.json [--as-of YYYY-MM-DD] [--period YYYY-MM]
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import _common as c  # noqa: E402

SEGMENT_KEYS = {
    "enterprise": "enterprise", "ent": "enterprise",
    "midmarket": "mid_market", "mm": "mid_market", "mid_market": "mid_market",
    "smb": "smb", "smbselfserve": "smb", "selfserve": "smb", "smallbusiness": "smb",
    "strategic": "strategic", "hightouch": "strategic", "strategichightouch": "strategic",
}


def read(p: c.Params, table: str, columns: list[str]) -> pd.DataFrame:
    """One input table; dates as datetime64, not Python objects; the index is the file row."""
    return pd.read_parquet(p.path(table), columns=columns,
                           to_pandas_kwargs={"date_as_object": False})


def text(s: pd.Series) -> pd.Series:
    """METRICS.md §3 text: trimmed, blank = missing."""
    s = s.str.strip()
    return s.where(s != "")


def vocab(s: pd.Series) -> pd.Series:
    return s.str.strip().str.lower().str.replace(" ", "_").str.replace("-", "_")


def micros(s: pd.Series) -> np.ndarray:
    """µs since the epoch as float64 (exact below 2**53), NaN for missing."""
    v = s.dt.tz_localize(None).dt.as_unit("us").to_numpy()
    out = v.view("int64").astype("float64")
    out[np.isnat(v)] = np.nan
    return out


def days(s: pd.Series) -> np.ndarray:
    """Days since the epoch of a date column."""
    return s.to_numpy().astype("datetime64[D]").view("int64")


def status(t: np.ndarray, d: np.ndarray, a_us: int) -> np.ndarray:
    """METRICS.md §4.2 status of event time t (NaN = none) against deadline d."""
    has = ~np.isnan(t)
    return np.select([has & (t <= d), has | (d < a_us)], ["met", "missed"], "pending")


def rate(k, n):
    return k / n if n else None


def ordered(found, order):
    return [g for g in order if g in found] + sorted(set(found) - set(order))


def wilson(k: int, n: int):
    p = k / n
    z2 = c.Z95 * c.Z95
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = c.Z95 / denom * np.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return min(1.0, max(0.0, centre - half)), min(1.0, max(0.0, centre + half))


def main() -> None:
    p, out = c.parse_args("pandas")
    A = p.a_us

    # ---- deals: duplicates (first row wins) -> after as-of -> later deals of an account.
    d = read(p, "deals", ["deal_id", "account_id", "segment", "acv", "closed_at", "sales_rep"])
    for col in ("deal_id", "account_id", "segment", "sales_rep"):
        d[col] = text(d[col])
    d = d[d[["deal_id", "account_id", "segment", "sales_rep", "closed_at"]].notna().all(axis=1)
          & (d["acv"] >= 0)]
    d = d[~d["deal_id"].duplicated()]
    d = d.assign(c_us=micros(d["closed_at"]))
    d = d[d["c_us"] < A]
    d = d.sort_values("c_us", kind="stable")  # stable: ties keep file order
    d = d[~d["account_id"].duplicated()].sort_index()
    seg_key = d["segment"].str.replace(r"[ /\t-]", "", regex=True).str.lower()
    d = pd.DataFrame({
        "deal_id": d["deal_id"], "account_id": d["account_id"],
        "segment": seg_key.map(SEGMENT_KEYS).fillna("other").astype(str),
        "acv": d["acv"], "c_us": d["c_us"],
        "c_day": np.floor(d["c_us"] / c.MICROS_PER_DAY).astype("int64"),
    })

    # ---- handoffs of kept deals: first record per deal and per handoff id; events < A.
    cols = (["handoff_id", "deal_id", "cs_acceptance"] + [f for f, _ in c.SLA_FIELDS.values()]
            + [f for f, _ in c.SCORE_WEIGHTS] + c.INFO_FIELDS)
    h = read(p, "handoffs", cols)
    h["deal_id"] = text(h["deal_id"])
    h["handoff_id"] = text(h["handoff_id"])
    h = h[h["handoff_id"].notna() & h["deal_id"].isin(d["deal_id"])]
    h = h[~h["deal_id"].duplicated() & ~h["handoff_id"].duplicated()]
    hf = pd.DataFrame({"deal_id": h["deal_id"], "has_handoff": True,
                       "cs_acceptance": vocab(h["cs_acceptance"])})
    for a, (f, _) in c.SLA_FIELDS.items():
        t = micros(h[f])
        t[t >= A] = np.nan
        hf[f"{a}_at"] = t
    for f, _ in c.SCORE_WEIGHTS:
        hf[f] = h[f].astype("float64")
    for f in c.INFO_FIELDS:
        hf[f"{f}_filled"] = text(h[f]).notna()

    # ---- earliest first_value milestone per account, before A.
    m = read(p, "milestones", ["account_id", "milestone", "achieved_at"])
    m = pd.DataFrame({"account_id": text(m["account_id"]), "name": vocab(m["milestone"]),
                      "t": micros(m["achieved_at"])})
    fv = (m[(m["name"] == "first_value") & (m["t"] < A)]
          .groupby("account_id", as_index=False)["t"].min().rename(columns={"t": "fv_us"}))

    # ---- the fact table: statuses, completion, score, band, completeness, TTFV.
    f = d.merge(hf, on="deal_id", how="left").merge(fv, on="account_id", how="left")
    f["has_handoff"] = f["has_handoff"].fillna(False).astype(bool)
    c_us = f["c_us"].to_numpy()
    for a, (_, hours) in c.SLA_FIELDS.items():
        f[f"st_{a}"] = status(f[f"{a}_at"].to_numpy(), c_us + hours * 3_600_000_000, A)
    fv_due = c_us + f["segment"].map(c.FIRST_VALUE_DAYS).to_numpy() * c.MICROS_PER_DAY
    f["st_first_value"] = status(f["fv_us"].to_numpy(), fv_due, A)
    score = pd.Series(0.0, index=f.index)
    for col, w in c.SCORE_WEIGHTS:
        score = score + w * f[col].fillna(0.0)
    score = (score + 15.0 * (f["st_knowledge_transfer"] == "met").astype("float64")
             + 5.0 * (f["st_intro"] == "met").astype("float64"))
    f["score"] = score
    f["band"] = np.select([score >= 90, score >= 80, score >= 70],
                          ["excellent", "good", "acceptable"], "substandard")
    gates = f[["st_knowledge_transfer", "st_kickoff_scheduled", "st_first_value"]]
    f["completion"] = np.select([(gates == "missed").any(axis=1), (gates == "met").all(axis=1)],
                                ["incomplete", "complete"], "pending")
    filled = sum(f[f"{x}_filled"].fillna(False).astype("int64") for x in c.INFO_FIELDS)
    f["completeness"] = (100.0 * filled / len(c.INFO_FIELDS)).where(f["has_handoff"])
    e0, e1, e2 = c.ACV_EDGES
    f["acv_band"] = np.select([f["acv"] < e0, f["acv"] < e1, f["acv"] < e2],
                              c.ACV_BANDS[:3], c.ACV_BANDS[3])
    f["ttfv"] = (f["fv_us"] - f["c_us"]) / c.MICROS_PER_DAY
    f["followup"] = (A - f["c_us"]) / c.MICROS_PER_DAY
    period = f[f["c_day"].between(p.p_start, p.p_end)]
    trailing = f[f["c_day"].between(p.trailing_start, p.p_end)]
    mature = f[f["c_day"].between(p.mature_lo, p.mature_hi)]

    res: dict = {"cohort": {"period_deals": len(period), "trailing_deals": len(trailing),
                            "mature_deals": len(mature), "survival_deals": len(f)}}

    # ---- period cohort: quality, SLA, completion, acceptance, completeness.
    bands = period["band"].value_counts()
    res["quality"] = {"mean": c.num(period["score"].mean()) if len(period) else None,
                      "median": c.num(period["score"].quantile(0.5)) if len(period) else None,
                      "bands": {b: int(bands.get(b, 0)) for b in c.BANDS}}
    comp = period["completion"].value_counts()
    done, undone = int(comp.get("complete", 0)), int(comp.get("incomplete", 0))
    r = rate(done, done + undone)
    res["completion"] = {"complete": done, "incomplete": undone,
                         "pending": int(comp.get("pending", 0)), "rate": r,
                         "alert": r is not None and r < c.COMPLETION_TARGET,
                         "target": c.COMPLETION_TARGET}
    res["sla"] = {}
    for a in c.ACTIVITIES:
        vc = period[f"st_{a}"].value_counts()
        met, missed = int(vc.get("met", 0)), int(vc.get("missed", 0))
        res["sla"][a] = {"met": met, "missed": missed, "pending": int(vc.get("pending", 0)),
                         "rate": rate(met, met + missed)}
    vc = period["cs_acceptance"].value_counts()
    acc, rej, rev = (int(vc.get(k, 0)) for k in ("accepted", "rejected", "needs_revision"))
    res["acceptance"] = {"accepted": acc, "rejected": rej, "needs_revision": rev,
                         "rate": rate(acc, acc + rej + rev)}
    with_h = period[period["has_handoff"]]
    res["completeness"] = {
        "mean": c.num(with_h["completeness"].mean()) if len(with_h) else None,
        "handoff_records": len(with_h),
        "fields": {x: rate(int(with_h[f"{x}_filled"].astype(bool).sum()), len(with_h))
                   for x in c.INFO_FIELDS},
    }

    # ---- trailing cohort: TTFV statistics and Kaplan-Meier per group.
    tt = trailing.assign(t=trailing["ttfv"].fillna(trailing["followup"]),
                         event=trailing["ttfv"].notna())
    res["ttfv"] = {}
    for key, col, order in [("by_segment", "segment", c.SEGMENTS),
                            ("by_acv_band", "acv_band", c.ACV_BANDS),
                            ("by_quality_band", "band", c.BANDS)]:
        g = tt.groupby(col)["ttfv"]
        desc = g.agg(["size", "count", "mean"])
        qs = g.quantile([0.5, 0.25, 0.75, 0.9]).unstack() if tt["ttfv"].notna().any() else None
        life = (tt.groupby([col, "t"]).agg(d=("event", "sum"), n_t=("event", "size"))
                .reset_index().sort_values([col, "t"]))
        life["at_risk"] = life.iloc[::-1].groupby(col)["n_t"].cumsum().iloc[::-1]
        life = life[life["d"] > 0]
        groups = {}
        for grp in ordered(set(desc.index), order):
            lt = life[life[col] == grp]
            km = c.km_from_life_table(lt["t"].to_numpy(), lt["d"].to_numpy("float64"),
                                      lt["at_risk"].to_numpy("float64"))
            q = [None] * 4 if qs is None else [c.num(qs.loc[grp, x]) for x in (0.5, 0.25, 0.75, 0.9)]
            groups[grp] = {"n": int(desc.loc[grp, "size"]), "reached": int(desc.loc[grp, "count"]),
                           "mean": c.num(desc.loc[grp, "mean"]), "median": q[0], "p25": q[1],
                           "p75": q[2], "p90": q[3], **km}
        res["ttfv"][key] = groups

    # ---- trailing cohort: latest snapshot in [N - w, N] days after date(C), N = 30/60/90.
    deals_tr = trailing.loc[trailing["c_day"] + c.SNAPSHOT_DAYS[0] <= p.as_of_day,
                            ["deal_id", "account_id", "c_day", "band", "segment"]]
    for name, cols, width in [("adoption", ["active_users", "licensed_seats"], c.ADOPTION_WIDTH),
                              ("health", ["health_score"], c.HEALTH_WIDTH)]:
        s = read(p, name, ["account_id", "snapshot_date"] + cols)
        s = pd.DataFrame({
            "account_id": text(s["account_id"]), "day": days(s["snapshot_date"]),
            "v": (s["active_users"].astype("float64") / s["licensed_seats"].astype("float64")
                  if name == "adoption" else s["health_score"].astype("float64")),
            "rn": np.arange(len(s)),
        })
        s = s[s["day"] <= p.as_of_day]
        j = deals_tr.merge(s, on="account_id", how="inner")
        j["off"] = j["day"] - j["c_day"]
        j = j[j["off"].between(c.SNAPSHOT_DAYS[0] - width, c.SNAPSHOT_DAYS[-1])]
        j = j.sort_values(["deal_id", "day", "rn"])
        section = {}
        for n in c.SNAPSHOT_DAYS:
            w = j[j["off"].between(n - width, n) & (j["c_day"] + n <= p.as_of_day)]
            latest = w.drop_duplicates("deal_id", keep="last")
            day = {}
            for key, col, order in [("by_band", "band", c.BANDS), ("by_segment", "segment", c.SEGMENTS)]:
                agg = latest.groupby(col)["v"].agg(["count", "mean"])
                day[key] = {g: {"n": int(agg.loc[g, "count"]), "mean": c.num(agg.loc[g, "mean"])}
                            for g in ordered(set(agg.index), order)}
            section[f"day_{n}"] = day
        res[name] = section

    # ---- mature cohort: first-year churn and expansion (event date in (date(C), date(C)+365]).
    r = read(p, "renewals", ["account_id", "event_date", "event"])
    r = pd.DataFrame({"account_id": text(r["account_id"]), "day": days(r["event_date"]),
                      "event": vocab(r["event"])})
    r = r[r["day"] <= p.as_of_day]
    ev = mature[["deal_id", "account_id", "c_day"]].merge(r, on="account_id", how="inner")
    off = ev["day"] - ev["c_day"]
    in_year = (off >= 1) & (off <= 365)
    ev = ev.assign(churned=in_year & (ev["event"] == "churn"),
                   expanded=in_year & (ev["event"] == "expansion"))
    flags = ev.groupby("deal_id")[["churned", "expanded"]].any()
    mm = mature[["deal_id", "band", "segment", "acv"]].merge(flags, on="deal_id", how="left")
    mm[["churned", "expanded"]] = mm[["churned", "expanded"]].fillna(False).astype(bool)
    agg = mm.groupby("band").agg(n=("deal_id", "size"), churned=("churned", "sum"),
                                 expanded=("expanded", "sum"))
    res["churn"] = {"by_band": {}}
    res["expansion"] = {"by_band": {}}
    for b in ordered(set(agg.index), c.BANDS):
        n, kc, ke = (int(agg.loc[b, x]) for x in ("n", "churned", "expanded"))
        lc, hc = wilson(kc, n)
        le, he = wilson(ke, n)
        low = n < c.LOW_SAMPLE
        res["churn"]["by_band"][b] = {"n": n, "churned": kc, "rate": kc / n, "ci_low": lc,
                                      "ci_high": hc, "low_sample": low}
        res["expansion"]["by_band"][b] = {"n": n, "expanded": ke, "rate": ke / n, "ci_low": le,
                                          "ci_high": he, "low_sample": low}

    cells_df = mm.groupby(["segment", "band"]).agg(n=("deal_id", "size"), k=("churned", "sum"))
    cells = {key: (int(row.n), int(row.k)) for key, row in cells_df.iterrows()}
    acv_sub = float(mm.loc[mm["band"] == "substandard", "acv"].sum())
    res["churn"].update(c.churn_effects(cells, acv_sub))
    res["churn"]["n"] = len(mature)

    # ---- trailing cohort: survey waves (days from date(C) to the response's date: 1-60 is
    # the day-30 wave, 61-120 the day-90 wave); per deal, wave and kind the latest response.
    sv = read(p, "surveys", ["account_id", "responded_at", "kind", "score"])
    t_us = micros(sv["responded_at"])
    sv = pd.DataFrame({"account_id": text(sv["account_id"]), "t_us": t_us,
                       "day": np.floor(t_us / c.MICROS_PER_DAY), "kind": vocab(sv["kind"]),
                       "score": sv["score"].astype("float64"), "rn": np.arange(len(sv))})
    sv = sv[sv["t_us"] < A]
    j = trailing[["deal_id", "account_id", "c_day", "band"]].merge(sv, on="account_id", how="inner")
    off = j["day"] - j["c_day"]
    j = j.assign(wave=np.where(off <= 60, 30, 90))[(off >= 1) & (off <= 120)]
    waves = (j.sort_values(["deal_id", "kind", "wave", "t_us", "rn"])
             .drop_duplicates(["deal_id", "kind", "wave"], keep="last"))
    sat = {}
    for wave in (30, 90):
        agg = waves[(waves["kind"] == "csat") & (waves["wave"] == wave)].groupby("band")["score"].agg(
            ["count", "mean"])
        sat[f"csat_day_{wave}"] = {"by_band": {b: {"n": int(agg.loc[b, "count"]),
                                                   "mean": c.num(agg.loc[b, "mean"])}
                                               for b in c.BANDS if b in agg.index}}
    nps = waves[waves["kind"] == "nps"]
    agg = nps.assign(pro=nps["score"] >= 9, det=nps["score"] <= 6).groupby("band").agg(
        n=("score", "size"), pro=("pro", "sum"), det=("det", "sum"))
    sat["nps"] = {"by_band": {b: {"n": int(agg.loc[b, "n"]),
                                  "nps": 100.0 * (agg.loc[b, "pro"] / agg.loc[b, "n"]
                                                  - agg.loc[b, "det"] / agg.loc[b, "n"])}
                              for b in c.BANDS if b in agg.index}}
    res["satisfaction"] = sat

    c.write(out, res, "pandas", pd.__version__, STARTED)


if __name__ == "__main__":
    main()
