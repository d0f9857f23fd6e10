"""Browser fixtures: Playwright (sync API) driving Debian's chromium against pytest-django's live_server.

Every page a test opens is watched: a console error, an uncaught page error (a broken CKEditor shows
only as one) or a request to any host but the live server fails the test at teardown. A test that
expects an error (say, it visits a 404 page on purpose) clears `page_log.console_errors` itself.
"""

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from playwright.sync_api import Browser, Page, sync_playwright

from articles.roles import sync_roles as sync_article_roles
from conditions.roles import sync_roles as sync_condition_roles
from tests.factories import UserFactory
from tools.browser import CHROMIUM, FLAGS

E2E_DIR = Path(__file__).parent


@pytest.hookimpl(tryfirst=True)  # before pytest's own hook applies `-m`
def pytest_collection_modifyitems(items):
    for item in items:
        if E2E_DIR in item.path.parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """The test database is a file here, as `make run`'s is, not SQLite's shared in-memory database.

    With memory, Django hands the live server's threads one shared connection, so two requests at once
    (an autosave still in flight when Publish is pressed) fail with "database table is locked". With a
    file each thread has its own connection and waits for the write lock, as in the real deployment.
    """
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("e2e-db") / "test.sqlite3")


@dataclass
class PageLog:
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def off_site(self, origin: str) -> list[str]:
        # data:, blob: and about: URLs have no host and never leave the browser.
        return [url for url in self.requests if urlsplit(url).netloc and not url.startswith(origin + "/")]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run tools/install_browser_tools.sh (make e2e does)")
    # The sync API keeps an asyncio loop running in this thread for the whole session, which makes
    # Django's async-safety check refuse every ORM call (fixtures, live_server, DB flush).
    old = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if old is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = old


@pytest.fixture
def page_log() -> PageLog:
    return PageLog()


@pytest.fixture
def new_page(browser, live_server, page_log):
    """Factory: `new_page(**context_options)` opens a watched page in a fresh context.

    The context's base_url is the live server, so tests can `page.goto("/")`.
    """
    contexts = []

    def make(**context_options) -> Page:
        context = browser.new_context(base_url=live_server.url, **context_options)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda msg: msg.type == "error" and page_log.console_errors.append(_console(msg)))
        page.on("pageerror", lambda error: page_log.page_errors.append(str(error)))
        page.on("request", lambda request: page_log.requests.append(request.url))
        return page

    yield make

    for context in contexts:
        context.close()
    problems = [f"console error: {e}" for e in page_log.console_errors]
    problems += [f"page error: {e}" for e in page_log.page_errors]
    problems += [f"off-site request: {url}" for url in page_log.off_site(live_server.url)]
    if problems:
        pytest.fail("browser problems:\n  " + "\n  ".join(problems), pytrace=False)


def _console(msg) -> str:
    location = msg.location
    return f"{msg.text} ({location.get('url', '')}:{location.get('lineNumber', '')})"


@pytest.fixture
def page(new_page) -> Page:
    return new_page()


STAFF_PASSWORD = "correct-horse-battery"  # UserFactory's


@pytest.fixture
def login():
    """`login(page, username, password)` signs in through /admin/login/ and asserts it worked."""

    def log_in(page: Page, username: str, password: str = STAFF_PASSWORD) -> None:
        page.goto("/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        with page.expect_navigation():
            page.click("input[type=submit], button[type=submit]")
        assert "/admin/login/" not in page.url, f"login as {username!r} failed: still on {page.url}"

    return log_in


@pytest.fixture
def staff_member(transactional_db):
    """Factory: `staff_member(username, role, **names)` makes a user in a role's group ("Authors", "Editors",
    "Clinic staff"), who signs in with `login(page, username)`.

    Transactional tests flush the database after each test; the roles' groups come back with sync_roles.
    """
    sync_condition_roles(apps)
    sync_article_roles(apps)

    def make(username: str, role: str, **names):
        user = UserFactory(username=username, password=STAFF_PASSWORD, **names)
        user.groups.add(Group.objects.get(name=role))
        return user

    return make
