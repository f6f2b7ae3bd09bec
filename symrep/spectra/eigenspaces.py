"""The results of a spectrum: :class:`Eigenspace` (a value, its multiplicity, its label and
eigenvectors) and :class:`Spectrum` (the list, with checks, merging provenance and output).

Examples
--------
>>> from symrep.spectra import spectrum
>>> sp = spectrum([1, 1], "exp(-x)")
>>> sp[1].label, sp[1].multiplicity
('s=(1)', 2)
"""

import json
from math import comb, prod
from itertools import combinations, product
import numpy as np
import sympy
from symrep.spectra.walsh import character, subset_to_mask
from symrep.spectra.finite_differences import FiniteDifference
from symrep.errors import InputError, LimitError

__all__ = ["Eigenspace", "Spectrum"]


class Eigenspace:
    """One eigenspace of a box kernel matrix.

    Attributes
    ----------
    value : sympy.Expr
        The exact eigenvalue.
    multiplicity : int
        The dimension of the eigenspace.
    block_vector : tuple of int
        ``s``: how many coordinates of each block of equal sides the characters use
        (of the first piece, if merged).
    pieces : tuple of (block_vector, multiplicity)
        The Krawtchouk eigenspaces this one is made of; more than one iff merged
        because their values are provably equal.
    numeric : float or None
        The value in floating point (None if it involves symbols or undefined functions).
    label : str
        ``S={1,3}`` for distinct sides, ``s=(2,0)`` when sides repeat (merged pieces joined by ``|``).

    Examples
    --------
    >>> from symrep import spectrum
    >>> e = spectrum([1, 1], "exp(-x)")[1]
    >>> e
    Eigenspace(s=(1), multiplicity=2, value=1 - exp(-2))
    >>> e.block_vector, list(e.subsets()), round(e.numeric, 6)
    ((1,), [(1,), (2,)], 0.864665)
    """

    def __init__(self, box, value, pieces, numeric, kernel, metric):
        self.box = box
        self.value = value
        self.pieces = tuple(pieces)
        self.block_vector = self.pieces[0][0]
        self.multiplicity = sum(m for _, m in self.pieces)
        self.numeric = numeric
        self._kernel = kernel
        self._metric = metric

    def __repr__(self):
        return (f"Eigenspace({_clip(self.label, 60)}, multiplicity={self.multiplicity}, "
                f"value={_clip(sympy.sstr(self.value), 80)})")

    def _latex(self, printer):
        return r"%s\colon\ \lambda = %s\quad (\text{multiplicity } %d)" % (
            _latex_labels(self), printer._print(self.value), self.multiplicity)

    def _repr_latex_(self):
        return f"$\\displaystyle {sympy.latex(self)}$"

    @property
    def is_merged(self):
        """Whether several Krawtchouk eigenspaces were merged into this one."""
        return len(self.pieces) > 1

    @property
    def label(self):
        """Text label: ``S={1,3}`` for distinct sides, ``s=(2,0)`` when sides repeat."""
        labels = [_block_label(self.box, s) for s, _ in self.pieces]
        if len(labels) <= 4:
            return " | ".join(labels)
        return " | ".join(labels[:3]) + f" | ... ({len(labels)} eigenspaces)"

    @property
    def piece_labels(self):
        """Labels of every merged piece."""
        return [_block_label(self.box, s) for s, _ in self.pieces]

    def subsets(self):
        """Iterate over the subsets ``S`` (1-based coordinate tuples) whose characters span it."""
        for s, _ in self.pieces:
            yield from _subsets_of(self.box, s)

    def eigenvectors(self, limit=4096):
        """The characters ``chi_S`` spanning the eigenspace, as exact SymPy column vectors.

        Refuses (LimitError) when there are more than ``limit`` of them or ``d > 16``.
        """
        if self.multiplicity > limit or self.box.d > 16:
            raise LimitError(
                f"eigenspace {self.label} has {self.multiplicity} eigenvectors of length 2**{self.box.d}; "
                f"the limit is {limit} vectors and d <= 16 (use subsets() instead)"
            )
        return [sympy.Matrix(character(subset_to_mask(S), self.box.d)) for S in self.subsets()]

    def finite_difference_form(self):
        """The eigenvalue as ``sum_U (nabla_{(a_i), i in S} f)(a_U)`` (l1 only), unevaluated.

        The sum over ``U``, a subset of the coordinates outside ``S``, is grouped by how many
        coordinates ``U`` takes from each block. ``.doit()`` gives back the value.

        Examples
        --------
        >>> import sympy
        >>> from symrep import Hyperrectangle, spectrum
        >>> e = spectrum(Hyperrectangle([1, 2]), sympy.Function("f"))[3]
        >>> e.label, e.finite_difference_form()
        ('S={1,2}', FiniteDifference(f, (1, 2), 0))
        """
        if self._metric.name != "l1":
            raise InputError(f"the finite-difference form is for the l1 metric, not {self._metric.label}")
        s = self.block_vector
        steps = [b for (b, _), sj in zip(self.box.blocks, s) for _ in range(sj)]
        rest = [len(coords) - sj for (_, coords), sj in zip(self.box.blocks, s)]
        f = self._kernel.lambda_()
        terms = []
        for u in product(*[range(r + 1) for r in rest]):
            point = sympy.Add(*[uj * b for (b, _), uj in zip(self.box.blocks, u)])
            count = prod(comb(r, uj) for r, uj in zip(rest, u))
            terms.append(sympy.Mul(count, FiniteDifference(f, steps, point), evaluate=False)
                         if count != 1 else FiniteDifference(f, steps, point))
        return sympy.Add(*terms, evaluate=False) if len(terms) > 1 else terms[0]

    def as_dict(self):
        """JSON-ready data: value (exact text), numeric, multiplicity, label, block vector, pieces."""
        data = {
            "value": sympy.sstr(self.value),
            "numeric": self.numeric,
            "multiplicity": self.multiplicity,
            "label": self.label,
            "block_vector": list(self.block_vector),
        }
        if self.is_merged:
            data["merged_from"] = [
                {"label": _block_label(self.box, s), "block_vector": list(s), "multiplicity": m}
                for s, m in self.pieces
            ]
        return data


class Spectrum:
    """The exact spectrum of ``f(dist)`` on a box: a sequence of :class:`Eigenspace`.

    Attributes
    ----------
    box : Hyperrectangle
    kernel : symrep.geometry.kernels.Kernel
    metric : symrep.geometry.metrics.Metric
    eigenspaces : tuple of Eigenspace
    notes : list of str
        Anything a reader should know, e.g. eigenvalues that agree numerically but
        could not be proved equal (and so were not merged).

    Examples
    --------
    >>> from symrep import spectrum
    >>> sp = spectrum([1, 2], "exp(-x)")
    >>> sp
    Spectrum(exp(-x) on Hyperrectangle([1, 2]), metric l1: 4 eigenspaces)
    >>> [e.label for e in sp], sp.eigenspace("S={2}").value
    (['S={}', 'S={1}', 'S={2}', 'S={1,2}'], -exp(-2) - exp(-3) + exp(-1) + 1)
    """

    def __init__(self, box, kernel, metric, eigenspaces, notes):
        self.box = box
        self.kernel = kernel
        self.metric = metric
        self.eigenspaces = tuple(eigenspaces)
        self.notes = list(notes)

    def __len__(self):
        return len(self.eigenspaces)

    def __iter__(self):
        return iter(self.eigenspaces)

    def __getitem__(self, i):
        return self.eigenspaces[i]

    def __repr__(self):
        return (f"Spectrum({self.kernel.text} on {self.box!r}, metric {self.metric.label}: "
                f"{len(self)} eigenspaces)")

    @property
    def merges(self):
        """The merged eigenspaces (each lists its pieces)."""
        return [e for e in self.eigenspaces if e.is_merged]

    def eigenspace(self, label):
        """The eigenspace containing the piece with this label (``'S={1}'`` or ``'s=(1,0)'``)."""
        for e in self.eigenspaces:
            if label in e.piece_labels:
                return e
        raise InputError(f"no eigenspace labelled {label!r} in {self!r}")

    def numeric_eigenvalues(self):
        """All ``2**d`` eigenvalues, with multiplicity, as a sorted float array (numeric)."""
        if any(e.numeric is None for e in self.eigenspaces):
            raise InputError("the spectrum is symbolic; it has no numeric eigenvalues")
        return np.sort(np.repeat([e.numeric for e in self.eigenspaces],
                                 [e.multiplicity for e in self.eigenspaces]))

    def check_exact(self):
        """Verify ``M chi_S = lambda chi_S`` exactly for every eigenvector (small d only).

        See :func:`symrep.spectra.checks.verify_eigenpairs`.
        """
        from symrep.spectra.checks import verify_eigenpairs

        return verify_eigenpairs(self)

    def check_numeric(self):
        """Compare with ``numpy.linalg.eigvalsh`` of the dense matrix (numeric, d <= 12).

        See :func:`symrep.spectra.checks.compare_with_dense`.
        """
        from symrep.spectra.checks import compare_with_dense

        return compare_with_dense(self)

    def as_list(self):
        """The eigenspaces as a list of JSON-ready dicts."""
        return [e.as_dict() for e in self.eigenspaces]

    def to_json(self, **kwargs):
        """JSON text: a list of eigenspaces, each with value, numeric, multiplicity, label."""
        return json.dumps(self.as_list(), **kwargs)

    def __str__(self):
        head = (f"Spectrum of f(x) = {self.kernel.text} on the box with sides "
                f"{self.box.sides_text()}, metric {self.metric.label}: "
                f"{len(self)} eigenspaces, {self.box.n_vertices} eigenvalues with multiplicity")
        rows = [("label", "mult", "numeric", "value")]
        for e in self.eigenspaces:
            num = "symbolic" if e.numeric is None else f"{e.numeric:.12g}"
            rows.append((e.label, str(e.multiplicity), num, sympy.sstr(e.value)))
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        lines = [head] + ["  ".join([r[0].ljust(widths[0]), r[1].rjust(widths[1]),
                                     r[2].rjust(widths[2]), r[3]]) for r in rows]
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)

    def _latex(self, printer):
        rows = [r"%s & %d & %s" % (_latex_labels(e), e.multiplicity, printer._print(e.value))
                for e in self.eigenspaces]
        return (r"\begin{array}{lrl} \text{label} & \text{mult.} & \lambda \\ \hline "
                + r" \\ ".join(rows) + r" \end{array}")

    def _repr_latex_(self):
        return f"$\\displaystyle {sympy.latex(self)}$"


def _clip(text, width):
    """``text`` cut to ``width`` characters, ending in ``...`` where it was cut (for reprs)."""
    return text if len(text) <= width else text[:width - 3] + "..."


def _block_label(box, s):
    if all(len(coords) == 1 for _, coords in box.blocks):
        S = sorted(coords[0] for (_, coords), sj in zip(box.blocks, s) if sj)
        return "S={" + ",".join(map(str, S)) + "}"
    return "s=(" + ",".join(map(str, s)) + ")"


def _latex_labels(eigenspace):
    labels = [label.replace("{}", r"\emptyset").replace("{", r"\{").replace("}", r"\}")
              for label in eigenspace.piece_labels]
    if len(labels) > 4:
        labels = labels[:3] + [r"\dots\ (%d\ \text{eigenspaces})" % len(labels)]
    return ",\\ ".join(labels)


def _subsets_of(box, s):
    choices = [combinations(coords, sj) for (_, coords), sj in zip(box.blocks, s)]
    for parts in product(*choices):
        yield tuple(sorted(c for part in parts for c in part))
