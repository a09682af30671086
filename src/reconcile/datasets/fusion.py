"""Loaders for the data-fusion evaluation sets (Book, Flights, crowd labels) as claims.

Each returns ``(claims, truth)``: structured claims, and the gold value per
(subject, predicate) question, already normalised the way the claims' values are.
"""

from __future__ import annotations

import csv
import os
import re
from collections import Counter

from reconcile.datasets.loaders import data_dir
from reconcile.errors import OptionError
from reconcile.model import Claim

__all__ = ["author_names", "isbn13_to_10", "load_book", "load_crowd", "load_flights"]

_ROLES = re.compile(
    r"\((?:[^)]*)\)|\b(?:ph\.?d|m\.?d|jr|sr|ii|iii|editors?|eds?|authors?|edited by|"
    r"illustrated by|translated by|foreword by|introduction by|with)\b\.?",
    re.IGNORECASE,
)


def _surname(name: str) -> str:
    letters = re.sub(r"[^a-z' -]", " ", name.lower()).replace("'", "")
    words = [w for w in letters.replace("-", " ").split() if len(w) > 1]
    return words[-1] if words else ""


def author_names(text: str) -> tuple[str, ...]:
    """The sorted surnames in an author list, whatever its layout.

    Handles "Last, First; Last, First", "First Last, First Last", "First Last and
    First Last", "Last, First" and role words ("(Editor)", "Ph.D.").

    Examples
    --------
    >>> author_names("Kernighan, Brian W.; Ritchie, Dennis M.")
    ('kernighan', 'ritchie')
    >>> author_names("Brian W. Kernighan, Dennis M. Ritchie")
    ('kernighan', 'ritchie')
    >>> author_names("Knuth, Donald E.")
    ('knuth',)
    >>> author_names("Not Available")
    ()
    """
    text = _ROLES.sub(" ", text)
    if not text.strip() or "not available" in text.lower():
        return ()
    text = re.sub(r"\s+(?:and|&)\s+", ";", text, flags=re.IGNORECASE)
    names: list[str] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        if len(pieces) == 1:
            names.append(_surname(pieces[0]))
        elif all(len(p.split()) >= 2 for p in pieces):
            names.extend(_surname(p) for p in pieces)  # "First Last, First Last"
        else:
            # "Last, First[, Last, First]": surnames sit at even positions
            names.extend(_surname(p.split()[-1] if len(p.split()) > 1 and i else p)
                         for i, p in enumerate(pieces[::2]))  # fmt: skip
    return tuple(sorted({n for n in names if n}))


def isbn13_to_10(isbn: str) -> str:
    """ISBN-13 (978...) to ISBN-10; other strings unchanged."""
    digits = isbn.strip()
    if len(digits) != 13 or not digits.startswith("978"):
        return digits
    core = digits[3:12]
    total = sum((10 - i) * int(d) for i, d in enumerate(core))
    check = (11 - total % 11) % 11
    return core + ("X" if check == 10 else str(check))


def load_book(
    path: str | os.PathLike[str] | None = None, *, truth: str = "gold"
) -> tuple[list[Claim], dict[tuple[str, str], tuple[str, ...]]]:
    """AbeBooks author lists as claims (one per listing with authors) and their truth:
    ``truth="gold"``, the 100 hand-checked books (the published figures' test set), or
    ``"silver"``, 1,264 books checked less carefully (a development set to tune on).
    """
    if truth not in ("gold", "silver"):
        raise OptionError(f"must be 'gold' or 'silver', got {truth!r}", field="truth")
    folder = data_dir(path) / "fusion" / "book"
    claims = []
    with open(folder / "book.txt", encoding="utf-8", errors="replace") as handle:
        for k, line in enumerate(handle):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            store, isbn, _title, authors = parts[:4]
            names = author_names(authors)
            if names:
                claims.append(Claim(
                    subject=isbn13_to_10(isbn), predicate="authors", value=names,
                    source=store.strip() or "unknown store", id=f"book-{k}",
                ))  # fmt: skip
    gold = {}
    name = "book_golden.txt" if truth == "gold" else "book_silver.txt"
    with open(folder / name, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0].strip():
                gold[(isbn13_to_10(parts[0]), "authors")] = author_names(parts[1])
    return claims, gold


def _time(value: str) -> str:
    """'7:10 a.m.', '7:10a', '07:10 AM' -> '07:10'; anything else, trimmed."""
    m = re.search(r"(\d{1,2}):(\d{2})\s*([ap])?", value.lower())
    if not m:
        return value.strip().lower()
    hour, minute, half = int(m.group(1)), m.group(2), m.group(3)
    if half == "p" and hour < 12:
        hour += 12
    if half == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute}"


_FLIGHT_ATTRS = ("sched_dep_time", "act_dep_time", "sched_arr_time", "act_arr_time")


def load_flights(
    path: str | os.PathLike[str] | None = None,
) -> tuple[list[Claim], dict[tuple[str, str], str]]:
    """Flight times from 38 sources as claims; the truth from clean.csv."""
    folder = data_dir(path) / "fusion" / "flights"
    claims = []
    with open(folder / "dirty.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for attr in _FLIGHT_ATTRS:
                value = (row.get(attr) or "").strip()
                if value:
                    claims.append(Claim(
                        subject=row["flight"], predicate=attr, value=_time(value),
                        source=row["src"], id=f"f{row['tuple_id']}-{attr}",
                    ))  # fmt: skip
    votes: dict[tuple[str, str], Counter[str]] = {}
    with open(folder / "clean.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for attr in _FLIGHT_ATTRS:
                value = (row.get(attr) or "").strip()
                if value:
                    votes.setdefault((row["flight"], attr), Counter())[_time(value)] += 1
    truth = {key: c.most_common(1)[0][0] for key, c in votes.items()}
    return claims, truth


def load_crowd(
    name: str, path: str | os.PathLike[str] | None = None
) -> tuple[list[Claim], dict[tuple[str, str], str]]:
    """Crowd labels (``crowd_product`` or ``crowd_dog``) as claims, and the true labels."""
    folder = data_dir(path) / "fusion" / name
    claims = []
    with open(folder / "answer.csv", encoding="utf-8", newline="") as handle:
        for k, row in enumerate(csv.DictReader(handle)):
            claims.append(Claim(subject=row["question"], predicate="label", value=row["answer"],
                                source=f"worker {row['worker']}", id=f"a{k}"))  # fmt: skip
    with open(folder / "truth.csv", encoding="utf-8", newline="") as handle:
        truth = {(r["question"], "label"): r["truth"] for r in csv.DictReader(handle)}
    return claims, truth
