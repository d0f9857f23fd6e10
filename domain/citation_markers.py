"""Citation markers ("[1]", "[2, 3]", "[1–3]") point at an item's numbered sources on its own page.

Where the sources are not beside the text (a meta description, a search engine's snippet, an article card)
a marker points at nothing, so it is left out there.
"""

import re

MARKERS = re.compile(r"\s*\[\d+(?:\s*[,–-]\s*\d+)*\]")


def without_markers(text: str) -> str:
    """Return text with its citation markers left out."""
    return MARKERS.sub("", text) if text else text
