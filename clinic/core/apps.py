from django.apps import AppConfig


class CoreConfig(AppConfig):
    # The label stays "clinic": table names, permissions ("clinic.change_siteprofile") and migration history.
    name = "clinic.core"
    label = "clinic"
    verbose_name = "Site"

    def ready(self):
        from . import cache, page_cache

        cache.connect_signals()
        page_cache.connect_signals()
