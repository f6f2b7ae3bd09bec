"""The derivative split of ``l2-to-l2``: ``f(|x_i - x_j|_2)`` is Euclidean iff ``g(t) = f(sqrt t)^2`` is Bernstein
(Schoenberg 1938), and

    g'(t) = [f(sqrt t)/sqrt t] * f'(sqrt t),

so where ``f(0) = 0`` and both factors are CM, ``g'`` is CM (a product of CM functions, SSV Cor 1.6) and ``g`` is
Bernstein (``g(0+) = 0``). Each factor is proved CM first as ``h(sqrt t)`` with ``h(s) = f(s)/s`` and ``h = f'``
(CM after the Bernstein ``sqrt t`` is CM, SSV Thm 3.7; for a Bernstein ``f``, ``f(s)/s`` is CM by Levy-Khintchine),
else directly. The kernel's ``square-split`` rule checks ``g' = A B`` and ``g = x A^2`` (so ``g >= 0`` and
``f(s) = s A(s^2) >= 0``): a Bernstein ``f`` with ``f(0) = 0`` is an ``l2-to-l2`` transform (``log(1 + x)``, ``atan(x)``, ``1 - exp(-x)``).

Examples
--------
>>> import sympy
>>> from symrep.analysis.common import X
>>> square_factors(sympy.log(1 + X))
(log(sqrt(x) + 1)/sqrt(x), 1/(sqrt(x) + 1))
"""

import sympy

from symrep.analysis.budget import Budget, OutOfTime, default_seconds
from symrep.analysis.common import X, _n
from symrep.analysis.derivations import plausibly_cm

__all__ = ["square_factors", "square_split"]

#: The share of the budget left that the split may take, and the seconds of its quick form (scaled).
SHARE, QUICK_SECONDS = 0.6, 0.6


def square_factors(f):
    """``(f(sqrt t)/sqrt t, f'(sqrt t))`` as expressions in ``x`` (the kernel's variable)."""
    root = sympy.sqrt(X)
    return sympy.powsimp(f.subs(X, root) / root), sympy.diff(f, X).subs(X, root)


def square_split(prover, f, g, quick=False):
    """A ``square-split`` node proving ``g = f(sqrt x)^2`` Bernstein, or None; ``prover`` is the
    :class:`~symrep.analysis.verdicts._Prover` (its ``derive`` and budget). ``quick``: only ``f(s)/s`` and ``f'`` as
    CM functions of ``s`` composed with ``sqrt t``, within ``QUICK_SECONDS`` (tried before the general search, which
    often spends seconds failing on ``g``); else every form, within ``SHARE`` of the budget left."""
    if not f.has(X) or f.free_symbols - {X} or (quick and any(not p.exp.is_Integer for p in f.atoms(sympy.Pow))):
        return None  # roots (sqrt(log(cosh(x)))): slow to fail here, and the search of g itself reads H^(1/2)
    if not all(plausibly_cm(factor) for factor in square_factors(f)):
        return None  # float samples show a factor is not CM (x^2: f(sqrt t)/sqrt t = sqrt t): no split to look for
    whole = prover.tick
    seconds = default_seconds(QUICK_SECONDS) if quick else SHARE * prover.clock.left()
    prover.tick = Budget(max(min(seconds, prover.clock.left()), 1e-3)).tick
    try:
        kids = []
        for h, at_root in ((f / X, square_factors(f)[0]), (sympy.diff(f, X), square_factors(f)[1])):
            kid = _composed(prover, h, at_root, quick)
            if kid is None:
                return None
            kids.append(kid)
    except OutOfTime:
        return None
    finally:
        prover.tick = whole
    prover.tick()
    return _n("BF", g, "square-split", {}, kids)


def _composed(prover, h, at_root, quick):
    """A CM node for ``at_root = h(sqrt x)``: ``h`` proved CM and composed with ``sqrt x``, else ``at_root`` directly."""
    node = prover.derive(h, "CM", 0)
    if node is not None:
        root = _n("BF", sympy.sqrt(X), "bf-power", {"s": "1/2"})
        return _n("CM", at_root, "compose", {}, [node, root])
    return None if quick else prover.derive(at_root, "CM", 0)
