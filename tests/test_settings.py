"""Settings from the environment: the database, the cache, the secret key, and the deploy checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django_redis.cache import RedisCache

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
    assert default_cache["BACKEND"] == "infrastructure.cache.ResilientFileBasedCache"
    assert Path(default_cache["LOCATION"]) == PROJECT_DIR / ".cache"
    # django-redis's cache (no private API of Django's backend), wrapped so that an outage is served around.
    assert redis_cache["BACKEND"] == "infrastructure.cache.ResilientRedisCache"
    assert redis_cache["LOCATION"] == "redis://cache:6379/2"
    from infrastructure.cache import ResilientRedisCache

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
