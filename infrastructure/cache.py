"""The site's cache: shared by every worker and server, invalidated by a generation key, safe to lose.

Everything cached from the database is stored under the current *generation* of the models it depends on,
random tokens kept in the cache itself. Any save or delete of a model sets a new token for it and for all
content (at once, and again when
the transaction commits, so a reader that fetched the old row mid-transaction can't keep it alive), and
every worker on every server reads the new token on its next request: entries of the old generation are
never read again and expire by themselves.

The backends below wrap Django's file cache and django-redis's Redis cache: a cache error is logged and
answered as a miss, so a Redis outage serves pages from the database instead of failing them. A worker that
lost a write while the cache was down clears the cache when it answers again, so nothing stale survives the
outage.
"""

import contextlib
import functools
import hashlib
import logging
import os
import tempfile
import threading
import time
import uuid
from contextvars import ContextVar

from django.apps import apps
from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.http import HttpResponse
from django_redis.cache import RedisCache

from . import cache_tags, metrics
from .query_parameters import cache_address, keep_declared
from .url_language import language_key

logger = logging.getLogger(__name__)

GENERATION_KEY = "content-generation"
# Entries outlive a change only in the rare case below (a lost invalidation): bound them all the same.
GENERATION_TIMEOUT = 24 * 60 * 60
CONTENT_TIMEOUT = 5 * 60

# Saves that change nothing a reader sees; each of them would otherwise empty the content cache.
UNRELATED_APPS = {"sessions", "admin", "thumbnail", "axes", "otp_static", "otp_totp"}


class ResilientCacheMixin:
    """Answer a cache error as a miss (reads) or a no-op (writes), log it, and pause the cache briefly.

    While paused (`pause_seconds` after an error) the backend doesn't try the server at all, so a cache that
    hangs costs one timeout per worker, not one per lookup.
    """

    pause_seconds = 1.0
    # Every cache operation a page or a decorator can call; each returns its safe answer on failure.
    _misses = {
        "get": lambda args, kwargs: kwargs.get("default", args[1] if len(args) > 1 else None),
        "get_many": lambda args, kwargs: {},
        "has_key": lambda args, kwargs: False,
        "add": lambda args, kwargs: False,
        "set": lambda args, kwargs: False,
        "touch": lambda args, kwargs: False,
        "delete": lambda args, kwargs: False,
        "set_many": lambda args, kwargs: list(args[0]) if args else [],
        "delete_many": lambda args, kwargs: None,
        "clear": lambda args, kwargs: False,
    }
    _writes = {"add", "set", "touch", "delete", "set_many", "delete_many", "clear", "incr"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._paused_until = 0.0
        self._lost_write = False
        self._lock = threading.Lock()

    def _safely(self, operation, *args, **kwargs):
        method = getattr(self, "_atomic_add", None) if operation == "add" else None
        method = method or getattr(super(), operation)
        if time.monotonic() < self._paused_until:
            return self._fail(operation, args, kwargs, None)
        try:
            if self._lost_write and operation != "clear":
                self._recover()
            return method(*args, **kwargs)
        except Exception as error:  # redis-py's errors share no base class with Django's or OSError
            return self._fail(operation, args, kwargs, error)

    def _fail(self, operation, args, kwargs, error):
        if operation in self._writes:
            self._lost_write = True  # an invalidation may be among them: clear once the cache is back
        if error is not None:
            self._paused_until = time.monotonic() + self.pause_seconds
            metrics.count_cache_error(operation, error)
            logger.warning("Cache unavailable (%s: %s); serving from the database", operation, error)
        if operation == "incr":
            raise ValueError("The cache is unavailable.")
        return self._misses[operation](args, kwargs)

    def _recover(self):
        with self._lock:
            if self._lost_write:
                super().clear()
                self._lost_write = False
                logger.warning("Cache answers again; cleared it, as a change may have been missed meanwhile")

    def get(self, *args, **kwargs):
        return self._safely("get", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._safely("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._safely("has_key", *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._safely("add", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._safely("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._safely("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._safely("delete", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._safely("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._safely("delete_many", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._safely("incr", *args, **kwargs)

    def clear(self):
        result = self._safely("clear")
        if result is not False:
            self._lost_write = False
        return result


class ResilientRedisCache(ResilientCacheMixin, RedisCache):
    """django-redis's cache that logs and serves around an outage instead of raising.

    django-redis keeps one redis.Redis per server over a shared connection pool, so no call builds a client
    (issue 12). Its own IGNORE_EXCEPTIONS must stay off: it answers a miss without letting the mixin know, so
    a hung Redis would cost a timeout per lookup and an invalidation lost in an outage would leave stale
    pages behind (issue 20).
    """


class ResilientFileBasedCache(ResilientCacheMixin, FileBasedCache):
    """Django's file cache, shared by every worker of one machine, logging a disk error instead of raising.

    Its add() is atomic, as Redis's is: the page cache's render lock relies on one process winning it.
    """

    def _atomic_add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's own add() checks, then writes: two processes can both win. A hard link to the finished
        # file fails if the name exists, so exactly one does; an expired entry is removed and tried again.
        self._createdir()
        fname = self._key_to_file(key, version)
        fd, tmp_path = tempfile.mkstemp(dir=self._dir)
        try:
            with open(fd, "wb") as f:
                self._write_content(f, timeout, value)
            for _ in range(2):
                try:
                    os.link(tmp_path, fname)
                    return True
                except FileExistsError:
                    if self.has_key(key, version):
                        return False
                    with contextlib.suppress(FileNotFoundError):
                        os.remove(fname)  # expired: has_key() may already have removed it
            return False
        finally:
            os.remove(tmp_path)


ALL_CONTENT = "*"


def generation(*labels: str) -> str:
    """Return the current generation of the given models ("app_label.model"), or of all content."""
    labels = labels or (ALL_CONTENT,)
    found = generations(labels)
    return "-".join(found[label] for label in labels)


def generations(labels) -> dict[str, str]:
    """Return {label: its current generation} for models ("app_label.model"), in one cache read."""
    keys = {label: f"{GENERATION_KEY}:{label}" for label in labels}
    found = cache.get_many(list(keys.values()))
    tokens = {}
    for label, key in keys.items():
        token = found.get(key)
        if token is None:
            token = uuid.uuid4().hex
            if not cache.add(key, token, GENERATION_TIMEOUT):
                token = cache.get(key) or token  # another worker started it first
        tokens[label] = token
    return tokens


# Inside a page being served: the generations read for it so far (page_generations()).
_page_generations = ContextVar("page_generations", default=None)


@contextlib.contextmanager
def one_page():
    """Serve one page inside: page_generations() reads each model's generation once for it."""
    token = _page_generations.set({})
    try:
        yield
    finally:
        _page_generations.reset(token)


def page_generations(labels) -> dict[str, str]:
    """Return {label: generation} as read once for the page being served (now, outside one).

    For what a page shows as of one moment (the translations each process holds), read dozens of times a
    page; never for deciding whether to keep what was rendered, which must see a change made meanwhile.
    """
    seen = _page_generations.get()
    if seen is None:
        return generations(labels)
    missing = [label for label in labels if label not in seen]
    if missing:
        seen.update(generations(missing))
    return {label: seen[label] for label in labels}


def _new_generation(labels):
    cache.set_many({f"{GENERATION_KEY}:{label}": uuid.uuid4().hex for label in labels}, GENERATION_TIMEOUT)
    if (seen := _page_generations.get()) is not None:  # a request that writes reads the new ones after
        for label in labels:
            seen.pop(label, None)


def invalidate(label: str):
    """Start a new generation of one model and of all content, now and again once the transaction commits."""
    labels = (label, ALL_CONTENT)
    _new_generation(labels)
    transaction.on_commit(lambda: _new_generation(labels))


def get_or_compute(name: str, compute, depends_on=(), timeout=CONTENT_TIMEOUT):
    """Return the value cached as name, computing and storing it on a miss.

    The entry is dropped (for every worker and server) when a model in depends_on changes, or any content
    when depends_on is empty. What the value shows counts for the page using it, hit or miss (cache_tags).
    """
    current = generation(*depends_on)
    name = f"{language_key()}:{name}"  # values may hold text in the page's language
    entry = cache.get(f"values:{current}:{name}")
    if entry is None:
        with cache_tags.collecting() as seen:
            value = compute()
            if (latest := generation(*depends_on)) != current:
                current, value = (
                    latest,
                    compute(),
                )  # computing changed it (e.g. created the row): read it again
        entry = (value, sorted(seen))
        cache.set(f"values:{current}:{name}", entry, timeout)
    value, tags = entry
    cache_tags.shows(*tags)
    return value


def cache_per_generation(timeout=CONTENT_TIMEOUT, query_parameters=()):
    """Cache a GET view's 200 responses until the content changes (or timeout seconds pass).

    Unlike cache_page, a change anywhere is seen at once, and no max-age is sent to browsers. One copy is kept
    per value of the query parameters the view reads (query_parameters), whatever else the address holds.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            query = keep_declared(request, wrapped.query_parameters)
            name = "view:" + hashlib.sha256(cache_address(request, query).encode()).hexdigest()
            current = generation()
            key = f"values:{current}:{name}"
            hit = cache.get(key)
            if hit is not None:
                content, content_type, tags = hit
                cache_tags.shows(*tags)  # the page cache keeps the response under them
                return HttpResponse(content, content_type=content_type)
            with cache_tags.collecting() as seen:
                cache_tags.shows_any_change()  # as its key says: kept until any content changes
                response = view(request, *args, **kwargs)
                if callable(getattr(response, "render", None)):
                    response = response.render()
            # Not kept if content changed meanwhile (the view itself may have created the site profile).
            if response.status_code == 200 and not response.streaming and generation() == current:
                cache.set(key, (response.content, response["Content-Type"], sorted(seen)), timeout)
            return response

        wrapped.query_parameters = frozenset(query_parameters)  # read by the page cache too
        return wrapped

    return decorator


# Models no public page shows (sign-ins, autosaves, workflow steps, the library's proposals…), registered by
# the apps that own them: writing them, however often, keeps every cached page.
NEVER_PUBLIC = set()


def never_on_public_pages(*labels):
    """Declare models ("app_label.model") whose saves and deletes change no public page."""
    NEVER_PUBLIC.update(label.lower() for label in labels)


def changes_public_pages(sender, instance=None):
    """Whether a write to sender (its instance, when known) can change what a public page shows.

    A history row never does (django-simple-history's models carry instance_type); an object may say for
    itself (changes_public_pages(): an article that is not and was not public, say).
    """
    if sender._meta.app_label in UNRELATED_APPS or sender._meta.label_lower in NEVER_PUBLIC:
        return False
    if hasattr(sender, "instance_type"):
        return False
    decide = getattr(instance, "changes_public_pages", None)
    return decide() if callable(decide) else True


# Inside one_invalidation(): the labels and tags the writes so far change, dropped once when it ends.
_pending = ContextVar("pending_invalidation", default=None)


@contextlib.contextmanager
def one_invalidation():
    """Let the writes inside (a bulk load of hundreds of rows) drop what they change once, as they end,
    rather than once per row: each drop is a few cache writes, and the file cache culls on every write."""
    if _pending.get() is not None:
        yield
        return
    pending = (set(), set())
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
        labels, tags = pending
        if labels:
            _new_generation({*labels, ALL_CONTENT})
            transaction.on_commit(lambda: _new_generation({*labels, ALL_CONTENT}))
        cache_tags.invalidate(tags)


def _changed(label, tags):
    pending = _pending.get()
    if pending is not None:
        pending[0].add(label)
        pending[1].update(tags)
        return
    invalidate(label)
    cache_tags.invalidate(tags)


def _content_changed(sender, instance=None, created=False, **kwargs):
    if changes_public_pages(sender, instance):
        _changed(sender._meta.label_lower, cache_tags.tags_changed_by(instance, created=created))


def _content_deleted(sender, instance=None, **kwargs):
    if changes_public_pages(sender, instance):
        _changed(sender._meta.label_lower, cache_tags.tags_changed_by(instance, deleted=True))


def _relation_changed(sender, instance=None, action="", model=None, pk_set=None, reverse=False, **kwargs):
    if action.startswith("post_") and changes_public_pages(type(instance), instance):
        _changed(
            sender._meta.label_lower, cache_tags.tags_changed_by_relation(instance, model, pk_set, reverse)
        )


def connect_signals():
    """On every save or delete of content, from any view, admin or command: drop what shows it."""
    for model in apps.get_models():
        cache_tags.prepare(model)
    post_init.connect(cache_tags.loaded, dispatch_uid="clinic-cache-tags-loaded")
    post_save.connect(_content_changed, dispatch_uid="clinic-cache-post-save")
    post_delete.connect(_content_deleted, dispatch_uid="clinic-cache-post-delete")
    m2m_changed.connect(_relation_changed, dispatch_uid="clinic-cache-m2m")
