from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The staff's tools: admin site and permission rule, home panels, autosave, version diff, roles.

    Its admin.py registers the shared domain's models (site profile, key facts, people, sources, redirects).
    """

    name = "editorial"
    verbose_name = "Editorial"
