"""Hostile and broken input: thousands of generated bad records, files and texts.

Only ReconcileError subclasses (or, from the command line, exit code 2) may come out,
each naming where the problem is; nothing hangs; nothing is written outside the path
given. The generator is seeded, so a failure replays.
"""

from __future__ import annotations

import json
import math
import random
import re
from pathlib import Path
from typing import Any

import pytest

import reconcile as rc
from reconcile.cli import main
from reconcile.io import CLAIM_FIELDS

_NASTY_STRINGS = [
    "",
    " ",
    "\x00",
    "\x1b[31mred\x1b[0m",
    "\u200b\u200b",  # zero-width spaces only
    "\u202eevil\u202c",  # right-to-left override
    '=HYPERLINK("http://x","y")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\ud800",  # a lone surrogate
    "a" * 100_000,
    "’“”‘\"'",
    "<script>alert(1)</script>",
    "said said said according to",
]
_NASTY_VALUES: list[Any] = [
    None,
    math.nan,
    math.inf,
    -math.inf,
    0,
    -1,
    True,
    1e308,
    [],
    {},
    [[[]]],
    {"a": {"b": {"c": {}}}},
    b"bytes",
    object(),
    (1, 2),
    {1, 2},
]
_FIELDS = [*CLAIM_FIELDS, "extra"]  # every field a record may hold, and one it may not


def _deep(depth: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    node = out
    for _ in range(depth):
        node["x"] = {}
        node = node["x"]
    return out


def _cyclic() -> dict[str, Any]:
    loop: dict[str, Any] = {}
    loop["self"] = loop
    return loop


def _bad_record(rng: random.Random) -> Any:
    roll = rng.random()
    if roll < 0.05:
        return rng.choice([None, 3, "text", ["a"], b"x", 1.5])
    record: dict[Any, Any] = {}
    for field in rng.sample(_FIELDS, rng.randint(0, len(_FIELDS))):
        pick = rng.random()
        if pick < 0.4:
            record[field] = rng.choice(_NASTY_STRINGS)
        elif pick < 0.75:
            record[field] = rng.choice(_NASTY_VALUES)
        elif pick < 0.8:
            record[field] = _deep(rng.randint(10, 40))
        elif pick < 0.85:
            record[field] = _cyclic()
        else:
            record[field] = "".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(1, 12)))
    if rng.random() < 0.1:
        record[rng.choice([1, None, (1,)])] = "non-string key"
    return record


def test_ten_thousand_bad_records_give_only_reconcile_errors() -> None:
    rng = random.Random(20261127)
    records = [_bad_record(rng) for _ in range(10_000)]
    claims, errors = rc.claims_from_records(records, errors="collect")
    # every record is accounted for: a claim or an error naming it
    assert len(claims) + len(errors) == len(records)
    assert all(isinstance(e, rc.ReconcileError) for e in errors)
    assert all(e.record is not None for e in errors)
    assert all(e.field is not None or "mapping" in e.reason for e in errors)
    for claim in claims:  # what got through is valid and serialisable
        assert rc.from_json(rc.to_json([claim])) == [claim]
    # a 10 MB string in every field at once: read, not choked on
    huge = "x" * 10_000_000
    big, problems = rc.claims_from_records(
        [dict.fromkeys(("text", "source", "document", "extra"), huge), {"text": huge}],
        errors="collect",
    )
    assert len(big) == 1 and len(big[0].text or "") == len(huge)
    assert len(problems) == 1 and problems[0].field == "source"


def _bad_file(rng: random.Random, k: int) -> tuple[str, bytes]:
    good = rc.to_json([rc.Claim("It rained", source="x"), rc.Claim("It did not", source="y")])
    choices = [
        ("json", good.encode()[: rng.randint(0, len(good) - 1)]),  # truncated
        ("json", json.dumps({"format": "reconcile", "version": 99, "kind": "claims"}).encode()),
        ("json", json.dumps({"format": "other", "claims": []}).encode()),
        (
            "json",
            json.dumps(
                {"format": "reconcile", "version": 1, "kind": "claims", "claims": [{"text": "x"}]}
            ).encode(),
        ),
        ("json", b"[" * 100_000),
        ("json", bytes(rng.randrange(256) for _ in range(rng.randint(1, 200)))),
        ("csv", b"text,source\n" + b"=cmd|' /C calc'!A0,x\n"),
        ("csv", b"text,source\n\xff\xfe\x00bad\n"),
        ("csv", b'text,source\n"unterminated,x\n'),
        ("csv", b"text,source,extra\na,b,c,d,e\n"),
        ("csv", b""),
        ("jsonl", b'{"text": "a", "source": "b"}\n{"text": '),
        ("jsonl", b'{"text": "a", "source": "b", "time": "yesterday"}\n'),
        ("jsonl", b'{"text": "a", "source": {"id": "b", "evil": 1}}\n'),
        (
            "jsonl",
            "\n".join(['{"text": "a", "source": "b", "id": "same"}'] * 2).encode()
            + b'\n{"text": "c", "source": "d", "id": "same"}',
        ),
    ]
    return choices[k % len(choices)] if k < len(choices) else rng.choice(choices)


def test_bad_files_through_the_readers(tmp_path: Path) -> None:
    rng = random.Random(7)
    readers = {"json": rc.read_json, "csv": rc.read_csv, "jsonl": rc.read_jsonl}
    for k in range(300):
        kind, data = _bad_file(rng, k)
        path = tmp_path / f"bad{k}.{kind}"
        path.write_bytes(data)
        message = ""
        try:
            readers[kind](path)
        except rc.ReconcileError as err:
            message = str(err)  # a message naming the record or field
        except RecursionError:  # pragma: no cover - reported as a failure
            pytest.fail(f"file {k} ({kind}) overflowed the stack")
        else:
            message = "read"
        assert message


def test_bad_files_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(11)
    before = set(tmp_path.iterdir())
    inputs = []
    for k in range(40):
        kind, data = _bad_file(rng, k)
        path = tmp_path / f"bad{k}.{kind}"
        path.write_bytes(data)
        inputs.append(path)
    created = set(inputs)
    for path in inputs:
        for command in ("link", "score"):
            code = main([command, str(path), "-o", str(tmp_path / "out.json")])
            err = capsys.readouterr().err
            assert code in (0, 2)
            if code == 2:
                assert err.startswith("reconcile: error:") and "Traceback" not in err
    # nothing written but the output file the command was given
    assert set(tmp_path.iterdir()) - before - created <= {tmp_path / "out.json"}


def _bad_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 30)):
        roll = rng.random()
        if roll < 0.3:
            parts.append(rng.choice(_NASTY_STRINGS[:10] + _NASTY_STRINGS[12:]))
        elif roll < 0.6:
            parts.append(rng.choice(["“", "”", '"', "''", "‘", "’", "\n\n", ".", ",", ":"]))
        elif roll < 0.8:
            parts.append(
                rng.choice(
                    [
                        "said",
                        "according to",
                        "told Reuters",
                        "he",
                        "Mr.",
                        "denied",
                        "reports of",
                        "are not true",
                        "<p>",
                        "</b>",
                    ]
                )
            )
        else:
            parts.append("".join(chr(rng.randint(0, 0x10FFF)) for _ in range(5)))
    return " ".join(parts)


def test_extraction_survives_generated_texts() -> None:
    rng = random.Random(3)
    for _ in range(2_000):
        text = _bad_text(rng)
        if any("\ud800" <= ch <= "\udfff" for ch in text):
            with pytest.raises(rc.ExtractionError, match="surrogate"):
                rc.extract_claims(text)
            continue
        for claim in rc.extract_claims(text):
            assert claim.text and claim.text.strip()
    for bad in (None, 3, ["text"], b"\xc3\x28 said"):
        with pytest.raises(rc.ExtractionError):
            rc.extract_claims(bad)  # type: ignore[arg-type]


def test_no_pickle_or_eval_of_user_data() -> None:
    source = Path(rc.__file__).parent
    pattern = re.compile(r"\b(?:(?:cloud)?pickle|marshal|shelve)\b|(?<![\w.])(?:eval|exec)\(")
    # The one exception: the Dask engine packs its own task arguments with cloudpickle,
    # as Dask itself does, and unpacks them on its workers; nothing read from a file.
    allowed = {"engines.py"}
    hits = [
        f"{path.relative_to(source)}:{n}"
        for path in source.rglob("*.py")
        if str(path.relative_to(source)) not in allowed
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line) and not line.lstrip().startswith("#")
    ]
    assert hits == []
