"""Which models people discuss and report. The apps above register theirs when they start
(`AppConfig.ready`): an idea today, an action or a meeting later.

A discussed model offers `comment_count`, `get_absolute_url()`, `discussion_open()` (may
people comment now) and `comments_changed(delta, author)` (keep its stored figures; count the
author among its participants). A reported model (other than a comment) offers
`moderation_author`, `moderation_excerpt` and `hide_by_moderation(reason)`.
"""

from django.db import models

DISCUSSED: dict[str, type[models.Model]] = {}
REPORTED: dict[str, type[models.Model]] = {}


def label(model: type[models.Model] | models.Model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def discussed(model: type[models.Model]) -> type[models.Model]:
    DISCUSSED[label(model)] = model
    REPORTED[label(model)] = model
    return model


def reported(model: type[models.Model]) -> type[models.Model]:
    REPORTED[label(model)] = model
    return model
