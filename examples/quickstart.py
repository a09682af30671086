"""Quickstart: build claims, put them in a graph, look around, save and load.

Shows the claim model (source, relay chain, stance, structured values), the
networkx-backed ClaimGraph, and the lossless JSON round trip.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import reconcile as rc

claims = [
    rc.Claim("The ferry service resumed on Monday", source="harbour master",
             via=("Coastal Radio",)),
    rc.Claim("Ferries are running again since Monday", source="ferry company"),
    rc.Claim("The ferry service has not resumed", source="commuter group", stance="asserts"),
    rc.Claim(subject="ferry", predicate="sailings per day", value=6, source="ferry company"),
    rc.Claim(subject="ferry", predicate="sailings per day", value=4, source="commuter group"),
]  # fmt: skip

graph = rc.ClaimGraph(claims)
graph.add_link(rc.Link(claims[0], claims[1], "corroborates", 0.9, reasons=["same event"]))
graph.add_link(rc.Link(claims[0], claims[2], "contradicts", 0.8, reasons=["negation: 'not'"]))

print(graph)
for link in graph.links():
    print(f"{graph[link.a].source.id} {link.relation} {graph[link.b].source.id}", link.reasons)
print("questions:", [len(q) for q in graph.questions()])

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "ferry.json"
    rc.write_json(graph, path)
    again = rc.read_json(path)
    assert rc.to_json(again) == rc.to_json(graph)
    print("JSON round trip holds:", path.stat().st_size, "bytes")
