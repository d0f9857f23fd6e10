"""Blocks that many pages share, kept out of each cached page and filled in as the page is served.

An article page shows "Related articles" and "Recent articles": publishing any article changes those lists,
and so, were they part of each page, every article page. Instead the page marks a *hole* where the block goes
(`hole()`); the page cache keeps the page with its holes and fills them as it serves it (`fill_parts`), from
fragments rendered once per change for the whole site (`shared_fragment`). Publishing one article then
re-renders the fragments, not 10,000 pages.

Outside the page cache (staff, a preview, the cache turned off) `hole()` renders the block in place, from the
same fragments. A marker carries a secret made per process, so authored text can never forge one.
"""

import base64
import json
import re
import secrets
import threading
import uuid
from collections import OrderedDict

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from . import cache_tags
from .url_language import language_key

NONCE = secrets.token_hex(8)
MARKER = re.compile(rb"<!--hole:" + NONCE.encode() + rb":([\w.-]+):([A-Za-z0-9+/=]*)-->")
FRAGMENT_TIMEOUT = 10 * 60

_fillers = {}


def register(name: str, fill):
    """Register fill(params) -> HTML for the holes called name."""
    _fillers[name] = fill


def hole(request, name: str, params: dict) -> SafeString:
    """Return a marker for the page cache to fill as it serves the page, or the block itself."""
    if request is not None and getattr(request, "page_holes", False):
        encoded = base64.b64encode(json.dumps(params, sort_keys=True).encode()).decode()
        request.page_holes_used = True
        return mark_safe(f"<!--hole:{NONCE}:{name}:{encoded}-->")
    html, _ = fill(name, params)
    return mark_safe(html)


def split(body: bytes):
    """Return body as [bytes, (name, params), bytes, …], or None when it has no hole."""
    parts, position = [], 0
    for match in MARKER.finditer(body):
        parts.append(body[position : match.start()])
        parts.append((match[1].decode(), json.loads(base64.b64decode(match[2]))))
        position = match.end()
    if not parts:
        return None
    parts.append(body[position:])
    return parts


def fill_parts(parts) -> tuple[bytes, str]:
    """Return the page with its holes filled, and a signature that changes whenever a filling does."""
    pieces, versions = [], []
    for part in parts:
        if isinstance(part, bytes):
            pieces.append(part)
        else:
            html, version = fill(*part)
            pieces.append(html.encode())
            versions.append(version)
    return b"".join(pieces), "|".join(versions)


class _Memory:
    """A bounded, least-recently-used map of this process's fillings and fragments."""

    def __init__(self, size):
        self.size = size
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()


_fillings = _Memory(2048)
_fragments = _Memory(256)


def fill(name: str, params: dict) -> tuple[str, str]:
    """Return (HTML, version) of one hole, from this process's memory while what it shows is unchanged."""
    # The page's language: a hole is filled in it, whatever language the page that last filled it was in.
    key = f"{language_key()}:{name}" + json.dumps(params, sort_keys=True)
    entry = _fillings.get(key)
    if entry is None or not cache_tags.still_current(entry["tags"]):
        with cache_tags.collecting() as seen:
            html = _fillers[name](params)
        entry = {"html": html, "tags": cache_tags.tokens(seen), "version": uuid.uuid4().hex}
        _fillings.put(key, entry)
    cache_tags.shows(*entry["tags"])
    return entry["html"], entry["version"]


def shared_fragment(key: str, compute):
    """Return compute()'s value, rendered once per change for every worker and server (shared cache)."""
    key = f"{language_key()}:{key}"  # rendered in the page's language
    entry = _fragments.get(key)
    if entry is None or not cache_tags.still_current(entry["tags"]):
        entry = cache.get(f"fragment:{key}")
        if entry is None or not cache_tags.still_current(entry["tags"]):
            epoch = cache_tags.epoch()
            with cache_tags.collecting() as seen:
                value = compute()
            entry = {"value": value, "tags": cache_tags.tokens(seen)}
            if cache_tags.epoch() == epoch:  # not kept if something changed while it rendered
                cache.set(f"fragment:{key}", entry, FRAGMENT_TIMEOUT)
        _fragments.put(key, entry)
    cache_tags.shows(*entry["tags"])
    return entry["value"]
