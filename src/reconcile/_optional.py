"""Lazy imports of optional extras, with an error that says what to install."""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["import_optional"]


def import_optional(module: str, *, extra: str, purpose: str) -> ModuleType:
    """Import `module`, or raise an ImportError naming the extra that provides it.

    Examples
    --------
    >>> import_optional("no_such_module_here", extra="plot", purpose="plotting")
    Traceback (most recent call last):
    ...
    ImportError: plotting needs the optional package 'no_such_module_here': \
pip install 'reconcile[plot]'
    """
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise ImportError(
            f"{purpose} needs the optional package {module!r}: pip install 'reconcile[{extra}]'"
        ) from err
