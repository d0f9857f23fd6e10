"""Reading the content files under content/: YAML lists, and HTML documents with YAML front matter.

Every problem is a ContentError naming the file and line ("content/routes/iv.html:12: unknown field
'dosee'"), so a clinician or editor can fix the file without reading Python. Citations in a body are
written [@key] (or [@a, @b]) and become the numbers [1], [2] of the item's own reference list, which is
its `sources` (or `references`) field, in order; every key must be in content/bibliography.yaml.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from django.utils import timezone

REVIEW_INTERVAL = datetime.timedelta(days=365)  # as domain.models: the default until the next review

CITATION = re.compile(r"\[(@[a-z0-9][a-z0-9-]*(?:\s*,\s*@[a-z0-9][a-z0-9-]*)*)\]")
STRAY_CITATION = re.compile(r"\[@[^\]]*\]")
IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ALT = re.compile(r"""\balt\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
BIBLIOGRAPHY_FIELDS = {"text", "doi", "pmid", "url"}


# The project folder: content/ sits beside manage.py, wherever BASE_DIR points (tests move it).
PROJECT_DIR = Path(__file__).resolve().parents[1]


def content_dir() -> Path:
    return Path(getattr(settings, "CONTENT_DIR", None) or PROJECT_DIR / "content")


class ContentError(Exception):
    """A content file that can't be loaded: where, and what is wrong, in plain words."""

    def __init__(self, path, line, message):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{_shown(path)}:{line}: {message}")


def _shown(path):
    path = Path(path)
    try:
        return str(path.relative_to(PROJECT_DIR))
    except ValueError:
        return str(path)


@dataclass
class Entry:
    """One mapping from a file: its values, and the line of each key (for messages)."""

    path: Path
    line: int
    values: dict
    lines: dict = field(default_factory=dict)

    def line_of(self, key):
        return self.lines.get(key, self.line)

    def error(self, key, message):
        return ContentError(self.path, self.line_of(key), message)

    def check_fields(self, allowed, required=()):
        for key in self.values:
            if key not in allowed:
                raise self.error(
                    key, f"unknown field '{key}'; the fields here are: {', '.join(sorted(allowed))}"
                )
        for key in required:
            if self.values.get(key) in (None, ""):
                raise ContentError(self.path, self.line, f"missing field '{key}'")

    def date(self, key):
        """Return the field as a date (YYYY-MM-DD), None when absent, or raise a ContentError."""
        value = self.values.get(key)
        if value is None or isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            raise self.error(key, f"bad date '{value}' for '{key}': write it as YYYY-MM-DD") from None


class _Loader(yaml.SafeLoader):
    """YAML without implicit dates: "2026-13-01" stays text, so a bad date gets its own message and line."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mapping(node, path, offset):
    """Return {key: line} of a YAML mapping node; lines count from 1 in the whole file."""
    return {key.value: key.start_mark.line + 1 + offset for key, _ in node.value}


def _parse(text, path, offset=0):
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader: plain data only
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + offset
        raise ContentError(path, line, f"not valid YAML: {error.problem or error}") from None
    return node, data


def read_list(path):
    """Return the entries of a YAML file that holds a list of mappings."""
    path = Path(path)
    node, data = _parse(path.read_text(encoding="utf-8"), path)
    if not isinstance(data, list) or node is None or not isinstance(node, yaml.SequenceNode):
        raise ContentError(path, 1, "expected a list of entries, each starting with '- '")
    entries = []
    for item_node, item in zip(node.value, data, strict=True):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            raise ContentError(path, line, "each entry must be a set of 'field: value' lines")
        entries.append(Entry(path, line, item, _mapping(item_node, path, 0)))
    return entries


def read_mapping(path):
    """Return a YAML file that holds one mapping as an Entry."""
    path = Path(path)
    node, data = _parse(path.read_text(encoding="utf-8"), path)
    if not isinstance(data, dict):
        raise ContentError(path, 1, "expected 'field: value' lines")
    return Entry(path, 1, data, _mapping(node, path, 0))


@dataclass
class Document:
    """An HTML file with YAML front matter: its fields (an Entry) and its body."""

    meta: Entry
    body: str
    body_line: int

    @property
    def slug(self):
        return self.meta.path.stem

    def body_error(self, offset, message):
        line = self.body_line + self.body.count("\n", 0, offset)
        return ContentError(self.meta.path, line, message)


def read_document(path):
    """Return the Document in path: '---', YAML fields, '---', then the HTML body."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ContentError(path, 1, "a content file starts with '---', then its fields, then '---'")
    try:
        end = next(number for number in range(1, len(lines)) if lines[number].strip() == "---")
    except StopIteration:
        raise ContentError(path, 1, "the fields are not closed by a second '---' line") from None
    node, data = _parse("\n".join(lines[1:end]), path, offset=1)
    if not isinstance(data, dict):
        raise ContentError(path, 2, "expected 'field: value' lines between the '---' lines")
    meta = Entry(path, 1, data, _mapping(node, path, 1))
    return Document(meta, "\n".join(lines[end + 1 :]).strip() + "\n", end + 2)


def check_images(document):
    """Raise a ContentError for an image in the body without alt text."""
    for match in IMG.finditer(document.body):
        alt = ALT.search(match.group(0))
        if alt is None or not alt.group(2).strip():
            raise document.body_error(match.start(), 'missing alt text: describe the image in alt="…"')


def number_citations(document, keys, field_name):
    """Return the body with each [@key] replaced by its number in keys (the item's reference list)."""

    def number(match):
        numbers = []
        for key in re.findall(r"@([a-z0-9-]+)", match.group(1)):
            if key not in keys:
                raise document.body_error(
                    match.start(), f"[@{key}] is cited but not listed in '{field_name}'; add it there"
                )
            numbers.append(str(keys.index(key) + 1))
        return "[" + ", ".join(numbers) + "]"

    body = CITATION.sub(number, document.body)
    stray = STRAY_CITATION.search(body)
    if stray:
        raise document.body_error(
            document.body.find(stray.group(0)), f"unreadable citation '{stray.group(0)}'"
        )
    return body


class Bibliography:
    """content/bibliography.yaml: one record per source, keyed by a short stable key."""

    def __init__(self, path):
        self.path = Path(path)
        node, data = _parse(self.path.read_text(encoding="utf-8"), self.path)
        if not isinstance(data, dict):
            raise ContentError(self.path, 1, "expected 'key:' entries, each with text, doi, pmid or url")
        self.entries = {}
        for key_node, value_node in node.value:
            key, line = key_node.value, key_node.start_mark.line + 1
            values = data[key]
            if not isinstance(values, dict):
                raise ContentError(self.path, line, f"'{key}' needs fields: text, and doi, pmid or url")
            entry = Entry(self.path, line, values, _mapping(value_node, self.path, 0))
            entry.check_fields(BIBLIOGRAPHY_FIELDS, required=["text"])
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", str(key)):
                raise ContentError(self.path, line, f"key '{key}': use lowercase letters, digits and hyphens")
            if values.get("pmid") and not str(values["pmid"]).isdigit():
                raise entry.error("pmid", f"PMID '{values['pmid']}' must be digits only")
            self.entries[key] = entry

    def keys(self, entry, field_name):
        """Return entry's list field of citation keys, each checked against the bibliography."""
        keys = entry.values.get(field_name) or []
        if not isinstance(keys, list):
            raise entry.error(field_name, f"'{field_name}' is a list of bibliography keys")
        for key in keys:
            if key not in self.entries:
                raise entry.error(
                    field_name, f"unknown citation key '{key}': it is not in {_shown(self.path)}"
                )
        return list(keys)

    @transaction.atomic
    def save(self):
        """Create or update one Source per entry; return {key: Source}."""
        from .models import Source

        sources = {}
        for key, entry in self.entries.items():
            values = {name: str(entry.values.get(name) or "").strip() for name in BIBLIOGRAPHY_FIELDS}
            # One paper, one record: a record made before it had this key (by a migration or in the admin)
            # is found by its DOI, PMID or link and takes the key, rather than being duplicated.
            source = Source.objects.filter(key=key).first()
            for name in ("doi", "pmid", "url", "text"):
                if source is None and values[name]:
                    source = (
                        Source.objects.filter(**{f"{name}__iexact": values[name]})
                        .exclude(key__in=self.entries)
                        .first()
                    )
            source = source or Source(key=key)
            source.key = key
            for name, value in values.items():
                setattr(source, name, value)
            source.save()
            sources[key] = source
        return sources


def documents(folder):
    """Return the Documents of folder's .html files, by file name."""
    return [read_document(path) for path in sorted(Path(folder).glob("*.html"))]


def choice(entry, key, choices):
    """Return the field's value if it is one of choices (a TextChoices), else raise a ContentError."""
    value = entry.values.get(key)
    if value not in choices.values:
        raise entry.error(key, f"'{key}' must be one of: {', '.join(choices.values)} (not '{value}')")
    return value


PERSON_FIELDS = {"slug", "display_name", "credentials", "may_review"}


@dataclass
class Library:
    """What every content file may refer to: the bibliography's sources and the people who review."""

    bibliography: Bibliography
    sources: dict
    people: dict

    def sources_of(self, entry, field_name="sources"):
        return [self.sources[key] for key in self.bibliography.keys(entry, field_name)]

    def reviewer(self, entry):
        """Return the person the entry names as reviewer (or None), checking they may review."""
        slug = entry.values.get("reviewer")
        if not slug:
            if entry.values.get("reviewed"):
                raise entry.error("reviewed", "a review date needs a 'reviewer'")
            return None
        person = self.people.get(slug)
        if person is None:
            raise entry.error("reviewer", f"unknown reviewer '{slug}': add them to content/people.yaml")
        if not person.may_review:
            raise entry.error("reviewer", f"'{slug}' may not medically review (may_review is false)")
        return person

    def review_fields(self, entry):
        """Return the reviewer, last_reviewed and next_review_due fields an entry gives."""
        reviewed = entry.date("reviewed")
        if reviewed and reviewed > timezone.localdate():
            raise entry.error("reviewed", f"the review date {reviewed} is in the future")
        due = entry.date("next_review_due") or (reviewed + REVIEW_INTERVAL if reviewed else None)
        if due and reviewed and due <= reviewed:
            raise entry.error("next_review_due", "the next review must fall after the review date")
        return {"reviewer": self.reviewer(entry), "last_reviewed": reviewed, "next_review_due": due}


@transaction.atomic
def load_library(folder=None):
    """Read content/bibliography.yaml and content/people.yaml into the database; return the Library."""
    from .models import Person

    folder = Path(folder or content_dir())
    bibliography = Bibliography(folder / "bibliography.yaml")
    people = {}
    for entry in read_list(folder / "people.yaml"):
        entry.check_fields(PERSON_FIELDS, required=["slug", "display_name"])
        values = {name: entry.values.get(name) for name in ("display_name", "credentials", "may_review")}
        values["credentials"] = values["credentials"] or ""
        values["may_review"] = bool(values["may_review"])
        people[entry.values["slug"]], _ = Person.objects.update_or_create(
            slug=entry.values["slug"], defaults=values
        )
    return Library(bibliography, bibliography.save(), people)


def check_lengths(model, values, entry):
    """Raise a ContentError for a value longer than its field allows (PostgreSQL would refuse it)."""
    for name, value in values.items():
        field = model._meta.get_field(name)
        if isinstance(value, str) and field.max_length and len(value) > field.max_length:
            raise entry.error(
                name, f"'{name}' is {len(value)} characters; it may have at most {field.max_length}"
            )


def save_reviewed(model, lookup, values, sources, entry=None):
    """Create or update a reviewed item in place and set its numbered sources; return it.

    Reloading unchanged files changes nothing: the review state is recomputed from the same text.
    """
    from .models import cite

    if entry is not None:
        check_lengths(model, values, entry)
    obj, _ = model.objects.update_or_create(**lookup, defaults=values)
    cite(obj, sources)
    return obj
