"""Server-side cleaning of author-written HTML, shared by every app that stores rich text.

The allow-list matches what the admin editor (CKEditor 5) can produce, so cleaning never removes
anything an author made with the toolbar, and whatever else arrives (pasted markup, a hand-made POST)
is dropped before it is stored. Cleaning is idempotent: clean_html(clean_html(x)) == clean_html(x).
"""

import html as html_lib
import re

import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "a", "ul", "ol", "li", "blockquote", "hr", "code", "pre",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "figure", "figcaption", "img", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "ol": {"start", "reversed"},
}
# Only the layout classes CKEditor 5 itself writes; no author-chosen styling.
ALLOWED_CLASSES = {
    "figure": {"image", "table", "image-style-side", "image-style-align-left", "image-style-align-right"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(html: str) -> str:
    """Return html reduced to the editor's allow-list: no script, handlers, styles or unsafe URLs."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


IMAGE_TAG = re.compile(r"<img\b[^>]*>", re.I)
ATTRIBUTE = re.compile(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def images_without_alt(html: str) -> list[str]:
    """Return the file names of the images in html that have no alt text, quoted for a message."""
    missing = []
    for tag in IMAGE_TAG.findall(html or ""):
        attributes = {
            m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in ATTRIBUTE.finditer(tag)
        }
        if not html_lib.unescape(attributes.get("alt", "")).strip():
            name = html_lib.unescape(attributes.get("src", "")).rsplit("/", 1)[-1] or "without a file name"
            missing.append(f"“{name}”")
    return missing


BLOCK_BOUNDARY = re.compile(
    r"</?(?:p|h[1-6]|li|ul|ol|blockquote|tr|td|th|table|figure|figcaption|br|hr|div)\b", re.I
)


def html_to_text(html: str) -> str:
    """Return the readable text of html: tags removed, blocks kept apart by a space, whitespace collapsed."""
    spaced = BLOCK_BOUNDARY.sub(lambda match: " " + match.group(0), html or "")
    return html_lib.unescape(" ".join(nh3.clean(spaced, tags=set()).split()))


class RichTextMixin:
    """For models whose author-written HTML fields are declared with RichText: cleans them on every save."""

    rich_text_fields: tuple[str, ...] = ()

    def save(self, *args, **kwargs):
        self.clean_rich_text()
        super().save(*args, **kwargs)

    def clean_rich_text(self):
        for name in self.rich_text_fields:
            setattr(self, name, clean_html(getattr(self, name)))


class RichText:
    """`body_html = RichText("body")`: the body as HTML to render; RichTextMixin.save() keeps it clean."""

    def __init__(self, field_name: str):
        self.field_name = field_name

    def __set_name__(self, owner, name):
        owner.rich_text_fields = (*getattr(owner, "rich_text_fields", ()), self.field_name)

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        # Safe to render as-is: RichTextMixin.save() stored it through clean_html's allow-list.
        return mark_safe(getattr(instance, self.field_name))
