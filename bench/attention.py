"""Benchmark: symrep.attend / attend_tensor against the best exact method in the same run.

Run ``python bench/attention.py`` (``--quick`` for a smaller sweep). Prints four tables:

1. matrix attention over a grid of (n, d, B): the best exact time among numpy done naively
   (max-shifted ``exp(QK^T)`` then ``@ V``), symrep's blocked exact path, and PyTorch's CPU
   ``scaled_dot_product_attention`` in float64 when torch is installed; then symrep's ``auto`` time, the
   ratio best exact / auto (``auto`` must never fall below 1/1.2), the method it chose, degree, rank,
   observed error and proved bound;
2. tensor attention of order 3 (d = 4, B = 0.5, scale 1): exact reference vs ``auto``;
3. order 4 against its exact reference (agreement and time);
4. how tight the proved bound is: for each (R, eps), the worst error over the class of inputs with
   logits in [-R, R], reached with V = I by a row that puts half its weight where the relative error of
   the approximant peaks and half where it bottoms out (row-wise L1 distance of the two attention
   matrices), against the proved ``error_bound``; target ratio <= 10.

Entries of Q, K, V are uniform in [-B, B]; errors are max |fast - exact| / max |V|.
"""

import argparse
import math
import os
import time

import numpy as np

from symrep.attention.dispatch import attend, attend_tensor
from symrep.attention.exact import exact_attention
from symrep.attention.exp_approximation import exp_approximant
from symrep.attention.polynomial import polynomial_attention
from symrep.errors import LimitError

# torch's OpenMP threads otherwise spin after each call and steal both cores from numpy's BLAS
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
try:
    import torch
except ImportError:  # torch is optional: the table says when it is absent
    torch = None


def _timed(fn, repeat=1):
    best, out = math.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - start)
    return out, best


def _naive(Q, K, V, scale):
    scores = Q @ K.T * scale
    weights = np.exp(scores - scores.max(axis=1, keepdims=True))
    return (weights @ V) / weights.sum(axis=1, keepdims=True)


def _torch(Q, K, V, scale):
    q, k, v = (torch.from_numpy(np.ascontiguousarray(a)) for a in (Q, K, V))
    with torch.no_grad():
        return torch.nn.functional.scaled_dot_product_attention(q, k, v, scale=scale).numpy()


def matrix_table(sizes, dims, bounds, eps, repeat):
    print(f"\n(1) matrix attention, eps = {eps:g}, scale 1/d; torch {'SDPA ' + torch.__version__ if torch else 'absent'}")
    print("| n | d | B | naive numpy | blocked exact | torch SDPA | best exact | auto | best / auto | method | g | r "
          "| error | proved bound |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    rng = np.random.default_rng(0)
    worst = math.inf
    for n in sizes:
        for d in dims:
            for B in bounds:
                Q, K, V = (rng.uniform(-B, B, (n, d)) for _ in range(3))
                scale = 1.0 / d
                repeat = max(repeat, 9 if n <= 1024 else 5 if n <= 4096 else 1)  # small runs are noisy
                exact, t_block = _timed(lambda: exact_attention(Q, K, V, scale), repeat)
                _, t_naive = _timed(lambda: _naive(Q, K, V, scale), repeat)
                t_torch = _timed(lambda: _torch(Q, K, V, scale), repeat)[1] if torch else math.inf
                best = min(t_block, t_naive, t_torch)
                (out, report), t_auto = _timed(lambda: attend(Q, K, V, eps=eps, report=True), repeat)
                error = np.max(np.abs(out - exact)) / np.max(np.abs(V))
                worst = min(worst, best / t_auto)
                torch_cell = f"{t_torch * 1e3:.1f} ms" if torch else "-"
                print(f"| {n} | {d} | {B} | {t_naive * 1e3:.1f} ms | {t_block * 1e3:.1f} ms | {torch_cell} | "
                      f"{best * 1e3:.1f} ms | {t_auto * 1e3:.1f} ms | {best / t_auto:.2f} | {report.method} | "
                      f"{report.degree or '-'} | {report.rank or '-'} | {error:.1e} | {report.error_bound:.1e} |",
                      flush=True)
    print(f"smallest best-exact / auto over the grid: {worst:.2f} (target >= {1 / 1.2:.2f})")


def tensor_table(sizes, d, bound, eps):
    print(f"\n(2) tensor attention, order 3, d = {d}, entries in [-{bound}, {bound}], scale 1, eps = {eps:g}")
    print("| n | exact | auto | speed-up | method | g | r | error | proved bound |")
    print("|---|---|---|---|---|---|---|---|---|")
    rng = np.random.default_rng(1)
    for n in sizes:
        Q, K1, K2, V1, V2 = (rng.uniform(-bound, bound, (n, d)) for _ in range(5))
        exact, t_exact = _timed(lambda: attend_tensor(Q, [K1, K2], [V1, V2], method="exact"))
        (out, report), t_auto = _timed(lambda: attend_tensor(Q, [K1, K2], [V1, V2], eps=eps, report=True), 3)
        error = np.max(np.abs(out - exact)) / (np.abs(V1).max() * np.abs(V2).max())
        print(f"| {n} | {t_exact:.3f} s | {t_auto * 1e3:.2f} ms | {t_exact / t_auto:.0f}x | {report.method} | "
              f"{report.degree or '-'} | {report.rank or '-'} | {error:.1e} | {report.error_bound:.1e} |", flush=True)


def order_four_table(sizes, d, bound, eps):
    print(f"\n(3) tensor attention, order 4, d = {d}, entries in [-{bound}, {bound}], scale 1, eps = {eps:g}")
    print("| n | exact | polynomial | speed-up | g | r | error | proved bound |")
    print("|---|---|---|---|---|---|---|---|")
    rng = np.random.default_rng(2)
    for n in sizes:
        Q, *rest = (rng.uniform(-bound, bound, (n, d)) for _ in range(7))
        keys, values = rest[:3], rest[3:]
        exact, t_exact = _timed(lambda: attend_tensor(Q, keys, values, method="exact"))
        (out, report), t_fast = _timed(lambda: attend_tensor(Q, keys, values, eps=eps, method="polynomial",
                                                             report=True), 3)
        error = np.max(np.abs(out - exact)) / math.prod(np.abs(V).max() for V in values)
        print(f"| {n} | {t_exact:.3f} s | {t_fast * 1e3:.2f} ms | {t_exact / t_fast:.0f}x | {report.degree} | "
              f"{report.rank} | {error:.1e} | {report.error_bound:.1e} |", flush=True)


def worst_case_error(approximant, samples=200001):
    """The largest row-wise L1 error over inputs with logits in [-R, R], reached with V = I.

    A row with logits at s_hi (where P(s) e^-s - 1 peaks) and s_lo (where it bottoms out, often an end
    of the range), their weights balanced by repeating keys; computed with the same approximant the
    bound is proved for."""
    R = approximant.radius
    s = np.linspace(-R, R, samples)
    relative = approximant(s) * np.exp(-s) - 1
    s_hi, s_lo = s[np.argmax(relative)], s[np.argmin(relative)]
    # copies so that the two groups carry about equal weight: count_lo e^s_lo ~ count_hi e^s_hi
    count_hi = 64
    count_lo = max(1, round(count_hi * math.exp(s_hi - s_lo)))
    logits = np.concatenate([np.full(count_hi, s_hi), np.full(count_lo, s_lo)])
    Q, K = np.ones((1, 1)), logits[:, None]
    V = np.eye(len(logits))
    fast = polynomial_attention(Q, [K], [V], 1.0, approximant)
    exact = exact_attention(Q, K, V, 1.0)
    return float(np.abs(fast - exact).sum())


def tightness_table(radii, tolerances):
    print("\n(4) proved bound against the worst error over its class (V = I, logits in [-R, R])")
    print("| R | eps | degree | worst L1 error | proved bound | ratio |")
    print("|---|---|---|---|---|---|")
    largest = 0.0
    for R in radii:
        for eps in tolerances:
            try:
                P = exp_approximant(R, eps)
            except LimitError:  # float64 cannot evaluate such a polynomial to eps (cancellation ~ e^(2R) 1e-16)
                print(f"| {R} | {eps:g} | - | - | out of reach in float64 | - |", flush=True)
                continue
            worst = worst_case_error(P)
            largest = max(largest, P.error_bound / worst)
            print(f"| {R} | {eps:g} | {P.degree} | {worst:.3e} | {P.error_bound:.3e} | {P.error_bound / worst:.2f} |",
                  flush=True)
    print(f"largest ratio: {largest:.2f} (target <= 10)")


def calibrate():
    """Measure the per-entry costs behind symrep.attention.dispatch's cost model on this machine."""
    from symrep.attention.features import monomials
    rng = np.random.default_rng(0)
    per_entry = {}
    for width in (4, 16):
        Q, K, V = (rng.uniform(-0.5, 0.5, (4096, width)) for _ in range(3))
        per_entry[width] = _timed(lambda: exact_attention(Q, K, V, 0.1), 5)[1] / 4096**2
    slope = (per_entry[16] - per_entry[4]) / 24
    X, V = rng.uniform(-0.5, 0.5, (4096, 4)), rng.uniform(-0.5, 0.5, (4096, 16))
    features = monomials(X, 8)
    feature = _timed(lambda: monomials(X, 8), 5)[1] / features.size
    product = _timed(lambda: features.T @ V, 5)[1] / (features.size * 16)
    print(f"EXACT_ENTRY, EXACT_WIDTH = {per_entry[4] - 8 * slope:.3g}, {slope:.3g}")
    print(f"FEATURE_ENTRY, PRODUCT_ENTRY = {feature:.3g}, {product:.3g}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument("--calibrate", action="store_true", help="print the cost model's constants for this machine")
    args = parser.parse_args()
    if args.calibrate:
        calibrate()
    elif args.quick:
        matrix_table([1024, 4096], [4, 16], [0.5, 2.0], 1e-6, 1)
        tensor_table([128, 256], 4, 0.5, 1e-6)
        order_four_table([16, 32], 4, 0.5, 1e-6)
        tightness_table([0.5, 2.0], [1e-3, 1e-6])
    else:
        matrix_table([1024, 4096, 16384], [4, 8, 16], [0.25, 0.5, 1.0, 2.0], 1e-6, 2)
        tensor_table([128, 256, 512, 1024], 4, 0.5, 1e-6)
        order_four_table([16, 32, 64, 96], 4, 0.5, 1e-6)
        tightness_table([0.25, 0.5, 1.0, 2.0, 4.0, 8.0], [1e-3, 1e-6, 1e-9])


if __name__ == "__main__":
    main()
