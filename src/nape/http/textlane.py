"""The long-text lane: a per-request CPU budget for reading long texts, and isolation so that
they cannot hold up short ones.

In ``nape serve`` every worker process reads texts longer than ``NAPE_LONG_TEXT_CHARS`` (once
normalised) in one child process of its own, one text at a time, at a lower scheduling priority
(``nice`` +10), instead of in the worker. Short texts and finding-only requests stay in the worker,
so they are answered first while a long text is read. The child has a CPU budget per text
(``NAPE_TEXT_BUDGET_S``): the kernel stops it when the text has used that much CPU time
(``ITIMER_PROF``, whose signal ends the process even inside compiled code that never returns to
Python), and the request is answered ``E206`` (422) in place of a worker held for seconds. A
long text that cannot start, or finish, within ``NAPE_TEXT_WAIT_S`` of wall time (others before
it, or a machine too busy to give the lane CPU) is answered ``E207`` (503, ``Retry-After``).

Children are forked from a ``multiprocessing`` fork server that has loaded and warmed the text
pipeline once (``nape.http.textlane_preload``), so a child stopped by its budget is replaced in
milliseconds without rebuilding the pipeline. The reading itself is the same code as in the
worker: the lane changes where and under what limits a text is read, never what it is read as.

Short texts have no budget of their own: their cost is bounded by their length (the intake's
cost is linear; at 2,000 characters the costliest input measured takes ~33 ms). Outside
``nape serve`` (the command line, tests' own apps) no lane is enabled and every text is read
in-process, as before.

Example (in a worker)::

    enable_lane()
    bounded(assess_json, text, text, None, 40, None)  # fn, the text that decides, fn's arguments
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
import unicodedata
from collections.abc import Callable, Mapping
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from nape import interview
from nape.assessment import assess
from nape.core.config import get_settings
from nape.errors import NapeError, TextBudgetError, TextReaderBusyError
from nape.interview import InterviewState
from nape.interview.flow import Subject

T = TypeVar("T")

#: Imported by the fork server before it forks any child: lowers its priority, warms the pipeline.
PRELOAD = "nape.http.textlane_preload"


def assess_json(
    text: str | None, findings: Mapping[str, bool] | None, age: int | None, sex: str | None
) -> dict[str, Any]:
    """``assess(...).to_json_dict()``: what ``POST /v1/assess`` answers (a plain, picklable dict)."""
    return assess(text, findings=findings, age=age, sex=sex).to_json_dict()


def start_interview(
    text: str | None,
    age: int | None,
    sex: str | None,
    findings: dict[str, bool] | None,
    subject: Subject | None,
    relation: str | None,
) -> InterviewState:
    """``interview.start(...)`` with its arguments in order (the lane passes them positionally)."""
    return interview.start(text, age=age, sex=sex, findings=findings, subject=subject, relation=relation)


def _child(conn: Connection) -> None:
    """The long-text process: read jobs ``(fn, args, budget)`` and answer ``(ok, value)`` until the
    worker closes its end. SIGPROF keeps its default action (end the process): the budget. Its
    priority is the fork server's, lowered by ``nice`` +10 (``nape.http.textlane_preload``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the worker, which closes the pipe
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGPROF, signal.SIG_DFL)
    while True:
        try:
            fn, args, budget = conn.recv()
        except (EOFError, OSError):
            return
        signal.setitimer(signal.ITIMER_PROF, budget)
        try:
            answer: tuple[bool, object] = (True, fn(*args))
        except NapeError as exc:
            answer = (False, exc)
        except Exception as exc:  # a bug: the worker answers it as its last resort would
            answer = (False, RuntimeError(f"{type(exc).__name__}: {exc}"))
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        conn.send(answer)


class TextLane:
    """One long-text process, used by one request at a time (a lock; requests are threads)."""

    def __init__(self, budget_s: float, wait_s: float) -> None:
        self.budget_s = budget_s
        self.wait_s = wait_s
        self._lock = threading.Lock()
        self._ctx = multiprocessing.get_context("forkserver")
        self._ctx.set_forkserver_preload([PRELOAD])
        self._proc: BaseProcess | None = None
        self._conn: Connection | None = None

    def start(self) -> None:
        """Start the fork server and the child now (it takes seconds: do it before traffic)."""
        with self._lock:
            self._ensure()

    def _ensure(self) -> Connection:
        if self._proc is None or self._conn is None or not self._proc.is_alive():
            self._stop()
            mine, theirs = self._ctx.Pipe()
            proc = self._ctx.Process(target=_child, args=(theirs,), name="nape-long-text", daemon=True)
            proc.start()
            theirs.close()
            self._proc, self._conn = proc, mine
        return self._conn

    def _stop(self) -> int | None:
        """Kill the child (if alive) and return its exit code."""
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if conn is not None:
            conn.close()
        if proc is None:
            return None
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        code = proc.exitcode
        proc.close()
        return code

    def run(self, fn: Callable[..., T], *args: object) -> T:
        """``fn(*args)`` in the child under the budget. ``fn`` and ``args`` must pickle."""
        deadline = time.monotonic() + self.wait_s
        if not self._lock.acquire(timeout=self.wait_s):
            raise _busy()
        try:
            conn = self._ensure()
            conn.send((fn, args, self.budget_s))
            if not conn.poll(max(0.0, deadline - time.monotonic())):
                self._stop()
                raise _busy()
            try:
                ok, value = conn.recv()
            except (EOFError, OSError):
                code = self._stop()
                if code == -signal.SIGPROF:
                    raise TextBudgetError(
                        f"reading this text took more than the {self.budget_s:g} CPU seconds one text may take, "
                        "so it was stopped and nothing was saved; shorten it, or remove long runs of repeated "
                        "words or symbols, and try again"
                    ) from None
                raise _busy() from None
        finally:
            self._lock.release()
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def close(self) -> None:
        with self._lock:
            self._stop()


def _busy() -> TextReaderBusyError:
    return TextReaderBusyError(
        "the service is busy reading other long texts and could not read this one in time; "
        f"nothing was saved; try again in {TextReaderBusyError.retry_after} seconds"
    )


_lane: TextLane | None = None
_lane_guard = threading.Lock()


def enable_lane(*, start: bool = True) -> TextLane:
    """Read long texts in this process's long-text lane from now on (``nape serve`` workers)."""
    global _lane
    with _lane_guard:
        if _lane is None:
            s = get_settings()
            _lane = TextLane(s.text_budget_s, s.text_wait_s)
        lane = _lane
    if start:
        lane.start()
    return lane


def disable_lane() -> None:
    """Stop the lane (its child and fork server end when the worker does); texts are read in-process."""
    global _lane
    with _lane_guard:
        lane, _lane = _lane, None
    if lane is not None:
        lane.close()


def is_long(text: str | None) -> bool:
    """Whether ``text`` goes to the lane: longer than ``NAPE_LONG_TEXT_CHARS`` once NFKC-normalised
    (normalising can grow a text many times over, as the intake's own limit check knows)."""
    if not text:
        return False
    limit = get_settings().long_text_chars
    return len(text) > limit or len(unicodedata.normalize("NFKC", text)) > limit


def bounded(fn: Callable[..., T], text: str | None, *args: object) -> T:
    """``fn(*args)``: in the lane when it is enabled and ``text`` is long, else here."""
    lane = _lane
    if lane is not None and is_long(text):
        return lane.run(fn, *args)
    return fn(*args)
