"""The kinds of item the clinical library holds, each as plain values (JSON) a site can compare and store.

A kind names its model, the field that is its key in the files (a slug, a source's key, a fact's figure),
the fields the library sets, and its relations to other items, written as their keys. snapshot() reads an
item's values from the database; write() sets some of them on an item and records, in the item's history,
who did it and why.
"""

import copy
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.contrib.contenttypes.models import ContentType

from conditions.models import (
    AdministrationRoute,
    CandidateProfile,
    Condition,
    ConditionGroup,
    ConditionRoute,
    Contraindication,
    Interaction,
)
from domain.content import Bibliography, read_list
from domain.models import Citation, KeyFact, Person, Reviewed, Source, cite, passages_of, set_passages

from .models import ItemKind

REVIEW = ["reviewer", "last_reviewed", "next_review_due"]


class MissingItem(Exception):
    """An item names another (a route, a source, a group) that this site does not have."""

    def __init__(self, kind, key):
        self.kind, self.key = kind, key
        super().__init__(
            f"it names the {kind.label.lower()} “{key}”, which this site does not have: accept the proposal "
            "that adds it first"
        )


@dataclass(frozen=True)
class Relation:
    """Links from an item to others: a list of their keys ({route, note} for a condition's routes)."""

    name: str
    label: str
    read: Callable
    write: Callable

    def shown(self, value):
        if not value:
            return ""
        if isinstance(value[0], dict) and "claim" in value[0]:  # passages
            return "; ".join(
                f"{p['source']} ({p['locator']}), for “{p['claim']}”: {p['passage']}" for p in value
            )
        if isinstance(value[0], dict):  # a condition's routes, each with its note
            return "; ".join(f"{link['route']}: {link['note']}" if link["note"] else link["route"]
                             for link in value)  # fmt: skip
        return ", ".join(value)


class Kind:
    def __init__(self, name, model, key_field, fields, relations=(), *, keys, supporting=False):
        self.name, self.model, self.key_field = name, model, key_field
        self.fields = list(fields)
        self.relations = {relation.name: relation for relation in relations}
        self._keys = keys
        # Supporting records (sources, reviewers, groups) show on no page by themselves: one the library
        # adds is added at once, as nothing shows it until an item the clinic accepts cites or names it.
        self.supporting = supporting

    def __repr__(self):
        return f"Kind({self.name})"

    @property
    def label(self):
        return ItemKind(self.name).label

    @property
    def listed(self):
        """Whether the kind has a listed flag: a withdrawal hides the item rather than deleting it."""
        return any(field.name == "is_listed" for field in self.model._meta.concrete_fields)

    @property
    def names(self):
        return [*self.fields, *self.relations]

    def keys(self, folder):
        """Return the keys of this kind's items in the library's files in folder."""
        return list(self._keys(Path(folder)))

    def key_of(self, obj):
        return getattr(obj, self.key_field)

    def find(self, key, object_id=None):
        """Return the site's item: the row the library gave it (object_id) or the row with its key."""
        if object_id is not None:
            obj = self.model._default_manager.filter(pk=object_id).first()
            if obj is not None:
                return obj
        return self.model._default_manager.filter(**{self.key_field: key}).first()

    def get(self, key):
        obj = self.find(key)
        if obj is None:
            raise MissingItem(self, key)
        return obj

    def label_of(self, name):
        if name in self.relations:
            return self.relations[name].label
        return str(self.model._meta.get_field(name).verbose_name)

    def snapshot(self, obj):
        """Return the item's library values as they are in the database."""
        values = {name: _dump(obj, self.model._meta.get_field(name)) for name in self.fields}
        values.update({name: relation.read(obj) for name, relation in self.relations.items()})
        return values

    def shown(self, name, value):
        """Return a value of the snapshot as a person reads it (relations only; fields go to version_diff)."""
        return self.relations[name].shown(value)

    def probe(self, obj, values, names):
        """Return an unsaved copy of obj (or a new item) with the named fields set from values.

        A related item the site does not have is left empty and its key kept in probe.missing.
        """
        probe = copy.copy(obj) if obj is not None else self.model()
        probe.missing = {}
        for name in (name for name in names if name in self.fields):
            field = self.model._meta.get_field(name)
            value = _load(field, values[name], missing_ok=True)
            if field.many_to_one:
                if value is None and values[name] is not None:
                    probe.missing[name] = values[name]
                setattr(probe, field.attname, value.pk if value is not None else None)
            else:
                setattr(probe, name, value)
        return probe

    def write(self, key, obj, values, names, *, reason, user):
        """Set the named values on obj (a new item when None), save it with reason and user in its history.

        Raises MissingItem, before changing anything, when a value names an item the site does not have.
        """
        loaded = {name: _load(self.model._meta.get_field(name), values[name]) for name in names
                  if name in self.fields}  # fmt: skip
        if obj is None:
            obj = self.model(**{self.key_field: key})
        for name, value in loaded.items():
            setattr(obj, name, value)
        related = {name: values[name] for name in names if name in self.relations}
        for name, value in related.items():
            self.relations[name].write(None, value)  # checks every key first
        obj._change_reason = reason
        obj._history_user = user
        obj.save()
        for name, value in related.items():
            self.relations[name].write(obj, value)
        if isinstance(obj, Reviewed):
            _keep_sign_off_to_the_library_text(self, obj, values)
        return obj

    def hide(self, obj, *, reason, user):
        obj.is_listed = False
        obj._change_reason = reason
        obj._history_user = user
        obj.save()


def _dump(obj, field):
    if field.many_to_one:
        related = getattr(obj, field.name)
        return None if related is None else KINDS_BY_MODEL[field.related_model].key_of(related)
    value = field.value_from_object(obj)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _load(field, value, missing_ok=False):
    if field.many_to_one:
        if value is None:
            return None
        kind = KINDS_BY_MODEL[field.related_model]
        return kind.find(value) if missing_ok else kind.get(value)
    return field.to_python(value)


def _keep_sign_off_to_the_library_text(kind, obj, values):
    """A library sign-off covers the library's text: if the item now mixes it with the clinic's own
    edits, the item shows as changed since review, as any edit after a review does."""
    review_now = [_dump(obj, obj._meta.get_field(name)) for name in ("reviewer", "last_reviewed")]
    if not obj.last_reviewed or review_now != [values.get("reviewer"), values.get("last_reviewed")]:
        return  # the clinic's own sign-off: Reviewed.save() has judged the text against it
    signed = kind.probe(obj, values, [name for name in obj.review_fields if name in values])
    if signed.clinical_fingerprint() != obj.clinical_fingerprint():
        type(obj)._default_manager.filter(pk=obj.pk).update(
            reviewed_fingerprint=signed.clinical_fingerprint(), changed_since_review=True
        )


# Relations


def _citations_read(obj):
    citations = Citation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("source")
    return [citation.source.key for citation in citations.order_by("order", "pk")]


def _citations_write(obj, keys):
    sources = [SOURCE.get(key) for key in keys]
    if obj is not None:
        cite(obj, sources)


SOURCES = Relation("sources", "Sources", _citations_read, _citations_write)


def _passages_write(obj, passages):
    if obj is not None:
        set_passages(obj, passages)


# After SOURCES in every kind: a passage belongs to one of the item's citations.
PASSAGES = Relation("passages", "What the sources say", passages_of, _passages_write)


def _many(name, attr, label, kind_name):
    def read(obj):
        kind = KINDS[kind_name]
        return sorted(kind.key_of(item) for item in getattr(obj, attr).all())

    def write(obj, keys):
        items = [KINDS[kind_name].get(key) for key in keys]
        if obj is not None:
            getattr(obj, attr).set(items)

    return Relation(name, label, read, write)


def _route_links_read(condition):
    links = condition.route_links.select_related("route").order_by("order", "route__order")
    return [{"route": link.route.slug, "note": link.note} for link in links]


def _route_links_write(condition, links):
    routes = {link["route"]: ROUTE.get(link["route"]) for link in links}
    if condition is None:
        return
    for order, link in enumerate(links):
        ConditionRoute.objects.update_or_create(
            condition=condition, route=routes[link["route"]], defaults={"note": link["note"], "order": order}
        )
    condition.route_links.exclude(route__slug__in=list(routes)).delete()


ROUTE_LINKS = Relation("routes", "Treatment routes", _route_links_read, _route_links_write)
SCREENING_ROUTES = _many("routes", "routes", "Routes it applies to (none: every route)", ItemKind.ROUTE)


# Where each kind's keys are in the files (conditions/demo.py and loader.py read the rest)


def _slugs(*parts, key="slug"):
    return lambda folder: [entry.values[key] for entry in read_list(folder.joinpath(*parts))]


def _stems(folder_name):
    return lambda folder: [path.stem for path in sorted((folder / folder_name).glob("*.html"))]


SOURCE = Kind(
    ItemKind.SOURCE, Source, "key", ["text", "doi", "pmid", "url"],
    keys=lambda folder: Bibliography(folder / "bibliography.yaml").entries, supporting=True,
)  # fmt: skip
PERSON = Kind(
    ItemKind.PERSON, Person, "slug", ["display_name", "credentials", "may_review"],
    keys=_slugs("people.yaml"), supporting=True,
)  # fmt: skip
CONDITION_GROUP = Kind(
    ItemKind.CONDITION_GROUP, ConditionGroup, "slug", ["name", "order"],
    keys=_slugs("conditions", "_groups.yaml"), supporting=True,
)  # fmt: skip
ROUTE = Kind(
    ItemKind.ROUTE, AdministrationRoute, "slug",
    [
        "name", "short_name", "medication", "summary", "route_of_administration", "regulatory_status",
        "dose_min", "dose_max", "dose_is_choice", "dose_unit", "dose_basis", "dose_note", "session_length",
        "schedule_induction", "schedule_maintenance", "observation_period", "setting", "monitoring", "onset",
        "requirements", "emergency_signs", "call_clinic_signs", "description", "is_listed", "order", *REVIEW,
    ],
    [SOURCES, PASSAGES], keys=_stems("routes"),
)  # fmt: skip
CONTRAINDICATION = Kind(
    ItemKind.CONTRAINDICATION, Contraindication, "slug",
    ["name", "kind", "explanation", "screening_question", "advice", "unsure_advice", "is_listed", "order",
     *REVIEW],
    [SCREENING_ROUTES, SOURCES, PASSAGES], keys=_slugs("safety", "contraindications.yaml"),
)  # fmt: skip
INTERACTION = Kind(
    ItemKind.INTERACTION, Interaction, "slug",
    ["name", "examples", "effect", "severity", "advice", "screening_question", "unsure_advice", "is_listed",
     "order", *REVIEW],
    [SCREENING_ROUTES, SOURCES, PASSAGES], keys=_slugs("safety", "interactions.yaml"),
)  # fmt: skip
CONDITION = Kind(
    ItemKind.CONDITION, Condition, "slug",
    ["name", "group", "summary", "description", "evidence", "show_crisis_help", "is_listed", "order",
     *REVIEW],
    [
        ROUTE_LINKS,
        _many("contraindications", "contraindications", "Extra contraindications", ItemKind.CONTRAINDICATION),
        _many("evidence_basis", "evidence_sources", "Basis of the evidence grade", ItemKind.SOURCE),
        SOURCES,
        PASSAGES,
    ],
    keys=_stems("conditions"),
)  # fmt: skip
CANDIDATE = Kind(
    ItemKind.CANDIDATE, CandidateProfile, "title", ["description", "order"],
    keys=_slugs("safety", "candidates.yaml", key="title"),
)  # fmt: skip
KEY_FACT = Kind(
    ItemKind.KEY_FACT, KeyFact, "figure", ["key", "text", "topic", "is_listed", "order"], [SOURCES, PASSAGES],
    keys=_slugs("key-facts.yaml", key="figure"),
)  # fmt: skip

# In the order they are compared and added: what an item names comes before it.
KINDS = {kind.name: kind for kind in (SOURCE, PERSON, CONDITION_GROUP, ROUTE, CONTRAINDICATION, INTERACTION,
                                      CONDITION, CANDIDATE, KEY_FACT)}  # fmt: skip
KINDS_BY_MODEL = {kind.model: kind for kind in KINDS.values()}
