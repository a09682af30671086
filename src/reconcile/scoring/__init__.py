"""Scoring: consensus per claim and trust per source, with independence and explanations."""

from reconcile.scoring.algorithms import ALGORITHMS, Fit
from reconcile.scoring.api import ENGINE_METHODS, METHODS, score
from reconcile.scoring.consensus import Answer, Consensus, Explanation, Support

__all__ = [
    "ALGORITHMS",
    "ENGINE_METHODS",
    "METHODS",
    "Answer",
    "Consensus",
    "Explanation",
    "Fit",
    "Support",
    "score",
]
