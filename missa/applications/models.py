"""Applications to join the network as an ambassador or a partner, and what became of them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from missa.actors.models import Actor
from missa.actors.validators import validate_siret
from missa.charter.models import CharterVersion, Commitment
from missa.core.fields import SingleLineField
from missa.core.images import LOGO_WIDTHS, ResponsiveImageField
from missa.core.models import Sector


class ApplicationQuerySet(models.QuerySet["Application"]):
    def open(self) -> "ApplicationQuerySet":
        """Return applications still waiting for a decision."""
        return self.filter(status__in=Application.OPEN_STATUSES)


class Application(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class RequestedRole(models.TextChoices):
        AMBASSADOR = "ambassador", _("Ambassador")
        PARTNER = "institutional_partner", _("Institutional partner")

    OPEN_STATUSES = (Status.SUBMITTED, Status.UNDER_REVIEW)
    APPLYING_KINDS = (
        Actor.Kind.COMPANY,
        Actor.Kind.ASSOCIATION,
        Actor.Kind.INSTITUTION,
        Actor.Kind.PUBLIC_BODY,
        Actor.Kind.PERSON,
    )

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("applicant"),
    )
    requested_role = models.CharField(
        _("I apply as"),
        max_length=30,
        choices=RequestedRole.choices,
        default=RequestedRole.AMBASSADOR,
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Actor.Kind.choices)
    name = SingleLineField(_("name"), max_length=200)
    siret = SingleLineField(
        _("SIRET"),
        max_length=14,
        blank=True,
        validators=[validate_siret],
        help_text=_("14 digits, for companies."),
    )
    address = SingleLineField(_("address"), max_length=250, blank=True)
    town = SingleLineField(_("town"), max_length=120)
    postcode = SingleLineField(_("postcode"), max_length=10, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), max_length=3000)
    logo = ResponsiveImageField(
        _("logo"), upload_to="applications/logos/", blank=True, widths=LOGO_WIDTHS
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"))
    motivation = models.TextField(_("motivation"), max_length=3000)
    charter_version = models.ForeignKey(
        CharterVersion,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("charter version accepted"),
    )
    charter_accepted_at = models.DateTimeField(_("charter accepted at"))
    commitments = models.ManyToManyField(
        Commitment, blank=True, verbose_name=_("commitments chosen")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    actor = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("actor"),
        help_text=_("The actor created or joined when the application was approved."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(
        _("reason for the decision"),
        blank=True,
        help_text=_(
            "Why the committee rejected or suspended it. Private: seen by the committee and by "
            "the applicant only."
        ),
    )
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            # One open application per SIRET: a second one would be a duplicate.
            models.UniqueConstraint(
                fields=["siret"],
                condition=~Q(siret="") & Q(status__in=["submitted", "under_review"]),
                name="application_one_open_per_siret",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("applications:application-detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class ApplicationEvent(models.Model):
    """One step of an application's life: who did what, when."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="events", verbose_name=_("application")
    )
    status = models.CharField(_("status"), max_length=20, choices=Application.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("application event")
        verbose_name_plural = _("application events")

    def __str__(self) -> str:
        return f"{self.application} — {self.status}"


class Question(models.Model):
    """A question people ask before joining the network, with its answer (the join page)."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)
    question = SingleLineField(_("question"), max_length=200)
    answer = models.TextField(_("answer"), help_text=_("Markdown: paragraphs, lists, links."))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question about joining")
        verbose_name_plural = _("questions about joining")

    def __str__(self) -> str:
        return self.question
