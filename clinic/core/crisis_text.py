"""Crisis and emergency numbers in authored text come from the site profile, never from the text itself.

Authors write `{crisis line}` or `{emergency number}`; every public response (page, feed, structured data)
gets the number the profile holds now, so a change clinic staff make shows everywhere at once and no page
can show two numbers. The content check lists authored text that writes a number out instead.
"""

import re

from django.urls import reverse
from django.utils.html import escape

TOKENS = {"{crisis line}": "crisis_line", "{emergency number}": "emergency_number"}
# Only text responses carry authored words; images and downloads pass untouched.
TEXT_TYPES = ("text/html", "application/xml", "text/xml", "application/rss+xml", "application/atom+xml")


def fill(content: bytes, profile) -> bytes:
    """Return content with every token replaced by the profile's number."""
    for token, field in TOKENS.items():
        token_bytes = token.encode()
        if token_bytes in content:
            content = content.replace(token_bytes, escape(getattr(profile, field)).encode())
    return content


def literal_numbers(text, profile):
    """Return the crisis or emergency numbers that text writes out instead of using a token."""
    numbers = {getattr(profile, field) for field in TOKENS.values()} - {""}
    return sorted(
        number for number in numbers if re.search(rf"(?<![\w/.]){re.escape(number)}(?![\w/])", text or "")
    )


class CrisisTokenMiddleware:
    """Fill the tokens in every public text response, before the page cache keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or request.path.startswith(reverse("admin:index"))  # staff edit the tokens themselves
            or not response.get("Content-Type", "").startswith(TEXT_TYPES)
            or b"{" not in response.content
        ):
            return response
        from .models import SiteProfile

        filled = fill(response.content, SiteProfile.objects.for_request(request))
        if filled != response.content:
            response.content = filled
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(filled))
        return response
