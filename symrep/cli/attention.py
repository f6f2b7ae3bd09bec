"""The attention subcommands: ``attention`` (what ``symrep.attend`` would do at a given size, before
doing it) and ``rank`` (the exact rank of ``f(QK^T)`` on the cube, with a certificate).

``symrep attention --n 4096 --d 8 --bound 0.5 --eps 1e-6 [--order 3]`` prints the proved degree, the
rank ``C(d+g, g)``, the proved error bound, the predicted times of the exact and polynomial paths and
the method ``auto`` would choose, for entries of Q, K (and every key matrix) in ``[-bound, bound]``;
``--run`` also times both paths on random inputs of that size and reports the measured error.

Examples
--------
>>> from symrep.cli.app import main
>>> main(["attention", "--n", "16384", "--d", "4", "--bound", "0.5"])  # doctest: +ELLIPSIS
attention, order 2: n = 16384, d = 4, entries in [-0.5, 0.5], scale 1/sqrt(d), eps = 1e-06, float64
method: polynomial (predicted polynomial ... s vs exact ... s)
logits proved in [-0.5..., 0.5...]
polynomial: degree 5, rank 126, proved error bound ... (relative to max|V|; ... approximation + ... float64 rounding)
...
0
"""

import json
import sys
import time

from symrep.cli.output import add_command, add_format_option, add_output_options, emit, emit_document
from symrep.errors import InputError

__all__ = ["add_parsers"]

_EXAMPLES = """\
examples:
  symrep attention --n 4096 --d 8 --bound 0.5 --eps 1e-6
  symrep attention --n 1024 --d 4 --bound 0.5 --order 3          # tensor attention (Alman-Song)
  symrep attention --n 16384 --d 4 --bound 0.5 --run             # and time both paths on random data
  symrep attention --n 4096 --d 16 --bound 2 --format json

The logits are bounded by |scale| d bound^order (scale defaults to 1/sqrt(d) for order 2, as in
PyTorch, and 1 above); the polynomial replaces exp on that range with a proved bound on the output
error relative to max|V|, rounding in --dtype included (docs/theory.md section 7). Predicted times come from symrep's cost model; --run measures.
"""

#: Largest n --run will time (the exact tensor path costs n^order d).
MAX_RUN_ENTRIES = 2 * 10**9


def add_parsers(sub):
    """Register ``rank`` and ``attention`` on the main parser's subparsers."""
    rk = add_command(
        sub, "rank",
        "exact rank of f(QK^T) over all of {+-1}^d, with a certificate",
        "Exact rank of the matrix [f(<x, y>)] over all x, y in {+-1}^d (f applied entrywise to QK^T), level "
        "by level from the Krawtchouk eigenvalues; each level is proved zero or nonzero, and the answer "
        "is a cube-rank certificate that the independent checker accepts.",
        'examples:\n  symrep rank "exp(x/6)" --d 6\n  symrep rank "1 + 2*x + x^3" --d 6 --format json -o cubic.json')
    rk.add_argument("function", metavar="EXPR", help='the function f, e.g. "1 + x + x^2/2"')
    rk.add_argument("--d", type=int, required=True, help="the dimension d (1..64)")
    add_format_option(rk, ("text", "latex", "json", "pdf"), "text",
                      "output format (json: the certificate; latex: a standalone document; pdf needs -o)")
    add_output_options(rk)
    rk.set_defaults(run=_run_rank)
    at = add_command(sub, "attention", "plan attention at a size: proved degree, rank, bound, predicted times",
                     "What symrep.attend (order 2) or symrep.attend_tensor would do for n rows of width d with "
                     "entries in [-bound, bound]: the method auto chooses and why, the proved polynomial degree, "
                     "rank and error bound, and the predicted times of both paths.", _EXAMPLES)
    at.add_argument("--n", type=int, required=True, help="rows of Q and of every key matrix")
    at.add_argument("--d", type=int, required=True, help="columns of Q and of the keys")
    at.add_argument("--bound", type=float, required=True, help="entries of Q and the keys lie in [-bound, bound]")
    at.add_argument("--eps", type=float, default=1e-6, help="error allowed, relative to max|V| (default 1e-6)")
    at.add_argument("--order", type=int, default=2, help="2 for softmax attention, k >= 3 for tensor attention")
    at.add_argument("--scale", type=float, default=None, help="multiplies the logits (default 1/sqrt(d) as in PyTorch, or 1 for order >= 3)")
    at.add_argument("--dtype", choices=("float64", "float32"), default="float64",
                    help="the dtype of the inputs: the proved bound includes its rounding (default float64)")
    at.add_argument("--run", dest="measure", action="store_true", help="also time both paths on random inputs and measure the error")
    add_format_option(at, ("text", "json"), "text", "output format")
    add_output_options(at)
    at.set_defaults(run=_run_attention)


def _run_attention(args):
    import numpy as np  # here, not at the top: --help and --version stay free of numpy

    from symrep.attention.dispatch import attend_tensor, plan_attention

    scale = args.scale if args.scale is not None else (None if args.order == 2 else 1.0)
    plan = plan_attention(args.n, args.d, bound=args.bound, eps=args.eps, order=args.order, scale=scale,
                          dtype=args.dtype)
    shown_scale = "1/sqrt(d)" if scale is None else f"{scale:g}"
    head = (f"attention, order {args.order}: n = {args.n}, d = {args.d}, entries in [-{args.bound:g}, "
            f"{args.bound:g}], scale {shown_scale}, eps = {args.eps:g}, {args.dtype}")
    result = {"order": args.order, "n": args.n, "d": args.d, "bound": args.bound, "eps": args.eps,
              "scale": scale, "dtype": args.dtype, "method": plan.method, "reason": plan.reason,
              "degree": plan.degree, "rank": plan.rank, "logit_bound": plan.logit_bound,
              "error_bound": plan.error_bound, "approximation_bound": plan.approximation_bound,
              "rounding_bound": plan.rounding_bound, "predicted_seconds": plan.predicted}
    lines = [head, str(plan)]
    if args.measure:
        if args.n ** args.order * args.d > MAX_RUN_ENTRIES:
            raise InputError(f"--run at n = {args.n}, order {args.order} would take about n^order d = "
                             f"{args.n ** args.order * args.d:.2g} operations on the exact path; the limit is "
                             f"{MAX_RUN_ENTRIES:.0e}: plan without --run")
        rng = np.random.default_rng(0)
        Q = rng.uniform(-args.bound, args.bound, (args.n, args.d)).astype(args.dtype)
        keys = [rng.uniform(-args.bound, args.bound, (args.n, args.d)).astype(args.dtype) for _ in range(args.order - 1)]
        values = [rng.uniform(-1, 1, (args.n, args.d)).astype(args.dtype) for _ in range(args.order - 1)]
        measured = {}
        outputs = {}
        for method in ("exact", "auto"):
            start = time.perf_counter()
            outputs[method], report = attend_tensor(Q, keys, values, eps=args.eps, scale=scale if scale is not None
                                                    else args.d ** -0.5, method=method, report=True)
            measured[method] = time.perf_counter() - start
        error = float(np.abs(outputs["auto"] - outputs["exact"]).max())
        result.update(measured_seconds=measured, measured_error=error, auto_method=report.method)
        lines.append(f"measured: exact {measured['exact']:.3g} s, auto ({report.method}) {measured['auto']:.3g} s, "
                     f"max error {error:.2g} (values in [-1, 1])")
    emit(args, json.dumps(result, indent=2) if args.format == "json" else "\n".join(lines), lines[0])
    return 0


def _run_rank(args):
    from symrep.attention.ranks import cube_rank

    result = cube_rank(args.function, args.d)
    certificate = result.certificate()
    summary = str(result).splitlines()[0]
    if args.format == "json":
        if certificate is None:
            print(f"symrep: some levels are undecided, so there is no certificate:\n{result}", file=sys.stderr)
            return 1
        emit(args, json.dumps(certificate, indent=2), summary)
    elif args.format in ("latex", "pdf"):
        if certificate is None:
            print(f"symrep: some levels are undecided, so there is no certificate:\n{result}", file=sys.stderr)
            return 1
        from symrep.render.documents import certificate_document

        emit_document(args, certificate_document(certificate), summary)
    else:
        emit(args, str(result) + ("\ncertificate: cube-rank, accepted by the independent checker (--format json "
                                  "keeps it)" if certificate is not None else ""), summary)
    return 0 if result.decided else 1
