"""Engines: where the heavy work of `reconcile.link` runs.

Two kinds of work go to the engine. First single tasks (:meth:`Engine.run`): the text
analysis of each piece of the claims, then one task that joins the pieces and finds the
candidate pairs. Their results stay where they were made; the driver keeps handles and
asks for a summary (:meth:`Engine.fetch`). Then the pair comparisons (:meth:`Engine.map`),
one task per batch of candidate pairs: a block larger than a batch is split over
several, so a skewed block cannot make one task much larger than the rest. The local
engine does all of it in this process; the Dask engine on the workers, and gathers only
the edges, in batch order, so both give the same graph.

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
from collections.abc import Callable, Iterator, Sequence
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
    def put(self, value: Any) -> Any:
        """A handle to `value` where the engine works (for :meth:`run`'s arguments)."""

    @abc.abstractmethod
    def run(self, fn: Callable[..., Any], /, **kwargs: Any) -> Any:
        """``fn(**kwargs)`` where the engine works; a handle to the result, which stays there.

        Handles from :meth:`put` may stand in `kwargs`, also inside a list.
        """

    @abc.abstractmethod
    def fetch(self, fn: Callable[[Any], Any], handle: Any) -> Any:
        """``fn(value)`` for the value behind a :meth:`run` handle, brought back here
        (for a small summary of a large result)."""

    @abc.abstractmethod
    def map(
        self,
        fn: Callable[..., Any],
        shared: dict[str, Any],
        items: Sequence[Any],
        sizes: Sequence[int],
        done: Callable[[int], None] | None = None,
    ) -> list[Any]:
        """``[fn(**shared, item=item) for item in items]``, in item order.

        `shared` may hold :meth:`run` handles. `done` is called with an item's size
        (from `sizes`) when it is finished (for progress bars).
        """

    def imap(
        self,
        fn: Callable[..., Any],
        shared: dict[str, Any],
        items: Sequence[Any],
        sizes: Sequence[int],
        done: Callable[[int], None] | None = None,
    ) -> Iterator[Any]:
        """``fn(**shared, item=item)`` for each item, yielded in item order.

        The engines here bring each result only when the caller asks for it, so the
        caller can let each go before the next arrives instead of holding them all
        (as :meth:`map` returns them); by default, :meth:`map`'s list one by one.
        `done` is called with an item's size (from `sizes`) when it is finished.
        """
        yield from self.map(fn, shared, items, sizes, done)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} batch_size={self.batch_size}>"


class LocalEngine(Engine):
    """The batches one after another, in this process (the default)."""

    name = "local"

    def put(self, value: Any) -> Any:
        return value

    def run(self, fn: Callable[..., Any], /, **kwargs: Any) -> Any:
        return fn(**kwargs)

    def fetch(self, fn: Callable[[Any], Any], handle: Any) -> Any:
        return fn(handle)

    def map(
        self,
        fn: Callable[..., Any],
        shared: dict[str, Any],
        items: Sequence[Any],
        sizes: Sequence[int],
        done: Callable[[int], None] | None = None,
    ) -> list[Any]:
        return list(self.imap(fn, shared, items, sizes, done))

    def imap(
        self,
        fn: Callable[..., Any],
        shared: dict[str, Any],
        items: Sequence[Any],
        sizes: Sequence[int],
        done: Callable[[int], None] | None = None,
    ) -> Iterator[Any]:
        for item, size in zip(items, sizes):
            out = fn(**shared, item=item)
            if done is not None:
                done(size)
            yield out


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

    @property
    def given_client(self) -> Any:
        """The client the caller gave (its cluster outlives this engine), or None."""
        return self._client if self._own is None else None

    def close(self) -> None:
        """Close the local cluster this engine started (a given client is left open)."""
        if self._own is not None:
            self._own.close()
            self._own = self._client = None

    def put(self, value: Any) -> Any:
        # in a one-item list: scatter would split a list or dict into its items
        return self.client().scatter([_Packed(value)], hash=False)[0]

    def run(self, fn: Callable[..., Any], /, **kwargs: Any) -> Any:
        distributed = import_optional("dask.distributed", extra="dask",
                                      purpose="engine='dask'")  # fmt: skip
        return self.client().submit(_call, fn, _pack(kwargs, distributed.Future), pure=False)

    def fetch(self, fn: Callable[[Any], Any], handle: Any) -> Any:
        return self.client().submit(fn, handle, pure=False).result()

    def map(
        self,
        fn: Callable[..., Any],
        shared: dict[str, Any],
        items: Sequence[Any],
        sizes: Sequence[int],
        done: Callable[[int], None] | None = None,
    ) -> list[Any]:
        if not items:
            return []
        distributed = import_optional("dask.distributed", extra="dask",
                                      purpose="engine='dask'")  # fmt: skip
        futures = self._submit(fn, shared, items)
        size_of = {f.key: size for f, size in zip(futures, sizes)}
        if done is not None:
            for finished in distributed.as_completed(futures):
                done(size_of[finished.key])
        return list(self.client().gather(futures))

    def imap(
        self,
        fn: Callable[..., Any],
        shared: dict[str, Any],
        items: Sequence[Any],
        sizes: Sequence[int],
        done: Callable[[int], None] | None = None,
    ) -> Iterator[Any]:
        if not items:
            return
        futures = self._submit(fn, shared, items)
        futures.reverse()  # taken from the end, in item order
        for size in sizes:
            # the result leaves the worker once its future is let go
            out = futures.pop().result()
            if done is not None:
                done(size)
            yield out

    def _submit(self, fn: Callable[..., Any], shared: dict[str, Any],
                items: Sequence[Any]) -> list[Any]:  # fmt: skip
        """One task per item, with `shared` sent to every worker once."""
        distributed = import_optional("dask.distributed", extra="dask",
                                      purpose="engine='dask'")  # fmt: skip
        client = self.client()
        # A run() handle is copied from the worker that made it to the others first:
        # the scheduler favours the worker that holds a task's data, and would leave
        # the rest idle. The other large inputs go to every worker once, not per task.
        handles = [v for v in shared.values() if isinstance(v, distributed.Future)]
        if handles:
            client.replicate(handles)
        scattered = {
            k: v if isinstance(v, distributed.Future)
            else client.scatter([_Packed(v)], broadcast=True, hash=False)[0]
            for k, v in shared.items()
        }  # fmt: skip
        return [client.submit(_call, fn, {**scattered, "item": item}, pure=False)
                for item in items]  # fmt: skip


class _Packed:
    """A value pickled in one piece. Dask sends a list or dict item by item, which
    took seconds for 50,000 strings; bytes go in milliseconds. (cloudpickle, as Dask
    uses, for the lambdas a `block_on` option may hold; Dask depends on it.)"""

    __slots__ = ("data",)

    def __init__(self, value: Any) -> None:
        cloudpickle = import_optional("cloudpickle", extra="dask", purpose="engine='dask'")
        self.data = cloudpickle.dumps(value)


def _pack(kwargs: dict[str, Any], future: type) -> dict[str, Any]:
    """Pack each argument but a Dask future or a list of them (Dask resolves those)."""

    def is_future(v: Any) -> bool:
        return isinstance(v, future) or (
            isinstance(v, list) and bool(v) and all(isinstance(f, future) for f in v)
        )

    return {k: v if is_future(v) else _Packed(v) for k, v in kwargs.items()}


def _unpack(value: Any) -> Any:
    if isinstance(value, _Packed):
        cloudpickle = import_optional("cloudpickle", extra="dask", purpose="engine='dask'")
        return cloudpickle.loads(value.data)
    if isinstance(value, list):
        return [_unpack(v) for v in value]
    return value


def _call(fn: Callable[..., Any], kwargs: dict[str, Any]) -> Any:
    """``fn(**kwargs)`` on a worker, with packed arguments unpacked."""
    return fn(**{k: _unpack(v) for k, v in kwargs.items()})


def resolve_engine(engine: Any, client: Any = None) -> Engine:
    """The Engine for ``link(engine=..., client=...)``: "local", "dask" or an Engine."""
    if isinstance(engine, Engine):
        return engine
    if engine == "local":
        return LocalEngine()
    if engine == "dask":
        return DaskEngine(client)
    raise OptionError(f"must be 'local', 'dask' or an Engine, got {engine!r}", field="engine")
