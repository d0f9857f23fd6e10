from django import forms
from django.core.exceptions import ValidationError
from django_ckeditor_5.widgets import CKEditor5Widget

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
# Most important first: a yes to an absolute contraindication, then to a relative one, then "not sure".
FINDING_ORDER = {(YES, ContraindicationKind.ABSOLUTE): 0, (YES, ContraindicationKind.RELATIVE): 1}
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
        """Return the answers worth discussing with a clinician, as (contraindication, answer, advice),
        most important first and in question order within each level."""
        findings = []
        for contraindication in self.contraindications:
            answer = self.cleaned_data.get(self.field_name(contraindication))
            advice = ADVICE.get((answer, contraindication.kind))
            if advice:
                findings.append((contraindication, answer, advice))
        return sorted(findings, key=lambda finding: FINDING_ORDER.get((finding[1], finding[0].kind), 2))

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
