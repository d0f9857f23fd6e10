"""Figures a patient reads (a percentage, a dose, a count, a duration), and whether a citation stands by.

Rich text (article, condition and route bodies) is checked per sentence: a sentence that states a figure
must carry a numbered citation such as [2]. Short structured text (a contraindication's explanation, an
interaction, a key fact, a route's facts) shows its sources right beside it, so the item needs at least one.
"""

import re

from .readability import sentences
from .richtext import html_to_text

UNITS = (
    r"%|percent|mg/kg|mg|mcg|ml|kg|seconds?|minutes?|hours?|days?|weeks?|months?|years?|"
    r"people|patients|participants|adults|veterans|studies|trials|sessions|infusions|doses?|devices?"
)
NUMBER_WORDS = r"\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|a third|a fifth|half"
# A number (in digits) with a unit or a count noun after it, or "N of the M", or "N% ".
FIGURE = re.compile(
    rf"\b\d+(?:[.,]\d+)?(?:\s*(?:to|-|–|or|and)\s*\d+(?:[.,]\d+)?)?\s*(?:{UNITS})\b|\b\d+(?:\.\d+)?\s*%"
    rf"|\b\d+ of (?:the )?\d+\b",
    re.IGNORECASE,
)
CITATION_MARK = re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]")


def figures(text):
    """Return the figures text states, e.g. ['55%', '6 infusions']."""
    return [match.group(0) for match in FIGURE.finditer(text or "")]


def unsourced_sentences(html):
    """Return (sentence, figures) for each sentence of html that states a figure without a [n] citation."""
    found = []
    for sentence in sentences(html_to_text(html)):
        stated = figures(sentence)
        if stated and not CITATION_MARK.search(sentence):
            found.append((sentence.strip(), stated))
    return found


def unsourced_fields(item, field_names, has_sources):
    """Return (field, text, figures) for the item's short fields that state a figure when it cites nothing."""
    if has_sources:
        return []
    found = []
    for name in field_names:
        text = str(getattr(item, name) or "")
        stated = figures(text)
        if stated:
            found.append((name, text, stated))
    return found
