"""The Linker: a configurable, trainable comparer of claim pairs.

Two logistic models over the pair features of :mod:`reconcile.linking.features`:
one for relatedness (is there a link at all?) and a multinomial one for the relation
of a related pair: ``corroborates``, ``contradicts`` or ``hedged`` (a report that
neither endorses nor disputes). Both are fitted with plain numpy; the weights are
saved as JSON. The package ships weights fitted on the FNC-1 training data
(``benchmarks/fit_linker.py``).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from reconcile.errors import OptionError, SchemaError
from reconcile.linking.features import (
    FEATURES,
    GATE_ONLY,
    LEXICAL_DIM,
    FloatArray,
    pair_features,
    pair_words,
    prepare,
)
from reconcile.model import Claim

__all__ = ["LABELS", "STANCES", "Linker", "PairFeatures"]

STANCES = ("corroborates", "contradicts", "hedged")
"""The relations of a related pair the stance model tells apart."""
LABELS = ("unrelated", *STANCES)
"""Training labels :meth:`Linker.fit` accepts."""

_FORMAT = "reconcile-linker"
_VERSION = 1

# Products of a similarity with a cue: a negation matters in proportion to how
# closely the two texts talk about the same thing.
_INTERACTIONS = (
    ("cosine", "polarity_differs"),
    ("containment", "polarity_differs"),
    ("cosine", "hedge_density"),
    ("cosine", "denial_density"),
    ("cosine", "report_density"),
    ("fuzz", "cosine"),
    ("containment", "number_mismatch"),
    ("containment", "antonym"),
)
_MODEL = tuple(name for name in FEATURES if name not in GATE_ONLY)
DESIGN = _MODEL + tuple(f"{a}*{b}" for a, b in _INTERACTIONS)


class PairFeatures(NamedTuple):
    """The features of a batch of pairs: a dense matrix and hashed words (sparse)."""

    dense: FloatArray
    """One row per pair, one column per name in :data:`FEATURES`."""
    word_row: NDArray[np.int64]
    word_col: NDArray[np.int64]
    """The (pair, bucket) entries of the words one side has and the other lacks."""

    def __len__(self) -> int:
        return len(self.dense)

    def take(self, rows: NDArray[Any]) -> PairFeatures:
        """The features of a subset of pairs (a boolean mask or row indices)."""
        index = np.flatnonzero(rows) if rows.dtype == np.bool_ else np.asarray(rows)
        new = np.full(len(self.dense), -1, dtype=np.int64)
        new[index] = np.arange(len(index))
        keep = new[self.word_row] >= 0
        return PairFeatures(self.dense[index], new[self.word_row[keep]], self.word_col[keep])


def _design(X: FloatArray) -> FloatArray:
    col = {name: k for k, name in enumerate(FEATURES)}
    extra = [X[:, col[a]] * X[:, col[b]] for a, b in _INTERACTIONS]
    model = X[:, [col[name] for name in _MODEL]]
    return np.column_stack([model, *extra]) if len(X) else np.zeros((0, len(DESIGN)))


def _sigmoid(z: FloatArray) -> FloatArray:
    out: FloatArray = 0.5 * (1.0 + np.tanh(0.5 * z))
    return out


def _softmax(z: FloatArray) -> FloatArray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: FloatArray = e / e.sum(axis=1, keepdims=True)
    return out


def _fit_binary(Z: FloatArray, y: FloatArray, w: FloatArray, l2: float) -> FloatArray:
    """Weighted L2-regularised logistic regression by Newton's method (IRLS)."""
    beta = np.zeros(Z.shape[1])
    penalty = np.full(Z.shape[1], l2)
    penalty[-1] = 0.0  # the bias is not shrunk
    for _ in range(50):
        p = _sigmoid(Z @ beta)
        grad = Z.T @ (w * (p - y)) + penalty * beta
        hess = (Z * (w * p * (1 - p))[:, None]).T @ Z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def _word_scores(
    words: tuple[NDArray[np.int64], NDArray[np.int64]], W: FloatArray, n: int
) -> FloatArray:
    row, col = words
    out = np.zeros((n, W.shape[1]))
    if len(row):
        np.add.at(out, row, W[col])
    return out


def _fit_multinomial(
    Z: FloatArray,
    words: tuple[NDArray[np.int64], NDArray[np.int64]],
    y: NDArray[np.int64],
    w: FloatArray,
    l2: float,
    k: int,
    l2_words: float,
) -> tuple[FloatArray, FloatArray]:
    """Weighted L2-regularised softmax regression over dense and hashed-word inputs,
    by gradient descent with momentum."""
    n, d = Z.shape
    beta = np.zeros((d, k))
    W = np.zeros((LEXICAL_DIM, k))
    v_beta, v_W = np.zeros_like(beta), np.zeros_like(W)
    onehot = np.eye(k)[y]
    penalty = np.full((d, 1), l2)
    penalty[-1] = 0.0
    scale = 1.0 / max(w.sum(), 1.0)
    row, col = words
    for _ in range(1500):
        p = _softmax(Z @ beta + _word_scores(words, W, n))
        err = (p - onehot) * w[:, None]
        g_beta = (Z.T @ err + penalty * beta) * scale
        g_W = np.zeros_like(W)
        if len(row):
            np.add.at(g_W, col, err[row])
        g_W = (g_W + l2_words * W) * scale
        v_beta = 0.9 * v_beta - 0.5 * g_beta
        v_W = 0.9 * v_W - 0.5 * g_W
        beta += v_beta
        W += v_W
    return beta, W


class Linker:
    """Decides whether two claims are linked, how, and how confidently.

    Parameters
    ----------
    min_overlap : float
        The gate: text claims sharing less than this fraction of the smaller claim's
        content terms are unrelated. Blocking guarantees to find every pair above it.
    short_overlap : float
        Between two short texts (headlines, quotes), the IDF-weighted share of the
        smaller one's terms that must be shared, unless they share its rarest term:
        words the whole collection uses (the story's topic) weigh little, so two claims
        on one story but about different things stay unlinked, while two about one
        name or place pass with different wording.
    relate_threshold : float
        The relatedness probability above which a pair is linked.
    fuzzy_cutoff : float
        rapidfuzz ``ratio`` (0-100) above which two structured string values are equal.
    rel_tol : float
        Relative tolerance under which two structured numbers are equal.
    short_cues : bool
        Between two short texts, let a cue decide: a difference in polarity (or an
        antonym, but not both: they cancel), numbers or dates makes a closely related
        pair a contradiction, whatever the stance model says. :meth:`fit` drops it
        where the training pairs say the stance model alone does better.

    Examples
    --------
    >>> linker = Linker.default()
    >>> a = Claim("Talks made significant progress", source="envoy")
    >>> b = Claim("The talks made no progress", source="spokesman")
    >>> linker.predict([(a, b)])
    ['contradicts']
    """

    def __init__(
        self,
        *,
        min_overlap: float = 0.2,
        short_overlap: float = 0.5,
        relate_threshold: float = 0.5,
        fuzzy_cutoff: float = 90.0,
        rel_tol: float = 0.01,
        short_cues: bool = True,
        weights: dict[str, Any] | None = None,
    ) -> None:
        for name, value, lo, hi in (
            ("min_overlap", min_overlap, 0.0, 1.0),
            ("short_overlap", short_overlap, 0.0, 1.0),
            ("relate_threshold", relate_threshold, 0.0, 1.0),
            ("fuzzy_cutoff", fuzzy_cutoff, 0.0, 100.0),
            ("rel_tol", rel_tol, 0.0, 1.0),
        ):
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            if not ok or not lo <= float(value) <= hi or math.isnan(float(value)):
                raise OptionError(f"must be a number in [{lo}, {hi}], got {value!r}", field=name)
        if min_overlap <= 0:
            raise OptionError("must be above 0 (0 would relate everything)", field="min_overlap")
        self.min_overlap = float(min_overlap)
        self.short_overlap = float(short_overlap)
        self.relate_threshold = float(relate_threshold)
        self.fuzzy_cutoff = float(fuzzy_cutoff)
        self.rel_tol = float(rel_tol)
        if not isinstance(short_cues, bool):
            raise OptionError(f"must be True or False, got {short_cues!r}", field="short_cues")
        self.short_cues = short_cues
        self._weights: dict[str, Any] | None = None
        if weights is not None:
            self._set_weights(weights)

    def _set_weights(self, weights: dict[str, Any]) -> None:
        try:
            names = tuple(weights["features"])
            mean = np.asarray(weights["mean"], dtype=np.float64)
            scale = np.asarray(weights["scale"], dtype=np.float64)
            relate = np.asarray(weights["relate"], dtype=np.float64)
            stance = np.asarray(weights["stance"], dtype=np.float64)
            words = np.asarray(weights["words"], dtype=np.float64)
        except (KeyError, TypeError, ValueError) as err:
            raise SchemaError(f"linker weights are incomplete: {err}", field="weights") from None
        if names != DESIGN:
            raise SchemaError(
                "the weights were fitted on other features than this release computes; "
                "refit the linker",
                field="features",
            )
        d = len(DESIGN)
        if mean.shape != (d,) or scale.shape != (d,) or relate.shape != (d + 1,) or \
                stance.shape != (d + 1, len(STANCES)) or \
                words.shape != (LEXICAL_DIM, len(STANCES)):  # fmt: skip
            raise SchemaError("linker weights have the wrong shape", field="weights")
        self._weights = {
            "mean": mean, "scale": scale, "relate": relate, "stance": stance, "words": words,
        }  # fmt: skip

    @property
    def is_fitted(self) -> bool:
        """Whether the linker has weights (fitted or loaded)."""
        return self._weights is not None

    @classmethod
    def default(cls) -> Linker:
        """The linker with the weights shipped in the package (fitted on FNC-1 train)."""
        return _default_linker()

    # -- the models ------------------------------------------------------------------

    def _inputs(self, X: FloatArray) -> FloatArray:
        # standardised design matrix with a bias column
        assert self._weights is not None
        Z = (_design(X) - self._weights["mean"]) / self._weights["scale"]
        return np.column_stack([Z, np.ones(len(Z))])

    def probabilities(self, F: PairFeatures) -> tuple[FloatArray, FloatArray]:
        """(P(related), P(stance) over :data:`STANCES`) for a batch of pairs."""
        if self._weights is None:
            raise OptionError("this linker has no weights: fit or load it first", field="linker")
        Z = self._inputs(F.dense)
        stance_scores = Z @ self._weights["stance"] + _word_scores(
            (F.word_row, F.word_col), self._weights["words"], len(Z)
        )
        return _sigmoid(Z @ self._weights["relate"]), _softmax(stance_scores)

    def decide(
        self, F: PairFeatures, *, assume_related: bool = False
    ) -> tuple[NDArray[np.int64], FloatArray, FloatArray]:
        """Per pair: the label index into :data:`LABELS`, P(related), P(stance).

        The models decide, with a rule on top for two short texts when
        :attr:`short_cues` is set: between closely related short claims a difference in
        polarity (or an antonym, but not both: they cancel), numbers or dates is a
        contradiction.
        """
        X = F.dense
        related, stance = self.probabilities(F)
        col = {name: k for k, name in enumerate(FEATURES)}
        gate = X[:, col["containment"]] >= self.min_overlap - 1e-9
        short = X[:, col["short_pair"]] > 0
        gate &= (
            ~short
            | (X[:, col["weighted_overlap"]] >= self.short_overlap - 1e-9)
            | (X[:, col["shares_rarest"]] > 0)
        )
        linked = gate & (related >= self.relate_threshold)
        if assume_related:  # the pairs are known to be about one claim: stance only
            linked = np.ones(len(X), dtype=np.bool_)
        best = stance.argmax(axis=1) + 1
        # between two short claims the cues decide: a negation and an antonym cancel
        # ("did not fail" = "passed"); a number or date that differs does not
        flip = (X[:, col["polarity_differs"]] > 0) != (X[:, col["antonym"]] > 0)
        cue = flip | (X[:, col["number_mismatch"]] > 0) | (X[:, col["date_mismatch"]] > 0)
        cancelled = (X[:, col["polarity_differs"]] > 0) & (X[:, col["antonym"]] > 0) & ~cue
        agreeing = 1 + np.where(stance[:, 2] > stance[:, 0], 2, 0)  # corroborates or hedged
        if self.short_cues:
            best[short & cue] = LABELS.index("contradicts")
            best[short & cancelled] = agreeing[short & cancelled]
        best[~linked] = 0
        return best.astype(np.int64), related, stance

    def labels(self, F: PairFeatures, *, assume_related: bool = False) -> list[str]:
        """The label (:data:`LABELS`) of each pair.

        With ``assume_related=True`` every pair gets a stance (no 'unrelated').
        """
        return [LABELS[k] for k in self.decide(F, assume_related=assume_related)[0].tolist()]

    # -- pairs -----------------------------------------------------------------------

    @staticmethod
    def features(
        pairs: Sequence[tuple[Claim, Claim]],
        *,
        scorer: Callable[..., Any] | None = None,
        processor: Callable[..., Any] | None = None,
        workers: int = 1,
    ) -> PairFeatures:
        """The features of text-claim pairs (IDF over the claims in `pairs`)."""
        from reconcile.linking.api import DEFAULT_PROCESSOR, DEFAULT_SCORER

        index: dict[str, int] = {}
        claims: list[Claim] = []
        for a, b in pairs:
            for c in (a, b):
                if c.id not in index:
                    index[c.id] = len(claims)
                    claims.append(c)
        prepared = prepare(claims)
        ia = np.array([index[a.id] for a, _ in pairs], dtype=np.int64)
        ib = np.array([index[b.id] for _, b in pairs], dtype=np.int64)
        X, _ = pair_features(
            prepared, ia, ib,
            scorer=scorer or DEFAULT_SCORER,
            processor=processor if processor is not None else DEFAULT_PROCESSOR,
            workers=workers,
        )  # fmt: skip
        return PairFeatures(X, *pair_words(prepared, ia, ib))

    def predict(self, pairs: Sequence[tuple[Claim, Claim]], **options: Any) -> list[str]:
        """The label (:data:`LABELS`) of each pair of text claims."""
        return self.labels(self.features(pairs, **options))

    def fit(
        self,
        pairs: Sequence[tuple[Claim, Claim]] | PairFeatures,
        labels: Sequence[str],
        *,
        l2: float = 1.0,
        l2_words: float = 20.0,
        class_weight: dict[str, float] | None = None,
        short_cues: bool | None = None,
        **options: Any,
    ) -> Linker:
        """Learn the weights from labelled pairs; returns the linker itself.

        Parameters
        ----------
        pairs : sequence of (Claim, Claim), or PairFeatures from :meth:`features`
            The training pairs.
        labels : sequence of str
            One of :data:`LABELS` per pair.
        l2 : float
            L2 penalty on the (standardised) weights.
        l2_words : float
            L2 penalty on the hashed-word weights: stronger, as there are many of them
            and each is seen rarely.
        class_weight : dict, optional
            Weight per label for the stance model (e.g. to lift a rare class).
        short_cues : bool, optional
            Set :attr:`short_cues`; by default it is dropped if the stance model alone
            labels the related short pairs among the training pairs better.
        """
        F = pairs if isinstance(pairs, PairFeatures) else self.features(pairs, **options)
        X = F.dense
        if len(X) != len(labels):
            raise OptionError(f"{len(labels)} labels for {len(X)} pairs", field="labels")
        for i, label in enumerate(labels):
            if label not in LABELS:
                raise OptionError(f"label {i} is {label!r}, not one of {LABELS}", field="labels")
        D = _design(X)
        mean = D.mean(axis=0)
        scale = D.std(axis=0)
        scale[scale < 1e-9] = 1.0
        Z = np.column_stack([(D - mean) / scale, np.ones(len(D))])
        y_rel = np.array([label != "unrelated" for label in labels], dtype=np.float64)
        relate = _fit_binary(Z, y_rel, np.ones(len(Z)), l2)
        related = y_rel.astype(bool)
        y_st = np.array([STANCES.index(lb) for lb in labels if lb != "unrelated"], dtype=np.int64)
        weights = np.array(
            [(class_weight or {}).get(lb, 1.0) for lb in labels if lb != "unrelated"]
        )
        sub = F.take(related)
        stance, words = _fit_multinomial(
            Z[related], (sub.word_row, sub.word_col), y_st, weights, l2, len(STANCES), l2_words
        )
        self._weights = {
            "mean": mean, "scale": scale, "relate": relate, "stance": stance, "words": words,
        }  # fmt: skip
        # the threshold that best separates related from unrelated pairs, gates included
        best = max(
            np.arange(0.2, 0.81, 0.01).round(2).tolist(),
            key=lambda t: (self._related_accuracy(F, related, t), -abs(t - 0.5)),
        )
        self.relate_threshold = float(best)
        if short_cues is None:
            short = X[:, FEATURES.index("short_pair")] > 0
            self.short_cues = self._short_cues_help(F.take(short & related),
                                                    y_st[short[related]])  # fmt: skip
        else:
            self.short_cues = bool(short_cues)
        return self

    def _short_cues_help(self, F: PairFeatures, y: NDArray[np.int64]) -> bool:
        """Whether the short-pair rule makes no fewer stance labels right on these pairs."""
        right = []
        for flag in (False, True):
            saved, self.short_cues = self.short_cues, flag
            try:
                right.append(int((self.decide(F, assume_related=True)[0] - 1 == y).sum()))
            finally:
                self.short_cues = saved
        return right[1] >= right[0]

    def _related_accuracy(self, F: PairFeatures, related: NDArray[np.bool_], t: float) -> float:
        saved, self.relate_threshold = self.relate_threshold, t
        try:
            return float(((self.decide(F)[0] > 0) == related).mean())
        finally:
            self.relate_threshold = saved

    # -- persistence -----------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description of the options and weights."""
        out: dict[str, Any] = {
            "format": _FORMAT,
            "version": _VERSION,
            "min_overlap": self.min_overlap,
            "short_overlap": self.short_overlap,
            "relate_threshold": self.relate_threshold,
            "fuzzy_cutoff": self.fuzzy_cutoff,
            "rel_tol": self.rel_tol,
            "short_cues": self.short_cues,
        }
        if self._weights is not None:
            out["weights"] = {
                "features": list(DESIGN),
                "mean": self._weights["mean"].tolist(),
                "scale": self._weights["scale"].tolist(),
                "relate": self._weights["relate"].tolist(),
                "stance": self._weights["stance"].tolist(),
                "words": np.round(self._weights["words"], 6).tolist(),
            }
        return out

    @classmethod
    def from_dict(cls, data: object) -> Linker:
        """The linker :meth:`to_dict` described."""
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise SchemaError("is not a reconcile linker (no \"format\": \"reconcile-linker\")",
                              field="format")  # fmt: skip
        if data.get("version") != _VERSION:
            raise SchemaError(f"unsupported linker version {data.get('version')!r}",
                              field="version")  # fmt: skip
        return cls(
            min_overlap=data.get("min_overlap", 0.2),
            short_overlap=data.get("short_overlap", 0.5),
            relate_threshold=data.get("relate_threshold", 0.5),
            fuzzy_cutoff=data.get("fuzzy_cutoff", 90.0),
            rel_tol=data.get("rel_tol", 0.01),
            short_cues=data.get("short_cues", True),
            weights=data.get("weights"),
        )

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the linker as JSON."""
        with open(os.fspath(path), "w", encoding="utf-8") as handle:
            json.dump(self.to_dict(), handle, indent=1)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Linker:
        """Read a linker written by :meth:`save`."""
        try:
            with open(os.fspath(path), encoding="utf-8") as handle:
                data = json.load(handle)
        except ValueError as err:
            raise SchemaError(f"is not valid JSON: {err}", record=os.fspath(path)) from None
        return cls.from_dict(data)

    def __repr__(self) -> str:
        state = "fitted" if self.is_fitted else "not fitted"
        return (
            f"Linker(min_overlap={self.min_overlap}, relate_threshold={self.relate_threshold}, "
            f"{state})"
        )


@lru_cache(maxsize=1)
def _default_weights() -> str:
    path = resources.files("reconcile.linking").joinpath("default_linker.json")
    return path.read_text("utf-8")


def _default_linker() -> Linker:
    # a fresh object each time: fitting or tuning one must not change everybody's default
    return Linker.from_dict(json.loads(_default_weights()))
