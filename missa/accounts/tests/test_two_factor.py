import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.test import Client

from missa.accounts.models import User
from missa.actors.models import Actor
from missa.testing.totp import current_totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(client: Client, committee_member: User) -> User:
    """Bob, on the committee, signed in before he has set up his second factor."""
    Authenticator.objects.filter(user=committee_member).delete()
    client.force_login(committee_member)
    return committee_member


def current_code(secret: str) -> str:
    return current_totp_code(secret)


def test_committee_members_without_two_factor_are_told_how_to_get_it(
    client: Client, newcomer: User
) -> None:
    # The role is theirs, its permissions wait for the second factor: a 403 that says why.
    response = client.get("/network/review/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "authentification à deux facteurs" in html
    assert 'href="/accounts/two-factor/?next=%2Fnetwork%2Freview%2F"' in html
    assert "Candidatures à examiner" not in client.get("/").content.decode()
    assert "Mettre en place" in client.get("/accounts/profile/").content.decode()
    TOTP.activate(newcomer, generate_totp_secret())
    assert client.get("/network/review/").status_code == 200


def test_the_two_factor_set_up_goes_on_to_where_the_person_was_going(
    client: Client, newcomer: User
) -> None:
    response = client.get("/accounts/two-factor/?next=/network/review/")
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    # allauth asks for the password again before a change of sign-in settings.
    reauthenticate = client.get(response["Location"])["Location"]
    activate = client.post(reauthenticate, {"password": "pw-sorgue-2017"})["Location"]
    secret = client.get(activate).context["form"].secret
    done = client.post(activate, {"code": current_code(secret)})
    assert done["Location"] == "/accounts/2fa/recovery-codes/"
    codes = client.get(done["Location"]).content.decode()
    assert 'href="/accounts/two-factor/done/"' in codes
    assert client.get("/accounts/two-factor/done/")["Location"] == "/network/review/"
    assert client.get("/network/review/").status_code == 200
    # An address elsewhere is never followed.
    client.get("/accounts/two-factor/?next=https://evil.example/")
    assert client.get("/accounts/two-factor/done/")["Location"] == "/accounts/profile/"


def test_staff_set_up_two_factor_before_using_the_admin(client: Client, db: None) -> None:
    editor = User.objects.create_user("ed", "ed@example.org", "pw-sorgue-2017", is_staff=True)
    editor.groups.add(Group.objects.get(name="editors"))
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/two-factor/?next=%2Fadmin%2F"
    TOTP.activate(editor, generate_totp_secret())
    assert client.get("/admin/").status_code == 200


def test_administrators_without_two_factor_hold_no_privilege(client: Client, db: None) -> None:
    admin = User.objects.create_superuser("root", "root@example.org", "pw-sorgue-2017")
    assert not admin.has_perm("actors.edit_actor_profile")
    assert not admin.has_perm("actors.change_actor")
    assert not admin.has_module_perms("actors")
    TOTP.activate(admin, generate_totp_secret())
    admin = User.objects.get(pk=admin.pk)
    assert admin.has_perm("actors.edit_actor_profile")
    assert admin.has_perm("actors.change_actor")


def test_signing_in_from_a_page_comes_back_to_it(client: Client, cast: dict[str, Actor]) -> None:
    from allauth.account.models import EmailAddress

    user = User.objects.create_user("eve", "eve@example.org", "pw-sorgue-2017")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    html = client.get("/journal/2017/06/?sector=tourisme").content.decode()
    assert 'href="/accounts/login/?next=/journal/2017/06/%3Fsector%3Dtourisme"' in html
    page = client.get("/accounts/login/?next=/journal/2017/06/%3Fsector%3Dtourisme")
    assert page.status_code == 200
    response = client.post(
        "/accounts/login/?next=/journal/2017/06/%3Fsector%3Dtourisme",
        {
            "login": "eve@example.org",
            "password": "pw-sorgue-2017",
            "next": "/journal/2017/06/?sector=tourisme",
        },
    )
    assert response["Location"] == "/journal/2017/06/?sector=tourisme"


def test_signing_in_with_two_factor_asks_for_the_code(client: Client, db: None) -> None:
    from allauth.account.models import EmailAddress

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
    done = client.post(response["Location"], {"code": current_totp_code(secret)})
    assert done.status_code == 302
    assert "Mon compte" in client.get("/").content.decode()
