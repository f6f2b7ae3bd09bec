"""The decisive facts of a certificate, as short lines of text for people.

A ``fails`` verdict shows its number: the eigenvalue ``lambda_S`` of a box witness as a formula and
as a ball enclosure, the negative value, the triangle gap or the derivative; a ``holds`` verdict
shows its derivation as an indented tree. Everything is recomputed from the certificate (which the
checker has accepted), so the lines say exactly what was proved.

Examples
--------
>>> from symrep.analysis import certify
>>> from symrep.analysis.evidence_report import evidence
>>> print("\\n".join(evidence(certify("exp(-x^2)", "pd-l1").certificate)))  # doctest: +ELLIPSIS
lambda_S for S = {1, 2} on the box with sides 1/2, 1/2 (l1):
  lambda_S = -2*exp(-1/4) + exp(-1) + 1 in [-0.189..., -0.189...]
"""

import sympy

from symrep.analysis.balls import enclose
from symrep.certificates import DOMAINS, CheckError, parse
from symrep.certificates.claims import MAY_BE_UNDEFINED_AT_0
from symrep.certificates.function import Function
from symrep.certificates.regions import certificate_region, region_scope
from symrep.certificates.reading import XR
from symrep.certificates.witnesses import derivative_value, eigenvalue

__all__ = ["evidence", "enclosure_text"]


def enclosure_text(value, digits=6):
    """``[lo, hi]`` of a ball enclosing the exact number, with a few significant digits."""
    for precision in (64, 256, 1024):
        try:
            ball = enclose(value, precision)
        except Exception:
            return "(no enclosure)"
        if ball.is_finite() and ball.rad() < abs(ball.mid()) * 1e-6 + 1e-30:
            break
    lo, hi = ball.mid() - ball.rad(), ball.mid() + ball.rad()
    return f"[{float(lo):.{digits}g}, {float(hi):.{digits}g}]"


def evidence(cert):
    """Lines of text with the decisive facts of a checked certificate."""
    with region_scope(certificate_region(dict(cert), cert["claim"])):  # parameters read as the checker reads them
        return _evidence(cert)


def _evidence(cert):
    method, data, claim = cert["method"], cert["data"], cert["claim"]
    try:
        fn = Function(parse(cert["function"], "function", symbol=XR), DOMAINS[claim], cert.get("extension"),
                      undefined_at_0_allowed=claim in MAY_BE_UNDEFINED_AT_0)
        at0 = fn.at0
    except CheckError:  # a limit at 0 that only the kernel's Taylor models prove (atan(sqrt(x))/sqrt(x))
        if method != "derivation" or "extension" not in cert:
            return ["(the evidence is the certificate's data, checked by the kernel)"]
        fn, at0 = None, cert["extension"]["value"]
    lines = []
    if "extension" in cert:
        lines.append(f"f(0) = {at0}: the limit of f at 0 (f is undefined there as written)")
    if method == "derivation":
        lines += _tree(data["derivation"], 0)
    elif method == "box-witness":
        sides = [parse(s, "side") for s in data["sides"]]
        mask = sum(1 << (i - 1) for i in data["subset"])
        lam = eigenvalue(fn, sides, mask, data["metric"], data["transform"] == "square")
        subset = "{" + ", ".join(map(str, data["subset"])) + "}"
        lines += [f"lambda_S for S = {subset} on the box with sides {', '.join(map(str, sides))} ({data['metric']}"
                  f"{', f squared' if data['transform'] == 'square' else ''}):",
                  f"  lambda_S = {sympy.sstr(lam)} in {enclosure_text(lam)}"]
    elif method == "value-witness":
        if data["kind"] == "negative":
            x0 = parse(data["point"], "point")
            value = fn.at(x0, "point")
            lines.append(f"f({x0}) = {sympy.sstr(value)} in {enclosure_text(value)}")
        elif data["kind"] == "nonzero-at-0":
            lines.append(f"f(0) = {sympy.sstr(fn.at0)} in {enclosure_text(fn.at0)}, not 0")
        elif data["kind"] == "zero":
            x1, x2 = parse(data["zero"], "zero"), parse(data["nonzero"], "nonzero")
            value = fn.at(x2, "nonzero")
            lines.append(f"f({x1}) = 0 exactly, f({x2}) = {sympy.sstr(value)} in {enclosure_text(value)}, not 0")
        else:
            limit = fn.limit_at_0_from_right("f(0+)")
            lines.append(f"f(0) = {sympy.sstr(fn.at0)} < f(0+) = {sympy.sstr(limit)}")
    elif method == "triangle-witness":
        a, b = parse(data["a"], "a"), parse(data["b"], "b")
        gap = fn.at(a + b, "a + b") - fn.at(a, "a") - fn.at(b, "b")
        lines.append(f"f({a + b}) - f({a}) - f({b}) = {sympy.sstr(gap)} in {enclosure_text(gap)} > 0")
    elif method == "log-convexity-witness" or "simplified" in data:
        lines.append(f"at x0 = {data['point']} (g = {data['of']}): the value equals {data.get('simplified', '?')}, "
                     f"negative on the whole region")
    elif method == "derivative-witness" and data.get("kind") == "zero":
        from symrep.analysis.far_witnesses import zero_witness_lines

        lines += zero_witness_lines(data)
    elif method == "derivative-witness" and (data["order"] > 8 or "form" in data) and _closed(cert) is not None:
        value, ball = _closed(cert)
        lines.append(f"(-1)^{data['order']} g^({data['order']})({data['point']}) = {value} in {ball} < 0, g = "
                     f"{data['of']} (in closed form: Leibniz's formula{', the stated form' if 'form' in data else ''})")
    elif method == "derivative-witness":
        k, x0, of = data["order"], parse(data["point"], "point"), data["of"]
        value = derivative_value(fn.pos, claim, of, k, x0)
        lines.append(f"(-1)^{k} g^({k})({x0}) = {sympy.sstr(value)} in {enclosure_text(value)} < 0, g = {of}")
    elif method == "polynomial":
        lines.append("coefficients (degree 0 up): " + ", ".join(data["coefficients"]))
    elif method == "not-polynomial":
        node, kinds = data["proof"], []
        while isinstance(node, dict):
            kinds.append(node["kind"] + (f" (x -> x^{node['power']})" if node["kind"] == "substitution" else ""))
            node = node.get("of")
        lines.append("no polynomial: " + " / ".join(kinds))
        if data.get("rank_witnesses"):
            lines.append(f"full-rank boxes for d = 1..{len(data['rank_witnesses'])}")
    elif method == "cube-spectrum":
        lines.append(f"rank {data['rank']} of {2 ** data['d']}: levels " + ", ".join(
            f"{s}:{'0' if v == 'zero' else '*'}" for s, v in enumerate(data["levels"])))
    elif method == "ratio-enclosure":
        lines.append(f"x/sqrt(l) <= f(x) <= sqrt(L) x on {cert['domain']}: l = {data['l']}, L = {data['L']}, "
                     f"f(x)/x enclosed on {len(data['subintervals'])} subintervals")
    return lines


def _closed(cert):
    from symrep.analysis.far_witnesses import closed_witness_value

    return closed_witness_value(cert)


def _tree(node, depth):
    params = ", ".join(f"{k} = {v}" if isinstance(v, str) else f"{k} = {v}" for k, v in node.get("params", {}).items()
                       if k != "density")
    if "density" in node.get("params", {}):
        params = ", ".join(filter(None, [f"density {node['params']['density']}", params]))
    line = f"{'  ' * depth}{node['class']}  {node['expr']}   [{node['rule']}{': ' + params if params else ''}]"
    out = [line]
    for child in node.get("children", []):
        out += _tree(child, depth + 1)
    return out
