"""The home page: condition groups, treatment routes, the latest and featured articles, sourced key facts."""

import pytest
from django.urls import reverse
from django.utils import timezone

from domain.models import KeyFact, SiteProfile, cite
from tests.factories import (
    DAY,
    ArticleFactory,
    ConditionFactory,
    ConditionRouteFactory,
    SourceFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db


def test_home_shows_groups_routes_latest_articles_and_sourced_facts(client):
    profile = SiteProfile.objects.get_current()
    profile.phone, profile.booking_url = "(555) 010-0142", "https://example.org/book"
    profile.save()
    link = ConditionRouteFactory()
    hidden = ConditionFactory(hidden=True, group=link.condition.group)
    articles = ArticleFactory.create_batch(3, published=True)
    draft = ArticleFactory(title="Unfinished thoughts")
    fact = KeyFact.objects.create(figure="2 hours", text="Observation after esketamine.")
    cite(fact, [SourceFactory(text="Spravato label", url="https://example.org/label")])

    html = client.get(reverse("home")).content.decode()
    assert link.condition.group.name in html and link.condition.name in html
    assert hidden.name not in html
    assert link.route.name in html
    assert all(article.title in html for article in articles) and draft.title not in html
    assert "2 hours" in html and 'href="https://example.org/label"' in html and "Spravato label" in html
    assert 'href="tel:5550100142"' in html and 'href="https://example.org/book"' in html


def test_home_leads_with_the_featured_article_even_when_older(client):
    older = ArticleFactory(
        published=True,
        title="Chosen by the editors",
        is_featured=True,
        published_at=timezone.now() - 400 * DAY,
    )
    newest = ArticleFactory(published=True, title="Written yesterday")
    html = client.get(reverse("home")).content.decode()
    assert html.index(older.title) < html.index(newest.title)
    assert html.count(f">{older.title}</a>") == 1  # not repeated among the latest


def test_home_query_count_does_not_grow_with_content(client, settings, django_assert_num_queries):
    for _ in range(2):
        ConditionRouteFactory.create_batch(3)
        ArticleFactory.create_batch(4, published=True, tags=[TagFactory()])
        cite(
            KeyFact.objects.create(figure="1", text="t"),
            [SourceFactory(text="s", url="https://example.org/")],
        )
        settings.FRAGMENT_CACHE = False
        client.get(reverse("home"))  # warm the site-profile cache
        # groups, their conditions, routes, featured, latest, facts, sources, the sources' passages
        with django_assert_num_queries(8):
            assert client.get(reverse("home")).status_code == 200
        settings.FRAGMENT_CACHE = True
        client.get(reverse("home"))  # renders its blocks, for every later page until what they show changes
        with django_assert_num_queries(1):  # the routes the opening line offers; the blocks come cached
            assert client.get(reverse("home")).status_code == 200
