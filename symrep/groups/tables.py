"""Named character tables: B_n, S_n, Z_2^d, their direct products, and names like ``B2xB1``.

**Labels.** ``B_n``: classes are ``(alpha, beta)``, the lengths of the positive and the
negative cycles of a signed permutation; irreducibles are bipartitions ``(lam, mu)``
(convention of GAP's ``CharacterTable("WeylB", n)``, see
:mod:`symrep.groups.murnaghan_nakayama`). ``S_n``: classes are cycle types, irreducibles
partitions (``(n)`` is trivial). ``Z_2^d``: classes are elements ``z`` and irreducibles
subsets ``S``, both as 0/1 tuples; ``chi_S(z) = (-1)^{S.z}``.

Examples
--------
>>> from symrep.groups.tables import table_from_name
>>> T = table_from_name("B2xB1")
>>> T.order, len(T), T.verify().passed
(16, 10, True)
"""

import re
from math import factorial, lcm

import numpy as np

from symrep.groups.character_table import CharacterTable
from symrep.errors import InputError, LimitError
from symrep.groups.murnaghan_nakayama import (
    MAX_HYPEROCTAHEDRAL_N,
    MAX_SYMMETRIC_N,
    hyperoctahedral_character_values,
    power_of_class,
    symmetric_character_values,
)
from symrep.groups.young import bipartition_text, partition_text, z_partition

__all__ = [
    "hyperoctahedral_table",
    "symmetric_table",
    "elementary_abelian_table",
    "direct_product",
    "table_from_name",
    "symmetric_fusion",
    "MAX_ELEMENTARY_ABELIAN_D",
]

#: Largest d for the Z_2^d table (2^d x 2^d values).
MAX_ELEMENTARY_ABELIAN_D = 12

B_CONVENTIONS = ("B_n classes [[positive cycle lengths], [negative cycle lengths]]; irreducibles "
                 "[[lam], [mu]] as GAP's CharacterTable(\"WeylB\", n): ([n], []) trivial, "
                 "([1^n], []) the sign of the underlying permutation")
S_CONVENTIONS = "S_n classes are cycle types; irreducible [n] is trivial, [1^n] the sign"


def hyperoctahedral_table(n, progress=None):
    """The character table of ``B_n``, the symmetry group of the n-cube (order ``2^n n!``).

    Computed by the column-wise Murnaghan-Nakayama rule (:mod:`symrep.groups.murnaghan_nakayama`).
    Classes and irreducibles are bipartitions (see the module docstring), with power maps and element
    orders.

    Parameters
    ----------
    n : int
        1 to :data:`~symrep.groups.murnaghan_nakayama.MAX_HYPEROCTAHEDRAL_N`.
    progress : callable, optional
        Called as ``progress(done, total)`` with the number of classes computed so far.

    Returns
    -------
    CharacterTable
        Named ``Bn``, with integer values.

    Raises
    ------
    InputError
        ``n`` not an integer >= 1.
    LimitError
        ``n`` above the limit (the message gives the size the table would have).

    Examples
    --------
    >>> T = hyperoctahedral_table(3)
    >>> T.order, len(T), T.degrees[:4]
    (48, 10, [1, 2, 1, 3])
    >>> T.value(((1,), (1, 1)), ((3,), ()))   # chi_[1|1,1] on the class of a positive 3-cycle
    0
    """
    _check_n(n, MAX_HYPEROCTAHEDRAL_N, "B")
    irr, classes, values = hyperoctahedral_character_values(n, progress=progress)
    order = 2**n * factorial(n)
    sizes = [order // (z_partition(a) * z_partition(b) * 2 ** (len(a) + len(b))) for a, b in classes]
    index = {c: j for j, c in enumerate(classes)}
    primes = [p for p in range(2, max(n, 2) + 1) if all(p % q for q in range(2, p))]
    power_maps = {p: [index[power_of_class(c, p)] for c in classes] for p in primes}
    orders = [lcm(*([r for r in a] + [2 * r for r in b])) for a, b in classes]
    return CharacterTable(f"B{n}", classes, sizes, irr, values, class_text=bipartition_text,
                          irreducible_text=bipartition_text, power_maps=power_maps, element_orders=orders,
                          label_json=lambda bp: [list(bp[0]), list(bp[1])], conventions=B_CONVENTIONS)


def symmetric_table(n, progress=None):
    """The character table of the symmetric group ``S_n`` (Murnaghan-Nakayama).

    Classes are cycle types and irreducibles partitions, ``(n)`` the trivial character and ``(1^n)`` the sign.

    Parameters
    ----------
    n : int
        1 to :data:`~symrep.groups.murnaghan_nakayama.MAX_SYMMETRIC_N`.
    progress : callable, optional
        As for :func:`hyperoctahedral_table`.

    Returns
    -------
    CharacterTable
        Named ``Sn``, with integer values, power maps and element orders.

    Raises
    ------
    LimitError
        ``n`` above the limit.
    InputError
        ``n`` not an integer >= 1.

    Examples
    --------
    >>> T = symmetric_table(3)
    >>> T.classes, T.irreducibles
    ([(1, 1, 1), (2, 1), (3,)], [(3,), (2, 1), (1, 1, 1)])
    >>> T.values.tolist()
    [[1, 1, 1], [2, 0, -1], [1, -1, 1]]
    """
    _check_n(n, MAX_SYMMETRIC_N, "S")
    irr, classes, values = symmetric_character_values(n, progress=progress)
    order = factorial(n)
    sizes = [order // z_partition(c) for c in classes]
    index = {c: j for j, c in enumerate(classes)}
    primes = [p for p in range(2, max(n, 2) + 1) if all(p % q for q in range(2, p))]
    power_maps = {p: [index[power_of_class((c, ()), p)[0]] for c in classes] for p in primes}
    orders = [lcm(*c) if c else 1 for c in classes]
    return CharacterTable(f"S{n}", classes, sizes, irr, values, class_text=partition_text,
                          irreducible_text=partition_text, power_maps=power_maps, element_orders=orders,
                          label_json=list, conventions=S_CONVENTIONS)


def elementary_abelian_table(d):
    """The character table of ``Z_2^d``: ``chi_S(z) = (-1)^{sum_i S_i z_i}``.

    Classes and irreducibles are 0/1 tuples ``(z_1, ..., z_d)`` in the bit order of
    :mod:`symrep.geometry.boxes` (tuple entry ``i`` is bit ``i - 1``).

    Examples
    --------
    >>> elementary_abelian_table(1).values.tolist()
    [[1, 1], [1, -1]]
    """
    _check_n(d, MAX_ELEMENTARY_ABELIAN_D, "Z2^")
    labels = [tuple(v >> i & 1 for i in range(d)) for v in range(1 << d)]
    idx = np.arange(1 << d)
    parity = np.zeros((1 << d, 1 << d), dtype=np.int64)
    for i in range(d):
        parity ^= ((idx[:, None] >> i) & 1) & ((idx[None, :] >> i) & 1)
    values = 1 - 2 * parity
    text = lambda bits: "".join(map(str, bits)) or "()"
    power_maps = {2: [0] * (1 << d)}
    orders = [1] + [2] * ((1 << d) - 1)
    return CharacterTable(f"Z2^{d}", labels, [1] * (1 << d), labels, values, class_text=text,
                          irreducible_text=text, power_maps=power_maps, element_orders=orders,
                          label_json=list, conventions="Z_2^d classes z and irreducibles S as 0/1 tuples")


def direct_product(*tables):
    """The direct product of character tables (left to right)."""
    if not tables:
        raise InputError("direct_product needs at least one table")
    out = tables[0]
    for t in tables[1:]:
        out = out.direct_product(t)
    return out


def symmetric_fusion(n):
    """Fusion of ``S_n`` into ``B_n``: the class of cycle type ``rho`` lies in ``(rho, ())``.

    Returns the list of B_n class indices, one per S_n class (tables as built here).
    """
    b = hyperoctahedral_table(n) if not isinstance(n, CharacterTable) else n
    s_classes = symmetric_character_values(len(b.classes[0][0]))[1]
    return [b.class_index((rho, ())) for rho in s_classes]


_FACTOR = re.compile(r"^(B|S)(\d+)$|^Z2(?:\^(\d+))?$")


def table_from_name(name, progress=None):
    """Parse a group name and return its table.

    Grammar: factors ``Bn``, ``Sn``, ``Z2`` or ``Z2^d``, joined by ``x``
    (e.g. ``B4``, ``S5``, ``Z2^3``, ``B2xB1``). Case of ``x`` and spaces are ignored.

    Parameters
    ----------
    name : str
        The group's name.
    progress : callable, optional
        Passed to :func:`hyperoctahedral_table` and :func:`symmetric_table` for each factor.

    Returns
    -------
    CharacterTable
        The direct product of the factors' tables, left to right (a single factor's table as it is).

    Raises
    ------
    InputError
        A name that does not read, or a factor's ``n`` below 1.
    LimitError
        A factor above its limit, or a product of more than 20000 classes.

    Examples
    --------
    >>> T = table_from_name("S3 x Z2")
    >>> T, T.degrees
    (CharacterTable(S3xZ2^1: order 12, 6 classes), [1, 1, 2, 2, 1, 1])
    >>> table_from_name("Q8")
    Traceback (most recent call last):
    ...
    symrep.errors.InputError: cannot read group factor 'Q8' in 'Q8': use Bn, Sn, Z2 or Z2^d joined by x, e.g. B2xB1
    """
    if not isinstance(name, str) or not name.strip():
        raise InputError(f"group name must be text like B4, S5, Z2^3 or B2xB1, got {name!r}")
    factors = [f.strip() for f in re.split(r"[xX×]", name.replace(" ", ""))]
    tables = []
    for f in factors:
        m = _FACTOR.match(f)
        if not m:
            raise InputError(f"cannot read group factor {f!r} in {name!r}: use Bn, Sn, Z2 or Z2^d "
                             "joined by x, e.g. B2xB1")
        if m.group(1) == "B":
            tables.append(hyperoctahedral_table(int(m.group(2)), progress=progress))
        elif m.group(1) == "S":
            tables.append(symmetric_table(int(m.group(2)), progress=progress))
        else:
            tables.append(elementary_abelian_table(int(m.group(3) or 1)))
    total = 1
    for t in tables:
        total *= len(t)
    if total > 20000:
        raise LimitError(f"the table of {name} would have {total} classes; the limit is 20000")
    return direct_product(*tables)


def _check_n(n, limit, prefix):
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise InputError(f"{prefix}n needs an integer n >= 1, got n = {n!r}")
    if n > limit:
        size = ""
        if prefix in ("B", "S") and n <= 1000:  # estimated from the class count, nothing allocated
            r = _class_count(n, prefix)
            size = f" ({r} classes: the {r} x {r} int64 values alone would take {r * r * 8 / 2**30:.2f} GiB)"
        raise LimitError(f"the character table of {prefix}{n} is refused: the limit is n <= {limit}{size}")


def _class_count(n, prefix):
    """Number of classes of B_n (bipartitions of n) or S_n (partitions of n)."""
    p = [1] + [0] * n
    for part in range(1, n + 1):
        for m in range(part, n + 1):
            p[m] += p[m - part]
    return sum(p[k] * p[n - k] for k in range(n + 1)) if prefix == "B" else p[n]
