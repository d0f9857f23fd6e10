from django.apps import AppConfig


class InfrastructureConfig(AppConfig):
    """Cache, page cache, storage, outage handling, request middleware and metrics; it has no models."""

    name = "infrastructure"
    verbose_name = "Infrastructure"

    def ready(self):
        from . import cache, metrics

        cache.connect_signals()
        metrics.connect_signals()
