"""The brand kit's public page, gated downloads, usage conditions and misuse reports."""

import tempfile
import zipfile
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from missa.accounts.models import User
from missa.actors.models import ActorRole
from missa.actors.views import get_actor_for
from missa.core import art
from missa.core.models import Sector
from missa.core.pagination import paginate
from missa.core.ratelimit import allow
from missa.core.share import identity, open_picture, share_response
from missa.core.storage import send_private_file

from . import services
from .forms import MisuseReportForm
from .models import BrandAsset, UsageAcceptance

REPORTS_PER_HOUR = 5

# The side of the kit's previews, in pixels (twice their displayed size).
PREVIEW_SIDE = 480


def _user_or_none(request: HttpRequest) -> User | None:
    user = request.user
    return user if isinstance(user, User) else None


@require_safe
def kit(request: HttpRequest) -> HttpResponse:
    user = _user_or_none(request)
    is_member = bool(user and user.has_perm("brandkit.download_gated_assets"))
    accepted = bool(user and is_member and UsageAcceptance.objects.filter(user=user).exists())
    page = paginate(
        request, BrandAsset.objects.available().order_by("order", "title", "pk"), "brand_assets"
    )
    return render(
        request,
        "brandkit/kit.html",
        {
            "page": page,
            "is_member": is_member,
            "accepted": accepted,
            # The palette: the territory's colours and the sectors'.
            "sectors": list(Sector.objects.all()),
        },
    )


@require_safe
def download(request: HttpRequest, pk: int) -> HttpResponseBase:
    try:
        asset = BrandAsset.objects.available().get(pk=pk)
    except BrandAsset.DoesNotExist as error:
        raise Http404("No such asset.") from error
    if not asset.file:
        raise Http404("This asset has no file.")
    user = _user_or_none(request)
    if not services.may_download(user, asset):
        if user is None:
            return redirect_to_login(request.get_full_path())
        if user.has_perm("brandkit.download_gated_assets"):
            messages.info(request, _("Accept the usage conditions once to download this file."))
            return redirect("brandkit:conditions")
        raise PermissionDenied
    if request.method == "GET":  # a HEAD request downloads nothing
        services.record_download(asset=asset, user=user)
    filename = f"{slugify(asset.title) or 'asset'}-v{slugify(asset.version)}.{asset.extension}"
    return send_private_file(asset.file, filename=filename)


@login_required
def conditions(request: HttpRequest) -> HttpResponse:
    user = _user_or_none(request)
    assert user is not None
    if not user.has_perm("brandkit.download_gated_assets"):
        raise PermissionDenied
    if request.method == "POST":
        if request.POST.get("accept") != "yes":
            messages.error(request, _("Tick the box to accept the usage conditions."))
        else:
            services.accept_usage_conditions(user=user)
            messages.success(request, _("Thank you: the brand kit's files are open to you."))
            return redirect("brandkit:kit")
    accepted = UsageAcceptance.objects.filter(user=user).first()
    return render(request, "brandkit/conditions.html", {"accepted": accepted})


def report(request: HttpRequest) -> HttpResponse:
    form = MisuseReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        address = request.META.get("REMOTE_ADDR", "")
        if not allow("misuse-report", address, limit=REPORTS_PER_HOUR, window=3600):
            return render(request, "429.html", status=429)
        if form.is_valid():
            form.save()
            messages.success(request, _("Thank you: the town's team will look into it."))
            return redirect("brandkit:kit")
    return render(request, "brandkit/report.html", {"form": form})


@login_required
@require_safe
def badge(request: HttpRequest, slug: str) -> HttpResponse:
    """The "Ambassador of the brand" badge of an organisation, for its members to put on their
    website or in their window (a PNG, in the page's language)."""
    actor = get_actor_for(request, slug, "actors.report_for_actor")

    def draw() -> Any:
        roles = list(ActorRole.objects.current().filter(actor=actor).order_by("start_date", "pk"))
        ambassador = any(role.role == ActorRole.Role.AMBASSADOR for role in roles)
        title = _("Ambassador of the brand") if ambassador or not roles else roles[0].role_label
        site_name, primary, secondary = identity()
        return art.badge(
            organisation=actor.name,
            role=str(title),
            territory=site_name,
            primary=primary,
            secondary=secondary,
        )

    response = share_response(f"badge:{actor.pk}", draw)
    response["Content-Disposition"] = f'attachment; filename="badge-{actor.slug}.png"'
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
@require_safe
def download_all(request: HttpRequest) -> HttpResponseBase:
    """Every file of the kit a member may download, in one ZIP (each download logged)."""
    user = _user_or_none(request)
    assert user is not None
    if not user.has_perm("brandkit.download_gated_assets"):
        raise PermissionDenied
    assets = [
        asset
        for asset in BrandAsset.objects.available().exclude(file="").order_by("order", "pk")
        if services.may_download(user, asset)
    ]
    if not any(not asset.is_public for asset in assets):
        # The reserved files wait for the usage conditions.
        messages.info(request, _("Accept the usage conditions once to download this file."))
        return redirect("brandkit:conditions")
    archive = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)  # noqa: SIM115
    names: set[str] = set()
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for asset in assets:
            name = f"{slugify(asset.title) or 'asset'}-v{slugify(asset.version)}.{asset.extension}"
            if name in names:
                name = f"{asset.pk}-{name}"
            names.add(name)
            with asset.file.open("rb") as stored:
                bundle.writestr(name, stored.read())
    if request.method == "GET":
        for asset in assets:
            services.record_download(asset=asset, user=user)
    archive.seek(0)
    return FileResponse(archive, as_attachment=True, filename="kit-de-marque.zip")


def _vector_preview(asset: BrandAsset) -> HttpResponse:
    """An SVG asset as itself: cleaned at upload (core.svg), shown by the kit through <img>, and
    opened alone it may neither run nor fetch anything (its own CSP, sandboxed)."""
    try:
        with asset.file.open("rb") as file:
            drawing = file.read()
    except OSError as error:
        raise Http404("This asset's drawing cannot be read.") from error
    response = HttpResponse(drawing, content_type="image/svg+xml")
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = (
        "public, max-age=3600" if asset.is_public else "private, max-age=3600"
    )
    return response


@require_safe
def preview(request: HttpRequest, pk: int, vector: bool = False) -> HttpResponse:
    """A small picture of an image asset, for the kit's page: anyone sees the public ones, the
    reserved ones those who may download them. Not a download (none is logged)."""
    try:
        asset = BrandAsset.objects.available().get(pk=pk)
    except BrandAsset.DoesNotExist as error:
        raise Http404("No such asset.") from error
    if not asset.file or not asset.has_preview or asset.is_vector != vector:
        raise Http404("This asset has no picture at this address.")
    if not services.may_download(_user_or_none(request), asset):
        raise PermissionDenied
    if asset.is_vector:
        return _vector_preview(asset)

    def draw() -> Any:
        picture = open_picture(asset.file)
        if picture is None:
            raise Http404("This asset's picture cannot be read.")
        picture.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE))
        return picture.convert("RGBA" if "A" in picture.getbands() else "RGB")

    response = share_response(f"preview:{asset.pk}:{asset.updated_at.timestamp()}", draw)
    if not asset.is_public:
        response["Cache-Control"] = "private, max-age=3600"
    return response
