"""FNC-1 as claim pairs: headline claims against article-body claims (shared by scripts)."""

from __future__ import annotations

from reconcile import Claim
from reconcile.datasets import FNC1
from reconcile.linking import Linker
from reconcile.linking.linker import PairFeatures

# FNC-1 stance -> the linker's label
LABEL = {
    "unrelated": "unrelated",
    "agree": "corroborates",
    "disagree": "contradicts",
    "discuss": "hedged",
}
STANCE = {v: k for k, v in LABEL.items()}


def split_pairs(data: FNC1, dev: bool) -> tuple[list[tuple[Claim, Claim]], list[str]]:
    """The (headline, body) claim pairs and gold FNC-1 stances of one side of the split."""
    pairs, gold = [], []
    bodies: dict[int, Claim] = {}
    for headline, body_id, stance in data.stances:
        if (body_id in data.dev_bodies) != dev:
            continue
        if body_id not in bodies:
            bodies[body_id] = Claim(data.bodies[body_id], source=f"body {body_id}")
        pairs.append((Claim(headline, source="headline"), bodies[body_id]))
        gold.append(stance)
    return pairs, gold


def features(pairs: list[tuple[Claim, Claim]]) -> PairFeatures:
    return Linker.features(pairs)


def fnc_score(gold: list[str], pred: list[str]) -> float:
    """The official FNC-1 score, as a percentage of the best possible."""
    score = best = 0.0
    for g, p in zip(gold, pred, strict=True):
        related_g, related_p = g != "unrelated", p != "unrelated"
        best += 1.0 if related_g else 0.25
        if related_g == related_p:
            score += 0.25
        if related_g and g == p:
            score += 0.75
    return 100.0 * score / best
