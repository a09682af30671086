"""Comparing the values of structured claims about one (subject, predicate)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from rapidfuzz import fuzz

from reconcile.model import Claim, Relation, Scalar, Stance, Value

__all__ = ["compare_values", "value_text"]


def value_text(value: Value) -> str:
    """A value as a reader sees it ('A; B' for multi-valued)."""
    if isinstance(value, tuple):
        return "; ".join(map(str, value))
    return str(value)


def _number(value: Scalar) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        number = float(value.replace(",", "").strip())
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _norm(value: Scalar, processor: Callable[..., Any] | None) -> str:
    text = str(value)
    return str(processor(text)) if processor is not None else text


def _same(
    a: Scalar, b: Scalar, processor: Callable[..., Any] | None, fuzzy_cutoff: float,
    rel_tol: float,
) -> tuple[bool, str]:  # fmt: skip
    na, nb = _number(a), _number(b)
    if na is not None and nb is not None:
        if math.isclose(na, nb, rel_tol=rel_tol, abs_tol=1e-12):
            return True, "equal" if na == nb else f"within {rel_tol:.0%}"
        return False, ""
    sa, sb = _norm(a, processor), _norm(b, processor)
    if sa == sb:
        return True, "equal"
    score = fuzz.ratio(sa, sb)
    if score >= fuzzy_cutoff:
        return True, f"fuzzily equal ({score:.0f})"
    return False, ""


def compare_values(
    a: Claim,
    b: Claim,
    *,
    processor: Callable[..., Any] | None,
    fuzzy_cutoff: float = 90.0,
    rel_tol: float = 0.01,
) -> tuple[Relation, float, tuple[str, ...], bool] | None:
    """(relation, confidence, reasons, hedged) for two structured claims, or None.

    Equal, fuzzily equal or numerically close values corroborate; for multi-valued
    claims (tuples) overlapping sets corroborate partially (confidence: Jaccard);
    other values contradict. A denial flips the relation of equal values; a denial of
    one value says nothing about another, so that pair is unrelated.

    Examples
    --------
    >>> from rapidfuzz.utils import default_process
    >>> x = Claim(subject="isbn:1", predicate="authors", value=("Kernighan", "Ritchie"), source="a")
    >>> y = Claim(subject="isbn:1", predicate="authors", value=("kernighan",), source="b")
    >>> relation, confidence, reasons, hedged = compare_values(x, y, processor=default_process)
    >>> relation.value, confidence, reasons
    ('corroborates', 0.5, ('1 of 2 values shared for isbn:1 authors',))
    """
    if a.key is None or a.key != b.key or a.value is None or b.value is None:
        return None
    where = f"{a.subject} {a.predicate}"
    hedged = Stance.HEDGED in (a.stance, b.stance)
    deny_a, deny_b = a.stance is Stance.DENIES, b.stance is Stance.DENIES
    if isinstance(a.value, tuple) or isinstance(b.value, tuple):
        va = a.value if isinstance(a.value, tuple) else (a.value,)
        vb = b.value if isinstance(b.value, tuple) else (b.value,)
        matched = sum(any(_same(x, y, processor, fuzzy_cutoff, rel_tol)[0] for y in vb) for x in va)
        union = len(va) + len(vb) - matched
        overlap = matched / union if union else 0.0
        if matched == len(va) == len(vb):
            relation, confidence = Relation.CORROBORATES, 1.0
            reasons: tuple[str, ...] = (f"same values for {where}",)
        elif matched:
            relation, confidence = Relation.CORROBORATES, overlap
            reasons = (f"{matched} of {max(len(va), len(vb))} values shared for {where}",)
        else:
            relation, confidence = Relation.CONTRADICTS, 1.0
            reasons = (f"no shared values for {where}",)
        same = matched > 0
    else:
        same, how = _same(a.value, b.value, processor, fuzzy_cutoff, rel_tol)
        if same:
            relation, confidence = Relation.CORROBORATES, 1.0
            label = "same value" if how == "equal" else f"values {how}"
            reasons = (f"{label} for {where}: {value_text(a.value)}",)
        else:
            relation, confidence = Relation.CONTRADICTS, 1.0
            reasons = (
                f"different values for {where}: {value_text(a.value)} vs {value_text(b.value)}",
            )
    if deny_a != deny_b:
        if not same:
            return None
        denier = a if deny_a else b
        relation = Relation.CONTRADICTS
        reasons = (*reasons, f"{denier.source.id} denies it")
    elif deny_a and deny_b and not same:
        return None
    if hedged:
        confidence *= 0.5
        reasons = (*reasons, "hedged report")
    return relation, confidence, reasons, hedged
