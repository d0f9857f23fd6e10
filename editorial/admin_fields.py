"""Form fields that say what they expect: a refused date or time names its format, and a number field keeps
the letters typed into it so the error can name them (a browser's number input silently drops them, and the
form then says "This field is required.")."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

DATE_FORMAT_HELP = _("Enter a valid date as year-month-day, e.g. 2026-12-07.")
TIME_FORMAT_HELP = _("Enter a valid time as hours and minutes on the 24-hour clock, e.g. 14:30.")
WHOLE_NUMBER = _("Enter a whole number, in digits, e.g. 3.")


def field_kwargs(db_field) -> dict:
    """Return the form field arguments that make db_field's errors name what to type."""
    if isinstance(db_field, models.DateTimeField):
        return {"error_messages": {"invalid_date": DATE_FORMAT_HELP, "invalid_time": TIME_FORMAT_HELP}}
    if isinstance(db_field, models.DateField):
        return {"error_messages": {"invalid": DATE_FORMAT_HELP}}
    if isinstance(db_field, models.TimeField):
        return {"error_messages": {"invalid": TIME_FORMAT_HELP}}
    if isinstance(db_field, models.IntegerField) and not db_field.choices and not db_field.primary_key:
        return {
            "widget": forms.TextInput(attrs={"inputmode": "numeric", "class": "vIntegerField"}),
            "error_messages": {"invalid": WHOLE_NUMBER},
        }
    return {}
