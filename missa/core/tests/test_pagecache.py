"""Public pages come from the shared cache, and every write shows on the next request.

The cache is keyed by the data version, which every committed write advances: here each
service that changes what visitors see is called between two visits of a cached page.
"""

import datetime
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from missa.accounts.models import User
from missa.activity.models import Activity
from missa.activity.services import (
    hide_activity,
    record_activity,
    report_activity,
    set_actor_visibility,
)
from missa.actors.models import Actor, ActorRole
from missa.actors.services import revert_revision, update_actor_profile
from missa.applications.models import Application
from missa.applications.services import approve_application, suspend_membership
from missa.brandkit.models import BrandAsset
from missa.charter.models import CharterVersion, Commitment
from missa.charter.services import publish_charter_version
from missa.factories import ApplicationFactory
from missa.journal.models import JournalMonth

pytestmark = pytest.mark.django_db
JUNE = datetime.date(2017, 6, 15)


def visit(client: Client, url: str) -> tuple[str, bool]:
    """Return a page's text and whether it came from the cache."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), "Age" in response


def test_a_public_page_is_served_from_the_cache_without_queries(
    client: Client, cast: dict[str, Actor], django_assert_num_queries: Any
) -> None:
    first, cached = visit(client, "/journal/2017/06/")
    assert not cached
    with django_assert_num_queries(0):
        again, cached = visit(client, "/journal/2017/06/")
    assert cached
    strip = re.compile(r'nonce="[^"]+"')
    assert strip.sub("", again) == strip.sub("", first)


def test_each_visitor_gets_a_fresh_nonce_that_the_policy_allows(
    client: Client, cast: dict[str, Actor]
) -> None:
    nonces = []
    for _ in range(3):
        response = client.get("/")
        [nonce] = set(re.findall(r'nonce="([^"]+)"', response.content.decode()))
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert len(set(nonces)) == 3


def test_what_is_not_the_same_for_everyone_is_never_cached(
    client: Client, cast: dict[str, Actor]
) -> None:
    # A page with a form to post (a CSRF token in it).
    client.get("/brand-kit/report/")
    assert "Age" not in client.get("/brand-kit/report/")
    # A signed-in person's page.
    user = User.objects.create_user("eve", "eve@example.org", "pw-sorgue-2017")
    client.force_login(user)
    client.get("/")
    assert "Age" not in client.get("/")
    assert "Mon compte" in client.get("/").content.decode()
    client.logout()
    # An anonymous visitor never sees a signed-in person's page, nor the other way round.
    assert "Mon compte" not in client.get("/").content.decode()


def test_a_message_for_the_visitor_is_never_served_to_another(
    client: Client, territory: object
) -> None:
    response = client.post(
        "/brand-kit/report/", {"description": "Un faux logo sur un flyer."}, follow=True
    )
    assert "Merci" in response.content.decode()
    other = Client()
    assert "Merci" not in other.get("/brand-kit/").content.decode()


def _record(cast: dict[str, Actor], owner: User) -> None:
    record_activity(actor=cast["carol"], kind="hosted_event", title="Forum emploi", date=JUNE)


def _report(cast: dict[str, Actor], owner: User) -> None:
    report_activity(
        actor=cast["alice"], user=owner, kind="hosted_event", title="Forum emploi", date=JUNE
    )


def _hide(cast: dict[str, Actor], owner: User) -> None:
    hide_activity(activity=Activity.objects.get(title_fr="Note de conjoncture"), reason="Doublon")


def _hide_actor(cast: dict[str, Actor], owner: User) -> None:
    set_actor_visibility(actor=cast["carol"], is_public=False)


def _edit_profile(cast: dict[str, Actor], owner: User) -> None:
    update_actor_profile(
        actor=cast["alice"], user=owner, values={"town": "Forum emploi"}, sectors=[]
    )


def _revert(cast: dict[str, Actor], owner: User) -> None:
    from missa.actors.models import ActorRevision

    revert_revision(revision=ActorRevision.objects.latest("pk"), user=owner)


def _editorial(cast: dict[str, Actor], owner: User) -> None:
    entry = JournalMonth.objects.get(month=datetime.date(2017, 6, 1))
    entry.title = "Forum emploi"
    entry.save()


def _role(cast: dict[str, Actor], owner: User) -> None:
    actor = Actor.objects.create(kind="company", name="Forum emploi", slug="forum")
    ActorRole.objects.create(actor=actor, role="ambassador", start_date=JUNE)


def _charter(cast: dict[str, Actor], owner: User) -> None:
    version = CharterVersion.objects.create(title_fr="Forum emploi", text_fr="Texte")
    Commitment.objects.create(version=version, text_fr="Promouvoir")
    publish_charter_version(version=version)


def _asset(cast: dict[str, Actor], owner: User) -> None:
    asset = BrandAsset(title_fr="Forum emploi", kind="logo", access="public")
    asset.file.save("forum.pdf", ContentFile(b"%PDF-1.7"), save=False)
    asset.save()


def _approve(cast: dict[str, Actor], owner: User) -> None:
    charter = CharterVersion.objects.create(title_fr="Charte", text_fr="Texte")
    Commitment.objects.create(version=charter, text_fr="Promouvoir")
    publish_charter_version(version=charter)
    application = ApplicationFactory.create(name="Forum emploi")
    approve_application(application=application, reviewer=owner)


def _suspend(cast: dict[str, Actor], owner: User) -> None:
    application = Application.objects.get(name="Forum emploi")
    suspend_membership(application=application, reviewer=owner, reason="Plus active")


def _nothing(cast: dict[str, Actor], owner: User) -> None:
    pass


def _delete_account(cast: dict[str, Actor], owner: User) -> None:
    from missa.accounts.services import delete_account

    Actor.objects.filter(pk=cast["bob"].pk).update(user=owner)
    delete_account(user=owner)


Change = Callable[[dict[str, Actor], User], None]
# (page, what is there before, the write, the text, whether the page shows it afterwards)
CHANGES: list[tuple[str, Change, Change, str, bool]] = [
    ("/journal/2017/06/", _nothing, _record, "Forum emploi", True),
    ("/journal/2017/06/", _nothing, _report, "Forum emploi", True),
    ("/journal/2017/06/", _nothing, _hide, "Note de conjoncture", False),
    ("/actors/", _nothing, _hide_actor, "CCI de Sorgueville", False),
    ("/actors/atelier-alice/", _nothing, _edit_profile, "Forum emploi", True),
    ("/actors/atelier-alice/", _edit_profile, _revert, "Forum emploi", False),
    ("/journal/", _nothing, _editorial, "Forum emploi", True),
    ("/actors/?role=ambassador", _nothing, _role, "Forum emploi", True),
    ("/charter/", _nothing, _charter, "Forum emploi", True),
    ("/brand-kit/", _nothing, _asset, "Forum emploi", True),
    ("/network/register/", _nothing, _approve, "Forum emploi", True),
    ("/network/register/", _approve, _suspend, "Forum emploi", False),
    ("/journal/2017/06/", _nothing, _delete_account, "Bob Martin", False),
]


@pytest.mark.parametrize(
    ("url", "before", "change", "text", "shown"),
    CHANGES,
    ids=[change[2].__name__ for change in CHANGES],
)
def test_every_write_shows_on_the_next_visit(
    client: Client,
    cast: dict[str, Actor],
    owner: User,
    url: str,
    before: Change,
    change: Change,
    text: str,
    shown: bool,
) -> None:
    before(cast, owner)
    assert (text in visit(client, url)[0]) is not shown
    assert visit(client, url)[1], "the page was not served from the cache"
    change(cast, owner)
    page, cached = visit(client, url)
    assert not cached
    assert (text in page) is shown


def test_signed_in_pages_share_their_main_content_but_not_their_header(
    client: Client, cast: dict[str, Actor], owner: User, django_assert_max_num_queries: Any
) -> None:
    client.force_login(owner)
    first = client.get("/journal/2017/06/").content.decode()
    # The session, the person, their permissions, the view's figures: not the activities.
    with django_assert_max_num_queries(12):
        again = client.get("/journal/2017/06/").content.decode()

    def main(page: str) -> str:
        return re.sub(r'nonce="[^"]+"', "", page.split("<main", 1)[1].split("</main>", 1)[0])

    assert main(again) == main(first)
    assert "Mon compte" in again
    # What depends on the person stays theirs: a owner's links on their organisation's page.
    assert "Signaler une action" in client.get("/actors/atelier-alice/").content.decode()
    other = Client()
    other.force_login(User.objects.create_user("zoe", "zoe@example.org", "pw-sorgue-2017"))
    assert "Signaler une action" not in other.get("/actors/atelier-alice/").content.decode()
    assert "Signaler une action" not in Client().get("/actors/atelier-alice/").content.decode()


def test_pages_made_by_a_previous_version_of_the_code_are_not_served(
    client: Client, cast: dict[str, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    visit(client, "/journal/")
    assert visit(client, "/journal/")[1]
    # After a deployment the code's fingerprint differs: pages are made by the new code.
    monkeypatch.setattr("missa.core.pagecache.code_version", lambda: "a-new-release")
    assert not visit(client, "/journal/")[1]
