from django.http import HttpRequest

from .models import Territory


def territory(request: HttpRequest) -> dict[str, object]:
    """Make the configured territory (or None) available to every template."""
    return {"territory": Territory.objects.current()}
