"""The ``certify`` and ``check`` subcommands of the ``symrep`` command line.

``symrep certify EXPR --claim CLAIM`` prints the verdict (holds, fails or unknown) with its
reason and certificate; ``symrep check FILE`` re-verifies a certificate with the independent
checker: exit 0 if it is accepted, 1 with the reason if it is not, 2 if the file is unreadable.

Examples
--------
>>> from symrep.cli import main
>>> main(["certify", "exp(-x)", "--claim", "pd-l1"])  # doctest: +ELLIPSIS
pd-l1 for f(x) = exp(-x): holds
...
0
"""

import argparse
import json
import sys

from .cli_output import emit
from .checker import CLAIMS, CheckError, MalformedCertificate, check_file
from .verdicts import certify

__all__ = ["add_parsers"]

EXIT_OK, EXIT_REJECTED, EXIT_BAD_INPUT = 0, 1, 2
MAX_BUDGET = 3600

_CERTIFY_EXAMPLES = """\
examples:
  symrep certify "exp(-x)" --claim pd-l1
  symrep certify "exp(-x^2)" --claim pd-l1 --format json -o gaussian.json
  symrep certify "x^(1/2)" --claim l1-to-l1
  symrep certify "1 + 2*x + x^3" --claim low-rank
  symrep check gaussian.json

claims: pd-l1, pd-l2 (positive definite kernels f(|x-y|_1), f(|x-y|_2)); l1-to-l1, l1-to-l2sq,
l2-to-l2 (metric transforms); low-rank (rank of f(QK^T) bounded in d alone);
completely-monotone, bernstein, polynomial (the function classes, in the seed paper's sense).
The verdict is holds, fails or unknown; holds and fails carry a certificate that the
independent checker has accepted. Exit code 0 whenever an answer is given.
"""


def add_parsers(sub, add_output_options):
    """Register ``certify`` and ``check`` on the subparsers ``sub`` of the main parser."""
    ce = sub.add_parser(
        "certify",
        help="decide a classification claim about f, with a checked certificate",
        description="Decide whether f satisfies a classification claim (MATH.md sections 4-6) and back "
                    "the verdict with a certificate that the independent checker re-verifies.",
        epilog=_CERTIFY_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ce.add_argument("function", metavar="EXPR", help='the function of x, e.g. "exp(-x)"')
    ce.add_argument("--claim", required=True, choices=CLAIMS, metavar="CLAIM", help=", ".join(CLAIMS))
    ce.add_argument("--budget", type=float, default=10.0,
                    help=f"seconds the search may take, at most {MAX_BUDGET} (default 10); past it: unknown")
    ce.add_argument("--format", default="text", choices=("text", "json"), help="output format")
    add_output_options(ce)
    ce.set_defaults(run=_run_certify)

    ck = sub.add_parser(
        "check",
        help="re-verify a certificate with the independent checker",
        description="Re-verify a certificate (or the JSON printed by 'symrep certify'). "
                    "Exit 0 if it is accepted, 1 with the reason if not, 2 if the file cannot be read.",
    )
    ck.add_argument("file", metavar="FILE", help="a JSON certificate")
    ck.set_defaults(run=_run_check)


def _run_certify(args):
    verdict = certify(args.function, args.claim, budget=args.budget)
    if args.format == "json":
        emit(args, json.dumps(verdict.to_dict(), indent=2))
        return EXIT_OK
    lines = [f"{verdict.claim} for f(x) = {verdict.function}: {verdict.status}", verdict.reason]
    if verdict.certificate is not None:
        lines.append(f"certificate: {verdict.certificate['method']}, accepted by the independent checker "
                     f"(use --format json to keep it)")
    emit(args, "\n".join(lines))
    return EXIT_OK


def _run_check(args):
    try:
        claim, function, verdict = check_file(args.file)
    except MalformedCertificate as exc:
        print(f"symrep: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except CheckError as exc:
        print(f"rejected: {exc}")
        return EXIT_REJECTED
    print(f"accepted: {claim} {verdict} for f(x) = {function}")
    return EXIT_OK
