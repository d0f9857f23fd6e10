import logging

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, storages
from django.db import DatabaseError, InterfaceError, connection
from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import ListView, TemplateView
from django.views.static import serve

from articles.models import Article
from conditions.models import AdministrationRoute, Condition, ConditionGroup

from .models import KeyFact, SiteProfile
from .search import normalize_query, search
from .storage import storage_answers

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    template_name = "clinic/home.html"
    latest_count = 6

    def get_context_data(self, **kwargs):
        listed_conditions = Condition.objects.listed()
        groups = ConditionGroup.objects.prefetch_related(
            Prefetch("conditions", queryset=listed_conditions, to_attr="listed_conditions")
        )
        published = Article.objects.published().select_related("author", "category")
        featured = published.filter(is_featured=True).first()
        others = list(published.exclude(pk=getattr(featured, "pk", None))[: self.latest_count + 1])
        if featured is None and others:
            featured = others.pop(0)  # no editor's pick: the newest article leads
        return super().get_context_data(
            groups=[group for group in groups if group.listed_conditions],
            routes=AdministrationRoute.objects.listed(),
            featured=featured,
            latest=others[: self.latest_count],
            key_facts=KeyFact.objects.listed(),
            meta={"description": SiteProfile.objects.get_current().tagline},
            **kwargs,
        )


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
    template_name = "clinic/search.html"
    paginate_by = 10

    def get_queryset(self):
        self.query = normalize_query(self.request.GET.get("q", ""))
        return search(self.query)

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.query, **kwargs)


@require_safe
def serve_media(request, path):
    storage = storages["default"]
    if not isinstance(storage, FileSystemStorage):
        # Object storage: send the reader there (a private bucket's URL is signed afresh each time).
        return HttpResponseRedirect(storage.url(path))
    # MEDIA_ROOT is read per request, so a changed setting (tests, a mounted volume) takes effect at once.
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=86400"  # uploads keep unique names; renditions too
    return response


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /safety/check/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
