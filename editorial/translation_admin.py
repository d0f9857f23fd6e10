"""Translations in the admin (issue 24): each item's translations on its own form, and what needs a reviewer.

A translation is edited beside its original, with its own translator, medical reviewer and review date. Its
state is said in words: not yet reviewed (not on the site), changed since its review (off the site until
reviewed again), the English page changed since (on the site with a notice), or taken off the site by a
safety correction. The dashboard and the review queue list the translations that need someone.
"""

from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from domain.translations import translation_models

from .dashboard import Count, Panel, Waiting

REVIEW_FIELDS = [
    "translator", "reviewer", "last_reviewed", "next_review_due", "withdrawn", "withdrawn_because",
]  # fmt: skip


def translation_state(translation) -> str:
    """Where a translation stands, in the words the admin and the queue use; '' when it is current."""
    if translation.pk is None:
        return ""
    if translation.withdrawn:
        return _("Taken off the site: a safety correction changed the original")
    if not translation.last_reviewed or translation.reviewer_id is None:
        return _("Not yet medically reviewed: not on the site")
    if translation.changed_since_review:
        return _("Changed since its review: off the site until reviewed again")
    if translation.original_changed:
        return _("The English page changed since this translation: review it against the current text")
    if translation.review_is_overdue:
        return _("Review overdue")
    return ""


class TranslationInline(admin.StackedInline):
    extra = 0
    fk_name = "original"
    readonly_fields = ["state"]
    verbose_name_plural = gettext_lazy("Translations, each medically reviewed on its own")

    def get_fields(self, request, obj=None):
        return ["state", "language", *self.model.review_fields, *REVIEW_FIELDS]

    @admin.display(description=gettext_lazy("state"))
    def state(self, translation):
        return translation_state(translation) or _("Current: on the site")


def translation_inline(model):
    """Return the inline that edits model's translations on its original's form."""
    return type(f"{model.__name__}Inline", (TranslationInline,), {"model": model})


def _needing_attention(user):
    for model in translation_models():
        original = model._meta.get_field("original").related_model
        if not user.has_perm(f"{original._meta.app_label}.change_{original._meta.model_name}"):
            continue
        for translation in model.objects.needing_attention().select_related("original").order_by("pk"):
            state = translation_state(translation)
            if not state:
                continue
            try:
                url = reverse(
                    f"admin:{original._meta.app_label}_{original._meta.model_name}_change",
                    args=[translation.original_id],
                )
            except NoReverseMatch:
                continue  # kept in content files only (e.g. a passage's claim)
            yield translation, state, url


LIMIT = 10


def translations_panel(request):
    """Translations that need someone: behind their English page, withdrawn, or not yet reviewed."""
    rows = list(_needing_attention(request.user))
    if not rows:
        return None
    waiting = [
        Waiting(
            str(translation),
            f"{url}#translations",
            format_html('<span class="badge badge-warning">{}</span>', state),
            translation._meta.verbose_name,
        )
        for translation, state, url in rows[:LIMIT]
    ]
    withdrawn = sum(1 for translation, _state, _url in rows if translation.withdrawn)
    return Panel(
        _("Translations that need a reviewer"),
        counts=[
            Count(_("taken off the site by a safety correction"), withdrawn, reverse("admin:review_queue"))
        ]
        if withdrawn
        else [],
        waiting=waiting,
        # Not an alert: a withdrawn translation is already off the site, so no reader is at risk meanwhile.
    )
