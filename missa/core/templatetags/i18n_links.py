"""The language switcher: a link to this page in each offered language."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

register = template.Library()


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context: template.Context) -> dict[str, object]:
    request = context["request"]
    current = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    offered = [code for code, _name in settings.LANGUAGES]
    territory = context.get("territory")
    configured = getattr(territory, "languages", None) if territory else None
    if configured:
        offered = [code for code in offered if code in configured] or offered
    links = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(request.get_full_path(), code),
            "current": code == current,
        }
        for code in offered
    ]
    return {"links": links if len(links) > 1 else []}
