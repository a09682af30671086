"""Local engine vs Dask engine on the synthetic generator (not a test).

For each size, three fresh processes: "local" links a list of claims with the local
engine; "dask" links the same list with the Dask engine on a LocalCluster of two
single-threaded worker processes (this machine's two cores); "files" has the workers
read the same claims from JSON Lines files of 50,000 claims (written beforehand by
another process) as a dask bag, so the claims stay on the cluster and never come to
the driver (see reconcile.store). Each prints its wall time for ``rc.link`` and
``rc.score``, the peak RSS of the driver and, for Dask, of each worker, and a digest
of the graph and scores; the digests must agree (the engines give the same output).

    python benchmarks/bench_scale.py                      # 200k, 1M, 2M claims
    python benchmarks/bench_scale.py 200000 --max-block-size 200

Driver memory in columns: peak after making the claims ("claims MB"), after linking
("link MB"), after scoring ("driver MB"), and the link table alone ("links MB", the
bytes of its arrays), to show what grows with the number of claims. A worker's peak is
what its process reports; when the worker was forked from the driver, Linux counts the
driver's RSS at that moment in it, so the figure is then an upper bound. (A process
also starts with its parent's peak RSS on Linux, which is why the files are written by
a process of their own: this one stays small.)

With ``--trace`` each process also traces the driver's own allocations (tracemalloc,
which numpy reports its arrays to; it slows linking, so its times are not the ones
to compare): what the driver still holds once linking is done and the most it held
meanwhile, beyond the claims, next to the link table with its reasons (the edge
list); and the most it held while scoring. RSS also counts memory the allocator keeps
after it was freed (message buffers from the workers, say); the traced figures count
only live objects.

``rc.score`` runs on the same engine as ``rc.link`` (for the default method, accu,
its rounds run there too). Then accu, truthfinder, dawid_skene and crh are run
again on that engine, from the graph's votes: their time, the most memory the
driver allocated during the rounds, and a digest of each fit (the same on all).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from typing import Any

from _common import peak_rss_mb
from rapidfuzz.utils import default_process

import reconcile as rc
from reconcile.engines import DaskEngine, LocalEngine
from reconcile.scoring.algorithms import ALGORITHMS
from reconcile.scoring.votes import build_votes

ENGINES = ("local", "dask", "files")
"""local: the claims in a list, linked in this process; dask: the same list, linked
on a LocalCluster; files: the claims read from JSON Lines files by the workers (a dask
bag), so they stay on the cluster (see reconcile.store)."""


def _worker_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _digest(graph: rc.ClaimGraph, result: Any) -> str:
    h = hashlib.sha256()
    arrays = graph.link_arrays()
    for column in arrays:
        h.update(column.tobytes())
    for link in graph.links():
        h.update("\x1f".join(link.reasons).encode())
    h.update(json.dumps(result.scores, sort_keys=True).encode())
    return h.hexdigest()[:16]


def _edge_list_mb(graph: rc.ClaimGraph) -> float:
    """The link table's arrays and its distinct reasons, in MiB."""
    arrays = graph.link_arrays()
    size = sum(column.nbytes for column in arrays)
    table = graph._links.reasons
    size += sys.getsizeof(table) + sum(map(sys.getsizeof, table))
    # a string shared by several reasons is counted once
    texts = {id(text): text for reasons in table for text in reasons}
    size += sum(map(sys.getsizeof, texts.values()))
    return size / 2**20


def _generated(n: int) -> list[rc.Claim]:
    return rc.datasets.synthetic(n, n_sources=max(n // 100, 10), seed=1).claims


def write_files(n: int, folder: str) -> list[str]:
    """The generated claims as JSON Lines files of 50,000 claims each."""
    claims = _generated(n)
    paths = []
    for k in range(0, len(claims), _FILE_CLAIMS):
        path = os.path.join(folder, f"claims-{k // _FILE_CLAIMS:04d}.jsonl")
        rc.io.write_jsonl(claims[k : k + _FILE_CLAIMS], path)
        paths.append(path)
    return paths


_FILE_CLAIMS = 50_000


def one(n: int, engine: str, max_block_size: int, trace: bool = False,
        files: list[str] | None = None) -> dict[str, Any]:  # fmt: skip
    out: dict[str, Any] = {"claims": n, "engine": engine}
    claims: Any = _generated(n) if engine != "files" else None
    out["claims_rss_mb"] = peak_rss_mb()
    client = cluster = None
    if engine != "local":
        from dask.distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=None, memory_limit=0)  # fmt: skip
        client = Client(cluster)
    if engine == "files":
        # read on the workers, one partition per file: the claims never come here
        import dask.bag as db

        claims = db.from_sequence(files, npartitions=len(files or ())).map(
            rc.io.read_jsonl).flatten()  # fmt: skip
    if trace:
        gc.collect()
        tracemalloc.start()
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # capped blocks: counted below instead
        graph = rc.link(claims, engine="local" if engine == "local" else "dask", client=client,
                        max_block_size=max_block_size)  # fmt: skip
    del claims
    out["link_s"] = time.perf_counter() - start
    out["driver_link_rss_mb"] = peak_rss_mb()
    if trace:
        gc.collect()
        held, most = tracemalloc.get_traced_memory()
        out["traced_link_mb"] = held / 2**20
        out["traced_link_peak_mb"] = most / 2**20
        out["edge_list_mb"] = _edge_list_mb(graph)
        tracemalloc.reset_peak()
    if client is not None:
        peaks = client.run(_worker_peak_mb)
        out["worker_rss_mb"] = sorted(peaks.values())
    arrays = graph.link_arrays()
    out["link_table_mb"] = sum(column.nbytes for column in arrays) / 2**20
    out["links"] = graph.number_of_links
    start = time.perf_counter()
    result = rc.score(graph, engine="local" if engine == "local" else "dask", client=client)
    out["score_s"] = time.perf_counter() - start
    out["method"] = result.method
    out["driver_peak_mb"] = peak_rss_mb()
    if trace:
        out["traced_score_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    out["digest"] = _digest(graph, result)
    out["rounds"] = _rounds(graph, DaskEngine(client) if client is not None else LocalEngine())
    if client is not None:
        client.close()
        cluster.close()  # type: ignore[union-attr]
    return out


_ROUNDS = ("accu", "truthfinder", "dawid_skene", "crh")


def _rounds(graph: rc.ClaimGraph, engine: Any) -> dict[str, Any]:
    """The rounds of four methods, run on the engine: wall time and
    the most memory the driver allocated meanwhile (tracemalloc, which numpy reports
    its arrays to), and a digest of the fit."""
    votes = build_votes(graph, processor=default_process)
    out: dict[str, Any] = {"votes": len(votes.v_source)}
    for method in _ROUNDS:
        tracemalloc.start()
        start = time.perf_counter()
        fit = ALGORITHMS[method](votes, engine=engine)
        took = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        h = hashlib.sha256(fit.fact_score.tobytes() + fit.trust.tobytes()).hexdigest()[:12]
        out[method] = {"s": took, "iterations": fit.iterations, "peak_mb": peak, "digest": h}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[200_000, 1_000_000, 2_000_000])
    parser.add_argument("--max-block-size", type=int, default=200)
    parser.add_argument(
        "--trace", action="store_true", help="also trace the driver's allocations (slower linking)"
    )
    parser.add_argument("--one", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--files", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--write-files", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_files:
        print(json.dumps(write_files(args.sizes[0], args.write_files)))
        return 0
    if args.one:
        print(json.dumps(one(args.sizes[0], args.one, args.max_block_size, args.trace,
                             args.files)))  # fmt: skip
        return 0
    print(f"max_block_size={args.max_block_size}; Dask: LocalCluster, 2 workers x 1 thread")
    print(
        f"{'claims':>9} {'engine':>6} {'links':>10} {'link s':>8} {'score s':>8} "
        f"{'claims MB':>9} {'link MB':>8} {'driver MB':>9} {'links MB':>8} {'workers MB':>13} "
        f"{'digest':>16}"
    )
    for n in args.sizes:
        rows = []
        folder = tempfile.TemporaryDirectory(prefix="bench_scale-")
        # in a process of its own: a child process starts with its parent's peak RSS
        # (Linux carries ru_maxrss over), so this one must never hold the claims
        wrote = subprocess.run([sys.executable, __file__, str(n), "--write-files", folder.name],
                               capture_output=True, text=True, check=True)  # fmt: skip
        files = json.loads(wrote.stdout.strip().splitlines()[-1])
        for engine in ENGINES:
            command = [sys.executable, __file__, str(n), "--one", engine,
                       "--max-block-size", str(args.max_block_size)]  # fmt: skip
            if args.trace:
                command.append("--trace")
            if engine == "files":
                command += ["--files", *files]
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode:
                print(f"{n:>9,} {engine:>6} failed: {done.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append(r)
            workers = "/".join(f"{m:,.0f}" for m in r.get("worker_rss_mb", [])) or "-"
            print(
                f"{n:>9,} {engine:>6} {r['links']:>10,} {r['link_s']:>8.1f} {r['score_s']:>8.1f} "
                f"{r['claims_rss_mb']:>9,.0f} {r['driver_link_rss_mb']:>8,.0f} "
                f"{r['driver_peak_mb']:>9,.0f} "
                f"{r['link_table_mb']:>8,.0f} {workers:>13} {r['digest']:>16}"
            )
        for r in rows:
            if "traced_link_mb" in r:
                beyond = r["traced_link_mb"] - r["edge_list_mb"]
                print(
                    f"{'':>9} {r['engine']:>6} traced on the driver, beyond the claims: "
                    f"held after linking {r['traced_link_mb']:,.1f} MB, of which the edge "
                    f"list {r['edge_list_mb']:,.1f} MB and the rest "
                    f"{beyond * 2**20 / n:,.0f} bytes per claim; most held while linking "
                    f"{r['traced_link_peak_mb']:,.1f} MB "
                    f"({r['traced_link_peak_mb'] * 2**20 / n:,.0f} bytes per claim), "
                    f"while scoring {r['traced_score_peak_mb']:,.1f} MB "
                    f"({r['traced_score_peak_mb'] * 2**20 / n:,.0f} bytes per claim)"
                )
            rounds = r["rounds"]
            print(f"{'':>9} {r['engine']:>6} scoring rounds on the engine over "
                  f"{rounds['votes']:,} votes: " + "; ".join(
                      f"{m} {v['s']:.1f} s ({v['iterations']} rounds), driver allocated "
                      f"{v['peak_mb']:,.0f} MB, fit {v['digest']}"
                      for m, v in rounds.items() if m != "votes"))  # fmt: skip
        folder.cleanup()
        for r in rows[1:]:
            if rows[0]["engine"] != "local":
                break
            same = rows[0]["digest"] == r["digest"]
            same_fits = all(rows[0]["rounds"][m]["digest"] == r["rounds"][m]["digest"]
                            for m in _ROUNDS)  # fmt: skip
            ratio = r["link_s"] / rows[0]["link_s"]
            print(
                f"{'':>9} {r['engine']}: same output as local: {same}; same fits: "
                f"{same_fits}; link time {ratio:.2f}x local"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
