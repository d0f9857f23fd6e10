"""Issue 24, the interface's part: every word the site's templates show a reader or a staff member is marked
for translation, and the Spanish catalogue holds exactly the strings marked."""

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template.base import DebugLexer, TokenType
from django.test import override_settings

from clinic.site.management.commands.extract_messages import MAKEMESSAGES_OPTIONS

PROJECT_DIR = Path(settings.BASE_DIR)
TEMPLATES = PROJECT_DIR / "templates"
CATALOGUE = PROJECT_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"

# Words a reader sees that are the same in every language: names of things, not sentences. Keep it short;
# anything that reads as a phrase belongs in the catalogue.
UNTRANSLATED_WORDS = {
    "RSS",  # the feed formats' own names (articles/article_list.html)
    "Atom",
    "PubMed",  # the database's name, before a PubMed id (articles/article_detail.html)
    "DOI",  # the identifier's name, before a DOI
}
# Attributes whose values a reader meets: read aloud, shown on hover, or shown in an empty field.
READ_ATTRIBUTES = {"alt", "aria-label", "title", "placeholder"}
# Between these tags nothing is shown as text.
UNREAD_ELEMENTS = {"script", "style"}
# Tags that translate what they hold, and tags whose content is never output.
TRANSLATING_BLOCKS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans"}
SILENT_BLOCKS = {"comment": "endcomment"}
# Blocks filling an attribute of a parent template's tag (the admin's <body class="{% block bodyclass %}">).
ATTRIBUTE_BLOCKS = {"bodyclass"}
HOLE = "\x00"  # where a tag or a variable was: output, but not the template's own words

# Strings left unmarked in the templates, by "file: text": this list may only shrink. (Empty: every template,
# the admin's own included, is marked.)
KNOWN_UNMARKED: set[str] = set()


def interface_templates():
    """Every template a reader or staff member meets: the public pages and the admin's own."""
    return sorted(path for path in TEMPLATES.rglob("*") if path.suffix in {".html", ".txt"})


def untranslated_source(source: str) -> str:
    """Return the template source with every tag, variable and translated phrase replaced by HOLE (and the
    newlines they spanned, so lines keep their numbers): what is left is the text written in the template."""
    parts, closing = [], None
    for token in DebugLexer(source).tokenize():
        raw = source[token.position[0] : token.position[1]]
        lines = "\n" * raw.count("\n")
        if closing:  # inside a translated or silent block: nothing in it is the template's own text
            parts.append(lines)
            if token.token_type == TokenType.BLOCK and token.contents.split()[0] == closing:
                closing = None
                parts.append(HOLE)
            continue
        if token.token_type == TokenType.TEXT:
            parts.append(raw)
            continue
        if token.token_type == TokenType.BLOCK:
            name, *arguments = token.contents.split()
            closing = TRANSLATING_BLOCKS.get(name) or SILENT_BLOCKS.get(name)
            if name == "block" and arguments[0] in ATTRIBUTE_BLOCKS:
                closing = "endblock"
        parts.append(HOLE + lines)
    # A tag named by a variable (<h{{ level }}>), or given attributes by one (<h3{{ attrs }}>), is a tag.
    return re.sub(r"(</?[a-zA-Z][a-zA-Z0-9]*)" + HOLE, r"\1x", "".join(parts))


class _TextFinder(HTMLParser):
    """Collects (line, text) for the text nodes and the read attributes of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self._unread = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in UNREAD_ELEMENTS:
            self._unread += 1
        attributes = dict(attrs)
        for name, value in attrs:
            read = name in READ_ATTRIBUTES or (
                name == "value" and tag == "input" and attributes.get("type") in {"submit", "button", "reset"}
            )
            if read and value:
                self.found.append((self.getpos()[0], value))

    def handle_endtag(self, tag):
        if tag in UNREAD_ELEMENTS:
            self._unread = max(0, self._unread - 1)

    def handle_data(self, data):
        if not self._unread:
            self.found.append((self.getpos()[0], data))


def words_of(text: str) -> str:
    """Return text without holes, punctuation, numbers and the words allowed to stay in English."""
    words = re.findall(r"[^\W\d_]+", text.replace(HOLE, " "))
    return " ".join(word for word in words if word not in UNTRANSLATED_WORDS)


# Literal strings handed to an include or a default (`with heading="…"`, `|default:"…"`) are shown too;
# a literal of one lower-case word is a keyword (`prefix="route"`, `og_type|default:'website'`).
LITERAL_ARGUMENT = re.compile(r"""(?:\bwith\b.*?\b\w+=|\|default:)(?P<quote>["'])(?P<text>.*?)(?P=quote)""")


def _is_phrase(literal: str) -> bool:
    return bool(words_of(literal)) and (" " in literal.strip() or literal[:1].isupper())


def found_in(source: str) -> list[tuple[int, str]]:
    """Return (line, text) for each piece of English a reader would meet that is not marked."""
    finder = _TextFinder()
    finder.feed(untranslated_source(source))
    finder.close()
    found = [(line, " ".join(text.split())) for line, text in finder.found if words_of(text)]
    for token in DebugLexer(source).tokenize():
        if token.token_type in (TokenType.BLOCK, TokenType.VAR):
            for match in LITERAL_ARGUMENT.finditer(token.contents):
                if _is_phrase(match["text"]) and not token.contents[: match.start("quote")].endswith("_("):
                    found.append((token.lineno, match["text"]))
    return sorted(found)


def unmarked_strings() -> dict[str, int]:
    """Return {"file: text": line} for every template."""
    return {
        f"{path.relative_to(TEMPLATES).as_posix()}: {text}": line
        for path in interface_templates()
        for line, text in found_in(path.read_text(encoding="utf-8"))
    }


def test_every_word_a_template_shows_is_marked_for_translation():
    """A reader of the Spanish edition (or a staff member whose admin is in Spanish) must never meet an
    English sentence the catalogue could not hold."""
    new = [
        entry.replace(": ", f":{line}: ", 1)
        for entry, line in unmarked_strings().items()
        if entry not in KNOWN_UNMARKED
    ]

    assert not new, "Not marked for translation ({% translate %} or {% blocktranslate %}):\n" + "\n".join(new)


def test_the_unmarked_strings_check_finds_text_attributes_and_arguments_but_not_markup():
    """The check above sees what a reader sees, and only that: otherwise its silence would prove nothing."""
    source = (
        '{% load i18n %}<nav aria-label="Main">\n'
        '<h1>{% translate "Marked" %}</h1>\n'
        "<p>{% blocktranslate %}Also {{ marked }}{% endblocktranslate %}</p>\n"
        '<img src="{{ x }}" alt="A photo" class="hero card">\n'
        "{# Not shown #}{% comment %}Nor this{% endcomment %}<script>var shown = false;</script>\n"
        '<p>Left in English</p><input type="submit" value="Send"> &middot; 12 &amp; {{ var }} · RSS\n'
        '{% include "x.html" with heading="Talk to us" other=_("Marked too") %}{{ y|default:"Nothing" }}\n'
        '<h{{ level }} id="x">{% block bodyclass %}{{ block.super }} login{% endblock %}</h{{ level }}>\n'
    )

    assert found_in(source) == [
        (1, "Main"),
        (4, "A photo"),
        (6, "Left in English"),
        (6, "Send"),
        (7, "Nothing"),
        (7, "Talk to us"),
    ]


def test_the_known_unmarked_list_only_names_strings_still_unmarked():
    """Once a listed string is marked, it leaves the list: the list can only shrink."""
    still_unmarked = KNOWN_UNMARKED & set(unmarked_strings())

    assert still_unmarked == KNOWN_UNMARKED, (
        f"marked now, remove from the list: {KNOWN_UNMARKED - still_unmarked}"
    )


# --- The catalogue ---------------------------------------------------------------------------------------


def _unquote(line: str) -> str:
    """Return the text of a .po line's quoted string, its escapes undone."""
    quoted = line[line.index('"') + 1 : line.rindex('"')]
    return re.sub(r"\\(.)", lambda escape: {"n": "\n", "t": "\t"}.get(escape[1], escape[1]), quoted)


def catalogue_entries(path: Path) -> dict:
    """Return {(context, msgid, msgid_plural): {"msgstr": [...], "fuzzy": bool}} of a .po file."""
    entries, entry, field = {}, None, None

    def finish():
        if entry and entry["msgid"]:  # the header (msgid "") is not a message
            key = (entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural"))
            entries[key] = {"msgstr": entry["msgstr"], "fuzzy": entry["fuzzy"]}

    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            finish()
            entry, field = None, None
            continue
        if line.startswith("#~"):  # an obsolete entry: not in the catalogue
            continue
        if entry is None:
            entry = {"msgid": None, "msgstr": [], "fuzzy": False}
        if line.startswith("#,") and "fuzzy" in line:
            entry["fuzzy"] = True
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if field == "msgstr":
                entry["msgstr"][-1] += _unquote(line)
            else:
                entry[field] += _unquote(line)
        else:
            keyword = line.split(" ", 1)[0]
            field = "msgstr" if keyword.startswith("msgstr") else keyword
            if field == "msgstr":
                entry["msgstr"].append(_unquote(line))
            else:
                entry[field] = _unquote(line)
    return entries


@pytest.fixture
def extracted_catalogue(tmp_path, monkeypatch):
    """The catalogue `make messages` would write now, made in a copy of the project (the real one is left
    as it is): the committed catalogue's translations, merged with the strings the code marks today."""
    if not shutil.which("xgettext") or not shutil.which("msgmerge"):
        pytest.fail("GNU gettext is missing: run `bash tools/install_gettext.sh` (make test does).")
    copy = tmp_path / "project"
    for name in [
        "templates",
        "locale",
        "clinic",
        "articles",
        "library",
        "conditions",
        "editorial",
        "domain",
        "infrastructure",
    ]:
        shutil.copytree(PROJECT_DIR / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        call_command("makemessages", **MAKEMESSAGES_OPTIONS)
    return copy / "locale" / "es" / "LC_MESSAGES" / "django.po"


def test_the_spanish_catalogue_holds_exactly_the_strings_marked_for_translation(extracted_catalogue):
    """A string newly marked (or changed) without `make messages` has no entry a translator could fill:
    Spanish readers would meet it in English."""
    committed = set(catalogue_entries(CATALOGUE))
    current = set(catalogue_entries(extracted_catalogue))

    assert current - committed == set(), "marked but not in locale/es/…/django.po: run `make messages`"
    assert committed - current == set(), "in the catalogue but no longer marked: run `make messages`"


def test_the_catalogue_reader_sees_contexts_plurals_and_fuzzy_entries(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n\n'
        '#: a.html\nmsgctxt "button"\nmsgid "Search"\nmsgstr "Buscar"\n\n'
        '#, fuzzy, python-format\nmsgid "One %(n)s"\nmsgid_plural "Many "\n"%(n)s"\n'
        'msgstr[0] ""\nmsgstr[1] "Muchos"\n\n'
        '#~ msgid "Gone"\n#~ msgstr "Ido"\n',
        encoding="utf-8",
    )

    assert catalogue_entries(po) == {
        ("button", "Search", None): {"msgstr": ["Buscar"], "fuzzy": False},
        (None, "One %(n)s", "Many %(n)s"): {"msgstr": ["", "Muchos"], "fuzzy": True},
    }


def test_every_entry_of_the_spanish_catalogue_is_translated_and_none_is_fuzzy():
    """Issue 24's "done when": an empty or fuzzy entry shows a Spanish reader English (or a guess)."""
    entries = catalogue_entries(CATALOGUE)
    untranslated = [key[1] for key, entry in entries.items() if not all(entry["msgstr"])]
    fuzzy = [key[1] for key, entry in entries.items() if entry["fuzzy"]]

    assert entries
    assert untranslated == [], f"{len(untranslated)} entries without a translation"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy entries"
