"""The ``srank`` subcommand: the seed paper's stable-rank bound for ``f`` on a range of entries, with a
certificate; or the exact stable rank of ``f(D)`` on a box, set against that bound.

``symrep srank EXPR --range LO,HI`` prints rigorous, nearly tight ``l`` and ``L`` with ``x/sqrt(l) <= f(x) <=
sqrt(L) x`` on ``[LO, HI]`` (``--format json``: the ``stable-rank`` certificate, which ``symrep check``
re-verifies; ``latex``/``pdf``: the certificate as a document). ``symrep srank EXPR --sides 1,2,3`` prints
the exact ``srank f(D)`` and, for numeric sides, the certified bound around it.

Examples
--------
>>> from symrep.cli.app import main
>>> main(["srank", "sqrt(x)", "--range", "1,4"])  # doctest: +ELLIPSIS
stable rank under f(x) = sqrt(x) for entries in [1, 4]:
  x/sqrt(l) <= f(x) <= sqrt(L) x with l = 4001/1000 (4.001), L = 10001/10000 (1.0001)
...
0
"""

import json

from symrep.cli.output import add_command, add_format_option, add_output_options, emit, emit_document
from symrep.errors import InputError

__all__ = ["add_parsers", "parse_range"]

_EXAMPLES = """\
examples:
  symrep srank "sqrt(x)" --range 1,4
  symrep srank "log(1+x)" --range 0,4 --format json -o log1p.json    # then: symrep check log1p.json
  symrep srank "x/(1+x)" --range 1,4 --zero       # entries in {0} U [1, 4] (a diagonal of zeros): f(0) = 0
  symrep srank "x/(1+x)" --range 1/2,4 --format pdf -o bound.pdf
  symrep srank "sqrt(x)" --sides 1,2,3            # exact srank f(D) on a box, inside the certified bound
  symrep srank "exp(-x)" --sides a,b              # symbolic sides: exact, when every entry is >= 0

If A >= 0 entrywise and x/sqrt(l) <= f(x) <= sqrt(L) x at each of its entries, then
srank(A)/(L l) <= srank(f(A)) <= L l srank(A), where srank(A) = |A|_F^2 / |A|_2^2 (Alman, Chu,
Miller, Narayanan, Sellke, Song, NeurIPS 2024). --range finds rigorous rational l and L, within about
0.1% of the extremes of f(x)/x (ball arithmetic over subintervals), in a stable-rank certificate that
the independent checker accepts. LO and HI are exact: 1, 1/2, 0.25. With LO = 0, f(0) = 0 is needed.
"""


def add_parsers(sub):
    """Register ``srank`` on the main parser's subparsers."""
    sr = add_command(
        sub, "srank",
        "the stable-rank bound of f on a range (certified), or srank f(D) on a box",
        "The seed paper's stable-rank theorem: rigorous l and L with x/sqrt(l) <= f(x) <= sqrt(L) x on a range "
        "of entries, as a certificate; or the exact stable rank of f(D) for the l1 distance matrix D of a box.",
        _EXAMPLES)
    sr.add_argument("function", metavar="EXPR", help='the function f, e.g. "sqrt(x)"')
    where = sr.add_mutually_exclusive_group(required=True)
    where.add_argument("--range", metavar="LO,HI", help="the range of the entries, e.g. 1,4 or 1/2,4")
    where.add_argument("--sides", help="the sides of a box, e.g. 1,2,3 or a,b")
    sr.add_argument("--zero", action="store_true",
                    help="with --range: the entries may also be 0 (a diagonal of distances); needs f(0) = 0")
    sr.add_argument("--budget", type=float, default=None,
                    help="seconds the search may take (default 10, times SYMREP_BUDGET_SCALE if set)")
    add_format_option(sr, ("text", "latex", "json", "pdf"), "text",
                      "output format (json: the certificate; latex: a standalone document; pdf needs -o)")
    add_output_options(sr)
    sr.set_defaults(run=_run_srank)


def parse_range(text):
    """``"1/2,4"`` into the two texts of its ends (read exactly by the computation).

    Examples
    --------
    >>> parse_range("1/2, 4")
    ('1/2', '4')
    """
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2 or not all(parts):
        raise InputError(f"--range takes LO,HI (exact numbers, e.g. 1,4 or 1/2,4), got {text!r}")
    return parts[0], parts[1]


def _run_srank(args):
    if args.range is not None:
        return _run_range(args)
    if args.zero:
        raise InputError("--zero goes with --range (a box's distance matrix has its zero diagonal already)")
    if args.format in ("latex", "pdf"):
        raise InputError(f"--format {args.format} renders the certificate of --range; with --sides use text or json")
    from symrep.attention.stable_rank_box import box_stable_rank, stable_rank_comparison
    from symrep.cli.sides import parse_sides
    from symrep.errors import SymrepError
    from symrep.geometry.boxes import Hyperrectangle

    box = Hyperrectangle(parse_sides(args.sides))
    exact = box_stable_rank(args.function, box)
    comparison, note = None, None
    if box.is_exact and box.is_numeric:
        try:
            comparison = stable_rank_comparison(args.function, box, budget=args.budget)
        except SymrepError as exc:
            note = f"no certified bound: {exc}"
    else:
        note = "the certified bound needs exact numeric sides"
    if args.format == "json":
        data = {"function": exact.function, "sides": [str(s) for s in box.sides], "srank": str(exact.value),
                "numeric": exact.numeric, "frobenius_squared": str(exact.frobenius), "spectral_norm": str(exact.spectral),
                "comparison": None if comparison is None else _comparison_json(comparison), "note": note}
        emit(args, json.dumps(data, indent=2), str(exact).splitlines()[0])
    else:
        emit(args, "\n".join([str(exact)] + ([str(comparison)] if comparison else []) + ([note] if note else [])),
             str(exact).splitlines()[0])
    return 0


def _comparison_json(c):
    return {"matrix": "f(D)" if c.bound.zero else "f(D) - f(0) I", "srank_D": str(c.distance.value),
            "srank": str(c.transformed.value), "l": str(c.bound.l), "L": str(c.bound.L),
            "factor": str(c.bound.factor), "lower": str(c.lower), "upper": str(c.upper), "inside": c.holds,
            "certificate": c.bound.certificate}


def _run_range(args):
    from symrep.attention.stable_rank import stable_rank_bound

    lo, hi = parse_range(args.range)
    bound = stable_rank_bound(args.function, lo, hi, zero=args.zero, budget=args.budget)
    summary = " ".join(" ".join(str(bound).splitlines()[:2]).split())
    if args.format == "json":
        emit(args, json.dumps(bound.certificate, indent=2), summary)
    elif args.format in ("latex", "pdf"):
        from symrep.render.documents import certificate_document

        emit_document(args, certificate_document(bound.certificate), summary)
    else:
        emit(args, str(bound) + "\ncertificate: stable-rank (ratio-enclosure), accepted by the independent checker "
                                "(--format json keeps it)", summary)
    return 0
