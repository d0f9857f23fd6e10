"""The name of the view that answers a request: one name for the request log and the metrics alike.

A page the page cache answers never reaches URL resolution (request.resolver_match is None), so its name is
then resolved from the path, and remembered per path within a bound: paths are as many as readers care to
type, names only as many as the URLconf has patterns, which keeps the metrics' labels few.
"""

import functools

from django.conf import settings
from django.urls import Resolver404, resolve


def view_name(request) -> str | None:
    """Return the view's name ("conditions:detail"), or None when no view answers the request's path.

    It is the view that ran, or for a request answered before any view (a page cache hit, a redirect to
    HTTPS) the view that answers its path.
    """
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match.view_name
    return _name_at(getattr(request, "urlconf", None) or settings.ROOT_URLCONF, request.path_info)


@functools.lru_cache(maxsize=1024)
def _name_at(urlconf, path_info: str) -> str | None:
    # resolve() walks the patterns (tens of µs); a hit on a popular page then costs a dictionary look-up.
    try:
        return resolve(path_info, urlconf).view_name
    except Resolver404:
        return None
