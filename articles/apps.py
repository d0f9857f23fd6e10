from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, using, apps=None, **kwargs):
    from .roles import sync_roles

    if apps is not None:
        sync_roles(apps, using=using)


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        # Models another app adds after our role migration still reach the groups.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="articles.sync_roles")
