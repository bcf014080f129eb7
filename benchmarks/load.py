"""Load benchmark (not a test): ``nape serve --workers 2`` on loopback with a temporary SQLite.

Usage: uv run python benchmarks/load.py [--seconds 10] [--concurrency 8] [--workers 2]
                                        [--client auto|python|wrk] [--rate R]
                                        [--loads findings,text,interview] [--attack] [--write]

Starts the server on a free port, warms every worker up (the text pipeline loads on first use),
then drives, each for ``--seconds``:

- ``assess_findings``: ``POST /v1/assess`` with finding ids (target >= 300/s, p99 < 50 ms),
- ``assess_text``: ``POST /v1/assess`` with a person's words (the intake pipeline runs),
- ``interview``: ``POST /v1/interviews`` then ``POST /v1/interviews/{id}/answers`` (database writes),
- with ``--attack``: ``mixed_with_attacks``, ordinary requests (findings and text in turn) with
  one request in ``--attack-every`` replaced by a 20,000-character pathological text (runs of
  symbols, emoji, ``1-2-3``, ``right`` and spaces, a repeated denial; each kind in turn); the
  figures are for the ordinary requests, the attacks' own times apart (with numbered refusals
  counted by code: 413 for a body over 64 kB, E206 over the CPU budget, E207 busy), and whether
  any worker was killed (the server's worker processes before and after). Issue 17's target:
  50 connections, p99 of ordinary requests under 100 ms, no worker killed.

Two ways of sending:

- **Closed loop** (the default): ``--concurrency`` connections, each sending its next request as
  soon as the last is answered, with no pause. Latency then measures the queue the clients
  themselves make: by Little's law the mean latency is connections / throughput, so at 50
  connections it is at least 50 / (requests per second the machine can serve); see README.md.
- **Open loop** (``--rate R``): requests arrive at R per second on average (Poisson, seeded, so
  runs before and after a change send the same sequence) whether or not earlier ones have been
  answered, over at most ``--concurrency`` connections; each latency is counted from the
  request's arrival, so time spent waiting for a free connection counts (no coordinated
  omission). This is how many independent people using the service behave.

The client is ``wrk`` when installed (``--client auto``, closed loop only), else an asyncio
client (httpx2); the interview phase always uses the Python client and the closed loop. The
client shares the machine's cores with the server, so figures are a floor. ``--write``
records them in benchmarks/README.md. Errors are listed by kind on stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx2

ROOT = Path(__file__).resolve().parents[1]
FINDINGS = {"findings": {"neck_stiffness": True, "unable_to_turn_head": True, "fever": False}, "age": 34}
TEXT = {"text": "Woke up with a stiff neck and can't turn my head to the left. No fever, no tingling.", "age": 34}
LONG = {"text": " ".join([TEXT["text"]] * 30), "age": 34}  # ~2,500 characters: read in the long-text lane
START = {"findings": {"neck_stiffness": True}, "age": 40}

Result = dict[str, float]
ATTACKS = [
    "$" * 20_000,
    "\U0001f600" * 20_000,
    "-".join(str(i % 10) for i in range(10_000)),
    "right" + " " * 19_995,
    ("no neck pain " * 1_600)[:20_000],
    ("!?" * 10_000),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, workers: int, data_dir: str) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "NAPE_DATABASE_URL"} | {"NAPE_DATA_DIR": data_dir}
    cmd = [sys.executable, "-m", "nape.cli", "serve", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx2.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).status_code == 200:
                return proc
        except httpx2.TransportError:
            time.sleep(0.2)
    stop_server(proc)
    raise SystemExit("the server did not start within 60 s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    os.killpg(proc.pid, signal.SIGTERM)  # the group this script started: uvicorn and its workers
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


ERROR_KINDS: Counter[str] = Counter()


def note_error(e: httpx2.HTTPError) -> None:
    """Count an error by kind (status and code, or exception type); printed to stderr at the end."""
    if isinstance(e, httpx2.HTTPStatusError):
        ERROR_KINDS[f"{e.response.status_code} {e.response.text[:60]}"] += 1
    else:
        ERROR_KINDS[type(e).__name__] += 1


def summary(latencies: list[float], elapsed: float, errors: int) -> Result:
    ms = sorted(x * 1000 for x in latencies)
    q = statistics.quantiles(ms, n=100) if len(ms) > 1 else ms * 99
    return {
        "requests_per_s": round(len(ms) / elapsed, 1),
        "p50_ms": round(q[49], 2),
        "p99_ms": round(q[98], 2),
        "requests": len(ms),
        "errors": errors,
    }


Step = Callable[[httpx2.AsyncClient, list[float]], Awaitable[None]]


async def timed(
    client: httpx2.AsyncClient, lat: list[float], path: str, body: object, since: float | None = None
) -> httpx2.Response:
    """POST and record the latency: from now, or from ``since`` (an open-loop request's scheduled
    time, so time spent waiting for a free connection counts as the person would see it)."""
    t = time.perf_counter() if since is None else since
    r = await client.post(path, json=body)
    lat.append(time.perf_counter() - t)
    r.raise_for_status()
    return r


async def open_loop(seconds: float, rate: float, send: Callable[[int, float], Awaitable[None]]) -> float:
    """Start ``send(n, scheduled)`` at Poisson arrival times, ``rate`` per second on average, for
    ``seconds``, whether or not earlier requests have been answered; wait for all. Returns the
    elapsed time. Seeded, so runs before and after a change send the same sequence."""
    rng = random.Random(17)
    tasks: list[asyncio.Task[None]] = []
    t0 = time.perf_counter()
    at, n = t0, 0
    while at < t0 + seconds:
        await asyncio.sleep(max(0.0, at - time.perf_counter()))
        n += 1
        tasks.append(asyncio.create_task(send(n, at)))
        at += rng.expovariate(rate)
    await asyncio.gather(*tasks)
    return time.perf_counter() - t0


async def drive_open(base: str, body: object, seconds: float, concurrency: int, rate: float) -> Result:
    """Open loop: ``POST /v1/assess`` with ``body`` at ``rate`` per second over at most ``concurrency`` connections."""
    lat: list[float] = []
    errors = 0
    limits = httpx2.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx2.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def send(_: int, at: float) -> None:
            nonlocal errors
            try:
                await timed(client, lat, "/v1/assess", body, since=at)
            except httpx2.HTTPError as e:
                errors += 1
                note_error(e)

        elapsed = await open_loop(seconds, rate, send)
    return summary(lat, elapsed, errors)


async def drive(base: str, step: Step, seconds: float, concurrency: int) -> Result:
    """Closed loop: ``concurrency`` connections, each sending its next request as soon as the last is answered."""
    lat: list[float] = []
    errors = 0
    limits = httpx2.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx2.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        deadline = time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                try:
                    await step(client, lat)
                except httpx2.HTTPError as e:
                    errors += 1
                    note_error(e)

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return summary(lat, time.perf_counter() - t0, errors)


def post_step(body: object) -> Step:
    async def step(client: httpx2.AsyncClient, lat: list[float]) -> None:
        await timed(client, lat, "/v1/assess", body)

    return step


async def interview_step(client: httpx2.AsyncClient, lat: list[float]) -> None:
    created = (await timed(client, lat, "/v1/interviews", START)).json()
    answer = {"finding": created["next_question"]["finding"], "answer": "no"}
    await timed(client, lat, f"/v1/interviews/{created['id']}/answers", answer)


def run_wrk(base: str, body: object, seconds: float, concurrency: int) -> Result:
    """``wrk`` with a Lua script that POSTs ``body``; parses its latency distribution."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        payload = json.dumps(body).replace("\\", "\\\\").replace('"', '\\"')
        f.write(f'wrk.method = "POST"\nwrk.body = "{payload}"\nwrk.headers["Content-Type"] = "application/json"\n')
    threads = min(2, concurrency)
    cmd = [
        "wrk",
        f"-t{threads}",
        f"-c{concurrency}",
        f"-d{int(seconds)}s",
        "--latency",
        "-s",
        f.name,
        base + "/v1/assess",
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    Path(f.name).unlink()

    def ms(label: str) -> float:
        value, unit = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()  # type: ignore[union-attr]
        return round(float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit], 2)

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"requests_per_s": round(rps, 1), "p50_ms": ms("50%"), "p99_ms": ms("99%"), "requests": total,
            "errors": int(bad.group(1)) if bad else 0}  # fmt: skip


def worker_pids(proc: subprocess.Popen[bytes]) -> set[int]:
    """The server's worker processes (the children of uvicorn's supervisor)."""
    out = subprocess.run(["ps", "-o", "pid=", "-g", str(proc.pid)], capture_output=True, text=True).stdout
    return {int(x) for x in out.split()} - {proc.pid}


def ordinary_body(n: int) -> dict[str, object]:
    return FINDINGS if n % 2 else TEXT


async def drive_mixed(
    base: str, seconds: float, concurrency: int, every: int, rate: float | None
) -> tuple[Result, Result]:
    """Ordinary requests with an attack in place of one in ``every``: (ordinary, attacks).

    Closed loop (``rate`` None): every connection sends its next request when the last is answered.
    Open loop: requests arrive at ``rate`` per second whatever the server's state. An attack
    answered with a numbered 4xx (E206: over its CPU budget; 413: too large a body) or E207 (503,
    busy) is a refusal, not an error: the attacks' row counts them by code."""
    ordinary: list[float] = []
    attacks: list[float] = []
    errors = [0, 0]
    refused: Counter[str] = Counter()
    kinds = itertools.cycle(ATTACKS)  # every kind in turn, whichever connection sends the attack
    limits = httpx2.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx2.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def send(n: int, at: float | None) -> None:
            attack = n % every == 0
            body = {"text": next(kinds)} if attack else ordinary_body(n)
            try:
                await timed(client, attacks if attack else ordinary, "/v1/assess", body, since=at)
            except httpx2.HTTPStatusError as e:
                code = str(e.response.json().get("code") or e.response.status_code)
                if attack and (e.response.status_code < 500 or code == "E207"):
                    refused[code] += 1  # a clear, numbered refusal of an attack is not an error
                else:
                    errors[attack] += 1
                    note_error(e)
            except httpx2.HTTPError as e:
                errors[attack] += 1
                note_error(e)

        if rate is None:
            deadline = time.perf_counter() + seconds

            async def connection(k: int) -> None:
                n = k  # connections start at different points of the cycle
                while time.perf_counter() < deadline:
                    n += 1
                    await send(n, None)

            t0 = time.perf_counter()
            await asyncio.gather(*(connection(k) for k in range(concurrency)))
            elapsed = time.perf_counter() - t0
        else:
            elapsed = await open_loop(seconds, rate, send)
    bad = summary(attacks or [0.0], elapsed, errors[1])
    bad["refused"] = ", ".join(f"{k} {v}" for k, v in sorted(refused.items())) or "-"  # type: ignore[assignment]
    return summary(ordinary, elapsed, errors[0]), bad


def measure(args: argparse.Namespace) -> dict[str, Result]:
    use_wrk = args.rate is None and (
        args.client == "wrk" or (args.client == "auto" and shutil.which("wrk") is not None)
    )
    loads = set(args.loads.split(","))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="nape-load-") as data_dir:
        proc = start_server(port, args.workers, data_dir)
        try:
            asyncio.run(drive(base, post_step(TEXT), 4, args.concurrency))  # warm both workers up
            asyncio.run(drive(base, interview_step, 2, args.concurrency))
            if args.attack:  # and their long-text lanes (which start in the background)
                asyncio.run(drive(base, post_step(LONG), 2, 2))
            results: dict[str, Result] = {}
            for name, body in (("assess_findings", FINDINGS), ("assess_text", TEXT)):
                if name.removeprefix("assess_") not in loads:
                    continue
                if args.rate is not None:
                    results[name] = asyncio.run(drive_open(base, body, args.seconds, args.concurrency, args.rate))
                elif use_wrk:
                    results[name] = run_wrk(base, body, args.seconds, args.concurrency)
                else:
                    results[name] = asyncio.run(drive(base, post_step(body), args.seconds, args.concurrency))
            if "interview" in loads and args.rate is None:
                results["interview_create_and_answer"] = asyncio.run(
                    drive(base, interview_step, args.seconds, args.concurrency)
                )
            if args.attack:
                before = worker_pids(proc)
                plain, bad = asyncio.run(
                    drive_mixed(base, args.seconds, args.concurrency, args.attack_every, args.rate)
                )
                after = worker_pids(proc)
                plain["workers_killed"] = len(before - after)
                bad["workers_killed"] = len(before - after)
                results["mixed_with_attacks: ordinary"] = plain
                results["mixed_with_attacks: attacks"] = bad
        finally:
            stop_server(proc)
    for name, r in results.items():
        python_only = name.startswith(("interview", "mixed"))
        r["client"] = "python" if python_only or not use_wrk else "wrk"  # type: ignore[assignment]
    return results


def table(results: dict[str, Result]) -> str:
    rows = [
        "| load | client | requests/s | p50 ms | p99 ms | requests | errors | workers killed | refused |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, r in results.items():
        killed = int(r["workers_killed"]) if "workers_killed" in r else "-"
        rows.append(
            f"| {name} | {r['client']} | {r['requests_per_s']} | {r['p50_ms']} | {r['p99_ms']} | "
            f"{int(r['requests'])} | {int(r['errors'])} | {killed} | {r.get('refused', '-')} |"
        )
    return "\n".join(rows)


def write(results: dict[str, Result], args: argparse.Namespace) -> None:
    readme = ROOT / "benchmarks" / "README.md"
    text = readme.read_text()
    setup = f"{args.workers} workers, {args.concurrency} concurrent connections, {args.seconds:g} s per load"
    block = f"<!-- load -->\n{setup}, measured {time.strftime('%Y-%m-%d')}:\n\n{table(results)}\n<!-- /load -->"
    text = re.sub(r"<!-- load -->.*<!-- /load -->", lambda _: block, text, flags=re.S)
    readme.write_text(text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--client", choices=["auto", "python", "wrk"], default="auto")
    ap.add_argument("--attack", action="store_true", help="add the load with pathological texts mixed in")
    ap.add_argument("--attack-every", type=int, default=20, help="one attack in this many requests")
    ap.add_argument(
        "--rate",
        type=float,
        default=None,
        help="open loop: requests arrive at this many per second (Poisson), over at most --concurrency "
        "connections, latency counted from each request's arrival; default closed loop (each connection "
        "sends its next request as soon as the last is answered, no pause)",
    )
    ap.add_argument(
        "--loads",
        default="findings,text,interview",
        help="which plain loads to run (comma-separated; the "
        "interview load is closed-loop only); --attack adds the mixed load",
    )
    ap.add_argument("--write", action="store_true", help="record the figures in benchmarks/README.md")
    args = ap.parse_args()
    results = measure(args)
    print(table(results))
    for kind, count in ERROR_KINDS.most_common():
        print(f"errors: {count} x {kind}", file=sys.stderr)
    if args.write:
        write(results, args)


if __name__ == "__main__":
    main()
