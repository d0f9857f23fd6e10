"""`make scale-check`: the production topology on this machine, without containers, and is it consistent?

Starts two gunicorn servers (A and B, debug off) on two ports, sharing one PostgreSQL database, a Redis and an
S3 server (moto) of their own, all on 127.0.0.1. Then, as an editor would:
1. publishes an article through A's admin and times how long until B shows it on its pages, lists, search,
   feeds and sitemap;
2. uploads an image through A's editor upload and fetches it through B;
3. changes the crisis line in A's admin and times how long until every page of both servers shows it.
Each check must pass within a second. Exit 0 when all pass.

Environment: SCALE_DATABASE_URL (default: a fresh `clinic_scalecheck` database on 127.0.0.1:5432, or a
throwaway cluster when nothing answers there).
"""

import argparse
import functools
import html
import io
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tools.services import MotoS3, PostgresCluster, RedisServer, free_port, wait_for_port
from tools.staff_browser import Browser, StaffBrowserError

PROJECT_DIR = Path(__file__).resolve().parent.parent

DEADLINE_SECONDS = 1.0
POLL_SECONDS = 0.02


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _ok(answer, seen):
    status, body = answer
    return status == 200 and seen(body.decode())


def poll_all(conditions, since, deadline=10.0):
    """Poll every condition at once, round after round, until all have held.

    Return label -> seconds from since until the request that first showed the change was sent: pages are
    asked in parallel, so one slow page doesn't make the next one look late.
    """
    appeared = {}

    def check(label):
        sent = time.monotonic()
        return label, sent, conditions[label]()

    with ThreadPoolExecutor(max_workers=len(conditions)) as pool:
        while len(appeared) < len(conditions) and time.monotonic() - since < deadline:
            waiting = [label for label in conditions if label not in appeared]
            for label, sent, held in pool.map(check, waiting):
                if held:
                    appeared[label] = sent - since
            time.sleep(POLL_SECONDS)
    return appeared


def wait_until(condition, deadline=10.0):
    """Return seconds until condition() held, polling; None if it never did within deadline."""
    started = time.monotonic()
    while True:
        if condition():
            return time.monotonic() - started
        if time.monotonic() - started > deadline:
            return None
        time.sleep(POLL_SECONDS)


class Report:
    def __init__(self):
        self.rows, self.failed = [], False

    def add(self, what, seconds, limit=DEADLINE_SECONDS):
        ok = seconds is not None and seconds <= limit
        self.failed |= not ok
        shown = "never (10 s)" if seconds is None else f"{seconds * 1000:7.0f} ms"
        self.rows.append(f"  {'ok  ' if ok else 'FAIL'} {what:<62} {shown}")
        print(self.rows[-1], flush=True)


def prepare_database(args, work):
    if args.database_url:
        return args.database_url, None
    import psycopg2

    try:
        admin = psycopg2.connect(
            host="127.0.0.1", port=5432, user="postgres", dbname="postgres", connect_timeout=3
        )
    except psycopg2.OperationalError:
        cluster = PostgresCluster().init().start()
        return cluster.create_database("clinic_scalecheck"), cluster
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("DROP DATABASE IF EXISTS clinic_scalecheck WITH (FORCE)")
        cursor.execute("CREATE DATABASE clinic_scalecheck")
    admin.close()
    return "postgres://postgres@127.0.0.1:5432/clinic_scalecheck", None


def manage(env, *command):
    subprocess.run([sys.executable, "manage.py", *command], cwd=PROJECT_DIR, env=env, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("SCALE_DATABASE_URL", ""))
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="clinic-scale-"))
    started = []
    cluster = None
    try:
        t0 = time.monotonic()
        database_url, cluster = prepare_database(args, work)
        redis = RedisServer().start()
        started.append(redis)
        s3 = MotoS3().start()
        started.append(s3)
        bucket = s3.create_bucket("clinic-media")
        password = secrets.token_urlsafe(16)
        env = {
            **{
                k: v
                for k, v in os.environ.items()
                if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "S3_"))
            },
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_SECURE_HSTS_SECONDS": "0",
            "DJANGO_BEHIND_PROXY": "0",
            "DJANGO_STATIC_ROOT": str(PROJECT_DIR / "staticfiles"),
            "DATABASE_URL": database_url,
            "REDIS_URL": redis.url,
            **s3.env(bucket),
            "DJANGO_SUPERUSER_USERNAME": "scale-editor",
            "DJANGO_SUPERUSER_EMAIL": "editor@example.org",
            "DJANGO_SUPERUSER_PASSWORD": password,
            "WEB_CONCURRENCY": str(args.workers),
        }
        print("Setting up: PostgreSQL database, Redis, S3 (moto), migrations, static files, demo content…")
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "collectstatic", "--no-input", "-v", "0")
        ports = {"A": free_port(), "B": free_port()}
        manage(env, "load_demo_content", "--no-accounts", "--site-url", f"http://127.0.0.1:{ports['A']}")
        manage(env, "createsuperuser", "--no-input")
        print(f"  ready in {time.monotonic() - t0:.1f} s")

        servers = {}
        for name, port in ports.items():
            log = (work / f"gunicorn-{name}.log").open("w")
            servers[name] = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "clinic.wsgi:application", "-c", "gunicorn.conf.py"],
                cwd=PROJECT_DIR,
                env={**env, "HOST": "127.0.0.1", "PORT": str(port)},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            started.append(servers[name])
        for name, port in ports.items():
            wait_for_port(port, timeout=60, process=servers[name])
        a, b = (f"http://127.0.0.1:{ports[name]}" for name in ("A", "B"))
        print(f"Server A: {a}   Server B: {b}   ({args.workers} gunicorn workers each)")
        print(
            "Times run from the change until the request that first showed it was sent; "
            "pages are asked in parallel.\n"
        )
        report = Report()
        try:
            run_checks(env, a, b, password, report)
        except StaffBrowserError as error:
            print(f"FAIL: {error}")
            return 1
        print()
        print("PASS: every change showed on both servers within a second." if not report.failed else "FAIL")
        return 1 if report.failed else 0
    finally:
        for thing in reversed(started):
            if isinstance(thing, subprocess.Popen):
                thing.terminate()
                thing.wait(timeout=20)
            else:
                thing.stop()
        if cluster is not None:
            cluster.destroy()


def run_checks(env, a, b, password, report):
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "clinic.settings"
    import django

    django.setup()
    from django.utils import timezone

    from articles.models import Article, Author, Status
    from domain.models import Person
    from domain.review_dates import next_review_after

    editor = Browser()
    editor.login(a, "scale-editor", password)

    # 1. An article published through A's admin: how soon is it everywhere on B?
    word = f"scalecheck{secrets.token_hex(3)}"
    reviewer = Person.objects.filter(may_review=True).first()
    author = Author.objects.first()
    draft = Article.objects.create(
        title=f"Published through server A ({word})",
        slug=word,
        author=author,
        reviewer=reviewer,
        last_reviewed=timezone.localdate(),
        next_review_due=next_review_after(timezone.localdate()),
        body=f"<p>A check that {word} reaches every server at once.</p>",
        status=Status.DRAFT,
    )
    print(
        "1. Article published through A's admin (action 'Publish now'); time from publish until B shows it:"
    )
    for base in (a, b):
        fetch(f"{base}/")  # warm both, so a stale cache would show
        fetch(f"{base}/sitemap.xml")
    editor.get(f"{a}/admin/articles/article/")
    editor.post(
        f"{a}/admin/articles/article/",
        [("csrfmiddlewaretoken", editor.csrf()), ("action", "publish_now"), ("_selected_action", draft.pk),
         ("index", "0")],
    )  # fmt: skip
    detail = f"/articles/{word}/"
    checks = {
        "article page": (detail, lambda body: word in body),
        "home page (latest articles)": ("/", lambda body: detail in body),
        "article list": ("/articles/", lambda body: detail in body),
        "author archive": (f"/articles/author/{author.slug}/", lambda body: detail in body),
        "search": (f"/search/?q={word}", lambda body: detail in body),
        "RSS feed": ("/articles/feed/", lambda body: detail in body),
        "Atom feed": ("/articles/feed/atom/", lambda body: detail in body),
        "sitemap.xml": ("/sitemap.xml", lambda body: detail in body),
    }
    published_at = time.monotonic()
    appeared = poll_all(
        {
            label: (lambda path=path, seen=seen: _ok(fetch(b + path), seen))
            for label, (path, seen) in checks.items()
        },
        published_at,
    )
    for label in checks:
        report.add(f"B: {label}", appeared.get(label))

    # 2. An image uploaded through A: served by B.
    print("2. Image uploaded through A's editor upload; time until B serves it:")
    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", (640, 400), "teal").save(image, format="JPEG")
    editor.get(f"{a}/admin/articles/article/{draft.pk}/change/")
    _, _, answer = editor.post(
        f"{a}/admin/articles/article/upload-image/",
        [("csrfmiddlewaretoken", editor.csrf())],
        files={"upload": ("scale-check.jpg", image.getvalue(), "image/jpeg")},
    )
    image_path = json.loads(answer)["url"]

    def image_served():
        status, body = fetch(b + image_path)  # B redirects to the store; urllib follows
        return status == 200 and body[:2] == b"\xff\xd8"

    report.add(f"B: {image_path}", wait_until(image_served))
    featured = Article.objects.published().exclude(featured_image="").first()
    if featured:
        _, page = fetch(b + featured.get_absolute_url())
        srcset = re.search(r'srcset="([^"]+)"', page.decode())
        urls = [html.unescape(part.split()[0]) for part in srcset.group(1).split(", ")] if srcset else []

        def renditions_served():
            return bool(urls) and all(fetch(url)[0] == 200 for url in urls)

        report.add(
            f"B: {len(urls)} renditions of a featured image, from the bucket", wait_until(renditions_served)
        )

    # 3. The crisis line changed on A: on every page of both, within a second.
    print("3. Crisis line changed in A's admin; time until every page of A and B shows it:")
    pages = ["/", "/articles/", detail, "/conditions/", "/treatments/", "/safety/", f"/search/?q={word}",
             f"/articles/author/{author.slug}/", "/no-such-page/"]  # fmt: skip
    from conditions.models import AdministrationRoute, Condition

    pages += [Condition.objects.listed().first().get_absolute_url()]
    pages += [AdministrationRoute.objects.listed().first().get_absolute_url()]
    for base in (a, b):
        for path in pages:
            fetch(base + path)  # warm every cache there is
    new_line = f"55{secrets.randbelow(10**6):06d}"
    # A new number comes with its line's name: the form asks for both (or a tick) so they can't disagree.
    editor.submit_admin_form(
        f"{a}/admin/clinic/siteprofile/1/change/",
        "siteprofile_form",
        {"crisis_line": new_line, "crisis_line_name": f"Scale-check crisis line {new_line}"},
    )
    changed_at = time.monotonic()

    def shown(url):
        _, body = fetch(url)
        return f'href="tel:{new_line}"' in body.decode()

    for base, name in ((a, "A"), (b, "B")):
        appeared = poll_all({path: functools.partial(shown, base + path) for path in pages}, changed_at)
        slowest = max(appeared.values()) if len(appeared) == len(pages) else None
        report.add(f"{name}: all {len(pages)} pages show the new crisis line", slowest)


if __name__ == "__main__":
    sys.exit(main())
