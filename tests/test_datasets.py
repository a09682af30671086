"""The bundled samples and the loaders of the evaluation data (skipped without the data)."""

from __future__ import annotations

from pathlib import Path

import pytest

import reconcile as rc
from reconcile.datasets import fusion


def test_demo_and_synthetic_are_reproducible() -> None:
    assert rc.to_json(rc.datasets.load_demo()) == rc.to_json(rc.datasets.load_demo())
    a = rc.datasets.synthetic(100, n_sources=10, seed=5)
    b = rc.datasets.synthetic(100, n_sources=10, seed=5)
    assert rc.to_json(a.claims) == rc.to_json(b.claims)
    assert a.truth == b.truth


def test_book_truth_is_checked() -> None:
    with pytest.raises(rc.OptionError, match="gold"):
        fusion.load_book(truth="bronze")


def test_isbn_conversion() -> None:
    assert fusion.isbn13_to_10("9780131103627") == "0131103628"
    assert fusion.isbn13_to_10("0131103628") == "0131103628"


def test_fusion_loaders(shared_data: Path) -> None:
    claims, truth = fusion.load_book(shared_data)
    assert len(truth) == 100
    assert set(truth) <= {c.key for c in claims}
    _, silver = fusion.load_book(shared_data, truth="silver")
    assert len(silver) == 1264 and set(truth) <= set(silver)
    claims, truth = fusion.load_flights(shared_data)
    assert len(truth) == 400
    claims, truth = fusion.load_crowd("crowd_dog", shared_data)
    assert len(truth) == 807
    assert len(claims) == 8070


def test_fnc1_loader(shared_data: Path) -> None:
    data = rc.datasets.load_fnc1(shared_data)
    assert len(data.stances) == 49_972
    assert len(data.dev_bodies) > 300
