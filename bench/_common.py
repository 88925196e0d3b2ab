"""Plumbing shared by the two baselines (bench/baseline_duckdb.py, bench/baseline_pandas.py).

Only the command line, the as-of date and period, the Kaplan-Meier running product over a
life table that each engine has already computed, and JSON output live here; every metric
is computed by the engine under test. See docs/BENCHMARKS.md for what the baselines cover.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
import time
import tomllib
from pathlib import Path

import numpy as np

BANDS = ["excellent", "good", "acceptable", "substandard"]
SEGMENTS = ["strategic", "enterprise", "mid_market", "smb", "other"]
ACV_BANDS = ["<25k", "25k-100k", "100k-500k", "500k+"]
ACV_EDGES = (25_000.0, 100_000.0, 500_000.0)
ACTIVITIES = [
    "knowledge_transfer",
    "intro",
    "cs_prep",
    "kickoff_scheduled",
    "kickoff_held",
    "first_value",
]
# METRICS.md §4.2 defaults: the handoff field of each activity and its deadline in hours after C.
SLA_FIELDS = {
    "knowledge_transfer": ("meeting_at", 48),
    "intro": ("intro_sent_at", 48),
    "cs_prep": ("cs_prep_done_at", 72),
    "kickoff_scheduled": ("kickoff_scheduled_at", 120),
    "kickoff_held": ("kickoff_held_at", 240),
}
FIRST_VALUE_DAYS = {"strategic": 60, "enterprise": 45, "mid_market": 30, "smb": 21, "other": 30}
# METRICS.md §4.4 checklist weights, in the order the score adds them.
SCORE_WEIGHTS = [
    ("doc_deal_summary", 15.0),
    ("doc_stakeholder_map", 10.0),
    ("doc_commitments", 15.0),
    ("doc_risk_factors", 10.0),
    ("mtg_all_attended", 10.0),
    ("mtg_agenda_covered", 10.0),
    ("mtg_questions_answered", 10.0),
]
INFO_FIELDS = [
    "info_customer_context",
    "info_stakeholders",
    "info_objectives",
    "info_scope",
    "info_technical",
    "info_implementation",
    "info_risks",
]
SNAPSHOT_DAYS = [30, 60, 90]
ADOPTION_WIDTH = 6  # window [N - 6, N]
HEALTH_WIDTH = 13  # window [N - 13, N]
CHURN_LOOKBACK_DAYS = 730
COMPLETION_TARGET = 0.9
LOW_SAMPLE = 30
Z95 = 1.959963984540054
MICROS_PER_DAY = 86_400_000_000
EPOCH = dt.date(1970, 1, 1)


class Params:
    """As-of date, period and cohort bounds, as day numbers since 1970-01-01."""

    def __init__(self, data: Path, as_of: dt.date, period: str):
        self.data = data
        self.as_of = as_of
        self.period = period
        m = re.fullmatch(r"(\d{4})-(\d{2})", period)
        if not m:
            sys.exit(f"error: --period must be YYYY-MM (the baselines cover the monthly report), got {period!r}")
        y, mo = int(m.group(1)), int(m.group(2))
        start = dt.date(y, mo, 1)
        end = (dt.date(y + (mo == 12), mo % 12 + 1, 1)) - dt.timedelta(days=1)
        self.as_of_day = (as_of - EPOCH).days
        # The as-of instant A = as_of + 1 day, 00:00 UTC, in µs since the epoch.
        self.a_us = (self.as_of_day + 1) * MICROS_PER_DAY
        self.p_start = (start - EPOCH).days
        self.p_end = (end - EPOCH).days
        self.trailing_start = self.p_end - 364
        self.mature_hi = self.as_of_day - 365
        self.mature_lo = self.as_of_day - 365 - CHURN_LOOKBACK_DAYS + 1

    def path(self, table: str) -> str:
        return str(self.data / f"{table}.parquet")


def default_period(as_of: dt.date) -> str:
    """The last complete calendar month on or before the as-of date (METRICS.md §2)."""
    if (as_of + dt.timedelta(days=1)).month != as_of.month:
        return f"{as_of.year:04d}-{as_of.month:02d}"
    prev = as_of.replace(day=1) - dt.timedelta(days=1)
    return f"{prev.year:04d}-{prev.month:02d}"


def parse_args(engine: str) -> tuple[Params, Path]:
    ap = argparse.ArgumentParser(
        description=f"{engine} baseline: the core of handoff's monthly metrics.json (docs/BENCHMARKS.md)"
    )
    ap.add_argument("--data", required=True, type=Path, help="folder of NAME.parquet inputs")
    ap.add_argument("--out", required=True, type=Path, help="JSON file to write")
    ap.add_argument("--as-of", help="YYYY-MM-DD (default: as_of in DATA/handoff.toml)")
    ap.add_argument("--period", help="YYYY-MM (default: last complete month on or before as-of)")
    a = ap.parse_args()
    as_of = a.as_of
    if as_of is None:
        cfg = a.data / "handoff.toml"
        if cfg.exists():
            as_of = tomllib.loads(cfg.read_text()).get("as_of")
    if as_of is None:
        sys.exit("error: no --as-of and no as_of in DATA/handoff.toml")
    as_of_d = dt.date.fromisoformat(str(as_of))
    return Params(a.data, as_of_d, a.period or default_period(as_of_d)), a.out


def km_from_life_table(times: np.ndarray, deaths: np.ndarray, at_risk: np.ndarray) -> dict:
    """Kaplan-Meier estimates from a life table (distinct event times ascending, deaths and
    number at risk at each). The running product is taken left to right, like ours."""
    if len(times) == 0:
        surv = np.empty(0)
    else:
        surv = np.cumprod(1.0 - deaths / at_risk)
    below = np.flatnonzero(surv <= 0.5)
    out = {"km_median": float(times[below[0]]) if len(below) else None}
    for d in (30, 60, 90):
        i = np.searchsorted(times, d, side="right")
        s = 1.0 if i == 0 else float(surv[i - 1])
        out[f"km_reached_by_{d}"] = 1.0 - s
    return out


def churn_effects(cells: dict, acv_substandard: float) -> dict:
    """Crude and Mantel-Haenszel (by segment) relative risk, substandard vs excellent, and
    ARR at stake (METRICS.md §4.9), from the engine's counts: cells[(segment, band)] = (n, churned)
    over the mature cohort; acv_substandard = sum of ACV of its substandard deals."""

    def interval(rr: float, se: float) -> dict:
        return {"value": rr, "ci_low": math.exp(math.log(rr) - Z95 * se),
                "ci_high": math.exp(math.log(rr) + Z95 * se)}

    def total(band: str) -> tuple[int, int]:
        n = sum(v[0] for (_, b), v in cells.items() if b == band)
        k = sum(v[1] for (_, b), v in cells.items() if b == band)
        return n, k

    (n1, a), (n2, c) = total("substandard"), total("excellent")
    out: dict = {"relative_risk": None, "relative_risk_adjusted": None, "arr_at_stake": None}
    if a and n1 and c and n2:
        se = math.sqrt(max(0.0, 1 / a - 1 / n1 + 1 / c - 1 / n2))
        out["relative_risk"] = interval((a / n1) / (c / n2), se)
    num_, den, var_num = 0.0, 0.0, 0.0
    for seg in SEGMENTS + sorted({s for s, _ in cells} - set(SEGMENTS)):
        sn1, sa = cells.get((seg, "substandard"), (0, 0))
        sn2, sc = cells.get((seg, "excellent"), (0, 0))
        if sn1 == 0 or sn2 == 0:
            continue
        t = sn1 + sn2
        num_ += sa * sn2 / t
        den += sc * sn1 / t
        var_num += (sn1 * sn2 * (sa + sc) - sa * sc * t) / (t * t)
    if num_ and den:
        var = var_num / (num_ * den)
        if var >= 0 and math.isfinite(var):
            out["relative_risk_adjusted"] = interval(num_ / den, math.sqrt(var))
    if n1 and n2:
        out["arr_at_stake"] = max(0.0, acv_substandard * (a / n1 - c / n2))
    return out


def num(x):
    """A JSON number or null (NaN and None are null)."""
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def write(out: Path, result: dict, engine: str, version: str, started: float) -> None:
    result["_meta"] = {
        "engine": engine,
        "version": version,
        "seconds": time.perf_counter() - started,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n")
