from __future__ import annotations

import subprocess
import sys

import pytest

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
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2
