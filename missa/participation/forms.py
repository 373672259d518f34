"""Proposing and editing an idea, answering it, and the filters of the idea list."""

import random
from typing import Any

from django import forms
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Mod
from django.utils.translation import gettext_lazy as _

from missa.actors.models import Actor, normalize_for_search
from missa.core.forms import ImageUploadField, ListFilterForm, SectorsField, search_field
from missa.core.models import Objective, Sector
from missa.core.validators import validate_single_line

from .models import ANSWER_STATES, Answer, Call, Idea, Question

TITLE_MAX_LENGTH = 150
TEXT_MAX_LENGTH = 5000
ANSWER_MAX_LENGTH = 5000
# The random order: (pk × seed) modulo a prime, so that one seed gives one order, page after page.
RANDOM_MODULUS = 1_000_003


class IdeaForm(forms.Form):
    """An idea: its title and text (Markdown), the sectors and objectives it concerns, an image."""

    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        validators=[validate_single_line],
        help_text=_("Your idea in a sentence."),
    )
    text = forms.CharField(
        label=_("Your idea"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "What you propose, for whom, and why. Markdown: *emphasis*, **bold**, lists and links."
        ),
    )
    sectors = SectorsField(required=False)
    objectives: "forms.ModelMultipleChoiceField[Objective]" = forms.ModelMultipleChoiceField(
        label=_("Objectives"),
        queryset=Objective.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_text(self) -> str:
        text = str(self.cleaned_data["text"]).strip()
        if len(text) < 20:
            raise forms.ValidationError(_("Tell a little more: 20 characters at least."))
        return text


class ProposeForm(IdeaForm):
    """A new idea, and who proposes it: the person, or an organisation they act for."""

    on_behalf = forms.ChoiceField(
        label=_("I propose it"),
        widget=forms.RadioSelect,
        required=False,
    )
    image = ImageUploadField(label=_("Image (optional)"), max_side=2400)
    image_alt = forms.CharField(
        label=_("What the image shows"),
        required=False,
        max_length=250,
        validators=[validate_single_line],
        help_text=_("Needed with an image: a sentence for people who cannot see it."),
    )

    field_order = ["title", "text", "sectors", "objectives", "image", "image_alt", "on_behalf"]

    def __init__(self, *args: Any, organisations: list[Actor], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = {str(actor.pk): actor for actor in organisations}
        if organisations:
            self.fields["on_behalf"].choices = [  # type: ignore[attr-defined]
                ("", _("In my own name")),
                *(
                    (pk, _("For %(name)s") % {"name": actor.name})
                    for pk, actor in self.organisations.items()
                ),
            ]
        else:
            del self.fields["on_behalf"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("image") and not (data.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Say in a sentence what the image shows."))
        data["actor"] = self.organisations.get(data.get("on_behalf") or "")
        return data


class AnswerForm(forms.Form):
    """The official answer: what becomes of the idea, and why."""

    state = forms.ChoiceField(
        label=_("What becomes of the idea"),
        widget=forms.RadioSelect,
        choices=[(state.value, state.label) for state in ANSWER_STATES],
    )
    answer = forms.CharField(
        label=_("Official answer"),
        required=False,
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Shown on the idea and sent to its author. Needed once the idea is retained or "
            "not; optional while it is under study. Markdown."
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("state") not in {None, Idea.State.UNDER_STUDY}
            and not (data.get("answer") or "").strip()
        ):
            self.add_error("answer", _("Write the answer that its author and everyone will read."))
        return data


class IdeaFilterForm(ListFilterForm):
    """The idea list's filters."""

    SORTS = {
        "supported": ("-support_count", "-pk"),
        "discussed": ("-comment_count", "-pk"),
        "newest": ("-created_at", "-pk"),
    }
    # Filters that choose how the ideas are shown, not which.
    PRESENTATION = frozenset({"sort", "seed"})

    q = search_field(_("Search the ideas"))
    call = forms.ChoiceField(label=_("Call for ideas"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    objective = forms.ChoiceField(label=_("Objective"), required=False)
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("All states")), *Idea.State.choices],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("supported", _("Most supported")),
            ("discussed", _("Most discussed")),
            ("newest", _("Newest")),
            ("random", _("Random order")),
        ],
    )
    # The ideas proposed for one organisation (from its page), kept while filtering.
    actor = forms.SlugField(required=False, widget=forms.HiddenInput)
    # The random order's seed, kept while the visitor filters and pages.
    seed = forms.IntegerField(
        required=False, min_value=1, max_value=RANDOM_MODULUS - 1, widget=forms.HiddenInput
    )

    def __init__(
        self,
        *args: Any,
        calls: list[Call],
        sectors: list[Sector],
        objectives: list[Objective],
        with_call: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.calls = {call.slug: call for call in calls}
        self.sectors = {sector.slug: sector for sector in sectors}
        self.objectives = {objective.slug: objective for objective in objectives}
        if with_call:
            self.fields["call"].choices = [  # type: ignore[attr-defined]
                ("", _("All calls")),
                *((call.slug, call.title) for call in calls),
            ]
        else:
            del self.fields["call"]
        self.offer("sector", _("All sectors"), sectors)
        self.offer("objective", _("All objectives"), objectives)

    def filters(self) -> dict[str, Any]:
        """Return the valid filter values (the random order's seed only with that order)."""
        filters = super().filters()
        if filters.get("sort") != "random":
            filters.pop("seed", None)
        return filters

    def apply(self, ideas: QuerySet[Idea], filters: dict[str, Any]) -> QuerySet[Idea]:
        """Return ideas filtered and sorted as the filters say."""
        if "call" in filters:
            ideas = ideas.filter(call=self.calls[filters["call"]])
        if "sector" in filters:
            ideas = ideas.filter(sectors=self.sectors[filters["sector"]])
        if "objective" in filters:
            ideas = ideas.filter(objectives=self.objectives[filters["objective"]])
        if "state" in filters:
            ideas = ideas.filter(state=filters["state"])
        if "actor" in filters:
            ideas = ideas.filter(actor__slug=filters["actor"], actor__is_public=True)
        if "q" in filters:
            for word in normalize_for_search(filters["q"]).split():
                ideas = ideas.filter(Q(search_text__contains=word))
        sort = filters.get("sort", "supported")
        if sort == "random":
            return ideas.order_by(Mod(F("pk") * filters["seed"], RANDOM_MODULUS), "pk")
        return ideas.order_by(*self.SORTS[sort])

    @staticmethod
    def new_seed() -> int:
        return random.randint(1, RANDOM_MODULUS - 1)


SCALE_CHOICES = [
    ("1", _("1 — not at all")),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", _("5 — completely")),
]
SHORT_TEXT_MAX_LENGTH = 200
LONG_TEXT_MAX_LENGTH = 2000


class ConsultationForm(forms.Form):
    """A consultation's questions as fields (q<id>; a ranking's places q<id>_<place>), filled
    with the person's earlier answers; `answers()` gives them as rows for the service."""

    def __init__(
        self, *args: Any, questions: list[Question], earlier: list[Answer], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.places: dict[int, int] = {}
        for question in questions:
            name = f"q{question.pk}"
            options = [(str(option.pk), option.text) for option in question.options.all()]
            common: dict[str, Any] = {
                "label": question.text,
                "help_text": question.help,
                "required": question.required,
            }
            if question.kind == Question.Kind.SINGLE:
                self.fields[name] = forms.ChoiceField(
                    choices=options, widget=forms.RadioSelect, **common
                )
            elif question.kind == Question.Kind.MULTIPLE:
                self.fields[name] = forms.MultipleChoiceField(
                    choices=options, widget=forms.CheckboxSelectMultiple, **common
                )
            elif question.kind == Question.Kind.SCALE:
                self.fields[name] = forms.ChoiceField(
                    choices=SCALE_CHOICES, widget=forms.RadioSelect, **common
                )
            elif question.kind == Question.Kind.RANKING:
                places = min(len(options), 5)
                self.places[question.pk] = places
                for place in range(1, places + 1):
                    self.fields[f"{name}_{place}"] = forms.ChoiceField(
                        label=_("%(question)s — place %(place)s")
                        % {"question": question.text, "place": place},
                        choices=[("", _("(none)")), *options],
                        required=question.required and place == 1,
                        help_text=question.help if place == 1 else "",
                    )
            else:
                long = question.kind == Question.Kind.LONG_TEXT
                self.fields[name] = forms.CharField(
                    max_length=LONG_TEXT_MAX_LENGTH if long else SHORT_TEXT_MAX_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 4}) if long else forms.TextInput,
                    **common,
                )
        if earlier and not self.is_bound:
            self.initial.update(self._initial_from(earlier))

    def _initial_from(self, earlier: list[Answer]) -> dict[str, Any]:
        kinds = {question.pk: question.kind for question in self.questions}
        initial: dict[str, Any] = {}
        for answer in earlier:
            name, kind = f"q{answer.question_id}", kinds.get(answer.question_id)
            if kind == Question.Kind.MULTIPLE:
                initial.setdefault(name, []).append(str(answer.option_id))
            elif kind == Question.Kind.RANKING and answer.rank:
                initial[f"{name}_{answer.rank}"] = str(answer.option_id)
            elif kind == Question.Kind.SCALE:
                initial[name] = str(answer.value)
            elif kind in {Question.Kind.SHORT_TEXT, Question.Kind.LONG_TEXT}:
                initial[name] = answer.text
            else:
                initial[name] = str(answer.option_id)
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for question_id, places in self.places.items():
            chosen = [data.get(f"q{question_id}_{place}") for place in range(1, places + 1)]
            picked = [value for value in chosen if value]
            if len(picked) != len(set(picked)):
                self.add_error(f"q{question_id}_1", _("Rank each option once."))
            elif picked and chosen.index(picked[-1]) + 1 != len(picked):
                self.add_error(f"q{question_id}_1", _("Fill the places in order, from the first."))
        return data

    def answers(self) -> list[Answer]:
        data = self.cleaned_data
        rows: list[Answer] = []
        for question in self.questions:
            name = f"q{question.pk}"
            if question.kind == Question.Kind.MULTIPLE:
                rows += [
                    Answer(question=question, option_id=int(pk)) for pk in data.get(name) or []
                ]
            elif question.kind == Question.Kind.RANKING:
                for place in range(1, self.places[question.pk] + 1):
                    if data.get(f"{name}_{place}"):
                        rows.append(
                            Answer(
                                question=question,
                                option_id=int(data[f"{name}_{place}"]),
                                rank=place,
                            )
                        )
            elif not data.get(name):
                continue
            elif question.kind == Question.Kind.SINGLE:
                rows.append(Answer(question=question, option_id=int(data[name])))
            elif question.kind == Question.Kind.SCALE:
                rows.append(Answer(question=question, value=int(data[name])))
            else:
                rows.append(Answer(question=question, text=data[name].strip()))
        return rows
