"""Hypothesis strategies for claims, sources, attribution chains and values, in one place."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import strategies as st

from reconcile.model import Claim, Link, Source, SourceKind, Stance

__all__ = [
    "aware_times",
    "claim_lists",
    "claims",
    "links_for",
    "metas",
    "names",
    "scalars",
    "sources",
    "structured_claims",
    "text_claims",
    "texts",
    "values",
    "via_chains",
]

names = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=20
).filter(str.strip)
texts = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=80
).filter(str.strip)

sources = st.one_of(
    names,
    st.builds(
        Source,
        names,
        name=st.none() | names,
        kind=st.sampled_from(SourceKind),
        prior=st.none() | st.floats(0.01, 0.99),
    ),
)
via_chains = st.lists(names.map(str.strip), max_size=4).map(tuple)
scalars = st.one_of(
    names,
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
)
values = scalars | st.lists(scalars, min_size=1, max_size=5).map(tuple)
aware_times = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)).flatmap(
    lambda dt: st.sampled_from(
        [timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8))]
    ).map(lambda tz: dt.replace(tzinfo=tz))
)
_json_leaf = (
    st.none()
    | st.booleans()
    | st.integers(-(10**9), 10**9)
    | names
    | st.floats(allow_nan=False, allow_infinity=False)
)
metas = st.dictionaries(
    names,
    st.recursive(
        _json_leaf,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(names, inner, max_size=3),
        max_leaves=8,
    ),
    max_size=3,
)

_common = {
    "source": sources,
    "via": via_chains,
    "stance": st.sampled_from(Stance),
    "time": st.none() | aware_times,
    "document": st.none() | names,
    "meta": metas,
}

text_claims = st.builds(Claim, texts, **_common)
structured_claims = st.builds(
    Claim,
    st.none() | texts,
    subject=names,
    predicate=names,
    value=values,
    **_common,
)
claims = text_claims | structured_claims


def _unique_by_id(items: list[Claim]) -> list[Claim]:
    seen: dict[str, Claim] = {}
    for claim in items:
        seen.setdefault(claim.id, claim)
    return list(seen.values())


claim_lists = st.lists(claims, max_size=12).map(_unique_by_id)


def links_for(items: list[Claim]) -> st.SearchStrategy[list[Link]]:
    """Links among the given claims (no self-loops, at most one per pair)."""
    if len(items) < 2:
        return st.just([])
    ids = [c.id for c in items]
    pair = st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda p: p[0] != p[1])
    row = st.tuples(
        pair,
        st.sampled_from(["corroborates", "contradicts"]),
        st.floats(0, 1),
        st.lists(texts, max_size=2),
        st.booleans(),
    )

    def build(rows: list[tuple[tuple[str, str], str, float, list[str], bool]]) -> list[Link]:
        by_pair = {
            tuple(sorted(p)): Link(p[0], p[1], r, c, reasons=rs, hedged=h)
            for p, r, c, rs, h in rows
        }
        return list(by_pair.values())

    return st.lists(row, max_size=10).map(build)
