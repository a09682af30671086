"""Truth discovery on real fusion data: Book, Flights, crowd_product, crowd_dog.

For every reconcile method (and "auto"), the share of gold questions whose
best-supported value equals the truth, with the peers measured in the same run on the
same claims when they are installed in this environment (never dependencies of the
library): crowd-kit's MajorityVote, Wawa, DawidSkene and GLAD, and truthdiscovery's
algorithms (if it imports; its times include building its Dataset). Author lists
(Book) are compared as sets of surnames (reconcile.datasets.fusion.author_names);
flight times as 24-hour hh:mm.

    python benchmarks/eval_fusion.py
"""

from __future__ import annotations

import time
import warnings
from typing import Any

from _common import require_data, truthdiscovery_peers
from rapidfuzz.utils import default_process

import reconcile as rc
from reconcile.datasets.fusion import load_book, load_crowd, load_flights
from reconcile.scoring import METHODS
from reconcile.scoring.votes import canonical_value


def accuracy(best: dict[Any, Any], truth: dict[Any, Any]) -> float:
    hits = sum(
        k in best
        and canonical_value(best[k], default_process) == canonical_value(v, default_process)
        for k, v in truth.items()
    )
    return hits / len(truth)


def crowdkit_peers(claims: list[rc.Claim]) -> dict[str, dict[Any, Any]]:
    try:
        import pandas as pd
        from crowdkit.aggregation import GLAD, DawidSkene, MajorityVote, Wawa
    except ImportError as err:
        print(f"  (crowd-kit not installed: {err})")
        return {}
    labels = {}
    rows = []
    for c in claims:
        key = repr(canonical_value(c.value, default_process))  # type: ignore[arg-type]
        labels[key] = c.value
        rows.append({"task": f"{c.subject}\x1f{c.predicate}", "worker": c.source.id,
                     "label": key})  # fmt: skip
    df = pd.DataFrame(rows)
    out = {}
    models: list[tuple[str, Any]] = [("MajorityVote", MajorityVote()), ("Wawa", Wawa()),
                                     ("DawidSkene", DawidSkene(n_iter=100))]  # fmt: skip
    if len(labels) <= 16:  # GLAD's cost grows with the label set: crowd data only
        models.append(("GLAD", GLAD(n_iter=100)))
    for name, model in models:
        try:
            start = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                pred = model.fit_predict(df)
            elapsed = time.perf_counter() - start
        except Exception as err:  # a peer's failure is reported, not fatal
            print(f"  crowd-kit {name}: failed ({type(err).__name__})")
            continue
        out[f"crowd-kit {name} ({elapsed:.1f} s)"] = {
            tuple(t.split("\x1f")): labels[v] for t, v in pred.items()
        }
    return out


def td_triples(
    claims: list[rc.Claim],
) -> tuple[list[tuple[object, object, object]], dict[object, object]]:
    """The claims as truthdiscovery's (source, variable, value), values canonical as ours,
    and a map from each canonical value back to a value as stated."""
    labels: dict[object, object] = {}
    triples: list[tuple[object, object, object]] = []
    for c in claims:
        key = canonical_value(c.value, default_process)  # type: ignore[arg-type]
        labels.setdefault(key, c.value)
        triples.append((c.source.id, (c.subject, c.predicate), key))
    return triples, labels


def main() -> int:
    require_data()
    book_claims, silver = load_book(truth="silver")
    gold = load_book()[1]
    # the development split ACCU's similarity was chosen on: silver less gold
    dev = {k: v for k, v in silver.items() if k not in gold}
    datasets = {
        "book dev (silver less gold)": (book_claims, dev),
        "book": (book_claims, gold),
        "flights": load_flights(),
        "crowd_product": load_crowd("crowd_product"),
        "crowd_dog": load_crowd("crowd_dog"),
    }
    for name, (claims, truth) in datasets.items():
        print(f"\n{name}: {len(claims):,} claims, {len(truth):,} gold questions")
        print(f"  {'system':<38} {'accuracy':>8} {'iter':>5} {'seconds':>8}")
        for method in METHODS:
            start = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                result = rc.score(claims, method=method)
            elapsed = time.perf_counter() - start
            best = {a.question: a.value for a in result.answers()}
            label = f"reconcile {method}" + (f" ({result.method})" if method == "auto" else "")
            print(
                f"  {label:<38} {accuracy(best, truth):8.4f} {result.iterations:5d} {elapsed:8.2f}"
            )
        for label, best in crowdkit_peers(claims).items():
            print(f"  {label:<38} {accuracy(best, truth):8.4f}")
        triples, labels = td_triples(claims)
        build, peers, _ = truthdiscovery_peers(triples)
        for peer, (best, took, iterations) in peers.items():
            stated = {q: labels[v] for q, v in best.items()}
            label = f"truthdiscovery {peer}"
            seconds = took + build
            print(f"  {label:<38} {accuracy(stated, truth):8.4f} {iterations:5d} {seconds:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
