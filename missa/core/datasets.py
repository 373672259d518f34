"""What an app publishes as open data: its datasets, each a table with its columns.

An app publishes a dataset by writing `exports.py` with `datasets()`, returning `Dataset`s;
`missa.opendata` finds them (core.discovery), writes each as CSV and JSON with a Frictionless
data package (a Table Schema per file) in the background, and lists them on /open-data/.
Nothing here writes a file: an app says what its table holds, the open-data app writes it.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Model, QuerySet

# How many rows a dataset reads at once: its memory stays flat whatever the data's size.
CHUNK = 2000


@dataclass(frozen=True)
class Column:
    """A column, as a Table Schema field: name, type (string, integer, number, boolean, date,
    datetime), its description (in English, as the schema) and whether it is always filled."""

    name: str
    type: str
    description: str
    required: bool = False
    format: str | None = None  # "uri" for an address, "email"…
    pattern: str | None = None
    enum: Sequence[str] = ()  # the values it may take (a TextChoices' values)


@dataclass(frozen=True)
class Dataset:
    """A table of open data: its name (the file's), title and description (translated), its
    columns, the column(s) that identify a row, and its rows (tuples in the columns' order)."""

    name: str
    title: Any
    description: Any
    columns: Sequence[Column]
    rows: Callable[[], Iterable[Sequence[Any]]]
    primary_key: Sequence[str] = ()
    order: int = 0


def in_chunks[M: Model](queryset: "QuerySet[M]", size: int = CHUNK) -> Iterator[list[M]]:
    """Yield a queryset's rows in chunks, in order of their primary key (keyset pagination):
    each chunk one query, whatever the table's size, so that a chunk's related rows (its
    sectors) can be read for the chunk at once."""
    last = None
    while True:
        chunk = queryset.order_by("pk")
        if last is not None:
            chunk = chunk.filter(pk__gt=last)
        rows = list(chunk[:size])
        if not rows:
            return
        yield rows
        last = rows[-1].pk


def related_slugs(
    through: type[Model], owner: str, rows: Sequence[Model], related: str = "sector"
) -> dict[int, str]:
    """Return each row's related terms (its sectors, objectives…) as one cell (`slugs`), read
    for a chunk at once from the many-to-many table `through`, whose column `owner`
    ("actor_id") points to the rows and `related` ("sector") to the terms."""
    found: dict[int, list[str]] = defaultdict(list)
    links = through._default_manager.filter(**{f"{owner}__in": [row.pk for row in rows]})
    for owner_id, slug in links.values_list(owner, f"{related}__slug"):
        found[owner_id].append(slug)
    return {row.pk: slugs(found[row.pk]) for row in rows}


def slugs(values: Iterable[str]) -> str:
    """Write several slugs in one cell: separated by a space (a slug holds none)."""
    return " ".join(sorted(values))


def site_address(path: str) -> str:
    """Return the full address of a page of the site (MISSA_SITE_URL), for a file made in the
    background, where there is no request to ask."""
    return settings.MISSA_SITE_URL.rstrip("/") + path
