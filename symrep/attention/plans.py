"""What :func:`~symrep.attention.dispatch.attend` did (:class:`AttentionReport`) or would do
(:class:`AttentionPlan`), with short reprs and LaTeX for notebooks.

Examples
--------
>>> from symrep.attention.dispatch import plan_attention
>>> plan_attention(1024, 16, bound=2, eps=1e-6).method
'exact'
"""

from dataclasses import dataclass, field

from symrep.reports import bound_text

__all__ = ["AttentionReport", "AttentionPlan"]


@dataclass(frozen=True, repr=False)
class AttentionReport:
    """What :func:`attend` or :func:`attend_tensor` did, and why.

    Attributes
    ----------
    method : str
        ``exact`` or ``polynomial``: the path taken.
    reason : str
        Why that path was taken (the predicted times, or the method asked for).
    degree, rank : int or None
        The polynomial path's degree ``g`` and rank ``r = C(d + g, g)`` (None on the exact path).
    logit_bound : float or None
        ``R``: every logit ``scale * <q, k>`` was proved to lie in ``[-R, R]`` (None when it was not needed).
    error_bound : float
        The proved output error, relative to ``max|V|`` (to the product of the ``max|V_m|`` for tensors);
        0 on the exact path, up to floating-point rounding. On the polynomial path it is
        ``approximation_bound + rounding_bound`` (rounding in ``dtype`` included).
    seconds : float
        Wall-clock time of the call.
    predicted : dict
        Predicted seconds of each path considered (``exact``, ``polynomial``).

    Examples
    --------
    >>> import numpy as np
    >>> from symrep.attention.dispatch import attend
    >>> Q = K = V = np.eye(2)
    >>> out, report = attend(Q, K, V, report=True)
    >>> report.method, report.error_bound
    ('exact', 0.0)
    >>> report.reason  # doctest: +ELLIPSIS
    'the exact path is predicted to take ... s: too little to gain from a polynomial'
    """

    method: str
    reason: str
    degree: int = None
    rank: int = None
    logit_bound: float = None
    error_bound: float = 0.0
    seconds: float = 0.0
    predicted: dict = field(default_factory=dict)
    approximation_bound: float = 0.0
    rounding_bound: float = 0.0
    dtype: str = "float64"

    def __str__(self):
        if self.method == "exact":
            head = "exact (error: floating-point rounding only)"
        else:
            head = (f"polynomial: degree {self.degree}, rank {self.rank}, logits in [-{bound_text(self.logit_bound, 4)}, "
                    f"{bound_text(self.logit_bound, 4)}], proved error bound {bound_text(self.error_bound)} (relative to max|V|; "
                    f"{bound_text(self.approximation_bound)} approximation + {bound_text(self.rounding_bound)} {self.dtype} rounding)")
        return f"{head}; {self.seconds:.3g} s; {self.reason}"

    def __repr__(self):
        return f"AttentionReport({_fields_text(self)}, seconds={self.seconds:.3g})"

    def _repr_latex_(self):
        return f"${_fields_latex(self)};\\ {_latex_number(self.seconds)}\\,\\text{{s}}$"


@dataclass(frozen=True, repr=False)
class AttentionPlan:
    """What :func:`attend` would do for inputs of these sizes with logits in ``[-R, R]``, before doing it.

    Attributes
    ----------
    method : str
        ``exact`` or ``polynomial``: the path that would be taken.
    reason : str
        Why (the predicted times, the memory needed, or the method asked for).
    degree, rank : int or None
        The degree ``g`` of the proved polynomial and the rank ``r = C(d + g, g)`` of its features (None when
        the exact path was chosen without looking for them).
    logit_bound : float or None
        ``R``, the bound on the logits the plan assumes.
    error_bound : float
        The proved output error of the polynomial, relative to ``max|V|`` (0 for the exact path):
        ``approximation_bound + rounding_bound`` (rounding in ``dtype``).
    predicted : dict
        Predicted seconds of each path considered (``exact``, ``polynomial``).

    Examples
    --------
    >>> from symrep.attention.dispatch import plan_attention
    >>> plan = plan_attention(16384, 4, bound=0.5, eps=1e-6)
    >>> plan.method, plan.degree, plan.rank, plan.error_bound <= 1e-6
    ('polynomial', 5, 126, True)
    >>> sorted(plan.predicted)
    ['exact', 'polynomial']
    """

    method: str
    reason: str
    degree: int = None
    rank: int = None
    logit_bound: float = None
    error_bound: float = 0.0
    predicted: dict = field(default_factory=dict)
    approximant: object = field(default=None, repr=False, compare=False)
    approximation_bound: float = 0.0
    rounding_bound: float = 0.0
    dtype: str = "float64"

    def __str__(self):
        lines = [f"method: {self.method} ({self.reason})"]
        if self.logit_bound is not None:
            lines.append(f"logits proved in [-{bound_text(self.logit_bound, 6)}, {bound_text(self.logit_bound, 6)}]")
        if self.degree is not None:
            lines.append(f"polynomial: degree {self.degree}, rank {self.rank}, proved error bound "
                         f"{bound_text(self.error_bound)} (relative to max|V|; {bound_text(self.approximation_bound)} "
                         f"approximation + {bound_text(self.rounding_bound)} {self.dtype} rounding)")
        lines += [f"predicted {path}: {seconds:.3g} s" for path, seconds in self.predicted.items()]
        return "\n".join(lines)

    def __repr__(self):
        predicted = ", ".join(f"{path!r}: {seconds:.3g}" for path, seconds in self.predicted.items())
        return f"AttentionPlan({_fields_text(self)}, predicted={{{predicted}}})"

    def _repr_latex_(self):
        predicted = r",\ ".join(f"\\text{{{path} }} {_latex_number(seconds)}\\,\\text{{s}}"
                                for path, seconds in self.predicted.items())
        return f"${_fields_latex(self)};\\ \\text{{predicted: }} {predicted}$"


def _fields_text(result):
    """The method of an :class:`AttentionPlan` or :class:`AttentionReport`, with the polynomial's degree, rank
    and error bound when that path is taken (what their reprs show)."""
    if result.method != "polynomial":
        return repr(result.method)
    return f"{result.method!r}, degree={result.degree}, rank={result.rank}, error_bound={bound_text(result.error_bound)}"


def _fields_latex(result):
    """The same as :func:`_fields_text`, in LaTeX (math mode)."""
    if result.method != "polynomial":
        return r"\text{exact attention (error: floating-point rounding only)}"
    return (f"\\text{{polynomial attention: degree }} g = {result.degree},\\ \\text{{rank }} r = \\binom{{d + g}}{{g}} "
            f"= {result.rank},\\ \\text{{logits in }} [-R, R],\\ R = {_latex_number(result.logit_bound)},\\ "
            f"\\text{{error}} \\le {_latex_number(result.error_bound)} \\max|V|")


def _latex_number(value):
    """A float (a bound: rounded up) with three significant digits in LaTeX: ``2.8 \\cdot 10^{-7}``."""
    mantissa, _, exponent = bound_text(value).partition("e")
    return mantissa + (f" \\cdot 10^{{{int(exponent)}}}" if exponent else "")
