from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class InfrastructureConfig(AppConfig):
    """Cache, page cache, storage, outage handling, request middleware and metrics; it has no models."""

    name = "infrastructure"
    verbose_name = gettext_lazy("Infrastructure")

    def ready(self):
        from . import cache, metrics

        cache.connect_signals()
        metrics.connect_signals()
