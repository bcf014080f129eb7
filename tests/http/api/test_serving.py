"""``nape serve``: its own listening socket keeps TCP_NODELAY; two real workers share interviews."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2
import pytest

from nape.errors import InputError
from nape.server.serving import tcp_listener


def test_the_listener_is_tcp_so_accepted_connections_get_nodelay() -> None:
    listener = tcp_listener("127.0.0.1", 0)
    seen: list[int] = []

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            sock = transport.get_extra_info("socket")
            seen.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    async def connect_once() -> None:
        server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
        _, writer = await asyncio.open_connection(*listener.getsockname())
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.01)
        writer.close()
        server.close()
        await server.wait_closed()

    assert listener.proto == socket.IPPROTO_TCP
    asyncio.run(connect_once())
    assert seen and seen[0] != 0


def test_a_port_in_use_is_a_numbered_error() -> None:
    taken = tcp_listener("127.0.0.1", 0)
    taken.listen()
    with pytest.raises(InputError, match="cannot listen"):
        tcp_listener("127.0.0.1", taken.getsockname()[1])
    taken.close()


@pytest.mark.slow
def test_nape_serve_with_two_workers_on_a_fresh_data_dir(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "NAPE_DATABASE_URL"} | {"NAPE_DATA_DIR": str(tmp_path)}
    cmd = [sys.executable, "-m", "nape.cli", "serve", "--port", str(port), "--workers", "2"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx2.get(f"{base}/v1/health", timeout=1).json()["database"] == "ok":
                    break
            except httpx2.TransportError:
                time.sleep(0.1)
        body = httpx2.post(f"{base}/v1/interviews", json={"findings": {"neck_stiffness": True}}).json()
        for _ in range(6):  # new connections each time: the two workers take turns accepting
            q = body["next_question"]
            body = httpx2.post(  # dont_know: the question may be multiple choice
                f"{base}/v1/interviews/{body['id']}/answers", json={"finding": q["finding"], "answer": "dont_know"}
            ).json()
        assert len(body["answers"]) == 6
        assert (tmp_path / "nape.db").exists()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the process group this test started
        proc.wait(20)
