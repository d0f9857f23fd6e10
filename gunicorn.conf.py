"""gunicorn settings; every value can be set from the environment (see the README)."""

import multiprocessing
import os
import shutil
import sys
import tempfile

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
# Plain sync workers, two per core plus one: a page spends part of its time waiting on PostgreSQL and Redis,
# and another process uses the core meanwhile. Threads (GUNICORN_THREADS > 1) add GIL handoffs for no gain
# on this CPU-bound work: measured on the 2-core machine (issue 12), 2 threads per worker cost 8-11 % of the
# throughput and up to 1.7x the p99 of plain sync workers. Sync workers close each connection after its
# response, which is right behind a proxy that keeps its own connections to the readers.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Off by default: recycling a worker empties its template, URL and connection caches mid-traffic (a cost
# the same measurement saw). Set GUNICORN_MAX_REQUESTS if a leak ever needs containing.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
# Access lines carry method, path and status only: no query strings, so nothing a reader typed is logged.
# %(h)s is the client's address as the app counts it (DJANGO_TRUSTED_PROXIES), not the proxy's.
accesslog = "-"
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
logger_class = "infrastructure.access_log.ClientAddressLogger"
errorlog = "-"
# Who may say the request came over HTTPS (X-Forwarded-Proto): the same proxies the app trusts.
forwarded_allow_ips = (
    os.environ.get("FORWARDED_ALLOW_IPS") or os.environ.get("DJANGO_TRUSTED_PROXIES") or "127.0.0.1"
)

# Metrics (infrastructure/metrics.py): each worker writes its counts to files of its own in one directory,
# PROMETHEUS_MULTIPROC_DIR, and /metrics adds up every file there, so whichever worker answers a scrape
# answers for the whole server. Unset, a directory is made for this run and removed at the end; set, it must
# be this server's alone, and its files are removed at the start and the end.
OWN_METRICS_DIR = "CLINIC_METRICS_DIR_MADE_BY_GUNICORN"


def on_starting(server):
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not directory and "prometheus_client" in sys.modules:
        # prometheus_client picks how it counts when imported: it would count each worker alone.
        raise RuntimeError(
            "The app was loaded before gunicorn.conf.py could set PROMETHEUS_MULTIPROC_DIR (--preload?): "
            "set PROMETHEUS_MULTIPROC_DIR to an empty directory in the environment, or don't preload."
        )
    if directory:
        os.makedirs(directory, exist_ok=True)
        _forget_counts(directory)  # a previous run's counts would be added to this one's
    else:
        directory = tempfile.mkdtemp(prefix="clinic-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = os.environ[OWN_METRICS_DIR] = directory


def child_exit(server, worker):
    # A dead worker's counts stay and keep adding up (counters never go down); what it alone reported as
    # "now" (live gauges) goes with it. Imported here: after on_starting has set the directory.
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")
    if directory and directory == os.environ.get(OWN_METRICS_DIR):
        shutil.rmtree(directory, ignore_errors=True)
    elif directory:
        _forget_counts(directory)


def _forget_counts(directory):
    for name in os.listdir(directory):
        if name.endswith(".db"):
            os.remove(os.path.join(directory, name))
