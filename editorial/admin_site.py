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
from django.utils.html import format_html
from django.utils.translation import gettext as _

from domain.review_dates import ReviewState

from .admin_permissions import RoleAdminMixin
from .dashboard import Count, Panel, Waiting, panels_for, review_queue_panels_for


class ClinicAdminSite(admin.AdminSite):
    def get_urls(self):
        return [
            path("review-queue/", self.admin_view(self.review_queue), name="review_queue"),
            *super().get_urls(),
        ]

    def reviewed_models(self, user, action="view"):
        """Return the clinical models (those with a medical review) whose items user may view (or change)."""
        from domain.models import Reviewed  # the registry is ready here; at import time it is not

        return [
            model
            for model in apps.get_models()
            if issubclass(model, Reviewed)
            and not model._meta.proxy
            and model in self._registry
            and user.has_perm(f"{model._meta.app_label}.{action}_{model._meta.model_name}")
        ]

    def review_queue(self, request):
        """List clinical items needing a medical review: changed since review, overdue, due soon, never."""
        models = self.reviewed_models(request.user)
        if not models:
            raise PermissionDenied
        today = timezone.localdate()
        changeable = set(self.reviewed_models(request.user, action="change"))
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
                    {
                        "kind": model._meta.verbose_name,
                        "item": item,
                        "url": url,
                        "state": item.review_state,
                        "yours": model in changeable,
                    }
                )
        order = ReviewState.QUEUE_ORDER
        rows.sort(
            key=lambda row: (order.index(row["state"]) if row["state"] in order else 9, str(row["item"]))
        )
        context = {
            **self.each_context(request),
            "title": _("Review queue"),
            # What the person can act on first; what others keep (they may only view it) apart, below.
            "rows": [row for row in rows if row["yours"]],
            "others_rows": [row for row in rows if not row["yours"]],
            "today": today,
            "queue_panels": review_queue_panels_for(request),  # e.g. the clinical library's proposals
        }
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


WAITING_LIMIT = 10


def clinical_review_panel(request):
    """What waits for a medical review among the clinical items the person may change: changed since their
    review, or overdue (articles have their own panel, Waiting for you)."""
    models = [
        model
        for model in admin.site.reviewed_models(request.user, action="change")  # what they can act on
        if model._meta.label_lower != "articles.article"
    ]
    if not models:
        return None
    today = timezone.localdate()
    urgent = (ReviewState.CHANGED, ReviewState.OVERDUE)
    waiting, total = [], 0
    for model in models:
        for item in model._default_manager.review_queue(today).order_by("next_review_due", "pk"):
            if item.review_state not in urgent:
                continue
            total += 1
            if len(waiting) < WAITING_LIMIT:
                url = reverse(
                    f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[item.pk]
                )
                badge = format_html('<span class="badge badge-warning">{}</span>', item.review_state)
                waiting.append(Waiting(str(item), url, badge, model._meta.verbose_name))
    return Panel(
        _("Due for medical review"),
        counts=[Count(_("changed since review or overdue"), total, reverse("admin:review_queue"))]
        if total
        else [],
        waiting=waiting,
        empty_text=_("No clinical item you keep is changed since its review or overdue."),
    )
