"""The monthly letter: subscribing (double opt-in), unsubscribing in one click, what a letter
says to each person, and sending a month's letter once to everyone who asked for it."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from missa.accounts.models import User
from missa.activity.models import Activity, MonthSummary
from missa.actors.models import Actor, ActorRole
from missa.core.models import Sector, add_months, first_of_month
from missa.follows.models import Follow
from missa.journal.models import JournalMonth, journal_span, month_url, telling_months
from missa.mail.identity import site_identity
from missa.mail.services import queue_email

from .models import Delivery, Letter, Subscription

# How long a confirmation link works.
CONFIRMATION_DAYS = 7
# Copies queued per transaction batch; activities shown per followed actor or sector.
BATCH = 100
SHOWN = 5
NEW_AMBASSADORS_SHOWN = 12
_SALT = "missa.letters.confirm"


def _address(path: str) -> str:
    return settings.MISSA_SITE_URL.rstrip("/") + path


def _in_language(path_name: str, language: str, *args: Any) -> str:
    with translation.override(language):
        return _address(reverse(path_name, args=args))


# Subscribing and unsubscribing.


@transaction.atomic
def subscribe(*, email: str, language: str) -> Subscription:
    """Ask for the letter at an address: a link to confirm is sent to it (double opt-in). An
    address already receiving it is left as it is; one that left may come back the same way."""
    address = email.strip().lower()
    subscription, _created = Subscription.objects.select_for_update().get_or_create(
        email=address, defaults={"language": language}
    )
    if subscription.confirmed_at and subscription.unsubscribed_at is None:
        return subscription
    subscription.language = language
    subscription.save(update_fields=["language"])
    send_confirmation(subscription)
    return subscription


def confirmation_token(subscription: Subscription) -> str:
    return signing.TimestampSigner(salt=_SALT).sign(subscription.key)


def send_confirmation(subscription: Subscription) -> None:
    link = _in_language("letters:confirm", subscription.language, confirmation_token(subscription))
    context = {**site_identity(), "link": link, "days": CONFIRMATION_DAYS}
    with translation.override(subscription.language):
        subject = render_to_string("letters/email/confirm_subject.txt", context).strip()
        body = render_to_string("letters/email/confirm.txt", context)
    queue_email(to=subscription.email, subject=subject, body=body)


class ExpiredLinkError(Exception):
    """A confirmation link too old to use: ask for a new one."""


def subscription_for_token(token: str) -> Subscription | None:
    """Return the subscription a confirmation link names, None for a link that never was;
    raise ExpiredLinkError for one older than CONFIRMATION_DAYS."""
    signer = signing.TimestampSigner(salt=_SALT)
    try:
        key = signer.unsign(token, max_age=datetime.timedelta(days=CONFIRMATION_DAYS))
    except signing.SignatureExpired as error:
        raise ExpiredLinkError from error
    except signing.BadSignature:
        return None
    return Subscription.objects.filter(key=key).first()


@transaction.atomic
def confirm(subscription: Subscription) -> Subscription:
    """Confirm an address (its owner followed the link): it receives the next letters."""
    locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if locked.confirmed_at is None or locked.unsubscribed_at is not None:
        locked.confirmed_at = timezone.now()
        locked.unsubscribed_at = None
        locked.save(update_fields=["confirmed_at", "unsubscribed_at"])
    return locked


@transaction.atomic
def unsubscribe(subscription: Subscription) -> Subscription:
    """Stop the letter to an address (one click, from any letter); a member's consent in their
    profile goes with it."""
    locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if locked.unsubscribed_at is None:
        locked.unsubscribed_at = timezone.now()
        locked.save(update_fields=["unsubscribed_at"])
    if locked.user_id:
        User.objects.filter(pk=locked.user_id).update(email_consent_at=None)
    return locked


def sync_members() -> None:
    """Make the subscriptions follow the members' consent (their profile's "news by email"):
    one for each member who agreed, with their address (verified at sign-up), confirmed by that
    consent; none for those who withdrew it."""
    consenting = User.objects.filter(is_active=True, email_consent_at__isnull=False).exclude(
        email=""
    )
    for user in consenting.iterator():
        agreed = user.email_consent_at
        assert agreed is not None
        with transaction.atomic():
            found = (
                Subscription.objects.select_for_update().filter(user=user).first()
                or Subscription.objects.select_for_update()
                .filter(email=user.email.lower(), user__isnull=True)
                .first()
            )
            if found is None:
                Subscription.objects.create(
                    email=user.email.lower(), user=user, language=user.language, confirmed_at=agreed
                )
                continue
            found.user = user
            if found.unsubscribed_at is not None and found.unsubscribed_at < agreed:
                found.unsubscribed_at = None  # agreed again since leaving
            if found.unsubscribed_at is None and found.confirmed_at is None:
                found.confirmed_at = agreed
            found.save(update_fields=["user", "confirmed_at", "unsubscribed_at"])
    withdrawn = Subscription.objects.receiving().filter(
        Q(user__email_consent_at__isnull=True) | Q(user__is_active=False), user__isnull=False
    )
    withdrawn.update(unsubscribed_at=timezone.now())


# What a letter says.


@dataclass
class Followed:
    name: str
    url: str
    activities: list[Activity] = field(default_factory=list)


@dataclass
class LetterContent:
    month: datetime.date
    language: str
    editorial: JournalMonth | None
    summary: MonthSummary
    new_ambassadors: list[Actor]
    more_ambassadors: int
    followed: list[Followed]
    links: dict[str, str]


def _month_activities(month: datetime.date) -> Any:
    return Activity.objects.public().for_month(month).select_related("actor")


def _first_by_actor(month: datetime.date, actor_ids: list[int]) -> dict[int, list[Activity]]:
    """The first SHOWN public activities of the month of each actor, in one query."""
    ranked = (
        _month_activities(month)
        .filter(actor_id__in=actor_ids)
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("actor_id")], order_by=[F("date"), F("pk")])
        )
        .filter(rank__lte=SHOWN)
        .order_by("date", "pk")
    )
    found: dict[int, list[Activity]] = defaultdict(list)
    for activity in ranked:
        found[activity.actor_id].append(activity)
    return found


def _first_by_sector(month: datetime.date, sector_ids: list[int]) -> dict[int, list[Activity]]:
    """The first SHOWN public activities of the month in each sector, in one query."""
    through: Any = Activity.sectors.through  # an automatic model: its fields are not typed
    tags = (
        through.objects.filter(sector_id__in=sector_ids, activity__in=_month_activities(month))
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("sector_id")],
                order_by=[F("activity__date"), F("activity_id")],
            )
        )
        .filter(rank__lte=SHOWN)
        .select_related("activity__actor")
        .order_by("activity__date", "activity_id")
    )
    found: dict[int, list[Activity]] = defaultdict(list)
    for tag in tags:
        found[tag.sector_id].append(tag.activity)
    return found


def _followed(user: User | None, month: datetime.date) -> list[Followed]:
    """What the person follows (actors and sectors) and what each did in the month: a fixed
    number of queries, however much they follow."""
    if user is None:
        return []
    follows = Follow.objects.filter(user=user)
    actor_type = ContentType.objects.get_for_model(Actor)
    sector_type = ContentType.objects.get_for_model(Sector)
    actor_ids = follows.filter(content_type=actor_type).values("object_id")
    actors = list(Actor.objects.public().filter(pk__in=actor_ids).order_by("name"))
    sectors = list(
        Sector.objects.filter(pk__in=follows.filter(content_type=sector_type).values("object_id"))
    )
    by_actor = _first_by_actor(month, [actor.pk for actor in actors]) if actors else {}
    by_sector = _first_by_sector(month, [sector.pk for sector in sectors]) if sectors else {}
    return [
        *(
            Followed(actor.name, _address(actor.get_absolute_url()), by_actor.get(actor.pk, []))
            for actor in actors
        ),
        *(
            Followed(sector.name, _address(sector.get_absolute_url()), by_sector.get(sector.pk, []))
            for sector in sectors
        ),
    ]


def letter_content(month: datetime.date, subscription: Subscription) -> LetterContent:
    """Return what a month's letter says to one subscriber, in their language."""
    month = first_of_month(month)
    language = subscription.language
    with translation.override(language):
        ambassadors = (
            Actor.objects.public()
            .filter(
                roles__role=ActorRole.Role.AMBASSADOR,
                roles__start_date__gte=month,
                roles__start_date__lt=add_months(month, 1),
            )
            .distinct()
            .order_by("name")
        )
        new = list(ambassadors[: NEW_AMBASSADORS_SHOWN + 1])
        user = subscription.user if subscription.user_id else None
        content = LetterContent(
            month=month,
            language=language,
            editorial=JournalMonth.objects.published().filter(month=month).first(),
            summary=MonthSummary.objects.filter(month=month).first() or MonthSummary(month=month),
            new_ambassadors=new[:NEW_AMBASSADORS_SHOWN],
            more_ambassadors=ambassadors.count() - NEW_AMBASSADORS_SHOWN
            if len(new) > NEW_AMBASSADORS_SHOWN
            else 0,
            followed=_followed(user, month),
            links={
                "month": _address(month_url(month)),
                "follows": _in_language("follows:follow-list", language),
                "unsubscribe": _in_language("letters:unsubscribe", language, subscription.key),
                "subscribe": _in_language("letters:subscribe", language),
                "profile": _in_language("accounts:profile", language),
                "journal": _in_language("journal:month-list", language),
            },
        )
    return content


def render_letter(
    month: datetime.date, subscription: Subscription, content: LetterContent | None = None
) -> tuple[str, str, str]:
    """Return a month's letter for one subscriber: its subject, text and HTML (from what it
    says, when already read)."""
    content = content or letter_content(month, subscription)
    context = {**site_identity(), "letter": content, "subscription": subscription}
    with translation.override(subscription.language):
        subject = render_to_string("letters/email/letter_subject.txt", context).strip()
        text = render_to_string("letters/email/letter.txt", context)
        html = render_to_string("letters/email/letter.html", context)
    return subject, text, html


def unsubscribe_headers(subscription: Subscription) -> dict[str, str]:
    """The headers that let mail programs offer "unsubscribe" in one click (RFC 8058)."""
    link = _in_language("letters:unsubscribe", subscription.language, subscription.key)
    return {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


# Sending.


def last_month(today: datetime.date | None = None) -> datetime.date:
    return add_months(first_of_month(today or timezone.localdate()), -1)


def send_letter(month: datetime.date) -> Letter:
    """Send a month's letter to every subscription receiving it that has not had it yet, in
    batches. Each copy is recorded with its queued email in one transaction, and at most once
    (Delivery's constraint): run again after a stop, it sends only what was not sent."""
    month = first_of_month(month)
    sync_members()
    letter, _created = Letter.objects.get_or_create(month=month)
    while True:
        pending = list(
            Subscription.objects.receiving()
            .exclude(deliveries__letter=letter)
            .select_related("user")
            .order_by("pk")[:BATCH]
        )
        if not pending:
            break
        for subscription in pending:
            _send_copy(letter, subscription)
    Letter.objects.filter(pk=letter.pk).update(
        finished_at=timezone.now(), recipient_count=letter.deliveries.count()
    )
    letter.refresh_from_db()
    return letter


def _send_copy(letter: Letter, subscription: Subscription) -> None:
    subject, text, html = render_letter(letter.month, subscription)
    try:
        with transaction.atomic():
            delivery = Delivery.objects.create(letter=letter, subscription=subscription)
            delivery.email = queue_email(
                to=subscription.email,
                subject=subject,
                body=text,
                html_body=html,
                headers=unsubscribe_headers(subscription),
            )
            delivery.save(update_fields=["email"])
    except IntegrityError:
        return  # another worker sent this copy meanwhile


def letter_months(today: datetime.date | None = None) -> list[datetime.date]:
    """The months an editor may look at, newest first: those of the journal with something to
    say (public activity, a published editorial) or with a letter sent, and the month under
    way (its letter to prepare)."""
    span = journal_span()
    others = {
        *Letter.objects.values_list("month", flat=True),
        first_of_month(today or timezone.localdate()),
    }
    months = {*telling_months(span), *(month for month in others if span.contains(month))}
    return sorted(months, reverse=True)


def send_when_due(enqueue: Any, today: datetime.date | None = None) -> bool:
    """Start last month's letter once the month has turned, if no one did: called by the
    pages people visit most (the home page), at most once an hour for every server (the
    shared cache). Return whether it was started."""
    from django.core.cache import cache

    month = last_month(today)
    if cache.get("letters:due-checked") == month.isoformat():
        return False
    cache.set("letters:due-checked", month.isoformat(), 3600)
    if Letter.objects.filter(month=month).exists() or (
        not JournalMonth.objects.filter(month=month).exists()
        and not MonthSummary.objects.filter(month=month, activity_count__gt=0).exists()
    ):
        return False
    enqueue(month.isoformat())
    return True


def count_letters() -> None:
    """Store each letter's figures: its copies sent and failed (the mail queue's statuses) and
    the addresses it went to that left since it started."""
    from missa.mail.models import OutgoingEmail

    for letter in Letter.objects.all():
        copies = Delivery.objects.filter(letter=letter)
        Letter.objects.filter(pk=letter.pk).update(
            sent_count=copies.filter(email__status=OutgoingEmail.Status.SENT).count(),
            failed_count=copies.filter(email__status=OutgoingEmail.Status.FAILED).count(),
            unsubscribed_count=copies.filter(
                subscription__unsubscribed_at__gte=letter.started_at
            ).count(),
        )
