import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.views.defaults import server_error
from django_redis.cache import RedisCache

from clinic.core.models import SiteProfile
from tests.helpers import PROJECT_DIR, run_django, settings_value

GOOD_KEY = secrets.token_urlsafe(50)


def test_default_database_is_sqlite_file_in_project_folder():
    db = settings_value('settings.DATABASES["default"]', DJANGO_DEBUG="1")
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(db["NAME"]) == PROJECT_DIR / "db.sqlite3"


def test_database_url_selects_postgresql_with_reused_checked_connections():
    db = settings_value(
        'settings.DATABASES["default"]',
        DJANGO_DEBUG="1",
        DATABASE_URL="postgres://clinic:s3cret@db.internal:6543/clinic_prod",
    )
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["PORT"], db["NAME"], db["USER"]) == ("db.internal", 6543, "clinic_prod", "clinic")
    assert db["CONN_MAX_AGE"] == 600 and db["CONN_HEALTH_CHECKS"] is True


def test_redis_url_selects_django_redis_and_the_default_is_shared_by_all_workers():
    default_cache = settings_value('settings.CACHES["default"]', DJANGO_DEBUG="1")
    redis_cache = settings_value(
        'settings.CACHES["default"]', DJANGO_DEBUG="1", REDIS_URL="redis://cache:6379/2"
    )
    # Issue 11: no per-process locmem by default; a file cache in the project folder, shared by all workers.
    assert default_cache["BACKEND"] == "clinic.core.cache.ResilientFileBasedCache"
    assert Path(default_cache["LOCATION"]) == PROJECT_DIR / ".cache"
    # django-redis's cache (no private API of Django's backend), wrapped so that an outage is served around.
    assert redis_cache["BACKEND"] == "clinic.core.cache.ResilientRedisCache"
    assert redis_cache["LOCATION"] == "redis://cache:6379/2"
    from clinic.core.cache import ResilientRedisCache

    assert issubclass(ResilientRedisCache, RedisCache)


@pytest.mark.parametrize(
    "key",
    ["", "short-key", "django-insecure-" + "x" * 60, "a" * 60, "changeme-" + secrets.token_urlsafe(50)],
    ids=["missing", "short", "django-insecure", "one-character", "changeme"],
)
def test_insecure_secret_key_is_refused_with_debug_off(key):
    result = run_django("print('started')", DJANGO_DEBUG="0", DJANGO_SECRET_KEY=key)
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_random_secret_key_is_accepted_with_debug_off():
    result = run_django("print('started')", DJANGO_DEBUG="0", DJANGO_SECRET_KEY=GOOD_KEY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "started"


def test_deploy_check_reports_no_issues_with_production_environment():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    env.update(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=GOOD_KEY, DJANGO_ALLOWED_HOSTS="clinic.example.org")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_healthz_answers_200_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "storage": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_naming_the_database_when_it_is_unreachable():
    # A real connection attempt to a port where nothing listens, in a separate process.
    result = run_django(
        "from django.test import Client\n"
        "r = Client(raise_request_exception=False).get('/healthz')\n"
        "print(r.status_code); print(r.content.decode())",
        DJANGO_DEBUG="1",
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL="postgres://nobody@127.0.0.1:9/nowhere",
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()
    assert status == "503"
    assert json.loads(body) == {"status": "unavailable", "unavailable": ["database"]}
    assert "Traceback" not in body


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (CI's PostgreSQL run sets it)")
@pytest.mark.django_db
def test_healthz_uses_the_real_redis_cache(client):
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    assert client.get("/healthz").json()["checks"]["cache"] == "ok"


@pytest.mark.django_db
def test_unknown_page_gets_the_styled_404_with_site_navigation(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We can't find that page" in html
    assert '<nav class="site-nav" aria-label="Main">' in html
    assert "988" in html


@pytest.mark.django_db
def test_500_page_renders_without_touching_the_database(django_assert_num_queries):
    request = RequestFactory().get("/broken/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html and "988" in html


@pytest.mark.django_db
def test_base_template_has_landmarks_skip_link_and_clinic_details(client):
    profile = SiteProfile.objects.get_current()
    profile.name = "Harbor Light Clinic"
    profile.phone = "(555) 010-0199"
    profile.save()
    html = client.get(reverse("home")).content.decode()
    assert '<html lang="en">' in html
    assert html.index('class="skip-link" href="#main"') < html.index("<header")
    assert html.count('<main id="main"') == 1
    assert '<nav class="site-nav" aria-label="Main">' in html
    assert 'role="search"' in html and 'for="site-search-q"' in html
    footer = html[html.index("<footer") :]
    assert "Harbor Light Clinic" in footer and 'href="tel:5550100199"' in footer
    assert "988" in footer and "Medical disclaimer" in footer


@pytest.mark.django_db
def test_pages_load_nothing_from_other_hosts(client):
    html = client.get(reverse("home")).content.decode()
    for attribute in ('src="http', "src='http", 'href="//', 'src="//'):
        assert attribute not in html
    assert 'rel="stylesheet" href="http' not in html


@pytest.mark.django_db
def test_admin_is_titled_with_the_clinic_name(client):
    profile = SiteProfile.objects.get_current()
    profile.name = "Harbor Light Clinic"
    profile.save()
    html = client.get("/admin/login/").content.decode()
    assert "Harbor Light Clinic admin" in html  # title and branding


@pytest.mark.django_db
def test_site_profile_is_cached_so_pages_do_not_query_it_each_time(client):
    client.get("/no-such-page/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/no-such-page/").status_code == 404
    assert not [query for query in queries if "clinic_siteprofile" in query["sql"]]
    profile = SiteProfile.objects.get_current()
    profile.name = "Renamed Clinic"
    profile.save()  # saving drops the cached copy, so the change shows at once
    assert "Renamed Clinic" in client.get("/no-such-page/").content.decode()


@pytest.mark.django_db
def test_an_expired_form_gets_a_clear_page_that_keeps_the_site_and_crisis_help():
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post("/safety/check/", {"q1": "yes"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Please send the form again" in html and "Nothing you entered was saved" in html
    assert '<nav class="site-nav" aria-label="Main">' in html and "988" in html
    assert "CSRF verification failed" not in html


@pytest.mark.django_db
def test_browser_features_the_site_never_uses_are_switched_off(client):
    for url in ("/", reverse("admin:login")):
        policy = client.get(url)["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
            assert feature in policy, (url, feature)
