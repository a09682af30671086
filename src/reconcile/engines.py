"""Engines: where the pair comparisons of `reconcile.link` run.

The unit of work is a batch of candidate pairs (blocking happens on the driver; a block
larger than a batch is split over several, so a skewed block cannot make one task
much larger than the rest). The local engine runs the batches in this process; the
Dask engine sends the shared inputs to the workers once and the batches as tasks, then
gathers the edges in batch order, so both give the same graph.

Examples
--------
>>> resolve_engine("local").name
'local'
>>> resolve_engine("spark")
Traceback (most recent call last):
...
reconcile.errors.OptionError: field 'engine': must be 'local', 'dask' or an Engine, got 'spark'
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Sequence
from typing import Any

from reconcile._optional import import_optional
from reconcile.errors import OptionError

__all__ = ["BATCH_SIZE", "DaskEngine", "Engine", "LocalEngine", "resolve_engine"]

BATCH_SIZE = 100_000
"""Candidate pairs per batch (per task on a cluster): bounds memory and paces progress."""


class Engine(abc.ABC):
    """Runs a function over batches of work; subclasses say where."""

    name = "engine"

    def __init__(self, *, batch_size: int = BATCH_SIZE) -> None:
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise OptionError(f"must be a positive int, got {batch_size!r}", field="batch_size")
        self.batch_size = batch_size

    @abc.abstractmethod
    def map(
        self,
        fn: Callable[..., Any],
        shared: dict[str, Any],
        batches: Sequence[tuple[Any, Any]],
        done: Callable[[int], None] | None = None,
    ) -> list[Any]:
        """``[fn(**shared, a=a, b=b) for a, b in batches]``, in batch order.

        `done` is called with the size of each finished batch (for progress bars).
        """

    def __repr__(self) -> str:
        return f"<{type(self).__name__} batch_size={self.batch_size}>"


class LocalEngine(Engine):
    """The batches one after another, in this process (the default)."""

    name = "local"

    def map(
        self,
        fn: Callable[..., Any],
        shared: dict[str, Any],
        batches: Sequence[tuple[Any, Any]],
        done: Callable[[int], None] | None = None,
    ) -> list[Any]:
        out = []
        for a, b in batches:
            out.append(fn(**shared, a=a, b=b))
            if done is not None:
                done(len(a))
        return out


class DaskEngine(Engine):
    """The batches as tasks on a Dask cluster.

    Parameters
    ----------
    client : dask.distributed.Client, optional
        The cluster to use. When omitted, a local cluster of worker processes is
        started on first use (and closed with the engine's :meth:`close`).
    batch_size : int
        Candidate pairs per task.
    """

    name = "dask"

    def __init__(self, client: Any = None, *, batch_size: int = BATCH_SIZE) -> None:
        super().__init__(batch_size=batch_size)
        self._client = client
        self._own: Any = None

    def client(self) -> Any:
        """The Dask client (a local cluster is started when none was given)."""
        if self._client is None:
            distributed = import_optional("dask.distributed", extra="dask",
                                          purpose="engine='dask'")  # fmt: skip
            self._own = distributed.Client(processes=True, dashboard_address=None)
            self._client = self._own
        return self._client

    def close(self) -> None:
        """Close the local cluster this engine started (a given client is left open)."""
        if self._own is not None:
            self._own.close()
            self._own = self._client = None

    def map(
        self,
        fn: Callable[..., Any],
        shared: dict[str, Any],
        batches: Sequence[tuple[Any, Any]],
        done: Callable[[int], None] | None = None,
    ) -> list[Any]:
        if not batches:
            return []
        distributed = import_optional("dask.distributed", extra="dask",
                                      purpose="engine='dask'")  # fmt: skip
        client = self.client()
        # the large inputs go to every worker once, not once per task
        # (each value in a one-item list: scatter would split a list or dict into items)
        scattered = {k: client.scatter([v], broadcast=True, hash=False)[0]
                     for k, v in shared.items()}  # fmt: skip
        futures = [client.submit(fn, **scattered, a=a, b=b, pure=False) for a, b in batches]
        sizes = {f.key: len(a) for f, (a, _) in zip(futures, batches)}
        if done is not None:
            for finished in distributed.as_completed(futures):
                done(sizes[finished.key])
        return list(client.gather(futures))


def resolve_engine(engine: Any, client: Any = None) -> Engine:
    """The Engine for ``link(engine=..., client=...)``: "local", "dask" or an Engine."""
    if isinstance(engine, Engine):
        return engine
    if engine == "local":
        return LocalEngine()
    if engine == "dask":
        return DaskEngine(client)
    raise OptionError(f"must be 'local', 'dask' or an Engine, got {engine!r}", field="engine")
