"""Run the cells of a survey: on this machine (``workers`` prover processes) or on a Dask cluster.

Both backends compute :func:`symrep.survey.cell.compute` in killable processes, so that a cell's
budget holds: locally, ``workers`` threads each hand one cell at a time to a prover process of
:mod:`symrep.analysis.hard_stop` (killed at the cell's budget plus :data:`~symrep.survey.cell.SLACK`);
on Dask, each task runs :func:`~symrep.survey.cell.run_in_worker`, which does the same inside the Dask
worker. A process that dies loses only its cell: the cell is run once more, and if its process dies
again it is reported ``unknown`` with the reason.

:func:`drive` feeds the cells to a backend and hands each finished one to a callback (which checks
and records it in the calling thread); between results it looks at ``interrupted()`` at least five
times a second and stops the backend's processes when it turns true.

Examples
--------
>>> from symrep.analysis import hard_stop
>>> hard_stop.set_in_process(True)
>>> got = []
>>> specs = [{"key": "a", "function": "exp(-x)", "assumptions": [], "claim": "pd-l1", "budget": 5.0}]
>>> drive(LocalBackend(1), specs, lambda spec, cell: got.append((spec["key"], cell["verdict"])))
>>> got
[('a', 'holds')]
>>> hard_stop.set_in_process(None)
"""

import collections
import json
import os
import queue
import threading
import time

from symrep.errors import InputError
from symrep.survey.cell import SLACK, WorkerDied, stopped_cell, warm_up

__all__ = ["drive", "LocalBackend", "DaskBackend", "Interrupted", "TEST_HOOKS", "ATTEMPTS"]

#: How often a cell is run when its process dies (the first run and one retry).
ATTEMPTS = 2
#: For tests only: kernel name -> {"stall": seconds, "die": number of runs that end their process}; also
#: read as JSON from the environment variable ``SYMREP_SURVEY_TEST_HOOKS`` (for a survey in a subprocess).
TEST_HOOKS = json.loads(os.environ.get("SYMREP_SURVEY_TEST_HOOKS") or "{}")


class Interrupted(Exception):
    """The survey was interrupted (Ctrl-C); the cells finished so far are recorded."""


def drive(backend, specs, on_cell, interrupted=lambda: False):
    """Compute every spec with ``backend``; call ``on_cell(spec, cell)`` in this thread for each.

    ``spec["attempt"]`` is set (1, then 2 after a dead process). Raises :class:`Interrupted` when
    ``interrupted()`` turns true (after stopping the backend's processes).
    """
    pending = collections.deque(dict(spec, attempt=1) for spec in specs)
    running = 0
    try:
        while pending or running:
            while pending and running < backend.capacity:
                backend.submit(_hooked(pending.popleft()))
                running += 1
            for spec, cell in backend.wait(0.2):
                running -= 1
                if isinstance(cell, WorkerDied):
                    if spec["attempt"] < ATTEMPTS:
                        pending.appendleft(dict(spec, attempt=spec["attempt"] + 1))
                        continue
                    cell = {"verdict": "unknown", "method": None, "certificate": None, "regions": None,
                            "seconds": 0.0, "reason": f"not decided: the process computing this cell died "
                                                      f"{ATTEMPTS} times (the last time: {cell})"}
                on_cell(spec, cell)
                if interrupted():
                    raise Interrupted
            if interrupted():
                raise Interrupted
    except BaseException:
        backend.abort()
        raise
    finally:
        backend.close()


def _hooked(spec):
    hook = TEST_HOOKS.get(spec.get("name"))
    if not hook:
        return spec
    spec = dict(spec, stall=hook.get("stall", 0.0))
    spec["die"] = spec["attempt"] <= hook.get("die", 0)
    return spec


class LocalBackend:
    """``workers`` threads, each running one cell at a time in a prover process of this machine."""

    def __init__(self, workers):
        if not 1 <= workers <= 256:
            raise InputError(f"--workers must be from 1 to 256, got {workers}")
        from symrep.analysis import hard_stop

        warm_up()
        # one prover process per thread: more than hard_stop's default ceiling when asked for
        self.ceiling = hard_stop.MAX_WORKERS
        hard_stop.MAX_WORKERS = max(self.ceiling, workers)
        self.capacity = workers
        self.todo, self.done = queue.Queue(), queue.Queue()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._work, name=f"symrep-survey-{i}", daemon=True)
                        for i in range(workers)]
        for thread in self.threads:
            thread.start()

    def submit(self, spec):
        self.todo.put(spec)

    def wait(self, timeout):
        """The cells finished within ``timeout`` seconds (at least one unless the time ran out)."""
        try:
            out = [self.done.get(timeout=timeout)]
        except queue.Empty:
            return []
        while True:
            try:
                out.append(self.done.get_nowait())
            except queue.Empty:
                return out

    def _work(self):
        from symrep.analysis import hard_stop

        while not self.stopping.is_set():
            spec = self.todo.get()
            if spec is None:
                return
            try:
                outcome = hard_stop.run("survey-cell", (spec,), deadline=time.monotonic() + spec["budget"] + SLACK)
                cell = outcome.value if outcome.ok else stopped_cell(spec, outcome)
            except WorkerDied as exc:
                cell = exc
            except Exception as exc:  # noqa: BLE001  (the job raised: reported, never lost)
                cell = {"verdict": "unknown", "method": None, "certificate": None, "regions": None, "seconds": 0.0,
                        "reason": f"not decided: {type(exc).__name__}: {exc}"}
            if not self.stopping.is_set():
                self.done.put((spec, cell))

    def abort(self):
        """Stop at once: the prover processes still running a cell are killed."""
        import os
        import signal

        from symrep.analysis import hard_stop

        self.stopping.set()
        for pid in hard_stop.worker_pids():
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass

    def close(self):
        from symrep.analysis import hard_stop

        if not self.stopping.is_set():
            self.stopping.set()
            for _ in self.threads:
                self.todo.put(None)
            hard_stop.MAX_WORKERS = self.ceiling


class DaskBackend:
    """Cells as tasks of a Dask distributed scheduler (``address``), or of a ``LocalCluster`` started
    here with ``workers`` single-threaded worker processes when ``address`` is ``"local"``."""

    def __init__(self, address, workers=2, *, connect_seconds=5.0):
        try:
            import dask
            import distributed
        except ImportError:
            raise InputError("--dask needs Dask: pip install 'symrep[dask]' (dask and distributed)") from None
        self.distributed, self.cluster, self.futures = distributed, None, {}
        # a task whose worker dies is not retried by the scheduler (drive retries it once, the same everywhere);
        # a worker gets one task at a time (worker-saturation 1.0), so that its death takes no queued cell;
        # worker processes that are not daemons may start the prover processes that hold the budget
        settings = {"distributed.scheduler.allowed-failures": 0, "distributed.worker.daemon": False,
                    "distributed.scheduler.worker-saturation": 1.0,
                    "distributed.admin.log-length": 0, "logging.distributed": "error"}
        # (for as long as the cluster runs: a nanny reads them again when it restarts a dead worker)
        self.settings = dask.config.set(settings)
        self.client = None
        try:
            if address == "local":
                self.cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                        dashboard_address=None, silence_logs=50)
                self.client = distributed.Client(self.cluster)
            else:
                self.client = distributed.Client(address, timeout=connect_seconds)
        except (OSError, TimeoutError, ValueError, RuntimeError) as exc:
            self.close()
            where = "start a local Dask cluster" if address == "local" else f"reach the Dask scheduler at {address}"
            raise InputError(f"cannot {where}: {type(exc).__name__}: {exc}".splitlines()[0]) from None
        self._threads, self._asked = 1, 0.0

    @property
    def capacity(self):
        """The cluster's worker threads (asked again every two seconds): one cell per thread at a time, so
        that a worker that dies holds no queued cells that would die with it."""
        if time.monotonic() - self._asked > 2.0:
            try:
                self._threads = max(1, sum(self.client.nthreads().values()))
            except Exception:  # noqa: BLE001  (keep the last answer)
                pass
            self._asked = time.monotonic()
        return self._threads

    def submit(self, spec):
        from symrep.survey.cell import run_in_worker

        future = self.client.submit(run_in_worker, spec, pure=False, key=f"symrep-{spec['key']}-{spec['attempt']}")
        self.futures[future] = spec

    def wait(self, timeout):
        end = time.monotonic() + timeout
        while True:
            done = [f for f in self.futures if f.done()]
            if done or time.monotonic() >= end:
                break
            time.sleep(0.02)
        out = []
        for future in done:
            spec = self.futures.pop(future)
            out.append((spec, self._cell(future)))
        return out

    def _cell(self, future):
        if future.status == "finished":
            try:
                return future.result()
            except Exception as exc:  # noqa: BLE001  (lost between worker and client)
                return WorkerDied(f"{type(exc).__name__}: {exc}")
        exc = future.exception() if future.status == "error" else None
        if exc is None or isinstance(exc, (WorkerDied, self.distributed.KilledWorker)):
            self._asked = 0.0  # the cluster has fewer threads now: ask again before the next submission
            return WorkerDied(f"{type(exc).__name__ if exc else 'the task was lost'}: {exc}")
        return {"verdict": "unknown", "method": None, "certificate": None, "regions": None, "seconds": 0.0,
                "reason": f"not decided: {type(exc).__name__}: {exc}"}

    def abort(self):
        try:
            self.client.cancel(list(self.futures), force=True)
        except Exception:  # noqa: BLE001
            pass

    def close(self):
        things, self.client, self.cluster = (self.client, self.cluster), None, None
        for thing in things:
            if thing is not None:
                try:
                    thing.close(timeout=5)
                except Exception:  # noqa: BLE001
                    pass
        if self.settings is not None:
            self.settings.__exit__(None, None, None)
            self.settings = None
