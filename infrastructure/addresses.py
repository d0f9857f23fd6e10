"""Page addresses of slugged content, reversed once per slug: a list or article page links dozens of them."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


@functools.lru_cache(maxsize=4096)
def _reverse(urlconf, script_prefix, viewname, slug):
    return reverse(viewname, urlconf=urlconf, kwargs={"slug": slug})


def slug_url(viewname: str, slug: str) -> str:
    """Return reverse(viewname, kwargs={"slug": slug}), remembered per URLconf and script prefix."""
    # reverse() costs ~40 µs; the answer depends on nothing else, so a page's repeated links are free.
    return _reverse(get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), viewname, slug)
