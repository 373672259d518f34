"""Model fields shared by every app."""

from django.db import models

from .validators import validate_single_line


class SingleLineField(models.CharField):
    """A one-line text: names, titles, towns… Refuses line breaks and control characters.

    Every free CharField of MISSA is one (core.checks says so): a name with a line break would
    otherwise reach email headers, exports and page titles.
    """

    default_validators = [validate_single_line]
