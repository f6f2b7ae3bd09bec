"""Parse user text into SymPy expressions without ever executing it.

SymPy's ``sympify`` and ``parse_expr`` call Python's ``eval``, so text from a
command line, a notebook widget or a certificate file must never reach them.
This module parses text with :func:`ast.parse`, walks the syntax tree against a
whitelist (numbers, the names it is given, a fixed table of functions, the
operators ``+ - * / **`` and ``^`` as a synonym for ``**``) and builds the
SymPy expression itself. Anything else is refused with a :class:`ParseError`
that quotes the offending piece.

Sizes are bounded before SymPy sees anything: the text length, the number of
syntax nodes, the nesting depth, the digits of a literal and the size of a
power of two numbers (``10**10**10`` is refused, not computed).

Decimal literals are read exactly: ``0.1`` becomes ``Rational(1, 10)``.

Examples
--------
>>> from symrep.geometry.expressions import parse_expression
>>> parse_expression("exp(-x^2) + 0.5*x")
x/2 + exp(-x**2)
>>> parse_expression("__import__('os')")
Traceback (most recent call last):
...
symrep.errors.ParseError: literal of type str is not allowed in "__import__('os')": "'os'"
"""

import ast
import io
import math
import re
from fractions import Fraction
import tokenize

import sympy

from symrep.errors import InputError, LimitError, ParseError
from symrep.geometry.reductions import heaviside, incomplete_gamma

__all__ = [
    "FUNCTIONS",
    "CONSTANTS",
    "MAX_TEXT_LENGTH",
    "MAX_NODES",
    "MAX_DEPTH",
    "MAX_POWER_BITS",
    "MAX_EXPONENT",
    "parse_expression",
    "parse_side",
    "value_at",
    "lambda_body",
    "expression_text",
]

MAX_TEXT_LENGTH = 2000
MAX_NODES = 500
MAX_DEPTH = 60
MAX_LITERAL_DIGITS = 200
#: ``|exponent| * log2|base|`` allowed when both sides of ``**`` are numbers.
MAX_POWER_BITS = 20000
#: Largest ``|exponent|`` allowed for a numeric exponent of a symbolic base.
MAX_EXPONENT = 10000

#: Function names accepted in user text, with their arity (None: one or more; a tuple: any of these).
FUNCTIONS = {
    "exp": (sympy.exp, 1),
    "log": (sympy.log, 1),
    "ln": (sympy.log, 1),
    "sqrt": (sympy.sqrt, 1),
    "cbrt": (sympy.cbrt, 1),
    "sin": (sympy.sin, 1),
    "cos": (sympy.cos, 1),
    "tan": (sympy.tan, 1),
    "sinh": (sympy.sinh, 1),
    "cosh": (sympy.cosh, 1),
    "tanh": (sympy.tanh, 1),
    "sech": (sympy.sech, 1),
    "csch": (sympy.csch, 1),
    "coth": (sympy.coth, 1),
    "atan": (sympy.atan, 1),
    "asin": (sympy.asin, 1),
    "acos": (sympy.acos, 1),
    "asinh": (sympy.asinh, 1),
    "acosh": (sympy.acosh, 1),
    "atanh": (sympy.atanh, 1),
    "erf": (sympy.erf, 1),
    "erfc": (sympy.erfc, 1),
    "gamma": (sympy.gamma, 1),
    "sinc": (sympy.sinc, 1),
    "abs": (sympy.Abs, 1),
    "Abs": (sympy.Abs, 1),
    "besselk": (sympy.besselk, 2),
    "besseli": (sympy.besseli, 2),
    "polygamma": (sympy.polygamma, 2),
    "digamma": (lambda u: sympy.polygamma(0, u), 1),
    "lowergamma": (lambda s, x: incomplete_gamma(sympy.lowergamma, s, x), 2),
    "uppergamma": (lambda s, x: incomplete_gamma(sympy.uppergamma, s, x), 2),
    "Min": (sympy.Min, None),
    "Max": (sympy.Max, None),
    "Heaviside": (heaviside, (1, 2)),
    "sign": (sympy.sign, 1),
}

#: Constant names accepted in user text.
CONSTANTS = {"pi": sympy.pi, "E": sympy.E, "EulerGamma": sympy.EulerGamma}

#: Largest order ``n`` of ``polygamma(n, u)`` (a nonnegative integer literal, DLMF 5.15).
MAX_POLYGAMMA_ORDER = 50

_BINARY = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
}


def parse_expression(text, variables=("x",), *, undefined_functions=(), new_symbol=None):
    """Parse ``text`` into a SymPy expression, whitelisting the syntax first.

    Parameters
    ----------
    text : str
        The expression, in Python-like syntax; ``^`` means power.
    variables : iterable of str or dict
        Names allowed as symbols. A dict maps names to the SymPy objects to use;
        plain names become real symbols.
    undefined_functions : iterable of str
        Names that become undefined SymPy functions (``f`` gives ``Function('f')``).
    new_symbol : callable, optional
        If given, any other identifier ``name`` becomes ``new_symbol(name)``
        instead of being refused (used for symbolic side lengths).

    Returns
    -------
    sympy.Expr

    Raises
    ------
    ParseError
        If the text is not in the grammar or exceeds a size limit.

    Examples
    --------
    >>> parse_expression("1/(1 + x)**(1/2)")
    1/sqrt(x + 1)
    >>> parse_expression("10**10**10")
    Traceback (most recent call last):
    ...
    symrep.errors.ParseError: power too large in '10**10**10': 10**10000000000 has about 33219280948 bits, limit 20000
    """
    if not isinstance(text, str):
        raise ParseError(f"expected text, got {type(text).__name__}")
    if len(text) > MAX_TEXT_LENGTH:
        raise ParseError(f"expression has {len(text)} characters, limit {MAX_TEXT_LENGTH}")
    if not text.strip():
        raise ParseError("empty expression")
    if isinstance(variables, dict):
        names = dict(variables)
    else:
        names = {v: sympy.Symbol(v, real=True) for v in variables}
    funcs = {name: sympy.Function(name) for name in undefined_functions}
    # ``^`` is power here. Replacing it before parsing (no strings can occur in the
    # grammar) gives it the precedence of ``**``; as BitXor it would bind looser
    # than ``+`` and unary minus.
    if "|" in text:
        raise ParseError(f"cannot read {_short(text)!r}: write |u| as abs(u)")
    source = _implicit_products(text.strip().replace("^", "**"), set(names) | set(CONSTANTS), text)
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        where = f" near column {exc.offset}" if exc.offset else ""
        raise ParseError(f"cannot read {_short(text)!r}{where}: {_syntax_hint(text)}") from None
    except (RecursionError, MemoryError, ValueError):
        raise ParseError(f"expression {_short(text)!r} is nested too deeply to parse") from None
    _check_size(tree, text)
    builder = _Builder(source, names, funcs, new_symbol, shown=text)
    try:
        result = builder.build(tree.body, 0)
    except InputError:
        raise
    except (ValueError, TypeError) as exc:  # SymPy cannot form it: Max of a non-real number, x**nan
        raise ParseError(f"expression {_short(text)!r} is not a real function that SymPy can form ({exc})") from None
    if result.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        raise ParseError(f"expression {text!r} is undefined (it evaluates to {result})")
    return result


#: Names that cannot be parameters of a family: the variable and names that read as special values.
RESERVED_PARAMETER_NAMES = frozenset({"x", "t", "nan", "NaN", "inf", "Inf", "infinity", "oo", "zoo", "I", "j", "e"})


_NAME_HINTS = {"e": "; for Euler's number write E, or exp(...)", "inf": "; infinity is not a value here",
               "ln": "; ln is a function: ln(x)", "t": "; t is the variable of Laplace densities in certificates"}


def _syntax_hint(text):
    """What to change in text Python's grammar cannot read, in the user's terms."""
    called = re.search(r"\b(" + "|".join(sorted(FUNCTIONS, key=len, reverse=True)) + r")\s+[\w(]", text)
    if called:
        return f"function arguments go in parentheses: write {called.group(1)}(...)"
    if re.search(r"[A-Za-z_]\w*\s+[A-Za-z_(]", text):
        return "write a product of names with * (e*x, not e x)"
    return "use + - * / and ^ (or **), and parentheses that match"


def parameter_symbol(name):
    """The real symbol a parameter name becomes (``a`` in ``exp(-x^a)``), or a :class:`ParseError`.

    >>> parameter_symbol("a").is_real, parameter_symbol("nu")
    (True, nu)
    """
    if name in RESERVED_PARAMETER_NAMES or name in FUNCTIONS:
        raise ParseError(f"{name!r} cannot name a parameter: it is the variable, a function or a special value"
                         f"{_NAME_HINTS.get(name, '')}")
    return sympy.Symbol(name, real=True)


#: Names that look like numbers or special values and so may not name a symbolic side.
RESERVED_SIDE_NAMES = frozenset({"nan", "NaN", "inf", "Inf", "infinity", "oo", "zoo", "I", "j", "x"})


def parse_side(text):
    """Parse one side length: a number, or a name that becomes a positive symbol.

    Examples
    --------
    >>> parse_side("3/2"), parse_side("a"), parse_side("a").is_positive
    (3/2, a, True)
    >>> parse_side("nan")
    Traceback (most recent call last):
    ...
    symrep.errors.ParseError: 'nan' cannot name a side length: it reads as a special value or the kernel variable
    """

    def positive_symbol(name):
        if name in RESERVED_SIDE_NAMES:
            raise ParseError(f"{name!r} cannot name a side length: it reads as a special value or the kernel variable")
        return sympy.Symbol(name, positive=True)

    return parse_expression(text, variables=(), new_symbol=positive_symbol)


def expression_text(expr):
    """Text for ``expr`` that :func:`parse_expression` reads back to the same expression.

    Examples
    --------
    >>> e = parse_expression("exp(-x**(3/2))")
    >>> expression_text(e)
    'exp(-x**(3/2))'
    >>> parse_expression(expression_text(e)) == e
    True
    """
    return sympy.sstr(expr, order="lex")


def _short(text, n=40):
    return text if len(text) <= n else text[:n] + "..."


def _check_size(tree, text):
    # Iterative walk: a recursive one could itself overflow on hostile input.
    count = 0
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise ParseError(f"expression {_short(text)!r} has more than {MAX_NODES} syntax nodes")
        if depth > MAX_DEPTH:
            raise ParseError(f"expression {_short(text)!r} is nested deeper than {MAX_DEPTH} levels")
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


class _Builder:
    def __init__(self, source, names, funcs, new_symbol, shown):
        self.source, self.text = source, shown  # messages quote what the user typed
        self.names = names
        self.funcs = funcs
        self.new_symbol = new_symbol

    def fail(self, node, what):
        piece = ast.get_source_segment(self.source, node) or type(node).__name__
        # the piece as the user typed it, if it appears there (the source may have been rewritten)
        raise ParseError(f"{what} in {self.text!r}" + (f": {piece!r}" if piece in self.text else ""))

    def build(self, node, depth):
        if isinstance(node, ast.Constant):
            return self.constant(node)
        if isinstance(node, ast.Name):
            return self.name(node)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            operand = self.build(node.operand, depth + 1)
            return -operand if isinstance(node.op, ast.USub) else operand
        if isinstance(node, ast.BinOp):
            left = self.build(node.left, depth + 1)
            right = self.build(node.right, depth + 1)
            if isinstance(node.op, ast.Pow):
                return self.power(node, left, right)
            op = _BINARY.get(type(node.op))
            if op is None:
                self.fail(node, f"operator {type(node.op).__name__} is not allowed")
            return op(left, right)
        if isinstance(node, ast.Call):
            return self.call(node, depth)
        self.fail(node, f"{type(node).__name__} is not allowed")

    def constant(self, node):
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(node, f"literal of type {type(value).__name__} is not allowed")
        if isinstance(value, int):
            if len(str(abs(value))) > MAX_LITERAL_DIGITS:
                self.fail(node, f"integer literal longer than {MAX_LITERAL_DIGITS} digits")
            return sympy.Integer(value)
        # the decimal as written, not the float Python rounded it to: 1.00000000000000001 is not 1
        literal = (ast.get_source_segment(self.source, node) or "").replace("_", "")
        mantissa, _, exponent = literal.lower().partition("e")
        if exponent and (not exponent.lstrip("+-").isdigit() or abs(int(exponent)) > 400):
            self.fail(node, "exponent beyond 400")
        try:
            exact = Fraction(literal)
        except ValueError:
            if not math.isfinite(value):
                self.fail(node, "non-finite number")
            exact = Fraction(repr(value))
        return sympy.Rational(exact.numerator, exact.denominator)

    def name(self, node):
        ident = node.id
        if ident in self.names:
            return self.names[ident]
        if ident in CONSTANTS:
            return CONSTANTS[ident]
        if ident in FUNCTIONS or ident in self.funcs:
            self.fail(node, f"function {ident} used without arguments")
        if self.new_symbol is not None and not ident.startswith("_"):
            return self.new_symbol(ident)
        allowed = ", ".join(sorted(self.names) + sorted(CONSTANTS))
        hint = _NAME_HINTS.get(ident, "")
        raise ParseError(f"unknown name {ident!r} in {self.text!r}; allowed names: {allowed}{hint}")

    def power(self, node, base, exponent):
        if exponent.is_Number and abs(exponent) > MAX_EXPONENT:
            if base.is_Number and base in (0, 1, -1):
                return base**exponent
            if base.is_Number:
                bits = _power_bits(base, exponent)
                raise ParseError(
                    f"power too large in {self.text!r}: {base}**{exponent} has about {bits} bits, "
                    f"limit {MAX_POWER_BITS}"
                )
            self.fail(node, f"exponent larger than {MAX_EXPONENT}")
        if base.is_Number and exponent.is_Number:
            bits = _power_bits(base, exponent)
            if bits > MAX_POWER_BITS:
                raise ParseError(
                    f"power too large in {self.text!r}: {base}**{exponent} has about {bits} bits, "
                    f"limit {MAX_POWER_BITS}"
                )
        return base**exponent

    def call(self, node, depth):
        if not isinstance(node.func, ast.Name):
            self.fail(node, "only calls of named functions are allowed")
        if node.keywords:
            self.fail(node, "keyword arguments are not allowed")
        ident = node.func.id
        args = [self.build(arg, depth + 1) for arg in node.args]
        if any(isinstance(a, ast.Starred) for a in node.args):
            self.fail(node, "starred arguments are not allowed")
        if ident in self.funcs:
            if len(args) != 1:
                self.fail(node, f"function {ident} takes one argument")
            return self.funcs[ident](*args)
        if ident not in FUNCTIONS:
            known = ", ".join(sorted(FUNCTIONS))
            raise ParseError(f"unknown function {ident!r} in {self.text!r}; known functions: {known}")
        func, arity = FUNCTIONS[ident]
        allowed = arity if isinstance(arity, tuple) else (arity,)
        if arity is None and not args or arity is not None and len(args) not in allowed:
            said = " or ".join(map(str, allowed)) if arity else "at least one"
            self.fail(node, f"function {ident} takes {said} argument(s), got {len(args)}")
        if ident == "polygamma" and not (args[0].is_Integer and 0 <= args[0] <= MAX_POLYGAMMA_ORDER):
            self.fail(node, f"the order n of polygamma(n, x) must be an integer from 0 to {MAX_POLYGAMMA_ORDER}")
        return func(*args)


def _implicit_products(source, variables, shown):
    """Insert the ``*`` that people leave out: ``2x``, ``sqrt(3)x``, ``(1+x)exp(-x)``, ``x(1+x)``.

    Works on the token stream (Python's own tokenizer, which reads and never runs code): a ``*``
    goes between a number or a closing parenthesis and a name or an opening parenthesis (and after
    a closing parenthesis, a number), and between a variable or a constant and an opening
    parenthesis or a name. Two numbers in a row (``1.5.2``) stay an error; an unknown name before
    a parenthesis stays a call (and is refused as an unknown function).
    """
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline)
                  if t.type not in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.INDENT,
                                    tokenize.DEDENT)]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        raise ParseError(f"cannot read {_short(shown)!r}: use + - * / and ^ (or **), "
                         f"and parentheses that match") from None
    out, previous = [], None
    for token in tokens:
        if previous is not None:
            name_or_open = token.type == tokenize.NAME or token.string == "("
            if (previous.type == tokenize.NUMBER and name_or_open
                    or previous.string == ")" and (name_or_open or token.type == tokenize.NUMBER)
                    or previous.type == tokenize.NAME and previous.string in variables and name_or_open):
                out.append("*")
            elif previous.type in (tokenize.NAME, tokenize.NUMBER) and token.type in (tokenize.NAME, tokenize.NUMBER):
                out.append(" ")  # keep them apart, so that Python refuses them
        out.append(token.string)
        previous = token
    return "".join(out)


def lambda_body(f, variable):
    """The body of a one-variable SymPy ``Lambda`` with its bound variable renamed to ``variable``.

    Any other free symbol of the body is a parameter, except one *named* like ``variable``: that
    would silently merge with the variable (``Lambda(t, exp(-x*t))`` is not ``exp(-x^2)``), so it is
    refused. Plain Python callables are refused too: they cannot be read exactly.

    Examples
    --------
    >>> t, c = sympy.symbols("t c")
    >>> lambda_body(sympy.Lambda(t, sympy.exp(-c*t)), sympy.Symbol("x"))
    exp(-c*x)
    """
    if not isinstance(f, sympy.Lambda):
        if callable(f) and not isinstance(f, sympy.Basic):
            raise InputError(f"a Python function ({getattr(f, '__name__', type(f).__name__)}) cannot be read exactly: "
                             "give text such as \"exp(-x)\", a SymPy expression or a sympy.Lambda")
        return None
    if len(f.variables) != 1:
        raise InputError(f"a Lambda for f must take one variable, got {len(f.variables)}")
    bound = f.variables[0]
    clash = sorted(str(s) for s in f.expr.free_symbols if s != bound and s.name == variable.name)
    if clash:
        raise InputError(f"the Lambda's body uses a free symbol named {variable.name} besides its variable {bound}: "
                         f"{variable.name} names the variable here, so rename that parameter")
    return f.expr.xreplace({bound: variable})


def value_at(expr, symbol, point):
    """``expr`` at ``symbol = point``, exactly, refusing a power of numbers over :data:`MAX_POWER_BITS`.

    SymPy evaluates ``Integer ** Integer`` at once and in C, where no time budget can interrupt it:
    ``x^x^x`` at ``x = 10`` would need ``10^(10^10)``. The substitution is therefore done bottom-up,
    and each power of two numbers is sized before it is computed.

    Raises
    ------
    LimitError
        Naming the power and the limit.

    Examples
    --------
    >>> x = sympy.Symbol("x")
    >>> value_at(x**2 + 1, x, 3)
    10
    >>> value_at(x**x**x, x, 10)
    Traceback (most recent call last):
    ...
    symrep.errors.LimitError: x**(x**x) at x = 10 needs 10**10000000000, about 33219280948 bits; the limit is 20000 bits
    """
    point = sympy.sympify(point)

    def walk(e):
        if e == symbol:
            return point
        if not e.args or not e.has(symbol):
            return e
        args = [walk(a) for a in e.args]
        if e.is_Pow and args[0].is_Number and args[1].is_Number and args[0] not in (0, 1, -1):
            bits = _power_bits(args[0], args[1])
            if bits > MAX_POWER_BITS:
                raise LimitError(f"{expr} at {symbol} = {point} needs {args[0]}**{args[1]}, about {bits} bits; "
                                 f"the limit is {MAX_POWER_BITS} bits")
        return e.func(*args)

    return walk(sympy.sympify(expr))


def _power_bits(base, exponent):
    num, den = sympy.fraction(sympy.Rational(base)) if base.is_Rational else (abs(base), 1)
    size = max(math.log2(abs(int(num)) or 1), math.log2(abs(int(den)) or 1), 1.0)
    return int(abs(float(exponent)) * size)
