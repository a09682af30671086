"""MRPC paraphrase detection: does the linker call two news sentences corroborating?

On the 4,076 MRPC training pairs: accuracy and F1 of "paraphrase" (linked as
corroborates) for the shipped default Linker (zero-shot, FNC-1 weights) and for a
Linker fitted by 10-fold cross-validation (paraphrase -> corroborates, else
unrelated), next to baselines measured in the same run: the majority class, and a
rapidfuzz ``token_set_ratio`` threshold tuned on the training folds of the same CV.

    python benchmarks/eval_mrpc.py
"""

from __future__ import annotations

import numpy as np
from _common import require_data
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist
from rapidfuzz.utils import default_process

from reconcile import Claim
from reconcile.datasets import load_mrpc
from reconcile.linking import Linker

FOLDS = 10


def figures(gold: np.ndarray, pred: np.ndarray) -> tuple[float, float]:
    tp = int((gold & pred).sum())
    fp = int((~gold & pred).sum())
    fn = int((gold & ~pred).sum())
    return float((gold == pred).mean()), 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> int:
    require_data()
    rows = load_mrpc()
    pairs = [(Claim(a, source="sentence 1"), Claim(b, source="sentence 2")) for a, b, _ in rows]
    gold = np.array([y == 1 for _, _, y in rows])
    F = Linker.features(pairs)
    folds = np.arange(len(rows)) % FOLDS
    default = np.array([x == "corroborates" for x in Linker.default().labels(F)])
    cv = np.zeros(len(rows), dtype=bool)
    fuzzy = np.zeros(len(rows), dtype=bool)
    scores = cpdist([a for a, _, _ in rows], [b for _, b, _ in rows],
                    scorer=fuzz.token_set_ratio, processor=default_process)  # fmt: skip
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        labels = ["corroborates" if g else "unrelated" for g in gold[train]]
        linker = Linker().fit(F.take(train), labels)
        cv[test] = [x == "corroborates" for x in linker.labels(F.take(test))]
        best = max(range(101), key=lambda t: ((scores[train] >= t) == gold[train]).mean())
        fuzzy[test] = scores[test] >= best
    majority = np.full(len(rows), gold.mean() >= 0.5)
    print(f"MRPC train: {len(rows):,} pairs, {gold.mean():.1%} paraphrases")
    print(f"{'system':<44} {'accuracy':>8} {'F1':>6}")
    for name, pred in (
        (f"reconcile Linker, {FOLDS}-fold CV", cv),
        ("reconcile default Linker (FNC-1 weights)", default),
        (f"token_set_ratio threshold, {FOLDS}-fold CV", fuzzy),
        ("majority class (paraphrase)", majority),
    ):
        acc, f1 = figures(gold, pred)
        print(f"{name:<44} {acc:8.3f} {f1:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
