"""Training the linker on your own labelled pairs, saving it, and linking with it.

A newsroom labels a few claim pairs from its own beat (here: transport disruptions);
``Linker.fit`` learns feature weights from them, ``save``/``load`` keep them as JSON, and
``rc.link(..., linker=...)`` uses them. The shipped default (fitted on FNC-1) is shown
for comparison.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import reconcile as rc


def c(text: str, source: str) -> rc.Claim:
    return rc.Claim(text, source=source)


labelled = [
    (c("Rail strike halts trains across the north", "union"),
     c("Trains across the north halted by rail strike", "paper"), "corroborates"),
    (c("Rail strike halts trains across the north", "union"),
     c("Trains in the north are running normally despite strike call", "operator"),
     "contradicts"),
    (c("Airport reopens after snow closure", "airport"),
     c("Airport reportedly set to reopen after snow", "blog"), "hedged"),
    (c("Airport reopens after snow closure", "airport"),
     c("Bus fares to rise next spring", "council"), "unrelated"),
    (c("Ferry services cancelled because of storm", "ferry line"),
     c("Storm cancels ferry services", "radio"), "corroborates"),
    (c("Ferry services cancelled because of storm", "ferry line"),
     c("Ferry services were not cancelled despite storm", "harbour"), "contradicts"),
    (c("Motorway closed after crash near junction 4", "police"),
     c("Motorway may close after crash, sources say", "forum"), "hedged"),
    (c("Motorway closed after crash near junction 4", "police"),
     c("New cycle lanes open downtown", "city"), "unrelated"),
]  # fmt: skip
pairs = [(a, b) for a, b, _ in labelled] * 3
labels = [label for _, _, label in labelled] * 3

linker = rc.Linker().fit(pairs, labels)
print("fitted on", len(pairs), "pairs:", linker)

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "transport-linker.json"
    linker.save(path)
    linker = rc.Linker.load(path)

new = [
    c("Tram strike halts trams across the city", "union"),
    c("Trams across the city halted by strike", "paper"),
    c("Trams in the city are running normally", "operator"),
]
for name, model in (("own linker", linker), ("default linker", rc.Linker.default())):
    graph = rc.link(new, linker=model)
    print(f"\n{name}: {graph}")
    for link in graph.links():
        print(f"  {graph[link.a].source.id} {link.relation.value} {graph[link.b].source.id}"
              f" ({link.confidence:.2f}): {'; '.join(link.reasons)}")  # fmt: skip
