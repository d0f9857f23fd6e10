"""Site search across published articles, listed conditions and listed treatment routes.

What a reader typed is first expanded with the site's synonym sets (clinic/site/synonyms.py): "TRD" is
searched as TRD or "treatment-resistant depression". Results come in two tiers, each best first: pages whose
title (a condition's or route's name) or summary has the words, then pages that have them only in the body.

On PostgreSQL: full-text search with weighted fields (title above summary above body), ranking, and snippets
highlighted by the database. Each kind keeps two stored vectors, filled by triggers (articles/migrations/0008
and 0019, conditions/migrations/0012): the whole page's, and its title's and summary's alone (the "head"),
each with a GIN index on articles. Each tier ranks its MAX_RANKED newest matches: a word few articles have
is found through the vector's index and every match is ranked; a word thousands of articles have is read
newest first from the listing index, so that it costs what a rare word does. Only the page of results shown
is highlighted, in a window of the text around the first possible match (the plain text of an article's
body is saved with it). Elsewhere (SQLite): a fallback that stems words with the same Snowball English
stemmer as PostgreSQL's english configuration, so "nasal sprays" finds what "nasal spray" finds; the
database narrows the rows with `icontains` on each stem's root, Python checks whole words and phrases, and
ranks by where the words are and how much of the title they name.

A query that finds nothing as typed is searched again by the view, its misspelt words corrected and its
unknown ones left out (clinic/site/forgiving.py); a query that finds something costs no more for it.

A Spanish page (/es/search/) searches the public Spanish translations of what the public may find, and only
those: never an English-only page, and an English page never finds a translation. Each translation keeps
stored vectors as its original does (articles/migrations/0021, conditions/migrations/0016), in the
clinic_spanish configuration: accents taken off, then Spanish stems, so "depresion" finds "Depresión" and
"inyecciones" finds "inyección"; the fallback folds accents and stems with Snowball's Spanish stemmer in
Python. The synonym sets and the forgiving search are English and stay off there (see spanish_parts).

Titles and snippets are authored text, so their crisis tokens are filled with the site profile's numbers
before a snippet is cut or marked: a token is never cut in half, and a match on the number is marked. The
query itself is never filled: the page shows it as the reader typed it.
"""

import functools
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import F, Func, Q, TextField
from django.db.models.lookups import Contains
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext_lazy

from articles.models import Article, ArticleTranslation
from conditions.models import (
    AdministrationRoute,
    AdministrationRouteTranslation,
    Condition,
    ConditionTranslation,
)
from domain.crisis_text import TOKENS, fill
from domain.models import SiteProfile
from domain.richtext import html_to_text
from domain.search_terms import (
    SPANISH_STOP_WORDS,
    STOP_WORDS,
    WORD,
    fold_accents,
    spanish_stemmer,
    stemmer,
)
from domain.translations import current_language, default_language

from .synonyms import AnyOf, Text, as_websearch, expand

MAX_QUERY_CHARS = 200
MAX_TERMS = 8
MAX_RESULTS_PER_KIND = 50
SNIPPET_CHARS = 220
SNIPPET_LEAD_CHARS = 60  # context shown before the first match
# PostgreSQL highlights a snippet in this much of the text, from a little before the first possible match.
SNIPPET_WINDOW_CHARS, SNIPPET_WINDOW_LEAD_CHARS = 1000, 200
MAX_CANDIDATES = 500  # rows per kind the fallback checks word by word
# Matches per kind and tier that PostgreSQL ranks: the newest, when a word is common to more pages than this.
MAX_RANKED = 100
SEARCH_CONFIG = "english"
SPANISH_SEARCH_CONFIG = "clinic_spanish"  # spanish, accents taken off first (domain/migrations/0016)
# Sentinels the database puts around matches; the snippet is escaped first, then they become <mark>.
MARK_START, MARK_STOP = "\x02", "\x03"
# The tiers results come in: the words in the title or summary, or only in the body.
IN_TITLE_OR_SUMMARY, IN_BODY = 0, 1


# The badge each kind of result wears; the kinds themselves are keys (they go through SQL), not words.
KIND_LABELS = {
    "Article": pgettext_lazy("search result kind", "Article"),
    "Condition": pgettext_lazy("search result kind", "Condition"),
    "Treatment": pgettext_lazy("search result kind", "Treatment"),
}


@dataclass(frozen=True)
class SearchResult:
    kind: str
    title: str
    url: str
    snippet: SafeString
    rank: float
    tier: int = IN_TITLE_OR_SUMMARY

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]


def normalize_query(raw: str) -> str:
    """Return the query as searched: whitespace collapsed, control characters dropped, at most 200 chars."""
    printable = "".join(ch for ch in raw if ch.isprintable() or ch.isspace())
    return " ".join(printable.split())[:MAX_QUERY_CHARS].strip()


def search(query: str, profile=None, language=None):
    """Return results for query, best first, their crisis tokens filled from profile (the current site
    profile by default); an empty query finds nothing.

    language is the pages' (the page being served's by default): "es" searches the Spanish translations, in
    Spanish, and its results link to the Spanish pages.

    On PostgreSQL the answer is a RankedResults: every match is ranked at once, but titles and highlighted
    snippets are fetched only for the slice read (the page shown).
    """
    query = normalize_query(query)
    if not query:
        return []
    language = language or current_language()
    profile = profile or SiteProfile.objects.get_current()
    # The synonym sets are English terms for English pages.
    parts = expand(query) if language == default_language() else spanish_parts(query)
    if connection.vendor == "postgresql":
        return _postgres_search(parts, profile, language)
    results = _fallback_search(parts, profile, language)
    return sorted(results, key=lambda result: (result.tier, -result.rank))


@dataclass(frozen=True)
class _Language:
    """How pages in one language are searched: PostgreSQL's configuration, and the fallback's equivalent."""

    config: str  # PostgreSQL's text search configuration
    stemmer: Callable  # () -> stem(word), as the configuration stems words; one per search: it keeps state
    stop_words: frozenset  # words the configuration leaves out, as the stemmer sees them
    folds_accents: bool  # whether accents are taken off before words are compared
    root: Callable  # a stem -> the part every form of its word starts with, as the word is written...
    pattern: Callable  # ...and that part as a PostgreSQL regular expression that finds it in the text

    def fold(self, text):
        return fold_accents(text) if self.folds_accents else text


# Accented letters a folded Spanish root stands for in the text (PostgreSQL's regular expressions don't
# fold accents): where a snippet's window starts.
ACCENTED = {"a": "áàâä", "e": "éèêë", "i": "íìîï", "o": "óòôö", "u": "úùûü", "n": "ñ", "c": "ç"}


def _accented_pattern(root):
    return "".join(
        f"[{letter}{ACCENTED[letter]}{ACCENTED[letter].upper()}]" if letter in ACCENTED else re.escape(letter)
        for letter in root
    )


def _root(term):
    """Return the part of a stem every form of the word starts with ("studi" for study: "stud")."""
    return term[:-1] if term.endswith("i") and len(term) > 3 else term


def _spanish_root(term):
    """Return the part of a Spanish stem (accents off) every form of the word starts with: "-encia" stems as
    "-ent" ("emergencia", "emergente": "emergent"), so the root of "emergent" is "emergen"."""
    return term[:-1] if term.endswith("ent") and len(term) > 4 else term


LANGUAGES = {
    "en": _Language(SEARCH_CONFIG, stemmer, STOP_WORDS, False, _root, re.escape),
    "es": _Language(
        SPANISH_SEARCH_CONFIG, spanish_stemmer, SPANISH_STOP_WORDS, True, _spanish_root, _accented_pattern
    ),
}
ENGLISH = LANGUAGES["en"]

# PostgreSQL 15's Snowball stems "medicación" and "medicaciones" alike ("medic"), but not "medicacion": with
# the accent taken off first, the singular keeps its whole word. A Spanish query's words in -ación and
# -ución are searched in both numbers, so that either finds both (a newer Snowball, the fallback's, needs it
# not, and finds the same).
SPANISH_BOTH_NUMBERS = re.compile(r"(\w+[au]cion)(?:es)?")


def spanish_parts(query: str) -> list:
    """Return a Spanish query as parts (clinic/site/synonyms.py): as typed, but for the words searched in both
    numbers. Words in quotes or after a minus are searched as typed: the reader asked for them exactly.

    The synonym sets and the forgiving search (clinic/site/forgiving.py) are English: they would search an
    English term, or "correct" a Spanish word into an English one, so Spanish pages go without them.
    """
    parts, position = [], 0
    for match in WORD.finditer(query):
        start = match.start()
        in_quotes = query.count('"', 0, start) % 2 == 1
        negated = start > 0 and query[start - 1] == "-" and (start == 1 or query[start - 2].isspace())
        forms = SPANISH_BOTH_NUMBERS.fullmatch(fold_accents(match.group()).casefold())
        if forms is None or in_quotes or negated:
            continue
        if query[position:start].strip():
            parts.append(Text(query[position:start]))
        singular = forms.group(1)
        parts.append(AnyOf(match.group(), (singular, f"{singular}es")))
        position = match.end()
    if query[position:].strip() or not parts:
        parts.append(Text(query[position:]))
    return parts


# PostgreSQL. Both statements are written as SQL, around the WHERE clause of each kind's public QuerySet
# (Article.objects.published() and the others, the one place that says what the public may see): built
# with the ORM, the ranking statement's nested subqueries took 10 ms of Python each search, three times the
# database's time. Columns are named without a table: in each subquery the nearest table is meant.
def tsquery(config):
    return f"websearch_to_tsquery('{config}'::regconfig, %s)"


TSQUERY = tsquery(SEARCH_CONFIG)
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_STOP}, MaxWords=35, MinWords=15, MaxFragments=2, "
    'FragmentDelimiter=" … "'
)


@dataclass(frozen=True)
class _Source:
    kind: str
    model: type
    public: object  # () -> QuerySet of what the public may find
    title_field: str
    text_field: str  # the text its snippets are cut from
    url_name: str
    text_from_html: bool = True  # the text holds tags and HTML entities
    newest_first: str = "id DESC"  # the order of an index, for a word thousands of rows have
    config: str = SEARCH_CONFIG
    original: type | None = None  # for a translation: the model it translates, which holds the slug

    @property
    def table(self):
        return connection.ops.quote_name(self.model._meta.db_table)

    @property
    def tsquery(self):
        return tsquery(self.config)

    @property
    def slug_sql(self):
        if self.original is None:
            return "slug"
        original = connection.ops.quote_name(self.original._meta.db_table)
        return f"(SELECT slug FROM {original} WHERE {original}.id = {self.table}.original_id)"

    def public_where(self):
        """Return the public QuerySet's WHERE clause and its parameters."""
        query = self.public().query
        # The statements below read the kind's own table alone. (A join set up and then trimmed, as for
        # reviewer__isnull or original__in, is no longer used: its count is 0.)
        if sum(1 for count in query.alias_refcount.values() if count) > 1:
            raise ImproperlyConfigured(f"{self.kind}: search needs a public QuerySet that filters one table")
        sql, params = query.get_compiler(connection=connection).compile(query.where)
        return sql or "TRUE", list(params)

    def ranking_sql(self, query_text, public):
        """Return this kind's part of the ranking statement: a WITH clause (the first tier's best) and the
        statement that reads both tiers' best, (kind, pk, tier, rank), each with its parameters.

        Each tier ranks its MAX_RANKED newest matches (all of them, unless a word is common to thousands of
        pages). The vectors are the stored ones (search_vector, and search_head: title and summary alone),
        kept by triggers: the database reads the newest matches from an index in that order, or, when they
        are few, through the vector's own index, and ranks only those. The second tier is read only when the
        first has fewer than MAX_RESULTS_PER_KIND: otherwise none of it would be shown.
        """
        where, where_params = public  # public_where(), compiled once per search
        first = f"in_title_or_summary_{self.kind.lower()}"
        query = self.tsquery

        def best(tier, among, condition="", condition_params=()):
            sql = (
                f"SELECT %s AS kind, id, {tier} AS tier, ts_rank(search_vector, {query}) AS rank "
                f"FROM {self.table} WHERE {condition}id IN (SELECT id FROM {self.table} WHERE {where} AND "
                f"{among} @@ {query} ORDER BY {self.newest_first} LIMIT {MAX_RANKED}) "
                f"ORDER BY rank DESC, id LIMIT {MAX_RESULTS_PER_KIND}"
            )
            return sql, [self.kind, query_text, *condition_params, *where_params, query_text]

        with_sql, with_params = best(IN_TITLE_OR_SUMMARY, "search_head")
        rest_sql, rest_params = best(
            IN_BODY,
            "search_vector",
            f"(SELECT count(*) FROM {first}) < {MAX_RESULTS_PER_KIND} AND NOT search_head @@ {query} AND ",
            [query_text],
        )
        return (
            (f"{first} AS ({with_sql})", with_params),
            (f"SELECT * FROM {first} UNION ALL ({rest_sql})", rest_params),
        )

    def snippet_sql(self, hints, profile):
        """Return the text a snippet is cut from, as SQL, and its parameters.

        ts_headline reads every word it is given: about 1 ms a body. It is given SNIPPET_WINDOW_CHARS, from a
        little before the first word that starts like a word searched for (hints: the stems' roots, as
        regular expressions), cut at whole words and whole tags; crisis tokens are filled before it is cut,
        so a token is never cut in half.
        """
        field = connection.ops.quote_name(self.text_field)
        text, params = field, []
        for token, attribute in TOKENS.items():
            text, params = f"replace({text}, %s, %s)", [*params, token, getattr(profile, attribute)]
        start = "1"
        if hints:
            start = f"GREATEST(regexp_instr({field}, %s, 1, 1, 0, 'i') - {SNIPPET_WINDOW_LEAD_CHARS}, 1)"
            params.append(r"\m(" + "|".join(hints) + ")")
        # Padded with a space at each end: trimming the words cut in half keeps a text's own first and last.
        window = f"substr(concat(' ', {text}, ' '), {start}, {SNIPPET_WINDOW_CHARS})"
        window = f"regexp_replace(regexp_replace({window}, '^\\S*\\s', ''), '\\s\\S*$', '')"
        if self.text_from_html:  # a tag cut in half at either end, then every tag
            window = f"regexp_replace(regexp_replace({window}, '^[^<]*>', ''), '<[^>]*$', '')"
            window = f"regexp_replace({window}, '<[^>]+>', ' ', 'g')"
        return window, params

    def shown_sql(self, pks, query_text, hints, profile, public):
        """Return the statement that reads the rows shown: (kind, pk, title, slug, highlighted snippet)."""
        where, where_params = public  # as the ranking read them
        text, text_params = self.snippet_sql(hints, profile)
        title = connection.ops.quote_name(self.title_field)
        sql = (
            f"SELECT %s, id, {title}, {self.slug_sql}, "
            f"ts_headline('{self.config}'::regconfig, {text}, {self.tsquery}, %s) "
            f"FROM {self.table} WHERE {where} AND id = ANY(%s)"
        )
        return sql, [self.kind, *text_params, query_text, HEADLINE_OPTIONS, *where_params, list(pks)]


SOURCES = [
    # Articles keep their body as plain text, saved with it: no tags to strip per search, no entities.
    _Source(
        "Article",
        Article,
        # Every published article, whatever the page's language: Spanish pages search the translations.
        lambda: Article.objects.published(in_page_language=False),
        "title",
        "body_text",
        "articles:detail",
        text_from_html=False,
        newest_first="published_at DESC, id DESC",  # the listing index's order
    ),
    _Source("Condition", Condition, Condition.objects.listed, "name", "description", "conditions:detail"),
    _Source(
        "Treatment",
        AdministrationRoute,
        AdministrationRoute.objects.listed,
        "name",
        "description",
        "conditions:route_detail",
    ),
]
SOURCE_ORDER = {source.kind: order for order, source in enumerate(SOURCES)}


def public_translations(model, originals, language):
    """Return () -> the public translations into language of what originals() lets the public see."""
    return lambda: model.objects.public().filter(language=language, original__in=originals().values("pk"))


def _translated_sources(language):
    """The kinds as SOURCES has them, each searched in its translations into language (the same kinds, in
    the same order, so that results are ranked and fetched the same way)."""
    originals = {  # the originals the public may see; a translation must be public itself as well
        Article: (ArticleTranslation, lambda: Article.objects.published(in_page_language=False)),
        Condition: (ConditionTranslation, Condition.objects.listed),
        AdministrationRoute: (AdministrationRouteTranslation, AdministrationRoute.objects.listed),
    }
    sources = []
    for source in SOURCES:
        translations, public_originals = originals[source.model]
        sources.append(
            _Source(
                source.kind,
                translations,
                public_translations(translations, public_originals, language),
                source.title_field,
                source.text_field,
                source.url_name,
                text_from_html=source.text_from_html,
                config=LANGUAGES[language].config,
                original=source.model,
            )
        )
    return sources


SOURCES_BY_LANGUAGE = {"en": SOURCES, "es": _translated_sources("es")}


def _rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def ranking_statement(query_text, sources, public):
    """Return the one statement that ranks every kind's matches for a websearch query, and its parameters.

    public: each kind's public_where(), by kind.
    """
    clauses, statements, clause_params, statement_params = [], [], [], []
    for source in sources:
        (clause, more_clause_params), (statement, more_params) = source.ranking_sql(
            query_text, public[source.kind]
        )
        clauses.append(clause)
        statements.append(statement)
        clause_params += more_clause_params
        statement_params += more_params
    sql = f"WITH {', '.join(clauses)} " + " UNION ALL ".join(statements)
    return sql, clause_params + statement_params


def _best_first(refs):
    """Return (kind, pk, tier, rank) references in the order shown, at most MAX_RESULTS_PER_KIND per kind.

    Tier first, then rank; equal ranks keep the kinds' order (articles, conditions, treatments).
    """
    refs = sorted(refs, key=lambda ref: (ref[2], -(ref[3] or 0), SOURCE_ORDER[ref[0]], ref[1]))
    kept, per_kind = [], dict.fromkeys(SOURCE_ORDER, 0)
    for ref in refs:
        if per_kind[ref[0]] < MAX_RESULTS_PER_KIND:
            per_kind[ref[0]] += 1
            kept.append(ref)
    return kept


def _postgres_search(parts, profile, language="en") -> "RankedResults":
    query_text = as_websearch(parts)
    sources = SOURCES_BY_LANGUAGE[language]
    # What the public may find, compiled once: the ORM's Python costs more than the statements' planning.
    public = {source.kind: source.public_where() for source in sources}
    # One statement finds and ranks each kind's best of each tier and reads nothing else: no text, no snippet.
    refs = _rows(*ranking_statement(query_text, sources, public))
    words = LANGUAGES[language]
    clauses = _clauses(parts, words.stemmer(), words)
    stems = {word for clause in clauses for phrase in clause for word in phrase}
    hints = [words.pattern(root) for root in sorted(map(words.root, stems))]
    return RankedResults(_best_first(refs), query_text, profile, hints, language, public)


class RankedResults(Sequence):
    """Ranked (kind, pk, tier, rank) references; reading a slice fetches its titles and snippets at once."""

    def __init__(self, refs, query_text, profile, hints, language, public):
        self._refs = refs
        self._query_text = query_text  # in websearch syntax, synonyms expanded
        self._profile = profile
        self._hints = hints  # where a snippet's text may begin (_Source.snippet_sql)
        self._language = language  # the pages': which sources, and the results' addresses
        self._public = public  # each kind's public_where() as the ranking read it

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
        for kind, pk, _tier, _rank in refs:
            wanted.setdefault(kind, []).append(pk)
        statements, params = [], []
        sources = SOURCES_BY_LANGUAGE[self._language]
        for source in sources:
            if source.kind in wanted:
                pks, public = wanted[source.kind], self._public[source.kind]
                sql, more = source.shown_sql(pks, self._query_text, self._hints, self._profile, public)
                statements.append(sql)
                params += more
        found = {
            (kind, pk): (label, slug, snippet)
            for kind, pk, label, slug, snippet in _rows(" UNION ALL ".join(statements), params)
        }
        sources = {source.kind: source for source in sources}
        results = []
        for kind, pk, tier, rank in refs:
            if (kind, pk) not in found:
                continue  # unpublished or hidden between the two statements
            label, slug, snippet = found[kind, pk]
            with translation.override(self._language):  # /es/… for a Spanish page's results
                url = reverse(sources[kind].url_name, kwargs={"slug": slug})
            results.append(
                SearchResult(
                    kind=kind,
                    title=fill(label, self._profile),
                    url=url,
                    snippet=_marked(snippet, from_html=sources[kind].text_from_html),
                    rank=float(rank or 0),
                    tier=tier,
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


# The fallback. A query is a list of clauses, all of which must match; a clause is a tuple of alternatives,
# any of which will do; an alternative is a phrase: a tuple of stems that must appear next to each other
# (common words aside). A word typed is a clause of one alternative of one stem; a synonym span is a clause
# of its set's phrases.


def _clauses(parts, stem, words=ENGLISH):
    clauses = []
    for part in parts:
        if isinstance(part, AnyOf):
            phrases = (_stems(phrase, stem, words) for phrase in part.phrases)
            clauses.append(tuple(dict.fromkeys(phrase for phrase in phrases if phrase)))
        else:
            clauses += [((word,),) for word in _stems(part.text, stem, words)]
    return list(dict.fromkeys(clause for clause in clauses if clause))[:MAX_TERMS]


def _stems(text, stem, words=ENGLISH):
    """Return the stems of text's words in order, leaving out the words search ignores (words: the
    language's _Language)."""
    found = WORD.findall(words.fold(text).casefold())
    return tuple(stem(word) for word in found if word not in words.stop_words)


def _has_phrase(stems, phrase):
    if len(phrase) == 1:
        return phrase[0] in stems
    size = len(phrase)
    return any(stems[i : i + size] == phrase for i in range(len(stems) - size + 1))


def _matches(clause, stems):
    return any(_has_phrase(stems, phrase) for phrase in clause)


def _fallback_search(parts, profile, language="en") -> list[SearchResult]:
    words = LANGUAGES[language]
    # One stemmer per search (it keeps state), remembering its words: a page's words repeat.
    stem = functools.lru_cache(maxsize=None)(words.stemmer())
    clauses = _clauses(parts, stem, words)
    if not clauses:
        return []
    wanted = {word for clause in clauses for phrase in clause for word in phrase}
    articles = Article.objects.published(in_page_language=False)
    conditions, routes = Condition.objects.listed(), AdministrationRoute.objects.listed()
    if language != default_language():  # the public translations, each with its original (the address)
        articles = _translations_with_originals(ArticleTranslation, articles, language)
        conditions = _translations_with_originals(ConditionTranslation, conditions, language)
        routes = _translations_with_originals(AdministrationRouteTranslation, routes, language)
    contains = _any_field_contains
    if words.folds_accents:
        _give_the_fold_function()
        contains = _any_folded_field_contains
    sources = [
        ("Article", articles, ("title",), ("dek", "excerpt"), "body"),
        ("Condition", conditions, ("name",), ("summary",), "description"),
        ("Treatment", routes, ("name", "short_name", "medication"), ("summary",), "description"),
    ]
    results = []
    for kind, queryset, title_fields, summary_fields, text_field in sources:
        fields = (*title_fields, *summary_fields, text_field)
        candidates = Q()
        for clause in clauses:  # every clause must match somewhere, as websearch requires on PostgreSQL
            any_phrase = Q()
            for phrase in clause:
                all_words = Q()
                for word in phrase:
                    all_words &= contains(fields, words.root(word))
                any_phrase |= all_words
            candidates &= any_phrase
        found = []
        for row in queryset.filter(candidates)[:MAX_CANDIDATES]:
            text = html_to_text(getattr(row, text_field))
            field_stems = [
                _stems(" ".join(str(getattr(row, f)) for f in group), stem, words)
                for group in (title_fields, summary_fields)
            ] + [_stems(text, stem, words)]
            if not all(any(_matches(clause, group) for group in field_stems) for clause in clauses):
                continue  # the root matched inside another word, not a form of the word searched
            rank = sum(
                weight
                for clause in clauses
                for weight, group in zip((1.0, 0.4, 0.1), field_stems, strict=True)
                if _matches(clause, group)
            ) + _title_coverage(clauses, _stems(getattr(row, title_fields[0]), stem, words))
            head = field_stems[0] + ("",) + field_stems[1]  # a phrase never runs from title into summary
            tier = IN_TITLE_OR_SUMMARY if all(_matches(clause, head) for clause in clauses) else IN_BODY
            text = fill(text or " ".join(getattr(row, f) for f in summary_fields), profile)
            snippet = _python_snippet(text, wanted, stem)
            found.append(_result(kind, row, snippet, rank, tier, profile, language))
        found.sort(key=lambda result: (result.tier, -result.rank))
        results += found[:MAX_RESULTS_PER_KIND]
    return results


def _title_coverage(clauses, title):
    """Return the share of the title's words that the query names: 1 for "PTSD" and "Post-traumatic stress
    disorder (PTSD)", a half for "Complex PTSD", so that the page named what was asked for comes first."""
    if not title:
        return 0.0
    named = set()
    for clause in clauses:
        for phrase in clause:
            if _has_phrase(title, phrase):
                named.update(phrase)
    return len(named) / len(set(title))


def _any_field_contains(fields, term):
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": term})
    return condition


# The fallback's narrowing of a Spanish search compares the text with its accents off, as the stems are:
# "depresion" must find "Depresión". SQLite has no function for it; this one is Python's, given to the
# connection when a search needs it.
FOLD_FUNCTION = "clinic_search_fold"


def _fold_for_sql(text):
    return None if text is None else fold_accents(text).casefold()


def _give_the_fold_function():
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        connection.connection.create_function(FOLD_FUNCTION, 1, _fold_for_sql, deterministic=True)


def _any_folded_field_contains(fields, term):
    condition = Q()
    for field in fields:
        folded = Func(F(field), function=FOLD_FUNCTION, output_field=TextField())
        condition |= Q(Contains(folded, term))
    return condition


def _translations_with_originals(model, originals, language):
    """Return the public translations into language of originals' rows, each with its original loaded."""
    return public_translations(model, lambda: originals, language)().select_related("original")


def _python_snippet(text: str, wanted: set[str], stem) -> SafeString:
    """Return about SNIPPET_CHARS of text around the first match, cut at word boundaries, matches marked."""
    words = list(WORD.finditer(text))
    if not words:
        return _marked(text[:SNIPPET_CHARS])
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


def _result(kind, row, snippet, rank, tier, profile, language="en") -> SearchResult:
    title = fill(getattr(row, "title", None) or row.name, profile)
    with translation.override(language):  # a translation's result is its original's page in its language
        url = getattr(row, "original", row).get_absolute_url()
    return SearchResult(kind=kind, title=title, url=url, snippet=snippet, rank=float(rank or 0), tier=tier)
