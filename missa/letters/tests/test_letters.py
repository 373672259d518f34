"""The monthly letter: double opt-in, one-click unsubscription (RFC 8058), what it says to
each person, sent once a month to each address even when the sending stops and starts again."""

import datetime
import re
from typing import Any

import pytest
from django.core import mail, signing
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from missa.accounts.models import User
from missa.actors.models import Actor
from missa.core.models import Sector
from missa.follows.services import follow
from missa.letters import services
from missa.letters.models import Delivery, Letter, Subscription
from missa.letters.services import (
    confirm,
    confirmation_token,
    render_letter,
    send_letter,
    send_when_due,
    subscribe,
)
from missa.mail.models import OutgoingEmail

pytestmark = pytest.mark.django_db
JUNE = datetime.date(2017, 6, 1)
LINK = re.compile(r"https?://\S+/letter/confirm/\S+/")


def confirmed(email: str, language: str = "fr", user: User | None = None) -> Subscription:
    return Subscription.objects.create(
        email=email, language=language, user=user, confirmed_at=timezone.now()
    )


def test_subscribing_sends_a_link_and_only_the_link_starts_the_letter(
    client: Client, territory: Any
) -> None:
    response = client.post("/letter/", {"email": "Lea@Example.org", "language": "fr"})
    assert response.status_code == 200 and "Vérifiez votre boîte" in response.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.email == "lea@example.org" and subscription.confirmed_at is None
    [email] = mail.outbox
    assert email.to == ["lea@example.org"]
    link = LINK.search(str(email.body))
    assert link is not None
    path = link.group(0).split("8000", 1)[1]
    assert client.get(path).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    assert list(Subscription.objects.receiving()) == [subscription]


def test_an_expired_or_forged_link_starts_nothing(client: Client, territory: Any) -> None:
    subscription = subscribe(email="lea@example.org", language="fr")
    token = confirmation_token(subscription)
    later = timezone.now() + datetime.timedelta(days=8)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(signing, "time", type("T", (), {"time": lambda: later.timestamp()}))
        expired = client.get(f"/letter/confirm/{token}/")
    assert expired.status_code == 400 and "a expiré" in expired.content.decode()
    assert client.get("/letter/confirm/not-a-token/").status_code == 404
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


@pytest.mark.parametrize("email", ["", "pas-une-adresse", "a@b", "x" * 250 + "@example.org"])
def test_a_bad_address_gives_the_form_again(client: Client, territory: Any, email: str) -> None:
    response = client.post("/letter/", {"email": email, "language": "fr"})
    assert response.status_code == 200 and "email" in response.context["form"].errors
    assert not Subscription.objects.exists() and not OutgoingEmail.objects.exists()


def test_asking_twice_sends_no_second_letter_to_a_confirmed_address(territory: Any) -> None:
    subscription = subscribe(email="lea@example.org", language="fr")
    confirm(subscription)
    subscribe(email="lea@example.org", language="en")
    assert OutgoingEmail.objects.count() == 1  # the first confirmation only


def test_one_click_unsubscription_from_the_mail_program(client: Client, territory: Any) -> None:
    subscription = confirmed("lea@example.org")
    # RFC 8058: the mail program POSTs, without a session or a CSRF token.
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        f"/letter/unsubscribe/{subscription.key}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None
    assert not Subscription.objects.receiving().exists()
    assert client.get(f"/letter/unsubscribe/{subscription.key}/").status_code == 200
    assert client.get("/letter/unsubscribe/nope/").status_code == 404


def test_a_members_consent_in_the_profile_is_a_subscription(client: Client, territory: Any) -> None:
    user = User.objects.create_user(
        "lea", "lea@example.org", "pw-sorgue-2017", email_consent_at=timezone.now()
    )
    services.sync_members()
    subscription = Subscription.objects.get()
    assert subscription.user == user and subscription.confirmed_at is not None
    # Leaving from a letter withdraws the consent too…
    services.unsubscribe(subscription)
    user.refresh_from_db()
    assert user.email_consent_at is None
    services.sync_members()
    assert not Subscription.objects.receiving().exists()
    # …and agreeing again in the profile brings the letter back.
    User.objects.filter(pk=user.pk).update(
        email_consent_at=timezone.now() + datetime.timedelta(seconds=1)
    )
    services.sync_members()
    assert Subscription.objects.receiving().count() == 1


def test_a_letter_says_the_month_and_what_the_person_follows(
    cast: dict[str, Actor], sectors: dict[str, Sector]
) -> None:
    user = User.objects.create_user("lea", "lea@example.org", "pw-sorgue-2017")
    follow(user=user, target=cast["alice"])
    subscription = confirmed("lea@example.org", user=user)
    subject, text, html = render_letter(JUNE, subscription)
    assert subject == "Sorgueville Attractive : lettre mensuelle, juin 2017"
    assert "Écouter le territoire" in text and "3 actions pour le territoire" in text
    assert "Atelier Alice" in text and "Portes ouvertes de l'atelier" in text
    assert f"/letter/unsubscribe/{subscription.key}/" in text
    assert '<html lang="fr">' in html and "<img" not in html  # no tracking pixel
    assert "Brouillon d'Alice" not in text  # not public
    english = confirmed("marc@example.org", language="en")
    subject, text, _html = render_letter(JUNE, english)
    assert subject == "Sorgueville Attractive: the letter of June 2017"
    assert "Atelier Alice" not in text  # follows nothing
    # Written as text: a name's apostrophe stays one (the subject is not HTML).
    from missa.core.models import Territory

    Territory.objects.update(brand_name="L'Isle-sur-la-Sorgue")
    assert render_letter(JUNE, subscription)[0].startswith("L'Isle-sur-la-Sorgue : ")


def test_sending_a_month_sends_each_address_once_with_its_headers(
    cast: dict[str, Actor],
) -> None:
    for number in range(3):
        confirmed(f"p{number}@example.org")
    Subscription.objects.create(email="pending@example.org")  # not confirmed
    left = confirmed("left@example.org")
    services.unsubscribe(left)
    letter = send_letter(JUNE)
    assert letter.recipient_count == 3 and letter.finished_at is not None
    emails = OutgoingEmail.objects.filter(subject__contains="juin 2017")
    assert sorted(email.to for email in emails) == [f"p{n}@example.org" for n in range(3)]
    one = emails.first()
    assert one is not None
    key = Subscription.objects.get(email=one.to).key
    assert one.headers["List-Unsubscribe"].endswith(f"/letter/unsubscribe/{key}/>")
    assert one.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # As the mail program receives it.
    received = next(message for message in mail.outbox if message.to == [one.to])
    assert received.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert getattr(received, "alternatives", [])[0].mimetype == "text/html"
    # Sent again: nobody gets the month twice.
    send_letter(JUNE)
    assert emails.count() == 3 and Delivery.objects.count() == 3


def test_a_sending_stopped_midway_and_started_again_sends_the_rest_once(
    cast: dict[str, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(6):
        confirmed(f"p{number}@example.org")
    real = services._send_copy
    calls = {"n": 0}

    def dying(letter: Letter, subscription: Subscription) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            raise SystemExit("the worker is killed")
        real(letter, subscription)

    monkeypatch.setattr(services, "_send_copy", dying)
    with pytest.raises(SystemExit):
        send_letter(JUNE)
    assert Delivery.objects.count() == 3
    monkeypatch.setattr(services, "_send_copy", real)
    send_letter(JUNE)
    assert Delivery.objects.count() == 6
    per_address = OutgoingEmail.objects.values_list("to", flat=True)
    assert sorted(per_address) == sorted(set(per_address)) and len(per_address) == 6


def test_the_database_refuses_a_second_copy(cast: dict[str, Actor]) -> None:
    subscription = confirmed("lea@example.org")
    letter = Letter.objects.create(month=JUNE)
    Delivery.objects.create(letter=letter, subscription=subscription)
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(letter=letter, subscription=subscription)


def test_last_months_letter_starts_by_itself_once(cast: dict[str, Actor]) -> None:
    started: list[str] = []
    july = datetime.date(2017, 7, 3)
    assert send_when_due(started.append, today=july) is True
    assert started == ["2017-06-01"]
    # Checked again within the hour, or once sent: not again.
    assert send_when_due(started.append, today=july) is False
    Letter.objects.create(month=JUNE)
    from django.core.cache import cache

    cache.clear()
    assert send_when_due(started.append, today=july) is False
    assert started == ["2017-06-01"]


def test_editors_preview_send_and_follow_a_letter(
    client: Client, cast: dict[str, Actor], editor: User
) -> None:
    confirmed("lea@example.org")
    client.force_login(editor)
    preview = client.get("/letter/editors/2017-06/").content.decode()
    assert "lettre mensuelle, juin 2017" in preview and "Écouter le territoire" in preview
    listing = client.get("/letter/editors/").content.decode()
    assert "1 adresse reçoit la lettre" in listing
    client.post("/letter/editors/2017-06/send/")
    letter = Letter.objects.get(month=JUNE)
    assert letter.recipient_count == 1
    again = client.post("/letter/editors/2017-06/send/", follow=True).content.decode()
    assert "déjà partie" in again.replace("&#x27;", "'")
    assert Delivery.objects.count() == 1
    assert client.get("/letter/editors/2017-13/").status_code == 404
    assert client.get("/letter/editors/1990-01/").status_code == 404
    future = timezone.localdate().replace(day=1)
    client.post(f"/letter/editors/{future:%Y-%m}/send/")
    assert not Letter.objects.filter(month=future).exists()


def test_each_letters_figures_are_stored_and_recounted(
    client: Client, cast: dict[str, Actor], editor: User
) -> None:
    from missa.letters.services import count_letters

    for number in range(5):
        confirmed(f"p{number}@example.org")
    letter = send_letter(JUNE)
    # The mail server refused one; one address left after the letter.
    refused = Delivery.objects.filter(letter=letter).order_by("pk").first()
    assert refused is not None and refused.email is not None
    OutgoingEmail.objects.filter(pk=refused.email.pk).update(status="failed")
    services.unsubscribe(Subscription.objects.get(email="p4@example.org"))
    count_letters()
    letter.refresh_from_db()
    statuses = list(Delivery.objects.values_list("email__status", flat=True))
    assert (
        (letter.sent_count, letter.failed_count)
        == (
            statuses.count("sent"),
            statuses.count("failed"),
        )
        == (4, 1)
    )
    assert letter.unsubscribed_count == 1
    client.force_login(editor)
    listing = client.get("/letter/editors/")
    assert listing.status_code == 200


def test_the_editors_pages_run_the_same_queries_at_two_sizes(
    client: Client,
    cast: dict[str, Actor],
    editor: User,
    grow: Any,
    count_queries: Any,
) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    from missa.core.freshness import mark_fresh
    from missa.letters.tasks import FRESHNESS

    def visit() -> list[int]:
        # Measure the pages themselves: their figures counted, the month's letter checked,
        # from the same start (Django keeps the content types it read in the process).
        cache.clear()
        ContentType.objects.clear_cache()
        mark_fresh(FRESHNESS)
        client.get("/letter/editors/")
        return [
            count_queries(lambda: client.get("/letter/editors/")),
            count_queries(lambda: client.get("/letter/editors/2017-06/")),
        ]

    client.force_login(editor)
    confirmed("lea@example.org")
    follow(user=editor, target=cast["alice"])
    send_letter(JUNE)
    small = visit()
    # More addresses, more letters sent, more ambassadors active that month, more followed.
    grow(40)
    for number in range(30):
        confirmed(f"p{number}@example.org")
    for month in (datetime.date(2017, 5, 1), datetime.date(2017, 7, 1)):
        send_letter(month)
    for actor in Actor.objects.public():
        follow(user=editor, target=actor)
    large = visit()
    assert small == large, f"{small} queries, then {large} with more data"
    assert Delivery.objects.count() == 1 + 2 * 31


def test_what_each_followed_did_is_its_first_public_activities_of_the_month(
    cast: dict[str, Actor], sectors: dict[str, Sector], grow: Any
) -> None:
    from missa.activity.models import Activity
    from missa.letters.services import SHOWN, letter_content

    grow(20)
    user = User.objects.create_user("lea", "lea@example.org", "pw-sorgue-2017")
    followed_actors = list(Actor.objects.public().order_by("name")[:6])
    for actor in followed_actors:
        follow(user=user, target=actor)
    for sector in sectors.values():
        follow(user=user, target=sector)
    content = letter_content(JUNE, confirmed("lea@example.org", user=user))
    public = Activity.objects.filter(
        is_public=True, actor__is_public=True, date__year=2017, date__month=6
    ).order_by("date", "pk")
    expected = [
        (actor.name, list(public.filter(actor=actor)[:SHOWN])) for actor in followed_actors
    ] + [
        (sector.name, list(public.filter(sectors=sector)[:SHOWN]))
        for sector in Sector.objects.filter(pk__in=[s.pk for s in sectors.values()])
    ]
    assert [(item.name, item.activities) for item in content.followed] == expected
    assert any(len(activities) == SHOWN for _name, activities in expected)


def test_editors_see_the_months_with_something_to_say(
    client: Client, cast: dict[str, Actor], editor: User
) -> None:
    from missa.activity.models import MonthSummary
    from missa.journal.models import JournalMonth, journal_span
    from missa.letters.services import letter_months

    today = timezone.localdate()
    JournalMonth.objects.create(
        month=datetime.date(2017, 9, 1), title_fr="Septembre", editorial_fr="…", is_published=True
    )
    JournalMonth.objects.create(month=datetime.date(2017, 10, 1), title_fr="Brouillon")
    active = set(MonthSummary.objects.filter(activity_count__gt=0).values_list("month", flat=True))
    expected = sorted(
        {*active, datetime.date(2017, 9, 1), today.replace(day=1)} & set(journal_span().months()),
        reverse=True,
    )
    assert letter_months() == expected and JUNE in expected
    assert datetime.date(2017, 10, 1) not in expected  # a draft says nothing yet
    client.force_login(editor)
    listing = client.get("/letter/editors/").content.decode()
    assert 'href="/letter/editors/2017-06/">Juin 2017</a>' in listing
    assert "/letter/editors/2017-10/" not in listing
