"""Comparing two saved versions of anything with history (django-simple-history), field by field.

Values are shown as people read them (choice labels, names of related objects, dates in words, rich text
as its text), and changed words are marked: removed ones in the older version, added ones in the newer.
CompareVersionsAdminMixin adds the comparison page to an admin and makes its history list readable.
"""

import difflib
from dataclasses import dataclass

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from simple_history.utils import get_history_model_for_model

from domain.richtext import html_to_text

EMPTY = "—"
# Bookkeeping fields nobody edits; a change in them alone is not worth showing.
SKIPPED_FIELDS = {"id", "created_at", "updated_at", "reading_time", "view_count", "created_by"}


def field_names(model):
    """Return the names of the fields a person edits and the history keeps, in the model's order."""
    # Fields computed on save (a table of contents, a word count) are left out of the history.
    excluded = set(get_history_model_for_model(model)._history_excluded_fields)
    return [
        field.name
        for field in model._meta.concrete_fields
        # Not editable: kept by the site (a review's fingerprint, "changed since review"), not written.
        if field.editable
        and field.name not in SKIPPED_FIELDS | excluded
        and not field.name.startswith("history_")
    ]


def display_value(model, record, name):
    """Return the value of field name in a historical record as a person reads it."""
    field = model._meta.get_field(name)
    if isinstance(field, models.ForeignKey):
        related_id = getattr(record, field.attname)
        if related_id is None:
            return EMPTY
        related = field.related_model._default_manager.filter(pk=related_id).first()
        return str(related) if related is not None else _("(deleted, #%(id)s)") % {"id": related_id}
    value = getattr(record, name)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value)) if value not in (None, "") else EMPTY
    if value is None or value == "":
        return EMPTY
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field, models.DateTimeField):
        return date_format(timezone.localtime(value), "D j M Y, H:i")
    if isinstance(field, models.DateField):
        return date_format(value, "j M Y")
    if isinstance(field, models.FileField):
        return str(value).rsplit("/", 1)[-1]
    if isinstance(field, models.TextField) and "<" in str(value):
        return html_to_text(str(value))  # rich text: compare what readers read, not the markup
    return str(value)


def marked_words(old, new):
    """Return (old_html, new_html): each text escaped, removed words in <del>, added words in <ins>."""
    old_words, new_words = old.split(), new.split()
    left, right = [], []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = " ".join(old_words[a1:a2]), " ".join(new_words[b1:b2])
        if op == "equal":
            left.append(escape(removed))
            right.append(escape(added))
            continue
        if removed:
            left.append(format_html("<del>{}</del>", removed))
        if added:
            right.append(format_html("<ins>{}</ins>", added))
    # Safe: every piece above was escaped or built with format_html.
    return mark_safe(" ".join(left)), mark_safe(" ".join(right))


@dataclass
class FieldComparison:
    label: str
    old: str
    new: str
    changed: bool


def compare_texts(label, old_value, new_value):
    """Return the FieldComparison of two readable values of one field, changed words marked."""
    changed = old_value != new_value
    if changed:
        old_html, new_html = marked_words(old_value, new_value)
    else:
        old_html = new_html = escape(old_value)
    return FieldComparison(capfirst(label), old_html, new_html, changed)


def compare(model, older, newer):
    """Return a FieldComparison per edited field of two historical records of model."""
    return [
        compare_texts(
            model._meta.get_field(name).verbose_name,
            display_value(model, older, name),
            display_value(model, newer, name),
        )
        for name in field_names(model)
    ]


def changed_fields(model, older, newer):
    """Return the labels of the fields whose readable value differs between two historical records."""
    return [row.label for row in compare(model, older, newer) if row.changed]


def describe_version(record):
    who = (
        record.history_user.get_full_name() or record.history_user.get_username()
        if record.history_user
        else ""
    )
    when = date_format(timezone.localtime(record.history_date), "D j M Y, H:i")
    return _("%(when)s by %(who)s") % {"when": when, "who": who} if who else when


class CompareVersionsAdminMixin:
    """For a SimpleHistoryAdmin: a page comparing any two versions side by side, linked from the history.

    Anyone who may view the object as it is now may compare its versions; reverting goes through the
    history item page, which applies the change permission (RoleAdminMixin).
    """

    object_history_template = "admin/version_history.html"

    def get_urls(self):
        opts = self.opts
        compare_view = self.admin_site.admin_view(self.compare_view)
        name = f"{opts.app_label}_{opts.model_name}_compare"
        return [path("<path:object_id>/history/compare/", compare_view, name=name), *super().get_urls()]

    def compare_view(self, request, object_id):
        if request.method != "GET":
            raise PermissionDenied
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(
                _("No %(kind)s with this ID, or not yours to see.") % {"kind": self.opts.verbose_name}
            )
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = list(obj.history.order_by("-history_date", "-history_id").select_related("history_user"))
        if not versions:
            raise Http404(_("This has no saved versions yet."))
        by_id = {str(version.history_id): version for version in versions}
        newer = by_id.get(request.GET.get("b", ""), versions[0])
        older = by_id.get(request.GET.get("a", ""), versions[1] if len(versions) > 1 else versions[0])
        if older.history_date > newer.history_date:
            older, newer = newer, older
        rows = compare(self.model, older, newer)
        opts = self.opts
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare versions of “%(item)s”") % {"item": obj},
            "subtitle": None,
            "opts": opts,
            "object": obj,
            "older": older,
            "newer": newer,
            "older_label": describe_version(older),
            "newer_label": describe_version(newer),
            "versions": [(version.history_id, describe_version(version)) for version in versions],
            "rows": rows,
            "changed_count": sum(row.changed for row in rows),
            "history_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk]),
            "revert_older_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[obj.pk, older.history_id]
            ),
            "may_change": self.has_change_permission(request, obj),
        }
        return TemplateResponse(request, "admin/compare_versions.html", context)

    def history_view(self, request, object_id, extra_context=None):
        opts = self.opts
        extra_context = {
            **(extra_context or {}),
            "compare_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_compare", args=[object_id]),
        }
        return super().history_view(request, object_id, extra_context)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        # The history list names the fields whose readable value changed: no raw values, no markup,
        # and nothing listed that only the storage format changed.
        previous = None
        for current in historical_records:
            if previous is not None:
                previous.history_delta_changes = [
                    {"field": label, "old": "", "new": _("changed")}
                    for label in changed_fields(self.model, current, previous)
                ]
            previous = current
