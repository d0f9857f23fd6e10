"""A change drops only the cached pages that show it (issue 22): one table says which, for each change.

Each test caches every page of a small site, makes one change, then asks for every page again: the pages
rendered anew must be exactly the table's, and every page served must be what a fresh render shows (nothing
stale, whatever the table says).
"""

import gzip
import threading
import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from domain.models import SiteProfile, SynonymSet
from infrastructure import cache_tags
from infrastructure.page_cache import PageCacheMiddleware
from tests.factories import (
    AdministrationRouteFactory,
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    ConditionFactory,
    ConditionRouteFactory,
    ContraindicationFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

LISTS_OF_ARTICLES = {"home", "articles", "feed", "author", "category", "depression", "depression-articles"}
# The sitemap (lastmod) changes with any content; search results with any article, condition or route.
SEARCHED = {"sitemap", "search"}

# For each change: the pages it drops. Everything else must be served from the cache, unrendered.
DROPPED = {
    # Its page; its neighbours' (their previous/next links show its title); every page listing it.
    "an article's title": {
        "older",
        "middle",
        "newer",
        "home",
        "articles",
        "feed",
        "author",
        "category",
        *SEARCHED,
    },
    # Its page and its neighbour's; every list of articles (its lists may now hold it); no other article's.
    "a newly published article": {"newest", "newer", *LISTS_OF_ARTICLES, *SEARCHED},
    # Its page (it names its conditions), every list of articles (the condition's lists it now joins), and
    # its neighbour's page, which shows its title: any change to an article drops the pages that show it.
    "an article newly about a condition": {"older", "middle", *LISTS_OF_ARTICLES, *SEARCHED},
    # Its page, the pages that list conditions, and the pages that name it: its article, its route.
    "a condition's summary": {
        "depression",
        "depression-articles",
        "conditions",
        "newer",
        "route",
        "home",
        *SEARCHED,
    },
    # Its page and the lists of routes (home, treatments); the condition it treats and that condition's
    # article show its emergency advice; the safety page groups items by route.
    "a route's emergency signs": {"route", "treatments", "home", "depression", "newer", "safety", *SEARCHED},
    # The safety page lists it; the route it applies to, and the condition treated by that route, show it.
    "a contraindication's explanation": {"safety", "route", "depression", "sitemap"},
    # The crisis line is on every page.
    "the site profile's crisis line": "every page",
    # What a search's words mean: search results, and the sitemap (which changes with any content).
    "a new synonym set": {"search", "sitemap"},
}


@pytest.fixture
def site():
    SiteProfile.objects.get_current()
    author = AuthorFactory()
    category = CategoryFactory(name="Research")
    depression = ConditionFactory(name="Depression")
    route = AdministrationRouteFactory(name="Intravenous infusion")
    ConditionRouteFactory(condition=depression, route=route)
    contraindication = ContraindicationFactory(name="Uncontrolled high blood pressure", routes=[route])

    def published(title, hours_ago, **kwargs):
        when = timezone.now() - timedelta(hours=hours_ago)
        return ArticleFactory(published=True, title=title, author=author, published_at=when, **kwargs)

    older = published("Older", 72)
    middle = published("Middle", 48, category=category)
    newer = published("Newer", 24, category=category)
    newer.related_conditions.add(depression)
    objects = locals()
    paths = {
        "home": "/",
        "articles": "/articles/",
        "feed": "/articles/feed/",
        "older": older.get_absolute_url(),
        "middle": middle.get_absolute_url(),
        "newer": newer.get_absolute_url(),
        "author": author.get_absolute_url(),
        "category": category.get_absolute_url(),
        "conditions": "/conditions/",
        "depression": depression.get_absolute_url(),
        "depression-articles": f"/articles/condition/{depression.slug}/",
        "treatments": "/treatments/",
        "route": route.get_absolute_url(),
        "safety": "/safety/",
        "sitemap": "/sitemap.xml",
        "search": "/search/?q=newest",
    }
    return {"objects": objects, "paths": paths}


def _change(name, objects, paths):
    if name == "an article's title":
        middle = objects["middle"]
        middle.title = "Middle, retitled"
        middle.save()
    elif name == "a newly published article":
        article = ArticleFactory(title="Newest", author=objects["author"])  # a draft: nothing dropped yet
        article.published_at = timezone.now() - timedelta(minutes=5)
        article.status = "published"
        article.save()
        paths["newest"] = article.get_absolute_url()
    elif name == "an article newly about a condition":
        objects["older"].related_conditions.add(objects["depression"])
    elif name == "a condition's summary":
        condition = objects["depression"]
        condition.summary = "A changed summary of depression."
        condition.save()
    elif name == "a route's emergency signs":
        route = objects["route"]
        route.emergency_signs = "Chest pain or a racing heart."
        route.save()
    elif name == "a contraindication's explanation":
        contraindication = objects["contraindication"]
        contraindication.explanation = "A changed explanation."
        contraindication.save()
    elif name == "a new synonym set":
        SynonymSet.objects.create(terms="newest, most recent")
    elif name == "the site profile's crisis line":
        profile = SiteProfile.objects.get_current()
        profile.crisis_line = "741741"
        profile.save()


def _serve_all(client, paths):
    """Return {page: (rendered?, body)} for every page."""
    served = {}
    for page, path in paths.items():
        response = client.get(path)
        assert response.status_code == 200, path
        served[page] = (getattr(response.wsgi_request, "page_cache", None) == "miss", response.content)
    return served


@pytest.mark.parametrize("change", DROPPED)
def test_a_change_drops_exactly_the_pages_that_show_it(client, site, settings, change):
    paths = site["paths"]
    _serve_all(client, paths)
    assert not any(rendered for rendered, _ in _serve_all(client, paths).values())  # all cached now

    _change(change, site["objects"], paths)
    served = _serve_all(client, paths)

    dropped = {page for page, (rendered, _) in served.items() if rendered}
    expected = set(paths) if DROPPED[change] == "every page" else DROPPED[change]
    assert dropped == expected, f"also: {sorted(dropped - expected)}; not: {sorted(expected - dropped)}"
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = False  # fresh: no cached block either (domain/templatetags/fragments.py)
    for page, path in paths.items():
        assert served[page][1] == client.get(path).content, f"{page} is stale after {change}"


def test_publishing_an_article_leaves_the_other_article_pages_cached_and_their_lists_current(client, site):
    paths = site["paths"]
    _serve_all(client, paths)
    newest = ArticleFactory(published=True, title="Just published", author=site["objects"]["author"])
    # "Older" does not neighbour the new article: its page stays, yet its recent articles list the new one.
    response = client.get(paths["older"])
    assert response.wsgi_request.page_cache == "hit"
    assert f'<a href="{newest.get_absolute_url()}">Just published</a>' in response.content.decode()


def test_pages_name_their_tags_for_a_cdn_that_purges_by_tag(client, site):
    article = site["objects"]["newer"]
    response = client.get(site["paths"]["newer"])
    tags = response["Surrogate-Key"].split()
    assert f"articles.article:{article.pk}" in tags
    assert f"conditions.condition:{site['objects']['depression'].pk}" in tags
    assert response["Cache-Tag"].split(",") == tags


# Single flight: after a change, one request renders the page, whatever number of readers ask at once.


class SlowPage:
    """A view that takes a while to render and counts its renders."""

    def __init__(self):
        self.renders = 0
        self.version = "first"
        self.lock = threading.Lock()

    def __call__(self, request):
        with self.lock:
            self.renders += 1
        cache_tags.shows("test.page:1")
        time.sleep(0.3)
        return HttpResponse(f"<p>{self.version} version of the page, long enough to compress well.</p>" * 5)


def _concurrently(middleware, count):
    bodies, errors = [], []

    def read():
        try:
            response = middleware(RequestFactory().get("/a-page/"))
            bodies.append(response.content.decode())
        except Exception as error:  # surfaced by the assertion below
            errors.append(error)
        finally:
            connection.close()  # each thread's own connection: none may outlive the test database

    threads = [threading.Thread(target=read) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    return bodies


def test_after_a_change_twenty_readers_at_once_cause_one_render_and_get_the_previous_page_meanwhile():
    cache.clear()
    view = SlowPage()
    middleware = PageCacheMiddleware(view)
    _concurrently(middleware, 1)
    assert view.renders == 1

    view.version = "second"
    cache_tags.invalidate(["test.page:1"])
    bodies = _concurrently(middleware, 20)

    assert view.renders == 2  # one render for the change, not twenty
    assert len(bodies) == 20 and all("version of the page" in body for body in bodies)
    assert sum("first version" in body for body in bodies) >= 18  # the others got the previous copy
    assert "second version" in middleware(RequestFactory().get("/a-page/")).content.decode()
    assert view.renders == 2


def test_twenty_readers_of_a_page_never_kept_wait_for_one_render():
    cache.clear()
    view = SlowPage()
    bodies = _concurrently(PageCacheMiddleware(view), 20)
    assert view.renders == 1
    assert len(bodies) == 20 and all("first version" in body for body in bodies)


def test_an_article_page_filled_at_serve_time_is_sent_compressed_and_whole(client, site):
    path = site["paths"]["older"]
    assert b"Recent articles" in client.get(path).content
    for number in range(2):  # kept, then after a publication changes what fills it
        compressed = client.get(path, headers={"accept-encoding": "gzip"})
        assert compressed["Content-Encoding"] == "gzip"
        assert gzip.decompress(compressed.content) == client.get(path).content
        assert compressed["ETag"] == client.get(path)["ETag"]
        ArticleFactory(
            published=True, title=f"Published meanwhile {number}", author=site["objects"]["author"]
        )
    again = client.get(path, headers={"accept-encoding": "gzip"})
    assert b"Published meanwhile 1" in gzip.decompress(again.content)
