"""Limits on what the public may send."""

import re

from django.conf import settings
from django.http import Http404, QueryDict
from django.shortcuts import render
from django.urls import reverse

from .site_paths import has_control_characters

NUL_IN_QUERY = re.compile(r"%00|\x00")  # encoded, as browsers send it, or raw


class PublicPostLimitMiddleware:
    """Refuse public POST bodies larger than any public form needs, before Django reads them.

    The admin keeps Django's own, larger limits: its forms carry articles and image uploads.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and not request.path.startswith(reverse("admin:index")):
            try:
                length = int(request.headers.get("content-length") or 0)
            except ValueError:
                length = 0
            if length > settings.PUBLIC_POST_MAX_BYTES:
                meta = {
                    "title": "That was more than this form takes",
                    "description": "The form sent more data than it accepts; load it again and resend it.",
                }
                return render(request, "413.html", {"meta": meta}, status=413)
        return self.get_response(request)


class ControlCharactersMiddleware:
    """Keep NUL and other control characters in an address away from views and the database.

    A path holding one answers the site's 404 at once: no page has such an address, and looking it up
    (a slug, the redirect lookup after a 404) would send it to the database, where PostgreSQL refuses NUL
    with an error. NUL is dropped from the query string, so a page answers as it would without it (search
    already ignores control characters; admin filters and autocomplete would otherwise fail on PostgreSQL).
    NUL is dropped from request headers too: the sign-in lockout stores the User-Agent.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_characters(request.path):
            raise Http404("No page has an address with control characters.")
        query = request.META.get("QUERY_STRING", "")
        if NUL_IN_QUERY.search(query):
            request.META["QUERY_STRING"] = NUL_IN_QUERY.sub("", query)
            request.GET = QueryDict(request.META["QUERY_STRING"], encoding=request.encoding)
        for name, value in list(request.META.items()):
            if name.startswith("HTTP_") and isinstance(value, str) and "\x00" in value:
                request.META[name] = value.replace("\x00", "")
        return self.get_response(request)
