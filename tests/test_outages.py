"""Issue 11: outages of the cache and the database, played with real services or closed ports.

Redis: pages come from the database, and nothing stale survives. PostgreSQL: readers get a styled 503 page
with the crisis line, /healthz names the database, and the site recovers by itself when it returns.
"""

import contextlib
import json
import os
import secrets
import socket
import textwrap
import threading
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from domain.models import SiteProfile
from tests.factories import ArticleFactory, ConditionFactory
from tests.helpers import PROJECT_DIR, run_django
from tools.services import PostgresCluster, RedisServer, closed_port

READER_PAGES = ["/", "/articles/", "/conditions/", "/treatments/", "/safety/", "/search/?q=ketamine"]


def _reader_pages():
    article = ArticleFactory(published=True)
    condition = ConditionFactory()
    return [*READER_PAGES, article.get_absolute_url(), condition.get_absolute_url()]


@pytest.fixture
def redis_server():
    if not RedisServer.available():
        pytest.skip("redis-server is not installed")
    server = RedisServer().start()
    yield server
    server.thaw() if server.process else None
    server.stop()


@pytest.mark.django_db
def test_pages_are_served_from_the_database_when_redis_does_not_answer(
    client, settings, caplog, production_redis_cache
):
    settings.CACHES = production_redis_cache(f"redis://127.0.0.1:{closed_port()}/0")
    pages = _reader_pages()
    for path in pages:
        assert client.get(path).status_code == 200, path
    assert "Cache unavailable" in caplog.text
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "unavailable": ["cache"]}


@pytest.mark.django_db
def test_redis_stopped_and_restarted_serves_every_page_and_then_caches_again(
    client, settings, redis_server, production_redis_cache
):
    settings.CACHES = production_redis_cache(redis_server.url)
    pages = _reader_pages()
    client.get("/")
    assert cache.get(f"content-generation:{'clinic.siteprofile'}") is not None  # the profile went to Redis
    redis_server.stop()
    for path in pages:
        assert client.get(path).status_code == 200, path
    redis_server.start()
    time.sleep(1.1)  # past the backend's pause after an error
    assert client.get("/healthz").json()["status"] == "ok"
    client.get("/")
    assert cache.get(f"content-generation:{'clinic.siteprofile'}") is not None


@pytest.mark.django_db
def test_a_crisis_line_changed_while_redis_hangs_shows_once_it_answers_again(
    client, settings, redis_server, production_redis_cache
):
    settings.CACHES = production_redis_cache(redis_server.url)
    SiteProfile.objects.get_current()
    client.get("/")  # the profile with 988 is now in Redis
    redis_server.freeze()  # hung, keeping its data: the stale entry survives the outage
    try:
        started = time.monotonic()
        profile = SiteProfile.objects.get(pk=1)
        profile.crisis_line = "741741"
        profile.save()  # its invalidation can't reach Redis
        for path in READER_PAGES:
            response = client.get(path)
            assert response.status_code == 200 and 'href="tel:741741"' in response.content.decode(), path
        assert time.monotonic() - started < 5, "a hung cache costs a timeout, not one per lookup"
    finally:
        redis_server.thaw()
    time.sleep(1.1)
    for path in READER_PAGES:
        html = client.get(path).content.decode()
        assert 'href="tel:741741"' in html and 'href="tel:988"' not in html, path


@contextlib.contextmanager
def _silent_redis(accepts_connections):
    """Yield the address of a Redis that never answers: connected but hung, or not taking connections."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)  # never accepted: the kernel queues one connection, and drops the rest unanswered
        port = listener.getsockname()[1]
        with contextlib.ExitStack() as held:
            if not accepts_connections:
                held.enter_context(socket.create_connection(("127.0.0.1", port)))
            yield f"redis://127.0.0.1:{port}/0"


def _lookups_in_a_thread(count):
    """Return (answers, seconds) for count lookups, or None if they still wait after 10 s (no timeout set)."""
    done = []

    def look_up():
        started = time.monotonic()
        answers = [cache.get("site-profile", "from the database") for _ in range(count)]
        done.append((answers, time.monotonic() - started))

    lookups = threading.Thread(target=look_up, daemon=True)
    lookups.start()
    lookups.join(timeout=10)
    return done[0] if done else None


@pytest.mark.parametrize("accepts_connections", [True, False], ids=["hung", "unreachable"])
def test_a_lookup_on_a_redis_that_never_answers_gives_up_within_a_second(
    settings, production_redis_cache, accepts_connections
):
    with _silent_redis(accepts_connections) as location:
        settings.CACHES = production_redis_cache(location)
        result = _lookups_in_a_thread(1)
    assert result is not None, "the lookup still waited after 10 s: the socket timeouts are not applied"
    answers, seconds = result
    assert answers == ["from the database"]
    assert seconds < 1.5  # the 0.5 s timeouts, with room for a busy machine


def test_a_redis_that_never_answers_costs_one_timeout_even_if_django_redis_is_told_to_ignore_errors(
    settings, production_redis_cache
):
    # A global django-redis setting must not take the errors from the wrapper that pauses the cache.
    settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    with _silent_redis(accepts_connections=True) as location:
        settings.CACHES = production_redis_cache(location)
        result = _lookups_in_a_thread(20)
    assert result is not None, "the lookups still waited after 10 s: each waited for its own timeout"
    answers, seconds = result
    assert answers == ["from the database"] * 20
    assert seconds < 1.5, "each lookup waited for its own timeout"


OUTAGE_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from django.conf import settings
    # No collectstatic in a test run: plain static URLs (the 503 page links the stylesheet).
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    # A real WSGI server (the test client skips the request signals that recycle broken connections).
    import threading, urllib.error, urllib.request
    from wsgiref.simple_server import WSGIRequestHandler, make_server
    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def visit(paths):
        out = {}
        for path in paths:
            request = urllib.request.Request(f"http://127.0.0.1:{server.server_port}{path}")
            try:
                response = urllib.request.urlopen(request, timeout=30)
            except urllib.error.HTTPError as error:
                response = error
            out[path] = {"status": response.status, "body": response.read().decode(),
                         "retry_after": response.headers.get("Retry-After")}
        return out
    """
)


def _server_env(database_url, **extra):
    return {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        **extra,
    }


def _assert_styled_503(answer, crisis_line="988"):
    assert answer["status"] == 503
    body = answer["body"]
    assert (
        '<nav class="site-nav" aria-label="Main">' in body and "This page is unavailable for a moment" in body
    )
    assert f'href="tel:{crisis_line}"' in body
    assert "Traceback" not in body and "OperationalError" not in body and "Server Error" not in body
    assert answer["retry_after"] == "30"


def test_readers_get_a_styled_503_with_the_crisis_line_when_the_database_is_unreachable(tmp_path):
    code = OUTAGE_SCRIPT + "print(json.dumps(visit(%r)))" % [
        *READER_PAGES,
        "/articles/some-article/",
        "/healthz",
    ]
    result = run_django(
        code,
        **_server_env(f"postgres://nobody@127.0.0.1:{closed_port()}/nowhere", DJANGO_CACHE_DIR=str(tmp_path)),
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)
    for path in [*READER_PAGES, "/articles/some-article/"]:
        _assert_styled_503(answers[path])
    assert answers["/healthz"]["status"] == 503
    assert json.loads(answers["/healthz"]["body"]) == {"status": "unavailable", "unavailable": ["database"]}


def _read(process, stderr_path):
    line = process.stdout.readline()
    if not line:
        process.kill()
        pytest.fail(f"the site process stopped: {stderr_path.read_text()[-3000:]}")
    return json.loads(line)


@pytest.mark.django_db
def test_postgresql_stopped_then_started_gives_503s_then_recovers_by_itself(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL run plays this outage (CI sets DATABASE_URL)")
    if not PostgresCluster.available():
        pytest.skip("PostgreSQL server binaries (initdb) are not installed")
    cluster = PostgresCluster().init().start()
    try:
        database_url = cluster.create_database()
        # Every page rendered: the whole-page cache (issue 12) and the cached blocks (issue 22) would serve
        # the pages visited before the outage, and this test is about what the renderer answers without its
        # database.
        env = _server_env(
            database_url,
            DJANGO_CACHE_DIR=str(tmp_path / "cache"),
            DJANGO_PAGE_CACHE="0",
            DJANGO_FRAGMENT_CACHE="0",
        )
        migrate = run_django(
            "from django.core.management import call_command; call_command('migrate', verbosity=0)", **env
        )
        assert migrate.returncode == 0, migrate.stderr
        # One process, one persistent connection (CONN_MAX_AGE): it must notice the restart and reconnect.
        code = OUTAGE_SCRIPT + textwrap.dedent(
            f"""
            import subprocess
            from domain.models import SiteProfile
            profile = SiteProfile.objects.get_current()
            profile.crisis_line = "741741"
            profile.save()
            before = visit({READER_PAGES!r})
            sys.stdout.write(json.dumps({{"phase": "before", "answers": before}}) + "\\n"); sys.stdout.flush()
            sys.stdin.readline()  # the test stops PostgreSQL
            during = visit({[*READER_PAGES, "/healthz"]!r})
            sys.stdout.write(json.dumps({{"phase": "during", "answers": during}}) + "\\n"); sys.stdout.flush()
            sys.stdin.readline()  # the test starts PostgreSQL again
            after = visit({[*READER_PAGES, "/healthz"]!r})
            sys.stdout.write(json.dumps({{"phase": "after", "answers": after}}) + "\\n"); sys.stdout.flush()
            """
        )
        import os
        import subprocess
        import sys

        clean = {
            k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "S3_"))
        }
        process = subprocess.Popen(
            [sys.executable, "-c", f"import django; django.setup()\n{code}"],
            cwd=PROJECT_DIR,
            env={**clean, **env, "DJANGO_SETTINGS_MODULE": "clinic.settings"},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=(tmp_path / "stderr").open("w"),  # a pipe would fill with logged errors and block it
            text=True,
        )
        try:
            before = _read(process, tmp_path / "stderr")
            for path, answer in before["answers"].items():
                assert answer["status"] == 200, (path, answer["body"][:500])
            cluster.stop()
            process.stdin.write("stopped\n")
            process.stdin.flush()
            during = _read(process, tmp_path / "stderr")["answers"]
            for path in READER_PAGES:
                _assert_styled_503(during[path], crisis_line="741741")  # the clinic's own, from the cache
            assert json.loads(during["/healthz"]["body"])["unavailable"] == ["database"]
            cluster.start()
            process.stdin.write("started\n")
            process.stdin.flush()
            after = _read(process, tmp_path / "stderr")["answers"]
            statuses = {path: answer["status"] for path, answer in after.items()}
            assert set(statuses.values()) == {200}, (statuses, (tmp_path / "stderr").read_text()[-3000:])
            assert 'href="tel:741741"' in after["/"]["body"]
        finally:
            process.kill()
            process.wait()
    finally:
        cluster.destroy()


# /healthz: what a load balancer or an operator asks


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
