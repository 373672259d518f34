"""Co-construction's charts (core.charts: each is also a table)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from missa.accounts.models import ParticipantKind
from missa.core.charts import Chart, Series

from .models import Consultation, ParticipantCount, Question


def participants_chart(counts: list[ParticipantCount], ident: str) -> Chart:
    """Participants by kind, as a chart that is also a table (in the order of the kinds)."""
    by_kind = {row.kind: row.count for row in counts if row.count}
    kinds = [kind for kind in [*ParticipantKind.values, ""] if by_kind.get(kind)]
    labels = [str(ParticipantKind(kind).label) if kind else _("Not said") for kind in kinds]
    total = sum(by_kind.values())
    return Chart(
        ident=ident,
        title=_("Participants by kind"),
        summary=_("%(total)s people took part; each is counted once, as they said they take part.")
        % {"total": total},
        label_heading=_("Taking part as"),
        labels=labels,
        series=[Series(label=_("Participants"), values=[by_kind[kind] for kind in kinds])],
    )


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    chart: Chart | None
    texts: list[str]


def consultation_results(
    consultation: Consultation, questions: list[Question], texts: dict[int, list[str]]
) -> list[QuestionResult]:
    """Each question's stored results as a chart that is also a table (percentages of the
    people who answered it), or the free answers that editors published."""
    results = []
    for number, question in enumerate(questions, start=1):
        tally, answered = question.tally, question.answered
        chart = None
        ident = f"question-{question.pk}"
        title = _("The answers to question %(number)s") % {"number": number}
        if question.has_options:
            options = list(question.options.all())
            labels = [option.text for option in options]
            values = [int(tally.get(str(option.pk), 0)) for option in options]
            if question.kind == Question.Kind.RANKING:
                summary = _(
                    "%(count)s people ranked these options: 5 points for a first place, 4 for a "
                    "second… 1 for a fifth."
                ) % {"count": answered}
                series = Series(label=_("Points"), values=values)
                chart = Chart(
                    ident=ident,
                    title=title,
                    summary=summary,
                    kind="hbar",
                    label_heading=_("Option"),
                    labels=labels,
                    series=[series],
                )
            else:
                summary = (
                    _("%(count)s people answered; each could choose several options.")
                    if question.kind == Question.Kind.MULTIPLE
                    else _("%(count)s people answered.")
                ) % {"count": answered}
                chart = Chart(
                    ident=ident,
                    title=title,
                    summary=summary,
                    kind="hbar",
                    label_heading=_("Answer"),
                    labels=labels,
                    series=[Series(label=_("People"), values=values)],
                    share_heading=_("Share of the people who answered"),
                    share_total=answered,
                )
        elif question.kind == Question.Kind.SCALE:
            values = [int(tally.get(str(value), 0)) for value in range(1, 6)]
            average = sum(value * count for value, count in enumerate(values, start=1)) / (
                sum(values) or 1
            )
            summary = _("%(count)s people answered; on average %(average)s out of 5.") % {
                "count": answered,
                "average": f"{average:.1f}",
            }
            chart = Chart(
                ident=ident,
                title=title,
                summary=summary,
                label_heading=_("From 1 (not at all) to 5 (completely)"),
                labels=[str(value) for value in range(1, 6)],
                series=[Series(label=_("People"), values=values)],
                share_heading=_("Share of the people who answered"),
                share_total=answered,
            )
        results.append(QuestionResult(question, chart, texts.get(question.pk, [])))
    return results
