"""Every step of the indicators, and the only way it happens: a measurement entered, a CSV file
imported (all its rows, or none), MISSA's own measures taken. Each keeps the indicator's stored
figures (latest value, change, progress to target, on track) in step."""

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from missa.accounts.models import User

from .measures import MEASURES
from .models import Indicator, Measurement, on_track

CSV_COLUMNS = ["indicator", "date", "value", "source", "note", "provisional"]
CSV_MAX_ROWS = 5000
TRUE = {"1", "yes", "oui", "true", "vrai", "x"}


def refresh_indicator(indicator: Indicator) -> Indicator:
    """Store an indicator's latest value and date, the one before, its progress from baseline
    to target (in percent, 0 to 100) and whether it is on track."""
    last_two = list(indicator.measurements.order_by("-on")[:2])
    indicator.latest_value = last_two[0].value if last_two else None
    indicator.latest_on = last_two[0].on if last_two else None
    indicator.previous_value = last_two[1].value if len(last_two) > 1 else None
    indicator.measurement_count = indicator.measurements.count()
    indicator.progress = None
    base, target, latest = indicator.baseline_value, indicator.target_value, indicator.latest_value
    if base is not None and target is not None and latest is not None and target != base:
        share = (latest - base) / (target - base) * 100
        indicator.progress = int(min(max(share, Decimal(0)), Decimal(100)).to_integral_value())
    indicator.on_track = on_track(indicator)
    indicator.save(
        update_fields=[
            "latest_value",
            "latest_on",
            "previous_value",
            "measurement_count",
            "progress",
            "on_track",
        ]
    )
    return indicator


def _check_editor(by: User) -> None:
    if not by.has_perm("indicators.enter_measurements"):
        raise PermissionDenied


@transaction.atomic
def record_measurement(
    *,
    indicator: Indicator,
    by: User,
    on: datetime.date,
    value: Decimal,
    source: str = "",
    note: str = "",
    is_provisional: bool = False,
) -> Measurement:
    """Enter (or correct) an indicator's value on a day; MISSA's own measures are its own."""
    _check_editor(by)
    if indicator.kind == Indicator.Kind.MEASURED:
        raise ValidationError(_("MISSA measures this indicator itself."), code="measured")
    if on > timezone.localdate():
        raise ValidationError(_("A value is measured on a day that has come."), code="future")
    measurement, _created = Measurement.objects.update_or_create(
        indicator=indicator,
        on=on,
        defaults={
            "value": value,
            "source": source[:250],
            "note": note[:250],
            "is_provisional": is_provisional,
        },
    )
    refresh_indicator(indicator)
    return measurement


@dataclass(frozen=True, slots=True)
class ImportReport:
    rows: int
    errors: list[str]


def import_measurements(*, by: User, data: bytes) -> ImportReport:
    """Import measurements from a CSV file (columns: indicator, date, value, source, note,
    provisional; comma or semicolon). Every bad row is reported with its line; if there is
    one, nothing is imported."""
    _check_editor(by)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ImportReport(0, [_("The file is not UTF-8 text: save it as CSV UTF-8.")])
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [column for column in CSV_COLUMNS[:3] if column not in header]
    if missing:
        return ImportReport(
            0, [_("Columns missing: %(columns)s.") % {"columns": ", ".join(missing)}]
        )
    reader.fieldnames = header
    indicators = {indicator.slug: indicator for indicator in Indicator.objects.all()}
    today = timezone.localdate()
    errors: list[str] = []
    rows: list[tuple[Indicator, datetime.date, Decimal, dict[str, object]]] = []
    seen: set[tuple[str, datetime.date]] = set()
    for line, row in enumerate(reader, start=2):
        if len(rows) + len(errors) >= CSV_MAX_ROWS:
            errors.append(_("More than %(count)s rows: split the file.") % {"count": CSV_MAX_ROWS})
            break
        slug = str(row.get("indicator") or "").strip()
        indicator = indicators.get(slug)
        problems = []
        if indicator is None:
            problems.append(_("no indicator “%(slug)s”") % {"slug": slug[:60]})
        elif indicator.kind == Indicator.Kind.MEASURED:
            problems.append(_("“%(slug)s” is measured by MISSA itself") % {"slug": slug})
        day: datetime.date | None
        try:
            day = datetime.date.fromisoformat(str(row.get("date") or "").strip())
        except ValueError:
            problems.append(_("the date is not YYYY-MM-DD"))
            day = None
        else:
            if day > today:
                problems.append(_("the date has not come"))
        raw = str(row.get("value") or "").strip().replace(" ", "").replace("\u202f", "")
        try:
            value = Decimal(raw.replace(",", "."))
            if not value.is_finite() or abs(value) >= Decimal(10) ** 12:
                raise InvalidOperation
        except InvalidOperation:
            problems.append(_("the value is not a number"))
            value = Decimal(0)
        if day and (slug, day) in seen:
            problems.append(_("this indicator and date appear twice"))
        if problems:
            errors.append(
                _("Line %(line)s: %(problems)s.") % {"line": line, "problems": "; ".join(problems)}
            )
            continue
        assert indicator is not None and day is not None
        seen.add((slug, day))
        extra = {
            "source": str(row.get("source") or "").strip()[:250],
            "note": str(row.get("note") or "").strip()[:250],
            "is_provisional": str(row.get("provisional") or "").strip().lower() in TRUE,
        }
        rows.append((indicator, day, value, extra))
    if errors:
        return ImportReport(0, errors)
    if not rows:
        return ImportReport(0, [_("The file has no row to import.")])
    with transaction.atomic():
        for indicator, day, value, extra in rows:
            Measurement.objects.update_or_create(
                indicator=indicator, on=day, defaults={"value": value, **extra}
            )
        for indicator in {indicator.pk: indicator for indicator, *_rest in rows}.values():
            refresh_indicator(indicator)
    return ImportReport(len(rows), [])


@transaction.atomic
def take_measures(on: datetime.date | None = None) -> int:
    """Take MISSA's own measures as of a day (today by default): one measurement a day per
    indicator measured by MISSA, then its stored figures. Return how many were taken."""
    day = on or timezone.localdate()
    taken = 0
    for indicator in Indicator.objects.filter(kind=Indicator.Kind.MEASURED):
        measure = MEASURES.get(indicator.measure)
        if measure is None:
            continue
        Measurement.objects.update_or_create(
            indicator=indicator,
            on=day,
            defaults={"value": measure[1](day), "source": "MISSA"},
        )
        refresh_indicator(indicator)
        taken += 1
    return taken
