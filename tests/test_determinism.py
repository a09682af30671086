"""The same input gives byte-identical output across processes and hash seeds."""

from __future__ import annotations

import hashlib
import subprocess
import sys

SCRIPT = """
import hashlib, reconcile as rc
claims = rc.datasets.load_demo() + rc.datasets.synthetic(300, n_sources=25, seed=4).claims
claims += [rc.Claim("Oil prices rose sharply on Monday", source="x"),
           rc.Claim("Oil prices fell sharply on Monday", source="y")]
result = rc.score(rc.link(claims))
print(hashlib.sha256(rc.to_json(result).encode()).hexdigest())
"""


def test_link_and_score_are_byte_identical_across_hash_seeds() -> None:
    digests = {
        subprocess.run(
            [sys.executable, "-c", SCRIPT],
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("0", "1", "2")
    }
    assert len(digests) == 1
    assert len(next(iter(digests))) == len(hashlib.sha256().hexdigest())
