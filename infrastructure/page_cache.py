"""Whole pages for anonymous readers from the shared cache, and compression that can't leak a secret.

PageCacheMiddleware keeps the public pages that anonymous readers GET under the content *generation* of
infrastructure/cache.py: any save or delete anywhere starts a new one, for every worker and server, so a
change shows on the next request. A page is kept only when nothing in it belongs to one reader: the request
carries no session cookie, the response sets no cookie, used no CSRF token, and asks for no private or
no-store caching (previews send never-cache headers). The pre-screen, the admin and a few machine paths are
never cached at all. Publishing by the clock (a scheduled article going live) changes no row, so a kept
page also expires when the next scheduled item goes public (`schedule()`).

What it keeps is bounded whatever anonymous readers send (issue 19). A page is kept under its scheme, host,
path and only the query parameters its view reads (infrastructure/query_parameters.py): `?utm_source=…` or any
made-up parameter finds the page without it. What a query can still vary (a search's words, `?page=007`) takes
one of the path's PAGE_CACHE_VARIANTS_PER_PATH places per generation (`_may_keep_another`); past them the page
is rendered for each request and not kept. The count starts afresh after PAGE_CACHE_SECONDS, while pages of
the last count may still live: a path that answers 200 has at most 4 × that many pages kept per generation
(two kinds, two counts), whatever anonymous requests arrive.

Each kept page is stored plain and gzip-compressed, with a weak ETag: a hit is one cache read, no rendering,
and a conditional GET gets 304. Each worker also keeps the pages it served lately in its own memory
(LocalPages), for the generation it last read: a repeated hit then costs no round trip at all, and a new
generation empties it, so it is never staler than the generation itself. Public pages say `s-maxage` and
`stale-while-revalidate` so that a shared proxy may hold them briefly; responses to readers with a session
are marked private.

SafeGZipMiddleware compresses the other responses, except (BREACH) any that carry a secret beside what a
reader typed: a CSRF token, a cookie, or the pre-screen's answers.
"""

import gzip
import hashlib
import math
import re
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe

from . import cache as content_cache
from .query_parameters import cache_address, declared_for, keep_declared

ACCEPTS_GZIP = re.compile(r"\bgzip\b")
COMPRESSIBLE = ("text/", "application/xml", "application/rss+xml", "application/atom+xml", "application/json")
MIN_COMPRESS_BYTES = 200
# Set by the response, not stored: each serving adds its own.
UNSTORED_HEADERS = {"content-length", "content-encoding", "date", "etag", "cache-control", "vary"}
_schedules = []


def schedule(next_change):
    """Register next_change() -> the time (datetime or None) when content next goes public by the clock."""
    _schedules.append(next_change)


def _next_scheduled_change() -> float:
    times = [when.timestamp() for when in (next_change() for next_change in _schedules) if when is not None]
    return min(times, default=math.inf)


_seen = {"generation": "", "until": 0.0}


def current_generation() -> str:
    """Return the content generation, read from the shared cache at most every fraction of a second."""
    # Read from the shared cache at most every PAGE_CACHE_GENERATION_SECONDS per process: a hit is then
    # one round trip. A save in this process forgets it at once (forget_generation); other processes and
    # servers see the change within that fraction of a second.
    now = time.monotonic()
    if now >= _seen["until"]:
        _seen["generation"] = content_cache.generation()
        _seen["until"] = now + settings.PAGE_CACHE_GENERATION_SECONDS
    return _seen["generation"]


def _forget():
    _seen["until"] = 0.0


def forget_generation(**kwargs):
    _forget()
    transaction.on_commit(_forget)  # cache.invalidate() starts another generation then


def connect_signals():
    """Forget the remembered generation on every save or delete in this process (see _current_generation)."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(forget_generation, dispatch_uid=f"page-cache-forget-{id(signal)}")


def _excluded(path: str) -> bool:
    return any(path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PATHS)


def _has_session(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _public_cache_control(response):
    patch_cache_control(
        response,
        public=True,
        s_maxage=settings.PAGE_CACHE_SHARED_SECONDS,
        stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
    )
    patch_vary_headers(response, ["Accept-Encoding"])


def is_private(request, response) -> bool:
    """Return True if response holds anything of one reader's: a cookie, a CSRF token, private caching."""
    cache_control = response.get("Cache-Control", "").lower()
    return bool(
        response.cookies
        or response.has_header("Set-Cookie")
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


class LocalPages:
    """The pages one worker served lately, for one content generation, within a bound on their size."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._generation = None
        self._entries = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, generation: str, name: str):
        with self._lock:
            if generation != self._generation:
                return None
            entry = self._entries.get(name)
            if entry is not None:
                self._entries.move_to_end(name)
            return entry

    def put(self, generation: str, name: str, entry: dict):
        size = _size(entry)
        with self._lock:
            if generation != self._generation:
                # Every page of the old generation is out of date: none can be served again.
                self._entries.clear()
                self._bytes = 0
                self._generation = generation
            if size > self.max_bytes or name in self._entries:
                return
            self._entries[name] = entry
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, oldest = self._entries.popitem(last=False)
                self._bytes -= _size(oldest)

    @property
    def size(self) -> int:
        return self._bytes


def _size(entry: dict) -> int:
    return len(entry["body"]) + len(entry["gzip"] or b"")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.local = LocalPages(settings.PAGE_CACHE_LOCAL_BYTES)

    def __call__(self, request):
        if not settings.PAGE_CACHE or request.method not in ("GET", "HEAD") or _excluded(request.path):
            return self.get_response(request)
        if _has_session(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)  # never in a shared cache
            return response
        generation = current_generation()
        query = keep_declared(request, declared_for(request)) if request.META.get("QUERY_STRING") else ""
        name = hashlib.sha256(cache_address(request, query).encode()).hexdigest()
        key = f"page:{generation}:{name}"
        entry = self.local.get(generation, name)
        if entry is None:
            entry = cache.get(key)
            if entry is not None:
                self.local.put(generation, name, entry)
        if entry is not None:
            if time.time() < entry["until"]:
                request.page_cache = "hit"  # for the request log (infrastructure/request_log.py)
                return self._serve(request, entry)
            content_cache.invalidate("clock")  # scheduled content went public: a new generation for all
            _forget()
            return self.get_response(request)
        request.page_cache = "miss"
        response = self.get_response(request)
        if (
            request.method != "GET"
            or response.status_code != 200
            or response.streaming
            or is_private(request, response)
        ):
            return response
        entry = self._entry(response)
        # Not kept if content changed while rendering: the next request renders the new generation.
        if content_cache.generation() == generation and _may_keep_another(generation, request.path, query):
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
            self.local.put(generation, name, entry)
        return self._serve(request, entry)

    @staticmethod
    def _entry(response) -> dict:
        body = response.content
        compressible = (
            response.get("Content-Type", "").startswith(COMPRESSIBLE) and len(body) >= MIN_COMPRESS_BYTES
        )
        etag = f'W/"{hashlib.sha256(body).hexdigest()[:32]}"'
        # Everything a hit sends but the body and its length, worked out once here rather than per hit.
        served = HttpResponse(
            headers={name: value for name, value in response.items() if name.lower() not in UNSTORED_HEADERS}
        )
        if response.has_header("Vary"):
            served["Vary"] = response["Vary"]
        served["ETag"] = etag
        _public_cache_control(served)
        return {
            "headers": dict(served.items()),
            "body": body,
            "gzip": gzip.compress(body, compresslevel=6, mtime=0) if compressible else None,
            "etag": etag,
            "last_modified": _last_modified(response),
            "until": min(time.time() + settings.PAGE_CACHE_SECONDS, _cached_schedule()),
        }

    @staticmethod
    def _serve(request, entry):
        headers = entry["headers"]
        if "if-none-match" in request.headers or "if-modified-since" in request.headers:
            not_modified = get_conditional_response(
                request,
                etag=entry["etag"],
                last_modified=entry["last_modified"],
                response=HttpResponse(headers=headers),
            )
            if isinstance(not_modified, HttpResponseNotModified):
                return not_modified
        body = entry["body"]
        response = HttpResponse(headers=headers)
        if entry["gzip"] is not None and ACCEPTS_GZIP.search(request.headers.get("accept-encoding", "")):
            body = entry["gzip"]
            response["Content-Encoding"] = "gzip"
        response.content = b"" if request.method == "HEAD" else body
        response["Content-Length"] = str(len(body))
        return response


def _may_keep_another(generation: str, path: str, query: str) -> bool:
    """Take one of path's places for kept pages in this generation; False once they are all taken.

    Searches (`?q=` takes any words) and odd page numbers (`?page=007`) are each a page of their own: without
    a bound, anonymous requests could fill the cache. Pages with a query string and pages without (one per
    host name and scheme, normally one) have PAGE_CACHE_VARIANTS_PER_PATH places each, so that a flood of
    the first never keeps the plain page out. The count lives in the shared cache beside the pages, for every
    worker and server (on the file cache two workers may rarely both take the last place).
    """
    kind = "query" if query else "plain"
    counter = f"page-variants:{generation}:{kind}:{hashlib.sha256(path.encode()).hexdigest()}"
    cache.add(counter, 0, settings.PAGE_CACHE_SECONDS)
    try:
        return cache.incr(counter) <= settings.PAGE_CACHE_VARIANTS_PER_PATH
    except ValueError:  # the cache is unavailable, or the count expired just now: keep nothing this time
        return False


def _last_modified(response):
    value = response.get("Last-Modified")
    return parse_http_date_safe(value) if value else None


def _cached_schedule() -> float:
    # One query per content generation, not per page.
    return content_cache.get_or_compute("next-scheduled-change", _next_scheduled_change)


class SafeGZipMiddleware(GZipMiddleware):
    """Django's gzip, minus responses where compression could reveal a secret (BREACH) or is refused."""

    def process_response(self, request, response):
        if (
            request.method not in ("GET", "HEAD")
            or _excluded_from_compression(request.path)
            or is_private(request, response)
            or "no-transform" in response.get("Cache-Control", "")
        ):
            return response
        return super().process_response(request, response)


def _excluded_from_compression(path: str) -> bool:
    return any(path.startswith(prefix) for prefix in settings.COMPRESSION_EXCLUDED_PATHS)
