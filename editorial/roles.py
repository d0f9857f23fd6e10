"""The shared machinery behind the editorial roles: auth groups that only ever gain permissions.

Each app defines the roles it owns (articles/roles.py, conditions/roles.py) and tops them up after every
migrate, since permissions only exist once their app is migrated. Granting only adds: an administrator's
extra grants are kept.
"""

from django.contrib.auth.management import create_permissions


def create_all_permissions(apps, using="default"):
    """Create the permissions of every model in apps, historical registries included."""
    for app_config in apps.get_app_configs():
        # In a migration the app registry is historical; create_permissions skips apps without models_module.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
        app_config.models_module = models_module


def app_permissions(apps, app_label):
    """Return every permission of app_label's models."""
    Permission = apps.get_model("auth", "Permission")
    return list(Permission.objects.filter(content_type__app_label=app_label))


def named_permissions(apps, names):
    """Return the permissions named "app_label.codename" in names."""
    Permission = apps.get_model("auth", "Permission")
    wanted = [name.split(".", 1) for name in names]
    permissions = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in wanted}, codename__in={code for _, code in wanted}
    ).select_related("content_type")
    return [p for p in permissions if [p.content_type.app_label, p.codename] in wanted]


def grant(apps, group_name, permissions, using="default"):
    """Create the group if missing and add permissions to it, keeping whatever else it holds."""
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.using(using).get_or_create(name=group_name)
    group.permissions.add(*permissions)
