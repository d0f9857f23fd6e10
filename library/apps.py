from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy


def _sync_roles(sender, using, apps=None, **kwargs):
    from .roles import sync_roles

    if apps is not None:
        sync_roles(apps, using=using)


class LibraryConfig(AppConfig):
    """The clinical library a site is built on: which version it has, and the library's proposed changes."""

    name = "library"
    verbose_name = gettext_lazy("Clinical library")

    def ready(self):
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="library.sync_roles")

        from editorial import dashboard
        from infrastructure import cache

        from .panels import library_panel, safety_panel

        dashboard.register(safety_panel)
        dashboard.register(library_panel)
        dashboard.register_review_queue(library_panel)
        # Proposals, the version held and items' origins: staff's records; only an accepted change is public.
        cache.never_on_public_pages("library.libraryproposal", "library.librarystate", "library.libraryitem")
