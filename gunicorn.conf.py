"""gunicorn settings; every value can be set from the environment (see the README)."""

import multiprocessing
import os

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
