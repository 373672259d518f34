"""Template helpers shared by every app."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from missa.core.models import month_name
from missa.core.pagecache import NONCE_MARK as NONCE
from missa.core.pagecache import PAGE_TTL, content_key
from missa.core.text import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Render Markdown written by a person as sanitised HTML."""
    return mark_safe(render_markdown(text))  # noqa: S308 — sanitised by nh3


register.filter("month_name", month_name)


@register.filter
def get_item(mapping: dict[str, object], key: str) -> object:
    """Return mapping[key] in a template (None when missing)."""
    return mapping.get(key) if isinstance(mapping, dict) else None


class SharedContentNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        scope = context.get("shared_content")
        request = context.get("request")
        if scope is None or request is None or not settings.MISSA_SHARED_CONTENT:
            return str(self.nodelist.render(context))
        key = content_key(request, str(scope))
        # The page's nonce (made for its head already) is never stored: each page has its own.
        nonce = str(context.get("csp_nonce") or "")
        stored = cache.get(key)
        if stored is None:
            content = str(self.nodelist.render(context))
            cache.set(key, content.replace(nonce, NONCE) if nonce else content, PAGE_TTL)
            return content
        return str(stored).replace(NONCE, nonce) if nonce else str(stored)


@register.tag("shared_content")
def shared_content(parser: template.base.Parser, token: template.base.Token) -> SharedContentNode:
    """Render the enclosed content once for everyone, when the view says it is the same.

    A view that puts `shared_content` in its context (a scope: "" when the content is the
    same for every visitor, or what it depends on, such as a permission) gets its main content
    from the shared cache, keyed by the data version, the day, the address and the language.
    The page around it (the header with the person's name) is still made for each request.
    """
    nodelist = parser.parse(("end_shared_content",))
    parser.delete_first_token()
    return SharedContentNode(nodelist)
