from __future__ import annotations

import collections
import math
import random
import warnings
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import reconcile as rc
from reconcile.graph import ClaimGraph
from reconcile.scoring import ALGORITHMS, METHODS
from reconcile.scoring.votes import COPY_MIN_EXCLUSIVE, COPY_MIN_VOTES, build_votes, copy_discount


def fact(value: object, source: str, **kw: object) -> rc.Claim:
    return rc.Claim(subject="bridge", predicate="opened", value=value, source=source, **kw)  # type: ignore[arg-type]


def test_majority_and_scores_add_up() -> None:
    claims = [fact("Monday", "a"), fact("monday", "b"), fact("Tuesday", "c")]
    result = rc.score(claims, method="majority")
    assert result.score(claims[0]) == pytest.approx(2 / 3)
    assert result.score(claims[2]) == pytest.approx(1 / 3)
    assert result.score(claims[0]) + result.score(claims[2]) == pytest.approx(1.0)
    (answer,) = result.answers()
    assert str(answer.value).lower() == "monday"
    assert set(answer.claim_ids) == {claims[0].id, claims[1].id}


def test_denial_scores_the_complement() -> None:
    claims = [fact("Monday", "a"), fact("Monday", "b"), fact("Monday", "c", stance="denies")]
    result = rc.score(claims, method="accu")
    assert result.score(claims[2]) == pytest.approx(1 - result.score(claims[0]))
    assert result.score(claims[0]) > 0.5


def test_lone_claim_scores_by_trust_shrunk() -> None:
    claims = [rc.Claim("The dam held", source=rc.Source("engineer", prior=0.9))]
    result = rc.score(claims)
    assert 0.5 < result.score(claims[0]) < 0.9
    assert "nobody contradicts it" in result.explain(claims[0]).note


def test_demo_end_to_end() -> None:
    result = rc.score(rc.datasets.load_demo())
    assert result.method == "accu"
    assert result.converged
    assert len(result.scores) == 16
    assert result.score("injured-count-hospital") > 0.9
    assert result.score("injured-count-mayor") < 0.1
    assert result.score("deaths-chief") > result.score("deaths-rumour")
    why = result.explain("injured-count-mayor")
    assert {s.source for s in why.contradictors} == {"Elsby Gazette", "St Brendan's Hospital"}
    text = str(why)
    assert "contradicted by" in text
    tables = result.to_pandas()
    assert len(tables.claims) == 16
    assert set(tables.sources["source"]) == set(result.trusts)
    assert "<table>" in result._repr_html_()
    assert "Consensus" in repr(result)


def test_an_explanation_says_why_a_repeat_weighs_nothing() -> None:
    claims = [
        rc.Claim(subject="quay", predicate="status", value="open", source="harbour", id="a"),
        rc.Claim(subject="quay", predicate="status", value="open", source="harbour", id="b"),
        rc.Claim(subject="quay", predicate="status", value="open", source="pilot", id="c"),
        rc.Claim(subject="quay", predicate="status", value="shut", source="radio", id="d"),
        rc.Claim(
            subject="quay",
            predicate="status",
            value="open",
            source="ferry",
            id="e",
            stance="hedged",
        ),
    ]
    why = rc.score(claims).explain("a")
    rows = {s.claim_id: s for s in why.supporters}
    assert rows["b"].weight == 0.0
    assert rows["b"].reasons[-1] == "harbour again: a source counts once"
    assert rows["c"].weight == 1.0
    assert not any("counts once" in r for r in rows["c"].reasons)
    assert (rows["e"].weight, rows["e"].reasons) == (0.5, ("a hedged report: it counts half",))


def test_consensus_json_round_trip() -> None:
    result = rc.score(rc.datasets.load_demo())
    again = rc.from_json(rc.to_json(result))
    assert isinstance(again, rc.Consensus)
    assert again.scores == result.scores
    assert again.trusts == result.trusts
    assert again.method == result.method
    assert rc.to_json(again) == rc.to_json(result)


@pytest.mark.parametrize("method", METHODS)
def test_every_method_runs_and_stays_in_range(method: str) -> None:
    data = rc.datasets.synthetic(300, n_sources=30, structured=True, seed=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rc.ReconcileWarning)
        result = rc.score(data.claims, method=method)
    scores = np.array(list(result.scores.values()))
    trust = np.array(list(result.trusts.values()))
    assert len(scores) == len(data.claims)
    assert np.all(np.isfinite(scores))
    assert np.all((scores >= 0) & (scores <= 1))
    assert np.all(np.isfinite(trust))
    assert np.all((trust >= 0) & (trust <= 1))
    # on planted truth every method beats a coin
    best = {a.question: a.value for a in result.answers()}
    right = sum(best[(q, "count")] == int(v.split("|")[0]) for q, v in data.truth.items())
    assert right / len(data.truth) > 0.6


def test_bad_options() -> None:
    claims = [fact("Monday", "a")]
    for kwargs, field in (
        ({"method": "magic"}, "method"),
        ({"max_iter": 0}, "max_iter"),
        ({"tol": -1}, "tol"),
        ({"priors": {"a": 1.5}}, "priors"),
        ({"priors": {"a": "high"}}, "priors"),
        ({"processor": 3}, "processor"),
        ({"method": "sums", "nonsense": 1}, None),
        ({"method": "investment", "rounds": 0}, "rounds"),
        ({"method": "pooled_investment", "rounds": 2.5}, "rounds"),
        ({"method": "dawid_skene", "pooling": "some"}, "pooling"),
        ({"method": "pooled_investment", "initial_belief": "flat"}, "initial_belief"),
        ({"method": "truthfinder", "cosine_tol": -0.1}, "cosine_tol"),
        ({"method": "truthfinder", "cosine_tol": True}, "cosine_tol"),
    ):
        with pytest.raises(rc.OptionError) as info:
            rc.score(claims, **kwargs)  # type: ignore[arg-type]
        if field is not None:
            assert info.value.field == field
    with pytest.raises(rc.InvalidClaimError):
        rc.score([claims[0], "x"])  # type: ignore[list-item]


def test_non_convergence_is_a_flag_and_a_warning() -> None:
    data = rc.datasets.synthetic(200, n_sources=20, structured=True, seed=1)
    with pytest.warns(rc.ReconcileWarning, match="did not converge"):
        result = rc.score(data.claims, method="accu", max_iter=1)
    assert not result.converged


@pytest.mark.parametrize("method", ["investment", "pooled_investment"])
def test_investment_runs_its_rounds_unless_told_to_converge(method: str) -> None:
    data = rc.datasets.synthetic(400, n_sources=20, structured=True, seed=2)
    with warnings.catch_warnings():
        warnings.simplefilter("error", rc.ReconcileWarning)  # finishing its rounds is no failure
        fixed = rc.score(data.claims, method=method)
        assert (fixed.iterations, fixed.converged) == (20, True)
        assert rc.score(data.claims, method=method, rounds=3, max_iter=2).iterations == 2
    free = rc.score(data.claims, method=method, rounds=None, max_iter=1000, tol=1e-4)
    assert free.converged and free.iterations != 20


def test_investment_initial_belief_sets_the_first_returns() -> None:
    data = rc.datasets.synthetic(400, n_sources=20, structured=True, seed=2)
    voted = rc.score(data.claims, method="pooled_investment", rounds=1)
    uniform = rc.score(data.claims, method="pooled_investment", rounds=1,
                       initial_belief="uniform")  # fmt: skip
    assert voted.trust(data.claims[0].source) != uniform.trust(data.claims[0].source)


def test_truthfinder_cosine_rule_stops_no_later() -> None:
    data = rc.datasets.synthetic(400, n_sources=20, structured=True, seed=2)
    tight = rc.score(data.claims, method="truthfinder")
    early = rc.score(data.claims, method="truthfinder", cosine_tol=0.001)
    assert early.converged and early.iterations < tight.iterations


def test_unknown_lookups() -> None:
    result = rc.score([fact("Monday", "a")])
    with pytest.raises(rc.UnknownClaimError):
        result.score("nope")
    with pytest.raises(rc.UnknownClaimError):
        result.trust("nobody")


def test_relays_and_repeats_count_once() -> None:
    base = [fact("Monday", "a"), fact("Tuesday", "b")]
    relayed = base + [
        fact("Tuesday", "b", via=(f"outlet {k}",), id=f"relay-{k}") for k in range(20)
    ]
    plain = rc.score(base, method="majority")
    flooded = rc.score(relayed, method="majority")
    assert flooded.score(base[0]) == pytest.approx(plain.score(base[0]))
    naive = rc.score(relayed, method="majority", independence=False)
    assert naive.score(base[0]) < plain.score(base[0])


def test_copy_detection_changes_votes_only_when_asked() -> None:
    data = rc.datasets.synthetic(400, n_sources=20, structured=True, copy_rate=0.3, seed=2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rc.ReconcileWarning)
        on = rc.score(data.claims, method="accu")
        off = rc.score(data.claims, method="accu", copy_detection=False)
        plain = rc.score(data.claims, method="accu", independence=False)
    assert on.scores != off.scores
    assert off.scores == plain.scores or off.scores != on.scores


_values = st.sampled_from(["Mon", "Tue", "Wed"])
_sources = st.sampled_from([f"s{k}" for k in range(6)])


@given(
    st.lists(st.tuples(st.sampled_from(["q1", "q2"]), _values, _sources), min_size=1, max_size=25),
    st.sampled_from(sorted(ALGORITHMS)),
    st.randoms(),
)
def test_scores_do_not_depend_on_order(
    rows: list[tuple[str, str, str]], method: str, rnd: random.Random
) -> None:
    claims = [
        rc.Claim(subject=q, predicate="day", value=v, source=s, id=f"c{k}")
        for k, (q, v, s) in enumerate(rows)
    ]
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rc.ReconcileWarning)
        a = rc.score(claims, method=method)
        b = rc.score(shuffled, method=method)
    assert a.scores == b.scores
    assert all(0 <= x <= 1 for x in a.scores.values())


@given(st.lists(st.tuples(_values, _sources), min_size=1, max_size=12), _values)
def test_an_independent_corroboration_never_lowers_a_score(
    rows: list[tuple[str, str]], extra: str
) -> None:
    claims = [fact(v, s, id=f"c{k}") for k, (v, s) in enumerate(rows)]
    target = claims[0]
    before = rc.score(claims, method="majority").score(target)
    more = [*claims, fact(target.value, "new independent source", id="new")]
    after = rc.score(more, method="majority").score(target)
    assert after >= before - 1e-12
    against = [*claims, fact(f"not {target.value}", "new independent source", id="new")]
    assert rc.score(against, method="majority").score(target) <= before + 1e-12


@given(st.lists(st.tuples(_values, _sources), min_size=1, max_size=12))
def test_a_flood_of_copies_moves_a_score_no_more_than_one_voice(
    rows: list[tuple[str, str]],
) -> None:
    claims = [fact(v, s, id=f"c{k}") for k, (v, s) in enumerate(rows)]
    target = claims[0]
    one = rc.score([*claims, fact("Sun", "flooder", id="f0")], method="majority")
    flood = rc.score(
        [*claims, *(fact("Sun", "flooder", id=f"f{k}", via=(f"o{k}",)) for k in range(100))],
        method="majority",
    )
    assert flood.score(target) == pytest.approx(one.score(target))


def _sybil_scenario(k: int) -> list[rc.Claim]:
    """5 independent sources (one wrong answer each) against k exact copies of a leader."""
    claims = []
    questions = [f"q{i}" for i in range(8)] + ["target"]
    for h in range(5):
        for i, q in enumerate(questions):
            value = f"{q}-wrong" if i == h else f"{q}-true"
            claims.append(rc.Claim(subject=q, predicate="v", value=value, source=f"honest{h}"))
    leader = {q: (f"{q}-true" if i % 2 else f"{q}-sybil") for i, q in enumerate(questions)}
    leader["target"] = "target-sybil"
    for s in range(k):
        for q in questions:
            claims.append(rc.Claim(subject=q, predicate="v", value=leader[q], source=f"fake{s}"))
    return claims


@pytest.mark.parametrize(
    "method", ["auto", "majority", "accu", "truthfinder", "dawid_skene", "investment"]
)
def test_a_copying_sybil_group_does_not_outvote_independent_sources(method: str) -> None:
    result = rc.score(_sybil_scenario(60), method=method)
    answer = next(a for a in result.answers() if a.question == ("target", "v"))
    assert answer.value == "target-true"
    # without the independence rules the same flood wins a plain vote
    naive = rc.score(_sybil_scenario(60), method="majority", independence=False)
    naive_answer = next(a for a in naive.answers() if a.question == ("target", "v"))
    assert naive_answer.value == "target-sybil"


@pytest.mark.parametrize(
    "method",
    ["majority", "sums", "average_log", "investment", "pooled_investment", "truthfinder", "crh"],
)
def test_a_copy_group_of_any_size_scores_as_one_source(method: str) -> None:
    # the group's votes weigh 1/k each: what a member earns and adds must not
    # depend on k, or a weighted count cancels the discount (as it once did for
    # the investments, which a group of 10 then outvoted)
    one = rc.score(_sybil_scenario(1), method=method)
    ids = [c.id for c in _sybil_scenario(1)]
    for k in (2, 60):
        many = rc.score(_sybil_scenario(k), method=method)
        assert [many.score(i) for i in ids] == pytest.approx([one.score(i) for i in ids])


def _copy_groups_reference(votes: dict[int, set[tuple[int, float]]]) -> dict[int, int]:
    """Slow and obvious: group sources with equal vote sets, keep groups with exclusive facts."""
    size = dict.fromkeys(votes, 1)
    for s, mine in votes.items():
        if len(mine) < COPY_MIN_VOTES:
            continue
        same = [t for t, theirs in votes.items() if theirs == mine]
        if len(same) < 2:
            continue
        exclusive = 0
        for f, w in mine:
            backers = {t for t, theirs in votes.items() if any(g == f and x > 0 for g, x in theirs)}
            if w > 0 and backers <= set(same):
                exclusive += 1
        if exclusive >= COPY_MIN_EXCLUSIVE:
            size[s] = len(same)
    return size


@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 7), st.sampled_from([1.0, 0.5])),
        min_size=1,
        max_size=60,
        unique_by=lambda t: (t[0], t[1]),
    )
)
def test_copy_discount_matches_a_slow_reference(rows: list[tuple[int, int, float]]) -> None:
    # repeat each source's votes under copies, so groups actually form
    rows = rows + [(s + 10, f, w) for s, f, w in rows if s < 2]
    src = np.array([r[0] for r in rows])
    fact = np.array([r[1] for r in rows])
    weight = np.array([r[2] for r in rows])
    got = copy_discount(src, fact, weight, 16)
    votes: dict[int, set[tuple[int, float]]] = {}
    for s, f, w in rows:
        votes.setdefault(s, set()).add((f, w))
    ref = _copy_groups_reference(votes)
    assert got.tolist() == [1.0 / ref[s] for s in src.tolist()]


def _sums_by_loops(
    votes: Any, max_iter: int = 100, tol: float = 1e-6
) -> tuple[list[float], list[float]]:
    """Hubs and Authorities written out with loops over votes (the slow, obvious way)."""
    rows = [
        (s, f, w)
        for s, f, w in zip(votes.v_source.tolist(), votes.v_fact.tolist(), votes.v_weight.tolist())
        if w > 0
    ]
    trust = [1.0] * votes.n_sources
    belief = [0.0] * votes.n_facts
    for _ in range(max_iter):
        belief = [0.0] * votes.n_facts
        for s, f, w in rows:
            belief[f] += w * trust[s]
        top = max(belief, default=0.0)
        belief = [b / top for b in belief] if top > 0 else belief
        new = [0.0] * votes.n_sources
        for s, f, w in rows:
            new[s] += w * belief[f]
        top = max(new, default=0.0)
        new = [t / top for t in new] if top > 0 else new
        done = max((abs(a - b) for a, b in zip(new, trust)), default=0.0) < tol
        trust = new
        if done:
            break
    totals: dict[int, float] = {}
    for f, q in enumerate(votes.fact_question.tolist()):
        totals[q] = totals.get(q, 0.0) + max(belief[f], 0.0)
    sizes = collections.Counter(votes.fact_question.tolist())
    scores = [
        max(belief[f], 0.0) / totals[q] if totals[q] > 0 else 1.0 / sizes[q]
        for f, q in enumerate(votes.fact_question.tolist())
    ]
    return scores, trust


@given(
    st.lists(
        st.tuples(st.sampled_from(["q1", "q2", "q3"]), _values, _sources), min_size=1, max_size=30
    )
)
def test_vectorised_sums_matches_a_loop_implementation(rows: list[tuple[str, str, str]]) -> None:
    claims = [
        rc.Claim(subject=q, predicate="day", value=v, source=s, id=f"c{k}")
        for k, (q, v, s) in enumerate(rows)
    ]
    votes = build_votes(rc.ClaimGraph(claims), processor=None)
    fit = ALGORITHMS["sums"](votes)
    scores, trust = _sums_by_loops(votes)
    np.testing.assert_allclose(fit.fact_score, scores, atol=1e-9)
    np.testing.assert_allclose(fit.trust, trust, atol=1e-9)


@given(
    st.lists(st.tuples(st.sampled_from(["q1", "q2"]), _values, _sources), min_size=1, max_size=20),
    st.sampled_from(sorted(METHODS)),
)
def test_every_input_claim_is_in_every_output(
    rows: list[tuple[str, str, str]], method: str
) -> None:
    claims = [
        rc.Claim(subject=q, predicate="day", value=v, source=s, id=f"c{k}")
        for k, (q, v, s) in enumerate(rows)
    ]
    ids = {c.id for c in claims}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rc.ReconcileWarning)
        result = rc.score(claims, method=method)
    assert set(result.scores) == ids
    assert {c.id for c in result.graph.claims} == ids
    again = rc.from_json(rc.to_json(result))
    assert set(again.scores) == ids and again.scores == result.scores
    assert all(0.0 <= x <= 1.0 and math.isfinite(x) for x in result.scores.values())
    assert all(0.0 <= x <= 1.0 and math.isfinite(x) for x in result.trusts.values())


def test_explanations_display_and_convert() -> None:
    result = rc.score(rc.datasets.load_demo())
    why = result.explain("injured-count-mayor")
    table = why.to_pandas()
    assert set(table["role"]) == {"contradicts"} and len(table) == len(why.contradictors)
    assert "<table>" in why._repr_html_() and "contradicts" in why._repr_html_()


def test_crh_reads_numbers_as_numbers() -> None:
    claims = []
    for q in range(20):
        truth = 100 + q
        for k in range(3):
            claims.append(
                rc.Claim(
                    subject=f"q{q}", predicate="n", value=truth + (q + k) % 2, source=f"close{k}"
                )
            )
        for k in range(2):
            claims.append(
                rc.Claim(
                    subject=f"q{q}", predicate="n", value=truth + 30 + 10 * k, source=f"far{k}"
                )
            )
    result = rc.score(claims, method="crh")
    assert result.converged
    assert min(result.trust(f"close{k}") for k in range(3)) > max(
        result.trust(f"far{k}") for k in range(2)
    )
    for answer in result.answers():
        assert abs(answer.value - (100 + int(answer.question[0][1:]))) <= 1
    # a near miss scores above a far one within its question
    near = next(c for c in claims if c.subject == "q0" and c.source.id == "close1")
    far = next(c for c in claims if c.subject == "q0" and c.source.id == "far1")
    assert result.score(near) > result.score(far)


def _rumours(seed: int) -> tuple[list[rc.Claim], dict[str, bool]]:
    """Rumours that one-off outlets report: true ones are asserted, false ones are
    repeated as often as not and sometimes debunked; each outlet speaks once."""
    rng = random.Random(seed)
    claims, truth, outlet = [], {}, 0
    for r in range(120):
        true = rng.random() < 0.4
        truth[f"r{r}"] = true
        for _ in range(rng.randrange(3, 9)):
            u = rng.random()
            if true:
                value, stance = (True, "asserts") if u < 0.7 else (True, "hedged")
            else:
                value, stance = ((True, "asserts") if u < 0.35 else (True, "hedged")
                                 if u < 0.6 else (False, "asserts"))  # fmt: skip
            claims.append(rc.Claim(subject=f"r{r}", predicate="is true", value=value,
                                   stance=stance, source=f"outlet{outlet}"))  # fmt: skip
            outlet += 1
    return claims, truth


def _accuracy(result: rc.Consensus, truth: dict[str, bool]) -> float:
    best = {str(a.question[0]): a.value for a in result.answers()}
    return sum(best[q] == t for q, t in truth.items()) / len(truth)


def test_pooled_dawid_skene_learns_what_one_off_outlets_mean() -> None:
    claims, truth = _rumours(seed=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rc.ReconcileWarning)
        pooled = rc.score(claims, method="dawid_skene", pooling="full")
        auto = rc.score(claims, method="dawid_skene")
        unpooled = rc.score(claims, method="dawid_skene", pooling="none")
        majority = rc.score(claims, method="majority")
    # one response per outlet: only a shared matrix can learn that a debunk
    # outweighs several repeats
    assert _accuracy(pooled, truth) >= 0.85
    assert _accuracy(pooled, truth) > _accuracy(majority, truth) + 0.1
    assert _accuracy(pooled, truth) > _accuracy(unpooled, truth)
    assert [auto.score(c) for c in claims] == [pooled.score(c) for c in claims]
    trust = [pooled.trust(f"outlet{k}") for k in range(len(claims))]
    assert all(0.0 <= t <= 1.0 for t in trust) and len(set(trust)) > 1


def test_votes_are_the_same_however_the_graph_was_built() -> None:
    # one batch: the graph hands its source numbers to the votes; in two batches (out
    # of id order) the votes number the sources themselves
    data = rc.datasets.synthetic(600, n_sources=40, structured=True, seed=4)
    claims = list(data.claims)
    random.Random(1).shuffle(claims)
    whole = ClaimGraph(claims)
    parts = ClaimGraph(claims[:250])
    parts.add_claims(claims[250:])
    assert whole.source_codes() is not None and parts.source_codes() is None
    a, b = (build_votes(g, processor=None) for g in (whole, parts))
    assert a.sources == b.sources and a.claim_ids == b.claim_ids
    for field in ("claim_source", "claim_fact", "v_source", "v_fact", "v_weight"):
        assert np.array_equal(getattr(a, field), getattr(b, field)), field


def test_text_votes_are_the_same_however_the_graph_was_built() -> None:
    # linked text claims inserted out of id order: the links' ends are renumbered to
    # id order for the votes, in id order they are used as they are
    claims = list(rc.datasets.synthetic(400, n_sources=30, seed=5).claims)
    random.Random(2).shuffle(claims)
    whole = rc.link(claims)
    parts = ClaimGraph(claims[:150])
    parts.add_claims(claims[150:])
    parts.add_links(whole.links())
    assert whole.number_of_links > 100 and parts.number_of_links == whole.number_of_links
    a, b = (build_votes(g, processor=None) for g in (whole, parts))
    assert a.claim_ids == b.claim_ids and a.fact_label == b.fact_label
    for field in ("claim_fact", "fact_question", "v_source", "v_fact", "v_weight"):
        assert np.array_equal(getattr(a, field), getattr(b, field)), field
    # the same links between facts (in the graph's row order, which follows insertion)
    rows = [sorted(zip(*(x.tolist() for x in v.fact_links))) for v in (a, b)]
    assert rows[0] == rows[1] and len(rows[0]) > 0


@given(
    st.lists(st.tuples(st.integers(0, 4), st.integers(0, 9)), max_size=40),
    st.integers(1, 12),
)
def test_pairs_in_groups_are_every_pair_sharing_a_group_in_bounded_chunks(
    rows: list[tuple[int, int]], max_pairs: int
) -> None:
    from reconcile.scoring.copying import _pairs_in_groups

    group = np.array([g for g, _ in rows], dtype=np.int64)
    source = np.array([s for _, s in rows], dtype=np.int64)
    chunks = list(_pairs_in_groups(group, source, max_pairs))
    got = [frozenset(p) for a, b in chunks for p in zip(a.tolist(), b.tolist(), strict=True)]
    # the slow obvious reference: every two positions of one group
    expected = {frozenset((i, j)) for i in range(len(rows)) for j in range(i + 1, len(rows))
                if rows[i][0] == rows[j][0]}  # fmt: skip
    assert len(got) == len(set(got)) and set(got) == expected
    # a chunk holds at most max_pairs pairs, or the pairs of one vote when it has more
    assert all(len(a) <= max(max_pairs, len(rows)) for a, _ in chunks)
    # within a pair, the first vote's source is never after the second's
    assert all((source[a] <= source[b]).all() for a, b in chunks)


def _yes_sayers() -> list[rc.Claim]:
    """Labels 0/1: two careful workers and three who answer "1" whatever the truth."""
    claims = []
    for i in range(24):
        truth = "1" if i % 4 == 0 else "0"  # mostly 0
        for w in ("careful-a", "careful-b"):
            claims.append(rc.Claim(subject=f"item{i}", predicate="label", value=truth,
                                   source=w, id=f"{w}-{i}"))  # fmt: skip
        for w in ("yes-a", "yes-b", "yes-c"):
            claims.append(rc.Claim(subject=f"item{i}", predicate="label", value="1",
                                   source=w, id=f"{w}-{i}"))  # fmt: skip
    # an item only the yes-sayers labelled: their "1" says nothing, and 0 is likelier
    for w in ("yes-a", "yes-b", "yes-c"):
        claims.append(rc.Claim(subject="lone", predicate="label", value="1", source=w,
                               id=f"{w}-lone"))  # fmt: skip
    return claims


def test_dawid_skene_may_answer_a_label_nobody_gave() -> None:
    result = rc.score(_yes_sayers(), method="dawid_skene")
    answers = {a.question: a for a in result.answers()}
    lone = answers[("lone", "label")]
    assert lone.value == "0" and lone.claim_ids == ()
    assert lone.score > 0.5 > result.score("yes-a-lone")
    assert answers[("item0", "label")].value == "1"  # stated answers keep their claims
    assert answers[("item0", "label")].claim_ids
    again = rc.from_json(rc.to_json(result))
    assert again.answers() == result.answers()
    # a vote-counting method can only pick a stated value
    assert {a.question: a.value for a in rc.score(_yes_sayers(), method="majority").answers()}[
        ("lone", "label")
    ] == "1"


@given(
    st.lists(
        st.tuples(
            st.integers(0, 5), st.integers(0, 7), st.sampled_from([1.0, 0.5, -1.0, 0.25, 1 / 3])
        ),
        max_size=60,
    ),
    st.integers(1, 12),
    st.integers(0, 2**32 - 1),
)
def test_sharded_vote_totals_match_a_loop_to_the_bit(
    rows: list[tuple[int, int, float]], shard_size: int, seed: int
) -> None:
    from reconcile.engines import LocalEngine
    from reconcile.scoring import totals as t

    s = np.array([r[0] for r in rows], dtype=np.int64)
    f = np.array([r[1] for r in rows], dtype=np.int64)
    w = np.array([r[2] for r in rows], dtype=np.float64)
    # values with full mantissas, so that adding in another order shows in the last bits
    rng = np.random.default_rng(seed)
    x_fact, x_source = rng.random(8), rng.random(6)
    here = t.LocalTotals(s, f, w, n_sources=6, n_facts=8)
    there = t.EngineTotals(s, f, w, n_sources=6, n_facts=8, engine=LocalEngine(),
                           shard_size=shard_size)  # fmt: skip
    # the obvious reference: add each vote's value to its key, in input order
    by_fact, by_source = [0.0] * 8, [0.0] * 6
    for (src, fct, wt), a in zip(rows, t.agreement(s, f, w, x_fact).tolist()):
        by_source[src] += a
        by_fact[fct] += wt * float(x_source[src])
    # totals in cells: per source and cell (the fact's parity), a row of two numbers
    in_cells = np.zeros((6, 2, 2))
    for src, fct, wt in rows:
        in_cells[src, fct % 2] += [wt * float(x_fact[fct]), float(x_fact[fct])]
    for got in (here, there):
        assert got.per_fact(t.weighted_source, x_source).tolist() == by_fact
        assert got.per_source(t.agreement, x_fact).tolist() == by_source
        assert got.per_source(t.ones).tolist() == np.bincount(s, minlength=6).tolist()
        assert got.per_source(_rows_by_parity, x_fact, cells=2).tolist() == in_cells.tolist()


def _rows_by_parity(s: Any, f: Any, w: Any, x: Any) -> tuple[Any, Any]:
    """A row ``(w * x[f], x[f])`` per vote, in the cell of its fact's parity."""
    return np.stack([w * x[f], x[f]], axis=1), f % 2


class _ShardedHere(rc.engines.LocalEngine):
    """The local engine under another name: the votes are cut into shards as on a
    cluster, and every shard is worked in this process."""

    name = "sharded here"


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["q1", "q2", "q3", "q4"]),
            _values,
            _sources,
            st.sampled_from(list(rc.Stance)),
        ),
        min_size=1,
        max_size=40,
    ),
    st.sampled_from(rc.scoring.ENGINE_METHODS),
    st.integers(1, 9),
)
def test_scores_over_shards_are_the_local_scores_to_the_bit(
    rows: list[tuple[str, str, str, rc.Stance]], method: str, shard_size: int
) -> None:
    claims = [
        rc.Claim(subject=q, predicate="day", value=v, source=s, stance=st_, id=f"c{k}")
        for k, (q, v, s, st_) in enumerate(rows)
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rc.ReconcileWarning)
        local = rc.score(claims, method=method)
        old = rc.scoring.totals.SHARD_SIZE
        rc.scoring.totals.SHARD_SIZE = shard_size
        try:
            sharded = rc.score(claims, method=method, engine=_ShardedHere())
        finally:
            rc.scoring.totals.SHARD_SIZE = old
    assert rc.to_json(sharded) == rc.to_json(local)
    assert sharded.iterations == local.iterations


def test_shards_of_labels_and_numbers_give_the_local_scores() -> None:
    # Dawid-Skene's full model (shared labels; hedges and denials are responses of
    # their own), with a matrix per source and one pooled; CRH's weighted medians
    rng = random.Random(3)
    labels = [
        rc.Claim(subject=f"q{k % 40}", predicate="label", value=rng.choice("ab"),
                 source=f"w{rng.randrange(6)}", stance=rng.choice(list(rc.Stance)))
        for k in range(300)
    ]  # fmt: skip
    numbers = [
        rc.Claim(subject=f"q{k % 25}", predicate="height", value=rng.choice([3, 4, 4.5, 9]),
                 source=f"s{rng.randrange(9)}")
        for k in range(200)
    ]  # fmt: skip
    old = rc.scoring.totals.SHARD_SIZE
    rc.scoring.totals.SHARD_SIZE = 23
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", rc.ReconcileWarning)
            for claims, method, options in (
                (labels, "dawid_skene", {"pooling": "none"}),
                (labels, "dawid_skene", {"pooling": "full"}),
                (numbers, "crh", {}),
            ):
                local = rc.score(claims, method=method, **options)
                sharded = rc.score(claims, method=method, engine=_ShardedHere(), **options)
                assert rc.to_json(sharded) == rc.to_json(local), (method, options)
    finally:
        rc.scoring.totals.SHARD_SIZE = old


def test_shards_of_copied_votes_give_the_local_scores() -> None:
    # copiers and relays across many questions, author lists (ACCU's overlap), text
    data = rc.datasets.synthetic(600, n_sources=20, structured=True, copy_rate=0.3, seed=5)
    lists = [rc.Claim(subject=f"b{k % 7}", predicate="authors", value=tuple(v), source=s)
             for k, (v, s) in enumerate([(("a", "b"), "x"), (("a",), "y"), (("a", "b"), "z"),
                                         (("c",), "x"), (("a", "c"), "w")] * 6)]  # fmt: skip
    text = rc.link(rc.datasets.synthetic(300, n_sources=12, seed=6).claims)
    old = rc.scoring.totals.SHARD_SIZE
    rc.scoring.totals.SHARD_SIZE = 50
    try:
        for graph in (data.claims, lists, text):
            local = rc.score(graph, method="accu")
            sharded = rc.score(graph, method="accu", engine=_ShardedHere())
            assert rc.to_json(sharded) == rc.to_json(local)
    finally:
        rc.scoring.totals.SHARD_SIZE = old


@given(
    st.lists(st.floats(0.0, 0.995), min_size=1, max_size=8),
    st.lists(st.floats(-5.0, 5.0), min_size=8, max_size=8),
)
def test_accelerated_iteration_finds_the_fixed_point(
    rates: list[float], shift: list[float]
) -> None:
    from reconcile.scoring.algorithms import _accelerated

    d = np.array(rates)
    b = np.array(shift[: len(rates)])
    calls = []

    def step(x: Any) -> Any:
        calls.append(1)
        return d * x + b

    x, it, ok = _accelerated(step, np.zeros(len(d)), 100_000, 1e-10, lambda x: x)
    assert ok and it == len(calls)
    # stopped when a step moved less than tol: within tol / (1 - rate) of the point
    assert np.abs(x - b / (1 - d)).max() <= 1e-10 / (1 - d.max()) + 1e-9
    # from 0, plain iteration moves entry i by |b_i| rate_i^k at its step k + 1: it
    # needs about log(tol / |b_i|) / log(rate_i) steps for the slowest entry
    plain = [math.log(1e-10 / abs(bi)) / math.log(di)
             for di, bi in zip(rates, b.tolist()) if abs(bi) > 1e-10 and di > 0]  # fmt: skip
    if plain and max(plain) > 50:
        assert it < max(plain)
    # stopped early, it still returns a plain step's output (the last one taken)
    for cap in (1, 2, 3, 4, 5):
        outputs: list[Any] = []

        def logged(x: Any, outputs: list[Any] = outputs) -> Any:
            outputs.append(step(x))
            return outputs[-1]

        x, it, _ = _accelerated(logged, np.zeros(len(d)), cap, 1e-10, lambda x: x)
        assert it == len(outputs) <= cap and x is outputs[-1]


def _plain(step: Any, x: Any, max_iter: int, tol: float, project: Any) -> Any:
    """The slow obvious loop: one step at a time until nothing moves by tol."""
    for it in range(1, max_iter + 1):
        new = step(x)
        done = not new.size or float(np.abs(new - x).max()) < tol
        x = new
        if done:
            return x, it, True
    return x, max_iter, False


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("labels", [("yes", "no"), ("a", "b", "c", "d"), None])
def test_dawid_skene_reaches_the_fixed_point_of_plain_em(
    seed: int, labels: tuple[str, ...] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # crowd labels from workers of mixed skill (labels None: a value set per question,
    # which takes the one-coin model)
    rnd = random.Random(seed)
    skill = [rnd.uniform(0.3, 0.95) for _ in range(12)]
    claims = []
    for q in range(60):
        choices = labels or tuple(f"{q}-{k}" for k in range(3))
        truth = rnd.choice(choices)
        for w in rnd.sample(range(12), 5):
            said = truth if rnd.random() < skill[w] else rnd.choice(choices)
            claims.append(rc.Claim(subject=f"q{q}", predicate="label", value=said,
                                   source=f"w{w}", id=f"c{q}-{w}"))  # fmt: skip
    options = {"method": "dawid_skene", "tol": 1e-11, "max_iter": 100_000}
    fast = rc.score(claims, **options)
    from reconcile.scoring import algorithms

    monkeypatch.setattr(algorithms, "_accelerated", _plain)
    slow = rc.score(claims, **options)
    assert fast.converged and slow.converged
    assert fast.iterations <= slow.iterations
    for c in claims:
        assert fast.score(c) == pytest.approx(slow.score(c), abs=1e-6)
    assert [a.value for a in fast.answers()] == [a.value for a in slow.answers()]


@pytest.mark.parametrize("gap", [0.0, 1e-9, 1e-4])
def test_a_copy_discount_moves_smoothly_as_two_accuracies_cross(gap: float) -> None:
    # two sources, one shared vote, judged dependent: the less accurate voter takes the
    # discount, but near a tie the two share it, so that a tiny change in accuracy
    # makes a tiny change in the discount (a hard switch made ACCU cycle on crowd_dog)
    from reconcile.scoring.copying import _make_shard, _shard_discount

    shard = _make_shard(np.array([0, 1]), np.array([0, 0]), np.ones(2), n_facts=1,
                        n_sources=2, detect=True, whole=True, parts=1)  # fmt: skip
    dep = [np.array([0.9])]

    def kept(a0: float, a1: float) -> Any:
        return _shard_discount(shard, dep, np.array([a0, a1]), c=0.8).independent

    below, above = kept(0.8, 0.8 + gap), kept(0.8 + gap, 0.8)
    assert np.allclose(below, above[::-1])  # the same rule whichever source is first
    assert np.abs(below - above).max() <= 0.3 * gap / 1e-3 + 1e-6
    far_below, far_above = kept(0.8, 0.9), kept(0.9, 0.8)
    assert far_below[0] < far_below[1] and far_above[1] < far_above[0]  # the less accurate
    assert np.abs(far_below - far_above).max() > 0.2
