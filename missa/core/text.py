"""Rendering of text written by people: Markdown, then sanitised HTML."""

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_markdown.enable(["table", "strikethrough"])

ALLOWED_TAGS = {
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}


@lru_cache(maxsize=4096)
def render_markdown(text: str) -> str:
    """Return safe HTML for Markdown text written by a person."""
    html = _markdown.render(text or "")
    # Headings in user text start at h2: the page owns its h1.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


# Comments: emphasis and links only, each link marked as written by a visitor (nofollow ugc).
_comment_markdown = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
_comment_markdown.enable(["emphasis", "link", "autolink", "newline", "escape", "backticks"])
COMMENT_TAGS = {"a", "br", "code", "em", "p", "strong"}


@lru_cache(maxsize=4096)
def render_comment(text: str) -> str:
    """Return safe HTML for a comment: paragraphs, emphasis and links (rel nofollow ugc)."""
    return nh3.clean(
        _comment_markdown.render(text or ""),
        tags=COMMENT_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener noreferrer",
    )
