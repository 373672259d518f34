"""A release of the open data: the files made together from the data as it was, once."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from missa.core.fields import SingleLineField


class ReleaseQuerySet(models.QuerySet["Release"]):
    def current(self) -> "Release | None":
        """Return the latest complete release: the one /open-data/ lists and links."""
        return self.order_by("-created_at", "-pk").first()


class Release(models.Model):
    """Every dataset written as CSV and JSON, with its data package, in a folder of its own
    (`opendata/<folder>/` in the default storage); a release is recorded only once its files
    are all written, so a listed file is always there."""

    folder = SingleLineField(_("folder"), max_length=40, unique=True, editable=False)
    created_at = models.DateTimeField(_("made at"), editable=False)
    data_version = models.BigIntegerField(_("data version"), editable=False)
    # The Frictionless data package as written to datapackage.json (its resources' names,
    # titles, schemas, sizes), and each dataset's row count: {name: rows}.
    package = models.JSONField(_("data package"), editable=False)
    rows = models.JSONField(_("rows"), editable=False)

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("open-data release")
        verbose_name_plural = _("open-data releases")

    def __str__(self) -> str:
        return self.folder
