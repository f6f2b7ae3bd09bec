"""The kernel's term language: a strict grammar, immutable terms, no simplification at all.

A certificate's expressions are text in this grammar. :func:`read` parses the text with Python's
``ast`` module (nothing is evaluated), whitelists every node, and builds a :class:`Term` that is
exactly what was written: ``x*sin(x)/sin(x)`` stays a product with a quotient, ``(x - 1)/(x - 1)``
is not 1, and ``sin(1)^2 + cos(1)^2 - 1`` is not 0 until the normal form
(:mod:`~symrep.certificates.normal_form`) proves it. The only rewriting is notation: ``a - b`` is
read as ``a + (-b)``, ``a / b`` as ``a * b^(-1)``, ``-a`` as ``(-1)*a`` (or with the sign moved into
a leading literal: ``-(2*x)`` is ``(-2)*x``), ``sqrt(u)`` as ``u^(1/2)`` and ``cbrt(u)`` as ``u^(1/3)``,
a quotient of two integer literals as the rational it denotes, and a decimal literal likewise.

Grammar::

    term     := number | name | term op term | -term | function "(" term {"," term} ")"
    op       := + | - | * | / | ^ | **
    number   := digits | digits "." digits [e exponent]   (read exactly; |exponent| <= 400)
    name     := x | t | a parameter | pi | E | EulerGamma | Catalan
    function := exp log sqrt cbrt sin cos tan sinh cosh tanh sech csch coth asin acos atan
                asinh acosh atanh erf erfc gamma polygamma besselk besseli Abs Max Min Heaviside sign
                sinc

Values are real, and a term is a partial function: ``log u`` needs ``u > 0``, ``u^(p/q)`` with
``q > 1`` needs ``u >= 0`` (``u > 0`` if ``p < 0``), a power with an exponent that is not a rational
number needs ``u > 0``, ``u^n`` with ``n < 0`` needs ``u != 0``; ``0^0 = 1``, ``Heaviside(0) = 1/2``,
``sign(0) = 0``, ``sinc(0) = 1``. These conventions are the prover's too: it prints with
:func:`text`, and the meaning of a printed term is this module's.

This module imports the standard library only.

Examples
--------
>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.terms import text
>>> f = read("x*sin(x)/sin(x)", "f", variables=("x",))
>>> f.op, [a.op for a in f.args]           # written: (x*sin(x)) * sin(x)^(-1), nothing cancelled
('*', ['*', '^'])
>>> text(f)
'x*sin(x)/sin(x)'
>>> read("exp(-x) - 1.5", "f", variables=("x",))
Term('+', (Term('exp', (Term('*', (Term('num', (Fraction(-1, 1),)), Term('var', ('x',)))),)), Term('num', (Fraction(-3, 2),))))
>>> read("__import__('os')", "f", variables=("x",))
Traceback (most recent call last):
...
symrep.certificates.errors.CheckError: f: '__import__' is not a function of the grammar in "__import__('os')"
"""

from fractions import Fraction

__all__ = ["Term", "text", "negative", "num", "var", "const", "add", "mul", "power", "apply", "FUNCTIONS", "CONSTANTS",
           "ZERO", "ONE", "HALF", "MAX_TEXT", "MAX_NODES", "MAX_DEPTH", "MAX_EXPONENT", "size", "free_names", "factors",
           "substitute", "walk"]

#: Limits on what is read: characters, syntax nodes, nesting depth, size of an integer exponent.
MAX_TEXT, MAX_NODES, MAX_DEPTH, MAX_EXPONENT = 20000, 4000, 100, 2000

#: function name -> number of arguments
FUNCTIONS = {name: 1 for name in (
    "exp", "log", "sin", "cos", "tan", "sinh", "cosh", "tanh", "sech", "csch", "coth", "asin", "acos", "atan",
    "asinh", "acosh", "atanh", "erf", "erfc", "gamma", "Abs", "Heaviside", "sign", "sinc")}
FUNCTIONS.update({"polygamma": 2, "besselk": 2, "besseli": 2, "Max": 2, "Min": 2})
#: The named constants: each has a ball in :mod:`~symrep.certificates.enclosures`.
CONSTANTS = ("pi", "E", "EulerGamma", "Catalan")


class Term:
    """An immutable term: ``op`` is ``num`` (one Fraction), ``var`` or ``const`` (one name), ``+`` or
    ``*`` (two or more terms), ``^`` (base, exponent) or a function's name (its arguments).

    Equal terms are equal as written, not as functions: ``x + 1`` and ``1 + x`` are different terms.
    """

    __slots__ = ("op", "args", "_hash")

    def __init__(self, op, args):
        object.__setattr__(self, "op", op)
        object.__setattr__(self, "args", tuple(args))
        object.__setattr__(self, "_hash", hash((op, self.args)))

    def __setattr__(self, name, value):
        raise AttributeError("terms are immutable")

    def __hash__(self):
        return self._hash

    def __eq__(self, other):
        return self is other or (isinstance(other, Term) and self._hash == other._hash and self.op == other.op
                                 and self.args == other.args)

    def __repr__(self):
        return f"Term({self.op!r}, {self.args!r})"

    def __str__(self):
        return text(self)

    @property
    def is_number(self):
        """True for a rational literal."""
        return self.op == "num"

    @property
    def value(self):
        """The Fraction of a ``num`` term."""
        if self.op != "num":
            raise ValueError(f"{text(self)} is not a rational literal")
        return self.args[0]


def num(value):
    """The literal for a rational (int or Fraction)."""
    return Term("num", (Fraction(value),))


def var(name):
    return Term("var", (name,))


def const(name):
    if name not in CONSTANTS:
        raise ValueError(f"unknown constant {name!r}")
    return Term("const", (name,))


def add(*terms):
    """The sum as written (one term stays itself)."""
    return terms[0] if len(terms) == 1 else Term("+", terms)


def mul(*terms):
    """The product as written (one term stays itself)."""
    return terms[0] if len(terms) == 1 else Term("*", terms)


def power(base, exponent):
    return Term("^", (base, exponent if isinstance(exponent, Term) else num(exponent)))


def negative(term):
    """``-term`` as the reader writes it: a literal's sign flips, a product's leading literal takes the
    sign, anything else is ``(-1)*term``."""
    if term.op == "num":
        return num(-term.value)
    if term.op == "*" and term.args[0].op == "num":
        return Term("*", (num(-term.args[0].value),) + term.args[1:])
    return mul(num(-1), term)


def apply(name, *args):
    if name not in FUNCTIONS or FUNCTIONS[name] != len(args):
        raise ValueError(f"{name} is not a function of the grammar with {len(args)} argument(s)")
    return Term(name, args)


ZERO, ONE, HALF = num(0), num(1), num(Fraction(1, 2))


# --- printing (the one printer: the prover emits with it, messages quote with it) -----------------

def text(term):
    """The term as text in the grammar; :func:`~symrep.certificates.grammar.read` of it gives the same term back
    (for the binary sums and products that it builds; a longer sum prints as a chain).

    Examples
    --------
    >>> from symrep.certificates.grammar import read
    >>> text(read("(x + 1)^(-1/2)*exp(-2*x)", "f"))
    '(x + 1)^(-1/2)*exp(-2*x)'
    """
    return _text(term)


def _text(term):
    op = term.op
    if op == "num":
        value = term.value
        return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    if op in ("var", "const"):
        return term.args[0]
    if op == "+":
        out = _text(term.args[0]) if term.args[0].op != "+" or len(term.args[0].args) == 2 else f"({_text(term.args[0])})"
        for part in term.args[1:]:
            flipped = _unnegated(part)
            if flipped is not None:
                out += " - " + _operand(flipped, "+right")
            else:
                out += " + " + _operand(part, "+right")
        return out
    if op == "*":
        first = term.args[0]
        if first.op == "num" and first.value == -1 and len(term.args) == 2 and _unnegated(term) is not None \
                and _unnegated(term) == term.args[1]:
            return "-" + _operand(term.args[1], "unary")
        out = _text(first) if first.op == "num" else _operand(first, "*left")
        for part in term.args[1:]:
            if part.op == "^" and part.args[1] == num(-1) and not (first.op == "num" and part is term.args[1]
                                                                   and part.args[0].op == "num"):
                out += "/" + _operand(part.args[0], "*right")  # a*b^(-1) reads back from a/b
            else:
                out += "*" + _operand(part, "*right")
        return out
    if op == "^":
        base, exponent = term.args
        return _operand(base, "base") + "^" + _operand(exponent, "exponent")
    return f"{op}({', '.join(_text(a) for a in term.args)})"


def _atomic(term):
    """Printed without parentheses in every position: names, calls, nonnegative integer literals."""
    return term.op in ("var", "const") or term.op in FUNCTIONS or (
        term.op == "num" and term.value >= 0 and term.value.denominator == 1)


def _operand(term, position):
    """The term's text as an operand, in parentheses where Python's grammar would read it otherwise."""
    printed = _text(term)
    if _atomic(term):
        return printed
    op = term.op
    bare = {"+right": op in ("*", "^", "num"),
            "*left": op == "^" or (op == "*" and not printed.startswith("-")),
            "*right": op == "^",
            "unary": op == "^",
            "base": False,
            "exponent": False}[position]
    if position == "+right" and op == "num":
        bare = term.value >= 0
    if position == "+right" and op == "*" and printed.startswith("-"):
        bare = False
    return printed if bare else f"({printed})"


def _unnegated(term):
    """The term ``u`` with ``negative(u) == term`` when the term prints as a subtraction, else None."""
    if term.op == "num" and term.value < 0:
        return num(-term.value)
    if term.op == "*" and term.args[0].op == "num" and term.args[0].value < 0:
        if term.args[0].value == -1 and len(term.args) == 2:
            rest = term.args[1]
            if negative(rest) == term:
                return rest
            return None
        flipped = Term("*", (num(-term.args[0].value),) + term.args[1:])
        return flipped if negative(flipped) == term else None
    return None


# --- structure -----------------------------------------------------------------------------------

def walk(term):
    """Every subterm, the term first (depth first)."""
    stack = [term]
    while stack:
        node = stack.pop()
        yield node
        if node.op not in ("num", "var", "const"):
            stack.extend(reversed(node.args))


def factors(term):
    """The factors of a product, nested products flattened (a term that is no product is its own factor)."""
    if term.op != "*":
        return [term]
    out = []
    for a in term.args:
        out.extend(factors(a))
    return out


def size(term):
    """The number of subterms."""
    return sum(1 for _ in walk(term))


def free_names(term):
    """The variable and parameter names in the term."""
    return {node.args[0] for node in walk(term) if node.op == "var"}


def substitute(term, values):
    """The term with each variable named in ``values`` replaced by the given term (no simplification)."""
    if term.op == "var":
        return values.get(term.args[0], term)
    if term.op in ("num", "const"):
        return term
    return Term(term.op, tuple(substitute(a, values) for a in term.args))
