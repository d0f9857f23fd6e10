"""Old addresses keep working: a page's former path answers with a permanent redirect to where it is now.

Each app says which of its models have public addresses (follow_address_changes in its AppConfig.ready);
whenever one of them that readers could see is saved with a new address, the old one is recorded.
Deleting a public page asks where its readers should go (RedirectOnDeleteAdminMixin). The middleware
looks a path up only when the site would otherwise answer 404, so public pages pay nothing for it.
Every address recorded or followed is a path on this site (site_paths.is_local_path).
"""

import logging

from django.db.models.signals import post_save, pre_save
from django.http import HttpResponsePermanentRedirect

from infrastructure.site_paths import is_local_path, validate_local_path

from .models import Redirect

logger = logging.getLogger(__name__)


def point(old_path, new_path):
    """Record that old_path now lives at new_path, keeping every earlier address one hop from the page.

    Raises ValidationError, recording nothing, if either is not a path on this site.
    """
    if not old_path or old_path == new_path:
        return
    validate_local_path(old_path)
    validate_local_path(new_path)
    Redirect.objects.filter(old_path=new_path).delete()  # the page moved back to an address it had
    Redirect.objects.filter(new_path=old_path).update(new_path=new_path)  # no chains of redirects
    Redirect.objects.update_or_create(old_path=old_path, defaults={"new_path": new_path})


def follow_address_changes(model, is_public=lambda obj: True):
    """Record a redirect whenever a public object of model is saved under a new get_absolute_url()."""

    def remember(sender, instance, raw=False, **kwargs):
        instance._address_before_save = None
        if raw or instance.pk is None:
            return
        before = sender._default_manager.filter(pk=instance.pk).first()
        if before is not None and is_public(before):
            instance._address_before_save = before.get_absolute_url()

    def record(sender, instance, raw=False, **kwargs):
        old_path = getattr(instance, "_address_before_save", None)
        if old_path and not raw:
            point(old_path, instance.get_absolute_url())

    uid = f"redirects:{model._meta.label}"
    pre_save.connect(remember, sender=model, weak=False, dispatch_uid=uid + ":pre")
    post_save.connect(record, sender=model, weak=False, dispatch_uid=uid + ":post")


class RedirectMiddleware:
    """Answer a 404 with a permanent redirect when the path is an address a page had before."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        if not is_local_path(request.path):
            return response  # no redirect can be recorded for it: nothing to look up
        new_path = Redirect.objects.filter(old_path=request.path).values_list("new_path", flat=True).first()
        if new_path is None:
            return response
        if not is_local_path(new_path):
            # A row saved before the rule: never follow it off the site (manage.py check_redirects lists it).
            logger.warning(
                "Redirect from %s not followed: %r is not a path on this site",
                request.path,
                new_path,
            )
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{new_path}?{query}" if query else new_path)


class RedirectOnDeleteAdminMixin:
    """Ask, when deleting a page readers can see, where they should be sent instead; record the answer.

    public_address(obj) returns the page's path if readers can see it now, else None; fallback_address
    is the section's list page, offered first.
    """

    delete_confirmation_template = "admin/delete_with_redirect.html"
    fallback_address = "/"

    def public_address(self, obj):
        return obj.get_absolute_url()

    def render_delete_form(self, request, context):
        obj = context.get("object")
        if obj is not None:
            context["public_address"] = self.public_address(obj)
            context["redirect_to"] = self.fallback_address
        return super().render_delete_form(request, context)

    def delete_model(self, request, obj):
        old_path = self.public_address(obj)
        super().delete_model(request, obj)
        if old_path:
            wanted = request.POST.get("redirect_to", "").strip()
            point(old_path, wanted if is_local_path(wanted) else self.fallback_address)
