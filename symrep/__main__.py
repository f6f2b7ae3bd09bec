"""``python -m symrep`` runs the command line (see :mod:`symrep.cli`)."""

from .cli import main

raise SystemExit(main())
