"""The site's own numbers, for Prometheus, at /metrics: for the readers the settings name, and nobody else.

What is counted, each labelled by the view's name (infrastructure/view_name.py), never by path:
- every request's time, from the outermost middleware to the response (a view that asks for no timing in
  the logs, the pre-screen's answer, is counted without its time), and its HTTP status;
- what the page cache did with the pages it handled (request.page_cache): hit, stale (the previous version,
  served while another worker renders) or miss (rendered);
- errors of the shared cache, which are answered as misses (infrastructure/cache.py), by operation;
- requests a database error failed (Django's got_request_exception), from a view or a middleware alike:
  what readers met. Errors the code handles itself (the health check's probe) are not failures.

Under gunicorn every worker writes its counts to files of its own in PROMETHEUS_MULTIPROC_DIR, which
gunicorn.conf.py prepares, and /metrics adds them up, so any worker's answer is the whole server's
(prometheus_client's multiprocess mode). Without that variable (runserver, tests, commands) the counts are
the process's own.

/metrics is answered here, before any other middleware, only to a reader whose address is in
METRICS_NETWORKS (and who sends METRICS_TOKEN as a bearer token, when one is set); any other request goes on
down the stack like any other address, and finds no page. So it is never page-cached, logged as a request
or counted, and answers whatever Host header a scraper sends (Prometheus sends the server's own address).
"""

import gzip
import hmac
import ipaddress
import os
import re
import sys
import time

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import got_request_exception
from django.db import Error as DatabaseError  # the base of every database error Django raises
from django.http import HttpResponse
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

from .client_address import client_address
from .view_name import view_name

MULTIPROCESS_DIR = os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")
if MULTIPROCESS_DIR and not os.path.isdir(MULTIPROCESS_DIR):
    # prometheus_client would fail at the first count, with a bare FileNotFoundError.
    raise ImproperlyConfigured(
        f"PROMETHEUS_MULTIPROC_DIR names {MULTIPROCESS_DIR!r}, which is not a directory: create it, or unset "
        "the variable (gunicorn.conf.py then makes a directory of its own)."
    )

NO_VIEW = "none"  # a path no view answers: every unknown address counts as this one name
ACCEPTS_GZIP = re.compile(r"\bgzip\b")

# A page cache hit takes about a millisecond, a rendered page tens of them, the slowest admin pages seconds.
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

request_seconds = Histogram(
    "clinic_http_request_duration_seconds",
    "Time from a request's arrival to its response, by the view that answered it",
    ["view"],
    buckets=LATENCY_BUCKETS,
)
requests = Counter("clinic_http_requests", "Requests answered, by view and HTTP status", ["view", "status"])
page_cache_outcomes = Counter(
    "clinic_page_cache_requests",
    "Pages the page cache handled, by view and outcome: hit, stale (the previous version served while "
    "another worker renders) or miss (rendered)",
    ["view", "outcome"],
)
cache_errors = Counter(
    "clinic_cache_errors",
    "Errors of the shared cache, answered as a miss, by operation and error",
    ["operation", "error"],
)
database_errors = Counter(
    "clinic_database_errors", "Requests a database error failed, by view and error", ["view", "error"]
)


class MetricsMiddleware:
    """Outermost: its time covers every other middleware, the page cache's hits included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path_info == settings.METRICS_PATH
            and request.method in ("GET", "HEAD")
            and may_read_metrics(request)
        ):
            return metrics_response(request)
        started = time.perf_counter()
        response = self.get_response(request)
        seconds = time.perf_counter() - started
        view = view_name(request) or NO_VIEW
        # A view whose timing could tell something about what a reader sent opts out, as in the request log.
        if getattr(request, "log_timing", True):
            request_seconds.labels(view).observe(seconds)
        requests.labels(view, str(response.status_code)).inc()
        outcome = getattr(request, "page_cache", None)
        if outcome is not None:
            page_cache_outcomes.labels(view, outcome).inc()
        return response


def may_read_metrics(request) -> bool:
    """Whether the request comes from METRICS_NETWORKS, with the bearer token METRICS_TOKEN if one is set."""
    address = client_address(request.META)  # behind a proxy, the reader's, not the proxy's
    if address is None or not any(
        ipaddress.ip_address(address) in network for network in settings.METRICS_NETWORKS
    ):
        return False
    if not settings.METRICS_TOKEN:
        return True
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        token.strip().encode(), settings.METRICS_TOKEN.encode()
    )


def metrics_response(request) -> HttpResponse:
    if MULTIPROCESS_DIR:
        registry = CollectorRegistry()  # a fresh one each time, as prometheus_client's multiprocess mode asks
        MultiProcessCollector(registry, MULTIPROCESS_DIR)
    else:
        registry = REGISTRY
    body = generate_latest(registry)
    response = HttpResponse(content_type=CONTENT_TYPE_LATEST)
    if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        body = gzip.compress(body, compresslevel=1)  # text that repeats its names: small at any level
        response["Content-Encoding"] = "gzip"
    response["Cache-Control"] = "no-store"
    response["Content-Length"] = str(len(body))
    response.content = b"" if request.method == "HEAD" else body
    return response


def count_cache_error(operation: str, error: BaseException) -> None:
    """Count an error the shared cache raised (infrastructure/cache.py answers it as a miss)."""
    cache_errors.labels(operation, type(error).__name__).inc()


def count_database_error(sender, request=None, **kwargs):
    """Count a request that a database error failed (a got_request_exception receiver)."""
    error = sys.exc_info()[1]
    while error is not None and not isinstance(error, DatabaseError):
        error = error.__cause__ or error.__context__  # a template error, say, raised while a query failed
    if error is not None:
        view = (view_name(request) if request is not None else None) or NO_VIEW
        database_errors.labels(view, type(error).__name__).inc()


def connect_signals():
    got_request_exception.connect(count_database_error, dispatch_uid="clinic-metrics-database-errors")
