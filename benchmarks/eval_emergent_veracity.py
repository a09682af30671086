"""Emergent veracity: is a rumour true, judged from what outlets' headlines said of it?

Each outlet headline becomes a structured claim on the question "is claim X true?":
``for`` asserts True, ``against`` asserts False. ``observing`` headlines (a report
without endorsement) are scored two ways: as hedged reports of True (half a vote), and
left out (so claims only observed are not covered). Scoring across all 240 claims
estimates each outlet's trust (outlets that repeat rumours that turn out false lose
it), and a claim is predicted true when True is its
best-supported answer. Accuracy on the claims whose gold truth is true or false:

(a) with the gold stances; (b) with stances from the linker (claim headline vs outlet
headline): the shipped default, zero-shot, and Linkers fitted by claim-grouped 10-fold
cross-validation (as in eval_emergent_stance.py: no headline is labelled by a Linker
that saw its claim). Baselines in the same run: majority of the gold for/against
stances (on the claims it covers), and always "false".

"auto" is Dawid-Skene here (every question is true/false); most outlets write one
headline, so it pools one confusion matrix over all of them and learns what a
headline's stance is worth: a debunk is strong evidence of a false rumour, a repeat
weak evidence of a true one.

    python benchmarks/eval_emergent_veracity.py
"""

from __future__ import annotations

import warnings
from collections import Counter, defaultdict

from _common import require_data
from eval_emergent_stance import cross_validated

import reconcile as rc
from reconcile.datasets import load_emergent

STANCE = {"for": (True, "asserts"), "against": (False, "asserts"), "observing": (True, "hedged")}


def claims_from(rows: list[dict[str, str]], stances: list[str], observing: bool) -> list[rc.Claim]:
    out = []
    for k, (row, stance) in enumerate(zip(rows, stances, strict=True)):
        if stance == "observing" and not observing:
            continue
        value, how = STANCE[stance]
        out.append(rc.Claim(subject=row["claimId"], predicate="is true", value=value,
                            stance=how, source=row["source"] or "unknown outlet",
                            id=f"h{k}"))  # fmt: skip
    return out


def predict(claims: list[rc.Claim], method: str) -> tuple[dict[str, bool], str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rc.ReconcileWarning)
        result = rc.score(claims, method=method)
    return {str(a.question[0]): bool(a.value) for a in result.answers()}, result.method


def main() -> int:
    require_data()
    rows = [r for r in load_emergent() if r["articleHeadlineStance"] in STANCE]
    truth = {r["claimId"]: r["claimTruth"] == "true" for r in load_emergent()
             if r["claimTruth"] in ("true", "false")}  # fmt: skip
    gold = [r["articleHeadlineStance"] for r in rows]
    fitted, zero_shot, _ = cross_validated(rows)

    def accuracy(pred: dict[str, bool]) -> tuple[float, float]:
        covered = [c for c in truth if c in pred]
        right = sum(pred[c] == truth[c] for c in covered)
        return right / max(len(covered), 1), len(covered) / len(truth)

    print(
        f"Emergent veracity: {len(truth)} claims with gold true/false "
        f"({sum(truth.values())} true), {len(rows):,} outlet headlines"
    )
    print(f"{'system':<68} {'accuracy':>8} {'coverage':>8}")
    for label, stances in (("gold", gold), ("zero-shot linker", zero_shot),
                           ("cross-validated linker", fitted)):  # fmt: skip
        for observing in (True, False):
            claims = claims_from(rows, stances, observing)
            for method in ("auto", "majority", "accu"):
                pred, used = predict(claims, method)
                acc, cov = accuracy(pred)
                name = (f"({'a' if label == 'gold' else 'b'}) {label}, "
                        f"{'observing hedged' if observing else 'observing left out'}, "
                        f"{method}{f' ({used})' if method == 'auto' else ''}")  # fmt: skip
                print(f"{name:<68} {acc:8.3f} {cov:8.3f}")
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        votes[r["claimId"]][r["articleHeadlineStance"]] += 1
    majority = {c: v["for"] > v["against"] for c, v in votes.items() if v["for"] != v["against"]}
    acc, cov = accuracy(majority)
    print(f"{'baseline: majority of gold for/against':<68} {acc:8.3f} {cov:8.3f}")
    acc, cov = accuracy(dict.fromkeys(truth, False))
    print(f"{'baseline: always false':<68} {acc:8.3f} {cov:8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
