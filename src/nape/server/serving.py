"""``nape serve``: migrate the database once, then run one or several uvicorn workers.

Several workers share one listening socket; uvicorn builds each from the factory import string
``nape.server.serving:worker_app`` (``create_app`` plus a warm-up). Interview state lives in the
database, so any worker serves any interview. The socket is made here and declared as TCP:
uvicorn 0.54 binds it with protocol 0, so asyncio leaves Nagle's algorithm on and every
keep-alive response waits ~40 ms for a delayed ACK (uvicorn issue 3149). Example::

    serve("127.0.0.1", 8000, workers=2)
"""

from __future__ import annotations

import gc
import socket
import sys
import threading

import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

from nape.assessment.warm import warm_up_pipeline
from nape.errors import InputError, StoreUnavailableError
from nape.http.textlane import enable_lane
from nape.server.app import create_app
from nape.store import Store

FACTORY = "nape.server.serving:worker_app"


def tcp_listener(host: str, port: int) -> socket.socket:
    """A bound, inheritable TCP socket whose accepted connections get TCP_NODELAY."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except (OSError, OverflowError) as exc:  # in use, no such address, port out of range
        sock.close()
        why = getattr(exc, "strerror", None) or str(exc)
        raise InputError(f"cannot listen on {host}:{port}: {why}") from None
    sock.set_inheritable(True)
    return sock


def warm_up() -> None:
    """Load the knowledge base, the model and the text pipeline before the first request, then
    move everything loaded so far out of the garbage collector's sight (``gc.freeze``).

    Without it a worker's first free-text request waits seconds for the intake to build its rules,
    and every few hundred requests a full collection walks the whole pipeline (~100 ms, measured
    with ``gc.callbacks``): that was the p99 of ``/v1/assess``.
    """
    warm_up_pipeline()
    gc.collect()
    gc.freeze()


def start_text_lane() -> None:
    """Read long texts in this worker's long-text lane (``nape.http.textlane``), starting its fork
    server and child in the background: they load the pipeline (seconds) while the worker serves."""
    lane = enable_lane(start=False)
    threading.Thread(target=lane.start, name="nape-long-text-start", daemon=True).start()


def worker_app() -> FastAPI:
    """The factory each worker process calls: the app, warmed up, with its long-text lane."""
    app = create_app()
    warm_up()
    start_text_lane()
    return app


def migrate_once() -> Store:
    """Bring the database to the newest schema before any worker starts (a warning if it is down)."""
    store = Store.from_settings()
    try:
        store.migrate()
    except StoreUnavailableError as exc:
        sys.stderr.write(f"warning: {exc}; interviews answer 503 until the database is back\n")
    return store


def serve(host: str, port: int, workers: int = 1, log_level: str = "warning") -> None:
    """Run the app until interrupted: in this process for one worker, else under uvicorn's supervisor."""
    sock = tcp_listener(host, port)  # first: a port in use is a numbered error before any warm-up
    try:
        store = migrate_once()
    except BaseException:
        sock.close()
        raise
    if workers == 1:
        app = create_app(store)
        warm_up()
        start_text_lane()
        uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level=log_level)).run(sockets=[sock])
        return
    store.dispose()
    config = uvicorn.Config(FACTORY, factory=True, host=host, port=port, workers=workers, log_level=log_level)
    Multiprocess(config, sockets=[sock]).run()
