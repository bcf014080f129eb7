"""Where partitions run: a Dask cluster, or a process pool on this machine, behind one interface.

Each worker process builds nape's pipeline once (``warm_up``, the same public ``assess`` call as
``nape assess``) and then screens whole partitions, one at a time (one thread per process: the
pipeline is CPU-bound Python).
"""

from __future__ import annotations

import importlib
import logging
import os
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from typing import Any, Protocol

from nape.errors import ScreenRunError

log = logging.getLogger("nape.screen")

#: Local engines: "process" (a process pool; the default, chosen by measurement, see
#: benchmarks/README.md) or "dask" (a Dask LocalCluster).
LOCAL_ENGINES = ("process", "dask")


def warm_up() -> int:
    """Build the pipeline and the model in this process (a fixed sentence, no patient data)."""
    from nape.assessment import assess

    assess("neck pain")
    return os.getpid()


#: A local worker process is replaced after this many partitions (at most ~20,000 notes); a new
#: one costs one pipeline build, under 1% of the work it replaces.
TASKS_PER_CHILD = 10
#: Dask LocalCluster workers are restarted after this long (staggered), for the same reason.
DASK_LIFETIME = "30 minutes"


class Engine(Protocol):
    workers: int

    def run(self, fn: Callable[..., Any], items: list[Any], *args: Any) -> Iterator[Any]:
        """``fn(item, *args)`` for every item, yielding results as they complete."""
        ...

    def close(self) -> None: ...


class ProcessEngine:
    """A pool of spawned processes; each is replaced after ``tasks_per_child`` partitions, which
    bounds what a long-lived process accumulates (spaCy's vocabulary grows with every new word)."""

    def __init__(self, workers: int, tasks_per_child: int | None = TASKS_PER_CHILD) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=get_context("spawn"),
            initializer=warm_up,
            max_tasks_per_child=tasks_per_child,
        )

    def run(self, fn: Callable[..., Any], items: list[Any], *args: Any) -> Iterator[Any]:
        futures = [self._pool.submit(fn, item, *args) for item in items]
        try:
            for fut in as_completed(futures):
                yield fut.result()
        finally:
            for fut in futures:
                fut.cancel()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """A Dask distributed client: to a running scheduler (``tcp://HOST:8786``), or to a
    LocalCluster of ``workers`` single-threaded processes started here."""

    def __init__(self, scheduler: str | None, workers: int) -> None:
        dist: Any = importlib.import_module("distributed")
        self._cluster: Any = None
        self._client: Any = None
        try:
            if scheduler:
                self._client = dist.Client(scheduler, timeout="20s")
            else:
                self._cluster = dist.LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    lifetime=DASK_LIFETIME,
                    lifetime_stagger="2 minutes",
                    lifetime_restart=True,
                )
                self._client = dist.Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            raise ScreenRunError(f"cannot reach the Dask scheduler {scheduler} ({type(exc).__name__})") from exc
        info = self._client.scheduler_info()
        self.workers = max(1, sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values()))
        self._client.run(warm_up)

    def run(self, fn: Callable[..., Any], items: list[Any], *args: Any) -> Iterator[Any]:
        dask_completed: Any = importlib.import_module("distributed").as_completed

        run_id = uuid.uuid4().hex[:12]
        futures = [
            self._client.submit(fn, item, *args, pure=False, key=f"nape-screen-{run_id}-{i}")
            for i, item in enumerate(items)
        ]
        try:
            for fut in dask_completed(futures):
                yield fut.result()
        finally:
            self._client.cancel(futures)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(scheduler: str | None, workers: int | None, local: str = "process") -> Engine:
    n = workers or os.cpu_count() or 1
    if scheduler or local == "dask":
        return DaskEngine(scheduler, n)
    return ProcessEngine(n)
