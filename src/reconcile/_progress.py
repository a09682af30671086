"""Progress bars (tqdm.auto, the ``progress`` extra) shared by linking, scoring and
extraction; nothing is imported unless a bar is asked for."""

from __future__ import annotations

from typing import Any

from reconcile._optional import import_optional

__all__ = ["progress_bar"]


def progress_bar(total: int, enabled: bool, desc: str, unit: str) -> Any:
    """A tqdm bar of `total` `unit`s, or None when `enabled` is False.

    Examples
    --------
    >>> progress_bar(10, False, "linking", "pair") is None
    True
    """
    if not enabled:
        return None
    tqdm = import_optional("tqdm.auto", extra="progress", purpose="progress=True")
    return tqdm.tqdm(total=total, desc=desc, unit=unit, unit_scale=unit == "char")
