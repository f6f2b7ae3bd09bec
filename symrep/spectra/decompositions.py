"""Representations of a box's symmetry group and their irreducible decompositions.

The box group is ``prod_j B_{m_j}`` over blocks of equal sides; its character table is
the direct product of the ``B_{m_j}`` tables (:func:`box_character_table`). Characters
of the natural actions come from generating functions over the signed cycles of a
class (each cycle has a length ``r`` and a sign ``s``):

* ``k``-faces of the box (vertices ``k = 0``, edges ``k = 1``): a face is fixed iff each
  cycle lies inside its free coordinates or outside them with positive sign, so the
  number of fixed ``k``-faces is the coefficient of ``t^k`` in ``prod (t^r + 2 [s > 0])``;
* the natural ``d``-dimensional reflection representation: ``m_1(alpha) - m_1(beta)``;
* its symmetric powers (the degree-``j`` monomials of the polynomial method): the
  coefficient of ``t^j`` in ``prod 1 / (1 - s t^r)``.

**The bridge to the spectrum.** The vertex representation is multiplicity-free,
``C[vertices] = sum_s tensor_j ((m_j - s_j), (s_j))``, and the constituent with block
vector ``s`` is spanned by the characters ``chi_S`` of the eigenspace ``s`` of
:func:`symrep.spectra.spectrum`. :func:`verify_spectrum_bridge` checks this both ways
with exact isotypic projectors.

Examples
--------
>>> from symrep.spectra.decompositions import decompose_action
>>> print(decompose_action([1, 1, 1], "vertices"))
X[[3|-]] + X[[2|1]] + X[[1|2]] + X[[-|3]]
"""


import numpy as np
import sympy

from symrep.groups.character_table import ClassFunction
from symrep.errors import InputError, LimitError
from symrep.geometry.boxes import Hyperrectangle
from symrep.groups.permutation_groups import box_group_elements, box_group_order, vertex_permutation
from symrep.groups.murnaghan_nakayama import signed_cycles_of
from symrep.reports import CheckReport
from symrep.groups.tables import direct_product, hyperoctahedral_table

__all__ = [
    "box_character_table",
    "face_character",
    "natural_character",
    "symmetric_power_character",
    "action_character",
    "decompose_action",
    "vertex_constituent",
    "isotypic_projectors",
    "verify_spectrum_bridge",
    "ACTIONS",
]

#: Action names understood by :func:`action_character` (``faces:K`` and ``sym:J`` take a number).
ACTIONS = ("vertices", "edges", "faces:K", "natural", "sym:J")
#: Largest ``|G| * 4**d`` for exact isotypic projectors.
MAX_PROJECTOR_WORK = 2_000_000


def box_character_table(box):
    """The character table of the box group ``prod_j B_{m_j}`` (blocks in order).

    Class and irreducible labels are bipartitions for one block, tuples of them otherwise.
    """
    box = _box(box)
    return direct_product(*[hyperoctahedral_table(m) for m in box.multiplicities])


def _per_block(box, label):
    return [label] if len(box.blocks) == 1 else list(label)


def _cycles(box, label):
    return [c for block in _per_block(box, label) for c in signed_cycles_of(block)]


def face_character(box, k, table=None):
    """Permutation character of the box group on the ``k``-faces of the box.

    ``k = 0`` gives the vertices (``2^d`` of them), ``k = 1`` the edges.
    """
    box = _box(box)
    if isinstance(k, bool) or not isinstance(k, int) or not 0 <= k <= box.d:
        raise InputError(f"face dimension must be an integer in [0, {box.d}], got k = {k!r}")
    table = table or box_character_table(box)
    values = []
    for label in table.classes:
        poly = [1]
        for r, s in _cycles(box, label):
            factor = [0] * (r + 1)
            factor[0] += 2 if s > 0 else 0
            factor[r] += 1
            poly = _multiply(poly, factor, box.d)
        values.append(poly[k] if k < len(poly) else 0)
    return ClassFunction(table, values)


def natural_character(box, table=None):
    """Character of the natural reflection representation on ``R^d``: fixed minus negated axes."""
    box = _box(box)
    table = table or box_character_table(box)
    return ClassFunction(table, [sum(1 if s > 0 else -1 for r, s in _cycles(box, label) if r == 1)
                                 for label in table.classes])


def symmetric_power_character(box, j, table=None):
    """Character of ``Sym^j`` of the natural representation (degree-``j`` monomials)."""
    box = _box(box)
    if isinstance(j, bool) or not isinstance(j, int) or not 0 <= j <= 200:
        raise InputError(f"symmetric power must be an integer in [0, 200], got j = {j!r}")
    table = table or box_character_table(box)
    values = []
    for label in table.classes:
        series = [1] + [0] * j
        for r, s in _cycles(box, label):
            geometric = [0] * (j + 1)
            for q in range(0, j + 1, r):
                geometric[q] = s ** (q // r)
            series = _multiply(series, geometric, j)
        values.append(series[j])
    return ClassFunction(table, values)


def action_character(box, action, table=None):
    """The character named by ``action``: ``vertices``, ``edges``, ``faces:K``, ``natural``, ``sym:J``."""
    box = _box(box)
    if not isinstance(action, str):
        raise InputError(f"action must be text, one of {', '.join(ACTIONS)}; got {action!r}")
    name, _, arg = action.partition(":")
    if name == "vertices" and not arg:
        return face_character(box, 0, table)
    if name == "edges" and not arg:
        return face_character(box, 1, table)
    if name == "natural" and not arg:
        return natural_character(box, table)
    if name in ("faces", "sym") and arg.strip().isdigit():
        n = int(arg)
        return face_character(box, n, table) if name == "faces" else symmetric_power_character(box, n, table)
    raise InputError(f"unknown action {action!r}; choose one of {', '.join(ACTIONS)} (K, J whole numbers)")


def decompose_action(box, action="vertices"):
    """Decompose the named action of the box group into irreducibles.

    The box group is ``prod_j B_{m_j}`` over the blocks of equal sides (:func:`box_character_table`).

    Parameters
    ----------
    box : Hyperrectangle or sequence of sides
        The box; only which sides are equal matters.
    action : str
        ``vertices``, ``edges``, ``faces:K`` (the ``K``-faces), ``natural`` (the reflection representation on
        ``R^d``) or ``sym:J`` (its ``J``-th symmetric power: the degree-``J`` monomials), as in :data:`ACTIONS`.

    Returns
    -------
    Decomposition
        ``irreducible label -> multiplicity`` (nonzero ones); printed as a sum of ``X[label]`` terms.

    Raises
    ------
    InputError
        Bad sides, an unknown action, or a face dimension or symmetric power out of range.
    LimitError
        A box group whose character table is too large.

    Examples
    --------
    >>> print(decompose_action([1, 1], "edges"))
    X[[2|-]] + X[[1,1|-]] + X[[1|1]]
    >>> d = decompose_action([1, 1, 2], "natural")
    >>> d.degree, d.is_character, len(d)
    (3, True, 2)
    """
    return action_character(box, action).decompose()


def vertex_constituent(box, s):
    """The irreducible label ``tensor_j ((m_j - s_j), (s_j))`` of the eigenspace with block vector ``s``."""
    box = _box(box)
    labels = [(((m - sj,) if m - sj else ()), ((sj,) if sj else ())) for m, sj in zip(box.multiplicities, s)]
    return labels[0] if len(labels) == 1 else tuple(labels)


def isotypic_projectors(box, table=None):
    """Exact projectors onto the isotypic components of the vertex representation.

    ``P_chi = (chi(1) / |G|) sum_g chi(g) rho(g)`` with ``rho`` the vertex permutation
    matrices, as SymPy matrices with rational entries; keys are irreducible labels of the
    constituents. Refuses when ``|G| * 4**d`` exceeds :data:`MAX_PROJECTOR_WORK`.
    """
    box = _box(box)
    n = box.n_vertices
    order = box_group_order(box)
    if order * n * n > MAX_PROJECTOR_WORK:
        raise LimitError(f"isotypic projectors for this box need |G| * 4^d = {order * n * n} operations; "
                         f"the limit is {MAX_PROJECTOR_WORK}")
    table = table or box_character_table(box)
    constituents = [label for label, m in face_character(box, 0, table).decompose().items() if m]
    sums = {label: np.zeros((n, n), dtype=np.int64) for label in constituents}
    rows = {label: table.values[table.irreducible_index(label)] for label in constituents}
    columns = np.arange(n)
    for labels, element in box_group_elements(box):
        cls = table.class_index(labels[0] if len(labels) == 1 else labels)
        images = np.array(vertex_permutation(element))
        for label in constituents:
            # rho(g) sends basis vector e_v to e_{g(v)}: entry [g(v), v] = 1.
            sums[label][images, columns] += rows[label][cls]
    return {label: sympy.Matrix(sums[label]) * sympy.Rational(int(rows[label][0]), order)
            for label in constituents}


def verify_spectrum_bridge(spec):
    """Check the spectrum against the character theory both ways, exactly (small boxes).

    For every eigenspace piece with block vector ``s`` and its constituent
    ``chi = tensor_j ((m_j - s_j), (s_j))``:

    1. the constituent's degree equals the piece's multiplicity, and the multiplicities
       of the vertex character are all 1;
    2. every character ``chi_S`` of the piece satisfies ``P_chi chi_S = chi_S``;
    3. ``M P_chi = lambda_s P_chi`` with ``M`` the exact kernel matrix.
    """
    box = spec.box
    table = box_character_table(box)
    projectors = isotypic_projectors(box, table)
    decomposition = face_character(box, 0, table).decompose()
    failures, checked = [], 0
    if any(m != 1 for m in decomposition.values()):
        failures.append(f"vertex representation is not multiplicity-free: {decomposition}")
    M = box.kernel_matrix(spec.kernel, spec.metric)
    degrees = dict(zip(table.irreducibles, table.degrees))
    from symrep.spectra.walsh import character, subset_to_mask

    for e in spec:
        for s, mult in e.pieces:
            label = vertex_constituent(box, s)
            checked += 1
            if label not in projectors:
                failures.append(f"block vector {s}: {label} is not a constituent of the vertex character")
                continue
            if degrees[label] != mult:
                failures.append(f"block vector {s}: degree {degrees[label]} != multiplicity {mult}")
            P = projectors[label]
            for S in e.subsets():
                if _block_vector(box, S) != s:
                    continue
                v = sympy.Matrix(character(subset_to_mask(S), box.d))
                if P * v != v:
                    failures.append(f"chi_{set(S) or '{}'} is not in the isotypic component {label}")
            residual = sympy.expand(M * P - e.value * P)
            if residual != sympy.zeros(*P.shape) and sympy.simplify(residual) != sympy.zeros(*P.shape):
                failures.append(f"M P != lambda P for block vector {s}")
    return CheckReport("exact", not failures, checked, failures)


def _block_vector(box, S):
    return tuple(sum(1 for i in S if i in coords) for _, coords in box.blocks)


def _multiply(a, b, top):
    out = [0] * min(len(a) + len(b) - 1, top + 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                if i + j < len(out):
                    out[i + j] += x * y
    return out


def _box(box):
    return box if isinstance(box, Hyperrectangle) else Hyperrectangle(box)
