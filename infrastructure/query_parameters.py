"""The query parameters a page reads: the caches keep one copy of a page per value of those, and no more.

Anything else in a query string (utm_source, fbclid, a made-up name) changes nothing on a page, yet made
another copy of it in the cache, one per value (issue 19). So each view declares what it reads: a class-based
view as `query_parameters = ("q",)`, a function as an attribute of the same name (cache_per_generation sets
it); a paginated ListView reads its `page_kwarg` without saying so. The caches build their keys from the
declared parameters alone, sorted by name, and hand the view a request.GET holding only those, so the page
they keep is exactly the page of its key: an undeclared parameter never reaches a kept page, not even through
a pagination link that keeps "the other parameters". The raw query string (and so get_full_path() and the
redirects built from it) is left as sent.
"""

from django.http import QueryDict
from django.urls import Resolver404, resolve
from django.utils.encoding import escape_uri_path


def declared_by(view) -> frozenset:
    """Return the query parameters view (a URL pattern's callable) reads."""
    view_class = getattr(view, "view_class", None)
    if view_class is None:
        return frozenset(getattr(view, "query_parameters", ()))
    names = set(getattr(view_class, "query_parameters", ()))
    if getattr(view_class, "paginate_by", None):
        names.add(view_class.page_kwarg)
    return frozenset(names)


def declared_for(request) -> frozenset:
    """Return the query parameters the view at request's path reads (none for a path no view answers)."""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return frozenset()
    return declared_by(match.func)


def keep_declared(request, names) -> str:
    """Leave only the parameters in names in request.GET, and return them as a query string sorted by name.

    A name's values keep the order they were sent in: a view reading the last one must not get another.
    """
    kept = QueryDict(mutable=True)
    for name in sorted(names):
        if name in request.GET:
            kept.setlist(name, request.GET.getlist(name))
    query = kept.urlencode()
    request.GET = QueryDict(query, encoding=request.encoding)  # read-only, as Django's own
    return query


def cache_address(request, query: str) -> str:
    """Return the address a cache keeps request's page under: scheme, host, path and the kept query."""
    address = f"{request.scheme}://{request.get_host()}{escape_uri_path(request.path)}"
    return f"{address}?{query}" if query else address
