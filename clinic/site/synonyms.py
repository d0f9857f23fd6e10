"""Query expansion: a term the reader typed that belongs to a synonym set is searched as any term of the set.

"TRD ketamine" is searched as (TRD or "treatment resistant depression" or …) and ketamine. The query is cut
into parts: plain text, searched as typed, and the spans that name a set, each replaced by the set's terms as
phrases. Spans are found on word stems (so "infusions" names the set of "infusion"), longest first, and never
inside quotes or after a minus (`-spravato` keeps its meaning: without it).

The sets come from domain.models.SynonymSet, read once per change of the sets from the shared cache.
"""

import re
from dataclasses import dataclass

from domain.models import SynonymSet
from domain.search_terms import STOP_WORDS, WORD, parse_terms_leniently, stemmer
from infrastructure import cache

OR = "or"


@dataclass(frozen=True)
class SynonymIndex:
    sets: tuple[tuple[str, ...], ...]  # each set's terms as the plain phrases searched for
    by_key: dict  # a term's stems → the number of its set
    longest: int  # the most stems in one term

    @classmethod
    def build(cls, term_lists) -> "SynonymIndex":
        sets, by_key = [], {}
        for terms in term_lists:
            fresh = [term for term in terms if term.key not in by_key]  # a term in two sets: the first one
            if len(fresh) < 2:
                continue
            for term in fresh:
                by_key[term.key] = len(sets)
            sets.append(tuple(term.phrase for term in fresh))
        return cls(tuple(sets), by_key, max((len(key) for key in by_key), default=0))


def current_index() -> SynonymIndex:
    """Return the site's synonym sets, from the shared cache until staff change one."""
    return cache.get_or_compute(
        "search-synonyms",
        lambda: SynonymIndex.build(
            parse_terms_leniently(terms) for terms in SynonymSet.objects.values_list("terms", flat=True)
        ),
        depends_on=[SynonymSet._meta.label_lower],
    )


@dataclass(frozen=True)
class Text:
    """Part of the query searched as the reader typed it."""

    text: str


@dataclass(frozen=True)
class AnyOf:
    """A span of the query that names a synonym set: any of the phrases will do."""

    typed: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    stem: str | None  # None: a word search ignores
    breaks_spans: bool  # "or", or a word in quotes or after a minus: no span runs through it


def _words(query, stem):
    words = []
    for match in WORD.finditer(query):
        word = match.group().casefold()
        start = match.start()
        in_quotes = query.count('"', 0, start) % 2 == 1
        negated = start > 0 and query[start - 1] == "-" and (start == 1 or query[start - 2].isspace())
        words.append(
            _Word(
                start,
                match.end(),
                None if word in STOP_WORDS else stem(word),
                word == OR or in_quotes or negated,
            )
        )
    return words


def _span_at(words, first, index):
    """Return (index of the span's last word, set number) of the longest term starting at words[first]."""
    stems, best = [], None
    for position in range(first, len(words)):
        word = words[position]
        if word.breaks_spans:
            break
        if word.stem is None:
            continue
        stems.append(word.stem)
        if len(stems) > index.longest:
            break
        found = index.by_key.get(tuple(stems))
        if found is not None:
            best = (position, found)
    return best


def expand(query: str, index: SynonymIndex | None = None) -> list[Text | AnyOf]:
    """Return the query cut into plain text and the spans that name a synonym set, in order."""
    index = current_index() if index is None else index
    if not index.by_key:
        return [Text(query)]
    words = _words(query, stemmer())
    parts, position, first = [], 0, 0
    while first < len(words):
        word = words[first]
        span = None if word.breaks_spans or word.stem is None else _span_at(words, first, index)
        if span is None:
            first += 1
            continue
        last, found = span
        if query[position : word.start].strip():
            parts.append(Text(query[position : word.start]))
        parts.append(AnyOf(query[word.start : words[last].end], index.sets[found]))
        position, first = words[last].end, last + 1
    if query[position:].strip() or not parts:
        parts.append(Text(query[position:]))
    return parts


def as_websearch(parts) -> str:
    """Return the parts as one query in PostgreSQL's websearch syntax.

    Its OR binds more tightly than AND, so `cost "trd" or "treatment resistant depression"` is
    cost & (trd | treatment <-> resistant <-> depression); the phrases hold only words and spaces.
    """
    pieces = []
    for part in parts:
        if isinstance(part, Text):
            pieces.append(part.text)
        else:
            pieces.append(" " + " or ".join(f'"{phrase}"' for phrase in part.phrases) + " ")
    return re.sub(r"\s+", " ", "".join(pieces)).strip()
