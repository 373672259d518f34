"""The editors' panel on the admin's home (templates/admin/index.html)."""

from typing import Any

from django import template

from missa.site.dashboard import editor_dashboard

register = template.Library()


@register.inclusion_tag("admin/editor_dashboard.html", takes_context=True)
def this_month(context: template.Context) -> dict[str, Any]:
    return editor_dashboard(context["request"].user)
