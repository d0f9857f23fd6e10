from django import forms
from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils import timezone
from django_ckeditor_5.widgets import CKEditor5Widget
from simple_history.admin import SimpleHistoryAdmin

from domain.identifiers import normalize_doi
from domain.models import REVIEW_DUE_SOON, Citation, KeyFact, Person, Redirect, SiteProfile, Source

from .admin_permissions import RoleAdminMixin


class SiteProfileForm(forms.ModelForm):
    class Meta:
        model = SiteProfile
        fields = [
            "name", "tagline", "intro", "phone", "email", "booking_url", "opening_hours", "street_address",
            "locality", "region", "postal_code", "country", "crisis_line_name", "crisis_line",
            "crisis_chat_url", "emergency_number", "disclaimer",
        ]  # fmt: skip
        widgets = {"intro": CKEditor5Widget(config_name="default")}


@admin.register(SiteProfile)
class SiteProfileAdmin(RoleAdminMixin, SimpleHistoryAdmin):
    form = SiteProfileForm
    fieldsets = [
        (None, {"fields": ["name", "tagline", "intro"]}),
        ("Contact", {"fields": ["phone", "email", "booking_url", "opening_hours"]}),
        ("Address", {"fields": ["street_address", "locality", "region", "postal_code", "country"]}),
        (
            "Crisis help and safety",
            {
                "description": "Every page builds its crisis help from these fields: a change shows "
                "everywhere at once.",
                "fields": [
                    "crisis_line_name",
                    "crisis_line",
                    "crisis_chat_url",
                    "emergency_number",
                    "disclaimer",
                ],
            },
        ),
    ]

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
    verbose_name = "source"
    verbose_name_plural = "sources (numbered: [1] in the text is the first)"


class ReviewStateFilter(admin.SimpleListFilter):
    """The review queue's groups, as a filter on every clinical list."""

    title = "medical review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("changed", "Changed since review"),
            ("overdue", "Overdue"),
            ("soon", "Due within 30 days"),
            ("never", "Never reviewed"),
            ("queue", "Any of these"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        filters = {
            "changed": {"changed_since_review": True},
            "overdue": {"next_review_due__lt": today},
            "soon": {"next_review_due__gte": today, "next_review_due__lte": today + REVIEW_DUE_SOON},
            "never": {"last_reviewed__isnull": True},
        }
        if self.value() == "queue":
            return queryset.review_queue(today)
        return queryset.filter(**filters[self.value()]) if self.value() in filters else queryset


class ReviewedAdminMixin:
    """For clinical content: the review state shown on the list and the form, and the queue's filter."""

    review_fieldset = (
        "Medical review",
        {
            "fields": ["reviewer", "last_reviewed", "next_review_due", "review_state"],
            "description": "Recording a review (a new date or reviewer) signs off the text as it is now; "
            "a later change to the clinical text shows as “changed since review” until the next review.",
        },
    )

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), ReviewStateFilter]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "review_state"]

    @admin.display(description="review")
    def review_state(self, obj):
        return obj.review_state or "Current"


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


@admin.register(KeyFact)
class KeyFactAdmin(RoleAdminMixin, admin.ModelAdmin):
    list_display = ["figure", "text", "is_listed", "order"]
    list_editable = ["is_listed", "order"]
    search_fields = ["figure", "text"]
    inlines = [CitationInline]


@admin.register(Redirect)
class RedirectAdmin(RoleAdminMixin, admin.ModelAdmin):
    """Old addresses and where they lead: made automatically when a public page's address changes or the
    page is deleted; editors and clinic staff can add or correct one by hand."""

    list_display = ["old_path", "new_path", "created_at"]
    search_fields = ["old_path", "new_path"]
    readonly_fields = ["created_at"]
