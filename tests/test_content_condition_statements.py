"""Issue 18: what the condition, treatment and safety pages tell a reader agrees with the labels and trials,
and a fact stated on several pages is stated once, the same way (the demo content, as a reader sees it)."""

import html
import re

import pytest
from django.urls import reverse

from conditions.models import AdministrationRoute, Condition, Contraindication, Evidence, Interaction
from domain.richtext import html_to_text

pytestmark = pytest.mark.django_db

ROUTES = [
    "iv-ketamine-infusion",
    "intranasal-esketamine",
    "sublingual-oral-ketamine",
    "intramuscular-ketamine",
]
KETAMINE_ROUTES = {"iv-ketamine-infusion", "sublingual-oral-ketamine", "intramuscular-ketamine"}


@pytest.fixture
def demo(demo_content):
    """The demo content (tests/conftest.py), as the pages show it to a reader."""


def _page(client, name, slug=None):
    response = client.get(reverse(name, args=[slug] if slug else []))
    assert response.status_code == 200
    text = re.sub(
        r"</?(strong|em|a|sup|span)\b[^>]*>", "", response.content.decode()
    )  # inline: no word break
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _keys(item):
    return {citation.source.key for citation in item.citations.all()}


def _words(text):
    return " ".join(html_to_text(text).split())


def test_the_mdd_grade_is_what_its_trials_show(client, demo):
    mdd = Condition.objects.get(slug="major-depressive-disorder")
    suicidal = Condition.objects.get(slug="suicidal-ideation")
    basis = {source.key for source in mdd.evidence_sources.all()}

    # The two esketamine trials in MDD with acute suicidal thoughts cannot make MDD as a whole established.
    assert basis and basis <= {source.key for source in suicidal.evidence_sources.all()}
    assert mdd.evidence == Evidence.EMERGING
    page = _page(client, "conditions:detail", mdd.slug)
    assert "treatment-resistant depression, on its own or together with an oral antidepressant" in page
    assert "not been shown to prevent suicide or to reduce suicidal thoughts" in page


def test_psychosis_is_ruled_out_as_the_clinics_policy_on_every_page_that_speaks_of_it(client, demo):
    psychosis = Contraindication.objects.get(slug="psychosis-history")
    assert {"clinic-practice", "spravato-label"} <= _keys(psychosis)
    assert (
        "Our clinic's policy" in psychosis.explanation
        and "benefit outweighs the risk" in psychosis.explanation
    )
    assert "bipolar disorder with psychotic symptoms" in psychosis.explanation

    bipolar = _page(client, "conditions:detail", "bipolar-depression")
    assert "especially careful evaluation" not in bipolar
    policy = (
        "Our clinic's policy is not to offer ketamine or esketamine to anyone who has had psychotic symptoms"
    )
    assert policy in bipolar
    assert "bipolar disorder with psychotic symptoms" in _page(client, "conditions:safety")


def test_maoi_advice_applies_where_a_label_supports_it_and_says_which(demo):
    maois = Interaction.objects.get(slug="maois")
    assert {route.slug for route in maois.routes.all()} == {"intranasal-esketamine"}
    assert _keys(maois) == {"spravato-label"}
    for item in [
        *Contraindication.objects.all(),
        *Interaction.objects.all(),
        *AdministrationRoute.objects.all(),
    ]:
        for field in ("explanation", "effect", "advice", "description"):
            text = _words(getattr(item, field, "") or "")
            for sentence in re.split(r"(?<=[.;])\s+", text):
                if "MAOI" in sentence:
                    assert "esketamine" in sentence, f"{item}: {sentence}"


def test_theophylline_says_what_the_ketamine_label_says(demo):
    theophylline = Interaction.objects.get(slug="theophylline")
    text = f"{theophylline.effect} {theophylline.advice}"
    assert "seizure threshold" in text and "consider" in text.lower() and "alternative" in text
    # The label's summary and its full text differ; the item gives both, each as the label words it.
    assert "Its summary says not to give them together" in text and "full text" in text


def test_liver_tests_are_planned_not_maybe(demo):
    liver = Contraindication.objects.get(slug="liver-disease")
    assert "We may check" not in liver.explanation
    assert "before and at intervals during any treatment plan with repeated doses" in liver.explanation
    assert {"ketalar-label", "clinic-practice"} <= _keys(liver)


def test_one_alcohol_rule_wherever_alcohol_and_a_session_meet(client, demo):
    rule = "in the 24 hours before a session or for the rest of the day after it"
    alcohol = Interaction.objects.get(slug="alcohol")
    assert alcohol.advice.startswith(f"Do not drink alcohol {rule}")
    assert {"clinic-practice", "ketalar-label", "spravato-label"} <= _keys(alcohol)
    for slug in ROUTES:
        route = AdministrationRoute.objects.get(slug=slug)
        if "alcohol" in _words(route.description):
            assert rule in _words(route.description), slug
        assert rule in _page(client, "conditions:route_detail", slug), slug
    for item in [*Interaction.objects.all(), *AdministrationRoute.objects.all()]:
        for field in ("effect", "advice", "unsure_advice", "screening_question", "description"):
            assert "on the day of a session" not in _words(getattr(item, field, "") or ""), item


def test_esketamine_page_gives_both_indications_the_boxed_warning_the_rems_and_whose_schedule(client, demo):
    page = _page(client, "conditions:route_detail", "intranasal-esketamine")
    assert "treatment-resistant depression, on its own or together with an oral antidepressant" in page
    assert "together with an oral antidepressant, for depressive symptoms" in page
    assert "24 and younger" in page and "boxed warning" in page
    for requirement in ("certified in the Spravato REMS", "enrolled in the REMS", "at least 2 hours"):
        assert requirement in page, requirement
    route = AdministrationRoute.objects.get(slug="intranasal-esketamine")
    assert route.schedule_maintenance.startswith("For treatment-resistant depression")


def test_compounded_oral_ketamine_is_called_unapproved_and_its_dose_not_standard(client, demo):
    route = AdministrationRoute.objects.get(slug="sublingual-oral-ketamine")
    page = _page(client, "conditions:route_detail", route.slug)
    assert "not FDA-approved" in route.summary
    assert "not covered by a REMS" in page
    assert route.dose_min != route.dose_max and "No standard dose" in route.dose_note
    assert {"andrade-2019", "fda-2023"} <= _keys(route)


def test_the_intramuscular_dose_says_whose_it_is(demo):
    route = AdministrationRoute.objects.get(slug="intramuscular-ketamine")
    assert route.dose_note.startswith("Our clinic's protocol")
    assert "our clinic's practice, not a dose set by a label" in _words(route.description)
    assert "chilukuri-2014" in _keys(route)


def test_the_heart_question_and_its_explanation_ask_about_the_same_thing(demo):
    heart = Contraindication.objects.get(slug="serious-cardiovascular-disease")
    assert "ever" in heart.screening_question and "heart attack" in heart.screening_question
    assert "recent" not in heart.name.lower()
    assert "at any time" in heart.explanation and "at any time" in heart.advice
    assert "clinic-practice" in _keys(heart)


def test_every_route_says_where_to_turn_when_the_clinic_is_closed(client, demo):
    for slug in ROUTES:
        # Said once, by the page's "call the clinic" box, for every route alike.
        assert (
            _page(client, "conditions:route_detail", slug).count("out-of-hours service or go to urgent care")
            == 1
        )


def test_postpartum_onset_is_the_dsm_definition_with_its_source(client, demo):
    page = _page(client, "conditions:detail", "postpartum-depression")
    assert "during pregnancy or in the 4 weeks after giving birth" in page
    assert "American Psychiatric Association" in page


# A sentence that reports what research found: "trials", "a study", "studies", "analyses", "reports".
CLAIM = re.compile(
    r"\b(trials?|studies|analys[ie]s|reports)\b|\b(a|one|this|the|small|early) study\b", re.IGNORECASE
)
ABSENCE = re.compile(r"\b(no|not|little|almost no)\b", re.IGNORECASE)


def test_every_trial_claim_on_a_condition_page_names_its_source(demo):
    unsourced = []
    for condition in Condition.objects.all():
        for sentence in re.split(r"(?<=[.!?])\s+", _words(condition.description)):
            if CLAIM.search(sentence) and not ABSENCE.search(sentence) and not re.search(r"\[\d", sentence):
                unsourced.append(f"{condition.slug}: {sentence}")
    assert unsourced == []


def test_the_bipolar_trials_are_attached_to_bipolar_depression(client, demo):
    bipolar = Condition.objects.get(slug="bipolar-depression")
    assert {"diazgranados-2010", "zarate-2012"} <= {source.key for source in bipolar.evidence_sources.all()}
    assert "Diazgranados N" in _page(client, "conditions:detail", bipolar.slug)
