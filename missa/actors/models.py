"""Actors: every organisation or person taking part in the programme, and their roles."""

import datetime
import re
import unicodedata
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.db.models.expressions import RawSQL
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext, override
from django.utils.translation import gettext_lazy as _

from missa.core.fields import SingleLineField
from missa.core.images import LOGO_WIDTHS, ResponsiveImageField
from missa.core.models import Sector

from .validators import validate_siret


def normalize_for_search(text: str) -> str:
    """Return text lower-cased, without accents, with its spaces and apostrophes folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    bare = bare.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(bare.casefold().split())[:200]


@lru_cache(maxsize=16)
def directory_url(language: str, script_prefix: str) -> str:
    """Return the directory's address in a language (actors' pages live below it)."""
    with override(language):
        return reverse("actors:actor-list")


# What a former participant's name is stored as: said in each reader's language when read.
FORMER_PARTICIPANT = "{former-participant}"
FORMER_PARTICIPANT_NAME = _("Former participant")


class ActorNameField(SingleLineField):
    """An actor's name. A former participant's (an erased account's person) is no name at all:
    it reads as "Former participant" in the reader's language."""

    def from_db_value(self, value: object, expression: object, connection: object) -> object:
        return FORMER_PARTICIPANT_NAME if value == FORMER_PARTICIPANT else value

    def get_prep_value(self, value: object) -> object:
        if value is FORMER_PARTICIPANT_NAME:
            return FORMER_PARTICIPANT
        return super().get_prep_value(value)


class ActorQuerySet(models.QuerySet["Actor"]):
    def public(self) -> "ActorQuerySet":
        return self.filter(is_public=True)

    def with_role(self, *roles: str, on: datetime.date | None = None) -> "ActorQuerySet":
        """Return actors holding one of roles on the given day (today by default)."""
        day = on or timezone.localdate()
        return self.filter(
            Exists(ActorRole.objects.filter(actor=OuterRef("pk"), role__in=roles).active_on(day))
        )

    def search(self, text: str) -> "ActorQuerySet":
        """Return actors whose name contains every word of text, ignoring case and accents,
        with a `relevance` to sort by: names that start with the text first, then names with
        a word that does, then the others (actors.search says how it stays fast)."""
        from .search import MIN_INDEXED, fts_expression

        # Punctuation typed or pasted around words (quotes, commas…) separates them.
        words = re.findall(r"[\w'-]+", normalize_for_search(text))
        needle = " ".join(words)
        if not needle:
            # Only punctuation: no word to look for, every actor, as equally relevant.
            return self.annotate(relevance=Value(2))
        indexed = [word for word in words if len(word) >= MIN_INDEXED]
        found = self
        if indexed and connections[self.db].vendor == "sqlite":
            found = found.filter(
                pk__in=RawSQL(
                    "SELECT rowid FROM actors_actor_fts WHERE actors_actor_fts MATCH %s",
                    [fts_expression(indexed)],
                )
            )
            words = [word for word in words if len(word) < MIN_INDEXED]
        for word in words:  # PostgreSQL's trigram index serves these
            found = found.filter(search_name__contains=word)
        return found.annotate(
            relevance=Case(
                When(search_name__startswith=needle, then=Value(0)),
                When(search_name__contains=f" {needle}", then=Value(1)),
                default=Value(2),
            )
        )


class Actor(models.Model):
    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        ASSOCIATION = "association", _("Association")
        INSTITUTION = "institution", _("Institution")
        PUBLIC_BODY = "public_body", _("Public body")
        PARTNER_TERRITORY = "partner_territory", _("Partner territory")
        PERSON = "person", _("Person")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = ActorNameField(_("name"), max_length=200)
    # The name folded for search ("Hôtel" is found by "hotel"); kept by save().
    search_name = SingleLineField(max_length=200, editable=False, default="")
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    town = SingleLineField(_("town"), max_length=120, blank=True)
    postcode = SingleLineField(_("postcode"), max_length=10, blank=True)
    # Where its pin stands on the map (WGS 84 degrees, about a metre): both or neither.
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    siret = SingleLineField(
        _("SIRET"),
        max_length=14,
        blank=True,
        validators=[validate_siret],
        help_text=_("14 digits, for companies."),
    )
    logo = ResponsiveImageField(
        _("logo"), upload_to="actors/logos/", blank=True, widths=LOGO_WIDTHS
    )
    sectors = models.ManyToManyField(
        Sector, related_name="actors", blank=True, verbose_name=_("sectors")
    )
    represents = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="representatives",
        verbose_name=_("represents"),
        help_text=_("For a person: the organisation they represent."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("account"),
        help_text=_("For a person: their account on this site, if they have one."),
    )
    is_public = models.BooleanField(_("public"), default=True)
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        indexes = [
            models.Index(fields=["is_public", "name"]),
            models.Index(fields=["is_public", "joined_on"]),
            models.Index(fields=["kind", "is_public"]),
            models.Index(fields=["represents", "name"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["siret"], condition=~Q(siret=""), name="actor_unique_siret"
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__isnull=False,
                    longitude__isnull=False,
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="actor_location_both_or_neither",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_name = "" if self.is_former_participant else normalize_for_search(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        # Lists link dozens of actors: build from the cached directory prefix, not reverse().
        return f"{directory_url(get_language(), get_script_prefix())}{self.slug}/"

    def clean(self) -> None:
        if self.siret and self.kind != self.Kind.COMPANY:
            raise ValidationError({"siret": _("Only companies have a SIRET.")})
        if self.user_id and self.kind != self.Kind.PERSON:
            raise ValidationError({"user": _("Only a person is linked to an account.")})
        if self.represents_id and self.kind != self.Kind.PERSON:
            raise ValidationError({"represents": _("Only a person represents an organisation.")})
        if self.kind == self.Kind.PERSON and self.latitude is not None:
            raise ValidationError(
                {"latitude": _("People have no place on the map: only organisations do.")}
            )
        if (self.latitude is None) != (self.longitude is None):
            missing = "latitude" if self.latitude is None else "longitude"
            raise ValidationError(
                {missing: _("Give both the latitude and the longitude, or neither.")}
            )
        if self.represents_id and self.represents_id == self.pk:
            raise ValidationError({"represents": _("An actor cannot represent itself.")})

    @property
    def location(self) -> tuple[float, float] | None:
        """(latitude, longitude) of its pin on the map, or None."""
        if self.latitude is None or self.longitude is None:
            return None
        return float(self.latitude), float(self.longitude)

    @property
    def is_former_participant(self) -> bool:
        return self.name is FORMER_PARTICIPANT_NAME

    @property
    def is_person(self) -> bool:
        return self.kind == self.Kind.PERSON

    @property
    def kind_label(self) -> str:
        # A dict lookup: get_kind_display() normalises the choices on every call.
        return str(ACTOR_KIND_LABELS.get(self.kind, self.kind))


class ActorRoleQuerySet(models.QuerySet["ActorRole"]):
    def active_on(self, day: datetime.date) -> "ActorRoleQuerySet":
        """Return the roles held on day."""
        return self.filter(Q(start_date__lte=day), Q(end_date__isnull=True) | Q(end_date__gte=day))

    def current(self) -> "ActorRoleQuerySet":
        """Return the roles held today."""
        return self.active_on(timezone.localdate())


class ActorRole(models.Model):
    class Role(models.TextChoices):
        AMBASSADOR = "ambassador", _("Ambassador")
        COMMITTEE_MEMBER = "committee_member", _("Steering-committee member")
        INSTITUTIONAL_PARTNER = "institutional_partner", _("Institutional partner")
        PARTNER_TERRITORY = "partner_territory", _("Partner territory")
        EXPERT = "expert", _("Expert")
        ELECTED_OFFICIAL = "elected_official", _("Elected official")

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="roles", verbose_name=_("actor")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    position = SingleLineField(
        _("position"), max_length=150, blank=True, help_text=_("Such as co-chair.")
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)

    objects = ActorRoleQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        indexes = [
            models.Index(fields=["role", "start_date", "end_date"]),
            # `with_role` looks up each actor's roles: with this index the lookup stays one
            # actor's few rows even on a database never analysed, where SQLite would otherwise
            # take the index above and read every role of that kind for each actor.
            models.Index(fields=["actor", "role", "start_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.actor} — {self.role_label}"

    def clean(self) -> None:
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("A role cannot end before it starts.")})

    @property
    def role_label(self) -> str:
        return str(ROLE_LABELS.get(self.role, self.role))


# The roles that make an organisation a member of the network, whose members act for it.
NETWORK_ROLES = (
    ActorRole.Role.AMBASSADOR,
    ActorRole.Role.INSTITUTIONAL_PARTNER,
    ActorRole.Role.PARTNER_TERRITORY,
)


class MembershipQuerySet(models.QuerySet["Membership"]):
    def of_actors_with_role(self, *roles: str) -> "MembershipQuerySet":
        """Return memberships of public actors that currently hold one of roles."""
        return self.filter(
            Exists(ActorRole.objects.current().filter(actor=OuterRef("actor_id"), role__in=roles)),
            actor__is_public=True,
        )

    def in_good_standing(self) -> "MembershipQuerySet":
        """Return memberships of organisations that belong to the network today.

        A suspended or departed organisation's role has ended: its members keep their
        account and their history, not the right to act for it.
        """
        return self.of_actors_with_role(*NETWORK_ROLES)


class Membership(models.Model):
    """A user who acts for an organisation on this site."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        EDITOR = "editor", _("Editor")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("account"),
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("actor")
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.EDITOR)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["actor__name", "pk"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "actor"], name="membership_unique_user_actor")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.actor}"


class ActorRevision(models.Model):
    """One change of an actor's public profile by its members or the staff, to review or undo."""

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("actor")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    before = models.JSONField(_("before"), default=dict)
    after = models.JSONField(_("after"), default=dict)
    reverts = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("undoes"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("profile change")
        verbose_name_plural = _("profile changes")

    def __str__(self) -> str:
        return f"{self.actor} — {self.at:%Y-%m-%d %H:%M}"

    @property
    def changed_fields(self) -> list[str]:
        return [name for name in self.after if self.before.get(name) != self.after.get(name)]


ACTOR_KIND_LABELS = dict(Actor.Kind.choices)


def count_of_kind(kind: str, count: int) -> str:
    """Return "500 companies" / "1 association": a number of actors of one kind, in words."""
    forms: dict[str, str] = {
        Actor.Kind.COMPANY: ngettext("%(count)s company", "%(count)s companies", count),
        Actor.Kind.ASSOCIATION: ngettext("%(count)s association", "%(count)s associations", count),
        Actor.Kind.INSTITUTION: ngettext("%(count)s institution", "%(count)s institutions", count),
        Actor.Kind.PUBLIC_BODY: ngettext("%(count)s public body", "%(count)s public bodies", count),
        Actor.Kind.PARTNER_TERRITORY: ngettext(
            "%(count)s partner territory", "%(count)s partner territories", count
        ),
        Actor.Kind.PERSON: ngettext("%(count)s person", "%(count)s persons", count),
    }
    return forms.get(kind, "%(count)s " + kind) % {"count": count}


ROLE_LABELS = dict(ActorRole.Role.choices)


def monogram_colours(actor_ids: list[int]) -> dict[int, str]:
    """Each actor's first sector's colour (in the sectors' order), for the initials drawn where
    it has no logo: one query for a whole page."""
    colours: dict[int, str] = {}
    links = (
        Actor.sectors.through.objects.filter(actor_id__in=actor_ids)
        .order_by("actor_id", "sector__order", "sector__slug")
        .values_list("actor_id", "sector__colour")
    )
    for actor_id, colour in links:
        colours.setdefault(actor_id, colour)
    return colours


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def usable(self) -> "ApiTokenQuerySet":
        """Return the tokens that still open the API: neither revoked nor expired."""
        return self.filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()), revoked_at__isnull=True
        )


class ApiToken(models.Model):
    """A person's key for their organisation's own systems, to write to the API (report an
    activity) in the person's name, for the organisations chosen among those they act for.

    The key is shown once, when it is made; MISSA keeps only its SHA-256 digest (a random key
    of 256 bits needs no slow hash) and its first characters, to recognise it in a list.
    """

    PREFIX = "missa_"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("account"),
    )
    name = SingleLineField(
        _("name"),
        max_length=100,
        help_text=_("What uses it, to recognise it later (“Our website”, “The till”)."),
    )
    actors = models.ManyToManyField(
        Actor, related_name="+", verbose_name=_("organisations it reports for")
    )
    digest = SingleLineField(_("digest"), max_length=64, unique=True, editable=False)
    start = SingleLineField(_("first characters"), max_length=16, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.start}…)"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and (
            self.expires_at is None or self.expires_at > timezone.now()
        )
