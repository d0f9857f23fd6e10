"""Admin helpers for people who write: autosave of what they type, and writing aids shown as they save.

AutosaveAdminMixin adds an `autosave/` view that static/admin/js/editorial.js posts the form to a few
seconds after each change (and once more as the page closes). What it keeps is an Autosave row: never
the object itself, never a version in its history, never published. Reopening the form offers it back.
WritingAidsAdminMixin shows the reading grade, the longest sentences and a search/share preview.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from domain.models import Autosave
from domain.readability import TARGET_GRADE, reading_of

# A form's text is a few hundred kilobytes at most; anything larger is not typing.
MAX_AUTOSAVE_BYTES = 2 * 1024 * 1024
# Form keys that are bookkeeping, not what someone typed.
SKIPPED_KEYS = {"csrfmiddlewaretoken"}
SEARCH_TITLE_MAX = 60
SEARCH_DESCRIPTION_MAX = 160


def _without_nul(text):
    # Nobody types NUL, and PostgreSQL's text and JSON columns refuse it: keep the rest of what was sent.
    return text.replace("\x00", "")


def _when(moment):
    return date_format(timezone.localtime(moment), "D j M, H:i")


class AutosaveAdminMixin:
    """Keeps unsaved form contents per person and object; the change form offers them back."""

    change_form_template = "admin/editorial_change_form.html"
    # The form field holding the edit-conflict token (ArticleAdminForm.loaded_version), if the form has one.
    autosave_version_field = ""

    def get_urls(self):
        opts = self.opts
        view = self.admin_site.admin_view(self.autosave_view)
        name = f"{opts.app_label}_{opts.model_name}_autosave"
        return [path("autosave/", view, name=name), *super().get_urls()]

    def _autosaves(self, request, object_id):
        return Autosave.objects.filter(
            user=request.user,
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=str(object_id or ""),
        )

    def autosave_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        object_id = request.POST.get("_autosave_object", "")
        if object_id:
            obj = self.get_object(request, unquote(object_id))
            # The object as it is now decides, as for a save: no autosave of what one may not change.
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
            object_id = str(obj.pk)
        elif not self.has_add_permission(request):
            raise PermissionDenied
        if request.POST.get("_discard"):
            self._autosaves(request, object_id).delete()
            return JsonResponse({"discarded": True})
        data = {
            _without_nul(key): [_without_nul(value) for value in values]
            for key, values in request.POST.lists()
            if key not in SKIPPED_KEYS and not key.startswith("_")
        }
        if sum(len(value) for values in data.values() for value in values) > MAX_AUTOSAVE_BYTES:
            return JsonResponse(
                {"error": _("This form is too large to keep automatically; save it now.")}, status=413
            )
        version = request.POST.get(self.autosave_version_field, "") if self.autosave_version_field else ""
        version = _without_nul(version)
        Autosave.objects.update_or_create(
            user=request.user,
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=object_id,
            defaults={"data": data, "base_version": version},
        )
        now = timezone.now()
        return JsonResponse(
            {
                "saved_at": now.isoformat(),
                "message": _("Unsaved changes kept at %(when)s.") % {"when": _when(now)},
            }
        )

    def autosave_context(self, request, object_id, obj):
        """Return what the change form needs to autosave, and the unsaved changes to offer back."""
        context = {
            "autosave_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_autosave"),
            "autosave_object": str(obj.pk) if obj is not None else "",
            "autosave_version_field": self.autosave_version_field,
        }
        record = self._autosaves(request, obj.pk if obj is not None else "").first()
        updated_at = getattr(obj, "updated_at", None)
        if record is not None and (updated_at is None or record.saved_at > updated_at):
            current_version = updated_at.isoformat() if updated_at else ""
            context["autosave_offer"] = {
                "saved_at": _when(record.saved_at),
                "payload": {
                    "data": record.data,
                    "version": record.base_version,
                    "versionField": self.autosave_version_field,
                },  # fmt: skip
                "saved_since": bool(
                    record.base_version and current_version and record.base_version != current_version
                ),
            }
        return context

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        extra_context = {**(extra_context or {})}
        if obj is None or self.has_change_permission(request, obj):
            context = self.autosave_context(request, object_id, obj)
            if request.method != "GET":
                # A refused save shows the form as typed: it keeps autosaving, with nothing older to offer.
                context.pop("autosave_offer", None)
            extra_context.update(context)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Saved for real: what was kept for this form (and, for a new one, the unnamed draft) is done with.
        self._autosaves(request, obj.pk).delete()
        if not change:
            self._autosaves(request, "").delete()


class WritingAidsAdminMixin:
    """Shows, on the change form and in the save message, how readable the text is and how it will look
    in search results and when shared."""

    readability_fields: tuple[str, ...] = ()
    preview_title_fields: tuple[str, ...] = ()
    preview_description_fields: tuple[str, ...] = ()

    def reading(self, obj):
        if not self.readability_fields:
            return None
        return reading_of(*(getattr(obj, name, "") or "" for name in self.readability_fields))

    @staticmethod
    def _label(obj, name):
        try:
            return obj._meta.get_field(name).verbose_name
        except FieldDoesNotExist:  # a property (an article's summary): named in plain words
            return _("its first words") if name == "summary" else name.replace("_", " ")

    def search_preview(self, obj):
        if not self.preview_title_fields:
            return None
        title = next((v for v in (getattr(obj, n, "") for n in self.preview_title_fields) if v), "")
        source, description = next(
            ((n, v) for n, v in ((n, getattr(obj, n, "")) for n in self.preview_description_fields) if v),
            ("", ""),
        )
        return {
            "title": title,
            "title_length": len(title),
            "title_max": SEARCH_TITLE_MAX,
            "title_too_long": len(title) > SEARCH_TITLE_MAX,
            "description": description,
            "description_length": len(description),
            "description_max": SEARCH_DESCRIPTION_MAX,
            "description_too_long": len(description) > SEARCH_DESCRIPTION_MAX,
            "description_missing": not description,
            # Made by the site from other text (an article's first words) rather than written for search:
            # the advice is then to write one, not to shorten one.
            "description_made_from": (
                "" if source == self.preview_description_fields[0] else self._label(obj, source)
            ),
            "path": obj.get_absolute_url(),
        }

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        extra_context = {**(extra_context or {})}
        if obj is not None:
            extra_context["reading"] = self.reading(obj)
            extra_context["search_preview"] = self.search_preview(obj)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        reading = self.reading(obj)
        if reading is not None and reading.above_target:
            self.message_user(
                request,
                _(
                    "Reading grade %(grade)s: “%(item)s” is above the target of grade %(target)s. Its "
                    "longest sentence has %(words)s words; shorter sentences and everyday words help."
                )
                % {
                    "grade": f"{reading.grade:g}",
                    "item": obj,
                    "target": TARGET_GRADE,
                    "words": reading.longest[0][0],
                },
                messages.WARNING,
            )
