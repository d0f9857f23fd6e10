"""Site search across published articles, listed conditions and listed treatment routes.

On PostgreSQL: full-text search with weighted fields (title above summary above body), ranking, and snippets
highlighted by the database; articles keep their vector in a stored column with a GIN index
(articles/migrations/0008), so ranking reads it instead of recomputing it from every body, and only the page
of results shown is highlighted, in the plain text of the body saved with it. Elsewhere (SQLite): a fallback
that stems words with the same Snowball English stemmer as PostgreSQL's english configuration, so "nasal
sprays" finds what "nasal spray" finds; the database narrows the rows with `icontains` on each stem's root,
Python checks whole words.

Titles and snippets are authored text, so their crisis tokens are filled with the site profile's numbers
before a snippet is cut or marked: a token is never cut in half, and a match on the number is marked. The
query itself is never filled: the page shows it as the reader typed it.
"""

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

import snowballstemmer
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection
from django.db.models import F, Func, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Replace
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article
from conditions.models import AdministrationRoute, Condition
from domain.crisis_text import TOKENS, fill
from domain.models import SiteProfile
from domain.richtext import html_to_text

MAX_QUERY_CHARS = 200
MAX_TERMS = 8
MAX_RESULTS_PER_KIND = 50
SNIPPET_CHARS = 220
SNIPPET_LEAD_CHARS = 60  # context shown before the first match
MAX_CANDIDATES = 500  # rows per kind the fallback checks word by word
WORD = re.compile(r"\w+")
# PostgreSQL's english configuration ignores these (its english.stop list, in short); so does the fallback.
STOP_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "do", "does", "for", "from",
    "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "of", "on", "or", "our",
    "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "to", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "you",
    "your"
})  # fmt: skip
SEARCH_CONFIG = "english"
# Sentinels the database puts around matches; the snippet is escaped first, then they become <mark>.
MARK_START, MARK_STOP = "\x02", "\x03"


@dataclass(frozen=True)
class SearchResult:
    kind: str
    title: str
    url: str
    snippet: SafeString
    rank: float


def normalize_query(raw: str) -> str:
    """Return the query as searched: whitespace collapsed, control characters dropped, at most 200 chars."""
    printable = "".join(ch for ch in raw if ch.isprintable() or ch.isspace())
    return " ".join(printable.split())[:MAX_QUERY_CHARS].strip()


def search(query: str, profile=None):
    """Return results for query, best first, their crisis tokens filled from profile (the current site
    profile by default); an empty query finds nothing.

    On PostgreSQL the answer is a RankedResults: every match is ranked at once, but titles and highlighted
    snippets are fetched only for the slice read (the page shown).
    """
    query = normalize_query(query)
    if not query:
        return []
    profile = profile or SiteProfile.objects.get_current()
    if connection.vendor == "postgresql":
        return _postgres_search(query, profile)
    return sorted(_fallback_search(query, profile), key=lambda result: result.rank, reverse=True)


def article_search_vector():
    """Return the article's stored, weighted vector (articles/migrations/0008), indexed by article_search_idx.

    A trigger keeps it equal to title (A), subtitle and excerpt (B) and body (C), so ranks are as before.
    """
    return RawSQL('"articles_article"."search_vector"', [], output_field=SearchVectorField())


def _without_tags(field):
    return Func(F(field), Value("<[^>]+>"), Value(" "), Value("g"), function="regexp_replace")


HEADLINE_OPTIONS = {
    "config": SEARCH_CONFIG,
    "start_sel": MARK_START,
    "stop_sel": MARK_STOP,
    "max_words": 35,
    "min_words": 15,
    "max_fragments": 2,
    "fragment_delimiter": " … ",
}


@dataclass(frozen=True)
class _Source:
    kind: str
    public: object  # () -> QuerySet of what the public may find
    vector: object  # () -> the weighted search vector
    title_field: str
    text: object  # () -> the readable text its snippets are cut from
    url_name: str
    text_from_html: bool = True  # the text still holds HTML entities


SOURCES = [
    # Articles keep their body as plain text, saved with it: no tags to strip per search, no entities.
    _Source(
        "Article",
        Article.objects.published,
        article_search_vector,
        "title",
        lambda: F("body_text"),
        "articles:detail",
        text_from_html=False,
    ),
    _Source(
        "Condition",
        Condition.objects.listed,
        lambda: (
            SearchVector("name", weight="A", config=SEARCH_CONFIG)
            + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
            + SearchVector("description", weight="C", config=SEARCH_CONFIG)
        ),
        "name",
        lambda: _without_tags("description"),
        "conditions:detail",
    ),
    _Source(
        "Treatment",
        AdministrationRoute.objects.listed,
        lambda: (
            SearchVector("name", "short_name", "medication", weight="A", config=SEARCH_CONFIG)
            + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
            + SearchVector("description", weight="C", config=SEARCH_CONFIG)
        ),
        "name",
        lambda: _without_tags("description"),
        "conditions:route_detail",
    ),
]
SOURCE_ORDER = {source.kind: order for order, source in enumerate(SOURCES)}


def _union(querysets):
    querysets = list(querysets)
    return querysets[0].union(*querysets[1:], all=True) if len(querysets) > 1 else querysets[0]


def _filled_in_sql(text, profile):
    """Return the text expression with the crisis tokens replaced by the profile's numbers."""
    for token, field in TOKENS.items():
        text = Replace(text, Value(token), Value(getattr(profile, field)))
    return text


def _postgres_search(query: str, profile) -> "RankedResults":
    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    # One statement ranks every match of each kind (best 50 each) and reads nothing else: no text, no snippet.
    ranked = _union(
        source.public()
        .annotate(
            search=source.vector(),
            rank=SearchRank(source.vector(), search_query),
            found_kind=Value(source.kind),
        )
        .filter(search=search_query)
        .order_by("-rank", "pk")
        .values_list("found_kind", "pk", "rank")[:MAX_RESULTS_PER_KIND]
        for source in SOURCES
    )
    # Best first; equal ranks keep the kinds' order (articles, conditions, treatments), as before.
    refs = sorted(ranked, key=lambda ref: (-ref[2], SOURCE_ORDER[ref[0]], ref[1]))
    return RankedResults(refs, search_query, profile)


class RankedResults(Sequence):
    """Ranked (kind, pk, rank) references; reading a slice fetches its titles and snippets in one query."""

    def __init__(self, refs, search_query, profile):
        self._refs = refs
        self._search_query = search_query
        self._profile = profile

    def __len__(self):
        return len(self._refs)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._fetch(self._refs[index])
        return self._fetch([self._refs[index]])[0]

    def __iter__(self):
        return iter(self[:])

    def __eq__(self, other):
        if isinstance(other, (list, tuple, RankedResults)):
            return list(self) == list(other)
        return NotImplemented

    def _fetch(self, refs) -> list[SearchResult]:
        if not refs:
            return []
        wanted = {}
        for kind, pk, _rank in refs:
            wanted.setdefault(kind, []).append(pk)
        rows = _union(
            source.public()
            .filter(pk__in=wanted[source.kind])
            .annotate(
                found_kind=Value(source.kind),
                label=F(source.title_field),
                snippet=SearchHeadline(
                    _filled_in_sql(source.text(), self._profile), self._search_query, **HEADLINE_OPTIONS
                ),
            )
            .order_by()
            .values_list("found_kind", "pk", "label", "slug", "snippet")
            for source in SOURCES
            if source.kind in wanted
        )
        found = {(kind, pk): (label, slug, snippet) for kind, pk, label, slug, snippet in rows}
        sources = {source.kind: source for source in SOURCES}
        results = []
        for kind, pk, rank in refs:
            if (kind, pk) not in found:
                continue  # unpublished or hidden between the two statements
            label, slug, snippet = found[kind, pk]
            url = reverse(sources[kind].url_name, kwargs={"slug": slug})
            results.append(
                SearchResult(
                    kind=kind,
                    title=fill(label, self._profile),
                    url=url,
                    snippet=_marked(snippet, from_html=sources[kind].text_from_html),
                    rank=float(rank or 0),
                )
            )
        return results


def _marked(text: str, *, from_html: bool = False) -> SafeString:
    # Escape everything the database returned, then turn only our sentinels into <mark> elements. Text cut
    # from stored HTML still holds its entities ("Suicide &amp; Crisis Lifeline"): decoded first, so that
    # escaping doesn't show them to readers as "&amp;".
    if from_html:
        text = html.unescape(text)
    safe = escape(" ".join(text.split()))
    return mark_safe(safe.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))


def _fallback_search(query: str, profile) -> list[SearchResult]:
    stem = snowballstemmer.stemmer("english").stemWord  # one stemmer per search: it keeps state
    stems = list(dict.fromkeys(_query_stems(query, stem)))[:MAX_TERMS]
    if not stems:
        return []
    sources = [
        ("Article", Article.objects.published(), ("title",), ("dek", "excerpt"), "body"),
        ("Condition", Condition.objects.listed(), ("name",), ("summary",), "description"),
        (
            "Treatment",
            AdministrationRoute.objects.listed(),
            ("name", "medication"),
            ("summary",),
            "description",
        ),
    ]
    results = []
    for kind, queryset, title_fields, summary_fields, text_field in sources:
        fields = (*title_fields, *summary_fields, text_field)
        candidates = Q()
        for term in stems:  # every word must appear somewhere, as websearch requires on PostgreSQL
            candidates &= _any_field_contains(fields, _root(term))
        found = []
        for row in queryset.filter(candidates)[:MAX_CANDIDATES]:
            text = html_to_text(getattr(row, text_field))
            field_stems = [
                _text_stems(" ".join(str(getattr(row, f)) for f in group), stem)
                for group in (title_fields, summary_fields)
            ] + [_text_stems(text, stem)]
            if not all(any(term in group for group in field_stems) for term in stems):
                continue  # the root matched inside another word, not a form of the word searched
            rank = sum(
                weight
                for term in stems
                for weight, group in zip((1.0, 0.4, 0.1), field_stems, strict=True)
                if term in group
            )
            text = fill(text or " ".join(getattr(row, f) for f in summary_fields), profile)
            found.append(_result(kind, row, _python_snippet(text, stems, stem), rank, profile))
            if len(found) == MAX_RESULTS_PER_KIND:
                break
        results += found
    return results


def _query_stems(query, stem):
    words = [word for word in WORD.findall(query.casefold()) if word not in STOP_WORDS]
    return [stem(word) for word in words]


def _text_stems(text, stem):
    return {stem(word) for word in WORD.findall(text.casefold())}


def _root(term):
    """Return the part of a stem every form of the word starts with ("studi" for study: "stud")."""
    return term[:-1] if term.endswith("i") and len(term) > 3 else term


def _any_field_contains(fields, term):
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": term})
    return condition


def _python_snippet(text: str, stems: list[str], stem) -> SafeString:
    """Return about SNIPPET_CHARS of text around the first match, cut at word boundaries, matches marked."""
    words = list(WORD.finditer(text))
    if not words:
        return _marked(text[:SNIPPET_CHARS])
    wanted = set(stems)
    hit = next((word for word in words if stem(word.group().casefold()) in wanted), words[0])
    start = next(word.start() for word in words if word.end() > hit.start() - SNIPPET_LEAD_CHARS)
    shown = [word for word in words if word.start() >= start and word.end() <= start + SNIPPET_CHARS]
    end = shown[-1].end() if shown else hit.end()
    while end < len(text) and end - start < SNIPPET_CHARS and text[end] in ".,;:!?)”’\"'":
        end += 1  # keep the punctuation that closes the last word
    parts, position = [], start
    for word in shown:
        if stem(word.group().casefold()) in wanted:
            parts += [text[position : word.start()], MARK_START, word.group(), MARK_STOP]
            position = word.end()
    parts.append(text[position:end])
    prefix = "… " if text[:start].strip() else ""
    suffix = " …" if text[end:].strip() else ""
    return _marked(f"{prefix}{''.join(parts)}{suffix}")


def _result(kind, row, snippet, rank, profile) -> SearchResult:
    title = fill(getattr(row, "title", None) or row.name, profile)
    return SearchResult(
        kind=kind, title=title, url=row.get_absolute_url(), snippet=snippet, rank=float(rank or 0)
    )
