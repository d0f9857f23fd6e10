"""library.yaml: the library's version and its changelog, read with the content files' plain-words errors."""

from dataclasses import dataclass

import yaml
from django.utils.text import slugify

from domain.content import ContentError, Entry, read_mapping

from .models import Change, ItemKind

MANIFEST_FIELDS = {"version", "changelog"}
RELEASE_FIELDS = {"version", "date", "summary", "changes"}
CHANGE_FIELDS = {"item", "slug", "change", "reason", "source", "safety"}


@dataclass(frozen=True)
class ChangeEntry:
    line: int  # in library.yaml, for messages
    version: int
    item: str
    slug: str
    change: str
    reason: str
    source: str
    safety: bool

    def names(self, kind, key):
        # A candidate's title or a key fact's figure is its slug; either spelling names it.
        return self.item == kind and slugify(self.slug) == slugify(key)


@dataclass
class Manifest:
    version: int
    changes: list[ChangeEntry]

    def entries_for(self, kind, key, after):
        """Return the changelog's entries for an item in the versions after `after`, oldest first."""
        found = [e for e in self.changes if e.version > after and e.names(kind, key)]
        return sorted(found, key=lambda entry: entry.version)


def _version(entry, key):
    value = entry.values.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise entry.error(key, f"'{key}' must be a whole number from 1 up, not '{value}'")
    return value


def read_manifest(folder):
    """Return the Manifest of the library in folder (its library.yaml), or raise a ContentError."""
    path = folder / "library.yaml"
    if not path.exists():
        raise ContentError(path, 1, "the library has no library.yaml: it needs 'version' and 'changelog'")
    manifest = read_mapping(path)
    manifest.check_fields(MANIFEST_FIELDS, required=["version", "changelog"])
    version = _version(manifest, "version")
    releases = manifest.values["changelog"]
    if not isinstance(releases, list):
        raise manifest.error(
            "changelog", "'changelog' is a list of versions, each starting with '- version:'"
        )
    changes, seen = [], set()
    for values, line in zip(releases, _item_lines(path, "changelog"), strict=True):
        release = Entry(path, line, values) if isinstance(values, dict) else None
        if release is None:
            raise ContentError(path, line, "each changelog version is a set of 'field: value' lines")
        release.check_fields(RELEASE_FIELDS, required=["version"])
        number = _version(release, "version")
        if number in seen or number > version:
            raise release.error(
                "version", f"changelog version {number} is repeated or above version {version}"
            )
        seen.add(number)
        release.date("date")  # YYYY-MM-DD, when given
        for change in release.values.get("changes") or []:
            changes.append(_change(release, number, change))
    if version not in seen:
        raise manifest.error("changelog", f"the changelog has no entry for version {version}")
    return Manifest(version, changes)


def _item_lines(path, key):
    """Return the line of each item of the list under the top-level key, for messages."""
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    node = next(value for name, value in root.value if name.value == key)
    return [item.start_mark.line + 1 for item in node.value]


def _change(release, number, change):
    where = f"version {number}: a change"
    if not isinstance(change, dict):
        raise release.error("changes", f"{where} is a set of 'field: value' lines (item, slug, change…)")
    unknown = sorted(set(change) - CHANGE_FIELDS)
    missing = [name for name in ("item", "slug", "change", "reason") if not change.get(name)]
    if unknown or missing:
        problem = f"has an unknown field '{unknown[0]}'" if unknown else f"misses its '{missing[0]}'"
        raise release.error("changes", f"{where} {problem}; a change has: {', '.join(sorted(CHANGE_FIELDS))}")
    if change["item"] not in ItemKind.values:
        raise release.error(
            "changes", f"{where} names an unknown item '{change['item']}'; the items are: "
            f"{', '.join(ItemKind.values)}",
        )  # fmt: skip
    if change["change"] not in Change.values:
        raise release.error("changes", f"{where}'s change must be one of: {', '.join(Change.values)}")
    if not isinstance(change.get("safety", False), bool):
        raise release.error("changes", f"{where}'s safety is true or false")
    return ChangeEntry(
        release.line, number, change["item"], str(change["slug"]), change["change"],
        str(change["reason"]).strip(), str(change.get("source") or ""), change.get("safety", False),
    )  # fmt: skip
