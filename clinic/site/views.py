import errno
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, storages
from django.db import DatabaseError, InterfaceError, connection
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import ListView, TemplateView
from django.views.static import serve

from articles.models import Article, ArticleTranslation
from conditions.models import (
    AdministrationRoute,
    AdministrationRouteTranslation,
    Condition,
    ConditionGroup,
    ConditionTranslation,
)
from domain.crisis_text import fill
from domain.models import KeyFact, SiteProfile, SynonymSet, with_sources
from domain.translations import translating
from infrastructure import cache_tags
from infrastructure.storage import storage_answers

from .forgiving import search_again
from .search import normalize_query, search

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    template_name = "site/home.html"
    latest_count = 2

    def get_context_data(self, **kwargs):
        # Only the columns the home page shows: conditions and routes carry long texts for their own pages.
        listed_conditions = Condition.objects.listed().in_page_language().only("name", "slug", "group")
        routes = (
            AdministrationRoute.objects.listed()
            .in_page_language()
            .only("name", "short_name", "slug", "regulatory_status")
        )
        groups = ConditionGroup.objects.prefetch_related(
            Prefetch("conditions", queryset=listed_conditions, to_attr="listed_conditions")
        )
        # Lists read when the template first asks for them: inside their cached blocks, on a miss only.
        return super().get_context_data(
            groups=SimpleLazyObject(lambda: [group for group in groups if group.listed_conditions]),
            routes=routes,
            featured_and_latest=SimpleLazyObject(
                lambda: Article.objects.published().lead_and_latest(self.latest_count)
            ),
            key_facts=KeyFact.objects.listed().prefetch_related(with_sources()),
            meta=home_meta(SiteProfile.objects.for_request(self.request)),
            **kwargs,
        )


def home_meta(site):
    # The home page leads with the clinic's own name rather than ending with it.
    tagline = fill(site.tagline, site)
    full_title = f"{site.name} · {tagline}" if tagline else site.name
    return {"title": site.name, "full_title": full_title, "description": tagline}


def page_not_found(request, exception):
    meta = {"title": _("Page not found"), "description": _("The page you asked for is not here.")}
    return render(request, "404.html", {"meta": meta}, status=404)


def csrf_failure(request, reason=""):
    meta = {
        "title": _("Please send the form again"),
        "description": _("The form could not be accepted; please load it again and resend it."),
    }
    return render(request, "403_csrf.html", {"meta": meta}, status=403)


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except (DatabaseError, InterfaceError):  # a connection the server closed raises InterfaceError
        logger.exception("Health check: the database did not answer")
        return False


def _cache_answers() -> bool:
    try:
        cache.set("healthz", "ok", timeout=5)
        return cache.get("healthz") == "ok"
    except Exception:  # Redis client errors do not share a base class with Django's
        logger.exception("Health check: the cache did not answer")
        return False


@never_cache
@require_safe
def healthz(request):
    checks = {"database": _database_answers(), "cache": _cache_answers(), "storage": storage_answers()}
    unavailable = [name for name, answered in checks.items() if not answered]
    if not checks["database"]:
        return JsonResponse({"status": "unavailable", "unavailable": unavailable}, status=503)
    if unavailable:
        # Pages still work (from the database, without images): keep this server in the proxy's rotation.
        return JsonResponse({"status": "degraded", "unavailable": unavailable})
    return JsonResponse({"status": "ok", "checks": dict.fromkeys(checks, "ok")})


class SearchView(ListView):
    template_name = "site/search.html"
    paginate_by = 10
    query_parameters = ["q"]  # and, paginated, ?page= (infrastructure/query_parameters.py)

    def get_queryset(self):
        # The query is shown back exactly as typed; only the authored text found is filled in.
        self.query = normalize_query(self.request.GET.get("q", ""))
        # Any edit can make a page match the words, or stop matching them; a synonym set changes the words.
        cache_tags.shows_any_change(Article, Condition, AdministrationRoute, SynonymSet)
        if translating():  # a Spanish page finds the translations: an edit of one changes what it finds
            translations = (ArticleTranslation, ConditionTranslation, AdministrationRouteTranslation)
            cache_tags.shows_any_change(*translations)
        profile = SiteProfile.objects.for_request(self.request)
        results, self.forgiven = search(self.query, profile), None
        # Only when nothing was found: a search that finds something costs no more. English pages only: the
        # forgiving search corrects words into the English pages' words, which a Spanish page's reader did
        # not mean and its pages don't have ("depresion" would become "depression" and find nothing).
        if self.query and not results and not translating():
            found = search_again(self.query, profile)
            if found is not None:
                self.forgiven, results = found
        return results

    def get_context_data(self, **kwargs):
        title = pgettext("heading", "Search")
        if self.query:
            title = _("Search: %(query)s") % {"query": self.query}
        meta = {
            "title": title,
            "description": _("Search articles, conditions and treatments at %(site)s.")
            % {"site": SiteProfile.objects.for_request(self.request).name},
        }
        return super().get_context_data(query=self.query, forgiven=self.forgiven, meta=meta, **kwargs)


@require_safe
def serve_media(request, path):
    storage = storages["default"]
    if not isinstance(storage, FileSystemStorage):
        # Object storage: send the reader there (a private bucket's URL is signed afresh each time).
        return HttpResponseRedirect(storage.url(path))
    # MEDIA_ROOT is read per request, so a changed setting (tests, a mounted volume) takes effect at once.
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        if error.errno != errno.ENAMETOOLONG:
            raise
        raise Http404("No such file.") from None  # a name longer than the disk holds: never uploaded
    response["Cache-Control"] = "public, max-age=86400"  # uploads keep unique names; renditions too
    return response


@require_safe
def robots_txt(request):
    # Result pages and the safety check answer what a reader typed: in every language (/es/search/ too).
    prefixes = [""] + [f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: {prefix}{path}" for path in ("/search/", "/safety/check/") for prefix in prefixes),
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
