from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, using, apps=None, **kwargs):
    from .roles import sync_roles

    if apps is not None:
        sync_roles(apps, using=using)


class ConditionsConfig(AppConfig):
    name = "conditions"

    def ready(self):
        # Models this app adds after its role migration still reach the clinic-staff group.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="conditions.sync_roles")

        from domain import redirects

        from .models import AdministrationRoute, Condition

        # A listed condition's or route's old address keeps answering after its slug changes.
        for model in (Condition, AdministrationRoute):
            redirects.follow_address_changes(model, is_public=lambda obj: obj.is_listed)
