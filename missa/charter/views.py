"""The charter, as published: the current version and every earlier one."""

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .models import CharterVersion, Commitment

VERSIONS_LISTED = 50


def _published_version(number: int | None) -> CharterVersion | None:
    versions = CharterVersion.objects.published().prefetch_related(
        Prefetch("commitments", queryset=Commitment.objects.order_by("order", "pk"))
    )
    if number is None:
        return versions.order_by("-number").first()
    try:
        return versions.get(number=number)
    except CharterVersion.DoesNotExist as error:
        raise Http404("No such published charter version.") from error


@require_safe
def charter(request: HttpRequest, number: int | None = None) -> HttpResponse:
    version = _published_version(number)
    current_number = (
        CharterVersion.objects.published()
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    context = {
        "version": version,
        "is_current": version is not None and version.number == current_number,
        "versions": CharterVersion.objects.published()
        .order_by("-number")
        .only("number", "title", "published_at")[:VERSIONS_LISTED],
        # The main content is the same for every visitor (core.templatetags.missa).
        "shared_content": "",
    }
    return render(request, "charter/charter.html", context)
