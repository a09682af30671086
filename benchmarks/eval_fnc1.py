"""FNC-1 stance detection on the dev hold-out (bodies in fnc1/split/hold_out_ids.txt).

Prints related-vs-unrelated accuracy and F1, per-class F1 (agree / disagree / discuss)
and the FNC score for the shipped Linker (fitted on the other bodies by
benchmarks/fit_linker.py), next to a baseline measured in the same run: one rapidfuzz
``token_set_ratio`` threshold tuned on the training bodies, every related pair called
'discuss' (the commonest related class).

    python benchmarks/eval_fnc1.py
"""

from __future__ import annotations

import time

import numpy as np
from _common import require_data
from fnc1_features import STANCE, features, fnc_score, split_pairs
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist
from rapidfuzz.utils import default_process

from reconcile.datasets import load_fnc1
from reconcile.linking import Linker


def f1(gold: list[str], pred: list[str], label: str) -> float:
    tp = sum(g == p == label for g, p in zip(gold, pred))
    fp = sum(p == label != g for g, p in zip(gold, pred))
    fn = sum(g == label != p for g, p in zip(gold, pred))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def related_figures(gold: list[str], pred: list[str]) -> tuple[float, float]:
    g = ["related" if x != "unrelated" else x for x in gold]
    p = ["related" if x != "unrelated" else x for x in pred]
    accuracy = sum(a == b for a, b in zip(g, p)) / len(g)
    return accuracy, f1(g, p, "related")


def token_set_baseline(train: list, train_gold: list[str], dev: list) -> list[str]:
    def scores(pairs: list) -> np.ndarray:
        return cpdist(
            [a.text for a, _ in pairs],
            [b.text for _, b in pairs],
            scorer=fuzz.token_set_ratio,
            processor=default_process,
            workers=-1,
        )

    s_train = scores(train)
    related = np.array([g != "unrelated" for g in train_gold])
    best = max(range(0, 101), key=lambda t: ((s_train >= t) == related).mean())
    return ["discuss" if s >= best else "unrelated" for s in scores(dev)]


def main() -> int:
    require_data()
    data = load_fnc1()
    train, train_gold = split_pairs(data, dev=False)
    dev, gold = split_pairs(data, dev=True)
    start = time.perf_counter()
    dev_features = features(dev)
    pred = [STANCE[p] for p in Linker.default().labels(dev_features)]
    elapsed = time.perf_counter() - start
    # The default linker asks two short texts for half their IDF mass in common (a
    # claim-level match between headlines). FNC-1 calls a headline related to any body
    # on its topic, one-sentence bodies included: the same weights without that gate.
    topical = Linker.from_dict(Linker.default().to_dict())
    topical.short_overlap = 0.0
    pred_topical = [STANCE[p] for p in topical.labels(dev_features)]
    base = token_set_baseline(train, train_gold, dev)
    print(
        f"FNC-1 dev hold-out: {len(dev):,} pairs, {len(data.dev_bodies)} bodies "
        f"(linker: {elapsed:.1f} s)"
    )
    print(
        f"{'system':<34} {'rel acc':>8} {'rel F1':>7} {'agree':>6} {'disagr':>6} "
        f"{'discus':>6} {'FNC':>6}"
    )
    for name, p in (
        ("reconcile Linker (default weights)", pred),
        ("  same, short-pair gate off", pred_topical),
        ("token_set_ratio threshold", base),
    ):
        acc, rf1 = related_figures(gold, p)
        print(
            f"{name:<34} {acc:8.4f} {rf1:7.4f} {f1(gold, p, 'agree'):6.3f} "
            f"{f1(gold, p, 'disagree'):6.3f} {f1(gold, p, 'discuss'):6.3f} "
            f"{fnc_score(gold, p):6.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
