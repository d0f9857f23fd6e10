"""/sitemap.xml: every public page with its last modification; nothing unpublished, scheduled or hidden."""

from functools import partial

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.urls import reverse

from articles.models import Article, Author, Category, Tag
from conditions.models import AdministrationRoute, Condition
from domain.translations import TRANSLATED_LANGUAGES, with_translation_flags


class InEveryLanguage(Sitemap):
    """Each page in every language it exists in, each naming the others and x-default (English) as its
    alternates, as the pages' own heads do."""

    i18n = True
    alternates = True
    x_default = True


class ContentSitemap(InEveryLanguage):
    """Detail pages of one kind: `public` builds their QuerySet per request, so scheduled pages appear."""

    changefreq = "monthly"
    priority = 0.8

    def __init__(self, public):
        self.public = public

    def items(self):
        return with_translation_flags(self.public())  # which languages each is in, in the same query

    def get_languages_for_item(self, item):
        return [settings.LANGUAGE_CODE] + [
            code for code, _ in TRANSLATED_LANGUAGES if getattr(item, f"translated_{code}", False)
        ]

    def lastmod(self, item):
        return item.updated_at


class ArchiveSitemap(InEveryLanguage):
    """Category, tag and author pages with at least one public article; lastmod is their newest change."""

    changefreq = "weekly"
    priority = 0.4

    def items(self):
        published = Article.objects.published()
        archives = []
        for model, lookup in ((Category, "category"), (Tag, "tags"), (Author, "author")):
            latest = published.values(lookup).annotate(latest=Max("updated_at")).order_by()
            changed = {row[lookup]: row["latest"] for row in latest if row[lookup]}
            archives += [(item, changed[item.pk]) for item in model.objects.filter(pk__in=changed)]
        return archives

    def location(self, item):
        return item[0].get_absolute_url()

    def lastmod(self, item):
        return item[1]


class SectionSitemap(InEveryLanguage):
    """The home page and the section pages; each changes when its newest content does."""

    changefreq = "weekly"
    priority = 1.0

    def items(self):
        articles = Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]
        conditions = Condition.objects.listed().aggregate(latest=Max("updated_at"))["latest"]
        routes = AdministrationRoute.objects.listed().aggregate(latest=Max("updated_at"))["latest"]
        newest = max((d for d in (articles, conditions, routes) if d), default=None)
        return [
            ("home", newest),
            ("articles:list", articles),
            ("conditions:list", conditions),
            ("conditions:route_list", routes),
            ("conditions:safety", routes),
        ]

    def location(self, item):
        return reverse(item[0])

    def lastmod(self, item):
        return item[1]


# The view builds each sitemap per request: partial() defers ContentSitemap's QuerySet to that moment.
SITEMAPS = {
    "sections": SectionSitemap,
    "articles": partial(
        ContentSitemap, lambda: Article.objects.published(in_page_language=False).order_by("-published_at")
    ),
    "conditions": partial(ContentSitemap, Condition.objects.listed),
    "routes": partial(ContentSitemap, AdministrationRoute.objects.listed),
    "archives": ArchiveSitemap,
}


def sitemap_or_index(request):
    """Answer /sitemap.xml: every URL while the site is small, an index of the sections once it is large.

    Past SITEMAP_INDEX_FROM articles one file gets long for crawlers to fetch and for us to build at once;
    each section is then its own file (/sitemap-articles.xml…), paginated by Django past 50,000 URLs.
    """
    if Article.objects.published().count() >= settings.SITEMAP_INDEX_FROM:
        return sitemap_views.index(request, sitemaps=SITEMAPS, sitemap_url_name="sitemap_section")
    return sitemap_views.sitemap(request, sitemaps=SITEMAPS)
