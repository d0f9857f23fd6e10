from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from infrastructure.cache import cache_per_generation

from .site import views
from .site.sitemaps import SITEMAPS, sitemap_or_index

handler404 = "clinic.site.views.page_not_found"

# A database outage answers a styled 503 with the crisis line; anything else, the plain 500 page.
handler500 = "clinic.site.unavailable.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    # Django's sitemap views read the page number from ?p=.
    path("sitemap.xml", cache_per_generation(query_parameters=["p"])(sitemap_or_index), name="sitemap"),
    path(
        "sitemap-<section>.xml",
        cache_per_generation(query_parameters=["p"])(sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    # The second sign-in step sits under /admin/ so that the admin's URL prefix covers all of staff sign-in.
    path("admin/two-factor/", include("editorial.staff_auth.urls")),
    path("admin/", admin.site.urls),
]

# Readers' pages: English at today's addresses, each other language under its prefix (/es/…). The sitemap
# stays one, listing every language's pages with their alternates.
urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("articles/", include("articles.urls")),
    path("", include("conditions.urls")),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.*)$", views.serve_media, name="media"))
