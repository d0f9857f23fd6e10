from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class DomainConfig(AppConfig):
    """The shared domain: site profile, people, sources and citations, review lifecycle, rich text, SEO."""

    # The label stays "clinic": table names, permissions ("clinic.change_siteprofile") and migration history.
    name = "domain"
    label = "clinic"
    verbose_name = gettext_lazy("Site")
