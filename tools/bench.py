"""Benchmark the public pages: requests per second and latency percentiles under gunicorn.

Serves the site with gunicorn on a scratch SQLite database loaded with the demo content (DEBUG off, as in
production), then for each page keeps CONCURRENCY keep-alive connections busy for SECONDS and reports
throughput and latency. Everything stays on 127.0.0.1; the run is bounded in time.

    make bench                                    # defaults
    make bench BENCH_ARGS="--seconds 10 --concurrency 8 --workers 4"
"""

import argparse
import http.client
import statistics
import sys
import threading
import time

from tools.pages import DETAIL_LINKS, PUBLIC_PAGES, first_link
from tools.throwaway import SetupError, throwaway_site

DEFAULT_PATHS = [*PUBLIC_PAGES, "/sitemap.xml", "/articles/feed/"]


def get(port: int, path: str) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    return connection.getresponse().read().decode()


def resolve(port: int, path: str) -> str:
    """Return path, or for "{article}"/"{condition}" the first such page linked from its listing."""
    if path not in DETAIL_LINKS:
        return path
    listing, pattern = DETAIL_LINKS[path]
    link = first_link(get(port, listing), f"http://127.0.0.1:{port}", pattern)
    if link is None:
        raise SystemExit(f"no detail link found on {listing}")
    return link


def hammer(port: int, path: str, seconds: float, concurrency: int) -> tuple[list[float], int, int]:
    latencies: list[float] = []
    errors = 0
    statuses: set[int] = set()
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker():
        nonlocal errors
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        own: list[float] = []
        own_errors = 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"User-Agent": "clinic-bench"})
                response = connection.getresponse()
                response.read()
                statuses.add(response.status)
                if response.status != 200:
                    own_errors += 1
            except OSError:
                own_errors += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            own.append(time.perf_counter() - started)
        with lock:
            latencies.extend(own)
            errors += own_errors

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, max(statuses or {0})


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=5.0, help="per page (default 5)")
    parser.add_argument("--concurrency", type=int, default=4, help="parallel connections (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--paths", nargs="*", default=DEFAULT_PATHS)
    args = parser.parse_args()

    try:
        with throwaway_site(server="gunicorn", workers=args.workers, label="bench") as base_url:
            return run(int(base_url.rsplit(":", 1)[1]), args)
    except SetupError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2


def run(port: int, args) -> int:
    print(f"gunicorn, {args.workers} workers, {args.concurrency} connections, {args.seconds:g} s per page\n")
    print(f"{'page':48} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    failed = False
    for path in (resolve(port, path) for path in args.paths):
        hammer(port, path, min(1.0, args.seconds), 1)  # warm caches and thumbnails
        latencies, errors, status = hammer(port, path, args.seconds, args.concurrency)
        rate = len(latencies) / args.seconds
        ms = [value * 1000 for value in latencies]
        print(
            f"{path[:48]:48} {rate:8.1f} {statistics.median(ms) if ms else float('nan'):8.1f} "
            f"{percentile(ms, 0.95):8.1f} {percentile(ms, 0.99):8.1f} {errors:7d}"
        )
        failed |= errors > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
