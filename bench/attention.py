"""Benchmark: symrep.attend / attend_tensor against the best exact method in the same run.

Run ``python bench/attention.py`` (``--quick`` for a smaller sweep; ``--heads`` for table 0 only). Prints:

0. matrix attention at the head sizes of real models, d = 4 ... 128, float64 and float32, numpy and
   torch CPU (and CUDA rows when a device is present; otherwise a note says they were skipped): a plain
   blocked numpy softmax (``(S - rowmax) -> exp -> @[V|1]`` in row blocks of 512), symrep's exact path,
   PyTorch's ``scaled_dot_product_attention`` (the reference), and ``auto`` on numpy arrays and on torch
   tensors, each with its ratio to the best exact of its kind; ``auto``'s choice; the polynomial path
   forced, its speed-up over the best exact, and the crossover ``d`` where it stops winning. All timings
   of a row are interleaved; times are the best of the rounds, and the ``best / auto`` ratios are the
   median over rounds of the ratio within a round, so load that shifts a whole round cancels;
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
import datetime
import math
import os
import sys
import time

if "--threads" in sys.argv:  # before numpy and torch load their thread pools
    _threads = sys.argv[sys.argv.index("--threads") + 1]
    for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[_name] = _threads

import numpy as np

from symrep.attention.dispatch import attend, attend_tensor
from symrep.attention.exact import exact_attention
from symrep.attention.exp_approximation import exp_approximant, predicted_degree
from symrep.attention.features import feature_rank
from symrep.attention.polynomial import logit_bound, polynomial_attention
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


def _blocked(Q, K, V, scale):
    """The plain blocked numpy softmax a user would write: rows in blocks of 512, max shift, one GEMM
    against [V | 1]."""
    values = np.concatenate([V, np.ones((V.shape[0], 1), V.dtype)], axis=1)
    out = np.empty((Q.shape[0], V.shape[1]), Q.dtype)
    for start in range(0, Q.shape[0], 512):
        scores = (Q[start:start + 512] @ K.T) * Q.dtype.type(scale)
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        total = scores @ values
        out[start:start + 512] = total[:, :-1] / total[:, -1:]
    return out


def _interleaved(functions, repeat):
    """Best time of each function over ``repeat`` rounds, the functions taking turns in every round (in an
    order rotated from round to round, so that no function always follows the same one); and
    every round's times (for ratios within a round, which a shared machine's load shifts together)."""
    best = {name: math.inf for name in functions}
    rounds, outputs = [], {}
    names = list(functions)
    for turn in range(repeat):
        times = {}
        for name in names[turn % len(names):] + names[:turn % len(names)]:  # rotated: no fixed neighbours
            fn = functions[name]
            start = time.perf_counter()
            outputs[name] = fn()
            times[name] = time.perf_counter() - start
            best[name] = min(best[name], times[name])
        rounds.append(times)
    best["rounds"] = rounds
    return best, outputs


def _paired(rounds, numerator, denominator):
    """The median over rounds of ``min(numerator times) / denominator time`` within each round."""
    return float(np.median([min(r[name] for name in numerator) / r[denominator] for r in rounds]))


def _ms(seconds):
    return "-" if not math.isfinite(seconds) else f"{seconds * 1e3:.1f} ms"


def head_table(grid, repeat, devices=("cpu",)):
    """Table 0: real head sizes, both dtypes, numpy and torch."""
    print(f"\n(0) matrix attention at head sizes, {datetime.date.today()}, scale 1/sqrt(d), entries of Q, K, V in "
          f"[-0.5, 0.5]; eps = 1e-6 (float64), 1e-3 (float32); torch {torch.__version__ if torch else 'absent'}, "
          f"{torch.get_num_threads() if torch else '-'} threads")
    print("| n | d | dtype | blocked numpy | symrep exact | torch SDPA | best exact | auto (numpy) | best / auto "
          "| auto (torch) | SDPA / auto | method | g | r | polynomial | speed-up | error | proved bound |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    rng = np.random.default_rng(0)
    worst = {"numpy": math.inf, "torch": math.inf}
    crossover = {}
    for dtype in ("float64", "float32"):
        eps = 1e-6 if dtype == "float64" else 1e-3
        for n, d in grid:
            Q, K, V = (rng.uniform(-0.5, 0.5, (n, d)).astype(dtype) for _ in range(3))
            scale = d ** -0.5
            _, plan = attend(Q, K, V, eps=eps, report=True)
            functions = {"blocked": lambda: _blocked(Q, K, V, scale),
                         "exact": lambda: exact_attention(Q, K, V, scale),
                         "auto": lambda: attend(Q, K, V, eps=eps)}
            if torch:
                q, k, v = (torch.from_numpy(a) for a in (Q, K, V))
                functions["sdpa"] = lambda: torch.nn.functional.scaled_dot_product_attention(q, k, v)
                functions["auto_torch"] = lambda: attend(q, k, v, eps=eps)
            R = logit_bound(Q, [K], scale)[0]
            if feature_rank(d, predicted_degree(R, eps)) <= 6000:  # the forced polynomial, where it can win at all
                functions["polynomial"] = lambda: attend(Q, K, V, eps=eps, method="polynomial", report=True)
            rounds = repeat if n <= 4096 else max(3, repeat // 2) if n <= 8192 else max(2, repeat // 3)
            try:
                times, outputs = _interleaved(functions, rounds)
            except LimitError:
                functions.pop("polynomial")
                times, outputs = _interleaved(functions, rounds)
            best = min(times["blocked"], times["exact"], times.get("sdpa", math.inf))
            exact_names = [name for name in ("blocked", "exact", "sdpa") if name in times]
            ratio = _paired(times["rounds"], exact_names, "auto")
            worst["numpy"] = min(worst["numpy"], ratio)
            t_sdpa, t_auto_torch = times.get("sdpa", math.inf), times.get("auto_torch", math.inf)
            ratio_torch = _paired(times["rounds"], ["sdpa"], "auto_torch") if torch else math.nan
            if torch:
                worst["torch"] = min(worst["torch"], ratio_torch)
            poly = times.get("polynomial", math.inf)
            report, error = None, math.nan
            if "polynomial" in outputs:
                out, report = outputs["polynomial"]
                error = float(np.abs(out.astype(np.float64) - outputs["exact"].astype(np.float64)).max() / np.abs(V).max())
                crossover.setdefault((dtype, n), []).append((d, best / poly))
            else:  # not run: the predicted rank alone (> 6000) rules out a win
                crossover.setdefault((dtype, n), []).append((d, 0.0))
            print(f"| {n} | {d} | {dtype} | {_ms(times['blocked'])} | {_ms(times['exact'])} | {_ms(t_sdpa)} | "
                  f"{_ms(best)} | {_ms(times['auto'])} | {ratio:.2f} | {_ms(t_auto_torch)} | "
                  f"{ratio_torch:.2f} | {plan.method} | "
                  f"{report.degree if report else '-'} | {report.rank if report else '-'} | {_ms(poly)} | "
                  f"{f'{best / poly:.2f}x' if report else '-'} | {f'{error:.1e}' if report else '-'} | "
                  f"{f'{report.error_bound:.1e}' if report else '-'} |", flush=True)
    print(f"smallest best-exact / auto: numpy {worst['numpy']:.2f}, torch (vs SDPA) {worst['torch']:.2f} "
          f"(target >= {1 / 1.1:.2f})")
    for (dtype, n), row in crossover.items():
        if len(row) < 2:
            continue
        wins = [d for d, speed in row if speed > 1]
        losses = [d for d, speed in row if speed <= 1 and (not wins or d > max(wins))]
        best_d, best_speed = max(row, key=lambda item: item[1])
        print(f"polynomial path, {dtype}, n = {n}: wins up to d = {max(wins) if wins else '-'} "
              f"(best {best_speed:.1f}x at d = {best_d}); crossover: stops winning at d = "
              f"{min(losses) if losses else '> ' + str(max(d for d, _ in row))}")
    if torch and torch.cuda.is_available():
        gpu_rows(grid, repeat)
    else:
        print("GPU rows skipped: no CUDA device on this machine (they run SDPA and auto on cuda tensors when one is present)")


def gpu_rows(grid, repeat):
    print("\n(0, GPU) torch CUDA: SDPA against auto on the device")
    print("| n | d | dtype | SDPA | auto | SDPA / auto | method |")
    print("|---|---|---|---|---|---|---|")
    for dtype, eps in ((torch.float32, 1e-3), (torch.float64, 1e-6)):
        for n, d in grid:
            q, k, v = (torch.rand(n, d, dtype=dtype, device="cuda") - 0.5 for _ in range(3))

            def sync(fn):
                def run():
                    out = fn()
                    torch.cuda.synchronize()
                    return out
                return run

            _, report = attend(q, k, v, eps=eps, report=True)
            times, _ = _interleaved({"sdpa": sync(lambda: torch.nn.functional.scaled_dot_product_attention(q, k, v)),
                                     "auto": sync(lambda: attend(q, k, v, eps=eps))}, repeat)
            print(f"| {n} | {d} | {str(dtype)[6:]} | {_ms(times['sdpa'])} | {_ms(times['auto'])} | "
                  f"{times['sdpa'] / times['auto']:.2f} | {report.method} |", flush=True)


def matrix_table(sizes, dims, bounds, eps, repeat):
    print(f"\n(1) matrix attention, eps = {eps:g}, scale 1/sqrt(d); torch {'SDPA ' + torch.__version__ if torch else 'absent'}")
    print("| n | d | B | naive numpy | blocked exact | torch SDPA | best exact | auto | best / auto | method | g | r "
          "| error | proved bound |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    rng = np.random.default_rng(0)
    worst = math.inf
    for n in sizes:
        for d in dims:
            for B in bounds:
                Q, K, V = (rng.uniform(-B, B, (n, d)) for _ in range(3))
                scale = d ** -0.5
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
    parser.add_argument("--heads", action="store_true", help="table 0 only (head sizes d = 4 ... 128)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds of the interleaved timings of table 0")
    parser.add_argument("--threads", type=int, default=None,
                        help="threads for BLAS and torch (default: theirs); 1 is steadier on a shared machine")
    args = parser.parse_args()
    if args.threads and torch:
        torch.set_num_threads(args.threads)
    heads = [(4096, d) for d in (4, 8, 16, 32, 64, 128)] + [(8192, 64), (16384, 4), (16384, 8), (16384, 16)]
    if args.calibrate:
        calibrate()
    elif args.heads:
        head_table(heads, args.repeat)
    elif args.quick:
        head_table([(4096, d) for d in (4, 16, 32, 64, 128)], 3)
        matrix_table([1024, 4096], [4, 16], [0.5, 2.0], 1e-6, 1)
        tensor_table([128, 256], 4, 0.5, 1e-6)
        order_four_table([16, 32], 4, 0.5, 1e-6)
        tightness_table([0.5, 2.0], [1e-3, 1e-6])
    else:
        head_table(heads, args.repeat)
        matrix_table([1024, 4096, 16384], [4, 8, 16], [0.25, 0.5, 1.0, 2.0], 1e-6, 2)
        tensor_table([128, 256, 512, 1024], 4, 0.5, 1e-6)
        order_four_table([16, 32, 64, 96], 4, 0.5, 1e-6)
        tightness_table([0.25, 0.5, 1.0, 2.0, 4.0, 8.0], [1e-3, 1e-6, 1e-9])


if __name__ == "__main__":
    main()
