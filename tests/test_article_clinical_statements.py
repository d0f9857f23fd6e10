"""Issue 18: what the articles tell readers agrees with the labels and says when a rule is the clinic's."""

import io
import re

import pytest
from django.core.management import call_command

from articles.models import Article
from tests.factories import AdministrationRouteFactory

pytestmark = pytest.mark.django_db

# Since January 2025 the SPRAVATO label allows esketamine for treatment-resistant depression either way.
ON_ITS_OWN = "on its own or with an oral antidepressant"


def test_generated_articles_do_not_say_esketamine_always_needs_an_oral_antidepressant():
    call_command("generate_content", "--articles", "40", stdout=io.StringIO())

    sentences = [
        sentence
        for body in Article.objects.filter(slug__startswith="gen-").values_list("body", flat=True)
        for sentence in re.split(r"(?<=[.!?])\s+|</?(?:p|li)>", body)
        if "FDA-approved" in sentence and "esketamine" in sentence
    ]
    assert sentences  # the generator still speaks of esketamine's approval
    for sentence in sentences:
        assert ON_ITS_OWN in sentence, sentence


def test_route_page_says_where_to_turn_outside_the_clinics_opening_hours(client):
    route = AdministrationRouteFactory(
        emergency_signs="Chest pain or pressure", call_clinic_signs="Nausea that has not settled"
    )
    page = " ".join(client.get(route.get_absolute_url()).content.decode().split())

    assert "Outside opening hours, call your own doctor's out-of-hours service or go to urgent care." in page
