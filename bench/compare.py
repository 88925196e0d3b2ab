#!/usr/bin/env python3
"""Check that a baseline's JSON agrees with our metrics.json (docs/BENCHMARKS.md).

Every leaf of the baseline (keys starting with `_` are ignored) must exist at the same path
in ours and agree: numbers to a relative 1e-6 (absolute 1e-12 near zero), booleans, strings
and nulls exactly. Group maps (`bands`, `fields`, `by_band`, `by_segment`, `by_acv_band`,
`by_quality_band`) must hold the same groups in both, so a group that only one side has is
caught as well. Exit 1, listing every difference, if anything disagrees.

Usage: compare.py OURS_METRICS.json BASELINE.json [BASELINE.json ...] [--coverage]
  --coverage  also list every metrics.json leaf and whether a baseline covers it.
"""

from __future__ import annotations

import json
import sys

REL_TOL = 1e-6
ABS_TOL = 1e-12
GROUP_MAPS = {"bands", "fields", "by_band", "by_segment", "by_acv_band", "by_quality_band"}


def leaves(node, path=()):
    """(path, value) for every leaf; lists are indexed by position."""
    if isinstance(node, dict):
        for k, v in node.items():
            if not k.startswith("_"):
                yield from leaves(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from leaves(v, path + (str(i),))
    else:
        yield path, node


def lookup(node, path):
    for k in path:
        if isinstance(node, dict) and k in node:
            node = node[k]
        elif isinstance(node, list) and k.isdigit() and int(k) < len(node):
            node = node[int(k)]
        else:
            raise KeyError("/".join(path))
    return node


def same(a, b) -> bool:
    if a is None or b is None or isinstance(a, (bool, str)) or isinstance(b, (bool, str)):
        return a == b and type(a) is type(b)
    a, b = float(a), float(b)
    return abs(a - b) <= max(ABS_TOL, REL_TOL * max(abs(a), abs(b)))


def group_maps(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            if k.startswith("_"):
                continue
            if k in GROUP_MAPS and isinstance(v, dict):
                yield path + (k,), v
            yield from group_maps(v, path + (k,))


def compare(ours: dict, base: dict) -> tuple[int, list[str]]:
    problems = []
    n = 0
    for path, want in leaves(base):
        n += 1
        p = "/".join(path)
        try:
            got = lookup(ours, path)
        except KeyError:
            problems.append(f"{p}: missing in ours (baseline {want!r})")
            continue
        if not same(got, want):
            problems.append(f"{p}: ours {got!r} != baseline {want!r}")
    for path, groups in group_maps(base):
        try:
            theirs = lookup(ours, path)
        except KeyError:
            continue  # reported above
        if isinstance(theirs, dict) and set(theirs) != set(groups):
            problems.append(
                f"{'/'.join(path)}: groups differ, ours {sorted(theirs)} vs baseline {sorted(groups)}"
            )
    return n, problems


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    ours = json.load(open(args[0]))
    failed = False
    covered = set()
    for f in args[1:]:
        base = json.load(open(f))
        n, problems = compare(ours, base)
        covered |= {path for path, _ in leaves(base)}
        engine = base.get("_meta", {}).get("engine", f)
        if problems:
            failed = True
            print(f"MISMATCH {engine}: {len(problems)} of {n} leaves differ from {args[0]}")
            for line in problems:
                print(f"  {line}")
        else:
            print(f"ok {engine}: all {n} leaves equal ours (relative {REL_TOL:g})")
    all_leaves = [path for path, _ in leaves(ours)]
    print(f"coverage: {len(covered & set(all_leaves))} of {len(all_leaves)} metrics.json leaves")
    if "--coverage" in sys.argv:
        sections: dict[str, list[int]] = {}
        for path in all_leaves:
            s = sections.setdefault(path[0], [0, 0])
            s[0] += path in covered
            s[1] += 1
        for name, (k, total) in sections.items():
            print(f"  {name:<16} {k:>4} / {total:<4} {'covered' if k == total else 'partly' if k else '-'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
