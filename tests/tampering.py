"""Random mutations of certificates, and an independent numeric judge of what a mutated one states.

A mutated certificate that the checker accepts is fine only if it is genuinely still valid; the
judge decides that from the catalogue's truth table when the function is a catalogue function,
and otherwise by rebuilding the witness numerically (dense matrices, mpmath derivatives).
"""

import copy
import itertools

import mpmath
import numpy as np
import sympy

from catalogue import CATALOGUE, COLUMNS, truth
from symrep.certificates import CLAIMS, parse

RULES = ["cm-const", "cm-exp", "cm-power", "cm-log-ratio", "cm-log1p-ratio", "cm-laplace", "bf-const", "bf-linear", "bf-power",
         "bf-log1p", "sum", "product", "scale", "rewrite", "compose", "exp-of-cm", "reciprocal", "derivative"]
METHODS = ["derivation", "polynomial", "box-witness", "derivative-witness", "value-witness", "triangle-witness",
           "not-polynomial"]
X = sympy.Symbol("x", real=True)  # the function as written, on its whole domain


def _leaves(obj, path=()):
    """Paths to every string, int and list leaf below obj."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(obj, list):
        yield path
        for i, v in enumerate(obj):
            yield from _leaves(v, path + (i,))
    else:
        yield path


def _get(obj, path):
    for p in path:
        obj = obj[p]
    return obj


def _set(obj, path, value):
    for p in path[:-1]:
        obj = obj[p]
    obj[path[-1]] = value


def _mutate_text(text, rng):
    options = []
    if "-" in text:
        options.append(text.replace("-", "+", 1))
    if "+" in text:
        options.append(text.replace("+", "-", 1))
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if digits:
        i = rng.choice(digits)
        options.append(text[:i] + str((int(text[i]) + rng.randint(1, 9)) % 10) + text[i + 1:])
    options += [f"-({text})", f"2*({text})", f"({text})/3", f"({text}) + 1", "0", "1/2"]
    return rng.choice(options)


def mutate(cert, rng):
    """One random mutation: (description, mutated certificate)."""
    out = copy.deepcopy(cert)
    kind = rng.choice(["leaf", "leaf", "leaf", "claim", "verdict", "method", "function", "delete", "rule", "subset"])
    if kind == "claim":
        out["claim"] = rng.choice([c for c in CLAIMS if c != cert["claim"]])
    elif kind == "verdict":
        out["verdict"] = "holds" if cert["verdict"] == "fails" else "fails"
    elif kind == "method":
        out["method"] = rng.choice([m for m in METHODS if m != cert["method"]])
    elif kind == "function":
        out["function"] = rng.choice([f for f in CATALOGUE] + [_mutate_text(cert["function"], rng)])
    elif kind == "rule" and '"rule"' in repr(cert).replace("'", '"'):
        rules = [p for p in _leaves(out["data"]) if p and p[-1] == "rule"]
        path = rng.choice(rules)
        _set(out["data"], path, rng.choice([r for r in RULES if r != _get(out["data"], path)]))
    elif kind == "subset" and "subset" in out["data"]:
        d = len(out["data"]["sides"])
        out["data"]["subset"] = sorted(rng.sample(range(1, d + 2), rng.randint(0, min(d + 1, 3))))
    elif kind == "delete":
        paths = [p for p in _leaves(out["data"]) if p]
        path = rng.choice(paths)
        parent = _get(out["data"], path[:-1])
        del parent[path[-1]]
    else:
        paths = [p for p in _leaves(out["data"]) if p and not isinstance(_get(out["data"], p), list)]
        path = rng.choice(paths)
        value = _get(out["data"], path)
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            return mutate(cert, rng)
        _set(out["data"], path, value + rng.choice([-1, 1, 2]) if isinstance(value, int) else _mutate_text(value, rng))
        kind = f"leaf {'/'.join(map(str, path))}"
    return kind, out


# --- the judge ---------------------------------------------------------------------------

def _catalogue_twin(text):
    """The catalogue function equal to this one on all of R (so also at 0 and below 0)."""
    f = parse(text, "function", symbol=X)
    for name in CATALOGUE:
        if sympy.simplify(parse(name, "catalogue", symbol=X) - f) == 0:
            return name
    return None


def judge(cert):
    """True if the statement is known true, False if known false, None if it cannot be judged."""
    claim, verdict = cert["claim"], cert["verdict"]
    twin = _catalogue_twin(cert["function"])
    if twin is not None and claim in COLUMNS and truth(twin, claim) is not None:
        return truth(twin, claim) == (verdict == "holds")
    if "extension" in cert:
        return None
    f = sympy.lambdify(X, parse(cert["function"], "function", symbol=X), "mpmath")
    data, method = cert["data"], cert["method"]
    if method == "box-witness":
        return _box_value(f, data) * (-1 if data["kind"] == "not-psd" else 1) > 0
    if method in ("value-witness", "triangle-witness", "derivative-witness"):
        return _numeric_witness(f, method, data, claim, cert["function"])
    if method == "polynomial":
        return parse(cert["function"], "function", symbol=X).is_polynomial(X)
    if method == "not-polynomial":
        return not parse(cert["function"], "function", symbol=X).is_polynomial(X)
    return None


def _box_value(f, data):
    sides = [float(sympy.Rational(s)) if "/" in s or s.isdigit() else float(parse(s, "side")) for s in data["sides"]]
    d = len(sides)
    vertices = list(itertools.product((0, 1), repeat=d))
    power = 2 if data["transform"] == "square" else 1
    p = 1 if data["metric"] == "l1" else 2

    def dist(u, v):
        return sum((abs(u[i] - v[i]) * sides[i]) ** p for i in range(d)) ** (1 / p)

    M = np.array([[float(f(dist(u, v))) ** power for v in vertices] for u in vertices])
    c = np.array([(-1) ** sum(v[i - 1] for i in data["subset"]) for v in vertices])
    value = c @ M @ c
    return value if abs(value) > 1e-9 * np.abs(M).sum() else 0.0


def _numeric_witness(f, method, data, claim, text):
    mpmath.mp.dps = 30
    if method == "value-witness":
        if data["kind"] == "below-limit-at-0":
            return f(mpmath.mpf("1e-25")) - f(mpmath.mpf(0)) > 1e-20
        if data["kind"] == "zero":  # a CM function (or f(sqrt t)) with a zero in (0, oo) is 0
            x1, x2 = (mpmath.mpf(str(sympy.N(parse(data[k], k), 40))) for k in ("zero", "nonzero"))
            return claim in ("pd-l1", "pd-l2", "completely-monotone") and x1 > 0 and x2 > 0 and \
                abs(f(x1)) < 1e-25 and abs(f(x2)) > 1e-20
        value = f(mpmath.mpf(0)) if data["kind"] == "nonzero-at-0" else f(mpmath.mpf(sympy.Rational(data["point"])))
        return abs(value) > 1e-20 if data["kind"] == "nonzero-at-0" else value < -1e-20
    if method == "derivative-witness":  # (-1)^k g^(k)(x0) < 0 for the g the claim needs CM, numerically
        f = parse(text, "function", symbol=X)
        g = {"f": f, "f'": sympy.diff(f, X), "f(sqrt(x))": f.subs(X, sympy.sqrt(X)),
             "(f(sqrt(x))^2)'": sympy.diff(f.subs(X, sympy.sqrt(X)) ** 2, X)}[data["of"]]
        value = (-1) ** data["order"] * sympy.diff(g, X, data["order"]).subs(X, sympy.Rational(data["point"]))
        return sympy.N(value, 30) < -1e-20
    if method == "triangle-witness":
        a, b = (mpmath.mpf(sympy.Rational(data[k])) for k in ("a", "b"))
        return f(a + b) - f(a) - f(b) > 1e-20
    return None
