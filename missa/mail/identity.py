"""Who the emails come from: the territory's name and the site's address, never a host name."""

from urllib.parse import urlsplit

from django.conf import settings

from missa.core.models import Territory


def site_identity() -> dict[str, str]:
    """Return the site's name (the territory's brand), its address and its domain."""
    territory = Territory.objects.current()
    name = (territory.brand_name or territory.name) if territory else "MISSA"
    url = settings.MISSA_SITE_URL.rstrip("/")
    return {"site_name": name, "site_url": url, "site_domain": urlsplit(url).netloc or url}
