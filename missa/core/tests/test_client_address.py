"""Per-address rules see the client's address, through a trusted proxy or not."""

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings

from missa.core.middleware import ClientAddressMiddleware


def seen_address(remote: str, forwarded: str | None = None) -> str:
    request = RequestFactory().get("/", REMOTE_ADDR=remote)
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    seen: list[str] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(request.META["REMOTE_ADDR"])
        return HttpResponse()

    ClientAddressMiddleware(view)(request)
    return seen[0]


@override_settings(MISSA_TRUSTED_PROXIES=[])
def test_without_a_trusted_proxy_the_header_is_ignored() -> None:
    assert seen_address("203.0.113.9", "198.51.100.1") == "203.0.113.9"


@override_settings(MISSA_TRUSTED_PROXIES=["10.0.0.0/8", "::1"])
@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        # Through the proxy: the client is the address the proxy saw.
        ("10.0.0.2", "198.51.100.1", "198.51.100.1"),
        # A client cannot choose its address by writing the header itself.
        ("10.0.0.2", "1.2.3.4, 198.51.100.1", "198.51.100.1"),
        # Through two trusted proxies.
        ("10.0.0.2", "198.51.100.1, 10.0.0.7", "198.51.100.1"),
        # Not from the proxy: the header means nothing.
        ("203.0.113.9", "198.51.100.1", "203.0.113.9"),
        # From the proxy but without a header, or with a malformed one.
        ("10.0.0.2", None, "10.0.0.2"),
        ("10.0.0.2", "not-an-address", "10.0.0.2"),
        ("::1", "2001:db8::5", "2001:db8::5"),
    ],
)
def test_through_a_trusted_proxy_the_client_is_the_forwarded_address(
    remote: str, forwarded: str | None, client: str
) -> None:
    assert seen_address(remote, forwarded) == client


@pytest.mark.django_db
@override_settings(MISSA_TRUSTED_PROXIES=["10.0.0.2"])
def test_limits_count_each_client_behind_the_proxy(client: object) -> None:
    from django.test import Client

    assert isinstance(client, Client)
    statuses = [
        client.post(
            "/brand-kit/report/", {}, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(8)
    ]
    # Eight different people, one report each: none is refused.
    assert 429 not in statuses
    from_one = [
        client.post(
            "/brand-kit/report/", {}, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.200"
        ).status_code
        for _ in range(8)
    ]
    assert from_one[-1] == 429
