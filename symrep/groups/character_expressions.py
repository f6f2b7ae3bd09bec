"""Class functions written as expressions in the irreducible characters, decomposed as GAP's
``Decomposition`` does: tensor products, symmetric and exterior powers.

The grammar (whitelisted node by node; nothing is executed): ``chi1 .. chiN`` (the irreducibles in
the order ``symrep table`` prints them; ``X1 .. XN`` too, as generic tables name them), a list of
integer values, one per class (``[6, 0, -2, 0, 0, 1, 0]``), integers, ``+ - *`` (``*`` of two characters is the tensor
product), ``**`` with a nonnegative integer (tensor power), ``sym(k, chi)`` and ``alt(k, chi)`` (the
k-th symmetric and exterior powers, from the Adams operations ``psi^j(chi)(g) = chi(g^j)`` by
Newton's identities; they need the table's power maps for every prime up to k).

Examples
--------
>>> from symrep.groups.tables import hyperoctahedral_table
>>> from symrep.groups.character_expressions import character_from_text
>>> table = hyperoctahedral_table(3)
>>> natural = character_from_text(table, "chi4")     # ([2], [1]): B_3 acting on R^3
>>> natural.degree, str(character_from_text(table, "sym(2, chi4)").decompose())   # 1 + 2 + 3
(3, 'X[[3|-]] + X[[2,1|-]] + X[[1|2]]')
>>> str(character_from_text(table, "alt(3, chi4)").decompose())              # the determinant
'X[[-|1,1,1]]'
>>> character_from_text(table, "chi4*chi4 - sym(2, chi4) - alt(2, chi4)").values == [0] * len(table)
True
"""

import ast

import sympy

from symrep.errors import InputError

__all__ = ["character_from_text", "adams", "symmetric_power", "exterior_power", "MAX_POWER"]

#: Highest symmetric or exterior power and tensor power accepted.
MAX_POWER = 12


def adams(chi, j):
    """``psi^j(chi)(g) = chi(g^j)``, from the table's power maps (composed over the prime factors of j)."""
    table = chi.table
    positions = list(range(len(table)))
    for p, e in sympy.factorint(j).items():
        if p not in table.power_maps:
            raise InputError(f"{table.name} has no {p}-th power map, so symmetric and exterior powers of "
                             f"degree {j} are not available")
        for _ in range(e):
            positions = [table.power_maps[p][k] for k in positions]
    return table.class_function([chi.values[k] for k in positions])


def _newton(chi, k, sign):
    table = chi.table
    powers = [table.class_function([1] * len(table))]
    for n in range(1, k + 1):
        total = table.class_function([0] * len(table))
        for j in range(1, n + 1):
            total = total + adams(chi, j) * powers[n - j] * (sign ** (j - 1))
        powers.append(table.class_function([sympy.Rational(1, n) * v for v in total.values]))
    return powers[k]


def symmetric_power(chi, k):
    """The k-th symmetric power of ``chi``."""
    return _newton(chi, k, 1)


def exterior_power(chi, k):
    """The k-th exterior power of ``chi``."""
    return _newton(chi, k, -1)


def character_from_text(table, text):
    """The class function ``text`` denotes over ``table``'s irreducibles (see the module docstring)."""
    if not isinstance(text, str) or not text.strip() or len(text) > 1000:
        raise InputError("a character expression is text of 1 to 1000 characters, e.g. \"sym(2, chi3)\"")
    try:
        tree = ast.parse(text.replace("^", "**"), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise InputError(f"cannot read the character expression {text!r}: use chi1 .. chi{len(table)}, integers, "
                         f"+ - * ** and sym(k, .), alt(k, .)") from None
    return _build(tree.body, table, text, 0)


def _count(node, text):
    if isinstance(node, ast.Constant) and type(node.value) is int and 0 <= node.value <= MAX_POWER:
        return node.value
    raise InputError(f"in {text!r}: a power or degree must be an integer from 0 to {MAX_POWER}")


def _integer(node, text):
    negative = isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)
    inner = node.operand if negative else node
    if isinstance(inner, ast.Constant) and type(inner.value) is int and abs(inner.value) < 10**12:
        return -inner.value if negative else inner.value
    raise InputError(f"in {text!r}: the values of a class function are integers")


def _build(node, table, text, depth):
    if depth > 50:
        raise InputError(f"the character expression {text!r} is nested too deeply")
    characters = table.characters()
    if isinstance(node, ast.Name):
        name = node.id
        digits = name[3:] if name.startswith("chi") else name[1:] if name.startswith("X") else ""
        if digits.isdigit() and 1 <= int(digits) <= len(characters):  # X3: the name generic tables print
            return characters[int(digits) - 1]
        raise InputError(f"unknown name {name!r} in {text!r}: the irreducibles are chi1 .. chi{len(characters)} "
                         f"(or X1 .. X{len(characters)})")
    if isinstance(node, ast.List):  # the values themselves, one per class in the table's order
        if len(node.elts) != len(table):
            raise InputError(f"in {text!r}: a class function given by its values needs {len(table)} of them, one "
                             f"per class of {table.name} in the order symrep table prints them; got {len(node.elts)}")
        return table.class_function([_integer(element, text) for element in node.elts])
    if isinstance(node, ast.Constant) and type(node.value) is int and abs(node.value) < 10**6:
        return table.class_function([node.value] * len(table))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_build(node.operand, table, text, depth + 1)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult)):
        left, right = (_build(side, table, text, depth + 1) for side in (node.left, node.right))
        return left + right if isinstance(node.op, ast.Add) else left - right if isinstance(node.op, ast.Sub) \
            else left * right
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        return _build(node.left, table, text, depth + 1) ** _count(node.right, text)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("sym", "alt")
            and len(node.args) == 2 and not node.keywords):
        k, chi = _count(node.args[0], text), _build(node.args[1], table, text, depth + 1)
        return symmetric_power(chi, k) if node.func.id == "sym" else exterior_power(chi, k)
    raise InputError(f"cannot read {ast.get_source_segment(text.replace('^', '**'), node) or text!r} in {text!r}: "
                     f"use chi1 .. chi{len(characters)}, integers, + - * ** and sym(k, .), alt(k, .)")
