import logging
from urllib.parse import quote, urlencode

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView
from sorl.thumbnail import get_thumbnail

from conditions.models import AdministrationRoute, Condition, EmergencyAdvice
from domain import structured_data
from domain.crisis_text import fill
from domain.models import SiteProfile
from domain.seo import PageMetaMixin, collection_page
from domain.translations import TranslatedPageMixin
from infrastructure.storage import STORAGE_ERRORS, UPLOAD_FAILED_MESSAGE, lasting_url
from infrastructure.templatetags.images import recently_made

from .images import EDITOR_UPLOADS_FOLDER, TooManyUploads, clean_image, count_upload
from .models import Article, Author, Category, Tag
from .structured_data import article_nodes

logger = logging.getLogger(__name__)


class DeferredJoinPaginator(Paginator):
    """Read a page's keys first (from an index alone), then only those rows: deep pages cost what page 1 does.

    One query still: the keys are a subquery. A plain OFFSET fetches and throws away every earlier row.
    """

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = self.object_list.values("pk")[bottom:top]
        return self._get_page(self.object_list.filter(pk__in=keys), number, self)


class ArticleListView(PageMetaMixin, ListView):
    paginate_by = 10  # ListView answers 404 on ?page=abc and ?page=99999 by itself
    paginator_class = DeferredJoinPaginator
    heading = pgettext_lazy("heading", "Articles")
    page = None

    def get_queryset(self):
        return Article.objects.published().for_cards()

    def paginate_queryset(self, queryset, page_size):
        paginator, self.page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        return paginator, self.page, object_list, is_paginated

    @property
    def path(self):
        return reverse("articles:list")

    @cached_property
    def profile(self):
        return SiteProfile.objects.for_request(self.request)

    @property
    def site_name(self):
        return self.profile.name

    def describe(self):
        return _("Plain-language articles on ketamine treatment from %(site)s, reviewed by clinicians.") % {
            "site": self.site_name
        }

    def get_meta(self):
        title, description = self.heading, self.describe()
        if self.page is not None and self.page.number > 1:
            # Page 2 onwards is its own page to search engines: say which one, in title and description.
            number, pages = self.page.number, self.page.paginator.num_pages
            title = _("%(title)s (page %(number)s)") % {"title": title, "number": number}
            description = _("%(description)s Page %(number)s of %(pages)s.") % {
                "description": description,
                "number": number,
                "pages": pages,
            }
        return {"title": title, "description": description, "section": self.meta_section}

    def get_breadcrumbs(self):
        return [(pgettext("breadcrumb", "Articles"), reverse("articles:list"))]

    def get_page_nodes(self, absolute):
        return collection_page(self.path, self.heading, self.describe(), absolute)

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, **kwargs)


class ArchiveView(ArticleListView):
    """A list of published articles sharing one category, tag or author; unknown slugs are 404."""

    model = None
    article_filter = ""
    meta_section = pgettext_lazy("section of the site", "Articles")
    context_object_name = "article_list"

    def get(self, request, *args, **kwargs):
        self.archive = get_object_or_404(self.model, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(**{self.article_filter: self.archive})

    @property
    def path(self):
        return self.archive.get_absolute_url()

    def get_breadcrumbs(self):
        return [*super().get_breadcrumbs(), (self.heading, self.path)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(archive=self.archive, **kwargs)


class CategoryArchiveView(ArchiveView):
    model = Category
    article_filter = "category"

    @property
    def heading(self):
        return self.archive.name

    def describe(self):
        if self.archive.description:
            # Filled before it is cut, so a token is never cut in half.
            return Truncator(fill(self.archive.description, self.profile)).words(30)
        return _("Articles about %(name)s from %(site)s: plain language, clinician-reviewed.") % {
            "name": self.archive.name,
            "site": self.site_name,
        }


class TagArchiveView(ArchiveView):
    model = Tag
    article_filter = "tags"

    @property
    def heading(self):
        return _("Articles tagged “%(name)s”") % {"name": self.archive.name}

    def describe(self):
        return _("Articles tagged “%(name)s” from %(site)s: plain language, clinician-reviewed.") % {
            "name": self.archive.name,
            "site": self.site_name,
        }


class AuthorArchiveView(ArchiveView):
    model = Author
    article_filter = "author"
    template_name = "articles/author_detail.html"

    @property
    def heading(self):
        return self.archive.name_with_credentials

    def describe(self):
        author = self.archive
        if author.bio:
            return Truncator(fill(author.bio, self.profile)).words(30)
        names = {"name": author.name_with_credentials, "role": author.role, "site": self.site_name}
        if author.role:
            return _("Articles by %(name)s, %(role)s, at %(site)s.") % names
        return _("Articles by %(name)s, at %(site)s.") % names

    def get_meta(self):
        return {**super().get_meta(), "og_type": "profile", "image": self.photo_url}

    def get_page_nodes(self, absolute):
        author = structured_data.person(self.archive, absolute)
        if self.photo_url:
            author["image"] = absolute(self.photo_url)
        page = structured_data.web_page(
            "ProfilePage",
            self.path,
            self.heading,
            self.describe(),
            absolute,
            mainEntity={"@id": author["@id"]},
            breadcrumb={"@id": absolute(self.path) + "#breadcrumb"},
        )
        return [page, author]

    @cached_property
    def photo_url(self):
        return rendition_url(self.archive.photo, "800")


class ConditionArchiveView(ArchiveView):
    """Every published article about one listed condition; its page links here past its first ten."""

    model = Condition
    article_filter = "related_conditions"

    def get(self, request, *args, **kwargs):
        self.archive = get_object_or_404(Condition.objects.listed(), slug=kwargs["slug"])
        return super(ArchiveView, self).get(request, *args, **kwargs)

    @property
    def path(self):
        return reverse("articles:condition", kwargs={"slug": self.archive.slug})

    @property
    def heading(self):
        return _("Articles about %(name)s") % {"name": self.archive.name}

    def describe(self):
        return _("Articles about %(name)s from %(site)s: plain language, clinician-reviewed.") % {
            "name": self.archive.name,
            "site": self.site_name,
        }


def rendition_url(image, width) -> str:
    """Return the URL of a JPEG rendition of image for sharing previews, or "" without one."""
    if not image:
        return ""
    # As the card images' tags: a name's rendition never changes, so sorl is asked every few minutes at most.
    return recently_made(f"sharing-rendition:{width}:{image.name}", lambda: _rendition_url(image, width))


def _rendition_url(image, width):
    try:
        # JPEG: every link-preview service reads it, where WebP support still varies.
        return get_thumbnail(image, width, format="JPEG", quality=85, upscale=False).url
    except (OSError, ValueError):
        logger.exception("Could not make a sharing rendition of %s", image.name)
        return ""


def share_links(title: str, url: str) -> list[tuple[str, str]]:
    """Return (label, href) pairs that share url through plain links: no scripts, nothing loaded."""
    return [
        (
            pgettext("share by", "Email"),
            "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
        ),
        ("X", "https://x.com/intent/post?" + urlencode({"url": url, "text": title})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
    ]


class ArticleDetailView(TranslatedPageMixin, PageMetaMixin, DetailView):
    list_url_name = "articles:list"

    def get_queryset(self):
        articles = Article.objects.for_detail()
        if self.request.user.is_staff:
            return articles.previewable_by(self.request.user)  # the template shows a "not published" banner
        return articles.published(in_page_language=False)  # untranslated: sent to the English page

    @cached_property
    def image_url(self):
        return rendition_url(self.object.featured_image, "1200")

    def get_meta(self):
        article = self.object
        return {
            "title": article.seo_title or article.title,
            "description": article.seo_description or article.summary,
            "section": pgettext("section of the site", "Articles"),
            "og_type": "article",
            "image": self.image_url,
            "image_alt": article.featured_image_alt if self.image_url else "",
        }

    def get_breadcrumbs(self):
        article = self.object
        category = [(article.category.name, article.category.get_absolute_url())] if article.category else []
        return [
            (pgettext("breadcrumb", "Articles"), reverse("articles:list")),
            *category,
            (article.title, article.get_absolute_url()),
        ]

    def get_page_nodes(self, absolute):
        return article_nodes(self.object, absolute, self.image_url)

    def get_context_data(self, **kwargs):
        article = self.object
        conditions = article.listed_conditions
        show_crisis_help = any(condition.show_crisis_help for condition in conditions)
        previous_article, next_article = article.neighbours() if article.is_public else (None, None)
        canonical_url = self.request.build_absolute_uri(article.get_absolute_url())
        # Filled before the share links URL-encode it: a token there could not be filled afterwards.
        title = fill(article.title, SiteProfile.objects.for_request(self.request))
        # The emergency advice of the routes its conditions are treated with, once (one query).
        routes = (
            AdministrationRoute.objects.listed()
            .filter(conditions__in=conditions)
            .only("short_name", "emergency_signs", "call_clinic_signs")  # all EmergencyAdvice reads
            .distinct()
            if conditions
            else []
        )
        emergency = EmergencyAdvice(routes)
        return super().get_context_data(
            show_crisis_help=show_crisis_help,
            emergency_routes=[emergency] if emergency else [],
            toc=article.table_of_contents,
            previous_article=previous_article,
            next_article=next_article,
            share_links=share_links(title, canonical_url),
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        shown = getattr(self, "object", None)  # None when sent to the English page
        if shown is not None and not shown.is_public:
            add_never_cache_headers(response)  # a preview must never reach a shared cache
        return response


# Uploading is part of writing: it takes a permission to add or change content that has a rich-text
# editor, not staff status alone.
UPLOAD_PERMISSIONS = (
    "articles.add_article",
    "articles.change_article",
    "conditions.add_condition",
    "conditions.change_condition",
    "conditions.add_administrationroute",
    "conditions.change_administrationroute",
    "conditions.add_candidateprofile",
    "conditions.change_candidateprofile",
    "clinic.change_siteprofile",
)


def may_upload_images(user):
    return user.is_active and user.is_staff and any(user.has_perm(perm) for perm in UPLOAD_PERMISSIONS)


@require_POST
def upload_image(request):
    """Store an image CKEditor uploads, answering in the JSON its upload adapter reads."""
    if not may_upload_images(request.user):
        return JsonResponse(
            {"error": {"message": _("Your account may not upload images: it can't edit any content.")}},
            status=403,
        )
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": _("Choose an image file to upload.")}}, status=400)
    try:
        count_upload(request.user)
    except TooManyUploads as refusal:
        # CKEditor's upload adapter shows error.message whatever the status; 429 tells anything else.
        return JsonResponse(
            {"error": {"message": refusal.messages[0]}},
            status=429,
            headers={"Retry-After": str(refusal.retry_after)},
        )
    try:
        image = clean_image(upload)
    except ValidationError as error:
        return JsonResponse({"error": {"message": error.messages[0]}}, status=400)
    try:
        name = default_storage.save(f"{EDITOR_UPLOADS_FOLDER}/{timezone.now():%Y/%m}/{image.name}", image)
    except STORAGE_ERRORS:
        logger.exception("Could not store an uploaded image")
        return JsonResponse({"error": {"message": str(UPLOAD_FAILED_MESSAGE)}}, status=503)
    return JsonResponse({"url": lasting_url(name)})
