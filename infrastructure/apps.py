from django.apps import AppConfig


class InfrastructureConfig(AppConfig):
    """Cache, page cache, storage, outage handling and request middleware; it has no models."""

    name = "infrastructure"
    verbose_name = "Infrastructure"

    def ready(self):
        from . import cache

        cache.connect_signals()
