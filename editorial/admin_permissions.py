"""The admin's one permission rule, shared by every ModelAdmin: whatever the view or the HTTP method, a
user may do to an object only what the admin's has_*_permission(request, obj) allows for it as it is now.

Django's own add, change, delete and changelist views already ask those questions. The mixin closes the
paths that don't: django-simple-history's history pages (they check view permission only, and save a
POSTed old version), admin actions (Django checks the model, not the rows chosen), and any save or delete
that reaches save_model or delete_model some other way. Its changelists take a filter across a reverse
relation only where the admin offers that filter, so a hand-made URL reads nothing the list doesn't show.
"""

import functools

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db.models import ForeignObjectRel
from django.db.models.constants import LOOKUP_SEP
from django.http import Http404
from django.utils.translation import gettext as _

from .admin_fields import field_kwargs

# Set on a request whose history item is shown to someone who may not change the object.
READ_ONLY_FLAG = "_admin_history_read_only"


class RoleAdminMixin:
    """Put first in every ModelAdmin's bases (a test checks that every registered admin does)."""

    # Form fields

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return super().formfield_for_dbfield(db_field, request, **{**field_kwargs(db_field), **kwargs})

    # Changelist filters

    def lookup_allowed(self, lookup, value, request):
        # Django 5.2.20 refuses reverse foreign keys and many-to-many relations the admin doesn't offer as
        # filters, but still takes a reverse one-to-one (people ?author__pk=N): refuse every reverse relation
        # the list doesn't offer. Further hops are Django's to refuse; it takes none the list doesn't offer.
        first = lookup.split(LOOKUP_SEP, 1)[0]
        try:
            field = self.opts.get_field(first)
        except FieldDoesNotExist:
            field = None
        if isinstance(field, ForeignObjectRel) and first not in self._offered_filters(request):
            return False
        return super().lookup_allowed(lookup, value, request)

    def _offered_filters(self, request):
        offered = {self.date_hierarchy}
        # Each item is a field path, a (field path, filter class) pair, or a filter class.
        for item in self.get_list_filter(request):
            path = item[0] if isinstance(item, (list, tuple)) else item
            name = path if isinstance(path, str) else getattr(path, "parameter_name", "")
            offered.add(name.split(LOOKUP_SEP, 1)[0])
        return offered

    # History views (django-simple-history)

    def history_view(self, request, object_id, extra_context=None):
        self._current_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        current = self._current_or_404(request, object_id)
        self._version_or_404(current, version_id)
        if not self.has_change_permission(request, current):
            if request.method != "GET":
                raise PermissionDenied
            setattr(request, READ_ONLY_FLAG, True)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _current_or_404(self, request, object_id):
        # The object as it is now decides, never an old version; get_queryset hides what isn't theirs.
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(
                _("No %(kind)s with this ID, or not yours to see.") % {"kind": self.opts.verbose_name}
            )
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    @staticmethod
    def _version_or_404(obj, version_id):
        # django-simple-history sends the id to the database as it came: "abc" (or /history/compare/ on
        # an admin without the comparison page) would be a 500, NUL a 500 on PostgreSQL.
        history_id = obj.history.model._meta.pk
        try:
            history_id.to_python(version_id)
        except ValidationError:
            raise Http404(_("No such version.")) from None

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not getattr(request, READ_ONLY_FLAG, False):
            return form

        class ReadOnlyForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for field in self.fields.values():
                    field.disabled = True

        return ReadOnlyForm

    def revert_disabled(self, request, obj=None):
        return getattr(request, READ_ONLY_FLAG, False) or super().revert_disabled(request, obj)

    # Actions: each row chosen must allow what the action does

    def get_actions(self, request):
        return {
            name: (self._guard_action(func), name, description)
            for name, (func, name, description) in super().get_actions(request).items()
        }

    @staticmethod
    def _guard_action(func):
        # An action that declares no permission changes the rows it is given.
        needs_delete = "delete" in getattr(func, "allowed_permissions", ())

        @functools.wraps(func)
        def guarded(modeladmin, request, queryset):
            check = modeladmin.has_delete_permission if needs_delete else modeladmin.has_change_permission
            refused = [str(obj) for obj in queryset if not check(request, obj)]
            if refused:
                modeladmin.message_user(
                    request,
                    _("Nothing was done: you may not change %(items)s.") % {"items": ", ".join(refused)},
                    messages.ERROR,
                )
                return None
            return func(modeladmin, request, queryset)

        return guarded

    # The last line of defence for every path that saves or deletes through the admin

    def save_model(self, request, obj, form, change):
        allowed = self.has_change_permission(request, obj) if change else self.has_add_permission(request)
        if not allowed:
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        if not self.has_delete_permission(request, obj):
            raise PermissionDenied
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        if not all(self.has_delete_permission(request, obj) for obj in queryset):
            raise PermissionDenied
        super().delete_queryset(request, queryset)
