"""The admin site every ModelAdmin registers on: it gives each one the shared permission rule.

Our own admins name RoleAdminMixin in their bases; admins that Django and third-party apps register
(users, groups, …) get it mixed in here, so no admin can be registered without it.
"""

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone

from .admin_permissions import RoleAdminMixin
from .dashboard import panels_for


class ClinicAdminSite(admin.AdminSite):
    def get_urls(self):
        return [
            path("review-queue/", self.admin_view(self.review_queue), name="review_queue"),
            *super().get_urls(),
        ]

    def reviewed_models(self, user):
        """Return the clinical models (those with a medical review) that user may see."""
        from domain.models import Reviewed  # the registry is ready here; at import time it is not

        return [
            model
            for model in apps.get_models()
            if issubclass(model, Reviewed)
            and not model._meta.proxy
            and model in self._registry
            and user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
        ]

    def review_queue(self, request):
        """List clinical items needing a medical review: changed since review, overdue, due soon, never."""
        models = self.reviewed_models(request.user)
        if not models:
            raise PermissionDenied
        today = timezone.localdate()
        rows = []
        for model in models:
            for item in model._default_manager.review_queue(today).order_by("next_review_due", "pk"):
                try:
                    url = reverse(
                        f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[item.pk]
                    )
                except NoReverseMatch:
                    url = ""
                rows.append(
                    {"kind": model._meta.verbose_name, "item": item, "url": url, "state": item.review_state}
                )
        order = ["Changed since review", "Overdue", "Due within 30 days", "Never reviewed"]
        rows.sort(
            key=lambda row: (order.index(row["state"]) if row["state"] in order else 9, str(row["item"]))
        )
        context = {**self.each_context(request), "title": "Review queue", "rows": rows, "today": today}
        return TemplateResponse(request, "admin/review_queue.html", context)

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
    default_site = "editorial.admin_site.ClinicAdminSite"
