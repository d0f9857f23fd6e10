"""The admin site every ModelAdmin registers on: it gives each one the shared permission rule.

Our own admins name RoleAdminMixin in their bases; admins that Django and third-party apps register
(users, groups, …) get it mixed in here, so no admin can be registered without it.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

from .admin_permissions import RoleAdminMixin
from .dashboard import panels_for


class ClinicAdminSite(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, RoleAdminMixin):
            admin_class = type(admin_class.__name__, (RoleAdminMixin, admin_class), {})
        super().register(model_or_iterable, admin_class, **options)

    def index(self, request, extra_context=None):
        # "Waiting for you" and the editorial counts, from the panels each app registers.
        extra_context = {**(extra_context or {}), "dashboard_panels": panels_for(request)}
        return super().index(request, extra_context)


class ClinicAdminConfig(AdminConfig):
    default_site = "clinic.core.admin_site.ClinicAdminSite"
