"""Benchmark the public pages at the demo's normal size and at --scale 100.

For each page and size: SQL queries, median server time (in-process Django test client,
DEBUG off), and throughput under gunicorn with 2 workers measured by wrk on 127.0.0.1.
Not part of the test suite. Usage: `make bench` (BENCH_ARGS="--scale 10 --seconds 5").
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
PYTHON = sys.executable

PAGES = [
    ("home", "/"),
    ("programme", "/programme/"),
    ("journal list", "/journal/"),
    ("journal month", "/journal/2018/06/"),
    ("journal month, sector, page 2", "/journal/2018/06/?sector=tourisme&page=2"),
    ("directory", "/actors/"),
    ("directory, filters + search", "/actors/?sector=tourisme&role=ambassador&q=hotel"),
    ("directory, page 20", "/actors/?page=20"),
    ("actor", "/actors/{actor}/"),
    ("sector", "/sectors/tourisme/"),
    ("home (English)", "/en/"),
]


def database_path(scale: int) -> Path:
    return BENCH_DIR / f"scale-{scale}.sqlite3"


def environment(scale: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        DATABASE_URL=f"sqlite:///{database_path(scale)}",
        MISSA_VAR_DIR=str(ROOT / "var"),
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
    )
    return env


def build(scale: int, rebuild: bool) -> None:
    path = database_path(scale)
    if path.exists() and not rebuild:
        return
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    env = environment(scale)
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v", "0"], env=env, check=True)
    started = time.monotonic()
    subprocess.run([*manage, "load_demo", "--scale", str(scale)], env=env, check=True)
    print(f"scale {scale}: loaded in {time.monotonic() - started:.0f} s", file=sys.stderr)


MEASURE = r"""
import json, statistics, sys, time
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from missa.actors.models import Actor
pages = json.loads(sys.argv[1]); runs = int(sys.argv[2])
actor = Actor.objects.filter(kind="company", is_public=True).order_by("pk").first()
client = Client()
out = {}
for name, url in pages:
    url = url.format(actor=actor.slug)
    for _ in range(3):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries.captured_queries)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    out[name] = {"url": url, "queries": query_count,
                 "median_ms": statistics.median(times)}
print(json.dumps(out))
"""


def measure_in_process(scale: int, runs: int) -> dict[str, dict[str, Any]]:
    import json

    result = subprocess.run(
        [PYTHON, "-c", MEASURE, json.dumps(PAGES), str(runs)],
        env=environment(scale) | {"PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"measuring scale {scale} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def throughput(scale: int, urls: dict[str, str], seconds: int) -> dict[str, float]:
    """Serve with gunicorn (2 workers) and measure requests/s with wrk, bounded in time."""
    wrk = shutil.which("wrk")
    if wrk is None:
        print("wrk is not installed (apt-get install wrk): throughput skipped", file=sys.stderr)
        return {}
    port = free_port()
    env = environment(scale) | {"PYTHONPATH": str(ROOT)}
    subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), "collectstatic", "--no-input", "-v", "0"],
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "config.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        rates = {}
        for name, url in urls.items():
            output = subprocess.run(
                [
                    wrk,
                    "-t1",
                    "-c4",
                    f"-d{seconds}s",
                    "--timeout",
                    "5s",
                    f"http://127.0.0.1:{port}{url}",
                ],
                capture_output=True,
                text=True,
                check=True,
                timeout=seconds + 30,
            ).stdout
            match = re.search(r"Requests/sec:\s+([\d.]+)", output)
            errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
            rates[name] = float(match.group(1)) if match and not errors else 0.0
        return rates
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100, help="the large size (default 100)")
    parser.add_argument("--runs", type=int, default=30, help="requests per page for the median")
    parser.add_argument("--seconds", type=int, default=8, help="wrk duration per page")
    parser.add_argument("--rebuild", action="store_true", help="reload the demo databases")
    args = parser.parse_args()

    sizes = [1, args.scale]
    for scale in sizes:
        build(scale, args.rebuild)
    subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), "collectstatic", "--no-input", "-v", "0"],
        env=environment(1),
        check=True,
    )
    measured = {scale: measure_in_process(scale, args.runs) for scale in sizes}
    rates = {
        scale: throughput(
            scale, {name: data["url"] for name, data in measured[scale].items()}, args.seconds
        )
        for scale in sizes
    }
    small, large = sizes
    print(
        f"| page | queries (×1 / ×{large}) | median ms ×1 | median ms ×{large} | ratio "
        f"| req/s ×1 | req/s ×{large} |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, _url in PAGES:
        a, b = measured[small][name], measured[large][name]
        ratio = b["median_ms"] / a["median_ms"] if a["median_ms"] else 0
        print(
            f"| {name} | {a['queries']:.0f} / {b['queries']:.0f} | {a['median_ms']:.1f} "
            f"| {b['median_ms']:.1f} | {ratio:.2f} | {rates[small].get(name, 0):.0f} "
            f"| {rates[large].get(name, 0):.0f} |"
        )


if __name__ == "__main__":
    main()
