"""The committee's forms: the decisions register's filters, and the editors' steps (the roll,
the minutes, a decision)."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from missa.actors.models import Actor, normalize_for_search
from missa.core.forms import ListFilterForm, SectorsField, search_field
from missa.core.models import Objective, Sector
from missa.core.validators import CONTROL_CHARACTERS, validate_single_line
from missa.participation.models import Idea

from .models import Attendance, Decision, Meeting

GUESTS_MAX = 40
IDEAS_MAX = 30


class DecisionFilterForm(ListFilterForm):
    """The register's filters."""

    q = search_field(_("Search the decisions"))
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    objective = forms.ChoiceField(label=_("Objective"), required=False)

    def __init__(
        self,
        *args: Any,
        years: list[int],
        sectors: list[Sector],
        objectives: list[Objective],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.sectors = {sector.slug: sector for sector in sectors}
        self.objectives = {objective.slug: objective for objective in objectives}
        self.fields["year"].choices = [  # type: ignore[attr-defined]
            ("", _("All years")),
            *((str(year), str(year)) for year in years),
        ]
        self.offer("sector", _("All sectors"), sectors)
        self.offer("objective", _("All objectives"), objectives)

    def apply(self, decisions: QuerySet[Decision], filters: dict[str, Any]) -> QuerySet[Decision]:
        if "year" in filters:
            decisions = decisions.filter(decided_on__year=filters["year"])
        if "sector" in filters:
            decisions = decisions.filter(sectors=self.sectors[filters["sector"]])
        if "objective" in filters:
            decisions = decisions.filter(objectives=self.objectives[filters["objective"]])
        if "q" in filters:
            for word in normalize_for_search(filters["q"]).split()[:8]:
                decisions = decisions.filter(Q(search_text__contains=word))
        return decisions


class RollForm(forms.Form):
    """A meeting's roll: each committee member present, excused or absent; guests by name."""

    guests = forms.CharField(
        label=_("Guests"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One person per line, as they should be named on the meeting's page."),
    )

    def __init__(
        self, *args: Any, members: list[Actor], initial_statuses: dict[int, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.members = members
        fields = {}
        for member in members:
            fields[f"member_{member.pk}"] = forms.ChoiceField(
                label=member.name,
                choices=Attendance.Status.choices,
                widget=forms.RadioSelect,
                initial=initial_statuses.get(member.pk, Attendance.Status.PRESENT),
            )
        # The members first, then the guests.
        self.fields = {**fields, "guests": self.fields["guests"]}

    def clean_guests(self) -> list[str]:
        names = []
        for line in str(self.cleaned_data.get("guests", "")).splitlines():
            name = " ".join(CONTROL_CHARACTERS.sub(" ", line).split())
            if not name:
                continue
            if len(name) > 150:
                raise ValidationError(_("A guest's name has 150 characters at most."))
            names.append(name)
        if len(names) > GUESTS_MAX:
            raise ValidationError(
                _("%(count)s guests at most.") % {"count": GUESTS_MAX}, code="too_many"
            )
        if len({name.casefold() for name in names}) != len(names):
            raise ValidationError(_("Each guest is named once."), code="twice")
        return names

    def statuses(self) -> dict[int, str]:
        return {member.pk: self.cleaned_data[f"member_{member.pk}"] for member in self.members}


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes (French)"),
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=50_000,
        help_text=_("Markdown: titles, lists, emphasis and links."),
    )
    minutes_en = forms.CharField(
        label=_("Minutes (English)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=50_000,
        required=False,
        help_text=_("Optional: without it, the English page shows the French minutes."),
    )
    approved_at: forms.ModelChoiceField[Meeting] = forms.ModelChoiceField(
        label=_("Approved at the meeting of"),
        queryset=Meeting.objects.none(),
        empty_label=None,
        help_text=_("Minutes are published once a later meeting approved them."),
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        later = (
            Meeting.objects.filter(held_at__isnull=False, starts_at__gt=meeting.starts_at)
            .exclude(pk=meeting.pk)
            .order_by("starts_at")
        )
        field = self.fields["approved_at"]
        field.queryset = later  # type: ignore[attr-defined]
        field.label_from_instance = lambda other: f"{other.date:%d/%m/%Y} — {other.title}"  # type: ignore[attr-defined]


class DecisionForm(forms.Form):
    title = forms.CharField(
        label=_("Title (French)"), max_length=200, validators=[validate_single_line]
    )
    title_en = forms.CharField(
        label=_("Title (English)"),
        max_length=200,
        required=False,
        validators=[validate_single_line],
    )
    text = forms.CharField(
        label=_("Text (French)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20_000,
        help_text=_("Markdown: what was decided, by whom it is carried out, by when."),
    )
    text_en = forms.CharField(
        label=_("Text (English)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=20_000,
        required=False,
    )
    method = forms.ChoiceField(
        label=_("How it was taken"), choices=Decision.Method.choices, widget=forms.RadioSelect
    )
    votes_for = forms.IntegerField(label=_("Votes for"), required=False, min_value=0, max_value=999)
    votes_against = forms.IntegerField(
        label=_("Votes against"), required=False, min_value=0, max_value=999
    )
    abstentions = forms.IntegerField(
        label=_("Abstentions"), required=False, min_value=0, max_value=999
    )
    items: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Agenda items it closes"),
        queryset=Meeting.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    ideas = forms.CharField(
        label=_("Ideas it answers"),
        required=False,
        max_length=400,
        help_text=_("Their numbers, as in their address (/ideas/12/), separated by commas."),
    )
    sectors = SectorsField(label=_("Sectors"), required=False)
    objectives: forms.ModelMultipleChoiceField[Objective] = forms.ModelMultipleChoiceField(
        label=_("Objectives"),
        queryset=Objective.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = meeting.items.all()  # type: ignore[attr-defined]
        if not meeting.items.exists():
            del self.fields["items"]

    def clean_ideas(self) -> list[Idea]:
        raw = str(self.cleaned_data.get("ideas", ""))
        numbers = []
        for part in raw.replace(";", ",").split(","):
            part = part.strip().lstrip("#")
            if not part:
                continue
            if not part.isdigit() or len(part) > 10:
                raise ValidationError(
                    _("“%(value)s” is not an idea's number.") % {"value": part[:20]},
                    code="not_a_number",
                )
            numbers.append(int(part))
        if len(numbers) > IDEAS_MAX:
            raise ValidationError(_("%(count)s ideas at most.") % {"count": IDEAS_MAX})
        found = {idea.pk: idea for idea in Idea.objects.visible().filter(pk__in=numbers)}
        missing = [str(number) for number in numbers if number not in found]
        if missing:
            raise ValidationError(
                _("No idea has the number %(numbers)s.") % {"numbers": ", ".join(missing)},
                code="unknown",
            )
        return [found[number] for number in dict.fromkeys(numbers)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        votes = [data.get("votes_for"), data.get("votes_against"), data.get("abstentions")]
        if data.get("method") == Decision.Method.VOTE and votes[0] is None:
            self.add_error("votes_for", _("Give the number of votes for."))
        if data.get("method") == Decision.Method.CONSENSUS and any(v is not None for v in votes):
            self.add_error("votes_for", _("A decision taken by consensus has no vote count."))
        return data
