"""Signs of shifted exponentials and hyperbolic cosines, for :func:`~symrep.certificates.domains.sign_class`.

``exp`` is increasing with ``exp(0) = 1``, so ``exp(u) - 1`` has the sign of ``u``; ``cosh(u) - 1 >= 0`` with
equality only at ``u = 0``. Written ``n + m F(u)`` with numbers ``n = -m F(0)`` (``1 - exp(-x)``,
``3 - 3 exp(-x^2)``, ``cosh(x) - 1``), the sign is read off the sign of ``u`` and of ``m``: the transformed function
``(1 - exp(-(x^(1/2))^2))^(1/2)`` of an l2 claim is then proved defined on ``(0, oo)``. Other numbers ``n`` are
signed by the bound ``F(u) <= 1`` (``exp`` of ``u <= 0``) or ``F(u) >= 1`` (``exp`` of ``u >= 0``, and ``cosh``):
``2 - exp(-x) >= 1``, ``cosh(x) - 1/2 >= 1/2``.

>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.domains import Span, sign_class
>>> from fractions import Fraction
>>> sign_class(read("1 - exp(-x)", "t"), {"x": Span(Fraction(0), None, lo_closed=False)})
'+'
"""

from fractions import Fraction

__all__ = ["shifted_class", "log_class"]

_NEGATED = {"+": "-", "-": "+", "0+": "0-", "0-": "0+", "0": "0", "?": "?"}


def shifted_class(term, region, sign_class):
    """The sign of ``m (F(u) - F(0))`` written as ``n + m F(u)`` with numbers ``n = -m F(0)``, for ``F = exp``
    (increasing, ``exp(0) = 1``: the sign of ``e^u - 1`` is that of ``u``) and ``F = cosh`` (``cosh u - 1 >= 0``,
    ``> 0`` where ``u != 0``): ``1 - exp(-x)`` is positive on ``x > 0``, ``cosh(x) - 1`` nonnegative. None if the
    term is not of that form. ``sign_class`` reads the sign of ``u``
    (:func:`~symrep.certificates.domains.sign_class`)."""
    if len(term.args) != 2:
        return None
    numbers = [a for a in term.args if a.op == "num"]
    if len(numbers) != 1:
        return None
    n = numbers[0].value
    other = term.args[1] if term.args[0].op == "num" else term.args[0]
    m, inner = Fraction(1), other
    if other.op == "*" and len(other.args) == 2 and other.args[0].op == "num":
        m, inner = other.args[0].value, other.args[1]
    if inner.op not in ("exp", "cosh") or m == 0:
        return None
    u = sign_class(inner.args[0], region)
    if u is None:
        return None
    if n != -m:  # F(u) on one side of F(0) = 1 bounds n + m F(u) by n + m: 2 - exp(-x) >= 1 on x >= 0
        below = inner.op == "exp" and u in ("-", "0-", "0")  # F(u) <= 1
        above = u in ("+", "0+", "0") or inner.op == "cosh"  # F(u) >= 1
        if (below and m < 0 or above and m > 0) and n + m > 0:
            return "+"
        if (below and m > 0 or above and m < 0) and n + m < 0:
            return "-"
        return None
    if inner.op == "exp":
        found = u
    else:
        found = "+" if u in ("+", "-") else "0+" if u != "0" else "0"
    return found if m > 0 else _NEGATED[found]


def log_class(u, region, sign_class):
    """The sign class of ``log u`` read off ``u = c + (terms >= 0)`` with a rational ``c >= 1`` (``u >= c``): ``+``
    where ``c > 1`` or a term is positive, else ``0+`` (``0`` if every term is 0); None if ``u`` is not of that
    form (``log(sqrt(x) + 1) > 0`` on ``(0, oo)``, where ``u - 1`` as a sum of classes ``+``, ``+``, ``-`` says nothing)."""
    if u.op != "+":
        return None
    c = sum((a.value for a in u.args if a.op == "num"), Fraction(0))
    rest = [sign_class(a, region) for a in u.args if a.op != "num"]
    if c < 1 or not all(r in ("+", "0+", "0") for r in rest):
        return None
    return "+" if c > 1 or "+" in rest else "0+" if "0+" in rest else "0"
