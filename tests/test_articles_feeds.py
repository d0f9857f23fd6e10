import xml.etree.ElementTree as ET
from datetime import timedelta
from email.utils import parsedate_to_datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, TagFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
FEED_QUERIES = 2  # articles with author and category; tags (the site profile is cached)


@pytest.fixture
def articles():
    author = AuthorFactory(display_name="Rosa Diaz", credentials="PMHNP-BC")
    category = CategoryFactory(name="Treatment basics")
    published = [
        ArticleFactory(
            published=True,
            title="Older piece",
            author=author,
            category=category,
            tags=[TagFactory(name="Infusion")],
            excerpt="What an infusion day is like.",
            published_at=timezone.now() - timedelta(days=3),
        ),
        ArticleFactory(
            published=True,
            title="Newer piece",
            author=author,
            body="<p>Spravato is given in a certified clinic, with two hours of observation.</p>",
            published_at=timezone.now() - timedelta(days=1),
        ),
    ]
    hidden = [
        ArticleFactory(title="Draft piece"),
        ArticleFactory(title="Scheduled piece", scheduled=True),
        ArticleFactory(title="Archived piece", archived=True),
        ArticleFactory(title="In review piece", in_review=True),
    ]
    return published, hidden


def test_rss_feed_lists_published_articles_with_everything_a_reader_needs(client, articles):
    published, hidden = articles
    response = client.get(reverse("articles:feed"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")

    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Newer piece", "Older piece"]
    older = items[1]
    assert older.findtext("link") == "http://testserver" + published[0].get_absolute_url()
    # RSS's own <author> must be an e-mail address; we publish none, so the name goes in dc:creator.
    assert older.findtext(f"{DC}creator") == "Rosa Diaz, PMHNP-BC"
    assert [category.text for category in older.findall("category")] == ["Treatment basics", "Infusion"]
    assert older.findtext("description") == "What an infusion day is like."
    assert items[0].findtext("description") == published[1].summary  # no excerpt: the body's first words
    published_at = parsedate_to_datetime(older.findtext("pubDate"))
    assert published_at == published[0].published_at.replace(microsecond=0)
    for article in hidden:
        assert article.title.encode() not in response.content


def test_atom_feed_has_entries_with_author_names_and_only_published_articles(client, articles):
    published, hidden = articles
    response = client.get(reverse("articles:feed_atom"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")

    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Newer piece", "Older piece"]
    for entry in entries:
        assert entry.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Rosa Diaz, PMHNP-BC"
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/articles/")
        assert entry.findtext(f"{ATOM}summary")
        assert entry.findtext(f"{ATOM}published")
    assert [c.get("term") for c in entries[1].findall(f"{ATOM}category")] == ["Treatment basics", "Infusion"]
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/articles/feed/atom/"
    for article in hidden:
        assert article.title.encode() not in response.content


def test_feed_routes_win_over_an_article_slug(client):
    ArticleFactory(published=True, title="Feed", slug="feed")
    assert client.get("/articles/feed/")["Content-Type"].startswith("application/rss+xml")


@pytest.mark.parametrize("name", ["articles:feed", "articles:feed_atom"])
def test_feed_query_count_does_not_grow(client, django_assert_num_queries, name):
    client.get(reverse(name))  # the site profile is cached after the first request
    for batch in (1, 10):
        for _ in range(batch):
            ArticleFactory(published=True, category=CategoryFactory(), tags=TagFactory.create_batch(3))
        with django_assert_num_queries(FEED_QUERIES):
            assert client.get(reverse(name)).status_code == 200
