"""Several app servers on one database and one cache share sessions, limits and caches.

Real gunicorn processes, as `make run` and docs/deployment.md run them: first two on one SQLite
file with the database cache (one machine), then two on PostgreSQL with Redis (several
machines). What one server learns — a session, a used two-factor code, failed sign-ins, a new
figure — the other knows at once.
"""

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from missa.testing.servers import Browser, Server, Site, random_name, service_answers

pytestmark = pytest.mark.servers

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = "pw-sorgue-2017"
SETUP = f"""
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from missa.accounts.models import User
from missa.core.models import Territory
Territory.objects.create(name="Sorgueville")
for name in ("rev", "eve"):
    user = User.objects.create_user(name, f"{{name}}@example.org", "{PASSWORD}")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
TOTP.activate(User.objects.get(username="rev"), "{SECRET}")
"""


def current_code() -> str:
    from missa.testing.totp import current_totp_code

    return current_totp_code(SECRET)


@pytest.fixture(scope="module", params=["sqlite-database-cache", "postgresql-redis"])
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    var = tmp_path_factory.mktemp(request.param)
    env: dict[str, str] = {}
    database = None
    if request.param == "postgresql-redis":
        if not (service_answers("127.0.0.1", 5432) and service_answers("127.0.0.1", 6379)):
            pytest.skip("PostgreSQL on 5432 and Redis on 6379 are needed")
        database = random_name("missa_servers")
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], check=True)
        env = {
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            "CACHE_KEY_PREFIX": random_name("missa_test"),
        }
    site = Site(var=Path(var), env=env)
    site.prepare()
    site.python(SETUP)
    yield site
    if database:
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--force", database], check=False
        )


@pytest.fixture(scope="module")
def servers(site: Site) -> Iterator[tuple[Server, Server]]:
    with site.serve() as first, site.serve() as second:
        yield first, second


def sign_in(browser: Browser, server: Server, email: str) -> str:
    answer = browser.submit(server, "/accounts/login/", {"login": email, "password": PASSWORD})
    assert answer.status == 302, answer.text[-2000:]
    return answer.headers["Location"]


def test_a_session_opened_on_one_server_is_known_to_the_other(
    servers: tuple[Server, Server],
) -> None:
    first, second = servers
    visitor = Browser()
    sign_in(visitor, first, "eve@example.org")
    assert "Mon compte" in visitor.get(second, "/").text


def test_a_two_factor_code_is_accepted_once_across_servers(
    servers: tuple[Server, Server],
) -> None:
    first, second = servers
    code = current_code()
    one, other = Browser(), Browser()
    stage = sign_in(one, first, "rev@example.org")
    assert stage == "/accounts/2fa/authenticate/"
    assert one.submit(first, stage, {"code": code}).status == 302
    # The same code, replayed through the other server: refused.
    assert sign_in(other, second, "rev@example.org") == stage
    replay = other.submit(second, stage, {"code": code})
    assert replay.status == 200
    assert "Mon compte" not in other.get(second, "/").text


def test_failed_sign_ins_are_counted_across_servers(servers: tuple[Server, Server]) -> None:
    first, second = servers
    for attempt in range(5):
        server = (first, second)[attempt % 2]
        answer = Browser().submit(
            server, "/accounts/login/", {"login": "eve@example.org", "password": "wrong"}
        )
        assert "tentatives" not in answer.text
    # Five failures per address in five minutes, counted once for the whole site: even the
    # right password now waits, on either server.
    for server in servers:
        visitor = Browser()
        refused = visitor.submit(
            server, "/accounts/login/", {"login": "eve@example.org", "password": PASSWORD}
        )
        assert refused.status == 200
        assert "tentatives" in refused.text


def test_a_write_through_one_server_shows_on_the_other_at_once(
    site: Site, servers: tuple[Server, Server]
) -> None:
    first, second = servers
    visitor = Browser()
    assert "0</strong> ambassadeurs" in visitor.get(second, "/").text
    site.python(
        "from missa.actors.models import Actor, ActorRole\n"
        "actor = Actor.objects.create(kind='company', name='Atelier', slug='atelier')\n"
        "ActorRole.objects.create(actor=actor, role='ambassador', start_date='2017-05-01')\n"
    )
    for server in (first, second):
        assert "1</strong> ambassadeurs" in visitor.get(server, "/").text
    if "REDIS_URL" in site.env:
        # The shared state is in Redis indeed, under this site's prefix.
        import redis

        keys = redis.Redis.from_url(site.env["REDIS_URL"]).keys(f"{site.env['CACHE_KEY_PREFIX']}*")
        assert any(b"data-version" in key for key in keys)


def test_health_says_503_and_creates_nothing_where_there_is_no_database(
    tmp_path: Path,
) -> None:
    site = Site(var=tmp_path)
    database = tmp_path / "missa.sqlite3"
    with site.serve() as server:
        answer = Browser().get(server, "/healthz")
        assert (answer.status, answer.text) == (503, '{"status": "error", "database": "missing"}')
        assert not database.exists()
        # An empty database (created by something else) is not a database that serves.
        database.touch()
        answer = Browser().get(server, "/healthz")
        assert answer.status == 503
        assert "unreachable" in answer.text
