from __future__ import annotations

import math
import subprocess
import sys
from datetime import datetime, timezone

import pytest

import reconcile as rc
from reconcile.model import MAX_META_DEPTH


def test_claim_defaults_and_fields() -> None:
    c = rc.Claim("It rained", source="met office", via=["Wire", " Daily "])
    assert c.via == ("Wire", "Daily")
    assert c.stance is rc.Stance.ASSERTS
    assert c.source == rc.Source("met office")
    assert c.publisher == "Daily"
    assert c.key is None and not c.is_structured
    assert c.meta == {}


def test_derived_id_is_stable_across_processes() -> None:
    code = (
        "import reconcile as rc;"
        "print(rc.Claim('Zürich vote passed', source='x', via=('a','b'), value=None).id)"
    )
    ids = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("0", "1", "12345")
    }
    assert ids == {rc.Claim("Zürich vote passed", source="x", via=("a", "b")).id}


def test_derived_id_depends_on_content_not_meta() -> None:
    a = rc.Claim("It rained", source="x")
    assert a.id == rc.Claim("It rained", source="x", meta={"row": 4}).id
    assert a.id != rc.Claim("It rained", source="y").id
    assert a.id != rc.Claim("It rained", source="x", stance="denies").id
    assert a.id != rc.Claim("It rained", source="x", via="Wire").id
    # value types are part of the content: 1, "1" and True are different claims
    ids = {rc.Claim(subject="s", predicate="p", value=v, source="x").id for v in (1, "1", True)}
    assert len(ids) == 3


def test_given_id_is_kept() -> None:
    assert rc.Claim("x", source="y", id="mine").id == "mine"


def test_structured_claims() -> None:
    c = rc.Claim(subject="isbn:1", predicate="authors", value=["A", "B"], source="s")
    assert c.value == ("A", "B")
    assert c.key == ("isbn:1", "authors")
    assert c.describe() == "isbn:1 authors = A; B"
    assert rc.Claim(subject="s", predicate="p", value={"b", "a"}, source="x").value == ("a", "b")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"text": "x"}, "source"),
        ({"text": "x", "source": None}, "source"),
        ({"text": "x", "source": ""}, "source"),
        ({"text": "x", "source": 3}, "source"),
        ({"text": None, "source": "s"}, "text"),
        ({"text": "   ", "source": "s"}, "text"),
        ({"text": 5, "source": "s"}, "text"),
        ({"text": "x", "source": "s", "via": 5}, "via"),
        ({"text": "x", "source": "s", "via": ["ok", ""]}, "via"),
        ({"text": "x", "source": "s", "via": {"a": 1}}, "via"),
        ({"text": "x", "source": "s", "stance": "maybe"}, "stance"),
        ({"text": "x", "source": "s", "time": datetime(2020, 1, 1)}, "time"),
        ({"text": "x", "source": "s", "time": "yesterday"}, "time"),
        ({"text": "x", "source": "s", "time": 1700000000}, "time"),
        ({"text": "x", "source": "s", "id": ""}, "id"),
        ({"text": "x", "source": "s", "id": 7}, "id"),
        ({"text": "x", "source": "s", "meta": [1]}, "meta"),
        ({"text": "x", "source": "s", "meta": {1: "a"}}, "meta"),
        ({"text": "x", "source": "s", "meta": {"a": math.nan}}, "meta"),
        ({"text": "x", "source": "s", "meta": {"a": object()}}, "meta"),
        ({"subject": "s", "predicate": "p", "source": "s"}, "value"),
        ({"subject": "s", "value": 1, "source": "s"}, "predicate"),
        ({"subject": "s", "predicate": "p", "value": math.nan, "source": "s"}, "value"),
        ({"subject": "s", "predicate": "p", "value": math.inf, "source": "s"}, "value"),
        ({"subject": "s", "predicate": "p", "value": [], "source": "s"}, "value"),
        ({"subject": "s", "predicate": "p", "value": [[1]], "source": "s"}, "value"),
        ({"subject": "s", "predicate": "p", "value": None, "source": "s"}, "value"),
    ],
)
def test_bad_claims_name_the_field(kwargs: dict[str, object], field: str) -> None:
    text = kwargs.pop("text", None)
    with pytest.raises(rc.InvalidClaimError) as info:
        rc.Claim(text, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
    assert repr(field) in str(info.value)


def test_cyclic_and_deep_meta_is_refused() -> None:
    cyclic: dict[str, object] = {}
    cyclic["self"] = cyclic
    with pytest.raises(rc.InvalidClaimError, match="deeper"):
        rc.Claim("x", source="s", meta=cyclic)
    deep: dict[str, object] = {}
    node = deep
    for _ in range(MAX_META_DEPTH + 2):
        node["k"] = {}
        node = node["k"]  # type: ignore[assignment]
    with pytest.raises(rc.InvalidClaimError, match="deeper"):
        rc.Claim("x", source="s", meta=deep)


def test_meta_is_read_only() -> None:
    c = rc.Claim("x", source="s", meta={"tags": ["a", "b"], "n": {"k": 1}})
    with pytest.raises(TypeError):
        c.meta["new"] = 1  # type: ignore[index]
    assert c.meta["tags"] == ("a", "b")
    assert hash(c) == hash(rc.Claim("x", source="s", meta={"tags": ["a", "b"], "n": {"k": 1}}))


def test_time_accepts_iso_strings_and_keeps_offset() -> None:
    c = rc.Claim("x", source="s", time="2026-05-12T09:10:00+01:00")
    assert c.time is not None and c.time.utcoffset() is not None
    assert c.time.isoformat() == "2026-05-12T09:10:00+01:00"
    aware = datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert rc.Claim("x", source="s", time=aware).time == aware


def test_stance_aliases() -> None:
    assert rc.Claim("x", source="s", stance="hedged-report").stance is rc.Stance.HEDGED
    assert rc.Claim("x", source="s", stance="DENIES").stance is rc.Stance.DENIES


def test_claims_are_frozen() -> None:
    c = rc.Claim("x", source="s")
    with pytest.raises(AttributeError):
        c.text = "y"  # type: ignore[misc]


def test_replace_rederives_only_derived_ids() -> None:
    a = rc.Claim("x", source="s")
    assert a.replace(text="y").id == rc.Claim("y", source="s").id
    given = rc.Claim("x", source="s", id="keep")
    assert given.replace(text="y").id == "keep"


def test_source_validation() -> None:
    s = rc.Source("afp", name="Agence France-Presse", kind="organization", prior=0.7)
    assert s.kind is rc.SourceKind.ORGANISATION and str(s) == "Agence France-Presse"
    assert rc.Source("x").is_bare and not s.is_bare
    for bad in (0, 1, -0.1, math.nan, "0.5", True):
        with pytest.raises(rc.InvalidSourceError) as info:
            rc.Source("x", prior=bad)  # type: ignore[arg-type]
        assert info.value.field == "prior"
    with pytest.raises(rc.InvalidSourceError):
        rc.Source("x", kind="alien")


def test_link_is_undirected_and_validated() -> None:
    a = rc.Claim("x", source="s", id="a")
    link = rc.Link("b", a, "contradicts", 0.5, reasons="negation: 'not'")
    assert link.ids == ("a", "b")
    assert link == rc.Link("a", "b", rc.Relation.CONTRADICTS, 0.5, reasons=["negation: 'not'"])
    assert link.other("a") == "b"
    for bad in (-0.1, 1.1, math.nan, "high"):
        with pytest.raises(rc.InvalidLinkError) as info:
            rc.Link("a", "b", "corroborates", bad)  # type: ignore[arg-type]
        assert info.value.field == "confidence"
    with pytest.raises(rc.InvalidLinkError, match="itself"):
        rc.Link("a", "a", "corroborates")
    with pytest.raises(rc.InvalidLinkError) as info:
        rc.Link("a", "b", "agrees")
    assert info.value.field == "relation"
    with pytest.raises(rc.InvalidLinkError):
        rc.Link("a", "b", "corroborates", reasons=[1])  # type: ignore[list-item]


def test_errors_are_picklable_and_readable() -> None:
    import pickle

    err = rc.UnknownClaimError("not here", record="'x'", field="id")
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is rc.UnknownClaimError and str(again) == str(err)
    assert isinstance(err, LookupError) and isinstance(err, rc.ReconcileError)


def test_version() -> None:
    assert isinstance(rc.__version__, str) and rc.__version__[0].isdigit()
