"""Page addresses of slugged content, reversed once per slug: a list or article page links dozens of them."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


@functools.lru_cache(maxsize=4096)
def _reverse(urlconf, script_prefix, language, viewname, slug):
    return reverse(viewname, urlconf=urlconf, kwargs={"slug": slug})


def slug_url(viewname: str, slug: str) -> str:
    """Return reverse(viewname, kwargs={"slug": slug}), remembered per URLconf, script prefix and language."""
    # reverse() costs ~40 µs; the answer depends on nothing else (the language gives readers' pages their
    # prefix, /es/…), so a page's repeated links are free.
    return _reverse(
        get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), get_language(), viewname, slug
    )
