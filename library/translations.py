"""The library's translations (issue 24): content/library/<language>/ mirrors content/library/ item by item.

Each translated item names its translator, its medical reviewer and review date, and gives the fields a
reader sees in that language; the numbers, doses, sources and everything else stay the original's. A
translation's `passages:` list has one entry per passage of the original, in the original's order, holding
the claim in the translation's words: it must be words the translation says (the quotation stays in the
source's language). Loading a translation records the original's text it was reviewed against: when the
English file later changes, the translation is marked as behind it (domain/translations.py).
"""

import re
from pathlib import Path

from django.conf import settings

from conditions.models import (
    AdministrationRoute,
    CandidateProfile,
    Condition,
    ConditionGroup,
    Contraindication,
    Interaction,
)
from domain.content import (
    CITATION,
    ContentError,
    check_lengths,
    documents,
    number_citations,
    read_list,
)
from domain.crisis_text import FACT_TOKEN
from domain.models import Citation, KeyFact, Passage
from domain.richtext import html_to_text
from domain.translations import KeyFactTranslation, PassageTranslation
from infrastructure.cache import one_invalidation

REVIEW_FIELDS = {"translator", "reviewer", "reviewed", "next_review_due"}
ROUTE_TEXT = (
    "name", "short_name", "summary", "medication", "dose_note", "session_length", "schedule_induction",
    "schedule_maintenance", "observation_period", "setting", "monitoring", "onset", "requirements",
)  # fmt: skip
ROUTE_LISTS = ("emergency_signs", "call_clinic_signs")
CONTRAINDICATION_TEXT = ("name", "explanation", "screening_question", "advice", "unsure_advice")
INTERACTION_TEXT = ("name", "examples", "effect", "advice", "screening_question", "unsure_advice")


def translation_folders(folder):
    """Return {language: folder} for each translated language the library has a folder for."""
    folder = Path(folder)
    return {
        code: folder / code
        for code, _ in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE.split("-")[0] and (folder / code).is_dir()
    }


def load(library, folder):
    """Write every translation in the library's language folders; the originals are loaded already."""
    with one_invalidation():  # hundreds of rows: what they change is dropped once, at the end
        for language, translated in translation_folders(folder).items():
            _load_language(library, language, translated)


def _load_language(library, language, translated):
    loader = TranslationLoader(library, language)
    # Facts first: items write {fact:key}, and a claim is matched against the text with facts filled in.
    if (translated / "key-facts.yaml").exists():
        loader.key_facts(translated / "key-facts.yaml")
    if (translated / "conditions" / "_groups.yaml").exists():
        loader.groups(translated / "conditions" / "_groups.yaml")
    for document in documents(translated / "conditions"):
        loader.condition(document)
    for document in documents(translated / "routes"):
        loader.route(document)
    safety = translated / "safety"
    for name, model, fields in (
        ("contraindications.yaml", Contraindication, CONTRAINDICATION_TEXT),
        ("interactions.yaml", Interaction, INTERACTION_TEXT),
    ):
        if (safety / name).exists():
            for entry in read_list(safety / name):
                loader.item(entry, model, "slug", fields)
    if (safety / "candidates.yaml").exists():
        for entry in read_list(safety / "candidates.yaml"):
            loader.item(entry, CandidateProfile, "title", ("title", "description"), key_field="key")


class TranslationLoader:
    def __init__(self, library, language):
        self.library = library
        self.language = language

    def people(self, entry):
        """Return the translation's translator and review fields, each checked."""
        translator = None
        slug = entry.values.get("translator")
        if slug:
            translator = self.library.people.get(slug)
            if translator is None:
                raise entry.error("translator", f"unknown translator '{slug}': add them to people.yaml")
        return {"translator": translator, **self.library.review_fields(entry)}

    def save(self, original, values, entry, body_document=None):
        """Create or update original's translation with values; return it."""
        model = type(original).translations.rel.related_model
        check_lengths(model, values, entry)
        row, _ = model.objects.update_or_create(
            original=original, language=self.language, defaults={**values, **self.people(entry)}
        )
        self.claims(original, row, entry)
        return row

    def claims(self, original, row, entry):
        """Translate the claims of original's passages, in order, each found in the translation's text."""
        listed = entry.values.get("passages") or []
        if not isinstance(listed, list):
            raise entry.error(
                "passages", "'passages' is a list of {claim: …}, one per passage of the original"
            )
        passages = list(
            Passage.objects.filter(citation__in=Citation.objects.filter(**_cited(original))).order_by(
                "order", "pk"
            )
        )
        if len(listed) != len(passages):
            raise entry.error(
                "passages",
                f"{len(listed)} passages for the original's {len(passages)}: give one claim for each, "
                "in order",
            )
        text = self.written_text(row)
        for number, (values, passage) in enumerate(zip(listed, passages, strict=True), start=1):
            if not isinstance(values, dict) or set(values) != {"claim"}:
                raise entry.error("passages", f"passage {number}: give only its claim")
            claim = " ".join(str(values["claim"]).split())
            if claim not in text:
                raise entry.error(
                    "passages", f"passage {number}: the claim “{claim}” is not in the translation's text"
                )
            missing = [n for n in re.findall(r"\d+(?:\.\d+)?", passage.claim) if n not in claim]
            if missing:
                raise entry.error(
                    "passages",
                    f"passage {number}: the claim lacks {', '.join(missing)}, which the original's states",
                )
            PassageTranslation.objects.update_or_create(
                original=passage, language=self.language,
                defaults={"claim": claim, **self.people(entry)},
            )  # fmt: skip

    def written_text(self, row):
        text = html_to_text(
            " ".join(str(getattr(row, name) or "") for name in row.review_fields if name != "route_notes")
        )
        facts = {
            key: (text, figure)
            for key, text, figure in KeyFact.objects.exclude(key="").values_list("key", "text", "figure")
        }
        translated = KeyFactTranslation.objects.filter(language=self.language).exclude(original__key="")
        for key, fact_text, figure in translated.values_list("original__key", "text", "figure"):
            facts[key] = (fact_text, figure)

        def filled(match):
            key, figure_only = match.groups()
            if key not in facts:
                return match.group(0)
            return facts[key][1] if figure_only else facts[key][0]

        return " ".join(FACT_TOKEN.sub(filled, text).split())

    def fields(self, entry, names, required=("name",)):
        entry.check_fields(
            {*names, *REVIEW_FIELDS, "passages", "slug", "key", "route_notes"}, required=list(required)
        )
        return {name: str(entry.values.get(name) or "").strip() for name in names}

    def key_facts(self, path):
        originals = list(KeyFact.objects.order_by("order", "pk"))
        entries = read_list(path)
        if len(entries) != len(originals):
            raise ContentError(
                path, 1, f"{len(entries)} facts for the library's {len(originals)}: one per fact, in order"
            )
        for entry, fact in zip(entries, originals, strict=True):
            if (entry.values.get("key") or "") != fact.key:
                raise entry.error(
                    "key", f"this place holds the fact '{fact.key or fact.figure}': keep the library's order"
                )
            values = self.fields(entry, ("figure", "text"), required=("figure", "text"))
            self.save(fact, values, entry)

    def groups(self, path):
        for entry in read_list(path):
            group = self.original(entry, ConditionGroup, "slug", "slug")
            self.save(group, self.fields(entry, ("name",)), entry)

    def condition(self, document):
        entry = document.meta
        condition = self.original_by(entry, Condition, slug=document.slug)
        values = self.fields(entry, ("name", "summary"), required=("name", "summary"))
        notes = entry.values.get("route_notes") or {}
        if not isinstance(notes, dict):
            raise entry.error("route_notes", "'route_notes' maps a route's slug to its note")
        routes = set(condition.routes.values_list("slug", flat=True))
        unknown = sorted(set(notes) - routes)
        if unknown:
            raise entry.error("route_notes", f"'{unknown[0]}' is not one of the condition's routes")
        values["route_notes"] = {slug: str(note).strip() for slug, note in notes.items()}
        values["description"] = self.body(document, condition)
        self.save(condition, values, entry)

    def route(self, document):
        entry = document.meta
        route = self.original_by(entry, AdministrationRoute, slug=document.slug)
        entry.check_fields(
            {*ROUTE_TEXT, *ROUTE_LISTS, *REVIEW_FIELDS, "passages"}, required=["name", "summary"]
        )
        values = {name: str(entry.values.get(name) or "").strip() for name in ROUTE_TEXT}
        for name in ROUTE_LISTS:
            values[name] = "\n".join(entry.values.get(name) or [])
        values["description"] = self.body(document, route)
        self.save(route, values, entry)

    def item(self, entry, model, lookup, fields, key_field=None):
        original = self.original(entry, model, lookup, key_field or lookup)
        self.save(original, self.fields(entry, fields, required=fields[:1]), entry)

    def original(self, entry, model, lookup, key_field):
        key = entry.values.get(key_field)
        if not key:
            raise entry.error(key_field, f"each translation names its original by '{key_field}'")
        return self.original_by(entry, model, **{lookup: key})

    @staticmethod
    def original_by(entry, model, **lookup):
        original = model.objects.filter(**lookup).first()
        if original is None:
            value = next(iter(lookup.values()))
            raise ContentError(
                entry.path, entry.line, f"no {model._meta.verbose_name} '{value}' to translate"
            )
        return original

    @staticmethod
    def body(document, original):
        """The body with [@key] numbered as the original's references are (the same list)."""
        keys = list(
            Citation.objects.filter(**_cited(original))
            .order_by("order")
            .values_list("source__key", flat=True)
        )
        if CITATION.search(document.body) is None:
            return document.body
        return number_citations(document, keys, "sources (the original's)")


def _cited(original):
    from django.contrib.contenttypes.models import ContentType

    return {"content_type": ContentType.objects.get_for_model(original), "object_id": original.pk}
