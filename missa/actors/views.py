"""The actors directory and each actor's page."""

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from missa.activity.models import Activity
from missa.core.models import Sector
from missa.core.pagination import paginate

from .forms import DirectoryFilterForm
from .models import Actor, ActorRole

ACTIVITIES_PER_PAGE = 20
REPRESENTATIVES_SHOWN = 20


def _get_public_actor(slug: str) -> Actor:
    """Return the public actor with this slug, or raise Http404."""
    try:
        return Actor.objects.public().select_related("represents").get(slug=slug)
    except Actor.DoesNotExist as error:
        raise Http404("No such actor.") from error


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
    actors = actors.order_by(*DirectoryFilterForm.SORTS[filters.get("sort", "name")])
    actors = actors.prefetch_related(
        "sectors",
        Prefetch("roles", queryset=ActorRole.objects.current(), to_attr="current_roles"),
    )
    page = paginate(request, actors, settings.MISSA_PAGE_SIZE)
    context = {
        "form": DirectoryFilterForm(initial=filters, sectors=sectors),
        "filters": filters,
        "page": page,
    }
    template = "actors/actor_list.html"
    if request.headers.get("HX-Request") == "true":
        template += "#results"
    return render(request, template, context)


@require_safe
def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = _get_public_actor(slug)
    activities = Activity.objects.public().filter(actor=actor).order_by("-date", "-pk")
    context = {
        "actor": actor,
        "sectors": list(actor.sectors.all()),
        "roles": list(actor.roles.order_by("-start_date", "pk")),
        "representatives": list(
            Actor.objects.public().filter(represents=actor).order_by("name")[:REPRESENTATIVES_SHOWN]
        ),
        "page": paginate(request, activities, ACTIVITIES_PER_PAGE),
    }
    return render(request, "actors/actor_detail.html", context)
