"""Co-construction in a browser: an idea proposed, supported by someone else, answered by the
committee, and its author reading the answer; every page checked with axe at both widths."""

import datetime
import os
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Browser, expect

from missa.accounts.models import User
from missa.actors.models import Actor
from missa.browser import CHROMIUM, check, signed_in_cookie, watched_page
from missa.participation.models import Call, Consultation, Idea
from missa.programme.models import Phase

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]


def open_now(model: type[Call] | type[Consultation], organiser: Actor, **fields: Any) -> Any:
    """A published call or consultation, open from two days ago for three weeks."""
    today = timezone.localdate()
    return model.objects.create(
        phase=Phase.objects.order_by("order")[0],
        organiser=organiser,
        opens_on=today - datetime.timedelta(days=2),
        closes_on=today + datetime.timedelta(days=20),
        published_at=timezone.now(),
        **fields,
    )


def person(name: str, kind: str) -> User:
    user = User.objects.create_user(
        name, f"{name}@example.org", "pw-sorgue-2017", display_name=name.title()
    )
    User.objects.filter(pk=user.pk).update(participant_kind=kind)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.mark.parametrize("width", [1280, 375])
def test_an_idea_is_proposed_supported_answered_and_its_author_reads_the_answer(
    live_server: object, cast: dict[str, Actor], browser: Browser, width: int
) -> None:
    open_now(
        Call,
        cast["carol"],
        slug="bien-vivre",
        title_fr="Bien vivre au bord de l'eau",
        question_fr="Qu'est-ce qui rendrait la vie plus agréable ?",
    )
    lea, marc = person("lea", "inhabitant"), person("marc", "visitor")
    committee = User.objects.create_user("bob", "bob@example.org", "pw-sorgue-2017")
    Actor.objects.filter(pk=cast["bob"].pk).update(user=committee)
    TOTP.activate(committee, generate_totp_secret())
    viewport = {"width": width, "height": 900}

    with watched_page(browser, viewport=viewport) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(lea, live_server)])
        tab.goto(f"{live_server}/calls/")
        check(tab, watch)
        tab.get_by_role("link", name="Bien vivre au bord de l'eau").click()
        check(tab, watch)
        tab.get_by_role("link", name="Proposer une idée").click()
        check(tab, watch)
        tab.get_by_label("Titre").fill("Des bancs à l'ombre sur les quais")
        tab.get_by_label("Votre idée").fill("Des bancs et des arbres le long des quais, pour tous.")
        tab.get_by_role("button", name="Publier mon idée").click()
        expect(tab.get_by_text("Merci : votre idée est publiée.")).to_be_visible()
        check(tab, watch)
        idea_url = tab.url

    with watched_page(browser, viewport=viewport) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(marc, live_server)])
        tab.goto(idea_url)
        check(tab, watch)
        tab.get_by_role("button", name="Soutenir cette idée").click()
        # Swapped in place by htmx: the count and the button change, the page stays.
        expect(tab.get_by_role("button", name="Retirer mon soutien")).to_be_visible()
        expect(tab.locator(".support-count")).to_contain_text("1")
        check(tab, watch)
        tab.get_by_label("Votre commentaire").fill("Et des fontaines, *aussi* ?")
        tab.get_by_role("button", name="Publier mon commentaire").click()
        expect(tab.get_by_text("Et des fontaines, aussi ?")).to_be_visible()
        check(tab, watch)

    with watched_page(browser, viewport=viewport) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(lea, live_server)])
        tab.goto(idea_url)
        tab.get_by_text("Répondre", exact=True).click()
        tab.get_by_label("Votre réponse").fill("Bonne idée, je l'ajoute.")
        tab.get_by_role("button", name="Publier ma réponse").click()
        expect(tab.get_by_text("Bonne idée, je l'ajoute.")).to_be_visible()
        check(tab, watch)

    with watched_page(browser, viewport=viewport) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(committee, live_server)])
        tab.goto(idea_url)
        tab.get_by_role("link", name="Répondre à cette idée").click()
        check(tab, watch)
        tab.get_by_label("Retenue au plan d'actions").check()
        tab.get_by_label("Réponse officielle").fill("Inscrite au plan d'actions 2018–2020.")
        tab.get_by_role("button", name="Publier la réponse").click()
        expect(tab.get_by_text("La réponse est publiée")).to_be_visible()
        check(tab, watch)

    assert Idea.objects.get().state == "in_plan"
    # Marc was told of Léa's reply, Léa of the answer: in the site and by email.
    assert sorted(message.to[0] for message in mail.outbox) == [lea.email, marc.email]
    with watched_page(browser, viewport=viewport) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(lea, live_server)])
        tab.goto(f"{live_server}/notifications/")
        check(tab, watch)
        tab.get_by_role(
            "link",
            name="Votre idée « Des bancs à l'ombre sur les quais » a reçu une réponse : "
            "Retenue au plan d'actions",
        ).click()
        expect(tab.get_by_text("Inscrite au plan d'actions 2018–2020.")).to_be_visible()
        check(tab, watch)
        tab.goto(f"{live_server}/ideas/?sort=random")
        expect(tab.get_by_role("link", name="Des bancs à l'ombre sur les quais")).to_be_visible()
        check(tab, watch)


@pytest.mark.parametrize("width", [1280, 375])
def test_a_comment_is_reported_hidden_and_its_author_reads_why(
    live_server: object, cast: dict[str, Actor], browser: Browser, width: int
) -> None:
    from django.contrib.auth.models import Group

    from missa.discussion.services import post_comment
    from missa.participation.services import propose_idea

    call = open_now(
        Call,
        cast["carol"],
        slug="bien-vivre",
        title_fr="Bien vivre",
        question_fr="Que proposez-vous ?",
    )
    lea, marc = person("lea", "inhabitant"), person("marc", "visitor")
    idea = propose_idea(
        call=call, author=lea, title="Des bancs", text="Des bancs sur les quais, à l'ombre."
    )
    comment = post_comment(target=idea, author=marc, text="Propos déplacé")
    editor = User.objects.create_user("ed", "ed@example.org", "pw-sorgue-2017", is_staff=True)
    editor.groups.add(Group.objects.get(name="editors"))
    TOTP.activate(editor, generate_totp_secret())
    viewport = {"width": width, "height": 900}

    with watched_page(browser, viewport=viewport) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(lea, live_server)])
        tab.goto(f"{live_server}{idea.get_absolute_url()}")
        tab.locator(f"#comment-{comment.pk}").get_by_role("link", name="Signaler").click()
        check(tab, watch)
        tab.get_by_label("Pourquoi ?").fill("Attaque personnelle")
        tab.get_by_role("button", name="Envoyer mon signalement").click()
        expect(tab.get_by_text("Merci : les modérateurs vont l'examiner.")).to_be_visible()
        check(tab, watch)

    with watched_page(browser, viewport=viewport) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(editor, live_server)])
        tab.goto(f"{live_server}/moderation/")
        check(tab, watch)
        expect(tab.get_by_text("Attaque personnelle")).to_be_visible()
        tab.get_by_label("Pourquoi il est masqué (son auteur le lira)").fill("Propos hors charte.")
        tab.get_by_role("button", name="Masquer").click()
        expect(tab.get_by_text("Masqué ; son auteur est prévenu du motif.")).to_be_visible()
        check(tab, watch)

    with watched_page(browser, viewport=viewport) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(marc, live_server)])
        tab.goto(f"{live_server}{idea.get_absolute_url()}")
        expect(tab.get_by_text("Motif : Propos hors charte.")).to_be_visible()
        expect(tab.get_by_text("Propos déplacé")).to_have_count(0)
        check(tab, watch)


@pytest.mark.parametrize("width", [1280, 375])
def test_a_consultation_is_answered_changed_and_its_results_read(
    live_server: object, cast: dict[str, Actor], browser: Browser, width: int
) -> None:
    from missa.participation.models import Option, Question

    survey = open_now(
        Consultation,
        cast["carol"],
        slug="image",
        title_fr="L'image de la ville",
        results_while_open=True,
    )
    word = Question.objects.create(
        consultation=survey, order=1, kind="single", text_fr="Quel mot résume la ville ?"
    )
    for number, text in enumerate(["L'eau", "Les antiquaires"]):
        Option.objects.create(question=word, order=number, text_fr=text)
    Question.objects.create(
        consultation=survey, order=2, kind="scale", text_fr="Êtes-vous fier d'y vivre ?"
    )
    lea = person("lea", "inhabitant")
    viewport = {"width": width, "height": 900}
    with watched_page(browser, viewport=viewport) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(lea, live_server)])
        tab.goto(f"{live_server}/calls/")
        tab.get_by_role("link", name="L'image de la ville").click()
        check(tab, watch)
        tab.get_by_role("link", name="Répondre aux questions").click()
        check(tab, watch)
        tab.get_by_label("L'eau").check()
        tab.get_by_label("4", exact=True).check()
        tab.get_by_role("button", name="Enregistrer mes réponses").click()
        expect(tab.get_by_text("Merci : vos réponses sont enregistrées.")).to_be_visible()
        check(tab, watch)
        # Changed before the closing: the results count the new answer only.
        tab.get_by_role("link", name="Modifier mes réponses").click()
        tab.get_by_label("Les antiquaires").check()
        tab.get_by_role("button", name="Enregistrer mes réponses").click()
        tab.get_by_role("link", name="Voir les résultats").click()
        check(tab, watch)
        tab.get_by_text("Les chiffres").first.click()
        row = tab.get_by_role("row", name="Les antiquaires")
        expect(row).to_contain_text("100,0 %")
        expect(tab.get_by_role("row", name="L'eau")).to_contain_text("0")
        check(tab, watch)


@pytest.mark.parametrize("width", [1280, 375])
def test_an_author_changes_then_withdraws_and_chooses_what_comes_by_email(
    live_server: object, cast: dict[str, Actor], browser: Browser, width: int
) -> None:
    from missa.discussion.services import post_comment
    from missa.participation.services import propose_idea

    call = open_now(
        Call, cast["carol"], slug="bien-vivre", title_fr="Bien vivre", question_fr="Quoi ?"
    )
    lea, marc = person("lea", "inhabitant"), person("marc", "visitor")
    idea = propose_idea(call=call, author=lea, title="Des bancs", text="Des bancs sur les quais.")
    other = propose_idea(call=call, author=marc, title="Des arbres", text="Des arbres au marché.")
    post_comment(target=other, author=lea, text="Oui, des platanes.")
    viewport = {"width": width, "height": 900}
    with watched_page(browser, viewport=viewport) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(lea, live_server)])
        tab.goto(f"{live_server}{idea.get_absolute_url()}")
        tab.get_by_role("link", name="Modifier mon idée").click()
        check(tab, watch)
        tab.get_by_label("Titre").fill("Des bancs à l'ombre")
        tab.get_by_role("button", name="Enregistrer mon idée").click()
        expect(tab.get_by_role("heading", name="Des bancs à l'ombre")).to_be_visible()
        tab.get_by_role("link", name="Retirer mon idée").click()
        check(tab, watch)
        tab.get_by_role("button", name="Retirer mon idée").click()
        expect(tab.get_by_text("Retirée par son auteur").first).to_be_visible()
        check(tab, watch)
        # Her comment elsewhere: changed within 15 minutes, then deleted.
        tab.goto(f"{live_server}{other.get_absolute_url()}")
        tab.get_by_role("link", name="Modifier", exact=True).click()
        check(tab, watch)
        tab.get_by_label("Votre commentaire").fill("Oui, des platanes et des tilleuls.")
        tab.get_by_role("button", name="Enregistrer mon commentaire").click()
        expect(tab.get_by_text("Oui, des platanes et des tilleuls.")).to_be_visible()
        tab.get_by_role("link", name="Supprimer", exact=True).click()
        check(tab, watch)
        tab.get_by_role("button", name="Supprimer mon commentaire").click()
        expect(tab.get_by_text("Supprimé par son auteur.")).to_be_visible()
        check(tab, watch)
        tab.goto(f"{live_server}/notifications/settings/")
        check(tab, watch)
        tab.get_by_label("Quelqu'un m'a répondu").uncheck()
        tab.get_by_role("button", name="Enregistrer mes choix").click()
        expect(tab.get_by_text("Vos choix sont enregistrés.")).to_be_visible()
        expect(tab.get_by_label("Quelqu'un m'a répondu")).not_to_be_checked()
        check(tab, watch)
