import re

import pytest
from django.core import mail
from django.test import Client

from missa.accounts.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "sorgue-2017-venise"


def sign_up(client: Client, email: str = "lea@example.org") -> None:
    response = client.post(
        "/accounts/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def confirmation_link(message: mail.EmailMessage) -> str:
    found = re.search(
        r"https?://[^/\s]+(/\S*/accounts/confirm-email/\S+|/accounts/confirm-email/\S+)",
        str(message.body),
    )
    assert found, message.body
    return found.group(1)


def test_sign_up_sends_a_verification_email_then_the_link_signs_in(
    client: Client, territory: object
) -> None:
    sign_up(client)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lea@example.org"]
    # Not signed in until the address is verified.
    assert "Mon compte" not in client.get("/").content.decode()

    link = confirmation_link(message)
    page = client.get(link)
    assert page.status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert "Mon compte" in html
    assert User.objects.get().email == "lea@example.org"


def test_unverified_accounts_cannot_sign_in(client: Client, db: None) -> None:
    sign_up(client)
    client.logout()
    response = client.post("/accounts/login/", {"login": "lea@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]


def test_wrong_password_shows_the_form_again_with_an_error(client: Client, db: None) -> None:
    User.objects.create_user("lea", "lea@example.org", PASSWORD)
    response = client.post("/accounts/login/", {"login": "lea@example.org", "password": "nope"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_an_email_address_cannot_open_two_accounts(client: Client, db: None) -> None:
    User.objects.create_user("lea", "Lea@Example.org", PASSWORD)
    response = client.post(
        "/accounts/signup/",
        {"email": "lea@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert User.objects.count() == 1
    # allauth does not reveal that the address is taken: it sends a notice to its owner.
    assert response.status_code in {200, 302}


def test_account_emails_are_queued_and_in_the_persons_language(client: Client, db: None) -> None:
    from missa.mail.models import OutgoingEmail

    User.objects.create_user("ann", "ann@example.org", PASSWORD, language="en")
    client.post("/accounts/password/reset/", {"email": "ann@example.org"})
    [message] = mail.outbox
    assert "Password Reset" in str(message.subject)
    sent = OutgoingEmail.objects.get(to="ann@example.org")
    assert sent.status == OutgoingEmail.Status.SENT


def test_password_reset_sends_an_email_with_a_working_link(client: Client, db: None) -> None:
    User.objects.create_user("lea", "lea@example.org", PASSWORD)
    response = client.post("/accounts/password/reset/", {"email": "lea@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/\S+)", str(mail.outbox[0].body))
    assert link
    assert client.get(link.group(1), follow=True).status_code == 200


def test_repeated_failed_logins_are_rate_limited_with_a_clear_message(
    client: Client, db: None
) -> None:
    User.objects.create_user("lea", "lea@example.org", PASSWORD)
    for _ in range(5):
        client.post("/accounts/login/", {"login": "lea@example.org", "password": "bad"})
    # Even the right password is refused for a while, with a message saying why.
    response = client.post("/accounts/login/", {"login": "lea@example.org", "password": PASSWORD})
    assert response.status_code == 200
    assert "tentatives" in response.content.decode()
    assert "Mon compte" not in response.content.decode()


def test_too_many_sign_ups_from_one_address_get_the_429_page(client: Client, db: None) -> None:
    responses = [
        client.post(
            "/accounts/signup/",
            {"email": f"person{n}@example.org", "password1": PASSWORD, "password2": PASSWORD},
        )
        for n in range(22)
    ]
    assert responses[0].status_code == 302
    assert responses[-1].status_code == 429
    assert "Trop de tentatives" in responses[-1].content.decode()


def test_account_pages_require_signing_in(client: Client, db: None) -> None:
    response = client.get("/accounts/email/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_sign_out_is_a_post(client: Client, db: None) -> None:
    user = User.objects.create_user("lea", "lea@example.org", PASSWORD)
    client.force_login(user)
    assert "Mon compte" in client.get("/").content.decode()
    client.post("/accounts/logout/")
    assert "Se connecter" in client.get("/").content.decode()


@pytest.mark.parametrize(
    "url", ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
)
def test_account_pages_are_in_french_and_english(client: Client, db: None, url: str) -> None:
    french = client.get(url)
    english = client.get(f"/en{url}")
    assert french.status_code == english.status_code == 200
    assert 'lang="fr"' in french.content.decode()
    assert 'lang="en"' in english.content.decode()


def test_signing_up_costs_the_same_whether_the_address_has_an_account(
    client: Client, db: None
) -> None:
    from django.test import override_settings

    from missa.accounts.tests.hashers import CountingHasher

    User.objects.create_user("lea", "lea@example.org", PASSWORD)
    work = []
    with override_settings(PASSWORD_HASHERS=["missa.accounts.tests.hashers.CountingHasher"]):
        for email in ("new@example.org", "lea@example.org"):
            CountingHasher.encodings = 0
            response = client.post(
                "/accounts/signup/",
                {"email": email, "password1": "pw-sorgue-2017x", "password2": "pw-sorgue-2017x"},
            )
            assert response["Location"] == "/accounts/confirm-email/"
            work.append(CountingHasher.encodings)
            client.cookies.clear()
    # One password hash on both paths (the dearest work of a sign-up); same answer, too.
    assert work == [1, 1]
    assert User.objects.filter(email="lea@example.org").count() == 1


def test_an_address_claimed_by_another_account_does_not_block_its_owner(
    client: Client, db: None
) -> None:
    from allauth.account.models import EmailAddress

    squatter = User.objects.create_user("sq", "sq@example.org", PASSWORD)
    EmailAddress.objects.create(user=squatter, email="owner@example.org", verified=False)
    response = client.post(
        "/accounts/signup/",
        {
            "email": "owner@example.org",
            "password1": "pw-sorgue-2017x",
            "password2": "pw-sorgue-2017x",
        },
    )
    assert response.status_code == 302
    owner = User.objects.get(email="owner@example.org")
    assert EmailAddress.objects.get(email="owner@example.org").user == owner
    assert not EmailAddress.objects.filter(user=squatter, email="owner@example.org").exists()
    assert [message.to for message in mail.outbox] == [["owner@example.org"]]
    assert "Confirm" in str(mail.outbox[0].subject) or "Confirmez" in str(mail.outbox[0].subject)
