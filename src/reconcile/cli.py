"""The ``reconcile`` command line.

Exit codes: 0 on success, 2 on bad input or options (a one-line message, no traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reconcile._table import format_table
from reconcile.datasets import load_demo
from reconcile.errors import ReconcileError
from reconcile.graph import ClaimGraph

__all__ = ["main"]


def _demo(args: argparse.Namespace) -> int:
    claims = load_demo()
    graph = ClaimGraph(claims)
    out = sys.stdout
    out.write(f"Demo: {len(claims)} claims about a fictional harbour fire, ")
    out.write(f"from {len(graph.sources)} sources\n\n")
    rows = [
        [c.id, c.source.name, " > ".join(c.via) or "(direct)", c.stance.value, c.describe()]
        for c in graph.claims
    ]
    out.write(format_table(["claim", "source", "via", "stance", "statement"], rows))
    out.write("\n\nQuestions (claims about the same thing):\n")
    for i, question in enumerate(graph.questions(), start=1):
        if len(question) > 1:
            out.write(f"  {i}. {', '.join(question)}\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reconcile",
        description="Cross-source fact reconciliation: link, score and explain claims.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser("demo", help="run the demo on the bundled claim set")
    demo.set_defaults(run=_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``); return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is None:
        parser.print_help()
        return 2
    try:
        code: int = args.run(args)
    except ReconcileError as err:
        print(f"reconcile: error: {err}", file=sys.stderr)
        return 2
    return code
