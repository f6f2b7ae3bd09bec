"""Benchmark: the polynomial method for attention against the exact references.

Prints three tables (run ``python bench/attention.py``; ``--quick`` for a smaller sweep):

1. matrix attention, n = 2^10 .. 2^14, d = 4 and 8, entries of Q, K, V uniform in [-B, B];
2. tensor attention, n = 128 .. 1024, d = 4, B = 0.5 (target at n = 1024: >= 100x, error < 1e-6);
3. the degree g and rank r = C(d+g, g) the proved bound needs as B grows past the thresholds
   B ~ sqrt(log n) (matrix) and B ~ cbrt(log n) (tensor): the method pays while r << n.

Errors are measured as max |fast - exact| / max |output entry|; the proved bound is relative to
max |V| (max |V1| max |V2| for tensors).
"""

import argparse
import math
import time

import numpy as np

from symrep.attention.algorithms import (fast_softmax_attention, fast_tensor_attention, softmax_attention,
                              taylor_degree, tensor_attention)


def _timed(fn, *args, **kwargs):
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - start


def matrix_table(sizes, dims, bound, eps):
    print(f"\n(1) matrix attention, entries in [-{bound}, {bound}], eps = {eps:g}")
    print("| n | d | degree g | rank r | exact | fast | speed-up | max error / max output | proved bound |")
    print("|---|---|---|---|---|---|---|---|---|")
    rng = np.random.default_rng(0)
    for d in dims:
        for n in sizes:
            Q, K, V = (rng.uniform(-bound, bound, (n, d)) for _ in range(3))
            exact, t_exact = _timed(softmax_attention, Q, K, V)
            (fast, report), t_fast = _timed(fast_softmax_attention, Q, K, V, eps=eps, report=True)
            error = np.max(np.abs(fast - exact)) / np.max(np.abs(exact))
            print(f"| {n} | {d} | {report.degree} | {report.rank} | {t_exact:.3f} s | {t_fast:.3f} s | "
                  f"{t_exact / t_fast:.1f}x | {error:.1e} | {report.error_bound:.1e} |", flush=True)


def tensor_table(sizes, d, bound, eps):
    print(f"\n(2) tensor attention, d = {d}, entries in [-{bound}, {bound}], scale 1, eps = {eps:g}")
    print("| n | degree g | rank r | exact | fast | speed-up | max error / max output | proved bound |")
    print("|---|---|---|---|---|---|---|---|")
    rng = np.random.default_rng(1)
    for n in sizes:
        Q, K1, K2, V1, V2 = (rng.uniform(-bound, bound, (n, d)) for _ in range(5))
        exact, t_exact = _timed(tensor_attention, Q, K1, K2, V1, V2)
        (fast, report), t_fast = _timed(fast_tensor_attention, Q, K1, K2, V1, V2, eps=eps, report=True)
        error = np.max(np.abs(fast - exact)) / np.max(np.abs(exact))
        print(f"| {n} | {report.degree} | {report.rank} | {t_exact:.3f} s | {t_fast:.4f} s | "
              f"{t_exact / t_fast:.0f}x | {error:.1e} | {report.error_bound:.1e} |", flush=True)


def threshold_table(n, d, eps, bounds):
    print(f"\n(3) degree and rank the proved bound needs as B grows (n = {n}, d = {d}, eps = {eps:g}); "
          f"sqrt(log n) = {math.sqrt(math.log(n)):.2f}, cbrt(log n) = {math.log(n) ** (1 / 3):.2f}")
    print("| B | matrix R = B^2 | g | r | r / n | tensor R = d B^3 | g | r | r / n |")
    print("|---|---|---|---|---|---|---|---|---|")
    for B in bounds:
        cells = []
        for R in (B * B, d * B**3):
            try:
                g, _ = taylor_degree(R, eps)
                r = math.comb(d + g, g)
                cells.append(f"{R:.3g} | {g} | {r} | {r / n:.2g}")
            except Exception:
                cells.append(f"{R:.3g} | - | - | too large")
        print(f"| {B} | " + " | ".join(cells) + " |", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    args = parser.parse_args()
    if args.quick:
        matrix_table([2**10, 2**11], [4], 0.5, 1e-6)
        tensor_table([128, 256], 4, 0.5, 1e-6)
    else:
        matrix_table([2**10, 2**11, 2**12, 2**13, 2**14], [4, 8], 0.5, 1e-6)
        tensor_table([128, 256, 512, 1024], 4, 0.5, 1e-6)
    threshold_table(1024, 4, 1e-6, [0.25, 0.5, 1.0, 1.5, 2.0, 2.63, 3.0, 4.0])


if __name__ == "__main__":
    main()
