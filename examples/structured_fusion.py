"""Structured data fusion: which value of each attribute is true, and which sources to trust.

Builds a small table of flight arrival times. Two sites report their own observations;
an aggregator's figures are also republished by two mirror sites (declared as relays,
``via``). Counting each relay as a voice lets the aggregator outvote everyone; counting
the origin once (the default, ``independence=True``) does not. Prints the answers of
several methods both ways, the source trust and one explanation.
"""

from __future__ import annotations

import reconcile as rc

observed = {
    "airline": {"UA-1": "09:40", "UA-2": "11:05", "UA-3": "14:20", "UA-4": "18:45"},
    "airport": {"UA-1": "09:40", "UA-2": "11:05", "UA-3": "14:25", "UA-4": "18:45"},
    "aggregator": {"UA-1": "09:55", "UA-2": "11:05", "UA-3": "14:20", "UA-4": "19:10"},
}
claims = [
    rc.Claim(subject=flight, predicate="arrival", value=time, source=site)
    for site, times in observed.items()
    for flight, time in times.items()
]
# the aggregator's numbers, republished by two mirrors
claims += [
    rc.Claim(subject=flight, predicate="arrival", value=time, source="aggregator", via=(mirror,))
    for mirror in ("mirror-1", "mirror-2")
    for flight, time in observed["aggregator"].items()
]

for independence in (False, True):
    print(f"independence={independence}")
    for method in ("majority", "truthfinder", "accu"):
        result = rc.score(claims, method=method, independence=independence)
        answers = {a.question[0]: a.value for a in result.answers()}
        print(f"  {method:12s}", answers)

result = rc.score(claims)
print(f"\nsource trust ({result.method}):")
for source, trust in sorted(result.trusts.items(), key=lambda kv: -kv[1]):
    print(f"  {source:12s} {trust:.2f}")
ua4 = next(c for c in claims if c.source.id == "airline" and c.subject == "UA-4")
print("\n" + str(result.explain(ua4)))
