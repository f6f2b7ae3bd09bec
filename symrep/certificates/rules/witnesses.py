"""Refutations the kernel checks: on a box, at a point, on three points of a line, by a derivative.

Every witness is checked by exact recomputation and a sign proved in ball arithmetic
(:func:`~symrep.certificates.enclosures.sign_at`); every point where ``f`` is evaluated is first proved to
lie in the claim's domain, and every value proved defined.

* **box-witness** (the seed paper, Alman et al. 2024, Lemma on reflection-invariant kernels): on the box
  with sides ``a``, the character ``chi_S`` is an eigenvector of ``[f(dist(x, y))]`` with eigenvalue
  ``lambda_S = sum_T (-1)^|S & T| f(dist(0, 1_T))``; ``c = chi_S`` gives ``c^T M c = 2^d lambda_S``, so
  ``lambda_S < 0`` refutes positive semidefiniteness and, for ``S`` nonempty (``sum_x chi_S(x) = 0``),
  ``lambda_S > 0`` refutes negative type (every l1 and every squared Euclidean metric is of negative type).
* **value-witness**: a completely monotone function is ``>= 0``; a Bernstein function and a metric in the
  paper's sense vanish at 0; the paper's CM needs ``f(0) >= f(0+)`` (``below-limit-at-0``, needing the
  limit, is not yet read by the kernel); a completely monotone function with a zero in ``(0, oo)`` is
  identically 0 (``zero``, :mod:`~symrep.certificates.rules.zeros`).
* **triangle-witness**: an l1 metric satisfies ``f(a + b) <= f(a) + f(b)`` on the points ``0, a, a + b``.
* **derivative-witness** (Bernstein's theorem, SSV Thm 1.4; Schoenberg 1938 for the transforms): a CM
  ``g`` has ``(-1)^k g^(k) >= 0`` on ``(0, oo)``; ``g`` is ``f``, ``f(sqrt x)``, ``f'`` or ``(f(sqrt x)^2)'``
  as the claim needs, proved analytic on ``(0, oo)`` so that its formal derivatives are its derivatives. Orders
  above 8 of a ``g`` that is a sum of exponential, trigonometric and power atoms times polynomials, and every
  order up to ``2^26``, are computed in closed form (:mod:`~symrep.certificates.closed_forms`: Leibniz's formula,
  DLMF 1.4.12); a stated ``form`` is proved equal to ``g``. A zero of ``(-1)^k g^(k)``:
  :mod:`~symrep.certificates.rules.derivative_zeros`.
* **log-convexity-witness**: a CM ``g`` is log-convex, ``g g'' - g'^2 >= 0`` on ``(0, oo)``: by Bernstein's
  theorem ``g(x) = int e^(-xt) mu(dt)`` (SSV Thm 1.4), and Cauchy-Schwarz in ``L^2(e^(-xt) mu(dt))`` gives
  ``g'(x)^2 = (int t e^(-xt) mu(dt))^2 <= int e^(-xt) mu(dt) int t^2 e^(-xt) mu(dt) = g(x) g''(x)`` (Widder,
  *The Laplace Transform*, 1941, ch. IV). A point where ``g g'' - g'^2 < 0`` refutes CM at every derivative
  order at once (``(1 + c x) e^(-x)``, ``c != 0``: ``g g'' - g'^2 = -c^2 e^(-2x)``).

For a family (a certificate with ``assume``) a witness **point** may be a term in the parameters (``2/c``,
``log((3 - c)/(1 - c))``): it is proved ``> 0`` (``>= 0`` for a value) on the whole region, so it lies in the
domain for every parameter value, and the witness value is proved defined on the region. A derivative or
log-convexity witness may state ``simplified``, a term in the parameters: the kernel proves it equal to the
witness value by the normal form (:mod:`~symrep.certificates.normal_form`) and proves the sign on it (strictly,
on the whole region, by :func:`~symrep.certificates.domains.prove_sign`).

Examples
--------
>>> from symrep.certificates.rules.function import Function
>>> from symrep.certificates.rules.witnesses import check_triangle
>>> check_triangle("l1-to-l1", Function("x^2", "[0, oo)"), {"a": "1", "b": "1"})
('l1-to-l1', 'fails')
"""

from ..closed_forms import MAX_CLOSED_ORDER
from ..derivatives import MAX_ORDER, derivative, nth_derivative
from ..domains import Span, analytic_on
from ..enclosures import sign_at
from ..errors import CheckError
from ..fuel import charge
from ..grammar import read
from ..terms import HALF, ZERO, add, mul, num, power, substitute
from .function import HALF_LINE, _proved_zero, _resolve, claimed_function
from .zeros import check_zero

__all__ = ["check_box", "check_value", "check_triangle", "check_derivative", "check_log_convexity", "MAX_BOX_D"]

MAX_BOX_D = 12
_SMALL_ORDER = 8  # above it, a g that reads as a sum of atoms is differentiated in closed form
_EXPECTED = {"pd-l1": ("l1", "identity", "not-psd"), "pd-l2": ("l2", "identity", "not-psd"),
             "l1-to-l1": ("l1", "identity", "not-negative-type"), "l1-to-l2sq": ("l1", "identity", "not-negative-type"),
             "l2-to-l2": ("l2", "square", "not-negative-type")}
def _field(data, key, kind, where):
    if type(data) is not dict or key not in data:
        raise CheckError(f"{where}: missing {key!r}")
    value = data[key]
    if type(value) is not kind:
        raise CheckError(f"{where}: {key!r} must be a {kind.__name__}, got {str(value)[:60]!r}")
    return value


def _number(source, where):
    return read(source, where, variables=())


def _positive_number(source, where):
    value = _number(source, where)
    sign_at(value, f"{where}: {source} must be positive", +1)
    return value


def check_box(claim, f, data):
    where = "box witness"
    if claim not in _EXPECTED:
        raise CheckError(f"{where}: a box does not bear on {claim}")
    if type(data) is not dict or set(data) != {"sides", "subset", "metric", "transform", "kind"}:
        raise CheckError(f"{where}: fields are sides, subset, metric, transform, kind")
    sides = [_positive_number(s, f"{where} side") if type(s) is str else _refuse(f"{where}: sides are text")
             for s in _field(data, "sides", list, where)]
    d = len(sides)
    if not 1 <= d <= MAX_BOX_D:
        raise CheckError(f"{where}: need 1 <= d <= {MAX_BOX_D}, got {d}")
    subset = _field(data, "subset", list, where)
    if any(type(i) is not int or not 1 <= i <= d for i in subset) or len(set(subset)) != len(subset):
        raise CheckError(f"{where}: subset must list distinct coordinates in 1..{d}, got {subset}")
    stated = tuple(_field(data, k, str, where) for k in ("metric", "transform", "kind"))
    if stated != _EXPECTED[claim]:
        raise CheckError(f"{where}: {claim} is refuted by metric/transform/kind {_EXPECTED[claim]}, got {stated}")
    metric, transform, kind = stated
    if kind == "not-negative-type" and not subset:
        raise CheckError(f"{where}: a negative-type witness needs a nonempty subset")
    mask = sum(1 << (i - 1) for i in subset)
    charge(1 << d, "summing an eigenvalue over a box")
    terms = []
    for T in range(1 << d):
        inside = [a for i, a in enumerate(sides) if T >> i & 1]
        if not inside:
            distance = ZERO
        elif metric == "l1":
            distance = add(*inside) if len(inside) > 1 else inside[0]
        else:
            squares = [power(a, num(2)) for a in inside]
            distance = power(add(*squares) if len(squares) > 1 else squares[0], HALF)
        value = f.at(distance, f"{where}: f at distance")
        if transform == "square":
            value = power(value, num(2))
        terms.append(mul(num((-1) ** bin(T & mask).count("1")), value))
    eigenvalue = add(*terms) if len(terms) > 1 else terms[0]
    f.sign(eigenvalue, -1 if kind == "not-psd" else +1, f"{where} lambda_S")
    return claim, "fails"


def check_value(claim, f, data):
    where = "value witness"
    kind = _field(data, "kind", str, where)
    if kind == "nonzero-at-0" and claim in ("bernstein", "l1-to-l1", "l1-to-l2sq", "l2-to-l2") and set(data) == {"kind"}:
        f.sign(f.at(ZERO, where), 0, f"{where} f(0)")
    elif kind == "negative" and set(data) == {"kind", "point"}:
        point = _witness_point(f, _field(data, "point", str, where), where, ">=")
        f.sign(f.at(point, where), -1, f"{where} f(x0)")
    elif kind == "below-limit-at-0" and claim in ("pd-l1", "pd-l2", "completely-monotone") and set(data) == {"kind"}:
        # the paper's CM needs f(0) >= f(0+); f(sqrt t) has the same value and limit at 0
        if f.region:
            raise CheckError(f"{where}: f(0+) of a family is not read by this witness yet")
        from .growth import right_limit

        f.sign(add(f.at(ZERO, where), mul(num(-1), right_limit(f.on_half_line()))), -1, f"{where} f(0) - f(0+)")
    elif kind == "zero":
        return check_zero(claim, f, data)
    else:
        raise CheckError(f"{where}: kind {kind!r} with fields {sorted(data)} does not bear on {claim} (or is not "
                         f"yet read by the kernel)")
    return claim, "fails"


def check_triangle(claim, f, data):
    where = "triangle witness"
    if claim != "l1-to-l1" or type(data) is not dict or set(data) != {"a", "b"}:
        raise CheckError(f"{where}: fields are a and b, and it bears on l1-to-l1 only")
    a, b = (_positive_number(_field(data, k, str, where), where) for k in ("a", "b"))
    gap = add(f.at(add(a, b), where), mul(num(-1), f.at(a, where)), mul(num(-1), f.at(b, where)))
    f.sign(gap, +1, f"{where} f(a+b) - f(a) - f(b)")
    return claim, "fails"


def needed_function(claim, f, of, where, near=None):
    """The ``g`` on ``(0, oo)`` that the claim needs completely monotone, named as the certificate names it.

    Its formal derivatives are read where ``g`` is proved analytic on ``(0, oo)``, or, given ``near`` (a
    rational witness point x0), on the open interval (x0/2, 3 x0/2) alone: a CM function is smooth, and
    where it equals an expression analytic near x0 its derivatives at x0 are the expression's."""
    g = claimed_function(claim, f, of, where)
    if not analytic_on(g, "x", {**HALF_LINE, **f.region}):
        g = _near(g, f, near)
        if g is None:
            raise CheckError(f"{where}: {of} is not proved analytic on (0, oo), so its formal derivatives may lie")
    return derivative(g, "x") if of.endswith("'") else g


def _near(g, f, point):
    """``g`` on (x0/2, 3 x0/2), its kinks and jumps resolved by signs proved there for every parameter value of the
    region (:func:`~.function._resolve`), if the result is proved analytic there; else None."""
    if point is None or point.op != "num" or point.args[0] <= 0:
        return None
    x0 = point.args[0]
    region = {**f.region, "x": Span(x0 / 2, 3 * x0 / 2, False, False)}
    g = _resolve(g, region)
    return g if analytic_on(g, "x", region) else None


def check_derivative(claim, f, data):
    where = "derivative witness"
    if type(data) is dict and data.get("kind") == "zero":  # a zero of (-1)^k g^(k): rules/derivative_zeros
        from .derivative_zeros import check_derivative_zero

        return check_derivative_zero(claim, f, data)
    if type(data) is not dict or not {"order", "point", "of"} <= set(data) <= {"order", "point", "of", "simplified",
                                                                              "form"}:
        raise CheckError(f"{where}: fields are order, point, of (and simplified, or form)")
    k = _field(data, "order", int, where)
    closed = k > MAX_ORDER or "form" in data  # Leibniz's formula and the atoms' k-th derivatives (closed_forms)
    if not 0 <= k <= (MAX_CLOSED_ORDER if closed else MAX_ORDER):
        raise CheckError(f"{where}: order in 0..{MAX_ORDER}, or up to {MAX_CLOSED_ORDER} in closed form")
    point = _witness_point(f, _field(data, "point", str, where), f"{where}: the point", ">")
    g = needed_function(claim, f, _field(data, "of", str, where), where, near=point)
    closed = closed or (k > _SMALL_ORDER and not f.region and _reads_closed(g))  # repeated rules grow fast
    if closed:
        value = mul(num((-1) ** k), _closed_derivative(f, g, k, point, data, where))
    else:
        value = substitute(mul(num((-1) ** k), nth_derivative(g, "x", k)), {"x": point})
    _negative(f, value, data, f"{where} (-1)^{k} g^({k})(x0)")  # a CM function has (-1)^k g^(k) >= 0
    return claim, "fails"


def _reads_closed(g):
    from ..closed_forms import summands

    try:
        summands(g)
        return True
    except CheckError:
        return False


def _closed_derivative(f, g, k, point, data, where):
    """``g^(k)(point)`` by :func:`~symrep.certificates.closed_forms.kth_derivative_at`, read off ``g`` itself or
    off the stated ``form``, which must be proved analytic on ``(0, oo)`` and equal to ``g`` there (normal form)."""
    from ..closed_forms import kth_derivative_at
    from ..normal_form import Domain, proved_equal

    if f.region or "simplified" in data:
        raise CheckError(f"{where}: a closed-form derivative is read for functions without parameters, unsimplified")
    if "form" in data:
        form = read(_field(data, "form", str, where), f"{where} form")
        if not analytic_on(form, "x", HALF_LINE):
            raise CheckError(f"{where}: the form is not proved analytic on (0, oo)")
        if not proved_equal(form, g, Domain(positive=["x"])):
            raise CheckError(f"{where}: the form is not proved equal to the function on (0, oo)")
        g = form
    return kth_derivative_at(g, k, point)


def check_log_convexity(claim, f, data):
    where = "log-convexity witness"
    if type(data) is not dict or not {"point", "of"} <= set(data) <= {"point", "of", "simplified"}:
        raise CheckError(f"{where}: fields are point, of (and simplified)")
    point = _witness_point(f, _field(data, "point", str, where), f"{where}: the point", ">")
    g = needed_function(claim, f, _field(data, "of", str, where), where, near=point)
    g1 = derivative(g, "x")
    g2 = derivative(g1, "x")
    gap = add(mul(g, g2), mul(num(-1), power(g1, num(2))))
    _negative(f, substitute(gap, {"x": point}), data, f"{where} g g'' - g'^2 at x0")  # >= 0 for a CM g
    return claim, "fails"


def _witness_point(f, source, where, relation):
    """The witness point: a number, or for a family a term in its parameters, proved in ``(0, oo)``
    (``relation`` ``>``) or ``[0, oo)`` (``>=``) for every parameter value of the region."""
    if not f.region:
        if relation == ">":
            return _positive_number(source, where)
        value = _number(source, where)  # in [0, oo): 0 itself, proved 0 (then f(0) is its extension), or positive
        if not (value == ZERO or _proved_zero(value)):
            sign_at(value, f"{where}: {source} must lie in [0, oo)", +1)
        return value
    from ..domains import prove_sign

    point = read(source, where, variables=(), parameters=tuple(f.region))
    if point.op == "num" and point.value == 0 and relation == ">=":
        return point
    prove_sign(point, f.region, relation, f"{where}: {source} must lie in the domain for every parameter value")
    return point


def _negative(f, value, data, where):
    """Prove ``value < 0`` (on the whole region for a family), directly or through the stated ``simplified``
    term, proved equal to it by the normal form where the value is proved defined."""
    if "simplified" not in data:
        return f.sign(value, -1, where)
    if not f.region:
        raise CheckError(f"{where}: 'simplified' is read for families only (a number's sign is proved directly)")
    from ..domains import sign_class
    from ..normal_form import Domain, proved_equal
    from .function import _finite_on

    simplified = read(_field(data, "simplified", str, where), f"{where} simplified", variables=(),
                      parameters=tuple(f.region))
    if sign_class(value, f.region) is None and not _finite_on(value, f.region):
        raise CheckError(f"{where}: the witness value is not proved defined for every parameter value of the region")
    positive = [n for n, s in f.region.items() if s.lo is not None and (s.lo > 0 or (s.lo == 0 and not s.lo_closed))]
    if not proved_equal(value, simplified, Domain(positive=positive)):
        raise CheckError(f"{where}: the value is not proved equal to the stated simplified form")
    return f.sign(simplified, -1, f"{where} (simplified)")


def _refuse(message):
    raise CheckError(message)

