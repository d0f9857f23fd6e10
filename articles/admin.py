from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from clinic.core.admin import ReviewStateFilter
from clinic.core.admin_permissions import RoleAdminMixin
from clinic.core.storage import UploadsNeedStorageMixin
from conditions.dose_check import dose_warnings
from conditions.models import AdministrationRoute

from . import views
from .forms import ArticleAdminForm, AuthorAdminForm
from .models import AUTHOR_STATUSES, Article, Author, Category, MostReadArticle, Reference, Status, Tag

# What only editors set: authors see these read-only, so a hand-made POST can't change them either.
EDITOR_ONLY_FIELDS = ["author", "reviewer", "last_reviewed", "next_review_due", "published_at", "is_featured"]


def _is_editor(request):
    return request.user.has_perm("articles.publish_article")


class ReferenceInline(admin.TabularInline):
    model = Reference
    fields = ["order", "source"]
    autocomplete_fields = ["source"]
    extra = 1

    def _may_edit(self, request, obj):
        return obj is None or obj.can_be_edited_by(request.user)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._may_edit(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_edit(request, obj)


@admin.register(Article)
class ArticleAdmin(RoleAdminMixin, UploadsNeedStorageMixin, SimpleHistoryAdmin):
    form = ArticleAdminForm
    inlines = [ReferenceInline]
    list_display = [
        "title", "status", "is_live", "author", "category", "published_at", "last_reviewed", "view_count",
        "review_state",
    ]  # fmt: skip
    list_filter = ["status", "is_featured", "category", "author", "tags", ReviewStateFilter]
    list_select_related = ["author", "category"]
    search_fields = ["title", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}  # fills only while unsaved, so URLs stay put
    autocomplete_fields = ["author", "reviewer", "category", "tags", "related_conditions"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["created_at", "updated_at", "reading_time", "review_state"]
    actions = ["publish_now", "archive", "send_back_to_draft"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "dek", "author", "category", "tags", "loaded_version"]}),
        (None, {"fields": ["body", "key_takeaways", "excerpt"]}),
        (
            "Featured image",
            {"fields": ["featured_image", "featured_image_alt", "featured_image_caption"]},
        ),
        (
            "Medical review and publishing",
            {
                "fields": [
                    "status",
                    "reviewer",
                    "last_reviewed",
                    "next_review_due",
                    "review_state",
                    "published_at",
                    "is_featured",
                ],
                "description": "Publishing needs a medical reviewer and the date of their review. "
                "To schedule, choose Published and a publish time in the future.",
            },
        ),
        ("Related conditions", {"fields": ["related_conditions"]}),
        (
            "Search engines and syndication",
            {
                "classes": ["collapse"],
                "fields": [
                    "seo_title",
                    "seo_description",
                    "original_publication_name",
                    "original_publication_url",
                ],
            },
        ),
        ("Record", {"fields": ["created_at", "updated_at", "reading_time"]}),
    ]

    @admin.display(description="live on site", boolean=True)
    def is_live(self, obj):
        return obj.is_public

    @admin.display(description="review")
    def review_state(self, obj):
        return obj.review_state or "Current"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        routes = AdministrationRoute.objects.filter(
            conditions__in=article.related_conditions.all()
        ).distinct()
        for warning in dose_warnings(
            article.body, AdministrationRoute.objects.all(), routes if len(routes) == 1 else ()
        ):
            self.message_user(request, warning, messages.WARNING)

    def get_urls(self):
        upload = self.admin_site.admin_view(views.upload_image)
        return [path("upload-image/", upload, name="articles_article_upload_image"), *super().get_urls()]

    def get_queryset(self, request):
        articles = super().get_queryset(request)
        if _is_editor(request) or not request.user.has_perm("articles.change_article"):
            return articles  # editors, and view-only clinic staff
        return articles.filter(author__user=request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not _is_editor(request):
            fields += EDITOR_ONLY_FIELDS
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not _is_editor(request):
            kwargs["choices"] = [(status.value, status.label) for status in AUTHOR_STATUSES]
            kwargs["error_messages"] = {
                "invalid_choice": "Only an editor can publish, schedule or archive an article. "
                "Choose Draft or In review."
            }
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def has_add_permission(self, request):
        if not super().has_add_permission(request):
            return False
        # An author writes under their own profile; a login without one has no byline to write under.
        return _is_editor(request) or hasattr(request.user, "author_profile")

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or obj.can_be_edited_by(request.user)
        )

    def has_publish_permission(self, request):
        return _is_editor(request)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            if not _is_editor(request):
                obj.author = request.user.author_profile
        super().save_model(request, obj, form, change)

    @admin.action(description="Publish selected articles now", permissions=["publish"])
    def publish_now(self, request, queryset):
        published, unreviewed = [], []
        now = timezone.now()
        for article in queryset.select_related("reviewer"):
            try:
                article.publish(now)  # the model's publish rule, as the change form's clean() applies it
            except ValidationError:
                unreviewed.append(article.title)
                continue
            published.append(article.title)
        if published:
            self.message_user(request, f"Published now: {', '.join(published)}.", messages.SUCCESS)
        if unreviewed:
            self.message_user(
                request,
                "Not published, because they need a medical reviewer and a last-reviewed date first: "
                f"{', '.join(unreviewed)}.",
                messages.ERROR,
            )

    @admin.action(description="Unpublish selected articles (archive)", permissions=["publish"])
    def archive(self, request, queryset):
        self._move(request, queryset, Status.ARCHIVED, "Archived (no longer on the site)")

    @admin.action(description="Send selected articles back to draft", permissions=["publish"])
    def send_back_to_draft(self, request, queryset):
        self._move(request, queryset, Status.DRAFT, "Sent back to draft")

    def _move(self, request, queryset, status, done):
        titles = []
        for article in queryset:
            article.status = status
            article.save()
            titles.append(article.title)
        self.message_user(request, f"{done}: {', '.join(titles)}.", messages.SUCCESS)


@admin.register(MostReadArticle)
class MostReadArticleAdmin(RoleAdminMixin, admin.ModelAdmin):
    list_display = ["article", "view_count", "author", "category", "published_at"]
    list_display_links = None  # read-only: the title links to the public page instead
    list_select_related = ["author", "category"]
    list_filter = ["category"]
    search_fields = ["title"]
    ordering = ["-view_count", "-published_at"]
    actions = None

    def get_queryset(self, request):
        return super().get_queryset(request).published()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="title", ordering="title")
    def article(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.title)


@admin.register(Author)
class AuthorAdmin(RoleAdminMixin, UploadsNeedStorageMixin, SimpleHistoryAdmin):
    form = AuthorAdminForm
    list_display = ["display_name", "credentials", "role", "may_review", "user"]
    list_filter = ["may_review"]
    list_select_related = ["user"]
    search_fields = ["display_name", "credentials", "role"]
    prepopulated_fields = {"slug": ["display_name"]}


@admin.register(Category)
class CategoryAdmin(RoleAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(RoleAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
