"""Evidence at the claim: each clinical citation shows the source's own words for the claim it supports."""

import io

import pytest
from django.contrib.admin.sites import site as admin_site
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from clinic.site.content_check import unsupported_citations
from domain.content import ContentError, read_list, save_passages
from domain.figures import numbers_not_in
from domain.models import Citation, Passage, cite
from editorial.admin import PassageForm
from tests.factories import ConditionFactory, ContraindicationFactory, SourceFactory

pytestmark = pytest.mark.django_db

LABEL_PASSAGE = "Patients should be monitored for at least 2 hours after each dose."


def _cited(item, *sources):
    cite(item, sources)
    return {citation.source.key: citation for citation in Citation.objects.filter(object_id=item.pk)}


def _entry(tmp_path, yaml_text):
    path = tmp_path / "items.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    return read_list(path)[0]


def test_a_condition_page_shows_what_the_source_says_beside_its_reference(client):
    label, trial = SourceFactory(key="label"), SourceFactory(key="trial")
    condition = ConditionFactory(description="<p>You stay for at least 2 hours [1]. Most improve [2].</p>")
    citations = _cited(condition, label, trial)
    Passage.objects.create(
        citation=citations["label"], claim="at least 2 hours", text=LABEL_PASSAGE, locator="Label §2.3"
    )

    response = client.get(condition.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    first, second = html.split('id="ref-condition-1"')[1].split('id="ref-condition-2"')
    assert "<summary>What the source says</summary>" in first
    assert LABEL_PASSAGE in first and "Label §2.3" in first and "supports “at least 2 hours”" in first
    assert "What the source says" not in second  # a citation with no passage shows none


def test_a_contraindication_names_the_source_whose_words_it_shows(client):
    source = SourceFactory(key="label", text="SPRAVATO prescribing information")
    item = ContraindicationFactory(explanation="Blood pressure rises for about 2 hours.")
    Passage.objects.create(
        citation=_cited(item, source)["label"], claim="about 2 hours", text=LABEL_PASSAGE, locator="§5.6"
    )

    response = client.get(reverse("conditions:safety"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "What the source says: SPRAVATO prescribing information" in html and LABEL_PASSAGE in html


def test_the_loader_stores_each_passage_once_and_a_reload_writes_nothing(tmp_path):
    item = ContraindicationFactory(explanation="Blood pressure rises for about 2 hours.")
    _cited(item, SourceFactory(key="label"))
    entry = _entry(
        tmp_path,
        f"""
- passages:
  - source: label
    claim: about  2 hours
    passage: "{LABEL_PASSAGE}"
    locator: Label §2.3
""",
    )

    save_passages(item, entry)
    save_passages(item, entry)

    passage = Passage.objects.get()
    assert (passage.claim, passage.text, passage.locator) == ("about 2 hours", LABEL_PASSAGE, "Label §2.3")
    assert passage.history.count() == 1


@pytest.mark.parametrize(
    ("passage", "message"),
    [
        ("source: trial\n    claim: about 2 hours\n    passage: x\n    locator: y", "'trial' is not one of"),
        (
            "source: label\n    claim: about 3 hours\n    passage: x\n    locator: y",
            "“about 3 hours” is not in",
        ),
        ("source: label\n    claim: about 2 hours\n    passage: x", "passage 1 needs locator"),
    ],
)
def test_the_loader_refuses_a_passage_that_cannot_be_checked_saying_where(tmp_path, passage, message):
    item = ContraindicationFactory(explanation="Blood pressure rises for about 2 hours.")
    _cited(item, SourceFactory(key="label"))
    entry = _entry(tmp_path, f"- passages:\n  - {passage}\n")

    with pytest.raises(ContentError, match=message) as error:
        save_passages(item, entry)

    assert "items.yaml" in str(error.value)
    assert not Passage.objects.exists()


def test_the_content_check_names_a_citation_without_a_passage_and_a_passage_without_the_figure():
    route_like = ContraindicationFactory(name="Heart disease", explanation="Rises for about 2 hours.")
    citations = _cited(route_like, SourceFactory(key="label"), SourceFactory(key="trial"))
    Passage.objects.create(
        citation=citations["label"], claim="about 2 hours", text="Monitor for one hour.", locator="§2.3"
    )

    found = unsupported_citations()

    assert (
        "contraindication “Heart disease”: cites trial with no passage from it; add one under 'passages'"
        in found
    )
    assert (
        "contraindication “Heart disease”: the passage of label (§2.3) does not contain 2, which its claim "
        "“about 2 hours” states" in found
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="2 clinical citation"):
        call_command("check_content", stdout=out)
    assert "cites trial with no passage" in out.getvalue()


def test_numbers_in_words_match_their_digits_rounding_is_allowed_and_a_missing_figure_is_named():
    assert numbers_not_in("Monitor for at least two hours.", "at least 2 hours") == []
    assert numbers_not_in("Infuse 0.5 mg/kg over 40 minutes.", "0.5 mg per kg over about 45 minutes") == [
        "45"
    ]


def test_the_admin_refuses_a_claim_the_item_does_not_make_and_a_passage_without_its_figure():
    item = ContraindicationFactory(explanation="Blood pressure rises for about 2 hours.")
    citation = _cited(item, SourceFactory(key="label"))["label"]

    form = PassageForm(
        data={"claim": "about 4 hours", "text": "Monitor for one hour.", "locator": "§2.3", "order": 1},
        instance=Passage(citation=citation),
    )

    assert not form.is_valid()
    assert "is not in the text of" in form.errors["claim"][0]
    assert "does not contain 4" in form.errors["text"][0]
    assert admin_site.is_registered(Citation)


def test_staff_reach_a_citations_passages_from_the_items_page_and_save_one(admin_client):
    item = ContraindicationFactory(explanation="Blood pressure rises for about 2 hours.")
    citation = _cited(item, SourceFactory(key="label"))["label"]
    url = reverse("admin:clinic_citation_change", args=[citation.pk])

    item_page = admin_client.get(reverse("admin:conditions_contraindication_change", args=[item.pk]))
    response = admin_client.post(
        url,
        {
            "passages-TOTAL_FORMS": "1", "passages-INITIAL_FORMS": "0",
            "passages-MIN_NUM_FORMS": "0", "passages-MAX_NUM_FORMS": "1000",
            "passages-0-claim": "about 2 hours", "passages-0-text": LABEL_PASSAGE,
            "passages-0-locator": "§2.3", "passages-0-order": "1", "order": "1",
        },
    )  # fmt: skip

    assert url in item_page.content.decode()
    assert response.status_code == 302
    assert Passage.objects.get(citation=citation).text == LABEL_PASSAGE


def test_the_clinics_own_policy_needs_no_passage_and_may_not_be_given_one(tmp_path):
    item = ContraindicationFactory(explanation="Our clinic treats adults only.")
    _cited(item, SourceFactory(key="clinic-practice", is_clinic_policy=True))

    assert unsupported_citations() == []
    entry = _entry(
        tmp_path,
        "- passages:\n  - source: clinic-practice\n    claim: adults only\n    passage: x\n    locator: y\n",
    )
    with pytest.raises(ContentError, match="the clinic's own policy, with no passage to quote"):
        save_passages(item, entry)
