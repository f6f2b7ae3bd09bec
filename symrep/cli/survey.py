"""The ``survey`` subcommand: many kernels under many claims, resumably, with a certified atlas.

Examples
--------
>>> from symrep.cli.app import build_parser
>>> args = build_parser().parse_args(["survey", "kernels.txt", "-o", "atlas", "--claims", "pd-l1,pd-l2"])
>>> args.claims, args.workers, args.budget
(['pd-l1', 'pd-l2'], 1, 10.0)
"""

from symrep.cli.output import add_command

__all__ = ["add_parsers"]

_EXAMPLES = """\
examples:
  symrep survey kernels.txt -o atlas                       # every claim, one prover process
  symrep survey kernels.txt -o atlas --claims pd-l1,pd-l2 --workers 2
  symrep survey kernels.csv -o atlas --dask local --workers 4
  symrep survey kernels.json -o atlas --dask tcp://scheduler:8786 --budget 30
  symrep survey builtin:atlas -o atlas --workers 2         # the shipped atlas: 152 kernels

KERNELS is a text file, one function per line:
  # comments and blank lines are skipped
  laplace: exp(-x)                 # name: expression (the name is optional)
  stable: exp(-x^a); 0 < a <= 2    # a family: assumptions after ';', decided region by region
or a .csv with the columns name, expression, assumptions, or a .json list of objects with those keys,
or builtin:atlas (the list shipped with symrep: the literature catalogue and ten families).
A malformed entry is reported with its line number; the others still run (exit 2 at the end).

DIR holds survey.sqlite (each finished cell, committed as it finishes), certificates/ (one JSON
certificate per holds/fails cell, each accepted by 'symrep check') and, once every cell is finished,
atlas.json, atlas.tex (pdflatex) and atlas.html. Run the same command again after Ctrl-C: only the
cells still missing are computed; a changed KERNELS file adds only its new cells. DIR must be new,
empty or a survey folder; a survey run with other --claims or --budget is refused without --force.

exit codes: 0 every cell finished (whatever the verdicts), 2 bad input (or malformed entries, skipped),
130 interrupted (the finished cells are kept).
"""


def add_parsers(sub):
    """Register ``survey`` on the main parser's subparsers."""
    sv = add_command(
        sub, "survey", "decide many kernels under many claims, resumably, and write a certified atlas",
        "Decide every (kernel, claim) cell of a kernel file with a checked certificate (or unknown with its "
        "reason), in parallel on this machine or on a Dask cluster, keeping each finished cell in an SQLite "
        "store, and write the atlas (JSON, LaTeX, HTML). See docs/survey.md.", _EXAMPLES)
    sv.add_argument("kernels", metavar="KERNELS",
                    help="a kernel file: .txt (name: expression per line), .csv or .json; or builtin:atlas")
    sv.add_argument("-o", "--output", required=True, metavar="DIR", help="the survey's folder (created if missing)")
    sv.add_argument("--claims", default="all", type=_claims, metavar="LIST",
                    help="comma-separated claims, or all (default)")
    sv.add_argument("--workers", type=int, default=1, metavar="N",
                    help="cells computed at once (prover processes here, or the workers of --dask local); default 1")
    sv.add_argument("--dask", metavar="ADDRESS",
                    help="run the cells on a Dask distributed scheduler (tcp://host:8786), or 'local' for a "
                         "LocalCluster of --workers processes; needs pip install 'symrep[dask]'")
    sv.add_argument("--budget", type=float, default=10.0, metavar="S",
                    help="seconds per cell, at most 3600 (default 10); past it the cell is unknown")
    sv.add_argument("--force", action="store_true", help="continue a survey of DIR that was run with other --claims or "
                    "--budget (its finished cells are kept)")
    sv.add_argument("--quiet", action="store_true", help="no progress; only errors and the summary")
    sv.set_defaults(run=_run_survey)


def _claims(text):
    import argparse

    from symrep.certificates.claims import CLAIMS

    if text.strip() == "all":
        return list(CLAIMS)
    claims = [c.strip() for c in text.split(",") if c.strip()]
    bad = [c for c in claims if c not in CLAIMS]
    if bad or not claims:
        raise argparse.ArgumentTypeError(f"unknown claim {', '.join(bad) or repr(text)}; claims: "
                                         f"{', '.join(CLAIMS)} or all")
    return list(dict.fromkeys(claims))


def _run_survey(args):
    from symrep.survey.run import survey

    return survey(args.kernels, args.output, claims=args.claims, workers=args.workers, dask=args.dask,
                  budget=args.budget, force=args.force, quiet=args.quiet)
