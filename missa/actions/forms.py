"""The plan's forms: the tracker's filters, an action (its themes, funding by source and
partners), a milestone, a milestone done, an update."""

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from missa.actors.models import Actor, normalize_for_search
from missa.core.forms import ListFilterForm, SectorsField, search_field
from missa.core.models import Benefit, Objective, Sector
from missa.core.uploads import clean_document
from missa.core.validators import validate_single_line
from missa.meetings.models import Decision
from missa.participation.models import Idea

from .models import Action, Funding, Partner
from .services import FundingLine, PartnerLine

PARTNER_ROWS = 6
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ActionFilterForm(ListFilterForm):
    """The tracker's filters."""

    SORTS = {
        "number": ("number",),
        "progress": ("-progress", "number"),
        "ends": ("ends_on", "number"),
        "budget": ("-budget_planned", "number"),
    }

    q = search_field(_("Search the actions"))
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *Action.Status.choices, ("late", _("Late"))],
    )
    objective = forms.ChoiceField(label=_("Objective"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    benefit = forms.ChoiceField(label=_("Expected benefit"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("number", _("Number")),
            ("progress", _("Most advanced")),
            ("ends", _("Ending soonest")),
            ("budget", _("Largest budget")),
        ],
    )

    def __init__(
        self,
        *args: Any,
        objectives: list[Objective],
        sectors: list[Sector],
        benefits: list[Benefit],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.terms: dict[str, dict[str, Any]] = {
            "objective": {term.slug: term for term in objectives},
            "sector": {term.slug: term for term in sectors},
            "benefit": {term.slug: term for term in benefits},
        }
        labels = {
            "objective": _("All objectives"),
            "sector": _("All sectors"),
            "benefit": _("All benefits"),
        }
        for name, terms in self.terms.items():
            self.offer(name, labels[name], terms.values())

    def apply(self, actions: QuerySet[Action], filters: dict[str, Any], today: Any) -> Any:
        status = filters.get("status")
        if status == "late":
            actions = actions.filter(pk__in=Action.objects.late_on(today).values("pk"))
        elif status:
            actions = actions.filter(status=status)
        for name, field in (
            ("objective", "objectives"),
            ("sector", "sectors"),
            ("benefit", "benefits"),
        ):
            if name in filters:
                actions = actions.filter(**{field: self.terms[name][filters[name]]})
        if "q" in filters:
            for word in normalize_for_search(filters["q"]).split()[:8]:
                actions = actions.filter(Q(search_text__contains=word))
        return actions.order_by(*self.SORTS[filters.get("sort", "number")])


def find_actor(text: str) -> Actor:
    """Return the public actor whose page address (slug) or exact name is text."""
    text = " ".join(str(text).split())
    slug = text.rstrip("/").rsplit("/", 1)[-1]
    found = list(Actor.objects.public().filter(Q(slug=slug) | Q(name__iexact=text))[:2])
    if len(found) != 1:
        raise ValidationError(
            _("No actor of the directory is named “%(name)s”: give its name or its address.")
            % {"name": text[:80]},
            code="unknown_actor",
        )
    return found[0]


class ActionForm(forms.Form):
    """An action of the plan, as editors and committee members write it."""

    title = forms.CharField(
        label=_("Title (French)"), max_length=200, validators=[validate_single_line]
    )
    title_en = forms.CharField(
        label=_("Title (English)"),
        max_length=200,
        required=False,
        validators=[validate_single_line],
    )
    description = forms.CharField(
        label=_("Description (French)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20_000,
        required=False,
        help_text=_("Markdown: what the action does, for whom, how."),
    )
    description_en = forms.CharField(
        label=_("Description (English)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20_000,
        required=False,
    )
    lead = forms.CharField(
        label=_("Lead"),
        max_length=200,
        help_text=_(
            "The organisation that carries it: its name in the directory, or its page's address."
        ),
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE)
    status = forms.ChoiceField(
        label=_("Status"), choices=Action.Status.choices, widget=forms.RadioSelect
    )
    status_reason = forms.CharField(
        label=_("Why"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_("Required when the action is delayed or abandoned: it is published."),
    )
    objectives: "forms.ModelMultipleChoiceField[Objective]" = forms.ModelMultipleChoiceField(
        label=_("Objectives it serves"),
        queryset=Objective.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = SectorsField(label=_("Sectors"), required=False)
    benefits: "forms.ModelMultipleChoiceField[Benefit]" = forms.ModelMultipleChoiceField(
        label=_("Expected benefits"),
        queryset=Benefit.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    idea = forms.IntegerField(
        label=_("From the idea No."),
        required=False,
        min_value=1,
        help_text=_("As in its address: /ideas/12/."),
    )
    decision = forms.IntegerField(label=_("From the decision No."), required=False, min_value=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for source, label in Funding.Source.choices:
            planned_label = _("%(source)s: planned (€)") % {"source": label}
            spent_label = _("%(source)s: spent (€)") % {"source": label}
            self.fields[f"planned_{source}"] = forms.DecimalField(
                label=planned_label,
                # In the funding table, the row and column say it; the input says it too.
                widget=forms.NumberInput(attrs={"aria-label": planned_label, "step": "0.01"}),
                required=False,
                min_value=Decimal(0),
                max_digits=12,
                decimal_places=2,
            )
            self.fields[f"spent_{source}"] = forms.DecimalField(
                label=spent_label,
                widget=forms.NumberInput(attrs={"aria-label": spent_label, "step": "0.01"}),
                required=False,
                min_value=Decimal(0),
                max_digits=12,
                decimal_places=2,
            )
        for row in range(1, PARTNER_ROWS + 1):
            self.fields[f"partner_{row}_actor"] = forms.CharField(
                label=_("Partner"), required=False, max_length=200
            )
            self.fields[f"partner_{row}_role"] = forms.CharField(
                label=_("Its role"),
                required=False,
                max_length=150,
                validators=[validate_single_line],
            )
            self.fields[f"partner_{row}_contribution"] = forms.ChoiceField(
                label=_("Its contribution"),
                required=False,
                choices=[("", "—"), *Partner.Contribution.choices],
            )
            self.fields[f"partner_{row}_detail"] = forms.CharField(
                label=_("What it brings"),
                required=False,
                max_length=200,
                validators=[validate_single_line],
            )

    @classmethod
    def initial_of(cls, action: Action) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "title": getattr(action, "title_fr", ""),
            "title_en": getattr(action, "title_en", ""),
            "description": getattr(action, "description_fr", ""),
            "description_en": getattr(action, "description_en", ""),
            "lead": action.lead.slug,
            "starts_on": action.starts_on,
            "ends_on": action.ends_on,
            "status": action.status,
            "status_reason": getattr(action, "status_reason_fr", ""),
            "objectives": list(action.objectives.all()),
            "sectors": list(action.sectors.all()),
            "benefits": list(action.benefits.all()),
            "idea": action.idea_id,
            "decision": action.decision.number if action.decision else None,
        }
        for line in action.funding.all():
            initial[f"planned_{line.source}"] = line.planned
            initial[f"spent_{line.source}"] = line.spent
        for row, partner in enumerate(action.partners.select_related("actor"), start=1):
            initial[f"partner_{row}_actor"] = partner.actor.slug
            initial[f"partner_{row}_role"] = getattr(partner, "role_fr", "")
            initial[f"partner_{row}_contribution"] = partner.contribution
            initial[f"partner_{row}_detail"] = getattr(partner, "contribution_detail_fr", "")
        return initial

    # Fields as the template groups them.
    MAIN = ("title", "title_en", "description", "description_en", "lead", "starts_on", "ends_on")
    STATUS = ("status", "status_reason")
    THEMES = ("objectives", "sectors", "benefits", "idea", "decision")

    def group(self, names: tuple[str, ...]) -> list[forms.BoundField]:
        return [self[name] for name in names]

    def main_fields(self) -> list[forms.BoundField]:
        return self.group(self.MAIN)

    def status_fields(self) -> list[forms.BoundField]:
        return self.group(self.STATUS)

    def theme_fields(self) -> list[forms.BoundField]:
        return self.group(self.THEMES)

    def funding_rows(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [
            (str(label), self[f"planned_{source}"], self[f"spent_{source}"])
            for source, label in Funding.Source.choices
        ]

    def partner_rows(self) -> list[tuple[int, list[forms.BoundField]]]:
        return [
            (
                row,
                [
                    self[f"partner_{row}_{part}"]
                    for part in ("actor", "role", "contribution", "detail")
                ],
            )
            for row in range(1, PARTNER_ROWS + 1)
        ]

    def clean_lead(self) -> Actor:
        return find_actor(self.cleaned_data["lead"])

    def clean_idea(self) -> Idea | None:
        number = self.cleaned_data.get("idea")
        if number is None:
            return None
        idea = Idea.objects.visible().filter(pk=number).first()
        if idea is None:
            raise ValidationError(_("No idea has the number %(numbers)s.") % {"numbers": number})
        return idea

    def clean_decision(self) -> Decision | None:
        number = self.cleaned_data.get("decision")
        if number is None:
            return None
        decision = Decision.objects.filter(number=number).first()
        if decision is None:
            raise ValidationError(_("No decision has the number %(number)s.") % {"number": number})
        return decision

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("An action ends after it starts."))
        if (
            data.get("status") in ("delayed", "abandoned")
            and not str(data.get("status_reason", "")).strip()
        ):
            self.add_error("status_reason", _("Say why the action is delayed or abandoned."))
        for source, _label in Funding.Source.choices:
            planned, spent = data.get(f"planned_{source}"), data.get(f"spent_{source}")
            if spent and planned is None:
                self.add_error(
                    f"planned_{source}", _("Give the planned budget of this funder too.")
                )
        for row in range(1, PARTNER_ROWS + 1):
            name = str(data.get(f"partner_{row}_actor") or "").strip()
            if not name:
                continue
            try:
                data[f"partner_{row}_found"] = find_actor(name)
            except ValidationError as error:
                self.add_error(f"partner_{row}_actor", error)
                continue
            if not str(data.get(f"partner_{row}_role") or "").strip():
                self.add_error(f"partner_{row}_role", _("Say the partner's role."))
        return data

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title_fr": data["title"],
            "title_en": data["title_en"],
            "description_fr": data["description"],
            "description_en": data["description_en"],
            "lead": data["lead"],
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
            "status": data["status"],
            "status_reason_fr": data["status_reason"],
            "idea": data["idea"],
            "decision": data["decision"],
        }

    def funding(self) -> list[FundingLine]:
        data = self.cleaned_data
        return [
            FundingLine(
                source, data[f"planned_{source}"], data.get(f"spent_{source}") or Decimal(0)
            )
            for source, _label in Funding.Source.choices
            if data.get(f"planned_{source}") is not None
        ]

    def partners(self) -> list[PartnerLine]:
        data = self.cleaned_data
        return [
            PartnerLine(
                actor=data[f"partner_{row}_found"],
                role=data[f"partner_{row}_role"],
                contribution=data[f"partner_{row}_contribution"] or Partner.Contribution.TIME,
                detail=data[f"partner_{row}_detail"],
            )
            for row in range(1, PARTNER_ROWS + 1)
            if f"partner_{row}_found" in data
        ]


class MilestoneForm(forms.Form):
    title = forms.CharField(
        label=_("Title (French)"), max_length=200, validators=[validate_single_line]
    )
    title_en = forms.CharField(
        label=_("Title (English)"),
        max_length=200,
        required=False,
        validators=[validate_single_line],
    )
    due_on = forms.DateField(label=_("Due on"), widget=DATE)
    weight = forms.IntegerField(
        label=_("Weight (%)"),
        min_value=1,
        max_value=100,
        help_text=_("Its share of the action: the milestones add up to 100 % at most."),
    )


class MilestoneDoneForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DATE)
    evidence_link = forms.URLField(
        label=_("Evidence: a link"), required=False, help_text=_("A page, a photo, an article.")
    )
    evidence_file = forms.FileField(label=_("Or a PDF"), required=False)

    def clean_evidence_file(self) -> object:
        upload = self.cleaned_data.get("evidence_file")
        if isinstance(upload, UploadedFile):
            return clean_document(upload, max_bytes=10 * 1024 * 1024, allowed=("pdf",))
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("evidence_link") and not data.get("evidence_file") and not self.errors:
            raise ValidationError(_("Give its evidence: a link or a PDF."))
        return data


class UpdateForm(forms.Form):
    actor: "forms.ModelChoiceField[Actor]" = forms.ModelChoiceField(
        label=_("For"), queryset=Actor.objects.none(), empty_label=None, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("The news"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_(
            "What was done, what comes next. Markdown: *emphasis*, **bold**, lists and links."
        ),
    )

    def __init__(self, *args: Any, actors: list[Actor], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["actor"]
        field.queryset = Actor.objects.filter(pk__in=[actor.pk for actor in actors]).order_by(
            "name"
        )
        if len(actors) == 1:
            field.initial = actors[0].pk
