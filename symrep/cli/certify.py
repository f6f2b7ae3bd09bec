"""The ``certify``, ``check``, ``render`` and ``gallery`` subcommands of the ``symrep`` command line.

``symrep certify EXPR --claim CLAIM`` prints the verdict (holds, fails or unknown) with its
reason and certificate (exit 0 only when the claim holds); ``symrep check FILE`` re-verifies a
certificate with the independent checker: exit 0 if it is accepted, 1 with the reason if it is not,
2 if the file is not a certificate at all. ``symrep render FILE`` checks and renders a certificate
as LaTeX or PDF, and ``symrep gallery -o DIR`` builds the proofs gallery.

Examples
--------
>>> from symrep.cli.app import main
>>> main(["certify", "exp(-x)", "--claim", "pd-l1"])  # doctest: +ELLIPSIS
pd-l1 for f(x) = exp(-x): holds
...
0
"""

import json
import sys

from symrep.certificates.claims import CLAIMS, DEFINITIONS, DOMAINS
from symrep.cli.output import add_command, add_format_option, add_output_options, emit, emit_document
from symrep.errors import InputError

#: The checker's default fuel (a copy, so that --help imports nothing heavy; tested equal).
DEFAULT_FUEL = 200_000

__all__ = ["add_parsers"]

EXIT_OK, EXIT_REJECTED, EXIT_BAD_INPUT, EXIT_TIME = 0, 1, 2, 3
MAX_BUDGET = 3600

_CERTIFY_EXAMPLES = """\
examples:
  symrep certify "exp(-x)" --claim pd-l1
  symrep certify "exp(-x^2)" --claim pd-l1 --format json -o gaussian.json
  symrep certify "x^(1/2)" --claim l1-to-l1
  symrep certify "1 + 2*x + x^3" --claim low-rank
  symrep certify "exp(-x^a)" --claim pd-l1 --assume "0 < a <= 1"     # a family: for every such a
  symrep check gaussian.json

{claims_table}
The verdict is holds, fails or unknown; holds and fails carry a certificate that the
independent checker has accepted. Exit code: 0 if the claim holds, 1 if it fails or is unknown
(the answer is printed either way), 2 for bad input.
"""


def claims_table(width=100):
    """The claims with their domains and definitions, one block each (for --help and the docs)."""
    import textwrap

    lines = ["claims (each about f on its domain; f(0) is taken from f as written, or from its limit where",
             "f is undefined at 0, and the certificate says so):"]
    for claim in CLAIMS:
        head = f"  {claim:20s} on {DOMAINS[claim]:8s}"
        body = textwrap.wrap(DEFINITIONS[claim], width - len(head) - 1)
        lines.append(head + " " + body[0])
        lines += [" " * (len(head) + 1) + rest for rest in body[1:]]
    return "\n".join(lines)


def add_parsers(sub):
    """Register ``certify``, ``check``, ``render`` and ``gallery`` on the main parser's subparsers."""
    ce = add_command(
        sub, "certify",
        "decide a classification claim about f, with a checked certificate",
        "Decide whether f satisfies a classification claim (docs/theory.md sections 4-6) and back "
        "the verdict with a certificate that the independent checker re-verifies.",
        _CERTIFY_EXAMPLES.format(claims_table=claims_table()))
    ce.add_argument("function", metavar="EXPR", help='the function of x, e.g. "exp(-x)"')
    ce.add_argument("--claim", required=True, type=_claim, metavar="CLAIM", help=", ".join(CLAIMS))
    ce.add_argument("--budget", type=float, default=None,
                    help=f"seconds the search may take, at most {MAX_BUDGET} (default 10, times SYMREP_BUDGET_SCALE if set); "
                         "past it: unknown")
    ce.add_argument("--assume", action="append", default=[], metavar="CONDITION",
                    help='for a family (names other than x are parameters): comparisons that hold, e.g. "0 < a <= 1" '
                         "(repeatable; all must hold); the verdict is for every parameter value allowed")
    add_format_option(ce, ("text", "latex", "json", "pdf"), "text", "output format (latex: a standalone certificate document; pdf needs -o)")
    add_output_options(ce)
    ce.set_defaults(run=_run_certify)

    ck = add_command(
        sub, "check", "re-verify a certificate with the independent checker",
        "Re-verify a certificate (or the JSON printed by 'symrep certify'). "
        "Exit 0 if it is accepted, 1 with the reason if not, 2 if the file cannot be read, 3 if a --budget "
        "of wall-clock time (not the certificate) ended the check. The verdict depends on the certificate and "
        "the fuel alone: the same on every machine and under any load.")
    ck.add_argument("file", metavar="FILE", help="a JSON certificate")
    ck.add_argument("--fuel", type=int, default=DEFAULT_FUEL,
                    help=f"units of counted work the check may use (default {DEFAULT_FUEL:,}); a certificate that "
                         f"needs more is rejected")
    ck.add_argument("--budget", type=float, default=None,
                    help=f"an optional wall-clock limit in seconds, at most {MAX_BUDGET}, on top of the fuel; when "
                         f"it ends a check, the exit code is 3 and the certificate is neither accepted nor rejected")
    ck.set_defaults(run=_run_check)

    re_ = add_command(
        sub, "render", "render a certificate as a LaTeX document or PDF",
        "Check a certificate (or the JSON printed by 'symrep certify') and render it as a standalone LaTeX "
        "document or PDF: the claim as a theorem, the data, the verification steps, the conclusion and the "
        "theorem it rests on.",
        "examples:\n  symrep render gaussian.json -o gaussian.tex\n"
        "  symrep render gaussian.json --format pdf -o gaussian.pdf")
    re_.add_argument("file", metavar="FILE", help="a JSON certificate")
    add_format_option(re_, ("latex", "pdf"), "latex", "output format")
    add_output_options(re_)
    re_.set_defaults(run=_run_render)

    ga = add_command(
        sub, "gallery", "build the proofs gallery (.tex, .json, .pdf) and check every certificate",
        "Build every statement of symrep.proofs into a folder: certificates as JSON and LaTeX, and PDFs when "
        "pdflatex is present. Prints a summary table; exit 1 if a check fails.",
        "example:\n  symrep gallery -o gallery")
    ga.add_argument("-o", "--output", default="gallery", help="folder for the documents (default: gallery)")
    ga.add_argument("--force", action="store_true", help="overwrite existing files")
    ga.add_argument("--no-pdf", action="store_true", help="write .tex and .json only")
    ga.set_defaults(run=_run_gallery)


def _claim(text):
    """A claim name, or an error that suggests the nearest one."""
    import argparse
    import difflib

    if text in CLAIMS:
        return text
    near = difflib.get_close_matches(text, CLAIMS, n=1, cutoff=0.5)
    hint = f"did you mean {near[0]}? " if near else ""
    raise argparse.ArgumentTypeError(f"unknown claim {text!r}; {hint}claims: {', '.join(CLAIMS)}")


def _run_certify(args):
    from symrep.analysis.evidence_report import evidence
    from symrep.analysis.verdicts import certify
    from symrep.render.documents import certificate_document

    verdict = certify(args.function, args.claim, assume=args.assume, budget=args.budget)
    if args.format == "json":
        emit(args, json.dumps(verdict.to_dict(), indent=2))
        return _answer_code(verdict, args)
    if args.format in ("latex", "pdf"):
        if verdict.certificate is None:
            print(f"{verdict.claim} for f(x) = {verdict.function}: unknown, so there is no certificate to render. "
                  f"{verdict.reason}", file=sys.stderr)
            return EXIT_REJECTED
        emit_document(args, certificate_document(verdict.certificate))
        return _answer_code(verdict, args)
    lines = [f"{verdict.claim} for f(x) = {verdict.function}: {verdict.status}", verdict.reason]
    if verdict.certificate is not None:
        lines += evidence(verdict.certificate)
        lines.append(f"certificate: {verdict.certificate['method']}, accepted by the independent checker "
                     f"(use --format json to keep it)")
    emit(args, "\n".join(lines))
    return _answer_code(verdict, args)


def _answer_code(verdict, args=None):
    """0 when the claim holds; 1 when it fails or is unknown, so that scripts can test it. With
    ``-o``, the one-line answer still goes to standard error."""
    if args is not None and getattr(args, "output", None):
        print(f"{verdict.claim} for f(x) = {verdict.function}: {verdict.status} ({args.format} written to "
              f"{args.output})", file=sys.stderr)
    return EXIT_OK if verdict.status == "holds" else EXIT_REJECTED


def _run_render(args):
    from symrep.certificates import CheckError
    from symrep.render.documents import certificate_document

    try:
        with open(args.file, encoding="utf-8") as handle:
            cert = json.loads(handle.read(2_000_001))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{args.file} is not a readable JSON certificate: {exc}") from None
    if isinstance(cert, dict) and "certificate" in cert and "verdict" in cert:
        cert = cert["certificate"]
    try:
        tex = certificate_document(cert)
    except CheckError as exc:
        print(f"rejected: {exc}")
        return EXIT_REJECTED
    emit_document(args, tex)
    return EXIT_OK


def _run_gallery(args):
    from symrep.render.gallery import run

    return run(args.output, force=args.force, pdf=not args.no_pdf)


def _run_check(args):
    from symrep.certificates import CheckError, CheckTimeout, MalformedCertificate, check_file
    from symrep.certificates.fuel import MAX_FUEL

    if args.budget is not None and not 0 < args.budget <= MAX_BUDGET:
        print(f"symrep: error: --budget must be in (0, {MAX_BUDGET}] seconds, got {args.budget:g}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not 0 < args.fuel <= MAX_FUEL:
        print(f"symrep: error: --fuel must be a whole number in [1, {MAX_FUEL}], got {args.fuel}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        claim, function, verdict = check_file(args.file, fuel=args.fuel, seconds=args.budget)
    except CheckTimeout as exc:
        print(f"stopped: {exc}")
        return EXIT_TIME
    except MalformedCertificate as exc:
        print(f"symrep: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except CheckError as exc:
        print(f"rejected: {exc}")
        return EXIT_REJECTED
    print(f"accepted: {claim} {verdict} for f(x) = {function}{_region_words(args.file)}")
    return EXIT_OK


def _region_words(path):
    """``, for every a with (0 < a) & (a <= 1)`` when the accepted certificate is about a family."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.loads(handle.read(2_000_001))
    except (OSError, UnicodeDecodeError, ValueError):
        return ""
    cert = data.get("certificate", data) if isinstance(data, dict) else {}
    region = cert.get("assume") if isinstance(cert, dict) else None
    return f", for every parameter value with {region}" if isinstance(region, str) else ""
