"""The language of a public page is in its address, and only there (issue 24).

English keeps today's addresses; each other language lives under its prefix (/es/…). The language is taken
from the path alone, never from a browser's Accept-Language or a cookie: one address is one page, so the page
cache, a CDN and the shared fragments may keep it without varying by anything a reader sends. It is set
before the page cache looks (a kept page's holes are filled in the page's language) and for the whole
response. The admin picks its own language inside (editorial.admin_language).
"""

from contextvars import ContextVar

from django.conf import settings
from django.utils import translation

# The language of the public page being served, from its address: content is shown in it
# (domain.translations). Unset outside a request (commands, the shell); LANGUAGE_CODE under /admin/,
# whatever the admin's own language.
page_language = ContextVar("page_language", default=None)


def language_of_path(path: str) -> str:
    """Return the language an address is in: a prefix's language, else LANGUAGE_CODE."""
    for code, _ in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE.split("-")[0] and (
            path == f"/{code}" or path.startswith(f"/{code}/")
        ):
            return code
    return settings.LANGUAGE_CODE


def without_language_prefix(path: str) -> str:
    """Return path without its language prefix: /es/safety/check/ -> /safety/check/."""
    language = language_of_path(path)
    if language == settings.LANGUAGE_CODE:
        return path
    return path[len(language) + 1 :] or "/"


class PathLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of_path(request.path_info)
        # override, not activate: the thread's next request may be in another language.
        token = page_language.set(language)
        try:
            with translation.override(language):
                request.LANGUAGE_CODE = language
                response = self.get_response(request)
                if not response.streaming:
                    response.headers.setdefault("Content-Language", language.split("-")[0])
        finally:
            page_language.reset(token)
        return response


def language_key() -> str:
    """What a cached value or block rendered now depends on: the interface's and the content's language."""
    return f"{translation.get_language()}|{page_language.get() or settings.LANGUAGE_CODE}"
