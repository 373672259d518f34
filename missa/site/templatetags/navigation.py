"""The base layout's menus, drawn from the lists in missa/site/navigation.py."""

from django import template
from django.urls import reverse

from missa.site.navigation import ACCOUNT_MENU, MAIN_MENU, MenuItem

register = template.Library()


def _links(context: template.Context, items: list[MenuItem]) -> list[dict[str, object]]:
    request = context.get("request")
    path = request.path if request is not None else ""
    user = context.get("user")
    links = []
    for item in items:
        if item.permission and not (user is not None and user.has_perm(item.permission)):
            continue
        url = reverse(item.url_name)
        current = path == url if item.exact else path.startswith(url)
        count = item.count(user) if item.count is not None and user is not None else 0
        links.append(
            {
                "url": url,
                "label": item.label,
                "current": current,
                "count": count,
                "count_label": item.count_label,
            }
        )
    return links


@register.inclusion_tag("components/menu.html", takes_context=True)
def main_menu(context: template.Context) -> dict[str, object]:
    return {"links": _links(context, MAIN_MENU)}


@register.simple_tag(takes_context=True)
def account_links(context: template.Context) -> list[dict[str, object]]:
    """The signed-in person's links, for the account menu (which adds the sign-out form)."""
    return _links(context, ACCOUNT_MENU)
