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

__all__ = [
    "FNC1",
    "PolnearDoc",
    "data_dir",
    "load_emergent",
    "load_fnc1",
    "load_mrpc",
    "load_polnear",
]


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


Span = tuple[int, int]


@attrs.frozen
class PolnearDoc:
    """One annotated PolNeAR article: the text and its attributions.

    Each attribution is a mapping from ``"cue"``, ``"source"`` and ``"content"`` to the
    list of character spans (brat spans may be discontinuous). An article annotated by
    several people appears once per annotation file.
    """

    name: str
    text: str
    attributions: list[dict[str, list[Span]]]


def _brat_spans(field: str) -> list[Span]:
    # "Cue 107 114" or discontinuous "Content 10 20;25 40"
    spans = []
    for part in field.split(" ", 1)[1].split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return spans


def load_polnear(
    split: str = "dev", path: str | os.PathLike[str] | None = None
) -> list[PolnearDoc]:
    """PolNeAR articles of one split (``"train"`` or ``"dev"``) with their attributions."""
    folder = data_dir(path) / "polnear" / split
    docs = []
    for ann in sorted((folder / "attributions").glob("*.ann")):
        stem = ann.name.rsplit("_", 1)[0]
        text = (folder / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        spans: dict[str, tuple[str, list[Span]]] = {}
        events = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[0].startswith("T"):
                kind = parts[1].split(" ", 1)[0]
                spans[parts[0]] = (kind, _brat_spans(parts[1]))
            elif len(parts) >= 2 and parts[0].startswith("E"):
                events.append(parts[1].split())
        attributions = []
        for args in events:
            record: dict[str, list[Span]] = {"cue": [], "source": [], "content": []}
            for arg in args[1:]:
                role, _, ref = arg.partition(":")
                role = role.rstrip("0123456789").lower()
                if role in record and ref in spans:
                    record[role].extend(spans[ref][1])
            attributions.append(record)
        docs.append(PolnearDoc(name=ann.stem, text=text, attributions=attributions))
    return docs
