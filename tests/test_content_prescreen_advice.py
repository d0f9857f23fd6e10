"""Issue 18: the pre-screen answers each item in that item's own words, for the real clinical library."""

import html
import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from conditions.forms import PrescreenForm
from conditions.models import Contraindication, Interaction
from domain import crisis_text
from domain.models import SiteProfile

pytestmark = pytest.mark.django_db

CHECK_URL = reverse("conditions:check")


@pytest.fixture
def library(demo_content):
    items = [*Contraindication.objects.listed(), *Interaction.objects.listed()]
    assert len(items) > 15  # the whole library, not a sample
    return items


def _finding(page, item):
    """Return the text of item's finding on the result page, or None when it has none."""
    for block in re.findall(r'<li class="finding.*?</li>', page, flags=re.S):
        if f"<h3>{html.escape(item.name)}</h3>" in block:
            return html.unescape(re.sub(r"<[^>]+>", "", block))
    return None


def _as_shown(advice):
    """Return advice as a reader sees it: crisis tokens filled with the profile's numbers."""
    return crisis_text.fill(advice, SiteProfile.objects.get_current())


@pytest.mark.parametrize(("answer", "field"), [("yes", "advice"), ("unsure", "unsure_advice")])
def test_every_screening_item_answers_yes_and_not_sure_with_its_own_advice(client, library, answer, field):
    for item in library:
        page = client.post(CHECK_URL, {PrescreenForm.field_name(item): answer}).content.decode()
        finding = _finding(page, item)
        own = _as_shown(getattr(item, field))
        assert finding is not None, f"{item}: no finding for {answer!r}"
        assert own.strip() and " ".join(own.split()) in " ".join(finding.split()), f"{item}: {answer!r}"
        others = [_as_shown(getattr(other, field)) for other in library if other is not item]
        assert not any(" ".join(text.split()) in " ".join(finding.split()) for text in others), item


def test_no_two_items_share_their_advice(library):
    for field in ("advice", "unsure_advice"):
        texts = [getattr(item, field) for item in library]
        assert len(set(texts)) == len(texts), field


def test_a_reader_who_may_drink_on_the_day_is_told_not_to(client, library):
    alcohol = Interaction.objects.get(slug="alcohol")
    page = client.post(CHECK_URL, {PrescreenForm.field_name(alcohol): "yes"}).content.decode()
    finding = _finding(page, alcohol)

    assert "Do not drink alcohol" in finding
    assert "don't stop or change it on your own" not in finding


def test_not_sure_about_pregnancy_means_a_test_before_booking(client, library):
    pregnancy = Contraindication.objects.get(slug="pregnancy")
    page = client.post(CHECK_URL, {PrescreenForm.field_name(pregnancy): "unsure"}).content.decode()

    assert "take a pregnancy test before you book" in _finding(page, pregnancy)


def test_the_content_check_names_items_that_share_their_advice(library):
    first, second = Interaction.objects.listed()[:2]
    second.unsure_advice = first.unsure_advice
    second.save()

    out = io.StringIO()
    with pytest.raises(CommandError, match="1 pre-screen advice shared"):
        call_command("check_content", stdout=out)
    assert first.name in out.getvalue() and second.name in out.getvalue()
