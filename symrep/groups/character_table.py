"""Character tables, class functions and decompositions.

Why this module is long: one class holds a table's data, its algebra (inner products, products,
restriction, induction) and its four output formats, which share its label conventions.

A :class:`CharacterTable` holds class labels and sizes, irreducible labels and the
exact values; the first class is always the identity, so its column gives the degrees.
Class functions (:class:`ClassFunction`) are rows of values on the classes; they add,
multiply (the tensor product of characters), take inner products and decompose into
irreducibles. Tables multiply (:meth:`CharacterTable.direct_product`), and characters
restrict and induce along a *fusion map* (for each class of the subgroup, the index of
the class of the group containing it).

Examples
--------
>>> from symrep.groups.tables import hyperoctahedral_table
>>> T = hyperoctahedral_table(2)
>>> T.order, T.degrees
(8, [1, 1, 2, 1, 1])
>>> chi = T.character(((1,), (1,)))
>>> (chi * chi).decompose()
{((2,), ()): 1, ((1, 1), ()): 1, ((), (2,)): 1, ((), (1, 1)): 1}
>>> T.verify().passed
True
"""

import json
import re
import math

import numpy as np
from symrep.lazy import lazy_module

sympy = lazy_module("sympy")  # integer tables (B_n, S_n) never need it: the table command starts faster

from symrep.groups.class_functions import ClassFunction, Decomposition, _is_symbolic, _latex_text
from symrep.groups.orthogonality import MAX_VERIFY_CLASSES, verify_table
from symrep.errors import InputError, LimitError

__all__ = ["CharacterTable"]


class CharacterTable:
    """The character table of a finite group.

    Parameters
    ----------
    name : str
        A name such as ``B4`` or ``B2xB1``.
    classes : list
        Hashable class labels; ``classes[0]`` must be the identity class.
    class_sizes : list of int
    irreducibles : list
        Hashable labels of the irreducible characters.
    values : numpy.ndarray
        ``values[i, j] = chi_i(class_j)``: int64 for rational tables, object (SymPy) otherwise.
    class_text, irreducible_text : callable, optional
        Turn a label into short text for display.
    power_maps : dict, optional
        ``p -> [index of the class of g**p for g in class j]``.
    element_orders : list of int, optional
        The order of an element of each class.
    label_json : callable, optional
        Turn a label into JSON-ready data.
    conventions : str, optional
        One line on what the labels mean (printed with the table).

    Attributes
    ----------
    order : int
        ``|G|``, the sum of the class sizes.
    degrees : list of int
        ``chi(1)`` for each irreducible, in order.
    name, classes, class_sizes, irreducibles, values, power_maps
        As given (``power_maps`` empty when unknown).

    Examples
    --------
    >>> import numpy as np   # named tables come from symrep.table_from_name; this one is built by hand
    >>> T = CharacterTable("Z2", [0, 1], [1, 1], ["+", "-"], np.array([[1, 1], [1, -1]]))
    >>> T, T.degrees, T.verify().passed, str(T.decompose([2, 0]))
    (CharacterTable(Z2: order 2, 2 classes), [1, 1], True, 'X[+] + X[-]')
    """

    def __init__(self, name, classes, class_sizes, irreducibles, values, *, class_text=str,
                 irreducible_text=str, power_maps=None, element_orders=None, label_json=None,
                 conventions=""):
        self.name = name
        self.classes = list(classes)
        self.class_sizes = [int(s) for s in class_sizes]
        self.irreducibles = list(irreducibles)
        self.values = values
        self.class_text = class_text
        self.irreducible_text = irreducible_text
        self.power_maps = dict(power_maps or {})
        self.element_orders = element_orders
        self.label_json = label_json or _default_json
        self.conventions = conventions
        self.order = sum(self.class_sizes)
        self._class_index = {label: j for j, label in enumerate(self.classes)}
        self._irr_index = {label: i for i, label in enumerate(self.irreducibles)}
        r = len(self.classes)
        if self.values.shape != (len(self.irreducibles), r) or len(self.class_sizes) != r:
            raise InputError(f"table {name}: {len(self.irreducibles)} irreducibles, {r} classes, "
                             f"{len(self.class_sizes)} sizes and values of shape {self.values.shape} do not fit")

    # --- basic data ---------------------------------------------------------------------

    def __repr__(self):
        return f"CharacterTable({self.name}: order {self.order}, {len(self.classes)} classes)"

    def __len__(self):
        return len(self.classes)

    @property
    def is_integral(self):
        """Whether all values are integers (stored as int64)."""
        return self.values.dtype != object

    @property
    def centralizer_orders(self):
        """``|C_G(g)| = |G| / |class|`` for each class."""
        return [self.order // s for s in self.class_sizes]

    @property
    def degrees(self):
        """The degrees ``chi(1)``, in the order of :attr:`irreducibles`."""
        return [int(v) for v in self.values[:, 0]]

    def class_index(self, label):
        """Position of a class label; :class:`InputError` names the label if unknown."""
        try:
            return self._class_index[_hashable(label)]
        except (KeyError, TypeError):
            raise InputError(f"{label!r} is not a class label of {self.name}") from None

    def irreducible_index(self, label):
        """Position of an irreducible label; :class:`InputError` names the label if unknown."""
        try:
            return self._irr_index[_hashable(label)]
        except (KeyError, TypeError):
            raise InputError(f"{label!r} is not an irreducible label of {self.name}") from None

    def value(self, irreducible, class_label):
        """The exact value ``chi(g)`` by labels."""
        return _exact(self.values[self.irreducible_index(irreducible), self.class_index(class_label)])

    def __getitem__(self, key):
        irreducible, class_label = key
        return self.value(irreducible, class_label)

    def character(self, label):
        """The irreducible character with this label, as a :class:`ClassFunction`."""
        return ClassFunction(self, self.values[self.irreducible_index(label)])

    def characters(self):
        """All irreducible characters, in order."""
        return [ClassFunction(self, row) for row in self.values]

    def class_function(self, values):
        """A :class:`ClassFunction` from one value per class (checked for length)."""
        return ClassFunction(self, values)

    # --- inner products and decompositions -------------------------------------------

    def inner_product(self, a, b):
        """``<a, b> = (1/|G|) sum_C |C| a(C) conj(b(C))``, exact."""
        a, b = self._as_function(a), self._as_function(b)
        total = sum(s * x * sympy.conjugate(y) if _is_symbolic(y) else s * x * y
                    for s, x, y in zip(self.class_sizes, a.values, b.values))
        if _is_symbolic(total):
            return sympy.simplify(sympy.expand(sympy.sympify(total) / self.order))
        return sympy.Rational(int(total), self.order)

    def decompose(self, psi):
        """Multiplicities of the irreducibles in ``psi`` (a class function or value list).

        Returns a :class:`Decomposition`, a dict ``label -> multiplicity`` (nonzero ones).
        """
        psi = self._as_function(psi)
        if self.is_integral and all(isinstance(v, int) for v in psi.values):
            sizes = np.array(self.class_sizes, dtype=object)
            weighted = np.array(psi.values, dtype=object) * sizes
            sums = self.values.astype(object) @ weighted
            mults = [sympy.Rational(int(t), self.order) for t in sums]
        else:
            mults = [self.inner_product(psi, chi) for chi in self.characters()]
        return Decomposition(self, {label: m for label, m in zip(self.irreducibles, mults) if m != 0})

    def tensor(self, a, b):
        """The tensor product (pointwise product) of two class functions."""
        return self._as_function(a) * self._as_function(b)

    def _as_function(self, f):
        if isinstance(f, ClassFunction):
            if f.table is not self:
                raise InputError(f"class function belongs to {f.table.name}, not {self.name}")
            return f
        return ClassFunction(self, f)

    # --- products, restriction, induction -------------------------------------------

    def direct_product(self, other):
        """The table of ``G x H``: classes and irreducibles are pairs, values the Kronecker product.

        Labels of a product of products are flattened, so ``(T1 x T2) x T3`` has triples.
        """
        if len(self) * len(other) > MAX_VERIFY_CLASSES * 4:
            raise LimitError(f"the product table {self.name}x{other.name} would have "
                             f"{len(self) * len(other)} classes; the limit is {MAX_VERIFY_CLASSES * 4}")
        flat_self, flat_other = _components(self), _components(other)

        def pair(a, b, n_a, n_b):
            return (a if n_a > 1 else (a,)) + (b if n_b > 1 else (b,))

        na, nb = len(flat_self), len(flat_other)
        classes = [pair(a, b, na, nb) for a in self.classes for b in other.classes]
        irreducibles = [pair(a, b, na, nb) for a in self.irreducibles for b in other.irreducibles]
        sizes = [s * t for s in self.class_sizes for t in other.class_sizes]
        dtype = np.int64 if self.is_integral and other.is_integral else object
        values = np.kron(self.values.astype(dtype), other.values.astype(dtype))
        texts = flat_self + flat_other
        power_maps = {}
        for p in set(self.power_maps) | set(other.power_maps):
            # a factor of order prime to p without a p-power map: for a rational table, g^p is conjugate to g
            # (its column, fixed by the Galois action, is the column of g^p, and columns are distinct)
            maps = [t.power_maps.get(p) or (list(range(len(t))) if t.is_integral and t.order % p else None)
                    for t in (self, other)]
            if None in maps:
                continue
            power_maps[p] = [maps[0][i] * len(other) + maps[1][j] for i in range(len(self)) for j in range(len(other))]
        orders = None
        if self.element_orders and other.element_orders:
            orders = [math.lcm(a, b) for a in self.element_orders for b in other.element_orders]
        table = CharacterTable(
            f"{self.name}x{other.name}", classes, sizes, irreducibles, values,
            class_text=lambda lab: " x ".join(t.class_text(c) for t, c in zip(texts, lab)),
            irreducible_text=lambda lab: " x ".join(t.irreducible_text(c) for t, c in zip(texts, lab)),
            power_maps=power_maps, element_orders=orders,
            label_json=lambda lab: [t.label_json(c) for t, c in zip(texts, lab)],
            conventions="; ".join(dict.fromkeys(filter(None, [self.conventions, other.conventions]))),
        )
        table._components = texts
        return table

    def restrict(self, chi, subtable, fusion):
        """Restrict a class function of this group to a subgroup with table ``subtable``.

        ``fusion[j]`` is the index (in this table) of the class containing subgroup class ``j``.
        """
        chi = self._as_function(chi)
        self._check_fusion(subtable, fusion)
        return ClassFunction(subtable, [chi.values[fusion[j]] for j in range(len(subtable))])

    def induce(self, psi, subtable, fusion):
        """Induce a class function of the subgroup (table ``subtable``) to this group.

        ``Ind psi (g) = |C_G(g)| sum_{subgroup classes D in class(g)} psi(D) / |C_H(D)|``.
        """
        psi = subtable._as_function(psi)
        self._check_fusion(subtable, fusion)
        out = [sympy.Integer(0)] * len(self)
        for j, target in enumerate(fusion):
            out[target] += sympy.Rational(subtable.class_sizes[j], subtable.order) * psi.values[j]
        cent = self.centralizer_orders
        return ClassFunction(self, [_exact(v * c) for v, c in zip(out, cent)])

    def _check_fusion(self, subtable, fusion):
        if len(fusion) != len(subtable) or not all(0 <= f < len(self) for f in fusion):
            raise InputError(f"fusion map must give, for each of the {len(subtable)} classes of "
                             f"{subtable.name}, a class index of {self.name}")
        if self.order % subtable.order:
            raise InputError(f"|{subtable.name}| = {subtable.order} does not divide |{self.name}| = {self.order}")

    # --- verification ------------------------------------------------------------------

    def verify(self):
        """Check the table exactly: orthogonality and the basic counts (:func:`~symrep.groups.orthogonality.verify_table`),
        the power maps against the values and, for a table built from generators, the classes against the group
        (:func:`~symrep.groups.power_maps.verify_all`). The report's ``indicators`` are the Frobenius-Schur indicators."""
        from symrep.groups.power_maps import verify_all

        return verify_all(self)


    # --- output -------------------------------------------------------------------------

    def to_dict(self):
        """JSON-ready data: ``name``, ``order``, ``classes``, ``irreducibles``, ``values``."""
        data = self._metadata()
        data["values"] = (self.values.tolist() if self.is_integral
                          else [[sympy.sstr(v) for v in row] for row in self.values])
        if self.power_maps:
            data["power_maps"] = self._power_maps_json()
        return data

    def _metadata(self):
        classes = []
        for j, label in enumerate(self.classes):
            entry = {"label": self.label_json(label), "size": self.class_sizes[j],
                     "centralizer": self.centralizer_orders[j], "text": self.class_text(label)}
            if self.element_orders:
                entry["element_order"] = self.element_orders[j]
            classes.append(entry)
        irreducibles = [{"label": self.label_json(label), "degree": d, "text": self.irreducible_text(label)}
                        for label, d in zip(self.irreducibles, self.degrees)]
        return {"name": self.name, "order": self.order, "conventions": self.conventions,
                "classes": classes, "irreducibles": irreducibles}

    def _power_maps_json(self):
        return {str(p): m for p, m in sorted(self.power_maps.items())}

    def to_json(self, **kwargs):
        """The table as JSON text (see :meth:`to_dict`).

        Without formatting options, an integer table's values are written a row at a time: the
        nested list of Python integers for B_15 alone would take 440 MB, four times the table.
        """
        if kwargs or not self.is_integral:
            return json.dumps(self.to_dict(), **kwargs)
        return "".join(self.json_chunks())

    def json_chunks(self, extra=None):
        """The JSON text of :meth:`to_json` in pieces, a row of values at a time (for writing a large
        table without holding its text in memory); ``extra`` adds keys at the end."""
        if not self.is_integral:
            yield json.dumps({**self.to_dict(), **(extra or {})})
            return
        yield json.dumps(self._metadata())[:-1] + ', "values": ['
        for i, row in enumerate(self.values):
            yield (", " if i else "") + json.dumps(row.tolist())
        yield "]"
        if self.power_maps:
            yield ', "power_maps": ' + json.dumps(self._power_maps_json())
        for key, value in (extra or {}).items():
            yield f", {json.dumps(key)}: {json.dumps(value)}"
        yield "}"

    def to_gap(self):
        """GAP code that rebuilds this table with ``ConvertToCharacterTableNC``.

        Compare with GAP's own table, e.g. for ``B4``::

            tbl := ...;  # this output
            TransformingPermutationsCharacterTables(tbl, CharacterTable("WeylB", 4));
        """
        if not self.is_integral and getattr(self, "cyclotomic", None) is None:
            raise InputError(f"GAP output needs integer values or cyclotomic coefficient vectors; {self.name} has neither")
        cls, irr = self._gap_orders()
        where = {c: k for k, c in enumerate(cls)}  # new position of each old class
        # a group given by generators (named "<(1,2,3),(1,2)>") is symrep_G<order>; the generators are in the comment
        variable = "symrep_" + (f"G{self.order}" if self.name.startswith("<") else re.sub(r"\W+", "_", self.name).strip("_"))
        lines = [f"# symrep character table of {self.name}, order {self.order}"
                 + (", classes and characters in GAP's order" if cls != list(range(len(cls))) or irr != cls else "")
                 + "."]
        if self.conventions:
            lines.append(f"# {self.conventions}")
        lines += [f"{variable} := ConvertToCharacterTableNC( rec(",
                  "  UnderlyingCharacteristic := 0,",
                  f'  Identifier := "{variable}",',
                  f"  Size := {self.order},",
                  f"  SizesCentralizers := {_gap_list([self.centralizer_orders[c] for c in cls])},",
                  f"  ClassParameters := {_gap_list([self._gap_parameter(self.classes[c]) for c in cls])},",
                  f"  CharacterParameters := {_gap_list([self._gap_parameter(self.irreducibles[i]) for i in irr])},"]
        if self.element_orders:
            lines.append(f"  OrdersClassRepresentatives := {_gap_list([self.element_orders[c] for c in cls])},")
        if self.power_maps:
            maps = ["" if p not in self.power_maps else _gap_list([where[self.power_maps[p][c]] + 1 for c in cls])
                    for p in range(1, max(self.power_maps) + 1)]
            lines.append(f"  ComputedPowerMaps := [ {', '.join(maps)} ],")
        values = self.values.tolist() if self.is_integral else self._gap_cyclotomics()
        rows = ",\n    ".join(_gap_list([values[i][c] for c in cls]) for i in irr)
        lines += [f"  Irr := [\n    {rows} ] ) );", ""]
        return "\n".join(lines)

    def _gap_cyclotomics(self):
        """Irrational values as GAP cyclotomics ``sum_j c_j * E(e)^j``, from the exact coefficient vectors."""
        from symrep.groups.cyclotomic import reduce_cyclotomic

        e, vectors = self.cyclotomic

        def gap(vector):
            reduced = reduce_cyclotomic(vector, e)
            if not any(reduced[1:]):
                return str(reduced[0])
            g = math.gcd(e, *(j for j, m in enumerate(vector) if m))  # write it in the smallest E(e / g)
            n = e // g
            short = [int(vector[j * g]) for j in range(n)]
            return _gap_sum(min(_equal_vectors(short, reduce_cyclotomic(short, n), n),
                                key=lambda v: sum(1 for m in v if m)))

        return [[gap(vector) for vector in row] for row in vectors]

    def _gap_orders(self):
        """Positions of the classes and characters in GAP's order (``Partitions(n)`` for ``S_n``,
        ``PartitionTuples(n, 2)`` for ``B_n``, and for a direct product the lexicographic order of its
        factors' GAP orders, as ``CharacterTableDirectProduct``); the table's own order otherwise."""
        from symrep.groups.gap_order import partition_tuples, partitions

        factors = getattr(self, "_components", None)
        if factors:
            ranks = []
            for factor in factors:
                cls, irr = factor._gap_orders()
                ranks.append(({factor.classes[c]: k for k, c in enumerate(cls)},
                              {factor.irreducibles[i]: k for k, i in enumerate(irr)}))
            cls = sorted(range(len(self.classes)),
                         key=lambda c: tuple(r[0][label] for r, label in zip(ranks, self.classes[c])))
            irr = sorted(range(len(self.irreducibles)),
                         key=lambda i: tuple(r[1][label] for r, label in zip(ranks, self.irreducibles[i])))
            return cls, irr

        match = re.fullmatch(r"([BS])(\d+)", self.name)
        if match is None:
            return list(range(len(self.classes))), list(range(len(self.irreducibles)))
        n = int(match.group(2))
        order = partition_tuples(n, 2) if match.group(1) == "B" else partitions(n)
        rank = {json.dumps(label): k for k, label in enumerate(order)}
        try:
            cls = sorted(range(len(self.classes)), key=lambda c: rank[json.dumps(self.label_json(self.classes[c]))])
            irr = sorted(range(len(self.irreducibles)),
                         key=lambda i: rank[json.dumps(self.label_json(self.irreducibles[i]))])
        except KeyError:  # labels of another convention: keep the table's order
            return list(range(len(self.classes))), list(range(len(self.irreducibles)))
        return cls, irr

    def _gap_parameter(self, label):
        """A class or character parameter as GAP writes them for its library tables: ``[1, label]``; for a
        direct product, the list of its factors' parameters."""
        factors = getattr(self, "_components", None)
        if factors:
            return "[" + ", ".join(f._gap_parameter(part) for f, part in zip(factors, label)) + "]"
        return f"[1, {json.dumps(self.label_json(label))}]"

    def __str__(self):
        return self.to_text()

    def to_text(self, width=100):
        """A readable table; wide tables are split into blocks of columns fitting ``width``."""
        row_labels = [f"X.{i + 1} {self.irreducible_text(lab)}" for i, lab in enumerate(self.irreducibles)]
        head = ["class", "size"] + row_labels
        lw = max(len(h) for h in head)
        columns = []
        for j, label in enumerate(self.classes):
            entries = [self.class_text(label), str(self.class_sizes[j])] + \
                      [_text(v) for v in self.values[:, j]]
            columns.append(entries)
        blocks, current, used = [], [], lw
        for col in columns:
            w = max(len(e) for e in col) + 2
            if current and used + w > width:
                blocks.append(current)
                current, used = [], lw
            current.append(col)
            used += w
        if current:
            blocks.append(current)
        out = [f"Character table of {self.name} (order {self.order}, {len(self)} classes)"]
        if self.conventions:
            out.append(self.conventions)
        for block in blocks:
            widths = [max(len(e) for e in col) for col in block]
            out.append("")
            for i, h in enumerate(head):
                out.append(h.ljust(lw) + "".join("  " + col[i].rjust(w) for col, w in zip(block, widths)))
        return "\n".join(out)

    def _latex(self, printer):
        cols = "l" + "r" * len(self)
        # class labels hold \mid and \emptyset: math mode, never inside \text{}
        head = " & ".join([r"\text{class}"] + [r"{%s}" % _latex_text(self.class_text(c)) for c in self.classes])
        sizes = " & ".join([r"|C|"] + [str(s) for s in self.class_sizes])
        rows = [" & ".join([r"\chi_{%s}" % _latex_text(self.irreducible_text(lab))] +
                           [printer._print(_exact(v)) for v in self.values[i]])
                for i, lab in enumerate(self.irreducibles)]
        return (r"\begin{array}{%s} %s \\ %s \\ \hline " % (cols, head, sizes)
                + r" \\ ".join(rows) + r" \end{array}")

    def _repr_latex_(self):
        return f"$\\displaystyle {sympy.latex(self)}$"


def _components(table):
    return getattr(table, "_components", [table])


def _hashable(label):
    if isinstance(label, list):
        return tuple(_hashable(x) for x in label)
    if isinstance(label, tuple):
        return tuple(_hashable(x) for x in label)
    return label


def _default_json(label):
    if isinstance(label, tuple):
        return [_default_json(x) for x in label]
    return label


def _exact(v):
    if isinstance(v, (np.integer, int)):
        return sympy.Integer(int(v))
    return sympy.sympify(v)


def _text(v):
    return str(int(v)) if isinstance(v, (int, np.integer)) else sympy.sstr(v)


def _gap_list(values):
    return "[ " + ", ".join(str(v) for v in values) + " ]"



def _equal_vectors(vector, reduced, e):
    """Coefficient vectors (of ``1, E(e), E(e)^2, ...``) of the same cyclotomic: as computed, reduced modulo
    Phi_e, and for a prime ``e`` minus ``c (1 + E(e) + ... + E(e)^(e-1)) = 0`` for each coefficient c."""
    out = [vector, reduced + [0] * (e - len(reduced))]
    if e > 1 and all(e % p for p in range(2, math.isqrt(e) + 1)):
        out += [[m - c for m in v] for v in out[:2] for c in set(v) if c]
    return out


def _gap_sum(vector):
    """``sum_j vector[j] E(e)^j`` (``e = len(vector)``) as GAP writes it: ``-E(5)-E(5)^4``."""
    e, parts = len(vector), []
    for j, m in enumerate(vector):
        if not m:
            continue
        root = "" if j == 0 else f"E({e})" + (f"^{j}" if j > 1 else "")
        magnitude = str(abs(m)) if not root else "" if abs(m) == 1 else f"{abs(m)}*"
        parts.append(("-" if m < 0 else "+") + magnitude + root)
    return "".join(parts).lstrip("+")
