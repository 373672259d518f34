"""Following an actor, a sector, a call, an idea or an action: from its page (with or without
JavaScript), once, only what is public, and the list of what one follows."""

from collections.abc import Callable

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.test import Client

from missa.accounts.models import User
from missa.activity.services import set_actor_visibility
from missa.actors.models import Actor
from missa.core.models import Sector
from missa.follows.models import Follow
from missa.follows.services import follow

pytestmark = pytest.mark.django_db


@pytest.fixture
def lea(client: Client) -> User:
    user = User.objects.create_user("lea", "lea@example.org", "pw-sorgue-2017", display_name="Léa")
    client.force_login(user)
    return user


def follows_of(user: User) -> set[tuple[str, int]]:
    return {
        (f"{row.content_type.app_label}.{row.content_type.model}", row.object_id)
        for row in Follow.objects.filter(user=user).select_related("content_type")
    }


def test_following_an_actor_from_its_page_without_javascript(
    client: Client, lea: User, cast: dict[str, Actor]
) -> None:
    alice = cast["alice"]
    page = client.get("/actors/atelier-alice/").content.decode()
    assert f'href="/follows/actors.actor/{alice.pk}/"' in page
    form = client.get(f"/follows/actors.actor/{alice.pk}/").content.decode()
    assert "Suivre « Atelier Alice »" in form
    response = client.post(
        f"/follows/actors.actor/{alice.pk}/", {"action": "follow", "next": "/actors/atelier-alice/"}
    )
    assert response.status_code == 302 and response["Location"] == "/actors/atelier-alice/"
    assert follows_of(lea) == {("actors.actor", alice.pk)}
    # Following twice is following once.
    client.post(f"/follows/actors.actor/{alice.pk}/", {"action": "follow"})
    assert Follow.objects.count() == 1
    client.post(f"/follows/actors.actor/{alice.pk}/", {"action": "unfollow"})
    assert not Follow.objects.exists()


def test_the_button_comes_for_each_person_with_htmx(
    client: Client, lea: User, cast: dict[str, Actor], sectors: dict[str, Sector]
) -> None:
    tourism = sectors["tourisme"]
    url = f"/follows/core.sector/{tourism.pk}/"
    button = client.get(f"{url}button/").content.decode()
    assert "Suivre « Tourisme »" in button
    swapped = client.post(url, {"action": "follow"}, headers={"HX-Request": "true"})
    assert swapped.status_code == 200 and "Ne plus suivre « Tourisme »" in swapped.content.decode()
    assert follows_of(lea) == {("core.sector", tourism.pk)}
    # A visitor is asked to sign in.
    client.logout()
    anonymous = client.get(f"{url}button/").content.decode()
    assert "Se connecter pour suivre" in anonymous


def test_only_what_is_public_may_be_followed(
    client: Client, lea: User, cast: dict[str, Actor]
) -> None:
    dave = cast["dave"]
    assert client.get(f"/follows/actors.actor/{dave.pk}/").status_code == 404
    assert client.post(f"/follows/actors.actor/{dave.pk}/", {"action": "follow"}).status_code == 404
    assert client.post("/follows/accounts.user/1/", {"action": "follow"}).status_code == 404
    assert client.get("/follows/actors.actor/999999/button/").status_code == 404
    assert not Follow.objects.exists()


def test_visitors_and_suspended_accounts_follow_nothing(
    client: Client, cast: dict[str, Actor]
) -> None:
    alice = cast["alice"]
    response = client.post(f"/follows/actors.actor/{alice.pk}/", {"action": "follow"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    inactive = User.objects.create_user("x", "x@example.org", "pw-sorgue-2017", is_active=False)
    with pytest.raises(PermissionDenied):
        follow(user=inactive, target=alice)
    assert not Follow.objects.exists()


def test_the_list_of_what_one_follows(client: Client, lea: User, cast: dict[str, Actor]) -> None:
    for actor in (cast["alice"], cast["bob"]):
        follow(user=lea, target=actor)
    set_actor_visibility(actor=cast["bob"], is_public=False)
    html = client.get("/follows/").content.decode()
    assert "Atelier Alice" in html and "Bob Martin" not in html
    assert "N'est plus public" in html
    gone = Follow.objects.get(object_id=cast["bob"].pk)
    assert client.post(f"/follows/stop/{gone.pk}/").status_code == 302
    assert follows_of(lea) == {("actors.actor", cast["alice"].pk)}
    # Someone else's follow cannot be stopped.
    other = User.objects.create_user("marc", "marc@example.org", "pw-sorgue-2017")
    theirs = follow(user=other, target=cast["alice"])
    assert client.post(f"/follows/stop/{theirs.pk}/").status_code == 404


def test_the_list_runs_the_same_queries_at_two_sizes(
    client: Client,
    lea: User,
    cast: dict[str, Actor],
    grow: Callable[[int], None],
    sectors: dict[str, Sector],
    count_queries: Callable[[Callable[[], object]], int],
) -> None:
    def follow_all() -> None:
        for actor in Actor.objects.public():
            follow(user=lea, target=actor)
        for sector in sectors.values():
            follow(user=lea, target=sector)

    follow_all()
    small = count_queries(lambda: client.get("/follows/"))
    grow(30)
    follow_all()
    large = count_queries(lambda: client.get("/follows/"))
    assert small == large
    assert (
        Follow.objects.filter(content_type=ContentType.objects.get_for_model(Actor)).count()
        == Actor.objects.public().count()
    )


def test_an_account_deleted_takes_its_follows(
    client: Client, lea: User, cast: dict[str, Actor]
) -> None:
    from missa.accounts.services import delete_account

    follow(user=lea, target=cast["alice"])
    delete_account(user=lea)
    assert not Follow.objects.exists()
