"""``python -m symrep`` runs the command line (see :mod:`symrep.cli.app`)."""

from symrep.cli.app import main

raise SystemExit(main())
