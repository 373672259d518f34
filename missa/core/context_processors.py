from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .models import Territory


def territory(request: HttpRequest) -> dict[str, object]:
    """Make the configured territory available to every template (one query, when used)."""
    return {"territory": SimpleLazyObject(Territory.objects.current)}
