"""The open-data page and the files' stable addresses (which lead to the current release's)."""

from dataclasses import dataclass, field
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_safe

from missa.core.freshness import refresh_when_stale

from .models import Release
from .services import LICENCE, PACKAGE, all_datasets, file_url
from .tasks import FRESHNESS, publish_open_data_task


@dataclass
class DatasetFiles:
    """A dataset of the current release, as the page lists it."""

    name: str
    title: str
    description: str
    rows: int
    fields: list[dict[str, Any]]
    files: list[dict[str, Any]] = field(default_factory=list)


def _refresh() -> None:
    refresh_when_stale(FRESHNESS, publish_open_data_task.enqueue)


def _datasets(release: Release) -> list[DatasetFiles]:
    # Titles in the reader's language (the package is written in the site's first language).
    declared = {dataset.name: dataset for dataset in all_datasets()}
    found: dict[str, DatasetFiles] = {}
    for resource in release.package.get("resources", []):
        name = resource["path"].rsplit(".", 1)[0]
        if name not in found:
            dataset = declared.get(name)
            found[name] = DatasetFiles(
                name=name,
                title=str(dataset.title) if dataset else resource["title"],
                description=str(dataset.description) if dataset else resource["description"],
                rows=int(release.rows.get(name, 0)),
                fields=resource["schema"]["fields"],
            )
        found[name].files.append(
            {"format": resource["format"], "path": resource["path"], "bytes": resource["bytes"]}
        )
    return list(found.values())


@require_safe
def open_data(request: HttpRequest) -> HttpResponse:
    _refresh()
    release = Release.objects.current()
    return render(
        request,
        "opendata/open_data.html",
        {
            "release": release,
            "datasets": _datasets(release) if release else [],
            "licence": LICENCE,
            "package": PACKAGE,
        },
    )


@require_safe
def download(request: HttpRequest, name: str) -> HttpResponse:
    """Lead to a file of the current release: the address a reuser keeps, whatever the
    release (the files themselves are served as they are, never made here)."""
    _refresh()
    release = Release.objects.current()
    known = {PACKAGE} | {
        resource["path"] for resource in (release.package.get("resources", []) if release else [])
    }
    if release is None or name not in known:
        raise Http404("No such open-data file.")
    response = HttpResponseRedirect(file_url(release, name))
    response["Cache-Control"] = "no-cache"
    return response
