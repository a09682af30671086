from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import reconcile as rc
from reconcile.datasets import load_demo


def test_records_with_mapping_and_extras() -> None:
    claims = rc.claims_from_records(
        [
            {
                "said": "Rates will rise",
                "who": "central bank",
                "through": ["Wire", "Daily"],
                "when": "2026-01-02T10:00:00+00:00",
                "page": 4,
            }
        ],
        text="said",
        source="who",
        via="through",
        time="when",
    )
    (c,) = claims
    assert c.text == "Rates will rise" and c.via == ("Wire", "Daily")
    assert c.meta == {"page": 4}  # unmapped keys are kept, not dropped
    assert (
        rc.claims_from_records([{"text": "t", "source": "s", "x": 1}], keep_extra=False)[0].meta
        == {}
    )


def test_missing_values_count_as_absent() -> None:
    (c,) = rc.claims_from_records(
        [{"text": "t", "source": "s", "via": float("nan"), "document": "", "stance": None}]
    )
    assert c.via == () and c.document is None and c.stance is rc.Stance.ASSERTS


def test_bad_records_name_record_and_field() -> None:
    records = [
        {"text": "good", "source": "a"},
        {"text": "no source"},
        {"text": "nan source", "source": float("nan")},
        {"text": "", "source": "b"},
        {"text": "naive", "source": "c", "time": "2020-01-01T00:00:00"},
        "not a mapping",
        {"text": "good too", "source": "d"},
        {"text": "bad stance", "source": "e", "stance": 3},
    ]
    good, errors = rc.claims_from_records(records, errors="collect")  # type: ignore[arg-type]
    assert [c.text for c in good] == ["good", "good too"]
    assert [(e.record, e.field) for e in errors] == [
        (1, "source"),
        (2, "source"),
        (3, "text"),
        (4, "time"),
        (5, None),
        (7, "stance"),
    ]
    assert all(str(e).startswith(f"record {e.record}") for e in errors)
    with pytest.raises(rc.InvalidClaimError) as info:
        rc.claims_from_records(records)  # type: ignore[arg-type]
    assert info.value.record == 1


def test_duplicate_records() -> None:
    same = {"text": "t", "source": "s"}
    claims = rc.claims_from_records([same, same, same])
    assert len(claims) == 3 and len({c.id for c in claims}) == 3
    assert claims[1].id == claims[0].id + "-2"
    with pytest.raises(rc.DuplicateIdError) as info:
        rc.claims_from_records(
            [{"id": "x", "text": "a", "source": "s"}, {"id": "x", "text": "b", "source": "s"}]
        )
    assert (info.value.record, info.value.field) == (1, "id")


def test_bad_options() -> None:
    with pytest.raises(rc.OptionError):
        rc.claims_from_records([], errors="ignore")  # type: ignore[call-overload]
    with pytest.raises(rc.OptionError) as info:
        rc.claims_from_records([], text=3)  # type: ignore[call-overload]
    assert info.value.field == "text"


def test_pandas_round_trip_and_missing_column() -> None:
    df = pd.DataFrame(
        {
            "headline": ["A rose", "B fell", None],
            "outlet": ["x", "y", "z"],
            "subject": [None, None, "q"],
            "predicate": [None, None, "p"],
            "value": pd.Series([None, None, 3], dtype=object),  # a float column would give 3.0
        }
    )
    claims = rc.claims_from_pandas(df, text="headline", source="outlet")
    assert [c.describe() for c in claims] == ["A rose", "B fell", "q p = 3"]
    assert claims[2].value == 3 and isinstance(claims[2].value, int)
    with pytest.raises(rc.SchemaError) as info:
        rc.claims_from_pandas(df, text="body", source="outlet")
    assert info.value.field == "text" and "'body'" in str(info.value)


def test_csv_round_trip(tmp_path: Path) -> None:
    claims = load_demo()
    path = tmp_path / "claims.csv"
    rc.write_csv(claims, path)
    back = rc.read_csv(path)
    by_id = {c.id: c for c in back}
    for c in claims:
        b = by_id[c.id]
        assert (b.text, b.source.id, b.via, b.stance, b.time, b.document) == (
            c.text,
            c.source.id,
            c.via,
            c.stance,
            c.time,
            c.document,
        )
        assert b.value == (None if c.value is None else str(c.value))  # CSV keeps text only


def test_csv_schema_errors(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("said,who\nhello,me\n", encoding="utf-8")
    with pytest.raises(rc.SchemaError) as info:
        rc.read_csv(path, text="said", source="speaker")
    assert info.value.field == "source" and info.value.record == "header"
    assert rc.read_csv(path, text="said", source="who")[0].source.id == "me"
    path.write_text("text,source\nhello,me,extra\n", encoding="utf-8")
    with pytest.raises(rc.SchemaError) as info:
        rc.read_csv(path)
    assert info.value.record == 0
    path.write_bytes(b"text,source\n\xff\xfe,me\n")
    with pytest.raises(rc.SchemaError, match=r"UTF-8|utf-8"):
        rc.read_csv(path)
    path.write_text("", encoding="utf-8")
    with pytest.raises(rc.SchemaError, match="empty"):
        rc.read_csv(path)


def test_json_round_trip_of_claims_and_graph(tmp_path: Path) -> None:
    claims = load_demo()
    assert rc.from_json(rc.to_json(claims)) == claims
    graph = rc.ClaimGraph(
        claims, [rc.Link(claims[0], claims[1], "corroborates", 0.5, reasons=["x"], hedged=True)]
    )
    path = tmp_path / "g.json"
    rc.write_json(graph, path, indent=2)
    back = rc.read_json(path)
    assert isinstance(back, rc.ClaimGraph)
    assert back.claims == graph.claims and list(back.links()) == list(graph.links())
    assert rc.to_json(back) == rc.to_json(graph)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("[1, 2]", "format"),
        ('{"format": "other", "version": 1}', "format"),
        ('{"format": "reconcile", "version": 99, "kind": "claims"}', "version"),
        ('{"format": "reconcile", "version": "1", "kind": "claims"}', "version"),
        ('{"format": "reconcile", "version": 1, "kind": "sofa"}', "kind"),
        ('{"format": "reconcile", "version": 1, "kind": "claims", "claims": {}}', "claims"),
        (
            '{"format": "reconcile", "version": 1, "kind": "claims", "claims": [{"text": "t"}]}',
            "source",
        ),
        (
            '{"format": "reconcile", "version": 1, "kind": "claims", '
            '"claims": [{"text": "t", "source": "s", "colour": "red"}]}',
            "colour",
        ),
        (
            '{"format": "reconcile", "version": 1, "kind": "graph", "claims": [], '
            '"links": [{"a": "x"}]}',
            "b",
        ),
    ],
)
def test_json_schema_errors(text: str, field: str) -> None:
    with pytest.raises(rc.ReconcileError) as info:
        rc.from_json(text)
    assert info.value.field == field


def test_json_refuses_truncated_and_binary_input(tmp_path: Path) -> None:
    whole = rc.to_json(load_demo())
    with pytest.raises(rc.SchemaError, match="not valid JSON"):
        rc.from_json(whole[: len(whole) // 2])
    path = tmp_path / "bad.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(rc.SchemaError) as info:
        rc.read_json(path)
    assert info.value.record == str(path)


def test_to_json_is_compact_and_deterministic() -> None:
    text = rc.to_json(load_demo())
    doc = json.loads(text)
    assert doc["format"] == "reconcile" and doc["version"] == rc.io.SCHEMA_VERSION
    assert text == rc.to_json(load_demo())
    with pytest.raises(rc.OptionError):
        rc.to_json(42)
    with pytest.raises(rc.InvalidClaimError):
        rc.to_json(["not a claim"])
