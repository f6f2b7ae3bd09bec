"""A hard stop for the prover: the untrusted SymPy search runs in a child process that is killed at
the deadline.

A single ``simplify`` or ``limit`` can run for minutes and nothing inside the process can interrupt it
safely (an exception raised asynchronously by a signal handler lands in SymPy's caches, in a garbage
collector callback or a ``__del__``, where Python may swallow it; and off the main thread no signal
can be used at all). So :func:`run` sends a *job* (``certify``'s search, ``classify``'s breakpoint
search, ``stable_rank_bound``'s enclosure) to a worker process that has already imported SymPy and
symrep, waits for the answer until the deadline plus :data:`GRACE` seconds, and kills the worker if it
is still busy then. The same holds from the main thread, a worker thread, a thread pool or a Jupyter
kernel. Inside the worker the search still checks its budget cooperatively (``Budget.tick``), so it
usually stops by itself and answers "the budget ran out" before it is killed.

The worker checks each candidate certificate as the search finds it (so a check that runs on is stopped
by the kill too), and only a certificate the kernel accepted comes back. The worker is a fork of the
caller running the same checker, so the callers (:func:`~symrep.analysis.verdicts.certify` and the
others) do not check it a second time (that doubled the cost of a heavy certificate); they check that
the answer is to the question asked. ``Certificate.check()`` and ``symrep check`` re-verify any
certificate anywhere. A survey, whose cells may come from Dask workers on other machines running
another installation, does re-check every certificate (:mod:`symrep.survey.record`).

Workers
-------
Workers are started lazily, on the first job, and reused: a small pool, one worker per job running at
the same time (several threads at once each get their own), at most :data:`KEEP_IDLE` kept when idle.
A worker that was killed or died is replaced on the next job. On Linux a worker is forked from the
calling process (a few milliseconds, and it inherits the imported modules and SymPy's cache); where
``fork`` is not available, the ``forkserver`` or ``spawn`` start method is used (a one-time cost of a
second or two to import SymPy). The first job of a process pays the start of a worker on top of its
budget; the budget is the search's.

Slack
-----
A call returns at most :data:`GRACE` seconds after its budget, plus the time to kill and reap a busy
worker (milliseconds), plus the start of a worker on the first call of a process or after a kill (milliseconds by fork).

Debugging
---------
``SYMREP_IN_PROCESS=1`` in the environment (or :func:`set_in_process`) runs every job in the calling
process with the cooperative checks only, as symrep did before: no hard stop, but tracebacks and
debuggers work. Processes that may not have children (a ``multiprocessing`` daemon, such as a process
pool's worker) run their jobs in-process too.

Examples
--------
>>> from symrep.analysis import hard_stop
>>> import time
>>> start = time.monotonic()
>>> outcome = hard_stop.run("test-sleep", (3600.0,), deadline=time.monotonic() + 0.5)
>>> outcome.stopped, time.monotonic() - start < 0.5 + hard_stop.GRACE + 5
(True, True)
>>> hard_stop.run("test-echo", ("hello",), deadline=time.monotonic() + 30).value
'hello'
"""

import contextlib
import contextvars
import gc
import importlib
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from multiprocessing.reduction import ForkingPickler

__all__ = ["run", "report", "Outcome", "GRACE", "KEEP_IDLE", "MAX_WORKERS", "set_in_process", "in_process",
           "worker_pids", "shutdown", "stalled"]

#: Seconds a worker may run past its job's deadline (to stop at its own cooperative check and send its
#: "the budget ran out" answer) before it is killed.
GRACE = 0.5
#: Idle workers kept for later jobs; more are started while several threads run jobs at once.
KEEP_IDLE = 2
#: Seconds a new worker may take to start before the job is given up.
START_SECONDS = 60.0
#: Most workers at once (jobs from more threads than this wait for one, until their deadline).
MAX_WORKERS = max(4, 2 * (os.cpu_count() or 1))

#: The jobs a worker runs: name -> "module:function". Only these names cross the pipe.
JOBS = {
    "certify": "symrep.analysis.verdicts:_certify_here",
    "breakpoints": "symrep.analysis.classification:_recorded_breaks",
    "stable-rank": "symrep.attention.stable_rank:_stable_rank_here",
    "survey-cell": "symrep.survey.cell:compute",
    "test-sleep": "symrep.analysis.hard_stop:_test_sleep",
    "test-spin": "symrep.analysis.hard_stop:_test_spin",
    "test-echo": "symrep.analysis.hard_stop:_test_echo",
    "test-exit": "symrep.analysis.hard_stop:_test_exit", "test-pid": "symrep.analysis.hard_stop:_test_pid",
}

#: Imported by the caller before its first worker is forked, so that neither pays for them twice: what
#: SymPy imports lazily on its first ``simplify`` (half a second).
PRELOAD = ["symrep.analysis.verdicts", "sympy.physics.units"]

_IN_WORKER = False
_FORCED_IN_PROCESS = None


@dataclass
class Outcome:
    """What became of a job: its ``value``, or ``stopped`` (the deadline passed and the worker was
    killed), or ``died`` (the worker ended, or answered what cannot be read, without a usable answer),
    with ``reason`` in words."""

    value: object = None
    stopped: bool = False
    died: bool = False
    reason: str = ""

    @property
    def ok(self):
        return not (self.stopped or self.died)


class _RemoteTraceback(Exception):
    """The traceback of an exception raised in the worker (attached as ``__cause__``)."""

    def __str__(self):
        return self.args[0]


def set_in_process(flag):
    """Run jobs in the calling process (True), in workers (False), or as the environment says (None)."""
    global _FORCED_IN_PROCESS
    _FORCED_IN_PROCESS = flag


def in_process():
    """Whether jobs run in the calling process: inside a worker, when asked for, or where no child
    process may be started (a daemonic ``multiprocessing`` process)."""
    if _IN_WORKER:
        return True
    if _FORCED_IN_PROCESS is not None:
        return _FORCED_IN_PROCESS
    if os.environ.get("SYMREP_IN_PROCESS", "").strip().lower() in ("1", "true", "yes", "on"):
        return True
    return bool(multiprocessing.current_process().daemon)


def run(job, args=(), kwargs=None, *, deadline, progress=None):
    """Run ``job`` (a name of :data:`JOBS`) with ``args`` and ``kwargs`` in a worker; give up at
    ``deadline`` (a ``time.monotonic()`` value) plus :data:`GRACE`.

    Returns an :class:`Outcome`. An exception raised by the job (bad input, say) is raised here again,
    with the worker's traceback as its cause. ``progress``, if given, is called here with each line
    the job reports through :func:`report`.
    """
    kwargs = dict(kwargs or {})
    if job not in JOBS:
        raise ValueError(f"unknown job {job!r}")
    if in_process():
        return Outcome(_call(job, args, kwargs, progress))
    try:
        message = ForkingPickler.dumps((job, args, kwargs, getattr(_STALL, "seconds", 0.0)))
    except Exception:  # arguments that do not pickle (an object defined on the fly): run here, as before
        return Outcome(_call(job, args, kwargs, progress))
    for attempt in range(2):  # an idle worker may have died since its last job: then a new one
        try:
            worker = _POOL.acquire(deadline)
        except _CannotStart as exc:
            return Outcome(died=True, reason=f"the prover process could not be started ({exc})")
        if worker is None:
            return Outcome(stopped=True, reason=f"the time budget ran out while all {MAX_WORKERS} prover "
                                                f"processes were busy")
        try:
            worker.conn.send_bytes(message)
            break
        except OSError:
            reason = _POOL.discard(worker)
            if worker.fresh:
                return Outcome(died=True, reason=reason)
    else:
        return Outcome(died=True, reason=reason)
    try:
        while True:
            left = deadline + GRACE - time.monotonic()
            if left <= 0 or not worker.conn.poll(left):
                _POOL.discard(worker)
                return Outcome(stopped=True, reason="the time budget ran out and the search process was stopped")
            try:
                kind, payload = worker.conn.recv()
            except (EOFError, OSError):
                reason = _POOL.discard(worker)
                return Outcome(died=True, reason=reason)
            except Exception as exc:  # an answer that does not unpickle here: no answer at all
                _POOL.discard(worker)
                return Outcome(died=True, reason=f"the prover's answer could not be read ({type(exc).__name__}: "
                                                 f"{exc})")
            if kind == "ready":  # a forked worker's greeting
                continue
            if kind == "progress":
                if progress is not None:
                    progress(payload)
                continue
            _POOL.release(worker)
            if kind == "value":
                return Outcome(payload)
            exc, text = payload
            raise exc from _RemoteTraceback(text)
    except BaseException:  # KeyboardInterrupt, or a callback that raised: the job is abandoned
        if not worker.released:
            _POOL.discard(worker)
        raise


def report(line):
    """Send a line of progress to the caller of :func:`run` (called from inside a job)."""
    sink = _PROGRESS.get()
    if sink is not None:
        sink(line)


def worker_pids():
    """Process ids of the workers now running a job (for tests that kill one)."""
    return _POOL.busy_pids()


def shutdown():
    """Stop every idle worker (busy ones are stopped when their jobs end)."""
    _POOL.close_idle()


@contextlib.contextmanager
def stalled(seconds):
    """For tests: jobs sent from this thread make their worker sleep ``seconds`` first, as if one
    SymPy call ran on without reaching a cooperative check (only the kill can stop it then)."""
    before = getattr(_STALL, "seconds", 0.0)
    _STALL.seconds = float(seconds)
    try:
        yield
    finally:
        _STALL.seconds = before


_PROGRESS = contextvars.ContextVar("symrep_hard_stop_progress", default=None)
_STALL = threading.local()


def _call(job, args, kwargs, progress):
    module, name = JOBS[job].split(":")
    function = getattr(importlib.import_module(module), name)
    token = _PROGRESS.set(progress)
    try:
        return function(*args, **kwargs)
    finally:
        _PROGRESS.reset(token)


# --- the pool (in the calling process) ---------------------------------------------------------------

class _CannotStart(Exception):
    pass


class _Worker:
    def __init__(self, process, conn):
        self.process, self.conn, self.released, self.fresh = process, conn, False, True


class _Pool:
    def __init__(self):
        self.lock = threading.Lock()
        self.freed = threading.Condition(self.lock)
        self.idle, self.busy = [], []
        self.owner = os.getpid()

    def _check_owner(self):
        """After ``os.fork`` in a user's program the child must not use its parent's workers."""
        if self.owner != os.getpid():
            self.idle, self.busy, self.owner = [], [], os.getpid()

    def acquire(self, deadline):
        """An idle worker, or a new one; None if ``MAX_WORKERS`` stay busy until ``deadline``."""
        with self.lock:
            self._check_owner()
            while True:
                while self.idle:
                    worker = self.idle.pop()
                    if worker.process.is_alive():
                        worker.released, worker.fresh = False, False
                        self.busy.append(worker)
                        return worker
                    _close(worker)
                if len(self.busy) < MAX_WORKERS:
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.freed.wait(left)
            worker = self._start()
            self.busy.append(worker)
            return worker

    def release(self, worker):
        with self.lock:
            worker.released = True
            if worker in self.busy:
                self.busy.remove(worker)
            self.freed.notify()
            if len(self.idle) < KEEP_IDLE and worker.process.is_alive() and self.owner == os.getpid():
                self.idle.append(worker)
                return
        _stop(worker, kill=False)

    def discard(self, worker):
        """Kill ``worker`` (if still alive) and forget it; return what ended it, in words."""
        with self.lock:
            worker.released = True
            if worker in self.busy:
                self.busy.remove(worker)
            self.freed.notify()
        return _stop(worker, kill=True)

    def busy_pids(self):
        with self.lock:
            return [w.process.pid for w in self.busy if w.process is not None]

    def close_idle(self):
        with self.lock:
            idle, self.idle = self.idle, []
        for worker in idle:
            _stop(worker, kill=False)

    def _start(self):
        context = multiprocessing.get_context(_start_method())
        for name in PRELOAD:
            importlib.import_module(name)
        if context.get_start_method() == "forkserver":
            context.set_forkserver_preload(["symrep.analysis.hard_stop"] + PRELOAD)
        ours, theirs = context.Pipe(duplex=True)
        inherited = [w.conn for w in self.idle + self.busy]
        frozen = context.get_start_method() == "fork"
        if frozen:  # the worker's collector then leaves the inherited objects alone: no copy-on-write of them
            gc.freeze()
        try:
            process = context.Process(target=_serve, args=(theirs, inherited), name="symrep-prover", daemon=True)
            process.start()
        except Exception as exc:  # AssertionError in a daemonic process, OSError when out of processes
            ours.close()
            theirs.close()
            raise _CannotStart(f"{type(exc).__name__}: {exc}") from None
        finally:
            if frozen:
                gc.unfreeze()
        theirs.close()
        if context.get_start_method() != "fork":  # a new interpreter imports SymPy first: wait for it
            if not ours.poll(START_SECONDS):
                _stop(_Worker(process, ours), kill=True)
                raise _CannotStart(f"no answer within {START_SECONDS:g} s")
            try:
                ours.recv()
            except (EOFError, OSError):
                reason = _stop(_Worker(process, ours), kill=True)
                raise _CannotStart(reason) from None
        return _Worker(process, ours)


def _start_method():
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _close(worker):
    try:
        worker.conn.close()
    except OSError:
        pass


def _stop(worker, *, kill):
    """End a worker: politely (close its pipe: it exits) or by SIGKILL; reap it; say how it ended."""
    process = worker.process
    if kill and process.is_alive():
        try:
            process.kill()
        except (OSError, AttributeError):
            pass
    _close(worker)
    if not kill:  # it exits when it sees its pipe closed; multiprocessing reaps it later
        return "the prover process was closed"
    process.join(timeout=2.0)
    code = process.exitcode
    if code is None:
        return "the prover process did not end"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        why = " (out of memory, or killed from outside)" if -code == signal.SIGKILL else ""
        return f"the prover process died: killed by {name}{why}"
    return f"the prover process died: it exited with code {code}"


_POOL = _Pool()


# --- the worker (in the child process) ---------------------------------------------------------------

def _serve(conn, inherited=()):
    """The worker's loop: receive a job, run it in a fresh context, send back its value or exception."""
    global _IN_WORKER
    _IN_WORKER = True
    for other in inherited:  # pipes of the caller's other workers, copied by fork: not ours to hold
        try:
            other.close()
        except OSError:
            pass
    for stream in ("stdout", "stderr"):  # not a notebook's or a test runner's stream objects (fork copied them)
        original = getattr(sys, f"__{stream}__")
        setattr(sys, stream, original if original is not None else open(os.devnull, "w"))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the caller, which stops us
    for name in ("SIGALRM", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    parent = os.getppid()
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    for name in PRELOAD:  # already there when forked from the caller
        try:
            importlib.import_module(name)
        except Exception:
            pass
    try:
        conn.send(("ready", None))
    except OSError:
        return
    _serve_jobs(conn)


def _serve_jobs(conn):
    while True:
        try:
            job, args, kwargs, stall = conn.recv()
        except (EOFError, OSError):
            return
        if stall:  # a test's stand-in for one SymPy call that runs on (see stalled)
            time.sleep(stall)
        sink = lambda line: conn.send(("progress", str(line)))  # noqa: E731
        try:  # a fresh context: nothing of the caller's context variables (fork copied them)
            value = contextvars.Context().run(_call, job, args, kwargs, sink)
            message = ("value", value)
        except Exception as exc:
            message = ("error", (exc, traceback.format_exc()))
        except BaseException as exc:  # noqa: BLE001  (an escaped OutOfTime, SystemExit: in words, not raw)
            message = ("error", (RuntimeError(f"{type(exc).__name__} in the prover: {exc}"), traceback.format_exc()))
        try:
            conn.send(message)
        except Exception:  # the value or the exception does not pickle: send it in words
            if message[0] == "value":
                exc = TypeError(f"the prover's answer could not be sent back: {type(message[1]).__name__}")
            else:
                exc = RuntimeError(f"{type(message[1][0]).__name__}: {message[1][0]}")
            try:
                conn.send(("error", (exc, message[1][1] if message[0] == "error" else "")))
            except OSError:
                return


def _watch_parent(parent):
    """Exit when the calling process is gone (no orphans left running a hopeless simplify)."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


# --- jobs for the tests --------------------------------------------------------------------------------

def _test_sleep(seconds):
    time.sleep(seconds)
    return seconds


def _test_spin(seconds):
    """Busy pure Python that never checks a budget."""
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
    return n


def _test_echo(value, lines=()):
    for line in lines:
        report(line)
    return value


def _test_pid():
    return os.getpid()


def _test_exit(code):
    os._exit(code)
