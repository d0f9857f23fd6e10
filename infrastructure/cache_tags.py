"""What each cached page shows, and which of those things a write changed: cache tags.

While a page (or a fragment, or a value of get_or_compute) renders, every model object it loads is recorded
as an *object tag*, "articles.article:42", and every list it shows declares a *list tag*, "articles.article"
(`shows_list`, called by the querysets that list: for_cards, listed…). The cached copy keeps the token each of
its tags had; it is served only while every token is unchanged.

A save or delete starts new tokens for the tags it changes (`tags_changed_by`): the object's own tag; its list
tag when it was created, deleted or moved within or out of lists (a field that decides listing changed); the
objects it belongs to (its foreign keys: a new citation changes its article's page), unless the model says
its parents' pages show it through a list (`page_cache_parents`); and what the object itself adds
(`page_cache_also_changes()`: an article's neighbours). Publishing one article thus drops that article, its
neighbours, the pages that list articles and the fragments that do, not every article's page.

Tokens live in the shared cache. Each process remembers those it read, for as long as the *epoch* (a token
that moves on with every invalidation, anywhere) stays the same, and reads the epoch at most every
PAGE_CACHE_GENERATION_SECONDS: a change on any server is seen everywhere within that fraction of a second,
and a hit costs no round trip for its tags.
"""

import contextlib
import contextvars
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

EPOCH_KEY = "page-tags-epoch"
ANY_CHANGE = "*"
TOKEN_TIMEOUT = 24 * 60 * 60
# Fields that decide where an object is listed, besides its foreign keys and its model's ordering.
LISTING_FIELDS = ("is_listed", "status", "published_at", "is_featured")

_collector = contextvars.ContextVar("page_cache_tags", default=None)


def object_tag(model, pk) -> str:
    return f"{model._meta.concrete_model._meta.label_lower}:{pk}"


def list_tag(model) -> str:
    return model._meta.concrete_model._meta.label_lower


@contextlib.contextmanager
def collecting():
    """Record the tags of what renders inside; yield the set. Nested collections also count for the outer."""
    outer = _collector.get()
    seen = set()
    reset = _collector.set(seen)
    try:
        yield seen
    finally:
        _collector.reset(reset)
        if outer is not None:
            outer.update(seen)


def shows(*tags):
    """Record that what is being rendered shows these tags (no-op outside a collection)."""
    seen = _collector.get()
    if seen is not None:
        seen.update(tags)


def shows_object(instance):
    shows(object_tag(type(instance), instance.pk))


def shows_list(*models):
    """Record that what is being rendered lists models' objects: a new or moved one changes it."""
    shows(*(list_tag(model) for model in models))


def shows_any_change(*models):
    """Record that what is being rendered changes with any change to models' objects (a search's results:
    an edit can make an article match), or to any content at all when no model is named (a sitemap)."""
    shows(*(any_change_tag(model) for model in models) if models else ANY_CHANGE)


def any_change_tag(model) -> str:
    return f"{list_tag(model)}:*"


def loaded(sender, instance, **kwargs):
    """post_init: every object built while a page renders is a thing the page shows."""
    seen = _collector.get()
    if seen is not None and instance.pk is not None:
        seen.add(object_tag(sender, instance.pk))
    if getattr(sender, "_listing_fields", None) is not None:
        instance._listing_state = _listing_state(instance)


# --- What a write changes -------------------------------------------------------------------------------


def listing_fields(model) -> tuple[str, ...]:
    """Return the attribute names whose change may move an object into, within or out of a list."""
    names = {field.attname for field in model._meta.concrete_fields if field.many_to_one or field.one_to_one}
    names.update(field.attname for field in model._meta.concrete_fields if field.name in LISTING_FIELDS)
    for order in model._meta.ordering or ():
        name = str(order).lstrip("-").split("__")[0]
        field = next((f for f in model._meta.concrete_fields if f.name == name), None)
        if field is not None:
            names.add(field.attname)
    return tuple(sorted(names))


def _listing_state(instance):
    return tuple(instance.__dict__.get(name) for name in type(instance)._listing_fields)


def prepare(model):
    """Let model's instances remember their listing fields as loaded (called once per model, at startup)."""
    model._listing_fields = listing_fields(model)


def _parents(instance):
    """Tags of the objects instance belongs to, whose pages show it as part of them."""
    model = type(instance)
    names = getattr(model, "page_cache_parents", None)
    tags = []
    for field in model._meta.concrete_fields:
        if not (field.many_to_one or field.one_to_one) or (names is not None and field.name not in names):
            continue
        value = getattr(instance, field.attname)
        if value is not None:
            tags.append(object_tag(field.related_model, value))
    for field in model._meta.private_fields:  # a GenericForeignKey: a citation belongs to what cites
        if getattr(field, "ct_field", None) and (names is None or field.name in names):
            content_type_id = getattr(instance, model._meta.get_field(field.ct_field).attname)
            object_id = getattr(instance, field.fk_field)
            if content_type_id and object_id:
                from django.contrib.contenttypes.models import ContentType

                related = ContentType.objects.get_for_id(content_type_id).model_class()
                if related is not None:
                    tags.append(object_tag(related, object_id))
    return tags


def tags_changed_by(instance, *, created=False, deleted=False) -> set[str]:
    """Return the tags a save (or delete) of instance changes."""
    model = type(instance)
    tags = {object_tag(model, instance.pk), any_change_tag(model), ANY_CHANGE}
    state = _listing_state(instance) if getattr(model, "_listing_fields", None) is not None else None
    moved = created or deleted or state != getattr(instance, "_listing_state", None)
    if moved:
        tags.add(list_tag(model))
        tags.update(_parents(instance))
    if state is not None:
        instance._listing_state = state  # the next save compares with this one
    also = getattr(instance, "page_cache_also_changes", None)
    if callable(also):
        tags.update(also())
    return tags


def tags_changed_by_relation(instance, model, pk_set, reverse) -> set[str]:
    """Return the tags a many-to-many change changes: the objects whose pages show it, and their lists.

    The side holding the field shows its related objects on its page (an article, its conditions). The other
    side's page shows the relation as a list of the holder's objects, declared by the holder's list tag,
    unless the holder's model says its parents' pages show it as part of them.
    """
    instance_side = [object_tag(type(instance), instance.pk)]
    other_side = [object_tag(model, pk) for pk in pk_set or ()]  # None when cleared: the lists cover it
    holders, others, holder_model = (
        (other_side, instance_side, model)
        if reverse
        else (
            instance_side,
            other_side,
            type(instance),
        )
    )
    tags = {list_tag(holder_model), any_change_tag(holder_model), ANY_CHANGE, *holders}
    if getattr(holder_model, "page_cache_parents", None) is None:
        tags.update(others)
    return tags


# --- Tokens -------------------------------------------------------------------------------------------------

_memo = {"epoch": None, "until": 0.0, "tokens": {}}
_memo_lock = threading.Lock()


def _key(tag: str) -> str:
    return f"tag:{tag}"


def _new_token() -> str:
    return uuid.uuid4().hex


def _refresh():
    now = time.monotonic()
    if now < _memo["until"]:
        return
    epoch = cache.get(EPOCH_KEY)
    if epoch is None:
        epoch = _new_token()
        if not cache.add(EPOCH_KEY, epoch, TOKEN_TIMEOUT):
            epoch = cache.get(EPOCH_KEY) or epoch
    with _memo_lock:
        if epoch != _memo["epoch"]:
            _memo["tokens"] = {}
            _memo["epoch"] = epoch
        _memo["until"] = now + settings.PAGE_CACHE_GENERATION_SECONDS


def forget():
    """Read the epoch (and so every token) afresh on the next lookup: this process just changed something."""
    _memo["until"] = 0.0


def epoch(fresh=True) -> str:
    """Return the current epoch: read from the shared cache now, or as this process last read it."""
    if fresh:
        forget()
    _refresh()
    return _memo["epoch"]


def tokens(tags) -> dict[str, str]:
    """Return {tag: its current token}, from this process's memory while the epoch is unchanged."""
    _refresh()
    known = _memo["tokens"]
    missing = [tag for tag in tags if tag not in known]
    if missing:
        found = cache.get_many([_key(tag) for tag in missing])
        fresh = {}
        for tag in missing:
            token = found.get(_key(tag))
            if token is None:
                token = _new_token()
                if not cache.add(_key(tag), token, TOKEN_TIMEOUT):
                    token = cache.get(_key(tag)) or token  # another process started it first
            fresh[tag] = token
        known.update(fresh)
    return {tag: known[tag] for tag in tags}


def still_current(recorded: dict[str, str]) -> bool:
    """Whether every tag recorded with a cached copy still has the token it had."""
    return tokens(recorded) == recorded


def _bump(tags):
    cache.set(EPOCH_KEY, _new_token(), TOKEN_TIMEOUT)  # first: a render in flight must not be kept
    cache.set_many({_key(tag): _new_token() for tag in tags}, TOKEN_TIMEOUT)
    forget()


def invalidate(tags):
    """Drop every cached copy showing one of tags, on every server: now and when the transaction commits."""
    tags = set(tags)
    if not tags:
        return
    _bump(tags)
    transaction.on_commit(lambda: _bump(tags))
