"""Sybil floods: how large a copying group does it take to outvote independent sources?

A target question has a true value held by 5 independent reliable sources (each right
on 90% of questions, wrong at random otherwise) and a false value pushed by a Sybil
group of k fake sources. The fakes copy one another: they state the same values on
every question, their shared leader's (right on half of the questions, wrong with the
same false value otherwise), and they all post at the same moment. Besides the target
there are 40 background questions, the evidence a method has to tell copies from
independent voices.

For each method and k in 1 ... 1000, the false value "wins" when the answer for the
target question is the Sybils' value. Printed: per method, the smallest k at which the
false value wins (">1000" when it never does), with majority voting, the raw
baseline, in the same run with the independence rules (one vote per source and fact,
copy groups counted as one voice) switched off. Deterministic (fixed seeds); three seeds are run.

    python benchmarks/eval_adversarial.py
"""

from __future__ import annotations

import random
import sys
import time
import warnings
from datetime import datetime, timedelta, timezone

import reconcile as rc
from reconcile.scoring.api import METHODS

SIZES = (1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000)
HONEST = 5
BACKGROUND = 40
START = datetime(2026, 3, 1, tzinfo=timezone.utc)


def scenario(k: int, seed: int) -> list[rc.Claim]:
    """The claims of one flood: 5 honest sources, k Sybils, 41 questions."""
    rng = random.Random(seed)
    claims = []
    questions = [f"q{i:02d}" for i in range(BACKGROUND)] + ["target"]
    for h in range(HONEST):
        for q in questions:
            right = q == "target" or rng.random() < 0.9
            value = f"{q}-true" if right else f"{q}-wrong-{rng.randrange(3)}"
            when = START + timedelta(hours=rng.randrange(1, 48))
            claims.append(rc.Claim(subject=q, predicate="value", value=value,
                                   source=f"honest-{h}", time=when))  # fmt: skip
    leader = {q: (f"{q}-true" if rng.random() < 0.5 else f"{q}-sybil") for q in questions}
    leader["target"] = "target-sybil"
    for s in range(k):
        for q in questions:
            claims.append(rc.Claim(subject=q, predicate="value", value=leader[q],
                                   source=f"sybil-{s:04d}", time=START))  # fmt: skip
    return claims


def false_wins(result: rc.Consensus) -> bool:
    for answer in result.answers():
        if answer.question == ("target", "value"):
            return answer.value == "target-sybil"
    raise AssertionError("the target question has no answer")


def main() -> int:
    warnings.simplefilter("ignore", rc.ReconcileWarning)  # non-convergence is reported
    # the raw baseline first: a plain vote with the independence rules switched off
    methods = ["majority, independence off", *(m for m in METHODS if m != "auto"), "auto"]
    seeds = (0, 1, 2) if "--quick" not in sys.argv else (0,)
    sizes = SIZES if "--quick" not in sys.argv else SIZES[:8]
    print(f"{HONEST} independent sources (90% right) vs k copying Sybils; "
          f"{BACKGROUND} background questions; seeds {seeds}")  # fmt: skip
    print(f"{'method':28s} {'smallest k at which the false value wins':42s}   time")
    for method in methods:
        found = []
        start = time.perf_counter()
        chosen = ""
        for seed in seeds:
            first = None
            for k in sizes:
                if method.endswith("independence off"):
                    result = rc.score(scenario(k, seed), method="majority", independence=False)
                else:
                    result = rc.score(scenario(k, seed), method=method)
                chosen = result.method
                if false_wins(result):
                    first = k
                    break
            found.append(str(first) if first is not None else f">{sizes[-1]}")
        label = f"{method} ({chosen})" if method == "auto" else method
        print(f"{label:28s} {', '.join(found):42s} {time.perf_counter() - start:6.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
