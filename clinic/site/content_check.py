"""The content check: clinical text that states a figure (a percentage, a dose, a count, a duration) with
no citation beside it. `manage.py check_content` prints what it finds; the test suite runs it on the demo."""

from django.db import models

from articles.models import Article
from conditions.models import AdministrationRoute, CandidateProfile, Condition, Contraindication, Interaction
from domain.crisis_text import TOKENS, literal_numbers
from domain.figures import unsourced_fields, unsourced_sentences
from domain.models import KeyFact, SiteProfile

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
        (Article.objects.prefetch_related("references"), "body", [], "references"),
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


def _written_fields(model):
    # Words a person writes; addresses, slugs and choices carry no crisis number.
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField | models.URLField | models.EmailField)
        and not field.choices
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
