"""``survey``: decide every (kernel, claim) cell of a kernel file, resumably, and write the atlas.

The steps: read the kernels (:mod:`~symrep.survey.inputs`; bad entries are reported with their line
and skipped), open the folder's store (:mod:`~symrep.survey.store`; refused if it holds a survey run
with other options, unless ``force``), compute the cells not finished yet (:mod:`~symrep.survey.runner`),
check and record each as it finishes (:mod:`~symrep.survey.record`), and when every cell is finished
write ``atlas.json``, ``atlas.tex`` and ``atlas.html`` (:mod:`~symrep.survey.atlas`).

Ctrl-C (SIGINT) or SIGTERM stops the run within about a second: the prover processes are killed, the
cells finished so far stay committed, no file is left half-written, and :func:`survey` returns
:data:`EXIT_INTERRUPTED`. Running the same survey again computes only the cells still missing.

Examples
--------
>>> import os, tempfile, io
>>> folder = tempfile.mkdtemp()
>>> kernels = os.path.join(folder, "kernels.txt")
>>> _ = open(kernels, "w").write("laplace: exp(-x)\\ngauss: exp(-x^2)\\n")
>>> out = os.path.join(folder, "atlas")
>>> survey(kernels, out, claims=["pd-l1"], quiet=True, stream=io.StringIO())
0
>>> import json
>>> [(c["function"], c["verdict"]) for c in json.load(open(os.path.join(out, "atlas.json")))["cells"]]
[('exp(-x)', 'holds'), ('exp(-x^2)', 'fails')]
>>> survey(kernels, out, claims=["pd-l1"], quiet=True, stream=io.StringIO())  # nothing left to compute
0
"""

import contextlib
import os
import signal
import sys
import threading
import time

from symrep.errors import InputError

__all__ = ["survey", "EXIT_OK", "EXIT_BAD_INPUT", "EXIT_INTERRUPTED", "MAX_BUDGET"]

EXIT_OK, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 2, 130
MAX_BUDGET = 3600


def survey(kernels, folder, *, claims=None, workers=1, dask=None, budget=10.0, force=False, quiet=False,
           stream=None):
    """Decide every cell of ``kernels`` x ``claims`` into ``folder`` and write the atlas there.

    Parameters
    ----------
    kernels : str
        A kernel file (text, ``.csv`` or ``.json``; see :mod:`symrep.survey.inputs`).
    folder : str
        The survey's folder (created if missing): ``survey.sqlite``, ``certificates/``, and the atlas.
    claims : list of str, optional
        The claims (default: all of :data:`symrep.certificates.CLAIMS`).
    workers : int
        Cells computed at once on this machine (or the workers of ``dask="local"``).
    dask : str, optional
        The address of a Dask scheduler (``tcp://host:8786``), or ``"local"`` for a ``LocalCluster``.
    budget : float
        Seconds per cell (a family's whole classification counts as one cell).
    force : bool
        Continue a survey of the folder that was run with other claims or budget.
    quiet : bool
        No per-cell progress; the summary and errors are still written.
    stream : file, optional
        Where progress and the summary go (default standard error and standard output).

    Returns
    -------
    int
        0 when every cell is finished (whatever the verdicts), 2 when some entries of the file were
        malformed (the others ran), 130 when interrupted.

    Raises
    ------
    InputError
        Unknown claims, a budget outside ``(0, 3600]``, an unreadable kernel file, a folder that holds
        something else or another survey's options, or a Dask scheduler that cannot be reached.
    """
    from symrep.certificates.claims import CLAIMS
    from symrep.survey.atlas import summary, write_atlas
    from symrep.survey.inputs import read_kernels
    from symrep.survey.progress import Progress
    from symrep.survey.record import record
    from symrep.survey.runner import DaskBackend, Interrupted, LocalBackend, drive
    from symrep.survey.store import DATABASE, Store, cell_key

    claims = list(CLAIMS if claims in (None, "all", ["all"]) else claims)
    unknown = [c for c in claims if c not in CLAIMS]
    if unknown or not claims or len(set(claims)) != len(claims):
        raise InputError(f"--claims must be distinct claims among {', '.join(CLAIMS)} (or all); got "
                         f"{', '.join(claims) or 'none'}")
    if isinstance(budget, bool) or not 0 < budget <= MAX_BUDGET:
        raise InputError(f"--budget must be in (0, {MAX_BUDGET}] seconds, got {budget:g}")
    if isinstance(workers, bool) or not isinstance(workers, int) or not 1 <= workers <= 256:
        raise InputError(f"--workers must be a whole number from 1 to 256, got {workers}")
    say = stream if stream is not None else sys.stdout
    entries, errors = read_kernels(kernels)
    backend = DaskBackend(dask, workers) if dask else None  # an unreachable scheduler: refused before anything
    try:
        store = Store.open(folder, {"claims": claims, "budget": float(budget)}, force=force)
    except BaseException:
        if backend is not None:
            backend.close()
        raise
    try:
        specs, keys = [], {}
        for kernel in entries:
            for claim in claims:
                keys[(kernel.name, claim)] = key = cell_key(kernel.expression, kernel.assumptions, claim)
        finished = store.finished(set(keys.values()))
        seen = set(finished)
        for kernel in entries:
            for claim in claims:
                key = keys[(kernel.name, claim)]
                if key not in seen:  # two names for one expression: one cell
                    seen.add(key)
                    specs.append({"key": key, "name": kernel.name, "function": kernel.expression,
                                  "assumptions": list(kernel.assumptions), "parametric": kernel.parametric,
                                  "claim": claim, "budget": float(budget)})
        specs.sort(key=lambda spec: not spec["parametric"])  # families (the longest cells) first: a shorter tail
        total = len(set(keys.values()))
        progress = Progress(total, already=total - len(specs), stream=stream if stream is not None else sys.stderr,
                            quiet=quiet)
        for error in errors:
            progress.note(f"{kernels}: {error} (skipped)")
        if specs:
            if not quiet:
                progress.note(f"{len(specs)} of {total} cells to compute ({total - len(specs)} already in "
                              f"{os.path.join(folder, DATABASE)})")
            backend = backend or LocalBackend(workers)

            def on_cell(spec, cell):
                row = record(store, spec, cell)
                progress.cell(spec["name"], spec["claim"], row["verdict"], row["method"], row["seconds"])
                if spec["attempt"] > 1 and not quiet:
                    progress.note(f"{spec['name']}, {spec['claim']}: its process died and the cell was run again")

            with _interrupts() as interrupted:
                try:
                    drive(backend, specs, on_cell, interrupted)
                except Interrupted:
                    progress.close()
                    print(f"symrep: interrupted: {progress.done} cells are kept in {os.path.join(folder, DATABASE)}; "
                          f"run the same command again to compute the {total - progress.done} left",
                          file=sys.stderr)
                    return EXIT_INTERRUPTED
        progress.close()
        rows = {}
        for kernel in entries:
            for claim in claims:
                row = store.cell(keys[(kernel.name, claim)])
                rows[(kernel.name, claim)] = dict(row, name=kernel.name)
        if not quiet:
            progress.note(f"writing atlas.json, atlas.tex and atlas.html (the certificates are rendered again; "
                          f"about 50 ms each)")
        write_atlas(folder, entries, claims, rows, budget=budget)
        families = " (families by region)" if any(k.parametric for k in entries) else ""
        print(f"survey of {len(entries)} kernels x {len(claims)} claims, {total} cells ({len(specs)} computed now); "
              f"atlas{families}: {summary(list(rows.values()))}; atlas.json, atlas.tex, atlas.html written to "
              f"{folder}", file=say)
        if errors:
            print(f"symrep: {len(errors)} malformed entries of {kernels} were skipped (listed above)", file=sys.stderr)
            return EXIT_BAD_INPUT
        return EXIT_OK
    finally:
        store.close()
        if backend is not None:
            backend.close()


@contextlib.contextmanager
def _interrupts():
    """``interrupted()`` turns true at SIGINT or SIGTERM (handled here, in the main thread only)."""
    flag = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield flag.is_set
        return
    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}

    def handler(number, frame):
        flag.set()

    for number in before:
        signal.signal(number, handler)
    try:
        yield flag.is_set
    finally:
        for number, old in before.items():
            signal.signal(number, old)
