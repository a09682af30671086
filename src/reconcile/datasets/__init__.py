"""Small datasets shipped with ``reconcile``, written for this project.

Examples
--------
>>> claims = load_demo()
>>> len(claims), len({c.source.id for c in claims})
(16, 9)
"""

from __future__ import annotations

from importlib import resources

from reconcile.collection import Claims
from reconcile.datasets.loaders import (
    FNC1,
    PolnearDoc,
    data_dir,
    load_emergent,
    load_fnc1,
    load_mrpc,
    load_polnear,
)
from reconcile.datasets.synthetic import Synthetic, synthetic
from reconcile.io import from_json
from reconcile.model import Claim

__all__ = [
    "FNC1",
    "PolnearDoc",
    "Synthetic",
    "data_dir",
    "load_demo",
    "load_emergent",
    "load_fnc1",
    "load_mrpc",
    "load_polnear",
    "synthetic",
]


def load_demo() -> list[Claim]:
    """The demo claim set: reports on a fictional harbour fire.

    Nine sources (a fire chief, a port authority, a mayor, a hospital, an inspectorate,
    outlets and anonymous voices) reach the reader through a wire agency, a radio
    station, a newspaper and social media. Some agree (when the fire was contained),
    some contradict each other (how many were hurt, whether anyone died, whether a
    conveyor belt had failed an inspection), one is a denial and two are hedged
    reports. Text and structured claims are both present.
    """
    data = resources.files(__package__).joinpath("data", "demo_claims.json").read_bytes()
    claims: list[Claim] = from_json(data)
    return Claims(claims)
