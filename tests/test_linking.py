from __future__ import annotations

import itertools
import random
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import reconcile as rc
from reconcile.linking.blocking import prefix_pairs
from reconcile.linking.features import (
    Prepared,
    analyse_texts,
    combine_parts,
    pair_dot,
    prepare,
    prepare_texts,
    shares_rarest,
)


def claim(text: str, source: str, **kw: object) -> rc.Claim:
    return rc.Claim(text, source=source, **kw)  # type: ignore[arg-type]


def test_compare_finds_corroboration() -> None:
    link = rc.compare(
        claim("Talks in Doha made significant progress", "envoy"),
        claim("There was significant progress in the Doha talks", "spokesman"),
    )
    assert link is not None
    assert link.relation is rc.Relation.CORROBORATES
    assert 0.5 < link.confidence <= 1
    assert link.reasons[0].startswith("similar wording")


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("The ferry sank with 17 people on board", "The ferry sank with 18 people on board",
         "numbers differ: 17 vs 18 people"),
        ("Talks in Doha made significant progress", "Talks in Doha made no significant progress",
         "negation: 'no'"),
        ("Reports of a cease-fire deal in Doha are not true",
         "A cease-fire deal was reached in Doha", "negation: 'not true'"),
        ("Oil prices rose sharply on Monday", "Oil prices fell sharply on Monday",
         "antonyms: fell vs rose"),
        ("The bridge reopened on Monday after repairs",
         "The bridge reopened on Friday after repairs", "dates differ: monday vs friday"),
    ],
)  # fmt: skip
def test_compare_finds_contradictions_with_reasons(a: str, b: str, reason: str) -> None:
    link = rc.compare(claim(a, "x"), claim(b, "y"))
    assert link is not None
    assert link.relation is rc.Relation.CONTRADICTS
    # the reason names the two sides in id order: accept either
    head, _, tail = reason.partition(": ")
    left, _, right = tail.partition(" vs ")
    unit = right.partition(" ")[2]
    right = right.partition(" ")[0] if unit else right
    swapped = f"{head}: {right} vs {left}" + (f" {unit}" if unit else "")
    assert reason in link.reasons or swapped in link.reasons, link.reasons


def test_denying_stance_flips_polarity() -> None:
    a = claim("A cease-fire deal was reached in Doha", "unnamed sources")
    b = claim("A cease-fire deal was reached in Doha", "spokesman", stance="denies")
    link = rc.compare(a, b)
    assert link is not None
    assert link.relation is rc.Relation.CONTRADICTS
    assert "spokesman denies it" in link.reasons


def test_hedged_reports_are_marked_and_weaker() -> None:
    plain = rc.compare(claim("The minister resigned on Friday", "a"),
                       claim("The minister resigned Friday evening", "b"))  # fmt: skip
    hedged = rc.compare(claim("The minister resigned on Friday", "a"),
                        claim("The minister reportedly resigned Friday evening", "b"))  # fmt: skip
    assert plain is not None
    assert hedged is not None
    assert hedged.hedged
    assert not plain.hedged
    assert hedged.confidence < plain.confidence
    assert "hedged: 'reportedly'" in hedged.reasons


def test_unrelated_claims_are_not_linked() -> None:
    assert rc.compare(claim("The dam held after the storm", "a"),
                      claim("Wheat prices doubled in Kansas", "b")) is None  # fmt: skip
    same = claim("x y z", "a")
    assert rc.compare(same, same) is None


def test_structured_values() -> None:
    def sc(value: object, source: str, **kw: object) -> rc.Claim:
        return rc.Claim(subject="isbn:1", predicate="authors", value=value, source=source, **kw)  # type: ignore[arg-type]

    same = rc.compare(sc("Brian W. Kernighan", "a"), sc("brian w kernighan", "b"))
    assert same is not None
    assert same.relation is rc.Relation.CORROBORATES
    partial = rc.compare(sc(("Kernighan", "Ritchie"), "a"), sc(("Kernighan",), "b"))
    assert partial is not None
    assert partial.relation is rc.Relation.CORROBORATES
    assert partial.confidence == pytest.approx(0.5)
    differ = rc.compare(sc("Knuth", "a"), sc("Kernighan", "b"))
    assert differ is not None
    assert differ.relation is rc.Relation.CONTRADICTS
    close = rc.compare(
        rc.Claim(subject="f", predicate="km", value=100.0, source="a"),
        rc.Claim(subject="f", predicate="km", value="100.5", source="b"),
    )
    assert close is not None
    assert close.relation is rc.Relation.CORROBORATES
    denied = rc.compare(sc("Knuth", "a"), sc("Knuth", "b", stance="denies"))
    assert denied is not None
    assert denied.relation is rc.Relation.CONTRADICTS
    assert rc.compare(sc("Knuth", "a"), sc("Kernighan", "b", stance="denies")) is None
    assert rc.compare(sc("Knuth", "a"), claim("Knuth wrote it", "b")) is None


def test_link_the_demo() -> None:
    graph = rc.link(rc.datasets.load_demo())
    assert len(graph) == 16
    contained = graph.get_link("contained-chief", "contained-port")
    assert contained is not None
    assert contained.relation is rc.Relation.CORROBORATES
    injured = graph.get_link("injured-hospital", "injured-mayor")
    assert injured is not None
    assert injured.relation is rc.Relation.CONTRADICTS
    assert "numbers differ: 4 vs 3 workers" in injured.reasons
    deaths = graph.get_link("deaths-chief", "deaths-rumour")
    assert deaths is not None
    assert deaths.relation is rc.Relation.CONTRADICTS
    assert deaths.hedged
    # a relay by one source through another outlet is not linked to itself
    assert graph.get_link("contained-port", "contained-port-relay") is None
    # topic words shared by the whole story do not link different propositions
    assert graph.get_link("deaths-chief", "injured-mayor") is None


def test_link_is_order_invariant_and_idempotent() -> None:
    claims = rc.datasets.load_demo()
    shuffled = list(claims)
    random.Random(7).shuffle(shuffled)
    a, b = rc.link(claims), rc.link(shuffled)
    assert rc.to_json(a) == rc.to_json(b)
    assert rc.to_json(rc.link(a)) == rc.to_json(a)


def test_same_source_option() -> None:
    claims = [claim("The port closed on Monday", "port"), claim("The port closed Monday", "port")]
    assert rc.link(claims).number_of_links == 0
    assert rc.link(claims, same_source=True).number_of_links == 1


def test_empty_and_bad_input() -> None:
    assert len(rc.link([])) == 0
    assert rc.count_comparisons([]).pairs == 0
    with pytest.raises(rc.InvalidClaimError) as info:
        rc.link([claim("x", "a"), "not a claim"])  # type: ignore[list-item]
    assert info.value.record == 1
    # one id on two different claims: neither is silently kept over the other
    twice = [rc.Claim("a b c", source="s", id="x"), rc.Claim("d e f", source="t", id="x")]
    for preview in (rc.link, rc.count_comparisons):
        with pytest.raises(rc.DuplicateIdError) as dup:
            preview(twice)
        assert dup.value.record == 1 and dup.value.field == "id"
    assert len(rc.link([twice[0], twice[0]])) == 1  # an equal claim twice is one claim
    bad_options: list[dict[str, object]] = [
        {"block_on": "colour"},
        {"block_on": 3},
        {"scorer": "token_set_ratio"},
        {"processor": 5},
        {"score_cutoff": 101},
        {"score_cutoff": float("nan")},
        {"workers": 0},
        {"workers": 1.5},
        {"max_block_size": 1},
        {"linker": "default"},
    ]
    for options in bad_options:
        with pytest.raises(rc.OptionError) as err:
            rc.link([claim("x", "a")], **options)  # type: ignore[arg-type]
        assert err.value.field == next(iter(options))


def test_score_cutoff_and_custom_scorer() -> None:
    from rapidfuzz import fuzz

    claims = [claim("The port closed on Monday", "a"), claim("Port closed Monday morning", "b")]
    assert rc.link(claims, scorer=fuzz.ratio).number_of_links == 1
    assert rc.link(claims, scorer=fuzz.ratio, score_cutoff=99).number_of_links == 0


def test_block_on_field_and_callable() -> None:
    claims = [
        claim("The port closed on Monday", "a", document="d1"),
        claim("The port closed Monday", "b", document="d2"),
    ]
    assert rc.link(claims, block_on="document").number_of_links == 0
    assert rc.link(claims, block_on=lambda c: "all in one").number_of_links == 1


def test_capped_blocks_are_reported() -> None:
    claims = [claim(f"Storm {i} hit the coast town", f"s{i}") for i in range(6)]
    report = rc.count_comparisons(claims, max_block_size=3)
    assert report.capped_blocks
    assert "not compared" in str(report)
    with pytest.warns(rc.ReconcileWarning, match="max_block_size=3"):
        rc.link(claims, max_block_size=3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rc.link(claims)


def test_pair_dot_matches_a_loop() -> None:
    rng = np.random.default_rng(0)
    rows = [sorted(rng.choice(30, size=rng.integers(0, 8), replace=False)) for _ in range(40)]
    ptr = np.cumsum([0] + [len(r) for r in rows])
    idx = np.array([t for r in rows for t in r], dtype=np.int64)
    val = rng.random(len(idx))
    ia, ib = rng.integers(0, 40, 500), rng.integers(0, 40, 500)
    fast = pair_dot(ptr, idx, val, val, ia, ib, chunk=37)
    weights = [dict(zip(r, val[ptr[i] : ptr[i + 1]])) for i, r in enumerate(rows)]
    slow = [sum(w * weights[b].get(t, 0.0) for t, w in weights[a].items()) for a, b in zip(ia, ib)]
    np.testing.assert_allclose(fast, slow)


_words = st.sampled_from("port storm ferry closed opened monday bridge town rain dam held".split())
_texts = st.lists(_words, min_size=1, max_size=6).map(" ".join)


def _terms(p: Prepared, i: int) -> set[int]:
    return set(p.idx[p.ptr[i] : p.ptr[i + 1]].tolist())


def _slow_rarest(p: Prepared, i: int) -> int:
    # fewest claims with it, then the lowest id
    df = {t: sum(t in _terms(p, k) for k in range(len(p.n_terms))) for t in _terms(p, i)}
    return min(df, key=lambda t: (df[t], t)) if df else -1


def _slow_gate(p: Prepared, i: int, j: int, min_overlap: float, short_overlap: float) -> bool:
    ti, tj = _terms(p, i), _terms(p, j)
    if not ti or not tj or len(ti & tj) / min(len(ti), len(tj)) < min_overlap - 1e-9:
        return False
    if not (p.short[i] and p.short[j]):
        return True
    mass = {k: sum(p.idf[t] for t in _terms(p, k)) for k in (i, j)}
    shared = sum(p.idf[t] for t in ti & tj)
    if shared / min(mass.values()) >= short_overlap - 1e-9:
        return True
    smaller = [k for k in (i, j) if mass[k] <= min(mass.values()) + 1e-9]
    return any(_slow_rarest(p, k) in (tj if k == i else ti) for k in smaller)


@given(st.lists(st.tuples(_texts, st.sampled_from("abcd")), min_size=0, max_size=14),
       st.sampled_from([0.2, 0.34, 0.5, 0.8]), st.sampled_from([0.0, 0.5, 0.9]))  # fmt: skip
def test_blocking_finds_every_pair_brute_force_finds(
    rows: list[tuple[str, str]], min_overlap: float, short_overlap: float
) -> None:
    claims = [claim(text, source) for text, source in rows]
    claims = list({c.id: c for c in claims}.values())
    p = prepare(claims)
    groups = np.array([ord(c.source.id) for c in claims], dtype=np.int64)
    ia, ib, _, capped = prefix_pairs(
        p,
        min_overlap=min_overlap,
        short_overlap=short_overlap,
        max_block_size=1000,
        groups=groups,
        terms=list(p.vocab),
    )
    found = set(zip(ia.tolist(), ib.tolist()))
    assert not capped
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if claims[i].source == claims[j].source:
                continue
            if _slow_gate(p, i, j, min_overlap, short_overlap):
                assert (i, j) in found


_phrases = st.sampled_from([
    "the port closed", "17 people died", "18 people died", "not true", "on Monday",
    "the dam held.", "It rained. The bridge opened", "reportedly", "officials denied it",
    "12 km of road", "the ferry sank", "no storm",
])  # fmt: skip


@given(st.lists(st.lists(_phrases, min_size=1, max_size=4).map(" ".join), max_size=12),
       st.lists(st.integers(0, 12), max_size=4), st.randoms())  # fmt: skip
def test_parts_analysed_apart_join_into_the_whole(
    texts: list[str], cuts: list[int], rnd: random.Random
) -> None:
    # the slow obvious reference: the collection analysed in one piece
    denies = np.array([rnd.random() < 0.3 for _ in texts], dtype=np.bool_)
    hedged = np.array([rnd.random() < 0.3 for _ in texts], dtype=np.bool_)
    whole = prepare_texts(texts, denies=denies, hedged=hedged)
    bounds = sorted({0, len(texts), *(min(c, len(texts)) for c in cuts)})
    joined = combine_parts([
        analyse_texts(texts[lo:hi], denies=denies[lo:hi], hedged=hedged[lo:hi])
        for lo, hi in itertools.pairwise(bounds)
    ])  # fmt: skip
    assert joined.vocab == whole.vocab
    assert joined.texts == whole.texts
    assert joined.segments == whole.segments
    for name in Prepared.__annotations__:
        if name not in ("vocab", "texts", "segments"):
            assert np.array_equal(getattr(joined, name), getattr(whole, name)), name


@given(st.lists(_texts, min_size=2, max_size=12, unique=True), st.randoms())
def test_shares_rarest_matches_sets(texts: list[str], rnd: random.Random) -> None:
    p = prepare([claim(text, "s") for text in texts])
    n = len(texts)
    assert p.rarest.tolist() == [_slow_rarest(p, i) for i in range(n)]
    ia = np.array([rnd.randrange(n) for _ in range(30)], dtype=np.int64)
    ib = np.array([rnd.randrange(n) for _ in range(30)], dtype=np.int64)
    expected = []
    for i, j in zip(ia.tolist(), ib.tolist()):
        hit = False
        for x, y in ((i, j), (j, i)):
            if p.mass[x] <= p.mass[y] + 1e-9 and p.rarest[x] >= 0:
                hit |= int(p.rarest[x]) in _terms(p, y)
        expected.append(hit)
    assert shares_rarest(p, ia, ib).tolist() == expected


@given(st.lists(st.tuples(_texts, st.sampled_from("abc")), max_size=10), st.randoms())
def test_link_equals_brute_force_and_ignores_order(
    rows: list[tuple[str, str]], rnd: random.Random
) -> None:
    claims = [claim(text, source) for text, source in rows]
    claims = list({c.id: c for c in claims}.values())
    blocked = rc.link(claims)
    brute = rc.link(claims, block_on="all")
    assert list(blocked.links()) == list(brute.links())
    rnd.shuffle(claims)
    assert list(rc.link(claims).links()) == list(blocked.links())


@given(_texts, _texts)
def test_compare_is_symmetric(a: str, b: str) -> None:
    x, y = claim(a, "x"), claim(b, "y")
    ab, ba = rc.compare(x, y), rc.compare(y, x)
    assert (ab is None) == (ba is None)
    if ab is not None and ba is not None:
        assert ab.relation == ba.relation
        assert ab.confidence == pytest.approx(ba.confidence)


def test_linker_save_load_and_fit(tmp_path: Path) -> None:
    linker = rc.Linker.default()
    assert linker.is_fitted
    path = tmp_path / "linker.json"
    linker.save(path)
    again = rc.Linker.load(path)
    assert again.to_dict() == linker.to_dict()
    pairs = [
        (claim("The port closed on Monday", "a"), claim("The port closed Monday", "b")),
        (claim("The port closed on Monday", "a"), claim("The port did not close Monday", "c")),
        (claim("The dam held", "a"), claim("Wheat prices doubled", "b")),
        (claim("Rain fell in the town", "a"), claim("Rain reportedly fell in town", "b")),
    ] * 5
    labels = ["corroborates", "contradicts", "unrelated", "hedged"] * 5
    fitted = rc.Linker().fit(pairs, labels)
    assert fitted.is_fitted
    assert fitted.predict(pairs[:4]) == labels[:4]
    with pytest.raises(rc.OptionError):
        rc.Linker().fit(pairs, ["agrees"] * len(pairs))
    with pytest.raises(rc.OptionError):
        rc.Linker().predict(pairs)
    with pytest.raises(rc.OptionError):
        rc.Linker(min_overlap=0)
    with pytest.raises(rc.OptionError, match="short_cues"):
        rc.Linker(short_cues="yes")  # type: ignore[arg-type]
    path.write_text('{"format": "something else"}')
    with pytest.raises(rc.SchemaError):
        rc.Linker.load(path)


def test_default_linker_is_not_shared_state() -> None:
    a = rc.Linker.default()
    a.short_overlap = 0.99
    assert rc.Linker.default().short_overlap != 0.99


def test_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    graph = rc.link(rc.datasets.load_demo(), progress=True)
    assert graph.number_of_links > 0
    assert "linking" in capsys.readouterr().err


def test_progress_bars_on_scoring_and_extraction(capsys: pytest.CaptureFixture[str]) -> None:
    rc.score(rc.datasets.load_demo(), progress=True)
    err = capsys.readouterr().err
    assert "scoring" in err and "linking" in err
    text = "Officials said the bridge was safe. " * 5000
    assert len(rc.extract_claims(text, progress=True)) == 5000
    assert "extracting" in capsys.readouterr().err


def test_fit_keeps_the_short_pair_rule_only_where_it_helps() -> None:
    # short pairs that differ in a negation: the rule calls them contradictions
    flipped = [
        (claim("The port closed on Monday", "a"), claim("The port did not close Monday", "b")),
        (claim("The dam held in the storm", "a"), claim("The dam never held in the storm", "b")),
        (claim("The bridge opened", "a"), claim("The bridge has not opened", "b")),
    ]
    same = [
        (claim("Rain fell in the town", "a"), claim("Rain fell in town", "b")),
        (claim("The ferry sank", "a"), claim("The ferry sank today", "b")),
    ]
    pairs = (flipped + same) * 4
    # where those pairs really are contradictions, the rule is kept ...
    labels = (["contradicts"] * 3 + ["corroborates"] * 2) * 4
    assert rc.Linker().fit(pairs, labels).short_cues
    # ... where the data calls them reports ("observing"), the model decides alone
    labels = (["hedged"] * 3 + ["corroborates"] * 2) * 4
    fitted = rc.Linker().fit(pairs, labels)
    assert not fitted.short_cues
    assert fitted.predict(flipped) == ["hedged"] * 3
    assert rc.Linker().fit(pairs, labels, short_cues=True).short_cues
    assert rc.Linker.from_dict(fitted.to_dict()).short_cues is False
