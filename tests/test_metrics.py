"""Issue 22, part 5: the site's own numbers at /metrics, for Prometheus, and for nobody else.

Readers are named by network (and a token, when one is set); anyone else finds an unknown address. Requests
are timed and counted by view name, the page cache's outcomes by page kind, and cache and database errors
as they happen, all through real requests; under gunicorn the workers' counts add up in any one answer.
"""

import gzip
import os
import runpy
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from ipaddress import ip_network
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.parser import text_string_to_metric_families

from domain.models import SiteProfile
from tests.factories import ArticleFactory, ConditionFactory, ContraindicationFactory
from tests.helpers import PROJECT_DIR, run_django
from tools.services import closed_port, free_port
from tools.throwaway import secret_key

OUTSIDE = "203.0.113.7"
LATENCY = "clinic_http_request_duration_seconds"


def samples_of(text: str) -> dict:
    """{(sample name, sorted labels): value} of a Prometheus text exposition."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def scrape(client, **request) -> dict:
    response = client.get("/metrics", **request)
    assert response.status_code == 200
    return samples_of(response.content.decode())


def value(samples: dict, name: str, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def total(samples: dict, name: str, **labels) -> float:
    """The sum of name's samples whose labels include the given ones."""
    return sum(
        amount
        for (sample, sample_labels), amount in samples.items()
        if sample == name and set(labels.items()) <= set(sample_labels)
    )


def changes(before: dict, after: dict, name: str, **labels) -> float:
    return value(after, name, **labels) - value(before, name, **labels)


def _as_unknown_address(response, path: str) -> tuple:
    return response.status_code, response.content.replace(path.encode(), b"PATH"), sorted(response.headers)


# Who may read


@pytest.mark.django_db
def test_the_endpoint_is_an_unknown_address_to_a_client_outside_the_networks(client, settings):
    SiteProfile.objects.get_current()
    unknown = client.get("/no-such-page", REMOTE_ADDR=OUTSIDE)

    refused = client.get("/metrics", REMOTE_ADDR=OUTSIDE)
    claiming_loopback = client.get("/metrics", REMOTE_ADDR=OUTSIDE, HTTP_X_FORWARDED_FOR="127.0.0.1")

    assert unknown.status_code == 404
    for answer in (refused, claiming_loopback):
        assert _as_unknown_address(answer, "/metrics") == _as_unknown_address(unknown, "/no-such-page")
    assert client.get("/metrics").status_code == 200  # loopback, the default reader


@pytest.mark.django_db
def test_behind_a_trusted_proxy_the_reader_is_the_client_it_names_not_the_proxy(client, settings):
    SiteProfile.objects.get_current()
    settings.TRUSTED_PROXIES = [ip_network("10.0.0.0/24")]
    settings.METRICS_NETWORKS = [ip_network("10.0.0.0/24")]  # as deploy/compose.yaml: the private network

    through_the_proxy = client.get("/metrics", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=OUTSIDE)
    on_the_network = client.get("/metrics", REMOTE_ADDR="10.0.0.9")
    from_loopback = client.get("/metrics")  # no longer in the networks

    assert through_the_proxy.status_code == 404 and from_loopback.status_code == 404
    assert on_the_network.status_code == 200 and "clinic_http_requests_total" in on_the_network.text


@pytest.mark.django_db
def test_with_a_token_set_a_reader_must_send_it_too(client, settings):
    SiteProfile.objects.get_current()
    settings.METRICS_TOKEN = secrets.token_urlsafe(32)
    right = f"Bearer {settings.METRICS_TOKEN}"

    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {secrets.token_urlsafe(32)}").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Basic {settings.METRICS_TOKEN}").status_code == 404
    assert client.get("/metrics", REMOTE_ADDR=OUTSIDE, HTTP_AUTHORIZATION=right).status_code == 404
    answer = client.get("/metrics", HTTP_AUTHORIZATION=right)
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/plain")


@pytest.mark.django_db
def test_neither_the_sitemap_nor_robots_txt_names_the_endpoint(client):
    ArticleFactory(published=True)
    for path in ("/robots.txt", "/sitemap.xml"):
        answer = client.get(path)
        assert answer.status_code == 200 and b"metrics" not in answer.content


def test_a_short_token_stops_the_start_with_a_message():
    result = run_django("", DJANGO_DEBUG="1", DJANGO_METRICS_TOKEN="letmein")
    assert result.returncode != 0
    assert "DJANGO_METRICS_TOKEN must be 24 characters or more" in result.stderr


def test_networks_that_are_not_networks_stop_the_start_with_a_message():
    result = run_django("", DJANGO_DEBUG="1", DJANGO_METRICS_NETWORKS="10.0.0.0/24,prometheus")
    assert result.returncode != 0
    assert "DJANGO_METRICS_NETWORKS" in result.stderr and "'prometheus' is not one" in result.stderr


# What is counted


@pytest.mark.django_db
def test_a_requests_time_and_status_are_counted_under_its_view_name_never_its_path(client):
    SiteProfile.objects.get_current()
    path = ConditionFactory(name="Panic disorder").get_absolute_url()
    before = scrape(client)

    started = time.perf_counter()
    assert client.get(path).status_code == 200
    elapsed = time.perf_counter() - started
    assert client.get("/conditions/no-such-condition/").status_code == 404
    assert client.get("/no/such/page/").status_code == 404
    after = scrape(client)

    view = "conditions:detail"
    assert changes(before, after, f"{LATENCY}_count", view=view) == 2
    assert 0 < changes(before, after, f"{LATENCY}_sum", view=view) <= elapsed * 2
    assert changes(before, after, "clinic_http_requests_total", view=view, status="200") == 1
    assert changes(before, after, "clinic_http_requests_total", view=view, status="404") == 1
    assert changes(before, after, "clinic_http_requests_total", view="none", status="404") == 1
    labels = {label for _, sample_labels in after for label in sample_labels}
    assert not any("panic" in label_value or "/" in label_value for _, label_value in labels)
    # Scraping is not traffic: two scrapes in a row count nothing.
    assert total(scrape(client), "clinic_http_requests_total") == total(after, "clinic_http_requests_total")


@pytest.mark.django_db
def test_the_prescreen_answer_is_counted_without_its_time(client):
    SiteProfile.objects.get_current()
    question = ContraindicationFactory(screening_question="Have you ever had psychosis?")
    before = scrape(client)

    answer = client.post("/safety/check/", {f"item-{question.pk}": "yes"})
    after = scrape(client)

    assert changes(before, after, "clinic_http_requests_total", view="conditions:check", status="200") == 1
    assert answer.status_code == 200
    assert changes(before, after, f"{LATENCY}_count", view="conditions:check") == 0


@pytest.mark.django_db
def test_page_cache_hits_and_misses_are_counted_by_page_kind(client, page_cache):
    SiteProfile.objects.get_current()
    condition = ConditionFactory(name="Treatment-resistant depression").get_absolute_url()
    article = ArticleFactory(published=True, title="Sleep after an infusion").get_absolute_url()
    before = scrape(client)

    for path in (condition, condition, condition, article):
        assert client.get(path).status_code == 200
    client.post("/safety/check/", {})  # never cached: no outcome
    after = scrape(client)

    outcomes = "clinic_page_cache_requests_total"
    assert changes(before, after, outcomes, view="conditions:detail", outcome="miss") == 1
    assert changes(before, after, outcomes, view="conditions:detail", outcome="hit") == 2
    assert changes(before, after, outcomes, view="articles:detail", outcome="miss") == 1
    assert changes(before, after, outcomes, view="articles:detail", outcome="hit") == 0
    assert total(after, outcomes, view="conditions:check") == 0
    # A hit skips URL resolution, and is still timed under its view's name.
    assert changes(before, after, f"{LATENCY}_count", view="conditions:detail") == 3


@pytest.mark.django_db
def test_cache_errors_are_counted_while_pages_come_from_the_database(
    client, settings, production_redis_cache
):
    SiteProfile.objects.get_current()
    before = scrape(client)
    settings.CACHES = production_redis_cache(f"redis://127.0.0.1:{closed_port()}/0")

    assert client.get("/conditions/").status_code == 200
    after = scrape(client)

    errors = {
        labels: amount - before.get((name, labels), 0.0)
        for (name, labels), amount in after.items()
        if name == "clinic_cache_errors_total"
    }
    assert sum(errors.values()) >= 1  # one, then the backend leaves the cache alone for a second
    assert {dict(labels)["error"] for labels, amount in errors.items() if amount} == {"ConnectionError"}


def test_a_request_failed_by_the_database_is_counted_under_its_view():
    # A real connection attempt to a port where nothing listens, in a separate process.
    result = run_django(
        "from django.conf import settings\n"
        "from django.test import Client\n"
        # No collectstatic in a test run: plain static URLs (the 503 page links the stylesheet).
        "settings.STORAGES = {**settings.STORAGES, 'staticfiles': "
        "{'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n"
        "client = Client(raise_request_exception=False)\n"
        "print(client.get('/conditions/').status_code, client.get('/healthz').status_code)\n"
        "print(client.get('/metrics').content.decode())",
        DJANGO_DEBUG="0",  # as in production: the site's own 503 page, not the debug page
        DJANGO_SECRET_KEY=secret_key(),
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"postgres://nobody@127.0.0.1:{closed_port()}/nowhere",
    )
    assert result.returncode == 0, result.stderr
    statuses, exposition = result.stdout.split("\n", 1)
    samples = samples_of(exposition)

    assert statuses == "503 503"
    errors = {
        labels: amount for (name, labels), amount in samples.items() if name == "clinic_database_errors_total"
    }
    # The health check asks the database itself and says so: it was not failed by the error.
    assert errors == {(("error", "OperationalError"), ("view", "conditions:list")): 1.0}
    assert value(samples, "clinic_http_requests_total", view="conditions:list", status="503") == 1


@pytest.mark.django_db
def test_a_scraper_that_accepts_gzip_gets_the_same_numbers_compressed(client):
    SiteProfile.objects.get_current()
    client.get("/")
    plain = client.get("/metrics")
    compressed = client.get("/metrics", HTTP_ACCEPT_ENCODING="gzip")

    assert compressed["Content-Encoding"] == "gzip" and compressed["Cache-Control"] == "no-store"
    names = {name for name, _ in samples_of(plain.content.decode()) if name.startswith("clinic_")}
    assert names and names == {
        name
        for name, _ in samples_of(gzip.decompress(compressed.content).decode())
        if name.startswith("clinic_")
    }


# Several gunicorn workers, one answer


def _gunicorn(tmp_path: Path, port: int) -> subprocess.Popen:
    inherited = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "PROMETHEUS_"))
    }
    (tmp_path / "tmp").mkdir()
    env = {
        **inherited,
        "TMPDIR": str(tmp_path / "tmp"),  # where gunicorn.conf.py makes the metrics' directory
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret_key(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_REQUEST_LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",  # /healthz asks it for SELECT 1 only
        "DJANGO_CACHE_DIR": str(tmp_path / "cache"),
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
    }
    command = [
        sys.executable, "-m", "gunicorn", "clinic.wsgi:application", "--config", "gunicorn.conf.py",
        "--bind", f"127.0.0.1:{port}", "--workers", "2", "--access-logfile", "/dev/null",
    ]  # fmt: skip
    with open(tmp_path / "server.log", "w") as log:
        return subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)


def _get(url: str) -> tuple[int, str]:
    """(status, body); status 0 when nothing answered."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def _per_worker(directory: Path) -> dict[int, float]:
    """Each worker's own count of /healthz requests, read from its file."""
    counts = {}
    for path in directory.glob("counter_*.db"):
        merged = MultiProcessCollector.merge([str(path)], accumulate=False)
        counts[int(path.stem.split("_")[1])] = sum(
            sample.value
            for family in merged
            for sample in family.samples
            if sample.name == "clinic_http_requests_total" and sample.labels["view"] == "healthz"
        )
    return counts


def _healthz_total(base: str) -> float:
    status, body = _get(f"{base}/metrics")
    assert status == 200
    return total(samples_of(body), "clinic_http_requests_total", view="healthz")


def test_gunicorn_workers_counts_add_up_in_any_workers_answer_and_outlive_a_worker(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = _gunicorn(tmp_path, port)
    try:
        sent, deadline = 0, time.monotonic() + 60  # sent: the /healthz requests that got an answer
        while (status := _get(f"{base}/healthz")[0]) != 200:
            sent += status != 0
            assert server.poll() is None and time.monotonic() < deadline, (
                tmp_path / "server.log"
            ).read_text()
            time.sleep(0.2)
        sent += 1
        (directory,) = (tmp_path / "tmp").glob("clinic-metrics-*")
        pool = ThreadPoolExecutor(max_workers=8)

        def until_served_by(workers: int) -> int:
            """Send /healthz requests at once, 40 at a time, until that many workers have served some."""
            answered, deadline = 0, time.monotonic() + 30
            while len(_per_worker(directory)) < workers and time.monotonic() < deadline:
                answered += sum(status != 0 for status, _ in pool.map(_get, [f"{base}/healthz"] * 40))
            return answered

        sent += until_served_by(2)
        per_worker = _per_worker(directory)

        assert len(per_worker) == 2 and all(0 < count < sent for count in per_worker.values())
        assert sum(per_worker.values()) == sent
        # Each worker counted only part, and whichever answers a scrape answers for both.
        assert [_healthz_total(base) for _ in range(6)] == [sent] * 6

        os.kill(next(iter(per_worker)), signal.SIGTERM)  # gunicorn starts another in its place
        sent += until_served_by(3)
        assert len(_per_worker(directory)) == 3, "no new worker served a request"
        assert _healthz_total(base) == sent  # the stopped worker's counts are still in the sum
        pool.shutdown()
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not directory.exists()  # gunicorn made it for this run, and removed it at the end


def test_gunicorn_empties_a_given_directory_at_start_and_refuses_to_count_each_worker_alone(
    tmp_path, monkeypatch
):
    hooks = runpy.run_path(str(Path(django_settings.BASE_DIR) / "gunicorn.conf.py"))
    stale = tmp_path / "counter_99999.db"
    stale.write_bytes(b"a previous run's counts")
    (tmp_path / "notes.txt").write_text("not ours")
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))

    hooks["on_starting"](None)

    assert not stale.exists() and (tmp_path / "notes.txt").exists()
    # An app loaded before the directory was set (gunicorn --preload): prometheus_client, imported here
    # already, would count each worker alone, so gunicorn does not start.
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR")
    with pytest.raises(RuntimeError, match="PROMETHEUS_MULTIPROC_DIR"):
        hooks["on_starting"](None)
    assert "prometheus_client" in sys.modules
