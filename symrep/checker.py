"""The independent certificate checker.

It imports SymPy and python-flint and nothing of the prover, so a bug in the prover cannot
vouch for itself. A certificate is JSON (format ``symrep-certificate``, version 1); the
checker refuses anything outside the grammar below, recomputes every fact from scratch, and
ends by checking that what it verified is exactly the stated claim about the stated
function. Every failure raises :class:`CheckError` quoting the offending item.

The grammar, the rules of the derivation calculus and the witnesses are documented in
``docs/certificates.md``; each rule's side conditions are the ``elif`` branches of ``_node``.

Examples
--------
>>> from symrep.checker import check, CheckError
>>> check({"format": "symrep-certificate"})
Traceback (most recent call last):
...
symrep.checker.MalformedCertificate: certificate lacks 'version'
"""

import ast
import json
import math

import mpmath
import sympy
from sympy.calculus.util import continuous_domain
from flint import arb, ctx, fmpq

__all__ = ["check", "check_file", "CheckError", "MalformedCertificate", "FORMAT", "VERSION", "CLAIMS", "RANK_CLAIM"]

FORMAT, VERSION = "symrep-certificate", 1
CLAIMS = ("pd-l1", "pd-l2", "l1-to-l1", "l1-to-l2sq", "l2-to-l2", "low-rank",
          "completely-monotone", "bernstein", "polynomial")
#: The rank of f(QK^T) over all of {+-1}^d (MATH.md section 6); checked here, stated by symrep.attention_ranks.
RANK_CLAIM = "cube-rank"
_KERNEL_CLAIMS = ("pd-l1", "pd-l2", "l1-to-l1", "l1-to-l2sq", "l2-to-l2")
# verdict -> claim -> methods that can establish it
_METHODS = {
    "holds": {c: {"polynomial" if c in ("polynomial", "low-rank") else "derivation"} for c in CLAIMS},
    "fails": {c: {"not-polynomial"} if c in ("polynomial", "low-rank") else
              {"derivative-witness", "value-witness"} | ({"box-witness"} if c in _KERNEL_CLAIMS else set()) |
              ({"triangle-witness"} if c == "l1-to-l1" else set()) for c in CLAIMS},
}
_METHODS["holds"][RANK_CLAIM] = {"cube-spectrum"}
_MAX_TEXT, _MAX_NODES, _MAX_BOX_D, _MAX_ORDER = 4000, 400, 12, 40
_X, _T = sympy.Symbol("x", positive=True), sympy.Symbol("t", positive=True)
_XR = sympy.Symbol("x", real=True)
_FUNCS = {"exp": sympy.exp, "log": sympy.log, "sqrt": sympy.sqrt, "sin": sympy.sin, "cos": sympy.cos,
          "tan": sympy.tan, "sinh": sympy.sinh, "cosh": sympy.cosh, "tanh": sympy.tanh, "atan": sympy.atan,
          "asinh": sympy.asinh, "erf": sympy.erf, "erfc": sympy.erfc, "gamma": sympy.gamma, "Abs": sympy.Abs,
          "besselk": sympy.besselk, "cbrt": sympy.cbrt, "sinc": sympy.sinc, "Heaviside": sympy.Heaviside}
_ARB = {sympy.exp: "exp", sympy.log: "log", sympy.sin: "sin", sympy.cos: "cos", sympy.tan: "tan",
        sympy.sinh: "sinh", sympy.cosh: "cosh", sympy.tanh: "tanh", sympy.atan: "atan", sympy.asinh: "asinh",
        sympy.erf: "erf", sympy.erfc: "erfc", sympy.gamma: "gamma"}


class CheckError(Exception):
    """The certificate is malformed or does not prove what it states."""


class MalformedCertificate(CheckError):
    """Not a certificate at all: unreadable, not JSON (truncated, binary, too large), or
    lacking the top-level fields of the format. Well-formed certificates that prove nothing
    raise the plain :class:`CheckError`."""


# --- reading ------------------------------------------------------------------------------

def check_file(path):
    """Check the certificate stored in a JSON file (see :func:`check`)."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read(2_000_001)
    except OSError as exc:
        raise MalformedCertificate(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise MalformedCertificate(f"{path} is not UTF-8 text") from None
    if len(text) > 2_000_000:
        raise MalformedCertificate(f"{path} is larger than 2 MB")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise MalformedCertificate(f"{path} is not valid JSON (truncated?): {exc}") from None
    if isinstance(data, dict) and "certificate" in data and "verdict" in data:
        return _check_wrapped(data)
    return check(data)


def _check_wrapped(answer):
    """The JSON that ``symrep certify`` prints: its certificate must say what the answer says."""
    cert = answer["certificate"]
    if cert is None:
        raise CheckError(f"the answer is {answer.get('verdict')!r} and carries no certificate")
    result = check(cert)
    stated = (answer.get("claim"), answer.get("function"), answer.get("verdict"))
    if stated != result:
        raise CheckError(f"the answer states {stated}, its certificate proves {result}")
    return result


def check(cert):
    """Verify a certificate; return ``(claim, function text, verdict)`` or raise CheckError."""
    if not isinstance(cert, dict):
        raise MalformedCertificate(f"a certificate is a JSON object, got {type(cert).__name__}")
    for key in ("format", "version", "claim", "function", "verdict", "method", "rests_on", "data"):
        if key not in cert:
            raise MalformedCertificate(f"certificate lacks {key!r}")
    extra = set(cert) - {"format", "version", "claim", "function", "verdict", "method", "rests_on", "data",
                         "reason"}
    if extra:
        raise MalformedCertificate(f"unknown certificate fields {sorted(extra)}")
    if cert["format"] != FORMAT or cert["version"] != VERSION:
        raise MalformedCertificate(f"not a {FORMAT} version {VERSION}: format {cert['format']!r}, "
                                   f"version {cert['version']!r}")
    claim, verdict, method = cert["claim"], cert["verdict"], cert["method"]
    if not isinstance(cert["rests_on"], str) or not isinstance(cert.get("reason", ""), str):
        raise CheckError("rests_on and reason must be text")
    if not all(isinstance(v, str) for v in (claim, verdict, method)):
        raise CheckError("claim, verdict and method must be text")
    if claim not in CLAIMS + (RANK_CLAIM,):
        raise CheckError(f"unknown claim {claim!r}")
    if verdict not in _METHODS or method not in _METHODS[verdict].get(claim, ()):
        raise CheckError(f"method {method!r} cannot establish that {claim} {verdict}")
    # the cube rank evaluates f at negative inner products: parse x as real, not positive
    f = parse(cert["function"], "function", symbol=_XR if method == "cube-spectrum" else None)
    data = cert["data"]
    if not isinstance(data, dict):
        raise CheckError("data must be an object")
    try:
        verified = _VERIFIERS[method](claim, f, data)
    except CheckError:
        raise
    except RecursionError:
        raise CheckError("the certificate is nested too deeply to verify") from None
    except Exception as exc:  # anything SymPy cannot do with the data is a refusal, not a crash
        raise CheckError(f"cannot verify the {method} data: {type(exc).__name__}: {exc}") from None
    # End state: exactly the stated claim about the stated function, nothing left over.
    if verified != (claim, verdict):
        raise CheckError(f"the data proves {verified[0]} {verified[1]}, but the certificate states {claim} {verdict}")
    return claim, cert["function"], verdict


def parse(text, where, variable="x", symbol=None):
    """Parse restricted expression text in one variable, x or t (never executes it)."""
    if not isinstance(text, str) or not text.strip() or len(text) > _MAX_TEXT:
        raise CheckError(f"{where}: expected expression text of at most {_MAX_TEXT} characters, got {text!r}")
    try:
        tree = ast.parse(text.replace("^", "**"), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise CheckError(f"{where}: cannot parse {text!r}") from None
    if sum(1 for _ in ast.walk(tree)) > 600:
        raise CheckError(f"{where}: expression {text[:40]!r} is too large")
    return _build(tree.body, text, where, 0, (variable, symbol or (_X if variable == "x" else _T)))


def _build(node, text, where, depth, variable):
    if depth > 80:
        raise CheckError(f"{where}: expression {text[:40]!r} is nested too deeply")
    if isinstance(node, ast.Constant) and type(node.value) is int:
        if abs(node.value) > 10**400:
            raise CheckError(f"{where}: integer too large in {text!r}")
        return sympy.Integer(node.value)
    if isinstance(node, ast.Constant) and type(node.value) is float and math.isfinite(node.value):
        return sympy.Rational(repr(node.value))
    if isinstance(node, ast.Name):
        names = {variable[0]: variable[1], "pi": sympy.pi, "E": sympy.E}
        if node.id not in names:
            raise CheckError(f"{where}: unknown name {node.id!r} in {text!r}")
        return names[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        v = _build(node.operand, text, where, depth + 1, variable)
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)):
        a, b = (_build(side, text, where, depth + 1, variable) for side in (node.left, node.right))
        if isinstance(node.op, ast.Pow):
            if b.is_Number and abs(b) > 2000 or (a.is_Number and b.is_Number and abs(b) * 64 > 20000):
                raise CheckError(f"{where}: power too large in {text!r}")
            return a**b
        return {ast.Add: a + b, ast.Sub: a - b, ast.Mult: a * b}.get(type(node.op)) if not isinstance(
            node.op, ast.Div) else a / b
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FUNCS \
            and not node.keywords:
        return _FUNCS[node.func.id](*[_build(a, text, where, depth + 1, variable) for a in node.args])
    raise CheckError(f"{where}: {type(node).__name__} is not allowed in {text!r}")


def _number(text, where):
    value = parse(text, where)
    if value.free_symbols:
        raise CheckError(f"{where}: expected a number, got {text!r}")
    return value


def _get(data, key, kind, where):
    if key not in data:
        raise CheckError(f"{where}: missing {key!r}")
    value = data[key]
    if not {"int": type(value) is int, "list": isinstance(value, list), "str": isinstance(value, str)}[kind]:
        raise CheckError(f"{where}: {key!r} must be {'an integer' if kind == 'int' else 'a ' + kind}, got {value!r}")
    return value


# --- exact facts ------------------------------------------------------------------------

def _sign(value, where, want):
    """Prove sign(value) == want (+1 or -1), or value != 0 (want 0, returning the sign), by ball
    arithmetic at rising precision."""
    value = sympy.sympify(value)
    if value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo) or value.free_symbols:
        raise CheckError(f"{where}: {value} is not a finite closed number")
    old, prec = ctx.prec, 64
    try:
        while prec <= 8192:
            ctx.prec = prec
            try:
                ball = _arb(value)
            except CheckError:
                raise
            except Exception:
                raise CheckError(f"{where}: cannot evaluate {value} in ball arithmetic") from None
            sign = 1 if ball.is_finite() and ball > 0 else -1 if ball.is_finite() and ball < 0 else 0
            if sign and want in (0, sign):
                return sign
            if sign or value.is_Rational:
                break
            prec *= 2
    finally:
        ctx.prec = old
    raise CheckError(f"{where}: could not prove that {value} " + (f"has sign {want:+d}" if want else "is not 0"))


def _arb(e):
    if e.is_Integer:
        return arb(int(e))
    if e.is_Rational:
        return arb(fmpq(int(e.p), int(e.q)))
    if e is sympy.pi:
        return arb.pi()
    if e is sympy.E:
        return arb.const_e()
    if e.is_Add or e.is_Mul:
        out = arb(0) if e.is_Add else arb(1)
        for a in e.args:
            out = out + _arb(a) if e.is_Add else out * _arb(a)
        return out
    if e.is_Pow:
        if e.base is sympy.E:
            return _arb(e.exp).exp()
        b = _arb(e.base)
        if e.exp.is_Integer:
            return b ** int(e.exp)
        if not b > 0:
            return arb("nan")
        return b ** fmpq(int(e.exp.p), int(e.exp.q)) if e.exp.is_Rational else (b.log() * _arb(e.exp)).exp()
    if type(e) in _ARB:
        return getattr(_arb(e.args[0]), _ARB[type(e)])()
    if isinstance(e, sympy.Abs):
        return abs(_arb(e.args[0]))
    if isinstance(e, sympy.besselk):
        return _arb(e.args[1]).bessel_k(_arb(e.args[0]))
    raise CheckError(f"cannot evaluate {e} in ball arithmetic")


def _nonneg(value, where):
    value = sympy.sympify(value)
    if value == 0:
        return
    _sign(value, where, +1)


def _equal(a, b, where):
    diff = sympy.sympify(a) - sympy.sympify(b)
    if diff == 0 or sympy.expand(diff) == 0 or sympy.simplify(diff) == 0:
        return
    raise CheckError(f"{where}: {a} and {b} are not proved equal")


def _at_zero(f, where):
    value = f.subs(_X, 0)
    if value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
        raise CheckError(f"{where}: f is undefined at 0 (f(0) = {value})")
    return value


# --- the derivation calculus ------------------------------------------------------------

def _node(node, where, budget):
    budget[0] += 1
    if budget[0] > _MAX_NODES:
        raise CheckError(f"derivation has more than {_MAX_NODES} nodes")
    if not isinstance(node, dict) or set(node) - {"class", "expr", "rule", "params", "children"}:
        raise CheckError(f"{where}: malformed derivation node {str(node)[:80]}")
    cls, rule = _get(node, "class", "str", where), _get(node, "rule", "str", where)
    if cls not in ("CM", "BF"):
        raise CheckError(f"{where}: class must be CM or BF, got {cls!r}")
    expr = parse(_get(node, "expr", "str", where), where)
    params = node.get("params", {})
    kids = node.get("children", [])
    if not isinstance(params, dict) or not isinstance(kids, list):
        raise CheckError(f"{where}: params must be an object and children a list")
    p = {k: parse(v, f"{where} density", "t") if k == "density" else _number(v, f"{where} param {k}")
         for k, v in params.items()}
    here = f"{where} ({rule})"

    def child(i, want):
        if not isinstance(kids[i], dict) or kids[i].get("class") != want:
            raise CheckError(f"{here}: child {i} must be a {want} derivation")
        return _node(kids[i], f"{where}.{i}", budget)

    def need(n_children, names):
        if len(kids) != n_children or set(p) != set(names):
            raise CheckError(f"{here}: needs {n_children} children and params {sorted(names)}")

    if rule in ("cm-const", "bf-const"):
        need(0, ["c"]); _nonneg(p["c"], here); _equal(expr, p["c"], here)
    elif rule == "cm-exp":
        need(0, ["a"]); _nonneg(p["a"], here); _equal(expr, sympy.exp(-p["a"] * _X), here)
    elif rule == "cm-power":
        need(0, ["s", "b"]); _nonneg(p["s"], here); _nonneg(p["b"], here)
        _equal(expr, (_X + p["b"]) ** (-p["s"]), here)
    elif rule == "cm-log-ratio":
        need(0, ["b"]); _sign(p["b"], here, +1); _equal(expr, sympy.log(1 + p["b"] / _X), here)
    elif rule == "bf-linear":
        need(0, ["beta"]); _nonneg(p["beta"], here); _equal(expr, p["beta"] * _X, here)
    elif rule == "bf-power":
        need(0, ["s"]); _sign(p["s"], here, +1); _nonneg(1 - p["s"], here); _equal(expr, _X ** p["s"], here)
    elif rule == "cm-laplace":
        need(0, ["density"])
        if cls != "CM":
            raise CheckError(f"{here}: a Laplace transform of a density >= 0 is CM, not {cls}")
        _laplace(expr, p["density"], here)
    elif rule == "bf-log1p":
        need(0, []); _equal(expr, sympy.log(1 + _X), here)
    elif rule in ("sum", "product"):
        if len(kids) < 2 or p or (rule == "product" and cls != "CM"):
            raise CheckError(f"{here}: needs at least two children, no params" + (", class CM" if rule == "product" else ""))
        parts = [child(i, cls) for i in range(len(kids))]
        _equal(expr, sympy.Add(*parts) if rule == "sum" else sympy.Mul(*parts), here)
    elif rule == "scale":
        need(1, ["c"]); _nonneg(p["c"], here); _equal(expr, p["c"] * child(0, cls), here)
    elif rule == "rewrite":
        need(1, []); _equal(expr, child(0, cls), here)
    elif rule == "compose":
        need(2, []); outer = child(0, cls); inner = child(1, "BF")
        _equal(expr, outer.subs(_X, inner), here)
    elif rule == "exp-of-cm":
        need(1, [])
        if cls != "CM":
            raise CheckError(f"{here}: exp of a CM function is CM, not {cls}")
        _equal(expr, sympy.exp(child(0, "CM")), here)
    elif rule == "reciprocal":
        need(1, [])
        if cls != "CM":
            raise CheckError(f"{here}: 1/h of a Bernstein h is CM, not {cls}")
        h = child(0, "BF")
        _sign(h.subs(_X, 1), f"{here} h(1)", +1)  # h is not identically 0
        _equal(expr * h, 1, here)
    elif rule == "derivative":
        need(1, [])
        if cls != "BF":
            raise CheckError(f"{here}: the derivative rule proves Bernstein, not {cls}")
        _equal(sympy.diff(expr, _X), child(0, "CM"), here)
        _nonneg(sympy.limit(expr, _X, 0, "+"), f"{here} f(0+)")
    else:
        raise CheckError(f"{where}: unknown rule {rule!r}")
    return expr


def _positive_density(rho, where):
    """rho(t) >= 0 for every t > 0, read off its structure: products, sums and real powers of
    positive constants, t, exp(real) and Heaviside factors."""
    if not rho.has(_T):
        _sign(rho, where, +1)
    elif rho.is_Add or rho.is_Mul:
        for term in rho.args:
            _positive_density(term, where)
    elif rho.is_Pow and rho.exp.is_extended_real:
        _positive_density(rho.base, where)
    elif not (rho == _T or isinstance(rho, sympy.Heaviside) or (isinstance(rho, sympy.exp) and rho.args[0].is_extended_real)):
        raise CheckError(f"{where}: cannot see from its form that the density {rho} is >= 0")


def _laplace(f, rho, where):
    """Bernstein-Widder: f(x) = int_0^oo exp(-t x) rho(t) dt with rho >= 0 makes f CM."""
    _positive_density(rho, where)
    try:
        F, abscissa, cond = sympy.laplace_transform(rho, _T, _X)
    except Exception as exc:
        raise CheckError(f"{where}: cannot integrate the density {rho}: {exc}") from None
    if F.has(sympy.LaplaceTransform):
        raise CheckError(f"{where}: SymPy cannot evaluate the Laplace integral of {rho} (it may diverge)")
    if cond is not sympy.true and cond is not True or not (abscissa == -sympy.oo or abscissa == 0 or (
            abscissa.is_number and _sign(abscissa, where, 0) < 0)):
        raise CheckError(f"{where}: the Laplace integral of {rho} does not converge for all x > 0")
    _equal(F, f, where)
    # Belt and braces against an integrator bug: quadrature must agree at x = 1 and x = 2.
    density = sympy.lambdify(_T, rho, "mpmath")
    for x0 in (1, 2):
        value = mpmath.quad(lambda t: density(t) * mpmath.exp(-t * x0), [0, 1, mpmath.inf])
        if not mpmath.almosteq(value, mpmath.mpf(sympy.N(f.subs(_X, x0), 30)), rel_eps=1e-8, abs_eps=1e-12):
            raise CheckError(f"{where}: quadrature of the density disagrees with f at x = {x0}")


def _derivation(claim, f, data):
    root = data.get("derivation")
    if set(data) - {"derivation", "transformed"}:
        raise CheckError(f"derivation data has unknown fields {sorted(set(data) - {'derivation', 'transformed'})}")
    cm_claims = ("pd-l1", "completely-monotone", "pd-l2")
    cls = "CM" if claim in cm_claims else "BF"
    if not isinstance(root, dict) or root.get("class") != cls:
        raise CheckError(f"{claim} needs a {cls} derivation at the root")
    g = f
    if claim in ("pd-l2", "l2-to-l2"):
        # Schoenberg: t -> f(sqrt t) must be CM (pd-l2); t -> f(sqrt t)^2 Bernstein (l2-to-l2).
        g = parse(_get(data, "transformed", "str", "data"), "transformed")
        target = f.subs(_X, sympy.sqrt(_X)) ** (2 if claim == "l2-to-l2" else 1)
        _equal(g, target, "transformed")
        if claim == "l2-to-l2":
            _equal(f, sympy.sqrt(g.subs(_X, _X**2)), "f = sqrt(g(x^2)), so f >= 0")
    elif "transformed" in data:
        raise CheckError(f"{claim} takes no transformed function")
    proved = _node(root, "derivation", [0])
    _equal(proved, g, "derivation root")
    if cls == "CM":
        # the paper's CM on [0, inf): finite f(0) >= f(0+)
        _nonneg(_at_zero(g, "f(0)") - sympy.limit(g, _X, 0, "+"), "f(0) - f(0+)")
    else:
        _equal(_at_zero(g, "f(0)"), 0, "Bernstein in the paper's sense needs f(0) = 0")
    return claim, "holds"


# --- polynomials ---------------------------------------------------------------------------

def _polynomial(claim, f, data):
    coeffs = [_number(c, f"coefficient {j}") for j, c in enumerate(_get(data, "coefficients", "list", "data"))]
    if not coeffs or len(coeffs) > 200:
        raise CheckError("coefficients must be a list of 1 to 200 numbers")
    _equal(f, sum(c * _X**j for j, c in enumerate(coeffs)), "f equals the polynomial")
    if claim == "low-rank":
        g = len(coeffs) - 1
        if _get(data, "degree", "int", "data") != g or _get(data, "rank_bound", "str", "data") != f"binomial(d + {g}, {g})":
            raise CheckError(f"low-rank data must state degree {g} and rank_bound 'binomial(d + {g}, {g})'")
        # the monomial feature identity f(<q,k>) = <phi(q), psi(k)>, checked for d = 2
        q, k = sympy.symbols("q1 q2", real=True), sympy.symbols("k1 k2", real=True)
        phi, psi = [], []
        for j, c in enumerate(coeffs):
            for a in range(j + 1):
                m = sympy.binomial(j, a)
                phi.append(c * m * q[0] ** a * q[1] ** (j - a))
                psi.append(k[0] ** a * k[1] ** (j - a))
        _equal(f.subs(_X, q[0] * k[0] + q[1] * k[1]), sum(u * v for u, v in zip(phi, psi)), "feature identity")
    return claim, "holds"


def _not_polynomial(claim, f, data):
    if claim == "low-rank" and continuous_domain(f, _X, sympy.Interval(0, sympy.oo)) != sympy.Interval(0, sympy.oo):
        raise CheckError("the low-rank theorem needs f continuous on [0, oo), which SymPy cannot confirm")
    _non_poly_node(f, data.get("proof"), "proof", [0])
    for w in data.get("rank_witnesses", []):
        _rank_witness(f, w)
    if set(data) - {"proof", "rank_witnesses"}:
        raise CheckError(f"not-polynomial data has unknown fields {sorted(set(data) - {'proof', 'rank_witnesses'})}")
    return claim, "fails"


def _non_poly_node(g, node, where, budget):
    """Prove that g (a function of x > 0) agrees with no polynomial on (0, inf)."""
    budget[0] += 1
    if budget[0] > 20 or not isinstance(node, dict):
        raise CheckError(f"{where}: malformed non-polynomial proof")
    kind = _get(node, "kind", "str", where)
    if kind == "derivative":  # if g were a polynomial, so would be g'
        _non_poly_node(sympy.diff(g, _X), node.get("of"), f"{where}.derivative", budget)
    elif kind == "substitution":  # if g were a polynomial, so would be g(x^m)
        m = _get(node, "power", "int", where)
        if not 2 <= m <= 12:
            raise CheckError(f"{where}: substitution power must be in 2..12")
        _non_poly_node(sympy.expand_power_base(g.subs(_X, _X**m), force=False), node.get("of"), f"{where}.x^{m}", budget)
    elif kind == "limit":  # a nonconstant polynomial is unbounded at infinity
        limit = sympy.limit(g, _X, sympy.oo)
        if not (limit.is_number and limit.is_finite and limit.is_extended_real):
            raise CheckError(f"{where}: the limit of {g} at infinity is {limit}, not a finite number")
        a, b = (_number(_get(node, k, "str", where), where) for k in ("a", "b"))
        _sign(g.subs(_X, a) - g.subs(_X, b), f"{where} g(a) - g(b)", 0)  # g is not constant
    elif kind == "pole":  # a polynomial is bounded near every point
        x0 = _number(_get(node, "point", "str", where), where)
        _sign(x0, f"{where} point", +1)
        if not any(sympy.limit(g, _X, x0, side) in (sympy.oo, -sympy.oo) for side in "+-"):
            raise CheckError(f"{where}: {g} does not tend to infinity at {x0}")
    elif kind == "rational":
        num = sympy.Poly(sum(_number(c, where) * _X**j for j, c in enumerate(_get(node, "numerator", "list", where))), _X)
        den = sympy.Poly(sum(_number(c, where) * _X**j for j, c in enumerate(_get(node, "denominator", "list", where))), _X)
        if den.degree() < 1 or sympy.gcd(num, den).degree() != 0:
            raise CheckError(f"{where}: need a denominator of degree >= 1 coprime to the numerator")
        _equal(g * den.as_expr(), num.as_expr(), f"{where} g = P/Q")
    elif kind == "ode":
        coeffs = _get(node, "coefficients", "list", where)
        if not 1 <= len(coeffs) - 1 <= 6:
            raise CheckError(f"{where}: ODE order must be 1..6")
        polys = [sympy.Poly(sum(_number(c, where) * _X**j for j, c in enumerate(row)), _X) for row in coeffs]
        _equal(sum(p.as_expr() * sympy.diff(g, _X, k) for k, p in enumerate(polys)), 0, f"{where} ODE")
        shifts = [p.degree() - k for k, p in enumerate(polys) if not p.is_zero]
        top = max(shifts)
        n = sympy.Symbol("n")
        indicial = sympy.Poly(sum(p.LC() * sympy.ff(n, k) for k, p in enumerate(polys)
                                  if not p.is_zero and p.degree() - k == top), n)
        _no_natural_root(indicial, where)
        x0 = _number(_get(node, "nonzero_at", "str", where), where)
        _sign(x0, f"{where} point", +1)
        value = g.subs(_X, x0)
        _sign(value, f"{where} g(x0)", 0)
    else:
        raise CheckError(f"{where}: unknown non-polynomial proof kind {kind!r}")


def _no_natural_root(poly, where):
    """Prove that the polynomial has no root in {0, 1, 2, ...}: below Cauchy's bound, each value is nonzero."""
    if poly.is_zero:
        raise CheckError(f"{where}: the indicial polynomial is identically 0")
    coeffs = poly.all_coeffs()
    # Cauchy: every root has modulus below 1 + max |a_i / a_n|
    cauchy = 1 + max([abs(c / coeffs[0]) for c in coeffs[1:]] or [sympy.Integer(0)])
    if not cauchy.is_number or _sign(10**4 - cauchy, f"{where} root bound", 0) < 0:
        raise CheckError(f"{where}: cannot bound the roots of {poly.as_expr()} below 10^4")
    for n in range(int(sympy.floor(cauchy)) + 1):
        if poly.eval(n) == 0:
            raise CheckError(f"{where}: the indicial polynomial {poly.as_expr()} vanishes at n = {n}")
        _sign(poly.eval(n), f"{where} indicial({n})", 0)


def _rank_witness(f, w):
    where = "rank witness"
    if not isinstance(w, dict):
        raise CheckError(f"{where}: expected an object")
    sides = [_number(s, where) for s in _get(w, "sides", "list", where)]
    d = len(sides)
    if not 1 <= d <= 6 or _get(w, "rank", "int", where) != 2**d:
        raise CheckError(f"{where}: 1 <= d <= 6 and rank must be 2^d")
    for s in sides:
        _sign(s, where, +1)
    # the distance matrix itself has rank <= d + 1 (its lambda_S vanish for |S| >= 2) ...
    if sum(_eigenvalue(_X, sides, mask, "l1", False) != 0 for mask in range(1 << d)) > d + 1:
        raise CheckError(f"{where}: the distance matrix of {sides} has rank above d + 1")
    for mask in range(1 << d):  # ... and f of it has full rank 2^d
        _sign(_eigenvalue(f, sides, mask, "l1", False), f"{where} lambda_{mask}", 0)


# --- witnesses ---------------------------------------------------------------------------

def _eigenvalue(f, sides, mask, metric, square):
    d = len(sides)
    terms = []
    for T in range(1 << d):
        inside = [a for i, a in enumerate(sides) if T >> i & 1]
        dist = sympy.Add(*inside) if metric == "l1" else sympy.sqrt(sympy.Add(*[a**2 for a in inside]))
        value = f.subs(_X, dist)
        if value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
            raise CheckError(f"f is undefined at distance {dist}")
        terms.append((-1) ** bin(T & mask).count("1") * (value**2 if square else value))
    return sympy.Add(*terms)


def _box(claim, f, data):
    where = "box witness"
    if set(data) - {"sides", "subset", "metric", "transform", "kind"}:
        raise CheckError(f"{where}: unknown fields")
    sides = [_number(s, f"{where} side") for s in _get(data, "sides", "list", where)]
    d = len(sides)
    if not 1 <= d <= _MAX_BOX_D:
        raise CheckError(f"{where}: need 1 <= d <= {_MAX_BOX_D}, got {d}")
    for i, s in enumerate(sides):
        _sign(s, f"{where} side a_{i + 1}", +1)
    subset = _get(data, "subset", "list", where)
    if any(type(i) is not int or not 1 <= i <= d for i in subset) or len(set(subset)) != len(subset):
        raise CheckError(f"{where}: subset must list distinct coordinates in 1..{d}, got {subset}")
    metric, transform, kind = (_get(data, k, "str", where) for k in ("metric", "transform", "kind"))
    expected = {"pd-l1": ("l1", "identity", "not-psd"), "pd-l2": ("l2", "identity", "not-psd"),
                "l1-to-l1": ("l1", "identity", "not-negative-type"),
                "l1-to-l2sq": ("l1", "identity", "not-negative-type"),
                "l2-to-l2": ("l2", "square", "not-negative-type")}[claim]
    if (metric, transform, kind) != expected:
        raise CheckError(f"{where}: {claim} is refuted by metric/transform/kind {expected}, got {(metric, transform, kind)}")
    if kind == "not-negative-type" and not subset:
        raise CheckError(f"{where}: a negative-type witness needs a nonempty subset")
    lam = _eigenvalue(f, sides, sum(1 << (i - 1) for i in subset), metric, transform == "square")
    _sign(lam, f"{where} lambda_S", -1 if kind == "not-psd" else +1)
    return claim, "fails"


def _derivative_witness(claim, f, data):
    where = "derivative witness"
    k = _get(data, "order", "int", where)
    if not 0 <= k <= _MAX_ORDER or set(data) - {"order", "point", "of"}:
        raise CheckError(f"{where}: order in 0..{_MAX_ORDER}, fields order, point, of")
    x0 = _number(_get(data, "point", "str", where), where)
    _sign(x0, f"{where} point", +1)
    of = _get(data, "of", "str", where)
    # the function that the claim needs to be CM
    needed = {"pd-l1": "f", "completely-monotone": "f", "pd-l2": "f(sqrt(x))", "bernstein": "f'", "l1-to-l1": "f'",
              "l1-to-l2sq": "f'", "l2-to-l2": "(f(sqrt(x))^2)'"}[claim]
    if of != needed:
        raise CheckError(f"{where}: a derivative of {of!r} does not bear on {claim}")
    g = f.subs(_X, sympy.sqrt(_X)) ** (2 if claim == "l2-to-l2" else 1) if "sqrt" in of else f
    g = sympy.diff(g, _X) if of.endswith("'") else g
    value = (-1) ** k * sympy.diff(g, _X, k).subs(_X, x0)
    _sign(value, f"{where} (-1)^{k} g^({k})({x0})", -1)  # a CM function has (-1)^k g^(k) >= 0
    return claim, "fails"


def _value_witness(claim, f, data):
    where = "value witness"
    kind = _get(data, "kind", "str", where)
    if kind == "nonzero-at-0" and claim in ("bernstein", "l1-to-l1", "l1-to-l2sq", "l2-to-l2") and set(data) == {"kind"}:
        value = _at_zero(f, where)
        _sign(value, f"{where} f(0)", 0)
    elif kind == "negative" and set(data) == {"kind", "point"}:
        x0 = _number(_get(data, "point", "str", where), where)
        _nonneg(x0, f"{where} point")
        _sign(f.subs(_X, x0) if x0 != 0 else _at_zero(f, where), f"{where} f(x0)", -1)
    else:
        raise CheckError(f"{where}: kind {kind!r} with fields {sorted(data)} does not bear on {claim}")
    return claim, "fails"


def _triangle(claim, f, data):
    where = "triangle witness"
    if set(data) != {"a", "b"}:
        raise CheckError(f"{where}: fields are a and b")
    a, b = (_number(data[k], where) for k in ("a", "b"))
    _sign(a, where, +1)
    _sign(b, where, +1)
    # points 0, a, a + b on a line: an l1 metric needs f(a + b) <= f(a) + f(b)
    _sign(f.subs(_X, a + b) - f.subs(_X, a) - f.subs(_X, b), f"{where} f(a+b) - f(a) - f(b)", +1)
    return claim, "fails"


def _cube_rank(claim, f, data):
    """rank f(QK^T) over {+-1}^d: level s has lambda_s = sum_t K_s(t) f(d - 2t), multiplicity C(d, s)."""
    where = "cube rank"
    if set(data) != {"d", "rank", "levels"}:
        raise CheckError(f"{where}: fields are d, rank and levels")
    d, levels = _get(data, "d", "int", where), _get(data, "levels", "list", where)
    if not 1 <= d <= 64 or len(levels) != d + 1 or any(v not in ("zero", "nonzero") for v in levels):
        raise CheckError(f"{where}: need 1 <= d <= 64 and d + 1 levels, each 'zero' or 'nonzero'")
    values = [f.subs(_XR, d - 2 * t) for t in range(d + 1)]  # <x, y> = d - 2 (number of disagreements)
    rank = 0
    for s, status in enumerate(levels):
        lam = sum(sum((-1) ** j * math.comb(s, j) * math.comb(d - s, t - j) for j in range(min(s, t) + 1)) * values[t]
                  for t in range(d + 1))
        if status == "zero":
            _equal(lam, 0, f"{where} lambda at level {s}")
        else:
            _sign(lam, f"{where} lambda at level {s}", 0)
            rank += math.comb(d, s)
    if _get(data, "rank", "int", where) != rank:
        raise CheckError(f"{where}: the levels give rank {rank}, not {data['rank']}")
    return claim, "holds"


_VERIFIERS = {"derivation": _derivation, "polynomial": _polynomial, "not-polynomial": _not_polynomial,
              "box-witness": _box, "derivative-witness": _derivative_witness, "value-witness": _value_witness,
              "triangle-witness": _triangle, "cube-spectrum": _cube_rank}
