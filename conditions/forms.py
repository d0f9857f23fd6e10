from django import forms
from django.core.exceptions import ValidationError
from django_ckeditor_5.widgets import CKEditor5Widget

from clinic.core.richtext import images_without_alt

from .models import ContraindicationKind

YES, NO, UNSURE = "yes", "no", "unsure"
ANSWER_CHOICES = [(YES, "Yes"), (NO, "No"), (UNSURE, "Not sure")]
ADVICE = {
    (YES, ContraindicationKind.ABSOLUTE): (
        "This usually means ketamine treatment is not a safe choice for you. Please discuss it with a "
        "clinician, who can also talk through other options."
    ),
    (YES, ContraindicationKind.RELATIVE): (
        "Ketamine treatment may still be possible, but this needs careful evaluation by a clinician first."
    ),
    (UNSURE, ContraindicationKind.ABSOLUTE): "You weren't sure: this is worth asking a clinician about.",
    (UNSURE, ContraindicationKind.RELATIVE): "You weren't sure: this is worth asking a clinician about.",
}
# The only keys a genuine submission carries besides the questions.
EXPECTED_EXTRA_KEYS = {"csrfmiddlewaretoken"}


class PrescreenForm(forms.Form):
    """The "Is ketamine treatment right for me?" questions, one per listed contraindication.

    Every question is optional; an unanswered one is simply not counted. Nothing here is saved.
    """

    def __init__(self, *args, contraindications, **kwargs):
        super().__init__(*args, **kwargs)
        self.contraindications = list(contraindications)
        for contraindication in self.contraindications:
            self.fields[self.field_name(contraindication)] = forms.ChoiceField(
                label=contraindication.screening_question,
                choices=ANSWER_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Choose yes, no or not sure, or leave it unanswered."},
            )

    @staticmethod
    def field_name(contraindication):
        return f"q{contraindication.pk}"

    def clean(self):
        cleaned_data = super().clean()
        unknown = set(self.data) - set(self.fields) - EXPECTED_EXTRA_KEYS
        if unknown:
            raise ValidationError(
                "Some answers don't match the current questions; the questions may have changed since the "
                "page loaded. Please check your answers and send them again.",
                code="unknown_question",
            )
        return cleaned_data

    def findings(self):
        """Return the answers worth discussing with a clinician, as (contraindication, answer, advice)."""
        findings = []
        for contraindication in self.contraindications:
            answer = self.cleaned_data.get(self.field_name(contraindication))
            advice = ADVICE.get((answer, contraindication.kind))
            if advice:
                findings.append((contraindication, answer, advice))
        return findings

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
                "unique": "Another entry already uses this address (slug). Please choose a different one."
            }
        }

    def clean_description(self):
        description = self.cleaned_data.get("description", "")
        unnamed = images_without_alt(description)
        if unnamed:
            raise ValidationError(
                "The image %(names)s has no description (alt text). Click the image in the editor, choose "
                "“Change image text alternative” and describe it for readers who can't see it.",
                code="image_without_alt",
                params={"names": ", ".join(unnamed)},
            )
        return description
