"""Issue 12: anonymous pages from the shared cache, right after every change, never anything private."""

import gzip
import uuid
from datetime import timedelta
from types import SimpleNamespace

import pytest
import time_machine
from django.core.cache import cache as shared_cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from domain.models import SiteProfile
from infrastructure import cache as content_cache
from infrastructure import cache_tags, page_cache
from tests.factories import ArticleFactory, ConditionFactory, ContraindicationFactory, UserFactory
from tests.helpers import PRESCREEN_GET_QUERIES
from tools.services import closed_port

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

CHECK_URL = reverse("conditions:check")


@pytest.fixture
def content():
    SiteProfile.objects.get_current()
    article = ArticleFactory(published=True, title="Sleep after an infusion")
    condition = ConditionFactory(name="Treatment-resistant depression")
    article.related_conditions.add(condition)
    ContraindicationFactory(screening_question="Do you have high blood pressure?")
    return {"article": article, "condition": condition}


def public_paths(content):
    article = content["article"]
    return [
        "/",
        "/articles/",
        article.get_absolute_url(),
        article.author.get_absolute_url(),
        "/articles/feed/",
        "/articles/feed/atom/",
        "/conditions/",
        content["condition"].get_absolute_url(),
        "/treatments/",
        "/safety/",
        "/search/?q=sleep",
        "/sitemap.xml",
    ]


def test_every_public_page_is_served_again_from_the_cache_without_a_query(
    client, content, django_assert_num_queries
):
    for path in public_paths(content):
        first = client.get(path)
        assert first.status_code == 200, path
        with django_assert_num_queries(0):
            again = client.get(path)
        assert again.content == first.content, path
        cache_control = again["Cache-Control"]
        assert "public" in cache_control and "s-maxage=1" in cache_control, path
        assert "stale-while-revalidate" in cache_control and "private" not in cache_control, path
        assert again["ETag"] == first["ETag"], path


def test_a_conditional_get_with_the_etag_answers_304(client, content):
    etag = client.get("/articles/")["ETag"]
    response = client.get("/articles/", headers={"if-none-match": etag})
    assert response.status_code == 304 and response["ETag"] == etag
    assert client.get("/articles/", headers={"if-none-match": 'W/"other"'}).status_code == 200


def test_cached_pages_are_sent_compressed_to_readers_who_accept_it(client, content):
    plain = client.get("/articles/")
    packed = client.get("/articles/", headers={"accept-encoding": "gzip, br"})
    assert "Content-Encoding" not in plain and packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert "Accept-Encoding" in packed["Vary"]


def test_publishing_and_unpublishing_show_at_once(client, content):
    client.get("/articles/")
    draft = ArticleFactory(title="Fresh from the press")
    assert "Fresh from the press" not in client.get("/articles/").content.decode()
    draft.status, draft.published_at = "published", timezone.now()
    draft.save()
    assert "Fresh from the press" in client.get("/articles/").content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 200
    draft.status = "archived"
    draft.save()
    assert "Fresh from the press" not in client.get("/articles/").content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_crisis_line_change_shows_on_every_cached_page_at_once(client, content):
    paths = [path for path in public_paths(content) if "feed" not in path and "xml" not in path]
    for path in paths:
        client.get(path)
    profile = SiteProfile.objects.get_current()
    profile.crisis_line = "741741"
    profile.save()
    for path in paths:
        html = client.get(path).content.decode()
        assert 'href="tel:741741"' in html and 'href="tel:988"' not in html, path


def test_a_changed_review_date_shows_at_once(client, content):
    article = content["article"]
    client.get(article.get_absolute_url())
    article.last_reviewed = timezone.localdate() - timedelta(days=3)
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert article.last_reviewed.isoformat() in html


def test_a_scheduled_article_appears_when_its_time_comes_though_nothing_was_saved(client, content):
    ArticleFactory(scheduled=True, title="Coming tomorrow")
    assert "Coming tomorrow" not in client.get("/articles/").content.decode()
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert "Coming tomorrow" in client.get("/articles/").content.decode()


def test_staff_with_a_session_are_never_served_or_stored_in_the_cache(
    client, content, django_assert_max_num_queries
):
    editor = UserFactory(is_staff=True, is_superuser=True)
    staff = Client()
    staff.force_login(editor)
    draft = ArticleFactory(title="Not yet public")
    preview = staff.get(draft.get_absolute_url())
    assert preview.status_code == 200 and "private" in preview["Cache-Control"]
    listing = staff.get("/articles/")
    assert "private" in listing["Cache-Control"] and "s-maxage" not in listing["Cache-Control"]
    assert client.get(draft.get_absolute_url()).status_code == 404  # the preview was never kept
    staff.get("/conditions/")
    staff_again = staff.get("/conditions/")
    assert "private" in staff_again["Cache-Control"]  # rendered afresh for staff, not from the cache


def test_the_pre_screen_is_never_cached_or_compressed(client, content, django_assert_num_queries):
    first = client.get(CHECK_URL, headers={"accept-encoding": "gzip"})
    assert "csrfmiddlewaretoken" in first.content.decode()
    with django_assert_num_queries(PRESCREEN_GET_QUERIES):  # rendered again: never from the cache
        second = client.get(CHECK_URL, headers={"accept-encoding": "gzip"})
    for response in (first, second):
        assert "Content-Encoding" not in response
        assert "s-maxage" not in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    answered = client.post(CHECK_URL, {"q1": "yes"}, headers={"accept-encoding": "gzip"})
    assert "Content-Encoding" not in answered and "s-maxage" not in answered["Cache-Control"]


def test_a_page_that_uses_a_csrf_token_is_neither_cached_nor_compressed(rf, settings):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from infrastructure.page_cache import PageCacheMiddleware, SafeGZipMiddleware

    def view(request):
        return HttpResponse(f"<form>{get_token(request)}</form>" + "x" * 500, content_type="text/html")

    calls = []

    def counted(request):
        calls.append(1)
        return view(request)

    stack = SafeGZipMiddleware(PageCacheMiddleware(counted))
    for _ in range(2):
        response = stack(rf.get("/articles/", headers={"accept-encoding": "gzip"}))
        assert "Content-Encoding" not in response and "s-maxage" not in response.get("Cache-Control", "")
    assert len(calls) == 2


def test_uncached_public_responses_are_compressed(client, content):
    response = client.get("/no-such-page/", headers={"accept-encoding": "gzip"})
    assert response.status_code == 404 and response["Content-Encoding"] == "gzip"


def test_a_condition_page_lists_ten_articles_and_links_to_all_of_them(client, content):
    condition = content["condition"]
    for article in ArticleFactory.create_batch(12, published=True):
        article.related_conditions.add(condition)
    html = client.get(condition.get_absolute_url()).content.decode()
    link = reverse("articles:condition", kwargs={"slug": condition.slug})
    section = html.split('id="articles-heading"', 1)[1].split("</section>", 1)[0]
    assert section.count("<li>") == 10 and f'href="{link}"' in section
    everything = client.get(link)
    assert everything.status_code == 200 and len(everything.context["page_obj"]) == 10
    assert client.get(link + "?page=2").context["page_obj"].paginator.count == 13
    condition.is_listed = False
    condition.save()
    assert client.get(link).status_code == 404


def test_a_repeated_hit_is_served_from_the_workers_memory_without_a_shared_cache_read(
    client, content, settings, monkeypatch
):
    settings.PAGE_CACHE_GENERATION_SECONDS = 60  # the remembered generation is trusted for the test
    first = client.get("/articles/")

    def no_shared_cache(*args, **kwargs):
        raise AssertionError("a repeated hit read the shared cache")

    no_cache = SimpleNamespace(get=no_shared_cache, get_many=no_shared_cache, set=no_shared_cache)
    monkeypatch.setattr(page_cache, "cache", no_cache)
    monkeypatch.setattr(cache_tags, "cache", no_cache)
    monkeypatch.setattr(content_cache, "generation", no_shared_cache)
    again = client.get("/articles/")
    assert again.content == first.content and again["ETag"] == first["ETag"]


def test_a_change_made_on_another_server_empties_each_workers_memory(client, content, settings):
    settings.PAGE_CACHE_GENERATION_SECONDS = 0  # read the generation on every request
    article = content["article"]
    assert ">Sleep after an infusion<" in client.get("/articles/").content.decode()
    # Another server saved the title: no signal here, only the tokens in the shared cache moved on.
    type(article).objects.filter(pk=article.pk).update(title="Rest after an infusion")
    shared_cache.set(cache_tags.EPOCH_KEY, "moved on by another server")
    shared_cache.set(cache_tags._key(cache_tags.object_tag(type(article), article.pk)), "another server's")
    html = client.get("/articles/").content.decode()
    assert ">Rest after an infusion<" in html and ">Sleep after an infusion<" not in html


def test_a_workers_memory_keeps_within_its_bound_and_drops_the_oldest_page():
    pages = page_cache.LocalPages(max_bytes=250)
    for name in "abc":
        pages.put(name, {"body": b"x" * 100, "gzip": None})
    assert pages.size <= 250
    assert pages.get("a") is None and pages.get("c") is not None
    pages.put("c", {"body": b"y" * 10, "gzip": b"z" * 5})  # a new copy of a page replaces the old one
    assert pages.size == 115 and pages.get("c")["body"] == b"y" * 10
    pages.put("big", {"body": b"w" * 300, "gzip": None})  # larger than the bound: never kept
    assert pages.get("big") is None and pages.size == 115


def test_cached_pages_keep_the_security_headers_and_plain_http_is_still_redirected(client, content, settings):
    settings.SECURE_SSL_REDIRECT = True
    first = client.get("/conditions/", secure=True)
    again = client.get("/conditions/", secure=True)
    kept = ("X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Content-Security-Policy")
    for header in kept:
        assert again[header] == first[header], header
    assert again["ETag"] == first["ETag"]  # served from the cache
    plain = client.get("/conditions/")
    assert plain.status_code == 301 and plain["Location"].startswith("https://")


# Issue 19: what the page cache keeps is bounded, whatever anonymous readers put in the query string.


class CountedCache:
    """A cache, recording the key of every entry written into it whose key holds `marker`."""

    def __init__(self, real, marker):
        self.real = real
        self.marker = marker
        self.keys = set()

    def __getattr__(self, name):
        return getattr(self.real, name)

    def set(self, key, *args, **kwargs):
        if self.marker in key:
            self.keys.add(key)
        return self.real.set(key, *args, **kwargs)


@pytest.fixture
def kept_pages(monkeypatch):
    counted = CountedCache(page_cache.cache, "page:")
    monkeypatch.setattr(page_cache, "cache", counted)
    return counted.keys


def random_token():
    return uuid.uuid4().hex[:12]


def test_tracking_parameters_keep_no_extra_pages(client, content, kept_pages):
    plain = {path: client.get(path).content for path in ("/", "/articles/", "/conditions/")}
    for n in range(200):
        path = list(plain)[n % len(plain)]
        token = random_token()
        response = client.get(f"{path}?utm_x={token}&fbclid={token}")
        assert response.status_code == 200
        assert response.content == plain[path], path  # the reader gets the page, nothing of the tracker
    assert len(kept_pages) == len(plain)


def test_a_paginated_list_keeps_one_page_per_page_number_and_drops_the_rest(
    client, content, kept_pages, django_assert_num_queries
):
    ArticleFactory.create_batch(12, published=True)
    second = client.get("/articles/?utm_source=newsletter&page=2")
    assert second.context["page_obj"].number == 2
    html = second.content.decode()
    assert 'href="?page=1"' in html and "utm_source" not in html  # the kept page links to no tracker
    with django_assert_num_queries(0):
        again = client.get("/articles/?page=2&utm_campaign=spring")
    assert again.content == second.content
    first = client.get("/articles/?utm_source=other")
    assert first.content != second.content and 'href="?page=2"' in first.content.decode()
    assert len(kept_pages) == 2


def test_search_keeps_one_page_per_search_whatever_else_the_address_holds(
    client, content, kept_pages, django_assert_num_queries
):
    found = client.get("/search/?utm_source=x&q=sleep")
    assert "Sleep after an infusion" in found.content.decode()
    with django_assert_num_queries(0):
        assert client.get("/search/?q=sleep&ref=y").content == found.content
    paged = client.get("/search/?page=1&q=sleep")
    with django_assert_num_queries(0):
        assert client.get("/search/?q=sleep&page=1").content == paged.content  # the order doesn't matter
    other = client.get("/search/?q=driving&utm_source=x").content.decode()
    assert "Sleep after an infusion" not in other and "“driving”" in other
    assert len(kept_pages) == 3


def test_pages_kept_for_one_address_are_capped_and_the_plain_page_is_still_kept(
    client, content, kept_pages, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_VARIANTS_PER_PATH = 5
    for _ in range(30):
        word = random_token()
        html = client.get(f"/search/?q={word}").content.decode()
        assert f"for “{word}”" in html  # each reader still gets the answer to their own search
    assert len(kept_pages) == settings.PAGE_CACHE_VARIANTS_PER_PATH
    client.get("/search/")
    with django_assert_num_queries(0):
        client.get("/search/")  # the searches' slots do not crowd out the page without a query
    assert len(kept_pages) == settings.PAGE_CACHE_VARIANTS_PER_PATH + 1


def test_the_sitemap_keeps_one_copy_whatever_the_query_string_even_past_the_page_cache(
    client, content, monkeypatch, settings
):
    counted = CountedCache(content_cache.cache, ":view:")
    monkeypatch.setattr(content_cache, "cache", counted)
    client.cookies[settings.SESSION_COOKIE_NAME] = "made-up"  # the page cache lets it by, to the view's cache
    first = client.get("/sitemap.xml").content
    for _ in range(20):
        assert client.get(f"/sitemap.xml?x={random_token()}").content == first
    assert len(counted.keys) == 1


def test_the_sitemap_page_number_still_reaches_the_sitemap(client, content):
    assert client.get("/sitemap-articles.xml?p=1&utm_x=1").status_code == 200
    assert client.get("/sitemap-articles.xml?p=2").status_code == 404  # one page of URLs only


def test_pages_are_served_and_nothing_is_kept_while_the_shared_cache_does_not_answer(
    client, content, kept_pages, settings, production_redis_cache
):
    settings.CACHES = production_redis_cache(f"redis://127.0.0.1:{closed_port()}/0")
    for path in ("/", "/articles/?page=1", "/search/?q=sleep"):
        assert client.get(path).status_code == 200, path
    assert kept_pages == set()
