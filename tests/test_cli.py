from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

import reconcile as rc
from reconcile.cli import main


def test_demo_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "harbour fire" in out
    assert "Fire chief Dana Okafor" in out and "Coastal Radio > Elsby Gazette" in out


def test_python_dash_m_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reconcile", "demo"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "statement" in done.stdout


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["no-such-command"]) == 2
    assert main(["link", "x.csv", "--no-such-option"]) == 2
    assert main(["score", "x.csv", "--workers", "many"]) == 2


ARTICLE = (
    "PORTVILLE (Daily Wire) — The harbour master said the pier had reopened, Radio Coast "
    'reported.\n\n"Nobody was hurt," the harbour master told Reuters.\n\n'
    "Unnamed officials said the pier had reopened on Monday."
)


def test_extract_link_score_pipeline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    claims_file = tmp_path / "claims.jsonl"
    assert main(["extract", str(article), "-o", str(claims_file)]) == 0
    claims = rc.read_jsonl(claims_file)
    assert any(c.source.id == "harbour master" for c in claims)
    assert all(c.document == "story.txt" for c in claims)
    graph_file = tmp_path / "graph.json"
    assert main(["link", str(claims_file), "-o", str(graph_file)]) == 0
    graph = rc.read_json(graph_file)
    assert isinstance(graph, rc.ClaimGraph) and len(graph) == len(claims)
    assert main(["link", str(claims_file), "-o", str(tmp_path / "g.graphml")]) == 0
    assert (tmp_path / "g.graphml").read_text().startswith("<?xml")
    capsys.readouterr()
    assert main(["score", str(graph_file)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["claim"] for r in rows} == {c.id for c in claims}  # every claim is scored
    assert all(0.0 <= float(r["score"]) <= 1.0 for r in rows)
    assert main(["score", str(claims_file), "--method", "majority", "-o",
                 str(tmp_path / "s.json")]) == 0  # fmt: skip
    result = rc.read_json(tmp_path / "s.json")
    assert result.method == "majority"


def test_csv_input_with_columns_and_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    table = "headline,outlet\nThe bridge reopened,Wire\nThe bridge reopened on Monday,Daily\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(table.encode())))
    args = ["score", "-", "--format", "csv", "--text-column", "headline",
            "--source-column", "outlet"]  # fmt: skip
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 3 and "Wire" in out and "Daily" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "No such file"),
        (b"\xff\xfe\x00", "UTF-8"),
        (b'{"format": "other"}', "not a reconcile JSON document"),
        (b'{"text": "x"}\n{"text": ', "line 2"),
        (b"text,source\nIt rained,\n", "source"),
    ],
)
def test_bad_input_is_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    path = tmp_path / "input.csv"
    if content is not None:
        path.write_bytes(content)
        fmt = "csv" if content.startswith(b"text,") else None
    else:
        fmt = None
    args = ["link", str(path)] + (["--format", fmt] if fmt else [])
    if content is not None and content.startswith(b"{"):
        args = ["link", str(path), "--format", "jsonl" if b"\n" in content else "json"]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("reconcile: error:")
    assert message in err
    assert "Traceback" not in err


def test_help_explains_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("extract", "link", "score"):
        assert main([command, "--help"]) == 0
        text = capsys.readouterr().out
        assert "-o FILE" in text
    assert "--text-column" in text and "--method" in text
