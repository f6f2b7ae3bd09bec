"""Read the kernels of a survey: a text file, a CSV file or a JSON file.

Text: one function per line, ``name: expression`` or just ``expression``; assumptions on the
parameters of a family follow the expression after semicolons (``stable: exp(-x^a); 0 < a <= 2``);
``#`` starts a comment, blank lines are skipped. CSV: a header with the columns ``expression`` and
optionally ``name`` and ``assumptions`` (several separated by ``;``). JSON: a list of objects with
the keys ``expression`` and optionally ``name`` and ``assumptions`` (a string or a list), or an object
``{"kernels": [...]}``. The format is chosen by the file's extension (``.csv``, ``.json``, anything
else is text). ``builtin:atlas`` names the list shipped with symrep (:data:`BUILTIN`): the 142
functions of the literature catalogue and ten classical families.

A malformed entry does not stop the others: :func:`read_kernels` returns the good entries and, for
each bad one, its line (or item) number and what is wrong.

Examples
--------
>>> import os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "kernels.txt")
>>> _ = open(path, "w").write("# two kernels\\nlaplace: exp(-x)\\nexp(-x^a); 0 < a <= 2\\nbad: exp(-x\\n")
>>> entries, errors = read_kernels(path)
>>> [(e.name, e.expression, e.assumptions, e.parametric) for e in entries]
[('laplace', 'exp(-x)', (), False), ('exp(-x^a)', 'exp(-x^a)', ('0 < a <= 2',), True)]
>>> errors[0].startswith("line 4: bad: ")
True
"""

import csv
import io
import json
import os
from dataclasses import dataclass

from symrep.errors import InputError, SymrepError
from symrep.fileio import read_text_limited

__all__ = ["Kernel", "read_kernels", "parse_entry", "MAX_BYTES", "MAX_KERNELS", "BUILTIN"]

#: The kernel lists shipped with symrep, by the name given as ``builtin:NAME``.
BUILTIN = {"atlas": os.path.join(os.path.dirname(os.path.abspath(__file__)), "atlas_kernels.txt")}

#: Largest kernel file read (bytes) and most kernels in one survey.
MAX_BYTES, MAX_KERNELS = 10_000_000, 10_000
#: Longest name and expression accepted.
MAX_NAME, MAX_EXPRESSION = 80, 2000


@dataclass(frozen=True)
class Kernel:
    """One entry of the survey: a name, the expression, its assumptions and whether it has parameters
    (then it is a family, and each claim is decided region by region by ``classify``)."""

    name: str
    expression: str
    assumptions: tuple = ()
    parametric: bool = False
    where: str = ""


def read_kernels(path):
    """The entries of a kernel file and the messages of its bad entries.

    Parameters
    ----------
    path : str
        A ``.txt`` (or any other extension), ``.csv`` or ``.json`` file.

    Returns
    -------
    entries : list of Kernel
        The good entries, in the order of the file (the second of two entries with the same name is bad).
    errors : list of str
        ``"line N: ..."`` (``"item N: ..."`` in JSON) for each bad entry.

    Raises
    ------
    InputError
        The file cannot be read, is too large, is not valid JSON/CSV as a whole, or holds no entry at all.

    Examples
    --------
    >>> entries, errors = read_kernels("builtin:atlas")
    >>> len(entries) >= 150, errors
    (True, [])
    """
    if isinstance(path, str) and path.startswith("builtin:"):
        if path[8:] not in BUILTIN:
            raise InputError(f"unknown kernel list {path}; shipped: {', '.join('builtin:' + n for n in BUILTIN)}")
        path = BUILTIN[path[8:]]
    text = read_text_limited(path, MAX_BYTES, "the kernel file")
    extension = os.path.splitext(path)[1].lower()
    rows = {".csv": _csv_rows, ".json": _json_rows}.get(extension, _text_rows)(text, path)
    entries, errors, names = [], [], {}
    for where, name, expression, assumptions in rows:
        try:
            kernel = parse_entry(name, expression, assumptions, where)
            if kernel.name in names:
                raise InputError(f"the name {kernel.name!r} is already used on {names[kernel.name]}")
        except (SymrepError, ValueError, TypeError) as exc:
            errors.append(f"{where}: {_shown(name, expression)}{exc}")
            continue
        names[kernel.name] = where
        entries.append(kernel)
    if len(entries) > MAX_KERNELS:
        raise InputError(f"{path} has {len(entries)} kernels; at most {MAX_KERNELS} are surveyed at once")
    if not entries and not errors:
        raise InputError(f"{path} holds no kernel (one function per line, e.g. 'laplace: exp(-x)')")
    return entries, errors


def parse_entry(name, expression, assumptions=(), where=""):
    """One entry, read and validated (the expression parses; the assumptions read).

    Examples
    --------
    >>> parse_entry("", "1/(1+x)")
    Kernel(name='1/(1+x)', expression='1/(1+x)', assumptions=(), parametric=False, where='')
    >>> parse_entry("k", "exp(-c*x)", "c > 0").parametric
    True
    """
    from symrep.analysis.parameters import parse_family

    if not isinstance(expression, str) or not expression.strip():
        raise InputError("no expression")
    if name is not None and not isinstance(name, str):
        raise InputError(f"the name must be text, got {type(name).__name__}")
    expression, name = expression.strip(), (name or "").strip() or expression.strip()
    if len(expression) > MAX_EXPRESSION or len(name) > MAX_NAME:
        raise InputError(f"the name is longer than {MAX_NAME} or the expression than {MAX_EXPRESSION} characters")
    if isinstance(assumptions, str):
        assumptions = [a for a in assumptions.split(";")]
    if not isinstance(assumptions, (list, tuple)) or not all(isinstance(a, str) for a in assumptions):
        raise InputError("assumptions must be text or a list of texts")
    assumptions = tuple(a.strip() for a in assumptions if a.strip())
    family = parse_family(expression, list(assumptions))  # ParseError / InputError for bad text
    if assumptions and not family.symbols:
        raise InputError(f"assumptions {'; '.join(assumptions)!r} given, but {expression} has no parameter")
    return Kernel(name, expression, assumptions, bool(family.symbols), where)


def _shown(name, expression):
    text = name if isinstance(name, str) and name else expression if isinstance(expression, str) else ""
    return f"{text[:60]}: " if text else ""


def _text_rows(text, path):
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        head, sep, rest = line.partition(":")
        name, body = (head, rest) if sep else ("", line)
        expression, *assumptions = body.split(";")
        yield f"line {number}", name.strip(), expression.strip(), assumptions


def _csv_rows(text, path):
    try:
        reader = csv.DictReader(io.StringIO(text))
        fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise InputError(f"{path} is not a CSV file: {exc}") from None
    if "expression" not in fields:
        raise InputError(f"{path}: the CSV header needs a column 'expression' (and optionally 'name', 'assumptions'); "
                         f"got {', '.join(fields) or 'none'}")
    reader.fieldnames = fields
    try:
        for row in reader:
            if not any((v or "").strip() for k, v in row.items() if isinstance(v, str)):
                continue
            yield (f"line {reader.line_num}", row.get("name") or "", row.get("expression") or "",
                   row.get("assumptions") or "")
    except csv.Error as exc:
        raise InputError(f"{path}: line {reader.line_num}: {exc}") from None


def _json_rows(text, path):
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(f"{path} is not valid JSON: {exc}") from None
    if isinstance(data, dict) and isinstance(data.get("kernels"), list):
        data = data["kernels"]
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a list of kernels (objects with 'expression'), or {{\"kernels\": [...]}}")
    for number, item in enumerate(data, 1):
        if isinstance(item, str):
            item = {"expression": item}
        if not isinstance(item, dict):
            yield f"item {number}", "", None, ()
            continue
        yield f"item {number}", item.get("name", ""), item.get("expression"), item.get("assumptions", ())
