"""The dashboard of the programme's benefits, an indicator's page and its data, and the
editors' steps (a value entered, a CSV file imported)."""

import csv
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from missa.accounts.security import signed_in
from missa.core.charts import Chart, Series
from missa.core.freshness import refresh_when_stale
from missa.core.models import Benefit

from .forms import ImportForm, MeasurementForm
from .models import Indicator, Measurement
from .services import import_measurements, record_measurement
from .tasks import FRESHNESS, take_measures_task

SPARK_POINTS = 12


def get_indicator(slug: str) -> Indicator:
    try:
        return Indicator.objects.select_related("benefit").get(slug=slug)
    except Indicator.DoesNotExist as error:
        raise Http404("No such indicator.") from error


@dataclass(frozen=True, slots=True)
class Spark:
    """A sparkline's points in a 100 × 24 box (SVG), oldest first; the figures are on the
    indicator's page."""

    points: str


def _sparks(indicators: list[Indicator]) -> dict[int, Spark]:
    """The last measurements of every indicator, in one query, as sparklines."""
    rows = (
        Measurement.objects.filter(indicator__in=indicators)
        .annotate(rank=Window(RowNumber(), partition_by=[F("indicator")], order_by=F("on").desc()))
        .filter(rank__lte=SPARK_POINTS)
        .order_by("indicator", "on")
        .values_list("indicator_id", "value")
    )
    series: dict[int, list[float]] = defaultdict(list)
    for indicator_id, value in rows:
        series[indicator_id].append(float(value))
    sparks = {}
    for indicator_id, values in series.items():
        if len(values) < 2:
            continue
        low, high = min(values), max(values)
        spread = (high - low) or 1.0
        step = 100 / (len(values) - 1)
        points = " ".join(
            f"{index * step:.1f},{22 - (value - low) / spread * 20:.1f}"
            for index, value in enumerate(values)
        )
        sparks[indicator_id] = Spark(points)
    return sparks


@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    # MISSA's own measures are taken in the background when the data moved (never here).
    refresh_when_stale(FRESHNESS, take_measures_task.enqueue)
    indicators = list(
        Indicator.objects.select_related("benefit")
        .prefetch_related("objectives")
        .order_by("benefit__order", "order", "slug")
    )
    sparks = _sparks(indicators)
    # By benefit, then by objective (an indicator's first objective; "other" last).
    groups: dict[int, dict[str, list[Indicator]]] = defaultdict(lambda: defaultdict(list))
    for indicator in indicators:
        objectives = sorted(indicator.objectives.all(), key=lambda term: (term.order, term.slug))
        label = objectives[0].name if objectives else _("Other indicators")
        groups[indicator.benefit_id][label].append(indicator)
    benefits = [benefit for benefit in Benefit.objects.all() if groups.get(benefit.pk)]
    context = {
        "groups": [(benefit, list(groups[benefit.pk].items())) for benefit in benefits],
        "sparks": sparks,
        "on_track": sum(1 for indicator in indicators if indicator.on_track),
        "judged": sum(1 for indicator in indicators if indicator.on_track is not None),
        "can_enter": request.user.is_authenticated
        and request.user.has_perm("indicators.enter_measurements"),
        "shared_content": "",
    }
    return render(request, "indicators/dashboard.html", context)


def shown(value: Decimal) -> int | float:
    """Return a value as a table shows it: whole numbers without decimals."""
    return int(value) if value == value.to_integral_value() else float(value)


def _chart(indicator: Indicator, measurements: list[Measurement]) -> Chart:
    labels = [measurement.on.isoformat() for measurement in measurements]
    series = [Series(label=str(indicator.name), values=[shown(m.value) for m in measurements])]
    if indicator.baseline_value is not None:
        series.append(
            Series(
                label=_("Baseline"),
                values=[shown(indicator.baseline_value)] * len(labels),
                colour="#4f4f4f",
            )
        )
    if indicator.target_value is not None:
        series.append(
            Series(
                label=_("Target"),
                values=[shown(indicator.target_value)] * len(labels),
                colour="#2f6b2f",
            )
        )
    return Chart(
        ident=f"indicator-{indicator.pk}",
        title=str(indicator.name),
        summary=_(
            "%(count)s measurements from %(first)s to %(last)s; the baseline and the target "
            "drawn as lines."
        )
        % {
            "count": len(measurements),
            "first": labels[0] if labels else "—",
            "last": labels[-1] if labels else "—",
        },
        label_heading=_("Date"),
        labels=labels,
        series=series,
        kind="line",
        from_zero=False,
    )


@require_safe
def indicator_detail(request: HttpRequest, slug: str) -> HttpResponse:
    indicator = get_indicator(slug)
    measurements = list(indicator.measurements.order_by("on"))
    context = {
        "indicator": indicator,
        "objectives": list(indicator.objectives.all()),
        "measurements": measurements[-24:][::-1],
        "chart": _chart(indicator, measurements[-120:]),
        "can_enter": request.user.is_authenticated
        and request.user.has_perm("indicators.enter_measurements")
        and indicator.kind == Indicator.Kind.ENTERED,
        "shared_content": "",
    }
    return render(request, "indicators/indicator_detail.html", context)


@require_safe
def indicator_csv(request: HttpRequest, slug: str) -> HttpResponse:
    indicator = get_indicator(slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{indicator.slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(["indicator", "date", "value", "unit", "source", "note", "provisional"])
    for measurement in indicator.measurements.order_by("on"):
        writer.writerow(
            [
                indicator.slug,
                measurement.on.isoformat(),
                measurement.value,
                indicator.unit,
                measurement.source,
                measurement.note,
                "yes" if measurement.is_provisional else "no",
            ]
        )
    return response


def _check_editor(request: HttpRequest) -> None:
    if not request.user.has_perm("indicators.enter_measurements"):
        raise PermissionDenied


@login_required
def measurement_new(request: HttpRequest, slug: str) -> HttpResponse:
    _check_editor(request)
    indicator = get_indicator(slug)
    form = MeasurementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record_measurement(indicator=indicator, by=signed_in(request), **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The value is recorded."))
            return redirect(indicator)
    return render(
        request, "indicators/measurement_form.html", {"indicator": indicator, "form": form}
    )


@login_required
def measurement_import(request: HttpRequest) -> HttpResponse:
    _check_editor(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = import_measurements(by=signed_in(request), data=form.cleaned_data["file"])
        if not report.errors:
            messages.success(request, _("%(count)s values imported.") % {"count": report.rows})
            return redirect("indicators:dashboard")
    context = {
        "form": form,
        "report": report,
        "indicators": Indicator.objects.filter(kind="entered"),
    }
    return render(request, "indicators/import.html", context)
