"""The ``classify`` subcommand: for which parameter values does a claim hold?

``symrep classify EXPR --claim C [--assume "a > 0"]`` splits the parameter space of the family
(one or two parameters: every name other than ``x``) into regions with verdicts holds, fails or
unknown, each holds/fails region with its own certificate (``--format json`` keeps them; ``latex``
and ``pdf`` give a document with the table of regions and a picture of the parameter line).

Examples
--------
>>> from symrep.cli.app import main
>>> main(["classify", "exp(-c*x)", "--claim", "pd-l1"])  # doctest: +ELLIPSIS
pd-l1 for f(x) = exp(-c*x), parameters c
  (c < 0)   fails    [derivative-witness]
  (0 <= c)  holds    [derivation]
decided: 100% of the parameter line in [-10, 10]; ... s
0
"""

import sys

from symrep.cli.certify import _claim
from symrep.cli.output import add_command, add_format_option, add_output_options, emit, emit_document

__all__ = ["add_parsers"]

_EXAMPLES = """\
examples:
  symrep classify "exp(-x^a)" --claim pd-l1                # 0 < a <= 1 holds, a > 1 fails
  symrep classify "x^s" --claim l1-to-l1 --format json -o power.json
  symrep classify "exp(-x^a)" --claim pd-l2 --format pdf -o stable.pdf
  symrep classify "(1 + x)^(-b)" --claim pd-l1 --assume "b > -5"

Every holds or fails region carries a certificate that the independent checker accepts for every
parameter value in it; unknown regions are listed, with verdicts at sampled points marked as such.
Exit code 0 when no region of positive length is unknown, 1 otherwise, 2 for bad input.
"""


def add_parsers(sub):
    """Register ``classify`` on the main parser's subparsers."""
    cl = add_command(sub, "classify", "split a family's parameters into regions where a claim holds, fails or is unknown",
                     "Classify a family f(x; a) or f(x; a, b): regions of parameter space with verdicts, each holds "
                     "or fails region backed by a certificate that holds for all of it.", _EXAMPLES)
    cl.add_argument("function", metavar="EXPR", help='the family, e.g. "exp(-x^a)"')
    cl.add_argument("--claim", required=True, type=_claim, metavar="CLAIM", help="the claim, as for certify")
    cl.add_argument("--assume", action="append", default=[], metavar="CONDITION",
                    help='restrict the parameters first, e.g. "a > 0" (repeatable)')
    cl.add_argument("--budget", type=float, default=None,
                    help="seconds for the whole classification (default 60, times SYMREP_BUDGET_SCALE if set)")
    cl.add_argument("--depth", type=int, default=4, help="how often an undecided region is split (0..4, default 4)")
    cl.add_argument("--progress", action="store_true", help="report each region as it is decided (on by default on a terminal)")
    add_format_option(cl, ("text", "json", "latex", "pdf"), "text", "output format")
    add_output_options(cl)
    cl.set_defaults(run=_run_classify)


def _run_classify(args):
    from symrep.analysis.classification import classify
    from symrep.errors import InputError

    if args.budget is not None and not 0 < args.budget <= 3600:
        raise InputError(f"--budget must be in (0, 3600] seconds, got {args.budget:g}")
    def progress(line):  # on standard error, so that the output stays clean for files and pipes
        print(f"  ... {line}", file=sys.stderr, flush=True)

    result = classify(args.function, args.claim, assume=args.assume, budget=args.budget, depth=args.depth,
                      progress=progress if sys.stderr.isatty() or args.progress else None)
    summary = f"{args.claim}: " + "; ".join(f"{r.region} {r.verdict}" for r in result.regions)
    if args.format == "json":
        emit(args, result.to_json(), summary)
    elif args.format in ("latex", "pdf"):
        from symrep.render.classifications import classification_document

        emit_document(args, classification_document(result), summary)
    else:
        emit(args, str(result), summary)
    undecided = [r for r in result.regions if r.verdict == "unknown" and any(i.lo != i.hi for i in r.box.values())]
    return 1 if undecided else 0
