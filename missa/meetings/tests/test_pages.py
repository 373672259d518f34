"""The meetings, a meeting's page, the decisions register, the calendars and the editors' forms:
what they show, who sees what, their bad inputs and their queries."""

import datetime
from collections.abc import Callable

import icalendar
import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from missa.accounts.models import User
from missa.activity.models import Activity
from missa.actors.models import Actor
from missa.core.models import Sector
from missa.meetings.models import AgendaItem, Decision, Document, Meeting
from missa.meetings.services import record_attendance, record_decision
from missa.participation.models import Call, Idea
from missa.programme.models import Phase

from .conftest import pdf

pytestmark = pytest.mark.django_db


def test_the_list_shows_coming_and_past_meetings_but_not_drafts(
    client: Client, make_meeting: Callable[..., Meeting]
) -> None:
    make_meeting("bientot", days=10)
    make_meeting("passe", days=-10)
    make_meeting("brouillon", days=20, published=False)
    page = client.get("/meetings/").content.decode()
    assert (
        page.index("Comité bientot") < page.index("Réunions passées") < page.index("Comité passe")
    )
    assert "brouillon" not in page
    assert client.get("/meetings/brouillon/").status_code == 404
    assert client.get("/meetings/brouillon/calendar.ics").status_code == 404


def test_an_editor_previews_a_draft(
    client: Client, make_meeting: Callable[..., Meeting], editor: User
) -> None:
    make_meeting("brouillon", days=20, published=False)
    client.force_login(editor)
    page = client.get("/meetings/brouillon/").content.decode()
    assert "Pas encore annoncée" in page


def test_a_meeting_page_shows_attendance_decisions_and_minutes(
    client: Client,
    past_meeting: Meeting,
    make_meeting: Callable[..., Meeting],
    editor: User,
    members: list[Actor],
    statuses: Callable[..., dict[int, str]],
) -> None:
    record_attendance(
        meeting=past_meeting, by=editor, statuses=statuses("present", "excused", "absent")
    )
    record_decision(
        meeting=past_meeting, by=editor, title="Calendrier adopté", text="T", method="consensus"
    )
    page = client.get("/meetings/copil-passe/").content.decode()
    assert "Calendrier adopté" in page and "n° 1" in page
    assert members[1].name in page  # on the attendance table
    for figure in ("membre présent", "membre excusé", "membre absent"):
        assert figure in page
    assert "Le compte rendu est publié une fois approuvé" in page
    # Visitors are not offered the editors' steps.
    assert "/roll/" not in page


def test_a_confidential_document_opens_to_committee_members_only(
    client: Client, past_meeting: Meeting, committee_member: User, lea_user: User
) -> None:
    item = past_meeting.items.get(is_confidential=True)
    document = Document(item=item, title_fr="Devis")
    document.file.save("devis.pdf", pdf(), save=False)
    document.save()
    public = Document.objects.create(
        item=past_meeting.items.get(is_confidential=False),
        title_fr="Calendrier",
        link="https://example.org/calendrier.pdf",
    )
    url = f"/meetings/documents/{document.pk}/"
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(lea_user)
    assert client.get(url).status_code == 403
    assert client.get(f"/meetings/documents/{public.pk}/")["Location"] == public.link
    client.force_login(committee_member)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]
    assert response["Cache-Control"] == "private, no-store"
    assert client.get("/meetings/documents/999999/").status_code == 404


def test_the_calendars_are_valid_icalendar(
    client: Client, make_meeting: Callable[..., Meeting]
) -> None:
    coming = make_meeting("bientot", days=10)
    make_meeting("passe", days=-10)
    make_meeting("brouillon", days=20, published=False)
    response = client.get("/meetings/calendar.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Comité passe", "Comité bientot"]
    assert all(str(event["UID"]).startswith("meeting-") for event in events)
    one = icalendar.Calendar.from_ical(client.get("/meetings/bientot/calendar.ics").content)
    (event,) = one.walk("VEVENT")
    assert event.decoded("DTSTART") == coming.starts_at.replace(microsecond=0)
    assert str(event["LOCATION"]) == "Hôtel de ville"
    assert str(event["URL"]).endswith("/meetings/bientot/")


def test_the_register_filters_and_searches(
    client: Client, held_meetings: Callable[[int], None]
) -> None:
    held_meetings(2)
    other = Decision.objects.order_by("number").first()
    assert other is not None
    Decision.objects.filter(pk=other.pk).update(decided_on=datetime.date(2017, 6, 1))
    other.sectors.clear()
    page = client.get("/decisions/").content.decode()
    assert "2 décisions" in page
    found = client.get("/decisions/", {"q": "ATELIER 2"}).content.decode()
    assert "1 décision" in found
    by_sector = client.get("/decisions/", {"sector": "tourisme"}).content.decode()
    assert "1 décision" in by_sector
    by_year = client.get("/decisions/", {"year": "2017"}).content.decode()
    assert "1 décision" in by_year
    nothing = client.get("/decisions/", {"q": "introuvable"}).content.decode()
    assert "Aucune décision ne correspond" in nothing


@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"year": "1900"},
        {"sector": "nowhere"},
        {"objective": "x" * 300},
        {"page": "-1"},
        {"page": "zz"},
        {"q": "\x00" * 5},
    ],
)
def test_the_register_ignores_bad_parameters(client: Client, query: dict[str, str]) -> None:
    assert client.get("/decisions/", query).status_code == 200


def test_a_decision_page_links_its_meeting_and_the_ideas_it_answers(
    client: Client,
    past_meeting: Meeting,
    editor: User,
    everyone_present: dict[int, str],
    cast: dict[str, Actor],
) -> None:
    call = Call.objects.create(
        slug="appel",
        phase=Phase.objects.order_by("pk")[0],
        organiser=cast["carol"],
        title_fr="Appel",
        question_fr="?",
        opens_on=datetime.date(2017, 6, 1),
        closes_on=datetime.date(2017, 7, 1),
        published_at=timezone.now(),
    )
    idea = Idea.objects.create(call=call, title="Des bancs", text="Des bancs.")
    record_attendance(meeting=past_meeting, by=editor, statuses=everyone_present)
    decision = record_decision(
        meeting=past_meeting,
        by=editor,
        title="Des bancs sur les quais",
        text="Le comité **retient** l'idée.",
        method="vote",
        votes=(10, 2, 1),
        ideas=[idea],
        items=[past_meeting.items.get(is_confidential=True)],
    )
    page = client.get(f"/decisions/{decision.number}/").content.decode()
    assert "<strong>retient</strong>" in page
    assert "10 pour, 2 contre, 1 abstentions" in page
    assert f'href="/ideas/{idea.pk}/"' in page
    assert 'href="/meetings/copil-passe/"' in page
    # The confidential item it closes is not named to visitors.
    assert "Budget des études" not in page
    assert client.get("/decisions/999999/").status_code == 404
    assert client.get("/decisions/abc/").status_code == 404


def test_an_editor_takes_the_roll_from_the_meeting_page(
    client: Client,
    past_meeting: Meeting,
    editor: User,
    members: list[Actor],
) -> None:
    client.force_login(editor)
    url = "/meetings/copil-passe/roll/"
    page = client.get(url).content.decode()
    assert all(member.name in page for member in members)
    data = {f"member_{member.pk}": "present" for member in members}
    data[f"member_{members[0].pk}"] = "excused"
    data["guests"] = "Claire Fabre\n\nMarc Roussel"
    response = client.post(url, data)
    assert response.status_code == 302
    meeting = Meeting.objects.get(pk=past_meeting.pk)
    assert (meeting.present_count, meeting.excused_count, meeting.guest_count) == (2, 1, 2)
    # A missing answer, or a guest named twice, shows the form again with its errors.
    data.pop(f"member_{members[1].pk}")
    data["guests"] = "Claire Fabre\nclaire fabre"
    page = client.post(url, data).content.decode()
    assert "Ce champ est obligatoire" in page
    assert "Chaque invité n&#x27;est nommé qu&#x27;une fois" in page
    assert Meeting.objects.get(pk=past_meeting.pk).guest_count == 2


def test_the_roll_of_a_coming_meeting_is_refused_with_its_reason(
    client: Client, make_meeting: Callable[..., Meeting], editor: User, members: list[Actor]
) -> None:
    make_meeting("bientot", days=3)
    client.force_login(editor)
    data = {f"member_{member.pk}": "present" for member in members}
    page = client.post("/meetings/bientot/roll/", data).content.decode()
    assert "La réunion n&#x27;a pas commencé" in page
    assert not Activity.objects.filter(kind=Activity.Kind.HELD_MEETING).exists()


def test_an_editor_records_a_decision_with_clear_errors(
    client: Client,
    past_meeting: Meeting,
    editor: User,
    everyone_present: dict[int, str],
    sectors: dict[str, Sector],
) -> None:
    client.force_login(editor)
    url = "/meetings/copil-passe/decisions/new/"
    data: dict[str, str | list[str]] = {
        "title": "Budget voté",
        "text": "Le comité vote.",
        "method": "vote",
        "ideas": "12, x",
    }
    page = client.post(url, data).content.decode()
    assert "Relevez d&#x27;abord" not in page  # the form's own errors come first
    assert "« x » n&#x27;est pas un numéro d&#x27;idée" in page
    assert "Indiquez le nombre de voix pour" in page
    data.update({"ideas": "999999", "votes_for": "9"})
    assert "Aucune idée ne porte le numéro 999999" in client.post(url, data).content.decode()
    data["ideas"] = ""
    page = client.post(url, data).content.decode()
    assert "Relevez d&#x27;abord les présences" in page
    record_attendance(meeting=past_meeting, by=editor, statuses=everyone_present)
    data["sectors"] = [str(sectors["tourisme"].pk)]
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == "/decisions/1/"
    assert Decision.objects.get().votes_for == 9


def test_an_editor_publishes_the_minutes(
    client: Client,
    past_meeting: Meeting,
    make_meeting: Callable[..., Meeting],
    editor: User,
    everyone_present: dict[int, str],
) -> None:
    later = make_meeting("suivant", days=-1)
    client.force_login(editor)
    url = "/meetings/copil-passe/minutes/"
    assert "Aucune réunion suivante" in client.get(url).content.decode()
    record_attendance(meeting=past_meeting, by=editor, statuses=everyone_present)
    record_attendance(meeting=later, by=editor, statuses=everyone_present)
    response = client.post(url, {"minutes": "## Relevé\n\nTout va bien.", "approved_at": later.pk})
    assert response.status_code == 302
    page = client.get("/meetings/copil-passe/").content.decode()
    assert "Tout va bien." in page and "Approuvé à la réunion du" in page


def test_a_committee_member_s_page_shows_their_attendance(
    client: Client,
    past_meeting: Meeting,
    editor: User,
    members: list[Actor],
    statuses: Callable[..., dict[int, str]],
) -> None:
    record_attendance(
        meeting=past_meeting, by=editor, statuses=statuses("present", "excused", "absent")
    )
    # The roll lists the members by name: Bob Martin first, present; Chloé excused.
    page = client.get(f"/actors/{members[0].slug}/").content.decode()
    assert "Aux réunions du comité" in page
    assert "Présent·e à 1 des 1 réunion tenue depuis son arrivée (100 %)." in page
    page = client.get(f"/actors/{members[1].slug}/").content.decode()
    assert "Présent·e à 0 des 1 réunion tenue depuis son arrivée (0 %)." in page
    assert "Excusé·e 1 fois." in page


@pytest.mark.parametrize("url", ["/meetings/", "/decisions/", "/decisions/?q=atelier"])
def test_lists_run_the_same_queries_at_two_sizes(
    client: Client,
    held_meetings: Callable[[int], None],
    count_queries: Callable[[Callable[[], object]], int],
    url: str,
) -> None:
    held_meetings(2)
    cache.clear()
    small = count_queries(lambda: client.get(url))
    held_meetings(30)
    cache.clear()
    large = count_queries(lambda: client.get(url))
    assert small == large <= 12, (url, small, large)


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_meeting_and_a_decision_run_the_same_queries_at_two_sizes(
    client: Client,
    past_meeting: Meeting,
    editor: User,
    members: list[Actor],
    everyone_present: dict[int, str],
    sectors: dict[str, Sector],
    count_queries: Callable[[Callable[[], object]], int],
    signed_in: bool,
) -> None:
    record_attendance(meeting=past_meeting, by=editor, statuses=everyone_present)
    record_decision(meeting=past_meeting, by=editor, title="D", text="T", method="consensus")
    if signed_in:
        client.force_login(editor)

    def pages() -> int:
        cache.clear()
        return count_queries(lambda: client.get("/meetings/copil-passe/")) + count_queries(
            lambda: client.get("/decisions/1/")
        )

    small = pages()
    for number in range(2, 30):
        record_decision(
            meeting=past_meeting, by=editor, title=f"D{number}", text="T", method="consensus"
        )
        AgendaItem.objects.create(meeting=past_meeting, order=number, title_fr=f"Point {number}")
    large = pages()
    assert small == large <= (40 if signed_in else 24), (small, large)
