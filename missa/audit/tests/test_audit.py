from collections.abc import Callable

import pytest
from django.test import Client

from missa.accounts.models import User
from missa.audit.models import AuditEntry
from missa.core.models import Sector

pytestmark = pytest.mark.django_db


def test_an_edit_in_the_admin_is_logged_with_before_and_after(
    client: Client, editor: User, sectors: dict[str, Sector]
) -> None:
    client.force_login(editor)
    sector = sectors["tourisme"]
    response = client.post(
        f"/admin/core/sector/{sector.pk}/change/",
        {
            "order": 5,
            "slug": "tourisme",
            "name_fr": "Tourisme et loisirs",
            "name_en": "Tourism",
            "description_fr": "",
            "description_en": "",
            "icon": "",
            "colour": "#0b5394",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = AuditEntry.objects.get(model="sector", action="update")
    assert entry.user == editor
    assert entry.changes["name_fr"] == ["Tourisme", "Tourisme et loisirs"]
    assert entry.changes["order"] == [0, 5]


def test_a_deletion_is_logged_and_the_entry_outlives_the_object(
    client: Client, editor: User, sectors: dict[str, Sector]
) -> None:
    client.force_login(editor)
    sector = sectors["connaissance"]
    client.post(f"/admin/core/sector/{sector.pk}/delete/", {"post": "yes"})
    assert not Sector.objects.filter(pk=sector.pk).exists()
    entry = AuditEntry.objects.get(model="sector", action="delete")
    assert entry.object_repr == "Connaissance"
    assert entry.changes["slug"] == "connaissance"


def test_writes_outside_signed_in_requests_are_not_logged(client: Client, db: None) -> None:
    client.post(
        "/accounts/signup/",
        {"email": "new@example.org", "password1": "pw-sorgue-2017", "password2": "pw-sorgue-2017"},
    )
    assert User.objects.filter(email="new@example.org").exists()
    assert not AuditEntry.objects.exists()


def test_secrets_are_never_copied_into_the_log(client: Client, editor: User) -> None:
    client.force_login(editor)
    client.post(
        "/accounts/password/change/",
        {
            "oldpassword": "pw-sorgue-2017",
            "password1": "pw-venise-2018",
            "password2": "pw-venise-2018",
        },
    )
    entry = AuditEntry.objects.get(model="user", action="update")
    assert entry.changes["password"] == ["***", "*** (changed)"]
    assert "pbkdf2" not in str(entry.changes) and "md5" not in str(entry.changes)


def test_deleting_an_account_keeps_the_log_without_the_name(
    client: Client, editor: User, sectors: dict[str, Sector], totp_code: Callable[[User], str]
) -> None:
    client.force_login(editor)
    sector = sectors["tourisme"]
    client.post(
        f"/admin/core/sector/{sector.pk}/change/",
        {
            "order": 1,
            "slug": "tourisme",
            "name_fr": "Tourisme",
            "name_en": "Tourism",
            "description_fr": "",
            "description_en": "",
            "icon": "",
            "colour": "#0b5394",
        },
    )
    response = client.post(
        "/accounts/delete/", {"password": "pw-sorgue-2017", "code": totp_code(editor)}
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=editor.pk).exists()
    assert not AuditEntry.objects.filter(user_repr__contains="ed@example.org").exists()
    assert AuditEntry.objects.filter(model="sector", action="update").exists()


def test_the_log_is_read_only_and_for_administrators(
    client: Client, editor: User, admin_client: Client
) -> None:
    client.force_login(editor)
    assert client.get("/admin/audit/auditentry/").status_code == 403
    assert admin_client.get("/admin/audit/auditentry/").status_code == 200
    assert admin_client.get("/admin/audit/auditentry/add/").status_code == 403
