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

from symrep.analysis.budget import Budget, OutOfTime
from symrep.analysis.common import X, _n
from symrep.analysis.derivations import plausibly_cm

__all__ = ["square_factors", "square_split"]

#: The share of the budget left that the split may take.
SHARE = 0.4


def square_factors(f):
    """``(f(sqrt t)/sqrt t, f'(sqrt t))`` as expressions in ``x`` (the kernel's variable)."""
    root = sympy.sqrt(X)
    return sympy.powsimp(f.subs(X, root) / root), sympy.diff(f, X).subs(X, root)


def square_split(prover, f, g):
    """A ``derivative`` node proving ``g = f(sqrt x)^2`` Bernstein through the split, or None; ``prover`` is the
    :class:`~symrep.analysis.verdicts._Prover` (its ``derive`` and budget)."""
    if not f.has(X) or f.free_symbols - {X} or not all(plausibly_cm(factor) for factor in square_factors(f)):
        return None  # float samples show a factor is not CM (x^2: f(sqrt t)/sqrt t = sqrt t): no split to look for
    whole = prover.tick
    prover.tick = Budget(max(SHARE * prover.clock.left(), 1e-3)).tick
    try:
        kids = []
        for h, at_root in ((sympy.cancel(f / X), square_factors(f)[0]), (sympy.diff(f, X), square_factors(f)[1])):
            kid = _composed(prover, h, at_root)
            if kid is None:
                return None
            kids.append(kid)
    except OutOfTime:
        return None
    finally:
        prover.tick = whole
    prover.tick()
    return _n("BF", g, "square-split", {}, [_public(k) for k in kids])


def _composed(prover, h, at_root):
    """A CM node for ``at_root = h(sqrt x)``: ``h`` proved CM and composed with ``sqrt x``, else ``at_root`` directly."""
    node = prover.derive(h, "CM", 1)
    if node is not None:
        root = _n("BF", sympy.sqrt(X), "bf-power", {"s": "1/2"})
        node = _n("CM", at_root, "compose", {}, [node, root])
    else:
        node = prover.derive(at_root, "CM", 1)
    return None if node is None else {**node, "_expr": at_root}


def _public(node):
    return {k: v for k, v in node.items() if k != "_expr"}
