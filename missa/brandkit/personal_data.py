"""What the brand kit holds about a person beyond their account: the misuse reports they sent
with their email address."""

from typing import Any

from missa.core.gdpr import addresses_of, matching, row_data

from .models import MisuseReport


def export(user: Any) -> dict[str, Any]:
    reports = MisuseReport.objects.filter(matching("email", addresses_of(user)))
    return {"misuse_reports_you_sent": [row_data(report) for report in reports]}


def erase(user: Any) -> None:
    """Keep the reports (they concern the brand), without the address."""
    MisuseReport.objects.filter(matching("email", addresses_of(user))).update(email="")
