"""Plain-text tables for the terminal (the CLI and ``__repr__``)."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["format_table"]


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def format_table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], *, max_width: int = 60
) -> str:
    """Left-aligned columns, each as wide as its widest cell (at most `max_width`).

    Examples
    --------
    >>> print(format_table(["id", "score"], [["a", "0.91"], ["bb", "0.2"]]))
    id  score
    --  -----
    a   0.91
    bb  0.2
    """
    cells = [[_clip(" ".join(str(c).split()), max_width) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells)
    return "\n".join(lines)
