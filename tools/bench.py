"""Benchmark every public page at scale, against Django's own floor, cached and uncached.

Starts a throwaway PostgreSQL cluster and Redis (tools/services.py), loads the demo content plus N generated
articles (manage.py generate_content), and serves the site with gunicorn as in production (debug off, the
shipped gunicorn.conf.py) twice: with the page cache (as shipped) and without it (DJANGO_PAGE_CACHE=0,
every request rendered). Beside them, the floor: a minimal Django project from the same virtual environment
(startproject as made, plus one view rendering a ~1 KB template) under the same gunicorn settings. wrk loads
one page at a time; the pages, both sites and the floor are interleaved over several rounds, with a drain
between runs, and the medians are printed as req/s, p50 and p99, with the ratio to the floor measured in the
same run. Then 50 different searches, one at a time, on the uncached site. Last, when nginx is installed, the
front cache of deploy/nginx-cache.conf in front of the cached site, against the same nginx serving a copy of
the home page as a static file.

Then a working day (tools/working_day.py), on the cached site: readers at full speed over a spread of public
pages (the home page, lists, a thousand different articles…), once with nobody editing and once while an
editor signs in every minute, autosaves every 3 s, saves a draft every 30 s and publishes every 2 minutes,
over real HTTP with a staff account and its second factor. It prints the readers' req/s in both runs and
their ratio, the page cache's hit ratio for the readers' requests in both (from the server's request log),
what the editor did and the pages each publish re-rendered. It never fails on a number, but it fails (exit 1)
when one of the editor's actions did not do what it should.

    make bench                                                # 10,000 articles, 3 rounds of 5 s, 2 × 130 s
    make bench BENCH_ARGS="--articles 1000 --rounds 1 --seconds 3 --working-day-seconds 70"
    make bench BENCH_ARGS="--only working-day"                # the working day alone
    make bench BENCH_ARGS="--searches-only"                   # 10,000 articles, the searches alone
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from tools import front_cache as front_cache_server
from tools import working_day
from tools.services import PostgresCluster, RedisServer, fetch, free_port
from tools.throwaway import ROOT, SetupError, collect_static, environment, manage

SEARCHES = [
    "ketamine", "ketamine depression", "esketamine", "infusion", "nasal spray", "blood pressure",
    "dissociation", "side effects", "treatment-resistant depression", "ptsd", "anxiety", "maintenance",
    "insurance", "cost", "sleep", "driving home", "observation", "suicidal thoughts", "crisis", "psychosis",
    "pregnancy", "heart disease", "bipolar", "antidepressant", "spravato", "sublingual", "troche",
    "intramuscular", "dose", "monitoring", "integration therapy", "first session", "research", "evidence",
    "fda approved", "off-label", "clinician", "family", "research on infusions", "how it is given",
    "what to expect", "who it may help", "questions to ask", "safety and monitoring", "after the session",
    "heart rate", "oral", "substance use", "minors", "reviewed",
]  # fmt: skip

# The floor, as the issue measured it: `django-admin startproject` as made (its middleware and apps), plus
# one view rendering a ~1 KB template; debug off.
MINIMAL_SETTINGS = """
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
TEMPLATES[0]["DIRS"] = [BASE_DIR / "templates"]
"""
MINIMAL_URLS = """
from django.shortcuts import render

def page(request):
    return render(request, "page.html", {"title": "A minimal page", "items": range(10)})

urlpatterns.append(path("", page))
"""
MINIMAL_TEMPLATE = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>{{ title }}</title></head><body>"
    "<h1>{{ title }}</h1><ul>{% for item in items %}<li>Item {{ item }}: a line of text to fill the page "
    "to about one kilobyte, as a small real page would be.</li>{% endfor %}</ul></body></html>"
)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000, help="generated articles (default 10000)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; medians are printed")
    parser.add_argument("--seconds", type=int, default=5, help="per wrk run (default 5)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server (default 2)")
    parser.add_argument("--pages", nargs="*", help="only these paths")
    parser.add_argument("--no-front-cache", action="store_true", help="skip the nginx front cache")
    parser.add_argument(
        "--working-day-seconds",
        type=int,
        default=130,
        help=f"each working-day run: with nobody editing, then with the editor (default 130, at least "
        f"{working_day.SHORTEST_DAY} for one publish; 0 skips it)",
    )
    parser.add_argument(
        "--reader-articles",
        type=int,
        default=1000,
        help="different article pages the working day's readers read (default 1000)",
    )
    parser.add_argument("--only", choices=["working-day"], help="run only this part")
    parser.add_argument(
        "--request-log", type=Path, help="keep the cached server's output (its request log) here"
    )
    parser.add_argument("--searches-only", action="store_true", help="only the 50 searches (no wrk needed)")
    args = parser.parse_args()
    if 0 < args.working_day_seconds < working_day.SHORTEST_DAY:
        parser.error(f"--working-day-seconds: 0, or at least {working_day.SHORTEST_DAY} for one publish")
    if args.only == "working-day" and not args.working_day_seconds:
        parser.error("--only working-day needs --working-day-seconds above 0")
    if not shutil.which("wrk") and not args.searches_only:
        print("bench: wrk is needed (Debian: apt-get install -y wrk)", file=sys.stderr)
        return 2
    if not (PostgresCluster.available() and RedisServer.available()):
        print("bench: PostgreSQL and redis-server binaries are needed", file=sys.stderr)
        return 2
    try:
        with ExitStack() as stack:
            site = stack.enter_context(servers(args))
            return run(site, args)
    except SetupError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2


@dataclass
class Site:
    urls: dict  # variant -> base URL: cached, uncached, minimal, front
    env: dict  # the site's environment, for manage.py
    workdir: Path
    cached_log: Path  # the cached server's output: its request log among it


@contextmanager
def servers(args):
    """Load the content and start the servers the parts asked for need; yield a Site."""
    with tempfile.TemporaryDirectory(prefix="clinic-bench-") as tmp, ExitStack() as stack:
        workdir = Path(tmp)
        cluster = PostgresCluster().init().start()
        stack.callback(cluster.destroy)
        redis = RedisServer().start()
        stack.callback(redis.stop)
        env = {
            **environment(workdir),
            "DATABASE_URL": cluster.create_database("bench"),
            "REDIS_URL": redis.url,
        }
        manage(env, "bench", "migrate", "--noinput", "-v", "0")
        manage(env, "bench", "load_demo_content", "--no-accounts", "-v", "0")
        started = time.monotonic()
        print(manage(env, "bench", "generate_content", "--articles", str(args.articles)).strip())
        print(f"bench: content loaded in {time.monotonic() - started:.0f} s")
        collect_static(env, "bench")
        subprocess.run(["psql", cluster.url("bench"), "-qc", "VACUUM ANALYZE"], check=False)
        # The request log (one JSON line per request, on stderr) says what the page cache did for each.
        cached_env = {**env, "DJANGO_REQUEST_LOG_LEVEL": "INFO"}
        sites = {
            "cached": gunicorn(
                stack, cached_env, ROOT, "clinic.wsgi:application", args.workers, workdir / "cached.log"
            ),
        }
        if args.only == "working-day":
            yield Site(sites, env, workdir, workdir / "cached.log")
            return
        minimal = write_minimal_project(workdir)
        sites |= {
            "uncached": gunicorn(
                stack, {**env, "DJANGO_PAGE_CACHE": "0"}, ROOT, "clinic.wsgi:application", args.workers,
                workdir / "uncached.log",
            ),
            "minimal": gunicorn(
                stack, {**env, "DJANGO_SETTINGS_MODULE": "minimal_site.settings", "PYTHONPATH": str(minimal)},
                minimal, "minimal_site.wsgi:application", args.workers, workdir / "minimal.log", health="/",
                # The shipped access logger reads the site's settings; the floor has none of them.
                extra=["--logger-class", "gunicorn.glogging.Logger"],
            ),
        }  # fmt: skip
        if not (args.no_front_cache or args.searches_only) and shutil.which("nginx"):
            sites.update(front_cache(stack, workdir, sites["cached"]))
        yield Site(sites, env, workdir, workdir / "cached.log")


def front_cache(stack, workdir: Path, app_url: str) -> dict:
    """Start nginx with deploy/nginx-cache.conf in front of app_url; also serving the home page as a file."""
    folder = workdir / "nginx"
    (folder / "static").mkdir(parents=True)
    (folder / "static" / "home.html").write_bytes(fetch(app_url + "/")[1])
    port = free_port()
    home = f"\n    location = /home.html {{ root {folder / 'static'}; }}"
    try:
        process = front_cache_server.start(folder, app_url[7:], port, home, ready_path="/home.html")
    except front_cache_server.FrontCacheError as error:
        raise SetupError(str(error)) from error
    stack.callback(stop, process)
    return {"front": f"http://127.0.0.1:{port}"}


def write_minimal_project(workdir: Path) -> Path:
    folder = workdir / "minimal"
    folder.mkdir()
    subprocess.run([sys.executable, "-m", "django", "startproject", "minimal_site", str(folder)], check=True)
    package = folder / "minimal_site"
    with (package / "settings.py").open("a") as settings:
        settings.write(MINIMAL_SETTINGS)
    with (package / "urls.py").open("a") as urls:
        urls.write(MINIMAL_URLS)
    (folder / "templates").mkdir()
    (folder / "templates" / "page.html").write_text(MINIMAL_TEMPLATE)
    return folder


def gunicorn(stack, env, cwd, app, workers, log_path, health="/healthz", extra=()) -> str:
    port = free_port()
    # The same explicit config for the site and the floor: the shipped one, logs aside.
    command = [
        sys.executable, "-m", "gunicorn", app, "--config", str(ROOT / "gunicorn.conf.py"),
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--access-logfile", "/dev/null", *extra,
    ]  # fmt: skip
    log = stack.enter_context(log_path.open("w"))
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    stack.callback(stop, process)
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while status(base_url + health) != 200:
        if process.poll() is not None or time.monotonic() > deadline:
            raise SetupError(f"{app} did not start:\n{log_path.read_text()}")
        time.sleep(0.25)
    return base_url


def status(url: str) -> int | None:
    try:
        return fetch(url, timeout=5)[0]
    except OSError:
        return None


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def discover(base_url: str) -> list[str]:
    """Return the public pages to measure, finding real detail and archive pages from the site's own links."""
    home = fetch(base_url + "/articles/")[1].decode()
    article = re.search(r'href="(/articles/gen-[\w-]+/)"', home).group(1)
    page = fetch(base_url + article)[1].decode()
    pick = {
        kind: re.search(rf'href="(/articles/{kind}/[\w-]+/)"', page).group(1)
        for kind in ("category", "tag", "author")
    }
    routes = fetch(base_url + "/treatments/")[1].decode()
    route = re.search(r'href="(/treatments/[\w-]+/)"', routes).group(1)
    return [
        "/", "/articles/", "/articles/?page=500", article, pick["category"], pick["tag"], pick["author"],
        "/articles/feed/", "/articles/feed/atom/", "/conditions/",
        "/conditions/treatment-resistant-depression/", "/treatments/", route, "/safety/", "/safety/check/",
        "/search/?q=ketamine+depression", "/sitemap.xml",
        # The Spanish edition (issue 24): the same kinds of page, at the same ratios; its article is a demo
        # one, measured in English too.
        "/articles/ketamine-and-suicidal-thoughts/",
        "/es/", "/es/articles/", "/es/articles/ketamine-and-suicidal-thoughts/", "/es/conditions/",
        "/es/conditions/treatment-resistant-depression/", "/es/treatments/", "/es/safety/check/",
        "/es/search/?q=depresion", "/es/articles/feed/",
    ]  # fmt: skip


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, args, seconds: int | None = None, script: Path | None = None, script_args=()) -> dict:
    """Load url with wrk for seconds (--seconds by default), its requests made by a Lua script if given."""
    command = [
        "wrk", "-t2", f"-c{args.connections}", f"-d{seconds or args.seconds}s", "--latency",
        "--timeout", "30s", *(["-s", str(script)] if script else []), url,
        *(["--", *script_args] if script_args else []),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True)
    out = done.stdout
    if done.returncode:
        raise SetupError(f"wrk failed:\n{done.stdout}{done.stderr}")

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\b", out, re.MULTILINE)
        return float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")

    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rate": float(rate.group(1)) if rate else 0.0,
        "p50": latency(50),
        "p99": latency(99),
        "errors": int(errors.group(1)) if errors else 0,
    }


def drain(url: str):
    # A sync worker still answers requests queued before wrk stopped: wait for one, then let it settle.
    fetch(url, timeout=60)
    time.sleep(1.5)


def run(site, args) -> int:
    if args.searches_only:
        searches(site.urls["uncached"])
        return 0
    if args.only != "working-day":
        pages_against_the_floor(site.urls, args)
    if args.working_day_seconds:
        return measure_working_day(site, args)
    return 0


def pages_against_the_floor(sites, args):
    pages = args.pages or discover(sites["uncached"])
    for base_url in (sites["cached"], sites["uncached"]):
        for path in pages:
            for _ in range(3):
                fetch(base_url + path)  # warm templates, thumbnails and the page cache
    results = {(variant, path): [] for variant in ("cached", "uncached") for path in pages}
    floor = []
    for number in range(1, args.rounds + 1):
        print(f"round {number}/{args.rounds}…", flush=True)
        for path in pages:
            for variant in ("cached", "uncached"):
                url = sites[variant] + path
                results[variant, path].append(wrk(url, args))
                drain(url)
        floor.append(wrk(sites["minimal"] + "/", args))
        drain(sites["minimal"] + "/")
    floor_rate = statistics.median(run["rate"] for run in floor)
    floor_p50 = statistics.median(r["p50"] for r in floor)
    floor_p99 = statistics.median(r["p99"] for r in floor)
    print(
        f"\n{args.articles:,} generated articles on PostgreSQL with Redis; gunicorn {args.workers} sync "
        f"workers; wrk -t2 -c{args.connections}, {args.rounds} rounds of {args.seconds} s, medians.\n"
        f"Floor: a minimal Django view rendering a 1 KB template: {floor_rate:,.0f} req/s, "
        f"p50 {floor_p50:.1f} ms, p99 {floor_p99:.1f} ms\n"
    )
    columns = "req/s | p50 ms | p99 ms | × floor"
    header = f"| {'page':44} | cached {columns} | uncached {columns} |"
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    for path in pages:
        cells = []
        for variant in ("cached", "uncached"):
            runs = results[variant, path]
            rate = statistics.median(r["rate"] for r in runs)
            errors = sum(r["errors"] for r in runs)
            cells.append(
                f"{rate:12,.0f} | {statistics.median(r['p50'] for r in runs):6.1f} | "
                f"{statistics.median(r['p99'] for r in runs):6.1f} | {rate / floor_rate:7.2f}"
                + (f" ({errors} non-2xx)" if errors else "")
            )
        print(f"| {path[:44]:44} | {cells[0]} | {cells[1]} |")
    searches(sites["uncached"])
    if "front" in sites:
        front(sites, args)


def front(sites, args):
    """The front cache's pages against the same nginx serving a static file, interleaved, medians."""
    paths = {
        "static file (home page)": "/home.html",
        "/ from the front cache": "/",
        "/conditions/ from it": "/conditions/",
    }
    runs = {label: [] for label in paths}
    for _ in range(args.rounds):
        for label, path in paths.items():
            runs[label].append(wrk(sites["front"] + path, args))
            drain(sites["front"] + path)
    static_rate = statistics.median(r["rate"] for r in runs["static file (home page)"])
    print(
        "\nFront cache (deploy/nginx-cache.conf, nginx 1 worker) in front of the cached site; wrk as above:"
    )
    for label, results in runs.items():
        rate = statistics.median(r["rate"] for r in results)
        errors = sum(r["errors"] for r in results)  # a quick 502 is no fast page
        print(
            f"  {label:28} {rate:10,.0f} req/s  p50 {statistics.median(r['p50'] for r in results):5.2f} ms  "
            f"{rate / static_rate:5.2f}× the static file" + (f" ({errors} non-2xx)" if errors else "")
        )


def searches(base_url: str):
    timings = []
    for query in SEARCHES:
        started = time.perf_counter()
        status, _, _ = fetch(f"{base_url}/search/?{urllib.parse.urlencode({'q': query})}")
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * len(timings)) - 1]
    print(
        f"\nSearch, {len(SEARCHES)} different queries one at a time, uncached: "
        f"p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms"
    )


def measure_working_day(site: Site, args) -> int:
    """The same readers with nobody editing, then while an editor works; 1 when the editor's work failed."""
    seconds = args.working_day_seconds
    base_url = site.urls["cached"]
    publishes = sum(action == "publish" for _, action in working_day.schedule(seconds))
    made = manage(
        site.env, "bench", "shell", "-v", "0", "-c",
        f"from tools.working_day import make_editor; make_editor({publishes + 1})",
    )  # fmt: skip
    account = json.loads(made.strip().splitlines()[-1])
    draw = working_day.reader_pages(base_url, args.reader_articles, SEARCHES[:20])
    pages_file = site.workdir / "readers.txt"
    pages_file.write_text("\n".join(draw) + "\n")
    distinct = set(draw)
    started = time.monotonic()
    working_day.warm(base_url, distinct)
    print(
        f"\nWorking day: {len(distinct):,} different pages warmed in {time.monotonic() - started:.0f} s; "
        f"two runs of {seconds} s…",
        flush=True,
    )
    runs = {}
    for label in ("nobody editing", "an editor working"):
        editor = working_day.Editor(base_url, account, seconds) if label == "an editor working" else None
        load = os.getloadavg()[0]
        start = site.cached_log.stat().st_size
        if editor:
            editor.start()
        readers = wrk(base_url + "/", args, seconds, working_day.READERS_SCRIPT, [str(pages_file)])
        if editor:
            editor.join()
        time.sleep(2)  # the requests queued when wrk stopped are answered and logged
        outcomes = working_day.read_log(site.cached_log, start, site.cached_log.stat().st_size, editor)
        runs[label] = (readers, outcomes, load)
    if args.request_log:
        shutil.copyfile(site.cached_log, args.request_log)
    return working_day.report(runs, editor, args)


if __name__ == "__main__":
    sys.exit(main())
