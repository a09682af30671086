"""Speed and memory of linking on the synthetic generator (not a test).

For each size: candidate pairs after blocking, wall time of ``rc.link`` from Claim
objects to the ClaimGraph, peak RSS of the process, and the floor measured in the same
run: raw rapidfuzz ``cpdist`` (token_set_ratio, default_process) over the same
candidate pairs. Each size runs in a fresh process so peak RSS is its own.

    python benchmarks/bench_link.py            # 100k claims
    python benchmarks/bench_link.py 100000 1000000
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from _common import peak_rss_mb
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist
from rapidfuzz.utils import default_process

import reconcile as rc
from reconcile.linking.api import _Options, _Plan


def one(n: int) -> dict[str, float]:
    data = rc.datasets.synthetic(n, n_sources=max(n // 100, 10), seed=1)
    claims = data.claims
    rss_before = peak_rss_mb()
    start = time.perf_counter()
    graph = rc.link(claims)
    link_s = time.perf_counter() - start
    rss_link = peak_rss_mb()
    opts = _Options(block_on=None, scorer=fuzz.token_set_ratio, processor=default_process,
                    score_cutoff=None, workers=1, same_source=False, linker=None,
                    max_block_size=5_000)  # fmt: skip
    items = sorted(claims, key=lambda c: c.id)
    plan = _Plan(items, opts, opts.linker.min_overlap)
    texts = [c.text or "" for c in items]
    a = [texts[plan.text_idx[i]] for i in plan.ta.tolist()]
    b = [texts[plan.text_idx[i]] for i in plan.tb.tolist()]
    start = time.perf_counter()
    cpdist(a, b, scorer=fuzz.token_set_ratio, processor=default_process, workers=1)
    floor_s = time.perf_counter() - start
    return {
        "claims": n,
        "pairs": float(len(plan.ta)),
        "links": float(graph.number_of_links),
        "link_s": link_s,
        "floor_s": floor_s,
        "peak_rss_mb": rss_link,
        "rss_before_mb": rss_before,
    }


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(one(int(sys.argv[2]))))
        return 0
    sizes = [int(x) for x in sys.argv[1:]] or [100_000]
    print(
        f"{'claims':>9} {'pairs':>11} {'links':>10} {'link s':>8} {'cpdist s':>9} "
        f"{'ratio':>6} {'peak RSS MB':>12}"
    )
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True,
                             text=True, check=True).stdout  # fmt: skip
        r = json.loads(out.strip().splitlines()[-1])
        print(
            f"{r['claims']:>9,} {r['pairs']:>11,.0f} {r['links']:>10,.0f} {r['link_s']:>8.1f} "
            f"{r['floor_s']:>9.2f} {r['link_s'] / r['floor_s']:>6.1f} {r['peak_rss_mb']:>12,.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
