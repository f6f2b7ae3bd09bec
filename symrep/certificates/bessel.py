"""The modified Bessel function ``K_nu`` in the checker: the facts it may use, each from DLMF chapter 10.

* **Recurrence** (DLMF 10.29.1): ``K_(mu+1)(u) = K_(mu-1)(u) + (2 mu / u) K_mu(u)``, and ``K`` is even
  in its order (10.27.3). :func:`bessel_normal_form` uses them to write every ``K`` of one argument
  through the two lowest orders, so that cancellations hidden in a derivative become visible:
  ``d/dx (x^nu K_nu(x)) = -x^nu K_(nu-1)(x)`` comes out of SymPy as three Bessel terms.
* **Behaviour at 0** (DLMF 10.30.2, 10.30.3): ``K_b(t) ~ Gamma(|b|) 2^(|b|-1) t^(-|b|)`` for ``b != 0``
  and ``K_0(t) ~ -log t``. Hence, for ``c > 0``, ``x^a K_b(c x) -> 0`` as ``x -> 0+`` when
  ``a > |b|`` (proved as ``a - b > 0`` and ``a + b > 0``), and ``-> 2^(b-1) Gamma(b) c^(-b)`` when
  ``a = b > 0`` (:func:`bessel_product_limit`).
* **Sign** (DLMF 10.32.9, ``K_b(t) = int_0^oo exp(-t cosh s) cosh(b s) ds``): ``K_b(t) > 0`` for real
  ``b`` and ``t > 0`` (used by :mod:`~symrep.certificates.parametric`).

Examples
--------
>>> import sympy
>>> from symrep.certificates.bessel import bessel_normal_form
>>> from symrep.certificates.reading import XP
>>> nu = sympy.Symbol("nu", real=True)
>>> bessel_normal_form(sympy.diff(XP**nu * sympy.besselk(nu, XP), XP))
-x**nu*besselk(nu - 1, x)
"""

import sympy

from .exact import sign
from .reading import CheckError

__all__ = ["bessel_normal_form", "bessel_product_limit"]


def bessel_normal_form(e):
    """``e`` with the Bessel functions of each argument written through two consecutive orders (the
    lowest ones, after folding ``K_(-mu) = K_mu``), and their coefficients simplified; ``e`` itself when
    there is nothing to rewrite. An identity by DLMF 10.29.1 and 10.27.3."""
    atoms = e.atoms(sympy.besselk)
    by_argument = {}
    for k in atoms:
        by_argument.setdefault(k.args[1], []).append(k.args[0])
    out = e
    for u, orders in by_argument.items():
        if len(orders) < 2:
            continue
        base = _lowest_order(orders)
        if base is None:
            continue
        low, high = sympy.besselk(base, u), sympy.besselk(base + 1, u)
        replace = {}
        for order in orders:
            steps = _steps(order, base)
            if steps >= 2:
                replace[sympy.besselk(order, u)] = _through_two(base, steps, u)
        if not replace:
            continue
        out = sympy.expand(out.xreplace(replace))
        parts = sympy.collect(out, [low, high], evaluate=False)
        if set(parts) - {low, high, sympy.S.One}:
            continue  # products of Bessel functions: left as they are
        out = sympy.Add(*[sympy.simplify(coefficient) * key for key, coefficient in parts.items()])
    return out


def _steps(order, base):
    """``k >= 0`` with ``order = base + k`` or ``-order = base + k`` (K is even in its order), else -1."""
    for candidate in (order, -order):
        difference = sympy.simplify(candidate - base)
        if difference.is_Integer and difference >= 0:
            return int(difference)
    return -1


def _lowest_order(orders):
    """An order (or its negative) from which every order is reached by whole steps up, or None."""
    candidates = sorted(set(orders), key=sympy.default_sort_key) + \
        sorted({-order for order in orders} - set(orders), key=sympy.default_sort_key)
    found = [(max(_steps(order, base) for order in orders), k, base) for k, base in enumerate(candidates)
             if all(_steps(order, base) >= 0 for order in orders)]
    return min(found, key=lambda item: item[:2])[2] if found else None


def _through_two(base, steps, u):
    """``K_(base + steps)(u)`` as a combination of ``K_base(u)`` and ``K_(base + 1)(u)`` (DLMF 10.29.1)."""
    previous, current = sympy.besselk(base, u), sympy.besselk(base + 1, u)
    for j in range(1, steps):
        previous, current = current, previous + 2 * (base + j) / u * current
    return current


def bessel_product_limit(e, var, where, limit_of):
    """The limit at ``var = 0+`` of a product with exactly one factor ``K_b(c var)`` (``c > 0`` proved),
    powers of ``var`` (also inside a power ``(k var)^p`` with ``k > 0`` proved) and other factors whose
    limit ``limit_of`` finds finite. Raises CheckError when the lemma does not apply."""
    bessels = [a for a in e.args if isinstance(a, sympy.besselk)]
    if len(bessels) != 1:
        raise CheckError(f"{where}: a limit at 0+ takes one Bessel factor at a time")
    (k,) = bessels
    b, u = k.args
    c = sympy.cancel(u / var)
    if b.has(var) or c.has(var):
        raise CheckError(f"{where}: the Bessel factor must be K_b(c x) with constant b and c")
    sign(c, f"{where}: the scale c of K_b(c x)", +1)
    a, rest = sympy.Integer(0), []
    for factor in e.args:
        if factor is k:
            continue
        power, base = (factor.exp, factor.base) if factor.is_Pow else (sympy.Integer(1), factor)
        scale = sympy.cancel(base / var)
        if not power.has(var) and (base == var or not scale.has(var)):
            if base != var:
                sign(scale, f"{where}: the factor k of (k x)^p", +1)  # (k x)^p = k^p x^p needs k > 0
                rest.append(scale ** power)
            a += power
        else:
            rest.append(factor)
    others = limit_of(sympy.Mul(*rest))
    try:
        sign(a - b, f"{where}: x^a K_b(c x) -> 0 needs a > |b|", +1)
        sign(a + b, f"{where}: x^a K_b(c x) -> 0 needs a > |b|", +1)
        return sympy.Integer(0)
    except CheckError:
        pass
    for order in (b, -b):
        if sympy.simplify(a - order) == 0:
            try:
                sign(order, f"{where}: x^b K_b(c x) has a finite limit for b > 0", +1)
            except CheckError:
                continue
            return others * sympy.Integer(2) ** (order - 1) * sympy.gamma(order) * c ** (-order)
    raise CheckError(f"{where}: no limit at 0+ for x^({a}) K_({b})({c} x): the exponent must exceed the order's "
                     "size, or equal a positive order")
