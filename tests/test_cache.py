"""Issue 11: whatever is cached is right for every worker at once, and the default cache is shared."""

import os
import threading

import pytest
import redis
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from domain.models import SiteProfile
from infrastructure import cache as content_cache
from infrastructure.cache import ResilientFileBasedCache
from infrastructure.url_language import language_key
from tests.factories import ArticleFactory
from tests.helpers import run_django

pytestmark = pytest.mark.django_db


def test_default_file_cache_is_shared_by_separate_worker_processes(tmp_path):
    env = {"DJANGO_DEBUG": "1", "DJANGO_CACHE_DIR": str(tmp_path)}
    writer = run_django(
        "from django.core.cache import cache; cache.set('shared', 'from worker 1', 60)", **env
    )
    assert writer.returncode == 0, writer.stderr
    reader = run_django("from django.core.cache import cache; print(cache.get('shared'))", **env)
    assert reader.returncode == 0, reader.stderr
    assert reader.stdout.strip() == "from worker 1"


def test_saved_crisis_line_is_read_by_the_next_request_with_no_stale_copy(client):
    client.get("/articles/")  # every page warms the cached profile
    with CaptureQueriesContext(connection) as queries:
        client.get("/articles/")
    assert not [query for query in queries if "clinic_siteprofile" in query["sql"]]
    profile = SiteProfile.objects.get_current()
    profile.crisis_line = "741741"
    profile.save()
    for path in ("/", "/articles/", "/conditions/", "/safety/", "/no-such-page/"):
        html = client.get(path).content.decode()
        assert 'href="tel:741741"' in html and 'href="tel:988"' not in html, path


def test_another_workers_cached_profile_is_not_used_after_a_save(client):
    old = SiteProfile.objects.get_current()
    # What a second worker holds in its memory is never consulted: only the shared generation counts.
    generation = content_cache.generation("clinic.siteprofile", "clinic.siteprofiletranslation")
    stale_key = f"values:{generation}:{language_key()}:site-profile"
    assert cache.get(stale_key)[0].crisis_line == old.crisis_line
    SiteProfile.objects.filter(pk=1).update(crisis_line="111")  # a write no signal saw: stays cached
    assert SiteProfile.objects.get_current().crisis_line == old.crisis_line
    SiteProfile.objects.get(pk=1).save()  # any real save starts a new generation
    assert SiteProfile.objects.get_current().crisis_line == "111"


def test_a_value_computed_while_its_model_changed_is_recomputed_before_it_is_kept():
    calls = []

    def compute():
        calls.append(1)
        if len(calls) == 1:
            content_cache.invalidate("clinic.siteprofile")  # a save lands while we read
            return "old"
        return "new"

    assert content_cache.get_or_compute("racy", compute, depends_on=["clinic.siteprofile"]) == "new"
    assert content_cache.get_or_compute("racy", compute, depends_on=["clinic.siteprofile"]) == "new"
    assert len(calls) == 2


def test_saving_an_article_does_not_drop_the_cached_site_profile(django_assert_num_queries):
    SiteProfile.objects.get_current()
    ArticleFactory(published=True)
    with django_assert_num_queries(0):
        SiteProfile.objects.get_current()


def test_sitemap_and_feed_show_a_published_article_at_once_though_the_sitemap_is_cached(client):
    client.get("/sitemap.xml")
    article = ArticleFactory(title="Fresh from the press")
    assert article.get_absolute_url() not in client.get("/sitemap.xml").content.decode()
    article.status, article.published_at = "published", article.created_at
    article.save()
    assert article.get_absolute_url() in client.get("/sitemap.xml").content.decode()
    assert "Fresh from the press" in client.get("/articles/feed/").content.decode()


def test_sitemap_is_served_from_the_cache_until_content_changes(client, django_assert_num_queries):
    SiteProfile.objects.get_current()
    ArticleFactory(published=True)
    first = client.get("/sitemap.xml").content
    with django_assert_num_queries(0):
        assert client.get("/sitemap.xml").content == first
    assert "max-age" not in client.get("/sitemap.xml").get("Cache-Control", "")


@pytest.mark.parametrize("path", ["/", "/articles/", "/articles/feed/"])
def test_a_page_reads_the_cached_site_profile_once(client, monkeypatch, path):
    client.get(path)
    reads = []
    get_current = SiteProfile.objects.get_current
    monkeypatch.setattr(SiteProfile.objects, "get_current", lambda: reads.append(1) or get_current())
    assert client.get(path).status_code == 200
    assert len(reads) == 1  # view, context processor and crisis-token middleware share it


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (CI's PostgreSQL run sets it)")
def test_pages_reuse_the_workers_redis_client_instead_of_building_one_per_cache_call(client, monkeypatch):
    """Building a redis.Redis costs ~300 response callbacks: once per worker, never per call (issue 12)."""
    client.get("/")
    built, commands = [], []
    build, execute = redis.Redis.__init__, redis.Redis.execute_command
    monkeypatch.setattr(
        redis.Redis, "__init__", lambda *args, **kwargs: built.append(1) or build(*args, **kwargs)
    )
    monkeypatch.setattr(
        redis.Redis, "execute_command", lambda *args, **kwargs: commands.append(1) or execute(*args, **kwargs)
    )
    for path in ("/articles/", "/conditions/", "/sitemap.xml"):
        assert client.get(path).status_code == 200, path
    assert commands  # the pages did ask Redis
    assert built == []


def test_only_one_of_many_concurrent_adds_wins_on_the_file_cache(tmp_path):
    files = ResilientFileBasedCache(str(tmp_path), {})
    wins, start = [], threading.Barrier(20)

    def add():
        start.wait()
        wins.append(files.add("render-lock", 1, 5))

    threads = [threading.Thread(target=add) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wins.count(True) == 1
    assert files.add("render-lock", 2, 5) is False and files.get("render-lock") == 1
    files.set("expired", 1, -1)
    assert files.add("expired", 3, 5) is True and files.get("expired") == 3
