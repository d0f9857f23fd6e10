from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils import timezone

from clinic.core import page_cache


def _sync_roles(sender, using, apps=None, **kwargs):
    from .roles import sync_roles

    if apps is not None:
        sync_roles(apps, using=using)


def _next_publication():
    from .models import Article, Status

    # A scheduled article goes live by the clock, with no save: cached pages must end by then.
    return (
        Article.objects.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        # Models another app adds after our role migration still reach the groups.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="articles.sync_roles")
        page_cache.schedule(_next_publication)
