"""``python -m reconcile``: the command-line interface."""

from reconcile.cli import main

raise SystemExit(main())
