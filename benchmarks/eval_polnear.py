"""PolNeAR attribution spans: how well do the extraction rules find cue, source, content?

For every annotated article of a split (an article annotated twice counts twice), the
spans of `reconcile.extract.find_attributions` are matched against the gold spans of
each role. A predicted span counts as found when it overlaps a gold span of its role
("overlap") or equals one after trimming spaces and punctuation ("exact"); recall
counts the gold spans that some prediction matches. The baseline, measured in the
same run, is a reporting-verb regex whose matches are cues (it finds no source or
content).

    python benchmarks/eval_polnear.py [dev|train]
"""

from __future__ import annotations

import re
import sys
import time

from _common import require_data

from reconcile.datasets import load_polnear
from reconcile.extract import find_attributions

ROLES = ("cue", "source", "content")
_BASELINE = re.compile(r"\b(?:said|says|say|told|tells|according to|stated|reported)\b", re.I)
_STRIP = " \t\n,.;:\"“”'‘’"


def _clean(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and text[s] in _STRIP:
        s += 1
    while e > s and text[e - 1] in _STRIP:
        e -= 1
    return (s, e)


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def score(pred: list[tuple[int, int]], gold: list[tuple[int, int]], text: str,
          tally: dict[str, int]) -> None:  # fmt: skip
    # each distinct span once: a speaker's quotation running on gives its cue and source
    # again, and two gold attributions may share one span
    pred, gold = list(dict.fromkeys(pred)), list(dict.fromkeys(gold))
    exact_gold = {_clean(text, g) for g in gold}
    exact_pred = {_clean(text, p) for p in pred}
    tally["pred"] += len(pred)
    tally["gold"] += len(gold)
    tally["tp_overlap"] += sum(_overlaps(p, gold) for p in pred)
    tally["found_overlap"] += sum(_overlaps(g, pred) for g in gold)
    tally["tp_exact"] += sum(p in exact_gold for p in exact_pred)
    tally["found_exact"] += sum(g in exact_pred for g in exact_gold)


def prf(tally: dict[str, int], kind: str) -> tuple[float, float, float]:
    p = tally[f"tp_{kind}"] / tally["pred"] if tally["pred"] else 0.0
    r = tally[f"found_{kind}"] / tally["gold"] if tally["gold"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    require_data()
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    docs = load_polnear(split)
    tallies = {role: dict.fromkeys(
        ("pred", "gold", "tp_overlap", "found_overlap", "tp_exact", "found_exact"), 0)
        for role in (*ROLES, "baseline cue")}  # fmt: skip
    elapsed = 0.0
    for doc in docs:
        start = time.perf_counter()
        found = find_attributions(doc.text)
        elapsed += time.perf_counter() - start
        pred = {
            "cue": [a.cue for a in found],
            "source": [a.source for a in found if a.source is not None],
            "content": [c for a in found for c in a.content],
        }
        for role in ROLES:
            gold = [span for a in doc.attributions for span in a[role]]
            score(pred[role], gold, doc.text, tallies[role])
        base = [m.span() for m in _BASELINE.finditer(doc.text)]
        gold_cues = [span for a in doc.attributions for span in a["cue"]]
        score(base, gold_cues, doc.text, tallies["baseline cue"])
    n_attr = sum(len(d.attributions) for d in docs)
    print(f"PolNeAR {split}: {len(docs)} annotated articles, {n_attr} gold attributions")
    print(f"{'role':14s} {'kind':8s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for role, tally in tallies.items():
        for kind in ("overlap", "exact"):
            p, r, f = prf(tally, kind)
            print(f"{role:14s} {kind:8s} {p:6.3f} {r:6.3f} {f:6.3f}")
    size = sum(len(d.text.encode()) for d in docs)
    mb = size / 1e6
    print(f"extraction time: {elapsed:.2f} s for {mb:.2f} MB ({mb / elapsed:.2f} MB/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
