"""The editorial roles as auth groups, made by a data migration and topped up after every migrate.

Permissions only exist once their app is migrated, and the conditions app may add models later, so
`sync_roles` runs again on post_migrate. It only ever adds permissions: an administrator's extra
grants are kept.
"""

from django.contrib.auth.management import create_permissions

AUTHORS = "Authors"
EDITORS = "Editors"
CLINIC_STAFF = "Clinic staff"

VIEW_ARTICLES = [
    "articles.view_article",
    "articles.view_author",
    "articles.view_category",
    "articles.view_tag",
    "articles.view_reference",
]
# Editors hold every articles permission, this one included; clinic staff get it on its own.
VIEW_READERSHIP = ["articles.view_mostreadarticle"]
# Authors may change only their own drafts; ArticleAdmin narrows the model permission to that.
AUTHOR_PERMISSIONS = [
    *VIEW_ARTICLES,
    "articles.add_article",
    "articles.change_article",
    "articles.add_reference",
    "articles.change_reference",
    "articles.delete_reference",
    "conditions.view_condition",  # to link an article to the conditions it is about
]


def _app_permissions(Permission, app_label):
    return Permission.objects.filter(content_type__app_label=app_label)


def _named_permissions(Permission, names):
    wanted = [name.split(".", 1) for name in names]
    permissions = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in wanted}, codename__in={code for _, code in wanted}
    ).select_related("content_type")
    return [p for p in permissions if [p.content_type.app_label, p.codename] in wanted]


def sync_roles(apps, using="default"):
    """Create the three groups if missing and give each the permissions its role needs."""
    for app_config in apps.get_app_configs():
        # In a migration the app registry is historical; create_permissions skips apps without models_module.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    roles = {
        AUTHORS: _named_permissions(Permission, AUTHOR_PERMISSIONS),
        EDITORS: [
            *_app_permissions(Permission, "articles"),
            *_named_permissions(Permission, ["conditions.view_condition"]),
        ],
        CLINIC_STAFF: [
            *_app_permissions(Permission, "conditions"),
            *_named_permissions(Permission, [*VIEW_ARTICLES, *VIEW_READERSHIP]),
        ],
    }
    for name, permissions in roles.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.add(*permissions)
