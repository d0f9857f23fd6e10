from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "clinic"
    verbose_name = "Site"

    def ready(self):
        from . import cache

        cache.connect_signals()
