"""The client's address, as every per-address rule (rate limits, logs) must see it."""

import ipaddress
from collections.abc import Callable
from functools import cached_property

from django.conf import settings
from django.http import HttpRequest, HttpResponse

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip().strip("[]"))
    except ValueError:
        return None


class ClientAddressMiddleware:
    """Set REMOTE_ADDR to the client's address when the request comes through a trusted proxy.

    Behind a reverse proxy every request comes from the proxy's address, and per-address
    limits would become site-wide. The proxy's X-Forwarded-For header is believed only when the
    direct peer is one of MISSA_TRUSTED_PROXIES: the client is then the right-most address of
    the header that is not itself a trusted proxy. From anyone else, the header is ignored (a
    client could write anything in it).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    @cached_property
    def trusted(self) -> list[Network]:
        return [ipaddress.ip_network(item, strict=False) for item in settings.MISSA_TRUSTED_PROXIES]

    def is_trusted(self, value: str) -> bool:
        address = _address(value)
        return address is not None and any(address in network for network in self.trusted)

    def client_address(self, request: HttpRequest) -> str:
        peer = str(request.META.get("REMOTE_ADDR", ""))
        if not self.trusted or not self.is_trusted(peer):
            return peer
        hops = [hop.strip() for hop in request.headers.get("X-Forwarded-For", "").split(",")]
        for hop in reversed([hop for hop in hops if hop]):
            if _address(hop) is None:
                break  # a malformed header: keep what is known for sure
            if not self.is_trusted(hop):
                return str(_address(hop))
        return peer

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META["REMOTE_ADDR"] = self.client_address(request)
        return self.get_response(request)
