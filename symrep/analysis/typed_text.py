"""The function as typed against the function SymPy reads: they must have the same domain.

SymPy evaluates as it builds an expression, and some of its rules change where a function is defined:
``exp(log(x))`` becomes ``x``, ``sqrt(x)**2`` becomes ``x`` and ``x*sin(x)/sin(x)`` becomes ``x``. A verdict about
SymPy's reading would then be a verdict about another function than the one typed (``polynomial`` holds for
``x``, fails for ``exp(log(x))``, which is undefined at ``-1``). :func:`refuse_a_changed_domain` reads the typed
text a second time without SymPy's evaluation, lets the kernel (:mod:`symrep.certificates`) read both, and refuses
the text in one line when the typed function is proved undefined at a sample point of the claim's domain where
SymPy's reading is proved defined. At 0 both are read by their limit, so 0 is not a sample point.

Examples
--------
>>> from symrep.analysis.typed_text import refuse_a_changed_domain
>>> refuse_a_changed_domain("exp(-x)*exp(x)", "polynomial")   # 1, and defined everywhere as typed: nothing to say
>>> refuse_a_changed_domain("exp(log(x))", "polynomial")
Traceback (most recent call last):
...
symrep.errors.InputError: SymPy reads 'exp(log(x))' as x, which is defined at x = -2 where the text as typed is not (SymPy simplified it on reading); type the function you mean
"""

import sympy

from symrep.errors import InputError

__all__ = ["refuse_a_changed_domain", "changed_domain_point"]

#: Sample points of the real line (0 left out: there f is read by its limit) and of (0, oo).
LINE_POINTS = ("-2", "-1", "-1/3", "1/3", "1", "2", "7/2", "pi/2", "pi")
HALF_LINE_POINTS = ("1/3", "1", "2", "7/2", "pi/2", "pi")


def refuse_a_changed_domain(text, claim):
    """Raise :class:`~symrep.errors.InputError` if SymPy's evaluation of ``text`` is defined at a sample point of the
    claim's domain where the text as typed is proved undefined; return None otherwise (also when either reading is
    out of the kernel's grammar: the check is then silent, never a refusal)."""
    from symrep.geometry.expressions import expression_text, parse_expression

    if not isinstance(text, str):
        return None
    try:
        evaluated = parse_expression(text, ("x",))
        with sympy.evaluate(False):
            typed = parse_expression(text, ("x",))
        typed_text, evaluated_text = expression_text(typed), expression_text(evaluated)
    except Exception:  # the unevaluated build is out of the parser's way: no verdict on the text is changed
        return None
    if typed_text == evaluated_text or evaluated.free_symbols - typed.free_symbols:
        return None
    where = changed_domain_point(typed_text, evaluated_text, claim)
    if where is not None:
        raise InputError(f"SymPy reads {text!r} as {evaluated_text}, which is defined at x = {where} where the text as "
                         f"typed is not (SymPy simplified it on reading); type the function you mean")
    return None


def changed_domain_point(typed_text, evaluated_text, claim):
    """A sample point (text) of the claim's domain where the kernel proves ``typed_text`` undefined and
    ``evaluated_text`` defined, or None (also when either is out of the kernel's grammar)."""
    from symrep.certificates import DOMAINS
    from symrep.certificates.errors import CheckError
    from symrep.certificates.fuel import tank
    from symrep.certificates.grammar import read
    from symrep.certificates.rules.function import defined_at, proved_undefined
    from symrep.certificates.terms import substitute

    if typed_text == evaluated_text:
        return None
    points = LINE_POINTS if DOMAINS.get(claim) == "R" else HALF_LINE_POINTS
    where = None
    try:
        with tank():
            as_typed, as_read = read(typed_text, "typed"), read(evaluated_text, "read")
            for source in points:
                point = read(source, "point", variables=())
                if not proved_undefined(substitute(as_typed, {"x": point})):
                    continue
                try:
                    defined_at(substitute(as_read, {"x": point}), "read")
                except CheckError:
                    continue
                where = source
                break
    except (CheckError, ArithmeticError, ValueError, TypeError, RecursionError):
        return None
    return where
