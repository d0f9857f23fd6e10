import io
from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    ConditionFactory,
    ReferenceFactory,
    TagFactory,
    UserFactory,
    member_of,
)
from tests.helpers import ARTICLE_PAGE_QUERIES

pytestmark = pytest.mark.django_db

# Measured once with an anonymous reader and a warm site-profile cache; must not grow with content.
LIST_PAGE_QUERIES = 2  # count, articles with author and category (cards list no tags)
ARCHIVE_PAGE_QUERIES = 3  # the category, count, articles
# The article page's count (ARTICLE_PAGE_QUERIES) is in tests/helpers.py: the page tests pin it too.

STATES = {
    "draft": {},
    "in_review": {"in_review": True},
    "published": {"published": True},
    "scheduled": {"scheduled": True},
    "archived": {"archived": True},
}


def _jpeg(size=(64, 36)):
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, format="JPEG")
    return ContentFile(out.getvalue(), name="photo.jpg")


def _warm(client):
    client.get(reverse("articles:list"))  # the site profile is cached after the first page


def test_list_shows_published_articles_newest_first_and_nothing_else(client):
    older = ArticleFactory(published=True, title="Older piece")
    newer = ArticleFactory(
        published=True, title="Newer piece", published_at=timezone.now() - timedelta(hours=1)
    )
    hidden = [
        ArticleFactory(title=f"Hidden {state}", **traits)
        for state, traits in STATES.items()
        if state != "published"
    ]

    html = client.get(reverse("articles:list")).content.decode()

    assert html.index(newer.title) < html.index(older.title)
    for article in hidden:
        assert article.title not in html, article.status


def test_list_paginates_by_ten_and_bad_pages_are_404_not_500(client):
    ArticleFactory.create_batch(11, published=True)
    first = client.get(reverse("articles:list"))
    second = client.get(reverse("articles:list") + "?page=2")

    assert len(first.context["page_obj"]) == 10
    assert len(second.context["page_obj"]) == 1
    assert 'aria-label="Pagination"' in first.content.decode()
    assert 'href="?page=2"' in first.content.decode()
    for bad in ("abc", "99999", "0", "-1", "2" * 2000):
        assert client.get(reverse("articles:list"), {"page": bad}).status_code == 404, bad
    assert client.get(reverse("articles:list"), {"page": "last"}).status_code == 200


def test_pagination_links_keep_other_query_parameters(client):
    ArticleFactory.create_batch(11, published=True)
    html = client.get(reverse("articles:list"), {"utm": "x y"}).content.decode()
    assert 'href="?utm=x+y&amp;page=2"' in html


@pytest.mark.parametrize("state", STATES)
def test_detail_visibility_to_the_public(client, state):
    article = ArticleFactory(**STATES[state])
    expected = 200 if state == "published" else 404
    assert client.get(article.get_absolute_url()).status_code == expected


def test_unknown_slug_is_404(client):
    assert client.get(reverse("articles:detail", kwargs={"slug": "no-such-article"})).status_code == 404


@pytest.mark.parametrize("state", STATES)
def test_is_public_agrees_with_published_queryset(state):
    article = ArticleFactory(**STATES[state])
    assert article.is_public == Article.objects.published().filter(pk=article.pk).exists()


def test_scheduled_article_goes_live_at_its_time(client, time_machine):
    article = ArticleFactory(scheduled=True)
    assert client.get(article.get_absolute_url()).status_code == 404
    assert article.title not in client.get(reverse("articles:list")).content.decode()

    time_machine.move_to(article.published_at + timedelta(minutes=1))

    assert client.get(article.get_absolute_url()).status_code == 200
    assert article.title in client.get(reverse("articles:list")).content.decode()


@pytest.mark.parametrize("state", ["draft", "in_review", "scheduled", "archived"])
def test_editor_previews_every_unpublished_state_with_a_banner_and_no_caching(client, state):
    article = ArticleFactory(**STATES[state])
    client.force_login(member_of("Editors"))

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert 'class="preview-banner"' in response.content.decode()
    assert "Not published" in response.content.decode()
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_published_article_has_no_preview_banner_for_staff(client):
    article = ArticleFactory(published=True, title="Live for everyone")
    client.force_login(member_of("Editors"))
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200 and "<h1>Live for everyone</h1>" in response.content.decode()
    assert "preview-banner" not in response.content.decode()
    assert "no-cache" not in response.get("Cache-Control", "")


def test_author_previews_own_draft_but_not_someone_elses(client):
    user = member_of("Authors")
    own = ArticleFactory(author=AuthorFactory(user=user))
    other = ArticleFactory()
    client.force_login(user)

    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404


def test_view_only_clinic_staff_and_plain_users_get_404_for_drafts(client):
    article = ArticleFactory(in_review=True)
    for user in (member_of("Clinic staff"), UserFactory(is_staff=False)):
        client.force_login(user)
        assert client.get(article.get_absolute_url()).status_code == 404


def test_article_page_shows_what_readers_need(client):
    author = AuthorFactory(display_name="Rosa Diaz", credentials="PMHNP-BC", slug="rosa-diaz")
    reviewer = AuthorFactory(display_name="Dana Whitfield", credentials="MD", may_review=True)
    article = ArticleFactory(
        published=True,
        title="What an infusion day is like",
        dek="From check-in to the ride home.",
        author=author,
        reviewer=reviewer.person,
        last_reviewed=date(2026, 3, 2),
        key_takeaways="You will be monitored throughout.\n\nBring someone to drive you home.",
        body="<p>Plan for <strong>two hours</strong>.</p>",
        original_publication_name="Psychiatry Weekly",
        original_publication_url="https://example.org/infusion-day",
        featured_image=_jpeg(),
        featured_image_alt="An empty, sunlit treatment room",
        featured_image_caption="A treatment room at the clinic.",
    )
    ReferenceFactory(article=article, order=2, text="Second study.", url="", doi="10.1000/second")
    ReferenceFactory(article=article, order=1, text="First study.", url="https://example.org/first")

    html = client.get(article.get_absolute_url()).content.decode()

    assert "<h1>What an infusion day is like</h1>" in html
    assert "From check-in to the ride home." in html
    assert '<a href="/articles/author/rosa-diaz/">Rosa Diaz, PMHNP-BC</a>' in html
    assert "Medically reviewed by" in html and "Dana Whitfield, MD</a> on" in html
    assert '<time datetime="2026-03-02">' in html
    assert "min read" in html
    assert 'width="64" height="36" alt="An empty, sunlit treatment room"' in html
    assert "<figcaption>A treatment room at the clinic.</figcaption>" in html
    assert "<li>You will be monitored throughout.</li><li>Bring someone to drive you home.</li>" in html
    assert "<strong>two hours</strong>" in html
    assert 'Originally published in <a href="https://example.org/infusion-day"' in html
    assert html.index("First study.") < html.index("Second study.")
    assert 'href="https://doi.org/10.1000/second"' in html
    assert '<a href="https://example.org/first"' in html


def test_article_page_omits_empty_parts(client):
    article = ArticleFactory(
        published=True,
        reviewer=None,
        last_reviewed=None,
        key_takeaways="",
        title="Bare",
        body="<p>Only this.</p>",
    )
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Bare</h1>" in html and "<p>Only this.</p>" in html  # the page, with what was written
    for absent in ("Medically reviewed by", "Key takeaways", "References", "Originally published", "<figure"):
        assert absent not in html


def test_related_conditions_show_only_listed_ones_and_the_crisis_box_follows_them(client):
    depression = ConditionFactory(name="Depression", show_crisis_help=True)
    ptsd = ConditionFactory(name="PTSD")
    hidden = ConditionFactory(name="Hidden condition", is_listed=False, show_crisis_help=True)
    with_crisis = ArticleFactory(published=True, related_conditions=[depression, ptsd])
    without_crisis = ArticleFactory(published=True, related_conditions=[ptsd, hidden])

    html = client.get(with_crisis.get_absolute_url()).content.decode()
    assert f'href="{depression.get_absolute_url()}"' in html and "PTSD" in html
    assert 'class="crisis-box"' in html

    html = client.get(without_crisis.get_absolute_url()).content.decode()
    assert "PTSD" in html
    assert "Hidden condition" not in html
    assert 'class="crisis-box"' not in html


@pytest.mark.parametrize("kind", ["category", "tag", "author"])
def test_archives_list_only_that_archives_published_articles(client, kind):
    factories = {"category": CategoryFactory, "tag": TagFactory, "author": AuthorFactory}
    archive = factories[kind]()
    field = {"category": "category", "tag": "tags", "author": "author"}[kind]
    value = [archive] if kind == "tag" else archive
    inside = ArticleFactory(published=True, title="Inside the archive", **{field: value})
    draft = ArticleFactory(title="A draft in the archive", **{field: value})
    outside = ArticleFactory(published=True, title="Somewhere else")

    response = client.get(archive.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert inside.title in html
    assert draft.title not in html and outside.title not in html


@pytest.mark.parametrize("name", ["articles:category", "articles:tag", "articles:author"])
def test_archive_with_unknown_slug_is_404(client, name):
    assert client.get(reverse(name, kwargs={"slug": "nothing-here"})).status_code == 404


def test_known_category_without_articles_is_an_empty_page(client):
    category = CategoryFactory(name="Research news", description="New studies, explained.")
    response = client.get(category.get_absolute_url())
    assert response.status_code == 200
    assert "<h1>Research news</h1>" in response.content.decode()
    assert "No articles here yet." in response.content.decode()


def test_author_archive_shows_the_authors_bio(client):
    author = AuthorFactory(display_name="Sam Lee", credentials="PhD", bio="Sam writes about therapy.")
    html = client.get(author.get_absolute_url()).content.decode()
    assert "<h1>Sam Lee, PhD</h1>" in html and "Sam writes about therapy." in html


def test_list_page_query_count_does_not_grow(client, django_assert_num_queries):
    _warm(client)
    for batch in (1, 12):
        for _ in range(batch):
            ArticleFactory(published=True, tags=TagFactory.create_batch(3), category=CategoryFactory())
        with django_assert_num_queries(LIST_PAGE_QUERIES):
            assert client.get(reverse("articles:list")).status_code == 200


def test_archive_page_query_count_does_not_grow(client, django_assert_num_queries):
    category = CategoryFactory()
    _warm(client)
    for batch in (1, 12):
        ArticleFactory.create_batch(batch, published=True, category=category, tags=TagFactory.create_batch(2))
        with django_assert_num_queries(ARCHIVE_PAGE_QUERIES):
            assert client.get(category.get_absolute_url()).status_code == 200


def test_detail_page_query_count_does_not_grow(client, django_assert_num_queries):
    article = ArticleFactory(published=True)
    _warm(client)
    for batch in (1, 8):
        article.tags.add(*TagFactory.create_batch(batch))
        ReferenceFactory.create_batch(batch, article=article)
        article.related_conditions.add(*ConditionFactory.create_batch(batch, show_crisis_help=True))
        with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
            assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan is PostgreSQL's")
def test_a_category_archive_counts_its_articles_from_the_index_alone():
    category, other = CategoryFactory.create_batch(2)
    ArticleFactory.create_batch(3, published=True, category=category)
    ArticleFactory.create_batch(3, published=True, category=other)
    with CaptureQueriesContext(connection) as captured:
        assert Article.objects.published().filter(category=category).count() == 3  # as the paginator counts
    with connection.cursor() as cursor:
        # A handful of rows, where reading the table or a bitmap would be cheaper: give the planner their
        # statistics, take those two away, and see which index it counts from.
        cursor.execute("ANALYZE articles_article")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN {captured[0]['sql']}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using article_category_keys_idx" in plan
