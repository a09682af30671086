"""CI guard: extraction stays linear in the size of its text.

Not a benchmark (benchmarks/bench_extract.py measures the rates): a quadratic step
slipped in once and made a 17 MB text take minutes, so CI times one text and the same
text four times over and fails when the larger one costs more than eight times as
much (linear: about four; quadratic: sixteen). The ratio, not the times, is checked:
CI machines are shared and noisy.
"""

from __future__ import annotations

import sys
import time

import reconcile as rc

# every kind of statement the rules pass over: quotations running on, paraphrases,
# denials of reports, statements passed on, unnamed sources, relays
PARAGRAPHS = [
    '"The quay is safe," Ida Lund told reporters outside the town hall. "The storm is over."',
    "The harbour office said the ferry would run, according to a spokesman.",
    "Officials denied reports that the dam had leaked, calling them baseless.",
    "Tom Berg, who inspected the wall, said the cracks were new, Radio Lissa reported.",
    "Engineers at the site said on Monday that the water had risen and that it was rising.",
]


def article(copies: int) -> str:
    body = []
    for k in range(copies * 2000):
        body.append(PARAGRAPHS[k % len(PARAGRAPHS)].replace("quay", f"quay {k}"))
    return "HARBOUR TOWN (Valley Courier) — " + "\n\n".join(body)


def seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        rc.extract_claims(text, published="2019-01-30")
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    small, large = article(1), article(4)
    rc.extract_claims(small)  # warm up: regexes compiled, tables built
    ratio = seconds(large) / seconds(small)
    print(f"extract_claims: 4x the text took {ratio:.1f}x the time (fails above 8)")
    return 0 if ratio <= 8 else 1


if __name__ == "__main__":
    sys.exit(main())
