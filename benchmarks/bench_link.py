"""Speed and memory of linking on the synthetic generator (not a test).

For each size: candidate pairs after blocking, wall time of ``rc.link`` from Claim
objects to the ClaimGraph, peak RSS of the process, and the floor measured in the same
run: raw rapidfuzz ``cpdist`` (token_set_ratio, default_process) over the same
candidate pairs. Each size runs in a fresh process so peak RSS is its own.

    python benchmarks/bench_link.py            # 100k claims
    python benchmarks/bench_link.py 100000 1000000 --max-block-size 200

``--max-block-size`` is link's option of that name (default 5,000): posting lists
longer than that are not probed, and the run prints how many terms that left out.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import warnings

from _common import peak_rss_mb
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist
from rapidfuzz.utils import default_process

import reconcile as rc
from reconcile.engines import LocalEngine
from reconcile.linking.api import _Options, _Plan


def one(n: int, max_block_size: int) -> dict[str, float]:
    data = rc.datasets.synthetic(n, n_sources=max(n // 100, 10), seed=1)
    claims = data.claims
    rss_before = peak_rss_mb()
    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        graph = rc.link(claims, max_block_size=max_block_size)
    link_s = time.perf_counter() - start
    rss_link = peak_rss_mb()
    opts = _Options(block_on=None, scorer=fuzz.token_set_ratio, processor=default_process,
                    score_cutoff=None, workers=1, same_source=False, linker=None,
                    max_block_size=max_block_size)  # fmt: skip
    items = sorted(claims, key=lambda c: c.id)
    plan = _Plan(items, opts, LocalEngine(), gate=False)
    texts = [c.text or "" for c in items]
    a = [texts[plan.text_idx[i]] for i in plan.text.a.tolist()]
    b = [texts[plan.text_idx[i]] for i in plan.text.b.tolist()]
    start = time.perf_counter()
    cpdist(a, b, scorer=fuzz.token_set_ratio, processor=default_process, workers=1)
    floor_s = time.perf_counter() - start
    return {
        "claims": n,
        "pairs": float(plan.report.text_pairs),
        "links": float(graph.number_of_links),
        "link_s": link_s,
        "floor_s": floor_s,
        "peak_rss_mb": rss_link,
        "rss_before_mb": rss_before,
        "capped_terms": float(len(plan.report.capped_blocks)),
        "warnings": float(len(caught)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100_000])
    parser.add_argument("--max-block-size", type=int, default=5_000)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.sizes[0], args.max_block_size)))
        return 0
    print(f"max_block_size={args.max_block_size}")
    print(
        f"{'claims':>9} {'pairs':>11} {'links':>10} {'link s':>8} {'cpdist s':>9} "
        f"{'ratio':>6} {'peak RSS MB':>12} {'capped terms':>12}"
    )
    for n in args.sizes:
        command = [sys.executable, __file__, "--one", str(n),
                   "--max-block-size", str(args.max_block_size)]  # fmt: skip
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(
            f"{r['claims']:>9,} {r['pairs']:>11,.0f} {r['links']:>10,.0f} {r['link_s']:>8.1f} "
            f"{r['floor_s']:>9.2f} {r['link_s'] / r['floor_s']:>6.1f} {r['peak_rss_mb']:>12,.0f}"
            f" {r['capped_terms']:>12,.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
