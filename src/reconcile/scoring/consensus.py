"""The result of scoring: per-claim consensus, per-source trust, answers, explanations."""

from __future__ import annotations

import functools
import html
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs
import numpy as np

from reconcile._optional import import_optional
from reconcile._table import format_table
from reconcile.errors import SchemaError, UnknownClaimError
from reconcile.graph import ClaimGraph
from reconcile.model import Claim, Source, Value
from reconcile.scoring.votes import FloatArray, Votes, ids_at
from reconcile.store import ClusterIds

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["LONE_SHRINK", "Answer", "Consensus", "ConsensusTables", "Explanation", "Support"]

LONE_SHRINK = 0.5
"""How far an uncontested claim's score moves from 0.5 toward each supporter's trust."""


class ConsensusTables(NamedTuple):
    """The tables of a consensus: one row per claim, one row per source."""

    claims: pd.DataFrame
    sources: pd.DataFrame


@attrs.frozen
class Answer:
    """The best-supported proposition of one question."""

    question: tuple[str, str] | str
    """(subject, predicate) for structured claims; else the question's first claim id."""
    value: Value | str
    """The structured value, or the text of the best-supported claim."""
    score: float
    claim_ids: tuple[str, ...]
    """The claims that state it."""


@attrs.frozen
class Support:
    """One claim that bears on another, with its weight in the consensus."""

    claim_id: str
    source: str
    trust: float
    weight: float
    """Its vote strength: 1 assertion, 0.5 hedged report (0 for a repeat of a vote)."""
    reasons: tuple[str, ...]


@attrs.frozen
class Explanation:
    """Why a claim scored what it scored."""

    claim: Claim
    score: float
    method: str
    source_trust: float
    supporters: tuple[Support, ...]
    contradictors: tuple[Support, ...]
    note: str

    def __str__(self) -> str:
        lines = [
            f"{self.claim.describe()!r} by {self.claim.source.id} "
            f"(trust {self.source_trust:.2f}): score {self.score:.2f} ({self.method})",
            f"  {self.note}",
        ]
        for title, rows in (("supported by", self.supporters),
                            ("contradicted by", self.contradictors)):  # fmt: skip
            for r in rows:
                why = f" — {'; '.join(r.reasons)}" if r.reasons else ""
                lines.append(f"  {title} {r.source} (trust {r.trust:.2f}, weight "
                             f"{r.weight:g}){why}")  # fmt: skip
        return "\n".join(lines)

    def _rows(self) -> list[tuple[str, Support]]:
        return [("supports", r) for r in self.supporters] + [
            ("contradicts", r) for r in self.contradictors
        ]

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{role}</td><td>{html.escape(r.source)}</td><td>{r.trust:.2f}</td>"
            f"<td>{r.weight:g}</td><td>{html.escape('; '.join(r.reasons))}</td></tr>"
            for role, r in self._rows()
        )
        return (
            f"<div><strong>{html.escape(self.claim.describe()[:200])}</strong> by "
            f"{html.escape(self.claim.source.id)} (trust {self.source_trust:.2f}): score "
            f"{self.score:.2f} ({html.escape(self.method)})<br><em>{html.escape(self.note)}"
            "</em><table><thead><tr><th>role</th><th>source</th><th>trust</th>"
            f"<th>weight</th><th>reasons</th></tr></thead><tbody>{rows}</tbody></table></div>"
        )

    def to_pandas(self) -> Any:
        """The supporting and contradicting claims as a pandas DataFrame.

        Columns: role ("supports" or "contradicts"), claim, source, trust, weight,
        reasons (joined by "; ").
        """
        pd = import_optional("pandas", extra="pandas", purpose="to_pandas()")
        return pd.DataFrame(
            [[role, r.claim_id, r.source, r.trust, r.weight, "; ".join(r.reasons)]
             for role, r in self._rows()],
            columns=["role", "claim", "source", "trust", "weight", "reasons"],
        )  # fmt: skip


def claim_scores(votes: Votes, fact_score: FloatArray, trust: FloatArray) -> FloatArray:
    """Per claim: the support for what its source said.

    In a contested question, the fact's score from the algorithm. A fact nobody
    disputes has no competitor to be weighed against: its score adds up its supporters'
    trust in log-odds, each shrunk toward 0.5 (one supporter of trust 0.8 gives 0.65).
    A denial scores one minus the score of the fact it denies.
    """
    k_q = np.bincount(votes.fact_question, minlength=votes.n_questions)
    lone = k_q[votes.fact_question] == 1
    shrunk = np.clip(0.5 + LONE_SHRINK * (trust - 0.5), 1e-6, 1 - 1e-6)
    logit = np.log(shrunk / (1 - shrunk))
    s, f, w = votes.v_source, votes.v_fact, votes.v_weight
    evidence = np.bincount(f, weights=w * logit[s], minlength=votes.n_facts)
    lone_score = 1.0 / (1.0 + np.exp(-evidence))
    fact = np.where(lone, lone_score, fact_score)
    p = fact[votes.claim_fact]
    out: FloatArray = np.clip(np.where(votes.claim_sign > 0, p, 1.0 - p), 0.0, 1.0)
    return out


class Consensus:
    """Scores of claims and trust of sources, from :func:`reconcile.score`.

    Examples
    --------
    >>> import reconcile as rc
    >>> result = rc.score(rc.datasets.load_demo())
    >>> result.method
    'accu'
    >>> result.score("injured-count-hospital") > result.score("injured-count-mayor")
    True
    >>> [a.value for a in result.answers() if a.question == ("port-elsby-fire", "under control at")]
    ['06:00']
    """

    def __init__(
        self,
        graph: ClaimGraph,
        votes: Votes,
        scores: FloatArray,
        trust: FloatArray,
        *,
        method: str,
        iterations: int,
        converged: bool,
        fact_score: FloatArray,
        unstated: Mapping[tuple[str, str], tuple[Any, float]] | None = None,
    ) -> None:
        self.graph = graph
        self.method = method
        self.iterations = iterations
        self.converged = converged
        self._votes = votes
        self._scores = scores
        self._trust = trust
        self._fact_score = fact_score
        # questions whose likeliest value no claim states (see Fit.unstated)
        self._unstated = dict(unstated or {})

    # lookup tables, built on first lookup: a caller may only want the arrays
    @functools.cached_property
    def _position(self) -> dict[str, int]:
        return {cid: i for i, cid in enumerate(self._votes.claim_ids)}

    @functools.cached_property
    def _source_index(self) -> dict[str, int]:
        return {s: i for i, s in enumerate(self._votes.sources)}

    # -- lookups --------------------------------------------------------------------

    def _index(self, claim: str | Claim) -> int:
        claim_id = claim.id if isinstance(claim, Claim) else claim
        ids = self._votes.claim_ids
        if isinstance(ids, ClusterIds):  # no index of every id here: ask the cluster
            at = ids.position(claim_id) if isinstance(claim_id, str) else -1
            if at >= 0:
                return at
        else:
            try:
                return self._position[claim_id]
            except (KeyError, TypeError):
                pass
        raise UnknownClaimError(
            "no claim with this id was scored", record=repr(claim_id), field="id"
        )

    def _claims_at(self, positions: Sequence[int]) -> list[Claim]:
        """The claims at these vote positions (id order), read at once."""
        store = self.graph._store
        if store is not None:  # its positions are the id order too
            return store.at(np.asarray(positions, dtype=np.int64))
        ids = self._votes.claim_ids
        return [self.graph[ids[p]] for p in positions]

    def score(self, claim: str | Claim) -> float:
        """The consensus score of a claim (or claim id), in [0, 1]."""
        return float(self._scores[self._index(claim)])

    def trust(self, source: str | Source) -> float:
        """The estimated trust of a source (or source id), in [0, 1]."""
        sid = source.id if isinstance(source, Source) else source
        try:
            return float(self._trust[self._source_index[sid]])
        except (KeyError, TypeError):
            raise UnknownClaimError(
                "no source with this id was scored", record=repr(sid), field="source"
            ) from None

    @property
    def scores(self) -> dict[str, float]:
        """Every claim's score, by claim id."""
        return {cid: float(s) for cid, s in zip(self._votes.claim_ids, self._scores)}

    @property
    def trusts(self) -> dict[str, float]:
        """Every source's trust, by source id."""
        return {sid: float(t) for sid, t in zip(self._votes.sources, self._trust)}

    def answers(self) -> list[Answer]:
        """The best-supported proposition of each question, largest questions first.

        When the method models one shared set of values (Dawid-Skene on labels) and
        finds a value that no claim of a question states likelier than every stated
        one, that value is the answer, with its probability and no claim ids.
        """
        v = self._votes
        # per fact its asserting claims' positions; positions follow ids, so a fact's
        # first position is its first claim id
        claims_of: dict[int, list[int]] = {}
        for i, (fact, sign) in enumerate(zip(v.claim_fact.tolist(), v.claim_sign.tolist())):
            if sign > 0:
                claims_of.setdefault(fact, []).append(i)
        best: dict[int, int] = {}
        rank: dict[int, tuple[float, int]] = {}
        for fact, members in claims_of.items():
            q = int(v.fact_question[fact])
            # the highest score wins; a tie goes to the fact whose first claim id is smaller
            here = (float(self._scores[members[0]]), members[0])
            if q not in best or here[0] > rank[q][0] or (here[0] == rank[q][0]
                                                         and here[1] < rank[q][1]):  # fmt: skip
                best[q], rank[q] = fact, here
        size = np.bincount(v.claim_fact, minlength=v.n_facts)
        q_size = np.bincount(v.fact_question, weights=size, minlength=v.n_questions)
        # the claims the answers show, read at once (from a cluster, one task a piece)
        shown = sorted({p for fact in best.values() for p in claims_of[fact]})
        claim_at = dict(zip(shown, self._claims_at(shown)))
        out = []
        for q, fact in best.items():
            members = claims_of[fact]
            ids = tuple(claim_at[p].id for p in members)
            first = claim_at[members[0]]
            if first.is_structured:
                assert first.key is not None and first.value is not None
                question: tuple[str, str] | str = first.key
                # the spelling most of its claims use (ties: the first claim's)
                spellings = Counter(claim_at[p].value for p in members)
                value: Value | str = first.value
                value = max(spellings, key=lambda x: (spellings[x], x == first.value)) or value
            else:
                question = min(ids)
                value = first.text if first.text is not None else first.describe()
            score = float(max(self._scores[p] for p in members))
            if question in self._unstated:
                value, score = self._unstated[question]
                ids = ()
            out.append((-q_size[q], str(question), Answer(question, value, score, ids)))
        out.sort(key=lambda t: (t[0], t[1]))
        return [a for _, _, a in out]

    def explain(self, claim: str | Claim) -> Explanation:
        """Who supports and who contradicts a claim, with their trust and the reasons.

        Examples
        --------
        >>> import reconcile as rc
        >>> result = rc.score(rc.datasets.load_demo())
        >>> print(result.explain("injured-count-mayor"))  # doctest: +ELLIPSIS
        'port-elsby-fire workers hospitalised = 3' by Mayor Ilse Brandt (trust ...): score ...
          ...
          contradicted by St Brendan's Hospital (trust ...
        """
        i = self._index(claim)
        v = self._votes
        (target,) = self._claims_at([i])
        fact, sign = int(v.claim_fact[i]), int(v.claim_sign[i])
        question = int(v.fact_question[fact])
        # a source votes once per fact and side: its repeats (the target's own
        # included) weigh nothing
        seen = {(int(v.claim_source[i]), fact, sign > 0)}
        supporters: list[Support] = []
        contradictors: list[Support] = []
        others = np.flatnonzero(v.fact_question[v.claim_fact] == question)
        others = others[others != i]
        on_cluster = self.graph._store is not None
        # their ids at once (from a cluster, one task a piece)
        for j, cid in zip(others.tolist(), ids_at(v.claim_ids, others)):
            f_j, s_j = int(v.claim_fact[j]), int(v.claim_source[j])
            same_side = (f_j == fact) == (int(v.claim_sign[j]) == sign)
            key = (s_j, f_j, int(v.claim_sign[j]) > 0)
            repeat = key in seen
            weight = 0.0 if repeat else float(v.claim_weight[j])
            seen.add(key)
            if on_cluster:  # positions there are vote positions: no lookup by id
                link = self.graph._link_at(i, j, {i: target.id, j: cid})
            else:
                link = self.graph.get_link(target.id, cid)
            reasons = link.reasons if link is not None else ()
            if repeat:
                reasons = (*reasons, f"{v.sources[s_j]} again: a source counts once")
            elif weight < 1.0 and not any("hedged" in r for r in reasons):
                reasons = (*reasons, "a hedged report: it counts half")
            row = Support(cid, v.sources[s_j], float(self._trust[s_j]), weight, reasons)
            (supporters if same_side else contradictors).append(row)
        k_q = int(np.sum(v.fact_question == question))
        if k_q == 1:
            note = ("nobody contradicts it: the score adds up its supporters' trust, "
                    "shrunk toward 0.5")  # fmt: skip
        else:
            note = f"{k_q} competing versions of this question; scored by {self.method}"
        return Explanation(
            claim=target,
            score=float(self._scores[i]),
            method=self.method,
            source_trust=float(self._trust[v.claim_source[i]]),
            supporters=tuple(supporters),
            contradictors=tuple(contradictors),
            note=note,
        )

    # -- export ---------------------------------------------------------------------

    def to_pandas(self) -> ConsensusTables:
        """A claims table (id, source, text, score, ...) and a sources table (trust)."""
        pd = import_optional("pandas", extra="pandas", purpose="to_pandas()")
        v = self._votes
        k_q = np.bincount(v.fact_question, minlength=v.n_questions)
        rows = []
        # the claims in id order, as the votes are (read once, not looked up one by one)
        for i, c in enumerate(self.graph.claims_in_id_order()):
            cid = c.id
            f = int(v.claim_fact[i])
            rows.append({
                "id": cid, "source": c.source.id, "via": c.via, "claim": c.describe(),
                "stance": c.stance.value, "score": float(self._scores[i]),
                "question": int(v.fact_question[f]), "version": f,
                "contested": bool(k_q[v.fact_question[f]] > 1),
            })  # fmt: skip
        counts = np.bincount(v.claim_source, minlength=v.n_sources)
        sources = [
            {"source": s, "trust": float(self._trust[k]), "claims": int(counts[k])}
            for k, s in enumerate(v.sources)
        ]
        return ConsensusTables(
            claims=pd.DataFrame(rows),
            sources=pd.DataFrame(sources).sort_values(["trust", "source"],
                                                      ascending=[False, True],
                                                      ignore_index=True),
        )  # fmt: skip

    def _to_document(self) -> dict[str, Any]:
        from reconcile.io import claim_to_dict, link_to_dict

        return {
            "kind": "consensus",
            "method": self.method,
            "iterations": self.iterations,
            "converged": self.converged,
            "claims": [claim_to_dict(c) for c in sorted(self.graph, key=lambda c: c.id)],
            "links": [link_to_dict(lk) for lk in self.graph.links()],
            "scores": self.scores,
            "trust": self.trusts,
            "unstated": [[*key, value, score]
                         for key, (value, score) in sorted(self._unstated.items())],
        }  # fmt: skip

    @classmethod
    def _from_document(cls, document: Mapping[str, Any], graph: ClaimGraph) -> Consensus:
        from rapidfuzz.utils import default_process

        from reconcile.scoring.votes import build_votes

        scores, trust = document.get("scores"), document.get("trust")
        if not isinstance(scores, Mapping) or not isinstance(trust, Mapping):
            raise SchemaError("a consensus needs 'scores' and 'trust' objects", field="scores")
        votes = build_votes(graph, processor=default_process)
        try:
            s = np.array([float(scores[c]) for c in votes.claim_ids])
            t = np.array([float(trust[x]) for x in votes.sources])
        except KeyError as err:
            raise SchemaError(f"no score for {err}", field="scores") from None
        except (TypeError, ValueError):
            raise SchemaError("scores must be numbers", field="scores") from None
        if not (np.all(np.isfinite(s)) and np.all((s >= 0) & (s <= 1))):
            raise SchemaError("scores must lie in [0, 1]", field="scores")
        unstated: dict[tuple[str, str], tuple[Any, float]] = {}
        for row in document.get("unstated", []):
            if not (isinstance(row, list) and len(row) == 4
                    and all(isinstance(x, str) for x in row[:2])
                    and isinstance(row[3], (int, float)) and 0 <= row[3] <= 1):  # fmt: skip
                raise SchemaError(
                    "each unstated answer is [subject, predicate, value, score in [0, 1]]",
                    field="unstated",
                )
            unstated[(row[0], row[1])] = (row[2], float(row[3]))
        return cls(graph, votes, s, t, method=str(document.get("method", "unknown")),
                   iterations=int(document.get("iterations", 0)),
                   converged=bool(document.get("converged", True)),
                   fact_score=np.full(votes.n_facts, math.nan),
                   unstated=unstated)  # fmt: skip

    # -- display --------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._scores)

    def __repr__(self) -> str:
        order = np.argsort(-self._scores, kind="stable")
        rows = [[self._votes.claim_ids[i], f"{self._scores[i]:.2f}",
                 self.graph[self._votes.claim_ids[i]].describe()] for i in order[:5]]  # fmt: skip
        head = (f"<Consensus ({self.method}, {self.iterations} iterations"
                f"{'' if self.converged else ', NOT converged'}): {len(self)} claims, "
                f"{len(self._trust)} sources>")  # fmt: skip
        return head + "\n" + format_table(["claim", "score", "statement"], rows)

    def _repr_html_(self) -> str:
        order = np.argsort(-self._scores, kind="stable")
        pick = list(order[:10]) + [i for i in order[-5:] if i not in order[:10]]
        rows = "".join(
            f"<tr><td>{html.escape(self._votes.claim_ids[i])}</td>"
            f"<td>{self._scores[i]:.2f}</td>"
            f"<td>{html.escape(self.graph[self._votes.claim_ids[i]].describe()[:160])}</td></tr>"
            for i in pick
        )
        t_order = np.argsort(-self._trust, kind="stable")[:10]
        srcs = "".join(
            f"<tr><td>{html.escape(self._votes.sources[k])}</td><td>{self._trust[k]:.2f}</td></tr>"
            for k in t_order
        )
        return (
            f"<div><strong>Consensus</strong> ({html.escape(self.method)}, "
            f"{self.iterations} iterations): {len(self)} claims, {len(self._trust)} sources"
            "<table><thead><tr><th>claim</th><th>score</th><th>statement</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
            "<table><thead><tr><th>source</th><th>trust</th></tr></thead>"
            f"<tbody>{srcs}</tbody></table></div>"
        )
