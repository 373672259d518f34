import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.test import Client

from missa.accounts.models import User
from missa.actors.models import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee_member(client: Client, cast: dict[str, Actor]) -> User:
    user = User.objects.create_user("bob", "bob@example.org", "pw-sorgue-2017")
    Actor.objects.filter(pk=cast["bob"].pk).update(user=user)
    client.force_login(user)
    return user


def test_committee_members_set_up_two_factor_before_reviewing(
    client: Client, committee_member: User
) -> None:
    response = client.get("/network/review/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    # A session this old must confirm the password first, then reaches the set-up page.
    page = client.get(response["Location"], follow=True)
    assert page.status_code == 200
    assert (
        "réauthentifier" in page.content.decode().lower()
        or "authentif" in page.content.decode().lower()
    )
    TOTP.activate(committee_member, generate_totp_secret())
    assert client.get("/network/review/").status_code == 200


def test_staff_set_up_two_factor_before_using_the_admin(client: Client, db: None) -> None:
    editor = User.objects.create_user("ed", "ed@example.org", "pw-sorgue-2017", is_staff=True)
    editor.groups.add(Group.objects.get(name="editors"))
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    TOTP.activate(editor, generate_totp_secret())
    assert client.get("/admin/").status_code == 200


def test_signing_in_with_two_factor_asks_for_the_code(client: Client, db: None) -> None:
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    user = User.objects.create_user("bob", "bob@example.org", "pw-sorgue-2017")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    response = client.post(
        "/accounts/login/", {"login": "bob@example.org", "password": "pw-sorgue-2017"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert "Mon compte" not in client.get("/").content.decode()
    wrong = client.post(response["Location"], {"code": "000000"})
    assert wrong.status_code == 200
    import time

    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    done = client.post(response["Location"], {"code": code})
    assert done.status_code == 302
    assert "Mon compte" in client.get("/").content.decode()
