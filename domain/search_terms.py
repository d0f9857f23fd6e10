"""Search terms as the site's search compares them, and the rules for a set of synonyms staff keep.

A term is compared by the stems of its words, as PostgreSQL's english configuration stems them (the same
Snowball stemmer, in Python): "Infusions" and "infusion" are one term, and "treatment-resistant depression"
is the same three words with or without its hyphen. Common words search ignores ("the", "of") don't count.

Spanish pages are searched in Spanish: accents are taken off first ("depresión" is "depresion", "niño" is
"nino", as readers often type them), then words are stemmed by the Snowball Spanish stemmer, as PostgreSQL's
clinic_spanish configuration does (domain/migrations/0016: unaccent, then spanish_stem).

A synonym set (domain.models.SynonymSet) is written as text, one term per line or separated by commas;
`parse_terms` reads it and names every problem in words staff can act on.
"""

import re
import unicodedata
from dataclasses import dataclass

import snowballstemmer
from django.core.exceptions import ValidationError

WORD = re.compile(r"\w+")
# PostgreSQL's english configuration ignores these (its english.stop list, in short); so does the fallback.
STOP_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "do", "does", "for", "from",
    "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "of", "on", "or", "our",
    "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "to", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "you",
    "your"
})  # fmt: skip
# PostgreSQL's spanish.stop, less its words with accents ("él", "más"): clinic_spanish takes accents off
# before it reads the list, so those never match there, and the fallback leaves them out too.
SPANISH_STOP_LIST = """
de la que el en y a los del se las por un para con no una su al lo como pero sus le ya o este porque
esta entre cuando muy sin sobre me hasta hay donde quien desde todo nos durante todos uno les ni contra
otros ese eso ante ellos e esto antes algunos unos yo otro otras otra tanto esa estos mucho quienes nada
muchos cual poco ella estar estas algunas algo nosotros mi mis te ti tu tus ellas nosotras vosostros
vosostras os tuyo tuya tuyos tuyas suyo suya suyos suyas nuestro nuestra nuestros nuestras vuestro
vuestra vuestros vuestras esos esas estoy estamos estemos estaremos estaba estabas estabais estaban
estuve estuviste estuvo estuvimos estuvisteis estuvieron estuviera estuvieras estuvierais estuvieran
estuviese estuvieses estuvieseis estuviesen estando estado estada estados estadas estad he has ha hemos
han haya hayas hayamos hayan habremos hube hubiste hubo hubimos hubisteis hubieron hubiera hubieras
hubierais hubieran hubiese hubieses hubieseis hubiesen habiendo habido habida habidos habidas soy eres
es somos sois son sea seas seamos sean seremos era eras erais eran fui fuiste fue fuimos fuisteis fueron
fuera fueras fuerais fueran fuese fueses fueseis fuesen sintiendo sentido sentida sentidos sentidas
siente sentid tengo tienes tiene tenemos tienen tenga tengas tengamos tengan tendremos tuve tuviste tuvo
tuvimos tuvisteis tuvieron tuviera tuvieras tuvierais tuvieran tuviese tuvieses tuvieseis tuviesen
teniendo tenido tenida tenidos tenidas tened
"""
SPANISH_STOP_WORDS = frozenset(SPANISH_STOP_LIST.split())
MAX_TERM_CHARS = 60
MAX_TERM_WORDS = 6  # a query is scanned for terms this many words long at most
MAX_TERMS_PER_SET = 20  # each term becomes one more alternative in every query that names the set
TERM_SEPARATORS = re.compile(r"[,\n]")


def stemmer():
    """Return a Snowball English stemmer; one per caller and thread: it keeps state."""
    return snowballstemmer.stemmer("english").stemWord


def fold_accents(text: str) -> str:
    """Return text without the accents and other marks on its letters: "Depresión", "Depresion"; "niño",
    "nino"."""
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def spanish_stemmer():
    """Return a Snowball Spanish stemmer of words with their accents taken off first; one per caller and
    thread, as stemmer()."""
    stem = snowballstemmer.stemmer("spanish").stemWord
    return lambda word: stem(fold_accents(word))


def term_words(term: str) -> list[str]:
    """Return a term's words, lowercased, without punctuation or hyphens: "Post-traumatic" is two."""
    return WORD.findall(term.casefold())


def term_key(term: str, stem=None) -> tuple[str, ...]:
    """Return what search compares a term by: the stems of its words, common words left out."""
    stem = stem or stemmer()
    return tuple(stem(word) for word in term_words(term) if word not in STOP_WORDS)


@dataclass(frozen=True)
class Term:
    text: str  # as staff wrote it, spaces tidied
    key: tuple[str, ...]

    @property
    def phrase(self) -> str:
        """The term as the plain words searched for next to each other ("treatment resistant depression")."""
        return " ".join(term_words(self.text))


def _quoted(text):
    return f"“{text}”"


def parse_terms(text: str) -> list[Term]:
    """Return the terms of a synonym set as written, or raise a ValidationError listing every problem.

    Terms are separated by commas or line breaks; blank lines are ignored.
    """
    stem = stemmer()
    errors, terms, seen = [], [], {}
    pieces = [piece for line in text.splitlines() if line.strip() for piece in line.split(",")]
    for number, piece in enumerate(pieces, start=1):
        written = " ".join(piece.split())
        if not written:
            errors.append(
                f"Term {number} is empty: there is nothing between two commas (or before or after one). "
                "Write a term there or remove the extra comma."
            )
            continue
        words = term_words(written)
        key = term_key(written, stem)
        if len(written) > MAX_TERM_CHARS:
            errors.append(
                f"{_quoted(written[:40] + '…')} is {len(written)} characters long: a term has at most "
                f"{MAX_TERM_CHARS}. Is a comma or a line break missing between two terms?"
            )
        elif not words:
            errors.append(f"{_quoted(written)} has no letters or digits: search would ignore it.")
        elif not key:
            errors.append(
                f"{_quoted(written)} is only words search ignores (such as “the”, “of” or “or”): it would "
                "match nothing."
            )
        elif len(words) > MAX_TERM_WORDS:
            errors.append(f"{_quoted(written)} has {len(words)} words: a term has at most {MAX_TERM_WORDS}.")
        elif key in seen:
            errors.append(
                f"{_quoted(written)} is the same to search as {_quoted(seen[key])} (search compares word "
                "stems, so plurals, capitals and hyphens don't count): keep one of them."
            )
        else:
            seen[key] = written
            terms.append(Term(written, key))
    if not errors and len(terms) < 2:
        errors.append(
            "A synonym set needs at least two terms that mean the same to a reader, e.g. “Spravato, "
            "esketamine nasal spray”."
        )
    if len(terms) > MAX_TERMS_PER_SET:
        errors.append(
            f"This set has {len(terms)} terms; a set has at most {MAX_TERMS_PER_SET}: each one is searched "
            "for whenever a reader types any of them. Split it into sets that each mean one thing."
        )
    if errors:
        raise ValidationError(errors)
    return terms


def parse_terms_leniently(text: str) -> list[Term]:
    """Return the valid terms of a set saved without the admin's checks (from a shell, say); skip the rest."""
    try:
        return parse_terms(text)
    except ValidationError:
        stem = stemmer()
        found = {}
        for piece in TERM_SEPARATORS.split(text):
            written = " ".join(piece.split())
            key = term_key(written, stem)
            if key and len(written) <= MAX_TERM_CHARS and len(key) <= MAX_TERM_WORDS:
                found.setdefault(key, Term(written, key))
        return list(found.values())[:MAX_TERMS_PER_SET]


SEED_FIELDS = {"terms", "note"}


def seed_file():
    from .content import content_dir

    return content_dir() / "search-synonyms.yaml"


def read_seed_sets(path=None) -> list[dict]:
    """Return the synonym sets of content/search-synonyms.yaml as {terms, note}, or raise a ContentError."""
    from .content import read_list

    seeds, owners = [], {}
    for entry in read_list(path or seed_file()):
        entry.check_fields(SEED_FIELDS, required=["terms"])
        terms = entry.values["terms"]
        if not isinstance(terms, list) or not all(isinstance(term, str) for term in terms):
            raise entry.error(
                "terms", "'terms' must be a list of words or phrases: [TRD, treatment-resistant depression]"
            )
        text = "\n".join(terms)
        try:
            parsed = parse_terms(text)
        except ValidationError as error:
            raise entry.error("terms", " ".join(error.messages)) from None
        for term in parsed:
            if term.key in owners:
                raise entry.error(
                    "terms",
                    f"“{term.text}” is also in the set of “{owners[term.key]}”: a term belongs to one set",
                )
            owners[term.key] = terms[0]
        note = str(entry.values.get("note") or "")
        if len(note) > 200:
            raise entry.error("note", f"the note is {len(note)} characters long; at most 200")
        seeds.append({"terms": text, "note": note})
    return seeds


def add_seed_sets(model, seeds) -> int:
    """Add each seed set none of whose terms the site's sets hold yet; return how many were added.

    model is SynonymSet (or its historical version in a migration). A set staff changed, or a term they
    moved, is never touched: a seed that shares any term with a set the site has is left out whole.
    """
    taken = {term.key for row in model.objects.all() for term in parse_terms_leniently(row.terms)}
    added = 0
    for seed in seeds:
        keys = {term.key for term in parse_terms(seed["terms"])}
        if keys & taken:
            continue
        model.objects.create(terms=seed["terms"], note=seed["note"])
        taken |= keys
        added += 1
    return added
