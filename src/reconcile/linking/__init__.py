"""Linking: which claims corroborate or contradict which, and why."""

from reconcile.linking.api import ReconcileWarning, compare, count_comparisons, link
from reconcile.linking.blocking import BlockingReport
from reconcile.linking.linker import LABELS, STANCES, Linker

__all__ = [
    "LABELS",
    "STANCES",
    "BlockingReport",
    "Linker",
    "ReconcileWarning",
    "compare",
    "count_comparisons",
    "link",
]
