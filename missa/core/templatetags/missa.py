"""Template helpers shared by every app."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page
from django.template.base import FilterExpression
from django.utils.safestring import SafeString, mark_safe

from missa.core.colours import HEX_COLOUR, initials, readable_on
from missa.core.images import sized_image
from missa.core.models import month_name
from missa.core.pagecache import NONCE_MARK as NONCE
from missa.core.pagecache import PAGE_TTL, content_key
from missa.core.sections import Section
from missa.core.text import render_comment, render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Render Markdown written by a person as sanitised HTML."""
    return mark_safe(render_markdown(text))  # noqa: S308 — sanitised by nh3


@register.filter
def comment_markdown(text: str) -> SafeString:
    """A comment's text: emphasis and links only (core.text.render_comment)."""
    return mark_safe(render_comment(text))  # noqa: S308 — sanitised by nh3


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


# -- components (templates/components/) ----------------------------------------------------


@register.inclusion_tag("components/breadcrumb.html")
def breadcrumb(*trail: object) -> dict[str, object]:
    """The way up to this page: {% breadcrumb label url label url … this_page_label %}."""
    if len(trail) % 2 != 1:
        raise template.TemplateSyntaxError(
            "breadcrumb takes pairs of label and address, then the current page's label."
        )
    links = [(trail[index], trail[index + 1]) for index in range(0, len(trail) - 1, 2)]
    return {"links": links, "current": trail[-1]}


@register.filter
def page_numbers(page: Page) -> list[int | None]:
    """Return the page numbers to link: both ends, this one, its neighbours; None for a gap."""
    return [
        number if isinstance(number, int) else None
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    ]


class PaginatedNode(template.Node):
    def __init__(
        self, page: FilterExpression, body: template.NodeList, empty: template.NodeList
    ) -> None:
        self.page, self.body, self.empty = page, body, empty

    def render(self, context: template.Context) -> str:
        page = self.page.resolve(context)
        has_items = bool(page is not None and len(page.object_list))
        content = (self.body if has_items else self.empty).render(context)
        assert context.template is not None
        component = context.template.engine.get_template("components/paginated.html")
        # The enclosed content was rendered (and escaped) by the template itself.
        with context.push(page=page, has_items=has_items, content=mark_safe(content)):  # noqa: S308
            return str(component.render(context))


@register.tag("paginated")
def paginated(parser: template.base.Parser, token: template.base.Token) -> PaginatedNode:
    """A page of a list, its page links, and what to say when the list is empty.

    {% paginated page %}<ul>{% for item in page.object_list %}…{% endfor %}</ul>
    {% empty %}<p>Nothing yet.</p>{% endpaginated %}
    """
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("paginated takes one argument: the page.")
    body = parser.parse(("empty", "endpaginated"))
    empty = template.NodeList()
    if parser.next_token().contents == "empty":
        empty = parser.parse(("endpaginated",))
        parser.delete_first_token()
    return PaginatedNode(parser.compile_filter(bits[1]), body, empty)


@register.simple_tag(takes_context=True)
def section(context: template.Context, part: Section) -> SafeString:
    """Draw a page's section (core.sections): its template with its own context."""
    assert context.template is not None
    drawn = context.template.engine.get_template(part.template)
    with context.push(**part.context()):
        return mark_safe(drawn.render(context))  # noqa: S308 — a template, escaped as it renders


class CaptureNode(template.Node):
    # Declared so that {% extends %} finds the blocks inside (a page's title, its description).
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist: template.NodeList, name: str) -> None:
        self.nodelist, self.name = nodelist, name

    def render(self, context: template.Context) -> str:
        # Rendered (and escaped) by the template itself: safe to show again.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        return ""


@register.tag("capture")
def capture(parser: template.base.Parser, token: template.base.Token) -> CaptureNode:
    """Render the enclosed content once and keep it to show in several places.

    {% capture as page_title %}{% block title %}…{% endblock %}{% endcapture %}
    <title>{{ page_title }}</title> <meta property="og:title" content="{{ page_title }}">
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("capture takes: as <name>")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag
def absolute(path: str) -> str:
    """Return the full address of a path on this site (MISSA_SITE_URL: never the Host header);
    an address that is already full (a file in an object storage) is returned as it is."""
    if path.startswith(("https://", "http://")):
        return path
    return f"{settings.MISSA_SITE_URL.rstrip('/')}{path}"


# -- pictures (core.images) -------------------------------------------------------------------


@register.inclusion_tag("components/picture.html")
def picture(
    file: object,
    alt: str = "",
    sizes: str = "100vw",
    width: int | None = None,
    css_class: str = "",
    eager: bool = False,
) -> dict[str, object]:
    """An uploaded image at the size the screen needs: {% picture actor.logo alt="…" %}.

    alt="" says the picture adds nothing to the text next to it; width (CSS pixels) fixes the
    displayed width, else the image keeps its own and shrinks with the page. eager=True for the
    picture at the top of a page (it is not lazily loaded).
    """
    context: dict[str, object] = {"alt": alt, "css_class": css_class, "eager": eager, "src": ""}
    if not file:
        return context
    storage, name = file.storage, file.name  # type: ignore[attr-defined]
    context["src"] = storage.url(name)
    sized = sized_image(name, getattr(file.field, "widths", ()))  # type: ignore[attr-defined]
    if sized is None:
        return context
    shown = min(width, sized.width) if width else sized.width
    context["width"], context["height"] = shown, sized.height_at(shown)
    if sized.renditions:
        candidates = [f"{storage.url(r.name)} {r.width}w" for r in sized.renditions]
        candidates.append(f"{context['src']} {sized.width}w")
        context["srcset"] = ", ".join(candidates)
        context["sizes"] = f"{shown}px" if width else sizes
    return context


@register.inclusion_tag("components/monogram.html")
def monogram(name: str, colour: str = "#5a6472", size: int = 64) -> dict[str, object]:
    """An organisation's initials on its colour, where it has no logo (never a grey box)."""
    background = colour if HEX_COLOUR.match(colour or "") else "#5a6472"
    return {
        "initials": initials(name),
        "background": background,
        "foreground": readable_on(background),
        "size": size,
    }


@register.simple_tag(takes_context=True)
def lang_attr(context: template.Context, instance: object, field: str) -> SafeString:
    """` lang="fr"` where a translated field shows its French text on a page in another language
    (the English is missing: modeltranslation falls back to French), else nothing.

    <div class="prose"{% lang_attr actor "description" %}>{{ actor.description }}</div>
    """
    language = str(context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE)
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == default or instance is None:
        return mark_safe("")
    own = getattr(instance, f"{field}_{language}", None)
    fallback = getattr(instance, f"{field}_{default}", None)
    if not own and fallback:
        return mark_safe(f' lang="{default}"')  # noqa: S308 — a language code from settings
    return mark_safe("")
