"""Citation markers ("[1]", "[2, 3]", "[1–3]") point at an item's numbered sources on its own page.

On the item's page each number in a marker links to its reference ("#ref-condition-3"), so a reader on a
phone reaches the source with one tap and the browser's back button returns them to the sentence. Where the
sources are not beside the text (a meta description, a search engine's snippet, an article card) a marker
points at nothing, so it is left out there.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MARKER = re.compile(r"\[(\d+(?:\s*[,–-]\s*\d+)*)\]")
MARKERS = re.compile(r"\s*" + MARKER.pattern)
NUMBER = re.compile(r"\d+")
RANGE = re.compile(r"(\d+)\s*[–-]\s*(\d+)")
# Stored rich text is cleaned to an allow-list (domain.richtext), so a tag is "<…>" with no ">" inside.
TAG = re.compile(r"(<[^>]*>)")
LINK_OPEN, LINK_CLOSE = re.compile(r"<a[\s>]", re.IGNORECASE), re.compile(r"</a\s*>", re.IGNORECASE)


def without_markers(text: str) -> str:
    """Return text with its citation markers left out."""
    return MARKERS.sub("", text) if text else text


def cited_numbers(text: str) -> set[int]:
    """Return every source number text's markers name, ranges included: "[2–4]" names 2, 3 and 4."""
    numbers = set()
    for marker in MARKER.finditer(text or ""):
        inside = marker.group(1)
        for first, last in RANGE.findall(inside):
            numbers.update(range(int(first), int(last) + 1))
        numbers.update(int(number) for number in NUMBER.findall(RANGE.sub("", inside)))
    return numbers


def _linked(marker: re.Match, anchor_prefix: str) -> str:
    def link(number: re.Match) -> str:
        digits = number.group(0)
        anchor = escape(f"{anchor_prefix}{digits}")
        return f'<a class="cite" href="#{anchor}" aria-label="Reference {digits}">{digits}</a>'

    return "[" + NUMBER.sub(link, marker.group(1)) + "]"


def linked_markers(html: str, anchor_prefix: str) -> SafeString:
    """Return cleaned rich text with each number of its markers linked to `#{anchor_prefix}{number}`.

    Only text is touched: never a tag's attributes, nor text already inside a link. Text not marked safe is
    escaped first.
    """
    if not isinstance(html, SafeString):
        html = escape(html or "")
    pieces, inside_link = [], 0
    for piece in TAG.split(html or ""):
        if piece.startswith("<"):
            inside_link += 1 if LINK_OPEN.match(piece) else -1 if LINK_CLOSE.match(piece) else 0
        elif not inside_link:
            piece = MARKER.sub(lambda marker: _linked(marker, anchor_prefix), piece)
        pieces.append(piece)
    return mark_safe("".join(pieces))  # the input was safe; only links to digits are added
