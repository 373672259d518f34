"""Every page is valid HTML for the Nu HTML Checker (vnu-jar from the npm lock, run on Java).

Each URL of the permission matrix is fetched as every role that may see it; the pages are then
checked in one run of the checker. Errors only: zero is the bar.
"""

import datetime
import json
import shutil
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from missa.accounts.models import User
from missa.activity.models import Activity
from missa.actors.models import Actor
from missa.core.geo import validate_outlines
from missa.core.models import Territory
from missa.tests.test_permission_matrix import (  # noqa: F401 — sign_in_as is a fixture
    ADMIN_ACCOUNT_PAGES,
    ADMIN_PAGES,
    MATRIX,
    sign_in_as,
)

pytestmark = pytest.mark.django_db

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ROLES = ["visitor", "ambassador", "committee", "editor", "administrator"]
ADMIN_FORMS = [
    "/admin/actors/actor/{alice}/change/",
    "/admin/actors/actor/add/",
    "/admin/journal/journalmonth/add/",
    "/admin/activity/activity/add/",
    "/admin/programme/phase/add/",
    "/admin/brandkit/brandasset/add/",
    "/admin/core/territory/add/",
    "/admin/charter/charterversion/add/",
]
# Pages that are another view of a matrix URL.
VARIANTS = ["/actors/?view=map", "/en/actors/?view=map&kind=company"]
# Pages that answer with an error status on purpose, in the site's layout.
ERROR_PAGES = {"not found": "/actors/no-such-actor/", "refused": "/network/review/"}


def validate(pages: dict[str, str], folder: Path) -> list[str]:
    """Return the checker's errors for each page, one line each."""
    java = shutil.which("java")
    assert java, "Java runs the Nu HTML Checker: install a JRE (openjdk-17-jre-headless)"
    assert VNU.exists(), "vnu.jar comes from the npm lock: run `make install-dev`"
    names = {}
    for index, (label, html) in enumerate(pages.items()):
        path = folder / f"page-{index}.html"
        path.write_text(html)
        names[str(path)] = label
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout", *map(str, names)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    messages = json.loads(result.stdout or "{}").get("messages", [])
    assert result.returncode in {0, 1}, result.stderr[-2000:]
    return [
        f"{names.get(str(message.get('url', '')).removeprefix('file:'), message.get('url'))}: line "
        f"{message.get('lastLine')}: {message.get('message')} — {message.get('extract', '')!r}"
        for message in messages
        if message.get("type") in {"error", "non-document-error"}
    ]


def test_every_page_is_valid_html(
    client: Client, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    sign_in: Callable[[str], User | None] = request.getfixturevalue("sign_in_as")
    pages: dict[str, str] = {}
    # The maps: the territory drawn and Atelier Alice pinned (its page, its edit form, the map).
    square = [[[5.0, 43.9], [5.1, 43.9], [5.1, 44.0], [5.0, 44.0], [5.0, 43.9]]]
    Territory.objects.update(
        map_outlines=validate_outlines(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"name": "Sorgueville"},
                        "geometry": {"type": "Polygon", "coordinates": square},
                    }
                ],
            }
        ),
        map_attribution="Contours : IGN <Admin Express> & co",
    )
    Actor.objects.filter(slug="atelier-alice").update(
        latitude=Decimal("43.91899"), longitude=Decimal("5.05035")
    )
    for role in ROLES:
        client.logout()
        sign_in(role)
        for name, (url, expected) in MATRIX.items():
            if expected[role] != 200:
                continue
            response = client.get(url)
            if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
                pages[f"{url} as {role} ({name})"] = response.content.decode()
        if role in {"editor", "administrator"}:
            for url in ADMIN_PAGES + (ADMIN_ACCOUNT_PAGES if role == "administrator" else []):
                pages[f"{url} as {role}"] = client.get(url).content.decode()
            # The forms editors fill in.
            for url in ADMIN_FORMS:
                response = client.get(url.format(alice=Actor.objects.get(slug="atelier-alice").pk))
                assert response.status_code == 200, url
                pages[f"{url} as {role}"] = response.content.decode()
        for url in VARIANTS:
            pages[f"{url} as {role}"] = client.get(url).content.decode()
        # Pages whose address holds an id: one of each.
        activity = Activity.objects.public().select_related("actor").first()
        assert activity is not None
        url = activity.get_absolute_url()
        pages[f"{url} as {role}"] = client.get(url).content.decode()
        if role == "visitor":
            # The letter: asked for, confirmed, left; and the letter itself, as sent.
            from missa.letters.models import Subscription
            from missa.letters.services import confirmation_token, render_letter

            asked = client.post("/letter/", {"email": "lea@example.org", "language": "fr"})
            pages["/letter/ (asked) as visitor"] = asked.content.decode()
            subscription = Subscription.objects.get(email="lea@example.org")
            for url in (
                f"/letter/confirm/{confirmation_token(subscription)}/",
                f"/letter/unsubscribe/{subscription.key}/",
            ):
                pages[f"{url} as visitor"] = client.get(url).content.decode()
            left = client.post(f"/letter/unsubscribe/{subscription.key}/")
            pages["/letter/unsubscribe/ (done) as visitor"] = left.content.decode()
            pages["the letter of June 2017"] = render_letter(
                datetime.date(2017, 6, 1), subscription
            )[2]
        if role == "registered":
            # Following: the button's page, the button itself, the list with what one follows.
            alice = Actor.objects.get(slug="atelier-alice")
            client.post(f"/follows/actors.actor/{alice.pk}/", {"action": "follow"})
            for url in (f"/follows/actors.actor/{alice.pk}/", "/follows/"):
                pages[f"{url} (following) as {role}"] = client.get(url).content.decode()
        if role == "ambassador":
            # A new API token: its secret shown once, and the list of tokens.
            alice = Actor.objects.get(slug="atelier-alice")
            made = client.post(
                "/api/tokens/",
                {"name": "Site", "actors": [alice.pk], "lifetime": "30"},
                follow=True,
            )
            assert b"missa_" in made.content
            pages[f"/api/tokens/ (a new token) as {role}"] = made.content.decode()
        for label, url in ERROR_PAGES.items():
            response = client.get(url)
            if response.status_code >= 400:
                pages[f"{url} as {role} ({label}, {response.status_code})"] = (
                    response.content.decode()
                )
    assert len(pages) > 100
    errors = validate(pages, tmp_path)
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(errors)
