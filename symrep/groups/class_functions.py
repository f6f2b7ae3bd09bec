"""Class functions of a character table and their decompositions into irreducibles.

A :class:`ClassFunction` is a row of values on the classes of a table: class functions add,
multiply (the tensor product of characters), take inner products and decompose. A
:class:`Decomposition` maps irreducible labels to multiplicities.

Examples
--------
>>> from symrep.groups.tables import hyperoctahedral_table
>>> chi = hyperoctahedral_table(2).character(((1,), (1,)))
>>> chi.degree, chi.is_irreducible()
(2, True)
"""

import math
import re

import numpy as np
from symrep.lazy import lazy_module

sympy = lazy_module("sympy")  # integer tables (B_n, S_n) never need it: the table command starts faster

from symrep.errors import InputError

__all__ = ["ClassFunction", "Decomposition"]


class ClassFunction:
    """A function on the classes of a :class:`CharacterTable`, with exact values.

    Supports ``+``, ``-``, ``*`` (pointwise: the tensor product of characters), scalar
    multiples, :meth:`inner`, :meth:`decompose` and :meth:`is_irreducible`.

    Parameters
    ----------
    table : CharacterTable
        The group's table; the values follow its class order.
    values : sequence
        One exact value per class (integers, rationals or SymPy numbers).

    Attributes
    ----------
    table : CharacterTable
        The table it lives on.
    values : list
        The values, one per class.
    degree
        The value at the identity class.

    Raises
    ------
    InputError
        If the number of values is not the number of classes.

    Examples
    --------
    >>> from symrep.groups.tables import symmetric_table
    >>> S3 = symmetric_table(3)
    >>> regular = ClassFunction(S3, [6, 0, 0])
    >>> regular.degree, str(regular.decompose())
    (6, 'X[3] + 2*X[2,1] + X[1,1,1]')
    """

    def __init__(self, table, values):
        values = list(values)
        if len(values) != len(table):
            raise InputError(f"a class function of {table.name} needs {len(table)} values (one per class), "
                             f"got {len(values)}")
        self.table = table
        self.values = [_exact_value(v, i) for i, v in enumerate(values)]

    def __repr__(self):
        return f"ClassFunction({self.table.name}, {self.values})"

    def _latex(self, printer):
        return r"\left(%s\right)" % ", ".join(printer._print(sympy.sympify(v)) for v in self.values)

    def _repr_latex_(self):
        return f"$\\displaystyle {sympy.latex(self)}$"

    def __eq__(self, other):
        return isinstance(other, ClassFunction) and other.table is self.table and all(
            sympy.simplify(sympy.sympify(a) - b) == 0 if _is_symbolic(a) or _is_symbolic(b) else a == b
            for a, b in zip(self.values, other.values))

    def __hash__(self):
        return hash(tuple(map(str, self.values)))

    def _combine(self, other, op):
        if isinstance(other, ClassFunction):
            if other.table is not self.table:
                raise InputError(f"cannot combine class functions of {self.table.name} and {other.table.name}")
            return ClassFunction(self.table, [op(a, b) for a, b in zip(self.values, other.values)])
        return ClassFunction(self.table, [op(a, other) for a in self.values])

    def __add__(self, other):
        return self._combine(other, lambda a, b: a + b)

    def __sub__(self, other):
        return self._combine(other, lambda a, b: a - b)

    def __mul__(self, other):
        return self._combine(other, lambda a, b: a * b)

    __rmul__ = __mul__
    __radd__ = __add__

    def __neg__(self):
        return self * -1

    def __pow__(self, k):
        out = ClassFunction(self.table, [1] * len(self.values))
        for _ in range(int(k)):
            out = out * self
        return out

    @property
    def degree(self):
        """The value at the identity."""
        return self.values[0]

    def inner(self, other):
        """The inner product ``<self, other>``."""
        return self.table.inner_product(self, other)

    def norm(self):
        """``<self, self>``; 1 exactly for irreducible characters."""
        return self.inner(self)

    def is_irreducible(self):
        """Whether this is an irreducible character (norm 1 and positive degree)."""
        return self.norm() == 1 and sympy.sympify(self.degree).is_positive is True

    def decompose(self):
        """Multiplicities of the irreducibles (see :meth:`CharacterTable.decompose`)."""
        return self.table.decompose(self)


class Decomposition(dict):
    """``irreducible label -> multiplicity`` with the table kept for printing.

    ``is_character`` tells whether every multiplicity is a nonnegative integer.

    Attributes
    ----------
    table : CharacterTable
        The table whose irreducibles the keys label.
    is_character : bool
        Every multiplicity a nonnegative integer.
    degree
        The degree recomputed from the parts.

    Examples
    --------
    >>> from symrep.groups.tables import symmetric_table
    >>> S3 = symmetric_table(3)
    >>> parts = S3.class_function([2, 0, -1]).decompose()
    >>> str(parts), parts.is_character
    ('X[2,1]', True)
    >>> str((-S3.characters()[0]).decompose()), (-S3.characters()[0]).decompose().is_character
    ('-X[3]', False)
    """

    def __init__(self, table, multiplicities):
        super().__init__(multiplicities)
        self.table = table

    @property
    def is_character(self):
        return all(sympy.sympify(m).is_integer and m >= 0 for m in self.values())

    @property
    def degree(self):
        """The degree of the decomposed class function, recomputed from the parts."""
        degrees = dict(zip(self.table.irreducibles, self.table.degrees))
        return sum(m * degrees[label] for label, m in self.items())

    def __str__(self):
        if not self:
            return "0"
        out = ""
        for label, m in self.items():
            text = self.table.irreducible_text(label)
            text = text if re.fullmatch(r"X\d+", text) else f"X[{text}]"  # generic tables name them X1, X2, ...
            negative = bool(sympy.sympify(m).is_negative)
            size = -m if negative else m
            term = text if size == 1 else f"{size}*{text}"
            out += (" - " if negative else " + ") + term if out else ("-" if negative else "") + term
        return out

    def to_list(self):
        """JSON-ready list of ``{label, text, multiplicity, degree}``."""
        degrees = dict(zip(self.table.irreducibles, self.table.degrees))
        return [{"label": self.table.label_json(lab), "text": self.table.irreducible_text(lab),
                 "multiplicity": int(m) if sympy.sympify(m).is_integer else str(m), "degree": degrees[lab]}
                for lab, m in self.items()]

    def _latex(self, printer):
        if not self:
            return "0"
        return " + ".join((r"%s\,\chi_{%s}" % (printer._print(m), _latex_text(self.table.irreducible_text(lab)))
                           if m != 1 else r"\chi_{%s}" % _latex_text(self.table.irreducible_text(lab)))
                          for lab, m in self.items())

    def _repr_latex_(self):
        return f"$\\displaystyle {sympy.latex(self)}$"


def _exact_value(v, i):
    if isinstance(v, (bool, np.bool_)):
        raise InputError(f"class function value {i + 1} must be a number, got {v!r}")
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, float):
        if not math.isfinite(v) or v != int(v):
            raise InputError(f"class function values must be exact; value {i + 1} is the float {v!r}")
        return int(v)
    if isinstance(v, sympy.Integer):
        return int(v)
    if isinstance(v, sympy.Expr) and v.is_number:
        return v
    raise InputError(f"class function value {i + 1} must be an exact number, got {v!r}")


def _is_symbolic(v):
    return isinstance(v, sympy.Basic) and not isinstance(v, sympy.Integer)


def _latex_text(text):
    return text.replace("|", r"\mid ").replace("_", r"\_").replace("-", r"\emptyset") if text else ""
