from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class EditorialConfig(AppConfig):
    """The staff's tools: admin site and permission rule, home panels, autosave, version diff, roles.

    Its admin.py registers the shared domain's models (site profile, key facts, people, sources, redirects).
    """

    name = "editorial"
    verbose_name = gettext_lazy("Editorial")

    def ready(self):
        from infrastructure import cache

        from . import dashboard
        from .admin_site import clinical_review_panel
        from .translation_admin import translations_panel

        dashboard.register(clinical_review_panel)
        dashboard.register(translations_panel)
        dashboard.register_review_queue(translations_panel)

        # Staff's own records: a sign-in (last_login), roles and permissions, and autosaved form text.
        cache.never_on_public_pages("auth.user", "auth.group", "auth.permission", "clinic.autosave")
