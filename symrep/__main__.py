"""``python -m symrep`` runs the command line (see :mod:`symrep.cli`)."""

from symrep.cli import main

raise SystemExit(main())
