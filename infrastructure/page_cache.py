"""Whole pages for anonymous readers from the shared cache, and compression that can't leak a secret.

PageCacheMiddleware keeps the public pages that anonymous readers GET, each with the *tags* of what it shows
(infrastructure/cache_tags.py: the objects it loaded, the lists it shows) and their tokens. A save drops only
the pages that show what it changed, on every worker and server within PAGE_CACHE_GENERATION_SECONDS; a
sign-in, an autosave or a draft's edit drops none. Blocks many pages share (an article's related and recent
articles) are holes filled as the page is served (infrastructure/page_holes.py), so publishing one article
does not drop every article's page.

A page is kept only when nothing in it belongs to one reader: the request carries no session cookie, the
response sets no cookie, used no CSRF token, and asks for no private or no-store caching (previews send
never-cache headers). The pre-screen, the admin and a few machine paths are never cached at all. Publishing
by the clock (a scheduled article going live) changes no row, so a kept page also expires when the next
scheduled item goes public (`schedule()`), and the first request after it drops what that item changes.

After a change, one request renders a page (single flight: a short lock in the shared cache, for every
worker and server); the others meanwhile get the previous copy, for at most PAGE_CACHE_RENDER_LOCK_SECONDS.

What it keeps is bounded whatever anonymous readers send (issue 19). A page is kept under its scheme, host,
path and only the query parameters its view reads (infrastructure/query_parameters.py): `?utm_source=…` or any
made-up parameter finds the page without it. What a query can still vary (a search's words, `?page=007`) takes
one of the path's PAGE_CACHE_VARIANTS_PER_PATH places (`_may_keep_another`); past them the page is rendered
for each request and not kept. The count starts afresh after PAGE_CACHE_SECONDS.

Each kept page is stored plain and gzip-compressed, with a weak ETag: a hit is one cache read, no rendering,
and a conditional GET gets 304. Each worker also keeps the pages it served lately in its own memory
(LocalPages), checked against the tags' tokens it knows: a repeated hit then costs no round trip at all.
Public pages say `s-maxage` and `stale-while-revalidate` so that a shared proxy may hold them briefly, and
name their tags in `Cache-Tag` and `Surrogate-Key` so that a CDN can purge by tag; responses to readers with
a session are marked private.

SafeGZipMiddleware compresses the other responses, except (BREACH) any that carry a secret beside what a
reader typed: a CSRF token, a cookie, or the pre-screen's answers.
"""

import gzip
import hashlib
import math
import re
import threading
import time
import uuid
from collections import OrderedDict
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe

from . import cache as content_cache
from . import cache_tags, page_holes, spliced_gzip
from .query_parameters import cache_address, declared_for, keep_declared
from .url_language import without_language_prefix

ACCEPTS_GZIP = re.compile(r"\bgzip\b")
COMPRESSIBLE = ("text/", "application/xml", "application/rss+xml", "application/atom+xml", "application/json")
MIN_COMPRESS_BYTES = 200
# Set by the response, not stored: each serving adds its own.
UNSTORED_HEADERS = {"content-length", "content-encoding", "date", "etag", "cache-control", "vary"}
_schedules = []


def schedule(next_change, went_public):
    """Register content that goes public by the clock.

    next_change() -> the time (datetime or None) when content next goes public; went_public(since) -> {key:
    tags} for each item that went public after since (a datetime), the tags its going public changes.
    """
    _schedules.append((next_change, went_public))


def _next_scheduled_change() -> float:
    times = [
        when.timestamp() for when in (next_change() for next_change, _ in _schedules) if when is not None
    ]
    return min(times, default=math.inf)


def _clock_passed(since: float):
    """Drop what content that went public after since changes, once per item for every worker and server."""
    for _, went_public in _schedules:
        for key, tags in went_public(datetime.fromtimestamp(since, tz=UTC)).items():
            if cache.add(f"went-public:{key}", 1, settings.PAGE_CACHE_SECONDS):
                cache_tags.invalidate(tags)


def _excluded(path: str) -> bool:
    # In every language: /es/safety/check/ is the pre-screen as much as /safety/check/ is.
    path = without_language_prefix(path)
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
    """The pages one worker served lately, within a bound on their size; the caller checks their tags."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._entries = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, name: str):
        with self._lock:
            entry = self._entries.get(name)
            if entry is not None:
                self._entries.move_to_end(name)
            return entry

    def put(self, name: str, entry: dict):
        size = _size(entry)
        with self._lock:
            old = self._entries.pop(name, None)
            if old is not None:
                self._bytes -= _size(old)
            if size > self.max_bytes:
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
    return (
        len(entry["body"] or b"")
        + len(entry["gzip"] or b"")
        + sum(len(part) for part in entry.get("parts") or () if isinstance(part, bytes))
        + sum(len(piece) for piece in entry.get("zparts") or () if piece is not None)
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.local = LocalPages(settings.PAGE_CACHE_LOCAL_BYTES)

    def __call__(self, request):
        with content_cache.one_page():
            return self._respond(request)

    def _respond(self, request):
        if not settings.PAGE_CACHE or request.method not in ("GET", "HEAD") or _excluded(request.path):
            return self.get_response(request)
        if _has_session(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)  # never in a shared cache
            return response
        query = keep_declared(request, declared_for(request)) if request.META.get("QUERY_STRING") else ""
        name = hashlib.sha256(cache_address(request, query).encode()).hexdigest()
        entry, stale = self._kept(name)
        if entry is not None:
            request.page_cache = "hit"  # for the request log and metrics
            return self._serve(request, name, entry)
        return self._render(request, name, query, stale)

    def _kept(self, name):
        """Return (the kept page, if current; else None, and the kept page out of date, if any)."""
        entry = self.local.get(name)
        if entry is None or not cache_tags.still_current(entry["tags"]):
            shared = cache.get(f"page:{name}")
            if shared is None or not cache_tags.still_current(shared["tags"]):
                return None, shared or entry
            entry = shared
            self.local.put(name, entry)
        if time.time() >= entry["until"]:
            # Scheduled content went public: drop what it changes; a page it didn't change lives on.
            _clock_passed(entry["rendered_at"])
            if not cache_tags.still_current(entry["tags"]):
                return None, None  # not served stale: the clock says it is out of date
            entry = {**entry, "until": _until(), "rendered_at": time.time()}
            cache.set(f"page:{name}", entry, settings.PAGE_CACHE_SECONDS)
            self.local.put(name, entry)
        return entry, None

    def _render(self, request, name, query, stale):
        lock = f"page-render:{name}"
        locked = cache.add(lock, 1, settings.PAGE_CACHE_RENDER_LOCK_SECONDS)
        if not locked:
            entry, _ = self._kept(name)  # rendered by another request since we looked
            if entry is not None:
                request.page_cache = "hit"
                return self._serve(request, name, entry)
        if not locked and cache.get(lock) is not None:  # another request renders it (a down cache holds none)
            if stale is not None:
                request.page_cache = "stale"
                return self._serve(request, name, stale)
            entry = self._wait_for(name)
            if entry is not None:
                request.page_cache = "hit"
                return self._serve(request, name, entry)
        try:
            if locked:
                # Another request may have rendered it between our look and our lock: then it is served.
                entry, _ = self._kept(name)
                if entry is not None:
                    request.page_cache = "hit"
                    return self._serve(request, name, entry)
            return self._render_and_keep(request, name, query, replacing=stale is not None)
        finally:
            if locked:
                cache.delete(lock)

    def _wait_for(self, name):
        """Wait (a lock's life at most) for the page another request is rendering; None if it doesn't come."""
        deadline = time.monotonic() + settings.PAGE_CACHE_RENDER_LOCK_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.02)
            entry = cache.get(f"page:{name}")
            if entry is not None and cache_tags.still_current(entry["tags"]):
                return entry
        return None

    def _render_and_keep(self, request, name, query, replacing):
        request.page_cache = "miss"
        epoch = cache_tags.epoch()
        rendered_at = time.time()
        request.page_holes = True  # shared blocks become holes, filled as the page is served
        with cache_tags.collecting() as seen:
            response = self.get_response(request)
        parts = page_holes.split(response.content) if getattr(request, "page_holes_used", False) else None
        if (
            request.method != "GET"
            or response.status_code != 200
            or response.streaming
            or is_private(request, response)
        ):
            if parts is not None:
                response.content = page_holes.fill_parts(parts)[0]
            return response
        entry = self._entry(response, parts, cache_tags.tokens(seen), rendered_at)
        # Not kept if content changed while rendering: the next request renders it again.
        # A new copy of a page kept before takes no new place among the path's variants.
        if cache_tags.epoch() == epoch and (replacing or _may_keep_another(request.path, query)):
            cache.set(f"page:{name}", entry, settings.PAGE_CACHE_SECONDS)
            self.local.put(name, entry)
        return self._serve(request, name, entry)

    @staticmethod
    def _entry(response, parts, tags, rendered_at) -> dict:
        body = response.content if parts is None else None
        # Everything a hit sends but the body and its length, worked out once here rather than per hit.
        served = HttpResponse(
            headers={name: value for name, value in response.items() if name.lower() not in UNSTORED_HEADERS}
        )
        if response.has_header("Vary"):
            served["Vary"] = response["Vary"]
        _public_cache_control(served)
        _tag_headers(served, tags)
        entry = {
            "headers": dict(served.items()),
            "body": body,
            "parts": parts,
            "gzip": None,
            "etag": None,
            "compressible": response.get("Content-Type", "").startswith(COMPRESSIBLE),
            # The fixed parts of a page with holes, compressed once (infrastructure/spliced_gzip.py).
            "zparts": [spliced_gzip.piece(part) if isinstance(part, bytes) else None for part in parts]
            if parts is not None
            else None,
            "last_modified": _last_modified(response),
            "tags": tags,
            "version": uuid.uuid4().hex,
            "until": _until(),
            "rendered_at": rendered_at,
        }
        return _with_body(entry, body) if body is not None else entry

    def _serve(self, request, name, entry):
        if entry["parts"] is not None:
            entry = self._filled(name, entry)
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

    def _filled(self, name, entry):
        """Return the page with its holes filled, made once per change of what fills them (per worker).

        The fixed parts were compressed when the page was kept: only the fillings are compressed here.
        """
        parts = entry["parts"]
        fillings = {
            index: page_holes.fill(*part) for index, part in enumerate(parts) if not isinstance(part, bytes)
        }
        signature = ":".join([entry["version"], *(version for _, version in fillings.values())])
        filled = self.local.get("filled:" + name)
        if filled is not None and filled["signature"] == signature:
            return filled
        pieces = [
            part if index not in fillings else fillings[index][0].encode() for index, part in enumerate(parts)
        ]
        body = b"".join(pieces)
        compressed = None
        if entry["compressible"] and len(body) >= MIN_COMPRESS_BYTES:
            compressed = spliced_gzip.join(
                [entry["zparts"][index] if index not in fillings else spliced_gzip.piece(pieces[index])
                 for index in range(len(parts))],
                body,
            )  # fmt: skip
        etag = f'W/"{hashlib.sha256(signature.encode()).hexdigest()[:32]}"'  # names the version exactly
        filled = {
            **entry,
            "headers": {**entry["headers"], "ETag": etag},
            "body": body,
            "gzip": compressed,
            "etag": etag,
            "parts": None,
            "zparts": None,
            "signature": signature,
        }
        self.local.put("filled:" + name, filled)
        return filled


def _with_body(entry, body):
    compressible = entry["compressible"] and len(body) >= MIN_COMPRESS_BYTES
    etag = f'W/"{hashlib.sha256(body).hexdigest()[:32]}"'
    return {
        **entry,
        "headers": {**entry["headers"], "ETag": etag},
        "body": body,
        "gzip": gzip.compress(body, compresslevel=6, mtime=0) if compressible else None,
        "etag": etag,
    }


def _tag_headers(response, tags):
    """Name the page's tags for a CDN that purges by tag (Cloudflare's Cache-Tag, Fastly's Surrogate-Key)."""
    names = " ".join(sorted(tags))
    if len(names) <= settings.PAGE_CACHE_TAG_HEADER_BYTES:
        response["Cache-Tag"] = ",".join(sorted(tags))
        response["Surrogate-Key"] = names


def _until() -> float:
    return min(time.time() + settings.PAGE_CACHE_SECONDS, _cached_schedule())


def _may_keep_another(path: str, query: str) -> bool:
    """Take one of path's places for kept pages; False once they are all taken (until the count expires).

    Searches (`?q=` takes any words) and odd page numbers (`?page=007`) are each a page of their own: without
    a bound, anonymous requests could fill the cache. Pages with a query string and pages without (one per
    host name and scheme, normally one) have PAGE_CACHE_VARIANTS_PER_PATH places each, so that a flood of
    the first never keeps the plain page out. The count lives in the shared cache beside the pages, for every
    worker and server (on the file cache two workers may rarely both take the last place).
    """
    kind = "query" if query else "plain"
    counter = f"page-variants:{kind}:{hashlib.sha256(path.encode()).hexdigest()}"
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
    path = without_language_prefix(path)  # the Spanish pre-screen carries answers as the English one does
    return any(path.startswith(prefix) for prefix in settings.COMPRESSION_EXCLUDED_PATHS)
