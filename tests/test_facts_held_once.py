"""One fact, one place: a rule several pages state is held once and written into each page as {fact:key}."""

import pytest
from django.urls import reverse
from django.utils.safestring import mark_safe

from clinic.site.content_check import restated_facts
from domain.crisis_text import fill
from domain.models import KeyFact, SiteProfile
from tests.factories import AdministrationRouteFactory, ArticleFactory, InteractionFactory

pytestmark = pytest.mark.django_db

ALCOHOL = "No alcohol in the 24 hours before a session or for the rest of the day after it."


@pytest.fixture
def alcohol():
    return KeyFact.objects.create(
        key="alcohol-around-sessions",
        figure="24 hours",
        text=ALCOHOL,
        topic="alcohol, drink",
        is_listed=False,
    )


def test_a_page_shows_the_fact_it_names_and_a_change_to_the_fact_shows_on_it(client, alcohol):
    route = AdministrationRouteFactory(description="<p>Our clinic's rule: {fact:alcohol-around-sessions}</p>")

    first = client.get(route.get_absolute_url())
    alcohol.text = "No alcohol in the 48 hours before a session."
    alcohol.save()
    second = client.get(route.get_absolute_url())

    assert first.status_code == second.status_code == 200
    assert f"Our clinic's rule: {ALCOHOL}" in first.content.decode()
    assert "Our clinic's rule: No alcohol in the 48 hours before a session." in second.content.decode()
    assert "{fact:" not in second.content.decode()


def test_a_fact_is_escaped_into_html_and_left_plain_in_text(alcohol):
    alcohol.text = "Less than 1 drink & no more."
    alcohol.save()
    profile = SiteProfile.objects.get_current()

    assert (
        fill(mark_safe("<p>{fact:alcohol-around-sessions}</p>"), profile)
        == "<p>Less than 1 drink &amp; no more.</p>"
    )
    assert fill("{fact:alcohol-around-sessions}", profile) == "Less than 1 drink & no more."
    assert fill("{fact:no-such-fact}", profile) == "{fact:no-such-fact}"
    assert fill("Wait {fact:alcohol-around-sessions:figure}.", profile) == "Wait 24 hours."


def test_the_content_check_names_a_page_that_gives_a_fact_another_number_or_restates_it(alcohol):
    InteractionFactory(name="Alcohol", advice="Do not drink alcohol for 12 hours before a session.")
    ArticleFactory(title="Before your visit", body="<p>Avoid alcohol in the 24 hours before your visit.</p>")
    AdministrationRouteFactory(name="IV", description="<p>{fact:alcohol-around-sessions} Drink water.</p>")

    found = restated_facts()

    assert (
        "medicine interaction “Alcohol”, advice: “Do not drink alcohol for 12 hours before a session.” "
        "contradicts the fact “alcohol-around-sessions” (12 hours); the fact, in key facts, says "
        f"“{ALCOHOL}”: write {{fact:alcohol-around-sessions}} instead"
    ) in found
    restated = (
        "article “Before your visit”, body: “Avoid alcohol in the 24 hours before your visit.” restates"
    )
    assert any(line.startswith(f"{restated} the fact “alcohol-around-sessions” (24 hours)") for line in found)
    assert len(found) == 2  # the page that writes the token, and the fact itself, are not reported


def test_the_content_check_names_a_token_that_no_fact_has(alcohol):
    AdministrationRouteFactory(name="IV", description="<p>{fact:alcohol-rule} Drink water.</p>")

    assert restated_facts() == [
        "treatment route “IV”, description: writes {fact:alcohol-rule}, but no fact has the key "
        "“alcohol-rule”"
    ]


def test_home_lists_only_listed_facts(client, alcohol):
    KeyFact.objects.create(figure="2 hours", text="You are monitored for at least 2 hours.")

    html = client.get(reverse("home")).content.decode()

    assert "You are monitored for at least 2 hours." in html
    assert ALCOHOL not in html
