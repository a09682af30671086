"""The ``reconcile`` command line (also ``python -m reconcile``).

Commands: ``demo``, ``extract`` (articles to claims), ``link`` (claims to a graph) and
``score`` (claims or a graph to scores). Inputs are CSV, JSON Lines or reconcile JSON,
told apart by extension or content; ``-`` is standard input or output.

Exit codes: 0 on success, 2 on bad input, a missing file or a bad option (a one-line
message on standard error, no traceback).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
from collections.abc import Sequence
from typing import Any

from reconcile._table import format_table
from reconcile.datasets import load_demo
from reconcile.errors import ReconcileError, SchemaError
from reconcile.graph import ClaimGraph
from reconcile.io import CLAIM_FIELDS
from reconcile.model import Claim
from reconcile.scoring.api import METHODS

__all__ = ["main"]

# the claim fields a column option can name (meta is read as JSON, not mapped)
_COLUMNS = tuple(f for f in CLAIM_FIELDS if f != "meta")
_INPUT_FORMATS = ("csv", "jsonl", "json")


class _UsageError(Exception):
    """A problem with the command line itself (reported like bad input: exit 2)."""


def _demo(args: argparse.Namespace) -> int:
    from reconcile.linking import link
    from reconcile.scoring import score

    claims = load_demo()
    out = sys.stdout
    graph = link(claims)
    result = score(graph)
    out.write(f"Demo: {len(claims)} claims about a fictional harbour fire, ")
    out.write(f"from {len(graph.sources)} sources\n\n")
    rows = [
        [
            c.id,
            c.source.name,
            " > ".join(c.via) or "(direct)",
            c.stance.value,
            f"{result.score(c):.2f}",
            c.describe(),
        ]
        for c in sorted(graph.claims, key=lambda c: -result.score(c))
    ]
    out.write(format_table(["claim", "source", "via", "stance", "score", "statement"], rows))
    out.write("\n\nLinks (corroborating and contradicting claims):\n")
    links = [
        [lk.a, lk.relation.value, lk.b, f"{lk.confidence:.2f}", "; ".join(lk.reasons)]
        for lk in graph.links()
    ]
    out.write(format_table(["claim", "relation", "claim", "conf.", "reasons"], links, max_width=70))
    out.write(f"\n\nSource trust ({result.method}):\n")
    trust = sorted(result.trusts.items(), key=lambda kv: (-kv[1], kv[0]))
    out.write(format_table(["source", "trust"], [[s, f"{t:.2f}"] for s, t in trust]))
    out.write("\n\nWhy does the mayor's count score low?\n")
    out.write(str(result.explain("injured-count-mayor")) + "\n")
    return 0


# -- reading and writing -------------------------------------------------------------


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        return handle.read()


def _input_format(path: str, data: bytes, given: str | None) -> str:
    if given is not None:
        return given
    ext = os.path.splitext(path)[1].lower()
    if ext in (".csv", ".tsv"):
        return "csv"
    if ext in (".jsonl", ".ndjson"):
        return "jsonl"
    if ext == ".json":
        return "json"
    head = data.lstrip()[:1]
    if head == b"{":
        # a reconcile document is one object over many lines; JSON Lines is one per line
        first = data.lstrip().split(b"\n", 1)[0]
        return "json" if b'"format"' in first or first.strip() == b"{" else "jsonl"
    if head == b"[":
        return "json"
    return "csv"


def _mapping(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for name in _COLUMNS:
        column = getattr(args, f"col_{name}", None)
        if column is not None:
            options[name] = None if column == "" else column
    if args.via_sep is not None:
        options["via_sep"] = args.via_sep
    if args.value_sep is not None:
        options["value_sep"] = args.value_sep
    return options


def _load(args: argparse.Namespace) -> list[Claim] | ClaimGraph | Any:
    from reconcile.io import claims_from_csv, claims_from_jsonl, claims_from_records, from_json

    path: str = args.input
    data = _read_bytes(path)
    fmt = _input_format(path, data, args.format)
    name = "standard input" if path == "-" else path
    options = _mapping(args)
    if fmt == "csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise SchemaError(f"is not valid UTF-8 (byte {err.start})", record=name) from None
        delimiter = "\t" if path.lower().endswith(".tsv") else ","
        return claims_from_csv(
            io.StringIO(text, newline=""), delimiter=delimiter, source_name=name, **options
        )
    if fmt == "jsonl":
        return claims_from_jsonl(data, source_name=name, **options)
    if data.lstrip()[:1] == b"[":  # a JSON array of records
        import json

        try:
            records = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as err:
            raise SchemaError(f"is not valid JSON: {err}", record=name) from None
        except RecursionError:
            raise SchemaError("nests too deeply to read", record=name) from None
        return claims_from_records(records, **options)
    try:
        return from_json(data)
    except SchemaError as err:
        raise SchemaError(
            err.reason, record=name if err.record == "input" else err.record, field=err.field
        ) from None


def _write_text(path: str, text: str) -> None:
    if path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def _output_format(path: str, given: str | None, default: str, allowed: Sequence[str]) -> str:
    fmt = given
    if fmt is None:
        ext = os.path.splitext(path)[1].lower().lstrip(".")
        fmt = {"ndjson": "jsonl"}.get(ext, ext) if path != "-" else default
        if fmt not in allowed:
            fmt = default
    if fmt not in allowed:
        raise _UsageError(f"output format {fmt!r} is not one of {', '.join(allowed)}")
    return fmt


# -- commands -------------------------------------------------------------------------


def _extract(args: argparse.Namespace) -> int:
    from reconcile.extract import extract_claims
    from reconcile.io import to_csv, to_json, to_jsonl

    claims: list[Claim] = []
    for path in args.articles:
        data = _read_bytes(path)
        document = None if path == "-" else os.path.basename(path)
        claims.extend(
            extract_claims(data, outlet=args.outlet, published=args.published, document=document)
        )
    fmt = _output_format(args.output, args.to, "jsonl", ("jsonl", "json", "csv"))
    if fmt == "jsonl":
        _write_text(args.output, to_jsonl(claims))
    elif fmt == "json":
        _write_text(args.output, to_json(claims, indent=1) + "\n")
    else:
        _write_text(args.output, to_csv(claims))
    print(f"reconcile: {len(claims)} claims from {len(args.articles)} article(s)", file=sys.stderr)
    return 0


def _link_options(args: argparse.Namespace) -> dict[str, Any]:
    return {"same_source": args.same_source, "workers": args.workers}


def _link(args: argparse.Namespace) -> int:
    from reconcile.io import to_json
    from reconcile.linking import link

    loaded = _load(args)
    if not isinstance(loaded, (list, ClaimGraph)):
        raise SchemaError("holds scores, not claims: link needs claims", record=args.input)
    graph = link(loaded, **_link_options(args))
    fmt = _output_format(args.output, args.to, "json", ("json", "graphml"))
    if fmt == "graphml":
        if args.output == "-":
            raise _UsageError("GraphML needs a file name (-o graph.graphml)")
        graph.to_graphml(args.output)
    else:
        _write_text(args.output, to_json(graph, indent=1) + "\n")
    print(f"reconcile: {graph}", file=sys.stderr)
    return 0


def _score(args: argparse.Namespace) -> int:
    from reconcile.io import to_json
    from reconcile.linking import link
    from reconcile.scoring import Consensus, score

    loaded = _load(args)
    if isinstance(loaded, Consensus):
        graph = loaded.graph
    elif isinstance(loaded, ClaimGraph):
        graph = loaded
    else:
        graph = link(loaded, **_link_options(args))
    result = score(graph, method=args.method)
    fmt = _output_format(args.output, args.to, "csv", ("csv", "json"))
    if fmt == "json":
        _write_text(args.output, to_json(result, indent=1) + "\n")
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["claim", "source", "stance", "score", "source_trust", "statement"])
        for claim in sorted(graph.claims, key=lambda c: (-result.score(c), c.id)):
            writer.writerow(
                [
                    claim.id,
                    claim.source.id,
                    claim.stance.value,
                    f"{result.score(claim):.4f}",
                    f"{result.trust(claim.source):.4f}",
                    _safe_cell(claim.describe()),
                ]
            )
        _write_text(args.output, buffer.getvalue())
    print(f"reconcile: scored {len(graph)} claims with {result.method}", file=sys.stderr)
    return 0


def _safe_cell(text: str) -> str:
    # a cell a spreadsheet would run as a formula is written as text
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# -- the parser -----------------------------------------------------------------------


def _add_input(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "input",
        metavar=what.upper(),
        help=f"{what} file (CSV, JSON Lines or reconcile JSON; '-' reads standard input)",
    )
    parser.add_argument(
        "--format",
        choices=_INPUT_FORMATS,
        default=None,
        help="input format (default: from the extension, else sniffed)",
    )
    group = parser.add_argument_group(
        "columns",
        "which column (CSV) or key (JSON Lines) holds each claim field; an "
        "empty name skips the field",
    )
    for name in _COLUMNS:
        group.add_argument(
            f"--{name}-column",
            dest=f"col_{name}",
            metavar="NAME",
            help=f"the {name} column (default: {name!r})",
        )
    group.add_argument(
        "--via-sep",
        default=None,
        metavar="SEP",
        help="separator between outlets in the via column (default '|')",
    )
    group.add_argument(
        "--value-sep",
        default=None,
        metavar="SEP",
        help="separator that splits a value into several (default: none)",
    )


def _add_linking(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--same-source", action="store_true", help="also compare claims of the same source"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="threads for rapidfuzz scoring (-1: all cores; default 1)",
    )


def _add_output(parser: argparse.ArgumentParser, what: str, formats: Sequence[str]) -> None:
    """-o FILE and --to FORMAT; the first format is the default."""
    choices = ", ".join(f".{f}" + (" (default)" if k == 0 else "") for k, f in enumerate(formats))
    parser.add_argument("-o", "--output", default="-", metavar="FILE",
                        help=f"{what} file: {choices} ('-': standard output)")  # fmt: skip
    parser.add_argument("--to", choices=tuple(formats), default=None,
                        help="output format (default: from the file extension)")  # fmt: skip


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reconcile",
        description="Cross-source fact reconciliation: extract, link, score and explain "
        "claims. Exit code 2 on bad input or options.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser(
        "demo",
        help="run the demo on the bundled claim set",
        description="Link, score and explain the bundled demo claims (a fictional harbour fire).",
    )
    demo.set_defaults(run=_demo)

    extract = commands.add_parser(
        "extract",
        help="extract attributed claims from news articles",
        description="Read news articles (UTF-8 text or HTML) and write the attributed "
        "statements in them as claims.",
    )
    extract.add_argument(
        "articles", nargs="+", metavar="ARTICLE", help="article files ('-' reads standard input)"
    )
    extract.add_argument(
        "--outlet",
        default=None,
        metavar="NAME",
        help="the publisher, last in every claim's chain (default: the dateline's agency, if any)",
    )
    extract.add_argument(
        "--published",
        default=None,
        metavar="DATE",
        help="publication date, ISO 8601 (gives the year of 'on March 3')",
    )
    _add_output(extract, "claims", ("jsonl", "json", "csv"))
    extract.set_defaults(run=_extract)

    link = commands.add_parser(
        "link",
        help="link claims into a graph of corroboration and contradiction",
        description="Find which claims corroborate and which contradict each other.",
    )
    _add_input(link, "claims")
    _add_linking(link)
    _add_output(link, "graph", ("json", "graphml"))
    link.set_defaults(run=_link)

    score = commands.add_parser(
        "score",
        help="score claims by consensus and sources by trust",
        description="Score every claim (claims are linked first; a graph file is used "
        "as it is) and estimate each source's trust.",
    )
    _add_input(score, "claims_or_graph")
    _add_linking(score)
    score.add_argument(
        "--method",
        default="auto",
        metavar="NAME",
        help=f"one of {', '.join(METHODS)} (default: auto)",
    )
    _add_output(score, "scores", ("csv", "json"))
    score.set_defaults(run=_score)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``); return the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed its one-line error and usage
        return int(exit_.code) if isinstance(exit_.code, int) else 2
    if getattr(args, "run", None) is None:
        parser.print_help()
        return 2
    try:
        code: int = args.run(args)
    except ReconcileError as err:
        print(f"reconcile: error: {err}", file=sys.stderr)
        return 2
    except _UsageError as err:
        print(f"reconcile: error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        where = f": {err.filename}" if getattr(err, "filename", None) else ""
        print(f"reconcile: error: {err.strerror or err}{where}", file=sys.stderr)
        return 2
    return code
