"""Benchmark MISSA at the demo's normal size and at --scale 100, served as `make run` serves it.

For each size:
- pages: SQL queries and median server time of one request, in process, with the page cache
  bypassed (the cost of making the page);
- throughput under gunicorn (2 workers, `config/gunicorn.conf.py`, the database cache) measured
  by wrk on 127.0.0.1: /healthz, public pages as anonymous visitors get them (from the page
  cache), and pages for a signed-in member (made for them every time);
- at the large size, a load test: 200 concurrent visitors for 60 s across the public pages
  while members report actions and edit their organisation's page; every write is then counted
  back.

Not part of the test suite. Usage: `make bench` (BENCH_ARGS="--scale 10 --seconds 5").
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from missa.testing.servers import Browser, Server, free_port, service_answers  # noqa: E402

BENCH_DIR = ROOT / "var" / "bench"
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))

PAGES = [
    ("home", "/"),
    ("programme", "/programme/"),
    ("journal list", "/journal/"),
    ("journal month", "/journal/2018/06/"),
    ("journal month, sector, page 2", "/journal/2018/06/?sector=tourisme&page=2"),
    ("directory", "/actors/"),
    ("directory, filters + search", "/actors/?sector=tourisme&role=ambassador&q=hotel"),
    ("directory, search", "/actors/?q=sorgue"),
    ("directory, page 20", "/actors/?page=20"),
    ("directory, map", "/actors/?view=map"),
    ("actor", "/actors/{actor}/"),
    ("sector", "/sectors/tourisme/"),
    ("register", "/network/register/"),
    ("activity", "{activity}"),
    ("become an ambassador", "/network/join/"),
    ("press", "/press/"),
    ("home (English)", "/en/"),
    ("call for ideas", "/calls/idees-tourisme/"),
    ("idea list", "/ideas/"),
    ("idea list, page 500", "/ideas/?page=500"),
    ("idea list, filtered", "/ideas/?sector=tourisme&state=published&sort=discussed"),
    ("idea list, searched", "/ideas/?q=velo"),
    ("idea with its comments", "{idea}"),
    ("consultation results", "/consultations/image-de-la-ville/results/"),
    ("meetings", "/meetings/"),
    ("meeting", "/meetings/pleniere-lancement-2018-04/"),
    ("decisions register, searched", "/decisions/?q=marque"),
    ("plan tracker", "/plan/plan-2018-2020/"),
    ("plan tracker, filtered", "/plan/plan-2018-2020/?sector=tourisme&status=done&sort=progress"),
    ("plan tracker, page 40", "/plan/plan-2018-2020/?page=40"),
    ("action", "/actions/5/"),
    ("benefits dashboard", "/indicators/"),
    ("indicator", "/indicators/population/"),
    ("API: actors, page of 25", "/api/v1/actors/"),
    ("API: actors, filtered", "/api/v1/actors/?sector=tourisme&role=ambassador&page=2"),
    ("API: an actor", "/api/v1/actors/{actor}/"),
    ("API: phases", "/api/v1/phases/"),
    ("API: a month's activities", "/api/v1/activities/?month=2018-06&sector=tourisme"),
    ("API: decisions, searched", "/api/v1/decisions/?q=marque"),
    ("API: ideas, filtered", "/api/v1/ideas/?sector=tourisme&sort=discussed"),
]
# The pages whose cached throughput is compared with /healthz's.
CACHED_TARGETS = [
    "home",
    "journal month",
    "directory",
    "actor",
    "idea list",
    "idea with its comments",
    "plan tracker",
    "action",
    "benefits dashboard",
    "indicator",
    "API: actors, page of 25",
    "API: actors, filtered",
    "API: an actor",
]
SIGNED_IN_PAGES = [
    ("home", "/"),
    ("journal month", "/journal/2018/06/"),
    ("directory", "/actors/"),
    ("actor (own organisation)", "/actors/{own}/"),
    ("my organisation", "/my-organisation/"),
    ("edit own page (map picker)", "/actors/{own}/edit/"),
    ("my profile", "/accounts/profile/"),
    ("my applications", "/network/my-applications/"),
    ("idea list", "/ideas/"),
    ("idea with its comments", "{idea}"),
]
MEMBERS = 4


def database_path(scale: int) -> Path:
    return BENCH_DIR / f"scale-{scale}.sqlite3"


def environment(scale: int) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "REDIS_URL", "MEDIA_ROOT"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        DATABASE_URL=f"sqlite:///{database_path(scale)}",
        MISSA_VAR_DIR=str(BENCH_DIR / f"var-{scale}"),
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        PYTHONPATH=str(ROOT),
        LOG_LEVEL="ERROR",
        # wrk asks from one address: the API's rate limit must not be what is measured.
        MISSA_API_REQUESTS_PER_MINUTE="100000000",
        GUNICORN_ACCESS_LOG="",
    )
    return env


def manage(scale: int, *args: str, code: str | None = None) -> str:
    command = [PYTHON, str(ROOT / "manage.py"), *args]
    if code is not None:
        command += ["-c", code]
    result = subprocess.run(
        command, env=environment(scale), cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def build(scale: int, rebuild: bool) -> None:
    path = database_path(scale)
    if path.exists() and not rebuild:
        return
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    manage(scale, "migrate", "-v", "0")
    started = time.monotonic()
    subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), "load_demo", "--scale", str(scale)],
        env=environment(scale),
        cwd=ROOT,
        check=True,
    )
    print(f"scale {scale}: loaded in {time.monotonic() - started:.0f} s", file=sys.stderr)


SETUP_MEMBERS = r"""
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from allauth.account.models import EmailAddress
from missa.accounts.models import User
from missa.actors.models import Actor, Membership
companies = Actor.objects.public().with_role("ambassador").filter(kind="company").order_by("pk")
members = []
for number, company in enumerate(companies[:%(count)d]):
    email = f"bench{number}@example.org"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(f"bench{number}", email, "pw-bench-2017")
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    Membership.objects.get_or_create(user=user, actor=company, defaults={"role": "owner"})
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "missa.accounts.backends.TwoFactorModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    members.append({"email": email, "slug": company.slug, "session": session.session_key,
                    "actor_id": company.pk})
actor = Actor.objects.filter(kind="company", is_public=True).order_by("pk").first()
from missa.activity.models import Activity
activity = Activity.objects.public().filter(actor=actor).order_by("-date", "-pk").first()
activity.actor = actor
from missa.participation.models import Idea
idea = Idea.objects.listed().order_by("-comment_count", "pk").first()
print(json.dumps({"members": members, "actor": actor.slug,
                  "activity": activity.get_absolute_url(), "idea": idea.get_absolute_url()}))
"""

MEASURE = r"""
import json, statistics, sys, time
import django
django.setup()
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
pages = json.loads(sys.argv[1]); runs = int(sys.argv[2])
out = {}
# The cost of making each page: without the page cache in front, nor its shared content.
middleware = [name for name in settings.MIDDLEWARE if "pagecache" not in name]
with override_settings(MIDDLEWARE=middleware, MISSA_SHARED_CONTENT=False):
    client = Client()
    for name, url in pages:
        for _ in range(3):
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        # Counted now: the next request's start empties the log that the count reads.
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


def measure_in_process(scale: int, pages: list[tuple[str, str]], runs: int) -> dict[str, Any]:
    result = subprocess.run(
        [PYTHON, "-c", MEASURE, json.dumps(pages), str(runs)],
        env=environment(scale),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"measuring scale {scale} failed:\n{result.stderr[-3000:]}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


@contextmanager
def served(scale: int) -> Iterator[Server]:
    port = free_port()
    var = BENCH_DIR / f"var-{scale}"
    process = subprocess.Popen(
        [GUNICORN, "-c", "config/gunicorn.conf.py", "config.wsgi", "--log-level", "warning"],
        env=environment(scale) | {"MISSA_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2"},
        cwd=ROOT,
    )
    try:
        for _ in range(200):
            if service_answers("127.0.0.1", port):
                break
            time.sleep(0.1)
        yield Server(f"http://127.0.0.1:{port}")
    finally:
        process.terminate()
        process.wait(timeout=60)
        (var / "gunicorn.ctl").unlink(missing_ok=True)


@dataclass
class WrkResult:
    rate: float
    requests: int
    errors: int
    latency_p99_ms: float


def wrk(
    server: Server,
    path: str,
    *,
    seconds: int,
    connections: int = 4,
    threads: int = 1,
    headers: list[str] | None = None,
    script: Path | None = None,
) -> WrkResult:
    command = [
        shutil.which("wrk") or "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "20s",
        "--latency",
        "-H",
        "Host: 127.0.0.1",
    ]
    for header in headers or []:
        command += ["-H", header]
    if script is not None:
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, server.base + path],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 120,
    ).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    latency = 0.0
    if p99:
        latency = float(p99.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = int(non_2xx.group(1)) if non_2xx else 0
    if sockets:
        errors += sum(int(count) for count in sockets.groups())
    return WrkResult(
        rate=float(rate.group(1)) if rate else 0.0,
        requests=int(total.group(1)) if total else 0,
        errors=errors,
        latency_p99_ms=latency,
    )


def throughput(
    scale: int, pages: dict[str, str], signed_in: dict[str, str], session: str, seconds: int
) -> dict[str, dict[str, float]]:
    rates: dict[str, dict[str, float]] = {"healthz": {}, "cached": {}, "signed in": {}}
    with served(scale) as server:
        rates["healthz"]["/healthz"] = wrk(server, "/healthz", seconds=seconds).rate
        for name, url in pages.items():
            wrk(server, url, seconds=1)  # warm the page cache
            result = wrk(server, url, seconds=seconds)
            rates["cached"][name] = result.rate if not result.errors else 0.0
        cookie = [f"Cookie: sessionid={session}"]
        for name, url in signed_in.items():
            result = wrk(server, url, seconds=seconds, headers=cookie)
            rates["signed in"][name] = result.rate if not result.errors else 0.0
    return rates


LOAD_SCRIPT = """
local paths = {%s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def load_test(
    scale: int,
    members: list[dict[str, Any]],
    actor: str,
    activity: str,
    idea: str,
    seconds: int,
) -> dict[str, Any]:
    """200 visitors for `seconds` across the public pages, while members write; count back."""
    paths = [url.format(actor=actor, activity=activity, idea=idea) for _name, url in PAGES]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LOAD_SCRIPT % ", ".join(f'"{path}"' for path in paths))
    written: dict[str, int] = {"reports": 0, "profile edits": 0, "failed": 0}
    stop = threading.Event()
    tag = f"bench-{int(time.time())}"

    def writer(member: dict[str, Any], server: Server) -> None:
        visitor = Browser()
        visitor.HOST = "127.0.0.1"
        answer = visitor.submit(
            server, "/accounts/login/", {"login": member["email"], "password": "pw-bench-2017"}
        )
        if answer.status != 302:
            written["failed"] += 1
            return
        number = 0
        while not stop.is_set():
            number += 1
            report = visitor.submit(
                server,
                f"/actors/{member['slug']}/report/",
                {
                    "kind": "promoted_brand",
                    "title": f"{tag} {member['email']} {number}",
                    "date": "2020-06-15",
                },
            )
            edit = visitor.submit(
                server,
                f"/actors/{member['slug']}/edit/",
                {"town": f"{tag} {number}", "postcode": "84800", "sectors": "1"},
            )
            for kind, answer in (("reports", report), ("profile edits", edit)):
                if answer.status == 302:
                    written[kind] += 1
                else:
                    written["failed"] += 1
            time.sleep(0.5)

    with served(scale) as server:
        threads = [threading.Thread(target=writer, args=(member, server)) for member in members]
        for thread in threads:
            thread.start()
        started = time.monotonic()
        result = wrk(
            server, "/", seconds=seconds, connections=200, threads=2, script=Path(script.name)
        )
        elapsed = time.monotonic() - started
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    Path(script.name).unlink(missing_ok=True)
    stored = json.loads(
        manage(
            scale,
            "shell",
            "--no-imports",
            code=(
                "import json\n"
                "from missa.activity.models import Activity\n"
                "from missa.actors.models import ActorRevision\n"
                f"reports = Activity.objects.filter(title_fr__startswith='{tag}').count()\n"
                "edits = ActorRevision.objects.filter("
                f"after__town__startswith='{tag}').count()\n"
                "print(json.dumps({'reports': reports, 'edits': edits}))"
            ),
        )
        .strip()
        .splitlines()[-1]
    )
    return {
        "seconds": round(elapsed),
        "requests": result.requests,
        "rate": result.rate,
        "errors": result.errors,
        "p99_ms": result.latency_p99_ms,
        "written": written,
        "stored": stored,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100, help="the large size (default 100)")
    parser.add_argument("--runs", type=int, default=30, help="requests per page for the median")
    parser.add_argument("--seconds", type=int, default=8, help="wrk duration per page")
    parser.add_argument("--load-seconds", type=int, default=60, help="load test duration")
    parser.add_argument("--rebuild", action="store_true", help="reload the demo databases")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk (make bench installs it)")

    sizes = [1, args.scale]
    small, large = sizes
    measured, rates, setup = {}, {}, {}
    for scale in sizes:
        build(scale, args.rebuild)
        manage(scale, "migrate", "-v", "0")
        manage(scale, "collectstatic", "--no-input", "-v", "0")
        setup[scale] = json.loads(
            manage(scale, "shell", "--no-imports", code=SETUP_MEMBERS % {"count": MEMBERS})
            .strip()
            .splitlines()[-1]
        )
        actor, own = setup[scale]["actor"], setup[scale]["members"][0]["slug"]
        activity, idea = setup[scale]["activity"], setup[scale]["idea"]
        pages = [
            (name, url.format(actor=actor, activity=activity, idea=idea)) for name, url in PAGES
        ]
        measured[scale] = measure_in_process(scale, pages, args.runs)
        rates[scale] = throughput(
            scale,
            dict(pages),
            {name: url.format(own=own, idea=idea) for name, url in SIGNED_IN_PAGES},
            setup[scale]["members"][0]["session"],
            args.seconds,
        )
    load = load_test(
        large,
        setup[large]["members"],
        setup[large]["actor"],
        setup[large]["activity"],
        setup[large]["idea"],
        args.load_seconds,
    )

    print(f"\n## Pages (×1 / ×{large})\n")
    print(
        f"| page | queries ×1 / ×{large} | made in ms ×1 | ×{large} | ratio "
        f"| cached req/s ×1 | ×{large} |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, _url in PAGES:
        a, b = measured[small][name], measured[large][name]
        ratio = b["median_ms"] / a["median_ms"] if a["median_ms"] else 0
        print(
            f"| {name} | {a['queries']} / {b['queries']} | {a['median_ms']:.1f} "
            f"| {b['median_ms']:.1f} | {ratio:.2f} | {rates[small]['cached'][name]:.0f} "
            f"| {rates[large]['cached'][name]:.0f} |"
        )
    for scale in sizes:
        healthz = rates[scale]["healthz"]["/healthz"]
        print(f"\n/healthz ×{scale}: {healthz:.0f} req/s; cached pages against it:")
        for name in CACHED_TARGETS:
            share = rates[scale]["cached"][name] / healthz if healthz else 0
            print(f"- {name}: {rates[scale]['cached'][name]:.0f} req/s = {share:.0%}")
    print(f"\n## Signed-in pages (req/s ×1 / ×{large})\n")
    print(f"| page | ×1 | ×{large} |")
    print("|---|---|---|")
    for name, _url in SIGNED_IN_PAGES:
        print(
            f"| {name} | {rates[small]['signed in'][name]:.0f} "
            f"| {rates[large]['signed in'][name]:.0f} |"
        )
    print(f"\n## Load test (×{large})\n")
    print(json.dumps(load, indent=2))


if __name__ == "__main__":
    main()
