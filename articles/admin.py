from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from simple_history.admin import SimpleHistoryAdmin

from conditions.dose_check import dose_warnings
from conditions.models import AdministrationRoute
from domain.redirects import RedirectOnDeleteAdminMixin
from editorial.admin import CitationInline, ReviewStateFilter
from editorial.admin_permissions import RoleAdminMixin
from editorial.editing import AutosaveAdminMixin, WritingAidsAdminMixin
from editorial.translation_admin import translation_inline
from editorial.version_diff import CompareVersionsAdminMixin
from infrastructure.storage import UploadsNeedStorageMixin

from . import lifecycle, views, workflow
from .forms import ArticleAdminForm, AuthorAdminForm
from .links import broken_links
from .models import (
    Article,
    ArticleTranslation,
    Author,
    AuthorTranslation,
    Category,
    CategoryTranslation,
    MostReadArticle,
    Tag,
    TagTranslation,
)

# What only editors set: authors see these read-only, so a hand-made POST can't change them either.
EDITOR_ONLY_FIELDS = ["author", "reviewer", "last_reviewed", "next_review_due", "published_at", "is_featured"]


def _is_editor(request):
    return lifecycle.EDITORS.includes(request.user)


def _bulk_action(transition):
    """Return the list's action for transition: it takes the step on each chosen article it is open to."""

    def action(modeladmin, request, queryset):
        modeladmin.take_in_bulk(request, queryset, transition)

    action.__name__ = transition.bulk.name
    return admin.action(
        description=transition.bulk.description, permissions=[transition.who.admin_permission]
    )(action)


class FormKnowsUserMixin:
    """Admin mixin: the form knows who is saving (form.request_user), for the workflow and upload rules."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"request_user": request.user})


class ReferenceInline(CitationInline):
    """The article's numbered references, as every item cites: [n] in the body points at the n-th."""

    verbose_name = gettext_lazy("reference")
    verbose_name_plural = gettext_lazy("references (numbered: [1] in the body is the first)")

    def _may_edit(self, request, obj):
        return obj is None or obj.can_be_edited_by(request.user)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._may_edit(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_edit(request, obj)


@admin.register(Article)
class ArticleAdmin(
    FormKnowsUserMixin,
    RoleAdminMixin,
    UploadsNeedStorageMixin,
    RedirectOnDeleteAdminMixin,
    AutosaveAdminMixin,
    WritingAidsAdminMixin,
    CompareVersionsAdminMixin,
    SimpleHistoryAdmin,
):
    form = ArticleAdminForm
    inlines = [ReferenceInline, translation_inline(ArticleTranslation)]
    change_form_template = "admin/articles/article/change_form.html"
    autosave_version_field = "loaded_version"
    readability_fields = ("body",)
    preview_title_fields = ("seo_title", "title")
    preview_description_fields = ("seo_description", "excerpt", "summary")
    fallback_address = "/articles/"
    # Eight columns that fit 1366 px: the title wraps, the badge says where each article stands, the review
    # column when it was reviewed and whether that sign-off still covers the text.
    list_display = [
        "title", "stage", "author", "reviewer", "category", "published_at", "medical_review", "view_count",
    ]  # fmt: skip
    list_filter = [
        workflow.StageFilter,
        "status",
        "is_featured",
        "category",
        "author",
        "tags",
        ReviewStateFilter,
    ]
    list_select_related = ["author__person", "category", "reviewer"]
    search_fields = ["title", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}  # fills only while unsaved, so URLs stay put
    autocomplete_fields = ["author", "reviewer", "category", "tags", "related_conditions"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["created_at", "updated_at", "reading_time", "review_state"]
    actions = [_bulk_action(transition) for transition in lifecycle.TRANSITIONS if transition.bulk]
    # Review and publishing come first, where an editor looks; the workflow buttons sit above them.
    fieldsets = [
        (None, {"fields": ["title", "slug", "dek", "author", "category", "tags", "loaded_version"]}),
        (
            gettext_lazy("Medical review and publishing"),
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
                "description": gettext_lazy(
                    "Publishing needs a medical reviewer and the date of their review. "
                    "To schedule, set a publish time in the future and press Schedule."
                ),
            },
        ),
        (None, {"fields": ["body", "key_takeaways", "excerpt"]}),
        (
            gettext_lazy("Featured image"),
            {"fields": ["featured_image", "featured_image_alt", "featured_image_caption"]},
        ),
        (gettext_lazy("Related conditions"), {"fields": ["related_conditions"]}),
        (
            gettext_lazy("Search engines and syndication"),
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
        (gettext_lazy("Record"), {"fields": ["created_at", "updated_at", "reading_time"]}),
    ]

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def stage(self, obj):
        return workflow.status_badge(obj)

    @admin.display(description=gettext_lazy("review"))
    def review_state(self, obj):
        return obj.review_state or _("Current")

    @admin.display(description=gettext_lazy("last medically reviewed"), ordering="last_reviewed")
    def medical_review(self, obj):
        if not obj.last_reviewed:
            return _("Never")
        reviewed = date_format(obj.last_reviewed, "N j, Y")
        return f"{reviewed} · {obj.review_state}" if obj.review_state else reviewed

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

    def get_ordering(self, request):
        # A state's own list may have an order of its own (the scheduled list runs in the order articles go
        # live; overdue reviews, longest overdue first); else what waits for an editor comes first.
        return workflow.list_order(request.GET.get("stage")) or [
            workflow.stage_rank().asc(),
            "-published_at",
            "-updated_at",
        ]

    def public_address(self, obj):
        return obj.get_absolute_url() if obj.is_public else None

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        stored = obj
        if obj is not None and form.is_bound:
            # A page shown again holds what was typed; the bar shows where the article stands as stored.
            stored = Article.objects.select_related("author").filter(pk=obj.pk).first() or obj
        may_change = stored is None or self.has_change_permission(request, stored)
        context.update(workflow.workflow_bar(stored, request.user, form, request, may_change))
        if obj is not None:
            context["workflow_events"] = list(obj.workflow_events.select_related("actor")[:5])
            reviewed = workflow.last_reviewed_version(obj)
            latest = obj.history.order_by("-history_id").values_list("history_id", flat=True).first()
            if reviewed is not None and latest is not None and reviewed.version_id != latest:
                context["since_review"] = {
                    "event": reviewed,
                    "url": reverse("admin:articles_article_compare", args=[obj.pk])
                    + f"?a={reviewed.version_id}&b={latest}",
                }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_post_save_change(self, request, obj):
        # After a workflow button, stay on the article: its badge and notes show what just happened.
        if "_workflow" in request.POST and self.has_view_or_change_permission(request, obj):
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))
        return super().response_post_save_change(request, obj)

    def response_post_save_add(self, request, obj):
        return self.response_post_save_change(request, obj)

    def message_user(self, request, message, level=messages.INFO, extra_tags="", fail_silently=False):
        # A workflow step says what happened in its own words instead of "… was changed successfully."
        plain = getattr(request, "_workflow_message", None)
        if plain and level == messages.SUCCESS:
            (message, level), request._workflow_message = plain, None
        super().message_user(request, message, level, extra_tags, fail_silently)

    def get_queryset(self, request):
        articles = super().get_queryset(request)
        if _is_editor(request) or not request.user.has_perm("articles.change_article"):
            return articles  # editors, and view-only clinic staff
        return articles.filter(author__user=request.user)

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # An author's list holds only their own articles: a colleague's exists, and "Perhaps it was deleted?"
        # would send them looking for a bug. Its title stays unsaid (it may be an unpublished draft).
        try:
            exists = Article.objects.filter(pk=unquote(object_id)).exists()
        except (ValueError, ValidationError):
            exists = False
        if not exists:
            return super()._get_obj_does_not_exist_redirect(request, opts, object_id)
        self.message_user(
            request,
            _(
                "That article is another author's: authors open their own articles. Ask an editor if you "
                "need to work on it."
            ),
            messages.WARNING,
        )
        return HttpResponseRedirect(reverse("admin:index", current_app=self.admin_site.name))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not _is_editor(request):
            fields += EDITOR_ONLY_FIELDS
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not _is_editor(request):
            statuses = lifecycle.statuses_writers_edit()
            kwargs["choices"] = [(status.value, status.label) for status in statuses]
            or_ = pgettext("between choices", "or")  # outside the f-string, where makemessages finds it
            kwargs["error_messages"] = {
                "invalid_choice": _(
                    "Only an editor can publish, schedule or archive an article. Choose %(stages)s."
                )
                % {"stages": f" {or_} ".join(str(status.label) for status in statuses)}
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
        if form.transition is not None:
            # The step saves the article with what was typed, records itself and tells who acts next.
            said = obj.take(
                form.transition.name, request.user, comment=form.comment, at=form.step_time,
                base_url=request.build_absolute_uri("/")[:-1],
            )  # fmt: skip
            request._workflow_message = (said, messages.SUCCESS)
        else:
            super().save_model(request, obj, form, change)
            not_taken = workflow.still_not_taken(request, form, obj)
            request._workflow_message = (not_taken, messages.WARNING) if not_taken else None
        for text, href in broken_links(obj.body, hosts={request.get_host().split(":")[0]}):
            self.message_user(
                request,
                _(
                    "The link “%(text)s” goes to %(href)s, where there is no page readers can see. Check the "
                    "address, or link to a published page."
                )
                % {"text": text or href, "href": href},
                messages.WARNING,
            )

    def take_in_bulk(self, request, queryset, transition):
        """Take transition on each chosen article; say which moved and, by reason, which were left."""
        done, not_open, lacking = [], [], {}
        base_url = request.build_absolute_uri("/")[:-1]
        for article in queryset.select_related("author", "reviewer"):
            if transition not in article.transitions_for(request.user):
                not_open.append(article.title)
                continue
            missing = lifecycle.missing(transition, article, request.user)
            if missing:
                lacking.setdefault(missing[0].in_bulk, []).append(article.title)
                continue
            try:
                article.take(transition.name, request.user, base_url=base_url)
            except ValidationError:  # someone moved it meanwhile: no longer a step from where it stands
                not_open.append(article.title)
                continue
            done.append(article.title)
        if done:
            self.message_user(
                request,
                _("%(done)s: %(titles)s.") % {"done": transition.bulk.done, "titles": ", ".join(done)},
                messages.SUCCESS,
            )
        for reason, titles in lacking.items():
            self.message_user(
                request,
                _("Not %(verb)s, because they %(reason)s: %(titles)s.")
                % {"verb": transition.verb, "reason": reason, "titles": ", ".join(titles)},
                messages.ERROR,
            )
        if not_open:
            labels = [state.label.lower() for state in transition.sources]
            # Outside an f-string, where makemessages finds it.
            or_ = " " + pgettext("between choices", "or") + " "
            sources = or_.join([", ".join(labels[:-1]), labels[-1]] if len(labels) > 1 else labels)
            self.message_user(
                request,
                _("Not %(verb)s, because only %(sources)s articles can be: %(titles)s.")
                % {"verb": transition.verb, "sources": sources, "titles": ", ".join(not_open)},
                messages.WARNING,
            )


@admin.register(MostReadArticle)
class MostReadArticleAdmin(RoleAdminMixin, admin.ModelAdmin):
    list_display = ["article", "view_count", "author", "category", "published_at"]
    list_display_links = None  # read-only: the title links to the public page instead
    list_select_related = ["author__person", "category"]
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

    @admin.display(description=gettext_lazy("title"), ordering="title")
    def article(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.title)


@admin.register(Author)
class AuthorAdmin(
    FormKnowsUserMixin,
    RoleAdminMixin,
    UploadsNeedStorageMixin,
    RedirectOnDeleteAdminMixin,
    SimpleHistoryAdmin,
):
    """A byline: the name, credentials and review right typed here are the author's person record's."""

    inlines = [translation_inline(AuthorTranslation)]

    fallback_address = "/articles/"
    form = AuthorAdminForm
    fields = ["display_name", "slug", "credentials", "role", "bio", "photo", "user", "may_review"]
    list_display = ["display_name", "credentials", "role", "may_review", "user"]
    list_filter = [("person__may_review", admin.BooleanFieldListFilter)]
    list_select_related = ["person", "user"]
    search_fields = ["person__display_name", "person__credentials", "role"]

    def get_prepopulated_fields(self, request, obj=None):
        # The address is typed from the name, which is the person record's: the prepopulated_fields
        # attribute may name only the author's own fields.
        return {"slug": ["display_name"]}

    @admin.display(description=gettext_lazy("display name"), ordering="person__display_name")
    def display_name(self, obj):
        return obj.display_name

    @admin.display(description=gettext_lazy("credentials"), ordering="person__credentials")
    def credentials(self, obj):
        return obj.credentials

    @admin.display(
        description=gettext_lazy("may medically review"), boolean=True, ordering="person__may_review"
    )
    def may_review(self, obj):
        return obj.may_review


@admin.register(Category, Tag)
class ArticleLabelAdmin(RoleAdminMixin, RedirectOnDeleteAdminMixin, admin.ModelAdmin):
    """Categories and tags: a name and an address; a deleted one sends its old address to the article list."""

    fallback_address = "/articles/"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_inlines(self, request, obj):
        translations = {Category: CategoryTranslation, Tag: TagTranslation}[self.model]
        return [translation_inline(translations)]
