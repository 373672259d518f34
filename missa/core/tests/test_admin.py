import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Model
from django.test import Client
from django.urls import reverse

from missa.actors.models import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_fr(client: Client) -> Client:
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw-x9!kq")
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "model", list(admin.site._registry), ids=lambda model: model._meta.label_lower
)
def test_every_model_has_a_working_admin_with_search(
    admin_client_fr: Client, cast: dict[str, Actor], model: type[Model]
) -> None:
    model_admin = admin.site._registry[model]
    info = (model._meta.app_label, model._meta.model_name)
    changelist = admin_client_fr.get(reverse("admin:{}_{}_changelist".format(*info)), {"q": "a"})
    assert changelist.status_code == 200
    ours = model.__module__.startswith("missa.")
    if ours:
        assert model_admin.search_fields
    # The territory, its vocabularies and other short lists ordered by hand (the questions
    # about joining) are a handful of rows: nothing to filter.
    short_list = model._meta.app_label == "core" or list(model._meta.ordering or [])[:1] == [
        "order"
    ]
    if ours and not short_list:
        assert model_admin.list_filter
    instance = model._default_manager.first()
    if instance is not None:
        change = admin_client_fr.get(
            reverse("admin:{}_{}_change".format(*info), args=[instance.pk])
        )
        assert change.status_code == 200


def test_admin_requires_staff(client: Client, cast: dict[str, Actor]) -> None:
    response = client.get("/admin/actors/actor/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
