"""A table of contents from an article body's <h2>/<h3> headings, with anchor ids added on save.

The body stays exactly as clean_html left it; a second copy (Article.body_with_ids, computed on save)
adds only `id` attributes whose values this module generated (slugs, so nothing to escape), to headings
that clean_html already stripped of every attribute.
"""

import re
from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from domain.richtext import html_to_text

MIN_SECTIONS = 3  # a table of contents earns its space from three <h2> sections up
# clean_html leaves headings attribute-free, and headings can't nest, so a lazy match is exact.
HEADING = re.compile(r"<(h[23])>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
# Ids the page around the body already uses (base.html, the article page); headings must not reuse them.
PAGE_IDS = frozenset(
    {
        "main",
        "site-search-q",
        "footer-crisis",
        "footer-contact",
        "footer-disclaimer",
        "toc-heading",
        "takeaways-heading",
        "references-heading",
        "related-conditions-heading",
        "related-heading",
        "recent-heading",
        "share-heading",
        "crisis-help-heading",
    }
)


@dataclass
class Entry:
    id: str
    text: str
    level: int
    children: list["Entry"] = field(default_factory=list)


@dataclass
class TableOfContents:
    body: SafeString
    entries: list[Entry]
    section_count: int

    @property
    def is_shown(self) -> bool:
        return self.section_count >= MIN_SECTIONS

    def to_json(self) -> dict:
        """Return the headings as JSON-ready data, to store beside the body (Article.toc)."""

        def entry(item):
            return {
                "id": item.id,
                "text": item.text,
                "level": item.level,
                "children": list(map(entry, item.children)),
            }

        return {"entries": [entry(item) for item in self.entries], "sections": self.section_count}

    @classmethod
    def from_json(cls, body: str, data: dict) -> "TableOfContents":
        """Return the table stored by to_json(), around a body that table_of_contents() gave ids to."""

        def entry(item):
            return Entry(
                item["id"], item["text"], item["level"], [entry(child) for child in item["children"]]
            )

        # Safe: body is table_of_contents()'s output for a cleaned body (see the note at its end).
        entries = [entry(item) for item in (data or {}).get("entries", [])]
        return cls(mark_safe(body), entries, (data or {}).get("sections", 0))


def _unique_id(text: str, taken: set[str]) -> str:
    base = slugify(text, allow_unicode=True) or "section"
    candidate, number = base, 2
    while candidate in taken or re.fullmatch(r"ref-\d+", candidate):
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def table_of_contents(clean_body: str) -> TableOfContents:
    """Return the body with ids on its <h2>/<h3> headings, and the headings as a nested list.

    clean_body must be the stored, already-cleaned article body.
    """
    taken = set(PAGE_IDS)
    entries: list[Entry] = []
    section_count = 0

    def add_id(match):
        nonlocal section_count
        tag, inner = match.group(1).lower(), match.group(2)
        text = html_to_text(inner)
        if not text:
            return match.group(0)  # an empty heading is no place to jump to
        entry = Entry(_unique_id(text, taken), text, int(tag[1]))
        if tag == "h2" or not entries or entries[-1].level == 3:
            entries.append(entry)
            section_count += tag == "h2"
        else:
            entries[-1].children.append(entry)
        return f'<{tag} id="{entry.id}">{inner}</{tag}>'

    body = HEADING.sub(add_id, clean_body)
    # Safe: clean_body passed clean_html's allow-list, and the only additions are id="<slug>" attributes;
    # slugify keeps letters, digits, "_" and "-", none of which can end the attribute.
    return TableOfContents(mark_safe(body), entries, section_count)
