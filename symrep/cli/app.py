"""The ``symrep`` command line.

Exit codes: 0 success; 1 a check failed (where a check is the question asked);
2 bad input (a one-line message on standard error, never a traceback).

Examples
--------
>>> main(["spectrum", "--sides", "1,2", "--kernel", "exp(-x)", "--format", "json"])  # doctest: +ELLIPSIS
[{"value": "exp(-3) + exp(-2) + exp(-1) + 1", "numeric": 1.55300...
0
"""

import argparse
import json
import os
import sys

from symrep.cli import attention as attention_command, certify as certify_command, families as families_command
from symrep.cli import srank as srank_command, survey as survey_command
from symrep.cli.sides import parse_sides  # noqa: F401  (public here too)
from symrep.cli.output import (add_command, add_format_option, add_output_options, emit, emit_document,
                               resolve_format)
from symrep.errors import InputError, SymrepError
from symrep.cli.tables import stage_printer, verification_json
from symrep.groups.permutation_input import parse_generators, read_generators
from symrep.version import __version__

# The command line imports SymPy and numpy only in the commands that compute, so that --help and
# --version answer at once; these copies of the packages' constants are tested to stay equal.
METRIC_NAMES = ("l1", "l2", "l2sq", "lp", "inner")
MAX_EXACT_CHECK_DIMENSION, MAX_DENSE_CHECK_DIMENSION = 6, 12

__all__ = ["main", "build_parser", "parse_sides", "parse_generators"]

EXIT_OK, EXIT_CHECK_FAILED, EXIT_BAD_INPUT = 0, 1, 2

_SPECTRUM_EXAMPLES = """\
examples:
  symrep spectrum --sides 1,1,2 --kernel "exp(-x)" --metric l1
  symrep spectrum --sides 1,1,1,1 --kernel "exp(-x^2)" --check
  symrep spectrum --sides a:50 --kernel "f(x)"            # symbolic side, undefined f
  symrep spectrum --sides 0.5:20 --kernel "exp(-x^2)" --numeric
  symrep spectrum --sides 1,2 --kernel "1/(1+x)" --metric lp --p 3/2 --format json

Sides are numbers (3/2, 0.25), names (a positive symbol), or VALUE:COUNT for repeats.
Kernels use x as the variable, + - * / ^ **, and functions such as exp, log, sqrt,
sin, cos, besselk, besseli; f, g, h are undefined functions. Text is parsed, never executed.
"""

_TABLE_EXAMPLES = """\
examples:
  symrep table B3
  symrep table B4 --format json
  symrep table B2xB1 --verify
  symrep table Z2^3 --format latex
  symrep table B5 --format gap -o b5.g       # compare in GAP with CharacterTable("WeylB", 5)

Labels of B_n: classes [[positive cycle lengths], [negative cycle lengths]], irreducibles
[[lam], [mu]] as in GAP's CharacterTable("WeylB", n). In text, [2,1|1] means ([2,1], [1]).
"""

_DECOMPOSE_EXAMPLES = """\
examples:
  symrep decompose --sides 1,1,1                 # the cube's vertices: sum of ((3-k),(k))
  symrep decompose --sides 1,1,2 --action edges
  symrep decompose --sides 1,1,1,1 --action faces:2 --format json
  symrep decompose --sides 1,1,1 --action sym:3   # degree-3 monomials of the polynomial method
  symrep decompose --table B3 --character "sym(2, chi4)"   # as GAP's Decomposition; chi4 = R^3
  symrep decompose --table B3 --character chi4 --restrict-to S3
  symrep decompose --generators "(1,2,3,4,5),(1,2)" --character "alt(2, chi3)"
  symrep decompose --generators "(1,2,3,4),(1,2)" --induce-from "(1,2,3)" --character chi2
"""


class _OneLineErrors(argparse.ArgumentParser):
    """Usage errors in one line, like every other error of the command line."""

    def error(self, message):
        self.exit(EXIT_BAD_INPUT, f"symrep: error: {message} (see '{self.prog} --help')\n")


def build_parser():
    """The argparse parser of the ``symrep`` command."""
    parser = _OneLineErrors(
        prog="symrep",
        description="Representation theory of the hyperrectangle: spectra of box kernels, certified "
                    "classification verdicts, "
                    "character tables and decompositions of box symmetry groups.",
        epilog="exit codes: 0 success, 1 a check failed or a certified claim fails (or is unknown), 2 bad input",
    )
    parser.add_argument("--version", action="version", version=f"symrep {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    sp = add_command(
        sub, "spectrum",
        "closed-form spectrum of f(distance) on a box",
        "Closed-form eigenvalues of the kernel matrix [f(dist(x, y))] over the box's vertices.",
        _SPECTRUM_EXAMPLES)
    sp.add_argument("--sides", required=True, help="side lengths, e.g. 1,1,2 or a:50")
    sp.add_argument("--kernel", required=True, help='the function f, e.g. "exp(-x)"')
    sp.add_argument("--metric", default="l1", choices=METRIC_NAMES, help="distance (default l1)")
    sp.add_argument("--p", default=None, help="exponent of the lp metric, e.g. 3/2")
    add_format_option(sp, ("text", "latex", "json", "pdf"), "text", "output format (latex: a standalone document; pdf needs -o)")
    sp.add_argument("--numeric", action="store_true",
                    help="numeric fast path (FWHT): a summary of all 2^d eigenvalues, not exact")
    sp.add_argument("--no-merge", action="store_true", help="do not merge provably equal eigenspaces")
    sp.add_argument("--factor", action="store_true", help="eigenvalues in factored form (Laplace on l1: a product over sides)")
    sp.add_argument("--signs", action="store_true",
                    help="the sign of each eigenvalue, proved for every positive side (and --assume on parameters)")
    sp.add_argument("--assume", action="append", default=[], metavar="CONDITION",
                    help='with --signs, for a kernel with parameters: e.g. "c > 0" (repeatable)')
    sp.add_argument("--check", action="store_true",
                    help=f"verify M v = lambda v exactly (d <= {MAX_EXACT_CHECK_DIMENSION}) and against "
                         f"numpy eigvalsh (d <= {MAX_DENSE_CHECK_DIMENSION}); exit 1 if a check fails")
    add_output_options(sp)
    sp.set_defaults(run=_run_spectrum)

    tb = add_command(
        sub, "table",
        "character table of B_n, S_n, Z2^d or a direct product",
        "Character table of a named group, computed exactly and verified.",
        _TABLE_EXAMPLES)
    tb.add_argument("group", nargs="?", help="B4, S5, Z2^3, B2xB1, ... (or give --generators)")
    tb.add_argument("--generators", metavar="CYCLES",
                    help='a permutation group by generators in cycle notation, e.g. "(1,2,3,4,5),(1,2)" '
                         "(points 1..n); its table by the Dixon-Schneider method")
    add_format_option(tb, ("text", "latex", "json", "pdf", "gap"), "text", "output format (latex: a standalone document, wide tables in column blocks; pdf needs -o)")
    tb.add_argument("--budget", type=float, metavar="SECONDS",
                    help="with --generators: the time the table may take by its estimate (default 120 s); a group "
                         "beyond it is refused with the estimated time and memory")
    tb.add_argument("--verify", action="store_true",
                    help="check the table exactly: both orthogonality relations, the power maps against the values "
                         "(Adams images, orders, centralizers, Galois action) and, for --generators, the class sizes "
                         "against the group; reports Frobenius-Schur indicators; exit 1 if a check fails")
    add_output_options(tb)
    tb.set_defaults(run=_run_table)

    dc = add_command(
        sub, "decompose",
        "decompose an action of a box's symmetry group into irreducibles",
        "Irreducible decomposition of the box group prod_j B_{m_j} acting on vertices, "
        "edges, k-faces, the natural representation R^d or its symmetric powers.",
        _DECOMPOSE_EXAMPLES)
    source = dc.add_mutually_exclusive_group(required=True)
    source.add_argument("--sides", help="side lengths, e.g. 1,1,2 (the box group acting on --action)")
    source.add_argument("--table", help="a named table (B3, S5, B2xB1, ...) whose --character is decomposed")
    source.add_argument("--generators", metavar="CYCLES",
                        help='a permutation group, e.g. "(1,2,3,4,5),(1,2)" or a GAP file with Group(...), '
                             "whose --character is decomposed")
    dc.add_argument("--action", default="vertices",
                    help="vertices (default), edges, faces:K, natural, sym:J")
    dc.add_argument("--character", help='with --table: e.g. "chi4*chi4", "sym(2, chi4)", "alt(3, chi4) + 2*chi1"')
    dc.add_argument("--restrict-to", metavar="H", help="restrict the character to the subgroup H (a named table, "
                    "S_n in B_n, or generators in cycle notation inside the --generators group)")
    dc.add_argument("--induce-from", metavar="H", help="the character is one of the subgroup H (written in H's "
                    "irreducibles); induce it to the group")
    add_format_option(dc, ("text", "latex", "json", "pdf"), "text", "output format (latex: a standalone document; pdf needs -o)")
    add_output_options(dc)
    dc.set_defaults(run=_run_decompose)

    attention_command.add_parsers(sub)

    srank_command.add_parsers(sub)
    certify_command.add_parsers(sub)
    families_command.add_parsers(sub)
    survey_command.add_parsers(sub)

    demo = sub.add_parser("demo", help="a short tour: two spectra, a decomposition, four certified verdicts")
    demo.set_defaults(run=_run_demo)
    return parser


def main(argv=None):
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(_values_that_look_like_options(sys.argv[1:] if argv is None else list(argv)))
    try:
        resolve_format(args)
        return args.run(args)
    except SymrepError as exc:
        print(f"symrep: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("symrep: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (symrep table B4 | head): stop quietly, like other Unix tools;
        # pointing stdout at /dev/null keeps Python's final flush from raising again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


#: The one-letter options; any other word starting with a single "-" is a value (``-exp(-x)``, ``-a < 0``).
_SHORT_OPTIONS = ("-o", "-h")


def _values_that_look_like_options(argv):
    """``--sides -1,2``, ``certify "-exp(-x)"`` and ``--assume "-a < 0"`` would read the value as an
    option: join such a value to its option (``--sides=-1,2``), or, as a positional argument, mark it
    as a value with a leading space (which the parsers ignore)."""
    out = []
    for arg in argv:
        looks_like_option = arg.startswith("-") and len(arg) > 1 and arg[1] != "-" and arg not in _SHORT_OPTIONS
        if looks_like_option and out and out[-1].startswith("--") and "=" not in out[-1]:
            out[-1] = f"{out[-1]}={arg}"
        elif looks_like_option:
            out.append(" " + arg)
        else:
            out.append(arg)
    return out


def _run_spectrum(args):
    from symrep.geometry.boxes import Hyperrectangle
    from symrep.geometry.metrics import get_metric
    from symrep.spectra.closed_form import spectrum

    box = Hyperrectangle(parse_sides(args.sides))
    metric = get_metric(args.metric, args.p)
    if args.assume and not args.signs:
        raise InputError("--assume states what the signs are proved under: give --signs with it")
    if args.numeric:
        if args.signs or args.factor:
            raise InputError("--signs and --factor concern the exact spectrum; --numeric gives floating-point values")
        return _run_numeric_spectrum(args, box, metric)
    spec = spectrum(box, args.kernel, metric, merge=not args.no_merge)
    if args.factor:
        from symrep.spectra.signs import factored

        spec = factored(spec)
    reports = _checks(spec) if args.check else []
    signs = None
    if args.signs:
        from symrep.spectra.signs import proved_signs

        signs = proved_signs(spec, args.assume)
        symbolic = any(not side.is_number for side in box.sides)
        scope = ["every positive value of the symbolic sides"] if symbolic else []
        scope += [" & ".join(args.assume)] if args.assume else []
        reports.append(f"signs (proved{' for ' + ' and '.join(scope) if scope else ''}; ? = not proved): "
                       + ", ".join(f"{label} {sign}" for label, sign in signs.items()))
    if args.format == "json":
        data = json.loads(spec.to_json())
        for entry in data if signs is not None else ():
            entry["proved_sign"] = signs[entry["label"]]  # '+', '-', '0', or '?' (not proved)
        emit(args, json.dumps(data))
    elif args.format in ("latex", "pdf"):
        from symrep.render.documents import spectrum_document

        emit_document(args, spectrum_document(spec, checks=reports))
    else:
        emit(args, "\n".join([str(spec)] + [str(r) for r in reports]))
    if args.output and reports:
        print("\n".join(str(r) for r in reports), file=sys.stderr if args.format == "json" else sys.stdout)
    return EXIT_CHECK_FAILED if any(not getattr(r, "passed", True) for r in reports) else EXIT_OK


def _checks(spec):
    reports = []
    if spec.box.d <= MAX_EXACT_CHECK_DIMENSION:
        reports.append(spec.check_exact())
    numeric = all(e.numeric is not None for e in spec)
    if numeric and spec.box.d <= MAX_DENSE_CHECK_DIMENSION:
        reports.append(spec.check_numeric())
    if not reports:
        raise SymrepError(
            f"--check needs d <= {MAX_EXACT_CHECK_DIMENSION} (exact) or a numeric box with "
            f"d <= {MAX_DENSE_CHECK_DIMENSION}; got d = {spec.box.d}"
        )
    return reports


def _run_numeric_spectrum(args, box, metric):
    import numpy as np

    from symrep.spectra.closed_form import numeric_spectrum

    if args.check:
        raise SymrepError("--check applies to the exact spectrum, not to --numeric")
    values = numeric_spectrum(box, args.kernel, metric)
    lo, hi = int(np.argmin(values)), int(np.argmax(values))
    summary = {
        "numeric": True,
        "d": box.d,
        "count": int(values.size),
        "min": {"label": _mask_label(lo), "numeric": float(values[lo])},
        "max": {"label": _mask_label(hi), "numeric": float(values[hi])},
        "negative": int(np.count_nonzero(values < 0)),
    }
    if args.format == "json":
        emit(args, json.dumps(summary))
    else:
        emit(args, "\n".join([
            f"Numeric spectrum (FWHT, floating point, not a proof) of f(x) = {args.kernel} "
            f"on a box with d = {box.d}, metric {metric.label}: {values.size} eigenvalues",
            f"min  {summary['min']['numeric']:.12g}  at {summary['min']['label']}",
            f"max  {summary['max']['numeric']:.12g}  at {summary['max']['label']}",
            f"negative eigenvalues (as floats): {summary['negative']}",
        ]))
    return EXIT_OK


def _mask_label(mask):
    from symrep.spectra.walsh import mask_to_subset

    return "S={" + ",".join(map(str, mask_to_subset(mask))) + "}"


def _run_table(args):
    from symrep.groups.tables import table_from_name

    if (args.group is None) == (args.generators is None):
        raise InputError("give a group name (B4, S5, ...) or --generators, not both")
    if args.generators is not None:
        from symrep.groups.dixon import generic_character_table

        group = read_generators(args.generators)
        args.group = f"<{args.generators}>" if not args.generators.startswith("@") else f"<{args.generators[1:]}>"
        progress = stage_printer()
        table = generic_character_table(group, name=args.group, budget=args.budget, progress=progress)
    else:
        progress = _progress_printer(f"computing the character table of {args.group}")
        table = table_from_name(args.group, progress=progress)
        _clear_progress(progress)
    report = table.verify() if args.verify else None
    if args.format == "json":  # written a row at a time: B_15 as one string would need another 0.5 GB
        text = table.json_chunks(verification_json(report) if report is not None else None)
    elif args.format == "gap":
        text = table.to_gap()
        if report is not None:  # as GAP comments, so that the output still reads into GAP
            text += "".join(f"# {line}\n" for line in str(report).splitlines())
    elif args.format in ("latex", "pdf"):
        from symrep.render.documents import table_document

        emit_document(args, table_document(table, name=args.group, verification=report))
        return EXIT_CHECK_FAILED if report is not None and not report.passed else EXIT_OK
    else:
        text = table.to_text()
        if report is not None:
            text += "\n\n" + str(report)
    emit(args, text)
    if report is not None and args.output:
        print(report, file=sys.stderr)
    return EXIT_CHECK_FAILED if report is not None and not report.passed else EXIT_OK


def _run_decompose(args):
    if args.table is not None or args.generators is not None:
        from symrep.cli.class_functions import run_character_decomposition

        return run_character_decomposition(args)
    from symrep.geometry.boxes import Hyperrectangle
    from symrep.spectra.decompositions import action_character, box_character_table, vertex_constituent

    box = Hyperrectangle(parse_sides(args.sides))
    table = box_character_table(box)
    character = action_character(box, args.action, table)
    decomposition = character.decompose()
    blocks = {vertex_constituent(box, s): s for s in _block_vectors(box)} if args.action == "vertices" else {}
    if args.format == "json":
        parts = decomposition.to_list()
        for part, label in zip(parts, decomposition):
            if label in blocks:
                part["block_vector"] = list(blocks[label])
        text = json.dumps({"sides": [str(a) for a in box.sides], "group": table.name, "order": table.order,
                           "action": args.action, "degree": int(character.degree),
                           "character": [int(v) if isinstance(v, int) else str(v) for v in character.values],
                           "constituents": parts})
    elif args.format in ("latex", "pdf"):
        from symrep.render.documents import decomposition_document

        emit_document(args, decomposition_document(box, args.action))
        return EXIT_OK
    else:
        lines = [f"The box with sides {box.sides_text()} has symmetry group {table.name} "
                 f"(order {table.order}); the action on {args.action} has degree {character.degree}:",
                 f"  {decomposition}", "", "constituent" + " " * 24 + "multiplicity  degree"]
        degrees = dict(zip(table.irreducibles, table.degrees))
        for label, m in decomposition.items():
            note = (f"  (eigenspace s=({','.join(map(str, blocks[label]))}) of every box kernel)"
                    if label in blocks else "")
            lines.append(f"  {table.irreducible_text(label):<33}{str(m):>12}  {degrees[label]:>6}{note}")
        text = "\n".join(lines)
    emit(args, text)
    return EXIT_OK


def _block_vectors(box):
    from itertools import product

    return product(*[range(m + 1) for m in box.multiplicities])


def _progress_printer(what):
    if not sys.stderr.isatty():
        return None

    def show(done, total):
        if done == total or done % 50 == 0:
            print(f"\r{what}: {done}/{total} classes", end="", file=sys.stderr, flush=True)

    return show


def _clear_progress(progress):
    if progress is not None:
        print(file=sys.stderr)


def _run_demo(args):
    from symrep.geometry.boxes import Hyperrectangle
    from symrep.spectra.closed_form import spectrum as exact_spectrum

    tours = [
        ("The Laplace kernel exp(-x) on the box 1 x 1 x 2 (l1): every eigenvalue is positive.",
         [1, 1, 2], "exp(-x)"),
        ("The Gaussian exp(-x^2) on the unit 4-cube (l1): the eigenvalue at s=(4) is negative,\n"
         "so the Gaussian is not a positive definite Manhattan kernel.",
         [1, 1, 1, 1], "exp(-x^2)"),
    ]
    failed = False
    for text, sides, kernel in tours:
        spec = exact_spectrum(Hyperrectangle(sides), kernel)
        print(text)
        print(spec)
        for report in _checks(spec):
            print(report)
            failed |= not report.passed
        print()
    from symrep.spectra.decompositions import decompose_action, verify_spectrum_bridge

    print("The symmetry side: B_3 acts on the cube's 8 vertices as the sum of ((3-k),(k)), k = 0..3,\n"
          "and each constituent is an eigenspace of every kernel matrix f(D):")
    print("  " + str(decompose_action([1, 1, 1], "vertices")))
    bridge = verify_spectrum_bridge(exact_spectrum(Hyperrectangle([1, 1, 1]), "exp(-x)"))
    print(f"bridge between isotypic projectors and the Krawtchouk eigenvalues: {bridge}")
    failed |= not bridge.passed
    from symrep.analysis.verdicts import certify

    print("\nCertified verdicts (each certificate re-verified by the independent checker):")
    for kernel, claim in (("exp(-x)", "pd-l1"), ("exp(-x^2)", "pd-l1"), ("exp(-x^2)", "pd-l2"),
                          ("x^(1/2)", "l1-to-l1")):
        verdict = certify(kernel, claim)
        method = verdict.certificate["method"] if verdict.certificate else "no certificate"
        print(f"  {claim:9s} f(x) = {kernel:10s} {verdict.status:7s} ({method})")
        failed |= verdict.status == "unknown"
    return EXIT_CHECK_FAILED if failed else EXIT_OK
