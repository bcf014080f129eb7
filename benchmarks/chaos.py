"""Chaos benchmark (not a test): ``nape serve --workers 2`` on loopback with a throw-away PostgreSQL.

Usage: uv run python benchmarks/chaos.py [--seconds 40] [--clients 16] [--attack-seconds 20]
                                         [--attack-clients 50] [--attack-chars 20000] [--write]

Two runs, each printed as a table (``--write`` records them in benchmarks/README.md):

1. **chaos**: ``--clients`` clients send a mix of ordinary requests (assess with findings and
   with words, interviews created and answered) and attack requests (texts of
   ``--attack-chars`` ``$``, cross-site form posts, untrusted Host headers, non-JSON bodies).
   At 25% of the run one worker is killed (SIGKILL); at 50% PostgreSQL is stopped and started
   again 6 s later. Every answer the server confirmed (200) is checked afterwards: an answer
   missing from its interview is a *lost answer*.
2. **attack mix**: ``--attack-clients`` clients, one request in ten an attack, nothing killed;
   the p99 of the ordinary requests (target < 100 ms) and whether any worker died.

Errors are what an ordinary request should never get: a 5xx or a dropped connection. While the
database is down, 503 (E501) is the promised answer and is counted apart. Attack requests must
be refused (4xx) or answered, never 5xx. PostgreSQL comes from Debian's package, as in
``scripts/_postgres.sh``; the script runs it as the ``postgres`` user when run as root.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx2

ROOT = Path(__file__).resolve().parents[1]
TEXT = {"text": "Woke up with a stiff neck and can't turn my head to the left. No fever, no tingling.", "age": 34}
FINDINGS = {"findings": {"neck_stiffness": True, "unable_to_turn_head": True, "fever": False}, "age": 34}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Postgres:
    """A throw-away PostgreSQL cluster on loopback (initdb, pg_ctl start/stop)."""

    def __init__(self) -> None:
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
        if not bins:
            raise SystemExit("PostgreSQL is not installed (apt-get install postgresql)")
        self.bin = bins[-1]
        self.dir = Path(tempfile.mkdtemp(prefix="nape-chaos-pg-"))
        self.port = free_port()
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self.url = f"postgresql+psycopg://nape@127.0.0.1:{self.port}/nape_chaos"

    def run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.as_user, str(self.bin / tool), *args], check=True, stdout=subprocess.DEVNULL)

    def init(self) -> None:
        self.run("initdb", "-D", f"{self.dir}/data", "-U", "nape", "--auth=trust", "-E", "UTF8")
        self.start()
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "nape", "nape_chaos")

    def start(self) -> None:
        opts = f"-k {self.dir} -h 127.0.0.1 -p {self.port}"
        self.run("pg_ctl", "-D", f"{self.dir}/data", "-l", f"{self.dir}/log", "-w", "-o", opts, "start")

    def stop(self, mode: str = "fast") -> None:
        self.run("pg_ctl", "-D", f"{self.dir}/data", "-m", mode, "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


def start_server(port: int, db_url: str, data_dir: str) -> subprocess.Popen[bytes]:
    env = os.environ | {"NAPE_DATABASE_URL": db_url, "NAPE_DATA_DIR": data_dir}
    cmd = [sys.executable, "-m", "nape.cli", "serve", "--port", str(port), "--workers", "2"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx2.get(f"http://127.0.0.1:{port}/v1/health", timeout=2).status_code == 200:
                return proc
        except httpx2.TransportError:
            time.sleep(0.3)
    stop_server(proc)
    raise SystemExit("the server did not start within 120 s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    os.killpg(proc.pid, signal.SIGTERM)  # the process group this script started
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def worker_pids(proc: subprocess.Popen[bytes]) -> list[int]:
    """The uvicorn worker processes under the supervisor this script started."""
    ps = ["ps", "-o", "pid=,args=", "--ppid", str(proc.pid)]
    out = subprocess.run(ps, capture_output=True, text=True).stdout
    # ``nape serve`` supervises in its own process; workers are spawned (``spawn_main``), unlike
    # multiprocessing's resource tracker
    return [int(line.split()[0]) for line in out.splitlines() if "spawn_main" in line]


@dataclass
class Tally:
    ordinary_ms: list[float] = field(default_factory=list)
    ordinary: int = 0
    attacks: int = 0
    errors: int = 0  # 5xx (other than 503 while the database is down) or a dropped connection
    attack_5xx: int = 0
    unavailable: int = 0  # 503 E501 / 409: the promised answers while the database is down
    confirmed: list[tuple[str, str]] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str) -> None:
        self.kinds[kind] = self.kinds.get(kind, 0) + 1


def attack_requests(chars: int) -> list[tuple[str, str, dict[str, Any]]]:
    """(kind, path, httpx request arguments) of each attack."""
    return [
        ("dollars", "/v1/assess", {"json": {"text": "$" * chars}}),
        ("dollars_form", "/assess", {"data": {"text": "$" * chars}, "headers": {"sec-fetch-site": "same-origin"}}),
        ("cross_site", "/a/x/delete", {"data": {"confirm": "yes"}, "headers": {"origin": "https://evil.example"}}),
        ("bad_host", "/v1/health", {"headers": {"host": "evil.example"}}),
        ("not_json", "/v1/interviews", {"content": b"text=neck", "headers": {"content-type": "text/plain"}}),
    ]


async def one_ordinary(client: httpx2.AsyncClient, tally: Tally, rng: random.Random) -> None:
    t0 = time.perf_counter()
    choice = rng.random()
    if choice < 0.3:
        r = await client.post("/v1/assess", json=FINDINGS)
    elif choice < 0.6:
        r = await client.post("/v1/assess", json=TEXT)
    else:
        r = await client.post("/v1/interviews", json={"findings": {"neck_stiffness": True}, "age": 40})
        if r.status_code == 201:
            created = r.json()
            if created["next_question"] is not None:
                finding = created["next_question"]["finding"]
                path = f"/v1/interviews/{created['id']}/answers"
                r = await client.post(path, json={"finding": finding, "answer": "no"})
                if r.status_code == 200:
                    tally.confirmed.append((created["id"], finding))
    tally.ordinary_ms.append((time.perf_counter() - t0) * 1000)
    tally.ordinary += 1
    if r.status_code in (503, 409):
        tally.unavailable += 1
    elif r.status_code >= 500:
        tally.errors += 1


async def one_attack(client: httpx2.AsyncClient, tally: Tally, rng: random.Random, chars: int) -> None:
    kind, path, kwargs = rng.choice(attack_requests(chars))
    r = await client.request("GET" if kind == "bad_host" else "POST", path, **kwargs)
    tally.attacks += 1
    tally.count(f"{kind}:{r.status_code}")
    if r.status_code >= 500 and r.status_code != 503:
        tally.attack_5xx += 1


async def drive(base: str, seconds: float, clients: int, attack_share: float, chars: int, tally: Tally) -> None:
    end = time.monotonic() + seconds

    async def client_loop(n: int) -> None:
        rng = random.Random(n)
        async with httpx2.AsyncClient(base_url=base, timeout=30) as client:
            while time.monotonic() < end:
                try:
                    if rng.random() < attack_share:
                        await one_attack(client, tally, rng, chars)
                    else:
                        await one_ordinary(client, tally, rng)
                except httpx2.TransportError:
                    tally.errors += 1
                    tally.count("dropped connection")

    await asyncio.gather(*(client_loop(n) for n in range(clients)))


def lost_answers(base: str, confirmed: list[tuple[str, str]]) -> int:
    lost = 0
    with httpx2.Client(base_url=base, timeout=30) as client:
        for interview_id, finding in confirmed:
            body = client.get(f"/v1/interviews/{interview_id}").json()
            if finding not in {a["finding"] for a in body.get("answers", [])}:
                lost += 1
    return lost


def p(ms: list[float], q: int) -> float:
    return round(statistics.quantiles(ms, n=100)[q - 1], 1) if len(ms) > 1 else float("nan")


async def chaos_events(proc: subprocess.Popen[bytes], pg: Postgres, seconds: float, log: list[str]) -> None:
    t0 = time.monotonic()
    await asyncio.sleep(seconds * 0.25)
    pids = worker_pids(proc)
    if pids:
        os.kill(pids[0], signal.SIGKILL)
        log.append(f"{time.monotonic() - t0:.1f} s: killed worker {pids[0]}")
    await asyncio.sleep(max(0.0, seconds * 0.5 - (time.monotonic() - t0)))
    await asyncio.to_thread(pg.stop, "fast")
    log.append(f"{time.monotonic() - t0:.1f} s: PostgreSQL stopped")
    await asyncio.sleep(6)
    await asyncio.to_thread(pg.start)
    log.append(f"{time.monotonic() - t0:.1f} s: PostgreSQL started")


def row(name: str, tally: Tally, seconds: float, lost: int | str, extra: str) -> str:
    return (
        f"| {name} | {tally.ordinary} | {tally.attacks} | {round(tally.ordinary / seconds, 1)} "
        f"| {p(tally.ordinary_ms, 50)} | {p(tally.ordinary_ms, 99)} | {tally.errors} | {tally.attack_5xx} "
        f"| {tally.unavailable} | {lost} | {extra} |"
    )


async def main_async(args: argparse.Namespace) -> str:
    pg = Postgres()
    pg.init()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(port, pg.url, tempfile.mkdtemp(prefix="nape-chaos-data-"))
    try:
        async with httpx2.AsyncClient(base_url=base, timeout=60) as warm:
            for _ in range(20):  # each worker loads its text pipeline on first use
                await warm.post("/v1/assess", json=TEXT)
        chaos, log = Tally(), list[str]()
        await asyncio.gather(
            drive(base, args.seconds, args.clients, 0.25, args.attack_chars, chaos),
            chaos_events(proc, pg, args.seconds, log),
        )
        await asyncio.sleep(3)
        lost = lost_answers(base, chaos.confirmed)
        before = sorted(worker_pids(proc))
        attack = Tally()
        await drive(base, args.attack_seconds, args.attack_clients, 0.1, args.attack_chars, attack)
        after = sorted(worker_pids(proc))
        alive = "no worker killed" if before == after else f"workers changed: {before} -> {after}"
    finally:
        stop_server(proc)
        pg.remove()
    head = (
        "| run | ordinary requests | attacks | ordinary/s | p50 ms | p99 ms | errors | attack 5xx "
        "| 503/409 while DB down | lost answers | notes |\n" + "| --- " * 11 + "|"
    )
    lines = [
        head,
        row(f"chaos ({args.clients} clients, {args.seconds:.0f} s)", chaos, args.seconds, lost, "; ".join(log)),
        row(f"attack mix ({args.attack_clients} clients, {args.attack_seconds:.0f} s)", attack, args.attack_seconds,
            "-", alive),
    ]  # fmt: skip
    kinds = ", ".join(f"{k} x{v}" for k, v in sorted((chaos.kinds | attack.kinds).items()))
    return "\n".join(lines) + f"\n\nAttack answers (kind:status x count): {kinds}.\n"


def write(table: str) -> None:
    readme = ROOT / "benchmarks" / "README.md"
    text = readme.read_text(encoding="utf-8")
    stamp = time.strftime("%Y-%m-%d", time.gmtime())
    intro = f"Measured {stamp} (2 workers, PostgreSQL, on a shared and loaded machine):"
    block = f"<!-- chaos -->\n{intro}\n\n{table}<!-- /chaos -->"
    text = re.sub(r"<!-- chaos -->.*?<!-- /chaos -->", lambda _: block, text, flags=re.S)
    readme.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--attack-seconds", type=float, default=20)
    parser.add_argument("--attack-clients", type=int, default=50)
    parser.add_argument("--attack-chars", type=int, default=20_000)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    table = asyncio.run(main_async(args))
    print(table)
    if args.write:
        write(table)


if __name__ == "__main__":
    main()
