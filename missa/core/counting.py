"""Grouped counts that group on what they say, never on a model's default ordering."""

from typing import Any

from django.db.models import Count, QuerySet


def count_by(queryset: QuerySet[Any], field: str) -> dict[Any, int]:
    """Return {value of field: number of rows} for queryset.

    A model's default ordering joins the GROUP BY of `values().annotate()`: with an ordering
    on date and pk, every group would hold one row. The ordering is cleared here, once.
    """
    rows = (
        queryset.order_by().values(field).annotate(_count=Count("pk")).values_list(field, "_count")
    )
    return {value: count for value, count in rows}
