"""A library version into a site. The first time, into a site with no clinical items, it is written as it
is. After that a newer version changes no page by itself: every item it adds, changes or withdraws becomes
a proposal (decisions.py accepts or declines one).

What the library changed is found by comparing the new version with each item's origin, the library's
values the site last took or declined (LibraryItem), never with the site's rows: a clinic's own edit is
not a library change, and stays unless someone accepts a change to that same item.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from domain.content import Bibliography, ContentError, library_dir

from .kinds import KINDS
from .loader import load_files
from .manifest import read_manifest
from .models import Change, LibraryItem, LibraryProposal, LibraryState, Status


class LibraryError(Exception):
    """A library that can't be loaded into this site as it stands, in plain words."""


@dataclass
class LoadResult:
    version: int
    previous: int | None
    first_load: bool = False
    counts: dict = field(default_factory=dict)  # first load: {kind label: number of items}
    proposals: list = field(default_factory=list)
    added: list = field(default_factory=list)  # supporting records added at once
    kept_withdrawn: list = field(default_factory=list)  # supporting records the library no longer holds
    warnings: list = field(default_factory=list)


def history_reason(version, what="loaded"):
    # simple-history keeps up to 100 characters of a change reason.
    return f"From clinical library version {version} ({what})"[:100]


def read_library(folder):
    """Return {kind: {key: values}} for every item of the library in folder, as the loader stores it.

    The real loader runs in a transaction that is always rolled back: the values are exactly what loading
    the files would write (checked, cleaned, citations numbered), and the site is left as it was.
    """
    with transaction.atomic():
        load_files(folder)
        library = {
            kind.name: {key: kind.snapshot(kind.find(key)) for key in kind.keys(folder)}
            for kind in KINDS.values()
        }
        transaction.set_rollback(True)
    return library


def site_is_empty():
    """Whether the site has no clinical item yet (sources, reviewers and groups may be there already)."""
    return not any(kind.model._default_manager.exists() for kind in KINDS.values() if not kind.supporting)


@transaction.atomic
def load_into_site(folder=None):
    """Load the library in folder (content/library/) into this site; return what was done (a LoadResult)."""
    folder = Path(folder or library_dir())
    manifest = read_manifest(folder)
    _check_changelog_sources(manifest, folder)
    state = LibraryState.objects.select_for_update().filter(pk=1).first()
    previous = state.version if state else None
    if previous is not None and manifest.version < previous:
        raise LibraryError(
            f"This site holds clinical library version {previous}, newer than this library's version "
            f"{manifest.version}; an older library is never loaded over a newer one."
        )
    result = LoadResult(manifest.version, previous)
    if previous == manifest.version:
        return result
    if previous is None and site_is_empty():
        write_library(folder, manifest)
        result.first_load = True
        result.counts = {
            kind.label: LibraryItem.objects.filter(kind=kind.name).count() for kind in KINDS.values()
        }
        return result
    _propose(folder, manifest, result)
    LibraryState(version=manifest.version).save()
    return result


@transaction.atomic
def write_library(folder=None, manifest=None):
    """Write the library as it is, every item taking the files' values (a first load; the demo always).

    Records the version and each item's origin; proposals still open are replaced by what was written.
    Returns the Library (its sources and people), which the demo's articles cite.
    """
    folder = Path(folder or library_dir())
    manifest = manifest or read_manifest(folder)
    library = load_files(folder)
    reason = history_reason(manifest.version)
    for kind in KINDS.values():
        for key in kind.keys(folder):
            obj = kind.find(key)
            _record_origin(kind, key, kind.snapshot(obj), manifest.version, obj)
            if hasattr(obj, "history"):
                _give_last_version_a_reason(obj, reason)
    LibraryState(version=manifest.version).save()
    LibraryProposal.objects.open().update(status=Status.SUPERSEDED)
    return library


def _give_last_version_a_reason(obj, reason):
    latest = obj.history.order_by("-history_date", "-history_id").values_list("pk", flat=True).first()
    obj.history.filter(pk=latest).update(history_change_reason=reason)


def _record_origin(kind, key, values, version, obj):
    LibraryItem.objects.update_or_create(
        kind=kind.name,
        key=key,
        defaults={"values": values, "version": version, "object_id": obj.pk if obj is not None else None},
    )


def _check_changelog_sources(manifest, folder):
    keys = Bibliography(folder / "bibliography.yaml").entries
    for entry in manifest.changes:
        if entry.source and entry.source not in keys:
            raise ContentError(
                folder / "library.yaml", entry.line,
                f"version {entry.version}: the change to {entry.item} '{entry.slug}' names the source "
                f"'{entry.source}', which is not in bibliography.yaml",
            )  # fmt: skip


def _propose(folder, manifest, result):
    library = read_library(folder)
    # The newest version's proposals say all that is still undecided, measured from each item's origin.
    LibraryProposal.objects.open().update(status=Status.SUPERSEDED)
    origins = {(origin.kind, origin.key): origin for origin in LibraryItem.objects.all()}
    explained = set()
    for kind in KINDS.values():
        for key, values in library[kind.name].items():
            origin = origins.pop((kind.name, key), None)
            if origin is not None and origin.values == values:
                continue  # the library did not change it; whatever the clinic did stays
            current = kind.find(key, origin.object_id if origin else None)
            if current is None and kind.supporting:
                reason = history_reason(manifest.version, "added")
                obj = kind.write(key, None, values, kind.names, reason=reason, user=None)
                _record_origin(kind, key, values, manifest.version, obj)
                result.added.append(f"{kind.label.lower()} “{key}”")
                continue
            if current is None:
                proposal = _proposal(kind, key, Change.ADDED, values, kind.names, manifest, origin)
            else:
                now = kind.snapshot(current)
                # Without an origin (a site made before it had a library version) every difference counts.
                changed = (
                    kind.names
                    if origin is None
                    else [name for name in kind.names if values.get(name) != origin.values.get(name)]
                )
                fields = [name for name in changed if now.get(name) != values.get(name)]
                if not fields:  # the site already shows what the library now says
                    _record_origin(kind, key, values, manifest.version, current)
                    continue
                proposal = _proposal(kind, key, Change.CHANGED, values, fields, manifest, origin)
            result.proposals.append(proposal)
            explained.add((kind.name, slugify(key)))
        for (kind_name, key), origin in list(origins.items()):
            if kind_name != kind.name:
                continue
            del origins[kind_name, key]
            current = kind.find(key, origin.object_id)
            if current is None or kind.supporting or (kind.listed and not current.is_listed):
                # Nothing a page shows would change: a record stays where items may still cite it.
                if current is not None and kind.supporting:
                    result.kept_withdrawn.append(f"{kind.label.lower()} “{key}”")
                origin.delete()
                explained.add((kind_name, slugify(key)))
                continue
            fields = ["is_listed"] if kind.listed else []
            result.proposals.append(
                _proposal(kind, key, Change.WITHDRAWN, {}, fields, manifest, origin, name=str(current))
            )
            explained.add((kind.name, slugify(key)))
    _warn_about_the_changelog(manifest, result, explained)


def _proposal(kind, key, change, values, fields, manifest, origin, name=None):
    entries = manifest.entries_for(kind.name, key, after=origin.version if origin else 0)
    if len(entries) > 1:
        reason = " ".join(f"Version {entry.version}: {entry.reason}" for entry in entries)
    else:
        reason = entries[0].reason if entries else ""
    return LibraryProposal.objects.create(
        kind=kind.name,
        key=key,
        name=(name or values.get("name") or values.get("display_name") or key)[:250],
        change=change,
        values=values,
        fields=fields,
        library_version=manifest.version,
        reason=reason,
        source_key=next((entry.source for entry in reversed(entries) if entry.source), ""),
        safety=any(entry.safety for entry in entries),
    )


def _warn_about_the_changelog(manifest, result, explained):
    since = result.previous or 0
    for proposal in result.proposals:
        if not proposal.reason:
            result.warnings.append(
                f"{proposal.get_kind_display().lower()} “{proposal.key}” is {proposal.change} in version "
                f"{manifest.version} with no changelog entry: its proposal gives no reason"
            )
    for entry in manifest.changes:
        if entry.version > since and (entry.item, slugify(entry.slug)) not in explained:
            result.warnings.append(
                f"version {entry.version}'s changelog lists {entry.item} “{entry.slug}” ({entry.change}), "
                "but nothing of it differs from what this site holds"
            )
