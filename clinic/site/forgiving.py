"""Search that forgives: when what a reader typed finds nothing, search again with its misspelt words
corrected and its unknown words left out, and say so.

"depresion" finds nothing; "depression" is a word the site's pages are titled and summarised with, one
letter away, so the page shows the results for "depression" and says that it does. In "ketamine zzzzqx" no
word is near "zzzzqx": the page shows the results for "ketamine" and says "zzzzqx" was left out.

A word is known when its stem is in the *vocabulary*: the words of what the public may find, in the fields
search ranks first (articles' titles, subtitles and excerpts; conditions' and routes' names, summaries and
descriptions), and the terms of the synonym sets. Articles' bodies are left out: at 10,000 articles reading
them all in Python would take seconds at each change of an article, while their titles and summaries name
what readers search for. The vocabulary is built without the database's own full-text tools (it serves the
SQLite fallback as well as PostgreSQL), once per change of that content, and kept in the shared cache.

None of this runs while a search finds something: a search that finds what it was asked costs what it did.
Words in quotes, after a minus and "or" are never changed: the reader asked for them exactly.
"""

import re
from collections import Counter
from dataclasses import dataclass

import snowballstemmer

from articles.models import Article
from conditions.models import AdministrationRoute, Condition
from domain.models import SynonymSet
from domain.richtext import html_to_text
from domain.search_terms import STOP_WORDS, WORD, stemmer
from infrastructure import cache, cache_tags

from .search import search
from .synonyms import OR, current_index

# Shorter words are too often abbreviations ("IV", "TRD") to be guessed at: unknown, they are left out.
MIN_CORRECTED_CHARS = 4
# Words of up to this many characters are corrected by one edit at most; longer ones by two.
ONE_EDIT_UP_TO_CHARS = 6
MAX_WORD_CHARS = 40  # longer "words" are not words a reader types or a page is titled with


@dataclass(frozen=True)
class Vocabulary:
    stems: frozenset  # the stems of every word: a word typed is known when its stem is here
    # Words by their length: (word, how many pages have it, its letters as a bit mask); the mask rules out
    # most words without measuring their distance.
    by_length: dict

    @classmethod
    def build(cls, texts) -> "Vocabulary":
        """Build the vocabulary of texts: one text per page (a word counts once per page)."""
        pages = Counter()
        for text in texts:
            pages.update({word for word in WORD.findall(text.casefold()) if _is_vocabulary_word(word)})
        words = sorted(pages)
        by_length = {}
        for word in words:
            by_length.setdefault(len(word), []).append((word, pages[word], _mask(word)))
        # Snowball stems a list of words faster than one word at a time.
        stems = frozenset(snowballstemmer.stemmer("english").stemWords(words))
        return cls(stems, {size: tuple(entries) for size, entries in by_length.items()})

    def knows(self, word: str, stem) -> bool:
        return stem(word.casefold()) in self.stems

    def correction(self, word: str) -> str | None:
        """Return the vocabulary's word nearest to word (a word the vocabulary doesn't know), or None.

        Near: at most one edit away (a letter added, left out, changed, or two letters swapped), or two for
        a long word. Among as near words, the one most pages have.
        """
        word = word.casefold()
        if len(word) < MIN_CORRECTED_CHARS or not word.isalpha():
            return None
        limit = 1 if len(word) <= ONE_EDIT_UP_TO_CHARS else 2
        mask, best = _mask(word), None
        for size in range(len(word) - limit, len(word) + limit + 1):
            for candidate, pages, candidate_mask in self.by_length.get(size, ()):
                # Each edit adds or removes at most two letters from the set of letters a word uses.
                if (mask ^ candidate_mask).bit_count() > 2 * limit:
                    continue
                distance = edit_distance(word, candidate, limit)
                if distance <= limit:
                    key = (distance, -pages, candidate)
                    if best is None or key < best:
                        best = key
        return best[2] if best else None


def _is_vocabulary_word(word):
    return word not in STOP_WORDS and len(word) <= MAX_WORD_CHARS


def _mask(word):
    mask = 0
    for character in word:
        mask |= 1 << (ord(character) % 63)
    return mask


def edit_distance(a: str, b: str, limit: int) -> int:
    """Return the Damerau-Levenshtein distance of a and b (optimal string alignment), or limit + 1 once it
    is sure to be more than limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def _texts():
    """Yield the text of each page the public may find, in the fields the vocabulary is made of."""
    for title, dek, excerpt in Article.objects.published().values_list("title", "dek", "excerpt"):
        yield f"{title} {dek} {excerpt}"
    for name, summary, description in Condition.objects.listed().values_list(
        "name", "summary", "description"
    ):
        yield f"{name} {summary} {html_to_text(description)}"
    routes = AdministrationRoute.objects.listed().values_list(
        "name", "short_name", "medication", "summary", "description"
    )
    for name, short_name, medication, summary, description in routes:
        yield f"{name} {short_name} {medication} {summary} {html_to_text(description)}"
    for phrases in current_index().sets:
        yield " ".join(phrases)


VOCABULARY_SOURCES = (Article, Condition, AdministrationRoute, SynonymSet)


def current_vocabulary() -> Vocabulary:
    """Return the vocabulary, from the shared cache until a page the public may find (or a set) changes."""

    def build():
        cache_tags.shows_any_change(*VOCABULARY_SOURCES)
        return Vocabulary.build(_texts())

    return cache.get_or_compute(
        "search-vocabulary",
        build,
        depends_on=[model._meta.label_lower for model in VOCABULARY_SOURCES],
    )


# Searching again


@dataclass(frozen=True)
class Forgiven:
    """What was searched instead of the query as typed, and why."""

    query: str  # as searched instead
    pieces: tuple[tuple[str, bool], ...]  # the query in pieces, each with whether it is a correction
    left_out: tuple[str, ...]  # words left out, as typed


@dataclass(frozen=True)
class _Word:
    start: int
    text: str
    fixed: bool  # in quotes or after a minus: the reader asked for it exactly, and it is never changed
    ignored: bool  # "or", or a word search ignores ("the")


def _words(query):
    words = []
    for match in WORD.finditer(query):
        start, word = match.start(), match.group().casefold()
        in_quotes = query.count('"', 0, start) % 2 == 1
        negated = _token_before(query, start).startswith("-")
        words.append(_Word(start, match.group(), in_quotes or negated, word == OR or word in STOP_WORDS))
    return words


def _token_before(query, position):
    """Return the part of the whitespace-separated token position is in that comes before it."""
    begin = position
    while begin > 0 and not query[begin - 1].isspace():
        begin -= 1
    return query[begin:position]


def _rewrite(query, changes):
    """Return the query with the words changes names (by where they start) replaced, or left out for None,
    as (text, pieces): the pieces of the text, each with whether it is a correction.

    A word left out takes the punctuation joining it to the next word with it ("zzzz-ketamine" becomes
    "ketamine", never "-ketamine", which would mean without ketamine); its quotes stay, so that the rest
    keeps its meaning.
    """
    pieces = []
    for token in re.finditer(r"\S+", query):
        parts = re.split(r"(\w+)", token.group())  # separators at even places, words at odd ones
        separators, words, position = parts[0::2], [], token.start()
        for index, part in enumerate(parts):
            if index % 2:
                words.append((changes.get(position, part), position in changes))
            position += len(part)
        token_pieces, kept_one = [], False
        kept_any = any(used is not None for used, _ in words)
        for index, (used, changed) in enumerate(words):
            before = separators[index]
            # Kept whole: what opens a token with a word kept ("(zzzz-ketamine" → "(ketamine"), and what
            # joins two words kept.
            whole = kept_any if index == 0 else used is not None and kept_one
            token_pieces.append((before if whole else _quotes(before), False))
            if used is not None:
                token_pieces.append((used, changed))
                kept_one = True
        token_pieces.append((separators[-1] if kept_one or not words else _quotes(separators[-1]), False))
        token_pieces = [piece for piece in token_pieces if piece[0]]
        if token_pieces:
            pieces += [(" ", False)] if pieces else []
            pieces += token_pieces
    return "".join(text for text, _ in pieces), tuple(pieces)


def _quotes(text):
    return "".join(character for character in text if character == '"')


def search_again(query: str, profile):
    """Return (Forgiven, results) for a query that found nothing as typed; None when every word of it is
    known, or searching without the unknown ones finds nothing either.

    First the unknown words are corrected, or left out when no word is near; if that finds nothing, the
    corrected ones are left out too: no page may have both "anxiety" and "depression".
    """
    vocabulary = current_vocabulary()
    stem = stemmer()
    free = [word for word in _words(query) if not word.fixed and not word.ignored]
    unknown = [word for word in free if not vocabulary.knows(word.text, stem)]
    if not unknown:
        return None
    corrections = {word.start: _as_typed(vocabulary.correction(word.text), word.text) for word in unknown}
    attempts = [corrections]
    if any(corrections.values()) and len(unknown) < len(free):
        attempts.append(dict.fromkeys(corrections))
    for changes in attempts:
        searched, pieces = _rewrite(query, changes)
        left = [word for word in _words(searched) if not word.fixed and not word.ignored]
        if not left:  # only words in quotes or after a minus: not what the reader was looking for
            continue
        results = search(searched, profile)
        if results:
            left_out = tuple(dict.fromkeys(word.text for word in unknown if changes[word.start] is None))
            return Forgiven(searched, pieces, left_out), results
    return None


def _as_typed(correction, typed):
    """Return the correction written as the word was typed: "Depression" for "Depresion"."""
    if correction is None:
        return None
    if typed.isupper() and len(typed) > 1:
        return correction.upper()
    if typed[:1].isupper():
        return correction[:1].upper() + correction[1:]
    return correction
