from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class SiteConfig(AppConfig):
    """The site's top layer: home, search, health, robots, sitemaps and demo loading; it has no models."""

    name = "clinic.site"
    label = "site"
    verbose_name = gettext_lazy("Site pages")

    def ready(self):
        from . import checks  # noqa: F401 (registers the checks)
