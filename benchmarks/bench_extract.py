"""Extraction throughput: MB of news text per second on one core, and linearity.

Text: the PolNeAR articles (train and dev) when RECONCILE_DATA has them, else the
example article of examples/news_article.py repeated. Measured in the same run:
``extract_claims`` (attributions, speakers, chains, claims) and ``find_attributions``
(spans only), next to a raw baseline, a single reporting-verb regex over the same text
(the least any attribution finder must do). Then linearity: the time per MB at 1x, 2x
and 4x the text, and two hostile 10 MB inputs (no punctuation at all; thousands of
unbalanced quotation marks).

    python benchmarks/bench_extract.py
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reconcile.datasets import load_polnear
from reconcile.extract import extract_claims, find_attributions

_REGEX = re.compile(r"\b(?:said|says|told|according to|reported|wrote)\b")


def _corpus() -> tuple[list[str], str]:
    try:
        docs = load_polnear("train") + load_polnear("dev")
        seen: dict[str, str] = {d.name.rsplit("_", 1)[0]: d.text for d in docs}
        return list(seen.values()), "PolNeAR articles"
    except FileNotFoundError:
        sys.path.insert(0, str(Path(__file__).parent.parent / "examples"))
        from news_article import ARTICLE

        return [ARTICLE] * 2000, "the example article x2000"


def _rate(texts: list[str], fn: Callable[[str], object], repeat: int = 3) -> float:
    """Best-of-`repeat` MB per second of `fn` over `texts`."""
    size = sum(len(t.encode()) for t in texts) / 1e6
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - start)
    return size / best


def main() -> int:
    texts, label = _corpus()
    size = sum(len(t.encode()) for t in texts) / 1e6
    print(f"text: {label}, {len(texts)} documents, {size:.2f} MB")
    base = _rate(texts, lambda t: sum(1 for _ in _REGEX.finditer(t)))
    spans = _rate(texts, find_attributions)
    claims = _rate(texts, extract_claims)
    print(f"reporting-verb regex (baseline): {base:8.2f} MB/s")
    for name, rate in (("find_attributions", spans), ("extract_claims", claims)):
        print(f"{name + ':':32s} {rate:8.2f} MB/s  ({base / rate:.1f}x slower than the regex)")
    joined = "\n\n".join(texts)
    print("linearity (one document of k copies):")
    first = None
    for k in (1, 2, 4):
        doc = "\n\n".join([joined] * k) if k > 1 else joined
        start = time.perf_counter()
        extract_claims(doc)
        took = time.perf_counter() - start
        per_mb = took / (len(doc.encode()) / 1e6)
        first = first or per_mb
        print(f"  {k}x ({len(doc.encode()) / 1e6:6.1f} MB): {took:6.2f} s, "
              f"{per_mb:.3f} s/MB ({per_mb / first:.2f}x the 1x rate)")  # fmt: skip
    hostile = {
        "10 MB, no punctuation": ("officials said the word " * 450_000)[:10_000_000],
        "10 MB, unbalanced quotes": ('he said "it is so and ' * 460_000)[:10_000_000],
    }
    for name, text in hostile.items():
        start = time.perf_counter()
        n = len(extract_claims(text))
        took = time.perf_counter() - start
        print(f"  {name}: {took:.2f} s ({10 / took:.2f} MB/s), {n} claims")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
