"""`make bench`'s working day: readers at full speed while an editor works, and the same readers alone.

Readers: wrk with tools/readers.lua; each request is a page drawn at random from a list made from the site's
own sitemap, in about these shares: the home page 5 %, the article list and its next pages 5 %, the other
pages (every category, tag, author, condition and treatment page, the safety page, the feeds, searches) 20 %,
and `articles` different article pages, spread over the archive, 70 %. Every page is fetched once before
the first run, so both runs start from the same warm page cache.

The editor (Editor): a thread using real HTTP against the same server, as a staff member of the Editors group
with an authenticator app (a confirmed django-otp TOTP device made for the run by make_editor, with drafts
copied from a generated article and medically reviewed). In seconds from the start of the run it signs in
afresh, password then the app's code, at 0, 60, 120…; autosaves what it types every 3 s; saves the draft
("Save and continue editing") every 30 s; and publishes it ("Publish now") at 60, 180, 300…, then works on
the next draft. Each publish is checked from outside: the article's page answers and the article list shows
it within VISIBLE_WITHIN seconds. An action that does not do what it should is a failure, and a failed or
missing action fails the bench: a bench in which the editor silently did nothing proves nothing.

The page cache's outcome for each reader request comes from the server's request log (one JSON line per
request on its stderr, infrastructure/request_log.py): the editor's own requests are told apart by the
X-Request-ID of each response it got. Misses are renders; those logged before the first publish came while
the editor signed in, autosaved and saved its draft, writes that no public page shows.
"""

import json
import re
import secrets
import statistics
import sys
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tools.services import fetch
from tools.staff_browser import Browser, StaffBrowserError, form_errors, form_fields
from tools.throwaway import SetupError

READERS_SCRIPT = Path(__file__).with_name("readers.lua")
EDITOR_USERNAME = "bench-editor"
# The editor's day, in seconds from the start of the run.
SIGN_IN_EVERY = 60
AUTOSAVE_EVERY = 3
DRAFT_SAVE_EVERY = 30
FIRST_PUBLISH, PUBLISH_EVERY = 60, 120
SHORTEST_DAY = FIRST_PUBLISH + 10  # long enough for one publish
# Actions due at the same moment run in this order: a fresh session first, then what changes the most.
ACTIONS = ("sign_in", "publish", "draft_save", "autosave")
VISIBLE_WITHIN = 5.0
ARTICLE_PAGE = re.compile(r"/articles/[\w-]+/")
LIST_PAGES = 5  # the article list's first pages that readers turn


def schedule(seconds: int) -> list[tuple[int, str]]:
    """Return the editor's actions in a run of seconds as [(second, action)], in the order they are done."""
    due = {
        "sign_in": range(0, seconds, SIGN_IN_EVERY),
        "publish": range(FIRST_PUBLISH, seconds, PUBLISH_EVERY),
        "draft_save": range(DRAFT_SAVE_EVERY, seconds, DRAFT_SAVE_EVERY),
        "autosave": range(AUTOSAVE_EVERY, seconds, AUTOSAVE_EVERY),
    }
    timed = sorted((second, ACTIONS.index(action), action) for action, at in due.items() for second in at)
    return [(second, action) for second, _, action in timed]


def make_editor(drafts: int) -> None:
    """Inside `manage.py shell`: make the editor's account, its authenticator app and drafts to work on, and
    print them as one line of JSON. Each draft copies a published generated article and its medical review."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from articles.models import Article, Status
    from articles.roles import EDITORS

    password = secrets.token_urlsafe(24)
    user, _ = get_user_model().objects.get_or_create(username=EDITOR_USERNAME)
    user.is_staff = True
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name=EDITORS))
    TOTPDevice.objects.filter(user=user).delete()
    app = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    model = (
        Article.objects.published()
        .filter(slug__startswith="gen-")
        .exclude(reviewer=None)
        .exclude(last_reviewed=None)
        .first()
    )
    made = []
    for number in range(1, drafts + 1):
        draft = Article.objects.create(
            title=f"Working day draft {number}: {model.title}",
            slug=f"working-day-{number}-{secrets.token_hex(3)}",
            dek=model.dek,
            author=model.author,
            category=model.category,
            reviewer=model.reviewer,
            last_reviewed=timezone.localdate(),
            body=model.body,
            key_takeaways=model.key_takeaways,
            status=Status.DRAFT,
        )
        draft.tags.set(model.tags.all())
        draft.related_conditions.set(model.related_conditions.all())
        made.append({"pk": draft.pk, "slug": draft.slug})
    account = {"username": EDITOR_USERNAME, "password": password, "app_key": app.key, "drafts": made}
    print(json.dumps(account))


class Editor(threading.Thread):
    """An editor at work on the site at base_url for seconds, as schedule() says; counts what it did."""

    def __init__(self, base_url: str, account: dict, seconds: int):
        super().__init__(name="editor", daemon=True)
        self.base, self.account, self.seconds = base_url, account, seconds
        self.drafts = list(account["drafts"])
        self.done = Counter()
        self.failures: list[str] = []
        self.publish_ids: list[str] = []  # the request ids of the publishing posts, in order
        self.actions: dict[str, str] = {}  # request id -> the action it was part of
        self.seconds_taken = defaultdict(list)  # action -> how long each took
        self.visible_after: list[float] = []  # seconds from each publish until the article list showed it
        self._browsers: list[Browser] = []
        self._checks: list[str] = []  # request ids of the anonymous checks after each publish
        self.browser = None
        self.form: list[tuple[str, str]] = []
        self.typed = 0

    @property
    def request_ids(self) -> set[str]:
        return {rid for browser in self._browsers for rid in browser.request_ids} | set(self._checks)

    def run(self):
        started = time.monotonic()
        for second, action in schedule(self.seconds):
            time.sleep(max(0.0, started + second - time.monotonic()))
            before, began = self.request_ids, time.monotonic()
            try:
                getattr(self, action)()
            except Exception as error:  # whatever went wrong is reported, and fails the bench
                self.failures.append(f"{action} at {second} s: {type(error).__name__}: {error}")
            else:
                self.done[action] += 1
                self.seconds_taken[action].append(time.monotonic() - began)
            self.actions.update(dict.fromkeys(self.request_ids - before, action))

    @property
    def draft(self) -> dict:
        if not self.drafts:
            raise StaffBrowserError("no draft left to work on")
        return self.drafts[0]

    @property
    def change_url(self) -> str:
        return f"{self.base}/admin/articles/article/{self.draft['pk']}/change/"

    def sign_in(self):
        """A fresh session: the admin's sign-in, the app's code, then the draft opened again."""
        browser = Browser()
        self._browsers.append(browser)
        self.browser = None
        browser.login(self.base, self.account["username"], self.account["password"], self.account["app_key"])
        self.browser = browser
        self.open_draft()

    def open_draft(self):
        _, page = self._signed_in().get(self.change_url)
        self.form = self._article_form(page)

    def autosave(self):
        self._type_a_sentence()
        _, _, answer = self._signed_in().post(
            f"{self.base}/admin/articles/article/autosave/",
            [*self.form, ("_autosave_object", str(self.draft["pk"]))],
            headers={"X-Requested-With": "fetch"},  # as the change form's script sends it
        )
        if "kept at" not in json.loads(answer).get("message", ""):
            raise StaffBrowserError(f"the autosave answered {answer[:200]!r}")

    def draft_save(self):
        self._type_a_sentence()
        page = self._post_form("_continue", "Save and continue editing")
        self.form = self._article_form(page)  # the page it comes back to, with the version just saved

    def publish(self):
        self._post_form("_workflow", "publish")
        self.publish_ids.append(self._signed_in().trail[0].request_id)
        published = time.monotonic()
        address = f"/articles/{self.draft['slug']}/"
        status, _ = self._anonymous(address)
        if status != 200:
            raise StaffBrowserError(f"{address} answered {status} after publishing")
        while f'href="{address}"'.encode() not in self._anonymous("/articles/")[1]:
            if time.monotonic() - published > VISIBLE_WITHIN:
                raise StaffBrowserError(f"/articles/ did not list {address} {VISIBLE_WITHIN:.0f} s after it")
            time.sleep(0.05)
        self.visible_after.append(time.monotonic() - published)
        self.drafts.pop(0)
        self.typed = 0
        self.open_draft()

    def _signed_in(self) -> Browser:
        if self.browser is None:
            raise StaffBrowserError("not signed in")
        return self.browser

    def _type_a_sentence(self):
        self.typed += 1
        sentence = f"<p>Sentence {self.typed}, typed during the working day.</p>"
        self.form = [(name, value + sentence if name == "body" else value) for name, value in self.form]

    def _post_form(self, button: str, value: str) -> str:
        """Post the article form with the button pressed; return the page it leads to."""
        browser = self._signed_in()
        _, _, page = browser.post(self.change_url, [*self.form, (button, value)])
        answer = browser.trail[0]
        if answer.status != 302 or "errornote" in page:
            raise StaffBrowserError(f"the article form was refused ({answer.status}): {form_errors(page)}")
        return page

    def _article_form(self, page: str) -> list[tuple[str, str]]:
        fields = form_fields(page, "article_form")
        if not any(name == "body" for name, _ in fields):
            raise StaffBrowserError(f"no article form at {self.change_url}")
        return fields

    def _anonymous(self, path: str) -> tuple[int, bytes]:
        """Fetch path as a reader would, logged as the editor's."""
        status, body, headers = fetch(self.base + path)
        self._checks.append(headers.get("X-Request-ID", ""))
        return status, body


# The readers


def sitemap_paths(base_url: str) -> list[str]:
    """Return the path of every page the sitemap names, following a sitemap index."""
    found, sitemaps = [], ["/sitemap.xml"]
    while sitemaps:
        status, body, _ = fetch(base_url + sitemaps.pop(0), timeout=60)
        if status != 200:
            raise SetupError(f"the sitemap answered {status}")
        xml = body.decode()
        locations = [_path(url) for url in re.findall(r"<loc>([^<]+)</loc>", xml)]
        if "<sitemapindex" in xml:
            sitemaps += locations
        else:
            found += locations
    return found


def _path(url: str) -> str:
    parts = urllib.parse.urlsplit(url.strip())
    return parts.path + (f"?{parts.query}" if parts.query else "")


def reader_pages(base_url: str, articles: int, searches: list[str]) -> list[str]:
    """Return the readers' draw: each page written as often as its share of reading (module docstring)."""
    every = sitemap_paths(base_url)
    article_pages = [path for path in every if ARTICLE_PAGE.fullmatch(path)]
    step = max(1, len(article_pages) // max(1, articles))
    chosen = article_pages[::step][:articles]
    lists = ["/articles/", *(f"/articles/?page={number}" for number in range(2, LIST_PAGES + 1))]
    others = [path for path in every if path not in article_pages and path not in ("/", *lists)]
    others += ["/articles/feed/", "/articles/feed/atom/"]
    others += [f"/search/?{urllib.parse.urlencode({'q': query})}" for query in searches]
    total = len(chosen) / 0.70
    draw = ["/"] * round(0.05 * total)
    draw += lists * max(1, round(0.05 * total / len(lists)))
    draw += others * max(1, round(0.20 * total / len(others)))
    return draw + chosen


def warm(base_url: str, paths: set[str]) -> None:
    """Fetch every page once, so that both runs start from a warm page cache; every page must answer 200."""
    paths = sorted(paths)
    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(lambda path: fetch(base_url + path, timeout=60)[0], paths))
    failed = {path: status for path, status in zip(paths, statuses, strict=True) if status != 200}
    if failed:
        raise SetupError(f"readers' pages that do not answer 200: {dict(list(failed.items())[:10])}")


# The request log


@dataclass
class Outcomes:
    """What the page cache did for the readers' requests in one run."""

    counts: Counter = field(default_factory=Counter)  # hit, stale, miss, bypass
    # Renders (misses, the editor's looks at public pages too): before the first publish (0), after the n-th.
    renders: Counter = field(default_factory=Counter)
    paths: dict = field(default_factory=lambda: defaultdict(set))  # the paths rendered, the same way
    # Each render before the first publish: (its path, the editor's action logged last before it).
    quiet_renders: list = field(default_factory=list)
    errors: int = 0  # reader requests answered with a status of 400 or more
    # Seconds the workers spent (the log's duration_ms): on the editor's requests, and on renders.
    editor_seconds: float = 0.0
    render_seconds: float = 0.0
    # The readers' hits (stale copies too) and the seconds they took, before the first publish and after
    # each: a hit fills the page's holes (infrastructure/page_holes.py), which a change makes it render again.
    hits: Counter = field(default_factory=Counter)
    hit_seconds: Counter = field(default_factory=Counter)

    @property
    def requests(self) -> int:
        return sum(self.counts.values())

    @property
    def hit_ratio(self) -> float:
        served = self.counts["hit"] + self.counts["stale"]
        counted = served + self.counts["miss"]
        return served / counted if counted else float("nan")

    def slower_hits_seconds(self) -> float:
        """The seconds the hits after each publish took beyond the mean time of a hit before the first."""
        pace = self.hit_seconds[0] / self.hits[0] if self.hits[0] else 0.0
        return sum(self.hit_seconds[n] - self.hits[n] * pace for n in self.hits if n)

    def hit_ms(self, since: int) -> float:
        """The mean time of a hit before the first publish (0) or after the n-th, in milliseconds."""
        return 1000 * self.hit_seconds[since] / self.hits[since] if self.hits[since] else float("nan")


def read_log(path: Path, start: int, end: int, editor: Editor | None = None) -> Outcomes:
    """Count the page cache's outcomes for the readers' requests in the log between two offsets."""
    actions = editor.actions if editor else {}
    publishes = {
        request_id: number for number, request_id in enumerate(editor.publish_ids if editor else (), 1)
    }
    outcomes = Outcomes()
    since = 0  # the publishes so far, in the log's order
    last_action = None
    with path.open("rb") as log:
        log.seek(start)
        lines = log.read(end - start).splitlines()
    for line in lines:
        if not line.startswith(b"{"):
            continue  # gunicorn's own lines
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # a line cut by the run's start
        request_id, outcome = entry.get("request_id"), entry.get("cache")
        since = publishes.get(request_id, since)
        last_action = actions.get(request_id, last_action)
        seconds = (entry.get("duration_ms") or 0) / 1000
        if request_id in actions:
            outcomes.editor_seconds += seconds
        if outcome == "miss":  # a render, for a reader or for the editor's look at the public pages
            outcomes.render_seconds += seconds
            outcomes.renders[since] += 1
            outcomes.paths[since].add(entry.get("path"))
            if not since:
                outcomes.quiet_renders.append((entry.get("path"), last_action))
        if request_id not in actions:
            outcomes.counts[outcome] += 1
            outcomes.errors += entry.get("status", 0) >= 400
            if outcome in ("hit", "stale"):
                outcomes.hits[since] += 1
                outcomes.hit_seconds[since] += seconds
    return outcomes


# The report


def kind_of(path: str) -> str:
    """Name the kind of page at path, for counting re-rendered pages by kind."""
    if path in ("/", "/articles/", "/search/", "/sitemap.xml"):
        return {"/": "home", "/articles/": "article list", "/search/": "search"}.get(path, path)
    if "/feed/" in path:
        return "feed"
    if ARTICLE_PAGE.fullmatch(path):
        return "article"
    archive = re.fullmatch(r"/articles/(category|tag|author|condition)/[\w-]+/", path)
    if archive:
        return f"{archive.group(1)} archive"
    section = re.fullmatch(r"/(conditions|treatments)/[\w-]+/", path)
    return f"{section.group(1)[:-1]} page" if section else path


def _kinds(paths) -> str:
    counted = Counter(kind_of(path) for path in paths)
    return ", ".join(f"{kind} {count}" if count > 1 else kind for kind, count in counted.most_common())


def report(runs: dict, editor: Editor, args) -> int:
    """Print what the two runs measured; return 1 when the editor's work failed, else 0."""
    (idle, idle_log, _), (working, working_log, _) = runs.values()
    print(
        f"\nWorking day on the cached site: {args.articles:,} generated articles; gunicorn {args.workers} "
        f"sync workers; readers wrk -t2 -c{args.connections}, {args.working_day_seconds} s per run, over "
        f"the home page, lists, searches and {args.reader_articles:,} articles (tools/readers.lua), gzip "
        "accepted.\n"
    )
    print("|                   | readers req/s | p50 ms | p99 ms | hit ratio | hits+stale | misses | bypass "
          "| errors | load before |")  # fmt: skip
    print("|-------------------|---------------|--------|--------|-----------|------------|--------|--------"
          "|--------|-------------|")  # fmt: skip
    for label, (readers, outcomes, load) in runs.items():
        counts = outcomes.counts
        print(
            f"| {label:17} | {readers['rate']:13,.0f} | {readers['p50']:6.1f} | {readers['p99']:6.1f} | "
            f"{outcomes.hit_ratio:8.3%} | {counts['hit'] + counts['stale']:10,} | {counts['miss']:6,} | "
            f"{counts['bypass']:6,} | {outcomes.errors + readers['errors']:6,} | {load:11.2f} |"
        )
    ratio = working["rate"] / idle["rate"] if idle["rate"] else float("nan")
    hits = working_log.hit_ratio
    print(
        f"\nReaders' throughput with the editor working: {ratio:.2f}× the run with nobody editing "
        f"(target ≥ 0.9×: {'met' if ratio >= 0.9 else 'not met'}). Hit ratio with the editor working: "
        f"{hits:.3%} (target ≥ 99 %: {'met' if hits >= 0.99 else 'not met'})."
    )
    done = editor.done
    took = ", ".join(
        f"{action.replace('_', ' ')} {1000 * statistics.median(seconds):.0f} ms"
        for action, seconds in editor.seconds_taken.items()
    )
    print(
        f"Editor ({editor.account['username']}: Editors group, password and authenticator app, real HTTP): "
        f"{done['sign_in']} sign-ins, {done['autosave']} autosaves, {done['draft_save']} draft saves, "
        f"{done['publish']} publishes, {len(editor.failures)} failed; median time taken: {took}."
    )
    print(
        f"Worker time in the run with the editor, of {args.workers * args.working_day_seconds} s "
        f"({args.workers} workers × {args.working_day_seconds} s): the editor's requests "
        f"{working_log.editor_seconds:.1f} s, renders {working_log.render_seconds:.1f} s, and readers' hits "
        f"after a publish {working_log.slower_hits_seconds():.1f} s more than at the pace before it."
    )
    quiet = Counter(
        f"{path} (after a {action.replace('_', ' ')})" for path, action in working_log.quiet_renders
    )
    print(
        f"Renders before the first publish (the editor signed in, autosaved and saved drafts): "
        f"{working_log.renders[0]}"
        + (f": {', '.join(f'{what} ×{n}' for what, n in quiet.most_common(8))}" if quiet else "")
        + f". With nobody editing: {idle_log.renders[0]} in the whole run."
    )
    for number, seconds in enumerate(editor.visible_after, start=1):
        paths = working_log.paths[number]
        print(
            f"Publish {number}: then {working_log.renders[number]} renders of {len(paths)} "
            f"paths ({_kinds(paths)}; a path's ?page= variants count once); the article "
            f"list showed the article {seconds:.2f} s after it was published."
        )
    after = ", ".join(
        f"after publish {number} {working_log.hit_ms(number):.1f} ms"
        for number in range(1, len(editor.publish_ids) + 1)
    )
    print(
        f"A reader's hit took on average {idle_log.hit_ms(0):.1f} ms with nobody editing; with the editor, "
        f"{working_log.hit_ms(0):.1f} ms before the first publish, {after} (the server's time; a hit fills "
        "the page's holes, which a change renders again)."
    )
    expected = Counter(action for _, action in schedule(args.working_day_seconds))
    missing = {
        action: expected[action] - done[action] for action in expected if done[action] < expected[action]
    }
    if editor.failures or missing:
        print("\nbench: FAILED: the editor's work did not all succeed, so the working day proves nothing.",
              file=sys.stderr)  # fmt: skip
        for failure in editor.failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    if not working_log.requests or not idle_log.requests:
        print(
            "\nbench: FAILED: no reader requests in the request log (DJANGO_REQUEST_LOG_LEVEL?)",
            file=sys.stderr,
        )
        return 1
    return 0
