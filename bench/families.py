"""Benchmark: classify the standard kernel families, region by region, each region certified.

Run ``python bench/families.py`` (``--quick`` for the first three). For each family it prints the
regions found with their verdicts and methods, the share of the parameter line in [-10, 10] (within
the family's parameter range) that is decided, and the time. Target (issue 13): every family fully
decided (no unknown region of positive length) in under 30 s each.

The families and what the literature says (docs/theory.md, section 9):

* stable ``exp(-x^a)``, ``a > 0``: PD Manhattan kernel iff ``a <= 1``; PD in l2 iff ``a <= 2``
  (Schoenberg 1938; the seed paper for l1);
* power ``x^s``, ``s > 0``: l1 -> l1 and l1 -> squared Euclidean iff ``s <= 1`` (Bernstein functions);
* Laplace ``exp(-c x)``, real ``c``: PD Manhattan iff ``c >= 0``;
* power decay ``(1 + x)^(-b)``, real ``b``: PD Manhattan iff ``b >= 0``;
* generalized Cauchy ``(1 + x^a)^(-b/a)`` (Gneiting and Schlather 2004), ``a > 0``, ``b > 0``: PD
  Manhattan iff ``a <= 1``;
* Matern in smoothness ``nu`` (length scale 1, the form ``2^(1-nu)/Gamma(nu) (sqrt(2 nu) x)^nu
  K_nu(sqrt(2 nu) x)``): PD Manhattan iff ``nu <= 1/2`` (Matern is completely monotone exactly for
  ``nu <= 1/2``);
* inverse multiquadric ``(1 + x^2)^(-b)``, real ``b`` (Micchelli 1986): PD in l2 iff ``b >= 0``, PD
  Manhattan only for ``b = 0`` (``f'(0) = 0``);
* rational quadratic ``(1 + x^2/(2 alpha))^(-alpha)``, ``alpha > 0`` (Rasmussen and Williams 2006,
  eq. 4.19): PD in l2 for every ``alpha``, PD Manhattan for none.
* issue 24 (docs/theory.md, "Families decided on their whole range"): ``(1 + c x) exp(-x)``: PD Manhattan only
  for ``c = 0`` (not log-convex otherwise); ``exp(-c x) cosh(x)``: iff ``c >= 1``; ``1 - (x/(1 + x))^s``,
  ``s > 0``: iff ``s <= 1``; ``(x + c)^s - c^s``, ``c > 0``: l1 -> l1 iff ``0 <= s <= 1``; ``(1 - exp(-c x))/x``
  (``f(0) = c``): iff ``c >= 0``; the truncated power ``Max(0, 1 - x)^nu`` (Askey 1973): PD in l2 (all
  dimensions) only for ``nu = 0`` (a zero at ``x = 1`` for ``nu > 0``; increasing on ``[0, 1)`` for ``nu < 0``). On the command line: ``symrep classify "(1-exp(-c*x))/x" --claim pd-l1``.
"""

import argparse
import time

from symrep.analysis.classification import classify, percent

FAMILIES = [
    ("stable, l1", "exp(-x^a)", "pd-l1", ["a > 0"]),
    ("stable, l2", "exp(-x^a)", "pd-l2", ["a > 0"]),
    ("power, l1 -> l1", "x^s", "l1-to-l1", ["s > 0"]),
    ("power, l1 -> l2^2", "x^s", "l1-to-l2sq", ["s > 0"]),
    ("Laplace", "exp(-c*x)", "pd-l1", []),
    ("power decay", "(1 + x)^(-b)", "pd-l1", []),
    ("generalized Cauchy", "(1 + x^a)^(-b/a)", "pd-l1", ["a > 0", "b > 0"]),
    ("Matern", "2^(1 - nu)/gamma(nu)*(sqrt(2*nu)*x)^nu*besselk(nu, sqrt(2*nu)*x)", "pd-l1", ["nu > 0"]),
    ("inverse multiquadric, l1", "(1 + x^2)^(-b)", "pd-l1", []),
    ("inverse multiquadric, l2", "(1 + x^2)^(-b)", "pd-l2", []),
    ("rational quadratic, l1", "(1 + x^2/(2*alpha))^(-alpha)", "pd-l1", ["alpha > 0"]),
    ("rational quadratic, l2", "(1 + x^2/(2*alpha))^(-alpha)", "pd-l2", ["alpha > 0"]),
    ("linear times Laplace", "(1 + c*x)*exp(-x)", "pd-l1", []),
    ("Laplace times cosh", "exp(-c*x)*cosh(x)", "pd-l1", []),
    ("one minus a power of x/(1+x)", "1 - (x/(1 + x))^s", "pd-l1", ["s > 0"]),
    ("shifted power, l1 -> l1", "(x + c)^s - c^s", "l1-to-l1", ["c > 0"]),
    ("averaged Laplace", "(1 - exp(-c*x))/x", "pd-l1", []),
    ("truncated power (Askey), l2", "Max(0, 1 - x)^nu", "pd-l2", []),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the first three families only")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per family (default 60)")
    args = parser.parse_args()
    print("| family | f | claim | assumption | regions (verdict) | decided | seconds |")
    print("|---|---|---|---|---|---|---|")
    for name, f, claim, assume in FAMILIES[:3] if args.quick else FAMILIES:
        start = time.perf_counter()
        result = classify(f, claim, assume=assume, budget=args.budget)
        seconds = time.perf_counter() - start
        regions = "; ".join(f"{r.region}: {r.verdict}" for r in result.regions)
        share = result.decided_share()
        shown = percent(share) if share is not None else (
            "all" if all(r.verdict != "unknown" for r in result.regions) else "partly")
        print(f"| {name} | `{f}` | {claim} | {' & '.join(assume) or '-'} | {regions} | {shown} | {seconds:.1f} |",
              flush=True)


if __name__ == "__main__":
    main()
