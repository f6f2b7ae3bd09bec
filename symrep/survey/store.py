"""The results store of a survey: an SQLite database in the output folder (WAL mode).

Each finished cell is one row, committed in its own transaction after its certificate files were
written (atomically, :mod:`symrep.fileio`), so that a row never points to a missing or half-written
file and an interruption loses at most the cells still running. A cell is identified by its
*key*, a hash of (expression, assumptions, claim): renaming a kernel or reordering the file keeps
its results, and changing the input adds only the cells of new entries.

The folder remembers the options that change verdicts (the claims and the budget); a run with
other options is refused unless ``force`` is given (then the new options are recorded and the
finished cells are kept).

Examples
--------
>>> import tempfile
>>> store = Store.open(tempfile.mkdtemp(), {"claims": ["pd-l1"], "budget": 10.0})
>>> key = cell_key("exp(-x)", (), "pd-l1")
>>> store.finished({key})
set()
>>> store.commit(key, {"name": "laplace", "function": "exp(-x)", "assumptions": [], "claim": "pd-l1",
...                   "verdict": "holds", "method": "derivation", "reason": "...", "seconds": 0.1,
...                   "certificate": "certificates/x.json", "regions": None, "attempts": 1})
>>> store.finished({key}) == {key}
True
>>> store.close()
"""

import hashlib
import json
import os
import sqlite3
import time

from symrep.errors import InputError

__all__ = ["Store", "cell_key", "DATABASE", "FORMAT"]

#: The database's file name inside the output folder, and the layout's version.
DATABASE, FORMAT = "survey.sqlite", "symrep-survey-1"
#: Files a survey writes into its folder besides the database (a folder holding only these, or
#: nothing, may become a survey folder).
OWN_NAMES = {DATABASE, DATABASE + "-wal", DATABASE + "-shm", "certificates", "atlas.json", "atlas.tex",
             "atlas.html"}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cells (
    key TEXT PRIMARY KEY, name TEXT NOT NULL, function TEXT NOT NULL, assumptions TEXT NOT NULL,
    claim TEXT NOT NULL, verdict TEXT NOT NULL, method TEXT, reason TEXT NOT NULL, seconds REAL NOT NULL,
    certificate TEXT, regions TEXT, attempts INTEGER NOT NULL, budget REAL, finished REAL NOT NULL);
"""


def cell_key(expression, assumptions, claim):
    """The identity of a cell: 16 hex digits of a hash of the expression, assumptions and claim.

    Examples
    --------
    >>> cell_key("exp(-x)", (), "pd-l1") == cell_key("exp(-x)", [], "pd-l1")
    True
    """
    text = json.dumps([expression.strip(), sorted(a.strip() for a in assumptions), claim])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class Store:
    """The open database of one survey folder (use :meth:`open`)."""

    def __init__(self, folder, connection):
        self.folder, self.db = folder, connection

    @classmethod
    def open(cls, folder, options, *, force=False):
        """Open (or create) the store of ``folder`` for a survey with ``options``.

        Raises
        ------
        InputError
            ``folder`` is a file; it holds other files but no survey; or its survey was run with
            other options and ``force`` is false.
        """
        folder = os.fspath(folder)
        if os.path.exists(folder) and not os.path.isdir(folder):
            raise InputError(f"-o {folder} is a file; give a folder for the survey")
        path = os.path.join(folder, DATABASE)
        if os.path.isdir(folder) and not os.path.exists(path):
            other = sorted(set(os.listdir(folder)) - OWN_NAMES)
            if other or set(os.listdir(folder)) & {"atlas.json", "atlas.tex", "atlas.html"}:
                shown = ", ".join((other or sorted(os.listdir(folder)))[:3])
                raise InputError(f"{folder} already holds files ({shown}, ...) but no survey; choose an empty or "
                                 f"new folder")
        try:
            os.makedirs(os.path.join(folder, "certificates"), exist_ok=True)
            db = sqlite3.connect(path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise InputError(f"cannot open the survey database {path}: {exc}") from None
        store = cls(folder, db)
        store._check_options(options, force)
        return store

    def _check_options(self, options, force):
        meta = dict(self.db.execute("SELECT key, value FROM meta"))
        if meta.get("format", FORMAT) != FORMAT:
            raise InputError(f"{self.folder} holds a survey of another format ({meta['format']}); use a new folder")
        wanted = json.dumps(options, sort_keys=True)
        if "options" in meta and meta["options"] != wanted and not force:
            old = json.loads(meta["options"])
            diff = ", ".join(f"{k} {old.get(k)} (now {options.get(k)})" for k in sorted(options)
                             if old.get(k) != options.get(k))
            raise InputError(f"{self.folder} holds a survey run with other options: {diff}; use --force to continue it "
                             f"with the new options (finished cells are kept) or choose another folder")
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('options', ?)", (wanted,))

    def finished(self, keys):
        """The keys among ``keys`` whose cells are in the store."""
        keys, found = list(keys), set()
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            rows = self.db.execute(f"SELECT key FROM cells WHERE key IN ({','.join('?' * len(chunk))})", chunk)
            found.update(row[0] for row in rows)
        return found

    def commit(self, key, cell):
        """Record a finished cell in one transaction (its certificate files must already be written)."""
        row = (key, cell["name"], cell["function"], json.dumps(list(cell["assumptions"])), cell["claim"],
               cell["verdict"], cell.get("method"), cell["reason"], float(cell["seconds"]), cell.get("certificate"),
               json.dumps(cell["regions"]) if cell.get("regions") is not None else None, int(cell["attempts"]),
               cell.get("budget"), time.time())
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute("INSERT OR REPLACE INTO cells VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", row)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def cell(self, key):
        """The stored cell of ``key`` as a dict, or None."""
        cursor = self.db.execute("SELECT * FROM cells WHERE key = ?", (key,))
        row = cursor.fetchone()
        if row is None:
            return None
        cell = dict(zip([c[0] for c in cursor.description], row))
        cell["assumptions"] = json.loads(cell["assumptions"])
        cell["regions"] = json.loads(cell["regions"]) if cell["regions"] else None
        return cell

    def count(self):
        return self.db.execute("SELECT COUNT(*) FROM cells").fetchone()[0]

    def close(self):
        self.db.close()
