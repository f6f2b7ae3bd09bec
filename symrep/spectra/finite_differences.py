"""Iterated finite differences, kept unevaluated for presentation.

``nabla_{h_1, ..., h_k} f(x) = sum_{W subset [k]} (-1)^{|W|} f(x + h_W)``, which is
``(-1)^k Delta_{h_1} ... Delta_{h_k} f(x)`` (docs/theory.md section 2). The l1 eigenvalue
``lambda_S`` is ``sum_{U subset [d] minus S} (nabla_{(a_i), i in S} f)(a_U)``.

Examples
--------
>>> import sympy
>>> from symrep.spectra.finite_differences import FiniteDifference
>>> f = sympy.Function("f")
>>> x = sympy.Symbol("x")
>>> D = FiniteDifference(sympy.Lambda(x, f(x)), (1, 2), 0)
>>> D
FiniteDifference(f, (1, 2), 0)
>>> D.doit()
f(0) - f(1) - f(2) + f(3)
>>> sympy.latex(D)
'\\\\nabla_{1, 2} f\\\\left(0\\\\right)'
"""

from collections import Counter
from itertools import product
from math import comb

import sympy

__all__ = ["FiniteDifference"]


class FiniteDifference(sympy.Expr):
    """The unevaluated iterated difference ``nabla_{steps} f(point)``.

    Parameters
    ----------
    f : sympy.Lambda
        The function (one variable).
    steps : sequence of sympy.Expr
        The steps ``h_1, ..., h_k`` (repeats allowed; order does not matter).
    point : sympy.Expr
        Where the difference is taken.
    """

    def __new__(cls, f, steps, point):
        steps = sympy.Tuple(*sorted(map(sympy.sympify, steps), key=sympy.default_sort_key))
        return sympy.Expr.__new__(cls, f, steps, sympy.sympify(point))

    @property
    def function(self):
        return self.args[0]

    @property
    def steps(self):
        return self.args[1]

    @property
    def point(self):
        return self.args[2]

    def doit(self, **hints):
        """Expand to ``sum_W (-1)^{|W|} f(point + h_W)``, grouping equal steps."""
        counts = list(Counter(self.steps).items())
        terms = []
        for ws in product(*[range(n + 1) for _, n in counts]):
            coeff = 1
            shift = self.point
            for (h, n), w in zip(counts, ws):
                coeff *= (-1) ** w * comb(n, w)
                shift += w * h
            terms.append(coeff * self.function(shift))
        return sympy.Add(*terms)

    def _named_function(self):
        """The function's class if ``f`` is just ``x -> F(x)``, else None."""
        f = self.function
        return f.expr.func if f.expr.args == f.variables else None

    def _latex(self, printer):
        steps = ", ".join(printer._print(h) for h in self.steps)
        named = self._named_function()
        f = self.function
        name = printer._print(named) if named is not None else r"\left(%s \mapsto %s\right)" % (
            printer._print(f.variables[0]), printer._print(f.expr))
        return r"\nabla_{%s} %s\left(%s\right)" % (steps, name, printer._print(self.point))

    def _sympystr(self, printer):
        named = self._named_function()
        name = named.__name__ if named is not None else printer._print(self.function)
        return f"FiniteDifference({name}, {printer._print(tuple(self.steps))}, {printer._print(self.point)})"
