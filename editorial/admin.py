from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_ckeditor_5.widgets import CKEditor5Widget
from simple_history.admin import SimpleHistoryAdmin

from domain.content import written_text
from domain.figures import numbers_not_in
from domain.identifiers import normalize_doi
from domain.models import Citation, KeyFact, Passage, Person, Redirect, SiteProfile, Source, SynonymSet
from domain.review_dates import ReviewState, due_soon, overdue
from domain.translations import KeyFactTranslation, SiteProfileTranslation

from .admin_permissions import RoleAdminMixin
from .translation_admin import translation_inline


class SiteProfileForm(forms.ModelForm):
    crisis_details_checked = forms.BooleanField(
        label=gettext_lazy("The crisis line's name and chat link are right for the new number"),
        required=False,
        help_text=gettext_lazy(
            "Tick this only when you change the number alone and the line's name and chat link still belong "
            "to it."
        ),
    )

    class Meta:
        model = SiteProfile
        fields = [
            "name", "tagline", "intro", "phone", "email", "booking_url", "opening_hours", "street_address",
            "locality", "region", "postal_code", "country", "crisis_line_name", "crisis_line",
            "crisis_chat_url", "emergency_number", "disclaimer",
        ]  # fmt: skip
        widgets = {"intro": CKEditor5Widget(config_name="default")}

    def clean(self):
        cleaned = super().clean()
        # The crisis line's number, name and chat link describe one service: a new number under the old
        # name would send readers in crisis to a line that doesn't answer at that number.
        changed = set(self.changed_data)
        if (
            self.instance.pk
            and "crisis_line" in changed
            and not changed & {"crisis_line_name", "crisis_chat_url"}
            and not cleaned.get("crisis_details_checked")
        ):
            chat = cleaned.get("crisis_chat_url") or _("no chat link")
            self.add_error(
                "crisis_line_name",
                _(
                    "You changed the crisis number from %(old)s to %(new)s, but the line's name (“%(name)s”) "
                    "and chat link (%(chat)s) are unchanged, and every page shows them beside the number. "
                    "Update them, or tick “%(checkbox)s” to keep them."
                )
                % {
                    "old": self.initial.get("crisis_line"),
                    "new": cleaned.get("crisis_line"),
                    "name": cleaned.get("crisis_line_name"),
                    "chat": chat,
                    "checkbox": self.fields["crisis_details_checked"].label,
                },
            )
        return cleaned


@admin.register(SiteProfile)
class SiteProfileAdmin(RoleAdminMixin, SimpleHistoryAdmin):
    inlines = [translation_inline(SiteProfileTranslation)]
    form = SiteProfileForm
    fieldsets = [
        (None, {"fields": ["name", "tagline", "intro"]}),
        (gettext_lazy("Contact"), {"fields": ["phone", "email", "booking_url", "opening_hours"]}),
        (
            gettext_lazy("Address"),
            {"fields": ["street_address", "locality", "region", "postal_code", "country"]},
        ),
        (
            gettext_lazy("Crisis help and safety"),
            {
                "description": gettext_lazy(
                    "Every page builds its crisis help from these fields: a change shows everywhere at once."
                ),
                "fields": [
                    "crisis_line_name",
                    "crisis_line",
                    "crisis_chat_url",
                    "crisis_details_checked",
                    "emergency_number",
                    "disclaimer",
                    "reader_preview",
                ],
            },
        ),
    ]
    readonly_fields = ["reader_preview"]

    @admin.display(description=gettext_lazy("As readers see it now"))
    def reader_preview(self, profile):
        """The crisis box and footer, rendered from the saved profile as every page shows them."""
        if profile is None or profile.pk is None:
            return _("Shown once the profile is saved.")
        context = {"site": profile}
        with translation.override(settings.LANGUAGE_CODE):  # as readers see it: in the public site's language
            return format_html(
                '<div class="reader-preview">{}{}</div>',
                render_to_string("includes/crisis_box.html", context),
                render_to_string("includes/footer.html", context),
            )

    def has_add_permission(self, request):
        return not SiteProfile.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


class SourceForm(forms.ModelForm):
    # People paste identifiers as links or with a label; store the one valid form, refuse anything else.
    def clean_doi(self):
        return normalize_doi(self.cleaned_data.get("doi"))

    def clean_pmid(self):
        return (self.cleaned_data.get("pmid") or "").strip().removeprefix("PMID:").strip()


class CitationInline(GenericTabularInline):
    """An item's numbered sources: [n] in its text points at the n-th."""

    model = Citation
    fields = ["order", "source"]
    autocomplete_fields = ["source"]
    extra = 1
    show_change_link = True  # to the citation's page: what the source says for each claim
    verbose_name = gettext_lazy("source")
    verbose_name_plural = gettext_lazy("sources (numbered: [1] in the text is the first)")


class PassageForm(forms.ModelForm):
    """A passage must support words the item says, and contain every number its claim states."""

    class Meta:
        model = Passage
        fields = ["claim", "text", "locator", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        claim = " ".join((cleaned.get("claim") or "").split())
        passage = cleaned.get("text") or ""
        item = self.instance.citation.item if self.instance.citation_id else None
        if claim and item is not None and claim not in written_text(item):
            self.add_error(
                "claim",
                _("“%(claim)s” is not in the text of %(item)s: copy the words exactly as shown.")
                % {"claim": claim, "item": item},
            )
        missing = numbers_not_in(passage, claim)
        if claim and passage and missing:
            self.add_error(
                "text",
                _(
                    "The passage does not contain %(figures)s, which the claim states: quote the sentence of "
                    "the source that gives the figure."
                )
                % {"figures": ", ".join(missing)},
            )
        cleaned["claim"] = claim
        return cleaned


class PassageInline(admin.StackedInline):
    model = Passage
    form = PassageForm
    extra = 1
    verbose_name = gettext_lazy("passage")
    verbose_name_plural = gettext_lazy("what the source says, claim by claim")


@admin.register(Citation)
class CitationAdmin(RoleAdminMixin, admin.ModelAdmin):
    """One item's citation of one source, with the source's passages: reached from the item's source list."""

    fields = ["cited_by", "source", "order"]
    readonly_fields = ["cited_by", "source"]
    inlines = [PassageInline]

    def get_model_perms(self, request):
        return {}  # not listed on the admin index: a citation belongs to its item's page

    def has_add_permission(self, request):
        return False  # added on its item's page, where the source list is

    def get_queryset(self, request):
        # Only citations of items the user's own lists show: an author sees none of another's draft.
        rows = super().get_queryset(request)
        visible = models.Q(pk__in=[])
        for content_type_id in rows.values_list("content_type", flat=True).distinct():
            item_model = ContentType.objects.get_for_id(content_type_id).model_class()
            item_admin = self.admin_site._registry.get(item_model)
            if item_admin is not None and item_admin.has_view_permission(request):
                items = item_admin.get_queryset(request).values("pk")
                visible |= models.Q(content_type_id=content_type_id, object_id__in=items)
        return rows.filter(visible)

    # A citation is part of its item: whoever may not see or change the item may not see or change it.
    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._item_allows(request, obj, "view")

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._item_allows(request, obj, "change")

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._item_allows(request, obj, "change")

    def _item_allows(self, request, obj, action):
        if obj is None:
            return True
        item = obj.item
        item_admin = self.admin_site._registry.get(type(item))
        return item_admin is not None and getattr(item_admin, f"has_{action}_permission")(request, item)

    @admin.display(description=gettext_lazy("cited by"))
    def cited_by(self, obj):
        item = obj.item
        try:
            url = reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])
        except NoReverseMatch:
            return str(item)
        return format_html('<a href="{}">{}</a>', url, item)


class ReviewStateFilter(admin.SimpleListFilter):
    """The review queue's groups, as a filter on every clinical list."""

    title = gettext_lazy("medical review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("changed", ReviewState.CHANGED),
            ("overdue", ReviewState.OVERDUE),
            ("soon", ReviewState.DUE_SOON),
            ("never", ReviewState.NEVER),
            ("queue", _("Any of these")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        filters = {
            "changed": models.Q(changed_since_review=True),
            "overdue": overdue(today),
            "soon": due_soon(today),
            "never": models.Q(last_reviewed__isnull=True),
        }
        if self.value() == "queue":
            return queryset.review_queue(today)
        return queryset.filter(filters[self.value()]) if self.value() in filters else queryset


class ReviewedAdminMixin:
    """For clinical content: the review state shown on the list and the form, and the queue's filter."""

    review_fieldset = (
        gettext_lazy("Medical review"),
        {
            "fields": ["reviewer", "last_reviewed", "next_review_due", "review_state"],
            "description": gettext_lazy(
                "Recording a review (a new date or reviewer) signs off the text as it is now; a later change "
                "to the clinical text shows as “changed since review” until the next review."
            ),
        },
    )

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), ReviewStateFilter]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "review_state"]

    @admin.display(description=gettext_lazy("review"))
    def review_state(self, obj):
        return obj.review_state or _("Current")


@admin.register(Person)
class PersonAdmin(RoleAdminMixin, SimpleHistoryAdmin):
    list_display = ["display_name", "credentials", "may_review"]
    list_filter = ["may_review"]
    search_fields = ["display_name", "credentials", "slug"]
    prepopulated_fields = {"slug": ["display_name"]}


@admin.register(Source)
class SourceAdmin(RoleAdminMixin, SimpleHistoryAdmin):
    form = SourceForm
    list_display = ["key", "text", "doi", "pmid"]
    search_fields = ["key", "text", "doi", "pmid", "url"]
    formfield_overrides = {forms.URLField: {"assume_scheme": "https"}}

    def has_change_permission(self, request, obj=None):
        # An author adds a paper while writing and may correct a typo in it, as long as nothing public and
        # nothing of anyone else's cites it; after that, the shared record is the editors' to keep.
        if super().has_change_permission(request, obj):
            return True
        return (
            obj is not None
            and request.user.has_perm("clinic.add_source")
            and _still_ones_own(request.user, obj)
        )


def _still_ones_own(user, source) -> bool:
    """Whether user added source and only their own unpublished items cite it."""
    added_by = source.history.filter(history_type="+").values_list("history_user_id", flat=True).first()
    if added_by != user.pk:
        return False
    for citation in source.citations.select_related("content_type"):
        item = citation.item
        history = getattr(type(item), "history", None)
        if item is None or getattr(item, "is_public", True) or history is None:
            return False
        creator = (
            history.filter(id=item.pk, history_type="+").values_list("history_user_id", flat=True).first()
        )
        if creator != user.pk:
            return False
    return True


@admin.register(KeyFact)
class KeyFactAdmin(RoleAdminMixin, admin.ModelAdmin):
    """Facts held once: listed ones are the home page's key facts; a keyed one is written {fact:key}."""

    list_display = ["figure", "text", "key", "is_listed", "order"]
    list_editable = ["is_listed", "order"]
    search_fields = ["figure", "text", "key", "topic"]
    inlines = [CitationInline, translation_inline(KeyFactTranslation)]


@admin.register(Redirect)
class RedirectAdmin(RoleAdminMixin, admin.ModelAdmin):
    """Old addresses and where they lead: made automatically when a public page's address changes or the
    page is deleted; editors and clinic staff can add or correct one by hand."""

    list_display = ["old_path", "new_path", "created_at"]
    search_fields = ["old_path", "new_path"]
    readonly_fields = ["created_at"]


@admin.register(SynonymSet)
class SynonymSetAdmin(RoleAdminMixin, admin.ModelAdmin):
    """Words readers type that mean the same (Spravato, esketamine nasal spray): search finds one by the
    other. Editors and clinic staff keep them; a change shows in the next search."""

    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["terms", "note"]
    readonly_fields = ["updated_at"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 8, "cols": 60})}}
