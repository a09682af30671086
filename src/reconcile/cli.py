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

__all__ = ["main"]


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
        [c.id, c.source.name, " > ".join(c.via) or "(direct)", c.stance.value,
         f"{result.score(c):.2f}", c.describe()]
        for c in sorted(graph.claims, key=lambda c: -result.score(c))
    ]  # fmt: skip
    out.write(format_table(["claim", "source", "via", "stance", "score", "statement"], rows))
    out.write("\n\nLinks (corroborating and contradicting claims):\n")
    links = [
        [lk.a, lk.relation.value, lk.b, f"{lk.confidence:.2f}", "; ".join(lk.reasons)]
        for lk in graph.links()
    ]
    out.write(format_table(["claim", "relation", "claim", "conf.", "reasons"], links,
                           max_width=70))  # fmt: skip
    out.write(f"\n\nSource trust ({result.method}):\n")
    trust = sorted(result.trusts.items(), key=lambda kv: (-kv[1], kv[0]))
    out.write(format_table(["source", "trust"], [[s, f"{t:.2f}"] for s, t in trust]))
    out.write("\n\nWhy does the mayor's count score low?\n")
    out.write(str(result.explain("injured-count-mayor")) + "\n")
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
