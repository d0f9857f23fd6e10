"""Crisis and emergency numbers and facts held once enter authored text as it renders, never from the text.

Authors write `{crisis line}` or `{emergency number}`; pages, feeds and structured data fill them in as they
render authored text, with the number the profile holds now, so a change clinic staff make shows everywhere
at once and no page can show two numbers. Only authored text is filled: what a reader types (a search, a
form) is shown exactly as typed. The content check lists authored text that writes a number out instead.
A fact several pages state (KeyFact with a key) is written `{fact:key}` and filled the same way.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeData, mark_safe

TOKENS = {"{crisis line}": "crisis_line", "{emergency number}": "emergency_number"}
# {fact:key}: a clinical fact or rule held once (KeyFact), written into every page that states it;
# {fact:key:figure}: only its figure ("24 hours"), for a sentence that needs the number, not the rule.
FACT_TOKEN = re.compile(r"\{fact:([a-z0-9][a-z0-9-]*)(:figure)?\}")


def _fact(match, facts, is_html):
    key, figure_only = match.groups()
    if key not in facts:
        return match.group(0)  # the content check names a token no fact has
    text, figure = facts[key]
    chosen = figure if figure_only else text
    return escape(chosen) if is_html else chosen


def fill(text, profile):
    """Return authored text with every token replaced by the profile's number.

    HTML already made safe (a cleaned rich-text body) stays safe, with the number escaped into it; plain
    text stays plain, for its template or serializer to escape.
    """
    if not isinstance(text, str) or "{" not in text:
        return text
    is_html = isinstance(text, SafeData)
    filled = str(text)
    for token, field in TOKENS.items():
        number = getattr(profile, field)
        filled = filled.replace(token, escape(number) if is_html else number)
    if "{fact:" in filled:  # read the facts only for text that names one
        facts = getattr(profile, "facts", {})
        filled = FACT_TOKEN.sub(lambda match: _fact(match, facts, is_html), filled)
    # Safe: text was safe HTML, and all that changed is tokens replaced by escaped numbers.
    return mark_safe(filled) if is_html else filled


def fill_all(data, profile):
    """Return data (text, or lists and dicts of it: a page's meta, its structured data) with tokens filled."""
    if isinstance(data, dict):
        return {key: fill_all(value, profile) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return type(data)(fill_all(value, profile) for value in data)
    return fill(data, profile)


def literal_numbers(text, profile):
    """Return the crisis or emergency numbers that text writes out instead of using a token."""
    numbers = {getattr(profile, field) for field in TOKENS.values()} - {""}
    return sorted(
        number for number in numbers if re.search(rf"(?<![\w/.]){re.escape(number)}(?![\w/])", text or "")
    )
