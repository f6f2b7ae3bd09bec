"""Atoms of the derivation search read off the form of a function: Matérn, ``log(1 + b x)/x``, the polygamma
functions (DLMF 5.15.1, 5.9.16), ``e^(-c x) (a x)^(-nu) I_nu(a x)`` (DLMF 10.32.2) and the Stieltjes atoms ``log(1 + b/x)`` and ``atan(c/sqrt x)/sqrt x``.

Each returns a node for the kernel's rule of the same name (:mod:`symrep.certificates.rules.closure` for the new
ones), or None; nothing here is trusted: the kernel proves every side condition again.

>>> import sympy
>>> from symrep.analysis.common import X
>>> polygamma_cm(sympy.polygamma(1, X + 1), lambda u: {"class": "BF", "rule": "sum"})["rule"]
'compose'
>>> digamma_cbf(sympy.polygamma(0, X + 1) + sympy.EulerGamma)["rule"]
'bf-digamma'
"""

import sympy

from symrep.analysis.common import X, _n, _nonneg, _proved_positive, _t

__all__ = ["besseli_cm", "polygamma_cm", "digamma_cbf", "log_ratio_st", "atan_root_st"]


def _matern(e):
    """``A (c x)^nu K_nu(c x)`` with ``A >= 0``, ``c > 0`` and ``nu <= 1/2``: a multiple of the checker's
    Matern atom (completely monotone: an integral of decaying exponentials, DLMF 10.32.8), or None."""
    factors = sympy.Mul.make_args(e)
    bessels = [a for a in factors if isinstance(a, sympy.besselk)]
    if len(bessels) != 1:
        return None
    nu, argument = bessels[0].args
    c = sympy.cancel(argument / X)
    if c.has(X) or nu.has(X):
        return None
    atom = (c * X) ** nu * bessels[0]
    scale = sympy.powsimp(sympy.cancel(e / atom))
    if scale.has(X) or not (_proved_positive(c) and _nonneg(sympy.Rational(1, 2) - nu) and _nonneg(scale)):
        return None
    node = _n("CM", atom, "cm-matern", {"nu": _t(nu), "c": _t(c)})
    return node if scale == 1 else _n("CM", e, "scale", {"c": _t(scale)}, [node])


def _log1p_ratio(e):
    """``c log(1 + b x)/x`` with ``b, c > 0``: the atom ``cm-log1p-ratio``, scaled."""
    c, rest = e.as_coeff_Mul()
    logs = [a for a in sympy.Mul.make_args(rest) if isinstance(a, sympy.log)]
    if len(logs) != 1 or sympy.simplify(rest * X / logs[0]) != 1 or not _proved_positive(c):
        return None
    b = sympy.simplify((logs[0].args[0] - 1) / X)
    if b.has(X) or not _proved_positive(b):
        return None
    node = _n("CM", logs[0] / X, "cm-log1p-ratio", {"b": _t(b)})
    return node if c == 1 else _n("CM", e, "scale", {"c": _t(c)}, [node])


def polygamma_cm(e, bernstein):
    """``c psi^(n)(u)`` with ``n >= 1`` and ``c (-1)^(n+1) >= 0``: the atom ``cm-polygamma`` (``(-1)^(n+1) psi^(n)`` is
    CM, DLMF 5.15.1), composed with ``u`` (derived Bernstein by ``bernstein``) unless ``u = x``, and scaled."""
    c, rest = e.as_independent(X, as_Add=False) if e.is_Mul else (sympy.Integer(1), e)
    if not isinstance(rest, sympy.polygamma):
        return None
    n, u = rest.args
    if not (n.is_Integer and n >= 1):
        return None
    sign = (-1) ** (int(n) + 1)
    if not _nonneg(c * sign):
        return None
    atom = _n("CM", sign * sympy.polygamma(n, X), "cm-polygamma", {"n": _t(n)})
    if u != X:
        inner = bernstein(u)
        if inner is None:
            return None
        atom = _n("CM", sign * rest, "compose", {}, [atom, inner])
    return atom if c * sign == 1 else _n("CM", e, "scale", {"c": _t(c * sign)}, [atom])


def digamma_cbf(e):
    """``c psi(beta x + a) + k`` with ``beta > 0``, ``a > 0`` a whole or half-integer, ``c >= 0`` and ``k + c psi(a) >= 0``:
    ``bf-digamma`` (complete Bernstein, DLMF 5.9.16), after ``beta x``, scaled, plus a constant; None otherwise."""
    terms = sympy.Add.make_args(e)
    psis = [t for t in terms if t.has(sympy.polygamma)]
    if len(psis) != 1:
        return None
    k = sympy.Add(*[t for t in terms if t is not psis[0]])
    c, rest = psis[0].as_independent(X, as_Add=False) if psis[0].is_Mul else (sympy.Integer(1), psis[0])
    if k.has(X) or not isinstance(rest, sympy.polygamma) or rest.args[0] != 0 or not _nonneg(c):
        return None
    u = sympy.expand(rest.args[1])
    a, beta = u.subs(X, 0), sympy.diff(u, X)
    if beta.has(X) or sympy.expand(u - beta * X - a) != 0 or not _proved_positive(beta) or not a.is_Rational \
            or a <= 0 or a.q > 2:  # the kernel knows psi(a) at whole and half-integer a only (DLMF 5.4.13-15)
        return None
    atom = rest - sympy.polygamma(0, a)
    node = _n("CBF", sympy.polygamma(0, X + a) - sympy.polygamma(0, a), "bf-digamma", {"a": _t(a)})
    if beta != 1:  # psi(beta x + a) - psi(a): CBF after the CBF beta x
        node = _n("CBF", atom, "compose", {}, [node, _n("CBF", beta * X, "bf-linear", {"beta": _t(beta)})])
    if c != 1:
        node, atom = _n("CBF", c * atom, "scale", {"c": _t(c)}, [node]), c * atom
    left = sympy.simplify(k + c * sympy.polygamma(0, a))
    if left == 0:
        return node if atom == e else _n("CBF", e, "rewrite", {}, [node])
    if not _proved_positive(left):
        return None
    return _n("CBF", e, "sum", {}, [node, _n("CBF", left, "bf-const", {"c": _t(left)})])


def log_ratio_st(rest):
    """``log(1 + b/x)`` with ``b > 0``: ``st-log-ratio`` (``int_0^b dt/(x + t)``), or None."""
    if not isinstance(rest, sympy.log):
        return None
    b = sympy.cancel((rest.args[0] - 1) * X)
    return _n("ST", rest, "st-log-ratio", {"b": _t(b)}) if not b.has(X) and _proved_positive(b) else None


def atan_root_st(rest):
    """``atan(c/sqrt x)/sqrt x`` with ``c > 0``: ``st-atan-root`` (``int_0^c ds/(x + s^2)``) and the constant factor
    left over, or None."""
    atans = [a for a in sympy.Mul.make_args(rest) if isinstance(a, sympy.atan)]
    if len(atans) != 1:
        return None
    c = sympy.cancel(atans[0].args[0] * sympy.sqrt(X))
    if c.has(X) or not _proved_positive(c):
        return None
    atom = sympy.atan(c / sympy.sqrt(X)) / sympy.sqrt(X)
    ratio = sympy.powsimp(sympy.cancel(rest / atom), force=True)
    if ratio.has(X) or not _nonneg(ratio):
        return None
    return _n("ST", atom, "st-atan-root", {"c": _t(c)}), ratio


def besseli_cm(e, cm, bf=lambda u: None):
    """``k e^(-r u) u^(-nu) I_nu(u) g`` with ``r >= 1``, ``nu > -1/2``, ``k >= 0``, ``g`` derived CM by ``cm`` and ``u = a x``
    (``a > 0``) or derived Bernstein by ``bf``: a multiple of the atom ``cm-besseli`` (Poisson's integral, DLMF 10.32.2),
    composed with ``u`` unless it is linear (CM after Bernstein is CM, SSV Thm 3.7), times ``g``; None otherwise.

    >>> besseli_cm(sympy.exp(-X) * sympy.besseli(1, X) / X, lambda g: None)["rule"]
    'cm-besseli'
    >>> besseli_cm(sympy.exp(-X) * sympy.besseli(0, 2 * X), lambda g: None) is None     # r < 1: it grows
    True
    """
    factors = sympy.Mul.make_args(e)
    bessels = [f for f in factors if isinstance(f, sympy.besseli)]
    if len(bessels) != 1:
        return None
    nu, u = bessels[0].args
    a = sympy.cancel(u / X)
    if nu.has(X) or not nu.is_real or not _proved_positive(nu + sympy.Rational(1, 2)) or not u.has(X):
        return None
    r = -sympy.cancel(sympy.Add(*[f.args[0] for f in factors if isinstance(f, sympy.exp)]) / u)
    if r.has(X) or not _nonneg(r - 1):
        return None
    atom = sympy.exp(-r * u) * u ** (-nu) * bessels[0]
    if not a.has(X):
        if not _proved_positive(a):
            return None
        node = _n("CM", atom, "cm-besseli", {"c": _t(r * a), "a": _t(a), "nu": _t(nu)})
    else:
        inner = bf(u)
        if inner is None:
            return None
        outer = _n("CM", sympy.exp(-r * X) * X ** (-nu) * sympy.besseli(nu, X), "cm-besseli", {"c": _t(r), "a": "1", "nu": _t(nu)})
        node = _n("CM", atom, "compose", {}, [outer, inner])
    rest = sympy.powsimp(sympy.cancel(e / atom), force=True)
    if rest == 1:
        return node if atom == e else _n("CM", e, "rewrite", {}, [node])
    if not rest.has(X):
        return _n("CM", e, "scale", {"c": _t(rest)}, [node]) if _nonneg(rest) else None
    other = cm(rest)
    return _n("CM", e, "product", {}, [node, other]) if other is not None else None
