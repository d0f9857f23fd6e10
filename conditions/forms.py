from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_ckeditor_5.widgets import CKEditor5Widget

from domain.richtext import images_without_alt

from .models import ContraindicationKind, Severity

YES, NO, UNSURE = "yes", "no", "unsure"
ANSWER_CHOICES = [
    (YES, pgettext_lazy("answer", "Yes")),
    (NO, pgettext_lazy("answer", "No")),
    (UNSURE, pgettext_lazy("answer", "Not sure")),
]
# Most important first: a yes to an absolute contraindication; then a yes to a relative one or to a medicine
# that can be dangerous together with ketamine; then a medicine to mention; then every "not sure".
FINDING_ORDER = {
    (YES, ContraindicationKind.ABSOLUTE): 0,
    (YES, ContraindicationKind.RELATIVE): 1,
    (YES, Severity.SERIOUS): 1,
    (YES, Severity.MODERATE): 2,
}
UNSURE_LEVEL = 3
# The only keys a genuine submission carries besides the questions.
EXPECTED_EXTRA_KEYS = {"csrfmiddlewaretoken"}


class PrescreenRenderer(DjangoTemplates):
    """Django's form renderer, but the pre-screen's radio inputs are written here, not by a template.

    Three inputs a question went through three nested widget templates each, half the page's render time.
    The HTML is that of django/forms/widgets/input.html: type, name, value, then the attributes in order.
    """

    def render(self, template_name, context, request=None):
        widget = context.get("widget", {})
        if template_name != forms.RadioSelect.option_template_name or widget.get("wrap_label"):
            return super().render(template_name, context, request)
        # As attrs.html: False leaves the attribute out, True writes its name alone (checked).
        attrs = format_html_join(
            "",
            " {}{}",
            (
                (name, "" if value is True else format_html('="{}"', value))
                for name, value in widget["attrs"].items()
                if value is not False
            ),
        )
        return format_html(
            '<input type="{}" name="{}" value="{}"{}>', widget["type"], widget["name"], widget["value"], attrs
        )


class PrescreenForm(forms.Form):
    """The "Is ketamine treatment right for me?" questions: one per listed contraindication, then one per
    group of interacting medicines.

    Every question is optional; an unanswered one is simply not counted. Nothing here is saved.
    """

    default_renderer = PrescreenRenderer()

    def __init__(self, *args, contraindications, interactions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.contraindications = list(contraindications)
        self.interactions = list(interactions)
        for item in [*self.contraindications, *self.interactions]:
            self.fields[self.field_name(item)] = forms.ChoiceField(
                label=item.screening_question,
                choices=ANSWER_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose yes, no or not sure, or leave it unanswered.")},
            )
        self.medicine_field_names = [self.field_name(item) for item in self.interactions]
        # Questions not yet translated into the page's language are asked in their own words, marked as such.
        self.shown_languages = {
            self.field_name(item): item.shown_language
            for item in [*self.contraindications, *self.interactions]
            if getattr(item, "shown_language", None)
        }

    @staticmethod
    def field_name(item):
        # q: a contraindication, m: a medicine; the prefixes keep the two sets of numbers apart.
        return f"{'m' if hasattr(item, 'severity') else 'q'}{item.pk}"

    def clean(self):
        cleaned_data = super().clean()
        unknown = set(self.data) - set(self.fields) - EXPECTED_EXTRA_KEYS
        if unknown:
            raise ValidationError(
                _(
                    "Some answers don't match the current questions; the questions may have changed since "
                    "the page loaded. Please check your answers and send them again."
                ),
                code="unknown_question",
            )
        return cleaned_data

    def findings(self):
        """Return the answers worth discussing with a clinician, as (item, answer, advice, kind), most
        important first (FINDING_ORDER) and in question order within each level: health conditions before
        medicines."""
        findings = []
        for item in [*self.contraindications, *self.interactions]:
            answer = self.cleaned_data.get(self.field_name(item))
            kind = getattr(item, "kind", None) or item.severity
            # Each item's own words: a shared sentence once told a reader who drinks to keep drinking.
            advice = {YES: item.advice, UNSURE: item.unsure_advice}.get(answer)
            if advice:
                findings.append((item, answer, advice, kind))
        return sorted(findings, key=lambda finding: FINDING_ORDER.get((finding[1], finding[3]), UNSURE_LEVEL))

    def coverage(self):
        """Return (health questions, medicine questions): how many the screen asked, for its result."""
        return len(self.contraindications), len(self.interactions)

    def answered_count(self):
        return sum(1 for name in self.fields if self.cleaned_data.get(name))


class ConditionRouteForm(forms.ModelForm):
    def validate_unique(self):
        super().validate_unique()
        # An inline form leaves its foreign key out of model validation, so the (condition, route)
        # constraint would only fail on INSERT; check it here to show a form error instead.
        try:
            self.instance.validate_constraints()
        except ValidationError as error:
            self.add_error(None, error)


class StaffAdminForm(forms.ModelForm):
    """The base of every conditions admin form: the rich-text editor and plain-worded errors.

    The admin supplies model and fields (from its fieldsets); the model cleans the HTML on save.
    """

    class Meta:
        widgets = {"description": CKEditor5Widget(config_name="default")}
        error_messages = {
            "slug": {
                "unique": _("Another entry already uses this address (slug). Please choose a different one.")
            }
        }

    def clean_description(self):
        description = self.cleaned_data.get("description", "")
        unnamed = images_without_alt(description)
        if unnamed:
            raise ValidationError(
                _(
                    "The image %(names)s has no description (alt text). Click the image in the editor, "
                    "choose “Change image text alternative” and describe it for readers who can't see it."
                ),
                code="image_without_alt",
                params={"names": ", ".join(unnamed)},
            )
        return description
