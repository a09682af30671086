"""Scoring speed and accuracy at scale: synthetic structured claims, 100k and 1M.

For each size: the time to turn claims into votes (`build_votes`, which includes the
copy-group detection), then the time and accuracy (share of questions whose planted
truth wins) of every method over those votes, and the wall time of `rc.score` end to
end from the Claim objects (graph, votes, the method, claim scores); next to a raw
baseline measured in the same run: a
majority vote written directly in numpy (`np.bincount` over the same vote arrays,
no trust, no copies). Times are also given as ratios to that baseline. Sources number
N / 10 (1M claims from 100k sources, about ten claims each: sparse).

The GPL package truthdiscovery (a benchmark-only peer, never a dependency; install it
with --no-deps plus pycairo and bidict) runs on the same claims when it imports: end to
end from the Claim objects (its Dataset build included) against ours from the Claim
objects (graph and votes included), at the accuracy each reaches on the planted truth.
Where truthdiscovery starts or stops an algorithm differently from our default (its
PooledInvestment starts from uniform beliefs, its TruthFinder stops on the paper's
cosine rule), ours runs with the options that do the same, next to it.

End-to-end times, ours and truthdiscovery's, are each the fastest of ``REPEAT`` runs
(as ``timeit`` reports): the machines are shared, and a slower run measures the
neighbours as well. In the comparison each of our runs comes right after one of
theirs, turn about, so that the two meet the same load.

    python benchmarks/bench_score.py [N ...]     (default: 100000 1000000)
"""

from __future__ import annotations

import sys
import time
import warnings
from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
from _common import peak_rss_mb, truthdiscovery_peers

import reconcile as rc
from reconcile._gc import paused_gc
from reconcile.graph import ClaimGraph
from reconcile.scoring.algorithms import ALGORITHMS
from reconcile.scoring.consensus import claim_scores
from reconcile.scoring.votes import Votes, build_votes

REPEAT = 3


def fastest(run: Callable[[], object], repeat: int = REPEAT) -> float:
    """The fastest of `repeat` wall times of ``run()``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def raw_majority(votes: object) -> np.ndarray:
    """Per fact, its share of the votes in its question: the floor any method pays."""
    v = votes  # a Votes
    support = np.bincount(v.v_fact, weights=np.maximum(v.v_weight, 0), minlength=v.n_facts)  # type: ignore[attr-defined]
    total = np.bincount(v.fact_question, weights=support, minlength=v.n_questions)  # type: ignore[attr-defined]
    return support / np.maximum(total[v.fact_question], 1e-12)  # type: ignore[attr-defined]


def accuracy(votes: object, fact_score: np.ndarray, truth_of: dict[str, object],
             value_of_fact: list[object], question_of_fact: list[str]) -> float:  # fmt: skip
    best: dict[str, tuple[float, object]] = {}
    for f, score in enumerate(fact_score.tolist()):
        q = question_of_fact[f]
        if q not in best or score > best[q][0]:
            best[q] = (score, value_of_fact[f])
    return sum(best[q][1] == truth_of[q] for q in truth_of if q in best) / len(truth_of)


# truthdiscovery's algorithm next to ours that implements the same update rule, and
# the options that make ours start and stop as theirs does (None: as many rounds as
# theirs ran). Where our default differs, it is measured too (in the table above).
_SAME_RULE: dict[str, tuple[str, dict[str, object]]] = {
    "MajorityVoting": ("majority", {}),
    "Sums": ("sums", {}),
    "AverageLog": ("average_log", {}),
    "Investment": ("investment", {"rounds": None}),
    # their PooledInvestment starts from uniform beliefs and runs at most 10 rounds
    "PooledInvestment": ("pooled_investment", {"initial_belief": "uniform", "rounds": None}),
    # their TruthFinder stops on the paper's cosine rule
    "TruthFinder": ("truthfinder", {"cosine_tol": 0.001}),
}


def _like_theirs(options: dict[str, object], their_rounds: int) -> dict[str, Any]:
    """Our options that start and stop as the peer does (None: as many rounds as it ran)."""
    return {k: their_rounds if v is None else v for k, v in options.items()}


def _ours_like(claims: list[rc.Claim], method: str, options: dict[str, object],
               their_rounds: int) -> object:  # fmt: skip
    """rc.score end to end with the options that start and stop as the peer does."""
    return rc.score(claims, method=method, processor=None, **_like_theirs(options, their_rounds))


def compare_truthdiscovery(claims: list[rc.Claim], data: object, votes: Votes,
                           accuracy_of: Callable[[np.ndarray], float],
                           our_accuracy: dict[str, float]) -> None:  # fmt: skip
    """Both libraries end to end from the same Claim objects, algorithm by algorithm."""
    triples = [(c.source.id, c.key, c.value) for c in claims]
    prepared = fastest(lambda: [(c.source.id, c.key, c.value) for c in claims])
    truth = {c.key: c.value for c in claims if data.is_true(c)}  # type: ignore[attr-defined]
    # ours end to end, each run right after one of theirs (turn about: the same load)
    runs = {peer: partial(_ours_like, claims, *_SAME_RULE[peer]) for peer in _SAME_RULE}
    build, peers, our_times = truthdiscovery_peers(triples, repeat=REPEAT, beside=runs)
    if not peers:
        return
    print(f"  truthdiscovery Dataset build: {prepared + build:.2f} s")
    print(f"  {'end to end':20s} {'td s':>8s} {'td acc':>7s} {'ours':>46s} {'ours s':>8s} "
          f"{'ours acc':>8s} {'speed-up':>8s}")  # fmt: skip
    for peer, (best, took, iterations) in peers.items():
        total = prepared + build + took
        acc = sum(best.get(q) == v for q, v in truth.items()) / len(truth)
        mine, options = _SAME_RULE[peer]
        our_s = our_times[peer]
        if options:
            options = _like_theirs(options, iterations)
            our_acc = accuracy_of(ALGORITHMS[mine](votes, **options).fact_score)
            mine += " " + ",".join(f"{k}={v}" for k, v in options.items())
        else:
            our_acc = our_accuracy[mine]
        print(f"  {peer:20s} {total:8.2f} {acc:7.3f} {mine:>46s} {our_s:8.2f} {our_acc:8.3f} "
              f"{total / our_s:7.1f}x")  # fmt: skip
    print(f"  peak memory so far: {peak_rss_mb():,.0f} MB")


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000]
    warnings.simplefilter("ignore", rc.ReconcileWarning)
    for n in sizes:
        start = time.perf_counter()
        data = rc.datasets.synthetic(n, n_sources=max(50, n // 10), structured=True, seed=1)
        made = time.perf_counter() - start
        claims = data.claims
        start = time.perf_counter()
        with paused_gc():  # as rc.score builds them
            graph = ClaimGraph(claims)
            votes = build_votes(graph, processor=None)
        built = time.perf_counter() - start
        # the planted truth per question, in the votes' own canonical form
        by_question: dict[str, object] = {}
        fact_of = dict(zip(votes.claim_ids, votes.claim_fact.tolist()))
        question_of_fact = [""] * votes.n_facts
        for c in claims:
            question_of_fact[fact_of[c.id]] = str(c.key)
            if data.is_true(c):
                by_question[str(c.key)] = votes.fact_value[fact_of[c.id]]
        value_of_fact = list(votes.fact_value)
        print(f"\n{len(claims):,} claims, {votes.n_sources:,} sources, "
              f"{votes.n_questions:,} questions (generated in {made:.1f} s)")  # fmt: skip
        print(f"  graph + votes (incl. copy groups): {built:8.2f} s")
        start = time.perf_counter()
        base_scores = raw_majority(votes)
        base = time.perf_counter() - start
        base_acc = accuracy(votes, base_scores, by_question, value_of_fact, question_of_fact)
        print(f"  {'method':20s} {'seconds':>8s} {'x raw':>8s} {'iter':>5s} {'accuracy':>9s} "
              f"{'rc.score end to end':>20s}")  # fmt: skip
        accuracies: dict[str, float] = {}
        print(f"  {'raw numpy majority':20s} {base:8.3f} {1.0:8.1f} {1:5d} {base_acc:9.3f}")
        for name, algorithm in ALGORITHMS.items():
            start = time.perf_counter()
            fit = algorithm(votes)
            claim_scores(votes, fit.fact_score, fit.trust)
            took = time.perf_counter() - start
            acc = accuracy(votes, fit.fact_score, by_question, value_of_fact, question_of_fact)
            # what a user pays: rc.score from the Claim objects to the Consensus
            whole = fastest(partial(rc.score, claims, method=name, processor=None))
            print(f"  {name:20s} {took:8.3f} {took / max(base, 1e-9):8.1f} {fit.iterations:5d} "
                  f"{acc:9.3f} {whole:18.2f} s")  # fmt: skip
            accuracies[name] = acc
        print(f"  peak memory so far: {peak_rss_mb():,.0f} MB")

        def accuracy_of(scores: np.ndarray, votes: Votes = votes,
                        truth: dict[str, object] = by_question,
                        values: list[object] = value_of_fact,
                        questions: list[str] = question_of_fact) -> float:  # fmt: skip
            return accuracy(votes, scores, truth, values, questions)

        compare_truthdiscovery(claims, data, votes, accuracy_of, accuracies)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
