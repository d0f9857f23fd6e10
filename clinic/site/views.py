import logging

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import ListView, TemplateView
from django.views.static import serve

from articles.models import Article
from clinic.core.models import KeyFact, SiteProfile
from conditions.models import AdministrationRoute, Condition, ConditionGroup

from .search import normalize_query, search

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    template_name = "site/home.html"
    latest_count = 6

    def get_context_data(self, **kwargs):
        listed_conditions = Condition.objects.listed()
        groups = ConditionGroup.objects.prefetch_related(
            Prefetch("conditions", queryset=listed_conditions, to_attr="listed_conditions")
        )
        featured, latest = Article.objects.published().lead_and_latest(self.latest_count)
        return super().get_context_data(
            groups=[group for group in groups if group.listed_conditions],
            routes=AdministrationRoute.objects.listed(),
            featured=featured,
            latest=latest,
            key_facts=KeyFact.objects.listed(),
            meta={"description": SiteProfile.objects.get_current().tagline},
            **kwargs,
        )


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
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
    checks = {"database": _database_answers(), "cache": _cache_answers()}
    unavailable = [name for name, answered in checks.items() if not answered]
    if unavailable:
        return JsonResponse({"status": "unavailable", "unavailable": unavailable}, status=503)
    return JsonResponse({"status": "ok", "checks": dict.fromkeys(checks, "ok")})


class SearchView(ListView):
    template_name = "site/search.html"
    paginate_by = 10

    def get_queryset(self):
        self.query = normalize_query(self.request.GET.get("q", ""))
        return search(self.query)

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.query, **kwargs)


@require_safe
def serve_media(request, path):
    # MEDIA_ROOT is read per request, so a changed setting (tests, a mounted volume) takes effect at once.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


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
