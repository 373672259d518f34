import datetime
import io
from collections.abc import Callable

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.test import Client
from PIL import Image

from missa.accounts.models import User
from missa.accounts.services import delete_account
from missa.activity.models import Activity
from missa.actors.models import Actor, ActorRole, Membership
from missa.applications.models import Application
from missa.applications.services import (
    approve_application,
    reject_application,
    start_review,
    withdraw_application,
)
from missa.charter.models import CharterVersion, Commitment
from missa.charter.services import publish_charter_version
from missa.core.images import rendition_name
from missa.factories import valid_siret

# Real commits, so that the emails sent on commit go out.
pytestmark = pytest.mark.django_db(transaction=True)
SIRET = valid_siret(424242)


@pytest.fixture
def charter(db: None) -> CharterVersion:
    version = CharterVersion.objects.create(title_fr="Charte", text_fr="Texte")
    Commitment.objects.create(version=version, order=1, text_fr="Promouvoir", is_required=True)
    Commitment.objects.create(version=version, order=2, text_fr="Parrainer", is_required=False)
    return publish_charter_version(version=version)


@pytest.fixture
def eve(client: Client, charter: CharterVersion) -> User:
    user = User.objects.create_user("eve", "eve@example.org", "pw-sorgue-2017")
    client.force_login(user)
    return user


@pytest.fixture
def reviewer(committee_member: User) -> User:
    """The committee member who reviews applications (Bob, with the second factor)."""
    return committee_member


def form_data(charter: CharterVersion, **changes: object) -> dict[str, object]:
    from missa.core.models import Sector

    optional = charter.commitments.get(is_required=False)
    data: dict[str, object] = {
        "requested_role": "ambassador",
        "kind": "company",
        "name": "Boulangerie du Pont",
        "siret": SIRET,
        "address": "1 quai Rouget de Lisle",
        "postcode": "84800",
        "town": "L'Isle-sur-la-Sorgue",
        "website": "https://boulangerie.example.org",
        "description": "Pain au levain.",
        "sectors": [Sector.objects.get(slug="tourisme").pk],
        "motivation": "Faire connaître la ville.",
        "commitments": [optional.pk],
        "accept_charter": "on",
    }
    data.update(changes)
    return data


def apply(client: Client, charter: CharterVersion, **changes: object) -> Application:
    response = client.post("/network/apply/", form_data(charter, **changes))
    assert response.status_code == 302, response.content.decode()[-3000:]
    return Application.objects.latest("pk")


def test_applying_records_the_charter_accepted_and_acknowledges_by_email(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion
) -> None:
    application = apply(client, charter)
    assert application.status == "submitted"
    assert application.charter_version == charter
    assert application.charter_accepted_at is not None
    assert application.commitments.count() == 2  # the required one is always included
    assert mail.outbox[-1].to == ["eve@example.org"]
    assert "Boulangerie du Pont" in mail.outbox[-1].subject
    page = client.get(application.get_absolute_url()).content.decode()
    assert "Déposée" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"siret": "12345678901234"}, "SIRET n&#x27;est pas valide"),
        ({"siret": ""}, "Une entreprise indique son SIRET."),
        ({"kind": "association"}, "Seules les entreprises ont un SIRET."),
        ({"accept_charter": ""}, "Acceptez la charte pour candidater."),
        ({"sectors": []}, "Choisissez au moins un secteur."),
        ({"kind": "partner_territory", "siret": ""}, "Sélectionnez un choix valide"),
        ({"website": "javascript:alert(1)"}, "URL valide"),
    ],
)
def test_invalid_applications_get_the_form_again_with_errors(
    client: Client,
    cast: dict[str, Actor],
    eve: User,
    charter: CharterVersion,
    changes: dict[str, object],
    message: str,
) -> None:
    response = client.post("/network/apply/", form_data(charter, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Application.objects.exists()


def test_an_image_that_is_really_text_is_a_form_error(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion
) -> None:
    fake = io.BytesIO(b"just text")
    fake.name = "logo.png"
    response = client.post("/network/apply/", form_data(charter, logo=fake))
    assert response.status_code == 200
    assert "pas une image lisible" in response.content.decode()


def test_duplicate_applications_are_refused_with_a_clear_message(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion
) -> None:
    apply(client, charter)
    response = client.post("/network/apply/", form_data(charter))
    assert "déjà en cours d&#x27;examen" in response.content.decode()
    assert Application.objects.count() == 1


def test_approval_makes_a_public_ambassador_with_its_owner_and_a_joined_activity(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion, reviewer: User
) -> None:
    logo = io.BytesIO()
    Image.new("RGB", (250, 250), "#123456").save(logo, format="PNG")
    logo.seek(0)
    logo.name = "logo.png"
    application = apply(client, charter, logo=logo)
    start_review(application=application, reviewer=reviewer)
    approve_application(application=application, reviewer=reviewer)
    application.refresh_from_db()
    actor = application.actor
    assert actor is not None and actor.is_public
    assert actor.siret == SIRET
    assert actor.logo
    assert ActorRole.objects.current().filter(actor=actor, role="ambassador").exists()
    assert Membership.objects.get(actor=actor).user == eve
    joined = Activity.objects.get(actor=actor, kind="joined")
    assert joined.related == application
    assert [m.subject for m in mail.outbox][-1].startswith("Bienvenue")
    today = datetime.date.today()
    month_page = client.get(f"/journal/{today:%Y/%m}/")
    # The programme of the test cast ended in 2018: the month may be outside it.
    assert month_page.status_code in {200, 404}
    assert "Boulangerie du Pont" in client.get("/actors/?q=boulangerie").content.decode()
    register_page = client.get("/network/register/").content.decode()
    assert "Boulangerie du Pont" in register_page
    # Its logo and its smaller copies are on the register (made once, when it was uploaded).
    logo_name = actor.logo.name or ""
    assert default_storage.url(rendition_name(logo_name, 96)) in register_page
    # The applicant leaves: the organisation keeps its logo (the application's file became its).
    delete_account(user=eve)
    actor.refresh_from_db()
    assert actor.logo.name == logo_name
    assert default_storage.exists(logo_name)
    assert default_storage.exists(rendition_name(logo_name, 96))


def test_approving_twice_fails_the_second_time(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion, reviewer: User
) -> None:
    application = apply(client, charter)
    approve_application(application=application, reviewer=reviewer)
    with pytest.raises(ValidationError):
        approve_application(application=application, reviewer=reviewer)
    with pytest.raises(ValidationError):
        reject_application(application=application, reviewer=reviewer, reason="Trop tard")
    assert Actor.objects.filter(siret=SIRET).count() == 1


def test_rejection_needs_a_reason_that_only_the_applicant_sees(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion, reviewer: User
) -> None:
    application = apply(client, charter)
    with pytest.raises(ValidationError):
        reject_application(application=application, reviewer=reviewer, reason="  ")
    reject_application(application=application, reviewer=reviewer, reason="Hors territoire.")
    assert "Hors territoire." in mail.outbox[-1].body
    assert "Hors territoire." in client.get(application.get_absolute_url()).content.decode()
    assert not Actor.objects.filter(siret=SIRET).exists()


def test_applicants_withdraw_only_their_own_open_applications(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion
) -> None:
    application = apply(client, charter)
    other = User.objects.create_user("mallory", "m@example.org", "pw-sorgue-2017")
    with pytest.raises(ValidationError):
        withdraw_application(application=application, applicant=other)
    client.force_login(other)
    assert client.post(f"/network/my-applications/{application.pk}/withdraw/").status_code == 404
    assert client.get(application.get_absolute_url()).status_code == 404
    client.force_login(eve)
    client.post(f"/network/my-applications/{application.pk}/withdraw/")
    application.refresh_from_db()
    assert application.status == "withdrawn"


def test_the_review_queue_is_for_the_committee(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion, reviewer: User
) -> None:
    application = apply(client, charter)
    assert client.get("/network/review/").status_code == 403
    assert client.post(f"/network/review/{application.pk}/approve/").status_code == 403
    client.force_login(reviewer)
    html = client.get("/network/review/").content.decode()
    assert "Boulangerie du Pont" in html
    assert "1 candidature" in html
    response = client.post(f"/network/review/{application.pk}/approve/")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "approved"
    assert application.decided_by == reviewer
    again = client.post(f"/network/review/{application.pk}/approve/", follow=True)
    assert "déjà été tranchée" in again.content.decode()
    # The review page only shows; each decision has its own address.
    assert client.post(f"/network/review/{application.pk}/").status_code == 405
    assert client.get(f"/network/review/{application.pk}/approve/").status_code == 405
    assert client.get("/network/review/999999/").status_code == 404
    assert client.get("/network/review/?status=zzz&kind=yyy&page=abc").status_code == 200


def test_rejecting_from_the_queue_without_a_reason_shows_the_form_again(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion, reviewer: User
) -> None:
    application = apply(client, charter)
    client.force_login(reviewer)
    response = client.post(f"/network/review/{application.pk}/reject/", {"reason": " "})
    assert response.status_code == 200
    assert "Ce champ est obligatoire" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "submitted"
    response = client.post(f"/network/review/{application.pk}/reject/", {"reason": "Hors zone."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.decision_reason) == ("rejected", "Hors zone.")
    assert application.decided_by == reviewer


def test_starting_the_review_tells_the_applicant_once(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion, reviewer: User
) -> None:
    from missa.mail.models import OutgoingEmail

    application = apply(client, charter)
    client.force_login(reviewer)
    for _ in range(2):
        response = client.post(f"/network/review/{application.pk}/start/")
        assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "under_review"
    assert application.decided_by is None
    assert application.events.filter(status="under_review").count() == 1
    assert (
        OutgoingEmail.objects.filter(to="eve@example.org", subject__contains="examen").count() == 1
    )


def test_apply_without_a_published_charter_says_applications_are_not_open(
    client: Client, territory: object
) -> None:
    user = User.objects.create_user("zoe", "zoe@example.org", "pw-sorgue-2017")
    client.force_login(user)
    assert "une fois la charte publiée" in client.get("/network/apply/").content.decode()


def test_register_runs_the_same_queries_at_two_sizes(
    cast: dict[str, Actor], assert_constant_queries: Callable[[str], None]
) -> None:
    assert_constant_queries("/network/register/")


def test_applications_are_rate_limited_per_person(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion
) -> None:
    statuses = [
        client.post("/network/apply/", form_data(charter, siret="bad")).status_code
        for _ in range(12)
    ]
    assert statuses[0] == 200
    assert statuses[-1] == 429
    response = client.post("/network/apply/", form_data(charter))
    assert "Trop de tentatives" in response.content.decode()
    assert not Application.objects.exists()


@pytest.mark.skipif(
    "postgresql" not in __import__("django.db").db.connection.vendor,
    reason="needs a database that locks rows between connections (PostgreSQL)",
)
def test_two_reviewers_deciding_at_once_cannot_both_decide(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion, reviewer: User
) -> None:
    import threading

    from django.db import connection

    application = apply(client, charter)
    other = User.objects.create_user("rev2", "rev2@example.org", "pw-sorgue-2017")
    results: list[str] = []
    barrier = threading.Barrier(2)

    def decide(action: str, who: User) -> None:
        barrier.wait()
        try:
            if action == "approve":
                approve_application(application=application, reviewer=who)
            else:
                reject_application(application=application, reviewer=who, reason="Non")
            results.append("done")
        except ValidationError:
            results.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=("approve", reviewer)),
        threading.Thread(target=decide, args=("reject", other)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["done", "refused"]
    application.refresh_from_db()
    assert application.status in {"approved", "rejected"}
    assert application.events.filter(status__in=["approved", "rejected"]).count() == 1


def test_the_committee_suspends_an_approved_member_whose_history_stays(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion, reviewer: User
) -> None:
    application = apply(client, charter)
    approve_application(application=application, reviewer=reviewer)
    application.refresh_from_db()
    actor = application.actor
    assert actor is not None
    client.force_login(reviewer)
    url = f"/network/review/{application.pk}/suspend/"
    again = client.post(url, {"reason": ""})
    assert again.status_code == 200
    assert "Motif de la suspension" in again.content.decode()
    response = client.post(url, {"reason": "Usage abusif de la marque."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "suspended"
    assert not ActorRole.objects.current().filter(actor=actor, role="ambassador").exists()
    assert Actor.objects.get(pk=actor.pk).is_public
    assert "Usage abusif de la marque." in mail.outbox[-1].body
    assert "suspendu" in mail.outbox[-1].subject
    client.force_login(eve)
    assert (
        "Usage abusif de la marque." in client.get(application.get_absolute_url()).content.decode()
    )


def test_an_approved_member_leaves_the_network(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion, reviewer: User
) -> None:
    application = apply(client, charter)
    approve_application(application=application, reviewer=reviewer)
    assert "Quitter le réseau" in client.get(application.get_absolute_url()).content.decode()
    client.post(f"/network/my-applications/{application.pk}/withdraw/")
    application.refresh_from_db()
    assert application.status == "withdrawn"
    assert (
        not ActorRole.objects.current().filter(actor=application.actor, role="ambassador").exists()
    )
    with pytest.raises(ValidationError):
        withdraw_application(application=application, applicant=eve)


def test_a_company_already_in_the_directory_is_claimed_not_duplicated(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion, reviewer: User
) -> None:
    alice = cast["alice"]
    application = apply(client, charter, siret=alice.siret, name="Atelier Alice")
    assert application.actor == alice
    approve_application(application=application, reviewer=reviewer)
    assert Actor.objects.filter(siret=alice.siret).count() == 1
    assert Membership.objects.get(actor=alice).user == eve
    # Already an ambassador: no second role, no second "joined" activity.
    assert ActorRole.objects.filter(actor=alice, role="ambassador").count() == 1
    assert not Activity.objects.filter(actor=alice, kind="joined").exists()
    # Now that someone acts for it, another person is sent to them.
    other = User.objects.create_user("zoe", "zoe@example.org", "pw-sorgue-2017")
    client.force_login(other)
    response = client.post("/network/apply/", form_data(charter, siret=alice.siret))
    assert "déjà dans le réseau" in response.content.decode()


def test_claiming_a_hidden_company_recounts_its_months(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion, reviewer: User
) -> None:
    from missa.activity.models import MonthSummary

    dave = cast["dave"]
    Actor.objects.filter(pk=dave.pk).update(siret=SIRET)
    june = datetime.date(2017, 6, 1)
    assert MonthSummary.objects.get(month=june).activity_count == 3
    application = apply(client, charter, siret=SIRET, name="Dave Discret")
    approve_application(application=application, reviewer=reviewer)
    # Dave's June activity is now public: the month page lists it, and its summary counts it.
    listed = client.get("/journal/2017/06/").context["page"].paginator.object_list.count()
    summary = MonthSummary.objects.get(month=june)
    assert summary.activity_count == listed == 4
    assert summary.actor_count == 4


def test_a_name_on_several_lines_is_a_form_error_and_nothing_is_saved(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion
) -> None:
    response = client.post(
        "/network/apply/", form_data(charter, name="Boulangerie\r\nBcc: victim@example.org")
    )
    assert response.status_code == 200
    assert "sur une seule ligne" in response.content.decode()
    assert not Application.objects.exists()


def test_a_failing_mail_server_never_undoes_or_breaks_a_decision(
    client: Client, cast: dict[str, Actor], eve: User, charter: CharterVersion, reviewer: User
) -> None:
    from django.test import override_settings

    from missa.mail.models import OutgoingEmail

    application = apply(client, charter)
    # Saved before the rule existed, or written by another path: the email is still safe.
    Application.objects.filter(pk=application.pk).update(name="Boulangerie\r\nBcc: x@example.org")
    client.force_login(reviewer)
    down = {"default": {"BACKEND": "missa.mail.tests.backends.DownBackend"}}
    with override_settings(MAILERS=down):
        response = client.post(f"/network/review/{application.pk}/approve/")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "approved"
    failed = OutgoingEmail.objects.filter(to="eve@example.org").latest("pk")
    assert failed.status == OutgoingEmail.Status.FAILED
    assert "\n" not in failed.subject and "\r" not in failed.subject
    # Sent again once the server answers: one line, to the applicant only.
    from missa.mail.services import retry

    mail.outbox.clear()
    retry(failed)
    [sent] = mail.outbox
    assert sent.to == ["eve@example.org"] and sent.bcc == []
