"""A kernel function ``f`` of one variable, evaluated exactly or with numpy.

A :class:`Kernel` is made from any of

* text, parsed without executing code (:func:`symrep.geometry.expressions.parse_expression`;
  the variable is ``x``, and ``f``, ``g``, ``h`` are undefined functions);
* a SymPy expression in one free symbol (none: a constant kernel);
* a SymPy ``Lambda``;
* an undefined SymPy ``Function`` such as ``Function('f')``, so that results
  are formulas in ``f(0), f(a_1), ...``.

Exact evaluation refuses values where ``f`` is undefined, infinite or not real
(``1/x`` or ``log(x)`` at 0), naming the offending point.

Examples
--------
>>> import sympy
>>> from symrep.geometry.kernels import Kernel
>>> k = Kernel("exp(-x)")
>>> k(2)
exp(-2)
>>> Kernel(sympy.Function("f"))(sympy.Rational(1, 2))
f(1/2)
>>> Kernel("1/x")(0)
Traceback (most recent call last):
...
symrep.errors.InputError: kernel 1/x is undefined at x = 0 (it gives zoo)
"""

import numpy as np
import sympy
from sympy.core.function import AppliedUndef, UndefinedFunction

from symrep.errors import InputError
from symrep.geometry.expressions import expression_text, parameter_symbol, parse_expression, value_at, lambda_body

__all__ = ["Kernel", "as_kernel", "UNDEFINED_FUNCTION_NAMES"]

#: Names that text kernels may use as undefined functions.
UNDEFINED_FUNCTION_NAMES = ("f", "g", "h")

_BAD_VALUES = (sympy.zoo, sympy.nan, sympy.oo, -sympy.oo)


class Kernel:
    """A function of one variable: exact calls, numpy evaluation, text and LaTeX forms.

    Parameters
    ----------
    f : str, sympy.Expr, sympy.Lambda or undefined sympy.Function
        The kernel (see the module docstring).
    variable : sympy.Symbol or str, optional
        The variable. By default the symbol named ``x``, else the expression's only free
        symbol (``x`` for constants); any other free symbol is a parameter.

    Attributes
    ----------
    expr : sympy.Expr
        The kernel as an expression in :attr:`variable`.
    variable : sympy.Symbol
        The variable (real).
    text : str
        The kernel as text in the parser's grammar, with variable ``x``.
    parameters : set of sympy.Symbol
        The free symbols other than the variable.

    Raises
    ------
    InputError
        ``f`` of an unsupported type, with an undefined value, or with several free symbols none of
        which is named ``x`` (:class:`ParseError` for text outside the grammar).

    Examples
    --------
    >>> k = Kernel("exp(-a*x)")
    >>> k, k.parameters, k(2)
    (Kernel('exp(-a*x)'), {a}, exp(-2*a))
    >>> Kernel("exp(-x^2)").numeric([0.0, 1.0]).round(6).tolist()
    [1.0, 0.367879]
    """

    def __init__(self, f, variable=None):
        if isinstance(f, Kernel):
            self.expr, self.variable = f.expr, f.variable
            return
        if isinstance(variable, str):
            variable = sympy.Symbol(variable, real=True)
        if isinstance(f, str):
            name = variable.name if variable is not None else "x"
            var = variable if variable is not None else sympy.Symbol(name, real=True)
            self.expr = parse_expression(f, {name: var}, undefined_functions=UNDEFINED_FUNCTION_NAMES,
                                         new_symbol=parameter_symbol)  # any other name is a parameter
            self.variable = var
            return
        if isinstance(f, UndefinedFunction):
            var = variable if variable is not None else sympy.Symbol("x", real=True)
            self.expr, self.variable = f(var), var
            return
        if isinstance(f, sympy.Lambda) or callable(f) and not isinstance(f, sympy.Basic):
            var = variable if variable is not None else sympy.Symbol("x", real=True)
            self.expr, self.variable = lambda_body(f, var), var
            return
        if isinstance(f, (int, float)) and not isinstance(f, bool):
            f = sympy.sympify(f)
        if not isinstance(f, sympy.Expr):
            raise InputError(
                "kernel must be text, a SymPy expression, a Lambda or an undefined Function, "
                f"got {type(f).__name__}"
            )
        free = f.free_symbols
        if variable is None:  # the symbol named x, or the only symbol; any other is a parameter
            named_x = [s for s in free if s.name == "x"]
            if not named_x and len(free) > 1:
                names = ", ".join(sorted(s.name for s in free))
                raise InputError(f"kernel {f} has free symbols {names} and none named x: which is the variable?")
            variable = named_x[0] if named_x else next(iter(free)) if free else sympy.Symbol("x", real=True)
        for symbol in free - {variable}:
            parameter_symbol(symbol.name)  # the names text refuses (t, I, e, ...) are refused here too
        if f.has(*_BAD_VALUES):
            raise InputError(f"kernel {f} contains an undefined value")
        self.expr, self.variable = f, variable

    def __repr__(self):
        return f"Kernel({self.text!r})"

    @property
    def text(self):
        """The kernel as text in the parser's grammar, with variable ``x``."""
        x = sympy.Symbol("x", real=True)
        return expression_text(self.expr.xreplace({self.variable: x}))

    @property
    def parameters(self):
        """The free symbols other than the variable (``{a}`` for ``exp(-a*x)``)."""
        return self.expr.free_symbols - {self.variable}

    @property
    def is_undefined_function(self):
        """Whether the kernel involves an undefined function such as ``f(x)``."""
        return bool(self.expr.atoms(AppliedUndef))

    def lambda_(self):
        """The kernel as a SymPy ``Lambda``."""
        return sympy.Lambda(self.variable, self.expr)

    def __call__(self, value):
        """Exact value ``f(value)``; raises :class:`InputError` where it is undefined."""
        value = sympy.sympify(value)
        result = value_at(self.expr, self.variable, value)  # powers of numbers sized before they are computed
        if result.has(*_BAD_VALUES):
            raise InputError(f"kernel {self.text} is undefined at x = {value} (it gives {result})")
        if result.is_extended_real is False:
            raise InputError(f"kernel {self.text} is not real at x = {value} (it gives {result})")
        return result

    def numeric(self, values):
        """Evaluate on a float array with numpy (labelled numeric, not exact).

        Raises :class:`InputError` if the kernel is an undefined function, or if any
        value is NaN, infinite or complex.
        """
        if self.is_undefined_function:
            raise InputError(f"kernel {self.text} involves an undefined function; it has no numeric values")
        if self.parameters:
            names = ", ".join(sorted(s.name for s in self.parameters))
            raise InputError(f"kernel {self.text} has the parameter(s) {names}: numeric values need numbers for them "
                             f"(use the exact spectrum, whose eigenvalues are formulas in {names})")
        values = np.asarray(values, dtype=float)
        with np.errstate(all="ignore"):
            out = np.asarray(self._numpy_function()(values))
        if out.shape != values.shape:  # a constant kernel gives a scalar
            out = np.broadcast_to(out, values.shape).copy()
        if np.iscomplexobj(out):
            bad = np.flatnonzero(np.abs(np.imag(out)) > 0)
            if bad.size:
                raise InputError(f"kernel {self.text} is not real at x = {float(values.flat[bad[0]]):g}")
            out = np.real(out)
        out = out.astype(float, copy=False)
        if not out.flags.writeable:
            out = out.copy()
        bad = np.flatnonzero(~np.isfinite(out))
        if bad.size:
            raise InputError(
                f"kernel {self.text} is undefined or infinite at x = {float(values.flat[bad[0]]):g} "
                f"(it gives {float(out.flat[bad[0]])})"
            )
        return out

    def _numpy_function(self):
        if not hasattr(self, "_numpy_cache"):
            try:
                func = sympy.lambdify(self.variable, self.expr, modules="numpy")
                func(np.array([0.5, 1.0]))
            except (NameError, TypeError, AttributeError):
                # A function numpy lacks (besselk without scipy): mpmath, one point at a time.
                scalar = sympy.lambdify(self.variable, self.expr, modules="mpmath")
                func = np.vectorize(lambda v: complex(scalar(v)), otypes=[complex])
            self._numpy_cache = func
        return self._numpy_cache

    def _latex(self, printer):
        return printer._print(self.expr)

    def _repr_latex_(self):
        return f"$\\displaystyle f({sympy.latex(self.variable)}) = {sympy.latex(self.expr)}$"


def as_kernel(f, variable=None):
    """Return ``f`` as a :class:`Kernel` (unchanged if it already is one)."""
    return f if isinstance(f, Kernel) else Kernel(f, variable)
