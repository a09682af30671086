"""Loaders for the public evaluation sets the benchmarks use (never shipped).

Each loader reads from a folder: the argument, else ``RECONCILE_DATA``, else
``../shared/data`` relative to the working directory. A missing folder raises
FileNotFoundError with the path it looked for, so scripts and tests can skip.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import attrs

__all__ = ["FNC1", "data_dir", "load_emergent", "load_fnc1", "load_mrpc"]


def data_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The evaluation data folder (argument, ``RECONCILE_DATA`` or ``../shared/data``)."""
    folder = Path(path or os.environ.get("RECONCILE_DATA") or Path("..") / "shared" / "data")
    if not folder.is_dir():
        raise FileNotFoundError(f"evaluation data not found at {folder} (set RECONCILE_DATA)")
    return folder


@attrs.frozen
class FNC1:
    """FNC-1 training data: (headline, body id, stance) rows, bodies, and the dev split."""

    stances: list[tuple[str, int, str]]
    bodies: dict[int, str]
    dev_bodies: frozenset[int]


def load_fnc1(path: str | os.PathLike[str] | None = None) -> FNC1:
    """FNC-1 train stances and bodies, with the hold-out body ids used as dev."""
    folder = data_dir(path) / "fnc1"
    with open(folder / "train_bodies.csv", encoding="utf-8", newline="") as handle:
        bodies = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(handle)}
    with open(folder / "train_stances.csv", encoding="utf-8", newline="") as handle:
        stances = [(r["Headline"], int(r["Body ID"]), r["Stance"]) for r in csv.DictReader(handle)]
    dev = frozenset(
        int(x) for x in (folder / "split" / "hold_out_ids.txt").read_text().split() if x.strip()
    )
    return FNC1(stances=stances, bodies=bodies, dev_bodies=dev)


def load_emergent(path: str | os.PathLike[str] | None = None) -> list[dict[str, str]]:
    """Emergent training rows: claim, claim truth, outlet headline, stance, outlet."""
    with open(data_dir(path) / "emergent" / "emergent_train.csv", encoding="utf-8",
              newline="") as handle:  # fmt: skip
        return list(csv.DictReader(handle))


def load_mrpc(path: str | os.PathLike[str] | None = None) -> list[tuple[str, str, int]]:
    """MRPC training pairs: (sentence 1, sentence 2, 1 if paraphrase else 0)."""
    rows = []
    with open(data_dir(path) / "mrpc" / "msr_paraphrase_train.txt", encoding="utf-8-sig") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 5:
                rows.append((parts[3], parts[4], int(parts[0])))
    return rows
