"""The content check: clinical text that states a figure (a percentage, a dose, a count, a duration) with
no citation beside it. `manage.py check_content` prints what it finds; the test suite runs it on the demo."""

from articles.models import Article
from clinic.core.figures import unsourced_fields, unsourced_sentences
from clinic.core.models import KeyFact
from conditions.models import AdministrationRoute, Condition, Contraindication, Interaction

ROUTE_FACTS = [
    "summary", "dose_note", "session_length", "schedule_induction", "schedule_maintenance",
    "observation_period",
    "monitoring", "onset", "requirements",
]  # fmt: skip


def _label(item):
    return f"{item._meta.verbose_name} “{item}”"


def unsourced_figures():
    """Return one plain line per figure a reader would see without its citation."""
    found = []
    checks = [
        (Article.objects.prefetch_related("references"), "body", [], "references"),
        (Condition.objects.prefetch_related("citations"), "description", ["summary"], "citations"),
        (AdministrationRoute.objects.prefetch_related("citations"), "description", ROUTE_FACTS, "citations"),
        (Contraindication.objects.prefetch_related("citations"), None, ["explanation"], "citations"),
        (Interaction.objects.prefetch_related("citations"), None, ["effect", "advice"], "citations"),
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
