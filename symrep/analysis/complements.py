"""The complement route: ``c - g`` is a Bernstein function when ``g`` is completely monotone with a finite
``g(0+) <= c``.

``(c - g)' = -g'`` is CM by the definition of CM, and ``c - g >= c - g(0+) >= 0`` because a CM function is
nonincreasing (Schilling, Song, Vondraček, *Bernstein Functions*, 2nd ed., Def. 1.3 and Def. 3.1). So
``1 - (1 - e^(-x))/x``, ``1 - log(1 + x)/x`` and ``1 - sech(sqrt x)`` are Bernstein functions, each with value
0 at 0, without a derivation of ``-g'``. The kernel's ``bf-complement`` rule checks the node: ``f = c - g``
by the normal form, ``g`` CM by its own derivation, and ``c - g(0+) >= 0`` with ``g(0+)`` proved.

Examples
--------
>>> from symrep import certify
>>> verdict = certify("1 - log(1 + x)/x", "l1-to-l1")
>>> verdict.status, verdict.certificate["data"]["derivation"]["rule"]
('holds', 'bf-complement')
"""

import sympy

from symrep.analysis.common import X, _n, _t
from symrep.analysis.mixtures import plausibly_cm

__all__ = []


class ComplementSearch:
    """Mixin of the derivation search: ``_by_complement(e, "BF", depth)``."""

    def _by_complement(self, e, cls, depth):
        if cls != "BF" or depth >= 6:
            return None
        c, rest = e.as_independent(X, as_Add=True)
        if c == 0 and e.is_rational_function(X):  # x(x + 3)/((x + 1)(x + 2)) = 1 - 2/((x + 1)(x + 2))
            c, rest = sympy.apart(sympy.cancel(e), X).as_independent(X, as_Add=True)
        if c == 0 or not rest.has(X) or not c.is_extended_real:
            return None
        g = -rest
        if not plausibly_cm(g):
            return None
        inner = self.derive(g, "CM", depth + 1)
        return _n("BF", e, "bf-complement", {"c": _t(c)}, [inner]) if inner is not None else None
