"""The press page (releases, the press kit, the media contact) and each release."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from missa.core.pagination import paginate

from .models import PressRelease


@require_safe
def press(request: HttpRequest) -> HttpResponse:
    releases = PressRelease.objects.published()
    context = {
        "kit": releases.filter(is_press_kit=True).first(),
        "page": paginate(request, releases.filter(is_press_kit=False), "press_releases"),
        # The same for every visitor (core.templatetags.missa).
        "shared_content": "",
    }
    return render(request, "press/press.html", context)


@require_safe
def release(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(PressRelease.objects.published(), slug=slug)
    return render(request, "press/release.html", {"release": found, "shared_content": ""})
