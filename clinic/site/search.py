"""Site search across published articles, listed conditions and listed treatment routes.

On PostgreSQL: full-text search with weighted fields (title above summary above body), ranking, and
snippets highlighted by the database; the article vector matches the GIN index made by
articles/migrations (ARTICLE_SEARCH_INDEX). On SQLite: a word-by-word `icontains` fallback that finds the
same obvious matches, ranked by where the words appear.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Func, Q, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article
from clinic.core.richtext import html_to_text
from conditions.models import AdministrationRoute, Condition

MAX_QUERY_CHARS = 200
MAX_TERMS = 8
MAX_RESULTS_PER_KIND = 50
SNIPPET_CHARS = 220
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


def search(query: str) -> list[SearchResult]:
    """Return results for query, best first; an empty query finds nothing."""
    query = normalize_query(query)
    if not query:
        return []
    results = _postgres_search(query) if connection.vendor == "postgresql" else _fallback_search(query)
    return sorted(results, key=lambda result: result.rank, reverse=True)


def article_search_vector():
    """Return the weighted vector of an article; must stay identical to the GIN index's expression."""
    return (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("dek", "excerpt", weight="B", config=SEARCH_CONFIG)
        + SearchVector("body", weight="C", config=SEARCH_CONFIG)
    )


def _without_tags(field):
    return Func(F(field), Value("<[^>]+>"), Value(" "), Value("g"), function="regexp_replace")


def _postgres_search(query: str) -> list[SearchResult]:
    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    headline_options = {
        "config": SEARCH_CONFIG,
        "start_sel": MARK_START,
        "stop_sel": MARK_STOP,
        "max_words": 35,
        "min_words": 15,
        "max_fragments": 2,
        "fragment_delimiter": " … ",
    }
    sources = [
        ("Article", Article.objects.published(), article_search_vector(), "body"),
        (
            "Condition",
            Condition.objects.listed(),
            SearchVector("name", weight="A", config=SEARCH_CONFIG)
            + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
            + SearchVector("description", weight="C", config=SEARCH_CONFIG),
            "description",
        ),
        (
            "Treatment",
            AdministrationRoute.objects.listed(),
            SearchVector("name", "short_name", "medication", weight="A", config=SEARCH_CONFIG)
            + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
            + SearchVector("description", weight="C", config=SEARCH_CONFIG),
            "description",
        ),
    ]
    results = []
    for kind, queryset, vector, text_field in sources:
        rows = (
            queryset.annotate(search=vector, rank=SearchRank(vector, search_query))
            .filter(search=search_query)
            .annotate(headline=SearchHeadline(_without_tags(text_field), search_query, **headline_options))
            .order_by("-rank")[:MAX_RESULTS_PER_KIND]
        )
        results += [_result(kind, row, _marked(row.headline), row.rank) for row in rows]
    return results


def _marked(text: str) -> SafeString:
    # Escape everything the database returned, then turn only our sentinels into <mark> elements.
    safe = escape(" ".join(text.split()))
    return mark_safe(safe.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))


def _fallback_search(query: str) -> list[SearchResult]:
    terms = [term for term in re.split(r"\s+", query.replace('"', " ")) if term][:MAX_TERMS]
    if not terms:
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
        matches_all = Q()
        for term in terms:  # every word must appear somewhere, as websearch requires on PostgreSQL
            matches_all &= _any_field_contains(fields, term)
        for row in queryset.filter(matches_all)[:MAX_RESULTS_PER_KIND]:
            rank = sum(
                _weight(row, title_fields, term, 1.0)
                + _weight(row, summary_fields, term, 0.4)
                + _weight(row, (text_field,), term, 0.1)
                for term in terms
            )
            text = html_to_text(getattr(row, text_field)) or " ".join(getattr(row, f) for f in summary_fields)
            results.append(_result(kind, row, _python_snippet(text, terms), rank))
    return results


def _any_field_contains(fields, term):
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": term})
    return condition


def _weight(row, fields, term, weight):
    return weight if any(term.casefold() in str(getattr(row, f)).casefold() for f in fields) else 0.0


def _python_snippet(text: str, terms: list[str]) -> SafeString:
    lowered = text.casefold()
    positions = [lowered.find(term.casefold()) for term in terms if lowered.find(term.casefold()) >= 0]
    start = max(0, min(positions) - 60) if positions else 0
    excerpt = text[start : start + SNIPPET_CHARS]
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    marked = pattern.sub(lambda match: f"{MARK_START}{match.group(0)}{MARK_STOP}", excerpt)
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_CHARS < len(text) else ""
    return _marked(f"{prefix}{marked}{suffix}")


def _result(kind, row, snippet, rank) -> SearchResult:
    title = getattr(row, "title", None) or row.name
    return SearchResult(
        kind=kind, title=title, url=row.get_absolute_url(), snippet=snippet, rank=float(rank or 0)
    )
