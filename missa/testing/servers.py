"""Real MISSA servers for tests of what several processes must share.

A `Site` is one database (SQLite file or a fresh PostgreSQL database), one cache (the
database's table, or Redis under a key prefix of its own) and one var/ folder; `Site.serve()`
starts a gunicorn instance on it. Two instances of one site behave as two app servers behind a
load balancer. Nothing here is used by MISSA itself.
"""

import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def service_answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


@dataclass
class Site:
    """One deployment's shared state: database, cache, var/ folder."""

    var: Path
    env: dict[str, str] = field(default_factory=dict)

    def environment(self) -> dict[str, str]:
        # The site's own database and cache only: never those of the process that runs it.
        inherited = {
            name: value
            for name, value in os.environ.items()
            if name not in {"DATABASE_URL", "REDIS_URL", "MEDIA_ROOT", "DJANGO_SETTINGS_MODULE"}
        }
        return {
            **inherited,
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
            "MISSA_VAR_DIR": str(self.var),
            "PYTHONPYCACHEPREFIX": str(self.var / "pycache"),
            "LOG_LEVEL": "WARNING",
            **self.env,
        }

    def manage(self, *args: str, stdin: str | None = None) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.environment(),
            input=stdin,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def prepare(self) -> None:
        self.var.mkdir(parents=True, exist_ok=True)
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("collectstatic", "--no-input", "-v", "0")

    def python(self, code: str) -> str:
        """Run Python code in the site's Django (as `manage.py shell`)."""
        return self.manage("shell", "--no-imports", "-c", code)

    @contextmanager
    def serve(self, workers: int = 1) -> Iterator["Server"]:
        port = free_port()
        log = (self.var / f"gunicorn-{port}.log").open("w")
        process = subprocess.Popen(
            [
                GUNICORN,
                "-c",
                "config/gunicorn.conf.py",
                "config.wsgi",
                "--workers",
                str(workers),
                "--control-socket",
                str(self.var / f"gunicorn-{port}.ctl"),
            ],
            cwd=ROOT,
            env={**self.environment(), "MISSA_BIND": f"127.0.0.1:{port}"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 30
            while not service_answers("127.0.0.1", port):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((self.var / f"gunicorn-{port}.log").read_text()[-3000:])
                time.sleep(0.1)
            yield Server(f"http://127.0.0.1:{port}")
        finally:
            process.terminate()
            process.wait(timeout=30)
            log.close()


@dataclass
class Response:
    status: int
    url: str
    headers: dict[str, str]
    text: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Server:
    """One running app server."""

    base: str


class Browser:
    """A visitor with cookies, who may talk to any server of a site (as through a balancer).

    Every request names the site's one public host, as a load balancer passes it on, whatever
    server (and port) answers it.
    """

    HOST = "localhost"

    def __init__(self) -> None:
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def request(self, server: Server, path: str, data: dict[str, str] | None = None) -> Response:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(server.base + path, data=body, headers={"Host": self.HOST})
        try:
            with self.opener.open(request, timeout=30) as answer:
                return Response(
                    answer.status, path, dict(answer.headers), answer.read().decode("utf-8")
                )
        except urllib.error.HTTPError as error:
            return Response(
                error.code, path, dict(error.headers), error.read().decode("utf-8", "replace")
            )

    def get(self, server: Server, path: str) -> Response:
        return self.request(server, path)

    def submit(self, server: Server, path: str, data: dict[str, str]) -> Response:
        """Open the form at path, then send it with its CSRF token and data."""
        page = self.get(server, path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, f"no form at {path}: {page.status}"
        return self.request(server, path, {"csrfmiddlewaretoken": token.group(1), **data})


def random_name(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(4)}"
