"""The admin in each staff member's language (issue 24): their browser's Accept-Language (or the language
cookie, when one is set) picks English or Spanish for every page under /admin/, staff sign-in included.

Only the admin: the public pages stay in LANGUAGE_CODE whatever a browser asks for, because the page cache
and the shared fragments are keyed without a language (a Spanish page cached under an English key would be
served to everyone). Django's LocaleMiddleware would choose a language for every request, so it is not used.
Admin pages are never cached, so they may vary.
"""

from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers


class AdminLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._prefix = None

    @property
    def prefix(self):
        # Read at the first request, when the URLconf is loaded: staff sign-in lives under it too.
        if self._prefix is None:
            self._prefix = reverse("admin:index")
        return self._prefix

    def __call__(self, request):
        if not request.path.startswith(self.prefix):
            return self.get_response(request)
        language = translation.get_language_from_request(request)
        # override, not activate: the language is the thread's, and the next request on this thread may be
        # a public page, which must be in LANGUAGE_CODE again.
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response
