"""Doses stated in text, checked against the treatment routes' numeric dose ranges.

Used by the admin when an article or condition is saved: a sentence that gives a dose for a route outside
that route's range is named in a warning (never a block: the editor may be describing a trial on purpose).
"""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from domain.richtext import html_to_text

# Words that tie a sentence to a route, by the route's schema.org route of administration.
ROUTE_WORDS = {
    "intravenous": ("iv ", "intravenous", "infusion"),
    "intranasal": ("nasal", "esketamine", "spravato"),
    "sublingual": ("sublingual", "oral", "troche", "lozenge", "by mouth"),
    "oral": ("sublingual", "oral", "troche", "lozenge", "by mouth"),
    "intramuscular": ("intramuscular", " im ", "injection"),
}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")
DOSE = re.compile(
    r"(?P<low>\d+(?:\.\d+)?)(?:\s*(?:to|-|–|or|and)\s*(?P<high>\d+(?:\.\d+)?))?\s*(?P<unit>mg)\b"
    r"(?P<per_kg>\s*(?:/\s*kg|per\s+(?:kilogram|kg)))?",
    re.IGNORECASE,
)


def sentences(html):
    """Return the readable sentences of html."""
    return [part.strip() for part in SENTENCE_END.split(html_to_text(html)) if part.strip()]


def routes_named(sentence, routes):
    padded = f" {sentence.lower()} "
    return [
        route for route in routes
        if any(word in padded for word in ROUTE_WORDS.get(route.route_of_administration, ()))
        or route.short_name.lower() in padded
    ]  # fmt: skip


def dose_warnings(html, routes, default_routes=()):
    """Return warnings, one per sentence of html giving a dose outside the range of the route it names.

    A sentence naming no route is checked against default_routes (e.g. a condition's one route).
    """
    routes = list(routes)
    warnings = []
    for sentence in sentences(html):
        doses = list(DOSE.finditer(sentence))
        if not doses:
            continue
        named = routes_named(sentence, routes) or list(default_routes)
        for route in named:
            outside = [
                match.group(0)
                for match in doses
                for amount in filter(None, (match.group("low"), match.group("high")))
                if not route.dose_in_range(Decimal(amount), "mg", bool(match.group("per_kg")))
            ]
            if outside:
                warnings.append(
                    _(
                        "“%(sentence)s” gives %(doses)s for %(route)s, outside its usual range of %(range)s. "
                        "Check the sentence or the route's dose facts."
                    )
                    % {
                        "sentence": sentence,
                        "doses": ", ".join(dict.fromkeys(outside)),
                        "route": route.name,
                        "range": route.dose_display,
                    }
                )
    return warnings
