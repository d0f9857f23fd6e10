"""The content check: clinical text that states a figure (a percentage, a dose, a count, a duration) with
no citation beside it. `manage.py check_content` prints what it finds; the test suite runs it on the demo."""

import re

from django.core.exceptions import ValidationError
from django.db import models

from articles.models import Article
from conditions.models import AdministrationRoute, CandidateProfile, Condition, Contraindication, Interaction
from domain.citation_markers import MARKER as CITATION_MARK
from domain.citation_markers import cited_numbers
from domain.crisis_text import FACT_TOKEN, TOKENS, literal_numbers
from domain.dialable import validate_dialable
from domain.figures import amounts, numbers_not_in, unsourced_fields, unsourced_sentences
from domain.models import KeyFact, SiteProfile, attach_citations
from domain.readability import sentences
from domain.richtext import html_to_text

ROUTE_FACTS = [
    "summary", "dose_note", "session_length", "schedule_induction", "schedule_maintenance",
    "observation_period",
    "monitoring", "onset", "requirements",
]  # fmt: skip

SCREENING_ADVICE = ["advice", "unsure_advice"]
SCREENING_TEXT = ["explanation", *SCREENING_ADVICE]


def _label(item):
    return f"{item._meta.verbose_name} “{item}”"


def unsourced_figures():
    """Return one plain line per figure a reader would see without its citation."""
    found = []
    checks = [
        (Article.objects.prefetch_related("citations"), "body", [], "citations"),
        (Condition.objects.prefetch_related("citations"), "description", ["summary"], "citations"),
        (AdministrationRoute.objects.prefetch_related("citations"), "description", ROUTE_FACTS, "citations"),
        (Contraindication.objects.prefetch_related("citations"), None, SCREENING_TEXT, "citations"),
        (Interaction.objects.prefetch_related("citations"), None, ["effect", *SCREENING_ADVICE], "citations"),
        (KeyFact.objects.prefetch_related("citations"), None, ["figure", "text"], "citations"),
    ]
    for queryset, rich_field, short_fields, sources in checks:
        for item in queryset:
            has_sources = bool(getattr(item, sources).all())
            if rich_field:
                for sentence, figures in unsourced_sentences(getattr(item, rich_field)):
                    found.append(
                        f"{_label(item)}, {rich_field}: “{sentence}” states {', '.join(figures)} "
                        "with no [n] citation"
                    )
            for field, text, figures in unsourced_fields(item, short_fields, has_sources):
                found.append(
                    f"{_label(item)}, {field}: “{text}” states {', '.join(figures)} "
                    "and the item cites no source"
                )
    return found


def dangling_markers():
    """Return one plain line per citation marker that names a source its item does not have.

    On the page each marker's number links to the numbered reference; "[7]" beside five references leads a
    reader nowhere, and was probably meant for another source.
    """
    found = []
    for model, field in ((Article, "body"), (Condition, "description"), (AdministrationRoute, "description")):
        for item in model._default_manager.prefetch_related("citations"):
            count = len(item.citations.all())
            cited = cited_numbers(html_to_text(getattr(item, field)))
            missing = sorted(number for number in cited if not 0 < number <= count)
            if missing:
                names = ", ".join(f"[{number}]" for number in missing)
                found.append(
                    f"{_label(item)}, {field}: cites {names}, but it has {count} numbered source"
                    f"{'' if count == 1 else 's'}"
                )
    return found


def _written_fields(model):
    # Words a person writes; addresses, slugs and choices carry no crisis number.
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField | models.URLField | models.EmailField)
        and not field.choices
        and field.editable  # derived copies (an article's plain text, excerpt) repeat what is checked
    ]


def literal_crisis_numbers():
    """Return one plain line per authored text that writes the crisis or emergency number out."""
    profile = SiteProfile.objects.get_current()
    tokens = " or ".join(TOKENS)
    found = []
    for model in (Article, Condition, AdministrationRoute, Contraindication, Interaction, CandidateProfile,
                  KeyFact):  # fmt: skip
        fields = _written_fields(model)
        for item in model._default_manager.all():
            for field in fields:
                for number in literal_numbers(getattr(item, field), profile):
                    found.append(
                        f"{_label(item)}, {field}: writes {number} itself; write {tokens} so that the "
                        "page shows the number the site profile holds"
                    )
    return found


def undialable_numbers():
    """Return one plain line per site profile number no phone can dial (saved before numbers were checked)."""
    profile = SiteProfile.objects.first()  # what is stored, not a cached copy
    found = []
    if profile is None:
        return found
    for field in ("crisis_line", "emergency_number", "phone"):
        value = getattr(profile, field)
        if not value:
            continue
        try:
            validate_dialable(value)
        except ValidationError as error:
            label = SiteProfile._meta.get_field(field).verbose_name
            found.append(f"Site profile, {label}: {error.messages[0]}")
    return found


def shared_screening_advice():
    """Return one plain line per pre-screen answer that more than one item gives: each item needs its own."""
    found = []
    items = [*Contraindication.objects.listed(), *Interaction.objects.listed()]
    for field in SCREENING_ADVICE:
        by_text = {}
        for item in items:
            by_text.setdefault(" ".join(getattr(item, field).split()), []).append(item)
        for text, sharing in by_text.items():
            if len(sharing) > 1:
                names = ", ".join(_label(item) for item in sharing)
                found.append(f"{names} give the same {field.replace('_', ' ')}: “{text}”")
    return found


CLINICAL_MODELS = (Condition, AdministrationRoute, Contraindication, Interaction, KeyFact)


def _cited_items():
    items = [item for model in CLINICAL_MODELS for item in model._default_manager.all()]
    attach_citations(items)
    return items


def unsupported_citations():
    """Return one plain line per clinical citation that shows no passage of its source, or the wrong one.

    A citation says which source supports the item; its passages say what in the source does. Without them
    nobody can check a claim without re-reading the paper, and a passage that lacks a number its claim
    states supports some other sentence.
    """
    found = []
    for item in _cited_items():
        for citation in item.citation_list:
            if citation.source.is_clinic_policy:
                continue  # the clinic's own rule: its medical reviewer's sign-off is the evidence
            key = citation.source.key
            passages = list(citation.passages.all())
            if not any(passage.text.strip() for passage in passages):
                found.append(f"{_label(item)}: cites {key} with no passage from it; add one under 'passages'")
            for passage in passages:
                missing = numbers_not_in(passage.text, passage.claim)
                if passage.text.strip() and missing:
                    found.append(
                        f"{_label(item)}: the passage of {key} ({passage.locator or 'no locator'}) does not "
                        f"contain {', '.join(missing)}, which its claim “{passage.claim}” states"
                    )
    return found


def _about(sentence, topic):
    terms = [term.strip().lower() for term in topic.split(",") if term.strip()]
    lowered = sentence.lower()
    return any(re.search(rf"\b{re.escape(term)}", lowered) for term in terms)


def _authored_sentences():
    """Yield (label, field, sentence) for every sentence of authored text a reader sees."""
    for model in (Article, Condition, AdministrationRoute, Contraindication, Interaction, CandidateProfile,
                  KeyFact):  # fmt: skip
        fields = _written_fields(model)
        for item in model._default_manager.all():
            for field in fields:
                for sentence in sentences(html_to_text(str(getattr(item, field) or ""))):
                    yield item, field, sentence


def restated_facts():
    """Return one plain line per sentence that states a fact held once in its own words, naming both places.

    A sentence about a fact's topic that gives an amount in the fact's unit either contradicts it (another
    number: two pages would tell a patient two rules) or restates it (the same number typed again, which will
    drift when the fact changes); either way it should say {fact:key}.
    """
    facts = list(KeyFact.objects.exclude(key="").exclude(topic=""))
    known = {fact.key for fact in KeyFact.objects.exclude(key="")}
    found = []
    for item, field, sentence in _authored_sentences():
        for key, _figure in FACT_TOKEN.findall(sentence):
            if key not in known:
                found.append(
                    f"{_label(item)}, {field}: writes {{fact:{key}}}, but no fact has the key “{key}”"
                )
        for fact in facts:
            if item == fact or f"{{fact:{fact.key}" in sentence or not _about(sentence, fact.topic):
                continue
            held = amounts(fact.text)
            units = {unit for _, unit in held}
            stated = {amount for amount in amounts(sentence) if amount[1] in units}
            if not stated:
                continue
            given = ", ".join(f"{number} {unit}s" for number, unit in sorted(stated))
            verb = "restates" if stated <= held else "contradicts"
            found.append(
                f"{_label(item)}, {field}: “{sentence}” {verb} the fact “{fact.key}” ({given}); the fact, in "
                f"key facts, says “{fact.text}”: write {{fact:{fact.key}}} instead"
            )
    return found


DIGITS = re.compile(r"\d+(?:[.,]\d+)?")


def _digits(text):
    """The numbers a text writes in digits, citation markers and fact tokens aside (as in 0.5 or 0,5)."""
    text = FACT_TOKEN.sub(" ", CITATION_MARK.sub(" ", html_to_text(str(text or ""))))
    return sorted(number.replace(",", ".") for number in DIGITS.findall(text))


def translation_problems():
    """Return one plain line per translation that says a number its original doesn't (or drops one), writes
    the crisis number out, cites a marker its original has no source for, or is behind or withdrawn.

    A translated dose or interval that differs from the English is the error a patient can least see.
    """
    from domain.translations import translation_models

    profile = SiteProfile.objects.get_current()
    found = []
    for model in translation_models():
        for translation in model.objects.select_related("original"):
            original = translation.original
            label = f"{_label(original)} in {translation.get_language_display()}"
            fields = [name for name in translation.review_fields if name != "route_notes"]
            # A field with no English counterpart (how to reach the line in Spanish) has nothing to match.
            shared = [name for name in fields if hasattr(type(original), name)]
            mine = _digits(" ".join(str(getattr(translation, name) or "") for name in shared))
            theirs = _digits(" ".join(str(getattr(original, name) or "") for name in shared))
            if mine != theirs:
                extra = sorted(set(mine) - set(theirs)) or sorted(set(mine))
                missing = sorted(set(theirs) - set(mine))
                found.append(
                    f"{label}: its numbers ({', '.join(mine) or 'none'}) are not the original's "
                    f"({', '.join(theirs) or 'none'})"
                    + (f"; it adds {', '.join(extra)}" if set(mine) - set(theirs) else "")
                    + (f"; it drops {', '.join(missing)}" if missing else "")
                )
            for name in fields:
                if name == "crisis_line_name":
                    continue  # the line's name, as the English one (“988 Suicide & Crisis Lifeline”)
                for number in literal_numbers(getattr(translation, name), profile):
                    found.append(f"{label}, {name}: writes {number} itself; write {{crisis line}} instead")
            if translation.original_changed:
                found.append(f"{label}: the original changed after the translation was reviewed")
            if translation.withdrawn:
                found.append(f"{label}: taken off the site ({translation.withdrawn_because})")
    return found
