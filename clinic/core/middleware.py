"""Limits on what the public may send."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse


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
