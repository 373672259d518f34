"""The actors directory and each actor's page."""

import json
from collections import defaultdict
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.fields.files import FieldFile
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import get_script_prefix
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from missa.actors.figures import directory_count, network_figures
from missa.core.models import Sector
from missa.core.pagination import paginate, stored_results

from .forms import ActorProfileForm, DirectoryFilterForm
from .models import Actor, ActorRevision, ActorRole, directory_url
from .services import PROFILE_FIELDS, revert_revision, update_actor_profile


@dataclass(frozen=True, slots=True)
class DirectoryCard:
    """What the directory shows of an actor, built in two queries for a whole page."""

    name: str
    url: str
    kind_label: str
    town: str
    roles: list[str]
    sectors: list[Sector]
    logo: FieldFile

    # What a card reads of an actor.
    FIELDS = ("pk", "name", "slug", "kind", "town", "logo")

    @property
    def colour(self) -> str:
        """The colour of its monogram (when it has no logo): its first sector's."""
        return self.sectors[0].colour if self.sectors else ""


def _directory_cards(actors: list[Actor], sectors: list[Sector]) -> list[DirectoryCard]:
    ids = [actor.pk for actor in actors]
    position = {sector.pk: index for index, sector in enumerate(sectors)}
    sector_ids: dict[int, list[int]] = defaultdict(list)
    for actor_id, sector_id in Actor.sectors.through.objects.filter(actor_id__in=ids).values_list(
        "actor_id", "sector_id"
    ):
        sector_ids[actor_id].append(sector_id)
    roles: dict[int, list[str]] = defaultdict(list)
    for role in ActorRole.objects.current().filter(actor_id__in=ids).order_by("start_date", "pk"):
        label = role.role_label
        roles[role.actor_id].append(f"{label} ({role.position})" if role.position else label)
    return [
        DirectoryCard(
            name=actor.name,
            url=actor.get_absolute_url(),
            kind_label=actor.kind_label,
            town=actor.town,
            roles=roles[actor.pk],
            logo=actor.logo,
            sectors=[
                sectors[position[pk]]
                for pk in sorted(sector_ids[actor.pk], key=position.__getitem__)
            ],
        )
        for actor in actors
    ]


# The directory's map shows at most this many pins (the list below it pages through them all):
# enough for a territory's network, and a page whose cost stops growing with the data.
MAP_PINS_MAX = 1000


def map_pins(actors: QuerySet[Actor]) -> list[list[object]]:
    """The pins of the actors that have a place: [latitude, longitude, name, url, colour], in
    one query (the colour is the first sector's); at most MAP_PINS_MAX + 1, to tell when cut."""
    first_colour = Subquery(
        Sector.objects.filter(actors=OuterRef("pk")).order_by("order", "slug").values("colour")[:1]
    )
    rows = (
        actors.filter(latitude__isnull=False, longitude__isnull=False)
        .order_by("name", "pk")
        .annotate(pin_colour=first_colour)
        .values_list("latitude", "longitude", "name", "slug", "pin_colour")[: MAP_PINS_MAX + 1]
    )
    prefix = directory_url(get_language(), get_script_prefix())
    return [
        [float(latitude or 0), float(longitude or 0), name, f"{prefix}{slug}/", colour or ""]
        for latitude, longitude, name, slug, colour in rows
    ]


def get_public_actor(slug: str) -> Actor:
    """Return the public actor with this slug, or raise Http404."""
    try:
        return Actor.objects.public().select_related("represents").get(slug=slug)
    except Actor.DoesNotExist as error:
        raise Http404("No such actor.") from error


def get_actor_for(request: HttpRequest, slug: str, permission: str) -> Actor:
    """Return the public actor with this slug if the user holds permission on it.

    The one access check of every page about an actor: 404 for an unknown or hidden actor,
    then 403 without the permission (which, for privileged roles, needs the second factor).
    """
    actor = get_public_actor(slug)
    if not request.user.has_perm(permission, actor):
        raise PermissionDenied
    return actor


@require_safe
def actor_list(request: HttpRequest) -> HttpResponse:
    sectors = list(Sector.objects.all())
    form = DirectoryFilterForm(request.GET, sectors=sectors)
    filters = form.filters()
    actors = Actor.objects.public()
    if "q" in filters:
        actors = actors.search(filters["q"])
    if "sector" in filters:
        actors = actors.filter(sectors=form.sectors[filters["sector"]])
    if "kind" in filters:
        actors = actors.filter(kind=filters["kind"])
    if "role" in filters:
        actors = actors.with_role(filters["role"])
    found_pins = map_pins(actors) if filters.get("view") == "map" else None
    pins = found_pins[:MAP_PINS_MAX] if found_pins is not None else None
    actors = actors.order_by(*DirectoryFilterForm.sort_of(filters)).only(*DirectoryCard.FIELDS)
    # A search's results grow with the data: found once, kept for the next page and visitor.
    found = stored_results(actors, "directory") if "q" in filters else None
    if found is None:
        # Every public actor: the stored figure that the home page shows, never a second count.
        chosen = {name: filters[name] for name in set(filters) - DirectoryFilterForm.PRESENTATION}
        count = directory_count(actors, chosen) if chosen else network_figures().actors
        page = paginate(request, actors, "directory", count)
        listed = list(page.object_list)
    else:
        page = paginate(request, found, "directory")
        by_pk = Actor.objects.only(*DirectoryCard.FIELDS).in_bulk(page.object_list)
        listed = [by_pk[pk] for pk in page.object_list if pk in by_pk]
        page.object_list = listed  # the page's actors, as without the kept results
    # The same filters in the other view (the page number starts again).
    chosen_filters = {name: value for name, value in filters.items() if name != "view"}
    context = {
        "form": DirectoryFilterForm(initial=filters, sectors=sectors),
        "filters": filters,
        "chosen": len(set(filters) - {"q", "view"}),
        "filtered": bool(chosen_filters),
        "list_query": urlencode(chosen_filters),
        "map_query": urlencode({**chosen_filters, "view": "map"}),
        "pins": pins,
        "pins_json": json.dumps(pins, separators=(",", ":")) if pins else "",
        "pins_cut": found_pins is not None and len(found_pins) > MAP_PINS_MAX,
        "page": page,
        "cards": _directory_cards(listed, sectors),
        # The main content is the same for every visitor (core.templatetags.missa).
        "shared_content": "",
    }
    template = "actors/actor_list.html"
    if request.headers.get("HX-Request") == "true":
        template += "#results"
    return render(request, template, context)


@login_required
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_actor_for(request, slug, "actors.edit_actor_profile")
    form = ActorProfileForm(request.POST or None, request.FILES or None, instance=actor)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        logo = data.get("logo")
        update_actor_profile(
            # A fresh copy: validating the form already wrote the new values on `actor`.
            actor=Actor.objects.get(pk=actor.pk),
            user=request.user,
            values={name: data[name] for name in PROFILE_FIELDS if name in data},
            sectors=list(data["sectors"]),
            logo=logo if isinstance(logo, ContentFile) else None,
            remove_logo=logo is False,
        )
        messages.success(request, _("The page is up to date."))
        return redirect(actor)
    return render(
        request,
        "actors/edit.html",
        # People have no pin to place (ActorProfileForm).
        {"actor": actor, "form": form, "placeable": "latitude" in form.fields},
    )


@login_required
@require_safe
def history(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_actor_for(request, slug, "actors.edit_actor_profile")
    revisions = actor.revisions.select_related("user").order_by("-at", "-pk")
    return render(
        request,
        "actors/history.html",
        {
            "actor": actor,
            "page": paginate(request, revisions, "actor_revisions"),
            "can_revert": request.user.has_perm("actors.revert_actor_profile"),
        },
    )


@login_required
@require_POST
def revert(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    if not request.user.has_perm("actors.revert_actor_profile"):
        raise PermissionDenied
    actor = get_public_actor(slug)
    try:
        revision = actor.revisions.get(pk=pk)
    except ActorRevision.DoesNotExist as error:
        raise Http404("No such change.") from error
    revert_revision(revision=revision, user=request.user)
    messages.success(request, _("The change is undone."))
    return redirect("actors:actor-history", slug=actor.slug)
