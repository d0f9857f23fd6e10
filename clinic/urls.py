from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_page

from .site import views
from .site.sitemaps import SITEMAPS

handler404 = "clinic.site.views.page_not_found"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", cache_page(60 * 15)(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("articles/", include("articles.urls")),
    path("", include("conditions.urls")),
    # The second sign-in step sits under /admin/ so that the admin's URL prefix covers all of staff sign-in.
    path("admin/two-factor/", include("clinic.staff_auth.urls")),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.*)$", views.serve_media))
