"""Figures a patient reads (a percentage, a dose, a count, a duration), and whether a citation stands by.

Rich text (article, condition and route bodies) is checked per sentence: a sentence that states a figure
must carry a numbered citation such as [2]. Short structured text (a contraindication's explanation, an
interaction, a key fact, a route's facts) shows its sources right beside it, so the item needs at least one.
"""

import re

from .citation_markers import MARKER as CITATION_MARK
from .readability import sentences
from .richtext import html_to_text

UNITS = (
    r"%|percent|mg/kg|mg|mcg|ml|kg|seconds?|minutes?|hours?|days?|weeks?|months?|years?|"
    r"people|patients|participants|adults|veterans|studies|trials|sessions|infusions|doses?|devices?"
)
NUMBER_WORDS = r"\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|a third|a fifth|half"
# A number (in digits) with a unit or a count noun after it, or "N of the M", or "N% ".
FIGURE = re.compile(
    rf"\b\d+(?:[.,]\d+)?(?:\s*(?:to|-|–|or|and)\s*\d+(?:[.,]\d+)?)?\s*(?:{UNITS})\b|\b\d+(?:\.\d+)?\s*%"
    rf"|\b\d+ of (?:the )?\d+\b",
    re.IGNORECASE,
)


def figures(text):
    """Return the figures text states, e.g. ['55%', '6 infusions']."""
    return [match.group(0) for match in FIGURE.finditer(text or "")]


def unsourced_sentences(html):
    """Return (sentence, figures) for each sentence of html that states a figure without a [n] citation."""
    found = []
    for sentence in sentences(html_to_text(html)):
        stated = figures(sentence)
        if stated and not CITATION_MARK.search(sentence):
            found.append((sentence.strip(), stated))
    return found


def unsourced_fields(item, field_names, has_sources):
    """Return (field, text, figures) for the item's short fields that state a figure when it cites nothing."""
    if has_sources:
        return []
    found = []
    for name in field_names:
        text = str(getattr(item, name) or "")
        stated = figures(text)
        if stated:
            found.append((name, text, stated))
    return found


ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SPELLED_NUMBER = rf"(?:{'|'.join(TENS)})(?:-(?:{'|'.join(ONES[1:10])}))?|{'|'.join(ONES)}"
DIGITS = r"\d+(?:[.,]\d+)?"
ANY_NUMBER = re.compile(rf"\b(?:{DIGITS}|{SPELLED_NUMBER})\b", re.IGNORECASE)
# In our own sentence a spelled number is a figure only before a unit or a count ("two hours", not "the two
# are used together" or "when one is needed").
CLAIMED_NUMBER = re.compile(rf"\b{DIGITS}\b|\b(?:{SPELLED_NUMBER})(?=\s+(?:{UNITS})\b)", re.IGNORECASE)


def _value(word):
    word = word.lower().replace(",", "")
    if word[0].isdigit():
        return word
    tens, _, ones = word.partition("-")
    if tens in TENS:
        return str(20 + 10 * TENS.index(tens) + (ONES.index(ones) if ones else 0))
    return str(ONES.index(word))


def _stated_by(number, passage_numbers):
    # A whole number in our text may round the source's decimal (55% for 55.4%); a decimal must match.
    return number in passage_numbers or (
        "." not in number and any(round(float(given)) == int(number) for given in passage_numbers)
    )


def numbers_not_in(passage, claim):
    """Return the figures the claim states that the passage does not ("two hours" matches "2 hours")."""
    given = {_value(word) for word in ANY_NUMBER.findall(passage or "")}
    claimed = {_value(word) for word in CLAIMED_NUMBER.findall(claim or "")}
    return sorted((number for number in claimed if not _stated_by(number, given)), key=float)


AMOUNT = re.compile(rf"\b(\d+(?:\.\d+)?|{SPELLED_NUMBER})\s*({UNITS})\b", re.IGNORECASE)


def amounts(text):
    """Return the (number, unit) pairs text states, units singular: "24 hours" -> ("24", "hour")."""
    return {(_value(number), unit.lower().removesuffix("s")) for number, unit in AMOUNT.findall(text or "")}
