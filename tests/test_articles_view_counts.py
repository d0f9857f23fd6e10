import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
NOT_COUNTED = {
    "Googlebot": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "curl": "curl/8.5.0",
    "headless": BROWSER.replace("Chrome/", "HeadlessChrome/"),
    "Lighthouse": BROWSER + " Chrome-Lighthouse",
    "no agent": "",
}
MOST_READ_URL = reverse("admin:articles_mostreadarticle_changelist")


def _pixel(article):
    return reverse("articles:count_view", kwargs={"pk": article.pk})


def _count(article):
    return Article.objects.get(pk=article.pk).view_count


def test_article_page_embeds_the_pixel_once_after_the_body(client):
    article = ArticleFactory(published=True)
    html = client.get(article.get_absolute_url()).content.decode()
    pixel = (
        f'<img src="/articles/views/{article.pk}.gif" alt="" width="1" height="1" class="view-pixel" '
        'decoding="async">'
    )
    assert html.count(pixel) == 1
    assert html.index('class="article-body"') < html.index(pixel)


def test_previews_carry_no_pixel(client):
    article = ArticleFactory(in_review=True)
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Not published" in html and "view-pixel" not in html


def test_a_browser_counts_exactly_one_view_per_request(client):
    article = ArticleFactory(published=True)
    for expected in (1, 2, 3):
        response = client.get(_pixel(article), headers={"User-Agent": BROWSER, "Sec-Fetch-Dest": "image"})
        assert response.status_code == 200 and response["Content-Type"] == "image/gif"
        assert _count(article) == expected


@pytest.mark.parametrize("agent", NOT_COUNTED)
def test_bots_and_tools_are_not_counted(client, agent):
    article = ArticleFactory(published=True)
    response = client.get(_pixel(article), headers={"User-Agent": NOT_COUNTED[agent]})
    assert response.status_code == 200  # they still get an image, just no count
    assert _count(article) == 0


def test_prefetches_and_non_image_fetches_are_not_counted(client):
    article = ArticleFactory(published=True)
    client.get(_pixel(article), headers={"User-Agent": BROWSER, "Sec-Purpose": "prefetch"})
    client.get(_pixel(article), headers={"User-Agent": BROWSER, "Sec-Purpose": "prefetch;prerender"})
    client.get(_pixel(article), headers={"User-Agent": BROWSER, "Sec-Fetch-Dest": "document"})
    client.head(_pixel(article), headers={"User-Agent": BROWSER})
    assert _count(article) == 0


@pytest.mark.parametrize("state", [{}, {"in_review": True}, {"scheduled": True}, {"archived": True}])
def test_unpublished_articles_are_not_counted(client, state):
    article = ArticleFactory(**state)
    assert client.get(_pixel(article), headers={"User-Agent": BROWSER}).status_code == 200
    assert _count(article) == 0


def test_pixel_sets_no_cookie_and_is_never_cached(client):
    article = ArticleFactory(published=True)
    response = client.get(_pixel(article), headers={"User-Agent": BROWSER})
    assert not response.cookies and "Set-Cookie" not in response
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "no-cache" in cache_control and "max-age=0" in cache_control
    assert response["X-Robots-Tag"] == "noindex"


def test_article_page_sets_no_cookie_for_anonymous_readers_and_stays_cacheable(client):
    article = ArticleFactory(published=True)
    response = client.get(article.get_absolute_url(), headers={"User-Agent": BROWSER})
    assert not response.cookies
    cache_control = response.get("Cache-Control", "")
    assert "no-store" not in cache_control and "private" not in cache_control
    assert _count(article) == 0  # rendering the page counts nothing; only the pixel does


def test_counts_are_stored_in_the_database(client):
    article = ArticleFactory(published=True, view_count=41)
    client.get(_pixel(article), headers={"User-Agent": BROWSER})
    assert Article.objects.filter(pk=article.pk, view_count=42).exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the race needs PostgreSQL's concurrent writers"
)
def test_concurrent_views_are_all_counted():
    article = ArticleFactory(published=True)
    url, errors = _pixel(article), []

    def read_25_times():
        client = Client(headers={"User-Agent": BROWSER})
        try:
            for _ in range(25):
                if client.get(url).status_code != 200:
                    errors.append("status")
        except Exception as error:  # surfaced below; a thread's exception would vanish otherwise
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=read_25_times) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    assert _count(article) == 200


# The most-read list in the admin


@pytest.mark.parametrize("group", ["Editors", "Clinic staff"])
def test_most_read_lists_published_articles_by_views(client, group):
    quiet = ArticleFactory(published=True, title="Quiet piece", view_count=3)
    popular = ArticleFactory(published=True, title="Popular piece", view_count=250)
    middle = ArticleFactory(published=True, title="Middle piece", view_count=40)
    ArticleFactory(title="Draft with views", view_count=999)
    ArticleFactory(title="Archived with views", archived=True, view_count=998)
    client.force_login(member_of(group))

    response = client.get(MOST_READ_URL)

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [popular, middle, quiet]
    html = response.content.decode()
    assert html.index("Popular piece") < html.index("Middle piece") < html.index("Quiet piece")
    assert "Draft with views" not in html and "Archived with views" not in html
    assert f'<a href="{popular.get_absolute_url()}">Popular piece</a>' in html


def test_most_read_is_read_only_and_hidden_from_authors(client):
    article = ArticleFactory(published=True)
    client.force_login(member_of("Editors"))
    assert client.get(reverse("admin:articles_mostreadarticle_add")).status_code == 403
    assert client.post(reverse("admin:articles_mostreadarticle_delete", args=[article.pk])).status_code == 403
    html = client.get(reverse("admin:index")).content.decode()
    assert "Most-read articles" in html
    change = client.get(reverse("admin:articles_mostreadarticle_change", args=[article.pk]))
    assert change.status_code == 200
    assert 'type="submit"' not in change.content.decode().split('id="content"')[1]  # no save buttons

    client.force_login(member_of("Authors"))
    assert client.get(MOST_READ_URL).status_code == 403


def test_article_changelist_shows_view_counts_and_sorts_by_them(client):
    ArticleFactory(published=True, title="Read a lot", view_count=500)
    ArticleFactory(published=True, title="Read a little", view_count=5)
    client.force_login(member_of("Editors"))
    changelist = reverse("admin:articles_article_changelist")
    column = 1 + ["title", "status", "is_live", "author", "category", "published_at", "last_reviewed",
                  "view_count"].index("view_count")  # fmt: skip
    html = client.get(changelist).content.decode()
    assert 'class="sortable column-view_count' in html

    ascending = client.get(changelist, {"o": str(column)}).content.decode()
    descending = client.get(changelist, {"o": f"-{column}"}).content.decode()
    assert ascending.index("Read a little") < ascending.index("Read a lot")
    assert descending.index("Read a lot") < descending.index("Read a little")
