"""Crisis and emergency numbers in authored text come from the site profile, never from the text itself.

Authors write `{crisis line}` or `{emergency number}`; pages, feeds and structured data fill them in as they
render authored text, with the number the profile holds now, so a change clinic staff make shows everywhere
at once and no page can show two numbers. Only authored text is filled: what a reader types (a search, a
form) is shown exactly as typed. The content check lists authored text that writes a number out instead.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeData, mark_safe

TOKENS = {"{crisis line}": "crisis_line", "{emergency number}": "emergency_number"}


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
