from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from domain.models import SiteProfile
from domain.redirects import RedirectOnDeleteAdminMixin
from editorial.admin import CitationInline, ReviewedAdminMixin
from editorial.admin_permissions import RoleAdminMixin
from editorial.editing import AutosaveAdminMixin, WritingAidsAdminMixin
from editorial.translation_admin import translation_inline
from editorial.version_diff import CompareVersionsAdminMixin

from .dose_check import dose_warnings
from .forms import ConditionRouteForm, StaffAdminForm
from .models import (
    AdministrationRoute,
    AdministrationRouteTranslation,
    CandidateProfile,
    CandidateProfileTranslation,
    Condition,
    ConditionGroup,
    ConditionGroupTranslation,
    ConditionRoute,
    ConditionTranslation,
    Contraindication,
    ContraindicationTranslation,
    Interaction,
    InteractionTranslation,
)


class ListedAdmin(
    RoleAdminMixin, AutosaveAdminMixin, WritingAidsAdminMixin, CompareVersionsAdminMixin, SimpleHistoryAdmin
):
    """Order and the listed flag are edited in the list; bulk actions show or hide many at once.

    What staff type is kept as they type (autosave); any two versions can be compared side by side.
    """

    form = StaffAdminForm
    list_editable = ["order", "is_listed"]
    actions = ["show_on_site", "hide_from_site"]

    def _set_listed(self, request, queryset, is_listed):
        for obj in queryset:  # save() each one so history records who showed or hid it
            obj.is_listed = is_listed
            obj.save()
        count = len(queryset)
        meta = self.model._meta
        name = meta.verbose_name if count == 1 else meta.verbose_name_plural
        # The model's name is its own translated word; the number only chooses which of its two forms.
        if is_listed:
            said = gettext("%(count)s %(name)s shown on the site.")
        else:
            said = gettext("%(count)s %(name)s hidden from the site.")
        self.message_user(request, said % {"count": count, "name": name}, messages.SUCCESS)

    @admin.action(description=_("Show on site"), permissions=["change"])
    def show_on_site(self, request, queryset):
        self._set_listed(request, queryset, True)

    @admin.action(description=_("Hide from site"), permissions=["change"])
    def hide_from_site(self, request, queryset):
        self._set_listed(request, queryset, False)


class ConditionRouteInline(admin.TabularInline):
    model = ConditionRoute
    form = ConditionRouteForm
    extra = 1
    fields = ["route", "note", "order"]
    autocomplete_fields = ["route"]


class RouteConditionInline(admin.TabularInline):
    model = ConditionRoute
    form = ConditionRouteForm
    extra = 1
    fields = ["condition", "note", "order"]
    autocomplete_fields = ["condition"]
    verbose_name = _("condition this route is used for")
    verbose_name_plural = _("conditions this route is used for")


@admin.register(ConditionGroup)
class ConditionGroupAdmin(RoleAdminMixin, CompareVersionsAdminMixin, SimpleHistoryAdmin):
    inlines = [translation_inline(ConditionGroupTranslation)]
    form = StaffAdminForm
    list_display = ["name", "order", "condition_count"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        # A GROUP BY query drops Meta.ordering: order again, or autocomplete pages are unstable.
        groups = super().get_queryset(request).annotate(condition_total=Count("conditions"))
        return groups.order_by("order", "name")

    @admin.display(description=_("conditions"), ordering="condition_total")
    def condition_count(self, obj):
        return obj.condition_total


class PublicPageAdminMixin(RedirectOnDeleteAdminMixin):
    """A listed item has a public page: its readers are sent on when it is deleted; its text is graded."""

    readability_fields = ("summary", "description")
    preview_title_fields = ("name",)
    preview_description_fields = ("summary",)

    def public_address(self, obj):
        return obj.get_absolute_url() if obj.is_listed else None


@admin.register(Condition)
class ConditionAdmin(ReviewedAdminMixin, PublicPageAdminMixin, ListedAdmin):
    fallback_address = "/conditions/"
    list_display = [
        "name", "group", "evidence", "order", "is_listed", "show_crisis_help", "last_reviewed",
        "review_state",
    ]  # fmt: skip
    list_filter = ["group", "evidence", "is_listed", "show_crisis_help"]
    search_fields = ["name", "slug", "summary"]
    list_select_related = ["group"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["group", "contraindications", "evidence_sources", "reviewer"]
    inlines = [ConditionRouteInline, CitationInline, translation_inline(ConditionTranslation)]
    fieldsets = [
        (None, {"fields": ["name", "slug", "group", "summary", "description"]}),
        (
            _("Evidence and safety"),
            {
                "fields": ["evidence", "evidence_sources", "contraindications", "show_crisis_help"],
                "description": _(
                    "The page lists every contraindication of this condition's routes by itself; "
                    "add here only those specific to this condition."
                ),
            },
        ),
        (_("Listing"), {"fields": ["is_listed", "order"]}),
        ReviewedAdminMixin.review_fieldset,
    ]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "show_crisis_help" in form.base_fields:
            # Named from the profile, so the help never names a line the site no longer shows.
            profile = SiteProfile.objects.get_current()
            form.base_fields["show_crisis_help"].help_text = gettext(
                "Show the crisis box (call or text %(number)s, the %(line)s) on this page and on every "
                "article related to this condition."
            ) % {"number": profile.crisis_line, "line": profile.crisis_line_name}
        return form

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        condition = form.instance
        routes = AdministrationRoute.objects.all()
        own = list(condition.routes.all())
        for warning in dose_warnings(condition.description, routes, own if len(own) == 1 else ()):
            self.message_user(request, warning, messages.WARNING)


@admin.register(AdministrationRoute)
class AdministrationRouteAdmin(ReviewedAdminMixin, PublicPageAdminMixin, ListedAdmin):
    fallback_address = "/treatments/"
    list_display = [
        "name",
        "short_name",
        "medication",
        "regulatory_status",
        "order",
        "is_listed",
        "review_state",
    ]
    list_filter = ["regulatory_status", "is_listed"]
    search_fields = ["name", "short_name", "slug", "medication"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["reviewer"]
    inlines = [RouteConditionInline, CitationInline, translation_inline(AdministrationRouteTranslation)]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "summary"]}),
        (
            _("Medication and regulation"),
            {"fields": ["medication", "route_of_administration", "regulatory_status"]},
        ),
        (
            _("Dose and sessions"),
            {
                "fields": [
                    "dose_min",
                    "dose_max",
                    "dose_is_choice",
                    "dose_unit",
                    "dose_basis",
                    "dose_note",
                    "session_length",
                ]
            },
        ),
        (pgettext_lazy("dosing", "Schedule"), {"fields": ["schedule_induction", "schedule_maintenance"]}),
        (
            _("Safety and setting"),
            {"fields": ["observation_period", "setting", "monitoring", "onset", "requirements"]},
        ),
        (_("After a dose: when to call"), {"fields": ["emergency_signs", "call_clinic_signs"]}),
        (_("Full description"), {"fields": ["description"]}),
        (_("Listing"), {"fields": ["is_listed", "order"]}),
        ReviewedAdminMixin.review_fieldset,
    ]


class RouteScopedAdminMixin:
    """Safety items that name the routes they apply to (none: every route)."""

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("routes")

    @admin.display(description=_("routes"))
    def route_names(self, obj):
        return ", ".join(route.short_name for route in obj.routes.all()) or gettext("All routes")


@admin.register(Contraindication)
class ContraindicationAdmin(RouteScopedAdminMixin, ReviewedAdminMixin, ListedAdmin):
    readability_fields = ("explanation", "screening_question", "advice", "unsure_advice")
    list_display = ["name", "kind", "route_names", "order", "is_listed", "review_state"]
    list_filter = ["kind", "routes", "is_listed"]
    search_fields = ["name", "slug", "explanation", "screening_question", "advice", "unsure_advice"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["routes", "reviewer"]
    inlines = [CitationInline, translation_inline(ContraindicationTranslation)]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "explanation"]}),
        (_("Where it applies"), {"fields": ["routes"]}),
        (_("Pre-screen"), {"fields": ["screening_question", "advice", "unsure_advice"]}),
        (_("Listing"), {"fields": ["is_listed", "order"]}),
        ReviewedAdminMixin.review_fieldset,
    ]


@admin.register(CandidateProfile)
class CandidateProfileAdmin(ListedAdmin):
    inlines = [translation_inline(CandidateProfileTranslation)]
    readability_fields = ("description",)
    list_display = ["title", "order", "is_listed"]
    search_fields = ["title", "description"]


@admin.register(Interaction)
class InteractionAdmin(RouteScopedAdminMixin, ReviewedAdminMixin, ListedAdmin):
    list_display = ["name", "severity", "route_names", "order", "is_listed", "review_state"]
    list_filter = ["severity", "routes", "is_listed"]
    search_fields = ["name", "slug", "examples", "effect", "advice", "unsure_advice"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["routes", "reviewer"]
    inlines = [CitationInline, translation_inline(InteractionTranslation)]
    fieldsets = [
        (None, {"fields": ["name", "slug", "examples", "effect", "severity", "advice"]}),
        (_("Where it applies"), {"fields": ["routes"]}),
        (_("Pre-screen"), {"fields": ["screening_question", "unsure_advice"]}),
        (_("Listing"), {"fields": ["is_listed", "order"]}),
        ReviewedAdminMixin.review_fieldset,
    ]
