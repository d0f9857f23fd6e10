"""How hard a text is to read: its Flesch–Kincaid grade and its longest sentences, for authors.

Patients read these pages, often anxious; health writers aim at US school grade 8 or below (NIH,
MedlinePlus). Syllables come from Pyphen's hyphenation dictionary (maintained, pure Python, shipped
with its data). textstat was considered: its current release fetches the CMU dictionary from the
internet through nltk on first use, which a server of this site must never do; it falls back to
Pyphen for words the dictionary lacks, so the counts here are the ones textstat gives those words.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

from .richtext import html_to_text

TARGET_GRADE = 8
LONGEST_SHOWN = 3
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)*")
# A sentence ends at . ! ? followed by space and a capital, digit or quote; "e.g. this" stays one.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|Prof|approx|no|St)\.$", re.I)


@dataclass
class Reading:
    grade: float
    words: int
    sentences: int
    longest: list[tuple[int, str]]  # (word count, sentence), longest first

    @property
    def above_target(self):
        return self.grade > TARGET_GRADE

    @property
    def target(self):
        return TARGET_GRADE


@lru_cache(maxsize=1)
def _dictionary():
    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=4096)
def syllables(word):
    word = word.lower().strip("'’-")
    if not word or word[0].isdigit():
        return 1
    return len(_dictionary().positions(word)) + 1


def sentences(text):
    """Return the sentences of plain text, not splitting after common abbreviations."""
    parts, current = [], ""
    for piece in SENTENCE_END.split(text.strip()):
        current = f"{current} {piece}".strip() if current else piece.strip()
        if not ABBREVIATIONS.search(current):
            parts.append(current)
            current = ""
    if current:
        parts.append(current)
    return [part for part in parts if WORD.search(part)]


def reading_of(*html_or_text):
    """Return the Reading of the given texts (rich text allowed) read one after another, or None if empty."""
    blocks = [
        html_to_text(re.sub(r"</(p|h[1-6]|li|td|th|figcaption)>", r".</\1>", value or ""))
        for value in html_or_text
    ]
    text = " ".join(block for block in blocks if block)
    text = re.sub(r"([.!?])\.+", r"\1", text)  # a heading or item that ended with its own stop
    found = sentences(text)
    counts = [(len(WORD.findall(sentence)), sentence) for sentence in found]
    words = sum(count for count, _ in counts)
    if not words:
        return None
    total_syllables = sum(syllables(word) for sentence in found for word in WORD.findall(sentence))
    grade = 0.39 * (words / len(found)) + 11.8 * (total_syllables / words) - 15.59
    longest = sorted(counts, key=lambda pair: -pair[0])[:LONGEST_SHOWN]
    return Reading(round(max(grade, 0.0), 1), words, len(found), longest)
