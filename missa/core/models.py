"""The territory an instance serves and the programme's vocabularies.

Nothing about a particular territory is written in code: everything here is data.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .fields import SingleLineField
from .geo import OutlineError, validate_outlines
from .images import LOGO_WIDTHS, ResponsiveImageField

hex_colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # followed by six hexadecimal digits.")
)
insee_code_validator = RegexValidator(
    r"^(\d{5}|2[AB]\d{3})$", _("An INSEE code has five characters, such as 84054 or 2A004.")
)


def validate_outlines_field(value: object) -> None:
    """The map's outlines: empty, or GeoJSON that core.geo can draw."""
    if value in ({}, None, ""):
        return
    try:
        validate_outlines(value)
    except OutlineError as error:
        raise ValidationError(str(error)) from error


def first_of_month(day: datetime.date) -> datetime.date:
    """Return the first day of the month containing day."""
    return day.replace(day=1)


def month_name(month: datetime.date) -> str:
    """Return "juin 2017" / "June 2017" in the active language."""
    return date_format(month, "YEAR_MONTH_FORMAT")


def file_language(instance: models.Model, field: str = "file") -> str:
    """The language of the file a page offers for a translated file field (file_fr, file_en):
    the page's own, or French when there is none in it; "" without a file."""
    if not getattr(instance, field, None):
        return ""
    language = get_language() or settings.LANGUAGE_CODE
    return language if getattr(instance, f"{field}_{language}", None) else settings.LANGUAGE_CODE


def add_months(month: datetime.date, count: int) -> datetime.date:
    """Return the first day of the month count months after month."""
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def months_between(start: datetime.date, end: datetime.date) -> int:
    """Return how many months separate the month of start from the month of end."""
    return (end.year - start.year) * 12 + end.month - start.month


class TerritoryQuerySet(models.QuerySet["Territory"]):
    def current(self) -> "Territory | None":
        """Return the territory this instance serves (the first one configured); its map's
        outlines are read only by the pages that draw a map."""
        return self.defer("map_outlines").order_by("pk").first()


class Territory(models.Model):
    class Accessibility(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    name = SingleLineField(_("name"), max_length=150)
    nickname = SingleLineField(_("nickname"), max_length=150, blank=True)
    insee_code = SingleLineField(
        _("INSEE code"), max_length=5, blank=True, validators=[insee_code_validator]
    )
    short_description = SingleLineField(_("short description"), max_length=300, blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown: paragraphs, lists, links.")
    )
    brand_name = SingleLineField(_("brand name"), max_length=150, blank=True)
    tagline = SingleLineField(_("tagline"), max_length=200, blank=True)
    logo = ResponsiveImageField(_("logo"), upload_to="territory/", blank=True, widths=LOGO_WIDTHS)
    primary_colour = SingleLineField(
        _("primary colour"), max_length=7, default="#0b5394", validators=[hex_colour_validator]
    )
    secondary_colour = SingleLineField(
        _("secondary colour"), max_length=7, default="#f1c232", validators=[hex_colour_validator]
    )
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_('Language codes offered to visitors, such as ["fr", "en"].'),
    )
    # Joining the network: what it costs and how long the committee takes to answer.
    membership_fee = SingleLineField(
        _("membership fee"),
        max_length=200,
        blank=True,
        help_text=_(
            "What ambassadors pay, such as “50 € a year”. Leave empty when joining is free."
        ),
    )
    review_days = models.PositiveSmallIntegerField(
        _("review time in days"),
        default=21,
        help_text=_(
            "How many days, at most, the steering committee takes to answer an application."
        ),
    )
    # The legal notice ("mentions légales") and who answers the contact form.
    publisher = SingleLineField(
        _("publisher"), max_length=200, blank=True, help_text=_("Who publishes the site.")
    )
    publisher_address = models.TextField(_("publisher's address"), blank=True)
    publication_director = SingleLineField(_("director of publication"), max_length=150, blank=True)
    contact_email = models.EmailField(
        _("contact address"),
        blank=True,
        help_text=_("Where the contact form's messages go (else to the editors)."),
    )
    host = models.TextField(
        _("host"), blank=True, help_text=_("The name, address and telephone of the site's host.")
    )
    # The press page's media contact.
    press_contact_name = SingleLineField(_("press contact"), max_length=150, blank=True)
    press_contact_email = models.EmailField(_("press contact's email"), blank=True)
    press_contact_phone = SingleLineField(_("press contact's telephone"), max_length=30, blank=True)
    # The accessibility statement (RGAA).
    accessibility = models.CharField(
        _("accessibility conformity"),
        max_length=10,
        choices=Accessibility.choices,
        default=Accessibility.PARTIAL,
        help_text=_("With the RGAA, the French accessibility standard, as the last audit found."),
    )
    accessibility_audit_date = models.DateField(
        _("date of the accessibility audit"), null=True, blank=True
    )
    accessibility_notes = models.TextField(
        _("what is not accessible yet"),
        blank=True,
        help_text=_("Markdown: the known non-conformities, and what replaces them meanwhile."),
    )

    # The map: the commune(s) of the territory and their neighbours, drawn without tiles.
    map_outlines = models.JSONField(
        _("outlines on the map"),
        default=dict,
        blank=True,
        validators=[validate_outlines_field],
        help_text=_(
            "GeoJSON (WGS 84) of the territory's communes and their neighbours, each with a "
            "name; the territory's own with the property kind = territory."
        ),
    )
    map_attribution = SingleLineField(
        _("source of the outlines"),
        max_length=200,
        blank=True,
        help_text=_("Credited on every map, such as “Contours : IGN Admin Express”."),
    )

    objects = TerritoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("territory")
        verbose_name_plural = _("territories")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        known = {code for code, _name in settings.LANGUAGES}
        if not isinstance(self.languages, list) or not set(self.languages) <= known:
            raise ValidationError(
                {"languages": _("Choose among: %(codes)s.") % {"codes": ", ".join(sorted(known))}}
            )


class OrderedTerm(models.Model):
    """A term of the programme's vocabulary: ordered, with a slug and a colour."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = SingleLineField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    icon = SingleLineField(
        _("icon"), max_length=8, blank=True, help_text=_("A short symbol shown before the name.")
    )
    colour = SingleLineField(
        _("colour"), max_length=7, default="#0b5394", validators=[hex_colour_validator]
    )

    class Meta:
        abstract = True
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.name


class Sector(OrderedTerm):
    """One of the programme's strategic sectors."""

    class Meta(OrderedTerm.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def get_absolute_url(self) -> str:
        return reverse("site:sector-detail", args=[self.slug])


class Objective(OrderedTerm):
    """One of the programme's objectives."""

    class Meta(OrderedTerm.Meta):
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")


class Benefit(OrderedTerm):
    """A category of benefits (retombées) expected for inhabitants."""

    class Meta(OrderedTerm.Meta):
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")
